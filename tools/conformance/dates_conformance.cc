// concord_conformance_dates: runs Concord's date recognizer and resolver (the whole extract +
// normalize pipeline, as `concord extract` does) on the English DateTime cases of Microsoft
// Recognizers-Text (converted to JSON lines in ../shared/conformance/recognizers-text) and
// prints pass rates per expression type and every failure. The in-scope rule and how a case
// passes are in DATES.md next to this file; the rule is coded in Scope() below.
//
// usage: concord_conformance_dates DIR [--min R] [--quiet] [--data ROOT]
//        concord_conformance_dates --time CORPUS [--published DATE]   (speed, see TimeFolder)
// Exit codes: 0 in-scope pass rate at or above R; 1 below; 2 usage error or a bad case file;
// 77 DIR is missing (ctest reports the test as skipped).

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/corpus.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

namespace {

namespace fs = std::filesystem;
using concord::extract::Boundary;
using concord::extract::Mention;
using concord::extract::MentionKind;
using concord::extract::Precision;
using nlohmann::json;

constexpr int kExitBelowTarget = 1;
constexpr int kExitUsage = 2;
constexpr int kExitSkipped = 77;  // ctest SKIP_RETURN_CODE

// The model specs run with the recognizer's default options. The other files hold the same
// sentences under options that change the answer by design (calendar mode, tasks mode, …)
// or a day-first culture; they are counted, not scored (DATES.md).
constexpr std::string_view kScoredFiles[] = {"datetime.jsonl", "datetime_experimentalmode.jsonl"};

constexpr std::int64_t kSecondsPerDay = 86400;

struct Expected {
  std::size_t start = 0;  // code points
  std::size_t end = 0;    // exclusive
  std::string span;
  std::string kind;
  json values;  // resolution.values: alternative readings
};

struct Found {
  std::size_t start = 0;  // code points
  std::size_t end = 0;
  std::string text;
  const Mention* mention = nullptr;
};

struct Tally {
  int in_scope = 0;
  int passed = 0;
};

// Code points before byte `offset` of UTF-8 `text`.
std::size_t CodePoints(std::string_view text, std::size_t offset) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  return count;
}

std::string Lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// Whole-word test on a lower-cased span.
bool HasWord(std::string_view text, std::string_view word) {
  auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  for (std::size_t at = text.find(word); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    const bool left = at == 0 || !is_letter(text[at - 1]);
    const std::size_t after = at + word.size();
    const bool right = after >= text.size() || !is_letter(text[after]);
    if (left && right) return true;
  }
  return false;
}

template <std::size_t N>
bool HasAnyWord(std::string_view text, const std::string_view (&words)[N]) {
  return std::any_of(std::begin(words), std::end(words),
                     [&](std::string_view w) { return HasWord(text, w); });
}

constexpr std::string_view kMonthWords[] = {
    "january",   "february", "march",    "april",    "may",  "june", "july", "august",
    "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
    "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};

// Number words that write a day of the month or a year ("may twenty nine", "second of aug",
// "nineteen ninety"); counts such as "two months ago" are not spoken dates.
constexpr std::string_view kSpokenNumberWords[] = {
    "one",       "two",       "three",     "four",     "five",     "six",         "seven",
    "eight",     "nine",      "ten",       "eleven",   "twelve",   "thirteen",    "fourteen",
    "fifteen",   "sixteen",   "seventeen", "eighteen", "nineteen", "twenty",      "thirty",
    "first",     "second",    "third",     "fourth",   "fifth",    "sixth",       "seventh",
    "eighth",    "ninth",     "tenth",     "eleventh", "twelfth",  "thirteenth",  "fifteenth",
    "twentieth", "thirtieth", "hundred",   "thousand", "eleventh", "twenty-first"};

constexpr std::string_view kUnitWords[] = {"day",     "days",     "week",   "weeks",
                                           "month",   "months",   "year",   "years",
                                           "quarter", "quarters", "decade", "decades"};

// Conversational and scheduling forms that news prose does not use to date a claim.
constexpr std::string_view kConversationalWords[] = {
    "weekend",  "weekends",  "eoy",          "eom",       "eow",     "same",
    "that",     "coming",    "upcoming",     "fortnight", "holiday", "holidays",
    "semester", "christmas", "thanksgiving", "tmrw"};

// Holidays and named days: a calendar of feasts is not a date grammar.
constexpr std::string_view kHolidayWords[] = {
    "easter",   "christmas", "xmas",   "thanksgiving", "independence", "halloween", "valentine",
    "patrick",  "saint",     "st",     "memorial",     "labor",        "labour",    "mother's",
    "father's", "earth",     "black",  "cyber",        "boxing",       "new year",  "otd",
    "lunar",    "ramadan",   "diwali", "hanukkah",     "workers'",     "eid"};

constexpr std::string_view kSeasonWords[] = {"spring", "summer", "fall", "autumn", "winter"};

bool NonProseNumeric(std::string_view span) {
  auto letter = [](char c) { return c >= 'a' && c <= 'z'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  int run = 0;
  int longest = 0;
  for (std::size_t i = 0; i < span.size(); ++i) {
    run = digit(span[i]) ? run + 1 : 0;
    longest = std::max(longest, run);
    if (i == 0 || i + 1 >= span.size()) continue;
    const char c = span[i];
    if (c != '-' && c != '/') continue;
    if ((letter(span[i - 1]) && digit(span[i + 1])) ||
        (digit(span[i - 1]) && letter(span[i + 1]))) {
      return true;
    }
  }
  constexpr int kCompactDigits = 8;
  if (longest >= kCompactDigits) return true;
  // d/d/yy: two slashes and two digits after the last one.
  const std::size_t first = span.find('/');
  const std::size_t last = span.rfind('/');
  if (first != std::string_view::npos && last != first) {
    std::size_t digits = 0;
    while (last + 1 + digits < span.size() && digit(span[last + 1 + digits])) ++digits;
    if (digits == 2) return true;
  }
  // "2016 10 16": three numbers separated by spaces only.
  int numbers = 0;
  bool other = false;
  for (std::size_t i = 0; i < span.size(); ++i) {
    if (digit(span[i]) && (i == 0 || !digit(span[i - 1]))) ++numbers;
    if (!digit(span[i]) && span[i] != ' ') other = true;
  }
  if (numbers == 3 && !other) return true;
  // A month abbreviation glued to its day ("dec31", "mar3"), or a count glued to a unit
  // letter ("10d", "3y", "2w"): chat and form shorthand.
  for (std::string_view month :
       {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}) {
    if (span.substr(0, 3) == month && span.size() > 3 && digit(span[3])) return true;
  }
  const std::size_t unit = span.find_first_not_of("0123456789");
  return unit != 0 && unit != std::string_view::npos && unit + 1 == span.size() &&
         (span[unit] == 'd' || span[unit] == 'w' || span[unit] == 'm' || span[unit] == 'y');
}

// Why a case is outside the news-prose date scope, or empty when it is in scope.
std::string Scope(const json& record, const std::vector<Expected>& expected) {
  if (!record.value("dotnet_supported", true)) return "not supported by the reference";
  if (!record.at("reference").is_string()) return "no reference time";
  for (const Expected& e : expected) {
    if (e.kind != "date" && e.kind != "daterange" && e.kind != "duration") {
      if (e.kind == "set") return "recurring set";
      return "time of day, date-time or time zone";
    }
    const std::string span = Lower(e.span);
    for (const json& value : e.values) {
      const std::string timex = value.value("timex", "");
      const std::string mod = value.value("Mod", "");
      if (value.value("value", "") == "not resolved") return "left unresolved by the reference";
      if (e.kind == "duration" && timex.starts_with("PT"))
        return "time of day, date-time or time zone";
      if (mod == "start" || mod == "mid" || mod == "end" || mod.find('-') != std::string::npos ||
          mod == "approx" || mod == "ref_undef" || mod == "more" || mod == "less") {
        return "part-of-period or approximate modifier";
      }
      if (Contains(timex, "-W") && timex.size() > 9 && timex[timex.size() - 3] == 'W' &&
          timex[4] == '-' && timex[7] == '-') {
        return "week of a month or year";
      }
    }
    if (Contains(span, "week of") || Contains(span, "week in")) return "week of a month or year";
    // "partner of the year", "the day before": which day, week or year only the discourse says.
    if (span == "the day" || span == "the week" || span == "the month" || span == "the year" ||
        span == "the day before" || span == "the day after" || span == "year to date") {
      return "deictic 'the day', 'the year' (discourse decides)";
    }
    if (HasAnyWord(span, kSeasonWords)) return "season";
    if (HasAnyWord(span, kHolidayWords) || Contains(span, "new year"))
      return "holiday or named day";
    // Machine and form formats that prose does not write: a month name glued to digits by a
    // dash or slash ("dec-2018", "2019/aug/01") or directly ("dec31"), eight-digit runs
    // ("20161016"), numeric dates with a two-digit year ("12/12/30") or without separators
    // ("2016 10 16"), counts glued to a unit letter ("10d").
    if (NonProseNumeric(span)) return "numeric format prose does not use";
    // Query syntax, not prose: "> = 2019", "< =2019", "=2019" (news writes "since 2019").
    if (span.find_first_of("=<>") != std::string::npos) return "comparison sign (query syntax)";
    if (HasAnyWord(span, kConversationalWords)) return "conversational form";
    // Spoken dates: a number word next to a month name, or a year in words.
    if (HasAnyWord(span, kSpokenNumberWords) &&
        (HasAnyWord(span, kMonthWords) || !HasAnyWord(span, kUnitWords))) {
      bool digits = false;
      for (char c : span) digits = digits || (c >= '0' && c <= '9');
      if (!digits || HasAnyWord(span, kMonthWords)) return "spoken form";
    }
    // Fractional or vague durations ("3.5 years", "a few weeks", "several days").
    if (e.kind == "duration" &&
        (Contains(span, ".") || HasWord(span, "few") || HasWord(span, "several") ||
         HasWord(span, "some") || HasWord(span, "all") || HasWord(span, "half") ||
         Contains(span, "and a quarter"))) {
      return "fractional or vague duration";
    }
  }
  return {};
}

std::vector<Expected> ReadExpected(const json& record) {
  std::vector<Expected> out;
  for (const json& e : record.at("expected")) {
    Expected x;
    x.start = e.at("start").get<std::size_t>();
    x.end = e.at("end").get<std::size_t>();
    x.span = e.at("span").get<std::string>();
    x.kind = e.at("kind").get<std::string>();
    const json& resolution = e.at("resolution");
    if (resolution.is_object() && resolution.contains("values")) x.values = resolution.at("values");
    if (!x.values.is_array()) x.values = json::array();
    out.push_back(std::move(x));
  }
  return out;
}

// The expression type a case is reported under: the expected entity's kind, refined.
std::string TypeOf(const std::vector<Expected>& expected) {
  if (expected.empty()) return "negative (no date)";
  std::string type;
  for (const Expected& e : expected) {
    std::string one = e.kind;
    const std::string span = Lower(e.span);
    std::string mod;
    for (const json& v : e.values) mod = v.value("Mod", mod);
    if (!mod.empty()) {
      one = "boundary (" + mod + ")";
    } else if (e.kind == "daterange") {
      const std::string timex = e.values.empty() ? "" : e.values[0].value("timex", "");
      if (timex.starts_with("(")) {
        one = "period (range or span)";
      } else if (Contains(timex, "Q") || Contains(timex, "H")) {
        one = "quarter or half";
      } else if (Contains(timex, "W")) {
        one = "week";
      } else if (timex.size() == 4) {
        one = "year";
      } else if (timex.size() == 3 || Contains(span, "'s") || Contains(span, "0s")) {
        one = "decade";
      } else {
        one = "month";
      }
    } else if (e.kind == "date") {
      const std::string timex = e.values.empty() ? "" : e.values[0].value("timex", "");
      one = timex.starts_with("XXXX") ? "date without a year" : "date";
      if (HasWord(span, "ago") || HasWord(span, "today") || HasWord(span, "yesterday") ||
          HasWord(span, "tomorrow") || HasWord(span, "next") || HasWord(span, "last") ||
          HasWord(span, "in") || HasWord(span, "previous") || HasWord(span, "this")) {
        one = "relative day";
      }
    }
    if (!type.empty() && type != one) return "mixed";
    type = one;
  }
  return type;
}

std::optional<std::int64_t> DaysOf(std::string_view iso) {
  if (iso.size() < 10) return std::nullopt;
  const int year = std::atoi(std::string(iso.substr(0, 4)).c_str());
  const int month = std::atoi(std::string(iso.substr(5, 2)).c_str());
  const int day = std::atoi(std::string(iso.substr(8, 2)).c_str());
  // H. Hinnant's days_from_civil.
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

// Days from an exclusive ISO end to our inclusive one: "2018-01-01" → "2017-12-31".
bool SameExclusiveEnd(const std::string& ours_inclusive, const std::string& theirs_exclusive) {
  auto ours = DaysOf(ours_inclusive);
  auto theirs = DaysOf(theirs_exclusive);
  return ours && theirs && *ours + 1 == *theirs;
}

// The first day of the calendar unit of `precision` that holds the ISO day `iso`.
std::string FirstDayOfUnit(const std::string& iso, Precision precision) {
  if (iso.size() < 10) return {};
  const std::string year = iso.substr(0, 4);
  const int month = std::atoi(iso.substr(5, 2).c_str());
  char buffer[16];
  switch (precision) {
    case Precision::kYear:
      return year + "-01-01";
    case Precision::kHalf:
    case Precision::kQuarter: {
      const int months = precision == Precision::kHalf ? 6 : 3;
      std::snprintf(buffer, sizeof buffer, "%s-%02d-01", year.c_str(),
                    (month - 1) / months * months + 1);
      return buffer;
    }
    case Precision::kMonth:
      return iso.substr(0, 8) + "01";
    default:
      return iso;
  }
}

std::int64_t UnitSeconds(Precision unit) {
  constexpr std::int64_t kDaysPerMonth = 30;  // the reference's month and year lengths
  constexpr std::int64_t kDaysPerYear = 365;
  switch (unit) {
    case Precision::kDay:
      return kSecondsPerDay;
    case Precision::kWeek:
      return 7 * kSecondsPerDay;
    case Precision::kMonth:
      return kDaysPerMonth * kSecondsPerDay;
    case Precision::kQuarter:
      return 3 * kDaysPerMonth * kSecondsPerDay;
    case Precision::kHalf:
      return 6 * kDaysPerMonth * kSecondsPerDay;
    case Precision::kYear:
      return kDaysPerYear * kSecondsPerDay;
    case Precision::kDecade:
      return 10 * kDaysPerYear * kSecondsPerDay;
    case Precision::kNone:
      break;
  }
  return 0;
}

// One alternative reading of the reference against our resolved mention.
bool MatchesValue(const json& value, const Mention& mention, const std::string& kind) {
  const auto& date = mention.date;
  if (kind == "duration") {
    const auto& expr = mention.date_expr;
    const std::string seconds = value.value("value", "");
    if (seconds.empty() || expr.duration_count <= 0) return false;
    return std::atoll(seconds.c_str()) == expr.duration_count * UnitSeconds(expr.duration_unit);
  }
  // "since-end", "after-mid", "before-start": a boundary at a part of a period; the part is
  // in our resolved start or end (normalize narrows the period), so compare as the boundary.
  std::string mod = value.value("Mod", "");
  if (const std::size_t dash = mod.find('-'); dash != std::string::npos) mod = mod.substr(0, dash);
  // "feb 30", "2/29/2019": no such day; the reference leaves it unresolved, we flag it invalid
  // and give no value. Either way the span is found and nothing is made up.
  if (value.value("value", "") == "not resolved") return date.start.empty() && date.end.empty();
  if (value.contains("value") && !value.contains("start") && !value.contains("end")) {
    const std::string day = value.value("value", "");
    return date.start == day && date.end == day;
  }
  const std::string start = value.value("start", "");
  const std::string end = value.value("end", "");
  if (mod == "since") return date.start == start;  // our end is the published date
  if (mod == "after") return date.start == start && date.end.empty();
  if (mod == "before" || mod == "until")
    return date.start.empty() && SameExclusiveEnd(date.end, end);
  if (date.start == start && SameExclusiveEnd(date.end, end)) return true;
  const auto& expr = mention.date_expr;
  // Convention 1 (DATES.md): the reference ends "between 2014 and 2018", "from March to May"
  // at the start of the last unit named (2018-01-01, May 1); we include that unit, so our end
  // is its last day. Both name the same unit: compare the first day of our last unit.
  if (expr.boundary == Boundary::kRange && expr.end && date.start == start) {
    return FirstDayOfUnit(date.end, expr.end->precision) == end;
  }
  // Convention 2: a span from the published date ("next 3 days", "the past 5 years") starts
  // the day after it (future) or ends the day before it (past) in the reference; ours
  // includes the published day.
  if (expr.duration_count > 0) {
    auto ours_start = DaysOf(date.start);
    auto ours_end = DaysOf(date.end);
    auto theirs_start = DaysOf(start);
    auto theirs_end = DaysOf(end);
    if (!ours_start || !ours_end || !theirs_start || !theirs_end) return false;
    return (*ours_start + 1 == *theirs_start && *ours_end + 2 == *theirs_end) ||
           (*ours_start - 1 == *theirs_start && *ours_end == *theirs_end);
  }
  return false;
}

bool Matches(const Expected& e, const Found& f) {
  if (f.start >= e.end || e.start >= f.end) return false;
  return std::any_of(e.values.begin(), e.values.end(),
                     [&](const json& v) { return MatchesValue(v, *f.mention, e.kind); });
}

// Our date and duration mentions; the two endpoint mentions of one range become one.
std::vector<Found> Recognize(const std::string& text, const concord::extract::Extraction& x) {
  std::vector<Found> out;
  for (const Mention& m : x.mentions) {
    if (m.kind != MentionKind::kDate && m.kind != MentionKind::kDuration) continue;
    const bool range_end = !out.empty() && m.date_expr.end.has_value() &&
                           m.date_expr.boundary == out.back().mention->date_expr.boundary &&
                           m.date_expr == out.back().mention->date_expr;
    if (range_end) {
      out.back().end = CodePoints(text, m.span.end);
      const std::size_t begin = out.back().mention->span.begin;
      out.back().text = text.substr(begin, m.span.end - begin);
      continue;
    }
    out.push_back({CodePoints(text, m.span.begin), CodePoints(text, m.span.end), m.text, &m});
  }
  return out;
}

std::string Describe(const Found& f) {
  const auto& d = f.mention->date;
  std::string out = "\"" + f.text + "\" [" + d.start + ", " + d.end + "] " +
                    concord::extract::PrecisionName(d.precision);
  if (d.boundary != Boundary::kNone)
    out += std::string(" ") + concord::extract::BoundaryName(d.boundary);
  for (const std::string& flag : d.flags) out += " " + flag;
  if (f.mention->date_expr.duration_count > 0) {
    out += " duration " + std::to_string(f.mention->date_expr.duration_count) + " " +
           concord::extract::PrecisionName(f.mention->date_expr.duration_unit);
  }
  return out;
}

std::string Describe(const Expected& e) {
  std::string out = "\"" + e.span + "\" " + e.kind;
  for (const json& v : e.values) {
    out += " {";
    for (const char* key : {"Mod", "value", "start", "end"}) {
      if (v.contains(key)) out += std::string(key) + "=" + v.at(key).get<std::string>() + " ";
    }
    out += "}";
  }
  return out;
}

// --time DIR: the date recognizer and resolver alone on every .txt file of DIR (the peers'
// corpus), the way `concord extract` runs them (sentences, quantities, normalize), without the
// entity and claim stages or JSON output. Prints bytes, seconds and MB/s of the loop.
int TimeFolder(const fs::path& folder, const std::string& published,
               const concord::normalize::Normalizer& normalizer) {
  std::vector<concord::corpus::Article> articles;
  std::size_t bytes = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    concord::corpus::Article article;
    article.id = entry.path().filename().string();
    article.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    article.published = published;
    bytes += article.text.size();
    articles.push_back(std::move(article));
  }
  // Two loops over the same articles: the date path alone (what chrono-node does: sentences,
  // the date recognizer, resolution) and, for comparison with earlier runs, the same with
  // every quantity recognizer (amounts and counts too), as `concord extract` runs them.
  enum class Path { kDates, kQuantities };
  // The recognizers compile their patterns on first use; do that before the clock starts,
  // as chrono-node's runner reports its loading apart ("init").
  (void)concord::extract::FindDates("");
  (void)concord::extract::FindQuantities("");
  (void)concord::extract::FindAmounts("");
  {
    // The money and percent recognizer alone (FindAmounts), CPU time: BENCHMARKS.md's
    // "money+percent recognizer" row.
    std::size_t amounts = 0;
    const std::clock_t cpu_begin = std::clock();
    for (const auto& article : articles) amounts += concord::extract::FindAmounts(article.text).size();
    const double cpu = static_cast<double>(std::clock() - cpu_begin) / CLOCKS_PER_SEC;
    std::printf("path amounts files %zu bytes %zu amounts %zu loop_cpu_s %.4f mb_per_cpu_s %.2f\n",
                articles.size(), bytes, amounts, cpu, cpu > 0 ? bytes / 1e6 / cpu : 0.0);
  }
  for (const Path path : {Path::kDates, Path::kQuantities}) {
    std::size_t dates = 0;
    // CPU time as well as wall time: the machine is shared, and wall time there measures the
    // neighbours.
    const std::clock_t cpu_begin = std::clock();
    const auto begin = std::chrono::steady_clock::now();
    for (const auto& article : articles) {
      concord::extract::Extraction extraction;
      extraction.sentences = concord::extract::SplitSentences(article.text);
      for (Mention& m : path == Path::kDates ? concord::extract::FindDates(article.text)
                                             : concord::extract::FindQuantities(article.text)) {
        if (m.kind != MentionKind::kDate && m.kind != MentionKind::kDuration) continue;
        extraction.mentions.push_back(std::move(m));
      }
      std::size_t sentence = 0;
      for (Mention& m : extraction.mentions) {
        while (sentence + 1 < extraction.sentences.size() &&
               extraction.sentences[sentence].span.end <= m.span.begin) {
          ++sentence;
        }
        m.sentence = sentence;
      }
      normalizer.Normalize(article, extraction);
      dates += extraction.mentions.size();
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    const double cpu_seconds = static_cast<double>(std::clock() - cpu_begin) / CLOCKS_PER_SEC;
    constexpr double kMega = 1e6;
    std::printf(
        "path %s files %zu bytes %zu dates %zu loop_wall_s %.4f loop_cpu_s %.4f mb_per_cpu_s "
        "%.2f\n",
        path == Path::kDates ? "dates" : "quantities", articles.size(), bytes, dates, seconds,
        cpu_seconds, static_cast<double>(bytes) / kMega / cpu_seconds);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<fs::path> dir;
  double minimum = 0;
  bool quiet = false;
  bool out_of_scope_failures = false;
  fs::path data_root = CONCORD_DATA_DIR;
  std::optional<fs::path> time_folder;
  std::string published = "2024-03-15";
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--out-of-scope") {  // list the failing out-of-scope cases too
      out_of_scope_failures = true;
    } else if (arg == "--quiet") {
      quiet = true;
    } else if (arg == "--min" && i + 1 < argc) {
      minimum = std::atof(argv[++i]);
    } else if (arg == "--data" && i + 1 < argc) {
      data_root = argv[++i];
    } else if (arg == "--time" && i + 1 < argc) {
      time_folder = fs::path(argv[++i]);
    } else if (arg == "--published" && i + 1 < argc) {
      published = argv[++i];
    } else if (!arg.starts_with("--") && !dir) {
      dir = fs::path(arg);
    } else {
      std::cerr << "usage: concord_conformance_dates DIR [--min R] [--quiet] [--data ROOT] | "
                   "--time CORPUS [--published D]\n";
      return kExitUsage;
    }
  }
  if (time_folder) {
    auto normalizer = concord::normalize::Normalizer::Create(data_root / "normalize" / "data");
    if (!normalizer.ok()) {
      std::cerr << normalizer.status().ToString() << "\n";
      return kExitUsage;
    }
    return TimeFolder(*time_folder, published, *normalizer);
  }
  if (!dir) {
    std::cerr << "usage: concord_conformance_dates DIR [--min R] [--quiet] [--data ROOT] | --time "
                 "CORPUS [--published D]\n";
    return kExitUsage;
  }
  if (!fs::is_directory(*dir)) {
    std::cerr << "concord_conformance_dates: " << dir->string() << " is missing; skipped\n";
    return kExitSkipped;
  }
  auto extractor = concord::extract::Extractor::Create({data_root / "extract" / "patterns"});
  if (!extractor.ok()) {
    std::cerr << extractor.status().ToString() << "\n";
    return kExitUsage;
  }
  auto normalizer = concord::normalize::Normalizer::Create(data_root / "normalize" / "data");
  if (!normalizer.ok()) {
    std::cerr << normalizer.status().ToString() << "\n";
    return kExitUsage;
  }

  std::map<std::string, Tally> by_type;
  std::map<std::string, int> out_of_scope;
  std::map<std::string, int> out_of_scope_passed;
  std::map<std::string, Tally> all_by_group;  // "in scope" and each out-of-scope reason
  Tally all_dates;  // cases whose expected entities are all dates, date ranges or durations
  std::map<std::string, int> unscored_files;
  std::vector<std::string> failures;
  int total = 0;
  for (const auto& entry : fs::directory_iterator(*dir)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("datetime") || !name.ends_with(".jsonl")) continue;
    const bool scored =
        std::find(std::begin(kScoredFiles), std::end(kScoredFiles), name) != std::end(kScoredFiles);
    std::ifstream in(entry.path());
    std::string line;
    int line_number = 0;
    while (std::getline(in, line)) {
      ++line_number;
      if (line.empty()) continue;
      if (!scored) {
        ++unscored_files[name];
        continue;
      }
      json record;
      try {
        record = json::parse(line);
      } catch (const json::exception& error) {
        std::cerr << name << ":" << line_number << ": " << error.what() << "\n";
        return kExitUsage;
      }
      ++total;
      const std::vector<Expected> expected = ReadExpected(record);
      const std::string reason = Scope(record, expected);
      if (!reason.empty()) ++out_of_scope[reason];
      if (!record.at("reference").is_string()) {  // nothing to resolve against: a failure
        ++all_by_group[reason].in_scope;
        continue;
      }
      concord::corpus::Article article;
      article.id = name + ":" + std::to_string(line_number);
      article.text = record.at("text").get<std::string>();
      article.published = record.at("reference").get<std::string>().substr(0, 10);
      concord::extract::Extraction extraction = extractor->Extract(article);
      normalizer->Normalize(article, extraction);
      std::vector<Found> found = Recognize(article.text, extraction);
      bool pass = found.size() == expected.size();
      for (std::size_t i = 0; pass && i < expected.size(); ++i)
        pass = Matches(expected[i], found[i]);
      // Every case, in scope or not, is scored for the "all cases" tables.
      Tally& all_tally = all_by_group[reason.empty() ? "in scope" : reason];
      ++all_tally.in_scope;
      if (pass) ++all_tally.passed;
      const bool dates_only = std::all_of(expected.begin(), expected.end(), [](const Expected& e) {
        return e.kind == "date" || e.kind == "daterange" || e.kind == "duration";
      });
      if (dates_only) {
        ++all_dates.in_scope;
        if (pass) ++all_dates.passed;
      }
      if (!reason.empty()) {
        if (pass) ++out_of_scope_passed[reason];
        if (pass || !out_of_scope_failures) continue;
      }
      if (reason.empty()) {
        Tally& tally = by_type[TypeOf(expected)];
        ++tally.in_scope;
        if (pass) {
          ++tally.passed;
          continue;
        }
      }
      std::string failure = name + ":" + std::to_string(line_number) + " [" +
                            (reason.empty() ? TypeOf(expected) : "out of scope: " + reason) +
                            "] ref " + article.published + " | " + article.text + "\n    expected:";
      for (const Expected& e : expected) failure += " " + Describe(e);
      failure += "\n    got:     ";
      for (const Found& f : found) failure += " " + Describe(f);
      failures.push_back(std::move(failure));
    }
  }

  if (!quiet) {
    std::printf("## Failures (%zu)\n\n", failures.size());
    for (const std::string& f : failures) std::printf("%s\n", f.c_str());
    std::printf("\n");
  }
  int in_scope = 0;
  int passed = 0;
  std::printf("| expression type | in scope | passed | pass rate |\n|---|---:|---:|---:|\n");
  for (const auto& [type, tally] : by_type) {
    in_scope += tally.in_scope;
    passed += tally.passed;
    std::printf("| %s | %d | %d | %.3f |\n", type.c_str(), tally.in_scope, tally.passed,
                tally.in_scope == 0 ? 1.0 : static_cast<double>(tally.passed) / tally.in_scope);
  }
  const double rate = in_scope == 0 ? 1.0 : static_cast<double>(passed) / in_scope;
  std::printf("| **all in scope** | %d | %d | %.3f |\n\n", in_scope, passed, rate);
  std::printf(
      "Scored cases: %d; out of scope: %d\n\n| out of scope, reason | cases | passed |\n"
      "|---|---:|---:|\n",
      total, total - in_scope);
  for (const auto& [reason, count] : out_of_scope)
    std::printf("| %s | %d | %d |\n", reason.c_str(), count, out_of_scope_passed[reason]);
  int all_passed = 0;
  for (const auto& [group, tally] : all_by_group) all_passed += tally.passed;
  std::printf("\n| all cases | cases | passed | pass rate |\n|---|---:|---:|---:|\n");
  std::printf("| every scored case | %d | %d | %.3f |\n", total, all_passed,
              total == 0 ? 1.0 : static_cast<double>(all_passed) / total);
  std::printf("| date, date range and duration cases (and negatives) | %d | %d | %.3f |\n",
              all_dates.in_scope, all_dates.passed,
              all_dates.in_scope == 0 ? 1.0
                                      : static_cast<double>(all_dates.passed) / all_dates.in_scope);
  std::printf("\n| not scored (other options or culture) | cases |\n|---|---:|\n");
  for (const auto& [file, count] : unscored_files)
    std::printf("| %s | %d |\n", file.c_str(), count);
  if (rate < minimum) {
    std::fprintf(stderr, "in-scope pass rate %.3f below the minimum %.3f\n", rate, minimum);
    return kExitBelowTarget;
  }
  return 0;
}
