// Main-content extraction: which blocks of a page are the article.
//
// The way Readability and Trafilatura judge a page, in our own terms, in four steps:
//  1. Drop what is never the article: invisible elements (script, style, hidden, aria-hidden),
//     boilerplate elements (nav, aside, footer, header, figcaption, forms' controls, AMP ads
//     and consent notices) and elements whose class, id or role names boilerplate (cookie,
//     share, comment, related, newsletter, promo, byline...). An element that holds more
//     than half of the page's text is never dropped whole (a wrapper named "has-sidebar" or a
//     comment section around the only text); its children are judged instead.
//  2. Score containers: each paragraph-like block (p, pre, td, li, blockquote, a div of
//     text) of 25 characters or more gives 1 + its commas + one per 100 characters (at most
//     3) to its parent, half to its grandparent and a third per level above (five levels).
//     A container starts from its tag (div +5, article/main +10, lists and headings less)
//     and its class hints (+25 per positive hint, -25 per negative one), and its total is
//     scaled by 1 - its link density (the share of its text inside links).
//  3. The best container is the article (or the <article> around it, when it holds most of
//     that), with those of its siblings that score at least a fifth as much and share its
//     class or are named as content (a body split by an ad), or half as much otherwise, and
//     long paragraphs with few links beside it.
//  4. Render it, leaving out blocks that are mostly links (lists of other stories), short
//     blocks that say what boilerplate says ("Advertisement", "Read more"), and a heading
//     that repeats the page's title.
// A page without any paragraph-like block (a list of short lines) keeps all of its body
// except what step 1 drops. A JSON-LD articleBody twice as long as the result replaces it
// (pages that render their text with script).

#include "corpus/main_content.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/text_util.h"

namespace concord::corpus::internal {
namespace {

constexpr std::size_t kMinParagraphLength = 25;     // shorter blocks do not score (Readability)
constexpr int kScoredAncestorLevels = 5;
constexpr double kMaxPageShareToDrop = 0.5;         // a "boilerplate" element holding more is a wrapper
constexpr double kSiblingShare = 0.2;               // a sibling scoring a fifth of the best joins it
constexpr double kSiblingMinScore = 10;
constexpr double kLinkDenseBlock = 0.5;             // a block mostly of link text is navigation
constexpr std::size_t kShortBlock = 80;             // boilerplate phrases are judged on short blocks
constexpr double kJsonLdBodyShare = 0.5;            // result shorter than this share of articleBody
constexpr int kMaxDepth = 400;                      // deeper elements are left out (gumbo's own
                                                    // tree is deeper only on hostile pages)

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

template <std::size_t N>
bool OneOf(std::string_view value, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), value) != set.end();
}

// ---- Class, id and role hints ---------------------------------------------------------------

// Substrings of class and id values (lower-cased) naming boilerplate whatever else they say.
constexpr std::array<std::string_view, 42> kStrongNegativeHints = {
    "cookie",    "consent",    "gdpr",        "share",       "sharing",     "social",
    "newsletter", "subscribe", "signup",      "sign-up",     "comment",     "disqus",
    "related",   "recommend",  "promo",       "advert",      "sponsor",     "byline",
    "breadcrumb", "sidebar",   "footer",      "masthead",    "navbar",      "menu",
    "outbrain",  "taboola",    "popup",       "modal",       "paywall",     "trending",
    "most-read", "mostread",   "most-popular", "caption",    "skip-link",   "dateline",
    "more-stories", "read-more", "readmore",  "author",      "timestamp",   "subscription"};
// Substrings that name boilerplate unless a positive hint is there too ("article-header").
// Cards and grids are lists of other stories ("story-card" names content and a teaser at
// once: the hints cancel out).
constexpr std::array<std::string_view, 20> kWeakNegativeHints = {
    "header", "banner", "widget",  "hidden",     "meta",  "rail",  "toolbar", "teaser",
    "aside",  "nav",    "login",   "utility",    "pagination", "pager", "tags", "topics",
    "card",   "grid",   "recirc",  "more-"};
// Whole words (class and id split at non-alphanumerics) that name boilerplate: too short to
// look for as substrings.
// The headline's companions are not the body either: kicker (the label above it), dek and
// standfirst (the line below it), hero (the block holding them).
constexpr std::array<std::string_view, 13> kNegativeWords = {
    "ad",   "ads",    "adv",        "tag",     "rss",      "ticker",   "tools",
    "dek",  "kicker", "standfirst", "eyebrow", "strapline", "hero"};
constexpr std::array<std::string_view, 10> kPositiveHints = {
    "article", "body", "content", "entry", "main", "post", "story", "text", "prose", "blog"};
// "commentary" is an opinion column, not a comment thread.
constexpr std::array<std::string_view, 1> kNotNegative = {"commentary"};

constexpr std::array<std::string_view, 10> kBoilerplateRoles = {
    "navigation", "banner",  "contentinfo", "complementary", "dialog",
    "alertdialog", "menu",   "menubar",     "search",        "toolbar"};

struct Hints {
  bool strong_negative = false;
  bool weak_negative = false;
  int positive = 0;
  int negative = 0;
};

Hints ReadHints(std::string names) {
  for (std::string_view exception : kNotNegative) {
    for (std::size_t at = names.find(exception); at != std::string::npos;
         at = names.find(exception, at)) {
      names.replace(at, exception.size(), exception.size(), '_');
    }
  }
  Hints hints;
  for (std::string_view hint : kStrongNegativeHints) {
    if (Contains(names, hint)) {
      hints.strong_negative = true;
      ++hints.negative;
    }
  }
  for (std::string_view hint : kWeakNegativeHints) {
    if (Contains(names, hint)) {
      hints.weak_negative = true;
      ++hints.negative;
    }
  }
  std::size_t i = 0;
  while (i < names.size()) {
    while (i < names.size() && !std::isalnum(static_cast<unsigned char>(names[i]))) ++i;
    std::size_t end = i;
    while (end < names.size() && std::isalnum(static_cast<unsigned char>(names[end]))) ++end;
    if (end > i && OneOf(std::string_view(names).substr(i, end - i), kNegativeWords)) {
      hints.weak_negative = true;
      ++hints.negative;
    }
    i = end;
  }
  for (std::string_view hint : kPositiveHints) {
    if (Contains(names, hint)) ++hints.positive;
  }
  return hints;
}

// ---- Tags ----------------------------------------------------------------------------------

// Never text: their content is code, styling, or a control.
constexpr std::array<std::string_view, 16> kInvisibleTags = {
    "head",   "script", "style",  "noscript", "template", "title", "svg",    "math",
    "iframe", "object", "embed",  "canvas",   "select",   "textarea", "button", "input"};
// Page furniture around an article.
constexpr std::array<std::string_view, 9> kBoilerplateTags = {
    "nav", "aside", "footer", "header", "figcaption", "dialog", "menu", "label", "fieldset"};
// AMP components that are ads, analytics, consent notices, menus or share bars.
constexpr std::array<std::string_view, 14> kBoilerplateAmpTags = {
    "amp-ad",          "amp-sticky-ad",   "amp-embed",    "amp-sidebar", "amp-consent",
    "amp-user-notification", "amp-social-share", "amp-analytics", "amp-pixel",
    "amp-iframe",      "amp-list",        "amp-geo",      "amp-access",  "amp-subscriptions"};
// Blocks whose own text counts as one paragraph when scoring.
constexpr std::array<std::string_view, 5> kParagraphTags = {"p", "pre", "td", "li",
                                                            "blockquote"};
// Elements that start a new block: a div holding none of these is a paragraph of text.
constexpr std::array<std::string_view, 20> kBlockTags = {
    "p",     "div",   "section", "article", "table", "ul",  "ol",   "dl",  "pre", "blockquote",
    "h1",    "h2",    "h3",      "h4",      "h5",    "h6",  "form", "figure", "main", "li"};

// What ends a line or a paragraph in the text.
enum class Break { kNone, kSpace, kLine, kParagraph };

Break BreakOf(std::string_view tag) {
  constexpr std::array<std::string_view, 22> kParagraph = {
      "p",      "h1",      "h2",      "h3",     "h4",     "h5", "h6", "blockquote",
      "pre",    "section", "article", "header", "footer", "ul", "ol", "table",
      "figure", "hr",      "main",    "aside",  "nav",    "dl"};
  constexpr std::array<std::string_view, 12> kLine = {
      "br",         "li",      "tr",      "div",  "dd",     "dt",
      "figcaption", "caption", "address", "form", "legend", "details"};
  if (OneOf(tag, kParagraph)) return Break::kParagraph;
  if (OneOf(tag, kLine)) return Break::kLine;
  if (tag == "td" || tag == "th") return Break::kSpace;
  return Break::kNone;
}

// Short blocks that begin with these (lower-cased) are boilerplate, whatever their markup.
constexpr std::array<std::string_view, 30> kBoilerplatePhrases = {
    "advertisement", "advertising",  "sponsored",        "read more",       "read next",
    "related:",      "related stories", "related articles", "see also",    "share this",
    "share on",      "sign up",      "subscribe",        "follow us",       "click here",
    "continue reading", "already a subscriber", "recommended", "most read", "most popular",
    "copyright",     "\xC2\xA9",     "all rights reserved", "comments",     "more on this",
    "more from",     "you may also like", "top stories", "trending",        "skip to"};

// ---- The tree ------------------------------------------------------------------------------

struct Node {
  const GumboNode* node = nullptr;
  std::string tag;            // lower-case element name; empty for text
  std::string_view text;      // a text node's text
  int parent = -1;
  std::vector<int> children;
  bool dropped = false;
  bool is_link = false;       // <a>
  Hints hints;
  std::string class_name;     // the class attribute as written
  bool article_body = false;  // itemprop="articleBody"
  // Over the subtree, after drops: non-space bytes, those inside links, commas.
  std::size_t text_length = 0;
  std::size_t link_length = 0;
  std::size_t commas = 0;
  bool has_block_child = false;
  bool scored = false;
  double score = 0;

  double LinkDensity() const {
    return text_length == 0 ? 0 : static_cast<double>(link_length) / static_cast<double>(text_length);
  }
};

std::string TagName(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece piece = element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return ToLower(std::string_view(piece.data, piece.length));
}

std::string_view Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute == nullptr ? std::string_view() : std::string_view(attribute->value);
}

class Page {
 public:
  explicit Page(const GumboNode& document) { Add(document, -1, 0); }

  std::string Extract(const PageHints& hints) {
    const int body = FindBody();
    if (body < 0) return {};
    Measure(body);
    const std::size_t page_length = nodes_[body].text_length;
    DropBoilerplate(body, page_length);
    Measure(body);
    Score(body);
    title_keys_ = TitleKeys(hints);

    std::string text;
    const int best = WithinArticle(BestCandidate());
    if (best >= 0) {
      for (int chosen : WithSiblings(best)) Render(chosen, /*clean=*/true, text);
    }
    if (IsBlank(text)) {
      text.clear();
      Render(body, /*clean=*/false, text);
    }
    if (IsBlank(text)) {  // everything looked like boilerplate: a page of menus is still text
      for (Node& node : nodes_) node.dropped = node.dropped && IsInvisible(node.tag);
      text.clear();
      Render(body, /*clean=*/false, text);
    }
    if (!hints.json_ld_body.empty() &&
        static_cast<double>(WordCount(text)) <
            kJsonLdBodyShare * static_cast<double>(WordCount(hints.json_ld_body))) {
      return Paragraphs(hints.json_ld_body);
    }
    return text;
  }

 private:
  static bool IsInvisible(std::string_view tag) { return OneOf(tag, kInvisibleTags); }

  int Add(const GumboNode& gumbo, int parent, int depth) {
    if (depth > kMaxDepth) return -1;
    const int index = static_cast<int>(nodes_.size());
    nodes_.emplace_back();
    nodes_[index].node = &gumbo;
    nodes_[index].parent = parent;
    if (gumbo.type == GUMBO_NODE_TEXT || gumbo.type == GUMBO_NODE_WHITESPACE ||
        gumbo.type == GUMBO_NODE_CDATA) {
      nodes_[index].text = gumbo.v.text.text;
      return index;
    }
    if (gumbo.type != GUMBO_NODE_ELEMENT && gumbo.type != GUMBO_NODE_TEMPLATE &&
        gumbo.type != GUMBO_NODE_DOCUMENT) {
      nodes_[index].dropped = true;  // a comment
      return index;
    }
    const GumboVector* children = nullptr;
    if (gumbo.type == GUMBO_NODE_DOCUMENT) {
      nodes_[index].tag = "#document";
      children = &gumbo.v.document.children;
    } else {
      const GumboElement& element = gumbo.v.element;
      Node& node = nodes_[index];
      node.tag = TagName(element);
      node.is_link = node.tag == "a";
      node.article_body = ToLower(Attribute(element, "itemprop")) == "articlebody";
      node.class_name = Attribute(element, "class");
      const std::string_view id = Attribute(element, "id");
      if (!node.class_name.empty() || !id.empty()) {
        node.hints = ReadHints(ToLower(node.class_name) + " " + ToLower(id));
      }
      node.dropped = IsInvisible(node.tag) || IsHidden(element);
      children = &element.children;
    }
    for (unsigned i = 0; i < children->length; ++i) {
      const int child = Add(*static_cast<const GumboNode*>(children->data[i]), index, depth + 1);
      if (child >= 0) nodes_[index].children.push_back(child);
    }
    return index;
  }

  static bool IsHidden(const GumboElement& element) {
    if (gumbo_get_attribute(&element.attributes, "hidden") != nullptr) return true;
    if (ToLower(Attribute(element, "aria-hidden")) == "true") return true;
    std::string style = ToLower(Attribute(element, "style"));
    style.erase(std::remove_if(style.begin(), style.end(), IsSpace), style.end());
    return Contains(style, "display:none") || Contains(style, "visibility:hidden");
  }

  int FindBody() const {
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].tag == "body") return static_cast<int>(i);
    }
    return -1;
  }

  // Text lengths bottom-up over what is not dropped.
  void Measure(int index) {
    Node& node = nodes_[index];
    node.text_length = node.link_length = node.commas = 0;
    node.has_block_child = false;
    if (node.dropped) return;
    if (node.tag.empty()) {
      for (char c : node.text) {
        if (!IsSpace(c)) ++node.text_length;
        if (c == ',') ++node.commas;
      }
      return;
    }
    for (int child : node.children) {
      Measure(child);
      const Node& sub = nodes_[child];
      node.text_length += sub.text_length;
      node.link_length += sub.is_link ? sub.text_length : sub.link_length;
      node.commas += sub.commas;
      if (!sub.dropped && (OneOf(sub.tag, kBlockTags) || sub.has_block_child)) {
        node.has_block_child = true;
      }
    }
  }

  bool IsBoilerplate(const Node& node, const GumboElement& element) const {
    if (node.article_body || node.tag == "body" || node.tag == "html") return false;
    if (OneOf(node.tag, kBoilerplateTags) || OneOf(node.tag, kBoilerplateAmpTags)) return true;
    if (OneOf(ToLower(Attribute(element, "role")), kBoilerplateRoles)) return true;
    if (node.hints.strong_negative) return true;
    return node.hints.weak_negative && node.hints.positive == 0;
  }

  void DropBoilerplate(int index, std::size_t page_length) {
    Node& node = nodes_[index];
    if (node.dropped || node.tag.empty() || node.node->type != GUMBO_NODE_ELEMENT) return;
    if (IsBoilerplate(node, node.node->v.element) &&
        static_cast<double>(node.text_length) <= kMaxPageShareToDrop * static_cast<double>(page_length)) {
      node.dropped = true;
      return;
    }
    for (int child : node.children) DropBoilerplate(child, page_length);
  }

  bool IsParagraph(const Node& node) const {
    if (OneOf(node.tag, kParagraphTags)) return true;
    // A div (or section) of text without blocks in it reads as a paragraph (Readability).
    return (node.tag == "div" || node.tag == "section") && !node.has_block_child;
  }

  double InitialScore(const Node& node) const {
    double score = 0;
    if (node.tag == "div") score = 5;
    if (node.tag == "article" || node.tag == "main") score = 10;
    if (node.tag == "pre" || node.tag == "td" || node.tag == "blockquote") score = 3;
    if (node.tag == "address" || node.tag == "ol" || node.tag == "ul" || node.tag == "dl" ||
        node.tag == "dd" || node.tag == "dt" || node.tag == "li" || node.tag == "form") {
      score = -3;
    }
    if (node.tag.size() == 2 && node.tag[0] == 'h' && node.tag[1] >= '1' && node.tag[1] <= '6') {
      score = -5;
    }
    constexpr double kHintWeight = 25;
    score += kHintWeight * (node.hints.positive > 0 ? 1 : 0);
    score -= kHintWeight * (node.hints.negative > 0 ? 1 : 0);
    if (node.article_body) score += 2 * kHintWeight;
    return score;
  }

  void Score(int body) {
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      const Node& paragraph = nodes_[i];
      if (paragraph.dropped || paragraph.tag.empty() || !IsParagraph(paragraph)) continue;
      if (paragraph.text_length < kMinParagraphLength || IsUnder(static_cast<int>(i), body) == false) {
        continue;
      }
      constexpr double kCharactersPerPoint = 100;
      constexpr double kMaxLengthPoints = 3;
      const double length_points =
          static_cast<double>(paragraph.text_length / static_cast<std::size_t>(kCharactersPerPoint));
      double points = 1 + static_cast<double>(paragraph.commas) + std::min(length_points, kMaxLengthPoints);
      points *= 1 - paragraph.LinkDensity();
      int ancestor = paragraph.parent;
      for (int level = 0; level < kScoredAncestorLevels && ancestor >= 0; ++level) {
        Node& candidate = nodes_[ancestor];
        if (candidate.tag.empty() || candidate.tag == "#document" || candidate.tag == "html") break;
        if (!candidate.scored) {
          candidate.scored = true;
          candidate.score = InitialScore(candidate);
        }
        const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        candidate.score += points / divider;
        ancestor = candidate.parent;
      }
    }
  }

  bool IsUnder(int index, int ancestor) const {
    for (int at = index; at >= 0; at = nodes_[at].parent) {
      if (at == ancestor) return true;
    }
    return false;
  }

  double FinalScore(const Node& node) const { return node.score * (1 - node.LinkDensity()); }

  int BestCandidate() const {
    int best = -1;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      const Node& node = nodes_[i];
      if (!node.scored || node.dropped) continue;
      if (best < 0 || FinalScore(node) > FinalScore(nodes_[best])) best = static_cast<int>(i);
    }
    return best;
  }

  // The <article> element around the best container, when the container holds most of its
  // text: what the publisher marked as the article also has its summary box or key points.
  int WithinArticle(int best) const {
    if (best < 0) return best;
    constexpr int kLevels = 3;
    constexpr double kMostText = 0.5;
    int at = nodes_[best].parent;
    for (int level = 0; level < kLevels && at >= 0; ++level, at = nodes_[at].parent) {
      const Node& node = nodes_[at];
      if (node.tag == "body") break;
      if (node.tag == "article" || node.article_body) {
        const bool most = static_cast<double>(nodes_[best].text_length) >=
                          kMostText * static_cast<double>(node.text_length);
        return most ? at : best;
      }
    }
    return best;
  }

  std::vector<int> WithSiblings(int best) const {
    const int parent = nodes_[best].parent;
    if (parent < 0 || nodes_[best].tag == "body") return {best};
    const double best_score = FinalScore(nodes_[best]);
    const double threshold = std::max(kSiblingMinScore, kSiblingShare * best_score);
    std::vector<int> chosen;
    for (int sibling : nodes_[parent].children) {
      const Node& node = nodes_[sibling];
      if (sibling == best) {
        chosen.push_back(sibling);
        continue;
      }
      if (node.dropped || node.tag.empty()) continue;
      constexpr std::size_t kLongParagraph = 80;
      constexpr double kFewLinks = 0.25;
      constexpr double kUnhintedShare = 0.5;
      const double score = node.scored ? FinalScore(node) : 0;
      // A sibling like the best one (same class: a body split by an ad) or named as content
      // joins on a fifth of its score; any other block needs half (a comment section without
      // a telling class scores on its own paragraphs, and must not ride along).
      const bool same_class = !node.class_name.empty() && node.class_name == nodes_[best].class_name;
      const bool named_content = node.hints.positive > 0 && node.hints.negative == 0;
      const bool joins = node.scored && (same_class || named_content ? score >= threshold
                                                                     : score >= kUnhintedShare * best_score);
      if (joins || (node.tag == "p" && node.text_length > kLongParagraph && node.LinkDensity() < kFewLinks)) {
        chosen.push_back(sibling);
      }
    }
    return chosen;
  }

  // ---- Rendering ----

  struct Builder {
    std::string& text;
    Break pending = Break::kNone;

    void Visible(std::string_view run) {
      if (!text.empty()) {
        if (pending == Break::kParagraph) {
          text += "\n\n";
        } else if (pending == Break::kLine) {
          text += '\n';
        } else if (pending == Break::kSpace) {
          text += ' ';
        }
      }
      pending = Break::kNone;
      text += run;
    }
    void Request(Break level) {
      if (level > pending) pending = level;
    }
    void Flowing(std::string_view run) {
      std::size_t i = 0;
      while (i < run.size()) {
        if (IsSpace(run[i])) {
          Request(Break::kSpace);
          ++i;
          continue;
        }
        if (run.substr(i).starts_with("\xC2\xA0")) {  // a no-break space reads as a space
          Request(Break::kSpace);
          i += 2;
          continue;
        }
        std::size_t end = i + 1;
        while (end < run.size() && !IsSpace(run[end]) && !run.substr(end).starts_with("\xC2\xA0")) ++end;
        Visible(run.substr(i, end - i));
        i = end;
      }
    }
    void Preformatted(std::string_view run) {
      for (char c : run) {
        if (c == '\n' || c == '\r') {
          // A pending block break already ends the line.
          if (!text.empty() && pending <= Break::kSpace) {
            text += c;
            pending = Break::kNone;
          }
          continue;
        }
        Visible(std::string_view(&c, 1));
      }
    }
  };

  // The visible text of a subtree, whitespace collapsed, for judging it.
  std::string PlainText(int index) const {
    std::string text;
    Builder builder{text};
    PlainTextInto(index, builder);
    return text;
  }
  void PlainTextInto(int index, Builder& builder) const {
    const Node& node = nodes_[index];
    if (node.dropped) return;
    if (node.tag.empty()) {
      builder.Flowing(node.text);
      return;
    }
    for (int child : node.children) PlainTextInto(child, builder);
  }

  static std::string TitleKey(std::string_view title) {
    std::string key;
    for (char c : title) {
      if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
        key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    return key;
  }

  static std::vector<std::string> TitleKeys(const PageHints& hints) {
    std::vector<std::string> keys;
    auto add = [&keys](std::string_view title) {
      std::string key = TitleKey(title);
      if (!key.empty()) keys.push_back(std::move(key));
    };
    add(hints.title);
    add(hints.title_element);
    // "Headline | Site", "Headline - Site", "Headline — Site": the part before the site.
    for (std::string_view separator : {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: "}) {
      const std::size_t at = hints.title_element.rfind(separator);
      if (at != std::string_view::npos) add(hints.title_element.substr(0, at));
    }
    return keys;
  }

  bool IsHeading(const Node& node) const {
    return node.tag.size() == 2 && node.tag[0] == 'h' && node.tag[1] >= '1' && node.tag[1] <= '6';
  }

  bool IsLineBoundary(int index) const {
    if (index < 0) return true;
    const Node& node = nodes_[index];
    if (node.tag.empty()) return IsBlank(node.text);
    return node.dropped || BreakOf(node.tag) >= Break::kLine;
  }

  // True when the element makes a line of its own: a block, or an inline element with a
  // line break or a block (or nothing) on both sides ("<b>Headline</b><br>").
  bool IsOwnLine(int index) const {
    const Node& node = nodes_[index];
    if (BreakOf(node.tag) >= Break::kLine || IsHeading(node)) return true;
    const int parent = node.parent;
    if (parent < 0) return false;
    const std::vector<int>& siblings = nodes_[parent].children;
    const auto at = std::find(siblings.begin(), siblings.end(), index);
    auto previous = at;
    while (previous != siblings.begin() && nodes_[*(previous - 1)].tag.empty() &&
           IsBlank(nodes_[*(previous - 1)].text)) {
      --previous;
    }
    auto next = at + 1;
    while (next != siblings.end() && nodes_[*next].tag.empty() && IsBlank(nodes_[*next].text)) ++next;
    const bool previous_breaks = previous == siblings.begin() || IsLineBoundary(*(previous - 1));
    const bool next_breaks = next == siblings.end() || IsLineBoundary(*next);
    if (previous_breaks && next_breaks && previous == siblings.begin() && next == siblings.end()) {
      return IsOwnLine(parent);  // the only child: as its parent
    }
    return previous_breaks && next_breaks;
  }

  // A line that repeats the page's title (the headline above the body).
  bool IsTitleLine(int index) const {
    const Node& node = nodes_[index];
    for (const std::string& key : title_keys_) {
      constexpr double kSlack = 1.5;  // text_length counts punctuation; the key does not
      if (static_cast<double>(node.text_length) > kSlack * static_cast<double>(key.size()) + 4 ||
          node.text_length < key.size()) {
        continue;
      }
      if (TitleKey(PlainText(index)) == key) return IsOwnLine(index);
    }
    return false;
  }

  // A line that is only a date or time ("Friday, April 17, 2026", "12 May 2026 09:14 GMT").
  bool IsDateLine(int index) const {
    constexpr std::size_t kLongestDateLine = 48;
    const Node& node = nodes_[index];
    if (node.text_length == 0 || node.text_length > kLongestDateLine) return false;
    const std::string text = ToLower(PlainText(index));
    constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
    constexpr std::array<std::string_view, 7> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    constexpr std::array<std::string_view, 12> kOtherWords = {
        "am", "pm", "utc", "gmt", "updated", "published", "posted", "on", "at", "th", "st", "nd"};
    bool digit = false;
    bool month = false;
    std::size_t i = 0;
    while (i < text.size()) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (std::isdigit(byte)) {
        digit = true;
        ++i;
        continue;
      }
      if (!std::isalpha(byte)) {
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
      const std::string_view word = std::string_view(text).substr(i, end - i);
      const std::string_view stem = word.substr(0, 3);
      const bool is_month = word.size() >= 3 && OneOf(stem, kMonths);
      const bool is_day = word.size() >= 3 && OneOf(stem, kDays);
      if (!is_month && !is_day && !OneOf(word, kOtherWords)) return false;
      month = month || is_month;
      i = end;
    }
    return digit && (month || Contains(text, ":") || Contains(text, "/")) && IsOwnLine(index);
  }

  // Blocks left out of the chosen container.
  bool IsClutter(int index) const {
    const Node& node = nodes_[index];
    if (IsTitleLine(index) || IsDateLine(index)) return true;
    const bool block = OneOf(node.tag, kBlockTags) || IsHeading(node) || node.tag == "span";
    if (!block || node.text_length == 0) return false;
    if (node.tag != "pre" && node.LinkDensity() > kLinkDenseBlock) return true;
    if (node.text_length < kShortBlock) {
      const std::string text = ToLower(PlainText(index));
      for (std::string_view phrase : kBoilerplatePhrases) {
        if (text.starts_with(phrase)) return true;
      }
      if (IsBylineText(text)) return true;
    }
    return false;
  }

  // "By Laura Mendez and Tom Akers", "Von Jens Petersen": a short line naming the writers,
  // not a sentence ("By 2030, output will double." ends with a period).
  static bool IsBylineText(std::string_view text) {
    constexpr std::array<std::string_view, 5> kBylineWords = {"by ", "von ", "par ", "por ", "door "};
    constexpr std::size_t kMostWords = 8;
    text = Trim(text);
    if (text.empty() || text.back() == '.' || WordCount(text) > kMostWords) return false;
    for (std::string_view word : kBylineWords) {
      if (text.starts_with(word)) return true;
    }
    return false;
  }

  void Render(int index, bool clean, std::string& text) {
    Builder builder{text};
    RenderInto(index, clean, builder, false);
  }

  void RenderInto(int index, bool clean, Builder& builder, bool preformatted) {
    const Node& node = nodes_[index];
    if (node.dropped) return;
    if (node.tag.empty()) {
      if (preformatted) {
        builder.Preformatted(node.text);
      } else {
        builder.Flowing(node.text);
      }
      return;
    }
    if (clean && IsClutter(index)) return;
    const Break around = BreakOf(node.tag);
    builder.Request(around);
    const bool pre = preformatted || node.tag == "pre";
    for (int child : node.children) RenderInto(child, clean, builder, pre);
    builder.Request(around);
  }

  static std::size_t WordCount(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
      const bool space = IsSpace(c);
      if (!space && !in_word) ++words;
      in_word = !space;
    }
    return words;
  }

  // articleBody's lines as paragraphs, whitespace collapsed within each.
  static std::string Paragraphs(std::string_view body) {
    std::string text;
    std::size_t start = 0;
    while (start <= body.size()) {
      std::size_t end = body.find('\n', start);
      if (end == std::string_view::npos) end = body.size();
      std::string line;
      Builder builder{line};
      builder.Flowing(body.substr(start, end - start));
      if (!line.empty()) {
        if (!text.empty()) text += "\n\n";
        text += line;
      }
      start = end + 1;
    }
    return text;
  }

  std::vector<Node> nodes_;
  std::vector<std::string> title_keys_;
};

}  // namespace

std::string ExtractMainContent(const GumboInternalNode& document, const PageHints& hints) {
  Page page(document);
  return page.Extract(hints);
}

}  // namespace concord::corpus::internal
