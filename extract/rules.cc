// Parser for pattern files: a small recursive-descent parser that emits RE2 syntax.
// Kept separate from matching so a syntax error is reported with its column before
// anything is compiled.

#include "extract/rules.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <map>

namespace concord::extract {
namespace {

constexpr std::array<std::string_view, 8> kRoles = {"subject", "counterparty", "object", "value",
                                                    "time",    "attribution",  "product", "platform"};
constexpr std::array<std::string_view, 7> kSettings = {"exclusive", "polarity", "modality", "tranche",
                                                       "scope",     "status",   "infer"};

// Words a descriptor ('~') may hold after its article: "the drone delivery start-up".
constexpr int kDescriptorWords = 4;
// Words (or dates) a short gap ('..') may skip: "agreed on Friday to".
constexpr int kShortGapWords = 5;

// Slot type → the token types it accepts (see the token types in claims.cc).
const std::map<std::string_view, std::string_view>& SlotTokenTypes() {
  static const std::map<std::string_view, std::string_view> types = {
      {"ORG", "ORG|PRN"},          {"PARTY", "ORG|PER|PRN"},    {"PERSON", "PER|ORG"},
      {"PRODUCT", "ORG|PRD"},      {"ENTITY", "ORG|PER|PRD|PRN"}, {"MONEY", "MON"},
      {"PERCENT", "PCT"},          {"DATE", "DAT"},            {"PERIOD", "DAT|DUR"},
      {"DURATION", "DUR"},         {"COUNT", "CNT"},           {"AMOUNT", "MON|PCT|CNT"}};
  return types;
}

// Words shorter than this are not worth a prefilter entry ("of", "in" occur everywhere).
constexpr std::size_t kMinRequiredWord = 3;

using Clause = std::vector<std::string>;  // at least one of these words
using Requirement = std::vector<Clause>;  // every one of these clauses

// A character offset into the rule line, for messages.
struct ParseError {
  std::size_t column;
  std::string expected;
};

class PatternParser {
 public:
  explicit PatternParser(std::string_view pattern) : pattern_(pattern) {}

  // The RE2 form of the whole pattern, or the first error.
  bool Parse(std::string* regex, Requirement* required, ParseError* error) {
    std::string out;
    if (!ParseSequence(&out, /*inside_group=*/false, required)) {
      *error = error_;
      return false;
    }
    SkipSpaces();
    if (at_ < pattern_.size()) {
      *error = {at_, "end of pattern"};
      return false;
    }
    if (out.empty()) {
      *error = {at_, "a word, slot or group"};
      return false;
    }
    *regex = out;
    return true;
  }

 private:
  void SkipSpaces() {
    while (at_ < pattern_.size() && (pattern_[at_] == ' ' || pattern_[at_] == '\t')) ++at_;
  }
  bool Fail(std::string expected) {
    error_ = {at_, std::move(expected)};
    return false;
  }
  static bool IsWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || c == '-' || c == '$' || c == '%' ||
           c == '&' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
  }

  // seq := item+   (stops at '|' or ')')
  // `required` gets the clause of every item the sequence cannot match without.
  bool ParseSequence(std::string* out, bool inside_group, Requirement* required) {
    bool any = false;
    while (true) {
      SkipSpaces();
      if (at_ >= pattern_.size()) break;
      char c = pattern_[at_];
      if (c == '|' || c == ')') {
        if (!inside_group) return Fail("a word, slot or group ('" + std::string(1, c) + "' outside a group)");
        break;
      }
      std::string item;
      Clause clause;
      if (!ParseItem(&item, &clause)) return false;
      if (!clause.empty()) required->push_back(std::move(clause));
      // Optional whitespace before every item; words carry their own \b boundaries.
      *out += "\\s*" + item;
      any = true;
    }
    if (!any) return Fail("a word, slot or group");
    return true;
  }

  bool ParseItem(std::string* out, Clause* clause) {
    std::string atom;
    if (!ParseAtom(&atom, clause)) return false;
    if (at_ < pattern_.size() && pattern_[at_] == '?') {
      ++at_;
      atom = "(?:" + atom + ")?";
      clause->clear();  // optional: requires nothing
    }
    *out = atom;
    return true;
  }

  // `clause` gets the words of which the atom cannot match without one (empty: none).
  bool ParseAtom(std::string* out, Clause* clause) {
    char c = pattern_[at_];
    if (c == '(') {
      ++at_;
      std::string alternatives;
      // A group requires one of its alternatives' words: from each alternative the clause
      // whose shortest word is longest. An alternative requiring nothing frees the group.
      bool free = false;
      while (true) {
        std::string sequence;
        Requirement alternative;
        if (!ParseSequence(&sequence, /*inside_group=*/true, &alternative)) return false;
        const Clause* best = nullptr;
        std::size_t best_length = 0;
        for (const Clause& candidate : alternative) {
          std::size_t shortest = candidate.front().size();
          for (const std::string& word : candidate) shortest = std::min(shortest, word.size());
          if (best == nullptr || shortest > best_length) {
            best = &candidate;
            best_length = shortest;
          }
        }
        if (best == nullptr) {
          free = true;
        } else if (!free) {
          clause->insert(clause->end(), best->begin(), best->end());
        }
        alternatives += (alternatives.empty() ? "" : "|") + sequence;
        if (at_ >= pattern_.size()) return Fail("')' to close the group");
        if (pattern_[at_] == '|') {
          ++at_;
          continue;
        }
        ++at_;  // ')'
        break;
      }
      *out = "(?:" + alternatives + ")";
      if (free) clause->clear();
      std::sort(clause->begin(), clause->end());
      clause->erase(std::unique(clause->begin(), clause->end()), clause->end());
      return true;
    }
    if (c == '{') return ParseSlot(out);
    if (pattern_.substr(at_, 3) != "..." && pattern_.substr(at_, 2) == "..") {
      at_ += 2;
      // A short gap between a party and its verb ("will also", "agreed on Friday to"): up to
      // kShortGapWords words or dates, never a comma or another party, so the verb is
      // still the party's own and not one further down a list of clauses.
      *out = "(?:\\s*(?:[a-z0-9'-]+|" + std::string(kTokenOpen) + "DAT\\d+" + std::string(kTokenClose) + ")){0," +
             std::to_string(kShortGapWords) + "}";
      return true;
    }
    if (pattern_.substr(at_, 3) == "...") {
      at_ += 3;
      // A gap that never crosses a clause end ('.', ';', and the comma before "though",
      // "while", "but" … which tagging turns into ';'). Unbounded on purpose: a counted
      // repetition ({0,80}) multiplies the program size, and with it the cost of every
      // submatch search; the clause already bounds the gap.
      *out = "(?:[^.;]*?)";
      return true;
    }
    if (c == '~') {
      ++at_;
      // A descriptor before a name: "the", "a", "an", "its" or "their" and up to
      // kDescriptorWords lowercase words ("the port operator", "the drone delivery start-up"),
      // or nothing. Lowercase words only, so it never takes a mention's token; bounded, so it
      // stays a noun phrase rather than a gap.
      *out = "(?:\\b(?:the|a|an|its|their)\\s+(?:[a-z0-9][a-z0-9'&-]*\\s+){0," + std::to_string(kDescriptorWords) + "})?";
      return true;
    }
    if (c == ',' || c == ';' || c == ':' || c == '"') {
      ++at_;
      *out = std::string(1, c);
      return true;
    }
    if (!IsWordChar(c)) return Fail("a word, slot '{role:TYPE}', group '(…)', '~' or '...'");
    std::size_t begin = at_;
    while (at_ < pattern_.size() && IsWordChar(pattern_[at_])) ++at_;
    std::string word(pattern_.substr(begin, at_ - begin));
    bool prefix = at_ < pattern_.size() && pattern_[at_] == '*';
    if (prefix) ++at_;
    // The text holds the word itself wherever the pattern matches (lowercase, as tagging
    // writes the sentence; a prefix word its stem).
    std::string lowered;
    for (char w : word) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(w)));
    if (lowered.size() >= kMinRequiredWord) clause->push_back(lowered);
    std::string escaped;
    for (char w : word) {
      if (std::isalnum(static_cast<unsigned char>(w)) || static_cast<unsigned char>(w) >= 0x80) {
        escaped += static_cast<char>(std::tolower(static_cast<unsigned char>(w)));
      } else {
        escaped += '\\';
        escaped += w;
      }
    }
    bool alnum_start = std::isalnum(static_cast<unsigned char>(word.front()));
    bool alnum_end = std::isalnum(static_cast<unsigned char>(word.back()));
    *out = (alnum_start ? "\\b" : "") + escaped + (prefix ? "\\w*" : "") + (alnum_end || prefix ? "\\b" : "");
    return true;
  }

  // slot := '{' role ':' TYPE '}'
  bool ParseSlot(std::string* out) {
    ++at_;
    std::size_t begin = at_;
    while (at_ < pattern_.size() && std::islower(static_cast<unsigned char>(pattern_[at_]))) ++at_;
    std::string role(pattern_.substr(begin, at_ - begin));
    if (!IsKnownRole(role)) {
      at_ = begin;
      return Fail("a role (subject, counterparty, object, value, time, attribution, product, platform)");
    }
    if (std::find(roles_seen_.begin(), roles_seen_.end(), role) != roles_seen_.end()) {
      at_ = begin;
      return Fail("a role not used before in this pattern ('" + role + "' appears twice)");
    }
    roles_seen_.push_back(role);
    if (at_ >= pattern_.size() || pattern_[at_] != ':') return Fail("':' after the role");
    ++at_;
    begin = at_;
    while (at_ < pattern_.size() && std::isupper(static_cast<unsigned char>(pattern_[at_]))) ++at_;
    std::string type(pattern_.substr(begin, at_ - begin));
    auto found = SlotTokenTypes().find(type);
    if (found == SlotTokenTypes().end()) {
      at_ = begin;
      return Fail("a slot type (ORG, PARTY, PERSON, PRODUCT, ENTITY, MONEY, PERCENT, DATE, PERIOD, DURATION, COUNT, AMOUNT)");
    }
    if (at_ >= pattern_.size() || pattern_[at_] != '}') return Fail("'}' to close the slot");
    ++at_;
    *out = std::string(kTokenOpen) + "(?P<" + role + ">(?:" + std::string(found->second) + ")\\d+)" +
           std::string(kTokenClose);
    return true;
  }

  std::string_view pattern_;
  std::size_t at_ = 0;
  ParseError error_;
  std::vector<std::string> roles_seen_;
};

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

bool IsName(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

}  // namespace

bool IsKnownRole(std::string_view role) { return std::find(kRoles.begin(), kRoles.end(), role) != kRoles.end(); }
bool IsKnownSetting(std::string_view key) {
  return std::find(kSettings.begin(), kSettings.end(), key) != kSettings.end();
}

Result<std::vector<Rule>> ParseRules(std::string_view text, const std::string& file_name) {
  std::vector<Rule> rules;
  std::size_t line_number = 0;
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    ++line_number;
    auto where = [&](std::size_t column) {
      return file_name + ":" + std::to_string(line_number) + ":" + std::to_string(column + 1);
    };
    std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') {
      line_start = line_end + 1;
      continue;
    }
    const std::size_t indent = line.find_first_not_of(" \t");
    // head ':' pattern — the head is the relation and its settings.
    // The first ':' outside a slot separates the head from the pattern.
    std::size_t colon = std::string_view::npos;
    int depth = 0;
    for (std::size_t i = 0; i < trimmed.size() && colon == std::string_view::npos; ++i) {
      if (trimmed[i] == '{') ++depth;
      if (trimmed[i] == '}') --depth;
      if (trimmed[i] == ':' && depth == 0) colon = i;
    }
    if (colon == std::string_view::npos) {
      return Status::InvalidInput(where(indent + trimmed.size()), "expected ':' between the relation and its pattern");
    }
    Rule rule;
    rule.origin = file_name + ":" + std::to_string(line_number);
    std::string_view head = trimmed.substr(0, colon);
    std::size_t head_at = 0;
    bool first = true;
    while (head_at < head.size()) {
      while (head_at < head.size() && head[head_at] == ' ') ++head_at;
      if (head_at >= head.size()) break;
      std::size_t end = head.find(' ', head_at);
      if (end == std::string_view::npos) end = head.size();
      std::string_view part = head.substr(head_at, end - head_at);
      if (first) {
        if (!IsName(part)) return Status::InvalidInput(where(indent + head_at), "expected a relation name (lowercase letters, digits, '_')");
        rule.relation = std::string(part);
        first = false;
      } else {
        std::size_t equals = part.find('=');
        if (equals == std::string_view::npos || !IsKnownSetting(part.substr(0, equals)) || equals + 1 == part.size()) {
          return Status::InvalidInput(where(indent + head_at),
                                      "expected a setting key=value with key one of exclusive, polarity, modality, tranche, scope, status, infer");
        }
        rule.settings.emplace_back(std::string(part.substr(0, equals)), std::string(part.substr(equals + 1)));
      }
      head_at = end;
    }
    if (rule.relation.empty()) return Status::InvalidInput(where(indent), "expected a relation name before ':'");
    std::string_view pattern = trimmed.substr(colon + 1);
    std::size_t pattern_column = indent + colon + 1;
    PatternParser parser(pattern);
    ParseError error;
    if (!parser.Parse(&rule.regex, &rule.required_words, &error)) {
      return Status::InvalidInput(where(pattern_column + error.column), "expected " + error.expected);
    }
    rules.push_back(std::move(rule));
    line_start = line_end + 1;
  }
  return rules;
}

std::optional<MentionToken> ReadMentionToken(std::string_view tagged, std::size_t at) {
  if (tagged.compare(at, kTokenOpen.size(), kTokenOpen) != 0) return std::nullopt;
  const std::size_t close = tagged.find(kTokenClose, at + kTokenOpen.size());
  if (close == std::string_view::npos) return std::nullopt;
  MentionToken token{close + kTokenClose.size(), std::nullopt};
  const std::size_t digits = tagged.find_first_of("0123456789", at + kTokenOpen.size());
  if (digits < close) {
    std::size_t index = 0;
    const auto [end, error] = std::from_chars(tagged.data() + digits, tagged.data() + close, index);
    if (error == std::errc() && end == tagged.data() + close) token.index = index;
  }
  return token;
}

}  // namespace concord::extract
