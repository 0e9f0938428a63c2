// The money and percent grammar as RE2 syntax, built from the tables of amount_grammar.h; the
// parser (amount_parser.cc) mirrors it.

#include "extract/amount_grammar.h"

namespace concord::extract::amount_detail {

namespace {

// ---------------------------------------------------------------------------------------------
// The grammar, as RE2 syntax. Built from the tables; the Parser (amount_parser.cc) mirrors it.


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


}  // namespace

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


}  // namespace concord::extract::amount_detail
