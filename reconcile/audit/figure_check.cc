// The figure check reads numbers straight from the text instead of from mentions: summaries
// state figures in forms the recognizers do not take as money, dates or counts ("an
// 87-year-old", "the 70th anniversary", "a 76-71 defeat", "aged 37"), and an error in any of
// them is an error a reader sees. A summary is read strictly (a figure must count something)
// and a source loosely (anything that reads as that number), so that doubt falls on the side
// of "the source says it".

#include "reconcile/audit/figure_check.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>

namespace concord::reconcile {
namespace {

bool IsAsciiAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
// A byte of a word: ASCII letters and any UTF-8 byte ("Börse", "café").
bool IsWordByte(char c) { return IsAsciiAlpha(c) || static_cast<unsigned char>(c) >= 0x80; }

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct NumberWord {
  std::string_view word;
  double value;
};
constexpr std::array<NumberWord, 28> kNumberWords = {{
    {"zero", 0},      {"one", 1},        {"two", 2},       {"three", 3},     {"four", 4},     {"five", 5},
    {"six", 6},       {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},     {"eleven", 11},
    {"twelve", 12},   {"thirteen", 13},  {"fourteen", 14}, {"fifteen", 15},  {"sixteen", 16}, {"seventeen", 17},
    {"eighteen", 18}, {"nineteen", 19},  {"twenty", 20},   {"thirty", 30},   {"forty", 40},   {"fifty", 50},
    {"sixty", 60},    {"seventy", 70},   {"eighty", 80},   {"ninety", 90},
}};

// Ordinal words a source may write for a summary's "3rd" or "third": sources only.
constexpr std::array<NumberWord, 20> kOrdinalWords = {{
    {"first", 1},       {"second", 2},     {"third", 3},        {"fourth", 4},      {"fifth", 5},
    {"sixth", 6},       {"seventh", 7},    {"eighth", 8},       {"ninth", 9},       {"tenth", 10},
    {"eleventh", 11},   {"twelfth", 12},   {"thirteenth", 13},  {"fourteenth", 14}, {"fifteenth", 15},
    {"sixteenth", 16},  {"twentieth", 20}, {"thirtieth", 30},   {"fiftieth", 50},   {"hundredth", 100},
}};

// Words that stand for a number in a source: "a decade" is ten years, "a dozen" twelve.
constexpr std::array<NumberWord, 9> kQuantityWords = {{
    {"dozen", 12}, {"decade", 10}, {"century", 100}, {"twice", 2}, {"double", 2},
    {"pair", 2},   {"couple", 2},  {"fortnight", 2}, {"half", 0.5},
}};

struct Scale {
  std::string_view word;
  double value;
};
// Scale words after a number, attached ("260m", "1.2bn") or not ("1.2 million").
constexpr std::array<Scale, 6> kAttachedScales = {{{"bn", 1e9}, {"m", 1e6}, {"k", 1e3}, {"b", 1e9}, {"tn", 1e12}, {"mn", 1e6}}};
constexpr std::array<Scale, 7> kWordScales = {
    {{"hundred", 1e2}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}, {"mln", 1e6}, {"bln", 1e9}}};

constexpr std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                       "friday", "saturday", "sunday"};
// A day or period named from the published day: "next month", "last week", "yesterday".
constexpr std::array<std::string_view, 3> kRelativeDays = {"yesterday", "tomorrow", "tonight"};
// "this year" is left out: a summary says it of what an article dates only by its own day.
constexpr std::array<std::string_view, 2> kRelativeOpeners = {"next", "last"};
constexpr std::array<std::string_view, 9> kRelativeUnits = {"week", "month", "year", "weekend", "season",
                                                            "summer", "winter", "spring", "autumn"};

constexpr std::array<std::string_view, 11> kMonths = {"january", "february", "march",   "april",   "june",    "july",
                                                      "august",  "september", "october", "november", "december"};

// A number after one of these names something ("number eight", "division five", "league two",
// "formula one", "world war two", "page 5"): not a figure a summary states.
constexpr std::array<std::string_view, 22> kNamingWords = {
    "number", "no",     "division", "formula", "channel", "radio", "league",  "bbc",  "category", "level", "grade",
    "class",  "war",    "chapter",  "page",    "version", "series", "phase",  "apollo", "article", "model", "route"};

// Words that make a summary figure approximate.
constexpr std::array<std::string_view, 16> kHedges = {"about",   "around", "nearly", "almost", "roughly",  "approximately",
                                                      "some",    "over",   "than",   "under",  "up",       "least",
                                                      "estimated", "circa", "most",  "around"};

// Units a bare "one" must count to be a figure: "one-year contract", not "one of" or "one-day".
constexpr std::array<std::string_view, 11> kOneUnits = {"year",   "month",   "week", "hour",  "minute", "decade",
                                                        "century", "goal", "match", "game", "season"};

// Words after a number word that show it counts nothing ("one of", "two and a half").
constexpr std::array<std::string_view, 24> kNotCounted = {
    "of", "to", "and", "or", "in", "on", "at", "by", "for", "the", "a", "an", "who", "which", "that", "is",
    "was", "has", "had", "more", "less", "than", "another", "other"};

// Units a summary figure must share with the source figure that grounds it: "a two-year
// contract" is not grounded by "two goals" elsewhere in the article.
constexpr std::array<std::string_view, 11> kStrictUnits = {"year",   "month", "week", "day",   "hour", "minute",
                                                           "decade", "match", "man",  "round", "set"};

template <typename List>
bool Contains(const List& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

template <typename List>
std::optional<double> ValueOf(const List& list, std::string_view word) {
  for (const auto& entry : list) {
    if (entry.word == word) return entry.value;
  }
  return std::nullopt;
}

// The word starting at `at` (letters only), lowercased; empty if none.
std::string WordAt(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && IsWordByte(text[end])) ++end;
  return Lower(text.substr(at, end - at));
}

// The word ending just before `end` (skipping spaces), lowercased.
std::string WordBefore(std::string_view text, std::size_t end) {
  while (end > 0 && text[end - 1] == ' ') --end;
  std::size_t begin = end;
  while (begin > 0 && IsWordByte(text[begin - 1])) --begin;
  return Lower(text.substr(begin, end - begin));
}

std::string Singular(std::string word) {
  if (word.size() > 3 && word.ends_with("ies")) return word.substr(0, word.size() - 3) + "y";
  if (word.size() > 2 && word.back() == 's' && !word.ends_with("ss")) word.pop_back();
  return word;
}

// The unit after a figure ending at `at`: "%", "per cent", or the next word past a space or
// hyphen ("87-year-old" → "year"); a scale word is skipped ("2 million people" → "people").
std::string UnitAfter(std::string_view text, std::size_t at) {
  if (at < text.size() && text[at] == '%') return "%";
  while (at < text.size() && (text[at] == ' ' || text[at] == '-')) ++at;
  std::string word = WordAt(text, at);
  if (word == "per" && WordAt(text, at + 4) == "cent") return "%";
  if (word == "percent") return "%";
  return Singular(word);
}

bool HedgedBefore(std::string_view text, std::size_t begin) {
  std::size_t at = begin;
  while (at > 0 && !IsWordByte(text[at - 1]) && !IsDigit(text[at - 1]) && begin - at < 4) --at;
  return Contains(kHedges, WordBefore(text, at));
}

// After the digits at `at`: a scale or percent word, or "%" ("98. 7 per cent").
bool SpacedDecimalUnitAfter(std::string_view text, std::size_t at) {
  std::size_t i = at;
  while (i < text.size() && i - at < 3 && IsDigit(text[i])) ++i;
  if (i < text.size() && IsDigit(text[i])) return false;
  while (i < text.size() && text[i] == ' ') ++i;
  for (std::string_view unit : {"%", "per cent", "percent", "pct", "million", "billion", "trillion", "m ", "bn"}) {
    if (text.substr(i, unit.size()) == unit) return true;
  }
  return false;
}

// Reads a number written in digits at `at` ("1,234.5", "70th", "260m", "1.2 million");
// `end` is set past it. Nothing when digits are part of a name ("A55", "Covid-19", "4G").
std::optional<WrittenFigure> DigitsAt(std::string_view text, std::size_t at, std::size_t& end) {
  std::size_t i = at;
  std::string digits;
  int decimals = -1;  // digits after the point, -1 when there is no point
  while (i < text.size()) {
    char c = text[i];
    if (IsDigit(c)) {
      digits.push_back(c);
      if (decimals >= 0) ++decimals;
      ++i;
    } else if (c == ',' && i + 3 < text.size() && IsDigit(text[i + 1]) && IsDigit(text[i + 2]) &&
               IsDigit(text[i + 3]) && (i + 4 >= text.size() || !IsDigit(text[i + 4]))) {
      ++i;  // a thousands separator: exactly three digits follow
    } else if (c == ',' && i + 4 < text.size() && text[i + 1] == ' ' && IsDigit(text[i + 2]) &&
               IsDigit(text[i + 3]) && IsDigit(text[i + 4]) &&
               (i + 5 >= text.size() || !IsDigit(text[i + 5])) && decimals < 0) {
      i += 2;  // tokenized text (CNN/DailyMail): "13, 000", "53, 193, 914"
    } else if (c == '.' && decimals < 0 && i + 1 < text.size() && IsDigit(text[i + 1])) {
      decimals = 0;
      digits.push_back('.');
      ++i;
    } else if (c == '.' && decimals < 0 && digits.size() <= 3 && i + 2 < text.size() &&
               text[i + 1] == ' ' && IsDigit(text[i + 2]) && SpacedDecimalUnitAfter(text, i + 2)) {
      decimals = 0;  // tokenized text: "98. 7 per cent", "2. 5 million"
      digits.push_back('.');
      i += 2;
    } else {
      break;
    }
  }
  end = i;
  // Part of a name or a code: a letter or a letter-hyphen before it, a time ("12:48").
  // (ASCII letters only: "£40m" and "€5bn" put a UTF-8 symbol there.)
  if (at > 0 && IsAsciiAlpha(text[at - 1])) return std::nullopt;
  if (at > 1 && text[at - 1] == '-' && IsAsciiAlpha(text[at - 2])) {
    static constexpr std::array<std::string_view, 6> kTimePrefixes = {"mid", "pre", "post", "early", "late", "end"};
    if (!Contains(kTimePrefixes, WordBefore(text, at - 1))) return std::nullopt;
  }
  if (i < text.size() && text[i] == ':' && i + 1 < text.size() && IsDigit(text[i + 1])) return std::nullopt;
  if (at > 0 && text[at - 1] == ':') return std::nullopt;
  WrittenFigure figure;
  figure.span = {at, i};
  figure.value = std::strtod(digits.c_str(), nullptr);
  figure.scaled = figure.value;
  if (decimals > 0) {
    figure.step = std::pow(10.0, -decimals);
  } else {
    // "13,000" may be rounded to the thousand; "87", "40" and "260" are exact.
    constexpr std::size_t kRoundedFromDigits = 4;
    int zeros = 0;
    if (digits.size() >= kRoundedFromDigits) {
      for (auto it = digits.rbegin(); it != digits.rend() && *it == '0' && zeros + 1 < static_cast<int>(digits.size()); ++it) ++zeros;
    }
    figure.step = std::pow(10.0, zeros);
  }
  std::string attached = WordAt(text, i);
  if (!attached.empty()) {
    if (attached == "st" || attached == "nd" || attached == "rd" || attached == "th" || attached == "s") {
      end = i + attached.size();  // "70th", "1990s"
    } else if (auto scale = ValueOf(kAttachedScales, attached)) {
      end = i + attached.size();
      figure.scaled = figure.value * *scale;
      figure.step *= *scale;
    } else if (attached == "am" || attached == "pm") {
      return std::nullopt;  // a clock time
    } else {
      return std::nullopt;  // "4G", "3D", "10x": a name or a code
    }
  } else if (i < text.size() && text[i] == ' ') {
    if (auto scale = ValueOf(kWordScales, WordAt(text, i + 1))) {
      end = i + 1 + WordAt(text, i + 1).size();
      figure.scaled = figure.value * *scale;
      figure.step *= *scale;
    }
  }
  figure.span.end = end;
  figure.unit = UnitAfter(text, end);
  return figure;
}

// Reads a number written in words at `at` ("twenty-five", "six", "two hundred", "three
// million"). Nothing when the word is not a number word.
std::optional<WrittenFigure> WordsAt(std::string_view text, std::size_t at, std::size_t& end) {
  std::string word = WordAt(text, at);
  auto first = ValueOf(kNumberWords, word);
  if (!first) return std::nullopt;
  double value = *first;
  std::size_t i = at + word.size();
  // "twenty-five", "twenty five"
  if (value >= 20 && i + 1 < text.size() && (text[i] == '-' || text[i] == ' ')) {
    auto ones = ValueOf(kNumberWords, WordAt(text, i + 1));
    if (ones && *ones < 10) {
      value += *ones;
      i += 1 + WordAt(text, i + 1).size();
    }
  }
  WrittenFigure figure;
  figure.value = value;
  figure.scaled = value;
  if (i < text.size() && text[i] == ' ') {
    if (auto scale = ValueOf(kWordScales, WordAt(text, i + 1))) {
      i += 1 + WordAt(text, i + 1).size();
      figure.scaled = value * *scale;
      figure.step = *scale;
    }
  }
  figure.span = {at, i};
  end = i;
  figure.unit = UnitAfter(text, i);
  return figure;
}

// Every figure of `text`; `strict` keeps only what a summary states as a figure.
std::vector<WrittenFigure> Figures(std::string_view text, bool strict) {
  std::vector<WrittenFigure> figures;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    bool word_start = i == 0 || !IsWordByte(text[i - 1]);
    if (IsDigit(c) && (i == 0 || !IsDigit(text[i - 1]))) {
      std::size_t end = i + 1;
      auto figure = DigitsAt(text, i, end);
      if (!figure) {
        // A code or a version ("v5.7.0", "A55", "4G"): skip the whole of it.
        while (end < text.size() && (IsWordByte(text[end]) || IsDigit(text[end]) || text[end] == '.' ||
                                     text[end] == '-' || text[end] == '_')) {
          if (text[end] == '.' && (end + 1 >= text.size() || !IsDigit(text[end + 1]))) break;
          ++end;
        }
      }
      if (figure) {
        std::string before = WordBefore(text, i);
        if (!strict || !Contains(kNamingWords, before)) {
          figure->hedged = HedgedBefore(text, i);
          if (before == "aged" || before == "age" || (before == "of" && WordBefore(text, i - 3) == "age")) {
            figure->unit = "year";
          }
          figures.push_back(*figure);
        }
      }
      i = std::max(end, i + 1);
      continue;
    }
    if (!IsWordByte(c) || !word_start) {
      ++i;
      continue;
    }
    std::string word = WordAt(text, i);
    std::size_t after = i + word.size();
    if (Contains(kWeekdays, word) || Contains(kMonths, word)) {
      WrittenFigure figure;
      figure.kind = Contains(kWeekdays, word) ? WrittenFigure::Kind::kWeekday : WrittenFigure::Kind::kMonth;
      figure.span = {i, after};
      figure.word = word;
      figures.push_back(figure);
      i = after;
      continue;
    }
    if (Contains(kRelativeDays, word) ||
        (Contains(kRelativeOpeners, word) && after < text.size() && text[after] == ' ' &&
         Contains(kRelativeUnits, WordAt(text, after + 1)))) {
      WrittenFigure figure;
      figure.kind = WrittenFigure::Kind::kRelative;
      std::size_t end = Contains(kRelativeDays, word) ? after : after + 1 + WordAt(text, after + 1).size();
      figure.span = {i, end};
      figure.word = Lower(text.substr(i, end - i));
      figures.push_back(figure);
      i = end;
      continue;
    }
    std::size_t end = after;
    if (auto figure = WordsAt(text, i, end)) {
      std::string before = WordBefore(text, i);
      bool keep = true;
      if (strict) {
        // "the two said", "the three companies": parties named before, not a figure.
        keep = !Contains(kNamingWords, before) && before != "the" && !figure->unit.empty() &&
               !Contains(kNotCounted, figure->unit) &&
               (figure->value != 1 || Contains(kOneUnits, figure->unit));
      }
      if (keep) {
        figure->hedged = HedgedBefore(text, i);
        if (before == "aged" || before == "age") figure->unit = "year";
        figures.push_back(*figure);
      }
      i = std::max(end, after);
      continue;
    }
    if (strict) {
      // An ordinal word ranks something ("his third title", "the second round", "the
      // fifth-largest bank"): a figure of the summary. "First" is left out: it stands in too
      // many phrases ("for the first time") to be a rank a source must write.
      auto value = ValueOf(kOrdinalWords, word);
      if (value && *value >= 2 && !Contains(kNamingWords, WordBefore(text, i))) {
        WrittenFigure figure;
        figure.span = {i, after};
        figure.value = figure.scaled = *value;
        figure.unit = UnitAfter(text, after);
        figures.push_back(figure);
      }
    } else {
      auto value = ValueOf(kOrdinalWords, word);
      if (!value) value = ValueOf(kQuantityWords, Singular(word));
      if (value) {
        WrittenFigure figure;
        figure.span = {i, after};
        figure.value = figure.scaled = *value;
        figure.unit = UnitAfter(text, after);
        figures.push_back(figure);
      }
      // A half is six months and a quarter three: "the first half" grounds "the first six months".
      if (word == "half" || word == "quarter") {
        WrittenFigure months;
        months.span = {i, after};
        months.value = months.scaled = word == "half" ? 6 : 3;
        months.unit = "month";
        figures.push_back(months);
      }
    }
    i = after;
  }
  return figures;
}

bool Near(double summary, double step, bool hedged, double source) {
  double tolerance = std::max(step / 2, std::fabs(summary) * 1e-9);
  if (std::fabs(summary - source) <= tolerance) return true;
  // Written rounded down ("more than 3,000" for 3,012) or hedged: within a tenth.
  if (hedged && std::fabs(summary - source) <= std::fabs(summary) * 0.1) return true;
  return summary <= source && source < summary + step;
}

bool Grounded(const WrittenFigure& figure, const std::vector<WrittenFigure>& written) {
  for (const WrittenFigure& source : written) {
    if (figure.kind != WrittenFigure::Kind::kNumber) {
      if (source.kind == figure.kind && source.word == figure.word) return true;
      continue;
    }
    if (source.kind != WrittenFigure::Kind::kNumber) continue;
    // A source figure that counts nothing in particular (", 25,", "at 94", "over 60") may be
    // the summary's age or span; one that counts something else may not.
    bool loose = source.unit.empty() || Contains(kNotCounted, source.unit);
    if (Contains(kStrictUnits, figure.unit) && source.unit != figure.unit && !loose) continue;
    double unscaled_step = figure.scaled != 0 && figure.value != 0 ? figure.step * figure.value / figure.scaled : figure.step;
    if (Near(figure.scaled, figure.step, figure.hedged, source.scaled)) return true;
    if (Near(figure.value, unscaled_step, figure.hedged, source.value)) return true;
  }
  return false;
}

// The sentence around byte `at`: from after the last ". " before it to the next one.
std::string_view SentenceAt(std::string_view text, std::size_t at) {
  std::size_t begin = text.rfind(". ", at);
  begin = begin == std::string_view::npos ? 0 : begin + 2;
  std::size_t end = text.find(". ", at);
  if (end == std::string_view::npos) end = text.size();
  return text.substr(begin, end - begin);
}

// Words that say nothing of what a sentence is about, cut like StemsOf cuts.
constexpr std::array<std::string_view, 24> kEmptyStems = {
    "after", "befor", "being", "have",  "been",  "with",  "from", "that", "this",  "were",  "which", "their",
    "when",  "said",  "will",  "would", "also",  "than",  "into", "year", "there", "about", "while", "since"};

// The content words of a sentence, lowercased and cut to five letters ("kidnapped" and
// "kidnapping" meet in "kidna"), without month or weekday names.
std::set<std::string> StemsOf(std::string_view sentence) {
  constexpr std::size_t kMinWord = 4, kStem = 5;
  std::set<std::string> stems;
  std::size_t i = 0;
  while (i < sentence.size()) {
    if (!IsAsciiAlpha(sentence[i])) {
      ++i;
      continue;
    }
    const std::string word = WordAt(sentence, i);
    i += std::max<std::size_t>(word.size(), 1);
    if (word.size() < kMinWord || Contains(kMonths, word) || Contains(kWeekdays, word) || word == "may") continue;
    const std::string stem = word.substr(0, kStem);
    if (!Contains(kEmptyStems, stem)) stems.insert(stem);
  }
  return stems;
}

std::size_t Shared(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::size_t shared = 0;
  for (const std::string& stem : a) shared += b.count(stem);
  return shared;
}

bool IsYear(const WrittenFigure& figure) {
  constexpr double kFirstYear = 1800, kLastYear = 2100;
  return figure.kind == WrittenFigure::Kind::kNumber && figure.scaled == figure.value && figure.step == 1 &&
         figure.value >= kFirstYear && figure.value <= kLastYear && figure.value == std::floor(figure.value) &&
         figure.unit != "%";
}

// A year the sources write only in sentences about other things, while a sentence about
// what the summary's sentence is about gives another year: "kidnapped in 2013" where the
// sources have the kidnapping in 2011 and 2013 for something else. Returns that other year.
std::optional<double> YearOfOtherEvent(std::string_view summary, const WrittenFigure& figure,
                                       const std::vector<SourceFigures>& sources) {
  if (!IsYear(figure)) return std::nullopt;
  // The year a source is published in is the year of its "on Monday": a summary dates that
  // day with it, whatever else the source writes 2026 of.
  for (const SourceFigures& source : sources) {
    if (source.published.size() >= 4 && std::atoi(source.published.substr(0, 4).c_str()) == static_cast<int>(figure.value)) {
      return std::nullopt;
    }
  }
  constexpr std::size_t kMinShared = 2;  // the other sentence must be about the same thing
  const std::set<std::string> about = StemsOf(SentenceAt(summary, figure.span.begin));
  std::optional<double> other;
  std::size_t other_shared = kMinShared - 1;
  bool written = false;  // a year only a resolved date gives ("on Tuesday") has no sentence to weigh
  for (const SourceFigures& from : sources) {
    const std::string_view text = from.text;
    for (const WrittenFigure& source : FiguresWritten(text)) {
      if (!IsYear(source)) continue;
      const std::size_t shared = Shared(about, StemsOf(SentenceAt(text, source.span.begin)));
      if (source.value == figure.value) {
        if (shared > 0) return std::nullopt;  // the year, in a sentence about something alike
        written = true;
      } else if (shared > other_shared) {
        other = source.value;
        other_shared = shared;
      }
    }
  }
  return written ? other : std::nullopt;
}

std::string Describe(const WrittenFigure& figure) {
  if (figure.kind != WrittenFigure::Kind::kNumber) return figure.word;
  char number[64];
  std::snprintf(number, sizeof number, "%.15g", figure.scaled);
  std::string text = number;
  if (!figure.unit.empty()) text += " (" + figure.unit + ")";
  return text;
}

WrittenFigure NumberFigure(double value, std::string unit = "") {
  WrittenFigure figure;
  figure.value = figure.scaled = value;
  figure.unit = std::move(unit);
  return figure;
}

// The figures a resolved ISO date stands for: its year, its month's name, its day and
// weekday when the date is a day.
void AddDateFigures(const std::string& iso, extract::Precision precision, std::vector<WrittenFigure>& written) {
  int year = 0, month = 0, day = 0;
  if (iso.size() < 10 || std::sscanf(iso.c_str(), "%d-%d-%d", &year, &month, &day) != 3) return;
  if (month < 1 || month > 12) return;
  written.push_back(NumberFigure(year));
  if (precision == extract::Precision::kYear || precision == extract::Precision::kDecade) return;
  static constexpr std::array<std::string_view, 12> kMonthNames = {"january", "february", "march",     "april",
                                                                   "may",     "june",     "july",      "august",
                                                                   "september", "october", "november", "december"};
  WrittenFigure month_figure;
  month_figure.kind = WrittenFigure::Kind::kMonth;
  month_figure.word = kMonthNames[month - 1];
  written.push_back(month_figure);
  if (precision != extract::Precision::kDay) return;
  written.push_back(NumberFigure(day));
  // Days since 1970-01-01 (Howard Hinnant's days_from_civil), then the weekday.
  int y = year - (month <= 2 ? 1 : 0);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  long days = static_cast<long>(era) * 146097 + doe - 719468;
  int weekday = static_cast<int>(((days % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday: 0 = Monday
  WrittenFigure weekday_figure;
  weekday_figure.kind = WrittenFigure::Kind::kWeekday;
  weekday_figure.word = kWeekdays[weekday];
  written.push_back(weekday_figure);
}

}  // namespace

std::vector<WrittenFigure> FiguresStated(std::string_view text) { return Figures(text, true); }

std::vector<WrittenFigure> FiguresWritten(std::string_view text) { return Figures(text, false); }

std::vector<UngroundedFigure> UngroundedFigures(std::string_view summary, const std::vector<SourceFigures>& sources) {
  std::vector<WrittenFigure> written;
  for (const SourceFigures& source : sources) {
    std::vector<WrittenFigure> figures = FiguresWritten(source.text);
    written.insert(written.end(), figures.begin(), figures.end());
    for (const extract::DateValue& date : source.dates) {
      AddDateFigures(date.start, date.precision, written);
      if (date.end != date.start) AddDateFigures(date.end, date.precision, written);
    }
  }
  std::vector<UngroundedFigure> ungrounded;
  for (const WrittenFigure& figure : FiguresStated(summary)) {
    std::string detail;
    if (!Grounded(figure, written)) {
      detail = "no source states " + Describe(figure);
    } else if (auto other = YearOfOtherEvent(summary, figure, sources)) {
      detail = "the sources write " + Describe(figure) + " only in sentences about other things; the one most like " +
               "this gives " + Describe(NumberFigure(*other));
    } else {
      continue;
    }
    UngroundedFigure item;
    item.figure = figure;
    item.text = std::string(summary.substr(figure.span.begin, figure.span.end - figure.span.begin));
    item.detail = std::move(detail);
    ungrounded.push_back(std::move(item));
  }
  return ungrounded;
}

}  // namespace concord::reconcile
