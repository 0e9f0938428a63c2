#pragma once
// The date recognizer's words (internal to extract/dates*.cc): month, weekday and number
// names, the word lists that give a word its role, the first-letter word table of the scan,
// and small tests of the text around a word. Nothing here runs a pattern.

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/extract.h"

namespace concord::extract::date_detail {

using Piece = re2::StringPiece;

inline constexpr int kFirstBareYear = 1900;  // bare years outside [1900, 2199] are never dates here
inline constexpr int kLastBareYear = 2199;
inline constexpr int kMaxDayOfMonth = 31;
inline constexpr int kMonthsPerYear = 12;

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
inline constexpr MonthName kMonthNames[] = {
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
inline constexpr std::string_view kLowerFullMonths[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
};
inline constexpr std::string_view kLowerMonthContextWords[] = {
    "in",   "since", "until", "till", "through", "during", "early", "late",    "mid",
    "last", "next",  "by",    "from", "before",  "after",  "of",    "between", "throughout",
};
inline constexpr std::string_view kMayContextWords[] = {"in",   "since", "until", "till", "during",
                                                 "late", "mid",   "last",  "next", "early"};

inline constexpr std::string_view kWeekdayNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                              "Friday", "Saturday", "Sunday"};

inline constexpr NamedNumber kNumberWords[] = {
    {"a", 1},         {"an", 1},       {"one", 1},      {"two", 2},        {"three", 3},
    {"four", 4},      {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},
    {"nine", 9},      {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13},
    {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
    {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},
    {"another", 1},   {"couple", 2},
};

inline constexpr NamedNumber kDayOrdinals[] = {
    {"first", 1},        {"second", 2},      {"third", 3},       {"fourth", 4},
    {"fifth", 5},        {"sixth", 6},       {"seventh", 7},     {"eighth", 8},
    {"ninth", 9},        {"tenth", 10},      {"eleventh", 11},   {"twelfth", 12},
    {"thirteenth", 13},  {"fourteenth", 14}, {"fifteenth", 15},  {"sixteenth", 16},
    {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
    {"thirtieth", 30},
};

inline constexpr NamedNumber kOrdinals[] = {
    {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4},
    {"1st", 1},   {"2nd", 2},    {"3rd", 3},   {"4th", 4},
};

// Words that make a following bare year a date ("in 2032", "outlook for 2029").
inline constexpr std::string_view kYearContextWords[] = {
    "in",     "during", "of",      "for",    "throughout", "around",    "circa",  "early",
    "late",   "mid",    "year",    "fiscal", "spring",     "summer",    "autumn", "fall",
    "winter", "since",  "by",      "until",  "through",    "before",    "after",  "from",
    "and",    "till",   "between", "end",    "start",      "beginning", "middle", "not",
    "or",
};

// Determiners that, before a year and a word, make it a year naming what follows ("the 2006
// World Cup", "its 2004 accounts", "a 1998 contract").
inline constexpr std::string_view kYearDeterminers[] = {"the", "its", "their", "his",
                                                        "her", "our", "a",     "an"};

// Nouns that, right after a bare year, make it a date ("1986 earnings", "2004 results",
// "1987 profit forecast", "1986 fourth quarter"): what business news dates by the year.
inline constexpr std::string_view kYearNouns[] = {
    "earnings",  "profit",     "profits",  "results",   "result",    "sales",      "revenue",
    "revenues",  "loss",       "losses",   "net",       "income",    "dividend",   "dividends",
    "payment",   "payments",   "budget",   "forecast",  "forecasts", "estimate",   "estimates",
    "target",    "targets",    "figures",  "output",    "production", "growth",    "deficit",
    "surplus",   "quarter",    "qtr",      "first",     "second",    "third",      "fourth",
    "1st",       "2nd",        "3rd",      "4th",       "fiscal",    "financial",  "election",
    "elections", "crisis",     "season",   "record",    "levels",    "level",      "harvest",
    "crop",      "accounts",   "annual",   "interim",   "full",      "prices",     "spending",
    "operating", "pretax",     "pre-tax",  "shipments", "deliveries", "exports",   "imports",
    "inflation", "contract",   "deadline", "agreement", "plan",      "plans",
};

// Decades in words, in order from the 1920s; after "the" or one of kDecadeWordContext.
inline constexpr std::string_view kDecadeWords[] = {"twenties", "thirties",  "forties",  "fifties",
                                             "sixties",  "seventies", "eighties", "nineties"};
inline constexpr std::string_view kDecadeWordContext[] = {"in",  "since", "during", "early", "late",
                                                   "mid", "until", "by",     "from"};

// Words that make a following bare month name a date ("in May", "since March").
inline constexpr std::string_view kMonthContextWords[] = {
    "in",     "since",   "by",         "until", "through",   "till",  "before", "after", "from",
    "during", "early",   "late",       "mid",   "last",      "next",  "this",   "of",    "to",
    "and",    "between", "throughout", "end",   "beginning", "start", "middle", "on",    "as",
    "for",    "its",     "their",
};

// Nouns that, right after a four-digit number, make it a count ("2,032 jobs" is excluded by
// the comma; "in 2032 jobs" is odd but "for 2030 employees" happens).
inline constexpr std::string_view kCountNouns[] = {
    "people",   "employees", "jobs",     "workers", "staff",  "shares", "units",     "customers",
    "stores",   "vehicles",  "cars",     "homes",   "tonnes", "tons",   "barrels",   "patients",
    "students", "users",     "miles",    "km",      "meters", "feet",   "points",    "votes",
    "copies",   "sites",     "branches", "members", "pages",  "items",  "contracts", "times",
};

inline bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsWordChar(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '_'; }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (ToLower(word[i]) != lower[i]) return false;
  }
  return true;
}

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ToLower(a[i]) != ToLower(b[i])) return false;
  }
  return true;
}

template <std::size_t N>
inline bool InLowerList(std::string_view word, const std::string_view (&list)[N]) {
  return std::any_of(std::begin(list), std::end(list),
                     [&](std::string_view entry) { return EqualsLower(word, entry); });
}

inline int ToInt(Piece digits) {
  int value = 0;
  for (char c : digits) {
    if (!IsAsciiDigit(c)) continue;
    value = value * 10 + (c - '0');
  }
  return value;
}

// "twenty-sixth" 26, "thirty-first" 31, "twenty third" 23; 0 for anything else.
int CompoundOrdinal(Piece word);
// A day written as an ordinal word: "fifth" 5, "twenty-first" 21; 0 for anything else.
int DayOrdinalOf(Piece word);
// The pattern of a day ordinal word ("fifth", "twenty-first", "thirty first"), one group.
std::string DayOrdinalAlternation();
// 1..12 for a month name or abbreviation ("Sept.", "june"); 0 for anything else.
int MonthOf(Piece name);
// "Monday", "monday", and with a day number after it "Mon", "Tues", "Thurs": 1..7; else 0.
int WeekdayOf(Piece name);

template <std::size_t N>
int NumberOf(Piece word, const NamedNumber (&table)[N]) {
  if (!word.empty() && IsAsciiDigit(word[0])) return ToInt(word);
  std::string_view w(word.data(), word.size());
  for (const NamedNumber& n : table) {
    if (EqualsLower(w, n.word)) return n.value;
  }
  return 0;
}

// The unit a word names ("days" kDay, "quarter" kQuarter, "nights" kDay), or kNone.
Precision UnitOf(Piece word);
// "first" 1 … "fifth" 5, "last" -1; 0 for anything else.
int NthOf(Piece word);
// Relative offsets: "last" -1, "this" 0, "next" +1.
int OffsetOf(Piece word);
// The boundary a lead word opens ("through", "by", "since" …), or kNone.
Boundary BoundaryOf(std::string_view word);
// Pattern alternations of the month names (all, or full names only), weekdays and counts.
std::string Alternation(bool full_only);
std::string WeekdayAlternation();
std::string NumberAlternation();

// Words that can begin a date or period expression (compared case-insensitively; the
// patterns themselves decide case). Anything else is skipped without running a pattern.
inline constexpr std::string_view kAnchorWords[] = {
    "today",     "yesterday", "tomorrow",  "tonight",  "this",      "last",    "next",    "past",
    "previous",  "coming",    "following", "the",      "its",       "earlier", "later",   "early",
    "late",      "mid",       "end",       "start",    "beginning", "middle",  "at",      "between",
    "from",      "through",   "thru",      "until",    "till",      "til",     "up",      "by",
    "before",    "after",     "since",     "starting", "no",        "not",     "prior",   "ahead",
    "effective", "first",     "second",    "third",    "fourth",    "fiscal",  "current", "week",
    "rest",      "remainder", "remaining", "weekend",   "upcoming",
};

// Weekday abbreviations, taken only with a day number after them ("Mon 13th") or after a
// week ("next week Mon"): alone, "Sun" and "Sat" are too often something else.
inline constexpr std::string_view kShortWeekdays[] = {"Mon",  "Tue",   "Tues", "Wed", "Thu",
                                               "Thur", "Thurs", "Fri",  "Sat", "Sun"};

inline constexpr std::string_view kContinuationWords[] = {
    "week",   "weeks",    "month", "months", "quarter",   "quarters",  "year",      "years",
    "decade", "decades",  "half",  "day",    "days",      "morning",   "afternoon", "evening",
    "of",     "in",       "on",    "to",     "or",        "and",       "current",   "fy",
    "than",   "calendar", "now",   "rest",   "remainder", "remaining", "working",   "workweek",
    "final"};

// Words that begin only a duration ("in the next six years", "over seven years").
inline constexpr std::string_view kDurationWords[] = {"in",     "within",     "over",
                                               "during", "throughout", "for"};

// Words that begin a date but say nothing alone ("the", "by", "last"): an expression goes on
// only when the next word could continue one. Checking that word first keeps the patterns
// from running at every "the" and "by" of the text (most of the recognizer's time before).
inline constexpr std::string_view kSelfContainedWords[] = {"today", "yesterday", "tomorrow", "tonight"};

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

inline constexpr std::string_view kConditionalLeads[] = {"on", "up", "at", "more", "less", "as", "w"};

// The first-byte table of the scan: every special word, bucketed by its lower-cased first
// letter. A word is looked up once per class question in its bucket only, and most words of
// a text match nothing there after one length comparison.
class Lexicon {
 public:
  Lexicon();

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

const Lexicon& TheLexicon();

// "Q3", "H1", "FY26", "FY2026", "3Q25" (the last starts with a digit).
bool IsUnitCode(std::string_view word);
bool MayStartDate(std::string_view word);
// True when the word after `word_end` could continue a date expression.
bool NextMayContinue(std::string_view text, std::size_t word_end, bool after_article = false);
// True when the word after `word_end` is a unit ("a year ago", "two weeks from now").
bool NextIsUnit(std::string_view text, std::size_t word_end);

// What an anchor word can begin; most words begin nothing and cost no pattern.
enum class Anchor { kNone, kDuration, kAgo, kAny };

// `rest`: the text after the word.
// `classes`: TheLexicon().ClassesOf(word).
Anchor AnchorOf(std::string_view word, std::string_view rest, std::uint8_t classes);

Mention MakeMention(std::string_view text, std::size_t begin, std::size_t end,
                    const DateExpr& expr);

// The text around a word.
// The word that ends right before `pos` (skipping spaces, not punctuation); empty when
// punctuation or the text start comes first.
std::string_view PreviousWord(std::string_view text, std::size_t pos);
// True when a unit word appears soon enough after `pos` to end a duration.
bool UnitWordAhead(std::string_view text, std::size_t pos);
// True when a range join ("to", "through", a dash …) follows `pos` closely.
bool MayJoinRange(std::string_view text, std::size_t pos);
// True when nothing but punctuation or the text's end follows `end` ("on the 18th.").
bool EndsPhrase(std::string_view text, std::size_t end);
// True when `pos` starts a line, after optional indentation or a list bullet.
bool AtLineStart(std::string_view text, std::size_t pos);
// Money and counts are not years: "$2032", "€2030", "2,032", "12.2030".
bool PrecededByAmount(std::string_view text, std::size_t pos);
// After a year: "%", "2032.5", "2032,000" or a counted noun make it a number.
bool FollowedByAmount(std::string_view text, std::size_t end);
// Right after a number's digits: a decimal or thousands part, or a percent sign.
bool PartOfAmount(std::string_view text, std::size_t end);
// "11.30.1998": one or two digits, a point, one or two digits, a point, four digits.
bool DottedDateAt(std::string_view text, std::size_t pos);

// A year in words at `pos`: "nineteen ninety six", "nineteen eighty-seven", "nineteen hundred
// ninety three", "seventeen hundred", "nineteen oh five", "two thousand", "two thousand and
// fifteen". The year and where its words end; nullopt for anything else.
std::optional<std::pair<int, std::size_t>> SpokenYearAt(std::string_view text, std::size_t pos);

DatePoint YearPoint(int year);
bool ValidMonth(int month);
bool ValidDay(int month, int day);
// "of 87" is 1987, "of 24" 2024.
int YearOfTwoDigits(Piece digits);
// "26" 2026; four digits as written.
int ExpandTwoDigitYear(Piece digits);

}  // namespace concord::extract::date_detail
