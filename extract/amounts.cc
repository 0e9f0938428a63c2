// Money and percent recognizer.
//
// How it works. One RE2, "the grammar" (BuildGrammar, amount_grammar.cc), is compiled from the
// constexpr tables of amount_grammar.h. Find() runs it as an unanchored search from the current position, asking
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

#include "extract/amount_grammar.h"

namespace concord::extract {
namespace {

using namespace amount_detail;  // NOLINT(google-build-using-namespace): the recognizer's own internals

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
      NumberAt(text, pos, std::min(text.size(), pos + kLookahead), &value);
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

using amount_detail::BuildGrammar;
using amount_detail::kGrammarMemory;

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
    const std::optional<Parsed> parsed = ParseMatch(text, begin, end);
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
