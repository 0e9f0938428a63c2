#include "extract/rules.h"

#include <re2/re2.h>

#include "testing.h"

namespace concord::extract {
namespace {

TEST_CASE("rules: a rule line compiles to RE2 with named role groups") {
  auto rules = ParseRules("# comment\n\ninvest: {subject:ORG} (will|would)? invest {value:MONEY} in {counterparty:ORG}\n",
                          "money.rules");
  REQUIRE(rules.ok());
  REQUIRE(rules->size() == 1);
  const Rule& rule = rules->front();
  CHECK(rule.relation == "invest");
  CHECK(rule.origin == "money.rules:3");
  RE2 regex(rule.regex);
  REQUIRE(regex.ok());
  std::string subject, value, counterparty;
  const std::string tagged = std::string(kTokenOpen) + "ORG1" + std::string(kTokenClose) + " would invest " +
                             std::string(kTokenOpen) + "MON2" + std::string(kTokenClose) + " in " +
                             std::string(kTokenOpen) + "PRN3" + std::string(kTokenClose);
  CHECK(RE2::PartialMatch(tagged, regex, &subject, &value, &counterparty));
  CHECK(subject == "ORG1");
  CHECK(value == "MON2");
  CHECK(counterparty == "PRN3");
}

TEST_CASE("rules: settings are kept in order") {
  auto rules = ParseRules("license exclusive=false polarity=ceased: {subject:ORG} license\n", "x.rules");
  REQUIRE(rules.ok());
  CHECK(rules->front().settings ==
        std::vector<std::pair<std::string, std::string>>{{"exclusive", "false"}, {"polarity", "ceased"}});
}

TEST_CASE("rules: a descriptor '~' before a name and a short gap '..' after a party") {
  auto rules = ParseRules("payment: {subject:ORG} .. pay ~ {counterparty:ORG} {value:MONEY}\n", "x.rules");
  REQUIRE(rules.ok());
  RE2 regex(rules->front().regex);
  REQUIRE(regex.ok());
  auto token = [](const char* name) { return std::string(kTokenOpen) + name + std::string(kTokenClose); };
  struct Case {
    std::string tagged;
    bool matches;
  };
  const Case cases[] = {
      {token("ORG1") + " will pay " + token("ORG2") + " " + token("MON3"), true},
      {token("ORG1") + " agreed on " + token("DAT4") + " to pay the port operator " + token("ORG2") + " " + token("MON3"),
       true},
      {token("ORG1") + " will pay the drone delivery start-up " + token("ORG2") + " " + token("MON3"), true},
      // A descriptor holds at most four words after its article.
      {token("ORG1") + " will pay the one two three four five " + token("ORG2") + " " + token("MON3"), false},
      // The party's own verb: not one further down a list of clauses.
      {token("ORG1") + " will not raise prices, will refund customers and pay " + token("ORG2") + " " + token("MON3"),
       false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.tagged);
    std::string subject, counterparty, value;
    CHECK(RE2::PartialMatch(c.tagged, regex, &subject, &counterparty, &value) == c.matches);
    if (c.matches) CHECK(counterparty == "ORG2");
  }
}

TEST_CASE("rules: syntax errors name file and line and column and what was expected") {
  struct Case {
    const char* text;
    const char* where;
    const char* expected;
  };
  const Case cases[] = {
      {"invest {subject:ORG} invests\n", "bad.rules:1:", "expected ':'"},
      {"ok: word\ninvest: {buyer:ORG} invests\n", "bad.rules:2:10", "expected a role"},
      {"invest: {subject:COMPANY} invests\n", "bad.rules:1:18", "expected a slot type"},
      {"invest: (will|would invest\n", "bad.rules:1:", "expected ')'"},
      {"invest: {subject:ORG} and {subject:ORG}\n", "bad.rules:1:", "appears twice"},
      {"invest weight=2: x\n", "bad.rules:1:8", "expected a setting"},
      {"Invest: x\n", "bad.rules:1:1", "expected a relation name"},
      {"invest:\n", "bad.rules:1:", "expected a word"},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    auto rules = ParseRules(text, "bad.rules");
    REQUIRE_FALSE(rules.ok());
    CHECK(rules.status().where().find(c.where) == 0);
    CHECK(rules.status().message().find(c.expected) != std::string::npos);
  }
}

TEST_CASE("rules: the bundled pattern files all parse") {
  for (const char* file : {"money.rules", "contract.rules"}) {
    CAPTURE(file);
    std::string text = testing::ReadFile(testing::DataDir() / "extract" / "patterns" / file);
    REQUIRE_FALSE(text.empty());
    auto rules = ParseRules(text, file);
    CHECK(rules.ok());
    if (rules.ok()) CHECK(rules->size() > 5);
  }
}

}  // namespace
}  // namespace concord::extract
