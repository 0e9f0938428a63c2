#include "extract/date_grammar.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace concord::extract {

using namespace date_detail;  // the recognizer's own words and helpers (date_words.h)

std::optional<std::size_t> DateRecognizer::Impl::DurationAt(std::string_view text, std::size_t pos,
                                                            std::vector<Mention>& out) const {
  auto backward = [](Piece word) {
    const std::string_view w(word.data(), word.size());
    return EqualsLower(w, "past") || EqualsLower(w, "last") || EqualsLower(w, "previous");
  };
  // Every duration names its unit within a few words: most anchors ("the", "in", "for") are
  // not followed by one, and then none of the patterns below can match ("w/c Feb 4" aside).
  const bool unit_ahead = UnitWordAhead(text, pos);
  if (!unit_ahead && ToLower(text[pos]) != 'w') return std::nullopt;
  if (auto week = MatchAt(*work_week_, text, pos)) {
    // "this working week", "next workweek": Monday to Friday of that week.
    constexpr int kWorkingDays = 5;
    DateExpr expr;
    expr.start.relative_unit = Precision::kWeek;
    expr.start.relative_offset = OffsetOf((*week)[1]);
    expr.start.precision = Precision::kWeek;
    expr.duration_count = kWorkingDays;
    expr.duration_unit = Precision::kDay;
    expr.duration_direction = 1;
    out.push_back(MakeMention(text, pos, week->end, expr));
    return week->end;
  }
  if (auto week = MatchAt(*week_of_, text, pos)) {
    // "the week beginning February 4": seven days from that day.
    if (auto day = ModifiedPointAt(text, week->end, true); day && day->point.day != 0) {
      DateExpr expr;
      expr.start = day->point;
      expr.duration_count = 1;
      expr.duration_unit = Precision::kWeek;
      expr.duration_direction = 1;
      // "the week of June 3rd": the Monday-to-Sunday week that holds the day.
      const std::string_view lead = text.substr(pos, week->end - pos);
      if (lead.find(" of") != std::string_view::npos) expr.shift_unit = Precision::kWeek;
      out.push_back(MakeMention(text, pos, day->end, expr));
      return day->end;
    }
  }
  if (!unit_ahead) return std::nullopt;
  DateExpr expr;
  std::size_t end = 0;
  if (auto part = MatchAt(*nth_part_of_, text, pos)) {
    // "the second week of 2024", "the last week of August": a Monday-to-Sunday week counted
    // from the one holding the period's first day (or back from the one holding its last).
    if (auto whole = ModifiedPointAt(text, part->end, true)) {
      const int n = NthOf((*part)[1]);
      expr.start = whole->point;
      expr.duration_direction = n < 0 ? -1 : 1;
      expr.duration_count = 1;
      expr.duration_unit = UnitOf((*part)[2]);
      expr.shift_count = n < 0 ? 0 : n - 1;
      expr.shift_unit = expr.duration_unit;
      if (n == 0) return std::nullopt;
      out.push_back(MakeMention(text, pos, whole->end, expr));
      return whole->end;
    }
  }
  if (auto part = MatchAt(*part_of_, text, pos)) {
    // "the first six months of 2025", "the last 3 weeks of this year": part of a period.
    if (auto whole = ModifiedPointAt(text, part->end, true)) {
      expr.start = whole->point;
      expr.duration_direction = ToLower((*part)[1][0]) == 'l' ? -1 : 1;
      expr.duration_count = NumberOf((*part)[2], kNumberWords);
      expr.duration_unit = UnitOf((*part)[3]);
      if (expr.duration_count <= 0) return std::nullopt;
      out.push_back(MakeMention(text, pos, whole->end, expr));
      return whole->end;
    }
  }
  if (auto hit = MatchAt(*duration_, text, pos)) {
    // "in the next six years": 1 direction, 2 count, 3 unit.
    expr.duration_direction = backward((*hit)[1]) ? -1 : 1;
    expr.duration_count = NumberOf((*hit)[2], kNumberWords);
    expr.duration_unit = UnitOf((*hit)[3]);
    end = hit->end;
  } else if (auto first = MatchAt(*duration_count_first_, text, pos)) {
    // "the 3 next weeks": 1 count, 2 direction, 3 unit.
    expr.duration_direction = backward((*first)[2]) ? -1 : 1;
    expr.duration_count = NumberOf((*first)[1], kNumberWords);
    expr.duration_unit = UnitOf((*first)[3]);
    end = first->end;
  } else if (auto one = MatchAt(*duration_one_, text, pos)) {
    // "over the past year": 1 direction, 2 unit; one of it.
    expr.duration_direction = backward((*one)[1]) ? -1 : 1;
    expr.duration_count = 1;
    expr.duration_unit = UnitOf((*one)[2]);
    end = one->end;
  } else if (auto plain = MatchAt(*duration_plain_, text, pos)) {
    // "within 18 months" looks ahead; "over seven years" is a length the tense places.
    const std::string_view word((*plain)[1].data(), (*plain)[1].size());
    expr.duration_direction = EqualsLower(word, "within") ? 1 : 0;
    expr.duration_count = NumberOf((*plain)[2], kNumberWords);
    expr.duration_unit = UnitOf((*plain)[3]);
    end = plain->end;
  } else {
    return std::nullopt;
  }
  // "within 10 business days", "the next 4 working days": days Monday to Friday.
  const std::string_view covered = text.substr(pos, end - pos);
  if (covered.find("business day") != std::string_view::npos ||
      covered.find("working day") != std::string_view::npos) {
    expr.duration_unit = Precision::kDay;
    expr.business_days = true;
  }
  if (expr.duration_count <= 0 || expr.duration_unit == Precision::kNone) return std::nullopt;
  // "for three years starting in 2027", "for 3 days from today": the length runs from that
  // point; the mention is then a period (a date), not a length.
  bool anchored = false;
  if (expr.duration_direction == 0) {
    if (auto start = MatchAt(*duration_start_, text, end)) {
      std::optional<Parsed> point;
      if (auto now = MatchAt(*now_, text, start->end)) {
        DatePoint today;
        today.relative_unit = Precision::kDay;
        today.precision = Precision::kDay;
        point = Parsed{today, now->end};
      } else {
        point = ModifiedPointAt(text, start->end, true);
      }
      if (point) {
        expr.start = point->point;
        expr.day_month_ambiguous = point->day_month_ambiguous;
        expr.duration_direction = 1;
        end = point->end;
        anchored = true;
      }
    }
  }
  Mention mention = MakeMention(text, pos, end, expr);
  if (!anchored) mention.kind = MentionKind::kDuration;
  out.push_back(std::move(mention));
  return end;
}

std::optional<std::size_t> DateRecognizer::Impl::OffsetAt(std::string_view text, std::size_t pos,
                                                          std::vector<Mention>& out) const {
  auto hit = MatchAt(*offset_, text, pos);
  if (!hit) return std::nullopt;
  const int count = NumberOf((*hit)[1], kNumberWords);
  if (count <= 0) return std::nullopt;
  const char how = ToLower((*hit)[3][0]);
  const bool back = how == 'b' || how == 'e';  // before, earlier than
  DateExpr expr;
  // "more than 2 weeks before today" ends before that day; "less than 3 days after tomorrow"
  // runs from tomorrow to the day before the count's end (normalize says how).
  const char lead = ToLower(text[pos]);
  if (lead == 'm') expr.boundary = back ? Boundary::kBefore : Boundary::kAfter;
  if (lead == 'l') expr.boundary = Boundary::kRange;
  std::size_t end = 0;
  if (auto now = MatchAt(*now_, text, hit->end)) {
    expr.start.relative_unit = Precision::kDay;  // "from now": the published day
    expr.start.precision = Precision::kDay;
    end = now->end;
  } else if (auto point = ModifiedPointAt(text, hit->end, true)) {
    expr.start = point->point;
    expr.day_month_ambiguous = point->day_month_ambiguous;
    end = point->end;
  } else {
    return std::nullopt;
  }
  expr.shift_count = back ? -count : count;
  expr.shift_unit = UnitOf((*hit)[2]);
  out.push_back(MakeMention(text, pos, end, expr));
  return end;
}

std::optional<std::size_t> DateRecognizer::Impl::InCountAt(std::string_view text, std::size_t pos,
                                                           std::vector<Mention>& out) const {
  auto hit = MatchAt(*in_count_, text, pos);
  if (!hit) return std::nullopt;
  const int count = NumberOf((*hit)[1], kNumberWords);
  if (count <= 0) return std::nullopt;
  // "in two days from today": the count belongs to "from today" (OffsetAt, at the number).
  for (std::string_view join : {" from ", " after ", " before "}) {
    if (text.substr(hit->end, join.size()) == join) return std::nullopt;
  }
  // A point, not a period: "will pay in two years" names the day two years on (day precision,
  // like "two years ago"); "in the next two years" is the period (DurationAt).
  DateExpr expr;
  expr.start.relative_unit = UnitOf((*hit)[2]);
  expr.start.relative_offset = count;
  expr.start.precision = Precision::kDay;
  out.push_back(MakeMention(text, pos, hit->end, expr));
  return hit->end;
}

namespace {

// A calendar date the text names (not "now", "next week"): month, quarter, half or year.
bool Named(const DatePoint& point) {
  return point.relative_unit == Precision::kNone &&
         (point.month != 0 || point.quarter != 0 || point.half != 0 || point.year != 0);
}

// "from January to March 2026", "Nov-Feb 2017", "9 to 12 of June": a start without a year
// (or without a month) takes them from the end, a year earlier when it would come after it.
void FillStartFromEnd(DatePoint& start, const DatePoint& end) {
  if (start.relative_unit != Precision::kNone || start.year != 0) return;
  if (start.month == 0 && start.day != 0 && start.weekday == 0) start.month = end.month;
  if (end.year == 0 || end.relative_unit != Precision::kNone) return;
  if (start.month != 0 && end.month != 0) {
    const bool later = start.month > end.month || (start.month == end.month && start.day > end.day);
    start.year = end.year - (later ? 1 : 0);
  } else if ((start.quarter != 0 && end.quarter != 0) || (start.half != 0 && end.half != 0)) {
    start.year = end.year - (start.quarter > end.quarter || start.half > end.half ? 1 : 0);
  }
}

}  // namespace

std::optional<Parsed> DateRecognizer::Impl::RangeEndAt(std::string_view text, std::size_t pos,
                                                       const DatePoint& start) const {
  if (auto now = MatchAt(*now_, text, pos)) {
    DatePoint point;  // "between Jan 22 and now": the published day
    point.relative_unit = Precision::kDay;
    point.precision = Precision::kDay;
    return Parsed{point, now->end};
  }
  if (auto today = MatchAt(*to_date_, text, pos)) {
    DatePoint point;  // "from March to date", "till current date": up to the published day
    point.relative_unit = Precision::kDay;
    point.precision = Precision::kDay;
    return Parsed{point, today->end};
  }
  if (auto point = ModifiedPointAt(text, pos, true)) {
    // "from next Monday to Friday": the end's weekday is in the start's week.
    if (point->point.weekday != 0 && point->point.day == 0 &&
        point->point.relative_unit == Precision::kNone && start.weekday != 0 &&
        start.relative_unit == Precision::kWeek) {
      point->point.relative_unit = Precision::kWeek;
      point->point.relative_offset = start.relative_offset;
    }
    return point;
  }
  if (auto slash = SlashNoYearAt(text, pos)) return slash;
  // "April 9th through 17th", "June 3rd-8th, 2026": the start's month (and year) go on.
  if (start.month == 0 || start.day == 0) return std::nullopt;
  auto hit = MatchAt(*end_day_, text, pos);
  if (!hit) return std::nullopt;
  DatePoint point = start;
  point.weekday = 0;
  point.day = hit->has(1) ? ToInt((*hit)[1]) : NumberOf((*hit)[2], kDayOrdinals);
  std::size_t end = hit->end;
  const bool suffixed = hit->has(2) || (end >= 2 && IsAsciiAlpha(text[end - 1]));
  if (auto year = MatchAt(*year_after_day_, text, end)) {
    point.year = ToInt((*year)[1]);
    end = year->end;
  } else if (!suffixed && !EndsPhrase(text, end)) {
    return std::nullopt;  // "April 9-17 people": a count
  }
  if (point.day <= start.day || point.day > kMaxDayOfMonth) return std::nullopt;
  return Parsed{point, end};
}

std::optional<std::size_t> DateRecognizer::Impl::RangeBodyAt(std::string_view text,
                                                             std::size_t mention_begin,
                                                             std::size_t pos, RangeOpener opener,
                                                             std::vector<Mention>& out) const {
  const bool between = opener == RangeOpener::kBetween;
  const bool bare = opener == RangeOpener::kNone;
  auto fits = [&](Piece join) {
    const std::string_view word(join.data(), join.size());
    if (word == "and") return between;
    return !between || word == "-" || word == "–" || word == "~";
  };
  std::optional<Parsed> first;
  std::optional<Parsed> second;
  std::size_t second_begin = 0;
  bool days_of_one_month = false;
  // "9 to 12 of June", "between 3 and 12 of Sept": a day number, then a full date.
  if (auto days = MatchAt(*day_range_, text, pos); days && fits((*days)[2])) {
    std::size_t after = days->end;
    if (auto end = ModifiedPointAt(text, after, true);
        end && end->point.day != 0 && end->point.month != 0) {
      DatePoint start;
      start.day = ToInt((*days)[1]);
      start.precision = Precision::kDay;
      if (start.day >= 1 && start.day < end->point.day) {
        std::size_t first_end = pos;
        while (first_end < text.size() && IsAsciiDigit(text[first_end])) ++first_end;
        while (first_end < text.size() && IsAsciiAlpha(text[first_end])) ++first_end;  // "3rd"
        first = Parsed{start, first_end};
        second = end;
        second_begin = after;
        days_of_one_month = true;
      }
    }
  }
  if (!first) {
    first = ModifiedPointAt(text, pos, true);
    if (!first && opener != RangeOpener::kNone) {
      if (auto now = MatchAt(*now_, text, pos)) {
        DatePoint point;  // "between now and November 15th"
        point.relative_unit = Precision::kDay;
        point.precision = Precision::kDay;
        first = Parsed{point, now->end};
      }
    }
    if (!first) first = SlashNoYearAt(text, pos);
    if (!first) return std::nullopt;
    auto join = MatchAt(*range_join_, text, first->end);
    if (!join || !fits((*join)[1])) return std::nullopt;
    second = RangeEndAt(text, join->end, first->point);
    if (!second) return std::nullopt;
    second_begin = first->end;
    while (second_begin < text.size() && text[second_begin] == ' ') ++second_begin;
    // "November-December": the second mention starts at its month, not at the dash ("and
    // December", "to May" keep their word).
    const std::string_view joiner((*join)[1].data(), (*join)[1].size());
    if (joiner == "-" || joiner == "–" || joiner == "—" || joiner == "~") {
      second_begin = join->end;
    }
  }
  DatePoint start = first->point;
  const DatePoint& end_point = second->point;
  if (bare && !days_of_one_month) {
    // Without "from" or "between" both ends must be calendar dates of one kind: two months
    // ("May to March", "Jan-Feb 2017"), a year and a dated month ("2014 through May 2018"),
    // two quarters; two year-less slashed dates ("1/2-3/4") are fractions.
    const bool month_to_month = start.month != 0 && end_point.month != 0;
    const bool year_to_month = start.year != 0 && start.month == 0 && start.quarter == 0 &&
                               start.half == 0 && end_point.month != 0 && end_point.year != 0;
    const bool parts = (start.quarter != 0 || start.half != 0) &&
                       (end_point.quarter != 0 || end_point.half != 0) && end_point.year != 0;
    const bool slashes = start.year == 0 && end_point.year == 0 && IsAsciiDigit(text[pos]) &&
                         start.day != 0 && end_point.day != 0;
    if (!Named(start) && start.day == 0) return std::nullopt;
    if (!Named(end_point) || (!month_to_month && !year_to_month && !parts) || slashes) {
      return std::nullopt;
    }
  }
  DateExpr expr;
  FillStartFromEnd(start, end_point);
  expr.start = start;
  expr.end = end_point;
  expr.boundary = Boundary::kRange;
  expr.day_month_ambiguous = first->day_month_ambiguous || second->day_month_ambiguous;
  out.push_back(MakeMention(text, mention_begin, first->end, expr));
  out.push_back(MakeMention(text, second_begin, second->end, expr));
  return second->end;
}

std::optional<std::size_t> DateRecognizer::Impl::RangeAt(std::string_view text, std::size_t pos,
                                                         std::vector<Mention>& out) const {
  auto open = MatchAt(*range_open_, text, pos);
  if (!open) return std::nullopt;
  const bool between = ToLower(text[pos]) == 'b';
  const RangeOpener opener = between ? RangeOpener::kBetween : RangeOpener::kFrom;
  if (auto end = RangeBodyAt(text, pos, open->end, opener, out)) return end;
  if (between) return std::nullopt;
  // "from 2026" alone: a start boundary.
  auto first = ModifiedPointAt(text, open->end, true);
  if (!first) return std::nullopt;
  DateExpr expr;
  expr.start = first->point;
  expr.boundary = Boundary::kSince;
  expr.day_month_ambiguous = first->day_month_ambiguous;
  out.push_back(MakeMention(text, pos, first->end, expr));
  return first->end;
}

std::optional<std::size_t> DateRecognizer::Impl::YearRangeAt(std::string_view text, std::size_t pos,
                                                             std::size_t year_pos,
                                                             Boundary boundary,
                                                             std::vector<Mention>& out) const {
  if (PrecededByAmount(text, year_pos)) return std::nullopt;
  auto range = MatchAt(*year_range_, text, year_pos);
  if (!range) return std::nullopt;
  const int start_year = ToInt((*range)[1]);
  const Piece second = range->has(2) ? (*range)[2] : range->has(3) ? (*range)[3] : (*range)[4];
  int end_year = ToInt(second);
  const bool split_year = range->has(4);
  constexpr int kHundred = 100;
  // "2021-30" spans a plan's years; "2015-32" (seventeen) is more likely a code or a score.
  constexpr int kLongestShortRange = 12;
  if (second.size() == 2) {
    end_year = start_year / kHundred * kHundred + end_year;
    if (end_year - start_year > kLongestShortRange) return std::nullopt;
  }
  if (start_year < kFirstBareYear || end_year <= start_year || end_year > kLastBareYear ||
      FollowedByAmount(text, range->end) || (split_year && end_year != start_year + 1)) {
    return std::nullopt;
  }
  // Part of a longer run of numbers: a telephone number ("138-2010-2015") or an ISO date
  // ("2002-10-09", which the point patterns read).
  auto digit_at = [&](std::size_t i) { return i < text.size() && IsAsciiDigit(text[i]); };
  if ((year_pos >= 2 && text[year_pos - 1] == '-' && IsAsciiDigit(text[year_pos - 2])) ||
      (range->end < text.size() && text[range->end] == '-' && digit_at(range->end + 1))) {
    return std::nullopt;
  }
  DateExpr expr;
  expr.start = YearPoint(start_year);
  expr.end = YearPoint(end_year);
  expr.boundary = boundary == Boundary::kNone ? Boundary::kRange : boundary;
  const std::size_t head_end = year_pos + 4;
  std::size_t tail_begin = head_end;
  while (tail_begin < range->end && !IsAsciiDigit(text[tail_begin])) ++tail_begin;
  out.push_back(MakeMention(text, pos, head_end, expr));
  out.push_back(MakeMention(text, tail_begin, range->end, expr));
  return range->end;
}

std::optional<std::size_t> DateRecognizer::Impl::PointExpressionAt(
    std::string_view text, std::size_t pos, std::size_t point_pos, Boundary boundary,
    std::vector<Mention>& out) const {
  const bool in_date_context = boundary != Boundary::kNone;
  if (point_pos < text.size() && IsAsciiDigit(text[point_pos])) {
    if (auto end = YearRangeAt(text, pos, point_pos, boundary, out)) return end;
  }
  if (boundary == Boundary::kNone && MayJoinRange(text, point_pos)) {
    if (auto end = RangeBodyAt(text, pos, point_pos, RangeOpener::kNone, out)) return end;
  }
  auto parsed = ModifiedPointAt(text, point_pos, in_date_context);
  if (!parsed) return std::nullopt;
  DateExpr expr;
  expr.start = parsed->point;
  expr.boundary = boundary;
  // "2018 or later": from then on.
  if (boundary == Boundary::kNone && Named(parsed->point)) {
    if (auto later = MatchAt(*or_later_, text, parsed->end)) {
      expr.boundary = Boundary::kSince;
      parsed->end = later->end;
    }
  }
  expr.day_month_ambiguous = parsed->day_month_ambiguous;
  out.push_back(MakeMention(text, pos, parsed->end, expr));
  return parsed->end;
}

std::optional<std::size_t> DateRecognizer::Impl::CenturyAt(std::string_view text, std::size_t pos,
                                                           std::vector<Mention>& out) const {
  auto hit = MatchAt(*century_, text, pos);
  if (!hit) return std::nullopt;
  // "the 21st century" is 2000-2099: the range of its first and last decades.
  constexpr int kYearsPerCentury = 100;
  constexpr int kLastDecadeOffset = 90;
  constexpr int kLatestCentury = 21;
  const int century = ToInt((*hit)[1]);
  if (century < 1 || century > kLatestCentury) return std::nullopt;
  DateExpr expr;
  expr.start.decade = (century - 1) * kYearsPerCentury;
  expr.start.precision = Precision::kDecade;
  expr.end = expr.start;
  expr.end->decade += kLastDecadeOffset;
  expr.boundary = Boundary::kRange;
  out.push_back(MakeMention(text, pos, hit->end, expr));
  return hit->end;
}

std::optional<std::size_t> DateRecognizer::Impl::NthWeekdayAt(std::string_view text,
                                                              std::size_t pos,
                                                              std::vector<Mention>& out) const {
  // Most anchors are not an ordinal (after "the"): one word compare, no pattern.
  std::size_t at = pos;
  if (text.substr(at, 4) == "the " || text.substr(at, 4) == "The ") at += 4;
  std::size_t word_end = at;
  while (word_end < text.size() && IsWordChar(text[word_end])) ++word_end;
  if (NthOf(Piece(text.data() + at, word_end - at)) == 0) return std::nullopt;
  auto hit = MatchAt(*nth_weekday_of_, text, pos);
  if (!hit) return std::nullopt;
  const int n = NthOf((*hit)[1]);
  auto month = ModifiedPointAt(text, hit->end, true);
  if (n == 0 || !month || month->point.month == 0 || month->point.day != 0) return std::nullopt;
  // A month, its weekday, and the count of weeks from its first (or back from its last) such
  // weekday: normalize places the day.
  DateExpr expr;
  expr.start = month->point;
  expr.start.weekday = WeekdayOf((*hit)[2]);
  expr.duration_count = 1;
  expr.duration_unit = Precision::kDay;
  expr.duration_direction = n < 0 ? -1 : 1;
  expr.shift_count = n < 0 ? 0 : n - 1;
  expr.shift_unit = Precision::kWeek;
  out.push_back(MakeMention(text, pos, month->end, expr));
  return month->end;
}

}  // namespace concord::extract
