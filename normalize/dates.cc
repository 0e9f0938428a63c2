#include "normalize/dates.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/holidays.h"
#include "normalize/holiday_dates.inc"

// Resolution rules, in one place (DESIGN.md "time"):
//   point            [first, last] day of what the text names, at its precision.
//   through/until/by start empty (the text does not say), end = last day of the point.
//   before           start empty, end = the day before the point (exclusive boundary).
//   since            start = first day of the point, end = published date (or empty).
//   after            start = the day after the point, end empty.
//   range            start of the first point, end of the second.
//   duration         from the published date forward ("next six years": [pub, pub+6y-1d]) or
//                    back ("past two years": [pub-2y+1d, pub]); no direction: the tense's.
// Relative expressions need the published date; without it they stay unresolved (flag
// "unresolved", start/end empty): a date is never guessed.
// Year-less dates ("April 27", "October:", "the third quarter", "on the 18th") follow the
// tense: future → the next one on or after the published date; past → the most recent one on
// or before it; no tense marker → the nearest one, a later one counting twice its distance
// (the earlier on a tie). A bare weekday ("on
// Monday") is future → strictly after, otherwise on or before: news reports what happened.

namespace concord::normalize {

namespace {

using extract::Boundary;
using extract::DateExpr;
using extract::DatePoint;
using extract::DateValue;
using extract::Precision;

constexpr int kMonthsPerYear = 12;
constexpr int kMonthsPerQuarter = 3;
constexpr int kMonthsPerHalf = 6;
constexpr int kDaysPerWeek = 7;
constexpr int kYearsPerDecade = 10;

// Days since 1970-01-01 from a proleptic Gregorian date and back (H. Hinnant's algorithms,
// http://howardhinnant.github.io/date_algorithms.html), valid for every year we meet.
std::int64_t DaysFromCivil(int year, int month, int day) {
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int year = 0;
  int month = 0;
  int day = 0;
};

Civil CivilFromDays(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

// 1 = Monday … 7 = Sunday; 1970-01-01 was a Thursday.
int WeekdayOf(std::int64_t days) {
  constexpr int kThursdayIndex = 3;
  const int index =
      static_cast<int>(((days % kDaysPerWeek) + kDaysPerWeek + kThursdayIndex) % kDaysPerWeek);
  return index + 1;
}

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  constexpr std::array<int, kMonthsPerYear> kDays = {31, 28, 31, 30, 31, 30,
                                                     31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeap(year)) return 29;
  return kDays[static_cast<std::size_t>(month - 1)];
}

std::string Iso(std::int64_t days) {
  const Civil c = CivilFromDays(days);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buffer;
}

std::optional<std::int64_t> ParseIso(std::string_view text) {
  constexpr std::size_t kIsoLength = 10;
  if (text.size() != kIsoLength || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (std::size_t k = 0; k < lengths[i]; ++k) {
      const char c = text[starts[i] + k];
      if (c < '0' || c > '9') return std::nullopt;
      parts[i] = parts[i] * 10 + (c - '0');
    }
  }
  if (parts[1] < 1 || parts[1] > kMonthsPerYear || parts[2] < 1 ||
      parts[2] > DaysInMonth(parts[0], parts[1])) {
    return std::nullopt;
  }
  return DaysFromCivil(parts[0], parts[1], parts[2]);
}

// A resolved calendar period: first and last day included.
struct Period {
  std::int64_t first = 0;
  std::int64_t last = 0;
  Precision precision = Precision::kNone;
};

// `months` months from January of year 0, so that month arithmetic never leaves the grid.
int MonthIndex(int year, int month) { return year * kMonthsPerYear + (month - 1); }

// Year and month (1..12) of a month index, rounding toward minus infinity so that indexes
// before year 0 stay on the grid.
int YearOfIndex(int index) {
  return index >= 0 ? index / kMonthsPerYear : -((-index - 1) / kMonthsPerYear) - 1;
}
int MonthOfIndex(int index) { return index - YearOfIndex(index) * kMonthsPerYear + 1; }

Period MonthsPeriod(int month_index, int count, Precision precision) {
  const int year = YearOfIndex(month_index);
  const int month = MonthOfIndex(month_index);
  const int last_index = month_index + count - 1;
  const int last_year = YearOfIndex(last_index);
  const int last_month = MonthOfIndex(last_index);
  return {DaysFromCivil(year, month, 1),
          DaysFromCivil(last_year, last_month, DaysInMonth(last_year, last_month)), precision};
}

Period DayPeriod(std::int64_t day) { return {day, day, Precision::kDay}; }
Period MonthPeriod(int year, int month) {
  return MonthsPeriod(MonthIndex(year, month), 1, Precision::kMonth);
}
Period QuarterPeriod(int year, int quarter) {
  return MonthsPeriod(MonthIndex(year, (quarter - 1) * kMonthsPerQuarter + 1), kMonthsPerQuarter,
                      Precision::kQuarter);
}
Period HalfPeriod(int year, int half) {
  return MonthsPeriod(MonthIndex(year, (half - 1) * kMonthsPerHalf + 1), kMonthsPerHalf,
                      Precision::kHalf);
}
Period YearPeriod(int year) {
  return MonthsPeriod(MonthIndex(year, 1), kMonthsPerYear, Precision::kYear);
}
Period DecadePeriod(int decade) {
  return MonthsPeriod(MonthIndex(decade, 1), kMonthsPerYear * kYearsPerDecade, Precision::kDecade);
}

// The day `months` calendar months from `day`, clamped to the end of the target month.
std::int64_t AddMonths(std::int64_t day, int months) {
  const Civil c = CivilFromDays(day);
  const int index = MonthIndex(c.year, c.month) + months;
  const int year = YearOfIndex(index);
  const int month = MonthOfIndex(index);
  return DaysFromCivil(year, month, std::min(c.day, DaysInMonth(year, month)));
}

void AddFlag(std::vector<std::string>& flags, const char* flag) {
  if (std::find(flags.begin(), flags.end(), flag) == flags.end()) flags.emplace_back(flag);
}

bool ValidMonth(int month) { return month >= 1 && month <= kMonthsPerYear; }

// The period of a point within `year` (month, day, quarter or half given), or nullopt when
// the day does not exist ("February 30").
std::optional<Period> WithinYear(const DatePoint& point, int year) {
  if (point.month != 0) {
    if (!ValidMonth(point.month)) return std::nullopt;
    if (point.day == 0) return MonthPeriod(year, point.month);
    if (point.day < 1 || point.day > DaysInMonth(year, point.month)) return std::nullopt;
    return DayPeriod(DaysFromCivil(year, point.month, point.day));
  }
  if (point.quarter >= 1 && point.quarter <= 4) return QuarterPeriod(year, point.quarter);
  if (point.half >= 1 && point.half <= 2) return HalfPeriod(year, point.half);
  return YearPeriod(year);
}

// Fields inside what a calendar can mean; anything else is not resolved (flag "invalid"), so
// that the arithmetic below never leaves int range whatever a caller passes.
bool Plausible(const DatePoint& point) {
  constexpr int kMaxYear = 9999;
  constexpr int kMaxOffset = 10000;
  return point.year >= 0 && point.year <= kMaxYear && point.decade >= 0 &&
         point.decade <= kMaxYear && point.month >= 0 && point.month <= kMonthsPerYear &&
         point.day >= 0 && point.day <= 31 && point.quarter >= 0 && point.quarter <= 4 &&
         point.half >= 0 && point.half <= 2 && point.weekday >= 0 && point.week >= 0 &&
         point.week <= 53 && point.weekday <= kDaysPerWeek && point.holiday >= 0 &&
         point.holiday < extract::kHolidayCount &&
         point.relative_offset >= -kMaxOffset && point.relative_offset <= kMaxOffset;
}

bool HasPartOfYear(const DatePoint& point) {
  return point.month != 0 || point.quarter != 0 || point.half != 0;
}

// True when the point cannot be placed without the published date.
bool NeedsPublished(const DatePoint& point) {
  return point.relative_unit != Precision::kNone || (point.year == 0 && point.decade == 0);
}

std::int64_t WeekdayOnOrBefore(std::int64_t day, int weekday) {
  return day - (WeekdayOf(day) - weekday + kDaysPerWeek) % kDaysPerWeek;
}
std::int64_t WeekdayAfter(std::int64_t day, int weekday) {
  const int ahead = (weekday - WeekdayOf(day) + kDaysPerWeek) % kDaysPerWeek;
  return day + (ahead == 0 ? kDaysPerWeek : ahead);
}

// Days from `day` to the nearest day of `period` (0 inside it).
std::int64_t Distance(const Period& period, std::int64_t day) {
  if (day < period.first) return period.first - day;
  if (day > period.last) return day - period.last;
  return 0;
}

// The part of a period "early", "mid-" or "late" (the "beginning", "middle" or "end" of)
// names, Recognizers-Text's split where it has one: a year in thirds (January-April,
// May-August, September-December), a month in halves with its middle third (1st-15th,
// 10th-20th, 16th to the end), a week Monday-Wednesday, Tuesday-Thursday, Thursday-Sunday; a
// quarter or half its first, middle or last month(s); a decade its years 0-3, 4-6, 7-9.
Period PartOf(const Period& whole, int part) {
  if (part < 1 || part > 3) return whole;
  const Civil first = CivilFromDays(whole.first);
  const std::int64_t length = whole.last - whole.first + 1;
  Period out = whole;
  auto months = [&](int from, int count) {  // `count` months from month `from` (0-based)
    const int index = MonthIndex(first.year, first.month) + from;
    out.first = DaysFromCivil(index / kMonthsPerYear, index % kMonthsPerYear + 1, 1);
    const int next = index + count;
    out.last = DaysFromCivil(next / kMonthsPerYear, next % kMonthsPerYear + 1, 1) - 1;
  };
  switch (whole.precision) {
    case Precision::kYear:
      months((part - 1) * 4, 4);
      break;
    case Precision::kHalf:
      months((part - 1) * 2, 2);
      break;
    case Precision::kQuarter:
      months(part - 1, 1);
      break;
    case Precision::kMonth: {
      constexpr int kEarlyLast = 15, kMidFirst = 10, kMidLast = 20, kLateFirst = 16;
      out.first = whole.first + (part == 1 ? 0 : part == 2 ? kMidFirst - 1 : kLateFirst - 1);
      if (part != 3) out.last = whole.first + (part == 1 ? kEarlyLast : kMidLast) - 1;
      break;
    }
    case Precision::kWeek:
      if (length == 7) {
        out.first = whole.first + (part == 1 ? 0 : part == 2 ? 1 : 3);
        out.last = whole.first + (part == 1 ? 2 : part == 2 ? 3 : 6);
      }
      break;
    case Precision::kDecade: {
      constexpr int kFirsts[] = {0, 4, 7}, kLasts[] = {3, 6, 9};
      out.first = DaysFromCivil(first.year + kFirsts[part - 1], 1, 1);
      out.last = DaysFromCivil(first.year + kLasts[part - 1] + 1, 1, 1) - 1;
      break;
    }
    default:
      break;
  }
  if (out.first < whole.first || out.last > whole.last || out.first > out.last) return whole;
  return out;
}

struct Resolution {
  std::optional<Period> period;
  bool unresolved = false;  // relative, and no published date
};

// Easter Sunday of `year` (the Gregorian computus, "anonymous" algorithm).
std::int64_t EasterSunday(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return DaysFromCivil(year, month, day);
}

// The `n`th `weekday` (1 = Monday) of a month; n = -1 the last one.
std::int64_t NthWeekday(int year, int month, int weekday, int n) {
  if (n < 0) return WeekdayOnOrBefore(DaysFromCivil(year, month, DaysInMonth(year, month)), weekday);
  const std::int64_t first = DaysFromCivil(year, month, 1);
  const std::int64_t on_or_after =
      first + (weekday - WeekdayOf(first) + kDaysPerWeek) % kDaysPerWeek;
  return on_or_after + static_cast<std::int64_t>(kDaysPerWeek) * (n - 1);
}

// One row of normalize/data/holiday_dates.tsv.
struct TableHoliday {
  std::string_view name;
  int year = 0;
  std::int64_t first = 0;
  int days = 0;
};

// The embedded table, parsed once; rows that do not parse are skipped (the table is a
// constant of the build, checked by the tests).
const std::vector<TableHoliday>& HolidayTable() {
  static const std::vector<TableHoliday> rows = [] {
    std::vector<TableHoliday> out;
    std::string_view rest = kHolidayTable;
    while (!rest.empty()) {
      const std::size_t newline = rest.find('\n');
      const std::string_view line = rest.substr(0, newline);
      rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
      if (line.empty() || line[0] == '#') continue;
      const std::size_t tab1 = line.find('\t');
      const std::size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
      if (tab2 == std::string_view::npos) continue;
      const auto day = ParseIso(line.substr(tab1 + 1, tab2 - tab1 - 1));
      if (!day) continue;
      int days = 0;
      for (char c : line.substr(tab2 + 1)) {
        if (c >= '0' && c <= '9') days = days * 10 + (c - '0');
      }
      out.push_back({line.substr(0, tab1), CivilFromDays(*day).year, *day, std::max(days, 1)});
    }
    return out;
  }();
  return rows;
}

// The days of `holiday` in `year`, or nullopt (a table holiday outside the table's years).
std::optional<Period> HolidayPeriod(int holiday, int year) {
  using namespace extract;  // the Holiday identifiers
  auto day = [](std::int64_t d) { return std::optional<Period>(DayPeriod(d)); };
  auto fixed = [&](int month, int d) { return day(DaysFromCivil(year, month, d)); };
  constexpr int kMonday = 1, kWednesday = 3, kThursday = 4, kFriday = 5, kSunday = 7;
  switch (holiday) {
    case kNewYearsDay: return fixed(1, 1);
    case kNewYearsEve: return fixed(12, 31);
    case kValentinesDay: return fixed(2, 14);
    case kStPatricksDay: return fixed(3, 17);
    case kEarthDay: return fixed(4, 22);
    case kMayDay: return fixed(5, 1);
    case kJuneteenth: return fixed(6, 19);
    case kIndependenceDay: return fixed(7, 4);
    case kHalloween: return fixed(10, 31);
    case kGuyFawkesNight: return fixed(11, 5);
    case kVeteransDay: return fixed(11, 11);
    case kChristmasEve: return fixed(12, 24);
    case kChristmasDay: return fixed(12, 25);
    case kBoxingDay: return fixed(12, 26);
    case kMlkDay: return day(NthWeekday(year, 1, kMonday, 3));
    case kPresidentsDay: return day(NthWeekday(year, 2, kMonday, 3));
    case kMothersDay: return day(NthWeekday(year, 5, kSunday, 2));
    case kMemorialDay: return day(NthWeekday(year, 5, kMonday, -1));
    case kFathersDay: return day(NthWeekday(year, 6, kSunday, 3));
    case kLaborDay: return day(NthWeekday(year, 9, kMonday, 1));
    case kColumbusDay: return day(NthWeekday(year, 10, kMonday, 2));
    case kThanksgiving: return day(NthWeekday(year, 11, kThursday, 4));
    case kBlackFriday: return day(NthWeekday(year, 11, kThursday, 4) + 1);
    case kCyberMonday: return day(NthWeekday(year, 11, kThursday, 4) + 4);
    case kEarlyMayBankHoliday: return day(NthWeekday(year, 5, kMonday, 1));
    case kSpringBankHoliday: return day(NthWeekday(year, 5, kMonday, -1));
    case kSummerBankHoliday: return day(NthWeekday(year, 8, kMonday, -1));
    case kEaster: return day(EasterSunday(year));
    case kGoodFriday: return day(EasterSunday(year) - 2);
    case kEasterMonday: return day(EasterSunday(year) + 1);
    case kAshWednesday: return day(EasterSunday(year) - 46);
    default: break;
  }
  (void)kWednesday;
  (void)kFriday;
  const std::string_view name = HolidayTableName(holiday);
  if (name.empty()) return std::nullopt;
  for (const TableHoliday& row : HolidayTable()) {
    if (row.year == year && row.name == name) {
      return Period{row.first, row.first + row.days - 1, Precision::kDay};
    }
  }
  return std::nullopt;
}

// The days of a holiday's weekend: the holiday and the Saturday and Sunday next to it.
// A Monday or Tuesday holiday runs from the Saturday before ("Labor Day weekend": Saturday to
// Monday), a Wednesday to Friday one to the Sunday after ("Thanksgiving weekend": Thursday to
// Sunday), a Saturday or Sunday one is that weekend; Easter's is Good Friday to Easter Monday,
// the long weekend that both the UK and the US news mean.
Period WeekendOf(int holiday, const Period& day) {
  constexpr int kSaturday = 6, kSunday = 7, kTuesday = 2, kEasterFriday = 2, kEasterMonday = 1;
  if (holiday == extract::kEaster) {
    return Period{day.first - kEasterFriday, day.first + kEasterMonday, Precision::kWeek};
  }
  const int weekday = WeekdayOf(day.first);
  if (weekday <= kTuesday) {
    return Period{WeekdayOnOrBefore(day.first, kSaturday), day.first, Precision::kWeek};
  }
  if (weekday >= kSaturday) {
    const std::int64_t saturday = WeekdayOnOrBefore(day.first, kSaturday);
    return Period{saturday, saturday + 1, Precision::kWeek};
  }
  return Period{day.first, WeekdayAfter(day.first, kSunday), Precision::kWeek};
}

// The UK bank holidays ("the bank holiday" is whichever is nearest).
constexpr int kBankHolidays[] = {extract::kNewYearsDay,          extract::kGoodFriday,
                                 extract::kEasterMonday,         extract::kEarlyMayBankHoliday,
                                 extract::kSpringBankHoliday,    extract::kSummerBankHoliday,
                                 extract::kChristmasDay,         extract::kBoxingDay};

Resolution ResolveHolidayDay(const DatePoint& point, std::optional<std::int64_t> published,
                             Tense tense);

// A holiday, or its weekend ("Easter weekend").
Resolution ResolveHoliday(const DatePoint& point, std::optional<std::int64_t> published,
                          Tense tense) {
  Resolution out = ResolveHolidayDay(point, published, tense);
  if (point.weekend && out.period) out.period = WeekendOf(point.holiday, *out.period);
  return out;
}

// A holiday: in the year written ("Easter 2018") or named ("this Christmas"), else "last" the
// most recent one before the published day, "next" the first after it, and without either
// the tense's (future: on or after; past: on or before; none: the nearest).
Resolution ResolveHolidayDay(const DatePoint& point, std::optional<std::int64_t> published,
                             Tense tense) {
  Resolution out;
  // "the bank holiday": the nearest of them (with a year, none can be chosen).
  const bool any_bank_holiday = point.holiday == extract::kBankHoliday;
  if (point.year != 0) {
    if (!any_bank_holiday) out.period = HolidayPeriod(point.holiday, point.year);
    return out;
  }
  if (!published) {
    out.unresolved = true;
    return out;
  }
  const std::int64_t pub = *published;
  const int year = CivilFromDays(pub).year;
  if (point.relative_unit == Precision::kYear) {
    out.period = HolidayPeriod(point.holiday, year + point.relative_offset);
    return out;
  }
  std::optional<Period> best;
  std::int64_t best_distance = 0;
  std::vector<int> holidays = {point.holiday};
  if (any_bank_holiday) holidays.assign(std::begin(kBankHolidays), std::end(kBankHolidays));
  for (int delta : {-1, 0, 1}) {
    for (int holiday : holidays) {
      const auto candidate = HolidayPeriod(holiday, year + delta);
      if (!candidate) continue;
      bool fits = true;
      if (point.relative_offset < 0) fits = candidate->last < pub;
      else if (point.relative_offset > 0) fits = candidate->first > pub;
      else if (tense == Tense::kFuture) fits = candidate->last >= pub;
      else if (tense == Tense::kPast) fits = candidate->first <= pub;
      if (!fits) continue;
      const std::int64_t distance = Distance(*candidate, pub);
      if (!best || distance < best_distance) {
        best = candidate;
        best_distance = distance;
      }
    }
  }
  out.period = best;
  return out;
}

// A bare weekday: future → strictly after the published day; otherwise on or before it.
// "last Tuesday" / "next Sunday" name the day of the previous / next Monday-to-Sunday week
// ("Monday two weeks from now" that of the week two on)
// (Recognizers-Text's reading; the generated corpus accepts it too): on Friday 2024-03-15,
// "last Tuesday" is 2024-03-05 and "next Sunday" 2024-03-24.
std::int64_t PlaceWeekday(std::int64_t published, int weekday, int offset, Tense tense) {
  if (offset != 0) {
    const std::int64_t monday = WeekdayOnOrBefore(published, 1);
    return monday + static_cast<std::int64_t>(kDaysPerWeek) * offset + weekday - 1;
  }
  if (tense == Tense::kFuture) return WeekdayAfter(published, weekday);
  return WeekdayOnOrBefore(published, weekday);
}

// A year-less month, day, quarter or half: the tense picks the year (see the file comment).
std::optional<Period> PlaceYearless(const DatePoint& point, std::int64_t published, Tense tense) {
  const int year = CivilFromDays(published).year;
  auto period = WithinYear(point, year);
  // February 29 exists only in some years: look one year further each way.
  if (!period) {
    for (int delta : {-1, 1, -2, 2, -3, 3, -4, 4}) {
      if (tense == Tense::kFuture ? delta < 0 : delta > 0) continue;
      if (auto other = WithinYear(point, year + delta)) return other;
    }
    return std::nullopt;
  }
  if (tense == Tense::kFuture) {
    if (period->last < published) return WithinYear(point, year + 1);
    return period;
  }
  if (tense == Tense::kPast) {
    if (period->first > published) return WithinYear(point, year - 1);
    return period;
  }
  // No tense marker: the nearest occurrence, the earlier one on a tie ("the 4th of May" in an
  // article of 20 April is the coming one; "in November" in a January article the last one).
  std::optional<Period> best;
  std::int64_t best_distance = 0;
  for (int delta : {-1, 0, 1}) {
    const auto candidate = WithinYear(point, year + delta);
    if (!candidate) continue;
    // News reports what happened more than what will: an occurrence after the article counts
    // twice its distance, so "in October" in an April article is last October, while "the 4th
    // of May" in an article of 20 April is still the coming one.
    const bool ahead = candidate->first > published;
    const std::int64_t distance = Distance(*candidate, published) * (ahead ? 2 : 1);
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

// A day without a month: "on the 18th" is the 18th of the published month, or of the month
// before (past) or after (future) when that one does not fit the tense; "Sunday 31", "Mon
// 13th" the nearest such day that falls on that weekday, searching back (past) or forward.
std::optional<Period> PlaceMonthlessStep(const DatePoint& point, std::int64_t published, int step) {
  const Civil today = CivilFromDays(published);
  constexpr int kMonthsToSearch = 4 * kMonthsPerYear;  // every weekday/day pair recurs sooner
  const int current = MonthIndex(today.year, today.month);
  for (int k = 0; k <= kMonthsToSearch; ++k) {
    const int index = current + step * k;
    const int year = YearOfIndex(index);
    const int month = MonthOfIndex(index);
    if (point.day > DaysInMonth(year, month)) continue;
    const std::int64_t day = DaysFromCivil(year, month, point.day);
    if (step < 0 ? day > published : day < published) continue;
    if (point.weekday != 0 && WeekdayOf(day) != point.weekday) continue;
    return DayPeriod(day);
  }
  return std::nullopt;
}

// No tense marker: the nearer of the two, the earlier on a tie.
std::optional<Period> PlaceMonthless(const DatePoint& point, std::int64_t published, Tense tense) {
  if (tense == Tense::kFuture) return PlaceMonthlessStep(point, published, 1);
  auto back = PlaceMonthlessStep(point, published, -1);
  if (tense == Tense::kPast) return back;
  auto forward = PlaceMonthlessStep(point, published, 1);
  if (!back) return forward;
  if (forward && forward->first - published < published - back->first) return forward;
  return back;
}

// Fiscal year `point.year` of an owner whose year ends in `end_month` (1..11): it starts the
// month after `end_month` of the previous calendar year; quarters and halves count from there.
Period FiscalPeriod(const DatePoint& point, int end_month) {
  const int first = MonthIndex(point.year, end_month + 1) - kMonthsPerYear;
  if (point.quarter >= 1 && point.quarter <= 4) {
    return MonthsPeriod(first + (point.quarter - 1) * kMonthsPerQuarter, kMonthsPerQuarter,
                        Precision::kQuarter);
  }
  if (point.half >= 1 && point.half <= 2) {
    return MonthsPeriod(first + (point.half - 1) * kMonthsPerHalf, kMonthsPerHalf,
                        Precision::kHalf);
  }
  return MonthsPeriod(first, kMonthsPerYear, Precision::kYear);
}

Resolution ResolvePoint(const DatePoint& point, std::optional<std::int64_t> published, Tense tense,
                        std::vector<std::string>& flags, int fiscal_end_month = kMonthsPerYear) {
  if (point.holiday != 0) return ResolveHoliday(point, published, tense);
  Resolution out;
  if (point.week != 0) {
    // ISO week: weeks run Monday to Sunday and week 1 holds January 4. The year is the one
    // written, else the published one (moved by "of last year").
    int year = point.year;
    if (year == 0) {
      if (!published) {
        out.unresolved = true;
        return out;
      }
      year = CivilFromDays(*published).year +
             (point.relative_unit == Precision::kYear ? point.relative_offset : 0);
    }
    constexpr int kJanuaryFourth = 4;
    const std::int64_t monday = WeekdayOnOrBefore(DaysFromCivil(year, 1, kJanuaryFourth), 1) +
                                static_cast<std::int64_t>(kDaysPerWeek) * (point.week - 1);
    out.period = Period{monday, monday + kDaysPerWeek - 1, Precision::kWeek};
    return out;
  }
  if (point.fiscal && point.year != 0 && point.month == 0 && fiscal_end_month >= 1 &&
      fiscal_end_month < kMonthsPerYear) {
    out.period = FiscalPeriod(point, fiscal_end_month);
    return out;
  }
  if (!NeedsPublished(point)) {
    if (point.decade != 0 && point.year == 0) {
      out.period = DecadePeriod(point.decade);
      return out;
    }
    out.period = WithinYear(point, point.year);
    return out;
  }
  if (!published) {
    out.unresolved = true;
    return out;
  }
  const std::int64_t pub = *published;
  const Civil today = CivilFromDays(pub);
  const int offset = point.relative_offset;
  switch (point.relative_unit) {
    case Precision::kDay:
      out.period = DayPeriod(pub + offset);
      return out;
    case Precision::kWeek:
      if (point.weekday != 0) {
        out.period = DayPeriod(PlaceWeekday(pub, point.weekday, offset, tense));
      } else if (point.precision == Precision::kDay) {
        out.period = DayPeriod(pub + static_cast<std::int64_t>(kDaysPerWeek) * offset);
      } else {
        const std::int64_t monday =
            WeekdayOnOrBefore(pub, 1) + static_cast<std::int64_t>(kDaysPerWeek) * offset;
        out.period = Period{monday, monday + kDaysPerWeek - 1, Precision::kWeek};
      }
      return out;
    case Precision::kMonth:
      if (point.month != 0) {
        // "last October" / "next March": the previous or next such month, never this one.
        if (!ValidMonth(point.month)) return out;
        int year = today.year;
        if (offset < 0 && point.month >= today.month) --year;
        if (offset > 0 && point.month <= today.month) ++year;
        if (offset == 0) {
          out.period = PlaceYearless(point, pub, tense);
          return out;
        }
        out.period = MonthPeriod(year, point.month);
        return out;
      }
      out.period = MonthsPeriod(MonthIndex(today.year, today.month) + offset, 1, Precision::kMonth);
      if (point.day != 0) {
        // "the 15th day of next month": that day of the month named.
        const Civil first = CivilFromDays(out.period->first);
        out.period = point.day <= DaysInMonth(first.year, first.month)
                         ? std::optional<Period>(DayPeriod(out.period->first + point.day - 1))
                         : std::nullopt;
        return out;
      }
      if (point.precision == Precision::kDay) out.period = DayPeriod(AddMonths(pub, offset));
      return out;
    case Precision::kQuarter: {
      const int quarter_index = (MonthIndex(today.year, today.month) / kMonthsPerQuarter) + offset;
      out.period =
          MonthsPeriod(quarter_index * kMonthsPerQuarter, kMonthsPerQuarter, Precision::kQuarter);
      return out;
    }
    case Precision::kHalf: {
      const int half_index = (MonthIndex(today.year, today.month) / kMonthsPerHalf) + offset;
      out.period = MonthsPeriod(half_index * kMonthsPerHalf, kMonthsPerHalf, Precision::kHalf);
      return out;
    }
    case Precision::kYear: {
      if (point.precision == Precision::kDay && !HasPartOfYear(point)) {
        out.period = DayPeriod(AddMonths(pub, offset * kMonthsPerYear));
        return out;
      }
      int year = today.year + offset;
      out.period = WithinYear(point, year);
      // "In October this year, X finalized …" in an April article: the text contradicts
      // itself. Take the most recent October and say so.
      if (out.period && offset == 0 && HasPartOfYear(point) && tense == Tense::kPast &&
          out.period->first > pub) {
        out.period = WithinYear(point, year - 1);
        AddFlag(flags, "inconsistent");
      }
      return out;
    }
    case Precision::kDecade: {
      const int decade = today.year / kYearsPerDecade * kYearsPerDecade + kYearsPerDecade * offset;
      out.period = DecadePeriod(decade);
      return out;
    }
    case Precision::kNone:
      break;
  }
  // Year-less, not relative: a weekday alone, or a month/day/quarter/half without a year.
  if (!HasPartOfYear(point) && point.day != 0) {
    out.period = PlaceMonthless(point, pub, tense);
    return out;
  }
  if (!HasPartOfYear(point) && point.weekday != 0) {
    out.period = DayPeriod(PlaceWeekday(pub, point.weekday, 0, tense));
    return out;
  }
  if (!HasPartOfYear(point)) return out;
  out.period = PlaceYearless(point, pub, tense);
  return out;
}

std::int64_t DurationEnd(std::int64_t from, int count, Precision unit, int direction) {
  switch (unit) {
    case Precision::kDay:
      return from + static_cast<std::int64_t>(direction) * count;
    case Precision::kWeek:
      return from + static_cast<std::int64_t>(direction) * count * kDaysPerWeek;
    case Precision::kMonth:
      return AddMonths(from, direction * count);
    case Precision::kQuarter:
      return AddMonths(from, direction * count * kMonthsPerQuarter);
    case Precision::kHalf:
      return AddMonths(from, direction * count * kMonthsPerHalf);
    case Precision::kYear:
      return AddMonths(from, direction * count * kMonthsPerYear);
    case Precision::kDecade:
      return AddMonths(from, direction * count * kMonthsPerYear * kYearsPerDecade);
    case Precision::kNone:
      break;
  }
  return from;
}

}  // namespace

namespace {

DateValue ResolveUnchecked(const DateExpr& expr, std::string_view published, Tense tense,
                           int fiscal_end_month) {
  DateValue value;
  value.boundary = expr.boundary;
  const std::optional<std::int64_t> pub = ParseIso(published);
  if (expr.day_month_ambiguous) AddFlag(value.flags, "ambiguous");

  constexpr int kMaxDurationCount = 10000;
  if (!Plausible(expr.start) || (expr.end && !Plausible(*expr.end)) ||
      expr.duration_count > kMaxDurationCount || expr.shift_count > kMaxDurationCount ||
      expr.shift_count < -kMaxDurationCount) {
    AddFlag(value.flags, "invalid");
    return value;
  }

  // A span of time from the published date.
  if (expr.duration_count > 0 && expr.duration_unit != Precision::kNone) {
    value.precision = expr.duration_unit;
    if (!pub) {
      AddFlag(value.flags, "unresolved");
      return value;
    }
    // "for three years starting in 2027": the length runs from the first day of that point.
    if (!(expr.start == DatePoint{})) {
      Resolution from = ResolvePoint(expr.start, pub, tense, value.flags, fiscal_end_month);
      if (from.unresolved || !from.period) {
        AddFlag(value.flags, from.unresolved ? "unresolved" : "invalid");
        return value;
      }
      // "the third Monday of May 2022": that weekday, counted in weeks from the month's first
      // one; "the last Friday in June": its last one.
      if (expr.start.weekday != 0 && expr.start.day == 0 && expr.duration_unit == Precision::kDay &&
          expr.duration_count == 1) {
        std::int64_t day = 0;
        if (expr.duration_direction < 0) {
          day = WeekdayOnOrBefore(from.period->last, expr.start.weekday);
        } else {
          day = WeekdayOnOrBefore(from.period->first + kDaysPerWeek - 1, expr.start.weekday) +
                static_cast<std::int64_t>(kDaysPerWeek) * std::max(expr.shift_count, 0);
        }
        if (day < from.period->first || day > from.period->last) {
          AddFlag(value.flags, "invalid");
          return value;
        }
        value.precision = Precision::kDay;
        value.start = Iso(day);
        value.end = Iso(day);
        return value;
      }
      // "the second week of 2024", "the last week of August", "the week of June 3rd": the
      // Monday-to-Sunday week holding the period's first (last) day, counted on from there.
      if (expr.duration_unit == Precision::kWeek && expr.duration_count == 1 &&
          expr.shift_unit == Precision::kWeek) {
        const std::int64_t monday =
            WeekdayOnOrBefore(expr.duration_direction < 0 ? from.period->last : from.period->first, 1) +
            static_cast<std::int64_t>(kDaysPerWeek) * std::max(expr.shift_count, 0);
        value.start = Iso(monday);
        value.end = Iso(monday + kDaysPerWeek - 1);
        return value;
      }
      // "the first two weeks of 2021" are whole Monday-to-Sunday weeks inside the year.
      const bool whole_weeks =
          expr.duration_unit == Precision::kWeek && from.period->first != from.period->last;
      if (expr.duration_direction < 0) {  // "the last four months of 2021"
        std::int64_t last = from.period->last;
        if (whole_weeks) last = WeekdayOnOrBefore(last, kDaysPerWeek);
        value.start = Iso(DurationEnd(last + 1, expr.duration_count, expr.duration_unit, -1));
        value.end = Iso(last);
        return value;
      }
      std::int64_t first = from.period->first;
      if (whole_weeks && WeekdayOf(first) != 1) first = WeekdayAfter(first, 1);
      // "the second week of 2024": the count starts that many units on.
      if (expr.shift_count > 0 && expr.shift_unit != Precision::kNone)
        first = DurationEnd(first, expr.shift_count, expr.shift_unit, 1);
      value.start = Iso(first);
      value.end = Iso(DurationEnd(first, expr.duration_count, expr.duration_unit, 1) - 1);
      return value;
    }
    int direction = expr.duration_direction;
    if (direction == 0) direction = tense == Tense::kPast ? -1 : 1;
    // "the next 4 business days" are the four weekdays after the published day, "the previous
    // 4 business days" the four before it (the published day is where the count starts).
    if (expr.business_days) {
      constexpr int kSaturday = 6;
      auto business = [&](std::int64_t day) { return WeekdayOf(day) < kSaturday; };
      std::int64_t day = *pub;
      std::int64_t first = 0;
      for (int counted = 0; counted < expr.duration_count;) {
        day += direction;
        if (!business(day)) continue;
        if (counted == 0) first = day;
        ++counted;
      }
      value.start = Iso(direction > 0 ? first : day);
      value.end = Iso(direction > 0 ? day : first);
      value.precision = Precision::kDay;
      return value;
    }
    // Quarters and decades are calendar units first: "the past two quarters" are the two
    // whole quarters before the current one, "the next decade" the 2030s in 2026 (as
    // Recognizers-Text reads them); days, weeks, months and years run from the published day.
    if (expr.duration_direction != 0 &&
        (expr.duration_unit == Precision::kQuarter || expr.duration_unit == Precision::kDecade)) {
      const Civil today = CivilFromDays(*pub);
      const int months = expr.duration_unit == Precision::kQuarter
                             ? kMonthsPerQuarter
                             : kMonthsPerYear * kYearsPerDecade;
      const int current = MonthIndex(today.year, today.month) / months;
      const int first = direction > 0 ? current + 1 : current - expr.duration_count;
      const Period period =
          MonthsPeriod(first * months, months * expr.duration_count, expr.duration_unit);
      value.start = Iso(period.first);
      value.end = Iso(period.last);
      return value;
    }
    const std::int64_t far = DurationEnd(*pub, expr.duration_count, expr.duration_unit, direction);
    if (direction > 0) {
      value.start = Iso(*pub);
      value.end = Iso(far - 1);
    } else {
      value.start = Iso(far + 1);
      value.end = Iso(*pub);
    }
    return value;
  }

  Resolution start = ResolvePoint(expr.start, pub, tense, value.flags, fiscal_end_month);
  value.precision = expr.start.precision;
  if (value.precision == Precision::kNone && start.period)
    value.precision = start.period->precision;
  Resolution end;
  if (expr.end) end = ResolvePoint(*expr.end, pub, tense, value.flags, fiscal_end_month);
  // "from May to September" in a September article is the one under way: a year-less range
  // that holds the published day is that one, whatever the tense (the start in the published
  // year or the one before, the end on or after the start).
  auto yearless = [](const DatePoint& point) {
    return point.year == 0 && point.relative_unit == Precision::kNone && HasPartOfYear(point);
  };
  if (expr.end && pub && yearless(expr.start) && yearless(*expr.end)) {
    const int year = CivilFromDays(*pub).year;
    for (int start_year : {year, year - 1}) {
      auto first = WithinYear(expr.start, start_year);
      auto last = WithinYear(*expr.end, start_year);
      if (first && last && last->last < first->first) last = WithinYear(*expr.end, start_year + 1);
      if (first && last && first->first <= *pub && *pub <= last->last) {
        start.period = first;
        end.period = last;
        break;
      }
    }
  }
  // "from August to October", "from Nov to March": year-less endpoints placed one by one can
  // cross. A range runs forward from where its start was placed: the year-less end moves on
  // to its first occurrence after the start (else a year-less start moves back).
  if (expr.end && start.period && end.period && start.period->first > end.period->last) {
    const bool start_yearless = expr.start.year == 0 && HasPartOfYear(expr.start);
    const bool end_yearless = expr.end->year == 0 && HasPartOfYear(*expr.end);
    if (end_yearless) {
      const int year = CivilFromDays(end.period->first).year + 1;
      if (auto later = WithinYear(*expr.end, year); later && later->last >= start.period->first) {
        end.period = later;
      }
    } else if (start_yearless) {
      const int year = CivilFromDays(start.period->first).year - 1;
      if (auto earlier = WithinYear(expr.start, year);
          earlier && earlier->first <= end.period->last) {
        start.period = earlier;
      }
    }
  }
  if (start.unresolved || end.unresolved) {
    AddFlag(value.flags, "unresolved");
    return value;
  }
  if (!start.period || (expr.end && !end.period)) {
    // "February 30, 2026": no such day. Say so rather than invent one.
    AddFlag(value.flags, "invalid");
    return value;
  }
  // "earlier this month": the month up to the day before the published day; "later this
  // year": from the published day to the year's end (kept whole when that would be empty).
  if (expr.start.side != 0 && pub && !expr.end) {
    Period& part = *start.period;
    if (expr.start.side < 0 && *pub - 1 >= part.first && *pub - 1 <= part.last)
      part.last = *pub - 1;
    if (expr.start.side > 0 && *pub >= part.first && *pub <= part.last) part.first = *pub;
  }
  // "the end of 2000", "mid-May", "early next week": the named part of the period. Before
  // and after an edge ("before the end of December", "after the beginning of March") the
  // edge is the whole period's, as "by the end of 2031" ends on December 31.
  const Period whole = *start.period;
  if (expr.start.part != 0 && expr.shift_count == 0)
    start.period = PartOf(*start.period, expr.start.part);
  if (expr.end && end.period && expr.end->part != 0) end.period = PartOf(*end.period, expr.end->part);
  if (expr.start.part_edge && expr.start.part == 3 &&
      (expr.boundary == Boundary::kBefore || expr.boundary == Boundary::kBy ||
       expr.boundary == Boundary::kThrough || expr.boundary == Boundary::kUntil)) {
    start.period->first = whole.last + 1;  // the edge itself: "before" ends on the last day
    start.period->last = whole.last;
  }
  if (expr.start.part_edge && expr.start.part == 1 &&
      (expr.boundary == Boundary::kBy || expr.boundary == Boundary::kThrough ||
       expr.boundary == Boundary::kUntil)) {
    start.period->last = whole.first;  // "by the start of 1986": by its first day
  }
  if (expr.start.part_edge && expr.start.part == 1 && expr.boundary == Boundary::kAfter) {
    start.period->first = whole.first;
    start.period->last = whole.first - 1;  // "after" starts on the first day
  }
  const Period& period = *start.period;

  // "three weeks from tomorrow", "2 days before May 13": a day counted from the point's first.
  if (expr.shift_count != 0 && expr.shift_unit != Precision::kNone) {
    const int direction = expr.shift_count < 0 ? -1 : 1;
    const int count = expr.shift_count < 0 ? -expr.shift_count : expr.shift_count;
    const std::int64_t day = DurationEnd(period.first, count, expr.shift_unit, direction);
    value.precision = Precision::kDay;
    switch (expr.boundary) {
      case Boundary::kBefore:  // "more than 2 weeks before today"
        value.end = Iso(day - 1);
        break;
      case Boundary::kAfter:  // "more than 2 weeks after today"
        value.start = Iso(day + 1);
        break;
      case Boundary::kRange:  // "less than 3 days after tomorrow": up to the day before
        value.start = Iso(direction > 0 ? period.first : day + 1);
        value.end = Iso(direction > 0 ? day - 1 : period.first);
        break;
      default:
        value.start = Iso(day);
        value.end = Iso(day);
        break;
    }
    return value;
  }

  // "Monday, April 28, 2026" when April 28 is a Tuesday.
  if (expr.start.weekday != 0 && expr.start.day != 0 &&
      WeekdayOf(period.first) != expr.start.weekday) {
    AddFlag(value.flags, "inconsistent");
  }
  // A fully written future date in a past-tense sentence is not flagged: "sold bonds maturing
  // in January 2026" and "raised its outlook for 2029" are ordinary (on the generated corpus
  // such a flag fired on 352 dates, all legitimate). Only a year the text leaves relative
  // ("October this year") is checked against the tense, in ResolvePoint.

  switch (expr.boundary) {
    case Boundary::kNone:
      value.start = Iso(period.first);
      value.end = Iso(period.last);
      break;
    case Boundary::kThrough:
    case Boundary::kUntil:
    case Boundary::kBy:
      value.end = Iso(period.last);
      break;
    case Boundary::kBefore:
      value.end = Iso(period.first - 1);
      break;
    case Boundary::kAfter:
      value.start = Iso(period.last + 1);
      break;
    case Boundary::kSince:
      value.start = Iso(period.first);
      if (pub && *pub >= period.first) value.end = Iso(*pub);
      break;
    case Boundary::kRange:
      value.start = Iso(period.first);
      value.end = Iso(end.period ? end.period->last : period.last);
      break;
  }
  return value;
}

}  // namespace

extract::DateValue ResolveDate(const extract::DateExpr& expr, std::string_view published,
                               Tense tense, int fiscal_year_end_month) {
  DateValue value = ResolveUnchecked(expr, published, tense, fiscal_year_end_month);
  // Dates past year 9999 (or before year 0) have no four-digit ISO form: not resolved.
  auto writable = [](const std::string& iso) {
    constexpr std::size_t kIsoLength = 10;
    return iso.empty() || (iso.size() == kIsoLength && iso[0] != '-');
  };
  if (!writable(value.start) || !writable(value.end)) {
    value.start.clear();
    value.end.clear();
    AddFlag(value.flags, "invalid");
  }
  return value;
}

Result<FiscalCalendar> FiscalCalendar::Load(const std::filesystem::path& file) {
  FiscalCalendar calendar;
  std::ifstream in(file);
  if (!in) return calendar;  // optional: no file, calendar years only
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    const std::string where = file.string() + ":" + std::to_string(line_number);
    constexpr std::size_t kMonthDayLength = 5;  // "06-30"
    if (tab == std::string::npos || tab == 0 || line.size() - tab - 1 != kMonthDayLength ||
        line[tab + 3] != '-') {
      return Status::InvalidInput(where, "expected 'entity-id<TAB>MM-DD'");
    }
    const int month = (line[tab + 1] - '0') * 10 + (line[tab + 2] - '0');
    if (month < 1 || month > kMonthsPerYear)
      return Status::InvalidInput(where, "month out of range");
    calendar.end_month_by_id_[line.substr(0, tab)] = month;
  }
  return calendar;
}

int FiscalCalendar::EndMonth(std::string_view entity_id) const {
  auto found = end_month_by_id_.find(std::string(entity_id));
  return found == end_month_by_id_.end() ? kMonthsPerYear : found->second;
}

namespace {

// Tense lexicons. Future markers win: "said it will build" is about the building.
constexpr std::string_view kFutureWords[] = {
    "will",      "shall",     "would",     "won't",  "wo",     "'ll",   "next", "upcoming",
    "forthcoming", "expected", "expects", "scheduled", "slated", "due",
};
// Two-word future markers ("plans to", "is expected").
constexpr std::array<std::string_view, 2> kFuturePairs[] = {
    {"going", "to"},     {"plans", "to"},      {"plan", "to"},       {"planning", "to"},
    {"expects", "to"},   {"expected", "to"},   {"expect", "to"},     {"is", "expected"},
    {"are", "expected"}, {"intends", "to"},    {"intend", "to"},     {"aims", "to"},
    {"is", "set"},       {"are", "set"},       {"scheduled", "to"},  {"is", "due"},
    {"are", "due"},      {"is", "slated"},     {"are", "slated"},    {"is", "poised"},
    {"is", "scheduled"}, {"are", "scheduled"}, {"was", "scheduled"}, {"were", "scheduled"},
};
constexpr std::string_view kPastWords[] = {
    "was",       "were",    "had",     "did",    "said",   "told",  "paid",  "made",     "took",
    "gave",      "came",    "went",    "sold",   "bought", "rose",  "fell",  "grew",     "won",
    "lost",      "held",    "left",    "met",    "began",  "saw",   "got",   "spent",    "sent",
    "built",     "brought", "thought", "found",  "kept",   "led",   "wrote", "ran",      "struck",
    "became",    "chose",   "drew",    "knew",   "spoke",  "stood", "threw", "withdrew", "ago",
    "yesterday", "sank",    "slid",    "shrank", "swung",
};
// Words ending in "ed" that are not past forms.
constexpr std::string_view kNotPastEd[] = {
    "need",    "needs",  "speed", "proceed", "exceed", "succeed", "feed",
    "seed",    "breed",  "bleed", "embed",   "shed",   "red",     "bed",
    "hundred", "indeed", "naked", "sacred",  "wicked", "kindred", "unprecedented",
    "bred",    "fed",    "wed",   "shred",   "sled",
};

struct Word {
  std::string_view text;  // lower-cased, a view into the caller's lower-cased copy
  std::size_t begin = 0;  // byte offsets into the sentence
  std::size_t end = 0;
};

// Lower-cased ASCII words of `sentence`; apostrophes stay inside words ("won't", "'ll").
// `lowered` receives the lower-cased sentence the words point into (one allocation per call:
// this runs for every date of every sentence).
std::vector<Word> Words(std::string_view sentence, std::string& lowered) {
  lowered.assign(sentence);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  std::vector<Word> words;
  std::size_t begin = 0;
  std::size_t length = 0;  // of the word being read, from `begin`
  auto flush = [&](std::size_t end) {
    if (length != 0) words.push_back({std::string_view(lowered).substr(begin, length), begin, end});
    length = 0;
  };
  for (std::size_t i = 0; i < lowered.size(); ++i) {
    const char c = lowered[i];
    if (length == 0) begin = i;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      ++length;
    } else if (c == '\'') {
      // "he'll" → "he", "'ll"; "won't" stays one word.
      if (i + 2 < lowered.size() && lowered[i + 1] == 'l' && lowered[i + 2] == 'l') {
        flush(i);
        begin = i;
        length = 1;
      } else if (length != 0) {
        ++length;
      }
    } else {
      flush(i);
    }
  }
  flush(lowered.size());
  return words;
}

// The tense lexicons in one sorted table: one binary search per word of a clause says
// whether it is a future marker, the first word of a future pair, a past form, or an "-ed"
// word that is not one. They are consulted for every word of every clause holding a date.
enum TenseWordFlag : std::uint8_t {
  kFutureMarker = 1,
  kPairFirst = 2,
  kPastMarker = 4,
  kNotPast = 8,
};

class TenseLexicon {
 public:
  TenseLexicon() {
    for (std::string_view w : kFutureWords) Add(w, kFutureMarker);
    for (const auto& pair : kFuturePairs) Add(pair[0], kPairFirst);
    for (std::string_view w : kPastWords) Add(w, kPastMarker);
    for (std::string_view w : kNotPastEd) Add(w, kNotPast);
    std::sort(entries_.begin(), entries_.end());
    // One entry per word, its flags merged.
    std::vector<std::pair<std::string_view, std::uint8_t>> merged;
    for (const auto& e : entries_) {
      if (!merged.empty() && merged.back().first == e.first) {
        merged.back().second |= e.second;
      } else {
        merged.push_back(e);
      }
    }
    entries_ = std::move(merged);
  }

  std::uint8_t FlagsOf(std::string_view word) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), word,
                               [](const auto& e, std::string_view w) { return e.first < w; });
    return it != entries_.end() && it->first == word ? it->second : 0;
  }

 private:
  void Add(std::string_view word, std::uint8_t flag) { entries_.emplace_back(word, flag); }
  std::vector<std::pair<std::string_view, std::uint8_t>> entries_;
};

const TenseLexicon& TheTenseLexicon() {
  static const TenseLexicon lexicon;
  return lexicon;
}

bool IsPastForm(std::string_view word, std::uint8_t flags) {
  if ((flags & kPastMarker) != 0) return true;
  constexpr std::size_t kMinEdWord = 4;  // "aimed", not "red"
  return word.size() > kMinEdWord && word.substr(word.size() - 2) == "ed" &&
         (flags & kNotPast) == 0;
}

// The tense a word (or the word pair starting at `i`) marks, or kUnknown.
Tense MarkerAt(const std::vector<Word>& words, std::size_t i) {
  const std::string_view word = words[i].text;
  const std::uint8_t flags = TheTenseLexicon().FlagsOf(word);
  if ((flags & kFutureMarker) != 0) {
    // "due to the strike" gives a cause, not a time.
    if (word == "due" && i + 1 < words.size() && words[i + 1].text == "to") return Tense::kUnknown;
    // "than expected", "as expected": a comparison with a forecast, not a future.
    if (word == "expected" && i > 0 && (words[i - 1].text == "than" || words[i - 1].text == "as"))
      return Tense::kUnknown;
    return Tense::kFuture;
  }
  if ((flags & kPairFirst) != 0 && i + 1 < words.size()) {
    for (const auto& pair : kFuturePairs) {
      if (word == pair[0] && words[i + 1].text == pair[1]) return Tense::kFuture;
    }
  }
  if (!IsPastForm(word, flags)) return Tense::kUnknown;
  // "will be held", "is scheduled to be sold": a participle after "be" takes its tense from
  // the auxiliary before it.
  if (i > 0) {
    const std::string_view before = words[i - 1].text;
    if (before == "be" || before == "being" || before == "is" || before == "are") return Tense::kUnknown;
  }
  return Tense::kPast;
}

bool EndsClause(char c) {
  return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"';
}

}  // namespace

Tense DetectTense(std::string_view sentence) {
  std::string lowered;
  const std::vector<Word> words = Words(sentence, lowered);
  if (words.empty()) return Tense::kUnknown;
  bool past = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Tense marker = MarkerAt(words, i);
    if (marker == Tense::kFuture) return Tense::kFuture;
    if (marker == Tense::kPast) past = true;
  }
  return past ? Tense::kPast : Tense::kPresent;
}

Tense DetectTenseNear(std::string_view sentence, std::size_t date_begin, std::size_t date_end) {
  date_end = std::min(date_end, sentence.size());
  date_begin = std::min(date_begin, date_end);
  // The clause: back and forward from the date to a clause break. An em dash (E2 80 94)
  // breaks too; its last byte is enough to see it.
  auto breaks = [&](std::size_t i) {
    return EndsClause(sentence[i]) || static_cast<unsigned char>(sentence[i]) == 0x94;
  };
  std::size_t clause_begin = date_begin;
  while (clause_begin > 0 && !breaks(clause_begin - 1)) --clause_begin;
  std::size_t clause_end = date_end;
  while (clause_end < sentence.size() && !breaks(clause_end)) ++clause_end;

  // Only the clause's words (one more after it, for two-word markers such as "plans to");
  // the sentence is split again only when the clause has no marker.
  std::size_t words_end = clause_end;
  if (words_end < sentence.size()) ++words_end;
  while (words_end < sentence.size() && sentence[words_end] == ' ') ++words_end;
  while (words_end < sentence.size() && sentence[words_end] != ' ') ++words_end;
  std::string lowered;
  std::vector<Word> words = Words(sentence.substr(clause_begin, words_end - clause_begin), lowered);
  for (Word& word : words) {
    word.begin += clause_begin;
    word.end += clause_begin;
  }
  Tense nearest = Tense::kUnknown;
  std::size_t nearest_distance = sentence.size() + 1;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& word = words[i];
    if (word.begin < clause_begin || word.end > clause_end) continue;
    // Words of the date itself ("next Monday", "two days ago") say nothing about the verb.
    if (word.end > date_begin && word.begin < date_end) continue;
    const Tense marker = MarkerAt(words, i);
    if (marker == Tense::kUnknown) continue;
    const std::size_t distance =
        word.end <= date_begin ? date_begin - word.end : word.begin - date_end;
    // Strictly nearer wins; on a tie the earlier word (usually the governing verb) stays.
    if (distance < nearest_distance) {
      nearest = marker;
      nearest_distance = distance;
    }
  }
  if (nearest != Tense::kUnknown) return nearest;
  // The sentence's own tense, for every date of the sentence whose clause has no marker: kept
  // for the last sentence seen on this thread, since its dates come one after another.
  thread_local std::string last_sentence;
  thread_local Tense last_tense = Tense::kUnknown;
  if (sentence != last_sentence) {
    last_sentence.assign(sentence);
    last_tense = DetectTense(sentence);
  }
  return last_tense;
}

}  // namespace concord::normalize
