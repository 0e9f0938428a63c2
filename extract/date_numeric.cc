#include "extract/date_grammar.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace concord::extract {

using namespace date_detail;  // the recognizer's own words and helpers (date_words.h)

namespace {

// "1986 earnings", "the 2006 World Cup", "its 2004 accounts": a bare year naming what follows,
// after a determiner or before a noun news dates by the year (kYearNouns).
bool AttributiveYear(std::string_view text, std::size_t pos, std::size_t end) {
  std::size_t begin = end;
  while (begin < text.size() && text[begin] == ' ') ++begin;
  if (begin == end || begin >= text.size() || !IsWordChar(text[begin])) return false;
  std::size_t stop = begin;
  while (stop < text.size() && (IsWordChar(text[stop]) || text[stop] == '-')) ++stop;
  const std::string_view next = text.substr(begin, stop - begin);
  if (InLowerList(next, kYearNouns)) return true;
  return IsAsciiAlpha(text[begin]) && InLowerList(PreviousWord(text, pos), kYearDeterminers);
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

// A day written with its year, month and day in any order: the point, if the day exists.
std::optional<Parsed> DayParsed(int year, int month, int day, std::size_t end) {
  if (!ValidDay(month, day)) return std::nullopt;
  DatePoint point;
  point.year = year;
  point.month = month;
  point.day = day;
  point.precision = Precision::kDay;
  return Parsed{point, end};
}

}  // namespace

void date_detail::ResetDayFirst(std::string_view text) {
  tl_find_text = text;
  tl_day_first = -1;
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
    const int month = ToInt(hit->has(2) ? (*hit)[2] : (*hit)[3]);
    if (auto day = DayParsed(ToInt((*hit)[1]), month, ToInt((*hit)[4]), hit->end)) return day;
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
  if (auto hit = short_number ? MatchAt(*day_month_dashed_, text, pos) : std::nullopt) {
    // "05-Aug-2016", "22/Jan/2019": the month is named, so the order is certain.
    const Piece year = (*hit)[4];
    const int month = MonthOf(hit->has(2) ? (*hit)[2] : (*hit)[3]);
    const int full_year = year.size() == 2 ? YearOfTwoDigits(year) : ToInt(year);
    if (auto day = DayParsed(full_year, month, ToInt((*hit)[1]), hit->end)) return day;
  }
  if (auto hit = four ? MatchAt(*year_month_day_, text, pos) : std::nullopt) {
    // "2019/aug/01", "2019-aug-1".
    const int month = MonthOf(hit->has(2) ? (*hit)[2] : (*hit)[3]);
    if (auto day = DayParsed(ToInt((*hit)[1]), month, ToInt((*hit)[4]), hit->end)) return day;
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
        !MatchAt(*or_later_, text, hit->end) && !AttributiveYear(text, pos, hit->end)) {
      return std::nullopt;
    }
    return Parsed{YearPoint(year), hit->end};
  }
  return std::nullopt;
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

}  // namespace concord::extract
