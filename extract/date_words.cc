#include "extract/date_words.h"

#include "extract/holidays.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace concord::extract::date_detail {

// "twenty-sixth" 26, "thirty-first" 31, "twenty third" 23; 0 for anything else.
int CompoundOrdinal(Piece word) {
  const std::string_view w(word.data(), word.size());
  const std::size_t dash = w.find_first_of("- ");
  if (dash == std::string_view::npos) return 0;
  constexpr int kTwenty = 20;
  constexpr int kThirty = 30;
  const int tens = EqualsLower(w.substr(0, dash), "twenty")   ? kTwenty
                   : EqualsLower(w.substr(0, dash), "thirty") ? kThirty
                                                              : 0;
  std::string_view unit = w.substr(dash + 1);
  while (!unit.empty() && (unit.front() == ' ' || unit.front() == '-')) unit.remove_prefix(1);
  for (const NamedNumber& n : kDayOrdinals) {
    if (n.value < 10 && EqualsLower(unit, n.word)) return tens == 0 ? 0 : tens + n.value;
  }
  return 0;
}

int DayOrdinalOf(Piece word) {
  if (const int compound = CompoundOrdinal(word); compound != 0) return compound;
  const std::string_view w(word.data(), word.size());
  for (const NamedNumber& n : kDayOrdinals) {
    if (EqualsLower(w, n.word)) return n.value;
  }
  return 0;
}

std::string DayOrdinalAlternation() {
  std::string out = "((?i:(?:twenty|thirty)[ -])?(?i:";
  for (const NamedNumber& n : kDayOrdinals) {
    if (out.back() != ':') out += '|';
    out += n.word;
  }
  return out + "))";
}

int MonthOf(Piece name) {
  std::string_view word(name.data(), name.size());
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  for (const MonthName& m : kMonthNames) {
    if (word == m.word) return m.month;
  }
  return 0;
}

// "Monday", "monday", and with a day number after it "Mon", "Tues", "Thurs".
int WeekdayOf(Piece name) {
  std::string_view word(name.data(), name.size());
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  constexpr std::size_t kShortest = 3;
  if (word.size() < kShortest) return 0;
  for (std::size_t i = 0; i < std::size(kWeekdayNames); ++i) {
    const std::string_view full = kWeekdayNames[i];
    if (word.size() <= full.size() && EqualsIgnoreCase(word, full.substr(0, word.size()))) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

Precision UnitOf(Piece word) {
  std::string_view w(word.data(), word.size());
  if (w.empty()) return Precision::kNone;
  switch (ToLower(w[0])) {
    case 'd':
      return w.size() > 3 && ToLower(w[2]) == 'c' ? Precision::kDecade : Precision::kDay;
    case 'w':
      return Precision::kWeek;
    case 'm':
      return Precision::kMonth;
    case 'q':
      return Precision::kQuarter;
    case 'h':
      return Precision::kHalf;
    case 'y':
      return Precision::kYear;
    case 'n':  // "for two nights": days
      return EqualsLower(w.substr(0, 5), "night") ? Precision::kDay : Precision::kNone;
    default:
      return Precision::kNone;
  }
}

// "first" 1 … "fifth" 5, "last" -1; 0 for anything else.
int NthOf(Piece word) {
  const std::string_view w(word.data(), word.size());
  if (EqualsLower(w, "last") || EqualsLower(w, "final")) return -1;
  constexpr std::string_view kWords[] = {"first", "second", "third", "fourth", "fifth"};
  constexpr std::string_view kDigits[] = {"1st", "2nd", "3rd", "4th", "5th"};
  for (int i = 0; i < 5; ++i) {
    if (EqualsLower(w, kWords[i]) || EqualsLower(w, kDigits[i])) return i + 1;
  }
  return 0;
}

// Relative offsets: "last" -1, "this" 0, "next" +1.
int OffsetOf(Piece word) {
  std::string_view w(word.data(), word.size());
  if (EqualsLower(w, "last") || EqualsLower(w, "past") || EqualsLower(w, "previous") ||
      EqualsLower(w, "the previous")) {
    return -1;
  }
  if (EqualsLower(w, "next") || EqualsLower(w, "coming") || EqualsLower(w, "upcoming") ||
      EqualsLower(w, "following") ||
      EqualsLower(w, "the following") || EqualsLower(w, "the coming") ||
      EqualsLower(w, "the next")) {
    return 1;
  }
  return 0;
}

Boundary BoundaryOf(std::string_view word) {
  auto starts = [&](std::string_view prefix) {
    if (word.size() < prefix.size()) return false;
    return EqualsLower(word.substr(0, prefix.size()), prefix);
  };
  if (starts("through") || starts("thru")) return Boundary::kThrough;
  if (starts("until") || starts("till") || starts("til") || starts("up until")) {
    return Boundary::kUntil;
  }
  // "on or before" is inclusive, like "by"; "on or after" starts on the day, like "since".
  if (starts("by") || starts("no later than") || starts("not later than") ||
      starts("on or before")) {
    return Boundary::kBy;
  }
  if (starts("on or after")) return Boundary::kSince;
  if (starts("before") || starts("prior to") || starts("ahead of")) return Boundary::kBefore;
  if (starts("after") || starts("later than")) return Boundary::kAfter;
  // "as early as 2027": not before then.
  if (starts("since") || starts("starting") || starts("beginning") || starts("effective") ||
      starts("from") || starts("as early as")) {
    return Boundary::kSince;
  }
  return Boundary::kNone;
}

std::string Alternation(bool full_only) {
  std::string out;
  for (const MonthName& m : kMonthNames) {
    if (full_only && !m.full) continue;
    if (!out.empty()) out += '|';
    out += m.word;
    if (!m.full) out += R"(\b\.?)";
  }
  return out;
}

std::string WeekdayAlternation() {
  std::string out;
  for (std::string_view w : kWeekdayNames) {
    if (!out.empty()) out += '|';
    out += w;
  }
  return out;
}

std::string NumberAlternation() {
  std::string out = R"((?i:\d{1,3})";
  for (const NamedNumber& n : kNumberWords) {
    out += '|';
    out += n.word;
  }
  return out + ")";
}

Lexicon::Lexicon() {
  for (const MonthName& m : kMonthNames) Add(m.word, true, kStartsDate | kMonthOrWeekday);
  for (std::string_view w : kLowerFullMonths) Add(w, false, kStartsDate | kMonthOrWeekday);
  for (std::string_view w : kWeekdayNames) Add(w, false, kStartsDate | kMonthOrWeekday);
  for (std::string_view w : kShortWeekdays) Add(w, true, kStartsDate | kMonthOrWeekday);
  for (std::string_view w : kAnchorWords) Add(w, false, kStartsDate);
  for (std::string_view w : kDecadeWords) Add(w, false, kStartsDate);
  for (const NamedNumber& n : kNumberWords) Add(n.word, false, kNumberWord);
  for (std::string_view w : kDurationWords) Add(w, false, kDurationWord);
  for (std::string_view w : kContinuationWords) Add(w, false, kContinuation);
  for (std::string_view w : kConditionalLeads) Add(w, false, kConditionalLead);
  for (std::string_view w : kSelfContainedWords) Add(w, false, kSelfContained);
  for (std::string_view w : kDecadeWords) Add(w, false, kSelfContained);
  for (std::string_view w : HolidayFirstWords()) Add(w, false, kHolidayWord);
  // "the fifth of August", "Tuesday the eleventh": a day ordinal begins a spoken date.
  for (const NamedNumber& n : kDayOrdinals) Add(n.word, false, kStartsDate);
}

const Lexicon& TheLexicon() {
  static const Lexicon lexicon;
  return lexicon;
}

// "Q3", "H1", "FY26", "FY2026", "3Q25" (the last starts with a digit).
bool IsUnitCode(std::string_view word) {
  if (word.size() < 2) return false;
  const char lead = ToLower(word[0]);
  if ((lead == 'q' || lead == 'h') && IsAsciiDigit(word[1])) return true;
  // "FY26", "CY2025", "cy18".
  return (lead == 'f' || lead == 'c') && ToLower(word[1]) == 'y' &&
         (word.size() == 2 || IsAsciiDigit(word[2]));
}

bool MayStartDate(std::string_view word) {
  if (word.empty()) return false;
  if (IsAsciiDigit(word[0])) return true;
  if ((TheLexicon().ClassesOf(word) & kStartsDate) != 0) return true;
  // "Q3", "H1", "FY26", "FY2026".
  const char lead = ToLower(word[0]);
  if (word.size() >= 2 && (lead == 'q' || lead == 'h') && IsAsciiDigit(word[1])) return true;
  return IsUnitCode(word);
}

// True when the word after `word_end` could continue a date expression.
bool NextMayContinue(std::string_view text, std::size_t word_end, bool after_article) {
  std::size_t begin = word_end;
  while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\t' || text[begin] == '-')) {
    ++begin;
  }
  if (begin >= text.size() || begin == word_end) return false;
  if (IsAsciiDigit(text[begin])) return true;
  std::size_t end = begin;
  while (end < text.size() && IsWordChar(text[end])) ++end;
  const std::string_view next = text.substr(begin, end - begin);
  if (next.empty()) return false;
  // "by the company", "at the time": "the" and "its" go on only when the word after them
  // could ("by the end of", "its third quarter", "the 2020s").
  if (EqualsLower(next, "the") || EqualsLower(next, "its")) {
    return !after_article && NextMayContinue(text, end, true);
  }
  const std::uint8_t classes = TheLexicon().ClassesOf(next);
  if ((classes & (kStartsDate | kContinuation | kNumberWord)) != 0 || IsUnitCode(next)) return true;
  return (classes & kHolidayWord) != 0 && HolidayNameAt(text, begin);
}

// True when the word after `word_end` is a unit ("a year ago", "two weeks from now").
bool NextIsUnit(std::string_view text, std::size_t word_end) {
  std::size_t begin = word_end;
  while (begin < text.size() && text[begin] == ' ') ++begin;
  std::size_t end = begin;
  while (end < text.size() && IsAsciiAlpha(text[end])) ++end;
  if (begin == word_end || end == begin) return false;
  return UnitOf(Piece(text.data() + begin, end - begin)) != Precision::kNone &&
         (TheLexicon().ClassesOf(text.substr(begin, end - begin)) & kContinuation) != 0;
}

// `rest`: the text after the word.
// `classes`: TheLexicon().ClassesOf(word).
Anchor AnchorOf(std::string_view word, std::string_view rest, std::uint8_t classes) {
  if (word.empty()) return Anchor::kNone;
  if (IsAsciiDigit(word[0])) return Anchor::kAny;
  if ((classes & kDurationWord) != 0) return Anchor::kDuration;
  if ((classes & kConditionalLead) == 0) {
    if (MayStartDate(word)) return Anchor::kAny;
    if ((classes & kNumberWord) == 0) return Anchor::kNone;
    // "twenty-first of May", "the twenty third day of": a tens word before a day ordinal.
    if ((EqualsLower(word, "twenty") || EqualsLower(word, "thirty")) && rest.size() > 1 &&
        (rest[0] == '-' || rest[0] == ' ')) {
      std::size_t end = 1;
      while (end < rest.size() && IsAsciiAlpha(rest[end])) ++end;
      if (DayOrdinalOf(Piece(rest.data() + 1, end - 1)) != 0) return Anchor::kAny;
    }
    return Anchor::kAgo;
  }
  // "on or before", "on or after"; "on" alone is too common to try everything.
  if (EqualsLower(word, "on")) return rest.substr(0, 4) == " or " ? Anchor::kAny : Anchor::kNone;
  // "more than 2 weeks before today"; "more than $5" costs one comparison.
  if ((EqualsLower(word, "more") || EqualsLower(word, "less")) && rest.substr(0, 6) == " than ") {
    return Anchor::kAgo;
  }
  // "up until", "at the end of": otherwise "up 5%" and "at the time" begin nothing.
  if (EqualsLower(word, "up")) return rest.substr(0, 7) == " until " ? Anchor::kAny : Anchor::kNone;
  // "as early as next year": a start; "as" alone is everywhere.
  if (EqualsLower(word, "as")) {
    return rest.substr(0, 10) == " early as " ? Anchor::kAny : Anchor::kNone;
  }
  // "w/c Feb 4" (week commencing).
  if (EqualsLower(word, "w")) return rest.substr(0, 3) == "/c " ? Anchor::kAny : Anchor::kNone;
  if (EqualsLower(word, "at")) {
    // `rest` may be empty: a text can end with "at" (a truncated article).
    const std::string_view next = rest.substr(0, 5) == " the " ? rest.substr(5) : rest.substr(std::min<std::size_t>(1, rest.size()));
    for (std::string_view part : {"end", "start", "beginning", "middle"}) {
      if (next.substr(0, part.size()) == part) return Anchor::kAny;
    }
    return Anchor::kNone;
  }
  if (MayStartDate(word)) return Anchor::kAny;
  return (classes & kNumberWord) != 0 ? Anchor::kAgo : Anchor::kNone;
}

Mention MakeMention(std::string_view text, std::size_t begin, std::size_t end,
                    const DateExpr& expr) {
  Mention mention;
  mention.kind = MentionKind::kDate;
  mention.span = {begin, end};
  mention.text = std::string(text.substr(begin, end - begin));
  mention.date_expr = expr;
  return mention;
}

// The word that ends right before `pos` (skipping spaces, not punctuation), lower-cased
// comparison left to the caller; empty when punctuation or the text start comes first.
std::string_view PreviousWord(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  // "mid-2026": the hyphen binds like a space.
  if (end > 0 && text[end - 1] == '-' && end == pos) --end;
  std::size_t begin = end;
  while (begin > 0 && IsAsciiAlpha(text[begin - 1])) --begin;
  return text.substr(begin, end - begin);
}

// True when a unit word ("days", "week", "months", "year", "quarter", "decade") appears soon
// enough after `pos` to end a duration ("within the next six years").
bool UnitWordAhead(std::string_view text, std::size_t pos) {
  constexpr std::size_t kLongestDurationHead = 48;  // "throughout the following seventeen "
  const std::string_view window = text.substr(pos, kLongestDurationHead);
  for (std::string_view unit : {"day", "week", "month", "year", "quarter", "decade", "night"}) {
    if (window.find(unit) != std::string_view::npos) return true;
  }
  return false;
}

// True when a range join ("to", "through", a dash …) follows `pos` closely enough to join two
// dates: a cheap test before parsing a range without "from" or "between".
bool MayJoinRange(std::string_view text, std::size_t pos) {
  constexpr std::size_t kLongestFirstEnd = 40;  // "the end of September 2026" and its join
  const std::string_view window = text.substr(pos, kLongestFirstEnd);
  if (window.find_first_of("-~") != std::string_view::npos) return true;
  if (window.find("\xE2\x80") != std::string_view::npos) return true;  // en and em dashes
  for (std::string_view join : {" to ", " through ", " thru ", " until ", " till "}) {
    if (window.find(join) != std::string_view::npos) return true;
  }
  return false;
}

// True when nothing but punctuation or the text's end follows `end` ("on the 18th.").
namespace {

// The word of letters at `pos` (after spaces, or a hyphen when `hyphen`), its end; empty if none.
std::pair<std::string_view, std::size_t> LetterWordAt(std::string_view text, std::size_t pos,
                                                      bool hyphen) {
  std::size_t start = pos;
  while (start < text.size() && (text[start] == ' ' || (hyphen && text[start] == '-'))) ++start;
  if (start == pos || start >= text.size()) return {{}, pos};
  std::size_t end = start;
  while (end < text.size() && IsAsciiAlpha(text[end])) ++end;
  return {text.substr(start, end - start), end};
}

constexpr NamedNumber kSpokenTens[] = {{"twenty", 20}, {"thirty", 30}, {"forty", 40},
                                       {"fifty", 50},  {"sixty", 60},  {"seventy", 70},
                                       {"eighty", 80}, {"ninety", 90}};
constexpr NamedNumber kSpokenUnits[] = {{"one", 1}, {"two", 2},   {"three", 3},
                                        {"four", 4}, {"five", 5}, {"six", 6},
                                        {"seven", 7}, {"eight", 8}, {"nine", 9}};
constexpr NamedNumber kSpokenTeens[] = {
    {"ten", 10},      {"eleven", 11},    {"twelve", 12},   {"thirteen", 13},
    {"fourteen", 14}, {"fifteen", 15},   {"sixteen", 16},  {"seventeen", 17},
    {"eighteen", 18}, {"nineteen", 19}};

template <std::size_t N>
int Lookup(std::string_view word, const NamedNumber (&table)[N]) {
  for (const NamedNumber& n : table)
    if (EqualsLower(word, n.word)) return n.value;
  return 0;
}

// 1..99 in words at `pos` ("five", "fifteen", "ninety six", "eighty-seven"): value and end.
std::pair<int, std::size_t> SpokenBelowHundred(std::string_view text, std::size_t pos) {
  const auto [word, end] = LetterWordAt(text, pos, false);
  if (word.empty()) return {0, pos};
  if (const int teen = Lookup(word, kSpokenTeens)) return {teen, end};
  if (const int unit = Lookup(word, kSpokenUnits)) return {unit, end};
  const int tens = Lookup(word, kSpokenTens);
  if (tens == 0) return {0, pos};
  const auto [next, next_end] = LetterWordAt(text, end, true);
  if (const int unit = Lookup(next, kSpokenUnits)) return {tens + unit, next_end};
  return {tens, end};
}

std::optional<std::pair<int, std::size_t>> SpokenYearWordsAt(std::string_view text,
                                                             std::size_t pos);

}  // namespace

std::optional<std::pair<int, std::size_t>> SpokenYearAt(std::string_view text, std::size_t pos) {
  auto year = SpokenYearWordsAt(text, pos);
  if (!year) return std::nullopt;
  // "two thousand five hundred", "nineteen hundred thousand": a count goes on.
  const auto [next, next_end] = LetterWordAt(text, year->second, false);
  for (std::string_view scale : {"hundred", "thousand", "million", "billion"})
    if (EqualsLower(next, scale)) return std::nullopt;
  return year;
}

namespace {

std::optional<std::pair<int, std::size_t>> SpokenYearWordsAt(std::string_view text,
                                                             std::size_t pos) {
  constexpr int kCentury = 100, kThousand = 1000, kFirstCentury = 11;
  const auto [head, head_end] = LetterWordAt(text, pos, false);
  if (head.empty()) return std::nullopt;
  // "two thousand", "two thousand and five", "two thousand fifteen".
  if (EqualsLower(head, "two")) {
    const auto [thousand, thousand_end] = LetterWordAt(text, head_end, false);
    if (!EqualsLower(thousand, "thousand")) return std::nullopt;
    std::size_t at = thousand_end;
    const auto [conjunction, conjunction_end] = LetterWordAt(text, at, false);
    if (EqualsLower(conjunction, "and")) at = conjunction_end;
    const auto [rest, rest_end] = SpokenBelowHundred(text, at);
    if (rest != 0) return std::make_pair(2 * kThousand + rest, rest_end);
    // "in May two thousand workers": the bare "two thousand" only closing the phrase.
    if (!EndsPhrase(text, thousand_end)) return std::nullopt;
    return std::make_pair(2 * kThousand, thousand_end);
  }
  // "nineteen ninety six", "nineteen hundred ninety three", "nineteen oh five", "twenty twenty".
  const int century = EqualsLower(head, "twenty") ? 20 : Lookup(head, kSpokenTeens);
  if (century < kFirstCentury) return std::nullopt;
  const auto [second, second_end] = LetterWordAt(text, head_end, true);
  if (EqualsLower(second, "hundred")) {
    std::size_t at = second_end;
    const auto [conjunction, conjunction_end] = LetterWordAt(text, at, false);
    if (EqualsLower(conjunction, "and")) at = conjunction_end;
    const auto [rest, rest_end] = SpokenBelowHundred(text, at);
    if (rest != 0) return std::make_pair(century * kCentury + rest, rest_end);
    if (!EndsPhrase(text, second_end)) return std::nullopt;
    return std::make_pair(century * kCentury, second_end);
  }
  if (EqualsLower(second, "oh") || EqualsLower(second, "o")) {
    const auto [unit, unit_end] = LetterWordAt(text, second_end, false);
    if (const int value = Lookup(unit, kSpokenUnits)) {
      return std::make_pair(century * kCentury + value, unit_end);
    }
    return std::nullopt;
  }
  // The second part must be ten or more: "nineteen five" is not a year.
  const auto [rest, rest_end] = SpokenBelowHundred(text, head_end);
  if (rest < 10) return std::nullopt;
  return std::make_pair(century * kCentury + rest, rest_end);
}

}  // namespace

bool EndsPhrase(std::string_view text, std::size_t end) {
  while (end < text.size() && text[end] == ' ') ++end;
  if (end >= text.size()) return true;
  const char c = text[end];
  // "7.6", "3,000": a number goes on.
  if ((c == '.' || c == ',') && end + 1 < text.size() && IsAsciiDigit(text[end + 1])) return false;
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == '\n';
}

// True when `pos` starts a line, after optional indentation or a list bullet.
bool AtLineStart(std::string_view text, std::size_t pos) {
  std::size_t i = pos;
  while (i > 0 &&
         (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '-' || text[i - 1] == '*')) {
    --i;
  }
  return i == 0 || text[i - 1] == '\n' || text[i - 1] == '\r';
}

// Money and counts are not years: "$2032", "€2030", "2,032", "12.2030".
bool PrecededByAmount(std::string_view text, std::size_t pos) {
  if (pos == 0) return false;
  const char before = text[pos - 1];
  if (before == '$' || before == ',' || before == '.' || IsAsciiDigit(before)) return true;
  if (before == ' ' && pos >= 2 && text[pos - 2] == '$') return true;  // "$ 12"
  // UTF-8 currency signs end in these bytes: £ C2 A3, ¥ C2 A5, € E2 82 AC, ₹ E2 82 B9.
  const auto byte = static_cast<unsigned char>(before);
  if (pos >= 2 && static_cast<unsigned char>(text[pos - 2]) == 0xC2 &&
      (byte == 0xA3 || byte == 0xA5)) {
    return true;
  }
  return pos >= 3 && static_cast<unsigned char>(text[pos - 3]) == 0xE2 &&
         static_cast<unsigned char>(text[pos - 2]) == 0x82 && (byte == 0xAC || byte == 0xB9);
}

// After a year: "%", "2032.5", "2032,000" or a counted noun make it a number.
bool FollowedByAmount(std::string_view text, std::size_t end) {
  if (end >= text.size()) return false;
  const char after = text[end];
  if (after == '%') return true;
  if ((after == '.' || after == ',') && end + 1 < text.size() && IsAsciiDigit(text[end + 1])) {
    return true;
  }
  std::size_t begin = end;
  while (begin < text.size() && text[begin] == ' ') ++begin;
  if (begin == end) return false;
  std::size_t stop = begin;
  while (stop < text.size() && IsAsciiAlpha(text[stop])) ++stop;
  const std::string_view next = text.substr(begin, stop - begin);
  // Wire notation too: "1990 mln dlrs", "2000 dlrs", "1950 stg".
  constexpr std::string_view kMoneyWords[] = {"mln", "bln", "dlrs",  "dlr",    "cts",
                                              "stg", "yen", "marks", "francs", "pence"};
  return InLowerList(next, kCountNouns) || EqualsLower(next, "percent") ||
         EqualsLower(next, "pct") || EqualsLower(next, "million") || EqualsLower(next, "billion") ||
         EqualsLower(next, "trillion") || InLowerList(next, kMoneyWords);
}

// Right after a number's digits: a decimal or thousands part, or a percent sign.
bool PartOfAmount(std::string_view text, std::size_t end) {
  if (end >= text.size()) return false;
  if (text[end] == '%') return true;
  return (text[end] == '.' || text[end] == ',') && end + 1 < text.size() &&
         IsAsciiDigit(text[end + 1]);
}

// "11.30.1998": one or two digits, a point, one or two digits, a point, four digits.
bool DottedDateAt(std::string_view text, std::size_t pos) {
  std::size_t at = pos;
  for (int part = 0; part < 2; ++part) {
    const std::size_t start = at;
    while (at < text.size() && at - start < 3 && IsAsciiDigit(text[at])) ++at;
    if (at == start || at - start > 2 || at >= text.size() || text[at] != '.') return false;
    ++at;
  }
  std::size_t digits = 0;
  while (at + digits < text.size() && IsAsciiDigit(text[at + digits])) ++digits;
  constexpr std::size_t kYearDigits = 4;
  return digits == kYearDigits;
}

DatePoint YearPoint(int year) {
  DatePoint point;
  point.year = year;
  point.precision = Precision::kYear;
  return point;
}

bool ValidMonth(int month) { return month >= 1 && month <= kMonthsPerYear; }

bool ValidDay(int month, int day) {
  return month >= 1 && month <= kMonthsPerYear && day >= 1 && day <= kMaxDayOfMonth;
}

// "of 87" is 1987, "of 24" 2024: a year written in two digits after "of" (a birth year, a
// crash) is this century's up to 49.
int YearOfTwoDigits(Piece digits) {
  constexpr int kPivot = 50;
  constexpr int kNineteenHundred = 1900;
  constexpr int kTwoThousand = 2000;
  const int value = ToInt(digits);
  return value >= kPivot ? kNineteenHundred + value : kTwoThousand + value;
}

int ExpandTwoDigitYear(Piece digits) {
  constexpr int kCentury = 2000;
  const int value = ToInt(digits);
  return digits.size() == 2 ? kCentury + value : value;
}

}  // namespace concord::extract::date_detail
