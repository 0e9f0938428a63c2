#include "extract/dates.h"

#include "extract/holidays.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// How the recognizer works. One pass over the text visits word starts only; a word that can
// begin a date expression (a digit, a month or weekday name, or one of a few keywords:
// "through", "last", "the", "Q3", "FY26" …) is an anchor, and at an anchor a small grammar
// is tried, built from RE2 patterns matched with ANCHOR_START. Every pattern is bounded (no
// unbounded repetition beyond whitespace), so the work per anchor is bounded and the whole
// scan is linear in the text. A match consumes its span and the scan goes on after it.
//
// Grammar, outermost first:
//   expression := duration
//               | "between" point "and" point | "from" point ("to"|"through"|"until") point
//               | boundary? modifier? point ( "-" year )?
//   boundary   := through | until | till | by | before | after | since | no later than | …
//                 (kept in span; "as of" is not one: it names a moment)
//   modifier   := "the end of" | "the start of" | "early" | "mid-" | "late" (kept in span;
//                 "end of 2031" is 2031)
//   point      := absolute day | month-year | month this/last/next year | quarter | half |
//                 fiscal year | decade | bare year (only in date context) | relative word
//
// A range ("between 2026 and 2030", "from 2026 to 2030", "2026-2030") becomes two mentions,
// one per endpoint ("between 2026", "and 2030"), each carrying the whole range: a claim that
// picks up either one gets the same period, and scorers that count the endpoints as two dates
// (the generated corpus does) find both.

namespace concord::extract {

namespace {

using Piece = re2::StringPiece;

// A bound on one anchored attempt: no date expression is longer than this (bytes). It keeps
// the scan linear even where a pattern could run on (a long run of spaces after "April").
constexpr std::size_t kMaxExpressionBytes = 160;

constexpr int kFirstBareYear = 1900;  // bare years outside [1900, 2199] are never dates here
constexpr int kLastBareYear = 2199;
constexpr int kMaxDayOfMonth = 31;
constexpr int kMonthsPerYear = 12;

struct NamedNumber {
  std::string_view word;
  int value;
};

// Month names as news writes them; abbreviations never stand alone (they need a day or year).
struct MonthName {
  std::string_view word;
  int month;
  bool full;
};
constexpr MonthName kMonthNames[] = {
    {"January", 1, true},
    {"February", 2, true},
    {"March", 3, true},
    {"April", 4, true},
    {"May", 5, true},
    {"June", 6, true},
    {"July", 7, true},
    {"August", 8, true},
    {"September", 9, true},
    {"October", 10, true},
    {"November", 11, true},
    {"December", 12, true},
    {"Jan", 1, false},
    {"Feb", 2, false},
    {"Mar", 3, false},
    {"Apr", 4, false},
    {"Jun", 6, false},
    {"Jul", 7, false},
    {"Aug", 8, false},
    {"Sept", 9, false},
    {"Sep", 9, false},
    {"Oct", 10, false},
    {"Nov", 11, false},
    {"Dec", 12, false},
    // Lower case, as chat and all-lower-case text writes them: only with a day or a year
    // after them ("june of 1992", "july 4th"); "may" is left out, it is mostly the verb.
    {"january", 1, false},
    {"february", 2, false},
    {"march", 3, false},
    {"april", 4, false},
    {"june", 6, false},
    {"july", 7, false},
    {"august", 8, false},
    {"september", 9, false},
    {"october", 10, false},
    {"november", 11, false},
    {"december", 12, false},
    // Lower-case abbreviations, also only with a day or year ("14 nov 2023", "mar3" is not).
    {"jan", 1, false},
    {"feb", 2, false},
    {"mar", 3, false},
    {"apr", 4, false},
    {"jun", 6, false},
    {"jul", 7, false},
    {"aug", 8, false},
    {"sept", 9, false},
    {"sep", 9, false},
    {"oct", 10, false},
    {"nov", 11, false},
    {"dec", 12, false},
};

// Lower-case full names alone ("in june", "between march and july"): only after a word that
// makes them a date (kLowerMonthContextWords), since "march" is also a noun and a verb.
// "may" is mostly the verb: it needs one of the narrower kMayContextWords ("in may").
constexpr std::string_view kLowerFullMonths[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
};
constexpr std::string_view kLowerMonthContextWords[] = {
    "in",   "since", "until", "till", "through", "during", "early", "late",    "mid",
    "last", "next",  "by",    "from", "before",  "after",  "of",    "between", "throughout",
};
constexpr std::string_view kMayContextWords[] = {"in",   "since", "until", "till", "during",
                                                 "late", "mid",   "last",  "next", "early"};

constexpr std::string_view kWeekdayNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                              "Friday", "Saturday", "Sunday"};

constexpr NamedNumber kNumberWords[] = {
    {"a", 1},         {"an", 1},       {"one", 1},      {"two", 2},        {"three", 3},
    {"four", 4},      {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},
    {"nine", 9},      {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13},
    {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
    {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},
    {"another", 1},   {"couple", 2},
};

constexpr NamedNumber kDayOrdinals[] = {
    {"first", 1},        {"second", 2},      {"third", 3},       {"fourth", 4},
    {"fifth", 5},        {"sixth", 6},       {"seventh", 7},     {"eighth", 8},
    {"ninth", 9},        {"tenth", 10},      {"eleventh", 11},   {"twelfth", 12},
    {"thirteenth", 13},  {"fourteenth", 14}, {"fifteenth", 15},  {"sixteenth", 16},
    {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
    {"thirtieth", 30},
};

constexpr NamedNumber kOrdinals[] = {
    {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4},
    {"1st", 1},   {"2nd", 2},    {"3rd", 3},   {"4th", 4},
};

// Words that make a following bare year a date ("in 2032", "outlook for 2029").
constexpr std::string_view kYearContextWords[] = {
    "in",     "during", "of",      "for",    "throughout", "around",    "circa",  "early",
    "late",   "mid",    "year",    "fiscal", "spring",     "summer",    "autumn", "fall",
    "winter", "since",  "by",      "until",  "through",    "before",    "after",  "from",
    "and",    "till",   "between", "end",    "start",      "beginning", "middle", "not",
};

// Decades in words, in order from the 1920s; after "the" or one of kDecadeWordContext.
constexpr std::string_view kDecadeWords[] = {"twenties", "thirties",  "forties",  "fifties",
                                             "sixties",  "seventies", "eighties", "nineties"};
constexpr std::string_view kDecadeWordContext[] = {"in",  "since", "during", "early", "late",
                                                   "mid", "until", "by",     "from"};

// Words that make a following bare month name a date ("in May", "since March").
constexpr std::string_view kMonthContextWords[] = {
    "in",     "since",   "by",         "until", "through",   "till",  "before", "after", "from",
    "during", "early",   "late",       "mid",   "last",      "next",  "this",   "of",    "to",
    "and",    "between", "throughout", "end",   "beginning", "start", "middle", "on",    "as",
};

// Nouns that, right after a four-digit number, make it a count ("2,032 jobs" is excluded by
// the comma; "in 2032 jobs" is odd but "for 2030 employees" happens).
constexpr std::string_view kCountNouns[] = {
    "people",   "employees", "jobs",     "workers", "staff",  "shares", "units",     "customers",
    "stores",   "vehicles",  "cars",     "homes",   "tonnes", "tons",   "barrels",   "patients",
    "students", "users",     "miles",    "km",      "meters", "feet",   "points",    "votes",
    "copies",   "sites",     "branches", "members", "pages",  "items",  "contracts", "times",
};

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsWordChar(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '_'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (ToLower(word[i]) != lower[i]) return false;
  }
  return true;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ToLower(a[i]) != ToLower(b[i])) return false;
  }
  return true;
}

template <std::size_t N>
bool InLowerList(std::string_view word, const std::string_view (&list)[N]) {
  return std::any_of(std::begin(list), std::end(list),
                     [&](std::string_view entry) { return EqualsLower(word, entry); });
}

int ToInt(Piece digits) {
  int value = 0;
  for (char c : digits) {
    if (!IsAsciiDigit(c)) continue;
    value = value * 10 + (c - '0');
  }
  return value;
}

// "twenty-sixth" 26, "thirty-first" 31; 0 for anything else.
int CompoundOrdinal(Piece word) {
  const std::string_view w(word.data(), word.size());
  const std::size_t dash = w.find('-');
  if (dash == std::string_view::npos) return 0;
  constexpr int kTwenty = 20;
  constexpr int kThirty = 30;
  const int tens = EqualsLower(w.substr(0, dash), "twenty")   ? kTwenty
                   : EqualsLower(w.substr(0, dash), "thirty") ? kThirty
                                                              : 0;
  const std::string_view unit = w.substr(dash + 1);
  for (const NamedNumber& n : kDayOrdinals) {
    if (n.value < 10 && EqualsLower(unit, n.word)) return tens == 0 ? 0 : tens + n.value;
  }
  return 0;
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

template <std::size_t N>
int NumberOf(Piece word, const NamedNumber (&table)[N]) {
  if (!word.empty() && IsAsciiDigit(word[0])) return ToInt(word);
  std::string_view w(word.data(), word.size());
  for (const NamedNumber& n : table) {
    if (EqualsLower(w, n.word)) return n.value;
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
  if (EqualsLower(w, "next") || EqualsLower(w, "coming") || EqualsLower(w, "following") ||
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

// A successful anchored match: the captures and where the match ends.
struct Hit {
  static constexpr int kMaxGroups = 8;
  std::array<Piece, kMaxGroups + 1> groups;
  std::size_t end = 0;
  Piece operator[](int i) const { return groups[static_cast<std::size_t>(i)]; }
  bool has(int i) const { return groups[static_cast<std::size_t>(i)].data() != nullptr; }
};

// What opens a range: "between" (joined by "and"), "from" (by "to", "through" …) or nothing
// ("May to March", "Jan-Feb 2017").
enum class RangeOpener { kNone, kBetween, kFrom };

struct Parsed {
  DatePoint point;
  std::size_t end = 0;
  bool day_month_ambiguous = false;  // "4/5/2026"
};

// Words that can begin a date or period expression (compared case-insensitively; the
// patterns themselves decide case). Anything else is skipped without running a pattern.
constexpr std::string_view kAnchorWords[] = {
    "today",     "yesterday", "tomorrow",  "tonight",  "this",      "last",    "next",    "past",
    "previous",  "coming",    "following", "the",      "its",       "earlier", "later",   "early",
    "late",      "mid",       "end",       "start",    "beginning", "middle",  "at",      "between",
    "from",      "through",   "thru",      "until",    "till",      "til",     "up",      "by",
    "before",    "after",     "since",     "starting", "no",        "not",     "prior",   "ahead",
    "effective", "first",     "second",    "third",    "fourth",    "fiscal",  "current", "week",
    "rest",      "remainder", "remaining",
};

// Weekday abbreviations, taken only with a day number after them ("Mon 13th") or after a
// week ("next week Mon"): alone, "Sun" and "Sat" are too often something else.
constexpr std::string_view kShortWeekdays[] = {"Mon",  "Tue",   "Tues", "Wed", "Thu",
                                               "Thur", "Thurs", "Fri",  "Sat", "Sun"};

constexpr std::string_view kContinuationWords[] = {
    "week",   "weeks",    "month", "months", "quarter",   "quarters",  "year",      "years",
    "decade", "decades",  "half",  "day",    "days",      "morning",   "afternoon", "evening",
    "of",     "in",       "on",    "to",     "or",        "and",       "current",   "fy",
    "than",   "calendar", "now",   "rest",   "remainder", "remaining", "working",   "workweek"};

// Words that begin only a duration ("in the next six years", "over seven years").
constexpr std::string_view kDurationWords[] = {"in",     "within",     "over",
                                               "during", "throughout", "for"};

// Words that begin a date but say nothing alone ("the", "by", "last"): an expression goes on
// only when the next word could continue one. Checking that word first keeps the patterns
// from running at every "the" and "by" of the text (most of the recognizer's time before).
constexpr std::string_view kSelfContainedWords[] = {"today", "yesterday", "tomorrow", "tonight"};

// What a word can be to the scan; a word may be several.
enum WordClass : std::uint8_t {
  kStartsDate = 1,        // a month, a weekday or an anchor word ("the", "last", "through")
  kMonthOrWeekday = 2,    // begins a date by itself
  kNumberWord = 4,        // "two", "a"
  kDurationWord = 8,      // "in", "within", "over"
  kContinuation = 16,     // "week", "of", "year" after a lead word
  kConditionalLead = 32,  // "on", "up", "at", "more", "less": a lead only before certain words
  kSelfContained = 64,    // "today", "nineties": a date without a next word
  kHolidayWord = 128,     // "Christmas", "Black", "Eid": may begin a holiday name
};

constexpr std::string_view kConditionalLeads[] = {"on", "up", "at", "more", "less", "as", "w"};

// The first-byte table of the scan: every special word, bucketed by its lower-cased first
// letter. A word is looked up once per class question in its bucket only, and most words of
// a text match nothing there after one length comparison.
class Lexicon {
 public:
  Lexicon() {
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
  }

  // The classes of `word` (0 for most words).
  std::uint8_t ClassesOf(std::string_view word) const {
    if (word.empty() || !IsAsciiAlpha(word[0])) return 0;
    std::uint8_t classes = 0;
    for (const Entry& e : buckets_[static_cast<std::size_t>(ToLower(word[0]) - 'a')]) {
      if (e.word.size() != word.size()) continue;
      if (e.exact_case ? e.word == word : EqualsLower(word, e.lower)) classes |= e.classes;
    }
    return classes;
  }

 private:
  struct Entry {
    std::string_view word;
    std::string lower;
    bool exact_case;
    std::uint8_t classes;
  };
  void Add(std::string_view word, bool exact_case, std::uint8_t classes) {
    std::string lower(word);
    for (char& c : lower) c = ToLower(c);
    buckets_[static_cast<std::size_t>(lower[0] - 'a')].push_back(
        {word, lower, exact_case, classes});
  }
  static constexpr std::size_t kLetters = 26;
  std::array<std::vector<Entry>, kLetters> buckets_;
};

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
bool NextMayContinue(std::string_view text, std::size_t word_end, bool after_article = false) {
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

// What an anchor word can begin; most words begin nothing and cost no pattern.
enum class Anchor { kNone, kDuration, kAgo, kAny };

// `rest`: the text after the word.
// `classes`: TheLexicon().ClassesOf(word).
Anchor AnchorOf(std::string_view word, std::string_view rest, std::uint8_t classes) {
  if (word.empty()) return Anchor::kNone;
  if (IsAsciiDigit(word[0])) return Anchor::kAny;
  if ((classes & kDurationWord) != 0) return Anchor::kDuration;
  if ((classes & kConditionalLead) == 0) {
    if (MayStartDate(word)) return Anchor::kAny;
    return (classes & kNumberWord) != 0 ? Anchor::kAgo : Anchor::kNone;
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

}  // namespace

// A compiled pattern and the bytes its matches can start with.
struct Pattern {
  std::unique_ptr<RE2> re;
  unsigned char first_min = 0;
  unsigned char first_max = 0xFF;
  std::string_view required;  // a literal in every match, or empty
};

struct DateRecognizer::Impl {
  Impl();

  // `required`: a literal every match contains (lower case), checked before the pattern runs.
  std::unique_ptr<Pattern> Compile(const std::string& pattern,
                                   std::string_view required = {}) const;

  // Anchored match of `pattern` at `pos`; nullopt when it does not match there.
  std::optional<Hit> MatchAt(const Pattern& pattern, std::string_view text, std::size_t pos) const;

  std::vector<Mention> Find(std::string_view text) const;

  // One expression starting at `pos` (a word start): appends its mention(s) and returns the
  // end of what was consumed, or nullopt.
  std::optional<std::size_t> ExpressionAt(std::string_view text, std::size_t pos,
                                          std::vector<Mention>& out) const;
  std::optional<std::size_t> DurationAt(std::string_view text, std::size_t pos,
                                        std::vector<Mention>& out) const;
  std::optional<std::size_t> RangeAt(std::string_view text, std::size_t pos,
                                     std::vector<Mention>& out) const;
  // "the third Monday of May 2022", "the last Friday in June": that weekday of the month.
  std::optional<std::size_t> NthWeekdayAt(std::string_view text, std::size_t pos,
                                          std::vector<Mention>& out) const;
  // "the 21st century": one mention holding the range of its years.
  std::optional<std::size_t> CenturyAt(std::string_view text, std::size_t pos,
                                       std::vector<Mention>& out) const;
  // The two ends of a range from `pos`, after "between" or "from" or neither (then both ends
  // must be calendar dates); the first mention starts at `mention_begin`.
  std::optional<std::size_t> RangeBodyAt(std::string_view text, std::size_t mention_begin,
                                         std::size_t pos, RangeOpener opener,
                                         std::vector<Mention>& out) const;
  // The second end of a range at `pos`: a point, "now", or a day of `start`'s month.
  std::optional<Parsed> RangeEndAt(std::string_view text, std::size_t pos,
                                   const DatePoint& start) const;
  // "three weeks from tomorrow", "2 days before May 13 1999", "two years from now".
  std::optional<std::size_t> OffsetAt(std::string_view text, std::size_t pos,
                                      std::vector<Mention>& out) const;
  // "in two weeks": the day that far after the published date.
  std::optional<std::size_t> InCountAt(std::string_view text, std::size_t pos,
                                       std::vector<Mention>& out) const;
  // "2026-2030" at `year_pos`; the mention starts at `pos` (a boundary word may precede).
  std::optional<std::size_t> YearRangeAt(std::string_view text, std::size_t pos,
                                         std::size_t year_pos, Boundary boundary,
                                         std::vector<Mention>& out) const;
  // A point (or dash year range) at `point_pos`, its mention starting at `pos`.
  std::optional<std::size_t> PointExpressionAt(std::string_view text, std::size_t pos,
                                               std::size_t point_pos, Boundary boundary,
                                               std::vector<Mention>& out) const;

  // A calendar point at `pos`, after an optional "the end of"/"early" modifier.
  // `in_date_context`: a boundary or modifier precedes, so a bare year or month is a date.
  std::optional<Parsed> ModifiedPointAt(std::string_view text, std::size_t pos,
                                        bool in_date_context) const;
  std::optional<Parsed> PointAt(std::string_view text, std::size_t pos, bool in_date_context) const;
  std::optional<Parsed> MonthPointAt(std::string_view text, std::size_t pos,
                                     bool in_date_context) const;
  std::optional<Parsed> NumericPointAt(std::string_view text, std::size_t pos,
                                       bool in_date_context) const;
  // "Monday", "Sunday 31", "Mon 13th", "friday 5/12", "Tuesday of next week".
  std::optional<Parsed> WeekdayPointAt(std::string_view text, std::size_t pos) const;
  // "Christmas", "last Easter", "Thanksgiving 2023", "the August bank holiday".
  std::optional<Parsed> HolidayPointAt(std::string_view text, std::size_t pos) const;
  // "18th" of "on the 18th." (no month named).
  std::optional<Parsed> DayOnlyAt(std::string_view text, std::size_t pos) const;
  // "10/1", "5/7, 2020": month/day without a year, where the caller knows it is a date.
  std::optional<Parsed> SlashNoYearAt(std::string_view text, std::size_t pos) const;
  // "7.6" right after a weekday ("Friday 7.6"): month.day.
  std::optional<Parsed> DottedNoYearAt(std::string_view text, std::size_t pos) const;
  std::optional<Parsed> WordPointAt(std::string_view text, std::size_t pos,
                                    bool in_date_context) const;
  // "three days ago", "a year ago".
  std::optional<Parsed> AgoPointAt(std::string_view text, std::size_t pos) const;
  // ", 2026", " of fiscal 2025", " of next year", " FY26" after a month, quarter or half.
  bool YearSpecAt(std::string_view text, std::size_t pos, DatePoint& point, std::size_t& end) const;

  std::unique_ptr<Pattern> month_day_;   // April 27, 2026 | Apr. 27 | Monday, April 27
  std::unique_ptr<Pattern> day_month_;   // 27 April 2026 | 1 December
  std::unique_ptr<Pattern> month_year_;  // February 2026 | Jan 2021 | March of 2026
  std::unique_ptr<Pattern> month_rel_;   // October this year | February of last year
  std::unique_ptr<Pattern> month_only_;  // October (context decides)
  std::unique_ptr<Pattern> iso_;         // 2026-04-27
  std::unique_ptr<Pattern> slash_;       // 4/27/2026 | 4-27-2026
  std::unique_ptr<Pattern> decade_;      // the 2020s
  std::unique_ptr<Pattern> year_;        // 2032 | 2026's
  std::unique_ptr<Pattern> year_range_;  // 2026-2030 | 2026–30
  std::unique_ptr<Pattern> year_spec_;   // (of) (fiscal) 2025 | of next year | FY26
  std::unique_ptr<Pattern> quarter_q_;   // Q3 | H1
  std::unique_ptr<Pattern> quarter_nq_;  // 3Q25 | 1H 2026
  std::unique_ptr<Pattern>
      ordinal_part_;                    // the third quarter | first-half | the second fiscal half
  std::unique_ptr<Pattern> to_date_;    // date | current date (a range's end: "from March to date")
  std::unique_ptr<Pattern> work_week_;  // this working week | next workweek
  std::unique_ptr<Pattern> weeks_away_;       // two weeks from now | 3 weeks ago (after a weekday)
  std::unique_ptr<Pattern> week_of_;          // the week beginning | the week starting on
  std::unique_ptr<Pattern> calendar_year_;    // CY2025 | cy18
  std::unique_ptr<Pattern> iso_month_;        // 2015-12 | 2015-3 (when not a range of years)
  std::unique_ptr<Pattern> fiscal_;           // fiscal 2026 | fiscal year 2026 | FY26 | FY 2026
  std::unique_ptr<Pattern> rel_day_;          // today | yesterday | this morning
  std::unique_ptr<Pattern> rel_unit_;         // last week | this year | the previous quarter
  std::unique_ptr<Pattern> possessive_year_;  // next year's | this year's (before a quarter)
  std::unique_ptr<Pattern> iso_week_;         // week 31 | the week 1
  std::unique_ptr<Pattern> this_next_;        // this | next (before "5/12")
  std::unique_ptr<Pattern>
      nth_of_;  // the 15th day of | the third month of | the twenty-sixth day of
  std::unique_ptr<Pattern> week_after_next_;  // the week after next | the month after next
  std::unique_ptr<Pattern> the_year_;         // the year 2024
  std::unique_ptr<Pattern> rel_within_;
  std::unique_ptr<Pattern> rest_of_;       // the rest of the year | the remainder of this week
  std::unique_ptr<Pattern> year_month_;    // 2017 April | 2017 april (after "in")      // earlier
                                           // this month | later this year
  std::unique_ptr<Pattern> ago_;           // three days ago | a year ago
  std::unique_ptr<Pattern> weekday_;       // Monday | monday | Mon (the caller decides)
  std::unique_ptr<Pattern> weekday_day_;   // 31 | 13th (after a weekday: "Sunday 31", "Mon 13th")
  std::unique_ptr<Pattern> of_week_;       // of next week | of the following week (after a weekday)
  std::unique_ptr<Pattern> week_weekday_;  // next week Wednesday | this week - Monday
  std::unique_ptr<Pattern> day_only_;      // 18th (after "the": "on the 18th")
  std::unique_ptr<Pattern> dotted_no_year_;    // 7.6 (after a weekday only)
  std::unique_ptr<Pattern> slash_no_year_;     // 10/1 | 5/7, 2020 (only where a date is certain)
  std::unique_ptr<Pattern> month_abbr_only_;   // Feb | Sept. (in date context only)
  std::unique_ptr<Pattern> month_lower_only_;  // june | march | may (after a date word)
  std::unique_ptr<Pattern> day_range_;         // 9 to | 3 and | 5- (a day before "12 of June")
  std::unique_ptr<Pattern> end_day_;           // 17th | seventeenth (after "April 9th through")
  std::unique_ptr<Pattern> year_quarter_;      // 2017 q1 | 2019 H2
  std::unique_ptr<Pattern> century_;           // 21st century | the 15th century
  std::unique_ptr<Pattern> decade_word_;
  std::unique_ptr<Pattern> short_decade_;  // 90s (after "the" or an apostrophe: "the '90s")     //
                                           // the nineties | eighties
  std::unique_ptr<Pattern> year_after_day_;  // , 2026 | 2026 (after "June 3rd-8th")
  std::unique_ptr<Pattern> or_later_;        // or later | or after (after a point)
  std::unique_ptr<Pattern> rel_weekday_;     // last Tuesday | next Sunday
  std::unique_ptr<Pattern> rel_month_;       // last October | next March | this September
  std::unique_ptr<Pattern> in_count_;        // in two weeks | in 3 days (a day that far ahead)
  std::unique_ptr<Pattern> offset_;          // three weeks from | 2 days before | a year after
  std::unique_ptr<Pattern> now_;             // now (after "from")
  std::unique_ptr<Pattern> end_of_unit_;     // the decade | the year (after "the end of")
  std::unique_ptr<Pattern> boundary_;        // through | until | by | since | as of …
  std::unique_ptr<Pattern> modifier_;        // the end of | early | mid- | late
  std::unique_ptr<Pattern> range_open_;      // between | from
  std::unique_ptr<Pattern> range_join_;  // and | to | through | until | - (after the first point)
  std::unique_ptr<Pattern> duration_;    // in the next six years | over the past 2 quarters
  std::unique_ptr<Pattern> duration_count_first_;  // in the 2 next days | the 5 past years
  std::unique_ptr<Pattern> duration_start_;  // , starting | from | beginning (after "for 3 days")
  std::unique_ptr<Pattern> part_of_;         // (for) the first six months of | the last 3 weeks of
  std::unique_ptr<Pattern> nth_part_of_;     // the second week of | the last week in
  std::unique_ptr<Pattern> nth_weekday_of_;  // the third Monday of | the last Friday in
  std::unique_ptr<Pattern> duration_one_;    // over the past year | in the coming month
  std::unique_ptr<Pattern> duration_plain_;  // within 18 months | over seven years
};

DateRecognizer::Impl::Impl() {
  const std::string month = "(" + Alternation(false) + ")";
  const std::string month_full = "(" + Alternation(true) + ")";
  const std::string month_full_any = "((?i:" + Alternation(true) + "))";
  const std::string weekday = "(" + WeekdayAlternation() + ")";
  // Any case for full names; abbreviations capitalised ("Mon", "Thurs").
  const std::string weekday_any =
      "((?i:" + WeekdayAlternation() + ")|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)";
  const std::string number = "(" + NumberAlternation() + ")";
  const std::string day = R"((\d{1,2})(?:st|nd|rd|th)?\b)";
  const std::string ordinal = R"((first|second|third|fourth|1st|2nd|3rd|4th))";

  // "April 27, 2026", "june the 28th 2020", "October, 1st" (a comma only before an ordinal:
  // "In October, 12 banks failed" is a count), "June 28 in 2020".
  month_day_ = Compile(month + R"((?:\s+(?:the\s+)?|(,)\s*))" + day +
                       R"((?:(?:\s*,\s*|\s+)(?:of\s+|in\s+)?(\d{4})\b)?)");
  day_month_ = Compile(day + R"(\s+(?:of\s+)?)" + month +
                       R"((?:(?:,?\s+|\s+of\s+|\s+in\s+)(\d{4})\b|\s+of\s+'?(\d{2})\b)?)");
  // "April of 87", "15 April of '87": a two-digit year only after "of".
  month_year_ = Compile(month + R"((?:(?:,?\s+|\s+of\s+|\s+in\s+)(\d{4})\b|\s+of\s+'?(\d{2})\b))");
  month_rel_ = Compile(month_full + R"(\s+(?:of\s+)?(this|last|next)\s+year\b)", "year");
  month_only_ = Compile(month_full + R"(\b)");
  // "2026-04-27", unpadded "2019-7-4", "2019/07/04".
  iso_ = Compile(R"((\d{4})(?:-(\d{1,2})-|/(\d{1,2})/)(\d{1,2})\b)");
  // "4/27/2026", "4-27-2026", "11.30.1998", "6/14/31" (a two-digit year only with slashes).
  slash_ = Compile(R"((\d{1,2})(?:/(\d{1,2})/|-(\d{1,2})-|\.(\d{1,2})\.)(\d{4}|\d{2})\b)");
  decade_ = Compile(R"((?:[Tt]he\s+)?(\d{3}0) ?s\b)");
  short_decade_ = Compile(R"(([3-9]0)s\b)");
  year_ = Compile(R"((\d{4})(?:'s|’s)?\b)");
  year_range_ = Compile(
      R"((\d{4})(?:\s?(?:-|–|—|~)\s?(\d{4}|\d{2})|\s+(?:to|through|thru|till|until)\s+(\d{4}))\b)");
  year_spec_ = Compile(
      R"((?:(?:,?\s+of|,)?\s+|-)(?:(this|last|next|the\s+current|the\s+previous|the\s+following))"
      R"(\s+(?:fiscal\s+)?year\b|([Ff]iscal\s+(?:[Yy]ear\s+)?|FY\s?'?|')?(\d{4}|\d{2})\b))");
  quarter_q_ = Compile(R"(([QHq])([1-4])\b)");
  quarter_nq_ = Compile(R"(([1-4])([QH])\s?(\d{4}|\d{2})\b)");
  ordinal_part_ = Compile(R"((?:[Tt]he\s+|[Ii]ts\s+)?)" + ordinal +
                          R"([\s-]+(?:fiscal[\s-]+)?(quarter|half)\b)");
  to_date_ = Compile(R"((?:current\s+)?date\b)");
  work_week_ = Compile(
      R"(((?i:this|next|last|the\s+following|the\s+previous))\s+(?:working\s+week|work\s?week)\b)",
      "week");
  weeks_away_ =
      Compile(R"(,?\s+)" + number + R"(\s+weeks?\s+(from\s+(?:now|today)|ago)\b)", "week");
  week_of_ =
      Compile(R"((?:[Tt]he\s+week\s+(?:beginning|starting|commencing|of)(?:\s+on)?|[Ww]/[Cc])\s+)");
  calendar_year_ = Compile(R"((?:CY|cy)\s?'?(\d{4}|\d{2})\b)");
  iso_month_ = Compile(R"((\d{4})-(\d{1,2})\b)");
  fiscal_ = Compile(R"((?:[Ff]iscal(?:[\s-]+[Yy]ear)?\s+|FY\s?'?)(\d{4}|\d{2})\b)");
  rel_day_ = Compile(
      R"(([Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Tt]his\s+(?:morning|afternoon|evening))\b)");
  rel_unit_ = Compile(
      R"(([Tt]his|[Ll]ast|[Nn]ext|[Tt]he\s+previous|[Tt]he\s+following|[Tt]he\s+current|)"
      R"([Tt]he\s+coming|[Cc]oming|[Tt]he\s+next|)"
      R"([Cc]urrent|[Pp]revious|[Pp]ast)\s+(?:calendar\s+)?(week|month|quarter|year|decade)\b)");
  possessive_year_ = Compile(R"(([Tt]his|[Nn]ext|[Ll]ast)\s+year(?:'s|’s)\s+)", "year");
  iso_week_ = Compile(R"((?:[Tt]he\s+)?[Ww]eek\s+(\d{1,2})\b)", "eek ");
  this_next_ = Compile(R"((?:[Tt]his|[Nn]ext)\s+)");
  nth_of_ =
      Compile(R"((?:[Tt]he\s+)?(?:(\d{1,2})(?:st|nd|rd|th)|((?i:(?:twenty|thirty)-)?[a-z]+))\s+)"
              R"((day|month)\s+of\s+)",
              " of ");
  week_after_next_ = Compile(R"([Tt]he\s+(week|month|year)\s+after\s+next\b)", "after");
  the_year_ = Compile(R"([Tt]he\s+year\s+(\d{4})\b)", "year");
  rel_within_ =
      Compile(R"((?:[Ee]arlier|[Ll]ater)\s+(?:this|in\s+the)\s+(week|month|quarter|year)\b)");
  rest_of_ = Compile(
      R"((?:[Tt]he\s+)?(?:rest|remainder|remaining)\s+of\s+(?:the|this)\s+(week|month|quarter|year)\b)",
      " of ");
  year_month_ = Compile(R"((\d{4})\s+)" + month_full_any + R"(\b)");
  ago_ = Compile(number + R"(\s+(days?|weeks?|months?|quarters?|years?|decades?)\s+ago\b)");
  weekday_ = Compile(weekday_any + R"(\b)");
  weekday_day_ = Compile(R"((\d{1,2})(st|nd|rd|th)?\b)");
  of_week_ =
      Compile(R"(\s+of\s+(?:the\s+)?((?i:this|last|next|previous|following|coming))\s+week\b)");
  week_weekday_ = Compile(
      R"(((?i:this|last|next|previous|the\s+following|the\s+previous|the\s+coming|following))\s+)"
      R"(week(?:\s*-\s*|\s+on\s+|\s+))" +
      weekday_any + R"(\b)");
  day_only_ = Compile(R"((\d{1,2})(?:st|nd|rd|th)\b)");
  dotted_no_year_ = Compile(R"((\d{1,2})\.(\d{1,2})\b)");
  slash_no_year_ = Compile(R"((\d{1,2})/(\d{1,2})(?:,\s*(\d{4}))?\b)");
  month_abbr_only_ = Compile(R"((Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)");
  month_lower_only_ = Compile(
      R"((january|february|march|april|may|june|july|august|september|october|november|december)\b)");
  day_range_ =
      Compile(R"((\d{1,2})(?:st|nd|rd|th)?\s*(to|through|thru|until|till|and|-|–)\s*(?:the\s+)?)");
  end_day_ = Compile(
      R"((?:the\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?|((?i:first|second|third|fourth|fifth|sixth|)"
      R"(seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|)"
      R"(seventeenth|eighteenth|nineteenth|twentieth|thirtieth)))\b)");
  year_quarter_ = Compile(R"((\d{4})(?:\s+|\s*-\s*)([QqH])([1-4])\b)");
  century_ = Compile(R"((?:[Tt]he\s+)?(\d{1,2})(?:st|nd|rd|th)\s+[Cc]entury\b)", "entury");
  decade_word_ = Compile(
      R"((?:[Tt]he\s+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)",
      "ties");
  year_after_day_ = Compile(R"((?:\s*,\s*|\s+)(\d{4})\b)");
  or_later_ = Compile(R"(\s+or\s+(?:later|after)\b)");
  rel_weekday_ =
      Compile(std::string(R"(([Ll]ast|[Nn]ext|[Tt]his|[Pp]revious|[Ff]ollowing|[Cc]oming)\s+)") +
              "((?i:" + WeekdayAlternation() + "))" + R"(\b)");
  rel_month_ = Compile(R"(([Ll]ast|[Nn]ext|[Tt]his)\s+)" + month_full + R"(\b)");
  in_count_ = Compile(R"((?i:in)\s+)" + number + R"(\s+(days?|weeks?|months?|years?)\b)");
  offset_ = Compile(R"((?:(?i:more|less)\s+than\s+)?)" + number +
                    R"(\s+(days?|weeks?|months?|years?)\s+(from|after|before|later\s+than|)"
                    R"(earlier\s+than)\s+)");
  now_ = Compile(R"(now\b)");
  // "the end of the year", "by end of month", "the start of this quarter".
  end_of_unit_ = Compile(R"((?:the\s+|this\s+)?(decade|year|quarter|month|week)\b)");
  boundary_ =
      Compile(R"(((?i:through|thru|until|till|til|up\s+until|by|on\s+or\s+before|)"
              R"(on\s+or\s+after|before|after|later\s+than|since|)"
              R"(starting(?:\s+(?:in|from|on))?|beginning(?:\s+(?:in|on))?|no\s+later\s+than|)"
              R"(not\s+later\s+than|prior\s+to|ahead\s+of|effective|as\s+early\s+as))\s+)");
  modifier_ = Compile(R"((?:[Aa]t\s+)?(?:[Tt]he\s+)?(?:end|start|beginning|middle)\s+of\s+|)"
                      R"((?:[Ee]arly|[Ll]ate|[Mm]id)(?:\s+|-)|[Ee]nd-)");
  range_open_ = Compile(R"(([Bb]etween|[Ff]rom)\s+)");
  range_join_ = Compile(R"(\s*(and|to|through|thru|until|till|-|–|—|~)\s*)");
  duration_ = Compile(
      R"((?:(?i:in|within|over|during|for|throughout)\s+)?(?:[Tt]he\s+)?)"
      R"((next|past|last|coming|previous|following)\s+)" +
      number +
      R"(\s+((?:business|working)\s+days|days|weeks|months|quarters|years|decades|day|week|month|)"
      R"(quarter|year)\b)");
  duration_count_first_ =
      Compile(R"((?:(?i:in|within|over|during|for|throughout)\s+)?(?:[Tt]he\s+)?)" + number +
              R"(\s+(next|past|last|coming|previous|following)\s+)"
              R"((days|weeks|months|quarters|years|decades)\b)");
  duration_start_ =
      Compile(R"((?:\s*,\s*|\s+)(?i:starting|beginning|from|effective)(?:\s+(?:from|on|in))?\s+)");
  part_of_ = Compile(R"((?:(?i:in|within|over|during|for|throughout)\s+)?(?:[Tt]he\s+)?)"
                     R"(((?i:first|last))\s+)" +
                     number + R"(\s+(days|weeks|months|quarters|years)\s+of\s+)");
  nth_part_of_ = Compile(
      R"((?:(?i:in|during|for|throughout|over)\s+)?(?:[Tt]he\s+)?)"
      R"(((?i:first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th))\s+(week)\s+(?:of|in)\s+)",
      "week");
  nth_weekday_of_ = Compile(
      R"((?:[Tt]he\s+)?((?i:first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th))\s+)"
      R"(((?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+(?:of|in)\s+)",
      "day ");
  duration_one_ = Compile(
      R"((?i:in|within|over|during|for|throughout)\s+the\s+(next|past|last|coming|previous))"
      R"(\s+(day|week|month|quarter|year|decade)\b)");
  duration_plain_ =
      Compile(R"(((?i:within|over|for))\s+)" + number +
              R"(\s+((?:business|working)\s+days|days|weeks|months|quarters|years|decades|day|)"
              R"(week|month|year|nights|night)\b)");
}

std::unique_ptr<Pattern> DateRecognizer::Impl::Compile(const std::string& pattern,
                                                       std::string_view required) const {
  RE2::Options options;
  options.set_log_errors(false);
  auto compiled = std::make_unique<Pattern>();
  compiled->required = required;
  compiled->re = std::make_unique<RE2>(pattern, options);
  // The patterns are constants of this file: one that does not compile is a programming
  // mistake. Every pattern has test cases, so a broken one also fails the tests in builds
  // where assert is off.
  assert(compiled->re->ok() && "date pattern does not compile");
  // Every match lies between the bounds RE2 computes, so its first byte does too: a text
  // byte outside [first_min, first_max] is rejected without running the pattern. Most
  // anchors are words or numbers that start only a few of the patterns.
  std::string min_match;
  std::string max_match;
  if (compiled->re->PossibleMatchRange(&min_match, &max_match, 1) && !min_match.empty() &&
      !max_match.empty()) {
    compiled->first_min = static_cast<unsigned char>(min_match[0]);
    compiled->first_max = static_cast<unsigned char>(max_match[0]);
  }
  return compiled;
}

std::optional<Hit> DateRecognizer::Impl::MatchAt(const Pattern& pattern, std::string_view text,
                                                 std::size_t pos) const {
  if (pos >= text.size()) return std::nullopt;
  const auto first = static_cast<unsigned char>(text[pos]);
  if (first < pattern.first_min || first > pattern.first_max) return std::nullopt;
  if (!pattern.required.empty() &&
      text.substr(pos, kMaxExpressionBytes).find(pattern.required) == std::string_view::npos) {
    return std::nullopt;
  }
  const RE2& re = *pattern.re;
  Hit hit;
  const int groups = std::min(re.NumberOfCapturingGroups(), Hit::kMaxGroups);
  const std::size_t limit = std::min(text.size(), pos + kMaxExpressionBytes);
  // The context runs to `limit`, past the expression, so that \b after the last word sees
  // the next character.
  const Piece context(text.data(), limit);
  // Most attempts fail. Without submatches RE2 answers from its cached DFA; with them it
  // sets up a backtracker sized by the text first. So ask "does it match?" first, and only
  // then where the groups are.
  if (!re.Match(context, pos, limit, RE2::ANCHOR_START, nullptr, 0)) return std::nullopt;
  if (!re.Match(context, pos, limit, RE2::ANCHOR_START, hit.groups.data(), groups + 1)) {
    return std::nullopt;
  }
  hit.end = static_cast<std::size_t>(hit.groups[0].data() - text.data()) + hit.groups[0].size();
  return hit;
}

namespace {

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
  return InLowerList(next, kCountNouns) || EqualsLower(next, "percent") ||
         EqualsLower(next, "pct") || EqualsLower(next, "million") || EqualsLower(next, "billion") ||
         EqualsLower(next, "trillion");
}

// Right after a number's digits: a decimal or thousands part, or a percent sign.
bool PartOfAmount(std::string_view text, std::size_t end) {
  if (end >= text.size()) return false;
  if (text[end] == '%') return true;
  return (text[end] == '.' || text[end] == ',') && end + 1 < text.size() &&
         IsAsciiDigit(text[end + 1]);
}

// True when the text writes its numeric dates day first: one of them cannot be month first
// ("23/08/2019") and none cannot be day first ("08/23/2019"), or it says "dd/mm".
bool ScanDayFirst(std::string_view text) {
  bool day_first = false;
  bool month_first = false;
  const auto number = [&](std::size_t& at, std::size_t most) {
    int value = 0;
    const std::size_t start = at;
    while (at < text.size() && at - start < most && IsAsciiDigit(text[at])) value = value * 10 + (text[at++] - '0');
    return at > start ? value : -1;
  };
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (!IsAsciiDigit(text[pos]) || (pos > 0 && IsWordChar(text[pos - 1]))) continue;
    std::size_t at = pos;
    const int first = number(at, 2);
    if (at >= text.size() || (text[at] != '/' && text[at] != '.' && text[at] != '-')) continue;
    const char separator = text[at++];
    const int second = number(at, 2);
    if (second < 0 || at >= text.size() || text[at] != separator) continue;
    if (first > kMonthsPerYear && first <= kMaxDayOfMonth && second >= 1 && second <= kMonthsPerYear)
      day_first = true;
    if (first >= 1 && first <= kMonthsPerYear && second > kMonthsPerYear && second <= kMaxDayOfMonth)
      month_first = true;
  }
  for (std::size_t at = text.find("dd/mm"); at != std::string_view::npos; at = text.find("dd/mm", at + 1))
    day_first = true;
  for (std::size_t at = text.find("DD/MM"); at != std::string_view::npos; at = text.find("DD/MM", at + 1))
    day_first = true;
  return day_first && !month_first;
}

// The text Find() is scanning and whether it writes dates day first (-1: not looked at yet;
// looked at only when an ambiguous numeric date turns up, which is rare).
thread_local std::string_view tl_find_text;
thread_local int tl_day_first = -1;

bool DayFirstText() {
  if (tl_day_first < 0) tl_day_first = ScanDayFirst(tl_find_text) ? 1 : 0;
  return tl_day_first == 1;
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

}  // namespace

bool DateRecognizer::Impl::YearSpecAt(std::string_view text, std::size_t pos, DatePoint& point,
                                      std::size_t& end) const {
  auto hit = MatchAt(*year_spec_, text, pos);
  if (!hit) return false;
  if (hit->has(1)) {
    point.relative_unit = Precision::kYear;
    point.relative_offset = OffsetOf((*hit)[1]);
    std::string_view word((*hit)[1].data(), (*hit)[1].size());
    if (EqualsLower(word, "the previous")) point.relative_offset = -1;
    if (EqualsLower(word, "the following")) point.relative_offset = 1;
    end = hit->end;
    return true;
  }
  const Piece marker = (*hit)[2];
  const Piece digits = (*hit)[3];
  // A two-digit year needs a marker ("FY26", "'26"): "Q3 24" may be anything.
  if (digits.size() == 2 && marker.empty()) return false;
  const int year = ExpandTwoDigitYear(digits);
  if (year < kFirstBareYear || year > kLastBareYear) return false;
  if (FollowedByAmount(text, hit->end)) return false;
  point.year = year;
  if (!marker.empty() && (marker[0] == 'F' || marker[0] == 'f')) point.fiscal = true;
  end = hit->end;
  return true;
}

std::optional<Parsed> DateRecognizer::Impl::MonthPointAt(std::string_view text, std::size_t pos,
                                                         bool in_date_context) const {
  std::optional<Parsed> best;
  auto keep = [&](Parsed parsed) {
    if (!best || parsed.end > best->end) best = parsed;
  };
  if (auto hit = MatchAt(*month_day_, text, pos)) {
    DatePoint point;
    point.month = MonthOf((*hit)[1]);
    point.day = ToInt((*hit)[3]);
    if (hit->has(4)) point.year = ToInt((*hit)[4]);
    point.precision = Precision::kDay;
    const Piece day = (*hit)[3];
    const std::size_t day_end = static_cast<std::size_t>(day.data() - text.data()) + day.size();
    const bool ordinal = day_end < text.size() && IsAsciiAlpha(text[day_end]);
    if (ValidDay(point.month, point.day) && (!hit->has(2) || ordinal)) keep({point, hit->end});
  }
  if (auto hit = MatchAt(*month_year_, text, pos)) {
    DatePoint point;
    point.month = MonthOf((*hit)[1]);
    point.year = hit->has(2) ? ToInt((*hit)[2]) : YearOfTwoDigits((*hit)[3]);
    point.precision = Precision::kMonth;
    if (point.year >= kFirstBareYear && point.year <= kLastBareYear &&
        !FollowedByAmount(text, hit->end)) {
      keep({point, hit->end});
    }
  }
  if (best) return best;
  if (auto hit = MatchAt(*month_rel_, text, pos)) {
    DatePoint point;
    point.month = MonthOf((*hit)[1]);
    point.relative_unit = Precision::kYear;
    point.relative_offset = OffsetOf((*hit)[2]);
    point.precision = Precision::kMonth;
    return Parsed{point, hit->end};
  }
  if (auto hit = MatchAt(*month_only_, text, pos)) {
    // A bare month name is a date only in date context: after "in", "since", "early" …, or as
    // a line-initial timeline label ("October: …"). "May" the verb is lower case or follows
    // no such word; "the March of progress" follows "the".
    const std::string_view previous = PreviousWord(text, pos);
    const bool label = AtLineStart(text, pos) && hit->end < text.size() && text[hit->end] == ':';
    bool context = InLowerList(previous, kMonthContextWords);
    // "April and May", "March or April": a list of months, not "sales and March madness".
    if (EqualsLower(previous, "and") || EqualsLower(previous, "or")) {
      const std::size_t before = static_cast<std::size_t>(previous.data() - text.data());
      const std::string_view earlier = PreviousWord(text, before);
      context = std::any_of(std::begin(kMonthNames), std::end(kMonthNames),
                            [&](const MonthName& m) { return m.full && earlier == m.word; });
    }
    if (in_date_context || label || context) {
      DatePoint point;
      point.month = MonthOf((*hit)[1]);
      point.precision = Precision::kMonth;
      return Parsed{point, hit->end};
    }
  }
  auto month_alone = [](int month, std::size_t end) {
    DatePoint point;
    point.month = month;
    point.precision = Precision::kMonth;
    return Parsed{point, end};
  };
  // "after Feb", "from Sep to Nov": an abbreviation alone only where a date must follow.
  if (in_date_context) {
    if (auto hit = MatchAt(*month_abbr_only_, text, pos))
      return month_alone(MonthOf((*hit)[1]), hit->end);
  }
  if (auto hit = MatchAt(*month_lower_only_, text, pos)) {
    const std::string_view name((*hit)[1].data(), (*hit)[1].size());
    std::string_view previous = PreviousWord(text, pos);
    // "in the april": past an article to the date word, but not for the noun "march" or the
    // verb "may" ("the march", "the may …").
    const bool noun_or_verb = name == "may" || name == "march";
    if (!noun_or_verb && EqualsLower(previous, "the")) {
      previous = PreviousWord(text, static_cast<std::size_t>(previous.data() - text.data()));
    }
    const bool context = name == "may" ? InLowerList(previous, kMayContextWords)
                                       : InLowerList(previous, kLowerMonthContextWords);
    if (in_date_context || context) {
      const auto index = std::find(std::begin(kLowerFullMonths), std::end(kLowerFullMonths), name) -
                         std::begin(kLowerFullMonths);
      return month_alone(static_cast<int>(index) + 1, hit->end);
    }
  }
  return std::nullopt;
}

std::optional<Parsed> DateRecognizer::Impl::NumericPointAt(std::string_view text, std::size_t pos,
                                                           bool in_date_context) const {
  if (PrecededByAmount(text, pos)) return std::nullopt;
  // The length of the digit run picks the patterns that can start there: four digits begin
  // a year, an ISO date or a decade; one or two a day, a slashed date or "3Q25".
  std::size_t run = 0;
  while (pos + run < text.size() && IsAsciiDigit(text[pos + run])) ++run;
  constexpr std::size_t kYearDigits = 4;
  constexpr std::size_t kDayDigits = 2;
  const bool four = run == kYearDigits;
  const bool short_number = run <= kDayDigits;
  if (!four && !short_number) return std::nullopt;
  if (auto hit = four ? MatchAt(*iso_, text, pos) : std::nullopt) {
    DatePoint point;
    point.year = ToInt((*hit)[1]);
    point.month = ToInt(hit->has(2) ? (*hit)[2] : (*hit)[3]);
    point.day = ToInt((*hit)[4]);
    point.precision = Precision::kDay;
    if (ValidDay(point.month, point.day)) return Parsed{point, hit->end};
  }
  if (auto hit = four ? MatchAt(*iso_month_, text, pos) : std::nullopt) {
    // "2015-12": a year and month (a range "2015-12" would end before it starts; "2011-12"
    // is read as the range before this is tried). "2015-12-" goes on into a day elsewhere.
    DatePoint point;
    point.year = ToInt((*hit)[1]);
    point.month = ToInt((*hit)[2]);
    point.precision = Precision::kMonth;
    const bool more = hit->end < text.size() && (text[hit->end] == '-' || text[hit->end] == '.');
    if (!more && ValidMonth(point.month) && point.year >= kFirstBareYear &&
        point.year <= kLastBareYear) {
      return Parsed{point, hit->end};
    }
  }
  if (auto hit = short_number ? MatchAt(*slash_, text, pos) : std::nullopt) {
    // Month/day order is not written down: month first (US) unless the first number cannot
    // be a month.
    // "4/27/2026" or "4-27-2026"; "133-03-03-2020" is a code, but after a year the dash joins
    // two dates ("10-1-2018-10-7-2018").
    if (hit->has(3) && pos >= 2 && text[pos - 1] == '-' && IsAsciiDigit(text[pos - 2])) {
      std::size_t digits = 0;
      while (digits + 1 < pos && IsAsciiDigit(text[pos - 2 - digits])) ++digits;
      constexpr std::size_t kYearDigits = 4;
      if (digits != kYearDigits) return std::nullopt;
    }
    DatePoint point;
    const int first = ToInt((*hit)[1]);
    const int second = ToInt(hit->has(2) ? (*hit)[2] : hit->has(3) ? (*hit)[3] : (*hit)[4]);
    const Piece year = (*hit)[5];
    // "6/14/31": a two-digit year only between slashes ("6-14-31" is a score or a code,
    // "1.10.20" a version); 00-39 this century's, 40-99 the last one's.
    constexpr int kTwoDigitPivot = 40;
    if (year.size() == 2 && !hit->has(2)) return std::nullopt;
    point.year = ToInt(year);
    if (year.size() == 2) point.year += point.year < kTwoDigitPivot ? 2000 : 1900;
    point.precision = Precision::kDay;
    if (first > kMonthsPerYear) {
      point.day = first;
      point.month = second;
    } else {
      point.month = first;
      point.day = second;
    }
    // Ambiguous unless one number cannot be a month (or both are the same); a text that
    // writes its other dates day first ("23/08/2019") reads this one so too.
    bool ambiguous = first <= kMonthsPerYear && second <= kMonthsPerYear && first != second;
    if (ambiguous && DayFirstText()) {
      point.day = first;
      point.month = second;
      ambiguous = false;
    }
    if (ValidDay(point.month, point.day)) return Parsed{point, hit->end, ambiguous};
    return std::nullopt;
  }
  if (auto hit = short_number ? MatchAt(*day_month_, text, pos) : std::nullopt) {
    DatePoint point;
    point.day = ToInt((*hit)[1]);
    point.month = MonthOf((*hit)[2]);
    if (hit->has(3)) point.year = ToInt((*hit)[3]);
    if (hit->has(4)) point.year = YearOfTwoDigits((*hit)[4]);
    point.precision = Precision::kDay;
    if (ValidDay(point.month, point.day) && !FollowedByAmount(text, hit->end)) {
      return Parsed{point, hit->end};
    }
  }
  if (auto hit = four ? MatchAt(*decade_, text, pos) : std::nullopt) {
    DatePoint point;
    point.decade = ToInt((*hit)[1]);
    point.precision = Precision::kDecade;
    if (point.decade >= kFirstBareYear && point.decade <= kLastBareYear) {
      return Parsed{point, hit->end};
    }
  }
  if (auto hit = short_number ? MatchAt(*short_decade_, text, pos) : std::nullopt) {
    // "the '90s", "the 90s": the twentieth century's; "in their 40s" (an age) has no "the".
    const bool apostrophe =
        pos > 0 && (text[pos - 1] == '\'' || static_cast<unsigned char>(text[pos - 1]) == 0x99);
    std::size_t before = pos;
    if (apostrophe) before -= text[pos - 1] == '\'' ? 1 : 3;
    if (before <= pos && EqualsLower(PreviousWord(text, before), "the")) {
      constexpr int kTwentiethCentury = 1900;
      DatePoint point;
      point.decade = kTwentiethCentury + ToInt((*hit)[1]);
      point.precision = Precision::kDecade;
      return Parsed{point, hit->end};
    }
  }
  if (auto hit = short_number ? MatchAt(*quarter_nq_, text, pos) : std::nullopt) {
    DatePoint point;
    const int part = ToInt((*hit)[1]);
    const bool half = (*hit)[2] == "H";
    if (half && part > 2) return std::nullopt;
    (half ? point.half : point.quarter) = part;
    point.year = ExpandTwoDigitYear((*hit)[3]);
    point.precision = half ? Precision::kHalf : Precision::kQuarter;
    return Parsed{point, hit->end};
  }
  if (!four) return std::nullopt;
  // "in 2017 April": a year, then its month (after "in" only: "2017 April sales" is rare
  // but "In 2017 May Corp. …" is not a date).
  if (EqualsLower(PreviousWord(text, pos), "in")) {
    if (auto hit = MatchAt(*year_month_, text, pos)) {
      DatePoint point;
      point.year = ToInt((*hit)[1]);
      const std::string_view name((*hit)[2].data(), (*hit)[2].size());
      for (const MonthName& m : kMonthNames) {
        if (m.full && EqualsIgnoreCase(name, m.word)) point.month = m.month;
      }
      point.precision = Precision::kMonth;
      const bool may = point.month == 5;  // "in 2017 may" is the verb's
      if (!may && point.year >= kFirstBareYear && point.year <= kLastBareYear) {
        return Parsed{point, hit->end};
      }
    }
  }
  if (auto hit = MatchAt(*year_quarter_, text, pos)) {
    // "2017 q1", "2019 H2".
    DatePoint point;
    const int year = ToInt((*hit)[1]);
    const bool half = (*hit)[2] == "H" || (*hit)[2] == "h";
    const int part = ToInt((*hit)[3]);
    if (year >= kFirstBareYear && year <= kLastBareYear && (!half || part <= 2)) {
      (half ? point.half : point.quarter) = part;
      point.year = year;
      point.precision = half ? Precision::kHalf : Precision::kQuarter;
      return Parsed{point, hit->end};
    }
  }
  if (auto hit = MatchAt(*year_, text, pos)) {
    const int year = ToInt((*hit)[1]);
    if (year < kFirstBareYear || year > kLastBareYear) return std::nullopt;
    if (FollowedByAmount(text, hit->end)) return std::nullopt;
    const bool possessive = hit->end - pos > 4;
    if (!in_date_context && !possessive &&
        !InLowerList(PreviousWord(text, pos), kYearContextWords) &&
        !MatchAt(*or_later_, text, hit->end)) {
      return std::nullopt;
    }
    return Parsed{YearPoint(year), hit->end};
  }
  return std::nullopt;
}

std::optional<Parsed> DateRecognizer::Impl::AgoPointAt(std::string_view text,
                                                       std::size_t pos) const {
  if (auto hit = MatchAt(*ago_, text, pos)) {
    DatePoint point;
    const int count = NumberOf((*hit)[1], kNumberWords);
    const Precision unit = UnitOf((*hit)[2]);
    point.relative_unit = unit;
    point.relative_offset = -count;
    // "two weeks ago", "two months ago" name a day (the corpus's and the common reading), not
    // a calendar week or month.
    point.precision =
        unit == Precision::kWeek || unit == Precision::kMonth ? Precision::kDay : unit;
    if (unit == Precision::kDecade) {
      point.relative_unit = Precision::kYear;
      point.relative_offset = -count * 10;
      point.precision = Precision::kYear;
    }
    return Parsed{point, hit->end};
  }
  return std::nullopt;
}

std::optional<Parsed> DateRecognizer::Impl::WordPointAt(std::string_view text, std::size_t pos,
                                                        bool in_date_context) const {
  const char first = text[pos];
  if (first == 'Q' || first == 'H' || first == 'q') {
    if (auto hit = MatchAt(*quarter_q_, text, pos)) {
      DatePoint point;
      const bool half = (*hit)[1] == "H";
      const int part = ToInt((*hit)[2]);
      if (half && part > 2) return std::nullopt;
      (half ? point.half : point.quarter) = part;
      point.precision = half ? Precision::kHalf : Precision::kQuarter;
      std::size_t end = hit->end;
      YearSpecAt(text, end, point, end);
      // "H1" alone is too often something else (a visa, a chip); "Q3" alone is a quarter.
      if (half && point.year == 0 && point.relative_unit == Precision::kNone) return std::nullopt;
      return Parsed{point, end};
    }
  }
  if (first == 'F' || first == 'f') {
    if (auto hit = MatchAt(*fiscal_, text, pos)) {
      const Piece digits = (*hit)[1];
      const int year = ExpandTwoDigitYear(digits);
      // "fiscal 26" is unusual enough to skip; "FY26" is common.
      if (digits.size() == 2 && (first == 'f' || text[pos + 1] == 'i')) return std::nullopt;
      if (year < kFirstBareYear || year > kLastBareYear) return std::nullopt;
      if (FollowedByAmount(text, hit->end)) return std::nullopt;
      DatePoint point = YearPoint(year);
      point.fiscal = true;
      return Parsed{point, hit->end};
    }
  }
  if (first == 'C' || first == 'c') {
    // "CY2025", "cy18": a calendar year, said so to set it apart from a fiscal one.
    if (auto hit = MatchAt(*calendar_year_, text, pos)) {
      const int year = ExpandTwoDigitYear((*hit)[1]);
      if (year >= kFirstBareYear && year <= kLastBareYear && !FollowedByAmount(text, hit->end)) {
        return Parsed{YearPoint(year), hit->end};
      }
    }
  }
  if (first == 't' || first == 'T') {
    if (auto hit = MatchAt(*decade_, text, pos)) {
      DatePoint point;
      point.decade = ToInt((*hit)[1]);
      point.precision = Precision::kDecade;
      if (point.decade >= kFirstBareYear && point.decade <= kLastBareYear) {
        return Parsed{point, hit->end};
      }
    }
  }
  if (auto hit = MatchAt(*decade_word_, text, pos)) {
    // "the nineties", "in the eighties"; "in her nineties" is an age.
    const bool the = ToLower(text[pos]) == 't';
    if (the || InLowerList(PreviousWord(text, pos), kDecadeWordContext)) {
      const std::string_view word((*hit)[1].data(), (*hit)[1].size());
      const auto index = std::find(std::begin(kDecadeWords), std::end(kDecadeWords), word) -
                         std::begin(kDecadeWords);
      constexpr int kTwenties = 1920;
      DatePoint point;
      point.decade = kTwenties + 10 * static_cast<int>(index);
      point.precision = Precision::kDecade;
      return Parsed{point, hit->end};
    }
  }
  if (auto hit = MatchAt(*ordinal_part_, text, pos)) {
    DatePoint point;
    const int part = NumberOf((*hit)[1], kOrdinals);
    const bool half = (*hit)[2] == "half";
    if (half && part > 2) return std::nullopt;
    (half ? point.half : point.quarter) = part;
    point.precision = half ? Precision::kHalf : Precision::kQuarter;
    std::size_t end = hit->end;
    YearSpecAt(text, end, point, end);
    return Parsed{point, end};
  }
  if (auto hit = MatchAt(*rel_day_, text, pos)) {
    DatePoint point;
    const char c = ToLower((*hit)[1][0]);
    const char second = ToLower((*hit)[1][2]);
    point.relative_unit = Precision::kDay;
    point.precision = Precision::kDay;
    if (c == 'y') point.relative_offset = -1;
    if (c == 't' && second == 'm') point.relative_offset = 1;  // tomorrow
    return Parsed{point, hit->end};
  }
  if (auto ago = AgoPointAt(text, pos)) return ago;
  if (auto hit = MatchAt(*rest_of_, text, pos)) {
    // "the rest of the year": from the published day to the end of the unit, like "later
    // this year".
    DatePoint point;
    point.relative_unit = UnitOf((*hit)[1]);
    point.precision = point.relative_unit;
    point.side = 1;
    return Parsed{point, hit->end};
  }
  if (auto hit = MatchAt(*rel_within_, text, pos)) {
    DatePoint point;
    point.relative_unit = UnitOf((*hit)[1]);
    point.precision = point.relative_unit;
    point.side = ToLower(text[pos]) == 'e' ? -1 : 1;  // earlier | later
    return Parsed{point, hit->end};
  }
  if (auto hit = MatchAt(*rel_weekday_, text, pos)) {
    DatePoint point;
    point.weekday = WeekdayOf((*hit)[2]);
    point.relative_unit = Precision::kWeek;
    point.relative_offset = OffsetOf((*hit)[1]);
    point.precision = Precision::kDay;
    // "this Friday 5/12": the written date says which Friday; the weekday is kept to check it.
    std::size_t next = hit->end;
    while (next < text.size() && text[next] == ' ') ++next;
    if (next > hit->end && next < text.size() && IsAsciiDigit(text[next])) {
      std::optional<Parsed> dated = NumericPointAt(text, next, false);
      if (!dated || dated->point.day == 0) dated = SlashNoYearAt(text, next);
      if (!dated) dated = DottedNoYearAt(text, next);
      if (dated && dated->point.day != 0) {
        // "this Friday 5/12", "next Friday 5/12": the date named, in the published year
        // when it gives none (the weekday is kept to check it).
        dated->point.weekday = point.weekday;
        if (dated->point.year == 0) dated->point.relative_unit = Precision::kYear;
        return dated;
      }
    }
    return Parsed{point, hit->end};
  }
  if (auto hit = MatchAt(*this_next_, text, pos)) {
    // "this 5/12" is the published year's May 12, "next 5/12" the next year's.
    if (auto dated = SlashNoYearAt(text, hit->end); dated && dated->point.year == 0) {
      dated->point.relative_unit = Precision::kYear;
      dated->point.relative_offset = ToLower(text[pos]) == 'n' ? 1 : 0;
      return dated;
    }
  }
  if (auto hit = MatchAt(*week_weekday_, text, pos)) {
    // "next week Wednesday", "this week Monday": like "next Wednesday".
    DatePoint point;
    point.weekday = WeekdayOf((*hit)[2]);
    point.relative_unit = Precision::kWeek;
    point.relative_offset = OffsetOf((*hit)[1]);
    point.precision = Precision::kDay;
    return Parsed{point, hit->end};
  }
  if (auto hit = MatchAt(*rel_month_, text, pos)) {
    // "last October": the most recent October before the published month (relative_unit
    // kMonth with a month given picks the previous or next such month).
    DatePoint point;
    point.month = MonthOf((*hit)[2]);
    point.relative_unit = Precision::kMonth;
    point.relative_offset = OffsetOf((*hit)[1]);
    point.precision = Precision::kMonth;
    // "this September": the September of the published year, like "September this year".
    if (ToLower((*hit)[1][0]) == 't') point.relative_unit = Precision::kYear;
    return Parsed{point, hit->end};
  }
  if (auto hit = MatchAt(*possessive_year_, text, pos)) {
    // "next year's first quarter", "this year's second half".
    if (auto part = MatchAt(*ordinal_part_, text, hit->end)) {
      DatePoint point;
      const int number = NumberOf((*part)[1], kOrdinals);
      const bool half = (*part)[2] == "half";
      if (number >= 1 && (!half || number <= 2)) {
        (half ? point.half : point.quarter) = number;
        point.precision = half ? Precision::kHalf : Precision::kQuarter;
        point.relative_unit = Precision::kYear;
        point.relative_offset = OffsetOf((*hit)[1]);
        return Parsed{point, part->end};
      }
    }
  }
  if (auto hit = MatchAt(*iso_week_, text, pos)) {
    // "week 31", "week 3 of 2027", "week 27 of last year": an ISO week.
    constexpr int kLastIsoWeek = 53;
    DatePoint point;
    point.week = ToInt((*hit)[1]);
    point.precision = Precision::kWeek;
    std::size_t end = hit->end;
    YearSpecAt(text, end, point, end);
    if (point.week >= 1 && point.week <= kLastIsoWeek) return Parsed{point, end};
  }
  if (auto hit = MatchAt(*nth_of_, text, pos)) {
    // "the 15th day of next month", "the third month of 2021".
    const bool day = ToLower((*hit)[3][0]) == 'd';
    int number = hit->has(1) ? ToInt((*hit)[1]) : NumberOf((*hit)[2], kDayOrdinals);
    if (hit->has(2) && number == 0) number = CompoundOrdinal((*hit)[2]);
    if (auto whole = ModifiedPointAt(text, hit->end, true)) {
      DatePoint point = whole->point;
      const bool fits = day ? point.day == 0 && number >= 1 && number <= kMaxDayOfMonth &&
                                  (point.month != 0 || point.relative_unit == Precision::kMonth)
                            : point.month == 0 && point.quarter == 0 && point.half == 0 &&
                                  number >= 1 && number <= kMonthsPerYear &&
                                  (point.year != 0 || point.relative_unit == Precision::kYear);
      if (fits) {
        (day ? point.day : point.month) = number;
        point.precision = day ? Precision::kDay : Precision::kMonth;
        return Parsed{point, whole->end};
      }
    }
  }
  if (auto hit = MatchAt(*week_after_next_, text, pos)) {
    DatePoint point;
    point.relative_unit = UnitOf((*hit)[1]);
    point.relative_offset = 2;
    point.precision = point.relative_unit;
    return Parsed{point, hit->end};
  }
  if (auto hit = MatchAt(*the_year_, text, pos)) {
    const int year = ToInt((*hit)[1]);
    if (year >= kFirstBareYear && year <= kLastBareYear && !FollowedByAmount(text, hit->end)) {
      return Parsed{YearPoint(year), hit->end};
    }
  }
  if (auto hit = MatchAt(*rel_unit_, text, pos)) {
    DatePoint point;
    point.relative_unit = UnitOf((*hit)[2]);
    // "past quarter" is the last whole quarter; "past year" and "past week" are as often the
    // twelve months or seven days up to now, so they stay out.
    if (ToLower((*hit)[1][0]) == 'p' && ToLower((*hit)[1][1]) == 'a' &&
        point.relative_unit != Precision::kQuarter) {
      return std::nullopt;
    }
    std::string_view word((*hit)[1].data(), (*hit)[1].size());
    point.relative_offset = EqualsLower(word, "the previous")    ? -1
                            : EqualsLower(word, "the following") ? 1
                                                                 : OffsetOf((*hit)[1]);
    point.precision = point.relative_unit;
    return Parsed{point, hit->end};
  }
  if (in_date_context) {
    // Only after "the end of", "by the start of": "the decade", "the year".
    // "end of month" without an article only after "of": "by year" is a grouping.
    auto hit = MatchAt(*end_of_unit_, text, pos);
    if (hit && ToLower(text[pos]) != 't' && !EqualsLower(PreviousWord(text, pos), "of")) hit.reset();
    if (hit) {
      DatePoint point;
      point.relative_unit = UnitOf((*hit)[1]);
      point.precision = point.relative_unit;
      return Parsed{point, hit->end};
    }
  }
  return std::nullopt;
}

std::optional<Parsed> DateRecognizer::Impl::PointAt(std::string_view text, std::size_t pos,
                                                    bool in_date_context) const {
  if (pos >= text.size()) return std::nullopt;
  const char first = text[pos];
  if (IsAsciiDigit(first)) {
    if (auto numeric = NumericPointAt(text, pos, in_date_context)) return numeric;
    // "on 22/04." alone closing the phrase: a day ("on 1/3 of the votes" goes on).
    if (EqualsLower(PreviousWord(text, pos), "on")) {
      if (auto slash = SlashNoYearAt(text, pos); slash && EndsPhrase(text, slash->end)) {
        return slash;
      }
    }
    // "2 weeks ago", "3rd quarter".
    return WordPointAt(text, pos, in_date_context);
  }
  if (IsAsciiAlpha(first)) {
    // Weekday and month patterns all begin with a weekday or month name: other words skip
    // them after one look in the word table.
    std::size_t word_end = pos;
    while (word_end < text.size() && IsAsciiAlpha(text[word_end])) ++word_end;
    const std::uint8_t classes = TheLexicon().ClassesOf(text.substr(pos, word_end - pos));
    // A holiday name, or a lead word before one ("the", "last", "next", "this").
    if ((classes & (kHolidayWord | kStartsDate)) != 0) {
      if (auto holiday = HolidayPointAt(text, pos)) return holiday;
    }
    if ((classes & kMonthOrWeekday) != 0) {
      if (auto weekday = WeekdayPointAt(text, pos)) return weekday;
      if (auto month = MonthPointAt(text, pos, in_date_context)) return month;
    }
    // "the 18th", "the 09th of May".
    if (ToLower(first) == 't' && pos + 4 < text.size() && EqualsLower(text.substr(pos, 3), "the") &&
        text[pos + 3] == ' ' && IsAsciiDigit(text[pos + 4])) {
      if (auto day = NumericPointAt(text, pos + 4, in_date_context)) {
        if (day->point.day != 0) return day;
      }
      // "on the 18th", "by the 4th"; "around the 21st" is left alone.
      const bool on = EqualsLower(PreviousWord(text, pos), "on");
      if (in_date_context || on) {
        if (auto day = DayOnlyAt(text, pos + 4)) return day;
      }
    }
  }
  return WordPointAt(text, pos, in_date_context);
}

std::optional<Parsed> DateRecognizer::Impl::HolidayPointAt(std::string_view text,
                                                          std::size_t pos) const {
  const auto word_at = [&](std::size_t at) {
    std::size_t end = at;
    while (end < text.size() && IsAsciiAlpha(text[end])) ++end;
    return text.substr(at, end - at);
  };
  const auto after_spaces = [&](std::size_t at) {
    const std::size_t start = at;
    while (at < text.size() && text[at] == ' ') ++at;
    return at > start ? at : std::string_view::npos;
  };
  std::size_t at = pos;
  std::string_view word = word_at(at);
  if (EqualsLower(word, "the")) {
    at = after_spaces(at + word.size());
    if (at == std::string_view::npos) return std::nullopt;
    word = word_at(at);
  }
  DatePoint point;
  // "last Easter": the most recent one; "next Christmas": the coming one; "this Christmas":
  // the published year's.
  int offset = 0;
  bool this_year = false;
  if (EqualsLower(word, "last") || EqualsLower(word, "previous")) offset = -1;
  if (EqualsLower(word, "next") || EqualsLower(word, "following") || EqualsLower(word, "coming"))
    offset = 1;
  if (EqualsLower(word, "this")) this_year = true;
  if (offset != 0 || this_year) {
    at = after_spaces(at + word.size());
    if (at == std::string_view::npos) return std::nullopt;
    word = word_at(at);
  }
  if ((TheLexicon().ClassesOf(word) & kHolidayWord) == 0) return std::nullopt;
  const auto name = HolidayNameAt(text, at);
  if (!name) return std::nullopt;
  point.holiday = name->holiday;
  point.precision = Precision::kDay;
  point.relative_offset = offset;
  if (this_year) point.relative_unit = Precision::kYear;
  std::size_t end = name->end;
  if (!this_year && offset == 0) YearSpecAt(text, end, point, end);
  return Parsed{point, end};
}

std::optional<Parsed> DateRecognizer::Impl::DayOnlyAt(std::string_view text,
                                                      std::size_t pos) const {
  // A day of an unnamed month: only with an ordinal ending and closing the phrase, so that
  // "the 18th century" and "the 4th quarter" stay out.
  auto hit = MatchAt(*day_only_, text, pos);
  if (!hit || !EndsPhrase(text, hit->end)) return std::nullopt;
  DatePoint point;
  point.day = ToInt((*hit)[1]);
  point.precision = Precision::kDay;
  if (point.day < 1 || point.day > kMaxDayOfMonth) return std::nullopt;
  return Parsed{point, hit->end};
}

std::optional<Parsed> DateRecognizer::Impl::SlashNoYearAt(std::string_view text,
                                                          std::size_t pos) const {
  if (PrecededByAmount(text, pos)) return std::nullopt;
  auto hit = MatchAt(*slash_no_year_, text, pos);
  if (!hit) return std::nullopt;
  // "10/1/2018" is the full form, "1/2/3" no date.
  if (hit->end < text.size() && (text[hit->end] == '/' || IsAsciiDigit(text[hit->end]))) {
    return std::nullopt;
  }
  const int first = ToInt((*hit)[1]);
  const int second = ToInt((*hit)[2]);
  DatePoint point;
  point.precision = Precision::kDay;
  if (hit->has(3)) point.year = ToInt((*hit)[3]);
  if (first > kMonthsPerYear) {
    point.day = first;
    point.month = second;
  } else {
    point.month = first;
    point.day = second;
  }
  if (!ValidDay(point.month, point.day)) return std::nullopt;
  const bool ambiguous = first <= kMonthsPerYear && second <= kMonthsPerYear && first != second;
  return Parsed{point, hit->end, ambiguous};
}

std::optional<Parsed> DateRecognizer::Impl::DottedNoYearAt(std::string_view text,
                                                           std::size_t pos) const {
  auto hit = MatchAt(*dotted_no_year_, text, pos);
  if (!hit || (hit->end < text.size() && (text[hit->end] == '.' || IsAsciiDigit(text[hit->end])) &&
               hit->end + 1 < text.size() && IsAsciiDigit(text[hit->end + 1]))) {
    return std::nullopt;
  }
  // "Friday 7.5% higher", "Friday 7.5 million shares", "7.5 per cent": numbers.
  std::size_t next = hit->end;
  while (next < text.size() && text[next] == ' ') ++next;
  if (FollowedByAmount(text, hit->end) || EqualsLower(text.substr(next, 4), "per ")) {
    return std::nullopt;
  }
  DatePoint point;
  point.month = ToInt((*hit)[1]);
  point.day = ToInt((*hit)[2]);
  point.precision = Precision::kDay;
  if (!ValidDay(point.month, point.day)) return std::nullopt;
  return Parsed{point, hit->end, point.month != point.day && point.day <= kMonthsPerYear};
}

std::optional<Parsed> DateRecognizer::Impl::WeekdayPointAt(std::string_view text,
                                                           std::size_t pos) const {
  auto hit = MatchAt(*weekday_, text, pos);
  if (!hit) return std::nullopt;
  DatePoint point;
  point.weekday = WeekdayOf((*hit)[1]);
  point.precision = Precision::kDay;
  const bool abbreviated = (*hit)[1].size() < 6;  // "Monday" is the shortest full name
  std::size_t name_end = hit->end;
  if (abbreviated && name_end < text.size() && text[name_end] == '.') ++name_end;  // "Tues."
  std::size_t next = name_end;
  if (next < text.size() && text[next] == ',') ++next;
  while (next < text.size() && text[next] == ' ') ++next;
  if (next < text.size() && next > name_end) {
    // "Monday, April 28, 2026", "friday 5/12": the weekday is kept to check it against the
    // date.
    std::optional<Parsed> dated;
    if (IsAsciiAlpha(text[next])) dated = MonthPointAt(text, next, false);
    if (IsAsciiDigit(text[next])) {
      dated = NumericPointAt(text, next, false);
      if (!dated || dated->point.day == 0) dated = SlashNoYearAt(text, next);
      if (!dated) dated = DottedNoYearAt(text, next);
    }
    if (dated && dated->point.day != 0) {
      dated->point.weekday = point.weekday;
      return dated;
    }
    // "Sunday 31", "Mon 13th": the day of a month that falls on that weekday. Without an
    // ordinal ending the number must close the phrase ("on Sunday 31 people died" is a count).
    if (auto day = MatchAt(*weekday_day_, text, next)) {
      const int number = ToInt((*day)[1]);
      if (number >= 1 && number <= kMaxDayOfMonth && (day->has(2) || EndsPhrase(text, day->end)) &&
          !(day->end < text.size() && (text[day->end] == '/' || text[day->end] == ':'))) {
        point.day = number;
        return Parsed{point, day->end};
      }
    }
  }
  // "Monday two weeks from now": that weekday of the week two weeks on.
  if (auto away = abbreviated ? std::nullopt : MatchAt(*weeks_away_, text, hit->end)) {
    const int count = NumberOf((*away)[1], kNumberWords);
    if (count > 0) {
      point.relative_unit = Precision::kWeek;
      point.relative_offset = ToLower((*away)[2][0]) == 'a' ? -count : count;
      return Parsed{point, away->end};
    }
  }
  // "Tuesday of next week": the weekday of that week.
  if (auto week = MatchAt(*of_week_, text, hit->end)) {
    point.relative_unit = Precision::kWeek;
    point.relative_offset = OffsetOf((*week)[1]);
    return Parsed{point, week->end};
  }
  // "Mon or Tue": an abbreviation alone only in a list after another weekday.
  if (abbreviated) {
    const std::string_view joiner = PreviousWord(text, pos);
    if (!EqualsLower(joiner, "or") && !EqualsLower(joiner, "and")) return std::nullopt;
    const std::size_t joiner_begin = static_cast<std::size_t>(joiner.data() - text.data());
    const std::string_view earlier = PreviousWord(text, joiner_begin);
    // The earlier one a date for sure: a full name, or an abbreviation after "week" ("next
    // week Mon or Tue"); "the Sun and Sat editors" are papers.
    const std::size_t earlier_begin = static_cast<std::size_t>(earlier.data() - text.data());
    const bool dated =
        earlier.size() >= 6 || EqualsLower(PreviousWord(text, earlier_begin), "week");
    if (WeekdayOf(Piece(earlier.data(), earlier.size())) == 0 || !dated) return std::nullopt;
  }
  return Parsed{point, hit->end};  // "… or Wed.": the full stop ends the sentence
}

std::optional<Parsed> DateRecognizer::Impl::ModifiedPointAt(std::string_view text, std::size_t pos,
                                                            bool in_date_context) const {
  if (auto hit = MatchAt(*modifier_, text, pos)) {
    // "the end of 2031" is 2031, "early next year" is next year: the modifier stays in the
    // span and leaves the value alone.
    if (auto point = PointAt(text, hit->end, true)) return point;
  }
  return PointAt(text, pos, in_date_context);
}

std::optional<std::size_t> DateRecognizer::Impl::DurationAt(std::string_view text, std::size_t pos,
                                                            std::vector<Mention>& out) const {
  auto backward = [](Piece word) {
    const std::string_view w(word.data(), word.size());
    return EqualsLower(w, "past") || EqualsLower(w, "last") || EqualsLower(w, "previous");
  };
  // Every duration names its unit within a few words: most anchors ("the", "in", "for") are
  // not followed by one, and then none of the patterns below can match ("w/c Feb 4" aside).
  const bool unit_ahead = UnitWordAhead(text, pos);
  if (!unit_ahead && ToLower(text[pos]) != 'w') return std::nullopt;
  if (auto week = MatchAt(*work_week_, text, pos)) {
    // "this working week", "next workweek": Monday to Friday of that week.
    constexpr int kWorkingDays = 5;
    DateExpr expr;
    expr.start.relative_unit = Precision::kWeek;
    expr.start.relative_offset = OffsetOf((*week)[1]);
    expr.start.precision = Precision::kWeek;
    expr.duration_count = kWorkingDays;
    expr.duration_unit = Precision::kDay;
    expr.duration_direction = 1;
    out.push_back(MakeMention(text, pos, week->end, expr));
    return week->end;
  }
  if (auto week = MatchAt(*week_of_, text, pos)) {
    // "the week beginning February 4": seven days from that day.
    if (auto day = ModifiedPointAt(text, week->end, true); day && day->point.day != 0) {
      DateExpr expr;
      expr.start = day->point;
      expr.duration_count = 1;
      expr.duration_unit = Precision::kWeek;
      expr.duration_direction = 1;
      // "the week of June 3rd": the Monday-to-Sunday week that holds the day.
      const std::string_view lead = text.substr(pos, week->end - pos);
      if (lead.find(" of") != std::string_view::npos) expr.shift_unit = Precision::kWeek;
      out.push_back(MakeMention(text, pos, day->end, expr));
      return day->end;
    }
  }
  if (!unit_ahead) return std::nullopt;
  DateExpr expr;
  std::size_t end = 0;
  if (auto part = MatchAt(*nth_part_of_, text, pos)) {
    // "the second week of 2024", "the last week of August": a Monday-to-Sunday week counted
    // from the one holding the period's first day (or back from the one holding its last).
    if (auto whole = ModifiedPointAt(text, part->end, true)) {
      const int n = NthOf((*part)[1]);
      expr.start = whole->point;
      expr.duration_direction = n < 0 ? -1 : 1;
      expr.duration_count = 1;
      expr.duration_unit = UnitOf((*part)[2]);
      expr.shift_count = n < 0 ? 0 : n - 1;
      expr.shift_unit = expr.duration_unit;
      if (n == 0) return std::nullopt;
      out.push_back(MakeMention(text, pos, whole->end, expr));
      return whole->end;
    }
  }
  if (auto part = MatchAt(*part_of_, text, pos)) {
    // "the first six months of 2025", "the last 3 weeks of this year": part of a period.
    if (auto whole = ModifiedPointAt(text, part->end, true)) {
      expr.start = whole->point;
      expr.duration_direction = ToLower((*part)[1][0]) == 'l' ? -1 : 1;
      expr.duration_count = NumberOf((*part)[2], kNumberWords);
      expr.duration_unit = UnitOf((*part)[3]);
      if (expr.duration_count <= 0) return std::nullopt;
      out.push_back(MakeMention(text, pos, whole->end, expr));
      return whole->end;
    }
  }
  if (auto hit = MatchAt(*duration_, text, pos)) {
    // "in the next six years": 1 direction, 2 count, 3 unit.
    expr.duration_direction = backward((*hit)[1]) ? -1 : 1;
    expr.duration_count = NumberOf((*hit)[2], kNumberWords);
    expr.duration_unit = UnitOf((*hit)[3]);
    end = hit->end;
  } else if (auto first = MatchAt(*duration_count_first_, text, pos)) {
    // "the 3 next weeks": 1 count, 2 direction, 3 unit.
    expr.duration_direction = backward((*first)[2]) ? -1 : 1;
    expr.duration_count = NumberOf((*first)[1], kNumberWords);
    expr.duration_unit = UnitOf((*first)[3]);
    end = first->end;
  } else if (auto one = MatchAt(*duration_one_, text, pos)) {
    // "over the past year": 1 direction, 2 unit; one of it.
    expr.duration_direction = backward((*one)[1]) ? -1 : 1;
    expr.duration_count = 1;
    expr.duration_unit = UnitOf((*one)[2]);
    end = one->end;
  } else if (auto plain = MatchAt(*duration_plain_, text, pos)) {
    // "within 18 months" looks ahead; "over seven years" is a length the tense places.
    const std::string_view word((*plain)[1].data(), (*plain)[1].size());
    expr.duration_direction = EqualsLower(word, "within") ? 1 : 0;
    expr.duration_count = NumberOf((*plain)[2], kNumberWords);
    expr.duration_unit = UnitOf((*plain)[3]);
    end = plain->end;
  } else {
    return std::nullopt;
  }
  // "within 10 business days", "the next 4 working days": days Monday to Friday.
  const std::string_view covered = text.substr(pos, end - pos);
  if (covered.find("business day") != std::string_view::npos ||
      covered.find("working day") != std::string_view::npos) {
    expr.duration_unit = Precision::kDay;
    expr.business_days = true;
  }
  if (expr.duration_count <= 0 || expr.duration_unit == Precision::kNone) return std::nullopt;
  // "for three years starting in 2027", "for 3 days from today": the length runs from that
  // point; the mention is then a period (a date), not a length.
  bool anchored = false;
  if (expr.duration_direction == 0) {
    if (auto start = MatchAt(*duration_start_, text, end)) {
      std::optional<Parsed> point;
      if (auto now = MatchAt(*now_, text, start->end)) {
        DatePoint today;
        today.relative_unit = Precision::kDay;
        today.precision = Precision::kDay;
        point = Parsed{today, now->end};
      } else {
        point = ModifiedPointAt(text, start->end, true);
      }
      if (point) {
        expr.start = point->point;
        expr.day_month_ambiguous = point->day_month_ambiguous;
        expr.duration_direction = 1;
        end = point->end;
        anchored = true;
      }
    }
  }
  Mention mention = MakeMention(text, pos, end, expr);
  if (!anchored) mention.kind = MentionKind::kDuration;
  out.push_back(std::move(mention));
  return end;
}

std::optional<std::size_t> DateRecognizer::Impl::OffsetAt(std::string_view text, std::size_t pos,
                                                          std::vector<Mention>& out) const {
  auto hit = MatchAt(*offset_, text, pos);
  if (!hit) return std::nullopt;
  const int count = NumberOf((*hit)[1], kNumberWords);
  if (count <= 0) return std::nullopt;
  const char how = ToLower((*hit)[3][0]);
  const bool back = how == 'b' || how == 'e';  // before, earlier than
  DateExpr expr;
  // "more than 2 weeks before today" ends before that day; "less than 3 days after tomorrow"
  // runs from tomorrow to the day before the count's end (normalize says how).
  const char lead = ToLower(text[pos]);
  if (lead == 'm') expr.boundary = back ? Boundary::kBefore : Boundary::kAfter;
  if (lead == 'l') expr.boundary = Boundary::kRange;
  std::size_t end = 0;
  if (auto now = MatchAt(*now_, text, hit->end)) {
    expr.start.relative_unit = Precision::kDay;  // "from now": the published day
    expr.start.precision = Precision::kDay;
    end = now->end;
  } else if (auto point = ModifiedPointAt(text, hit->end, true)) {
    expr.start = point->point;
    expr.day_month_ambiguous = point->day_month_ambiguous;
    end = point->end;
  } else {
    return std::nullopt;
  }
  expr.shift_count = back ? -count : count;
  expr.shift_unit = UnitOf((*hit)[2]);
  out.push_back(MakeMention(text, pos, end, expr));
  return end;
}

std::optional<std::size_t> DateRecognizer::Impl::InCountAt(std::string_view text, std::size_t pos,
                                                           std::vector<Mention>& out) const {
  auto hit = MatchAt(*in_count_, text, pos);
  if (!hit) return std::nullopt;
  const int count = NumberOf((*hit)[1], kNumberWords);
  if (count <= 0) return std::nullopt;
  // "in two days from today": the count belongs to "from today" (OffsetAt, at the number).
  for (std::string_view join : {" from ", " after ", " before "}) {
    if (text.substr(hit->end, join.size()) == join) return std::nullopt;
  }
  // A point, not a period: "will pay in two years" names the day two years on (day precision,
  // like "two years ago"); "in the next two years" is the period (DurationAt).
  DateExpr expr;
  expr.start.relative_unit = UnitOf((*hit)[2]);
  expr.start.relative_offset = count;
  expr.start.precision = Precision::kDay;
  out.push_back(MakeMention(text, pos, hit->end, expr));
  return hit->end;
}

namespace {

// A calendar date the text names (not "now", "next week"): month, quarter, half or year.
bool Named(const DatePoint& point) {
  return point.relative_unit == Precision::kNone &&
         (point.month != 0 || point.quarter != 0 || point.half != 0 || point.year != 0);
}

// "from January to March 2026", "Nov-Feb 2017", "9 to 12 of June": a start without a year
// (or without a month) takes them from the end, a year earlier when it would come after it.
void FillStartFromEnd(DatePoint& start, const DatePoint& end) {
  if (start.relative_unit != Precision::kNone || start.year != 0) return;
  if (start.month == 0 && start.day != 0 && start.weekday == 0) start.month = end.month;
  if (end.year == 0 || end.relative_unit != Precision::kNone) return;
  if (start.month != 0 && end.month != 0) {
    const bool later = start.month > end.month || (start.month == end.month && start.day > end.day);
    start.year = end.year - (later ? 1 : 0);
  } else if ((start.quarter != 0 && end.quarter != 0) || (start.half != 0 && end.half != 0)) {
    start.year = end.year - (start.quarter > end.quarter || start.half > end.half ? 1 : 0);
  }
}

}  // namespace

std::optional<Parsed> DateRecognizer::Impl::RangeEndAt(std::string_view text, std::size_t pos,
                                                       const DatePoint& start) const {
  if (auto now = MatchAt(*now_, text, pos)) {
    DatePoint point;  // "between Jan 22 and now": the published day
    point.relative_unit = Precision::kDay;
    point.precision = Precision::kDay;
    return Parsed{point, now->end};
  }
  if (auto today = MatchAt(*to_date_, text, pos)) {
    DatePoint point;  // "from March to date", "till current date": up to the published day
    point.relative_unit = Precision::kDay;
    point.precision = Precision::kDay;
    return Parsed{point, today->end};
  }
  if (auto point = ModifiedPointAt(text, pos, true)) {
    // "from next Monday to Friday": the end's weekday is in the start's week.
    if (point->point.weekday != 0 && point->point.day == 0 &&
        point->point.relative_unit == Precision::kNone && start.weekday != 0 &&
        start.relative_unit == Precision::kWeek) {
      point->point.relative_unit = Precision::kWeek;
      point->point.relative_offset = start.relative_offset;
    }
    return point;
  }
  if (auto slash = SlashNoYearAt(text, pos)) return slash;
  // "April 9th through 17th", "June 3rd-8th, 2026": the start's month (and year) go on.
  if (start.month == 0 || start.day == 0) return std::nullopt;
  auto hit = MatchAt(*end_day_, text, pos);
  if (!hit) return std::nullopt;
  DatePoint point = start;
  point.weekday = 0;
  point.day = hit->has(1) ? ToInt((*hit)[1]) : NumberOf((*hit)[2], kDayOrdinals);
  std::size_t end = hit->end;
  const bool suffixed = hit->has(2) || (end >= 2 && IsAsciiAlpha(text[end - 1]));
  if (auto year = MatchAt(*year_after_day_, text, end)) {
    point.year = ToInt((*year)[1]);
    end = year->end;
  } else if (!suffixed && !EndsPhrase(text, end)) {
    return std::nullopt;  // "April 9-17 people": a count
  }
  if (point.day <= start.day || point.day > kMaxDayOfMonth) return std::nullopt;
  return Parsed{point, end};
}

std::optional<std::size_t> DateRecognizer::Impl::RangeBodyAt(std::string_view text,
                                                             std::size_t mention_begin,
                                                             std::size_t pos, RangeOpener opener,
                                                             std::vector<Mention>& out) const {
  const bool between = opener == RangeOpener::kBetween;
  const bool bare = opener == RangeOpener::kNone;
  auto fits = [&](Piece join) {
    const std::string_view word(join.data(), join.size());
    if (word == "and") return between;
    return !between || word == "-" || word == "–" || word == "~";
  };
  std::optional<Parsed> first;
  std::optional<Parsed> second;
  std::size_t second_begin = 0;
  bool days_of_one_month = false;
  // "9 to 12 of June", "between 3 and 12 of Sept": a day number, then a full date.
  if (auto days = MatchAt(*day_range_, text, pos); days && fits((*days)[2])) {
    std::size_t after = days->end;
    if (auto end = ModifiedPointAt(text, after, true);
        end && end->point.day != 0 && end->point.month != 0) {
      DatePoint start;
      start.day = ToInt((*days)[1]);
      start.precision = Precision::kDay;
      if (start.day >= 1 && start.day < end->point.day) {
        std::size_t first_end = pos;
        while (first_end < text.size() && IsAsciiDigit(text[first_end])) ++first_end;
        while (first_end < text.size() && IsAsciiAlpha(text[first_end])) ++first_end;  // "3rd"
        first = Parsed{start, first_end};
        second = end;
        second_begin = after;
        days_of_one_month = true;
      }
    }
  }
  if (!first) {
    first = ModifiedPointAt(text, pos, true);
    if (!first && opener != RangeOpener::kNone) {
      if (auto now = MatchAt(*now_, text, pos)) {
        DatePoint point;  // "between now and November 15th"
        point.relative_unit = Precision::kDay;
        point.precision = Precision::kDay;
        first = Parsed{point, now->end};
      }
    }
    if (!first) first = SlashNoYearAt(text, pos);
    if (!first) return std::nullopt;
    auto join = MatchAt(*range_join_, text, first->end);
    if (!join || !fits((*join)[1])) return std::nullopt;
    second = RangeEndAt(text, join->end, first->point);
    if (!second) return std::nullopt;
    second_begin = first->end;
    while (second_begin < text.size() && text[second_begin] == ' ') ++second_begin;
  }
  DatePoint start = first->point;
  const DatePoint& end_point = second->point;
  if (bare && !days_of_one_month) {
    // Without "from" or "between" both ends must be calendar dates of one kind: two months
    // ("May to March", "Jan-Feb 2017"), a year and a dated month ("2014 through May 2018"),
    // two quarters; two year-less slashed dates ("1/2-3/4") are fractions.
    const bool month_to_month = start.month != 0 && end_point.month != 0;
    const bool year_to_month = start.year != 0 && start.month == 0 && start.quarter == 0 &&
                               start.half == 0 && end_point.month != 0 && end_point.year != 0;
    const bool parts = (start.quarter != 0 || start.half != 0) &&
                       (end_point.quarter != 0 || end_point.half != 0) && end_point.year != 0;
    const bool slashes = start.year == 0 && end_point.year == 0 && IsAsciiDigit(text[pos]) &&
                         start.day != 0 && end_point.day != 0;
    if (!Named(start) && start.day == 0) return std::nullopt;
    if (!Named(end_point) || (!month_to_month && !year_to_month && !parts) || slashes) {
      return std::nullopt;
    }
  }
  DateExpr expr;
  FillStartFromEnd(start, end_point);
  expr.start = start;
  expr.end = end_point;
  expr.boundary = Boundary::kRange;
  expr.day_month_ambiguous = first->day_month_ambiguous || second->day_month_ambiguous;
  out.push_back(MakeMention(text, mention_begin, first->end, expr));
  out.push_back(MakeMention(text, second_begin, second->end, expr));
  return second->end;
}

std::optional<std::size_t> DateRecognizer::Impl::RangeAt(std::string_view text, std::size_t pos,
                                                         std::vector<Mention>& out) const {
  auto open = MatchAt(*range_open_, text, pos);
  if (!open) return std::nullopt;
  const bool between = ToLower(text[pos]) == 'b';
  const RangeOpener opener = between ? RangeOpener::kBetween : RangeOpener::kFrom;
  if (auto end = RangeBodyAt(text, pos, open->end, opener, out)) return end;
  if (between) return std::nullopt;
  // "from 2026" alone: a start boundary.
  auto first = ModifiedPointAt(text, open->end, true);
  if (!first) return std::nullopt;
  DateExpr expr;
  expr.start = first->point;
  expr.boundary = Boundary::kSince;
  expr.day_month_ambiguous = first->day_month_ambiguous;
  out.push_back(MakeMention(text, pos, first->end, expr));
  return first->end;
}

std::optional<std::size_t> DateRecognizer::Impl::YearRangeAt(std::string_view text, std::size_t pos,
                                                             std::size_t year_pos,
                                                             Boundary boundary,
                                                             std::vector<Mention>& out) const {
  if (PrecededByAmount(text, year_pos)) return std::nullopt;
  auto range = MatchAt(*year_range_, text, year_pos);
  if (!range) return std::nullopt;
  const int start_year = ToInt((*range)[1]);
  const Piece second = range->has(2) ? (*range)[2] : (*range)[3];
  int end_year = ToInt(second);
  constexpr int kHundred = 100;
  // "2021-30" spans a plan's years; "2015-32" (seventeen) is more likely a code or a score.
  constexpr int kLongestShortRange = 12;
  if (second.size() == 2) {
    end_year = start_year / kHundred * kHundred + end_year;
    if (end_year - start_year > kLongestShortRange) return std::nullopt;
  }
  if (start_year < kFirstBareYear || end_year <= start_year || end_year > kLastBareYear ||
      FollowedByAmount(text, range->end)) {
    return std::nullopt;
  }
  // Part of a longer run of numbers: a telephone number ("138-2010-2015") or an ISO date
  // ("2002-10-09", which the point patterns read).
  auto digit_at = [&](std::size_t i) { return i < text.size() && IsAsciiDigit(text[i]); };
  if ((year_pos >= 2 && text[year_pos - 1] == '-' && IsAsciiDigit(text[year_pos - 2])) ||
      (range->end < text.size() && text[range->end] == '-' && digit_at(range->end + 1))) {
    return std::nullopt;
  }
  DateExpr expr;
  expr.start = YearPoint(start_year);
  expr.end = YearPoint(end_year);
  expr.boundary = boundary == Boundary::kNone ? Boundary::kRange : boundary;
  const std::size_t head_end = year_pos + 4;
  std::size_t tail_begin = head_end;
  while (tail_begin < range->end && !IsAsciiDigit(text[tail_begin])) ++tail_begin;
  out.push_back(MakeMention(text, pos, head_end, expr));
  out.push_back(MakeMention(text, tail_begin, range->end, expr));
  return range->end;
}

std::optional<std::size_t> DateRecognizer::Impl::PointExpressionAt(
    std::string_view text, std::size_t pos, std::size_t point_pos, Boundary boundary,
    std::vector<Mention>& out) const {
  const bool in_date_context = boundary != Boundary::kNone;
  if (point_pos < text.size() && IsAsciiDigit(text[point_pos])) {
    if (auto end = YearRangeAt(text, pos, point_pos, boundary, out)) return end;
  }
  if (boundary == Boundary::kNone && MayJoinRange(text, point_pos)) {
    if (auto end = RangeBodyAt(text, pos, point_pos, RangeOpener::kNone, out)) return end;
  }
  auto parsed = ModifiedPointAt(text, point_pos, in_date_context);
  if (!parsed) return std::nullopt;
  DateExpr expr;
  expr.start = parsed->point;
  expr.boundary = boundary;
  // "2018 or later": from then on.
  if (boundary == Boundary::kNone && Named(parsed->point)) {
    if (auto later = MatchAt(*or_later_, text, parsed->end)) {
      expr.boundary = Boundary::kSince;
      parsed->end = later->end;
    }
  }
  expr.day_month_ambiguous = parsed->day_month_ambiguous;
  out.push_back(MakeMention(text, pos, parsed->end, expr));
  return parsed->end;
}

std::optional<std::size_t> DateRecognizer::Impl::CenturyAt(std::string_view text, std::size_t pos,
                                                           std::vector<Mention>& out) const {
  auto hit = MatchAt(*century_, text, pos);
  if (!hit) return std::nullopt;
  // "the 21st century" is 2000-2099: the range of its first and last decades.
  constexpr int kYearsPerCentury = 100;
  constexpr int kLastDecadeOffset = 90;
  constexpr int kLatestCentury = 21;
  const int century = ToInt((*hit)[1]);
  if (century < 1 || century > kLatestCentury) return std::nullopt;
  DateExpr expr;
  expr.start.decade = (century - 1) * kYearsPerCentury;
  expr.start.precision = Precision::kDecade;
  expr.end = expr.start;
  expr.end->decade += kLastDecadeOffset;
  expr.boundary = Boundary::kRange;
  out.push_back(MakeMention(text, pos, hit->end, expr));
  return hit->end;
}

std::optional<std::size_t> DateRecognizer::Impl::NthWeekdayAt(std::string_view text,
                                                              std::size_t pos,
                                                              std::vector<Mention>& out) const {
  // Most anchors are not an ordinal (after "the"): one word compare, no pattern.
  std::size_t at = pos;
  if (text.substr(at, 4) == "the " || text.substr(at, 4) == "The ") at += 4;
  std::size_t word_end = at;
  while (word_end < text.size() && IsWordChar(text[word_end])) ++word_end;
  if (NthOf(Piece(text.data() + at, word_end - at)) == 0) return std::nullopt;
  auto hit = MatchAt(*nth_weekday_of_, text, pos);
  if (!hit) return std::nullopt;
  const int n = NthOf((*hit)[1]);
  auto month = ModifiedPointAt(text, hit->end, true);
  if (n == 0 || !month || month->point.month == 0 || month->point.day != 0) return std::nullopt;
  // A month, its weekday, and the count of weeks from its first (or back from its last) such
  // weekday: normalize places the day.
  DateExpr expr;
  expr.start = month->point;
  expr.start.weekday = WeekdayOf((*hit)[2]);
  expr.duration_count = 1;
  expr.duration_unit = Precision::kDay;
  expr.duration_direction = n < 0 ? -1 : 1;
  expr.shift_count = n < 0 ? 0 : n - 1;
  expr.shift_unit = Precision::kWeek;
  out.push_back(MakeMention(text, pos, month->end, expr));
  return month->end;
}

std::optional<std::size_t> DateRecognizer::Impl::ExpressionAt(std::string_view text,
                                                              std::size_t pos,
                                                              std::vector<Mention>& out) const {
  if (auto end = DurationAt(text, pos, out)) return end;
  if (IsAsciiDigit(text[pos])) {
    if (auto end = OffsetAt(text, pos, out)) return end;
  }
  if (auto end = NthWeekdayAt(text, pos, out)) return end;
  if (auto end = RangeAt(text, pos, out)) return end;
  if (auto end = CenturyAt(text, pos, out)) return end;
  if (auto hit = MatchAt(*boundary_, text, pos)) {
    const Boundary boundary = BoundaryOf(std::string_view((*hit)[1].data(), (*hit)[1].size()));
    if (auto end = PointExpressionAt(text, pos, hit->end, boundary, out)) return end;
  }
  return PointExpressionAt(text, pos, pos, Boundary::kNone, out);
}

std::vector<Mention> DateRecognizer::Impl::Find(std::string_view text) const {
  std::vector<Mention> mentions;
  tl_find_text = text;
  tl_day_first = -1;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    const bool word_start = IsWordChar(c) && (pos == 0 || !IsWordChar(text[pos - 1]));
    // Cheap pre-filter: only digits and letters that begin a date word are anchors.
    if (!word_start || !(IsAsciiAlpha(c) || IsAsciiDigit(c))) {
      ++pos;
      continue;
    }
    std::size_t word_end = pos;
    while (word_end < text.size() && IsWordChar(text[word_end])) ++word_end;
    // Amounts are most of the numbers in news and never start a date: "$4.5", "2,032",
    // "12%", "1.5 billion".
    if (IsAsciiDigit(c) && (PrecededByAmount(text, pos) ||
                            (PartOfAmount(text, word_end) && !DottedDateAt(text, pos)))) {
      pos = word_end;
      continue;
    }
    const std::string_view word = text.substr(pos, word_end - pos);
    // Most words are in no table: one look in their letter's bucket rejects them.
    const std::uint8_t classes = IsAsciiAlpha(c) ? TheLexicon().ClassesOf(word) : 0;
    // "Christmas", "Black Friday": a holiday name begins a date by itself.
    const bool holiday = (classes & kHolidayWord) != 0 && HolidayNameAt(text, pos).has_value();
    if (IsAsciiAlpha(c) && (classes & ~kHolidayWord) == 0 && !holiday && !IsUnitCode(word)) {
      pos = word_end;
      continue;
    }
    Anchor anchor = holiday ? Anchor::kAny : AnchorOf(word, text.substr(word_end), classes);
    // "a year ago", "two weeks from now": a number word goes on only into a unit.
    if (anchor == Anchor::kAgo && !EqualsLower(word, "more") && !EqualsLower(word, "less") &&
        !NextIsUnit(text, word_end)) {
      anchor = Anchor::kNone;
    }
    // A lead word ("the", "by", "last", "in") needs a next word that can go on.
    if (anchor != Anchor::kNone && IsAsciiAlpha(c) && !holiday &&
        (classes & (kSelfContained | kMonthOrWeekday | kConditionalLead)) == 0 &&
        !IsUnitCode(word) && !NextMayContinue(text, word_end)) {
      anchor = Anchor::kNone;
    }
    std::optional<std::size_t> end;
    if (anchor == Anchor::kAny) {
      end = ExpressionAt(text, pos, mentions);
    } else if (anchor == Anchor::kDuration) {
      end = DurationAt(text, pos, mentions);
      if (!end) end = InCountAt(text, pos, mentions);
    } else if (anchor == Anchor::kAgo) {
      end = OffsetAt(text, pos, mentions);
      if (end) {
        pos = *end;
        continue;
      }
      if (auto ago = AgoPointAt(text, pos)) {
        DateExpr expr;
        expr.start = ago->point;
        mentions.push_back(MakeMention(text, pos, ago->end, expr));
        end = ago->end;
      }
    }
    if (end) {
      pos = *end;
      continue;
    }
    // Skip the rest of this word.
    while (pos < text.size() && IsWordChar(text[pos])) ++pos;
  }
  return mentions;
}

DateRecognizer::DateRecognizer() : impl_(std::make_unique<Impl>()) {}
DateRecognizer::~DateRecognizer() = default;
DateRecognizer::DateRecognizer(DateRecognizer&&) noexcept = default;
DateRecognizer& DateRecognizer::operator=(DateRecognizer&&) noexcept = default;

std::vector<Mention> DateRecognizer::Find(std::string_view text) const { return impl_->Find(text); }

std::vector<Mention> FindDates(std::string_view text) {
  // Compiled once per thread for this free function; the Extractor keeps its own recognizer.
  thread_local const DateRecognizer recognizer;
  return recognizer.Find(text);
}

}  // namespace concord::extract
