#pragma once
// corpus: folders and files in, Article records out. Readers for .txt/.md (front matter),
// .json (one article), .jsonl (one per line), .html (the main content, by an HTML5 parser, and
// <meta>), .warc / .warc.gz (each HTML response record one article), and manifest.csv.
// Every article's text is valid UTF-8 with LF line ends and no BOM.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "corpus/status.h"

namespace concord::corpus {

enum class ArticleKind { kArticle, kSummary, kPressRelease };

struct Article {
  std::string id;            // stable key: canonical path, plus "#L<n>" for a JSON line
                             // or "#<n>" (from 1) for an element of a JSON array
  std::string name;          // what reports show: path relative to the ingested root
  std::string source;        // outlet; falls back to the url's host, then "unknown"
  std::string url;
  std::string title;
  std::string published;     // ISO date "YYYY-MM-DD", or empty when the input gives none
  ArticleKind kind = ArticleKind::kArticle;
  std::string derived_from;  // id of the article this one was derived from, or empty
  std::string text;          // the stored text: spans everywhere are byte offsets into it
  std::size_t body_offset = 0;  // where `text` starts in the file (after BOM, front matter)
  std::uint64_t content_hash = 0;  // xxh3 of text and metadata: unchanged input, same hash
  bool operator==(const Article&) const = default;
};

// Metadata a manifest.csv row (or front matter) gives for one file; empty means "not given".
struct ArticleMetadata {
  std::string source, published, url, title, kind, derived_from;
  bool operator==(const ArticleMetadata&) const = default;
};

struct InputFile {
  std::filesystem::path path;
  std::filesystem::path root;   // the root given on the command line: a folder, or the file
  ArticleMetadata manifest;     // from the folder's manifest.csv, when it names this file
  std::string id = {};          // canonical path (the article id); empty = worked out on reading
  bool operator==(const InputFile&) const = default;
};

// Input files under `roots` (folders walked recursively, or single files), sorted so runs
// are deterministic. Hidden files, manifest.csv and a folder's README.* are not inputs. A
// missing root or a malformed manifest is a rejection; everything else is still listed.
// A symbolic link inside a folder is followed only when its resolved target is a file under
// that folder; a link leading outside it, a dangling link and a link loop are rejections
// naming the link. A root given on the command line is taken as given, link or not.
// A manifest row naming a file that does not exist is a warning.
struct Listing {
  std::vector<InputFile> files;
  std::vector<std::string> ids;                 // canonical path of each file, as article ids
  std::vector<std::filesystem::path> folders;   // canonical form of each folder root
  std::vector<Status> rejections;
  std::vector<Status> warnings;
  bool complete = true;  // false when a folder could not be read: files may exist unlisted
};
Listing ListInputs(const std::vector<std::filesystem::path>& roots);

// Articles read from one file. A rejected file gives no article and one rejection naming it
// and the reason (invalid UTF-8 and its byte offset, empty, binary, unknown format,
// malformed front matter); a .jsonl file keeps its good lines and rejects each bad one with
// its line number. Warnings (an unreadable published date) do not reject.
struct FileArticles {
  std::vector<Article> articles;
  std::vector<Status> rejections;
  std::vector<Status> warnings;
  bool complete = true;  // false when a folder could not be read: files may exist unlisted
};
FileArticles ReadArticles(const InputFile& file);

// The same, handing each article to `on_article` as it is read instead of keeping it: a WARC
// file's records go one at a time, so memory does not grow with the file (other formats are
// read whole first). The result holds the rejections and warnings; its `articles` stay empty.
FileArticles ReadArticles(const InputFile& file, const std::function<void(Article)>& on_article);

// Reads an article from memory, as `concord extract -` does for stdin. `name` labels errors
// and is the article's id; `extension` ("md", ".jsonl") picks the reader, empty = plain text.
FileArticles ReadArticlesFromText(std::string_view bytes, const std::string& name,
                                  const std::string& extension);

// One line of a JSON-lines article stream: what `concord extract -` reads on stdin as a mapper
// (Spark's pipe, Hadoop Streaming, xargs -P). The line is an article object with the fields a
// .jsonl file may have, plus an optional "id" (a string or an integer). The article's id and name
// are its "id", else its "url", else "<stream>#L<n>" (the line's place: stable within one stream
// only, so shards of one corpus should carry ids or urls). derived_from is kept as written: it
// names another article's id or url. A blank line gives nothing; a bad one a rejection naming
// "<stream>:<n>". `line_number` counts from 1.
FileArticles ReadArticleLine(std::string_view line, const std::string& stream, std::size_t line_number);

// The content hash (Article::content_hash) of an article's text and stored metadata.
std::uint64_t ContentHash(const Article& article);

// Byte offset of the first invalid UTF-8 sequence, or npos when `text` is valid.
std::size_t FindInvalidUtf8(std::string_view text);

// "2026-04-28", "2026-04-28T09:00:00Z", "April 28, 2026", "28 Apr 2026" → "2026-04-28";
// empty when `text` is not a date.
std::string ParsePublishedDate(std::string_view text);

const char* KindName(ArticleKind kind);

}  // namespace concord::corpus
