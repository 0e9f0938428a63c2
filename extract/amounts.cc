// Money and percent recognizer.
//
// How it works. One RE2, "the grammar" (BuildGrammar below), is compiled from the constexpr
// tables of this file. Find() runs it as an unanchored search from the current position, asking
// only for the bounds of the match: RE2 then stays on its DFA, which reads the text once,
// however many alternatives the grammar has. Within the bounds the DFA found, a small hand
// parser (class Parser) reads the same grammar from the same tables to name the parts
// (qualifier, currency, numbers, scale, connector, rate); Interpret() turns them into a
// Mention. We do not ask RE2 for capture groups: for a program this size (about 8,000
// instructions) RE2 extracts them with its NFA, and the whole recognizer ran at 31 MB/s that
// way against 53 MB/s with the parser (wall clock, gen_corpus.py corpus of 200 articles, one
// core). With the tables as they are now: about 60 MB/s of CPU time on 2,000 articles
// (`concord_recognizers_replay --time`, tools/BENCHMARKS.md). The parser runs on every match
// and tries each table at several positions, so its lookups compare bytes directly (CodeAt):
// a std::find over string_views there cost two thirds of the speed.
//
// The grammar, with SP = one to three spaces (ASCII space, tab, U+00A0, U+202F):
//
//   match     := [(between|from) SP] [QUALIFIER SP] (prefixed | suffixed | percent) [SP RATE]
//   prefixed  := CURRENCY SP? NUMBER SCALE? [CONNECTOR [CURRENCY SP?] NUMBER SCALE?]
//   suffixed  := (NUMBER [DASH NUMBER] SCALE? | WORDS [SCALEWORD] | (a|half a) SCALEWORD)
//                (SP|-)? (SUFFIXCURRENCY | CODE [SP SCALEWORD])
//   percent   := MINUS? (NUMBER UNIT [CONNECTOR NUMBER UNIT] | NUMBER CONNECTOR NUMBER UNIT |
//                WORDS UNIT) | FRACTION SP of
//   CONNECTOR := SP? DASH SP? | SP (to|and) SP
//   CODE      := [M|k] ISO 4217 code ("USD", "usd", "MUSD": a glued scale letter)
//
// A NUMBER starts a word (\b) or at a full-width digit, which RE2's ASCII \b does not see.
// Every repetition is bounded, so a match is at most a few hundred bytes: a rejected match
// restarts the search one byte after its start, and the work stays linear in the text.
// Currencies (ISO codes, symbols, names, minor units, dateline cities) come from
// extract/data/currencies.tsv, compiled into the library at build time (extract/CMakeLists.txt
// embeds the file), read once into CurrencyTables; the grammar and the parser are built from it.
//
// After the grammar, a few passes over the mentions read what needs context across matches:
// a minor amount joins the amount before it ("$7 and 25c", "15 dollars 50"); the dateline's
// dollar or franc replaces a bare "dlrs" or "francs" ("TORONTO, March 16 -"); the bare figures
// of a Reuters results line ("Net 5.5 mln vs 3.2 mln") are money; a scaled figure after an
// amount and "from", "vs", "to" takes its currency ("64 mln dlrs from 55 mln"); and a figure
// before a range word takes the unit of the amount after it ("75 to 85 mln dlrs").
//
// What RE2 cannot say (it has no look-around) is checked in C++ on the bytes around a match: a
// number glued to letters or more digits ("v5.7.0", "Score42"), "a year ago" is not a rate,
// "from $5bn to $6bn" and "by $1bn to $4bn" are changes, not ranges.

#include "extract/amounts.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <system_error>
#include <utility>

#include "extract/currencies_data.inc"

namespace concord::extract {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsWordChar(char c) { return IsAsciiLetter(c) || IsAsciiDigit(c) || c == '_'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

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

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

CurrencyTables LoadCurrencyTables() {
  CurrencyTables tables;
  std::vector<std::pair<std::string_view, std::string_view>> aliases;
  std::string_view rest = kCurrencyTable;
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() < 3) continue;
    const std::string_view iso = f[0], kind = f[1], surface = f[2];
    std::string_view flags = f.size() > 3 ? f[3] : std::string_view();
    if (const std::size_t hash = flags.find('#'); hash != std::string_view::npos)
      flags = flags.substr(0, hash);
    CurrencyName name{.surface = surface, .iso = iso};
    name.big = flags.find("big") != std::string_view::npos;
    name.glued = flags.find("glued") != std::string_view::npos;
    name.article = flags.find("noarticle") == std::string_view::npos;
    if (const std::size_t e = flags.find("e-"); e != std::string_view::npos)
      name.minor_exponent = -(flags[e + 2] - '0');
    if (kind == "code" || kind == "code-caps") {
      tables.codes.push_back(surface);
      tables.foldable.push_back(kind == "code");
    } else if (kind == "prefix") {
      name.boundary = false;
      tables.prefixes.push_back(name);
    } else if (kind == "prefix-fold") {
      name.fold = true;
      name.boundary = false;
      tables.prefixes.push_back(name);
    } else if (kind == "suffix-symbol") {
      name.boundary = IsAsciiLetter(surface.back());
      tables.suffixes.push_back(name);
    } else if (kind == "suffix") {
      name.fold = true;
      tables.suffixes.push_back(name);
    } else if (kind == "minor") {
      const bool symbol = flags.find("symbol") != std::string_view::npos;
      // "25c", "50p", "52 sen": lower case only.
      name.fold = !symbol && !name.glued && flags.find("case") == std::string_view::npos;
      name.boundary = !symbol;
      tables.suffixes.push_back(name);
    } else if (kind == "alias" && f.size() > 3) {
      aliases.emplace_back(surface, f[3]);
    } else if (kind == "cents") {
      tables.cents_family.push_back(iso);
    } else if (kind == "dateline") {
      tables.datelines.push_back({surface, iso, flags.find("franc") != std::string_view::npos});
    }
  }
  // "Canadian dlrs": every suffix word containing an aliased word, with the alias instead.
  const std::size_t count = tables.suffixes.size();
  for (const auto& [word, alias] : aliases) {
    for (std::size_t i = 0; i < count; ++i) {
      const std::string_view surface = tables.suffixes[i].surface;
      const std::size_t at = surface.find(word);
      if (at == std::string_view::npos || !tables.suffixes[i].fold) continue;
      const std::size_t end = at + word.size();
      if ((at > 0 && surface[at - 1] != ' ') || (end < surface.size() && surface[end] != ' '))
        continue;
      auto owned = std::make_unique<std::string>(surface);
      owned->replace(at, word.size(), alias);
      CurrencyName name = tables.suffixes[i];
      name.surface = *owned;
      tables.owned.push_back(std::move(owned));
      tables.suffixes.push_back(name);
    }
  }
  const auto index = [](const std::vector<CurrencyName>& names,
                         std::array<std::vector<std::uint16_t>, 256>& by_byte) {
    for (std::size_t i = 0; i < names.size(); ++i)
      by_byte[static_cast<unsigned char>(Lower(names[i].surface[0]))].push_back(
          static_cast<std::uint16_t>(i));
  };
  index(tables.prefixes, tables.prefixes_by_byte);
  index(tables.suffixes, tables.suffixes_by_byte);
  for (std::size_t i = 0; i < tables.codes.size(); ++i) {
    const char first = tables.codes[i][0];
    if (first >= 'A' && first <= 'Z')
      tables.codes_by_letter[static_cast<std::size_t>(first - 'A')].push_back(
          static_cast<std::uint16_t>(i));
  }
  return tables;
}

// "a euro", "a buck": a singular currency word of one word may follow "a" as the figure one.
bool ArticleName(const CurrencyName& name) {
  return name.fold && name.article && name.minor_exponent == 0 && !name.surface.empty() &&
         name.surface.back() != 's' && name.surface.find(' ') == std::string_view::npos;
}

const CurrencyTables& Currencies() {
  static const CurrencyTables tables = LoadCurrencyTables();
  return tables;
}

// Scale letters glued before a code in capitals, Nordic business usage: "30 MUSD", "MSEK
// 120", "kEUR 500". "MAUD" is read only in capitals, so the name "Maud" stays a name.
constexpr std::string_view kScaledCodePrefixes[] = {"M", "k"};
constexpr int kScaledCodeExponents[] = {6, 3};

// "a euro", "an ether": the article as the figure one, only before these words or the end of
// a phrase ("a euro zone", "a dollar-denominated bond", "a pound of flour" are not money).
constexpr std::string_view kArticleOne[] = {"a", "an"};
constexpr std::string_view kAfterArticleAmount[] = {
    "a",    "an",   "each", "per", "apiece", "for", "or",   "and",  "to",  "in",   "on",
    "at",   "than", "more", "less", "back",  "off", "the",  "is",   "was", "will", "would",
    "from", "into", "was",  "with", "by",    "if",  "when", "that", "it",  "they", "he", "she"};

// Words around a small "pounds" figure that make it a weight: "lost 20 pounds", "ten pounds
// of flour", "five pounds heavier".
constexpr std::string_view kWeightBefore[] = {"lost", "lose", "losing", "gained", "gain",
                                              "gaining", "weighs", "weighed", "weighing", "weigh",
                                              "shed", "shedding", "put", "dropped"};
constexpr std::string_view kWeightAfter[] = {"of", "heavier", "lighter", "overweight",
                                             "underweight"};

struct QualifierWord {
  std::string_view words;  // a space stands for one to three spaces
  Qualifier qualifier;
};

constexpr QualifierWord kQualifiers[] = {
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
constexpr std::string_view kLeadWords[] = {"between", "from"};

struct ScaleName {
  std::string_view name;
  int exponent;  // power of ten
};

// Scale words, after a space or hyphen ("$50 billion", "$50-billion deal"), in any case.
constexpr ScaleName kScaleWords[] = {
    {"lakh crore", 12}, {"lakh crores", 12},  // Indian usage: ₹2 lakh crore = ₹2 trillion
    {"thousand", 3},    {"million", 6},      {"billion", 9}, {"trillion", 12}, {"crores", 7},
    {"crore", 7},       {"lakhs", 5},        {"lakh", 5},    {"lacs", 5},      {"lac", 5},
};

// Abbreviations of two letters or more may follow a space ("$5 bn"); a single letter must be
// glued to the number ("$5m"), so that "$5 m" is not read as five million.
constexpr ScaleName kScaleAbbreviations[] = {
    {"mln", 6}, {"mil", 6}, {"mn", 6}, {"mm", 6}, {"bln", 9}, {"bn", 9}, {"trn", 12}, {"tn", 12},
};
constexpr ScaleName kScaleLetters[] = {{"k", 3}, {"m", 6}, {"b", 9}};

struct NumberWord {
  std::string_view word;
  int value;
};

constexpr NumberWord kUnitWords[] = {
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
};
constexpr NumberWord kTensWords[] = {
    {"twenty", 20}, {"thirty", 30},  {"forty", 40},  {"fifty", 50},
    {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90},
};
constexpr int kDigitWordCount = 10;  // kUnitWords[1..9] follow a tens word: "twenty-five"
constexpr NumberWord kHundredHeads[] = {{"a", 1}, {"one", 1}};

struct FractionHead {
  std::string_view words;  // a space stands for one to three spaces
  Decimal value;
};

// Before a scale word and a currency word: "half a billion dollars", "a million-dollar bet",
// "a quarter million dollars".
constexpr FractionHead kFractionHeads[] = {
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
constexpr int kHundred = 100;

struct PercentName {
  std::string_view name;  // a space stands for a space or a hyphen
  PercentUnit unit;
};

// Percent units written as words, after an optional space or hyphen, in any case.
constexpr PercentName kPercentUnits[] = {
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
constexpr std::string_view kPercentSigns[] = {"%", "\xEF\xBC\x85"};  // U+FF05 full-width

// A negative percentage: "minus 0.1%", "negative 2 percent", or a sign glued to the number
// ("-0.5%", U+2212 "−0.5%"); a dash after a letter or digit is a hyphen ("mid-5%", "5-7%").
constexpr std::string_view kMinusWords[] = {"minus", "negative"};
constexpr std::string_view kMinusSigns[] = {"-", "\xE2\x88\x92"};

struct FractionPercent {
  std::string_view words;  // a space stands for a space or a hyphen
  double percent;
};

// A fraction of a whole, then "of": "a quarter of the shares" is 25 percent, the span ending
// with "of" as Recognizers-Text writes it. Not when "a" or "an" follows ("a quarter of a
// century", "a third of a point": a fraction of a unit) or a number ("one quarter of 2024");
// "half of" is left out: "the second half of 2025" is a period.
constexpr double kThird = 100.0 / 3;
constexpr FractionPercent kFractionPercents[] = {
    {"a quarter", 25},     {"one quarter", 25},    {"a fourth", 25},      {"one fourth", 25},
    {"three quarters", 75}, {"three fourths", 75}, {"a third", kThird},  {"one third", kThird},
    {"two thirds", 2 * kThird}, {"one half", 50},  {"a fifth", 20},      {"one fifth", 20},
    {"a tenth", 10},       {"one tenth", 10},
};
constexpr std::string_view kFractionOf = "of";

// Reversed forms and digit fractions before "of": "percent of 10", "1/4 of". Ratios ("one
// out of three", "one in five") are numbers (fractions), not percentages, in running text.
enum class RatioForm { kWords, kReversed, kDigitFraction };
constexpr std::string_view kReversedUnits[] = {"percents", "percent", "per cent"};
constexpr int kMaxFractionDenominator = 10;
constexpr std::string_view kNotFractionFollowers[] = {"a", "an"};

struct RateName {
  std::string_view words;  // a space stands for one to three spaces
  std::string_view per;    // Amount::per
};

// Rates: a lead word then a period ("a year", "in a single quarter"), an adverb ("annually"),
// or a slash and a period ("/yr").
constexpr std::string_view kRateLeads[] = {
    "in a single", "in one", "in an", "in a", "a single", "an", "a", "one", "per", "each", "every"};
constexpr RateName kRatePeriods[] = {
    {"year", "year"}, {"quarter", "quarter"}, {"month", "month"}, {"week", "week"}, {"day", "day"},
    {"share", "share"}, {"common share", "share"}, {"diluted share", "share"},
};
// Per-share amounts ("12 cts a share", "1.50 dlrs per share"): money only; "a 5 pct share of
// the company" is a stake.
constexpr std::string_view kPerShare = "share";
// "4 cts share" (wire shorthand, no "a"): only before these words or punctuation, so that "a $5
// share price" and "a $1 bln share buyback" are not per-share amounts.
constexpr std::string_view kAfterBareShare[] = {"vs",   "and",     "or",     "for",   "in",
                                                "on",   "compared", "against", "from", "versus",
                                                "a",    "the",     "last",   "in",    "up",
                                                "down", "before",  "after",  "was",   "were"};
constexpr RateName kRateAdverbs[] = {
    {"per annum", "year"}, {"annually", "year"}, {"yearly", "year"}, {"quarterly", "quarter"},
    {"monthly", "month"},  {"weekly", "week"},   {"daily", "day"},
    {"share", "share"}, {"a-share", "share"}, {"per-share", "share"},  // "4 cts share"
};
constexpr RateName kRateSlashPeriods[] = {
    {"year", "year"},   {"yr", "year"},     {"quarter", "quarter"},
    {"qtr", "quarter"}, {"month", "month"}, {"mo", "month"},
    {"week", "week"},   {"wk", "week"},     {"day", "day"},   {"share", "share"},
};

// Words after "a year", "one month" that make it a point in time instead of a rate: "$5bn a
// year ago", "a year earlier", "a year from now".
constexpr std::string_view kPointLeads[] = {"a", "an", "one"};
constexpr std::string_view kNotRateFollowers[] = {"ago",   "earlier", "later", "before",
                                                  "after", "prior",   "from",  "old"};

// Words before "X to Y" that make it a change, not a range: "cut by $1bn to $4bn", "rose from
// $5bn to $6bn"; but "ranged from $10 to $20" is a range.
constexpr std::string_view kChangeLeads[] = {"by", "from"};
constexpr std::string_view kRangeVerbs[] = {"range", "ranges", "ranged", "ranging",
                                            "vary",  "varies", "varied", "varying"};

// "lost 20 pounds" is a weight: "pounds" alone is money only with a scale or a figure of this
// size ("60,000 pounds", "3 million pounds").
constexpr std::string_view kPounds = "pounds";
constexpr double kSmallestBareBig = 1000;

// Longest numbers the grammar reads; they bound every match (see the file comment).
constexpr int kMaxIntegerDigits = 21;
constexpr int kMaxGroupLeadDigits = 3;
constexpr int kThousandsGroupDigits = 3;
constexpr int kMaxThousandsGroups = 7;
constexpr int kMaxFractionDigits = 12;
constexpr int kMaxSpacedFractionDigits = 3;  // "2. 5 million" (tokenized text)
constexpr int kMaxIndianLeadDigits = 2;
constexpr int kIndianPairDigits = 2;
constexpr int kMaxIndianPairs = 6;
constexpr int kMaxSpaces = 3;
// Mixed fractions of the wire ("12-1/2 cts", "40-1/8 dlrs"): halves to sixty-fourths, exact
// in millionths.
constexpr std::uint64_t kMixedDenominators[] = {2, 4, 8, 16, 32, 64};
constexpr const char* kMixedFraction = "[0-9]{1,2}/(?:2|4|8|16|32|64)\\b";
constexpr std::uint64_t kMillion = 1000000;
constexpr int kMillionDigits = 6;
constexpr std::uint64_t kMaxMixedWhole = 1000000000000;
constexpr int kMaxPrefixSpaces = 2;        // "US  $5" but no further
constexpr int kMaxSignificantDigits = 19;  // what a uint64 holds
constexpr std::size_t kMaxWordBeforeLength = 8;

// The grammar's DFA is large; a bigger budget than RE2's default (8 MiB) keeps RE2 on the DFA
// for long inputs instead of falling back to its NFA.
constexpr std::int64_t kGrammarMemory = 64 << 20;

// ---------------------------------------------------------------------------------------------
// The grammar, as RE2 syntax. Built from the tables; the Parser below mirrors it.

enum class Gap { kSpaces, kPrefixSpaces, kSpaceOrHyphen };

constexpr std::string_view kSpaceClass = "[ \\t\\x{00A0}\\x{202F}]";

std::string GapPattern(Gap gap) {
  switch (gap) {
    case Gap::kSpaces:
      return std::string(kSpaceClass) + "{1," + std::to_string(kMaxSpaces) + "}";
    case Gap::kPrefixSpaces:
      return "[ ]{1," + std::to_string(kMaxPrefixSpaces) + "}";
    case Gap::kSpaceOrHyphen:
      return "[ -]";
  }
  return {};
}


// `surface` quoted for RE2, each space standing for `gap`.
std::string Quote(std::string_view surface, Gap gap) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    std::size_t blank = surface.find(' ', start);
    if (blank == kNone) blank = surface.size();
    out += RE2::QuoteMeta(re2::StringPiece(surface.data() + start, blank - start));
    if (blank == surface.size()) return out;
    out += GapPattern(gap);
    start = blank + 1;
  }
}

// An alternation of the surfaces, longest first, with \b before those starting with a letter
// when `word_start`.
std::string Alternation(std::vector<std::string_view> names, Gap gap, bool word_start) {
  std::stable_sort(names.begin(), names.end(),
                   [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
  std::string out = "(?:";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += "|";
    if (word_start && IsAsciiLetter(names[i][0])) out += "\\b";
    out += Quote(names[i], gap);
  }
  return out + ")";
}

template <typename Table, typename Field>
std::vector<std::string_view> Names(const Table& table, Field field) {
  std::vector<std::string_view> names;
  for (const auto& entry : table) names.push_back(entry.*field);
  return names;
}

std::vector<std::string_view> Names(const std::string_view* begin, const std::string_view* end) {
  return {begin, end};
}

std::string Folding(const std::string& pattern) { return "(?i:" + pattern + ")"; }

std::string BuildGrammar() {
  const std::string sp = GapPattern(Gap::kSpaces);
  const std::string sp_opt = std::string(kSpaceClass) + "?";
  const std::string digit = "[0-9\\x{FF10}-\\x{FF19}]";
  // NUMBER whose first digit is of class `first`: one, then up to `most` - 1 more.
  const auto number_from = [&digit](const std::string& first) {
    const auto lead = [&](int most) { return first + digit + "{0," + std::to_string(most - 1) + "}"; };
    return "(?:" + lead(kMaxGroupLeadDigits) + "(?:, ?" + digit + "{" +
           std::to_string(kThousandsGroupDigits) + "}){1," + std::to_string(kMaxThousandsGroups) +
           "}|" + lead(kMaxIndianLeadDigits) + "(?:," + digit + "{" +
           std::to_string(kIndianPairDigits) + "}){1," + std::to_string(kMaxIndianPairs) + "}," +
           digit + "{" + std::to_string(kThousandsGroupDigits) + "}|" + lead(kMaxIntegerDigits) +
           ")(?:\\." + digit + "{1," + std::to_string(kMaxFractionDigits) + "}|[- ]" +
           kMixedFraction + ")?";
  };
  const std::string number = number_from(digit);
  // A number that starts a word: after \b, or at a full-width digit, which RE2's ASCII \b
  // does not see as a word character ("２７％").
  const std::string word_number =
      "(?:\\b" + number_from("[0-9]") + "|" + number_from("[\\x{FF10}-\\x{FF19}]") + ")";

  std::vector<std::string_view> digit_words;
  for (int i = 1; i < kDigitWordCount; ++i) digit_words.push_back(kUnitWords[i].word);
  const std::string words =
      Folding("(?:" + Alternation(Names(kHundredHeads, &NumberWord::word), Gap::kSpaces, false) +
              "[ -]hundred|" +
              Alternation(Names(kTensWords, &NumberWord::word), Gap::kSpaces, false) + "(?:[ -]" +
              Alternation(digit_words, Gap::kSpaces, false) + ")?|" +
              Alternation(Names(kUnitWords, &NumberWord::word), Gap::kSpaces, false) + ")") +
      "\\b";

  const std::string scale_word =
      Folding(Alternation(Names(kScaleWords, &ScaleName::name), Gap::kSpaces, false)) + "\\b";
  const std::string scale =
      "(?:(?:" + sp_opt + "|-)" + scale_word + "|" + sp_opt +
      Folding(Alternation(Names(kScaleAbbreviations, &ScaleName::name), Gap::kSpaces, false)) +
      "\\b|" + Folding(Alternation(Names(kScaleLetters, &ScaleName::name), Gap::kSpaces, false)) +
      "\\b)";

  // ISO codes: in capitals, in any case unless word-like, or after a scale letter.
  const CurrencyTables& currencies = Currencies();
  const std::string exact_codes = Alternation(currencies.codes, Gap::kSpaces, false);
  std::vector<std::string_view> foldable_codes;
  for (std::size_t i = 0; i < currencies.codes.size(); ++i)
    if (currencies.foldable[i]) foldable_codes.push_back(currencies.codes[i]);
  const std::string codes =
      "(?:" +
      Alternation(Names(std::begin(kScaledCodePrefixes), std::end(kScaledCodePrefixes)),
                  Gap::kSpaces, false) +
      exact_codes + "|" + exact_codes + "|" +
      Folding(Alternation(foldable_codes, Gap::kSpaces, false)) + ")";
  // Currency names in three groups: any case then \b, exact case then \b, exact case.
  const auto names = [](const std::vector<CurrencyName>& table, Gap gap, bool word_start) {
    std::vector<std::string_view> groups[4];  // [fold * 2 + boundary]
    for (const CurrencyName& name : table)
      groups[(name.fold ? 2 : 0) + (name.boundary ? 1 : 0)].push_back(name.surface);
    std::string out = "(?:";
    bool any = false;
    for (int g = 0; g < 4; ++g) {
      if (groups[g].empty()) continue;
      if (any) out += "|";
      any = true;
      const std::string alternation = Alternation(groups[g], gap, word_start);
      out += (g >= 2 ? Folding(alternation) : alternation) + (g % 2 == 1 ? "\\b" : "");
    }
    return out + ")";
  };
  const std::string prefix = "(?:" + names(currencies.prefixes, Gap::kPrefixSpaces, true) +
                             "|\\b" + codes + ")";
  std::vector<std::string_view> article_names;  // "a euro": major currency words
  for (const CurrencyName& name : currencies.suffixes)
    if (ArticleName(name)) article_names.push_back(name.surface);
  // "75 USD million": a scale word may follow a code.
  const std::string suffix = "(?:" + names(currencies.suffixes, Gap::kSpaces, false) + "|" +
                             codes + "\\b(?:" + sp + scale_word + ")?)";

  const std::string percent_unit =
      "(?:" + sp_opt + "(?:" +
      Alternation(Names(std::begin(kPercentSigns), std::end(kPercentSigns)), Gap::kSpaces, false) + ")" +
      "|(?:" + sp_opt + "|-)" +
      Folding(Alternation(Names(kPercentUnits, &PercentName::name), Gap::kSpaceOrHyphen, false)) +
      "\\b)";

  const std::string dash = "[-\\x{2013}\\x{2014}]";
  const std::string connector =
      "(?:" + sp_opt + dash + sp_opt + "|" + sp + Folding("to|and") + sp + ")";
  const std::string rate =
      Folding(
          Alternation(Names(std::begin(kRateLeads), std::end(kRateLeads)), Gap::kSpaces, false) +
          sp + Alternation(Names(kRatePeriods, &RateName::words), Gap::kSpaces, false) + "|" +
          Alternation(Names(kRateAdverbs, &RateName::words), Gap::kSpaces, false) + "|" + sp_opt +
          "/" + sp_opt +
          Alternation(Names(kRateSlashPeriods, &RateName::words), Gap::kSpaces, false)) +
      "\\b";

  const std::string lead =
      "(?:\\b" +
      Folding(
          Alternation(Names(std::begin(kLeadWords), std::end(kLeadWords)), Gap::kSpaces, false)) +
      sp + ")?(?:" +
      Folding(Alternation(Names(kQualifiers, &QualifierWord::words), Gap::kSpaces, true)) + sp +
      ")?";
  // "2. 5 million", "7. 3 %": a decimal point the tokenizer spaced, taken only before a scale
  // or a percent unit (tokenized text: CNN/DailyMail).
  const std::string spaced_decimal = "\\b[0-9]{1,3}\\. [0-9]{1," + std::to_string(kMaxSpacedFractionDigits) + "}";
  const std::string prefixed = prefix + sp_opt + "(?:" + spaced_decimal + scale + "|" + number +
                               "(?:" + scale + ")?)(?:" + connector +
                               "(?:" + prefix + sp_opt + ")?" + number + "(?:" + scale + ")?)?";
  const std::string suffixed =
      "(?:" + spaced_decimal + scale + "|" + word_number + "(?:" + sp_opt + dash + sp_opt + number + ")?(?:" + scale + ")?|\\b(?:" +
      words + "(?:[ -]" + scale_word + "|" + sp_opt +
      Folding(Alternation(Names(kScaleAbbreviations, &ScaleName::name), Gap::kSpaces, false)) +
      "\\b)?|" +
      Folding(Alternation(Names(kFractionHeads, &FractionHead::words), Gap::kSpaces, false)) + sp +
      scale_word + "))(?:" + sp_opt + "|-)" + suffix + "|\\b" +
      Folding(Alternation(Names(std::begin(kArticleOne), std::end(kArticleOne)), Gap::kSpaces,
                          false)) +
      sp + Folding(Alternation(article_names, Gap::kSpaces, false)) + "\\b";
  const std::string minus =
      "(?:\\b" +
      Folding(Alternation(Names(std::begin(kMinusWords), std::end(kMinusWords)), Gap::kSpaces,
                          false)) +
      sp + "|" +
      Alternation(Names(std::begin(kMinusSigns), std::end(kMinusSigns)), Gap::kSpaces, false) +
      ")?";
  const std::string fraction =
      "\\b" +
      Folding(Alternation(Names(kFractionPercents, &FractionPercent::words), Gap::kSpaceOrHyphen,
                          false) +
              sp + std::string(kFractionOf)) +
      "\\b";
  const std::string any_number = "(?:" + word_number + "|\\b" + words + ")";
  const std::string reversed =
      "\\b" +
      Folding(Alternation(Names(std::begin(kReversedUnits), std::end(kReversedUnits)),
                          Gap::kSpaces, false) +
              sp + std::string(kFractionOf)) +
      sp + any_number;
  const std::string digit_fraction = "\\b[1-9]/(?:10|[2-9])" + sp + Folding(std::string(kFractionOf)) + "\\b";
  const std::string percent = minus + "(?:" + spaced_decimal + percent_unit + "|" + word_number + percent_unit + "(?:" + connector +
                              number + percent_unit + ")?|" + word_number + connector + number +
                              percent_unit + "|\\b" + words + percent_unit + ")|" + fraction +
                              "|" + reversed + "|" + digit_fraction;
  return lead + "(?:" + prefixed + "|" + suffixed + "|" + percent + ")(?:(?:" + sp + "|-)" + rate +
         ")?";
}

// ---------------------------------------------------------------------------------------------
// Values.

// The width of the digit at `text[pos]`: 1 for ASCII, 3 for full-width (U+FF10..U+FF19), 0 for
// anything else; its value in `digit`.
std::size_t DigitAt(std::string_view text, std::size_t pos, int* digit) {
  if (pos >= text.size()) return 0;
  if (IsAsciiDigit(text[pos])) {
    *digit = text[pos] - '0';
    return 1;
  }
  constexpr unsigned char kWideLead = 0xEF, kWideSecond = 0xBC, kWideZero = 0x90, kWideNine = 0x99;
  if (pos + 2 < text.size() && static_cast<unsigned char>(text[pos]) == kWideLead &&
      static_cast<unsigned char>(text[pos + 1]) == kWideSecond &&
      static_cast<unsigned char>(text[pos + 2]) >= kWideZero &&
      static_cast<unsigned char>(text[pos + 2]) <= kWideNine) {
    *digit = static_cast<unsigned char>(text[pos + 2]) - kWideZero;
    return 3;
  }
  return 0;
}

// Reads digits, thousands commas and one decimal point. Digits past what a uint64 holds are
// dropped (integer ones raise the exponent instead).
Decimal ParseDecimal(std::string_view text) {
  Decimal out;
  int significant = 0;
  bool fraction = false;
  for (std::size_t i = 0; i < text.size();) {
    int digit = 0;
    const std::size_t width = DigitAt(text, i, &digit);
    if (width == 0) {
      fraction = fraction || text[i] == '.';
      ++i;
      continue;
    }
    i += width;
    if (significant >= kMaxSignificantDigits) {
      if (!fraction) ++out.exponent;
      continue;
    }
    if (out.mantissa != 0 || digit != 0) ++significant;
    out.mantissa = out.mantissa * 10 + static_cast<std::uint64_t>(digit);
    if (fraction) --out.exponent;
  }
  return out;
}

// The double nearest to mantissa × 10^(exponent + extra): from_chars rounds correctly, so
// "34.6 million" (346e5) is exactly 34600000 and "$42.50" (4250e-2) is the double nearest 42.5.
double ToDouble(Decimal decimal, int extra_exponent) {
  constexpr std::size_t kMantissaChars = 24;  // a uint64 has at most 20 digits
  std::array<char, 2 * kMantissaChars> buffer{};
  const auto mantissa =
      std::to_chars(buffer.data(), buffer.data() + kMantissaChars, decimal.mantissa);
  if (mantissa.ec != std::errc()) return 0;
  char* exponent_start = mantissa.ptr;
  *exponent_start++ = 'e';
  const auto exponent = std::to_chars(exponent_start, buffer.data() + buffer.size(),
                                      decimal.exponent + extra_exponent);
  if (exponent.ec != std::errc()) return 0;
  double value = 0;
  std::from_chars(buffer.data(), exponent.ptr, value);  // out of range leaves 0; harmless
  return value;
}

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

class Parser {
 public:
  Parser(std::string_view text, std::size_t begin, std::size_t end)
      : text_(text), begin_(begin), end_(end) {}

  // A reading of exactly [begin, end), preferring the longer option at each choice as the
  // grammar does; nullopt if there is none (the grammar and the parser disagree).
  // A number in digits or words at `pos` (the match bounds are the parser's): end and value.
  std::size_t NumberAt(std::size_t pos, Decimal* value) const { return AnyNumber(pos, value); }

  std::optional<Parsed> Parse() {
    for (int lead = 1; lead >= 0; --lead) {
      for (int qualifier = 1; qualifier >= 0; --qualifier) {
        Parsed parsed;
        std::size_t pos = begin_;
        if (lead == 1) {
          const auto [words_end, index] = Longest(
              pos, kLeadWords, [](auto w) { return w; }, Fold::kYes, Gap::kSpaces);
          if (words_end == kNone || !WordEnd(words_end)) continue;
          const std::size_t after = Spaces(words_end, 1, kMaxSpaces);
          if (after == kNone) continue;
          parsed.lead = {pos, words_end};
          parsed.between = kLeadWords[index] == "between";
          pos = after;
        }
        if (qualifier == 1) {
          const auto [words_end, index] = Longest(
              pos, kQualifiers, [](const QualifierWord& q) { return q.words; }, Fold::kYes,
              Gap::kSpaces);
          if (words_end == kNone) continue;
          const std::size_t after = Spaces(words_end, 1, kMaxSpaces);
          if (after == kNone) continue;
          parsed.qualifier = {pos, words_end};
          parsed.qualifier_kind = kQualifiers[index].qualifier;
          pos = after;
        }
        if (Prefixed(pos, &parsed) || Suffixed(pos, &parsed) || Percent(pos, &parsed))
          return parsed;
      }
    }
    return std::nullopt;
  }

 private:
  enum class Fold { kNo, kYes };

  // The width of a space at `pos` (ASCII space, tab, U+00A0, U+202F) within the match, or 0.
  std::size_t SpaceWidth(std::size_t pos) const {
    if (pos >= end_) return 0;
    const auto byte = static_cast<unsigned char>(text_[pos]);
    if (byte == ' ' || byte == '\t') return 1;
    if (byte == 0xC2 && pos + 1 < end_ && static_cast<unsigned char>(text_[pos + 1]) == 0xA0)
      return 2;
    if (byte == 0xE2 && pos + 2 < end_ && static_cast<unsigned char>(text_[pos + 1]) == 0x80 &&
        static_cast<unsigned char>(text_[pos + 2]) == 0xAF)
      return 3;
    return 0;
  }

  // After `min`..`max` spaces from `pos` (as many as there are), or kNone.
  std::size_t Spaces(std::size_t pos, int min, int max) const {
    int count = 0;
    while (count < max) {
      const std::size_t width = SpaceWidth(pos);
      if (width == 0) break;
      pos += width;
      ++count;
    }
    return count >= min ? pos : kNone;
  }

  std::size_t DashWidth(std::size_t pos) const {
    if (pos >= end_) return 0;
    if (text_[pos] == '-') return 1;
    // U+2013 en dash, U+2014 em dash.
    if (pos + 2 < end_ && static_cast<unsigned char>(text_[pos]) == 0xE2 &&
        static_cast<unsigned char>(text_[pos + 1]) == 0x80 &&
        (static_cast<unsigned char>(text_[pos + 2]) == 0x93 ||
         static_cast<unsigned char>(text_[pos + 2]) == 0x94))
      return 3;
    return 0;
  }

  // RE2's \b: a word character on exactly one side of `pos` (the whole text counts).
  bool Boundary(std::size_t pos) const {
    const bool before = pos > 0 && IsWordChar(text_[pos - 1]);
    const bool after = pos < text_.size() && IsWordChar(text_[pos]);
    return before != after;
  }
  // A number or number word may start at `pos`: \b, or a full-width digit (not a word
  // character to RE2).
  bool NumberStart(std::size_t pos) const {
    int digit = 0;
    return Boundary(pos) || DigitAt(text_.substr(0, end_), pos, &digit) == 3;
  }
  // \b after a word that ends in a letter, or nothing to check after a symbol.
  bool WordEnd(std::size_t pos) const { return !IsWordChar(text_[pos - 1]) || Boundary(pos); }

  // The end of `phrase` at `pos`, or kNone. A space in the phrase stands for `gap`.
  std::size_t Phrase(std::size_t pos, std::string_view phrase, Fold fold, Gap gap) const {
    for (char want : phrase) {
      if (want == ' ') {
        if (gap == Gap::kSpaces) {
          pos = Spaces(pos, 1, kMaxSpaces);
        } else if (gap == Gap::kPrefixSpaces) {
          std::size_t count = 0;
          while (count < kMaxPrefixSpaces && pos < end_ && text_[pos] == ' ') ++pos, ++count;
          if (count == 0) pos = kNone;
        } else {
          pos = (pos < end_ && (text_[pos] == ' ' || text_[pos] == '-')) ? pos + 1 : kNone;
        }
        if (pos == kNone) return kNone;
        continue;
      }
      if (pos >= end_) return kNone;
      const char got = fold == Fold::kYes ? Lower(text_[pos]) : text_[pos];
      if (got != (fold == Fold::kYes ? Lower(want) : want)) return kNone;
      ++pos;
    }
    return pos;
  }

  // The longest entry of `table` at `pos`: {end, index}, or {kNone, 0}.
  template <typename Table, typename Surface>
  std::pair<std::size_t, std::size_t> Longest(std::size_t pos, const Table& table, Surface surface,
                                              Fold fold, Gap gap) const {
    std::pair<std::size_t, std::size_t> best{kNone, 0};
    std::size_t index = 0;
    for (const auto& entry : table) {
      const std::size_t end = Phrase(pos, surface(entry), fold, gap);
      if (end != kNone && (best.first == kNone || end > best.first)) best = {end, index};
      ++index;
    }
    return best;
  }

  // NUMBER at `pos`: its end and value, or kNone.
  std::size_t Number(std::size_t pos, Decimal* value) const {
    int digit = 0;
    const auto digits = [&](std::size_t at, int most, int* count) {
      *count = 0;
      while (*count < most && at < end_) {
        const std::size_t width = DigitAt(text_.substr(0, end_), at, &digit);
        if (width == 0) break;
        at += width;
        ++*count;
      }
      return at;
    };
    int count = 0;
    std::size_t end = digits(pos, kMaxGroupLeadDigits, &count);
    if (count == 0) return kNone;
    int groups = 0;
    while (groups < kMaxThousandsGroups && end < end_ && text_[end] == ',') {
      // "13, 000": a group after a comma and one space (tokenized text).
      const std::size_t group_start = end + 1 < end_ && text_[end + 1] == ' ' ? end + 2 : end + 1;
      const std::size_t group_end = digits(group_start, kThousandsGroupDigits, &count);
      if (count != kThousandsGroupDigits) break;
      end = group_end;
      ++groups;
    }
    if (groups == 0) end = IndianGrouped(pos, digits);
    if (end == kNone) end = digits(pos, kMaxIntegerDigits, &count);
    if (end < end_ && text_[end] == '.') {
      // "2. 5 million": the grammar takes a spaced point only before a scale or a unit.
      const bool spaced = end + 1 < end_ && text_[end + 1] == ' ' && groups == 0 &&
                          end - pos <= static_cast<std::size_t>(kMaxGroupLeadDigits);
      const std::size_t fraction_end =
          spaced ? digits(end + 2, kMaxSpacedFractionDigits, &count)
                 : digits(end + 1, kMaxFractionDigits, &count);
      if (count > 0) end = fraction_end;
    }
    *value = ParseDecimal(text_.substr(pos, end - pos));
    if (end < end_ && (text_[end] == '-' || text_[end] == ' ') && value->exponent == 0) {
      const auto [fraction_end, millionths] = MixedFraction(end + 1);
      if (fraction_end != kNone && value->mantissa < kMaxMixedWhole) {
        value->mantissa = value->mantissa * kMillion + millionths;
        value->exponent = -kMillionDigits;
        end = fraction_end;
      }
    }
    return end;
  }

  // "1/2" of "12-1/2" (wire share prices and dividends in eighths): the end and the value in
  // millionths, or {kNone, 0}.
  std::pair<std::size_t, std::uint64_t> MixedFraction(std::size_t pos) const {
    std::size_t at = pos;
    std::uint64_t numerator = 0;
    while (at < end_ && at - pos < 2 && IsAsciiDigit(text_[at])) numerator = numerator * 10 + (text_[at++] - '0');
    if (at == pos || numerator == 0 || at >= end_ || text_[at] != '/') return {kNone, 0};
    const std::size_t denominator_start = ++at;
    std::uint64_t denominator = 0;
    while (at < end_ && at - denominator_start < 2 && IsAsciiDigit(text_[at]))
      denominator = denominator * 10 + (text_[at++] - '0');
    if (!Boundary(at) || numerator >= denominator) return {kNone, 0};
    for (std::uint64_t allowed : kMixedDenominators)
      if (denominator == allowed) return {at, numerator * (kMillion / denominator)};
    return {kNone, 0};
  }

  // "12,34,567": one or two digits, pairs, then a group of three (lakh and crore grouping).
  template <typename Digits>
  std::size_t IndianGrouped(std::size_t pos, const Digits& digits) const {
    int count = 0;
    std::size_t end = digits(pos, kMaxIndianLeadDigits, &count);
    int pairs = 0;
    while (pairs < kMaxIndianPairs && end < end_ && text_[end] == ',') {
      const std::size_t pair_end = digits(end + 1, kIndianPairDigits, &count);
      if (count != kIndianPairDigits || pair_end >= end_ || text_[pair_end] != ',') break;
      end = pair_end;
      ++pairs;
    }
    if (pairs == 0 || end >= end_ || text_[end] != ',') return kNone;
    const std::size_t group_end = digits(end + 1, kThousandsGroupDigits, &count);
    return count == kThousandsGroupDigits ? group_end : kNone;
  }

  // Number words ("seven", "twenty-five", "a hundred") at `pos`: end and value, or kNone.
  std::size_t Words(std::size_t pos, Decimal* value) const {
    const auto word = [this](std::size_t at, std::string_view w) {
      return Phrase(at, w, Fold::kYes, Gap::kSpaces);
    };
    const auto hyphen_or_space = [this](std::size_t at) {
      return at != kNone && at < end_ && (text_[at] == ' ' || text_[at] == '-');
    };
    for (const NumberWord& head : kHundredHeads) {
      const std::size_t head_end = word(pos, head.word);
      if (!hyphen_or_space(head_end)) continue;
      const std::size_t end = word(head_end + 1, "hundred");
      if (end != kNone && Boundary(end)) {
        *value = {kHundred, 0};
        return end;
      }
    }
    const auto [tens_end, tens] = Longest(
        pos, kTensWords, [](const NumberWord& w) { return w.word; }, Fold::kYes, Gap::kSpaces);
    if (tens_end != kNone) {
      std::uint64_t total = static_cast<std::uint64_t>(kTensWords[tens].value);
      std::size_t end = tens_end;
      if (hyphen_or_space(tens_end)) {
        for (int i = 1; i < kDigitWordCount; ++i) {
          const std::size_t unit_end = word(tens_end + 1, kUnitWords[i].word);
          if (unit_end != kNone && Boundary(unit_end)) {
            end = unit_end;
            total += static_cast<std::uint64_t>(kUnitWords[i].value);
            break;
          }
        }
      }
      if (!Boundary(end)) return kNone;
      *value = {total, 0};
      return end;
    }
    const auto [unit_end, unit] = Longest(
        pos, kUnitWords, [](const NumberWord& w) { return w.word; }, Fold::kYes, Gap::kSpaces);
    if (unit_end == kNone || !Boundary(unit_end)) return kNone;
    *value = {static_cast<std::uint64_t>(kUnitWords[unit].value), 0};
    return unit_end;
  }

  // A scale word at `pos` (no separator): {end, exponent} or {kNone, 0}.
  std::pair<std::size_t, int> ScaleWord(std::size_t pos) const {
    const auto [end, index] = Longest(
        pos, kScaleWords, [](const ScaleName& s) { return s.name; }, Fold::kYes, Gap::kSpaces);
    if (end == kNone || !Boundary(end)) return {kNone, 0};
    return {end, kScaleWords[index].exponent};
  }

  // SCALE after a number at `pos`: fills part.scale and part.exponent; the end or kNone.
  std::size_t Scale(std::size_t pos, Part* part) const {
    const auto take = [part](std::size_t begin, std::pair<std::size_t, int> found) {
      part->scale = {begin, found.first};
      part->exponent = found.second;
      return found.first;
    };
    // [SP or -] word; SP? abbreviation; a glued letter.
    for (std::size_t start : {pos + SpaceWidth(pos), pos + (pos < end_ && text_[pos] == '-')}) {
      const auto found = ScaleWord(start);
      if (found.first != kNone) return take(start, found);
    }
    for (std::size_t start : {pos + SpaceWidth(pos), pos}) {
      const auto [end, index] = Longest(
          start, kScaleAbbreviations, [](const ScaleName& s) { return s.name; }, Fold::kYes,
          Gap::kSpaces);
      if (end != kNone && Boundary(end))
        return take(start, {end, kScaleAbbreviations[index].exponent});
    }
    const auto [end, index] = Longest(
        pos, kScaleLetters, [](const ScaleName& s) { return s.name; }, Fold::kYes, Gap::kSpaces);
    if (end != kNone && Boundary(end)) return take(pos, {end, kScaleLetters[index].exponent});
    return kNone;
  }

  // The longest currency name of `table` at `pos` (each in its own case rule, with a word
  // boundary after it when it needs one): its end and entry, or {kNone, nullptr}.
  std::pair<std::size_t, const CurrencyName*> LongestName(
      std::size_t pos, const std::vector<CurrencyName>& table,
      const std::array<std::vector<std::uint16_t>, 256>& by_byte, Gap gap) const {
    std::pair<std::size_t, const CurrencyName*> best{kNone, nullptr};
    if (pos >= end_) return best;
    for (const std::uint16_t i : by_byte[static_cast<unsigned char>(Lower(text_[pos]))]) {
      const CurrencyName& name = table[i];
      const std::size_t end = Phrase(pos, name.surface, name.fold ? Fold::kYes : Fold::kNo, gap);
      if (end == kNone || (name.boundary && !Boundary(end))) continue;
      if (best.first == kNone || end > best.first) best = {end, &name};
    }
    return best;
  }

  // A prefix currency at `pos`: fills part.currency; its end and ISO code, or kNone.
  std::size_t PrefixCurrency(std::size_t pos, Part* part, std::string_view* iso) const {
    if (pos >= end_) return kNone;
    if (IsAsciiLetter(text_[pos]) && !Boundary(pos)) return kNone;
    std::size_t end = kNone;
    const auto [name_end, name] = LongestName(pos, Currencies().prefixes, Currencies().prefixes_by_byte, Gap::kPrefixSpaces);
    if (name_end != kNone) {
      end = name_end;
      *iso = name->iso;
    }
    std::string_view code_iso;
    int code_exponent = 0;
    const std::size_t code_end = CodeAt(pos, &code_iso, &code_exponent);
    if (code_end != kNone && (end == kNone || code_end > end)) {
      end = code_end;
      *iso = code_iso;
    }
    if (end == kNone) return kNone;
    const bool code = code_end != kNone && end == code_end;
    part->currency = {pos, end};
    part->currency_exponent = code ? code_exponent : 0;
    part->folded_code = code && text_.substr(pos, end - pos) != code_iso;
    return end;
  }

  // An ISO code at `pos` (in capitals; in any case unless word-like; after a scale letter of
  // kScaledCodePrefixes): its end, the code and the letter's exponent, or kNone. The caller
  // checks what follows.
  // Called at every candidate position of every match, so it compares bytes directly, among
  // the codes of the first letter only.
  std::size_t CodeAt(std::size_t pos, std::string_view* iso, int* exponent) const {
    constexpr std::size_t kCodeLength = 3;
    const CurrencyTables& currencies = Currencies();
    // The code read at `at`, exactly or (when `fold`) in any case; its index or -1.
    const auto code_index = [this, &currencies](std::size_t at, bool fold) {
      if (at + kCodeLength > end_) return -1;
      const char letter = fold ? Lower(text_[at]) : text_[at];
      const char upper = static_cast<char>(letter >= 'a' && letter <= 'z' ? letter - 'a' + 'A' : letter);
      if (upper < 'A' || upper > 'Z') return -1;
      if (!fold && letter != upper) return -1;
      for (const std::uint16_t i : currencies.codes_by_letter[static_cast<std::size_t>(upper - 'A')]) {
        const std::string_view code = currencies.codes[i];
        const bool exact = text_.compare(at, kCodeLength, code) == 0;
        if (exact || (fold && currencies.foldable[i] && Lower(text_[at]) == Lower(code[0]) &&
                      Lower(text_[at + 1]) == Lower(code[1]) &&
                      Lower(text_[at + 2]) == Lower(code[2])))
          return static_cast<int>(i);
      }
      return -1;
    };
    if (pos >= end_ || !IsAsciiLetter(text_[pos])) return kNone;
    for (std::size_t i = 0; i < std::size(kScaledCodePrefixes); ++i) {
      const std::size_t letter_end = Phrase(pos, kScaledCodePrefixes[i], Fold::kNo, Gap::kSpaces);
      if (letter_end == kNone) continue;
      if (const int index = code_index(letter_end, false); index >= 0) {
        *iso = currencies.codes[static_cast<std::size_t>(index)];
        *exponent = kScaledCodeExponents[i];
        return letter_end + kCodeLength;
      }
    }
    const int index = code_index(pos, true);
    if (index < 0) return kNone;
    *iso = currencies.codes[static_cast<std::size_t>(index)];
    *exponent = 0;
    return pos + kCodeLength;
  }

  // A suffix currency at `pos`: its end, ISO code and, for a code, the exponent of its scale
  // letter ("MUSD"); kNone if none. `is_code` says whether it is an ISO code; `name` is the
  // table entry otherwise.
  std::size_t SuffixCurrency(std::size_t pos, std::string_view* iso, int* exponent,
                             bool* is_code, bool* folded, const CurrencyName** name) const {
    std::size_t end = kNone;
    *name = nullptr;
    const auto [name_end, found] = LongestName(pos, Currencies().suffixes, Currencies().suffixes_by_byte, Gap::kSpaces);
    if (name_end != kNone) {
      end = name_end;
      *iso = found->iso;
      *name = found;
    }
    std::string_view code_iso;
    int code_exponent = 0;
    std::size_t code_end = CodeAt(pos, &code_iso, &code_exponent);
    if (code_end != kNone && !Boundary(code_end)) code_end = kNone;
    if (code_end != kNone && (end == kNone || code_end > end)) {
      end = code_end;
      *iso = code_iso;
      *name = nullptr;
    }
    *is_code = code_end != kNone && end == code_end;
    *exponent = *is_code ? code_exponent : 0;
    *folded = *is_code && *exponent == 0 && text_.substr(pos, end - pos) != *iso;
    return end;
  }

  // CONNECTOR at `pos`: its end and kind, or kNone.
  std::size_t ConnectorAt(std::size_t pos, Connector* kind) const {
    const std::size_t before = pos + SpaceWidth(pos);
    if (const std::size_t dash = DashWidth(before); dash > 0) {
      *kind = Connector::kDash;
      return before + dash + SpaceWidth(before + dash);
    }
    const std::size_t word = Spaces(pos, 1, kMaxSpaces);
    if (word == kNone) return kNone;
    for (const auto& [name, connector] : {std::pair{std::string_view("to"), Connector::kTo},
                                          std::pair{std::string_view("and"), Connector::kAnd}}) {
      const std::size_t end = Phrase(word, name, Fold::kYes, Gap::kSpaces);
      if (end == kNone) continue;
      const std::size_t after = Spaces(end, 1, kMaxSpaces);
      if (after == kNone) continue;
      *kind = connector;
      return after;
    }
    return kNone;
  }

  // A percent UNIT at `pos`: fills part.unit; its end or kNone.
  std::size_t Unit(std::size_t pos, Part* part) const {
    for (std::string_view sign : kPercentSigns) {
      const std::size_t sign_start = pos + SpaceWidth(pos);  // "7 %" (tokenized text)
      const std::size_t end = Phrase(sign_start, sign, Fold::kNo, Gap::kSpaces);
      if (end == kNone) continue;
      part->unit = {sign_start, end};
      part->percent_unit = PercentUnit::kPercent;
      return end;
    }
    std::size_t start = pos + SpaceWidth(pos);
    if (start == pos && pos < end_ && text_[pos] == '-') ++start;
    const auto [end, index] = Longest(
        start, kPercentUnits, [](const PercentName& p) { return p.name; }, Fold::kYes,
        Gap::kSpaceOrHyphen);
    if (end == kNone || !Boundary(end)) return kNone;
    part->unit = {start, end};
    part->percent_unit = kPercentUnits[index].unit;
    return end;
  }

  // True if the match ends at `pos`, or a rate from `pos` ends it.
  bool Finish(std::size_t pos, Parsed* parsed) const {
    if (pos == end_) return true;
    // "12-cent-a-share": a hyphen before the rate.
    const std::size_t start = pos < end_ && text_[pos] == '-' ? pos + 1 : Spaces(pos, 1, kMaxSpaces);
    if (start == kNone) return false;
    const auto ends_here = [this](std::size_t end) { return end == end_ && Boundary(end); };
    for (std::string_view lead : kRateLeads) {
      const std::size_t lead_end = Phrase(start, lead, Fold::kYes, Gap::kSpaces);
      if (lead_end == kNone) continue;
      const std::size_t period_start = Spaces(lead_end, 1, kMaxSpaces);
      if (period_start == kNone) continue;
      for (const RateName& period : kRatePeriods) {
        if (ends_here(Phrase(period_start, period.words, Fold::kYes, Gap::kSpaces))) {
          parsed->rate = {pos, end_};
          parsed->per = period.per;
          parsed->rate_may_be_point = period.per != kPerShare &&
                                      std::find(std::begin(kPointLeads), std::end(kPointLeads),
                                                lead) != std::end(kPointLeads);
          return true;
        }
      }
    }
    for (const RateName& adverb : kRateAdverbs) {
      if (ends_here(Phrase(start, adverb.words, Fold::kYes, Gap::kSpaces))) {
        parsed->rate = {pos, end_};
        parsed->per = adverb.per;
        return true;
      }
    }
    std::size_t slash = start + SpaceWidth(start);
    if (slash < end_ && text_[slash] == '/') {
      ++slash;
      slash += SpaceWidth(slash);
      for (const RateName& period : kRateSlashPeriods) {
        if (ends_here(Phrase(slash, period.words, Fold::kYes, Gap::kSpaces))) {
          parsed->rate = {pos, end_};
          parsed->per = period.per;
          return true;
        }
      }
    }
    return false;
  }

  // prefixed := CURRENCY SP? NUMBER SCALE? [CONNECTOR [CURRENCY SP?] NUMBER SCALE?]
  bool Prefixed(std::size_t pos, Parsed* parsed) const {
    Part first;
    std::string_view iso;
    std::size_t at = PrefixCurrency(pos, &first, &iso);
    if (at == kNone) return false;
    at += SpaceWidth(at);
    const std::size_t number_end = Number(at, &first.value);
    if (number_end == kNone) return false;
    first.number = {at, number_end};
    for (bool with_scale : {true, false}) {
      Part one = first;
      const std::size_t one_end = with_scale ? Scale(number_end, &one) : number_end;
      if (one_end == kNone) continue;
      // With a second amount, then without.
      Connector connector = Connector::kNone;
      const std::size_t second_start = ConnectorAt(one_end, &connector);
      if (second_start != kNone) {
        for (bool with_currency : {true, false}) {
          Part two;
          std::string_view second_iso;
          std::size_t number_at = second_start;
          if (with_currency) {
            number_at = PrefixCurrency(second_start, &two, &second_iso);
            if (number_at == kNone) continue;
            number_at += SpaceWidth(number_at);
          }
          const std::size_t two_number_end = Number(number_at, &two.value);
          if (two_number_end == kNone) continue;
          two.number = {number_at, two_number_end};
          for (bool with_scale2 : {true, false}) {
            Part second = two;
            const std::size_t end = with_scale2 ? Scale(two_number_end, &second) : two_number_end;
            if (end == kNone || !Finish(end, parsed)) continue;
            parsed->form = Form::kPrefixed;
            parsed->currency = iso;
            parsed->first = one;
            parsed->second = second;
            parsed->has_second = true;
            parsed->connector = connector;
            return true;
          }
        }
      }
      if (Finish(one_end, parsed)) {
        parsed->form = Form::kPrefixed;
        parsed->currency = iso;
        parsed->first = one;
        return true;
      }
    }
    return false;
  }

  // suffixed := (NUMBER [DASH NUMBER] SCALE? | WORDS [SCALEWORD] | (a|half a) SCALEWORD)
  //             (SP|-)? SUFFIXCURRENCY
  bool Suffixed(std::size_t pos, Parsed* parsed) const {
    if (!NumberStart(pos)) return false;
    const auto close = [&](std::size_t at, const Part& first, const Part* second) {
      for (std::size_t start : {at + SpaceWidth(at), at + (at < end_ && text_[at] == '-'), at}) {
        std::string_view iso;
        int exponent = 0;
        bool is_code = false;
        bool folded = false;
        const CurrencyName* name = nullptr;
        const std::size_t end = SuffixCurrency(start, &iso, &exponent, &is_code, &folded, &name);
        if (end == kNone) continue;
        // "75 USD million", then "75 USD".
        Span code_scale;
        int code_scale_exponent = 0;
        if (const std::size_t scale_start = is_code ? Spaces(end, 1, kMaxSpaces) : kNone;
            scale_start != kNone) {
          const auto [scale_end, scale_exponent] = ScaleWord(scale_start);
          if (scale_end != kNone && Finish(scale_end, parsed)) {
            code_scale = {scale_start, scale_end};
            code_scale_exponent = scale_exponent;
          }
        }
        if (code_scale.empty() && !Finish(end, parsed)) continue;
        parsed->form = Form::kSuffixed;
        parsed->currency = iso;
        parsed->currency_exponent = exponent;
        parsed->folded_code = folded;
        parsed->code_scale = code_scale;
        parsed->code_scale_exponent = code_scale_exponent;
        parsed->first = first;
        parsed->suffix_currency = {start, end};
        parsed->suffix_name = name;
        if (second != nullptr) {
          parsed->second = *second;
          parsed->has_second = true;
          parsed->connector = Connector::kDash;
        }
        return true;
      }
      return false;
    };

    Part first;
    if (const std::size_t number_end = Number(pos, &first.value); number_end != kNone) {
      first.number = {pos, number_end};
      // "2-3 billion dollars": the scale is shared and kept on the second part.
      std::size_t dash_at = number_end + SpaceWidth(number_end);
      if (const std::size_t dash = DashWidth(dash_at); dash > 0) {
        Part second;
        const std::size_t second_start = dash_at + dash + SpaceWidth(dash_at + dash);
        const std::size_t second_end = Number(second_start, &second.value);
        if (second_end != kNone) {
          second.number = {second_start, second_end};
          Part scaled = second;
          const std::size_t scale_end = Scale(second_end, &scaled);
          if (scale_end != kNone && close(scale_end, first, &scaled)) return true;
          if (close(second_end, first, &second)) return true;
        }
      }
      Part scaled = first;
      const std::size_t scale_end = Scale(number_end, &scaled);
      if (scale_end != kNone && close(scale_end, scaled, nullptr)) return true;
      if (close(number_end, first, nullptr)) return true;
    }
    if (const std::size_t words_end = Words(pos, &first.value); words_end != kNone) {
      first.number = {pos, words_end};
      if (words_end < end_ && (text_[words_end] == ' ' || text_[words_end] == '-')) {
        const auto [scale_end, exponent] = ScaleWord(words_end + 1);
        if (scale_end != kNone) {
          Part scaled = first;
          scaled.scale = {words_end + 1, scale_end};
          scaled.exponent = exponent;
          if (close(scale_end, scaled, nullptr)) return true;
        }
      }
      // "six mln dlrs": an abbreviation after number words.
      for (std::size_t start : {words_end + SpaceWidth(words_end), words_end}) {
        const auto [scale_end, index] = Longest(
            start, kScaleAbbreviations, [](const ScaleName& n) { return n.name; }, Fold::kYes,
            Gap::kSpaces);
        if (scale_end == kNone || !Boundary(scale_end)) continue;
        Part scaled = first;
        scaled.scale = {start, scale_end};
        scaled.exponent = kScaleAbbreviations[index].exponent;
        if (close(scale_end, scaled, nullptr)) return true;
      }
      if (close(words_end, first, nullptr)) return true;
    }
    // "a euro": the article as the figure one, before a currency word.
    for (std::string_view article : kArticleOne) {
      const std::size_t article_end = Phrase(pos, article, Fold::kYes, Gap::kSpaces);
      if (article_end == kNone) continue;
      const std::size_t start = Spaces(article_end, 1, kMaxSpaces);
      if (start == kNone) continue;
      const auto [end, name] = LongestName(start, Currencies().suffixes, Currencies().suffixes_by_byte, Gap::kSpaces);
      if (end == kNone || !ArticleName(*name) || !Finish(end, parsed))
        continue;
      parsed->form = Form::kSuffixed;
      parsed->currency = name->iso;
      parsed->first = Part{};
      parsed->first.number = {pos, article_end};
      parsed->first.value = {1, 0};
      parsed->suffix_currency = {start, end};
      parsed->suffix_name = name;
      parsed->article = true;
      return true;
    }
    // "a billion", "half a billion".
    for (const auto& [head, value] : kFractionHeads) {
      const std::size_t head_end = Phrase(pos, head, Fold::kYes, Gap::kSpaces);
      if (head_end == kNone) continue;
      const std::size_t scale_start = Spaces(head_end, 1, kMaxSpaces);
      if (scale_start == kNone) continue;
      const auto [scale_end, exponent] = ScaleWord(scale_start);
      if (scale_end == kNone) continue;
      Part part;
      part.number = {pos, head_end};
      part.value = value;
      part.scale = {scale_start, scale_end};
      part.exponent = exponent;
      if (close(scale_end, part, nullptr)) return true;
    }
    return false;
  }

  // A minus word and its spaces, or a minus sign, at `pos`: the sign's span, or empty.
  Span Minus(std::size_t pos) const {
    for (std::string_view word : kMinusWords) {
      const std::size_t end = Phrase(pos, word, Fold::kYes, Gap::kSpaces);
      if (end == kNone || !Boundary(pos)) continue;
      const std::size_t after = Spaces(end, 1, kMaxSpaces);
      if (after != kNone) return {pos, after};
    }
    for (std::string_view sign : kMinusSigns) {
      const std::size_t end = Phrase(pos, sign, Fold::kNo, Gap::kSpaces);
      if (end != kNone) return {pos, end};
    }
    return {};
  }

  // A number in digits or words at `pos`: its end and value, or kNone.
  std::size_t AnyNumber(std::size_t pos, Decimal* value) const {
    if (!NumberStart(pos)) return kNone;
    const std::size_t end = Number(pos, value);
    if (end != kNone) return end;
    return Words(pos, value);
  }

  // "percent of 10", "1/4 of" ending the match, or false.
  bool Ratio(std::size_t pos, Parsed* parsed) const {
    const auto done = [&](std::size_t end, double percent, RatioForm form) {
      parsed->form = Form::kPercent;
      parsed->fraction = {pos, end};
      parsed->fraction_percent = percent;
      parsed->ratio = form;
      return true;
    };
    if (!Boundary(pos) && pos < end_ && IsAsciiLetter(text_[pos])) return false;
    for (std::string_view unit : kReversedUnits) {
      const std::size_t unit_end = Phrase(pos, unit, Fold::kYes, Gap::kSpaces);
      if (unit_end == kNone || !Boundary(unit_end)) continue;
      const std::size_t of_start = Spaces(unit_end, 1, kMaxSpaces);
      if (of_start == kNone) continue;
      const std::size_t of_end = Phrase(of_start, kFractionOf, Fold::kYes, Gap::kSpaces);
      if (of_end == kNone || !Boundary(of_end)) continue;
      const std::size_t number_start = Spaces(of_end, 1, kMaxSpaces);
      if (number_start == kNone) continue;
      Decimal value;
      const std::size_t end = AnyNumber(number_start, &value);
      if (end != kNone && Finish(end, parsed)) return done(end, ToDouble(value, 0), RatioForm::kReversed);
    }
    if (pos + 2 < end_ && text_[pos] >= '1' && text_[pos] <= '9' && text_[pos + 1] == '/') {
      std::size_t at = pos + 2;
      int denominator = 0;
      while (at < end_ && IsAsciiDigit(text_[at]) && denominator <= kMaxFractionDenominator)
        denominator = denominator * 10 + (text_[at++] - '0');
      const std::size_t of_start = Spaces(at, 1, kMaxSpaces);
      if (denominator >= 2 && denominator <= 10 && of_start != kNone) {
        const std::size_t end = Phrase(of_start, kFractionOf, Fold::kYes, Gap::kSpaces);
        if (end != kNone && Boundary(end) && Finish(end, parsed))
          return done(end, 100.0 * (text_[pos] - '0') / denominator, RatioForm::kDigitFraction);
      }
    }
    return false;
  }

  // "a quarter of" (FRACTION SP of) ending the match at `pos`, or false.
  bool Fraction(std::size_t pos, Parsed* parsed) const {
    if (!Boundary(pos)) return false;
    for (const auto& [words, percent] : kFractionPercents) {
      const std::size_t words_end = Phrase(pos, words, Fold::kYes, Gap::kSpaceOrHyphen);
      if (words_end == kNone) continue;
      const std::size_t of_start = Spaces(words_end, 1, kMaxSpaces);
      if (of_start == kNone) continue;
      const std::size_t end = Phrase(of_start, kFractionOf, Fold::kYes, Gap::kSpaces);
      if (end == kNone || !Boundary(end) || !Finish(end, parsed)) continue;
      parsed->form = Form::kPercent;
      parsed->fraction = {pos, end};
      parsed->fraction_percent = percent;
      return true;
    }
    return false;
  }

  // percent := MINUS? (NUMBER UNIT [CONNECTOR NUMBER UNIT] | NUMBER CONNECTOR NUMBER UNIT |
  //            WORDS UNIT) | FRACTION SP of
  bool Percent(std::size_t pos, Parsed* parsed) const {
    const Span sign = Minus(pos);
    if (sign.empty() && Fraction(pos, parsed)) return true;
    if (sign.empty() && Ratio(pos, parsed)) return true;
    if (!sign.empty()) pos = sign.end;
    if (!NumberStart(pos)) return false;
    const auto done = [parsed, sign](const Part& first, const Part* second, Connector connector) {
      parsed->form = Form::kPercent;
      parsed->first = first;
      parsed->first.sign = sign;
      if (second != nullptr) {
        parsed->second = *second;
        parsed->has_second = true;
        parsed->connector = connector;
      }
      return true;
    };
    // The second number and its unit, from `at`.
    const auto second_part = [this](std::size_t at, Part* second) {
      const std::size_t number_end = Number(at, &second->value);
      if (number_end == kNone) return kNone;
      second->number = {at, number_end};
      return Unit(number_end, second);
    };

    Part first;
    if (const std::size_t number_end = Number(pos, &first.value); number_end != kNone) {
      first.number = {pos, number_end};
      Part with_unit = first;
      if (const std::size_t unit_end = Unit(number_end, &with_unit); unit_end != kNone) {
        Connector connector = Connector::kNone;
        if (const std::size_t second_start = ConnectorAt(unit_end, &connector);
            second_start != kNone) {
          Part second;
          const std::size_t end = second_part(second_start, &second);
          if (end != kNone && Finish(end, parsed)) return done(with_unit, &second, connector);
        }
        if (Finish(unit_end, parsed)) return done(with_unit, nullptr, Connector::kNone);
      }
      Connector connector = Connector::kNone;
      if (const std::size_t second_start = ConnectorAt(number_end, &connector);
          second_start != kNone) {
        Part second;
        const std::size_t end = second_part(second_start, &second);
        if (end != kNone && Finish(end, parsed)) return done(first, &second, connector);
      }
      return false;
    }
    if (const std::size_t words_end = Words(pos, &first.value); words_end != kNone) {
      first.number = {pos, words_end};
      const std::size_t unit_end = Unit(words_end, &first);
      if (unit_end != kNone && Finish(unit_end, parsed))
        return done(first, nullptr, Connector::kNone);
    }
    return false;
  }

  std::string_view text_;
  std::size_t begin_;
  std::size_t end_;
};

// ---------------------------------------------------------------------------------------------
// From a parse to a mention.

// The number ends cleanly: not glued to a letter or digit, not the head of "5.7.0" or "1,25".
bool CleanEnd(std::string_view text, std::size_t end) {
  if (end >= text.size()) return true;
  const char next = text[end];
  if (IsAsciiLetter(next) || IsAsciiDigit(next)) return false;
  return !((next == '.' || next == ',') && end + 1 < text.size() && IsAsciiDigit(text[end + 1]));
}

// The number or symbol starts cleanly: "Z$5", "1.5%" inside "v1.5%", "24/7%" are not ours, nor
// are numbers inside URLs and identifiers ("%2020%", "q=30%", "id_5%").
bool CleanStart(std::string_view text, std::size_t begin) {
  if (begin == 0) return true;
  const char previous = text[begin - 1];
  if (IsAsciiLetter(previous) || IsAsciiDigit(previous)) return false;
  if (std::string_view("%=&_@#").find(previous) != std::string_view::npos) return false;
  return !((previous == '.' || previous == ',' || previous == '/') && begin >= 2 &&
           IsAsciiDigit(text[begin - 2]));
}

bool EqualsFolded(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (Lower(text[i]) != lower[i]) return false;
  return true;
}

// The word just before `begin` ("by" in "by $1bn to $5bn").
std::string_view WordBefore(std::string_view text, std::size_t begin) {
  std::size_t end = begin;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  std::size_t start = end;
  while (start > 0 && IsAsciiLetter(text[start - 1]) && end - start < kMaxWordBeforeLength) --start;
  return text.substr(start, end - start);
}

// The word just after `end`.
std::string_view WordAfter(std::string_view text, std::size_t end) {
  std::size_t start = end;
  while (start < text.size() && (text[start] == ' ' || text[start] == '\t')) ++start;
  std::size_t stop = start;
  while (stop < text.size() && IsAsciiLetter(text[stop]) && stop - start < kMaxWordBeforeLength)
    ++stop;
  return text.substr(start, stop - start);
}

template <std::size_t N>
bool AnyFolded(std::string_view word, const std::string_view (&list)[N]) {
  return std::any_of(std::begin(list), std::end(list),
                     [word](std::string_view w) { return EqualsFolded(word, w); });
}

bool IsYearLike(std::string_view number) {
  constexpr std::size_t kYearDigits = 4;
  if (number.size() != kYearDigits) return false;
  if (!std::all_of(number.begin(), number.end(), IsAsciiDigit)) return false;
  return number.starts_with("19") || number.starts_with("20");
}

std::string_view Surface(std::string_view text, Span span) {
  return text.substr(span.begin, span.end - span.begin);
}

// What to do with one grammar match.
struct Outcome {
  std::optional<Mention> mention;
  std::size_t next = 0;  // where the search resumes
  bool minor = false;    // a minor unit alone ("25 cents"): may join the amount before it
  bool whole = false;    // a whole amount of one unit, no scale ("15 dollars"): "50" may follow
};

// Turns a parse into a mention, or rejects it. `retry` is where to resume after a rejection.
Outcome Interpret(std::string_view text, std::size_t match_begin, const Parsed& parsed) {
  const std::size_t retry = match_begin + 1;
  const Part& first = parsed.first;
  const Part& second = parsed.second;
  Amount amount;
  amount.currency = std::string(parsed.currency);
  std::size_t core_begin =
      parsed.form == Form::kPrefixed ? first.currency.begin : first.number.begin;
  if (!first.sign.empty()) core_begin = first.sign.begin;
  std::size_t amount_end =
      parsed.form == Form::kSuffixed ? std::max(parsed.suffix_currency.end, parsed.code_scale.end)
                                     : first.end();
  bool range = false;
  bool split = false;            // "from X to Y", "X and Y": X alone, then Y on its own
  std::size_t split_resume = 0;  // where Y starts

  // A two-amount expression is one range with "between X and Y", "X to Y" and "X-Y", unless
  // "from" or "by" comes first ("rose from $5bn to $6bn", "cut by $1bn to $4bn": a change).
  // "X and Y" without "between" is a list.
  const auto is_range = [&] {
    switch (parsed.connector) {
      case Connector::kAnd:
        return parsed.between;
      case Connector::kTo: {
        if (parsed.between) return true;
        const std::string_view before = WordBefore(text, match_begin);
        if (parsed.lead.empty()) return !AnyFolded(before, kChangeLeads);
        return AnyFolded(before, kRangeVerbs);  // "from X to Y"
      }
      default:
        return true;
    }
  };
  const bool word_connector =
      parsed.connector == Connector::kTo || parsed.connector == Connector::kAnd;
  const std::size_t second_begin =
      second.currency.empty() ? second.number.begin : second.currency.begin;

  switch (parsed.form) {
    case Form::kPrefixed: {
      // "Z$5": an unknown dollar; "5$": not ours.
      // "MUSD 5 million": two scales. "crc32": a lower-case code glued to digits is an
      // identifier; "usd 5" and "USD5" are money.
      if (!CleanEnd(text, first.end()) ||
          (!IsAsciiLetter(text[core_begin]) && !CleanStart(text, core_begin)) ||
          (first.currency_exponent != 0 && !first.scale.empty()) ||
          (first.folded_code && first.number.begin == first.currency.end))
        return {std::nullopt, retry};
      const int code_exponent = first.currency_exponent;
      amount.low = amount.high = ToDouble(first.value, first.exponent + code_exponent);
      if (!parsed.has_second) break;
      // "$5 million to 10 staff": no second amount; the first stands alone.
      if (!CleanEnd(text, second.end()) ||
          (word_connector && second.currency.empty() && second.scale.empty()))
        break;
      // "$2-3 billion": a scale written once applies to both ends.
      const int high_exponent = second.scale.empty() ? first.exponent : second.exponent;
      const int low_exponent =
          !first.scale.empty() ? first.exponent : (second.currency.empty() ? high_exponent : 0);
      const double low = ToDouble(first.value, low_exponent + code_exponent);
      const double high = ToDouble(second.value, high_exponent + code_exponent);
      if (is_range() && low <= high) {
        range = true;
        amount.low = low;
        amount.high = high;
        amount_end = second.end();
        if (!first.scale.empty() || !second.currency.empty()) {  // two amounts, not "$2-3bn"
          amount.low_span = {core_begin, first.end()};
          amount.high_span = {second_begin, second.end()};
        }
      } else {
        split = true;
        amount.low = amount.high = word_connector ? amount.low : low;
        split_resume = second_begin;
      }
      break;
    }
    case Form::kSuffixed: {
      const std::size_t number_end = parsed.has_second ? second.number.end : first.number.end;
      const bool scaled = !first.scale.empty() || !second.scale.empty() ||
                          !parsed.code_scale.empty() || parsed.currency_exponent != 0;
      // "5 million USD billion", "5 million MUSD": two scales.
      if ((!first.scale.empty() || !second.scale.empty()) &&
          (!parsed.code_scale.empty() || parsed.currency_exponent != 0))
        return {std::nullopt, retry};
      // "v5 dollars"; "in 2024 dollars" is a price level, not an amount. Letters may follow
      // the number here: they are the currency ("115USD").
      const bool glued_digits = number_end + 1 < text.size() &&
                                (text[number_end] == '.' || text[number_end] == ',') &&
                                IsAsciiDigit(text[number_end + 1]);
      // "the 3 $5 coins": a symbol glued to the next number is that number's prefix.
      const std::size_t currency_end = parsed.suffix_currency.end;
      const bool symbol_of_next = !IsAsciiLetter(text[parsed.suffix_currency.begin]) &&
                                  currency_end < text.size() && IsAsciiDigit(text[currency_end]);
      // "32crc", "5usd": a lower-case code glued to the number.
      const bool glued_folded_code =
          parsed.folded_code && parsed.suffix_currency.begin > 0 &&
          IsWordChar(text[parsed.suffix_currency.begin - 1]);
      if (!CleanStart(text, core_begin) || (!scaled && glued_digits) || symbol_of_next ||
          glued_folded_code ||
          (!scaled && !parsed.has_second && IsYearLike(Surface(text, first.number))))
        return {std::nullopt, retry};
      const CurrencyName* name = parsed.suffix_name;
      const int minor = name != nullptr ? name->minor_exponent : 0;
      // "50p", "25c": only glued; "50 p" is not money.
      if (name != nullptr && name->glued && parsed.suffix_currency.begin != number_end)
        return {std::nullopt, retry};
      const int exponent = (parsed.has_second ? second.exponent : first.exponent) +
                           parsed.currency_exponent + parsed.code_scale_exponent + minor;
      amount.low = amount.high = ToDouble(first.value, exponent);
      if (parsed.article) {
        // "a euro" only before a word of kAfterArticleAmount or punctuation: "a euro zone",
        // "a dollar-denominated bond", "a pound of flour" are not amounts.
        const std::size_t after = parsed.suffix_currency.end;
        const std::string_view next = WordAfter(text, after);
        std::size_t next_start = after;
        while (next_start < text.size() && (text[next_start] == ' ' || text[next_start] == '\t'))
          ++next_start;
        const bool punctuation = next_start >= text.size() ||
                                 (next.empty() && text[next_start] != '-' &&
                                  !IsAsciiDigit(text[next_start]) &&
                                  static_cast<unsigned char>(text[next_start]) < 0x80);
        if (!punctuation && (next.empty() || !AnyFolded(next, kAfterArticleAmount)))
          return {std::nullopt, retry};
      }
      // "lost 20 pounds", "5 marks": small bare figures of these words are not money;
      // "pounds" only next to a weight word ("lost 20 pounds", "ten pounds of flour").
      // A figure with two decimals is a price ("3.50 marks").
      const std::string_view digits = Surface(text, first.number);
      const std::size_t point = digits.find('.');
      const bool cents_written = point != std::string_view::npos && digits.size() - point == 3;
      if (!scaled && !cents_written && amount.low < kSmallestBareBig && name != nullptr &&
          name->big) {
        const std::string_view surface = Surface(text, parsed.suffix_currency);
        const bool pounds = EqualsFolded(surface, kPounds) || EqualsFolded(surface, "pound");
        if (!pounds || AnyFolded(WordBefore(text, core_begin), kWeightBefore) ||
            AnyFolded(WordAfter(text, parsed.suffix_currency.end), kWeightAfter))
          return {std::nullopt, retry};
      }
      if (parsed.has_second) {
        const double high = ToDouble(second.value, exponent);
        if (high >= amount.low) {
          range = true;
          amount.high = high;
        }
      }
      break;
    }
    case Form::kPercent: {
      if (!parsed.fraction.empty()) {
        // "a quarter of a century", "one quarter of 2024": a fraction of a unit or a period.
        const std::size_t after = parsed.fraction.end;
        const std::string_view next = WordAfter(text, after);
        std::size_t next_start = after;
        while (next_start < text.size() && (text[next_start] == ' ' || text[next_start] == '\t'))
          ++next_start;
        const bool digit_next = next_start < text.size() && IsAsciiDigit(text[next_start]);
        const bool number_end = !CleanEnd(text, after);
        switch (parsed.ratio) {
          case RatioForm::kWords:
          case RatioForm::kDigitFraction:
            if (!CleanStart(text, parsed.fraction.begin) || AnyFolded(next, kNotFractionFollowers) ||
                digit_next)
              return {std::nullopt, retry};
            break;
          case RatioForm::kReversed:
            // "percent of 10" alone: "percent of 10 firms" counts firms.
            if (!next.empty() || digit_next || number_end) return {std::nullopt, retry};
            break;
        }
        core_begin = parsed.fraction.begin;
        amount_end = parsed.fraction.end;
        amount.low = amount.high = parsed.fraction_percent;
        break;
      }
      if (!CleanStart(text, core_begin)) return {std::nullopt, retry};
      const Part& unit_part = first.unit.empty() ? second : first;
      // "%28" in a URL is an escape, not a percentage.
      if (!CleanEnd(text, unit_part.unit.end)) return {std::nullopt, retry};
      const double sign = first.sign.empty() ? 1 : -1;
      amount.low = amount.high = sign * ToDouble(first.value, 0);
      amount.percent_unit = unit_part.percent_unit;
      if (!parsed.has_second) break;
      amount_end = first.unit.empty() ? first.number.end : first.unit.end;
      const double high = ToDouble(second.value, 0);
      if (is_range() && second.percent_unit == unit_part.percent_unit && amount.low <= high) {
        range = true;
        amount.high = high;
        amount_end = second.end();
        if (!first.unit.empty()) {  // two amounts, not "5-7%"
          amount.low_span = {core_begin, first.unit.end};
          amount.high_span = {second.number.begin, second.end()};
        }
      } else if (first.unit.empty() && parsed.connector == Connector::kAnd) {
        // "aged 30 and 40 percent": the bare first number is not known to be a percent.
        return {std::nullopt, second.number.begin};
      } else {
        split = true;  // "from 5 to 7 percent": 5 is a percent too
        split_resume = second.number.begin;
      }
      break;
    }
  }

  if (range) {
    amount.qualifier = Qualifier::kRange;
    if (parsed.between) amount.qualifier_span = parsed.lead;
  } else if (!parsed.qualifier.empty()) {
    amount.qualifier = parsed.qualifier_kind;
    amount.qualifier_span = parsed.qualifier;
  }
  std::size_t next = split ? split_resume : amount_end;
  bool bare_share_ok = true;
  if (parsed.per == kPerShare && !parsed.rate.empty()) {
    std::string_view rate = Surface(text, parsed.rate);
    while (!rate.empty() && !IsAsciiLetter(rate.front())) rate.remove_prefix(1);
    if (EqualsFolded(rate, kPerShare)) {
      const std::string_view follower = WordAfter(text, parsed.rate.end);
      std::size_t follower_start = parsed.rate.end;
      while (follower_start < text.size() && text[follower_start] == ' ') ++follower_start;
      bare_share_ok = follower.empty() ? (follower_start >= text.size() ||
                                          !IsAsciiDigit(text[follower_start]))
                                       : AnyFolded(follower, kAfterBareShare);
    }
  }
  if (!split && !parsed.rate.empty() && parsed.rate.begin == amount_end && bare_share_ok &&
      !(parsed.form == Form::kPercent && parsed.per == kPerShare)) {
    if (!parsed.rate_may_be_point ||
        !AnyFolded(WordAfter(text, parsed.rate.end), kNotRateFollowers)) {
      amount.per = std::string(parsed.per);
      next = parsed.rate.end;
    }
  }
  // "-$5bn": a minus sign glued before the currency, after a space or an opening bracket (not
  // the hyphen of "2020-$5bn"), keeps its sign; a signed range is not read.
  if (parsed.form == Form::kPrefixed) {
    std::size_t sign = 0;
    if (core_begin >= 1 && text[core_begin - 1] == '-') sign = 1;
    if (core_begin >= 3 && text.compare(core_begin - 3, 3, "\xE2\x88\x92") == 0) sign = 3;
    if (sign > 0 && (core_begin == sign || !IsWordChar(text[core_begin - sign - 1])) &&
        (core_begin == sign || text[core_begin - sign - 1] != '-')) {
      if (range) return {std::nullopt, retry};
      amount.low = amount.high = -amount.low;
      core_begin -= sign;
    }
  }
  Mention mention;
  mention.kind = parsed.form == Form::kPercent ? MentionKind::kPercent : MentionKind::kMoney;
  mention.span = {core_begin, amount_end};
  mention.text = std::string(Surface(text, mention.span));
  mention.amount = std::move(amount);
  const bool minor = parsed.form == Form::kSuffixed && parsed.suffix_name != nullptr &&
                     parsed.suffix_name->minor_exponent != 0 && !range;
  const bool whole = mention.kind == MentionKind::kMoney && !minor && !range && !split &&
                     !parsed.has_second && first.scale.empty() && parsed.code_scale.empty() &&
                     parsed.currency_exponent == 0 && first.currency_exponent == 0 &&
                     mention.amount.per.empty() && mention.amount.low >= 0 &&
                     mention.amount.low == std::floor(mention.amount.low);
  return {std::move(mention), next, minor, whole};
}

bool InCentsFamily(std::string_view iso) {
  const auto& family = Currencies().cents_family;
  return std::find(family.begin(), family.end(), iso) != family.end();
}

bool OnlySpacesOrAnd(std::string_view gap) {
  std::size_t i = 0;
  while (i < gap.size() && gap[i] == ' ') ++i;
  if (i == 0) return false;
  if (gap.substr(i).starts_with("and")) {
    i += 3;
    const std::size_t spaces = i;
    while (i < gap.size() && gap[i] == ' ') ++i;
    if (i == spaces) return false;
  }
  return i == gap.size();
}

// A minor-unit amount right after `previous`: "34 cents" in a story about euros is in euros
// (when the cents belong to the same family); "$7 and 25c", "4 dollars 80 cents" join into
// one amount. Returns true when `minor` was joined into `previous`.
bool JoinMinor(std::string_view text, Mention& previous, Mention& minor) {
  if (previous.kind != MentionKind::kMoney || previous.span.end > minor.span.begin) return false;
  const std::string_view between =
      text.substr(previous.span.end, minor.span.begin - previous.span.end);
  if (between.find('\n') != std::string_view::npos) return false;
  Amount& major = previous.amount;
  Amount& cents = minor.amount;
  if (major.currency != cents.currency && cents.currency == "USD" && InCentsFamily(major.currency))
    cents.currency = major.currency;
  constexpr double kHundredths = 100;
  if (major.currency != cents.currency || major.low != major.high || !major.per.empty() ||
      major.qualifier != Qualifier::kExact || cents.low >= 1 || major.low != std::floor(major.low) ||
      !OnlySpacesOrAnd(between))
    return false;
  major.low = major.high = std::round((major.low + cents.low) * kHundredths) / kHundredths;
  major.per = cents.per;
  previous.span.end = minor.span.end;
  previous.text = std::string(Surface(text, previous.span));
  return true;
}

// The end of one to three spaces at `pos`, or kNone.
std::size_t SkipSpaces(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && end - pos < 3 && text[end] == ' ') ++end;
  return end == pos ? kNone : end;
}

// "15 dollars 50", "17 USD 25", "C$100 and fifty", "thirteen dollars forty-five": a whole
// amount, then a bare figure of 1 to 99 hundredths, when only punctuation or one of these words
// follows it ("$5 and 20 others" lists two things).
constexpr std::string_view kAfterBareMinor[] = {"more", "less", "and", "or", "for", "each",
                                                "but", "then", "only", "extra", "plus", "to",
                                                "in", "on", "at", "the", "a", "now", "today"};
constexpr std::uint64_t kHundredths = 100;
constexpr double kRatioTolerance = 1e-9;

// The end of the bare minor figure after `whole` (its value added), or kNone.
std::size_t JoinBareMinor(std::string_view text, Mention& whole) {
  std::size_t pos = SkipSpaces(text, whole.span.end);
  if (pos == kNone) return kNone;
  if (text.substr(pos).starts_with("and")) {
    const std::size_t after = SkipSpaces(text, pos + 3);
    if (after == kNone) return kNone;
    pos = after;
  }
  constexpr std::size_t kLookahead = 48;
  Decimal value;
  const std::size_t end =
      Parser(text, pos, std::min(text.size(), pos + kLookahead)).NumberAt(pos, &value);
  if (end == kNone || value.exponent != 0 || value.mantissa == 0 || value.mantissa >= kHundredths ||
      !CleanEnd(text, end))
    return kNone;
  if (IsAsciiDigit(text[pos]) && end - pos > 2) return kNone;  // "05" fine, "050" not
  const std::string_view follower = WordAfter(text, end);
  std::size_t next = end;
  while (next < text.size() && text[next] == ' ') ++next;
  if (follower.empty()) {
    if (next < text.size() && std::string_view(".,;:!?)").find(text[next]) == std::string_view::npos)
      return kNone;
  } else if (!AnyFolded(follower, kAfterBareMinor)) {
    return kNone;
  }
  whole.amount.low = whole.amount.high =
      std::round((whole.amount.low + static_cast<double>(value.mantissa) / kHundredths) *
                 kHundredths) / kHundredths;
  whole.span.end = end;
  whole.text = std::string(Surface(text, whole.span));
  return end;
}

// Reuters results tables: a line that opens with a results label ("Shr", "Net", "Revs", "Oper
// net") lists figures of the story's currency, the "vs" figure a year earlier: "Net 5.5 mln vs
// 3.2 mln" is money though no currency is written. Counts ("Avg shrs") are not.
constexpr std::string_view kResultLabels[] = {
    "Shr",          "Oper shr",     "Primary shr",   "Fully diluted shr", "Diluted shr",
    "Net",          "Oper net",     "Net income",    "Net profit",        "Net loss",
    "Revs",         "Revenues",     "Sales",         "Turnover",          "Pretax",
    "Pretax profit", "Pretax loss", "Oper profit",   "Operating profit",  "Profit",
    "Loss",         "Qtly div",     "Div",           "Dividend",          "Gross",
    "Net interest income", "Total income", "Income",  "Oper income"};
constexpr std::string_view kShareLabelWord = "shr";
constexpr std::string_view kResultSigns[] = {"profit", "loss"};
constexpr std::size_t kMaxResultLine = 200;

struct ResultScale {
  std::string_view word;
  int exponent;
};
constexpr ResultScale kResultScales[] = {{" mln", 6},     {" bln", 9},     {" billion", 9},
                                         {" million", 6}, {" thousand", 3}, {" trillion", 12}};

// "rose to 64 mln dlrs from 55 mln in the quarter": after an amount, a comparison word and a
// scaled figure with no currency of its own is in the amount's currency, when nothing but a
// function word or punctuation follows ("from 55 mln shares" is a count).
constexpr std::string_view kElisionLinks[] = {"from", "vs", "vs.", "versus", "against", "to",
                                              "and", "or", "compared with", "compared to"};
constexpr std::string_view kElisionScales[] = {"mln", "bln", "billion", "million", "trillion"};
constexpr std::string_view kElisionFollowers[] = {
    "in", "a", "an", "the", "and", "or", "for", "while", "compared", "at", "on", "last", "during",
    "earlier", "previously", "before", "after", "year", "vs", "from", "to", "with", "by"};
constexpr int kElisionScaleExponents[] = {6, 9, 9, 6, 12};

// The story's dateline city ("TORONTO, March 16 -", "SYDNEY (Reuters) -"): its rows of the
// dateline table, none when the text opens with no city of it.
std::vector<const CurrencyTables::Dateline*> DatelineCurrencies(std::string_view text) {
  std::vector<const CurrencyTables::Dateline*> found;
  std::size_t at = 0;
  while (at < text.size() && (text[at] == ' ' || text[at] == '\n' || text[at] == '\t')) ++at;
  for (const CurrencyTables::Dateline& row : Currencies().datelines) {
    // "TORONTO, March 16" or "Toronto, March 20": the wire writes both.
    if (at + row.city.size() > text.size() ||
        !std::equal(row.city.begin(), row.city.end(), text.begin() + static_cast<std::ptrdiff_t>(at),
                    [](char a, char b) { return Lower(a) == Lower(b); }))
      continue;
    const std::size_t end = at + row.city.size();
    if (end + 1 < text.size() && (text[end] == ',' || (text[end] == ' ' && text[end + 1] == '(')))
      found.push_back(&row);
  }
  return found;
}

bool EndsWithWord(std::string_view surface, std::string_view word) {
  return surface.size() > word.size() &&
         EqualsFolded(surface.substr(surface.size() - word.size()), word) &&
         !IsAsciiLetter(surface[surface.size() - word.size() - 1]);
}

// Dollars, cents and francs written without a country ("154 mln dlrs", "20 cents", "300 mln
// francs") are the dateline's; "U.S. dlrs", "US$", "Swiss francs" keep their country.
void ApplyDatelineCurrencies(const std::vector<const CurrencyTables::Dateline*>& rows,
                             std::vector<Mention>& mentions) {
  constexpr std::string_view kDollarEnds[] = {"dlrs", "dlr", "dollars", "dollar", "cts", "ct",
                                              "cents", "cent"};
  constexpr std::string_view kFrancEnds[] = {"francs", "franc"};
  constexpr std::string_view kCountries[] = {"U.S.", "US ", "American", "United States", "$",
                                             "Swiss"};
  for (Mention& mention : mentions) {
    if (mention.kind != MentionKind::kMoney) continue;
    const std::string_view surface = mention.text;
    if (std::any_of(std::begin(kCountries), std::end(kCountries),
                    [&](std::string_view c) { return surface.find(c) != std::string_view::npos; }))
      continue;
    for (const CurrencyTables::Dateline* row : rows) {
      const bool generic =
          row->franc ? mention.amount.currency == "CHF" &&
                           std::any_of(std::begin(kFrancEnds), std::end(kFrancEnds),
                                       [&](std::string_view e) { return EndsWithWord(surface, e); })
                     : mention.amount.currency == "USD" &&
                           std::any_of(std::begin(kDollarEnds), std::end(kDollarEnds),
                                       [&](std::string_view e) { return EndsWithWord(surface, e); });
      if (generic) mention.amount.currency = std::string(row->iso);
    }
  }
}

// "55 mln to 65 mln dlrs", "between 1.50 and 1.60 dlrs": a bare figure, a range word, then an
// amount with a currency written after its number: the first figure is in that currency. One
// range with "between X and Y" and with "X to Y"; after "from" or "by" ("rose from 55 mln to
// 65 mln dlrs") it is a change, and the first figure a mention of its own.
void AddLeadingFigures(std::string_view text, std::vector<Mention>& mentions) {
  std::vector<Mention> added;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    Mention& after = mentions[i];
    const std::size_t previous_end = i == 0 ? 0 : mentions[i - 1].span.end;
    if (after.kind != MentionKind::kMoney || after.amount.qualifier != Qualifier::kExact ||
        after.span.begin < 4 || !IsAsciiDigit(text[after.span.begin]))
      continue;
    // Back over " to " or " and ".
    std::size_t at = after.span.begin;
    std::size_t spaces = 0;
    while (at > 0 && text[at - 1] == ' ' && spaces < 3) --at, ++spaces;
    if (spaces == 0) continue;
    bool to = false;
    if (at >= 2 && text.compare(at - 2, 2, "to") == 0) {
      to = true;
      at -= 2;
    } else if (at >= 3 && text.compare(at - 3, 3, "and") == 0) {
      at -= 3;
    } else {
      continue;
    }
    const std::size_t link_begin = at;
    spaces = 0;
    while (at > 0 && text[at - 1] == ' ' && spaces < 3) --at, ++spaces;
    if (spaces == 0 || link_begin == 0 || IsWordChar(text[link_begin - 1]) == false) {
      if (spaces == 0) continue;
    }
    // An optional scale word, then the figure.
    const std::size_t figure_end_with_scale = at;
    int exponent = 0;
    for (const auto& [word, scale] : {std::pair{std::string_view("mln"), 6}, {"bln", 9},
                                      {"billion", 9}, {"million", 6}}) {
      if (at >= word.size() + 1 && text.compare(at - word.size(), word.size(), word) == 0 &&
          text[at - word.size() - 1] == ' ') {
        at -= word.size() + 1;
        exponent = scale;
        break;
      }
    }
    std::size_t begin = at;
    while (begin > 0 && (IsAsciiDigit(text[begin - 1]) ||
                         ((text[begin - 1] == '.' || text[begin - 1] == ',') && begin >= 2 &&
                          IsAsciiDigit(text[begin - 2]))))
      --begin;
    if (begin == at || begin < previous_end ||
        (begin > 0 && (IsWordChar(text[begin - 1]) || text[begin - 1] == '$' ||
                                      text[begin - 1] == '-' || text[begin - 1] == '/')))
      continue;
    // The figure is in the unit of the amount after it: "55 mln to 65 mln dlrs", "5 to 10
    // mln dlrs" (a shared scale), "40 to 45 cts" (cents). Its power of ten is the amount's
    // value over its own figure; a figure with a scale word of its own needs the same after.
    std::size_t after_digits = after.span.begin;
    while (after_digits < after.span.end &&
           (IsAsciiDigit(text[after_digits]) || text[after_digits] == ',' ||
            text[after_digits] == '.'))
      ++after_digits;
    const double after_figure =
        ToDouble(ParseDecimal(text.substr(after.span.begin, after_digits - after.span.begin)), 0);
    if (after_figure <= 0 || after.amount.low <= 0) continue;
    const double ratio = after.amount.low / after_figure;
    const int power = static_cast<int>(std::lround(std::log10(ratio)));
    if (std::fabs(ratio / std::pow(10.0, power) - 1) > kRatioTolerance) continue;  // "40-1/8 dlrs"
    if (exponent != 0 && power != exponent) continue;  // "5 mln to 10 dlrs"
    const bool compact = exponent == 0 && power != 0;  // "75 to 85 mln dlrs": one scale
    exponent = power;
    const std::string_view before = WordBefore(text, begin);
    const bool between = EqualsFolded(before, "between");
    if (!to && !between) continue;  // "5 and 6 mln dlrs": a list
    const double low = ToDouble(ParseDecimal(text.substr(begin, at - begin)), exponent);
    const bool change = to && AnyFolded(before, kChangeLeads);
    if (!change && low <= after.amount.low) {
      if (!compact) {
        after.amount.low_span = {begin, figure_end_with_scale};
        after.amount.high_span = after.span;
      }
      after.amount.low = low;
      after.amount.qualifier = Qualifier::kRange;
      if (between) {
        const auto word_begin = static_cast<std::size_t>(before.data() - text.data());
        after.amount.qualifier_span = {word_begin, word_begin + before.size()};
      }
      after.span.begin = begin;
      after.text = std::string(Surface(text, after.span));
      continue;
    }
    Mention mention;
    mention.kind = MentionKind::kMoney;
    mention.span = {begin, figure_end_with_scale};
    mention.text = std::string(Surface(text, mention.span));
    mention.amount.low = mention.amount.high = low;
    mention.amount.currency = after.amount.currency;
    added.push_back(std::move(mention));
  }
  if (added.empty()) return;
  mentions.insert(mentions.end(), std::make_move_iterator(added.begin()),
                  std::make_move_iterator(added.end()));
  std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return a.span.begin < b.span.begin;
  });
}

void AddElidedCurrency(std::string_view text, std::vector<Mention>& mentions) {
  std::vector<Mention> added;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const Mention& before = mentions[i];
    if (before.kind != MentionKind::kMoney || before.amount.currency.empty()) continue;
    std::size_t pos = SkipSpaces(text, before.span.end);
    if (pos == kNone) continue;
    std::size_t link_end = kNone;
    for (std::string_view link : kElisionLinks) {
      if (!text.substr(pos).starts_with(link)) continue;
      const std::size_t end = SkipSpaces(text, pos + link.size());
      if (end != kNone) link_end = std::max(link_end == kNone ? 0 : link_end, end);
    }
    if (link_end == kNone || link_end >= text.size() || !IsAsciiDigit(text[link_end])) continue;
    if (i + 1 < mentions.size() && mentions[i + 1].span.begin <= link_end) continue;
    std::size_t number_end = link_end;
    while (number_end < text.size() &&
           (IsAsciiDigit(text[number_end]) ||
            ((text[number_end] == ',' || text[number_end] == '.') && number_end + 1 < text.size() &&
             IsAsciiDigit(text[number_end + 1]))))
      ++number_end;
    const std::size_t scale_start = SkipSpaces(text, number_end);
    if (scale_start == kNone || number_end - link_end > kMaxIntegerDigits) continue;
    int exponent = -1;
    std::size_t end = kNone;
    for (std::size_t k = 0; k < std::size(kElisionScales); ++k) {
      const std::string_view scale = kElisionScales[k];
      const std::size_t scale_end = scale_start + scale.size();
      if (text.substr(scale_start).starts_with(scale) &&
          (scale_end >= text.size() || !IsWordChar(text[scale_end]))) {
        exponent = kElisionScaleExponents[k];
        end = scale_end;
      }
    }
    if (end == kNone) continue;
    const std::string_view follower = WordAfter(text, end);
    if (!follower.empty() && !AnyFolded(follower, kElisionFollowers)) continue;
    std::size_t after = end;
    while (after < text.size() && text[after] == ' ') ++after;
    if (follower.empty() && after < text.size() &&
        (IsAsciiDigit(text[after]) || text[after] == '$' || text[after] == '%' ||
         static_cast<unsigned char>(text[after]) >= 0x80))
      continue;
    Mention mention;
    mention.kind = MentionKind::kMoney;
    mention.span = {link_end, end};
    mention.text = std::string(Surface(text, mention.span));
    mention.amount.low = mention.amount.high =
        ToDouble(ParseDecimal(text.substr(link_end, number_end - link_end)), exponent);
    mention.amount.currency = before.amount.currency;
    added.push_back(std::move(mention));
  }
  if (added.empty()) return;
  mentions.insert(mentions.end(), std::make_move_iterator(added.begin()),
                  std::make_move_iterator(added.end()));
  std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return a.span.begin < b.span.begin;
  });
}

// Money mentions for the bare figures of results lines; `mentions` are the grammar's, in text
// order (results-line figures are added and the whole list re-sorted).
void AddResultFigures(std::string_view text, std::vector<Mention>& mentions,
                      std::string_view story_currency) {
  std::vector<Mention> added;
  std::size_t line_begin = 0;
  std::size_t next_mention = 0;
  while (line_begin < text.size()) {
    std::size_t line_end = text.find('\n', line_begin);
    if (line_end == kNone) line_end = text.size();
    std::size_t at = line_begin;
    while (at < line_end && text[at] == ' ') ++at;
    const std::string_view line = text.substr(at, line_end - at);
    std::size_t label_end = 0;
    if (line.size() <= kMaxResultLine && !line.empty() && line[0] >= 'A' && line[0] <= 'Z') {
      for (std::string_view label : kResultLabels)
        if (line.starts_with(label) && line.size() > label.size() && line[label.size()] == ' ' &&
            label.size() > label_end)
          label_end = label.size();
    }
    if (label_end == 0) {
      line_begin = line_end + 1;
      continue;
    }
    // The label, an optional "profit" / "loss", then a figure.
    std::size_t figures = at + label_end + 1;
    for (std::string_view sign : kResultSigns)
      if (text.substr(figures).starts_with(sign) && figures + sign.size() < line_end &&
          text[figures + sign.size()] == ' ')
        figures += sign.size() + 1;
    if (figures >= line_end || !IsAsciiDigit(text[figures])) {
      line_begin = line_end + 1;
      continue;
    }
    const bool per_share = line.substr(0, label_end).find(kShareLabelWord) != kNone ||
                           line.substr(0, label_end).find("Shr") != kNone;
    while (next_mention < mentions.size() && mentions[next_mention].span.begin < at) ++next_mention;
    std::string currency(story_currency);
    for (std::size_t m = next_mention; m < mentions.size() && mentions[m].span.begin < line_end; ++m) {
      if (mentions[m].kind != MentionKind::kMoney) continue;
      if (per_share && mentions[m].amount.per.empty()) mentions[m].amount.per = std::string(kPerShare);
      currency = mentions[m].amount.currency;
    }
    std::size_t pos = figures;
    std::size_t m = next_mention;
    while (pos < line_end) {
      if (!IsAsciiDigit(text[pos]) || (pos > 0 && (IsWordChar(text[pos - 1]) || text[pos - 1] == '.' ||
                                                   text[pos - 1] == ',' || text[pos - 1] == '-'))) {
        ++pos;
        continue;
      }
      std::size_t end = pos;
      while (end < line_end && (IsAsciiDigit(text[end]) ||
                                ((text[end] == ',' || text[end] == '.') && end + 1 < line_end &&
                                 IsAsciiDigit(text[end + 1]))))
        ++end;
      while (m < mentions.size() && mentions[m].span.end <= pos) ++m;
      const bool covered = m < mentions.size() && mentions[m].span.begin <= pos;
      if (covered || (end < line_end && (IsAsciiLetter(text[end]) || text[end] == '%'))) {
        pos = covered ? std::max(end, mentions[m].span.end) : end;
        continue;
      }
      int exponent = 0;
      std::size_t span_end = end;
      for (const ResultScale& scale : kResultScales) {
        const std::size_t scale_end = end + scale.word.size();
        if (text.substr(end).starts_with(scale.word) &&
            (scale_end >= text.size() || !IsWordChar(text[scale_end]))) {
          exponent = scale.exponent;
          span_end = scale_end;
          break;
        }
      }
      if (text.substr(span_end).starts_with(" pct")) {
        pos = span_end;
        continue;
      }
      Mention mention;
      mention.kind = MentionKind::kMoney;
      mention.span = {pos, span_end};
      mention.text = std::string(Surface(text, mention.span));
      Amount amount;
      amount.low = amount.high = ToDouble(ParseDecimal(text.substr(pos, end - pos)), exponent);
      amount.currency = currency;
      if (per_share && exponent == 0) amount.per = std::string(kPerShare);
      mention.amount = std::move(amount);
      added.push_back(std::move(mention));
      pos = span_end;
    }
    line_begin = line_end + 1;
  }
  if (added.empty()) return;
  mentions.insert(mentions.end(), std::make_move_iterator(added.begin()),
                  std::make_move_iterator(added.end()));
  std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return a.span.begin < b.span.begin;
  });
}

}  // namespace

// ---------------------------------------------------------------------------------------------

struct AmountRecognizer::Impl {
  std::unique_ptr<RE2> grammar;
};

AmountRecognizer::AmountRecognizer() : impl_(std::make_unique<Impl>()) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kGrammarMemory);
  impl_->grammar = std::make_unique<RE2>(BuildGrammar(), options);
  // The grammar is built from the tables above; failing to compile is a programming error.
  assert(impl_->grammar->ok());
}

AmountRecognizer::~AmountRecognizer() = default;
AmountRecognizer::AmountRecognizer(AmountRecognizer&&) noexcept = default;
AmountRecognizer& AmountRecognizer::operator=(AmountRecognizer&&) noexcept = default;

std::vector<Mention> AmountRecognizer::Find(std::string_view text) const {
  std::vector<Mention> mentions;
  if (!impl_ || !impl_->grammar->ok()) return mentions;
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  std::size_t pos = 0;
  while (pos < text.size() &&
         impl_->grammar->Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const std::size_t begin = static_cast<std::size_t>(match.data() - text.data());
    const std::size_t end = begin + match.size();
    const std::optional<Parsed> parsed = Parser(text, begin, end).Parse();
    if (!parsed) {
      pos = begin + 1;  // the parser mirrors the grammar, so this should not happen
      continue;
    }
    Outcome outcome = Interpret(text, begin, *parsed);
    if (outcome.mention) {
      if (!outcome.minor || mentions.empty() || !JoinMinor(text, mentions.back(), *outcome.mention)) {
        if (outcome.whole) {
          const std::size_t end = JoinBareMinor(text, *outcome.mention);
          if (end != kNone) outcome.next = std::max(outcome.next, end);
        }
        mentions.push_back(std::move(*outcome.mention));
      }
    }
    pos = std::max(outcome.next, pos + 1);
  }
  std::string_view story_dollar = "USD";
  if (const auto rows = DatelineCurrencies(text); !rows.empty()) {
    ApplyDatelineCurrencies(rows, mentions);
    for (const CurrencyTables::Dateline* row : rows)
      if (!row->franc) story_dollar = row->iso;
  }
  AddResultFigures(text, mentions, story_dollar);
  AddElidedCurrency(text, mentions);
  AddLeadingFigures(text, mentions);
  return mentions;
}

std::vector<Mention> FindAmounts(std::string_view text) {
  // Compiled once per thread for this free function; the Extractor keeps its own recognizer.
  thread_local const AmountRecognizer recognizer;
  return recognizer.Find(text);
}

}  // namespace concord::extract
