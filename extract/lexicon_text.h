#pragma once
// Line splitting shared by the lexicon parsers (frames.lex in frames.cc, deals.lex in
// deal_lexicon.cc): trimmed fields, separator-split parts, whitespace-split words.

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace concord::extract::lexicon_text {

inline std::string Trim(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return "";
  const std::size_t end = text.find_last_not_of(" \t\r");
  return std::string(text.substr(begin, end - begin + 1));
}

// The non-empty trimmed parts of `text` between `separator`s.
inline std::vector<std::string> SplitOn(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  while (true) {
    const std::size_t at = text.find(separator, from);
    std::string part = Trim(text.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
    if (!part.empty()) parts.push_back(std::move(part));
    if (at == std::string_view::npos) break;
    from = at + 1;
  }
  return parts;
}

inline std::vector<std::string> Words(std::string_view phrase) {
  std::vector<std::string> words;
  std::istringstream in{std::string(phrase)};
  std::string word;
  while (in >> word) words.push_back(word);
  return words;
}

// A relation or frame name as claims carry it: lowercase letters and '_' ("supply_agreement").
inline bool IsRelationName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
  }
  return true;
}

}  // namespace concord::extract::lexicon_text
