#pragma once
// Internal to corpus/: one reader per input format. A reader turns the bytes of one file into
// raw articles (text plus the metadata the file itself gives, unparsed and unmerged); corpus.cc
// merges them with the manifest, checks dates and kinds, and assigns ids and hashes.
//
// Every reader gets bytes that already passed the whole-file checks (no NUL byte; valid UTF-8
// except for .jsonl, which checks each line) and labels its messages with `where`.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/corpus.h"
#include "corpus/status.h"

namespace concord::corpus::internal {

struct RawArticle {
  std::string text;             // final stored text: no BOM, LF line ends
  std::size_t body_offset = 0;  // where `text` starts in the file; 0 for JSON and HTML
  ArticleMetadata metadata;     // as the file gives it; `published` and `kind` unparsed
  std::string suffix;           // appended to id and name: "#L3" (JSON line), "#2" (array)
  std::string where;            // labels warnings about this article: "FILE" or "FILE:3"
  std::string given_id;         // a JSON object's own "id" (string or integer), or empty
};

struct ReaderOutput {
  std::vector<RawArticle> articles;
  std::vector<Status> rejections;
};

// .txt/.md/.markdown/.text: optional front matter, then the body.
ReaderOutput ReadPlainText(std::string_view bytes, const std::string& where);
// .json: one object, or an array of objects.
ReaderOutput ReadJson(std::string_view bytes, const std::string& where);
// .jsonl/.ndjson: one object per line; bad lines are rejected one by one.
ReaderOutput ReadJsonLines(std::string_view bytes, const std::string& where);
// One line of a JSON-lines stream (already checked: UTF-8, not blank); rejected when it is not
// a JSON object with text. `where` labels it ("-:3").
ReaderOutput ReadJsonLine(std::string_view line, const std::string& where);
// .html/.htm: the article body (main_content.h: no menus, banners, share bars, comments or
// lists of other stories) and <meta>/<time>/<link>/JSON-LD metadata. Also reads each HTML
// record of a WARC file (warc_reader.h).
ReaderOutput ReadHtml(std::string_view bytes, const std::string& where);

}  // namespace concord::corpus::internal
