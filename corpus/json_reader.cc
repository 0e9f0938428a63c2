// JSON and JSON lines, with the field names common scrapers write (news-please, trafilatura,
// newspaper3k and hand-made exports):
//   title | text, maintext, content, body | date_publish, published, date | source,
//   source_domain, sitename | url | kind | derived_from
// The first field of a group holding a non-empty string wins; null and other types count as
// absent, except that a text given as an array of strings is joined into paragraphs.

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "corpus/readers.h"
#include "corpus/text_util.h"

namespace concord::corpus::internal {
namespace {

using nlohmann::json;

// nlohmann's messages start with "[json.exception.parse_error.101] "; users need the rest.
// For a single line, "at line 1, column 7" says less than "at column 7".
std::string ParseMessage(const json::exception& error, bool single_line) {
  std::string message = error.what();
  if (message.starts_with("[json.exception.")) {
    if (const std::size_t close = message.find("] "); close != std::string::npos) {
      message.erase(0, close + 2);
    }
  }
  if (single_line) {
    constexpr std::string_view kLineOne = "at line 1, column ";
    if (const std::size_t at = message.find(kLineOne); at != std::string::npos) {
      message.replace(at, kLineOne.size(), "at column ");
    }
  }
  return message;
}

std::string StringField(const json& object, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    const auto it = object.find(name);
    if (it == object.end() || !it->is_string()) continue;
    const std::string& value = it->get_ref<const std::string&>();
    if (!IsBlank(value)) return std::string(Trim(value));
  }
  return "";
}

std::string TextField(const json& object) {
  for (const char* name : {"text", "maintext", "content", "body"}) {
    const auto it = object.find(name);
    if (it == object.end()) continue;
    if (it->is_string()) {
      const std::string& value = it->get_ref<const std::string&>();
      if (!IsBlank(value)) return value;
      continue;
    }
    if (!it->is_array()) continue;
    std::string joined;
    for (const json& paragraph : *it) {
      if (!paragraph.is_string() || IsBlank(paragraph.get_ref<const std::string&>())) continue;
      if (!joined.empty()) joined += "\n\n";
      joined += paragraph.get_ref<const std::string&>();
    }
    if (!joined.empty()) return joined;
  }
  return "";
}

// One article from one JSON object; `where` labels its messages, `suffix` its id.
void ReadObject(const json& value, const std::string& where, std::string suffix,
                ReaderOutput& out) {
  if (!value.is_object()) {
    out.rejections.push_back(Status::InvalidInput(
        where, std::string("expected a JSON object, found ") + value.type_name()));
    return;
  }
  std::string text = TextField(value);
  if (text.empty()) {
    out.rejections.push_back(Status::InvalidInput(
        where, "empty text (no text, maintext, content or body field with text)"));
    return;
  }
  if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
    out.rejections.push_back(Status::InvalidInput(
        where, "binary text (NUL character at byte " + std::to_string(nul) + " of the text)"));
    return;
  }
  RawArticle article;
  article.where = where;
  article.suffix = std::move(suffix);
  article.text = NormalizeNewlines(std::string_view(text).substr(BomLength(text)));
  ArticleMetadata& metadata = article.metadata;
  metadata.title = StringField(value, {"title"});
  metadata.published = StringField(value, {"date_publish", "published", "date"});
  metadata.source = StringField(value, {"source", "source_domain", "sitename"});
  metadata.url = StringField(value, {"url"});
  metadata.kind = StringField(value, {"kind"});
  metadata.derived_from = StringField(value, {"derived_from"});
  if (const auto id = value.find("id"); id != value.end()) {
    if (id->is_string() && !IsBlank(id->get_ref<const std::string&>())) {
      article.given_id = std::string(Trim(id->get_ref<const std::string&>()));
    } else if (id->is_number_unsigned()) {
      article.given_id = std::to_string(id->get<std::uint64_t>());
    } else if (id->is_number_integer()) {
      article.given_id = std::to_string(id->get<std::int64_t>());
    }
  }
  out.articles.push_back(std::move(article));
}

}  // namespace

ReaderOutput ReadJson(std::string_view bytes, const std::string& where) {
  ReaderOutput out;
  bytes.remove_prefix(BomLength(bytes));
  if (IsBlank(bytes)) {
    out.rejections.push_back(Status::InvalidInput(where, "empty file"));
    return out;
  }
  json document;
  try {
    document = json::parse(bytes);
  } catch (const json::exception& error) {
    out.rejections.push_back(
        Status::InvalidInput(where, "malformed JSON: " + ParseMessage(error, false)));
    return out;
  }
  if (document.is_object()) {
    ReadObject(document, where, "", out);
    return out;
  }
  if (!document.is_array()) {
    out.rejections.push_back(Status::InvalidInput(
        where, std::string("expected a JSON object or an array of objects, found ") +
                   document.type_name()));
    return out;
  }
  if (document.empty()) {
    out.rejections.push_back(Status::InvalidInput(where, "empty file (an empty JSON array)"));
    return out;
  }
  // Elements are numbered from 1, as lines are: "digest.json#2" is the second article.
  for (std::size_t i = 0; i < document.size(); ++i) {
    const std::string suffix = "#" + std::to_string(i + 1);
    ReadObject(document[i], where + suffix, suffix, out);
  }
  return out;
}

ReaderOutput ReadJsonLine(std::string_view line, const std::string& where) {
  ReaderOutput out;
  json value;
  try {
    value = json::parse(line);
  } catch (const json::exception& error) {
    out.rejections.push_back(Status::InvalidInput(where, "malformed JSON line: " + ParseMessage(error, true)));
    return out;
  }
  ReadObject(value, where, "", out);
  return out;
}

ReaderOutput ReadJsonLines(std::string_view bytes, const std::string& where) {
  ReaderOutput out;
  std::size_t pos = BomLength(bytes);
  std::size_t line_number = 0;
  bool any_line = false;
  while (pos < bytes.size()) {
    const std::size_t end = std::min(bytes.find('\n', pos), bytes.size());
    const std::string_view line = bytes.substr(pos, end - pos);
    const std::size_t line_start = pos;
    pos = end + 1;
    ++line_number;
    if (IsBlank(line)) continue;
    any_line = true;
    const std::string line_where = where + ":" + std::to_string(line_number);
    // Checked per line so one bad line does not cost the good ones; the offset is the file's.
    if (const std::size_t bad = FindInvalidUtf8(line); bad != std::string_view::npos) {
      out.rejections.push_back(Status::InvalidInput(
          line_where, "invalid UTF-8 at byte " + std::to_string(line_start + bad)));
      continue;
    }
    json value;
    try {
      value = json::parse(line);
    } catch (const json::exception& error) {
      out.rejections.push_back(
          Status::InvalidInput(line_where, "malformed JSON line: " + ParseMessage(error, true)));
      continue;
    }
    ReadObject(value, line_where, "#L" + std::to_string(line_number), out);
  }
  if (!any_line) out.rejections.push_back(Status::InvalidInput(where, "empty file"));
  return out;
}

}  // namespace concord::corpus::internal
