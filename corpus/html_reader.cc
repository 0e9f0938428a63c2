// HTML: the article body of the page and the metadata publishers put in <head>.
//
// The page is parsed by gumbo, a conforming HTML5 parser (libgumbo-dev): real pages are tag
// soup (unclosed <p>, <li> and <head>, stray '<', entities without ';', misnested inline
// tags), and the HTML5 parsing algorithm is how every browser repairs them; the hand-written
// scanner this replaces knew the common cases only. main_content.cc then picks the article's
// blocks out of the tree.
//
// Metadata, first found wins within each rank (JSON-LD is a schema.org object in a
// <script type="application/ld+json">, alone, in an array or in an "@graph"):
//   title      <meta property="og:title">, <meta name="title">, JSON-LD headline, <title>
//   published  <meta property="article:published_time">, name="date", name="pubdate",
//              itemprop="datePublished", JSON-LD datePublished, the first <time datetime>
//   source     <meta property="og:site_name">, JSON-LD publisher.name
//   url        <link rel="canonical">, <meta property="og:url">, JSON-LD url
// JSON-LD articleBody is a hint to main_content.cc (pages that fill their body by script).

#include <gumbo.h>

#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "corpus/main_content.h"
#include "corpus/readers.h"
#include "corpus/text_util.h"

namespace concord::corpus::internal {
namespace {

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Collapses whitespace runs (and no-break spaces) to one space and trims: for titles and
// attribute values.
std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const bool no_break_space = text.substr(i).starts_with("\xC2\xA0");
    if (IsHtmlSpace(text[i]) || no_break_space) {
      pending_space = true;
      i += no_break_space ? 2 : 1;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += text[i++];
  }
  return out;
}

std::string_view Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute == nullptr ? std::string_view() : std::string_view(attribute->value);
}

// The text of an element's text children (<title>, <script>).
std::string ChildText(const GumboElement& element) {
  std::string text;
  for (unsigned i = 0; i < element.children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
        child->type == GUMBO_NODE_CDATA) {
      text += child->v.text.text;
    }
  }
  return text;
}

// Metadata candidates; each keeps the first value found.
struct HtmlMetadata {
  std::string og_title, meta_title, title_element;
  std::string published_time, meta_date, meta_pubdate, item_date_published, time_datetime;
  std::string site_name, canonical, og_url;
  std::string ld_headline, ld_date_published, ld_publisher, ld_url;
  std::string ld_article_body;  // kept as written: its line ends separate paragraphs

  static void Keep(std::string& slot, std::string_view value) {
    if (slot.empty()) slot = CollapseSpaces(value);
  }

  void FromMeta(const GumboElement& tag) {
    const std::string_view content = Attribute(tag, "content");
    if (content.empty()) return;
    const std::string property = ToLower(Attribute(tag, "property"));
    const std::string name = ToLower(Attribute(tag, "name"));
    const std::string itemprop = ToLower(Attribute(tag, "itemprop"));
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
    if (ld_article_body.empty()) ld_article_body = string_at(value, "articleBody");
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


  // Every element of the document, in order: <meta>, <link>, <time>, <title>, JSON-LD.
  void FromTree(const GumboNode& node) {
    if (node.type != GUMBO_NODE_ELEMENT && node.type != GUMBO_NODE_DOCUMENT &&
        node.type != GUMBO_NODE_TEMPLATE) {
      return;
    }
    const GumboVector& children =
        node.type == GUMBO_NODE_DOCUMENT ? node.v.document.children : node.v.element.children;
    if (node.type != GUMBO_NODE_DOCUMENT) {
      const GumboElement& element = node.v.element;
      switch (element.tag) {
        case GUMBO_TAG_META:
          FromMeta(element);
          break;
        case GUMBO_TAG_LINK:
          if (ToLower(Attribute(element, "rel")) == "canonical") Keep(canonical, Attribute(element, "href"));
          break;
        case GUMBO_TAG_TIME:
          Keep(time_datetime, Attribute(element, "datetime"));
          break;
        case GUMBO_TAG_TITLE:
          Keep(title_element, ChildText(element));
          break;
        case GUMBO_TAG_SCRIPT:
          if (ToLower(Attribute(element, "type")).find("ld+json") != std::string::npos) {
            FromJsonLd(ChildText(element));
          }
          break;
        default:
          break;
      }
    }
    for (unsigned i = 0; i < children.length; ++i) {
      FromTree(*static_cast<const GumboNode*>(children.data[i]));
    }
  }
};

// `html` without the contents of its <script> and <style> elements (JSON-LD kept): gumbo's
// tokenizer walks raw text a character at a time, and on news pages scripts and styles are
// most of the bytes (a 180 KB page with 120 KB of them reads twice as fast). HTML5 ends raw
// text at the first "</script" or "</style", so cutting it here changes no element; the tags
// stay, empty. (A literal "<script" inside an attribute value would be cut as well; the
// escaped-script states of HTML5, "<!--<script>" inside a script, are not followed.)
std::string WithoutRawText(std::string_view html) {
  const std::string lower = ToLower(html);
  std::string out;
  out.reserve(html.size());
  std::size_t copied = 0;
  std::size_t at = 0;
  while ((at = lower.find('<', at)) != std::string::npos) {
    if (lower.compare(at, 4, "<!--") == 0) {  // a comment: skipped whole
      const std::size_t end = lower.find("-->", at + 4);
      if (end == std::string::npos) break;
      at = end + 3;
      continue;
    }
    std::string_view name;
    for (std::string_view raw : {std::string_view("script"), std::string_view("style")}) {
      if (lower.compare(at + 1, raw.size(), raw) == 0) name = raw;
    }
    const std::size_t after_name = at + 1 + name.size();
    if (name.empty() || after_name >= lower.size() ||
        (lower[after_name] != '>' && !IsHtmlSpace(lower[after_name]) && lower[after_name] != '/')) {
      ++at;
      continue;
    }
    const std::size_t open_end = lower.find('>', after_name);
    if (open_end == std::string::npos) break;
    const std::string close = "</" + std::string(name);
    const std::size_t close_at = lower.find(close, open_end + 1);
    if (close_at == std::string::npos) break;
    const std::string_view open_tag = std::string_view(lower).substr(at, open_end - at);
    if (open_tag.find("ld+json") == std::string_view::npos) {
      out.append(html.substr(copied, open_end + 1 - copied));
      copied = close_at;
    }
    at = close_at + close.size();
  }
  out.append(html.substr(copied));
  return out;
}

// `html` with "</title>" inserted at the end of the line its unclosed <title> opens; empty
// when there is no such title.
std::string CloseRunawayTitle(std::string_view html) {
  const std::string lower = ToLower(html);
  const std::size_t open = lower.find("<title");
  if (open == std::string::npos || lower.find("</title", open) != std::string::npos) return {};
  const std::size_t start = lower.find('>', open);
  if (start == std::string::npos) return {};
  std::size_t end = lower.find_first_of("\n<", start + 1);
  if (end == std::string::npos) end = html.size();
  return std::string(html.substr(0, end)) + "</title>" + std::string(html.substr(end));
}

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

}  // namespace

ReaderOutput ReadHtml(std::string_view html, const std::string& where) {
  ReaderOutput out;
  html.remove_prefix(BomLength(html));
  if (IsBlank(html)) {
    out.rejections.push_back(Status::InvalidInput(where, "empty file"));
    return out;
  }
  const std::string stripped = WithoutRawText(html);
  html = stripped;
  std::unique_ptr<GumboOutput, GumboOutputDeleter> parsed(gumbo_parse_with_options(
      &kGumboDefaultOptions, html.data(), html.size()));
  HtmlMetadata metadata;
  metadata.FromTree(*parsed->document);
  // An unclosed <title> swallows the rest of the page (a browser shows it blank too); when
  // its text holds markup, close it at the end of its line and read the page again.
  std::string repaired;
  if (metadata.title_element.find('<') != std::string::npos) {
    repaired = CloseRunawayTitle(html);
    if (!repaired.empty()) {
      parsed.reset(gumbo_parse_with_options(&kGumboDefaultOptions, repaired.data(), repaired.size()));
      metadata = HtmlMetadata();
      metadata.FromTree(*parsed->document);
    }
  }
  const ArticleMetadata resolved = metadata.Resolve();
  PageHints hints;
  hints.title = resolved.title;
  hints.title_element = metadata.title_element;
  hints.json_ld_body = metadata.ld_article_body;
  std::string text = ExtractMainContent(*parsed->document, hints);

  RawArticle article;
  article.where = where;
  article.text = NormalizeNewlines(text);          // &#13; and CRs inside <pre>
  article.text.erase(0, BomLength(article.text));  // a leading &#xFEFF;
  article.metadata = resolved;
  if (IsBlank(article.text)) {
    out.rejections.push_back(Status::InvalidInput(where, "empty text (no visible text)"));
    return out;
  }
  out.articles.push_back(std::move(article));
  return out;
}

}  // namespace concord::corpus::internal
