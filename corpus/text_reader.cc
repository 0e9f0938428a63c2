// Plain text and Markdown, with optional front matter. Grammar (line ends LF, CRLF or CR):
//   file         = [BOM] [front-matter] body
//   front-matter = "---" EOL *( entry / blank / comment / continuation ) "---" EOL
//   entry        = key ":" [ WS value ]       key = 1*( ALPHA / DIGIT / "_" / "-" )
//   value        = plain text | '"' text '"' (\" and \\ escaped) | "'" text "'" ('' escaped)
//   comment      = "#" ...;   continuation = a line starting with WS or "- " after an entry
// Continuations (YAML lists such as "tags:\n  - a") are accepted and ignored, so the usual
// Jekyll/Hugo headers read; anything else that is not `key: value` is malformed. Keys used:
// title, source, published (or date), url, kind, derived_from; others are ignored.

#include <string>
#include <string_view>

#include "corpus/readers.h"
#include "corpus/text_util.h"

namespace concord::corpus::internal {
namespace {

struct Line {
  std::string_view content;  // without its line end
  std::size_t next = 0;      // offset of the next line
};

Line LineAt(std::string_view bytes, std::size_t start) {
  std::size_t end = start;
  while (end < bytes.size() && bytes[end] != '\n' && bytes[end] != '\r') ++end;
  std::size_t next = end;
  if (next < bytes.size() && bytes[next] == '\r') ++next;
  if (next < bytes.size() && bytes[next] == '\n' && (next == end || bytes[end] == '\r')) ++next;
  return {bytes.substr(start, end - start), next};
}

std::string_view TrimRight(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool IsFence(std::string_view line) { return TrimRight(line) == "---"; }

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

std::string Unquote(std::string_view value) {
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    std::string out;
    for (std::size_t i = 1; i + 1 < value.size(); ++i) {
      if (value[i] == '\\' && i + 2 < value.size() &&
          (value[i + 1] == '"' || value[i + 1] == '\\')) {
        ++i;
      }
      out += value[i];
    }
    return out;
  }
  if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
    std::string out;
    for (std::size_t i = 1; i + 1 < value.size(); ++i) {
      if (value[i] == '\'' && i + 2 < value.size() && value[i + 1] == '\'') ++i;
      out += value[i];
    }
    return out;
  }
  return std::string(value);
}

void Assign(std::string_view key, std::string value, ArticleMetadata& metadata,
            std::string& date_value) {
  const std::string lower = ToLower(key);
  if (lower == "title") {
    metadata.title = std::move(value);
  } else if (lower == "source") {
    metadata.source = std::move(value);
  } else if (lower == "published") {
    metadata.published = std::move(value);
  } else if (lower == "date") {
    date_value = std::move(value);  // `published` wins when both are given
  } else if (lower == "url") {
    metadata.url = std::move(value);
  } else if (lower == "kind") {
    metadata.kind = std::move(value);
  } else if (lower == "derived_from") {
    metadata.derived_from = std::move(value);
  }
}

// Parses the front matter opening at `start` (the "---" line); returns the offset of the body.
Result<std::size_t> ParseFrontMatter(std::string_view bytes, std::size_t start,
                                     const std::string& where, ArticleMetadata& metadata) {
  std::size_t line_number = 1;
  std::size_t pos = LineAt(bytes, start).next;
  bool have_entry = false;
  std::string date_value;
  while (pos < bytes.size()) {
    const Line line = LineAt(bytes, pos);
    ++line_number;
    pos = line.next;
    const std::string_view trimmed = Trim(line.content);
    if (IsFence(line.content)) {
      if (metadata.published.empty()) metadata.published = std::move(date_value);
      return pos;
    }
    if (trimmed.empty() || trimmed.front() == '#') continue;
    const char first = line.content.front();
    if (have_entry &&
        (first == ' ' || first == '\t' || trimmed == "-" || line.content.starts_with("- "))) {
      continue;
    }
    std::size_t key_end = 0;
    while (key_end < line.content.size() && IsKeyChar(line.content[key_end])) ++key_end;
    const bool is_entry = key_end > 0 && key_end < line.content.size() &&
                          line.content[key_end] == ':' &&
                          (key_end + 1 == line.content.size() || line.content[key_end + 1] == ' ' ||
                           line.content[key_end + 1] == '\t');
    if (!is_entry) {
      return Status::InvalidInput(where, "malformed front matter at line " +
                                             std::to_string(line_number) +
                                             ": expected 'key: value'");
    }
    have_entry = true;
    Assign(line.content.substr(0, key_end), Unquote(Trim(line.content.substr(key_end + 1))),
           metadata, date_value);
  }
  return Status::InvalidInput(where, "front matter not closed (opened at line 1)");
}

}  // namespace

ReaderOutput ReadPlainText(std::string_view bytes, const std::string& where) {
  ReaderOutput out;
  const std::size_t bom = BomLength(bytes);
  if (IsBlank(bytes.substr(bom))) {
    out.rejections.push_back(Status::InvalidInput(where, "empty file"));
    return out;
  }
  RawArticle article;
  article.where = where;
  article.body_offset = bom;
  if (IsFence(LineAt(bytes, bom).content)) {
    auto body = ParseFrontMatter(bytes, bom, where, article.metadata);
    if (!body.ok()) {
      out.rejections.push_back(body.status());
      return out;
    }
    // A BOM written again after the front matter (files joined by a tool) is not text.
    article.body_offset = *body + BomLength(bytes.substr(*body));
    if (IsBlank(bytes.substr(article.body_offset))) {
      out.rejections.push_back(Status::InvalidInput(where, "empty text after the front matter"));
      return out;
    }
  }
  article.text = NormalizeNewlines(bytes.substr(article.body_offset));
  out.articles.push_back(std::move(article));
  return out;
}

}  // namespace concord::corpus::internal
