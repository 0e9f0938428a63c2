#include "normalize/dates.h"

#include <doctest/doctest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/corpus.h"
#include "extract/dates.h"
#include "normalize/article_dates.h"
#include "testing.h"

namespace {

using concord::extract::Boundary;
using concord::extract::DateExpr;
using concord::extract::DatePoint;
using concord::extract::DateRecognizer;
using concord::extract::DateValue;
using concord::extract::Mention;
using concord::extract::Precision;
using concord::normalize::DetectTense;
using concord::normalize::DetectTenseNear;
using concord::normalize::ResolveDate;
using concord::normalize::Tense;

const DateRecognizer& Recognizer() {
  static const DateRecognizer recognizer;
  return recognizer;
}

// The mention of `sentence` whose text is `span`, resolved with the sentence's tense near it.
DateValue ResolveIn(std::string_view sentence, std::string_view span, std::string_view published) {
  for (const Mention& m : Recognizer().Find(sentence)) {
    if (m.text != span) continue;
    return ResolveDate(m.date_expr, published, DetectTenseNear(sentence, m.span.begin, m.span.end));
  }
  FAIL("no mention '" << std::string(span) << "'");
  return {};
}

bool HasFlag(const DateValue& value, std::string_view flag) {
  for (const std::string& f : value.flags) {
    if (f == flag) return true;
  }
  return false;
}

// Published on a Tuesday, like the acceptance seed.
constexpr const char* kTuesday = "2026-04-28";

}  // namespace

TEST_CASE("resolve date: absolute dates keep their precision") {
  struct Case {
    const char* sentence;
    const char* span;
    const char* start;
    const char* end;
    Precision precision;
  };
  const Case cases[] = {
      {"The filing is dated April 27, 2026.", "April 27, 2026", "2026-04-27", "2026-04-27",
       Precision::kDay},
      {"The filing is dated Apr 28, 2026.", "Apr 28, 2026", "2026-04-28", "2026-04-28",
       Precision::kDay},
      {"Rates rose in February 2026.", "February 2026", "2026-02-01", "2026-02-28",
       Precision::kMonth},
      {"Rates rose in February 2024.", "February 2024", "2024-02-01", "2024-02-29",
       Precision::kMonth},
      {"Revenue for Q3 2025 rose.", "Q3 2025", "2025-07-01", "2025-09-30", Precision::kQuarter},
      {"Guidance for H2 2026 holds.", "H2 2026", "2026-07-01", "2026-12-31", Precision::kHalf},
      {"Sales rose in 2032 again.", "2032", "2032-01-01", "2032-12-31", Precision::kYear},
      {"Sales in fiscal 2026 grew.", "fiscal 2026", "2026-01-01", "2026-12-31", Precision::kYear},
      {"Growth slowed across the 2020s overall.", "the 2020s", "2020-01-01", "2029-12-31",
       Precision::kDecade},
      {"Costs fell in the second quarter of 2024.", "the second quarter of 2024", "2024-04-01",
       "2024-06-30", Precision::kQuarter},
  };
  for (const Case& c : cases) {
    const std::string input = c.sentence;
    CAPTURE(input);
    const DateValue value = ResolveIn(c.sentence, c.span, kTuesday);
    CHECK(value.start == c.start);
    CHECK(value.end == c.end);
    CHECK(value.precision == c.precision);
    CHECK(value.flags.empty());
  }
}

TEST_CASE("resolve date: relative to the published date") {
  struct Case {
    const char* sentence;
    const char* span;
    const char* start;
    const char* end;
    Precision precision;
  };
  const Case cases[] = {
      // Weekdays: past tense → the most recent one on or before the published day.
      {"On Monday, the two firms signed a new pact.", "Monday", "2026-04-27", "2026-04-27",
       Precision::kDay},
      {"The board met on Tuesday and approved it.", "Tuesday", "2026-04-28", "2026-04-28",
       Precision::kDay},
      {"Shares closed on Sunday at a record.", "Sunday", "2026-04-26", "2026-04-26",
       Precision::kDay},
      {"The two firms will sign on Monday.", "Monday", "2026-05-04", "2026-05-04", Precision::kDay},
      {"It fell last Tuesday.", "last Tuesday", "2026-04-21", "2026-04-21", Precision::kDay},
      // "next"/"last" + weekday: that day of the next / previous Monday-to-Sunday week.
      {"A hearing is set for next Thursday.", "next Thursday", "2026-05-07", "2026-05-07",
       Precision::kDay},
      {"Talks broke down the previous Friday.", "previous Friday", "2026-04-24", "2026-04-24",
       Precision::kDay},
      // "in two weeks": the day that far ahead, not a period.
      {"The firm will report in two weeks.", "in two weeks", "2026-05-12", "2026-05-12",
       Precision::kDay},
      {"Payment is due in 3 days.", "in 3 days", "2026-05-01", "2026-05-01", Precision::kDay},
      // "this September": the published year's, whatever the tense.
      {"The plant will open this September.", "this September", "2026-09-01", "2026-09-30",
       Precision::kMonth},
      // The clause decides: "closed" governs "Sunday", not "will pay".
      {"It will pay $5 a share, a premium to where the stock closed on Sunday.", "Sunday",
       "2026-04-26", "2026-04-26", Precision::kDay},
      {"It said today that it agreed.", "today", "2026-04-28", "2026-04-28", Precision::kDay},
      {"It said yesterday that it agreed.", "yesterday", "2026-04-27", "2026-04-27",
       Precision::kDay},
      {"It was sold three days ago.", "three days ago", "2026-04-25", "2026-04-25",
       Precision::kDay},
      {"It was sold two weeks ago.", "two weeks ago", "2026-04-14", "2026-04-14", Precision::kDay},
      {"Talks stalled last week.", "last week", "2026-04-20", "2026-04-26", Precision::kWeek},
      {"Sales fell last month.", "last month", "2026-03-01", "2026-03-31", Precision::kMonth},
      // "earlier this month": the month up to the day before publication; "later this year":
      // from the published day to the year's end.
      {"It agreed later this year to sell.", "later this year", "2026-04-28", "2026-12-31",
       Precision::kYear},
      {"It agreed earlier this month to sell.", "earlier this month", "2026-04-01", "2026-04-27",
       Precision::kMonth},
      {"Margins shrank last quarter.", "last quarter", "2026-01-01", "2026-03-31",
       Precision::kQuarter},
      {"Prices rose this year.", "this year", "2026-01-01", "2026-12-31", Precision::kYear},
      {"It opens next year.", "next year", "2027-01-01", "2027-12-31", Precision::kYear},
      {"It opens in the first half of next year.", "the first half of next year", "2027-01-01",
       "2027-06-30", Precision::kHalf},
      {"In February this year, the firm announced a deal.", "February this year", "2026-02-01",
       "2026-02-28", Precision::kMonth},
      {"It peaked last October.", "last October", "2025-10-01", "2025-10-31", Precision::kMonth},
      // Year-less dates: past → most recent on or before; future → next on or after.
      {"The deal was signed on Apr. 27 in Paris.", "Apr. 27", "2026-04-27", "2026-04-27",
       Precision::kDay},
      {"The deal was signed on December 26.", "December 26", "2025-12-26", "2025-12-26",
       Precision::kDay},
      {"The deal will close on December 26.", "December 26", "2026-12-26", "2026-12-26",
       Precision::kDay},
      {"Costs fell in the third quarter, it said.", "the third quarter", "2025-07-01", "2025-09-30",
       Precision::kQuarter},
      {"Growth will slow by the end of the decade.", "by the end of the decade", "", "2029-12-31",
       Precision::kDecade},
  };
  for (const Case& c : cases) {
    const std::string input = c.sentence;
    CAPTURE(input);
    const DateValue value = ResolveIn(c.sentence, c.span, kTuesday);
    CHECK(value.start == c.start);
    CHECK(value.end == c.end);
    CHECK(value.precision == c.precision);
  }
}

TEST_CASE("resolve date: timeline labels are the most recent such month") {
  const std::string timeline =
      "Key dates\n"
      "October: The parties signed a side letter;\n"
      "November: One firm signed a cloud deal;\n"
      "February: A rival announced an investment;\n"
      "March: The firm is weighing a lawsuit;\n"
      "April: Both firms reached new terms.\n";
  struct Case {
    const char* label;
    const char* start;
    const char* end;
  };
  const Case cases[] = {
      {"October", "2025-10-01", "2025-10-31"},  {"November", "2025-11-01", "2025-11-30"},
      {"February", "2026-02-01", "2026-02-28"}, {"March", "2026-03-01", "2026-03-31"},
      {"April", "2026-04-01", "2026-04-30"},
  };
  std::vector<Mention> mentions = Recognizer().Find(timeline);
  REQUIRE(mentions.size() == std::size(cases));
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    CAPTURE(mentions[i].text);
    CHECK(mentions[i].text == cases[i].label);
    const std::size_t line_begin = timeline.rfind('\n', mentions[i].span.begin) + 1;
    const std::size_t line_end = timeline.find('\n', mentions[i].span.begin);
    const std::string_view line =
        std::string_view(timeline).substr(line_begin, line_end - line_begin);
    const DateValue value = ResolveDate(mentions[i].date_expr, kTuesday, DetectTense(line));
    CHECK(value.start == cases[i].start);
    CHECK(value.end == cases[i].end);
    CHECK(value.precision == Precision::kMonth);
    CHECK(value.flags.empty());
  }
}

TEST_CASE("resolve date: boundaries") {
  struct Case {
    const char* sentence;
    const char* span;
    const char* start;
    const char* end;
    Boundary boundary;
  };
  const Case cases[] = {
      {"The firm will keep a licence until 2032.", "until 2032", "", "2032-12-31",
       Boundary::kUntil},
      {"The licence extends through 2032.", "through 2032", "", "2032-12-31", Boundary::kThrough},
      {"It must pay its share before 2030.", "before 2030", "", "2029-12-31", Boundary::kBefore},
      {"It keeps paying through 2030.", "through 2030", "", "2030-12-31", Boundary::kThrough},
      {"It will finish by October 2024.", "by October 2024", "", "2024-10-31", Boundary::kBy},
      {"Jobs go by the end of 2031, it said.", "by the end of 2031", "", "2031-12-31",
       Boundary::kBy},
      {"Sales have grown since 2019.", "since 2019", "2019-01-01", "2026-04-28", Boundary::kSince},
      {"Cuts follow after 2027.", "after 2027", "2028-01-01", "", Boundary::kAfter},
      {"Approval is needed before June 2026.", "before June 2026", "", "2026-05-31",
       Boundary::kBefore},
      {"It will invest between 2026 and 2030.", "between 2026", "2026-01-01", "2030-12-31",
       Boundary::kRange},
      {"It will invest between 2026 and 2030.", "and 2030", "2026-01-01", "2030-12-31",
       Boundary::kRange},
      {"Capacity grows in the next six years.", "in the next six years", "2026-04-28", "2032-04-27",
       Boundary::kNone},
      {"It will pay within 18 months.", "within 18 months", "2026-04-28", "2027-10-27",
       Boundary::kNone},
      {"Sales doubled over the past two years.", "over the past two years", "2024-04-29",
       "2026-04-28", Boundary::kNone},
  };
  for (const Case& c : cases) {
    const std::string input = c.sentence;
    CAPTURE(input);
    const DateValue value = ResolveIn(c.sentence, c.span, kTuesday);
    CHECK(value.start == c.start);
    CHECK(value.end == c.end);
    CHECK(value.boundary == c.boundary);
    CHECK(value.flags.empty());
  }
}

TEST_CASE("resolve date: inconsistencies are flagged, never silent") {
  // A past event in a month after the published month: the most recent such month, flagged.
  DateValue moved =
      ResolveIn("In October this year, the buyer finalized the purchase of more capacity.",
                "October this year", kTuesday);
  CHECK(moved.start == "2025-10-01");
  CHECK(moved.end == "2025-10-31");
  CHECK(moved.precision == Precision::kMonth);
  CHECK(HasFlag(moved, "inconsistent"));

  // The same month in a future sentence is simply ahead.
  DateValue ahead = ResolveIn("In October this year, the buyer will finalize the purchase.",
                              "October this year", kTuesday);
  CHECK(ahead.start == "2026-10-01");
  CHECK(ahead.flags.empty());

  // April 28, 2026 is a Tuesday.
  DateValue weekday =
      ResolveIn("It was filed Monday, April 28, 2026.", "Monday, April 28, 2026", kTuesday);
  CHECK(weekday.start == "2026-04-28");
  CHECK(HasFlag(weekday, "inconsistent"));
  DateValue right =
      ResolveIn("It was filed Tuesday, April 28, 2026.", "Tuesday, April 28, 2026", kTuesday);
  CHECK(right.flags.empty());

  // A fully written future date in a past-tense sentence is ordinary: kept, not flagged.
  DateValue future = ResolveIn("The firm sold bonds maturing in June 2029.", "June 2029", kTuesday);
  CHECK(future.start == "2029-06-01");
  CHECK(future.flags.empty());

  // Day/month order not written.
  DateValue ambiguous = ResolveIn("It was paid on 4/5/2026.", "4/5/2026", kTuesday);
  CHECK(ambiguous.start == "2026-04-05");
  CHECK(HasFlag(ambiguous, "ambiguous"));

  // No such day.
  DateValue invalid = ResolveIn("It was paid on February 30, 2026.", "February 30, 2026", kTuesday);
  CHECK(invalid.start.empty());
  CHECK(HasFlag(invalid, "invalid"));
}

TEST_CASE("resolve date: without a published date relative dates stay unresolved") {
  struct Case {
    const char* sentence;
    const char* span;
    const char* published;
  };
  const Case cases[] = {
      {"On Monday, the firms signed.", "Monday", ""},
      {"It said yesterday it agreed.", "yesterday", ""},
      {"In February this year, it announced a deal.", "February this year", ""},
      {"October: The parties signed.", "October", ""},
      {"Capacity grows in the next six years.", "in the next six years", ""},
      {"It said yesterday it agreed.", "yesterday", "28 April 2026"},  // not ISO: no date
  };
  for (const Case& c : cases) {
    const std::string input = c.sentence;
    CAPTURE(input);
    const DateValue value = ResolveIn(c.sentence, c.span, c.published);
    CHECK(value.start.empty());
    CHECK(value.end.empty());
    CHECK(HasFlag(value, "unresolved"));
  }
  // Absolute dates do not need one.
  const DateValue absolute = ResolveIn("Signed April 27, 2026.", "April 27, 2026", "");
  CHECK(absolute.start == "2026-04-27");
  CHECK(absolute.flags.empty());
}

TEST_CASE("detect tense") {
  struct Case {
    const char* sentence;
    Tense tense;
  };
  const Case cases[] = {
      {"OpenAI finalized the purchase in October.", Tense::kPast},
      {"The firms signed a pact on Monday.", Tense::kPast},
      {"The two companies said the deal was done.", Tense::kPast},
      {"Microsoft will hold a licence until 2032.", Tense::kFuture},
      {"The firm is expected to close the deal in June.", Tense::kFuture},
      {"The firm plans to list shares next year.", Tense::kFuture},
      {"Amazon said it would invest more.", Tense::kFuture},
      {"The firm is going to sell the unit.", Tense::kFuture},
      {"The firm is considering legal action.", Tense::kPresent},
      {"Microsoft holds about 27% of the company.", Tense::kPresent},
      {"", Tense::kUnknown},
  };
  for (const Case& c : cases) {
    const std::string input = c.sentence;
    CAPTURE(input);
    CHECK(DetectTense(c.sentence) == c.tense);
  }
}

TEST_CASE("detect tense near a date: the nearest marker in the clause") {
  struct Case {
    const char* sentence;
    const char* date;
    Tense tense;
  };
  const Case cases[] = {
      {"It will pay $5 a share, a premium to where the stock closed on Sunday.", "Sunday",
       Tense::kPast},
      {"The firm said on Monday it will build a plant.", "Monday", Tense::kPast},
      {"The firm said it will launch the product on Monday.", "Monday", Tense::kFuture},
      // No marker in the date's clause: the sentence decides.
      {"In October this year, the buyer finalized the purchase.", "October", Tense::kPast},
      {"Talks go on (since Monday).", "Monday", Tense::kPresent},
  };
  for (const Case& c : cases) {
    const std::string input = c.sentence;
    CAPTURE(input);
    const std::string_view sentence = c.sentence;
    const std::size_t begin = sentence.find(c.date);
    REQUIRE(begin != std::string_view::npos);
    CHECK(DetectTenseNear(sentence, begin, begin + std::string_view(c.date).size()) == c.tense);
  }
}

TEST_CASE("resolve date: the acceptance seed article (published 2026-04-28)") {
  const std::filesystem::path seed =
      concord::testing::SharedDir() / "seeds" / "000_b020c2b63810bd90.txt";
  if (!std::filesystem::exists(seed)) {
    MESSAGE("seed article not found, skipped: " << seed.string());
    return;
  }
  const std::string text = concord::testing::ReadFile(seed);
  // Each line of the seed is one or more sentences; the tense comes from the mention's
  // sentence, cut at ". " or a line end.
  auto resolve = [&](const Mention& m) {
    std::size_t begin = m.span.begin;
    while (begin > 0 && text[begin - 1] != '\n' &&
           !(begin > 1 && text[begin - 2] == '.' && text[begin - 1] == ' ')) {
      --begin;
    }
    std::size_t end = m.span.end;
    while (end < text.size() && text[end] != '\n' &&
           !(text[end] == '.' && end + 1 < text.size() && text[end + 1] == ' ')) {
      ++end;
    }
    const std::string_view sentence = std::string_view(text).substr(begin, end - begin);
    return ResolveDate(m.date_expr, "2026-04-28",
                       DetectTenseNear(sentence, m.span.begin - begin, m.span.end - begin));
  };
  struct Expected {
    const char* text;
    const char* start;
    const char* end;
    Precision precision;
    Boundary boundary;
    bool inconsistent;
  };
  const Expected expected[] = {
      {"Monday", "2026-04-27", "2026-04-27", Precision::kDay, Boundary::kNone, false},
      {"until 2032", "", "2032-12-31", Precision::kYear, Boundary::kUntil, false},
      {"October this year", "2025-10-01", "2025-10-31", Precision::kMonth, Boundary::kNone, true},
      {"February this year", "2026-02-01", "2026-02-28", Precision::kMonth, Boundary::kNone, false},
      {"April 27, 2026", "2026-04-27", "2026-04-27", Precision::kDay, Boundary::kNone, false},
      {"before 2030", "", "2029-12-31", Precision::kYear, Boundary::kBefore, false},
  };
  std::vector<Mention> mentions = Recognizer().Find(text);
  for (const Expected& e : expected) {
    CAPTURE(e.text);
    bool found = false;
    for (const Mention& m : mentions) {
      if (m.text != e.text) continue;
      found = true;
      const DateValue value = resolve(m);
      CHECK(value.start == e.start);
      CHECK(value.end == e.end);
      CHECK(value.precision == e.precision);
      CHECK(value.boundary == e.boundary);
      CHECK(HasFlag(value, "inconsistent") == e.inconsistent);
      break;
    }
    CHECK(found);
  }
  // The digest derived from it (same published date) writes the boundaries differently.
  const std::filesystem::path digest =
      concord::testing::SharedDir() / "seeds" / "004_16985615542f03f2.txt";
  if (std::filesystem::exists(digest)) {
    const std::string digest_text = concord::testing::ReadFile(digest);
    const Expected digest_expected[] = {
        {"through 2032", "", "2032-12-31", Precision::kYear, Boundary::kThrough, false},
        {"through 2030", "", "2030-12-31", Precision::kYear, Boundary::kThrough, false},
        {"April 27, 2026", "2026-04-27", "2026-04-27", Precision::kDay, Boundary::kNone, false},
        {"Apr 28, 2026", "2026-04-28", "2026-04-28", Precision::kDay, Boundary::kNone, false},
    };
    const std::vector<Mention> digest_mentions = Recognizer().Find(digest_text);
    for (const Expected& e : digest_expected) {
      CAPTURE(e.text);
      bool found = false;
      for (const Mention& m : digest_mentions) {
        if (m.text != e.text) continue;
        found = true;
        // None of these depends on the tense.
        const DateValue value = ResolveDate(m.date_expr, "2026-04-28", Tense::kUnknown);
        CHECK(value.start == e.start);
        CHECK(value.end == e.end);
        CHECK(value.precision == e.precision);
        CHECK(value.boundary == e.boundary);
        CHECK(value.flags.empty());
      }
      CHECK(found);
    }
  }

  // The closing timeline: the most recent such month, in text order.
  const char* const labels[][2] = {{"October", "2025-10-01"},
                                   {"November", "2025-11-01"},
                                   {"February", "2026-02-01"},
                                   {"March", "2026-03-01"},
                                   {"April", "2026-04-01"}};
  std::vector<std::string> starts;
  for (const Mention& m : mentions) {
    const bool line_start = m.span.begin == 0 || text[m.span.begin - 1] == '\n';
    if (line_start && m.span.end < text.size() && text[m.span.end] == ':') {
      starts.push_back(resolve(m).start);
    }
  }
  REQUIRE(starts.size() == std::size(labels));
  for (std::size_t i = 0; i < starts.size(); ++i) {
    CAPTURE(labels[i][0]);
    CHECK(starts[i] == labels[i][1]);
  }
}

TEST_CASE("resolve date: any expression, any published text, never crashes") {
  std::mt19937 random(20260428);
  auto pick = [&](int low, int high) {
    return low + static_cast<int>(random() % static_cast<unsigned>(high - low + 1));
  };
  const char* const published[] = {"2026-04-28", "",           "0001-01-01", "9999-12-31",
                                   "2024-02-29", "2023-02-29", "garbage"};
  const Tense tenses[] = {Tense::kUnknown, Tense::kPast, Tense::kPresent, Tense::kFuture};
  for (int round = 0; round < 5000; ++round) {
    DateExpr expr;
    DatePoint& point = expr.start;
    point.year = pick(-5, 1) > 0 ? pick(-100, 12000) : 0;
    point.month = pick(-2, 14);
    point.day = pick(-2, 33);
    point.quarter = pick(-1, 5) * (pick(0, 3) == 0);
    point.half = pick(-1, 3) * (pick(0, 3) == 0);
    point.decade = pick(0, 5) == 0 ? pick(-10, 12000) : 0;
    point.weekday = pick(-1, 8) * (pick(0, 2) == 0);
    point.relative_unit = static_cast<Precision>(pick(0, 7));
    point.relative_offset = pick(-20000, 20000) / (pick(0, 1) == 0 ? 1 : 1000);
    point.precision = static_cast<Precision>(pick(0, 7));
    if (pick(0, 3) == 0) expr.end = point;
    expr.boundary = static_cast<Boundary>(pick(0, 7));
    if (pick(0, 4) == 0) {
      expr.duration_count = pick(-3, 20000);
      expr.duration_unit = static_cast<Precision>(pick(0, 7));
      expr.duration_direction = pick(-1, 1);
    }
    const DateValue value =
        ResolveDate(expr, published[round % std::size(published)], tenses[round % 4]);
    // Either ISO dates or empty.
    for (const std::string* iso : {&value.start, &value.end}) {
      CHECK((iso->empty() || iso->size() == 10));
    }
  }
}

TEST_CASE("resolve date: fiscal years follow the owner's calendar (issue 4)") {
  struct Case {
    const char* sentence;
    const char* span;
    int end_month;
    const char* start;
    const char* end;
    Precision precision;
  };
  const Case cases[] = {
      // Microsoft's fiscal year ends June 30: its fiscal 2026 is July 2025 - June 2026.
      {"Revenue in fiscal 2026 rose.", "fiscal 2026", 6, "2025-07-01", "2026-06-30",
       Precision::kYear},
      {"The FY26 budget is set.", "FY26", 6, "2025-07-01", "2026-06-30", Precision::kYear},
      {"Close in the fourth quarter of fiscal 2025.", "the fourth quarter of fiscal 2025", 6,
       "2025-04-01", "2025-06-30", Precision::kQuarter},
      {"Costs fell in the first quarter of fiscal 2026.", "the first quarter of fiscal 2026", 9,
       "2025-10-01", "2025-12-31", Precision::kQuarter},
      // Calendar year by default.
      {"Revenue in fiscal 2026 rose.", "fiscal 2026", 12, "2026-01-01", "2026-12-31",
       Precision::kYear},
      // A calendar date is never moved by a fiscal calendar.
      {"It closed in March 2026.", "March 2026", 6, "2026-03-01", "2026-03-31", Precision::kMonth},
  };
  for (const Case& c : cases) {
    const std::string input = c.sentence;
    CAPTURE(input);
    CAPTURE(c.end_month);
    for (const Mention& m : Recognizer().Find(c.sentence)) {
      if (m.text != c.span) continue;
      const DateValue value = ResolveDate(m.date_expr, kTuesday, Tense::kPast, c.end_month);
      CHECK(value.start == c.start);
      CHECK(value.end == c.end);
      CHECK(value.precision == c.precision);
    }
  }
}

TEST_CASE("fiscal calendar: bundled table, missing file, malformed row") {
  using concord::normalize::FiscalCalendar;
  auto bundled =
      FiscalCalendar::Load(concord::testing::DataDir() / "normalize" / "data" / "fiscal_years.tsv");
  REQUIRE(bundled.ok());
  CHECK(bundled->EndMonth("microsoft") == 6);
  CHECK(bundled->EndMonth("no-such-company") == 12);

  concord::testing::TempDir dir;
  auto missing = FiscalCalendar::Load(dir.path() / "absent.tsv");
  REQUIRE(missing.ok());
  CHECK(missing->EndMonth("microsoft") == 12);

  const std::filesystem::path bad = dir.path() / "bad.tsv";
  {
    std::ofstream out(bad);
    out << "# comment\nacme\t06-30\nbroken row\n";
  }
  auto failed = FiscalCalendar::Load(bad);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.status().ToString().find("bad.tsv:3") != std::string::npos);
}

TEST_CASE("resolve date: ranges that cross a year and calendar-aligned spans (issue 4)") {
  struct Case {
    const char* sentence;
    const char* span;
    const char* published;
    const char* start;
    const char* end;
  };
  const Case cases[] = {
      // Year-less endpoints placed one by one would cross; the range runs forward. (A range is
      // two mentions, one per endpoint, each with the whole range: the first is asked for.)
      {"Output fell from August to October, it said.", "from August", "2026-09-07", "2026-08-01",
       "2026-10-31"},
      {"Stores closed from November to March.", "from November", "2026-04-28", "2025-11-01",
       "2026-03-31"},
      // Quarters and decades are calendar units.
      {"Sales fell over the past two quarters.", "over the past two quarters", kTuesday,
       "2025-10-01", "2026-03-31"},
      {"Demand will peak in the next decade.", "in the next decade", kTuesday, "2030-01-01",
       "2039-12-31"},
      // A year range written with "to".
      {"Prices rose from 2014 to 2018.", "from 2014", kTuesday, "2014-01-01", "2018-12-31"},
      {"Output grew 2014 to 2018, it said.", "2014", kTuesday, "2014-01-01", "2018-12-31"},
  };
  for (const Case& c : cases) {
    const std::string input = c.sentence;
    CAPTURE(input);
    const DateValue value = ResolveIn(c.sentence, c.span, c.published);
    CHECK(value.start == c.start);
    CHECK(value.end == c.end);
  }
}

TEST_CASE("resolve date: a day counted from a point (issue 4)") {
  struct Case {
    const char* sentence;
    const char* span;
    const char* day;
  };
  const Case cases[] = {
      {"The note matures three weeks from tomorrow.", "three weeks from tomorrow", "2026-05-20"},
      {"It was signed 2 days before May 13, 1999.", "2 days before May 13, 1999", "1999-05-11"},
      {"The plant opens two years from now.", "two years from now", "2028-04-28"},
      {"Payment follows 3 days after January 12, 2027.", "3 days after January 12, 2027",
       "2027-01-15"},
  };
  for (const Case& c : cases) {
    const std::string input = c.sentence;
    CAPTURE(input);
    const DateValue value = ResolveIn(c.sentence, c.span, kTuesday);
    CHECK(value.start == c.day);
    CHECK(value.end == c.day);
    CHECK(value.precision == Precision::kDay);
  }
  // Without a published date the count from "now" stays unresolved.
  for (const Mention& m : Recognizer().Find("It opens two years from now.")) {
    const DateValue value = ResolveDate(m.date_expr, "", Tense::kFuture);
    CHECK(value.start.empty());
    CHECK(HasFlag(value, "unresolved"));
  }
}

TEST_CASE("resolve date: lower-case months, compact ranges, weekdays with a week (issue 4)") {
  struct Case {
    const char* sentence;
    const char* span;  // the first (or only) mention of the expression
    const char* published;
    const char* start;
    const char* end;
  };
  const Case cases[] = {
      // Lower-case month names after a date word; past tense takes the most recent one.
      {"Prices rose in june and fell later.", "june", kTuesday, "2025-06-01", "2025-06-30"},
      {"The lender cut rates between march and april.", "between march", kTuesday, "2026-03-01",
       "2026-04-30"},
      // Compact month and day ranges; a year-less start takes the end's year.
      {"The strike ran Jan-Mar 2025 at two plants.", "Jan", kTuesday, "2025-01-01", "2025-03-31"},
      {"Voting runs Nov-Feb 2027 in most states.", "Nov", kTuesday, "2026-11-01", "2027-02-28"},
      {"Shipments resume Oct 2-Nov 8, 2026, the port said.", "Oct 2", kTuesday, "2026-10-02",
       "2026-11-08"},
      {"The fair will run 5 to 9 of May.", "5", kTuesday, "2026-05-05", "2026-05-09"},
      {"Offices will close June 3rd through 8th.", "June 3rd", kTuesday, "2026-06-03",
       "2026-06-08"},
      {"Output grew from 10/1 to 11/7, 2025.", "from 10/1", kTuesday, "2025-10-01", "2025-11-07"},
      // A year-less range that holds the published day is the one under way.
      {"Roadworks run from May to September.", "from May", "2026-06-15", "2026-05-01",
       "2026-09-30"},
      // A weekday of a named week.
      {"The vote is set for next week Thursday.", "next week Thursday", kTuesday, "2026-05-07",
       "2026-05-07"},
      {"The deal closed on Friday of last week.", "Friday of last week", kTuesday, "2026-04-24",
       "2026-04-24"},
      // A day without a month: the published month's, or the next one's for the future.
      {"It was signed on the 21st.", "the 21st", kTuesday, "2026-04-21", "2026-04-21"},
      {"Filings are due on the 21st.", "the 21st", kTuesday, "2026-05-21", "2026-05-21"},
      // A weekday with a day number: the nearest month where that day is that weekday.
      {"The board met on Sunday 26.", "Sunday 26", kTuesday, "2026-04-26", "2026-04-26"},
      {"Shares jumped on Mon 13th.", "Mon 13th", kTuesday, "2026-04-13", "2026-04-13"},
      {"Trading halted on Fri 31st.", "Fri 31st", kTuesday, "2025-10-31", "2025-10-31"},
      {"The office will reopen friday 5/8.", "friday 5/8", kTuesday, "2026-05-08", "2026-05-08"},
  };
  for (const Case& c : cases) {
    const std::string input = c.sentence;
    CAPTURE(input);
    const DateValue value = ResolveIn(c.sentence, c.span, c.published);
    CHECK(value.start == c.start);
    CHECK(value.end == c.end);
  }
}

TEST_CASE(
    "resolve date: quarters, decades, centuries, counted boundaries, anchored lengths "
    "(issue 4)") {
  struct Case {
    const char* sentence;
    const char* span;
    const char* start;  // "" for an open start
    const char* end;    // "" for an open end
  };
  const Case cases[] = {
      {"Margins widened in 2024 q3 at the unit.", "2024 q3", "2024-07-01", "2024-09-30"},
      {"Orders grew in q4-2025, it said.", "q4-2025", "2025-10-01", "2025-12-31"},
      {"Hiring slows in 2027 H1, it expects.", "2027 H1", "2027-01-01", "2027-06-30"},
      {"Past quarter revenue fell, it said.", "Past quarter", "2026-01-01", "2026-03-31"},
      {"Taxes rose this calendar year.", "this calendar year", "2026-01-01", "2026-12-31"},
      {"A ruling is due the week after next.", "the week after next", "2026-05-11", "2026-05-17"},
      {"It will not sell before the year 2030.", "before the year 2030", "", "2029-12-31"},
      {"The brand thrived in the '80s.", "80s", "1980-01-01", "1989-12-31"},
      {"The bank grew in the seventies.", "the seventies", "1970-01-01", "1979-12-31"},
      {"Ports like it date to the 19th century.", "the 19th century", "1800-01-01", "1899-12-31"},
      {"Results are due in 2027 or later.", "2027 or later", "2027-01-01", ""},
      {"It was filed more than 3 days before today.", "more than 3 days before today", "",
       "2026-04-24"},
      {"It will ship less than 2 weeks after tomorrow.", "less than 2 weeks after tomorrow",
       "2026-04-29", "2026-05-12"},
      {"Gains in the 4 past years were slim.", "in the 4 past years", "2022-04-29", "2026-04-28"},
      {"The lease runs for three years starting in 2027.", "for three years starting in 2027",
       "2027-01-01", "2029-12-31"},
      {"The plant will idle for 2 weeks from today.", "for 2 weeks from today", "2026-04-28",
       "2026-05-11"},
      // Part of a period; weeks are whole Monday-to-Sunday weeks inside it.
      {"Sales rose in the first six months of 2025.", "in the first six months of 2025",
       "2025-01-01", "2025-06-30"},
      {"Output dipped in the last 2 weeks of 2025.", "in the last 2 weeks of 2025", "2025-12-15",
       "2025-12-28"},
      // A written date after "this Friday" says which one.
      {"The vote is set for this Friday 5/8, officials said.", "this Friday 5/8", "2026-05-08",
       "2026-05-08"},
      {"The loan was repaid two months ago.", "two months ago", "2026-02-28", "2026-02-28"},
      // Calendar-year codes, year-month, ranges that end now or today.
      {"Capex peaks in CY2027, the CFO said.", "CY2027", "2027-01-01", "2027-12-31"},
      {"The index for 2025-11 was revised.", "2025-11", "2025-11-01", "2025-11-30"},
      {"It hired 400 people between March 2 and now.", "between March 2", "2026-03-02",
       "2026-04-28"},
      {"Output rose from January to date.", "from January", "2026-01-01", "2026-04-28"},
      {"The tour runs from next Monday to Friday.", "from next Monday", "2026-05-04", "2026-05-08"},
      {"Talks will resume the week beginning May 11.", "the week beginning May 11", "2026-05-11",
       "2026-05-17"},
      {"Rates fall for the following week, it said.", "the following week", "2026-05-04",
       "2026-05-10"},
      {"The note is due in two weeks from today.", "two weeks from today", "2026-05-12",
       "2026-05-12"},
      // ISO weeks; the Nth day or month of a named period.
      {"Deliveries slipped to week 19, it said.", "week 19", "2026-05-04", "2026-05-10"},
      {"Deliveries slipped in week 2 of 2027.", "week 2 of 2027", "2027-01-11", "2027-01-17"},
      {"Rent is due on the 5th day of next month.", "the 5th day of next month", "2026-05-05",
       "2026-05-05"},
      {"It was paid before the twenty-ninth day of the month.",
       "before the twenty-ninth day of the month", "", "2026-04-28"},
      {"Shops reopen in the fourth month of 2027.", "the fourth month of 2027", "2027-04-01",
       "2027-04-30"},
      {"The board will meet next week Tue or Wed.", "Wed", "2026-04-29", "2026-04-29"},
      {"Crews worked for 3 nights in a row.", "for 3 nights", "2026-04-26", "2026-04-28"},
      {"The fund gave back $ 12 April 9 and more later.", "April 9", "2026-04-09", "2026-04-09"},
      {"The recall ran 3-2-2026 - 3-20-2026 in two states.", "3-2-2026", "2026-03-02",
       "2026-03-20"},
      {"The mill opened in June of 78, records show.", "June of 78", "1978-06-01", "1978-06-30"},
      {"The vote is set for next 6/3, aides said.", "next 6/3", "2027-06-03", "2027-06-03"},
      {"Margins will be thin for the rest of the year.", "the rest of the year", "2026-04-28",
       "2026-12-31"},
      {"The firm listed in 2019 October, a filing shows.", "2019 October", "2019-10-01",
       "2019-10-31"},
      {"Prices peaked in the august of that year.", "august", "2025-08-01", "2025-08-31"},
      // Business days count Monday to Friday from the day after publication (a Tuesday).
      {"The bank must reply within 5 business days.", "within 5 business days", "2026-04-29",
       "2026-05-05"},
      {"Shares slid over the past 3 working days.", "over the past 3 working days", "2026-04-23",
       "2026-04-27"},
      {"Crews will be on site this working week.", "this working week", "2026-04-27", "2026-05-01"},
      {"The panel will sit Thursday two weeks from now.", "Thursday two weeks from now",
       "2026-05-14", "2026-05-14"},
      {"The mine could reopen as early as next year's second quarter.",
       "as early as next year's second quarter", "2027-04-01", ""},
      {"Staff will return w/c May 11, the memo said.", "w/c May 11", "2026-05-11", "2026-05-17"},
      {"The court sat on 14/04.", "14/04", "2026-04-14", "2026-04-14"},
      {"The deal closed on Friday 4.24 after talks.", "Friday 4.24", "2026-04-24", "2026-04-24"},
      {"Traders held off for another day.", "for another day", "2026-04-28", "2026-04-28"},
      {"Prices will hold over the next couple weeks.", "over the next couple weeks", "2026-04-28",
       "2026-05-11"},
      {"Sales beat 2024 levels but not 2019 ones.", "2019", "2019-01-01", "2019-12-31"},
      {"Costs rose in the current quarter.", "the current quarter", "2026-04-01", "2026-06-30"},
  };
  for (const Case& c : cases) {
    const std::string input = c.sentence;
    CAPTURE(input);
    const DateValue value = ResolveIn(c.sentence, c.span, kTuesday);
    CHECK(value.start == c.start);
    CHECK(value.end == c.end);
  }
}

TEST_CASE("resolve date: forms, spoken days and holiday weekends (issue 14)") {
  struct Case {
    const char* sentence;
    const char* span;
    const char* start;
    const char* end;
  };
  const Case cases[] = {
      {"The plan for Dec/2026 is set.", "Dec/2026", "2026-12-01", "2026-12-31"},
      {"The deadline was 05-Aug-2016, it said.", "05-Aug-2016", "2016-08-05", "2016-08-05"},
      {"It listed on Aug. 5th, '16 in New York.", "Aug. 5th, '16", "2016-08-05", "2016-08-05"},
      {"It was filed 22/Jan/2019 with the court.", "22/Jan/2019", "2019-01-22", "2019-01-22"},
      {"The note is dated 2019/aug/01 on its face.", "2019/aug/01", "2019-08-01", "2019-08-01"},
      {"Payment went out Sep-23-2020, it said.", "Sep-23-2020", "2020-09-23", "2020-09-23"},
      {"Sales rose over November-December, it said.", "December", "2025-11-01", "2025-12-31"},
      {"The vote was held on the fifth of August.", "the fifth of August", "2025-08-05",
       "2025-08-05"},
      {"The fair opens on the twenty-first of May.", "the twenty-first of May", "2026-05-21",
       "2026-05-21"},
      {"Shops will shut on August the fifth.", "August the fifth", "2026-08-05", "2026-08-05"},
      {"Talks will resume on Tuesday the twelfth.", "Tuesday the twelfth", "2026-05-12",
       "2026-05-12"},
      {"The board met on the twenty third day of March.", "the twenty third day of March",
       "2026-03-23", "2026-03-23"},
      // A holiday's weekend: the holiday and the weekend next to it.
      {"Stores were busy over the Easter weekend.", "the Easter weekend", "2026-04-03",
       "2026-04-06"},
      {"Traffic will peak over Labor Day weekend.", "Labor Day weekend", "2026-09-05",
       "2026-09-07"},
      {"Retailers will open on Thanksgiving weekend.", "Thanksgiving weekend", "2026-11-26",
       "2026-11-29"},
      {"Roads will be busy over the bank holiday weekend.", "the bank holiday weekend",
       "2026-05-02", "2026-05-04"},
      {"We will take the weekend of Thanksgiving 2023 off.", "the weekend of Thanksgiving 2023",
       "2023-11-23", "2023-11-26"},
  };
  for (const Case& c : cases) {
    const std::string input = c.sentence;
    CAPTURE(input);
    const DateValue value = ResolveIn(c.sentence, c.span, kTuesday);
    CHECK(value.start == c.start);
    CHECK(value.end == c.end);
  }
}

TEST_CASE("article dates: day-first outlets and the article's own dates steer open dates (issue 14)") {
  using concord::normalize::ArticleDates;
  using concord::normalize::DayFirstSource;
  CHECK(DayFirstSource("BBC News", ""));
  CHECK(DayFirstSource("bbc.co.uk", ""));
  CHECK(DayFirstSource("unknown", "https://www.theguardian.com/business/2019/apr/03/x"));
  CHECK(DayFirstSource("", "https://news.example.co.uk/a"));
  CHECK_FALSE(DayFirstSource("Reuters", ""));
  CHECK_FALSE(DayFirstSource("nytimes.com", "https://www.nytimes.com/2019/04/03/x"));
  CHECK_FALSE(DayFirstSource("", "https://example.com/uk/news"));

  struct Case {
    const char* source;
    const char* url;
    const char* published;
    const char* text;
    const char* span;
    const char* start;
    bool ambiguous;  // the "ambiguous" flag kept
  };
  const Case cases[] = {
      // The outlet decides; a first number over 12 decides alone.
      {"BBC News", "", "2019-05-01", "The offer closed on 3/4/2019, it said.", "3/4/2019",
       "2019-04-03", false},
      {"Reuters", "", "2019-05-01", "The offer closed on 3/4/2019, it said.", "3/4/2019",
       "2019-03-04", true},
      {"Reuters", "", "2019-05-01", "The offer closed on 13/4/2019, it said.", "13/4/2019",
       "2019-04-13", false},
      // One reading within a week of the article's other dates.
      {"Reuters", "", "2019-04-05", "The offer expired 03/04/2019, it said.", "03/04/2019",
       "2019-04-03", false},
      // An article about another time: its year-less dates follow its written ones.
      {"Reuters", "", "2026-04-28",
       "Stocks crashed on October 19, 1987. On October 20, markets rebounded. By November 2, "
       "1987, losses were halved.",
       "October 20", "1987-10-20", false},
      // No published date: the written date nearest before it.
      {"BBC News", "", "",
       "Sales peaked on 28 December 2004. On 5 January, the chain said profits rose.",
       "5 January", "2005-01-05", false},
  };
  for (const Case& c : cases) {
    const std::string input = c.text;
    CAPTURE(input);
    concord::corpus::Article article;
    article.source = c.source;
    article.url = c.url;
    article.published = c.published;
    article.text = c.text;
    const std::vector<Mention> mentions = Recognizer().Find(article.text);
    const ArticleDates dates(article, mentions);
    bool found = false;
    for (const Mention& m : mentions) {
      if (m.text != c.span) continue;
      found = true;
      const DateValue value =
          ResolveDate(dates.Steer(m.date_expr, m.span.begin), article.published, Tense::kUnknown);
      CHECK(value.start == c.start);
      CHECK(HasFlag(value, "ambiguous") == c.ambiguous);
    }
    CHECK(found);
  }
}

TEST_CASE("resolve date: years and months as news writes them around figures (issue 14)") {
  struct Case {
    const char* sentence;
    const char* span;
    const char* start;
    const char* end;
  };
  const Case cases[] = {
      {"Its 2004 accounts were restated.", "2004", "2004-01-01", "2004-12-31"},
      {"Analysts cut 1986 earnings estimates again.", "1986", "1986-01-01", "1986-12-31"},
      {"Fans flew in for the 2006 World Cup.", "2006", "2006-01-01", "2006-12-31"},
      {"The fund began on November three, 1986, it said.", "November three, 1986", "1986-11-03",
       "1986-11-03"},
      {"It is payable to holders of record April six.", "April six", "2026-04-06", "2026-04-06"},
      {"Output fell in the final quarter of 2004.", "the final quarter of 2004", "2004-10-01",
       "2004-12-31"},
      {"Rates rose in June, August and September.", "September", "2025-09-01", "2025-09-30"},
      {"Rates rose in June, August and September.", "August", "2025-08-01", "2025-08-31"},
      {"The index fell 2% for January, it said.", "January", "2026-01-01", "2026-01-31"},
      {"January's figures were weak, it said.", "January", "2026-01-01", "2026-01-31"},
      {"Profit rose in 1985/86, it said.", "1985", "1985-01-01", "1986-12-31"},
      {"Fourth quarter turnover fell 3%.", "Fourth quarter", "2025-10-01", "2025-12-31"},
  };
  for (const Case& c : cases) {
    const std::string input = std::string(c.sentence) + " | " + c.span;
    CAPTURE(input);
    const DateValue value = ResolveIn(c.sentence, c.span, kTuesday);
    CHECK(value.start == c.start);
    CHECK(value.end == c.end);
  }
  // Counts, names and prices stay what they are.
  const char* const negatives[] = {
      "In June two companies merged.",     "A buyer for May Department Stores emerged.",
      "It paid 1990 dlrs for the lot.",    "March first-time buyers were fewer.",
      "Sales rose to 2000 units, it said.",
  };
  for (const char* sentence : negatives) {
    CAPTURE(sentence);
    for (const Mention& m : Recognizer().Find(sentence)) {
      const bool wrong = m.text == "June two" || m.text == "May" || m.text == "1990" ||
                         m.text == "March first" || m.text == "2000";
      CHECK_FALSE(wrong);
    }
  }
}

TEST_CASE("resolve date: parts of a period") {
  struct Case {
    std::string_view sentence, span, start, end;
  };
  const Case cases[] = {
      {"Sales rose in early March 2025.", "early March 2025", "2025-03-01", "2025-03-15"},
      {"Talks resume in mid-July 2025.", "mid-July 2025", "2025-07-10", "2025-07-20"},
      {"It closes in late November 2025.", "late November 2025", "2025-11-16", "2025-11-30"},
      {"The plant opened at the end of 2000.", "at the end of 2000", "2000-09-01", "2000-12-31"},
      {"Prices peaked in mid-2019.", "mid-2019", "2019-05-01", "2019-08-31"},
      {"It was founded in the early 1990s.", "early 1990s", "1990-01-01", "1993-12-31"},
      {"A vote is due early next week.", "early next week", "2026-05-04", "2026-05-06"},
      {"Stocks were low at the end of the third quarter of 2026.",
       "at the end of the third quarter of 2026", "2026-09-01", "2026-09-30"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.sentence);
    const DateValue value = ResolveIn(c.sentence, c.span, kTuesday);
    CHECK(value.start == c.start);
    CHECK(value.end == c.end);
  }
  // An edge with a boundary is the whole period's edge: "by the end of 2031" ends on Dec 31,
  // "by the start of 2031" on January 1; "before mid-May" ends before the middle part.
  CHECK(ResolveIn("It must finish by the end of 2031.", "by the end of 2031", kTuesday).end ==
        "2031-12-31");
  CHECK(ResolveIn("It must finish by the start of 2031.", "by the start of 2031", kTuesday).end ==
        "2031-01-01");
  CHECK(ResolveIn("It will not finish before mid-May 2027.", "before mid-May 2027", kTuesday).end ==
        "2027-05-09");
  const DateValue since = ResolveIn("It has grown since late July 2025.", "since late July 2025",
                                    kTuesday);
  CHECK(since.start == "2025-07-16");
}

TEST_CASE("resolve date: years in words after a month") {
  CHECK(ResolveIn("The conference was in October two thousand and five.",
                  "October two thousand and five", kTuesday)
            .start == "2005-10-01");
  CHECK(ResolveIn("She was born on January 25 nineteen eighty-six.",
                  "January 25 nineteen eighty-six", kTuesday)
            .start == "1986-01-25");
  CHECK(ResolveIn("They arrived on 13 Sept nineteen seventy two.", "13 Sept nineteen seventy two",
                  kTuesday)
            .start == "1972-09-13");
  CHECK(ResolveIn("I'll be out August two thousand and fifteen.", "August two thousand and fifteen",
                  kTuesday)
            .end == "2015-08-31");
  // A count after a month is not a year: "in May two thousand workers".
  for (const Mention& m : Recognizer().Find("In May two thousand workers struck.")) {
    CHECK(m.text == "May");
    CHECK(m.date_expr.start.year == 0);
  }
}
