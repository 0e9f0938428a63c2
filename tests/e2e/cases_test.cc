// Data-driven end-to-end cases: every tests/data/e2e/<case>/case.json names input folders
// and the facts, discrepancies and syndicated clusters the report must hold. Adding a case
// needs no C++. Format: tests/data/e2e/README.md.

#include <set>

#include "e2e.h"

namespace concord::testing {
namespace {

using nlohmann::json;

std::filesystem::path CasesDir() { return DataDir() / "tests" / "data" / "e2e"; }

std::string Str(const json& value) { return value.is_string() ? value.get<std::string>() : ""; }

const json* FindFact(const json& facts, const json& expected) {
  for (const json& fact : facts) {
    if (Str(fact["relation"]) != Str(expected["relation"])) continue;
    if (expected.contains("subject") && Str(fact["subject"]) != Str(expected["subject"])) continue;
    if (expected.contains("counterparty") && Str(fact["counterparty"]) != Str(expected["counterparty"])) continue;
    if (expected.contains("value_low") &&
        (!fact["value"].is_object() || fact["value"]["low"].get<double>() != expected["value_low"].get<double>())) {
      continue;
    }
    return &fact;
  }
  return nullptr;
}

void RunCase(const std::filesystem::path& case_dir) {
  json spec = json::parse(ReadFile(case_dir / "case.json"));
  TempDir dir;
  std::string inputs;
  for (const json& input : spec["inputs"]) {
    std::string path = input.get<std::string>();
    std::filesystem::path resolved = path.rfind("@repo/", 0) == 0 ? DataDir() / path.substr(6) : case_dir / path;
    inputs += " '" + resolved.string() + "'";
  }
  Run ingest = Concord(dir, "ingest" + inputs + " --db c.db");
  CAPTURE(ingest.err);
  REQUIRE(ingest.exit_code == spec.value("exit_code", 0));
  Run report = Concord(dir, "report --db c.db --format json");
  REQUIRE(report.exit_code == 0);
  json document = json::parse(report.out);
  const json& facts = document["facts"];

  std::set<std::string> listed_disputes;
  for (const json& expected : spec["facts"]) {
    CAPTURE(expected.dump());
    const json* fact = FindFact(facts, expected);
    REQUIRE(fact != nullptr);
    if (expected.contains("status")) CHECK(Str((*fact)["status"]) == Str(expected["status"]));
    if (expected.contains("independent_sources")) {
      CHECK((*fact)["independent_sources"].get<int>() == expected["independent_sources"].get<int>());
    }
    std::set<std::string> types;
    for (const json& d : (*fact)["discrepancies"]) types.insert(Str(d["type"]));
    std::set<std::string> wanted;
    for (const json& t : expected.value("discrepancies", json::array())) wanted.insert(t.get<std::string>());
    for (const std::string& type : wanted) {
      CAPTURE(type);
      CHECK(types.count(type) == 1);
    }
    if (expected.value("exact", false)) CHECK(types == wanted);
    listed_disputes.insert(Str((*fact)["id"]));
  }
  // Where the sources agree, no discrepancy may be reported.
  if (spec.value("no_other_disputes", false)) {
    for (const json& fact : facts) {
      if (Str(fact["status"]) != "disputed") continue;
      CAPTURE(fact.dump());
      CHECK(listed_disputes.count(Str(fact["id"])) == 1);
    }
  }
  for (const json& cluster : spec.value("clusters", json::array())) {
    bool found = false;
    for (const json& stored : document["clusters"]) {
      std::set<std::string> names;
      for (const json& article : stored["articles"]) names.insert(std::filesystem::path(Str(article)).filename().string());
      std::set<std::string> wanted;
      for (const json& article : cluster) wanted.insert(article.get<std::string>());
      if (names == wanted) found = true;
    }
    CAPTURE(cluster.dump());
    CHECK(found);
  }
}

TEST_CASE("e2e cases: every case folder under tests/data/e2e") {
  std::vector<std::filesystem::path> cases;
  for (const auto& entry : std::filesystem::directory_iterator(CasesDir())) {
    if (std::filesystem::exists(entry.path() / "case.json")) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE_FALSE(cases.empty());
  for (const std::filesystem::path& case_dir : cases) {
    const std::string name = case_dir.filename().string();
    CAPTURE(name);
    RunCase(case_dir);
  }
}

}  // namespace
}  // namespace concord::testing
