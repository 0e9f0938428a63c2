// The summary audit, dates: times held only against times of their kind and precision, with
// the year a text leaves to the tense, "after" a period, and a year slipped told apart.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "reconcile/audit/audit_internal.h"

namespace concord::reconcile::audit_internal {

namespace {

// Times compare only with times of their kind: an end ("through 2030", "before 2030", "by
// June") with an end, a day or period ("on Monday", "in 2025", "since 2023") with a day or
// period. "Before 2034" and "on Monday" are not two readings of one date.
// An open start ("from 2028", "since 2023") is told in many ways ("a year from 2028",
// "starting in 2026"): it is compared only where both sides give a start of one precision.
enum class TimeKind { kNone, kPoint, kEnd, kOpenStart };

TimeKind KindOfTime(const ClaimRow& claim) {
  if (claim.time_start.empty() && claim.time_end.empty()) return TimeKind::kNone;
  const std::string& boundary = claim.time_boundary;
  if (boundary == "through" || boundary == "before" || boundary == "until" || boundary == "by") return TimeKind::kEnd;
  if (boundary == "since" || boundary == "after") return TimeKind::kOpenStart;
  return TimeKind::kPoint;
}

bool Comparable(TimeKind a, TimeKind b) { return a == b && (a == TimeKind::kPoint || a == TimeKind::kEnd); }

}  // namespace

// Two times that can be held against each other: of one kind, or an open start against a
// day or period of the same precision ("run from December 2029" against "enter service in
// December 2028"), both with a start.
bool Comparable(const ClaimRow& a, const ClaimRow& b) {
  const TimeKind x = KindOfTime(a), y = KindOfTime(b);
  if (Comparable(x, y)) return true;
  const bool open_and_point = (x == TimeKind::kOpenStart && (y == TimeKind::kPoint || y == TimeKind::kOpenStart)) ||
                              (y == TimeKind::kOpenStart && x == TimeKind::kPoint);
  return open_and_point && !a.time_start.empty() && !b.time_start.empty() && a.time_precision == b.time_precision;
}

// A time that can be held against anything at all: resolved, and not an open start without one.
bool Judgeable(const ClaimRow& claim) { return Comparable(claim, claim); }

// A day or month written without its year ("on May 8", "in October") gets its year from
// the tense around it, a guess that a summary's rewording can tip: the same day a year
// apart is that guess, not a slip. Quarters and years are not written without one.
bool YearGuessApart(const ClaimRow& a, const ClaimRow& b) {
  if (a.time_precision != b.time_precision || (a.time_precision != "day" && a.time_precision != "month")) return false;
  const std::string& x = a.time_start.empty() ? a.time_end : a.time_start;
  const std::string& y = b.time_start.empty() ? b.time_end : b.time_start;
  constexpr std::size_t kYearDigits = 4;
  if (x.size() <= kYearDigits || x.size() != y.size() || x.substr(kYearDigits) != y.substr(kYearDigits)) return false;
  if (std::abs(std::stoi(x.substr(0, kYearDigits)) - std::stoi(y.substr(0, kYearDigits))) != 1) return false;
  // Both years written out ("by the end of June 2027" against "June 2028") are no guess.
  auto year_written = [&](const ClaimRow& claim, const std::string& date) {
    return claim.quote.find(date.substr(0, kYearDigits)) != std::string::npos;
  };
  return !year_written(a, x) || !year_written(b, y);
}

// Date and boundary differences of two times of one kind. A date standing for itself (a
// figure's own date, a date left over in its clause) is what its clause asserts, so an end
// read inclusively on one side and exclusively on the other is a medium difference there;
// a relation claim's time scope keeps CompareClaims' low boundary note. "Until" reads
// either way (DESIGN.md), so it agrees with both.
std::vector<Difference> TimeDifferences(const ClaimRow& source, const ClaimRow& summary) {
  std::vector<Difference> kept;
  for (Difference& difference : CompareClaims(source, summary)) {
    if (difference.type == "boundary") {
      if (source.time_boundary == "until" || summary.time_boundary == "until") continue;
      difference.severity = "medium";
    }
    if (difference.type == "date" || difference.type == "boundary") kept.push_back(std::move(difference));
  }
  return kept;
}

namespace {

// The ISO day after `date` ("2026-03-31" -> "2026-04-01"); empty when it is no ISO day.
std::string NextDay(const std::string& date) {
  constexpr std::size_t kIsoDayLength = 10;
  if (date.size() != kIsoDayLength) return {};
  const std::chrono::year_month_day day{std::chrono::year{std::stoi(date.substr(0, 4))},
                                        std::chrono::month{static_cast<unsigned>(std::stoi(date.substr(5, 2)))},
                                        std::chrono::day{static_cast<unsigned>(std::stoi(date.substr(8, 2)))}};
  if (!day.ok()) return {};
  const std::chrono::year_month_day next{std::chrono::sys_days{day} + std::chrono::days{1}};
  char text[32];  // room for any int year, so GCC's -Wformat-truncation sees no cut
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(next.year()), static_cast<unsigned>(next.month()),
                static_cast<unsigned>(next.day()));
  return text;
}

// "After" a period, read as a time opening the day it ends ("after first-quarter profit
// slipped", start 2026-04-01), against that period itself (the first quarter): the
// conjunction "after" before a figure's period, not a new date.
bool OpensAfter(const ClaimRow& opening, const ClaimRow& period) {
  return opening.time_boundary == "after" && KindOfTime(period) == TimeKind::kPoint &&
         opening.time_precision == period.time_precision && !opening.time_start.empty() &&
         opening.time_start == NextDay(period.time_end);
}

}  // namespace

bool SameTime(const ClaimRow& a, const ClaimRow& b) {
  if (OpensAfter(a, b) || OpensAfter(b, a)) return true;
  return Comparable(a, b) && (TimeDifferences(a, b).empty() || YearGuessApart(a, b));
}

// A day or month the sources give as an end ("runs until the end of September 2029") that
// the summary writes as a point ("running to the end of September 2029"), or the reverse:
// one date, two readings of its kind. "Before", whose end is the day before, is not this.
bool SameDateOtherKind(const ClaimRow& a, const ClaimRow& b) {
  const TimeKind x = KindOfTime(a), y = KindOfTime(b);
  const bool point_and_end =
      (x == TimeKind::kPoint && y == TimeKind::kEnd) || (x == TimeKind::kEnd && y == TimeKind::kPoint);
  if (!point_and_end || a.time_precision != b.time_precision || a.time_end.empty() || a.time_end != b.time_end) {
    return false;
  }
  if (a.time_precision != "day" && a.time_precision != "month") return false;
  return a.time_boundary != "before" && b.time_boundary != "before";
}

// A day, month or quarter the sources give in one other year only, both years written out:
// "payouts start in January 2028" against "payments begin in January 2027" moved the year,
// however the clause around it is reworded. Returns that source date, or null.
const ClaimRow* YearSlipped(const ClaimRow& summary, const std::vector<const ClaimRow*>& sources) {
  constexpr std::size_t kYearDigits = 4;
  const std::string& precision = summary.time_precision;
  if ((precision != "day" && precision != "month" && precision != "quarter") ||
      summary.time_start.size() <= kYearDigits) {
    return nullptr;
  }
  const ClaimRow* slipped = nullptr;
  for (const ClaimRow* source : sources) {
    if (!Comparable(*source, summary) || source->time_precision != precision) continue;
    if (SameTime(*source, summary)) return nullptr;
    const std::string& start = source->time_start;
    if (start.size() != summary.time_start.size() ||
        start.substr(kYearDigits) != summary.time_start.substr(kYearDigits) || YearGuessApart(*source, summary)) {
      continue;
    }
    if (slipped != nullptr && slipped->time_start != start) return nullptr;  // two years: no telling which
    slipped = source;
  }
  return slipped;
}

}  // namespace concord::reconcile::audit_internal
