#include "extract/date_grammar.h"
#include "extract/holidays.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace concord::extract {

using namespace date_detail;  // the recognizer's own words and helpers (date_words.h)

namespace {

// Words before "April six" that make the cardinal a day ("of record April six").
constexpr std::string_view kCardinalDayContext[] = {
    "on",    "by",     "until", "till",      "through", "from",  "to",  "record",
    "before", "after", "since", "effective", "dated",   "and",   "or",  "thru"};

// "six" 6, "Twenty-one" 21, "thirty one" 31; 0 for anything else.
int CardinalDayOf(Piece word) {
  constexpr std::string_view kUnits[] = {"one",   "two",   "three", "four", "five",
                                         "six",   "seven", "eight", "nine", "ten",
                                         "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                                         "sixteen", "seventeen", "eighteen", "nineteen"};
  std::string_view w(word.data(), word.size());
  int tens = 0;
  for (const auto& [prefix, value] : {std::pair<std::string_view, int>{"twenty", 20},
                                      std::pair<std::string_view, int>{"thirty", 30}}) {
    if (w.size() >= prefix.size() && EqualsLower(w.substr(0, prefix.size()), prefix)) {
      tens = value;
      w.remove_prefix(prefix.size());
      if (!w.empty()) w.remove_prefix(1);  // the space or dash
      break;
    }
  }
  if (w.empty()) return tens;
  for (std::size_t i = 0; i < std::size(kUnits); ++i) {
    if (EqualsLower(w, kUnits[i]) && (tens == 0 || i < 9)) return tens + static_cast<int>(i) + 1;
  }
  return 0;
}

}  // namespace

bool DateRecognizer::Impl::YearSpecAt(std::string_view text, std::size_t pos, DatePoint& point,
                                      std::size_t& end) const {
  auto hit = MatchAt(*year_spec_, text, pos);
  if (!hit) return false;
  if (hit->has(1)) {
    point.relative_unit = Precision::kYear;
    point.relative_offset = OffsetOf((*hit)[1]);
    std::string_view word((*hit)[1].data(), (*hit)[1].size());
    if (EqualsLower(word, "the previous")) point.relative_offset = -1;
    if (EqualsLower(word, "the following")) point.relative_offset = 1;
    end = hit->end;
    return true;
  }
  const Piece marker = (*hit)[2];
  const Piece digits = (*hit)[3];
  // A two-digit year needs a marker ("FY26", "'26"): "Q3 24" may be anything.
  if (digits.size() == 2 && marker.empty()) return false;
  const int year = ExpandTwoDigitYear(digits);
  if (year < kFirstBareYear || year > kLastBareYear) return false;
  if (FollowedByAmount(text, hit->end)) return false;
  point.year = year;
  if (!marker.empty() && (marker[0] == 'F' || marker[0] == 'f')) point.fiscal = true;
  end = hit->end;
  return true;
}

std::optional<Parsed> DateRecognizer::Impl::MonthPointAt(std::string_view text, std::size_t pos,
                                                         bool in_date_context) const {
  std::optional<Parsed> best;
  auto keep = [&](Parsed parsed) {
    if (!best || parsed.end > best->end) best = parsed;
  };
  if (auto hit = MatchAt(*month_day_, text, pos)) {
    DatePoint point;
    point.month = MonthOf((*hit)[1]);
    point.day = ToInt((*hit)[3]);
    if (hit->has(4)) point.year = ToInt((*hit)[4]);
    if (hit->has(5)) point.year = YearOfTwoDigits((*hit)[5]);
    point.precision = Precision::kDay;
    const Piece day = (*hit)[3];
    const std::size_t day_end = static_cast<std::size_t>(day.data() - text.data()) + day.size();
    const bool ordinal = day_end < text.size() && IsAsciiAlpha(text[day_end]);
    if (ValidDay(point.month, point.day) && (!hit->has(2) || ordinal)) keep({point, hit->end});
  }
  if (auto hit = MatchAt(*month_year_, text, pos)) {
    DatePoint point;
    point.month = MonthOf((*hit)[1]);
    point.year = hit->has(2) ? ToInt((*hit)[2]) : YearOfTwoDigits((*hit)[3]);
    point.precision = Precision::kMonth;
    if (point.year >= kFirstBareYear && point.year <= kLastBareYear &&
        !FollowedByAmount(text, hit->end)) {
      keep({point, hit->end});
    }
  }
  if (auto hit = MatchAt(*month_slash_day_, text, pos)) {
    // "Oct/2", "Sep-23-2020": not part of a longer run ("Jan/3/4", "Oct/2/2019/5").
    DatePoint point;
    point.month = MonthOf((*hit)[1]);
    point.day = ToInt(hit->has(2) ? (*hit)[2] : (*hit)[4]);
    if (hit->has(3)) point.year = ToInt((*hit)[3]);
    if (hit->has(5)) point.year = ToInt((*hit)[5]);
    point.precision = Precision::kDay;
    const bool more = hit->end < text.size() && (text[hit->end] == '/' || text[hit->end] == '-') &&
                      hit->end + 1 < text.size() && IsAsciiDigit(text[hit->end + 1]);
    if (!more && ValidDay(point.month, point.day)) keep({point, hit->end});
  }
  if (auto hit = MatchAt(*month_cardinal_day_, text, pos)) {
    // "of record April six", "on June Two.", "from November three, 1986": only after a date
    // word, before a year, or closing the phrase ("in June two companies merged" is a count).
    DatePoint point;
    const std::string_view name((*hit)[1].data(), (*hit)[1].size());
    for (const MonthName& m : kMonthNames) {
      if (m.full && EqualsIgnoreCase(name, m.word)) point.month = m.month;
    }
    point.day = CardinalDayOf((*hit)[2]);
    if (hit->has(3)) point.year = ToInt((*hit)[3]);
    point.precision = Precision::kDay;
    const std::string_view previous = PreviousWord(text, pos);
    const bool verb = (point.month == 3 || point.month == 5) && !IsUpper(name[0]);
    const bool context = hit->has(3) || InLowerList(previous, kCardinalDayContext) ||
                         (EndsPhrase(text, hit->end) && !PartOfAmount(text, hit->end));
    if (context && !verb && ValidDay(point.month, point.day)) keep({point, hit->end});
  }
  if (auto hit = MatchAt(*month_spoken_day_, text, pos)) {
    // "August the fifth", "february twenty second", "January first 2000"; not "March
    // first-time buyers" or "March second quarter".
    DatePoint point;
    const std::string_view name((*hit)[1].data(), (*hit)[1].size());
    for (const MonthName& m : kMonthNames) {
      if (m.full && EqualsIgnoreCase(name, m.word)) point.month = m.month;
    }
    point.day = DayOrdinalOf((*hit)[2]);
    if (hit->has(3)) point.year = ToInt((*hit)[3]);
    point.precision = Precision::kDay;
    const Piece ordinal = (*hit)[2];
    const std::size_t ordinal_end =
        static_cast<std::size_t>(ordinal.data() - text.data()) + ordinal.size();
    const bool compound_noun = ordinal_end < text.size() && text[ordinal_end] == '-';
    const std::string_view next = text.substr(ordinal_end, 9);
    const bool part = next.find(" quarter") == 0 || next.find(" half") == 0;
    // "march first", "may second": in lower case the verbs.
    const bool verb = (point.month == 3 || point.month == 5) && !IsUpper(name[0]);
    if (!compound_noun && !part && !verb && ValidDay(point.month, point.day)) {
      keep({point, hit->end});
    }
  }
  if (best) return best;
  if (auto hit = MatchAt(*month_rel_, text, pos)) {
    DatePoint point;
    point.month = MonthOf((*hit)[1]);
    point.relative_unit = Precision::kYear;
    point.relative_offset = OffsetOf((*hit)[2]);
    point.precision = Precision::kMonth;
    return Parsed{point, hit->end};
  }
  if (auto hit = MatchAt(*month_only_, text, pos)) {
    // A bare month name is a date only in date context: after "in", "since", "early" …, or as
    // a line-initial timeline label ("October: …"). "May" the verb is lower case or follows
    // no such word; "the March of progress" follows "the".
    const std::string_view previous = PreviousWord(text, pos);
    const bool label = AtLineStart(text, pos) && hit->end < text.size() && text[hit->end] == ':';
    bool context = InLowerList(previous, kMonthContextWords);
    auto full_month = [](std::string_view word) {
      return std::any_of(std::begin(kMonthNames), std::end(kMonthNames),
                         [&](const MonthName& m) { return m.full && word == m.word; });
    };
    // "April and May", "March or April": a list of months, not "sales and March madness".
    if (EqualsLower(previous, "and") || EqualsLower(previous, "or")) {
      const std::size_t before = static_cast<std::size_t>(previous.data() - text.data());
      context = full_month(PreviousWord(text, before));
    }
    // "in June, August, September and November": a list of months after a comma.
    std::size_t comma = pos;
    while (comma > 0 && text[comma - 1] == ' ') --comma;
    if (previous.empty() && comma > 0 && text[comma - 1] == ',') {
      context = context || full_month(PreviousWord(text, comma - 1));
    }
    // "January's figures": a month that owns something is a date.
    const std::string_view after = text.substr(hit->end, 3);
    if (after.substr(0, 2) == "'s" || after == "\xE2\x80\x99") context = true;
    // "for May Department Stores", "its May Co unit": a capitalised word after "May" makes a
    // name of it.
    if (MonthOf((*hit)[1]) == 5 && hit->end + 1 < text.size() && text[hit->end] == ' ' &&
        IsUpper(text[hit->end + 1]) && !EqualsLower(previous, "in")) {
      context = false;
    }
    if (in_date_context || label || context) {
      DatePoint point;
      point.month = MonthOf((*hit)[1]);
      point.precision = Precision::kMonth;
      return Parsed{point, hit->end};
    }
  }
  auto month_alone = [](int month, std::size_t end) {
    DatePoint point;
    point.month = month;
    point.precision = Precision::kMonth;
    return Parsed{point, end};
  };
  // "after Feb", "from Sep to Nov": an abbreviation alone only where a date must follow.
  if (in_date_context) {
    if (auto hit = MatchAt(*month_abbr_only_, text, pos))
      return month_alone(MonthOf((*hit)[1]), hit->end);
  }
  if (auto hit = MatchAt(*month_lower_only_, text, pos)) {
    const std::string_view name((*hit)[1].data(), (*hit)[1].size());
    std::string_view previous = PreviousWord(text, pos);
    // "in the april": past an article to the date word, but not for the noun "march" or the
    // verb "may" ("the march", "the may …").
    const bool noun_or_verb = name == "may" || name == "march";
    if (!noun_or_verb && EqualsLower(previous, "the")) {
      previous = PreviousWord(text, static_cast<std::size_t>(previous.data() - text.data()));
    }
    const bool context = name == "may" ? InLowerList(previous, kMayContextWords)
                                       : InLowerList(previous, kLowerMonthContextWords);
    if (in_date_context || context) {
      const auto index = std::find(std::begin(kLowerFullMonths), std::end(kLowerFullMonths), name) -
                         std::begin(kLowerFullMonths);
      return month_alone(static_cast<int>(index) + 1, hit->end);
    }
  }
  return std::nullopt;
}

std::optional<Parsed> DateRecognizer::Impl::AgoPointAt(std::string_view text,
                                                       std::size_t pos) const {
  if (auto hit = MatchAt(*ago_, text, pos)) {
    DatePoint point;
    const int count = NumberOf((*hit)[1], kNumberWords);
    const Precision unit = UnitOf((*hit)[2]);
    point.relative_unit = unit;
    point.relative_offset = -count;
    // "two weeks ago", "two months ago" name a day (the corpus's and the common reading), not
    // a calendar week or month.
    point.precision =
        unit == Precision::kWeek || unit == Precision::kMonth ? Precision::kDay : unit;
    if (unit == Precision::kDecade) {
      point.relative_unit = Precision::kYear;
      point.relative_offset = -count * 10;
      point.precision = Precision::kYear;
    }
    return Parsed{point, hit->end};
  }
  return std::nullopt;
}

std::optional<Parsed> DateRecognizer::Impl::WordPointAt(std::string_view text, std::size_t pos,
                                                        bool in_date_context) const {
  const char first = text[pos];
  if (first == 'Q' || first == 'H' || first == 'q') {
    if (auto hit = MatchAt(*quarter_q_, text, pos)) {
      DatePoint point;
      const bool half = (*hit)[1] == "H";
      const int part = ToInt((*hit)[2]);
      if (half && part > 2) return std::nullopt;
      (half ? point.half : point.quarter) = part;
      point.precision = half ? Precision::kHalf : Precision::kQuarter;
      std::size_t end = hit->end;
      YearSpecAt(text, end, point, end);
      // "H1" alone is too often something else (a visa, a chip); "Q3" alone is a quarter.
      if (half && point.year == 0 && point.relative_unit == Precision::kNone) return std::nullopt;
      return Parsed{point, end};
    }
  }
  if (first == 'F' || first == 'f') {
    if (auto hit = MatchAt(*fiscal_, text, pos)) {
      const Piece digits = (*hit)[1];
      const int year = ExpandTwoDigitYear(digits);
      // "fiscal 26" is unusual enough to skip; "FY26" is common.
      if (digits.size() == 2 && (first == 'f' || text[pos + 1] == 'i')) return std::nullopt;
      if (year < kFirstBareYear || year > kLastBareYear) return std::nullopt;
      if (FollowedByAmount(text, hit->end)) return std::nullopt;
      DatePoint point = YearPoint(year);
      point.fiscal = true;
      return Parsed{point, hit->end};
    }
  }
  if (first == 'C' || first == 'c') {
    // "CY2025", "cy18": a calendar year, said so to set it apart from a fiscal one.
    if (auto hit = MatchAt(*calendar_year_, text, pos)) {
      const int year = ExpandTwoDigitYear((*hit)[1]);
      if (year >= kFirstBareYear && year <= kLastBareYear && !FollowedByAmount(text, hit->end)) {
        return Parsed{YearPoint(year), hit->end};
      }
    }
  }
  if (first == 't' || first == 'T') {
    if (auto hit = MatchAt(*decade_, text, pos)) {
      DatePoint point;
      point.decade = ToInt((*hit)[1]);
      point.precision = Precision::kDecade;
      if (point.decade >= kFirstBareYear && point.decade <= kLastBareYear) {
        return Parsed{point, hit->end};
      }
    }
  }
  if (auto hit = MatchAt(*decade_word_, text, pos)) {
    // "the nineties", "in the eighties"; "in her nineties" is an age.
    const bool the = ToLower(text[pos]) == 't';
    if (the || InLowerList(PreviousWord(text, pos), kDecadeWordContext)) {
      const std::string_view word((*hit)[1].data(), (*hit)[1].size());
      const auto index = std::find(std::begin(kDecadeWords), std::end(kDecadeWords), word) -
                         std::begin(kDecadeWords);
      constexpr int kTwenties = 1920;
      DatePoint point;
      point.decade = kTwenties + 10 * static_cast<int>(index);
      point.precision = Precision::kDecade;
      return Parsed{point, hit->end};
    }
  }
  if (auto hit = MatchAt(*ordinal_part_, text, pos)) {
    DatePoint point;
    const bool half = (*hit)[2] == "half";
    const std::string_view word((*hit)[1].data(), (*hit)[1].size());
    // "the final quarter of 2004", "the last half of this year": the year's last one; without
    // a year "the last quarter" is the one before this (rel_unit_ below).
    const bool last = EqualsLower(word, "final") || EqualsLower(word, "last");
    const int part = last ? (half ? 2 : 4) : NumberOf((*hit)[1], kOrdinals);
    if (half && part > 2) return std::nullopt;
    (half ? point.half : point.quarter) = part;
    point.precision = half ? Precision::kHalf : Precision::kQuarter;
    std::size_t end = hit->end;
    const bool year = YearSpecAt(text, end, point, end);
    if (!last || year) return Parsed{point, end};
  }
  if (auto hit = MatchAt(*rel_day_, text, pos)) {
    DatePoint point;
    const char c = ToLower((*hit)[1][0]);
    const char second = ToLower((*hit)[1][2]);
    point.relative_unit = Precision::kDay;
    point.precision = Precision::kDay;
    if (c == 'y') point.relative_offset = -1;
    if (c == 't' && second == 'm') point.relative_offset = 1;  // tomorrow
    return Parsed{point, hit->end};
  }
  if (auto ago = AgoPointAt(text, pos)) return ago;
  if (auto hit = MatchAt(*rest_of_, text, pos)) {
    // "the rest of the year": from the published day to the end of the unit, like "later
    // this year".
    DatePoint point;
    point.relative_unit = UnitOf((*hit)[1]);
    point.precision = point.relative_unit;
    point.side = 1;
    return Parsed{point, hit->end};
  }
  if (auto hit = MatchAt(*rel_within_, text, pos)) {
    DatePoint point;
    point.relative_unit = UnitOf((*hit)[1]);
    point.precision = point.relative_unit;
    point.side = ToLower(text[pos]) == 'e' ? -1 : 1;  // earlier | later
    return Parsed{point, hit->end};
  }
  if (auto hit = MatchAt(*rel_weekday_, text, pos)) {
    DatePoint point;
    point.weekday = WeekdayOf((*hit)[2]);
    point.relative_unit = Precision::kWeek;
    point.relative_offset = OffsetOf((*hit)[1]);
    point.precision = Precision::kDay;
    // "this Friday 5/12": the written date says which Friday; the weekday is kept to check it.
    std::size_t next = hit->end;
    while (next < text.size() && text[next] == ' ') ++next;
    if (next > hit->end && next < text.size() && IsAsciiDigit(text[next])) {
      std::optional<Parsed> dated = NumericPointAt(text, next, false);
      if (!dated || dated->point.day == 0) dated = SlashNoYearAt(text, next);
      if (!dated) dated = DottedNoYearAt(text, next);
      if (dated && dated->point.day != 0) {
        // "this Friday 5/12", "next Friday 5/12": the date named, in the published year
        // when it gives none (the weekday is kept to check it).
        dated->point.weekday = point.weekday;
        if (dated->point.year == 0) dated->point.relative_unit = Precision::kYear;
        return dated;
      }
    }
    return Parsed{point, hit->end};
  }
  if (auto hit = MatchAt(*this_next_, text, pos)) {
    // "this 5/12" is the published year's May 12, "next 5/12" the next year's.
    if (auto dated = SlashNoYearAt(text, hit->end); dated && dated->point.year == 0) {
      dated->point.relative_unit = Precision::kYear;
      dated->point.relative_offset = ToLower(text[pos]) == 'n' ? 1 : 0;
      return dated;
    }
  }
  if (auto hit = MatchAt(*week_weekday_, text, pos)) {
    // "next week Wednesday", "this week Monday": like "next Wednesday".
    DatePoint point;
    point.weekday = WeekdayOf((*hit)[2]);
    point.relative_unit = Precision::kWeek;
    point.relative_offset = OffsetOf((*hit)[1]);
    point.precision = Precision::kDay;
    return Parsed{point, hit->end};
  }
  if (auto hit = MatchAt(*rel_month_, text, pos)) {
    // "last October": the most recent October before the published month (relative_unit
    // kMonth with a month given picks the previous or next such month).
    DatePoint point;
    point.month = MonthOf((*hit)[2]);
    point.relative_unit = Precision::kMonth;
    point.relative_offset = OffsetOf((*hit)[1]);
    point.precision = Precision::kMonth;
    // "this September": the September of the published year, like "September this year".
    if (ToLower((*hit)[1][0]) == 't') point.relative_unit = Precision::kYear;
    return Parsed{point, hit->end};
  }
  if (auto hit = MatchAt(*possessive_year_, text, pos)) {
    // "next year's first quarter", "this year's second half".
    if (auto part = MatchAt(*ordinal_part_, text, hit->end)) {
      DatePoint point;
      const int number = NumberOf((*part)[1], kOrdinals);
      const bool half = (*part)[2] == "half";
      if (number >= 1 && (!half || number <= 2)) {
        (half ? point.half : point.quarter) = number;
        point.precision = half ? Precision::kHalf : Precision::kQuarter;
        point.relative_unit = Precision::kYear;
        point.relative_offset = OffsetOf((*hit)[1]);
        return Parsed{point, part->end};
      }
    }
  }
  if (auto hit = MatchAt(*iso_week_, text, pos)) {
    // "week 31", "week 3 of 2027", "week 27 of last year": an ISO week.
    constexpr int kLastIsoWeek = 53;
    DatePoint point;
    point.week = ToInt((*hit)[1]);
    point.precision = Precision::kWeek;
    std::size_t end = hit->end;
    YearSpecAt(text, end, point, end);
    if (point.week >= 1 && point.week <= kLastIsoWeek) return Parsed{point, end};
  }
  if (auto hit = MatchAt(*spoken_day_of_, text, pos)) {
    // "the fifth of August", "twenty-first of May 2019".
    DatePoint point;
    point.day = DayOrdinalOf((*hit)[1]);
    point.month = MonthOf((*hit)[2]);
    if (hit->has(3)) point.year = ToInt((*hit)[3]);
    point.precision = Precision::kDay;
    if (ValidDay(point.month, point.day) && !FollowedByAmount(text, hit->end)) {
      return Parsed{point, hit->end};
    }
  }
  if (auto hit = MatchAt(*nth_of_, text, pos)) {
    // "the 15th day of next month", "the third month of 2021".
    const bool day = ToLower((*hit)[3][0]) == 'd';
    const int number = hit->has(1) ? ToInt((*hit)[1]) : DayOrdinalOf((*hit)[2]);
    if (auto whole = ModifiedPointAt(text, hit->end, true)) {
      DatePoint point = whole->point;
      const bool fits = day ? point.day == 0 && number >= 1 && number <= kMaxDayOfMonth &&
                                  (point.month != 0 || point.relative_unit == Precision::kMonth)
                            : point.month == 0 && point.quarter == 0 && point.half == 0 &&
                                  number >= 1 && number <= kMonthsPerYear &&
                                  (point.year != 0 || point.relative_unit == Precision::kYear);
      if (fits) {
        (day ? point.day : point.month) = number;
        point.precision = day ? Precision::kDay : Precision::kMonth;
        return Parsed{point, whole->end};
      }
    }
  }
  if (auto hit = MatchAt(*week_after_next_, text, pos)) {
    DatePoint point;
    point.relative_unit = UnitOf((*hit)[1]);
    point.relative_offset = 2;
    point.precision = point.relative_unit;
    return Parsed{point, hit->end};
  }
  if (auto hit = MatchAt(*the_year_, text, pos)) {
    const int year = ToInt((*hit)[1]);
    if (year >= kFirstBareYear && year <= kLastBareYear && !FollowedByAmount(text, hit->end)) {
      return Parsed{YearPoint(year), hit->end};
    }
  }
  if (auto hit = MatchAt(*rel_unit_, text, pos)) {
    DatePoint point;
    point.relative_unit = UnitOf((*hit)[2]);
    // "past quarter" is the last whole quarter; "past year" and "past week" are as often the
    // twelve months or seven days up to now, so they stay out.
    if (ToLower((*hit)[1][0]) == 'p' && ToLower((*hit)[1][1]) == 'a' &&
        point.relative_unit != Precision::kQuarter) {
      return std::nullopt;
    }
    std::string_view word((*hit)[1].data(), (*hit)[1].size());
    point.relative_offset = EqualsLower(word, "the previous")    ? -1
                            : EqualsLower(word, "the following") ? 1
                                                                 : OffsetOf((*hit)[1]);
    point.precision = point.relative_unit;
    return Parsed{point, hit->end};
  }
  if (in_date_context) {
    // Only after "the end of", "by the start of": "the decade", "the year".
    // "end of month" without an article only after "of": "by year" is a grouping.
    auto hit = MatchAt(*end_of_unit_, text, pos);
    if (hit && ToLower(text[pos]) != 't' && !EqualsLower(PreviousWord(text, pos), "of")) hit.reset();
    if (hit) {
      DatePoint point;
      point.relative_unit = UnitOf((*hit)[1]);
      point.precision = point.relative_unit;
      return Parsed{point, hit->end};
    }
  }
  return std::nullopt;
}

namespace {

// "October two thousand and five", "January 25 nineteen eighty six", "13 Sept nineteen
// seventy two": a month or a day of a month, then its year in words.
Parsed WithSpokenYear(std::string_view text, Parsed parsed) {
  DatePoint& point = parsed.point;
  if (point.month == 0 || point.year != 0 || point.relative_unit != Precision::kNone ||
      point.holiday != 0 || point.weekday != 0) {
    return parsed;
  }
  std::size_t at = parsed.end;
  if (at < text.size() && text[at] == ',') ++at;
  if (at >= text.size() || text[at] != ' ') return parsed;
  if (auto year = SpokenYearAt(text, at)) {
    point.year = year->first;
    parsed.end = year->second;
  }
  return parsed;
}

}  // namespace

std::optional<Parsed> DateRecognizer::Impl::PointAt(std::string_view text, std::size_t pos,
                                                    bool in_date_context) const {
  if (pos >= text.size()) return std::nullopt;
  const char first = text[pos];
  if (IsAsciiDigit(first)) {
    if (auto numeric = NumericPointAt(text, pos, in_date_context)) return WithSpokenYear(text, *numeric);
    // "on 22/04." alone closing the phrase: a day ("on 1/3 of the votes" goes on).
    if (EqualsLower(PreviousWord(text, pos), "on")) {
      if (auto slash = SlashNoYearAt(text, pos); slash && EndsPhrase(text, slash->end)) {
        return slash;
      }
    }
    // "2 weeks ago", "3rd quarter".
    return WordPointAt(text, pos, in_date_context);
  }
  if (IsAsciiAlpha(first)) {
    // Weekday and month patterns all begin with a weekday or month name: other words skip
    // them after one look in the word table.
    std::size_t word_end = pos;
    while (word_end < text.size() && IsAsciiAlpha(text[word_end])) ++word_end;
    const std::uint8_t classes = TheLexicon().ClassesOf(text.substr(pos, word_end - pos));
    // A holiday name, or a lead word before one ("the", "last", "next", "this").
    if ((classes & (kHolidayWord | kStartsDate)) != 0) {
      if (auto holiday = HolidayPointAt(text, pos)) return holiday;
    }
    if ((classes & kMonthOrWeekday) != 0) {
      if (auto weekday = WeekdayPointAt(text, pos)) return weekday;
      if (auto month = MonthPointAt(text, pos, in_date_context)) return WithSpokenYear(text, *month);
      // "August two thousand and fifteen": a month name with its year in words is a date
      // in any context.
      if (const int month = MonthOf(Piece(text.data() + pos, word_end - pos));
          month != 0 && word_end < text.size() && text[word_end] == ' ') {
        if (auto year = SpokenYearAt(text, word_end)) {
          DatePoint point;
          point.year = year->first;
          point.month = month;
          point.precision = Precision::kMonth;
          return Parsed{point, year->second};
        }
      }
    }
    // "the 18th", "the 09th of May".
    if (ToLower(first) == 't' && pos + 4 < text.size() && EqualsLower(text.substr(pos, 3), "the") &&
        text[pos + 3] == ' ' && IsAsciiDigit(text[pos + 4])) {
      if (auto day = NumericPointAt(text, pos + 4, in_date_context)) {
        if (day->point.day != 0) return day;
      }
      // "on the 18th", "by the 4th"; "around the 21st" is left alone.
      const bool on = EqualsLower(PreviousWord(text, pos), "on");
      if (in_date_context || on) {
        if (auto day = DayOnlyAt(text, pos + 4)) return day;
      }
    }
  }
  return WordPointAt(text, pos, in_date_context);
}

std::optional<Parsed> DateRecognizer::Impl::HolidayPointAt(std::string_view text,
                                                          std::size_t pos) const {
  const auto word_at = [&](std::size_t at) {
    std::size_t end = at;
    while (end < text.size() && IsAsciiAlpha(text[end])) ++end;
    return text.substr(at, end - at);
  };
  const auto after_spaces = [&](std::size_t at) {
    const std::size_t start = at;
    while (at < text.size() && text[at] == ' ') ++at;
    return at > start ? at : std::string_view::npos;
  };
  std::size_t at = pos;
  std::string_view word = word_at(at);
  const bool article = EqualsLower(word, "the");
  if (article) {
    at = after_spaces(at + word.size());
    if (at == std::string_view::npos) return std::nullopt;
    word = word_at(at);
  }
  DatePoint point;
  // "the weekend of Halloween", "weekend of Thanksgiving 2023".
  if (EqualsLower(word, "weekend")) {
    at = after_spaces(at + word.size());
    if (at == std::string_view::npos || !EqualsLower(word_at(at), "of")) return std::nullopt;
    at = after_spaces(at + 2);
    if (at == std::string_view::npos) return std::nullopt;
    word = word_at(at);
    point.weekend = true;
  }
  // "last Easter": the most recent one; "next Christmas": the coming one; "this Christmas":
  // the published year's.
  int offset = 0;
  bool this_year = false;
  if (EqualsLower(word, "last") || EqualsLower(word, "previous")) offset = -1;
  if (EqualsLower(word, "next") || EqualsLower(word, "following") || EqualsLower(word, "coming"))
    offset = 1;
  if (EqualsLower(word, "this")) this_year = true;
  if (offset != 0 || this_year) {
    at = after_spaces(at + word.size());
    if (at == std::string_view::npos) return std::nullopt;
    word = word_at(at);
  }
  if ((TheLexicon().ClassesOf(word) & kHolidayWord) == 0) return std::nullopt;
  const auto name = HolidayNameAt(text, at);
  if (!name) return std::nullopt;
  point.holiday = name->holiday;
  point.precision = Precision::kDay;
  point.relative_offset = offset;
  if (this_year) point.relative_unit = Precision::kYear;
  std::size_t end = name->end;
  if (!this_year && offset == 0) YearSpecAt(text, end, point, end);
  // "Easter weekend", "Labor Day 2021 weekend", "Halloween weekend 2021": the weekend next
  // to the day, the day included (normalize says which days).
  if (!point.weekend && text.substr(end, 8) == " weekend" &&
      (end + 8 >= text.size() || !IsWordChar(text[end + 8]))) {
    point.weekend = true;
    end += 8;
    if (point.year == 0 && !this_year && offset == 0) YearSpecAt(text, end, point, end);
  }
  // "the bank holiday" names no one day: only with a weekend or a word that points at one
  // ("the bank holiday weekend", "over the bank holiday", "next bank holiday").
  if (point.holiday == kBankHoliday && !point.weekend && !article && offset == 0 && !this_year) {
    return std::nullopt;
  }
  return Parsed{point, end};
}

std::optional<Parsed> DateRecognizer::Impl::DayOnlyAt(std::string_view text,
                                                      std::size_t pos) const {
  // A day of an unnamed month: only with an ordinal ending and closing the phrase, so that
  // "the 18th century" and "the 4th quarter" stay out.
  auto hit = MatchAt(*day_only_, text, pos);
  if (!hit || !EndsPhrase(text, hit->end)) return std::nullopt;
  DatePoint point;
  point.day = ToInt((*hit)[1]);
  point.precision = Precision::kDay;
  if (point.day < 1 || point.day > kMaxDayOfMonth) return std::nullopt;
  return Parsed{point, hit->end};
}

std::optional<Parsed> DateRecognizer::Impl::WeekdayPointAt(std::string_view text,
                                                           std::size_t pos) const {
  auto hit = MatchAt(*weekday_, text, pos);
  if (!hit) return std::nullopt;
  DatePoint point;
  point.weekday = WeekdayOf((*hit)[1]);
  point.precision = Precision::kDay;
  const bool abbreviated = (*hit)[1].size() < 6;  // "Monday" is the shortest full name
  std::size_t name_end = hit->end;
  if (abbreviated && name_end < text.size() && text[name_end] == '.') ++name_end;  // "Tues."
  std::size_t next = name_end;
  if (next < text.size() && text[next] == ',') ++next;
  while (next < text.size() && text[next] == ' ') ++next;
  if (next < text.size() && next > name_end) {
    // "Monday, April 28, 2026", "friday 5/12": the weekday is kept to check it against the
    // date.
    std::optional<Parsed> dated;
    if (IsAsciiAlpha(text[next])) dated = MonthPointAt(text, next, false);
    if (IsAsciiDigit(text[next])) {
      dated = NumericPointAt(text, next, false);
      if (!dated || dated->point.day == 0) dated = SlashNoYearAt(text, next);
      if (!dated) dated = DottedNoYearAt(text, next);
    }
    if (dated && dated->point.day != 0) {
      dated->point.weekday = point.weekday;
      return dated;
    }
    // "Tuesday the eleventh": the spoken day of a month that falls on that weekday.
    if (auto spoken = MatchAt(*the_spoken_day_, text, next)) {
      point.day = DayOrdinalOf((*spoken)[1]);
      if (point.day >= 1 && point.day <= kMaxDayOfMonth) return Parsed{point, spoken->end};
      point.day = 0;
    }
    // "Sunday 31", "Mon 13th": the day of a month that falls on that weekday. Without an
    // ordinal ending the number must close the phrase ("on Sunday 31 people died" is a count).
    if (auto day = MatchAt(*weekday_day_, text, next)) {
      const int number = ToInt((*day)[1]);
      if (number >= 1 && number <= kMaxDayOfMonth && (day->has(2) || EndsPhrase(text, day->end)) &&
          !(day->end < text.size() && (text[day->end] == '/' || text[day->end] == ':'))) {
        point.day = number;
        return Parsed{point, day->end};
      }
    }
  }
  // "Monday two weeks from now": that weekday of the week two weeks on.
  if (auto away = abbreviated ? std::nullopt : MatchAt(*weeks_away_, text, hit->end)) {
    const int count = NumberOf((*away)[1], kNumberWords);
    if (count > 0) {
      point.relative_unit = Precision::kWeek;
      point.relative_offset = ToLower((*away)[2][0]) == 'a' ? -count : count;
      return Parsed{point, away->end};
    }
  }
  // "Tuesday of next week": the weekday of that week.
  if (auto week = MatchAt(*of_week_, text, hit->end)) {
    point.relative_unit = Precision::kWeek;
    point.relative_offset = OffsetOf((*week)[1]);
    return Parsed{point, week->end};
  }
  // "Mon or Tue": an abbreviation alone only in a list after another weekday.
  if (abbreviated) {
    const std::string_view joiner = PreviousWord(text, pos);
    if (!EqualsLower(joiner, "or") && !EqualsLower(joiner, "and")) return std::nullopt;
    const std::size_t joiner_begin = static_cast<std::size_t>(joiner.data() - text.data());
    const std::string_view earlier = PreviousWord(text, joiner_begin);
    // The earlier one a date for sure: a full name, or an abbreviation after "week" ("next
    // week Mon or Tue"); "the Sun and Sat editors" are papers.
    const std::size_t earlier_begin = static_cast<std::size_t>(earlier.data() - text.data());
    const bool dated =
        earlier.size() >= 6 || EqualsLower(PreviousWord(text, earlier_begin), "week");
    if (WeekdayOf(Piece(earlier.data(), earlier.size())) == 0 || !dated) return std::nullopt;
  }
  return Parsed{point, hit->end};  // "… or Wed.": the full stop ends the sentence
}

std::optional<Parsed> DateRecognizer::Impl::ModifiedPointAt(std::string_view text, std::size_t pos,
                                                            bool in_date_context) const {
  if (auto hit = MatchAt(*modifier_, text, pos)) {
    // "the end of 2031", "early next year", "mid-May": the modifier stays in the span and
    // names the part of the period (normalize narrows the period to it).
    if (auto point = PointAt(text, hit->end, true)) {
      if (point->point.part == 0 && point->point.precision != Precision::kDay) {
        const std::string_view words = text.substr(pos, hit->end - pos);
        auto has = [words](std::string_view w) {
          for (std::size_t i = 0; i + w.size() <= words.size(); ++i)
            if (EqualsLower(words.substr(i, w.size()), w)) return true;
          return false;
        };
        point->point.part = has("end") || has("late")          ? 3
                            : has("mid")                       ? 2
                                                               : 1;
        point->point.part_edge = has(" of");
      }
      return point;
    }
  }
  return PointAt(text, pos, in_date_context);
}

}  // namespace concord::extract
