#include "normalize/article_dates.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/day_first_sources.inc"

namespace concord::normalize {

namespace {

using extract::DateExpr;
using extract::DatePoint;
using extract::Mention;
using extract::MentionKind;
using extract::Precision;

// A numeric date's reading counts as near the article's dates within this many days.
constexpr std::int64_t kNearDays = 7;
// An article whose written-out dates all lie this many years or more from its published one
// is about another time: its year-less dates follow its written ones.
constexpr int kOtherTimeYears = 2;
// Written-out dates needed to say so when a published date exists.
constexpr std::size_t kOtherTimeDates = 2;
constexpr int kMonthsPerYear = 12;
// A year-less date before the written date that places it counts this many times its distance.
constexpr std::int64_t kBackwardWeight = 3;

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

std::int64_t DayNumber(int year, int month, int day) {
  const std::chrono::year_month_day date{std::chrono::year{year},
                                         std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  return std::chrono::sys_days{date}.time_since_epoch().count();
}

int DaysInMonth(int year, int month) {
  const std::chrono::year_month_day_last last{
      std::chrono::year{year},
      std::chrono::month_day_last{std::chrono::month{static_cast<unsigned>(month)}}};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

int YearOfDay(std::int64_t day) {
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{day}}};
  return static_cast<int>(date.year());
}

// "2026-04-27" as a day number.
std::optional<std::int64_t> ParseIso(std::string_view iso) {
  constexpr std::size_t kIsoLength = 10;
  if (iso.size() != kIsoLength || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = 0; i < lengths[p]; ++i) {
      const char c = iso[starts[p] + i];
      if (c < '0' || c > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  if (parts[1] < 1 || parts[1] > kMonthsPerYear || parts[2] < 1 ||
      parts[2] > DaysInMonth(parts[0], parts[1])) {
    return std::nullopt;
  }
  return DayNumber(parts[0], parts[1], parts[2]);
}

// The days a calendar point with a year covers ("March 1987", "March 3, 1987"; "2004" and its
// quarters and halves as the whole year), or nullopt.
struct Days {
  std::int64_t first = 0;
  std::int64_t last = 0;
};
std::optional<Days> DaysOf(const DatePoint& point, int year) {
  if (point.month == 0 && point.day == 0) {
    return Days{DayNumber(year, 1, 1), DayNumber(year, kMonthsPerYear, 31)};
  }
  if (point.month < 1 || point.month > kMonthsPerYear) return std::nullopt;
  const int length = DaysInMonth(year, point.month);
  if (point.day == 0) {
    return Days{DayNumber(year, point.month, 1), DayNumber(year, point.month, length)};
  }
  if (point.day < 1 || point.day > length) return std::nullopt;
  const std::int64_t day = DayNumber(year, point.month, point.day);
  return Days{day, day};
}

// A date the text writes out with its year ("March 3, 1987", "October 1987", "in 2004").
bool WrittenOut(const DatePoint& point) {
  return point.year != 0 && point.relative_unit == Precision::kNone && point.holiday == 0 &&
         point.week == 0 && !point.fiscal;
}

// A date placed from the published day ("today", "last week", "on Tuesday").
bool FromPublished(const DatePoint& point) {
  return point.relative_unit != Precision::kNone ||
         (point.weekday != 0 && point.year == 0 && point.month == 0);
}

// A date the text gives without a year, and no word relative to the published date.
bool Yearless(const DatePoint& point) {
  return point.year == 0 && point.decade == 0 && point.relative_unit == Precision::kNone &&
         point.week == 0 && !point.fiscal &&
         (point.month != 0 || point.holiday != 0 || point.quarter != 0 || point.half != 0);
}

// The host of `url` ("https://www.bbc.co.uk/news" → "www.bbc.co.uk"), lower case.
std::string HostOf(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const std::size_t stop = url.find_first_of("/?#:");
  if (stop != std::string_view::npos) url = url.substr(0, stop);
  std::string host(url);
  for (char& c : host) c = Lower(c);
  return host;
}

bool HostMatches(std::string_view host, std::string_view entry) {
  if (host.size() < entry.size()) return false;
  if (host.substr(host.size() - entry.size()) != entry) return false;
  return host.size() == entry.size() || host[host.size() - entry.size() - 1] == '.';
}

struct SourceRow {
  std::string_view kind;   // "host", "domain" (a country code domain) or "source"
  std::string_view value;
};

// The embedded table, parsed once (a constant of the build, checked by the tests).
const std::vector<SourceRow>& DayFirstTable() {
  static const std::vector<SourceRow> rows = [] {
    std::vector<SourceRow> out;
    std::string_view rest = kDayFirstSources;
    while (!rest.empty()) {
      const std::size_t newline = rest.find('\n');
      const std::string_view line = rest.substr(0, newline);
      rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
      if (line.empty() || line[0] == '#') continue;
      const std::size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      std::string_view value = line.substr(tab + 1);
      const std::size_t note = value.find('\t');
      if (note != std::string_view::npos) value = value.substr(0, note);
      out.push_back({line.substr(0, tab), value});
    }
    return out;
  }();
  return rows;
}

bool DayFirstHost(std::string_view host) {
  if (host.empty()) return false;
  const std::size_t dot = host.rfind('.');
  const std::string_view domain = dot == std::string_view::npos ? host : host.substr(dot + 1);
  for (const SourceRow& row : DayFirstTable()) {
    if (row.kind == "host" && HostMatches(host, row.value)) return true;
    if (row.kind == "domain" && domain == row.value) return true;
  }
  return false;
}

// `point` with day and month swapped when both can be either.
bool Swappable(const DatePoint& point) {
  return point.day >= 1 && point.day <= kMonthsPerYear && point.month >= 1 &&
         point.day != point.month;
}

void Swap(DatePoint& point) {
  if (Swappable(point)) std::swap(point.day, point.month);
}

}  // namespace

bool DayFirstSource(std::string_view source, std::string_view url) {
  for (const SourceRow& row : DayFirstTable()) {
    if (row.kind == "source" && EqualsIgnoreCase(source, row.value)) return true;
  }
  // The source falls back to the url's host ("bbc.co.uk"): read it as one.
  if (source.find('.') != std::string_view::npos && source.find(' ') == std::string_view::npos &&
      DayFirstHost(HostOf(source))) {
    return true;
  }
  return DayFirstHost(HostOf(url));
}

ArticleDates::ArticleDates(const corpus::Article& article, const std::vector<Mention>& mentions)
    : day_first_(DayFirstSource(article.source, article.url)) {
  const std::optional<std::int64_t> published = ParseIso(article.published);
  if (published) days_.push_back(*published);
  bool all_other_time = true;
  std::size_t with_year = 0;  // dates written with their year
  for (const Mention& mention : mentions) {
    if (mention.kind != MentionKind::kDate || mention.date_expr.day_month_ambiguous) continue;
    const DatePoint& start = mention.date_expr.start;
    // An article that places dates from its published day ("today", "on Tuesday") tells of
    // that time, whatever years it recalls.
    if (FromPublished(start)) all_other_time = false;
    // So does one whose year-less day falls within a week of its published day (a dateline:
    // "NEW YORK, April 2 -").
    if (published && Yearless(start) && start.day != 0) {
      const auto days = DaysOf(start, YearOfDay(*published));
      if (days && std::llabs(days->first - *published) <= kNearDays) all_other_time = false;
    }
    if (!WrittenOut(start)) continue;
    const auto days = DaysOf(start, start.year);
    if (!days) continue;
    ++with_year;
    if (published && std::abs(start.year - YearOfDay(*published)) < kOtherTimeYears) {
      all_other_time = false;
    }
    // Only a written month or day anchors the dates after it: a bare year ("profits in 2004",
    // "a 2005 forecast") is as often the year reported on as the one the story happens in, and
    // a boundary ("the lowest since June 2001") is a comparison, not the story's time.
    const extract::Boundary boundary = mention.date_expr.boundary;
    if (start.month == 0 || (boundary != extract::Boundary::kNone &&
                             boundary != extract::Boundary::kRange)) {
      continue;
    }
    written_.push_back({mention.span.begin, days->first, days->last});
    if (start.day != 0) days_.push_back(days->first);
  }
  std::stable_sort(written_.begin(), written_.end(),
                   [](const Written& a, const Written& b) { return a.at < b.at; });
  steer_years_ = !written_.empty() &&
                 (!published || (all_other_time && with_year >= kOtherTimeDates));
}

DateExpr ArticleDates::Steer(const DateExpr& expr, std::size_t at) const {
  DateExpr out = expr;
  if (out.day_month_ambiguous) {
    bool swap = day_first_;
    bool settled = day_first_;
    if (!day_first_ && out.start.year != 0 && Swappable(out.start)) {
      DatePoint other = out.start;
      Swap(other);
      const auto as_written = DaysOf(out.start, out.start.year);
      const auto swapped = DaysOf(other, other.year);
      auto near = [&](const std::optional<Days>& days) {
        return days && std::any_of(days_.begin(), days_.end(), [&](std::int64_t day) {
                 return std::llabs(day - days->first) <= kNearDays;
               });
      };
      const bool near_written = near(as_written);
      const bool near_swapped = near(swapped);
      swap = near_swapped && !near_written;
      settled = near_swapped != near_written;
    }
    if (swap) {
      Swap(out.start);
      if (out.end) Swap(*out.end);
    }
    if (settled) out.day_month_ambiguous = false;
  }
  if (!steer_years_ || !Yearless(out.start)) return out;
  // The written month or day nearest before `at` (one after it is as often a flashback).
  const Written* anchor = nullptr;
  for (const Written& written : written_) {
    if (written.at >= at) break;
    anchor = &written;
  }
  if (anchor == nullptr) return out;
  const int anchor_year = YearOfDay(anchor->first);
  int year = anchor_year;
  if (out.start.month != 0) {
    // The occurrence nearest the written date, one before it counting three times its distance
    // (a story moves on from the date it gives): "January 5" after "December 28, 1987" is
    // 1988, "left on 31 December" after "stepped down in April 2004" December 2004.
    std::int64_t best = -1;
    for (int candidate : {anchor_year, anchor_year - 1, anchor_year + 1}) {
      const auto days = DaysOf(out.start, candidate);
      if (!days) continue;
      std::int64_t distance = 0;
      if (days->last < anchor->first) distance = kBackwardWeight * (anchor->first - days->last);
      if (days->first > anchor->last) distance = days->first - anchor->last;
      if (best < 0 || distance < best) {
        best = distance;
        year = candidate;
      }
    }
  }
  out.start.year = year;
  if (out.end && Yearless(*out.end)) {
    // "from March 3 to April 5": the end in the start's year, or the next when it would come
    // before the start.
    out.end->year = year;
    const bool before = out.end->month != 0 && out.start.month != 0 &&
                        (out.end->month < out.start.month ||
                         (out.end->month == out.start.month && out.end->day < out.start.day));
    if (before) ++out.end->year;
  }
  return out;
}

}  // namespace concord::normalize
