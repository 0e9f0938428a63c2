#include "extract/dates.h"

#include <doctest/doctest.h>

#include <cstddef>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

using concord::extract::Boundary;
using concord::extract::DateExpr;
using concord::extract::DatePoint;
using concord::extract::DateRecognizer;
using concord::extract::Mention;
using concord::extract::MentionKind;
using concord::extract::Precision;

const DateRecognizer& Recognizer() {
  static const DateRecognizer recognizer;
  return recognizer;
}

// The only mention of `text`; fails the test when there is not exactly one.
std::optional<Mention> OnlyMention(std::string_view text) {
  std::vector<Mention> mentions = Recognizer().Find(text);
  REQUIRE(mentions.size() == 1);
  return mentions.front();
}

// Checks that the mention covers exactly `expected` within `text`.
void CheckSpan(std::string_view text, const Mention& mention, std::string_view expected) {
  const std::size_t begin = text.find(expected);
  REQUIRE(begin != std::string_view::npos);
  CHECK(mention.span.begin == begin);
  CHECK(mention.span.end == begin + expected.size());
  CHECK(mention.text == expected);
  CHECK(mention.sentence == 0);
}

}  // namespace

TEST_CASE("date recognizer: absolute dates") {
  struct Case {
    const char* text;
    const char* span;
    int year, month, day;
    Precision precision;
  };
  const Case cases[] = {
      {"The deal closed on April 27, 2026 after talks.", "April 27, 2026", 2026, 4, 27,
       Precision::kDay},
      {"Signed 27 April 2026 in Paris.", "27 April 2026", 2026, 4, 27, Precision::kDay},
      {"It was filed Apr. 27 with regulators.", "Apr. 27", 0, 4, 27, Precision::kDay},
      {"The note is dated Apr 28, 2026.", "Apr 28, 2026", 2026, 4, 28, Precision::kDay},
      {"Talks began Sept. 3, 2024, people said.", "Sept. 3, 2024", 2024, 9, 3, Precision::kDay},
      {"The filing of 2026-04-27 shows it.", "2026-04-27", 2026, 4, 27, Precision::kDay},
      {"Records from 25/4/2026 were lost.", "from 25/4/2026", 2026, 4, 25, Precision::kDay},
      {"Rates rose in February 2026 again.", "February 2026", 2026, 2, 0, Precision::kMonth},
      {"Bonds maturing in Jan 2021 were sold.", "Jan 2021", 2021, 1, 0, Precision::kMonth},
      {"It opened on the 3rd of May 2025.", "the 3rd of May 2025", 2025, 5, 3, Precision::kDay},
      {"Sales rose in 2032 as planned.", "2032", 2032, 0, 0, Precision::kYear},
      {"The company, founded in 2017, grew.", "2017", 2017, 0, 0, Precision::kYear},
      {"It raised its outlook for 2029 today.", "2029", 2029, 0, 0, Precision::kYear},
      {"Profit is 2026's best so far.", "2026's", 2026, 0, 0, Precision::kYear},
  };
  for (const Case& c : cases) {
    const std::string input = c.text;
    CAPTURE(input);
    std::vector<Mention> mentions = Recognizer().Find(c.text);
    // "It raised its outlook for 2029 today." has two: take the one asked for.
    std::optional<Mention> found;
    for (const Mention& m : mentions) {
      if (m.text == c.span) found = m;
    }
    REQUIRE(found.has_value());
    CheckSpan(c.text, *found, c.span);
    CHECK(found->kind == MentionKind::kDate);
    const DatePoint& point = found->date_expr.start;
    CHECK(point.year == c.year);
    CHECK(point.month == c.month);
    CHECK(point.day == c.day);
    CHECK(point.precision == c.precision);
  }
}

TEST_CASE("date recognizer: numeric day/month order") {
  struct Case {
    const char* text;
    int month, day;
    bool ambiguous;
  };
  const Case cases[] = {
      {"Paid on 4/5/2026.", 4, 5, true},
      {"Paid on 4/27/2026.", 4, 27, false},
      {"Paid on 27/4/2026.", 4, 27, false},
      {"Paid on 5/5/2026.", 5, 5, false},
  };
  for (const Case& c : cases) {
    const std::string input = c.text;
    CAPTURE(input);
    auto mention = OnlyMention(c.text);
    CHECK(mention->date_expr.start.month == c.month);
    CHECK(mention->date_expr.start.day == c.day);
    CHECK(mention->date_expr.day_month_ambiguous == c.ambiguous);
  }
}

TEST_CASE("date recognizer: calendar units, fiscal years and decades") {
  struct Case {
    const char* text;
    const char* span;
    int year, quarter, half, decade;
    bool fiscal;
    Precision relative_unit;
    int relative_offset;
    Precision precision;
  };
  const Case cases[] = {
      {"Revenue for Q3 2025 rose.", "Q3 2025", 2025, 3, 0, 0, false, Precision::kNone, 0,
       Precision::kQuarter},
      {"Costs fell in the third quarter, it said.", "the third quarter", 0, 3, 0, 0, false,
       Precision::kNone, 0, Precision::kQuarter},
      {"Costs fell in the third quarter of 2024.", "the third quarter of 2024", 2024, 3, 0, 0,
       false, Precision::kNone, 0, Precision::kQuarter},
      {"Close in the fourth quarter of fiscal 2025.", "the fourth quarter of fiscal 2025", 2025, 4,
       0, 0, true, Precision::kNone, 0, Precision::kQuarter},
      {"It opens in the first half of next year.", "the first half of next year", 0, 0, 1, 0, false,
       Precision::kYear, 1, Precision::kHalf},
      {"Guidance for H1 2026 is firm.", "H1 2026", 2026, 0, 1, 0, false, Precision::kNone, 0,
       Precision::kHalf},
      {"Sales in fiscal 2026 grew.", "fiscal 2026", 2026, 0, 0, 0, true, Precision::kNone, 0,
       Precision::kYear},
      {"The FY26 budget is set.", "FY26", 2026, 0, 0, 0, true, Precision::kNone, 0,
       Precision::kYear},
      {"Demand grew through the 2020s overall.", "the 2020s", 0, 0, 0, 2020, false,
       Precision::kNone, 0, Precision::kDecade},
      {"Profit beat in 3Q25, it said.", "3Q25", 2025, 3, 0, 0, false, Precision::kNone, 0,
       Precision::kQuarter},
  };
  for (const Case& c : cases) {
    const std::string input = c.text;
    CAPTURE(input);
    auto mention = OnlyMention(c.text);
    // "through the 2020s": the boundary word is in the span.
    const std::string span = std::string_view(c.text).find("through the") != std::string::npos
                                 ? std::string("through ") + c.span
                                 : std::string(c.span);
    CheckSpan(c.text, *mention, span);
    const DatePoint& point = mention->date_expr.start;
    CHECK(point.year == c.year);
    CHECK(point.quarter == c.quarter);
    CHECK(point.half == c.half);
    CHECK(point.decade == c.decade);
    CHECK(point.fiscal == c.fiscal);
    CHECK(point.relative_unit == c.relative_unit);
    CHECK(point.relative_offset == c.relative_offset);
    CHECK(point.precision == c.precision);
  }
}

TEST_CASE("date recognizer: relative to the published date") {
  struct Case {
    const char* text;
    const char* span;
    int month, weekday;
    Precision relative_unit;
    int relative_offset;
    Precision precision;
  };
  const Case cases[] = {
      {"Shares fell today in Tokyo.", "today", 0, 0, Precision::kDay, 0, Precision::kDay},
      {"Yesterday the board met.", "Yesterday", 0, 0, Precision::kDay, -1, Precision::kDay},
      {"It said this morning that it agreed.", "this morning", 0, 0, Precision::kDay, 0,
       Precision::kDay},
      {"On Monday, the two firms signed.", "Monday", 0, 1, Precision::kNone, 0, Precision::kDay},
      {"It fell last Tuesday.", "last Tuesday", 0, 2, Precision::kWeek, -1, Precision::kDay},
      {"A vote is due next Sunday.", "next Sunday", 0, 7, Precision::kWeek, 1, Precision::kDay},
      {"Talks stalled last week.", "last week", 0, 0, Precision::kWeek, -1, Precision::kWeek},
      {"It agreed earlier this month to sell.", "earlier this month", 0, 0, Precision::kMonth, 0,
       Precision::kMonth},
      {"Prices rose this year.", "this year", 0, 0, Precision::kYear, 0, Precision::kYear},
      {"It opens next year.", "next year", 0, 0, Precision::kYear, 1, Precision::kYear},
      {"Margins shrank last quarter.", "last quarter", 0, 0, Precision::kQuarter, -1,
       Precision::kQuarter},
      {"Sales fell last month.", "last month", 0, 0, Precision::kMonth, -1, Precision::kMonth},
      {"It was sold three days ago.", "three days ago", 0, 0, Precision::kDay, -3, Precision::kDay},
      {"It was sold 2 weeks ago.", "2 weeks ago", 0, 0, Precision::kWeek, -2, Precision::kDay},
      {"In February this year, it sold.", "February this year", 2, 0, Precision::kYear, 0,
       Precision::kMonth},
      {"In October of last year, it sold.", "October of last year", 10, 0, Precision::kYear, -1,
       Precision::kMonth},
      {"It peaked last October.", "last October", 10, 0, Precision::kMonth, -1, Precision::kMonth},
  };
  for (const Case& c : cases) {
    const std::string input = c.text;
    CAPTURE(input);
    auto mention = OnlyMention(c.text);
    CheckSpan(c.text, *mention, c.span);
    const DatePoint& point = mention->date_expr.start;
    CHECK(point.year == 0);
    CHECK(point.month == c.month);
    CHECK(point.weekday == c.weekday);
    CHECK(point.relative_unit == c.relative_unit);
    CHECK(point.relative_offset == c.relative_offset);
    CHECK(point.precision == c.precision);
  }
}

TEST_CASE("date recognizer: month names need date context") {
  struct Case {
    const char* text;
    const char* span;  // nullptr: no date
    int month;
  };
  const Case cases[] = {
      {"Shares may rise, analysts said.", nullptr, 0},
      {"May we add that nothing changed?", nullptr, 0},
      {"It was the March of progress.", nullptr, 0},
      {"Sales rose in May after a slump.", "May", 5},
      {"It has grown since March.", "since March", 3},
      {"It will close by early June.", "by early June", 6},
      {"Prices eased in mid-August.", "mid-August", 8},
      {"October: The parties signed a deal;", "October", 10},
      {"- April: Both firms reached terms.", "April", 4},
      {"The date was moved to March 3.", "March 3", 3},
      {"Sales were weak, and March madness began.", nullptr, 0},
  };
  for (const Case& c : cases) {
    const std::string input = c.text;
    CAPTURE(input);
    std::vector<Mention> mentions = Recognizer().Find(c.text);
    if (c.span == nullptr) {
      CHECK(mentions.empty());
      continue;
    }
    REQUIRE(mentions.size() == 1);
    CheckSpan(c.text, mentions.front(), c.span);
    CHECK(mentions.front().date_expr.start.month == c.month);
  }
}

TEST_CASE("date recognizer: years only in date context") {
  const char* const no_dates[] = {
      "It paid $2032 for the licence.", "The plant employs 2,032 people.",
      "It sold 2032 units last.",       "Output reached 2030 tonnes.",
      "Shares rose 2026% in a rally.",  "Model 2032 is on sale.",
      "Shares rose to 1950 pence.",     "It cost €2030 in total.",
      "The H1B visa program changed.",
  };
  for (const char* text : no_dates) {
    const std::string input = text;
    CAPTURE(input);
    CHECK(Recognizer().Find(text).empty());
  }
}

TEST_CASE("date recognizer: boundaries are part of the span") {
  struct Case {
    const char* text;
    const char* span;
    Boundary boundary;
    int year, month;
  };
  const Case cases[] = {
      {"The licence runs until 2032 in full.", "until 2032", Boundary::kUntil, 2032, 0},
      {"The licence runs through 2032.", "through 2032", Boundary::kThrough, 2032, 0},
      {"It must pay before 2030, the filing said.", "before 2030", Boundary::kBefore, 2030, 0},
      {"It will finish by 2030.", "by 2030", Boundary::kBy, 2030, 0},
      {"Sales grew since 2019.", "since 2019", Boundary::kSince, 2019, 0},
      {"Cuts follow after 2027.", "after 2027", Boundary::kAfter, 2027, 0},
      {"It should close by October 2024.", "by October 2024", Boundary::kBy, 2024, 10},
      {"Jobs go by the end of 2031, it said.", "by the end of 2031", Boundary::kBy, 2031, 0},
      {"Approval is needed before June 2026.", "before June 2026", Boundary::kBefore, 2026, 6},
      {"Rights last until March 22, 2030.", "until March 22, 2030", Boundary::kUntil, 2030, 3},
      {"Pay on or before June 30, 2026.", "on or before June 30, 2026", Boundary::kBy, 2026, 6},
      {"Vesting starts on or after May 1, 2027.", "on or after May 1, 2027", Boundary::kSince, 2027,
       5},
      {"Debt falls by end-2027, it said.", "by end-2027", Boundary::kBy, 2027, 0},
      // "as of" names a moment, not a boundary.
      {"A deficit of $12 million as of Sept. 23, 2020.", "Sept. 23, 2020", Boundary::kNone, 2020,
       9},
  };
  for (const Case& c : cases) {
    const std::string input = c.text;
    CAPTURE(input);
    auto mention = OnlyMention(c.text);
    CheckSpan(c.text, *mention, c.span);
    CHECK(mention->date_expr.boundary == c.boundary);
    CHECK(mention->date_expr.start.year == c.year);
    CHECK(mention->date_expr.start.month == c.month);
    CHECK_FALSE(mention->date_expr.end.has_value());
  }

  // "by the end of the decade": the decade of the published date.
  auto decade = OnlyMention("Emissions fall by the end of the decade.");
  CHECK(decade->text == "by the end of the decade");
  CHECK(decade->date_expr.boundary == Boundary::kBy);
  CHECK(decade->date_expr.start.relative_unit == Precision::kDecade);
  CHECK(decade->date_expr.start.relative_offset == 0);
}

TEST_CASE("date recognizer: a range gives one mention per endpoint, both with the range") {
  struct Case {
    const char* text;
    const char* head;
    const char* tail;
    int start_year, end_year;
  };
  const Case cases[] = {
      {"It will invest between 2026 and 2030 in Asia.", "between 2026", "and 2030", 2026, 2030},
      {"It leases the site from 2026 to 2031.", "from 2026", "to 2031", 2026, 2031},
      {"The 2026-2030 plan was approved.", "2026", "2030", 2026, 2030},
      {"The 2027–29 plan was approved.", "2027", "29", 2027, 2029},
  };
  for (const Case& c : cases) {
    const std::string input = c.text;
    CAPTURE(input);
    std::vector<Mention> mentions = Recognizer().Find(c.text);
    REQUIRE(mentions.size() == 2);
    CheckSpan(c.text, mentions[0], c.head);
    CHECK(mentions[1].text == c.tail);
    CHECK(mentions[0].span.end <= mentions[1].span.begin);
    for (const Mention& m : mentions) {
      CHECK(m.date_expr.boundary == Boundary::kRange);
      CHECK(m.date_expr.start.year == c.start_year);
      REQUIRE(m.date_expr.end.has_value());
      CHECK(m.date_expr.end->year == c.end_year);
    }
  }

  // Day/month order unknown at either end.
  std::vector<Mention> numeric = Recognizer().Find("Paid from 4/5/2026 to 4/20/2026.");
  REQUIRE(numeric.size() == 2);
  CHECK(numeric[0].date_expr.day_month_ambiguous);
  CHECK(numeric[1].date_expr.day_month_ambiguous);

  // "from January to March 2026": the start takes the end's year.
  std::vector<Mention> months = Recognizer().Find("Sales fell from January to March 2026.");
  REQUIRE(months.size() == 2);
  CHECK(months[0].date_expr.start.year == 2026);
  CHECK(months[0].date_expr.start.month == 1);
  CHECK(months[0].date_expr.end->month == 3);
}

TEST_CASE("date recognizer: durations from the published date") {
  struct Case {
    const char* text;
    const char* span;
    int count;
    Precision unit;
    int direction;
  };
  const Case cases[] = {
      {"Capacity grows in the next six years, it said.", "in the next six years", 6,
       Precision::kYear, 1},
      {"It will pay within 18 months of closing.", "within 18 months", 18, Precision::kMonth, 1},
      {"It will invest over seven years.", "over seven years", 7, Precision::kYear, 0},
      {"Sales doubled over the past two years.", "over the past two years", 2, Precision::kYear,
       -1},
      {"Sales doubled over the past year.", "over the past year", 1, Precision::kYear, -1},
      {"It will hire in the coming month.", "in the coming month", 1, Precision::kMonth, 1},
  };
  for (const Case& c : cases) {
    const std::string input = c.text;
    CAPTURE(input);
    auto mention = OnlyMention(c.text);
    CheckSpan(c.text, *mention, c.span);
    CHECK(mention->kind == MentionKind::kDuration);
    CHECK(mention->date_expr.duration_count == c.count);
    CHECK(mention->date_expr.duration_unit == c.unit);
    CHECK(mention->date_expr.duration_direction == c.direction);
  }
}

TEST_CASE("date recognizer: weekday written with its date keeps both") {
  auto mention = OnlyMention("Filed Monday, April 28, 2026 in court.");
  CheckSpan("Filed Monday, April 28, 2026 in court.", *mention, "Monday, April 28, 2026");
  CHECK(mention->date_expr.start.weekday == 1);
  CHECK(mention->date_expr.start.day == 28);
  CHECK(mention->date_expr.start.year == 2026);
}

TEST_CASE("date recognizer: several mentions in text order, multibyte text around them") {
  const std::string text =
      "“On Monday” — the firms said — a licence runs through 2032; revenue share "
      "before 2030, and Q3 2025 was strong. Café €2030 total.";
  std::vector<Mention> mentions = Recognizer().Find(text);
  REQUIRE(mentions.size() == 4);
  CHECK(mentions[0].text == "Monday");
  CHECK(mentions[1].text == "through 2032");
  CHECK(mentions[2].text == "before 2030");
  CHECK(mentions[3].text == "Q3 2025");
  for (const Mention& m : mentions) {
    CAPTURE(m.text);
    CHECK(text.substr(m.span.begin, m.span.end - m.span.begin) == m.text);
  }
}

TEST_CASE("date recognizer: arbitrary bytes never crash and spans stay inside the text") {
  std::mt19937 random(20240315);
  const std::string alphabet =
      "0123456789 ,.-/:;'\nQHFYthrougbyeforsinclad"
      "JanuaryFebMarchAprilMayJuneJulyAugSeptOctNovDecMondayTuesdaySunday\xE2\x80\x99\xC2\xA3";
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 400);
    for (int i = 0; i < length; ++i) {
      if (random() % 5 == 0) {
        text += static_cast<char>(random() % 256);
      } else {
        text += alphabet[random() % alphabet.size()];
      }
    }
    std::vector<Mention> mentions = Recognizer().Find(text);
    std::size_t previous_end = 0;
    for (const Mention& m : mentions) {
      CHECK(m.span.begin < m.span.end);
      CHECK(m.span.end <= text.size());
      CHECK(m.span.begin >= previous_end);
      previous_end = m.span.end;
    }
  }
  CHECK(Recognizer().Find("").empty());
}

TEST_CASE("date recognizer: forms added for issue 4") {
  struct Case {
    const char* text;
    const char* span;
    int year, month, day;
    Precision relative_unit;
    int relative_offset;
    Boundary boundary;
  };
  const Case cases[] = {
      // "in two weeks": a day that far ahead, not a period.
      {"The firm will report in two weeks.", "in two weeks", 0, 0, 0, Precision::kWeek, 2,
       Boundary::kNone},
      {"Payment is due in 3 days.", "in 3 days", 0, 0, 0, Precision::kDay, 3, Boundary::kNone},
      // "this September": the published year's September.
      {"The plant opens this September.", "this September", 0, 9, 0, Precision::kYear, 0,
       Boundary::kNone},
      {"It slipped the previous Friday.", "previous Friday", 0, 0, 0, Precision::kWeek, -1,
       Boundary::kNone},
      {"Deliveries start later than 2027.", "later than 2027", 2027, 0, 0, Precision::kNone, 0,
       Boundary::kAfter},
      // Lower-case month names count with a day or a year after them.
      {"they lost june of 1992 records", "june of 1992", 1992, 6, 0, Precision::kNone, 0,
       Boundary::kNone},
      {"filed on july 4th, 1995 in court", "july 4th, 1995", 1995, 7, 4, Precision::kNone, 0,
       Boundary::kNone},
      {"It sold IVAC on Dec. 31 , 1994.", "Dec. 31 , 1994", 1994, 12, 31, Precision::kNone, 0,
       Boundary::kNone},
      // An ISO date inside a file name is a date, not the year range "2002-10".
      {"See report-2002-10-09.pdf for it.", "2002-10-09", 2002, 10, 9, Precision::kNone, 0,
       Boundary::kNone},
  };
  for (const Case& c : cases) {
    const std::string input = c.text;
    CAPTURE(input);
    auto mention = OnlyMention(c.text);
    CheckSpan(c.text, *mention, c.span);
    const DatePoint& point = mention->date_expr.start;
    CHECK(point.year == c.year);
    CHECK(point.month == c.month);
    CHECK(point.day == c.day);
    CHECK(point.relative_unit == c.relative_unit);
    CHECK(point.relative_offset == c.relative_offset);
    CHECK(mention->date_expr.boundary == c.boundary);
  }
}

TEST_CASE("date recognizer: numbers that are not dates (issue 4)") {
  const char* const no_dates[] = {
      "Call +86 138-2010-2015 today or not.",  // "today" aside, the digits are a phone number
      "Ref 2010-2015-86 was filed.",          "It may rise, and prices may fall.",
      "The company said the board met.",      "march on, said the union",
  };
  for (const char* text : no_dates) {
    const std::string input = text;
    CAPTURE(input);
    for (const Mention& m : Recognizer().Find(text)) {
      CHECK(m.text == "today");
    }
  }
}

TEST_CASE("date recognizer: new date forms keep numbers and words that are not dates out") {
  // Each text names no date: a verb "may", a noun "march", counts after a weekday, a day
  // number with no "on" before it, fractions, a rank.
  const char* const no_dates[] = {
      "Investors may march on the capital.",
      "They hope this may help.",
      "The long march to profit goes on.",
      "Rates were cut around the 21st, a trader guessed.",
      "It ranked the 18th of 40 funds.",
      "The pipe is 1/2-3/4 inch wide.",
      "Shares rose on Friday 7.5% higher.",
      "On Monday 12 people were hurt.",
      "The Sun 14 editors wrote.",
      "It will hire staff between now and then.",
      "The Sun and Sat editors wrote.",
      "It rose as early as analysts thought it would, w/o fanfare.",
      "Its part number is 207-11-04-2025.",
      "Sales at April of 87 stores fell.",
      "They joined the march to the sea.",
      "The rest of us stayed.",
      "The 2010-35 lottery code won.",
      "Cash is up 5% and at the time it was up more than a year's worth.",
  };
  for (const char* text : no_dates) {
    const std::string input = text;
    CAPTURE(input);
    for (const Mention& m : Recognizer().Find(text)) {
      // A weekday alone is a date; anything longer with it is not.
      CHECK((m.text == "Friday" || m.text == "Monday"));
    }
  }
}
