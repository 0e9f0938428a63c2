#pragma once
// Entity mentions found by shape (internal to extract): capitalized name sequences
// ("Microsoft Azure", "Andy Jassy"), acronyms ("AWS"), camel-case names ("OpenAI"), and
// role references ("it", "the company", "the former", "the two parties") as kPronoun.
// The lexicons of extract/data/ (see its README) set boundaries and a first type: no
// sentence-initial ordinary word, nationality, title, month or state abbreviation is a name;
// titles and given names cut an org from a person; legal suffixes, org heads, places,
// government bodies, wire tickers and person cues type the name (kUnknown when none fits).
// Where the lexicons cannot tell a capitalized sentence opener from a name, the sentence's
// part-of-speech tags decide (extract/pos_tagger.h; a sentence is tagged only when asked).
// Canonical identity is normalize's job.

#include <string_view>
#include <vector>

#include "extract/extract.h"

namespace concord::extract {

// Entity mentions of `text` in text order, outside the `taken` spans (money, dates).
// `sentences` lets sentence-initial capitals be told from names; the article's `title`,
// which precedes the text, may show a sentence-initial word to be a name ("Jobs go at
// Oracle ...") or an ordinary word. Nothing after a sentence decides its names.
std::vector<Mention> FindEntities(std::string_view text, const std::vector<Sentence>& sentences,
                                  const std::vector<Mention>& taken, std::string_view title = {});

}  // namespace concord::extract
