#pragma once
// Internal to corpus/: WARC files (ISO 28500, WARC/1.0 and 1.1), plain (.warc) or gzip
// (.warc.gz, one gzip member per record as crawlers write them, or one member for all).
// Each `response` record whose HTTP payload is HTML (status 2xx, Content-Type *html*) is one
// article, read by ReadHtml; other records (warcinfo, request, metadata, images, redirects)
// are passed over without a word.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "corpus/readers.h"
#include "corpus/status.h"

namespace concord::corpus::internal {

// True for "x.warc" and "x.warc.gz" (any case).
bool IsWarcFile(const std::filesystem::path& path);

// Streams the records of the WARC file at `path`: the file is read in fixed-size chunks and
// one record is held at a time (memory does not grow with the file). Each article goes to
// `on_article` as it is read:
//   text, title, source  from the page (ReadHtml)
//   url                  WARC-Target-URI
//   published            the page's own date, else WARC-Date
//   suffix               "#" + WARC-Record-ID without its <> ("#urn:uuid:..."), else
//                        "#@<offset>": with the file's canonical path, a stable id
//   where                "FILE@<offset>"
// <offset> is the record's byte offset in the file; in a .warc.gz, the offset of the gzip
// member it starts in (what CDX indexes give). A truncated or corrupt record, or a page the
// HTML reader rejects, is a rejection naming FILE@<offset> and the reason; reading goes on
// at the next record (the next "WARC/" line, or the next gzip member after corrupt data).
// A file that cannot be opened is one rejection.
void ReadWarc(const std::filesystem::path& path, const std::string& where,
              const std::function<void(RawArticle)>& on_article, std::vector<Status>& rejections);

}  // namespace concord::corpus::internal
