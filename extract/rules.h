#pragma once
// The pattern-file language (internal to extract). Grammar and slot types are documented
// in extract/patterns/README.md; this header parses a file into rules whose patterns are
// RE2 syntax over a tagged sentence, where every mention is one token:
//   U+E000 TYPE INDEX U+E001   e.g. "\uE000MON3\uE001" for mention 3, a money amount.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/status.h"

namespace concord::extract {

inline constexpr std::string_view kTokenOpen = "\xEE\x80\x80";   // U+E000
inline constexpr std::string_view kTokenClose = "\xEE\x80\x81";  // U+E001

// A mention token of a tagged sentence opening at `at`: where it ends and the mention index
// it names (nullopt when it names none). The readers over tagged text share this.
struct MentionToken {
  std::size_t end = 0;
  std::optional<std::size_t> index;
};
// The token opening at `at`, or nullopt when none opens there or it is never closed.
std::optional<MentionToken> ReadMentionToken(std::string_view tagged, std::size_t at);

struct Rule {
  std::string relation;                                        // "invest"
  std::vector<std::pair<std::string, std::string>> settings;   // "exclusive"="false" …
  std::string origin;                                          // "invest.rules:12"
  std::string regex;                                           // RE2 syntax, roles as named groups
  // What a sentence must hold for the pattern to match: every inner list names words of
  // which at least one occurs in it (lowercase, as substrings). A prefilter only: a rule
  // whose words are all present may still fail to match. Empty when the pattern requires
  // no word of three letters or more.
  std::vector<std::vector<std::string>> required_words;
  bool operator==(const Rule&) const = default;
};

// Parses the text of one rules file. On a syntax error the Status names
// "file:line:column" and what was expected there.
Result<std::vector<Rule>> ParseRules(std::string_view text, const std::string& file_name);

// Roles a slot may fill, and the relation-independent keys a rule may set.
bool IsKnownRole(std::string_view role);
bool IsKnownSetting(std::string_view key);

}  // namespace concord::extract
