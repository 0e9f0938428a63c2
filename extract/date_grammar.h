#pragma once
// The date recognizer's grammar (internal to extract/dates*.cc): its compiled patterns and
// the parsers that combine them, one DateRecognizer::Impl split over four files:
//   dates.cc         the patterns, the scan (Find) and the expression entry (ExpressionAt)
//   date_points.cc   calendar points: months, weekdays, quarters, relative words, holidays
//   date_numeric.cc  numeric points: years, ISO, slashed and dotted dates, decades
//   date_spans.cc    durations, offsets, ranges, centuries, nth weekdays, boundaries

#include <re2/re2.h>

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/date_words.h"
#include "extract/dates.h"

namespace concord::extract {

namespace date_detail {


// A bound on one anchored attempt: no date expression is longer than this (bytes). It keeps
// the scan linear even where a pattern could run on (a long run of spaces after "April").
inline constexpr std::size_t kMaxExpressionBytes = 160;

// A successful anchored match: the captures and where the match ends.
struct Hit {
  static constexpr int kMaxGroups = 8;
  std::array<Piece, kMaxGroups + 1> groups;
  std::size_t end = 0;
  Piece operator[](int i) const { return groups[static_cast<std::size_t>(i)]; }
  bool has(int i) const { return groups[static_cast<std::size_t>(i)].data() != nullptr; }
};

// What opens a range: "between" (joined by "and"), "from" (by "to", "through" …) or nothing
// ("May to March", "Jan-Feb 2017").
enum class RangeOpener { kNone, kBetween, kFrom };

struct Parsed {
  DatePoint point;
  std::size_t end = 0;
  bool day_month_ambiguous = false;  // "4/5/2026"
};

// A compiled pattern and the bytes its matches can start with.
struct Pattern {
  std::unique_ptr<RE2> re;
  unsigned char first_min = 0;
  unsigned char first_max = 0xFF;
  std::string_view required;  // a literal in every match, or empty
};

// The text Find() scans, for the day-first test of ambiguous numeric dates (looked at only
// when one turns up, which is rare): call once per Find().
void ResetDayFirst(std::string_view text);

}  // namespace date_detail

struct DateRecognizer::Impl {
  using Hit = date_detail::Hit;
  using Parsed = date_detail::Parsed;
  using Pattern = date_detail::Pattern;
  using RangeOpener = date_detail::RangeOpener;

  Impl();

  // `required`: a literal every match contains (lower case), checked before the pattern runs.
  std::unique_ptr<Pattern> Compile(const std::string& pattern,
                                   std::string_view required = {}) const;

  // Anchored match of `pattern` at `pos`; nullopt when it does not match there.
  std::optional<Hit> MatchAt(const Pattern& pattern, std::string_view text, std::size_t pos) const;

  std::vector<Mention> Find(std::string_view text) const;

  // One expression starting at `pos` (a word start): appends its mention(s) and returns the
  // end of what was consumed, or nullopt.
  std::optional<std::size_t> ExpressionAt(std::string_view text, std::size_t pos,
                                          std::vector<Mention>& out) const;
  std::optional<std::size_t> DurationAt(std::string_view text, std::size_t pos,
                                        std::vector<Mention>& out) const;
  std::optional<std::size_t> RangeAt(std::string_view text, std::size_t pos,
                                     std::vector<Mention>& out) const;
  // "the third Monday of May 2022", "the last Friday in June": that weekday of the month.
  std::optional<std::size_t> NthWeekdayAt(std::string_view text, std::size_t pos,
                                          std::vector<Mention>& out) const;
  // "the 21st century": one mention holding the range of its years.
  std::optional<std::size_t> CenturyAt(std::string_view text, std::size_t pos,
                                       std::vector<Mention>& out) const;
  // The two ends of a range from `pos`, after "between" or "from" or neither (then both ends
  // must be calendar dates); the first mention starts at `mention_begin`.
  std::optional<std::size_t> RangeBodyAt(std::string_view text, std::size_t mention_begin,
                                         std::size_t pos, RangeOpener opener,
                                         std::vector<Mention>& out) const;
  // The second end of a range at `pos`: a point, "now", or a day of `start`'s month.
  std::optional<Parsed> RangeEndAt(std::string_view text, std::size_t pos,
                                   const DatePoint& start) const;
  // "three weeks from tomorrow", "2 days before May 13 1999", "two years from now".
  std::optional<std::size_t> OffsetAt(std::string_view text, std::size_t pos,
                                      std::vector<Mention>& out) const;
  // "in two weeks": the day that far after the published date.
  std::optional<std::size_t> InCountAt(std::string_view text, std::size_t pos,
                                       std::vector<Mention>& out) const;
  // "2026-2030" at `year_pos`; the mention starts at `pos` (a boundary word may precede).
  std::optional<std::size_t> YearRangeAt(std::string_view text, std::size_t pos,
                                         std::size_t year_pos, Boundary boundary,
                                         std::vector<Mention>& out) const;
  // A point (or dash year range) at `point_pos`, its mention starting at `pos`.
  std::optional<std::size_t> PointExpressionAt(std::string_view text, std::size_t pos,
                                               std::size_t point_pos, Boundary boundary,
                                               std::vector<Mention>& out) const;

  // A calendar point at `pos`, after an optional "the end of"/"early" modifier.
  // `in_date_context`: a boundary or modifier precedes, so a bare year or month is a date.
  std::optional<Parsed> ModifiedPointAt(std::string_view text, std::size_t pos,
                                        bool in_date_context) const;
  std::optional<Parsed> PointAt(std::string_view text, std::size_t pos, bool in_date_context) const;
  std::optional<Parsed> MonthPointAt(std::string_view text, std::size_t pos,
                                     bool in_date_context) const;
  std::optional<Parsed> NumericPointAt(std::string_view text, std::size_t pos,
                                       bool in_date_context) const;
  // "Monday", "Sunday 31", "Mon 13th", "friday 5/12", "Tuesday of next week".
  std::optional<Parsed> WeekdayPointAt(std::string_view text, std::size_t pos) const;
  // "Christmas", "last Easter", "Thanksgiving 2023", "the August bank holiday".
  std::optional<Parsed> HolidayPointAt(std::string_view text, std::size_t pos) const;
  // "18th" of "on the 18th." (no month named).
  std::optional<Parsed> DayOnlyAt(std::string_view text, std::size_t pos) const;
  // "10/1", "5/7, 2020": month/day without a year, where the caller knows it is a date.
  std::optional<Parsed> SlashNoYearAt(std::string_view text, std::size_t pos) const;
  // "7.6" right after a weekday ("Friday 7.6"): month.day.
  std::optional<Parsed> DottedNoYearAt(std::string_view text, std::size_t pos) const;
  std::optional<Parsed> WordPointAt(std::string_view text, std::size_t pos,
                                    bool in_date_context) const;
  // "three days ago", "a year ago".
  std::optional<Parsed> AgoPointAt(std::string_view text, std::size_t pos) const;
  // ", 2026", " of fiscal 2025", " of next year", " FY26" after a month, quarter or half.
  bool YearSpecAt(std::string_view text, std::size_t pos, DatePoint& point, std::size_t& end) const;

  std::unique_ptr<Pattern> month_day_;   // April 27, 2026 | Apr. 27 | Monday, April 27
  std::unique_ptr<Pattern> day_month_;   // 27 April 2026 | 1 December
  std::unique_ptr<Pattern> month_year_;  // February 2026 | Jan 2021 | March of 2026 | Dec/2018
  std::unique_ptr<Pattern> month_slash_day_;    // Oct/2 | Jan/3/2019 | Sep-23-2020
  std::unique_ptr<Pattern> day_month_dashed_;   // 05-Aug-2016 | 22/Jan/2019
  std::unique_ptr<Pattern> year_month_day_;     // 2019/aug/01 | 2019-aug-1
  std::unique_ptr<Pattern> spoken_day_of_;      // the fifth of August | twenty-first of May
  std::unique_ptr<Pattern> month_spoken_day_;   // August the fifth | february twenty second
  std::unique_ptr<Pattern> the_spoken_day_;     // the eleventh (after a weekday)
  std::unique_ptr<Pattern> month_cardinal_day_;  // April six | June Two | November three, 1986
  std::unique_ptr<Pattern> month_rel_;   // October this year | February of last year
  std::unique_ptr<Pattern> month_only_;  // October (context decides)
  std::unique_ptr<Pattern> iso_;         // 2026-04-27
  std::unique_ptr<Pattern> slash_;       // 4/27/2026 | 4-27-2026
  std::unique_ptr<Pattern> decade_;      // the 2020s
  std::unique_ptr<Pattern> year_;        // 2032 | 2026's
  std::unique_ptr<Pattern> year_range_;  // 2026-2030 | 2026–30
  std::unique_ptr<Pattern> year_spec_;   // (of) (fiscal) 2025 | of next year | FY26
  std::unique_ptr<Pattern> quarter_q_;   // Q3 | H1
  std::unique_ptr<Pattern> quarter_nq_;  // 3Q25 | 1H 2026
  std::unique_ptr<Pattern>
      ordinal_part_;                    // the third quarter | first-half | the second fiscal half
  std::unique_ptr<Pattern> to_date_;    // date | current date (a range's end: "from March to date")
  std::unique_ptr<Pattern> work_week_;  // this working week | next workweek
  std::unique_ptr<Pattern> weeks_away_;       // two weeks from now | 3 weeks ago (after a weekday)
  std::unique_ptr<Pattern> week_of_;          // the week beginning | the week starting on
  std::unique_ptr<Pattern> calendar_year_;    // CY2025 | cy18
  std::unique_ptr<Pattern> iso_month_;        // 2015-12 | 2015-3 (when not a range of years)
  std::unique_ptr<Pattern> fiscal_;           // fiscal 2026 | fiscal year 2026 | FY26 | FY 2026
  std::unique_ptr<Pattern> rel_day_;          // today | yesterday | this morning
  std::unique_ptr<Pattern> rel_unit_;         // last week | this year | the previous quarter
  std::unique_ptr<Pattern> possessive_year_;  // next year's | this year's (before a quarter)
  std::unique_ptr<Pattern> iso_week_;         // week 31 | the week 1
  std::unique_ptr<Pattern> this_next_;        // this | next (before "5/12")
  std::unique_ptr<Pattern>
      nth_of_;  // the 15th day of | the third month of | the twenty-sixth day of
  std::unique_ptr<Pattern> week_after_next_;  // the week after next | the month after next
  std::unique_ptr<Pattern> the_year_;         // the year 2024
  std::unique_ptr<Pattern> rel_within_;
  std::unique_ptr<Pattern> rest_of_;       // the rest of the year | the remainder of this week
  std::unique_ptr<Pattern> year_month_;    // 2017 April | 2017 april (after "in")      // earlier
                                           // this month | later this year
  std::unique_ptr<Pattern> ago_;           // three days ago | a year ago
  std::unique_ptr<Pattern> weekday_;       // Monday | monday | Mon (the caller decides)
  std::unique_ptr<Pattern> weekday_day_;   // 31 | 13th (after a weekday: "Sunday 31", "Mon 13th")
  std::unique_ptr<Pattern> of_week_;       // of next week | of the following week (after a weekday)
  std::unique_ptr<Pattern> week_weekday_;  // next week Wednesday | this week - Monday
  std::unique_ptr<Pattern> day_only_;      // 18th (after "the": "on the 18th")
  std::unique_ptr<Pattern> dotted_no_year_;    // 7.6 (after a weekday only)
  std::unique_ptr<Pattern> slash_no_year_;     // 10/1 | 5/7, 2020 (only where a date is certain)
  std::unique_ptr<Pattern> month_abbr_only_;   // Feb | Sept. (in date context only)
  std::unique_ptr<Pattern> month_lower_only_;  // june | march | may (after a date word)
  std::unique_ptr<Pattern> day_range_;         // 9 to | 3 and | 5- (a day before "12 of June")
  std::unique_ptr<Pattern> end_day_;           // 17th | seventeenth (after "April 9th through")
  std::unique_ptr<Pattern> year_quarter_;      // 2017 q1 | 2019 H2
  std::unique_ptr<Pattern> century_;           // 21st century | the 15th century
  std::unique_ptr<Pattern> decade_word_;
  std::unique_ptr<Pattern> short_decade_;  // 90s (after "the" or an apostrophe: "the '90s")     //
                                           // the nineties | eighties
  std::unique_ptr<Pattern> year_after_day_;  // , 2026 | 2026 (after "June 3rd-8th")
  std::unique_ptr<Pattern> or_later_;        // or later | or after (after a point)
  std::unique_ptr<Pattern> rel_weekday_;     // last Tuesday | next Sunday
  std::unique_ptr<Pattern> rel_month_;       // last October | next March | this September
  std::unique_ptr<Pattern> in_count_;        // in two weeks | in 3 days (a day that far ahead)
  std::unique_ptr<Pattern> offset_;          // three weeks from | 2 days before | a year after
  std::unique_ptr<Pattern> now_;             // now (after "from")
  std::unique_ptr<Pattern> end_of_unit_;     // the decade | the year (after "the end of")
  std::unique_ptr<Pattern> boundary_;        // through | until | by | since | as of …
  std::unique_ptr<Pattern> modifier_;        // the end of | early | mid- | late
  std::unique_ptr<Pattern> range_open_;      // between | from
  std::unique_ptr<Pattern> range_join_;  // and | to | through | until | - (after the first point)
  std::unique_ptr<Pattern> duration_;    // in the next six years | over the past 2 quarters
  std::unique_ptr<Pattern> duration_count_first_;  // in the 2 next days | the 5 past years
  std::unique_ptr<Pattern> duration_start_;  // , starting | from | beginning (after "for 3 days")
  std::unique_ptr<Pattern> part_of_;         // (for) the first six months of | the last 3 weeks of
  std::unique_ptr<Pattern> nth_part_of_;     // the second week of | the last week in
  std::unique_ptr<Pattern> nth_weekday_of_;  // the third Monday of | the last Friday in
  std::unique_ptr<Pattern> duration_one_;    // over the past year | in the coming month
  std::unique_ptr<Pattern> duration_plain_;  // within 18 months | over seven years
};

}  // namespace concord::extract
