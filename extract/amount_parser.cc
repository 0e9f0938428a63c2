// Values (exact decimals) and the parser that names the parts of one grammar match.

#include "extract/amount_grammar.h"

#include <charconv>
#include <system_error>

namespace concord::extract::amount_detail {

namespace {

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


}  // namespace

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

std::optional<Parsed> ParseMatch(std::string_view text, std::size_t begin, std::size_t end) {
  return Parser(text, begin, end).Parse();
}

std::size_t NumberAt(std::string_view text, std::size_t pos, std::size_t end, Decimal* value) {
  return Parser(text, pos, end).NumberAt(pos, value);
}

}  // namespace concord::extract::amount_detail
