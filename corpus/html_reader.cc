// HTML: the visible text of the page and the metadata publishers put in <head>.
//
// Not a conforming HTML5 parser (that would be a library dependency for little gain): one
// pass over the bytes that knows comments, doctypes, attributes (quoted or not), raw-text
// elements whose content is never text (script, style, noscript, template, title), and
// block elements, which end a line or a paragraph. Whitespace runs collapse to one space
// outside <pre>, as a browser shows them. Everything inside <head> is metadata, not text.
//
// Metadata, first found wins within each rank (JSON-LD is a schema.org object in a
// <script type="application/ld+json">, alone, in an array or in an "@graph"):
//   title      <meta property="og:title">, <meta name="title">, JSON-LD headline, <title>
//   published  <meta property="article:published_time">, name="date", name="pubdate",
//              itemprop="datePublished", JSON-LD datePublished, the first <time datetime>
//   source     <meta property="og:site_name">, JSON-LD publisher.name
//   url        <link rel="canonical">, <meta property="og:url">, JSON-LD url

#include <array>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/readers.h"
#include "corpus/text_util.h"

namespace concord::corpus::internal {
namespace {

struct NamedEntity {
  std::string_view name;
  std::uint32_t code_point;
};

// The named entities news pages actually use. &nbsp; becomes a plain space: downstream
// patterns ("$5 billion") should not have to know about U+00A0.
constexpr std::array<NamedEntity, 28> kEntities = {{
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
    {"nbsp", ' '},     {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"laquo", 0x00AB},  {"raquo", 0x00BB},
    {"euro", 0x20AC},  {"pound", 0x00A3}, {"yen", 0x00A5},   {"cent", 0x00A2},   {"copy", 0x00A9},
    {"reg", 0x00AE},   {"trade", 0x2122}, {"deg", 0x00B0},   {"middot", 0x00B7}, {"bull", 0x2022},
    {"times", 0x00D7}, {"sect", 0x00A7},  {"para", 0x00B6},
}};

constexpr std::size_t kMaxEntityLength = 10;  // "&#x10FFFF;" is the longest we accept

// Decodes the entity at `text[pos]` ('&'); returns its length or 0 when it is not one.
std::size_t DecodeEntity(std::string_view text, std::size_t pos, std::string& out) {
  const std::size_t semicolon = text.find(';', pos);
  if (semicolon == std::string_view::npos || semicolon - pos > kMaxEntityLength) return 0;
  const std::string_view body = text.substr(pos + 1, semicolon - pos - 1);
  if (body.size() >= 2 && body.front() == '#') {
    const bool hex = body[1] == 'x' || body[1] == 'X';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    std::uint32_t value = 0;
    for (char c : digits) {
      std::uint32_t digit = 0;
      if (c >= '0' && c <= '9') {
        digit = static_cast<std::uint32_t>(c - '0');
      } else if (hex && c >= 'a' && c <= 'f') {
        digit = static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (hex && c >= 'A' && c <= 'F') {
        digit = static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        return 0;
      }
      value = value * (hex ? 16 : 10) + digit;
    }
    // &#160; is a non-breaking space: a plain space, as &nbsp; is.
    constexpr std::uint32_t kNoBreakSpace = 0xA0;
    AppendUtf8(value == kNoBreakSpace ? ' ' : value, out);  // invalid values become U+FFFD
    return semicolon - pos + 1;
  }
  for (const NamedEntity& entity : kEntities) {
    if (body == entity.name) {
      AppendUtf8(entity.code_point, out);
      return semicolon - pos + 1;
    }
  }
  return 0;
}

std::string DecodeEntities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      if (const std::size_t length = DecodeEntity(text, i, out); length > 0) {
        i += length - 1;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Collapses whitespace runs to one space and trims: for titles and attribute values.
std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (IsHtmlSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

// Builds the visible text: spaces and line breaks are held back until the next visible
// character, so the text has no leading, trailing or doubled whitespace.
class TextBuilder {
 public:
  enum class Break { kNone, kLine, kParagraph };

  // Visible characters without whitespace, appended as one run.
  void Visible(std::string_view run) {
    if (!text_.empty()) {
      if (pending_break_ == Break::kParagraph) {
        text_ += "\n\n";
      } else if (pending_break_ == Break::kLine) {
        text_ += '\n';
      } else if (pending_space_) {
        text_ += ' ';
      }
    }
    pending_break_ = Break::kNone;
    pending_space_ = false;
    text_ += run;
  }
  // Text outside <pre>: each whitespace run becomes (at most) one space.
  void Flowing(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
      if (IsHtmlSpace(text[i])) {
        Space();
        ++i;
        continue;
      }
      std::size_t end = i + 1;
      while (end < text.size() && !IsHtmlSpace(text[end])) ++end;
      Visible(text.substr(i, end - i));
      i = end;
    }
  }
  void Space() { pending_space_ = true; }
  void LineBreak(Break level) {
    if (level > pending_break_) pending_break_ = level;
  }
  // Text as written, for <pre>; its line ends are kept.
  void Preformatted(char c) {
    if (c == '\n' || c == '\r') {
      // A pending block break already ends the line (and browsers drop a newline that
      // opens a <pre>).
      if (!text_.empty() && pending_break_ == Break::kNone) text_ += c;
      return;
    }
    Visible(std::string_view(&c, 1));
  }
  std::string Take() { return std::move(text_); }

 private:
  std::string text_;
  Break pending_break_ = Break::kNone;
  bool pending_space_ = false;
};

TextBuilder::Break BlockBreak(std::string_view tag) {
  using Break = TextBuilder::Break;
  constexpr std::array<std::string_view, 22> kParagraphTags = {
      "p",      "h1",      "h2",      "h3",     "h4",     "h5", "h6", "blockquote",
      "pre",    "section", "article", "header", "footer", "ul", "ol", "table",
      "figure", "hr",      "main",    "aside",  "nav",    "dl"};
  constexpr std::array<std::string_view, 12> kLineTags = {
      "br",         "li",      "tr",      "div",  "dd",     "dt",
      "figcaption", "caption", "address", "form", "legend", "details"};
  for (std::string_view name : kParagraphTags) {
    if (tag == name) return Break::kParagraph;
  }
  for (std::string_view name : kLineTags) {
    if (tag == name) return Break::kLine;
  }
  return Break::kNone;
}

bool IsRawTextTag(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "noscript" || tag == "template" ||
         tag == "title" || tag == "textarea";
}

struct Tag {
  std::string name;  // lower-case
  bool closing = false;
  std::vector<std::pair<std::string, std::string>> attributes;  // lower-case name, decoded value

  std::string_view Attribute(std::string_view attribute) const {
    for (const auto& [key, value] : attributes) {
      if (key == attribute) return value;
    }
    return {};
  }
};

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == ':' || c == '_';
}

// Parses the tag at `html[pos]` ('<' followed by a name or '/'); returns the offset after
// its '>' (or the end of input), or `pos` when this '<' does not open a tag.
std::size_t ParseTag(std::string_view html, std::size_t pos, Tag& tag) {
  std::size_t i = pos + 1;
  tag.closing = i < html.size() && html[i] == '/';
  if (tag.closing) ++i;
  const std::size_t name_start = i;
  while (i < html.size() && IsNameChar(html[i])) ++i;
  if (i == name_start) return pos;
  tag.name = ToLower(html.substr(name_start, i - name_start));
  while (i < html.size()) {
    while (i < html.size() && (IsHtmlSpace(html[i]) || html[i] == '/')) ++i;
    if (i >= html.size()) break;
    if (html[i] == '>') return i + 1;
    const std::size_t key_start = i;
    while (i < html.size() && !IsHtmlSpace(html[i]) && html[i] != '>' && html[i] != '=' &&
           html[i] != '/') {
      ++i;
    }
    std::string key = ToLower(html.substr(key_start, i - key_start));
    while (i < html.size() && IsHtmlSpace(html[i])) ++i;
    std::string value;
    if (i < html.size() && html[i] == '=') {
      ++i;
      while (i < html.size() && IsHtmlSpace(html[i])) ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        const char quote = html[i];
        const std::size_t end = std::min(html.find(quote, i + 1), html.size());
        value = DecodeEntities(html.substr(i + 1, end - i - 1));
        i = std::min(end + 1, html.size());
      } else {
        const std::size_t value_start = i;
        while (i < html.size() && !IsHtmlSpace(html[i]) && html[i] != '>') ++i;
        value = DecodeEntities(html.substr(value_start, i - value_start));
      }
    }
    if (key.empty()) {
      ++i;  // a stray character such as '"' or '=': skip it
      continue;
    }
    tag.attributes.emplace_back(std::move(key), std::move(value));
  }
  return html.size();
}

// Offset of "</name" (case-insensitive) at or after `pos`, or the end of input.
std::size_t FindClosingTag(std::string_view html, std::size_t pos, std::string_view name) {
  while (true) {
    pos = html.find("</", pos);
    if (pos == std::string_view::npos) return html.size();
    if (StartsWithNoCase(html.substr(pos + 2), name)) {
      const std::size_t after = pos + 2 + name.size();
      if (after >= html.size() || !IsNameChar(html[after])) return pos;
    }
    pos += 2;
  }
}

// Metadata candidates; each keeps the first value found.
struct HtmlMetadata {
  std::string og_title, meta_title, title_element;
  std::string published_time, meta_date, meta_pubdate, item_date_published, time_datetime;
  std::string site_name, canonical, og_url;
  std::string ld_headline, ld_date_published, ld_publisher, ld_url;

  static void Keep(std::string& slot, std::string_view value) {
    if (slot.empty()) slot = CollapseSpaces(value);
  }

  void FromMeta(const Tag& tag) {
    const std::string_view content = tag.Attribute("content");
    if (content.empty()) return;
    const std::string property = ToLower(tag.Attribute("property"));
    const std::string name = ToLower(tag.Attribute("name"));
    const std::string itemprop = ToLower(tag.Attribute("itemprop"));
    if (property == "og:title") Keep(og_title, content);
    if (name == "title") Keep(meta_title, content);
    if (property == "article:published_time") Keep(published_time, content);
    if (name == "date") Keep(meta_date, content);
    if (name == "pubdate") Keep(meta_pubdate, content);
    if (itemprop == "datepublished") Keep(item_date_published, content);
    if (property == "og:site_name") Keep(site_name, content);
    if (property == "og:url") Keep(og_url, content);
  }

  // Reads a JSON-LD block; a block that does not parse is ignored, as browsers ignore it.
  void FromJsonLd(std::string_view content) {
    const nlohmann::json document = nlohmann::json::parse(content, nullptr, false);
    if (!document.is_discarded()) FromJsonLdValue(document, 0);
  }

  void FromJsonLdValue(const nlohmann::json& value, int depth) {
    constexpr int kMaxDepth = 3;  // an array, an @graph, and the article in it
    if (depth > kMaxDepth) return;
    if (value.is_array()) {
      for (const nlohmann::json& element : value) FromJsonLdValue(element, depth + 1);
      return;
    }
    if (!value.is_object()) return;
    if (const auto graph = value.find("@graph"); graph != value.end()) {
      FromJsonLdValue(*graph, depth + 1);
    }
    auto string_at = [](const nlohmann::json& object, const char* key) -> std::string_view {
      const auto it = object.find(key);
      if (it == object.end() || !it->is_string()) return {};
      return it->get_ref<const std::string&>();
    };
    if (!value.contains("datePublished") && !value.contains("headline")) return;
    Keep(ld_headline, string_at(value, "headline"));
    Keep(ld_date_published, string_at(value, "datePublished"));
    Keep(ld_url, string_at(value, "url"));
    if (const auto publisher = value.find("publisher"); publisher != value.end()) {
      const nlohmann::json& first =
          publisher->is_array() && !publisher->empty() ? (*publisher)[0] : *publisher;
      if (first.is_object()) Keep(ld_publisher, string_at(first, "name"));
    }
  }

  static const std::string& First(std::initializer_list<const std::string*> candidates) {
    for (const std::string* candidate : candidates) {
      if (!candidate->empty()) return *candidate;
    }
    return **candidates.begin();  // all empty: the first, empty, candidate
  }

  ArticleMetadata Resolve() const {
    ArticleMetadata metadata;
    metadata.title = First({&og_title, &meta_title, &ld_headline, &title_element});
    metadata.published = First({&published_time, &meta_date, &meta_pubdate, &item_date_published,
                                &ld_date_published, &time_datetime});
    metadata.source = First({&site_name, &ld_publisher});
    metadata.url = First({&canonical, &og_url, &ld_url});
    return metadata;
  }
};

}  // namespace

ReaderOutput ReadHtml(std::string_view html, const std::string& where) {
  ReaderOutput out;
  html.remove_prefix(BomLength(html));
  if (IsBlank(html)) {
    out.rejections.push_back(Status::InvalidInput(where, "empty file"));
    return out;
  }
  TextBuilder text;
  HtmlMetadata metadata;
  bool in_head = false;
  int pre_depth = 0;
  std::string decoded;
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      const std::size_t end = std::min(html.find('<', i), html.size());
      // Text in <head> means a page that never closed it: a browser starts the body there.
      if (in_head && !IsBlank(html.substr(i, end - i))) in_head = false;
      if (!in_head) {
        std::string_view run = html.substr(i, end - i);
        if (run.find('&') != std::string_view::npos) {
          decoded = DecodeEntities(run);
          run = decoded;
        }
        if (pre_depth > 0) {
          for (char c : run) text.Preformatted(c);
        } else {
          text.Flowing(run);
        }
      }
      i = end;
      continue;
    }
    if (html.substr(i).starts_with("<!--")) {
      const std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
      const std::size_t end = html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    Tag tag;
    const std::size_t after = ParseTag(html, i, tag);
    if (after == i) {  // a '<' that opens no tag ("a < b") is text
      if (!in_head) text.Visible("<");
      ++i;
      continue;
    }
    i = after;
    if (!tag.closing && IsRawTextTag(tag.name)) {
      const std::size_t close = FindClosingTag(html, i, tag.name);
      if (tag.name == "title") {
        HtmlMetadata::Keep(metadata.title_element, DecodeEntities(html.substr(i, close - i)));
      } else if (tag.name == "script" &&
                 ToLower(tag.Attribute("type")).find("ld+json") != std::string::npos) {
        metadata.FromJsonLd(html.substr(i, close - i));
      }
      const std::size_t close_end = html.find('>', close);
      i = close_end == std::string_view::npos ? html.size() : close_end + 1;
      continue;
    }
    if (in_head && !tag.closing && BlockBreak(tag.name) != TextBuilder::Break::kNone) {
      in_head = false;  // a block element ends an unclosed <head>, as in a browser
    }
    if (tag.name == "head") {
      in_head = !tag.closing;
    } else if (tag.name == "body") {
      in_head = false;
    } else if (tag.name == "meta") {
      metadata.FromMeta(tag);
    } else if (tag.name == "link") {
      const std::string rel = ToLower(tag.Attribute("rel"));
      if (rel == "canonical") HtmlMetadata::Keep(metadata.canonical, tag.Attribute("href"));
    } else if (tag.name == "time" && !tag.closing) {
      HtmlMetadata::Keep(metadata.time_datetime, tag.Attribute("datetime"));
    } else if (tag.name == "pre") {
      pre_depth += tag.closing ? (pre_depth > 0 ? -1 : 0) : 1;
    }
    if (!in_head) text.LineBreak(BlockBreak(tag.name));
  }

  RawArticle article;
  article.where = where;
  article.text = NormalizeNewlines(text.Take());   // &#13; and CRs inside <pre>
  article.text.erase(0, BomLength(article.text));  // a leading &#xFEFF;
  article.metadata = metadata.Resolve();
  if (IsBlank(article.text)) {
    out.rejections.push_back(Status::InvalidInput(where, "empty text (no visible text)"));
    return out;
  }
  out.articles.push_back(std::move(article));
  return out;
}

}  // namespace concord::corpus::internal
