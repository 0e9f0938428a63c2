#pragma once
// Internal to corpus/: the article body of a parsed HTML page, without the menus, headers,
// footers, share bars, cookie notices, comment threads and lists of other stories around it.
// html_reader.cc parses the page (gumbo) and reads its metadata; this file judges blocks.

#include <string>
#include <string_view>

struct GumboInternalNode;  // gumbo's GumboNode; gumbo.h stays in the .cc files

namespace concord::corpus::internal {

// What the page says about itself outside its body, used to judge the body.
struct PageHints {
  std::string_view title;             // the resolved title: a heading repeating it is dropped
  std::string_view title_element;     // <title>, often "Headline | Site"
  std::string_view json_ld_body;      // JSON-LD articleBody, or empty
};

// The main content of the page rooted at `document` (gumbo's document node) as text: blocks
// end lines ("<li>", "<br>") or paragraphs ("<p>", "<h2>"), whitespace collapses as a browser
// shows it (kept in <pre>), U+00A0 becomes a plain space. When no block looks like an article
// body (a page of short lines), the whole visible body without boilerplate is returned; when
// that is shorter than half of `hints.json_ld_body`, the JSON-LD body is returned instead.
// Empty when the page shows no text at all.
std::string ExtractMainContent(const GumboInternalNode& document, const PageHints& hints);

}  // namespace concord::corpus::internal
