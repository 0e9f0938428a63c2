// The summary audit, support lookup: a figure the recognizers missed in a source, looked up in
// the source texts by its digits or words in a sentence about the same thing.

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>

#include "reconcile/audit/audit_internal.h"
#include "reconcile/audit/figure_check.h"

namespace concord::reconcile::audit_internal {

std::string Lowered(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lowered;
}

// The sentence holding byte `at`: from after the previous ". " to its own full stop.
extract::Span SentenceAround(std::string_view text, std::size_t at) {
  std::size_t begin = text.rfind(". ", at);
  begin = begin == std::string::npos ? 0 : begin + 2;
  std::size_t end = text.find(". ", at);
  end = end == std::string::npos ? text.size() : end + 1;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return {begin, end};
}

// The content words of a text, lowercased and cut to a stem, as a clause without a joint.
ConditionClause WordsOf(std::string_view text) {
  ConditionClause clause;
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))) : ' ';
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += c;
      continue;
    }
    if (word.size() >= kMinWordLength) clause.words.insert(word.substr(0, kStemLength));
    word.clear();
  }
  return clause;
}

int SharedWords(const ConditionClause& a, const ConditionClause& b) {
  int shared = 0;
  for (const std::string& word : a.words) shared += static_cast<int>(b.words.count(word));
  return shared;
}

// Whether a source writes the count's number in a sentence about the same thing, where
// the recognizer took no count from it ("the 25-year life", "900 electric charging points"):
// the figure is in the sources, and a count the recognizer missed is no slip of the summary.
// Small counts as words ("a six-year deal"), by value.
constexpr std::string_view kNumberWords[] = {"zero",    "one",     "two",       "three",    "four",
                                             "five",    "six",     "seven",     "eight",    "nine",
                                             "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                             "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                                             "twenty"};
// From two: "one" stands in too many phrases ("one of its plants") to say a count is there.
constexpr std::size_t kFirstCountWord = 2;

bool CountWrittenInSources(const ClaimRow& summary, const std::vector<std::string>& source_texts) {
  if (summary.value_kind != "count" || summary.low != summary.high || summary.low != std::floor(summary.low)) return false;
  // "1400", "1,400", and "six" for 6.
  const std::string digits = std::to_string(static_cast<long long>(summary.low));
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  std::vector<std::string> spellings = {digits, grouped};
  if (summary.low >= kFirstCountWord && summary.low < static_cast<double>(std::size(kNumberWords))) {
    spellings.emplace_back(kNumberWords[static_cast<std::size_t>(summary.low)]);
  }
  const ConditionClause summary_words = WordsOf(summary.quote);
  for (const std::string& original : source_texts) {
    const std::string text = Lowered(original);  // same offsets: "Six-year" at a sentence start
    for (const std::string& number : spellings) {
      for (std::size_t at = text.find(number); at != std::string::npos; at = text.find(number, at + 1)) {
        const std::size_t end = at + number.size();
        const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
        const bool ends = end == text.size() || text[end] == ' ' || text[end] == '-';
        if (!starts || !ends) continue;
        const extract::Span sentence = SentenceAround(text, at);
        const std::string_view words = std::string_view(text).substr(sentence.begin, sentence.end - sentence.begin);
        if (SharedWords(WordsOf(words), summary_words) >= kMinSharedConditionWords) return true;
      }
    }
  }
  return false;
}

namespace {

// Scale words after a written number ("2.3 billion", "£40m", "US$1.2bn").
struct ScaleWord {
  std::string_view word;
  double factor;
};

constexpr ScaleWord kScaleWords[] = {{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
                                     {"k", 1e3},        {"m", 1e6},       {"mn", 1e6},      {"mln", 1e6},
                                     {"bn", 1e9},       {"b", 1e9},       {"tn", 1e12}};

}  // namespace

// The numbers a sentence writes, each times the scale word after it: "between 1.60 billion
// and 1.65 billion dollars" gives 1.6e9 and 1.65e9, "a 2.3 billion pound contract" 2.3e9.
std::vector<WrittenNumber> NumbersWritten(std::string_view sentence) {
  std::vector<WrittenNumber> numbers;
  auto digit = [&](std::size_t i) {
    return i < sentence.size() && std::isdigit(static_cast<unsigned char>(sentence[i]));
  };
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    if (!digit(i) || (i > 0 && (std::isalnum(static_cast<unsigned char>(sentence[i - 1])) || sentence[i - 1] == '.' ||
                                sentence[i - 1] == ','))) {
      continue;
    }
    std::string number;
    std::size_t end = i;
    while (digit(end) || ((sentence[end] == ',' || sentence[end] == '.') && digit(end + 1))) {
      if (sentence[end] != ',') number += sentence[end];
      ++end;
    }
    std::size_t word_begin = end;
    if (word_begin < sentence.size() && (sentence[word_begin] == ' ' || sentence[word_begin] == '-')) ++word_begin;
    std::size_t word_end = word_begin;
    while (word_end < sentence.size() && std::isalpha(static_cast<unsigned char>(sentence[word_end]))) ++word_end;
    const std::string word = Lowered(sentence.substr(word_begin, word_end - word_begin));
    double factor = 1;
    for (const ScaleWord& scale : kScaleWords) {
      // A one-letter scale is glued to its number ("£40m"); "5 m" is more likely metres.
      if (word == scale.word && (scale.word.size() > 1 || word_begin == end)) factor = scale.factor;
    }
    numbers.push_back({std::stod(number) * factor, i});
    i = end;
  }
  // Small counts written as words ("as much as five more years").
  const std::string lowered = Lowered(sentence);
  for (std::size_t value = kFirstCountWord; value < std::size(kNumberWords); ++value) {
    const std::string_view word = kNumberWords[value];
    for (std::size_t at = lowered.find(word); at != std::string::npos; at = lowered.find(word, at + 1)) {
      const std::size_t end = at + word.size();
      const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(lowered[at - 1]));
      const bool ends = end == lowered.size() || !std::isalpha(static_cast<unsigned char>(lowered[end]));
      if (starts && ends) numbers.push_back({static_cast<double>(value), at});
    }
  }
  return numbers;
}

// Whether a source writes a summary's money figure (both ends of a range), or both ends of a
// percent range, in a sentence about the same thing where the recognizer took no such
// figure: "between 1.60 billion and 1.65 billion dollars" gives only its second bound a
// currency, "a 2.3 billion pound contract" none, and "up from 6 to 8 per cent" reads as a
// change. A figure the sources state in another currency is not this; a single percent is
// too short a number to find by its digits alone.
bool FigureWrittenInSources(const ClaimRow& summary, const std::vector<const ClaimRow*>& sources,
                            const std::vector<std::string>& source_texts) {
  const bool percent_range = summary.value_kind == "percent" && summary.low != summary.high;
  if (summary.value_kind != "money" && !percent_range) return false;
  constexpr double kTolerance = 1e-9;
  auto same = [&](double a, double b) { return NearlyEqual(a, b, kTolerance); };
  const bool other_currency = std::any_of(sources.begin(), sources.end(), [&](const ClaimRow* source) {
    return source->value_kind == "money" && source->currency != summary.currency &&
           (same(source->low, summary.low) || same(source->high, summary.high));
  });
  if (other_currency) return false;
  const ConditionClause summary_words = WordsOf(summary.quote);
  for (const std::string& text : source_texts) {
    for (std::size_t at = 0; at < text.size();) {
      const extract::Span sentence = SentenceAround(text, at);
      const std::string_view words = std::string_view(text).substr(sentence.begin, sentence.end - sentence.begin);
      at = std::max(sentence.end + 1, at + 1);
      const std::vector<WrittenNumber> numbers = NumbersWritten(words);
      auto written = [&](double value) {
        return std::any_of(numbers.begin(), numbers.end(),
                           [&](const WrittenNumber& number) { return same(number.value, value); });
      };
      if (written(summary.low) && written(summary.high) &&
          SharedWords(WordsOf(words), summary_words) >= kMinSharedConditionWords) {
        return true;
      }
    }
  }
  return false;
}

bool WithinWrittenRounding(const ClaimRow& summary, const ClaimRow& source) {
  if (source.value_kind != summary.value_kind || source.currency != summary.currency || summary.low != summary.high ||
      source.low != source.high) {
    return false;
  }
  constexpr double kTolerance = 1e-9;
  for (const WrittenFigure& figure : FiguresStated(summary.quote)) {
    if (figure.kind != WrittenFigure::Kind::kNumber || !NearlyEqual(figure.scaled, summary.low, kTolerance)) continue;
    // Rounded to the nearest step, or cut down to it, as headlines and summaries write.
    const double value = figure.scaled, step = figure.step;
    if (step <= 0) continue;
    if (std::fabs(source.low - value) <= step / 2 * (1 + kTolerance) || (value <= source.low && source.low < value + step)) {
      return true;
    }
  }
  return false;
}

}  // namespace concord::reconcile::audit_internal
