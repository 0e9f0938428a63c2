#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "reconcile/audit/figure_check.h"

namespace {

using concord::reconcile::SourceFigures;
using concord::reconcile::UngroundedFigures;

// The figures of `summary` that `source` does not write, as the summary writes them.
std::vector<std::string> Ungrounded(const std::string& summary, const std::string& source,
                                    std::vector<concord::extract::DateValue> dates = {}) {
  std::vector<std::string> texts;
  for (const auto& figure : UngroundedFigures(summary, {SourceFigures{source, std::move(dates), {}}})) {
    texts.push_back(figure.text);
  }
  return texts;
}

}  // namespace

TEST_CASE("figure check: a summary figure the source writes in another form is grounded") {
  struct Case {
    const char* summary;
    const char* source;
  };
  const Case cases[] = {
      {"The club paid £260m for the ground.", "The redevelopment will cost £260 million."},
      {"Sales reached $1.2m last quarter.", "Sales were $1,234,567 in the quarter to June."},
      {"More than 3,000 people marched.", "Police counted 3,012 marchers."},
      {"About 40 staff will go.", "The firm will shed 42 jobs."},
      {"A 94-year-old veteran spoke.", "So at 94, he said, it was time to talk."},
      {"He signed a two-year contract.", "The defender has agreed a two-year deal."},
      {"Six people were hurt.", "Police said six people were taken to hospital."},
      {"The first six months of 2026 were weak.", "Revenue fell in the first half of the year to June 2026."},
      {"The plant opens in mid-2027.", "Production starts by mid-2027."},
      {"The two said the deal closes soon.", "Brannock and Quint expect the deal to close soon."},
      {"Formula One returns; the A55 is shut; Covid-19 cases fell.", "Nothing else."},
      {"Shares rose 98.7 per cent.", "The shares were up 98.7% on the day."},
      // Tokenized text (CNN/DailyMail): a space after a thousands comma or a decimal point.
      {"It sold for $120,932 in the end.", "The final price came to $ 120, 932 with fees ."},
      {"Sales rose 17.3% to 2,839.", "sales rose by 17. 3 % to 2, 839 , the office said ."},
      // A year the source writes in a sentence about the same thing, beside another year.
      {"The engineer was freed in 2013.", "The engineer was kidnapped in 2011. He was freed in January 2013."},
      {"It reached the second round.", "It won 6-4 6-4 to progress to the second round."},
  };
  for (const Case& c : cases) {
    const std::string summary = c.summary;
    CAPTURE(summary);
    CHECK(Ungrounded(c.summary, c.source).empty());
  }
}

TEST_CASE("figure check: a figure, unit, weekday or relative day the source lacks is ungrounded") {
  struct Case {
    const char* summary;
    const char* source;
    std::vector<std::string> ungrounded;
  };
  const Case cases[] = {
      {"An 87-year-old driver was involved.", "The driver, 78, was travelling the wrong way.", {"87"}},
      {"He was given a one-match ban.", "He was banned for four months; he scored one goal.", {"one"}},
      {"He signed a two-year contract.", "He signed a one-year contract and scored two goals.", {"two"}},
      {"The founder was arrested Thursday.", "The founder was arrested on Friday.", {"Thursday"}},
      {"The race is next month.", "The race will be run in the autumn.", {"next month"}},
      {"The revamp costs £40m.", "The revamp costs £45m.", {"40m"}},
      // An ordinal a summary states ranks something: the source must write that rank.
      {"She won her third world title.", "She won her second world title in 2019 and a fourth in 2021.", {"third"}},
      // A year the source writes only of something else, while the sentence about the same
      // thing gives another year.
      {"The engineer was kidnapped in 2013.",
       "The engineer was kidnapped in Mali in 2011. Troops were sent to the region in January 2013.", {"2013"}},
  };
  for (const Case& c : cases) {
    const std::string summary = c.summary;
    const std::vector<std::string> found = Ungrounded(c.summary, c.source);
    CAPTURE(summary);
    CAPTURE(found.size());
    CAPTURE(found.empty() ? std::string() : found.front());
    CHECK(found == c.ungrounded);
  }
}

TEST_CASE("figure check: a source's resolved dates ground the day, month and weekday a summary writes") {
  concord::extract::DateValue monday{"2026-03-02", "2026-03-02", concord::extract::Precision::kDay, {}, {}};
  CHECK(Ungrounded("The court ruled on Monday, 2 March 2026.", "The court ruled on Monday.", {monday}).empty());
  CHECK(Ungrounded("The court ruled on Tuesday.", "The court ruled on Monday.", {monday}) ==
        std::vector<std::string>{"Tuesday"});
}
