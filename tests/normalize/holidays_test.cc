// Year-less dates to the nearest occurrence, and holidays (issue 14): resolved values.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract/dates.h"
#include "normalize/dates.h"

namespace {

using concord::extract::DateRecognizer;
using concord::extract::DateValue;
using concord::extract::Mention;
using concord::normalize::DetectTenseNear;
using concord::normalize::ResolveDate;

const DateRecognizer& Recognizer() {
  static const DateRecognizer recognizer;
  return recognizer;
}

// The mention of `sentence` whose text is `span`, resolved with the tense near it.
DateValue Resolve(std::string_view sentence, std::string_view span, std::string_view published) {
  for (const Mention& m : Recognizer().Find(sentence)) {
    if (m.text != span) continue;
    return ResolveDate(m.date_expr, published, DetectTenseNear(sentence, m.span.begin, m.span.end));
  }
  FAIL("no mention '" << std::string(span) << "'");
  return {};
}

struct Case {
  const char* sentence;
  const char* span;
  const char* published;
  const char* start;
  const char* end;
};

void CheckAll(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const std::string input = std::string(c.sentence) + " @" + c.published;
    CAPTURE(input);
    const DateValue value = Resolve(c.sentence, c.span, c.published);
    CHECK(value.start == c.start);
    CHECK(value.end == c.end);
  }
}

}  // namespace

TEST_CASE("resolve date: year-less dates go to the nearest occurrence, steered by tense") {
  CheckAll({
      // No tense marker: the nearest one.
      {"The ballot on the 4th of May decides it.", "the 4th of May", "2019-04-20", "2019-05-04",
       "2019-05-04"},
      {"Sales in November set the tone.", "November", "2019-01-10", "2018-11-01", "2018-11-30"},
      // Future cues go forward, past ones back.
      {"The report is due May 4.", "May 4", "2019-04-20", "2019-05-04", "2019-05-04"},
      {"Results are expected on March 2.", "March 2", "2019-04-20", "2020-03-02", "2020-03-02"},
      {"The firm said on May 4 that it agreed.", "May 4", "2019-04-20", "2018-05-04", "2018-05-04"},
      {"The vote was held on May 4.", "May 4", "2019-04-20", "2018-05-04", "2018-05-04"},
      // A participle after "be" takes the auxiliary's tense.
      {"The vote will be held on the 18th.", "the 18th", "2019-04-20", "2019-05-18", "2019-05-18"},
      // "than expected" compares with a forecast: the clause has no future.
      {"Sales on March 2 were weaker than expected.", "March 2", "2019-04-20", "2019-03-02",
       "2019-03-02"},
  });
}

TEST_CASE("resolve date: holidays by rule, computed feasts and the table") {
  CheckAll({
      {"Sales on Black Friday 2010 rose.", "Black Friday 2010", "2016-11-07", "2010-11-26",
       "2010-11-26"},
      {"Easter 2018 fell early.", "Easter 2018", "2016-11-07", "2018-04-01", "2018-04-01"},
      {"Shops shut on Good Friday 2024.", "Good Friday 2024", "2023-01-01", "2024-03-29",
       "2024-03-29"},
      {"Thanksgiving 2023 travel hit a record.", "Thanksgiving 2023", "2023-01-01", "2023-11-23",
       "2023-11-23"},
      {"Memorial Day 2022 was busy.", "Memorial Day 2022", "2023-01-01", "2022-05-30",
       "2022-05-30"},
      {"Labor Day 2021 was quiet.", "Labor Day 2021", "2023-01-01", "2021-09-06", "2021-09-06"},
      {"It peaked on the August bank holiday in 2019.", "the August bank holiday", "2019-09-10",
       "2019-08-26", "2019-08-26"},
      // Year-less: the tense and the published day pick the year.
      {"Stores will open on Christmas Eve.", "Christmas Eve", "2019-08-05", "2019-12-24",
       "2019-12-24"},
      {"The plant closed on Boxing Day.", "Boxing Day", "2019-08-05", "2018-12-26", "2018-12-26"},
      {"When was the last Easter?", "the last Easter", "2019-06-12", "2019-04-21", "2019-04-21"},
      {"It will reopen next Easter.", "next Easter", "2019-02-12", "2019-04-21", "2019-04-21"},
      {"The vote is 10 days before Easter.", "10 days before Easter", "2019-02-12", "2019-04-11",
       "2019-04-11"},
      // From the table.
      {"Ramadan 2024 began in March.", "Ramadan 2024", "2024-01-01", "2024-03-11", "2024-04-09"},
      {"Eid al-Fitr 2023 fell on a Friday.", "Eid al-Fitr 2023", "2024-01-01", "2023-04-21",
       "2023-04-21"},
      {"Gold sales peak before Diwali 2022.", "before Diwali 2022", "2024-01-01", "", "2022-10-23"},
      {"Lunar New Year 2024 was a dragon year.", "Lunar New Year 2024", "2024-03-01", "2024-02-10",
       "2024-02-10"},
      {"Hanukkah 2023 began on a Thursday evening.", "Hanukkah 2023", "2024-03-01", "2023-12-08",
       "2023-12-15"},
  });
}

TEST_CASE("resolve date: numeric forms with the text's day order, and periods (issue 14)") {
  CheckAll({
      {"The filing of 2019-7-4 shows it.", "2019-7-4", "2019-04-20", "2019-07-04", "2019-07-04"},
      {"The filing dated 11.30.1998 shows it.", "11.30.1998", "2019-04-20", "1998-11-30",
       "1998-11-30"},
      {"The note is dated 6/14/31 in the file.", "6/14/31", "2019-04-20", "2031-06-14",
       "2031-06-14"},
      // A text that writes "23/08/2019" writes "4/5/2019" day first too.
      {"Memos of 4/5/2019 and 23/08/2019 differ.", "4/5/2019", "2019-09-01", "2019-05-04",
       "2019-05-04"},
      {"Memos of 4/5/2019 and 8/23/2019 differ.", "4/5/2019", "2019-09-01", "2019-04-05",
       "2019-04-05"},
      {"Profit will rise in the coming quarter.", "in the coming quarter", "2019-04-20",
       "2019-07-01", "2019-09-30"},
      {"The meeting is the week of June 3rd.", "the week of June 3rd", "2019-04-20", "2019-06-03",
       "2019-06-09"},
      {"The launch is in the second week of 2024.", "in the second week of 2024", "2019-04-20",
       "2024-01-08", "2024-01-14"},
      {"Sales rose in the last week of August.", "in the last week of August", "2019-04-20",
       "2018-08-27", "2018-09-02"},
      {"Talks resume in the first week of 2015.", "in the first week of 2015", "2019-04-20",
       "2014-12-29", "2015-01-04"},
      {"It opened the week of the 18th.", "the week of the 18th", "2018-08-07", "2018-07-16",
       "2018-07-22"},
      {"The vote was held on the third Monday of May 2022.", "the third Monday of May 2022",
       "2019-04-20", "2022-05-16", "2022-05-16"},
      {"The fund closes on the last Friday in June 2021.", "the last Friday in June 2021",
       "2019-04-20", "2021-06-25", "2021-06-25"},
      {"Payment is due by end of month.", "by end of month", "2019-04-20", "", "2019-04-30"},
  });
}
