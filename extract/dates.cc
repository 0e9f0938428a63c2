#include "extract/dates.h"

#include "extract/date_grammar.h"
#include "extract/holidays.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>


// How the recognizer works. One pass over the text visits word starts only; a word that can
// begin a date expression (a digit, a month or weekday name, or one of a few keywords:
// "through", "last", "the", "Q3", "FY26" …) is an anchor, and at an anchor a small grammar
// is tried, built from RE2 patterns matched with ANCHOR_START. Every pattern is bounded (no
// unbounded repetition beyond whitespace), so the work per anchor is bounded and the whole
// scan is linear in the text. A match consumes its span and the scan goes on after it.
//
// Grammar, outermost first:
//   expression := duration
//               | "between" point "and" point | "from" point ("to"|"through"|"until") point
//               | boundary? modifier? point ( "-" year )?
//   boundary   := through | until | till | by | before | after | since | no later than | …
//                 (kept in span; "as of" is not one: it names a moment)
//   modifier   := "the end of" | "the start of" | "early" | "mid-" | "late" (kept in span;
//                 "end of 2031" is 2031)
//   point      := absolute day | month-year | month this/last/next year | quarter | half |
//                 fiscal year | decade | bare year (only in date context) | relative word
//
// A range ("between 2026 and 2030", "from 2026 to 2030", "2026-2030") becomes two mentions,
// one per endpoint ("between 2026", "and 2030"), each carrying the whole range: a claim that
// picks up either one gets the same period, and scorers that count the endpoints as two dates
//
// The grammar is split by concept: see extract/date_grammar.h.

namespace concord::extract {

using namespace date_detail;  // the recognizer's own words and helpers (date_words.h)

DateRecognizer::Impl::Impl() {
  const std::string month = "(" + Alternation(false) + ")";
  const std::string month_full = "(" + Alternation(true) + ")";
  const std::string month_full_any = "((?i:" + Alternation(true) + "))";
  const std::string weekday = "(" + WeekdayAlternation() + ")";
  // Any case for full names; abbreviations capitalised ("Mon", "Thurs").
  const std::string weekday_any =
      "((?i:" + WeekdayAlternation() + ")|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)";
  const std::string number = "(" + NumberAlternation() + ")";
  const std::string day = R"((\d{1,2})(?:st|nd|rd|th)?\b)";
  // "Fourth quarter" opening a sentence; "the final quarter of 2004" (with a year only).
  const std::string ordinal = R"(((?i:first|second|third|fourth|final|last)|1st|2nd|3rd|4th))";

  // "April 27, 2026", "june the 28th 2020", "October, 1st" (a comma only before an ordinal:
  // "In October, 12 banks failed" is a count), "June 28 in 2020".
  // "Aug. 5th, '16": a two-digit year after an apostrophe.
  month_day_ = Compile(month + R"((?:\s+(?:the\s+)?|(,)\s*))" + day +
                       R"((?:(?:\s*,\s*|\s+)(?:(?:of\s+|in\s+)?(\d{4})|['’](\d{2}))\b)?)");
  day_month_ = Compile(day + R"(\s+(?:of\s+)?)" + month +
                       R"((?:(?:,?\s+|\s+of\s+|\s+in\s+)(\d{4})\b|)"
                       R"((?:\s+of\s+'?|,?\s+['’])(\d{2})\b)?)");
  // "April of 87", "15 April of '87", "March '87": a two-digit year only after "of" or an
  // apostrophe; "Dec/2018", "Dec-2018": a month and year as forms write them.
  month_year_ = Compile(month + R"((?:(?:,?\s+|\s+of\s+|\s+in\s+|/|-)(\d{4})\b|)"
                                R"((?:\s+of\s+'?|,?\s+['’])(\d{2})\b))");
  // "Oct/2", "Jan/3/2019", "Sep-23-2020": a month name, then the day (and year) as forms write
  // them; with dashes only before a year ("Dec-18" is a contract month).
  month_slash_day_ = Compile(month + R"((?:/(\d{1,2})(?:/(\d{4}))?|-(\d{1,2})-(\d{4}))\b)");
  // "05-Aug-2016", "22/Jan/2019", "5-aug-16".
  day_month_dashed_ = Compile(R"((\d{1,2})(?:-)" + month + R"(-|/)" + month +
                              R"(/)(\d{4}|\d{2})\b)");
  // "2019/aug/01", "2019-aug-1".
  year_month_day_ = Compile(R"((\d{4})(?:-)" + month + R"(-|/)" + month + R"(/)(\d{1,2})\b)");
  // "the fifth of August", "twenty-first of May 2019", "second of Aug.": a spoken day.
  spoken_day_of_ = Compile(R"((?:[Tt]he\s+)?)" + DayOrdinalAlternation() + R"(\s+of\s+)" +
                           month + R"((?:,?\s+(\d{4})\b)?)", " of ");
  // "August the fifth", "february twenty second", "January first 2000".
  month_spoken_day_ = Compile(month_full_any + R"(\s+(?:the\s+)?)" + DayOrdinalAlternation() +
                              R"(\b(?:,?\s+(\d{4})\b)?)");
  // "April six", "June Two", "November three, 1986": a day in cardinal words, as wire copy
  // writes it (the caller asks for a date word before it or the phrase closing after it).
  month_cardinal_day_ = Compile(
      month_full_any +
      R"(\s+((?i:(?:twenty|thirty)[ -](?:one|two|three|four|five|six|seven|eight|nine)|thirty|)"
      R"(twenty|nineteen|eighteen|seventeen|sixteen|fifteen|fourteen|thirteen|twelve|eleven|)"
      R"(ten|nine|eight|seven|six|five|four|three|two|one))\b(?:,\s*(\d{4})\b)?)");
  // "the eleventh", "the thirty first" (after a weekday: "Tuesday the eleventh").
  the_spoken_day_ = Compile(R"(the\s+)" + DayOrdinalAlternation() + R"(\b)");
  month_rel_ = Compile(month_full + R"(\s+(?:of\s+)?(this|last|next)\s+year\b)", "year");
  month_only_ = Compile(month_full + R"(\b)");
  // "2026-04-27", unpadded "2019-7-4", "2019/07/04".
  iso_ = Compile(R"((\d{4})(?:-(\d{1,2})-|/(\d{1,2})/)(\d{1,2})\b)");
  // "4/27/2026", "4-27-2026", "11.30.1998", "6/14/31" (a two-digit year only with slashes).
  slash_ = Compile(R"((\d{1,2})(?:/(\d{1,2})/|-(\d{1,2})-|\.(\d{1,2})\.)(\d{4}|\d{2})\b)");
  decade_ = Compile(R"((?:[Tt]he\s+)?(\d{3}0) ?s\b)");
  short_decade_ = Compile(R"(([3-9]0)s\b)");
  year_ = Compile(R"((\d{4})(?:'s|’s)?\b)");
  // "1985/86": a split (fiscal or crop) year, the next year only.
  year_range_ = Compile(
      R"((\d{4})(?:\s?(?:-|–|—|~)\s?(\d{4}|\d{2})|\s+(?:to|through|thru|till|until)\s+(\d{4})|/(\d{2}))\b)");
  year_spec_ = Compile(
      R"((?:(?:,?\s+of|,)?\s+|-)(?:(this|last|next|the\s+current|the\s+previous|the\s+following))"
      R"(\s+(?:fiscal\s+)?year\b|([Ff]iscal\s+(?:[Yy]ear\s+)?|FY\s?'?|')?(\d{4}|\d{2})\b))");
  quarter_q_ = Compile(R"(([QHq])([1-4])\b)");
  quarter_nq_ = Compile(R"(([1-4])([QH])\s?(\d{4}|\d{2})\b)");
  ordinal_part_ = Compile(R"((?:[Tt]he\s+|[Ii]ts\s+)?)" + ordinal +
                          R"([\s-]+(?:fiscal[\s-]+)?(quarter|half)\b)");
  to_date_ = Compile(R"((?:current\s+)?date\b)");
  work_week_ = Compile(
      R"(((?i:this|next|last|the\s+following|the\s+previous))\s+(?:working\s+week|work\s?week)\b)",
      "week");
  weeks_away_ =
      Compile(R"(,?\s+)" + number + R"(\s+weeks?\s+(from\s+(?:now|today)|ago)\b)", "week");
  week_of_ =
      Compile(R"((?:[Tt]he\s+week\s+(?:beginning|starting|commencing|of)(?:\s+on)?|[Ww]/[Cc])\s+)");
  calendar_year_ = Compile(R"((?:CY|cy)\s?'?(\d{4}|\d{2})\b)");
  iso_month_ = Compile(R"((\d{4})-(\d{1,2})\b)");
  fiscal_ = Compile(R"((?:[Ff]iscal(?:[\s-]+[Yy]ear)?\s+|FY\s?'?)(\d{4}|\d{2})\b)");
  rel_day_ = Compile(
      R"(([Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Tt]his\s+(?:morning|afternoon|evening))\b)");
  rel_unit_ = Compile(
      R"(([Tt]his|[Ll]ast|[Nn]ext|[Tt]he\s+previous|[Tt]he\s+following|[Tt]he\s+current|)"
      R"([Tt]he\s+coming|[Cc]oming|[Tt]he\s+next|)"
      R"([Cc]urrent|[Pp]revious|[Pp]ast)\s+(?:calendar\s+)?(week|month|quarter|year|decade)\b)");
  possessive_year_ = Compile(R"(([Tt]his|[Nn]ext|[Ll]ast)\s+year(?:'s|’s)\s+)", "year");
  iso_week_ = Compile(R"((?:[Tt]he\s+)?[Ww]eek\s+(\d{1,2})\b)", "eek ");
  this_next_ = Compile(R"((?:[Tt]his|[Nn]ext)\s+)");
  nth_of_ =
      Compile(R"((?:[Tt]he\s+)?(?:(\d{1,2})(?:st|nd|rd|th)|((?i:(?:twenty|thirty)[ -])?[a-z]+))\s+)"
              R"((day|month)\s+of\s+)",
              " of ");
  week_after_next_ = Compile(R"([Tt]he\s+(week|month|year)\s+after\s+next\b)", "after");
  the_year_ = Compile(R"([Tt]he\s+year\s+(\d{4})\b)", "year");
  rel_within_ =
      Compile(R"((?:[Ee]arlier|[Ll]ater)\s+(?:this|in\s+the)\s+(week|month|quarter|year)\b)");
  rest_of_ = Compile(
      R"((?:[Tt]he\s+)?(?:rest|remainder|remaining)\s+of\s+(?:the|this)\s+(week|month|quarter|year)\b)",
      " of ");
  year_month_ = Compile(R"((\d{4})\s+)" + month_full_any + R"(\b)");
  ago_ = Compile(number + R"(\s+(days?|weeks?|months?|quarters?|years?|decades?)\s+ago\b)");
  weekday_ = Compile(weekday_any + R"(\b)");
  weekday_day_ = Compile(R"((\d{1,2})(st|nd|rd|th)?\b)");
  of_week_ =
      Compile(R"(\s+of\s+(?:the\s+)?((?i:this|last|next|previous|following|coming))\s+week\b)");
  week_weekday_ = Compile(
      R"(((?i:this|last|next|previous|the\s+following|the\s+previous|the\s+coming|following))\s+)"
      R"(week(?:\s*-\s*|\s+on\s+|\s+))" +
      weekday_any + R"(\b)");
  day_only_ = Compile(R"((\d{1,2})(?:st|nd|rd|th)\b)");
  dotted_no_year_ = Compile(R"((\d{1,2})\.(\d{1,2})\b)");
  slash_no_year_ = Compile(R"((\d{1,2})/(\d{1,2})(?:,\s*(\d{4}))?\b)");
  month_abbr_only_ = Compile(R"((Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)");
  month_lower_only_ = Compile(
      R"((january|february|march|april|may|june|july|august|september|october|november|december)\b)");
  day_range_ =
      Compile(R"((\d{1,2})(?:st|nd|rd|th)?\s*(to|through|thru|until|till|and|-|–)\s*(?:the\s+)?)");
  end_day_ = Compile(
      R"((?:the\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?|((?i:first|second|third|fourth|fifth|sixth|)"
      R"(seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|)"
      R"(seventeenth|eighteenth|nineteenth|twentieth|thirtieth)))\b)");
  year_quarter_ = Compile(R"((\d{4})(?:\s+|\s*-\s*)([QqH])([1-4])\b)");
  century_ = Compile(R"((?:[Tt]he\s+)?(\d{1,2})(?:st|nd|rd|th)\s+[Cc]entury\b)", "entury");
  decade_word_ = Compile(
      R"((?:[Tt]he\s+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)",
      "ties");
  year_after_day_ = Compile(R"((?:\s*,\s*|\s+)(\d{4})\b)");
  or_later_ = Compile(R"(\s+or\s+(?:later|after)\b)");
  rel_weekday_ =
      Compile(std::string(R"(([Ll]ast|[Nn]ext|[Tt]his|[Pp]revious|[Ff]ollowing|[Cc]oming)\s+)") +
              "((?i:" + WeekdayAlternation() + "))" + R"(\b)");
  rel_month_ = Compile(R"(([Ll]ast|[Nn]ext|[Tt]his)\s+)" + month_full + R"(\b)");
  in_count_ = Compile(R"((?i:in)\s+)" + number + R"(\s+(days?|weeks?|months?|years?)\b)");
  offset_ = Compile(R"((?:(?i:more|less)\s+than\s+)?)" + number +
                    R"(\s+(days?|weeks?|months?|years?)\s+(from|after|before|later\s+than|)"
                    R"(earlier\s+than)\s+)");
  now_ = Compile(R"(now\b)");
  // "the end of the year", "by end of month", "the start of this quarter".
  end_of_unit_ = Compile(R"((?:the\s+|this\s+)?(decade|year|quarter|month|week)\b)");
  boundary_ =
      Compile(R"(((?i:through|thru|until|till|til|up\s+until|by|on\s+or\s+before|)"
              R"(on\s+or\s+after|before|after|later\s+than|since|)"
              R"(starting(?:\s+(?:in|from|on))?|beginning(?:\s+(?:in|on))?|no\s+later\s+than|)"
              R"(not\s+later\s+than|prior\s+to|ahead\s+of|effective|as\s+early\s+as))\s+)");
  modifier_ = Compile(R"((?:[Aa]t\s+)?(?:[Tt]he\s+)?(?:end|start|beginning|middle)\s+of\s+|)"
                      R"((?:[Ee]arly|[Ll]ate|[Mm]id)(?:\s+|-)|[Ee]nd-)");
  range_open_ = Compile(R"(([Bb]etween|[Ff]rom)\s+)");
  range_join_ = Compile(R"(\s*(and|to|through|thru|until|till|-|–|—|~)\s*)");
  duration_ = Compile(
      R"((?:(?i:in|within|over|during|for|throughout)\s+)?(?:[Tt]he\s+)?)"
      R"((next|past|last|coming|upcoming|previous|following)\s+)" +
      number +
      R"(\s+((?:business|working)\s+days|days|weeks|months|quarters|years|decades|day|week|month|)"
      R"(quarter|year)\b)");
  duration_count_first_ =
      Compile(R"((?:(?i:in|within|over|during|for|throughout)\s+)?(?:[Tt]he\s+)?)" + number +
              R"(\s+(next|past|last|coming|upcoming|previous|following)\s+)"
              R"((days|weeks|months|quarters|years|decades)\b)");
  duration_start_ =
      Compile(R"((?:\s*,\s*|\s+)(?i:starting|beginning|from|effective)(?:\s+(?:from|on|in))?\s+)");
  part_of_ = Compile(R"((?:(?i:in|within|over|during|for|throughout)\s+)?(?:[Tt]he\s+)?)"
                     R"(((?i:first|last))\s+)" +
                     number + R"(\s+(days|weeks|months|quarters|years)\s+of\s+)");
  nth_part_of_ = Compile(
      R"((?:(?i:in|during|for|throughout|over)\s+)?(?:[Tt]he\s+)?)"
      R"(((?i:first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th))\s+(week)\s+(?:of|in)\s+)",
      "week");
  nth_weekday_of_ = Compile(
      R"((?:[Tt]he\s+)?((?i:first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th))\s+)"
      R"(((?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+(?:of|in)\s+)",
      "day ");
  duration_one_ = Compile(
      R"((?i:in|within|over|during|for|throughout)\s+the\s+(next|past|last|coming|previous))"
      R"(\s+(day|week|month|quarter|year|decade)\b)");
  duration_plain_ =
      Compile(R"(((?i:within|over|for))\s+)" + number +
              R"(\s+((?:business|working)\s+days|days|weeks|months|quarters|years|decades|day|)"
              R"(week|month|year|nights|night)\b)");
}

std::unique_ptr<Pattern> DateRecognizer::Impl::Compile(const std::string& pattern,
                                                       std::string_view required) const {
  RE2::Options options;
  options.set_log_errors(false);
  auto compiled = std::make_unique<Pattern>();
  compiled->required = required;
  compiled->re = std::make_unique<RE2>(pattern, options);
  // The patterns are constants of this file: one that does not compile is a programming
  // mistake. Every pattern has test cases, so a broken one also fails the tests in builds
  // where assert is off.
  assert(compiled->re->ok() && "date pattern does not compile");
  // Every match lies between the bounds RE2 computes, so its first byte does too: a text
  // byte outside [first_min, first_max] is rejected without running the pattern. Most
  // anchors are words or numbers that start only a few of the patterns.
  std::string min_match;
  std::string max_match;
  if (compiled->re->PossibleMatchRange(&min_match, &max_match, 1) && !min_match.empty() &&
      !max_match.empty()) {
    compiled->first_min = static_cast<unsigned char>(min_match[0]);
    compiled->first_max = static_cast<unsigned char>(max_match[0]);
  }
  return compiled;
}

std::optional<Hit> DateRecognizer::Impl::MatchAt(const Pattern& pattern, std::string_view text,
                                                 std::size_t pos) const {
  if (pos >= text.size()) return std::nullopt;
  const auto first = static_cast<unsigned char>(text[pos]);
  if (first < pattern.first_min || first > pattern.first_max) return std::nullopt;
  if (!pattern.required.empty() &&
      text.substr(pos, kMaxExpressionBytes).find(pattern.required) == std::string_view::npos) {
    return std::nullopt;
  }
  const RE2& re = *pattern.re;
  Hit hit;
  const int groups = std::min(re.NumberOfCapturingGroups(), Hit::kMaxGroups);
  const std::size_t limit = std::min(text.size(), pos + kMaxExpressionBytes);
  // The context runs to `limit`, past the expression, so that \b after the last word sees
  // the next character.
  const Piece context(text.data(), limit);
  // Most attempts fail. Without submatches RE2 answers from its cached DFA; with them it
  // sets up a backtracker sized by the text first. So ask "does it match?" first, and only
  // then where the groups are.
  if (!re.Match(context, pos, limit, RE2::ANCHOR_START, nullptr, 0)) return std::nullopt;
  if (!re.Match(context, pos, limit, RE2::ANCHOR_START, hit.groups.data(), groups + 1)) {
    return std::nullopt;
  }
  hit.end = static_cast<std::size_t>(hit.groups[0].data() - text.data()) + hit.groups[0].size();
  return hit;
}

std::optional<std::size_t> DateRecognizer::Impl::ExpressionAt(std::string_view text,
                                                              std::size_t pos,
                                                              std::vector<Mention>& out) const {
  if (auto end = DurationAt(text, pos, out)) return end;
  if (IsAsciiDigit(text[pos])) {
    if (auto end = OffsetAt(text, pos, out)) return end;
  }
  if (auto end = NthWeekdayAt(text, pos, out)) return end;
  if (auto end = RangeAt(text, pos, out)) return end;
  if (auto end = CenturyAt(text, pos, out)) return end;
  if (auto hit = MatchAt(*boundary_, text, pos)) {
    const Boundary boundary = BoundaryOf(std::string_view((*hit)[1].data(), (*hit)[1].size()));
    if (auto end = PointExpressionAt(text, pos, hit->end, boundary, out)) return end;
  }
  return PointExpressionAt(text, pos, pos, Boundary::kNone, out);
}

std::vector<Mention> DateRecognizer::Impl::Find(std::string_view text) const {
  std::vector<Mention> mentions;
  ResetDayFirst(text);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    const bool word_start = IsWordChar(c) && (pos == 0 || !IsWordChar(text[pos - 1]));
    // Cheap pre-filter: only digits and letters that begin a date word are anchors.
    if (!word_start || !(IsAsciiAlpha(c) || IsAsciiDigit(c))) {
      ++pos;
      continue;
    }
    std::size_t word_end = pos;
    while (word_end < text.size() && IsWordChar(text[word_end])) ++word_end;
    // Amounts are most of the numbers in news and never start a date: "$4.5", "2,032",
    // "12%", "1.5 billion".
    if (IsAsciiDigit(c) && (PrecededByAmount(text, pos) ||
                            (PartOfAmount(text, word_end) && !DottedDateAt(text, pos)))) {
      pos = word_end;
      continue;
    }
    const std::string_view word = text.substr(pos, word_end - pos);
    // Most words are in no table: one look in their letter's bucket rejects them.
    const std::uint8_t classes = IsAsciiAlpha(c) ? TheLexicon().ClassesOf(word) : 0;
    // "Christmas", "Black Friday": a holiday name begins a date by itself.
    const bool holiday = (classes & kHolidayWord) != 0 && HolidayNameAt(text, pos).has_value();
    if (IsAsciiAlpha(c) && (classes & ~kHolidayWord) == 0 && !holiday && !IsUnitCode(word)) {
      pos = word_end;
      continue;
    }
    Anchor anchor = holiday ? Anchor::kAny : AnchorOf(word, text.substr(word_end), classes);
    // "a year ago", "two weeks from now": a number word goes on only into a unit.
    if (anchor == Anchor::kAgo && !EqualsLower(word, "more") && !EqualsLower(word, "less") &&
        !NextIsUnit(text, word_end)) {
      anchor = Anchor::kNone;
    }
    // A lead word ("the", "by", "last", "in") needs a next word that can go on.
    if (anchor != Anchor::kNone && IsAsciiAlpha(c) && !holiday &&
        (classes & (kSelfContained | kMonthOrWeekday | kConditionalLead)) == 0 &&
        !IsUnitCode(word) && !NextMayContinue(text, word_end)) {
      anchor = Anchor::kNone;
    }
    std::optional<std::size_t> end;
    if (anchor == Anchor::kAny) {
      end = ExpressionAt(text, pos, mentions);
    } else if (anchor == Anchor::kDuration) {
      end = DurationAt(text, pos, mentions);
      if (!end) end = InCountAt(text, pos, mentions);
    } else if (anchor == Anchor::kAgo) {
      end = OffsetAt(text, pos, mentions);
      if (end) {
        pos = *end;
        continue;
      }
      if (auto ago = AgoPointAt(text, pos)) {
        DateExpr expr;
        expr.start = ago->point;
        mentions.push_back(MakeMention(text, pos, ago->end, expr));
        end = ago->end;
      }
    }
    if (end) {
      pos = *end;
      continue;
    }
    // Skip the rest of this word.
    while (pos < text.size() && IsWordChar(text[pos])) ++pos;
  }
  return mentions;
}

DateRecognizer::DateRecognizer() : impl_(std::make_unique<Impl>()) {}
DateRecognizer::~DateRecognizer() = default;
DateRecognizer::DateRecognizer(DateRecognizer&&) noexcept = default;
DateRecognizer& DateRecognizer::operator=(DateRecognizer&&) noexcept = default;

std::vector<Mention> DateRecognizer::Find(std::string_view text) const { return impl_->Find(text); }

std::vector<Mention> FindDates(std::string_view text) {
  // Compiled once per thread for this free function; the Extractor keeps its own recognizer.
  thread_local const DateRecognizer recognizer;
  return recognizer.Find(text);
}

}  // namespace concord::extract
