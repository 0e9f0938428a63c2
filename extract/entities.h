#pragma once
// Entity mentions found by shape (internal to extract): capitalized name sequences
// ("Microsoft Azure", "Andy Jassy"), acronyms ("AWS"), camel-case names ("OpenAI"), and
// role references ("it", "the company", "the former", "the two parties") as kPronoun.
// Canonical identity is normalize's job; here only spans and a first type guess.

#include <string_view>
#include <vector>

#include "extract/extract.h"

namespace concord::extract {

// Entity mentions of `text` in text order, outside the `taken` spans (money, dates).
// `sentences` lets sentence-initial capitals be told from names.
std::vector<Mention> FindEntities(std::string_view text, const std::vector<Sentence>& sentences,
                                  const std::vector<Mention>& taken);

}  // namespace concord::extract
