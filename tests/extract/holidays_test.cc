// Holiday names and tokenized numbers (issue 14): spans and what the recognizers state.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract/dates.h"
#include "extract/extract.h"
#include "extract/holidays.h"

namespace {

using concord::extract::DateRecognizer;
using concord::extract::FindAmounts;
using concord::extract::Mention;
using concord::extract::MentionKind;
using concord::extract::Precision;
namespace holiday = concord::extract;

const DateRecognizer& Recognizer() {
  static const DateRecognizer recognizer;
  return recognizer;
}

}  // namespace

TEST_CASE("date recognizer: holiday names, alone, with a year, relative and counted") {
  struct Case {
    const char* text;
    const char* span;
    int holiday;
    int year;
    int offset;  // relative_offset: "last" -1, "next" +1
    int shift;   // shift_count in days or weeks ("10 days before Easter")
  };
  const Case cases[] = {
      {"Stores were busy before Christmas this time.", "before Christmas", holiday::kChristmasDay, 0, 0, 0},
      {"Sales on Black Friday 2010 beat forecasts.", "Black Friday 2010", holiday::kBlackFriday, 2010, 0, 0},
      {"The bank closes for Easter Monday.", "Easter Monday", holiday::kEasterMonday, 0, 0, 0},
      {"Traffic peaks over the August bank holiday weekend.", "the August bank holiday weekend",
       holiday::kSummerBankHoliday, 0, 0, 0},
      {"Shops reopen after Eid al-Fitr next week.", "after Eid al-Fitr", holiday::kEidAlFitr, 0, 0, 0},
      {"Prices rose during Ramadan as usual.", "Ramadan", holiday::kRamadan, 0, 0, 0},
      {"Gold demand peaks at Diwali each year.", "Diwali", holiday::kDiwali, 0, 0, 0},
      {"Factories shut for Lunar New Year holidays.", "Lunar New Year", holiday::kLunarNewYear, 0, 0, 0},
      {"The store was full last Thanksgiving.", "last Thanksgiving", holiday::kThanksgiving, 0, -1, 0},
      {"It will reopen next Easter, the owner said.", "next Easter", holiday::kEaster, 0, 1, 0},
      {"The vote is 10 days before Easter.", "10 days before Easter", holiday::kEaster, 0, 0, -10},
      {"Markets are shut on Independence Day.", "Independence Day", holiday::kIndependenceDay, 0, 0, 0},
      {"The parade on Memorial Day drew crowds.", "Memorial Day", holiday::kMemorialDay, 0, 0, 0},
      {"Fares rise over Labor Day weekend.", "Labor Day weekend", holiday::kLaborDay, 0, 0, 0},
      {"Roads were busy over the bank holiday weekend.", "the bank holiday weekend",
       holiday::kBankHoliday, 0, 0, 0},
      {"Shops shut for the weekend of Thanksgiving 2023.", "the weekend of Thanksgiving 2023",
       holiday::kThanksgiving, 2023, 0, 0},
      {"Candles are lit for Hanukkah tonight.", "Hanukkah", holiday::kHanukkah, 0, 0, 0},
  };
  for (const Case& c : cases) {
    const std::string input = c.text;
    CAPTURE(input);
    const std::vector<Mention> mentions = Recognizer().Find(c.text);
    const Mention* found = nullptr;
    for (const Mention& m : mentions)
      if (m.text == c.span) found = &m;
    REQUIRE(found != nullptr);
    CHECK(found->span.begin == input.find(c.span));
    CHECK(found->date_expr.start.holiday == c.holiday);
    CHECK(found->date_expr.start.year == c.year);
    CHECK(found->date_expr.start.relative_offset == c.offset);
    CHECK(found->date_expr.shift_count == c.shift);
    // "Labor Day weekend", "the weekend of …": the holiday's weekend (issue 14).
    CHECK(found->date_expr.start.weekend == (std::string_view(c.span).find("weekend") != std::string_view::npos));
  }
}

TEST_CASE("date recognizer: holiday words that name something else are not dates") {
  for (const char* text : {"The ship reached Easter Island in May 2020.",
                           "The Good Friday Agreement was signed long ago.",
                           "Investors may day-trade the stock.", "He bought a new year planner."}) {
    const std::string input = text;
    CAPTURE(input);
    for (const Mention& m : Recognizer().Find(text)) CHECK(m.date_expr.start.holiday == 0);
  }
}

TEST_CASE("amount: numbers as tokenized text writes them") {
  struct Case {
    const char* text;
    const char* surface;
    double value;
    MentionKind kind;
  };
  const Case cases[] = {
      {"They scooped $ 53, 193, 914 on the draw.", "$ 53, 193, 914", 53193914, MentionKind::kMoney},
      {"He was conned out of over $ 36, 000 by phone.", "$ 36, 000", 36000, MentionKind::kMoney},
      {"The house cost £ 2. 5 million in all.", "£ 2. 5 million", 2.5e6, MentionKind::kMoney},
      {"Dogs were right in 98. 7 per cent of cases.", "98. 7 per cent", 98.7, MentionKind::kPercent},
      {"Unemployment rose to 6. 8 % in May.", "6. 8 %", 6.8, MentionKind::kPercent},
  };
  for (const Case& c : cases) {
    const std::string input = c.text;
    CAPTURE(input);
    const std::vector<Mention> mentions = FindAmounts(c.text);
    REQUIRE(mentions.size() == 1);
    CHECK(mentions[0].text == c.surface);
    CHECK(mentions[0].span.begin == input.find(c.surface));
    CHECK(mentions[0].kind == c.kind);
    CHECK(mentions[0].amount.low == doctest::Approx(c.value));
  }
  // Only a valid thousands grouping joins: a list of small numbers and a sentence's end stay
  // apart.
  for (const char* text : {"Scores were $ 5, 20 and 30 in turn.", "It cost $ 8. 2011 was worse."}) {
    const std::string input = text;
    CAPTURE(input);
    const std::vector<Mention> mentions = FindAmounts(text);
    REQUIRE(!mentions.empty());
    CHECK(mentions[0].amount.low == doctest::Approx(mentions[0].text == "$ 5" ? 5 : 8));
    CHECK(mentions[0].text.size() == 3);
  }
}
