#pragma once
// The money and percent recognizer's internals (internal to extract/amount*.cc), one grammar
// split over four files:
//   currency_tables.cc  extract/data/currencies.tsv read into CurrencyTables
//   amount_grammar.cc   the grammar as RE2 syntax, built from the tables here
//   amount_parser.cc    decimals and the parser that names the parts of one match
//   amounts.cc          from a parse to a mention, the passes across matches, the recognizer
// The header holds what more than one of them reads: the tables, the parse, the values.

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"

namespace concord::extract::amount_detail {

inline constexpr std::size_t kNone = std::string_view::npos;

inline bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsWordChar(char c) { return IsAsciiLetter(c) || IsAsciiDigit(c) || c == '_'; }
inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// A decimal as written: mantissa × 10^exponent, exact.
struct Decimal {
  std::uint64_t mantissa = 0;
  int exponent = 0;
};

// One way of writing a currency, from extract/data/currencies.tsv (compiled in; see
// CurrencyTables below).
struct CurrencyName {
  std::string_view surface;  // as written; a space stands for one or two spaces
  std::string_view iso;      // ISO 4217 (or a historical or crypto code)
  bool fold = false;         // read in any case
  bool boundary = true;      // a word boundary must follow (not after symbols)
  int minor_exponent = 0;    // a minor unit: "cents" is 10^-2 of the major unit
  bool big = false;          // money only with a scale word or a figure >= 1,000
  bool glued = false;        // only glued to the number ("50p")
  bool article = true;       // may follow "a" as the figure one ("a euro")
};

// The table's rows, read once (a function-local static: thread-safe, and FindAmounts(), the
// conformance runner and the fuzzer need no data directory).
struct CurrencyTables {
  std::vector<CurrencyName> prefixes;     // before the number: symbols, marks, "US$"
  std::vector<CurrencyName> suffixes;     // after the number: symbols, words, minor units
  std::vector<std::string_view> codes;    // ISO codes read, in capitals
  std::vector<bool> foldable;             // codes[i] is also read in lower case
  std::array<std::vector<std::uint16_t>, 26> codes_by_letter;  // indices by first letter
  std::vector<std::string_view> cents_family;  // currencies whose minor unit is the cent
  struct Dateline {
    std::string_view city;    // as the wire writes it, in capitals
    std::string_view iso;     // the local currency
    bool franc = false;       // of "francs" (else of "dlrs", "dollars", "cts")
  };
  std::vector<Dateline> datelines;
  // Indices of prefixes and suffixes by the lower-cased first byte of their surface: the
  // parser tries only the names that can start at a position.
  std::array<std::vector<std::uint16_t>, 256> prefixes_by_byte;
  std::array<std::vector<std::uint16_t>, 256> suffixes_by_byte;
  std::vector<std::unique_ptr<std::string>> owned;  // surfaces made by an alias
};

// "a euro", "a buck": a singular currency word of one word may follow "a" as the figure one.
bool ArticleName(const CurrencyName& name);

// The table, read once (thread-safe).
const CurrencyTables& Currencies();

// Scale letters glued before a code in capitals, Nordic business usage: "30 MUSD", "MSEK
// 120", "kEUR 500". "MAUD" is read only in capitals, so the name "Maud" stays a name.
inline constexpr std::string_view kScaledCodePrefixes[] = {"M", "k"};
inline constexpr int kScaledCodeExponents[] = {6, 3};

// "a euro", "an ether": the article as the figure one, only before these words or the end of
// a phrase ("a euro zone", "a dollar-denominated bond", "a pound of flour" are not money).
inline constexpr std::string_view kArticleOne[] = {"a", "an"};
inline constexpr std::string_view kAfterArticleAmount[] = {
    "a",    "an",   "each", "per", "apiece", "for", "or",   "and",  "to",  "in",   "on",
    "at",   "than", "more", "less", "back",  "off", "the",  "is",   "was", "will", "would",
    "from", "into", "was",  "with", "by",    "if",  "when", "that", "it",  "they", "he", "she"};

// Words around a small "pounds" figure that make it a weight: "lost 20 pounds", "ten pounds
// of flour", "five pounds heavier".
inline constexpr std::string_view kWeightBefore[] = {"lost", "lose", "losing", "gained", "gain",
                                              "gaining", "weighs", "weighed", "weighing", "weigh",
                                              "shed", "shedding", "put", "dropped"};
inline constexpr std::string_view kWeightAfter[] = {"of", "heavier", "lighter", "overweight",
                                             "underweight"};

struct QualifierWord {
  std::string_view words;  // a space stands for one to three spaces
  Qualifier qualifier;
};

inline constexpr QualifierWord kQualifiers[] = {
    {"up to", Qualifier::kUpTo},
    {"as much as", Qualifier::kUpTo},
    {"as high as", Qualifier::kUpTo},
    {"at most", Qualifier::kUpTo},
    {"no more than", Qualifier::kUpTo},
    {"not more than", Qualifier::kUpTo},
    {"a maximum of", Qualifier::kUpTo},
    {"a ceiling of", Qualifier::kUpTo},
    {"capped at", Qualifier::kUpTo},
    {"about", Qualifier::kApprox},
    {"around", Qualifier::kApprox},
    {"roughly", Qualifier::kApprox},
    {"approximately", Qualifier::kApprox},
    {"approx.", Qualifier::kApprox},
    {"nearly", Qualifier::kApprox},
    {"almost", Qualifier::kApprox},
    {"some", Qualifier::kApprox},
    {"an estimated", Qualifier::kApprox},
    {"estimated at", Qualifier::kApprox},
    {"estimated", Qualifier::kApprox},
    {"close to", Qualifier::kApprox},
    {"circa", Qualifier::kApprox},
    {"more than", Qualifier::kMoreThan},
    {"over", Qualifier::kMoreThan},
    {"in excess of", Qualifier::kMoreThan},
    {"above", Qualifier::kMoreThan},
    {"upwards of", Qualifier::kMoreThan},
    {"just over", Qualifier::kMoreThan},
    {"well over", Qualifier::kMoreThan},
    {"greater than", Qualifier::kMoreThan},
    {"north of", Qualifier::kMoreThan},
    {"at least", Qualifier::kAtLeast},
    {"no less than", Qualifier::kAtLeast},
    {"not less than", Qualifier::kAtLeast},
    {"a minimum of", Qualifier::kAtLeast},
    {"a floor of", Qualifier::kAtLeast},
    {"less than", Qualifier::kLessThan},
    {"under", Qualifier::kLessThan},
    {"below", Qualifier::kLessThan},
    {"just under", Qualifier::kLessThan},
    {"fewer than", Qualifier::kLessThan},
    {"just below", Qualifier::kLessThan},
    {"beneath", Qualifier::kLessThan},
};

// Words that open a two-amount expression: "between" makes "X and Y" a range, "from" makes
// "X to Y" a change.
inline constexpr std::string_view kLeadWords[] = {"between", "from"};

struct ScaleName {
  std::string_view name;
  int exponent;  // power of ten
};

// Scale words, after a space or hyphen ("$50 billion", "$50-billion deal"), in any case.
inline constexpr ScaleName kScaleWords[] = {
    {"lakh crore", 12}, {"lakh crores", 12},  // Indian usage: ₹2 lakh crore = ₹2 trillion
    {"thousand", 3},    {"million", 6},      {"billion", 9}, {"trillion", 12}, {"crores", 7},
    {"crore", 7},       {"lakhs", 5},        {"lakh", 5},    {"lacs", 5},      {"lac", 5},
};

// Abbreviations of two letters or more may follow a space ("$5 bn"); a single letter must be
// glued to the number ("$5m"), so that "$5 m" is not read as five million.
inline constexpr ScaleName kScaleAbbreviations[] = {
    {"mln", 6}, {"mil", 6}, {"mn", 6}, {"mm", 6}, {"bln", 9}, {"bn", 9}, {"trn", 12}, {"tn", 12},
};
inline constexpr ScaleName kScaleLetters[] = {{"k", 3}, {"m", 6}, {"b", 9}};

struct NumberWord {
  std::string_view word;
  int value;
};

inline constexpr NumberWord kUnitWords[] = {
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
};
inline constexpr NumberWord kTensWords[] = {
    {"twenty", 20}, {"thirty", 30},  {"forty", 40},  {"fifty", 50},
    {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90},
};
inline constexpr int kDigitWordCount = 10;  // kUnitWords[1..9] follow a tens word: "twenty-five"
inline constexpr NumberWord kHundredHeads[] = {{"a", 1}, {"one", 1}};

struct FractionHead {
  std::string_view words;  // a space stands for one to three spaces
  Decimal value;
};

// Before a scale word and a currency word: "half a billion dollars", "a million-dollar bet",
// "a quarter million dollars".
inline constexpr FractionHead kFractionHeads[] = {
    {"half a", {5, -1}},
    {"half an", {5, -1}},
    {"half", {5, -1}},
    {"a quarter of a", {25, -2}},
    {"a quarter", {25, -2}},
    {"quarter", {25, -2}},
    {"three quarters", {75, -2}},
    {"three-quarters", {75, -2}},
    {"a", {1, 0}},
    {"an", {1, 0}},
};
inline constexpr int kHundred = 100;

struct PercentName {
  std::string_view name;  // a space stands for a space or a hyphen
  PercentUnit unit;
};

// Percent units written as words, after an optional space or hyphen, in any case.
inline constexpr PercentName kPercentUnits[] = {
    {"percentage points", PercentUnit::kPercentagePoint},
    {"percentage point", PercentUnit::kPercentagePoint},
    {"pct points", PercentUnit::kPercentagePoint},
    {"pct point", PercentUnit::kPercentagePoint},
    {"ppts", PercentUnit::kPercentagePoint},
    {"ppt", PercentUnit::kPercentagePoint},
    {"pp", PercentUnit::kPercentagePoint},
    {"basis points", PercentUnit::kBasisPoint},
    {"basis point", PercentUnit::kBasisPoint},
    {"bps", PercentUnit::kBasisPoint},
    {"bp", PercentUnit::kBasisPoint},
    {"percents", PercentUnit::kPercent},
    {"percentage", PercentUnit::kPercent},
    {"percent", PercentUnit::kPercent},
    {"per cent", PercentUnit::kPercent},
    {"pct", PercentUnit::kPercent},
};
inline constexpr std::string_view kPercentSigns[] = {"%", "\xEF\xBC\x85"};  // U+FF05 full-width

// A negative percentage: "minus 0.1%", "negative 2 percent", or a sign glued to the number
// ("-0.5%", U+2212 "−0.5%"); a dash after a letter or digit is a hyphen ("mid-5%", "5-7%").
inline constexpr std::string_view kMinusWords[] = {"minus", "negative"};
inline constexpr std::string_view kMinusSigns[] = {"-", "\xE2\x88\x92"};

struct FractionPercent {
  std::string_view words;  // a space stands for a space or a hyphen
  double percent;
};

// A fraction of a whole, then "of": "a quarter of the shares" is 25 percent, the span ending
// with "of" as Recognizers-Text writes it. Not when "a" or "an" follows ("a quarter of a
// century", "a third of a point": a fraction of a unit) or a number ("one quarter of 2024");
// "half of" is left out: "the second half of 2025" is a period.
inline constexpr double kThird = 100.0 / 3;
inline constexpr FractionPercent kFractionPercents[] = {
    {"a quarter", 25},     {"one quarter", 25},    {"a fourth", 25},      {"one fourth", 25},
    {"three quarters", 75}, {"three fourths", 75}, {"a third", kThird},  {"one third", kThird},
    {"two thirds", 2 * kThird}, {"one half", 50},  {"a fifth", 20},      {"one fifth", 20},
    {"a tenth", 10},       {"one tenth", 10},
};
inline constexpr std::string_view kFractionOf = "of";

// Reversed forms and digit fractions before "of": "percent of 10", "1/4 of". Ratios ("one
// out of three", "one in five") are numbers (fractions), not percentages, in running text.
enum class RatioForm { kWords, kReversed, kDigitFraction };
inline constexpr std::string_view kReversedUnits[] = {"percents", "percent", "per cent"};
inline constexpr int kMaxFractionDenominator = 10;
inline constexpr std::string_view kNotFractionFollowers[] = {"a", "an"};

struct RateName {
  std::string_view words;  // a space stands for one to three spaces
  std::string_view per;    // Amount::per
};

// Rates: a lead word then a period ("a year", "in a single quarter"), an adverb ("annually"),
// or a slash and a period ("/yr").
inline constexpr std::string_view kRateLeads[] = {
    "in a single", "in one", "in an", "in a", "a single", "an", "a", "one", "per", "each", "every"};
inline constexpr RateName kRatePeriods[] = {
    {"year", "year"}, {"quarter", "quarter"}, {"month", "month"}, {"week", "week"}, {"day", "day"},
    {"share", "share"}, {"common share", "share"}, {"diluted share", "share"},
};
// Per-share amounts ("12 cts a share", "1.50 dlrs per share"): money only; "a 5 pct share of
// the company" is a stake.
inline constexpr std::string_view kPerShare = "share";
// "4 cts share" (wire shorthand, no "a"): only before these words or punctuation, so that "a $5
// share price" and "a $1 bln share buyback" are not per-share amounts.
inline constexpr std::string_view kAfterBareShare[] = {"vs",   "and",     "or",     "for",   "in",
                                                "on",   "compared", "against", "from", "versus",
                                                "a",    "the",     "last",   "in",    "up",
                                                "down", "before",  "after",  "was",   "were"};
inline constexpr RateName kRateAdverbs[] = {
    {"per annum", "year"}, {"annually", "year"}, {"yearly", "year"}, {"quarterly", "quarter"},
    {"monthly", "month"},  {"weekly", "week"},   {"daily", "day"},
    {"share", "share"}, {"a-share", "share"}, {"per-share", "share"},  // "4 cts share"
};
inline constexpr RateName kRateSlashPeriods[] = {
    {"year", "year"},   {"yr", "year"},     {"quarter", "quarter"},
    {"qtr", "quarter"}, {"month", "month"}, {"mo", "month"},
    {"week", "week"},   {"wk", "week"},     {"day", "day"},   {"share", "share"},
};

// Words after "a year", "one month" that make it a point in time instead of a rate: "$5bn a
// year ago", "a year earlier", "a year from now".
inline constexpr std::string_view kPointLeads[] = {"a", "an", "one"};
inline constexpr std::string_view kNotRateFollowers[] = {"ago",   "earlier", "later", "before",
                                                  "after", "prior",   "from",  "old"};

// Words before "X to Y" that make it a change, not a range: "cut by $1bn to $4bn", "rose from
// $5bn to $6bn"; but "ranged from $10 to $20" is a range.
inline constexpr std::string_view kChangeLeads[] = {"by", "from"};
inline constexpr std::string_view kRangeVerbs[] = {"range", "ranges", "ranged", "ranging",
                                            "vary",  "varies", "varied", "varying"};

// "lost 20 pounds" is a weight: "pounds" alone is money only with a scale or a figure of this
// size ("60,000 pounds", "3 million pounds").
inline constexpr std::string_view kPounds = "pounds";
inline constexpr double kSmallestBareBig = 1000;

// Longest numbers the grammar reads; they bound every match (see the file comment).
inline constexpr int kMaxIntegerDigits = 21;
inline constexpr int kMaxGroupLeadDigits = 3;
inline constexpr int kThousandsGroupDigits = 3;
inline constexpr int kMaxThousandsGroups = 7;
inline constexpr int kMaxFractionDigits = 12;
inline constexpr int kMaxSpacedFractionDigits = 3;  // "2. 5 million" (tokenized text)
inline constexpr int kMaxIndianLeadDigits = 2;
inline constexpr int kIndianPairDigits = 2;
inline constexpr int kMaxIndianPairs = 6;
inline constexpr int kMaxSpaces = 3;
// Mixed fractions of the wire ("12-1/2 cts", "40-1/8 dlrs"): halves to sixty-fourths, exact
// in millionths.
inline constexpr std::uint64_t kMixedDenominators[] = {2, 4, 8, 16, 32, 64};
inline constexpr const char* kMixedFraction = "[0-9]{1,2}/(?:2|4|8|16|32|64)\\b";
inline constexpr std::uint64_t kMillion = 1000000;
inline constexpr int kMillionDigits = 6;
inline constexpr std::uint64_t kMaxMixedWhole = 1000000000000;
inline constexpr int kMaxPrefixSpaces = 2;        // "US  $5" but no further
inline constexpr int kMaxSignificantDigits = 19;  // what a uint64 holds
inline constexpr std::size_t kMaxWordBeforeLength = 8;

// The grammar's DFA is large; a bigger budget than RE2's default (8 MiB) keeps RE2 on the DFA
// for long inputs instead of falling back to its NFA.
inline constexpr std::int64_t kGrammarMemory = 64 << 20;

enum class Gap { kSpaces, kPrefixSpaces, kSpaceOrHyphen };

// The grammar, as RE2 syntax (amount_grammar.cc).
std::string BuildGrammar();

// The width of the digit at `text[pos]`: 1 for ASCII, 3 for full-width (U+FF10..U+FF19), 0 for
// anything else; its value in `digit`.
std::size_t DigitAt(std::string_view text, std::size_t pos, int* digit);
// Reads digits, thousands commas and one decimal point.
Decimal ParseDecimal(std::string_view text);
// The double nearest to mantissa × 10^(exponent + extra).
double ToDouble(Decimal decimal, int extra_exponent);

// ---------------------------------------------------------------------------------------------
// The parser: names the parts of one grammar match.

enum class Form { kPrefixed, kSuffixed, kPercent };
enum class Connector { kNone, kDash, kTo, kAnd };

// One number with what surrounds it.
struct Part {
  Span sign;         // percent: "minus ", "-"; empty if none
  Span currency;     // prefixed form: the symbol or code; may be empty on the second part
  int currency_exponent = 0;  // of a scale letter glued to the code ("MUSD")
  bool folded_code = false;   // the code is not in capitals ("usd"): it needs a space
  Span number;       // digits, or number words
  Decimal value;     // of the number alone
  Span scale;        // "billion", "bn", "m"; empty if none
  int exponent = 0;  // of the scale
  Span unit;         // percent: "%", "percent", "bps"; empty if none
  PercentUnit percent_unit = PercentUnit::kPercent;
  std::size_t end() const { return std::max({number.end, scale.end, unit.end}); }
};

struct Parsed {
  Span lead;  // "between" or "from"
  bool between = false;
  Span qualifier;
  Qualifier qualifier_kind = Qualifier::kExact;
  Form form = Form::kPrefixed;
  std::string_view currency;  // ISO
  Part first;
  Part second;
  bool has_second = false;
  Connector connector = Connector::kNone;
  Span suffix_currency;
  int currency_exponent = 0;  // suffixed form: of a scale letter glued to the code ("30 MUSD")
  bool folded_code = false;   // suffixed form: the code is not in capitals ("20 usd")
  Span code_scale;            // suffixed form: a scale word after the code ("75 USD million")
  int code_scale_exponent = 0;
  const CurrencyName* suffix_name = nullptr;  // suffixed form: the currency words' entry
  bool article = false;       // suffixed form: "a euro", the article as the figure one
  Span fraction;              // "a quarter of": the whole phrase
  double fraction_percent = 0;
  RatioForm ratio = RatioForm::kWords;  // which form `fraction` is
  Span rate;
  std::string_view per;
  bool rate_may_be_point = false;  // "a year", which "ago" would make a point in time
};

// A reading of exactly [begin, end) of one grammar match; nullopt if there is none.
std::optional<Parsed> ParseMatch(std::string_view text, std::size_t begin, std::size_t end);
// A number in digits or words at `pos`, read within [pos, end): its end (npos if none) and value.
std::size_t NumberAt(std::string_view text, std::size_t pos, std::size_t end, Decimal* value);

}  // namespace concord::extract::amount_detail
