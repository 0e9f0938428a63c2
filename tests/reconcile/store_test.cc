// The fact store on a real SQLite file: batches, idempotency, replacement, facts and
// discrepancies.

#include <SQLiteCpp/SQLiteCpp.h>

#include <set>
#include <sstream>

#include "reconcile/reconcile.h"
#include "reconcile/report/json.h"
#include "reconcile/report/markdown.h"
#include "reconcile/report/report.h"
#include "testing.h"
#include "reconcile/pipeline.h"

namespace concord::reconcile {
namespace {

ExtractedArticle Make(const std::string& id, const std::string& source, const std::string& text,
                      const std::string& derived_from = "") {
  return MakeArticle(id, source, "2026-03-03", text, derived_from);
}

int Count(const std::filesystem::path& db, const std::string& sql) {
  SQLite::Database database(db.string());
  return database.execAndGet(sql).getInt();
}

const ReportFact* FindFact(const Report& report, const std::string& relation, const std::string& subject) {
  for (const ReportFact& fact : report.facts) {
    if (fact.relation == relation && fact.subject == subject) return &fact;
  }
  return nullptr;
}

TEST_CASE("store: schema version and WAL on a fresh file") {
  testing::TempDir dir;
  auto store = Store::Open(dir / "c.db");
  REQUIRE(store.ok());
  CHECK(Count(dir / "c.db", "PRAGMA user_version") == 4);
  SQLite::Database database((dir / "c.db").string());
  CHECK(database.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("store: a file that is not a Concord database is refused as an environment failure") {
  testing::TempDir dir;
  {
    SQLite::Database other((dir / "other.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE notes(x)");
  }
  auto store = Store::Open(dir / "other.db");
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().code() == StatusCode::kEnvironment);
  CHECK(store.status().where().find("other.db") != std::string::npos);
  testing::WriteFile(dir / "garbage.db", std::string(4096, 'x'));
  CHECK_FALSE(Store::Open(dir / "garbage.db").ok());
}

TEST_CASE("store: re-writing a batch is idempotent and a changed article replaces its claims") {
  testing::TempDir dir;
  auto store = Store::Open(dir / "c.db");
  REQUIRE(store.ok());
  std::vector<ExtractedArticle> batch = {
      Make("a", "Ledger", "Orbis Cloud will invest up to $4 billion in Veltrix Systems."),
      Make("b", "Wire", "Norrland Bank agreed to acquire Fjell Payments for $2.3 billion.")};
  auto first = store->WriteBatch(batch);
  REQUIRE(first.ok());
  CHECK(first->added == 2);
  CHECK(first->claims == 2);
  auto again = store->WriteBatch(batch);
  REQUIRE(again.ok());
  CHECK(again->unchanged == 2);
  CHECK(again->claims == 0);
  CHECK(Count(dir / "c.db", "SELECT count(*) FROM claims") == 2);
  CHECK(store->IsUnchanged("a", batch[0].article.content_hash).value());

  std::vector<ExtractedArticle> changed = {Make("a", "Ledger", "Orbis Cloud will invest up to $5 billion in Veltrix Systems. "
                                                               "Veltrix reported revenue of $3.1 billion in the third quarter.")};
  auto replaced = store->WriteBatch(changed);
  REQUIRE(replaced.ok());
  CHECK(replaced->replaced == 1);
  CHECK(Count(dir / "c.db", "SELECT count(*) FROM articles") == 2);
  CHECK(Count(dir / "c.db", "SELECT count(*) FROM claims") == 3);
  CHECK(Count(dir / "c.db", "SELECT count(*) FROM claims WHERE value_low = 4e9") == 0);
}

TEST_CASE("store: agreeing independent sources corroborate and a different figure disputes") {
  testing::TempDir dir;
  auto store = Store::Open(dir / "c.db");
  REQUIRE(store.ok());
  std::vector<ExtractedArticle> batch = {
      Make("a", "Ledger", "Norrland Bank agreed to acquire Fjell Payments for $2.3 billion."),
      Make("b", "Wire", "Norrland Bank will acquire Fjell Payments for $2.3 billion, the bank said."),
      Make("c", "Ledger", "Orbis Cloud will invest up to $4 billion in Veltrix Systems."),
      Make("d", "Sentinel", "Orbis Cloud will invest up to $4.5 billion in Veltrix Systems."),
      Make("e", "Digest", "Orbis Cloud will invest $4 billion in Veltrix Systems.", "c")};
  REQUIRE(store->WriteBatch(batch).ok());
  auto stats = Reconcile(*store, Bundled().normalizer.entities());
  REQUIRE(stats.ok());
  auto report = LoadReport(*store, {}, Bundled().normalizer.entities());
  REQUIRE(report.ok());

  const ReportFact* acquire = FindFact(*report, "acquire", "Norrland Bank");
  REQUIRE(acquire != nullptr);
  CHECK(acquire->status == "corroborated");
  CHECK(acquire->independent_sources == 2);
  CHECK(acquire->discrepancies.empty());

  const ReportFact* invest = FindFact(*report, "invest", "Orbis Cloud");
  REQUIRE(invest != nullptr);
  CHECK(invest->status == "disputed");
  std::set<std::string> types;
  for (const ReportDiscrepancy& d : invest->discrepancies) types.insert(d.type);
  CHECK(types.count("value") == 1);
  CHECK(types.count("hedge_lost") == 1);
  CHECK(report->facts.front().status == "disputed");  // disputed facts come first

  std::string json = RenderJson(*report);
  CHECK(json.find("\"status\": \"corroborated\"") != std::string::npos);
  std::string markdown = RenderMarkdown(*report);
  CHECK(markdown.find("## Disputed facts") < markdown.find("## Corroborated facts"));
  std::istringstream lines(markdown);
  std::string line;
  while (std::getline(lines, line)) {
    std::size_t width = 0;
    for (unsigned char c : line) width += (c & 0xC0) != 0x80;
    if (line.rfind("|", 0) != 0) CHECK(width <= 100);  // tables aside, readable at 100 columns
  }
}

TEST_CASE("store: swapped payer and payee is a direction discrepancy") {
  testing::TempDir dir;
  auto store = Store::Open(dir / "c.db");
  REQUIRE(store.ok());
  std::vector<ExtractedArticle> batch = {
      Make("a", "Ledger", "Veltrix will pay Orbis a revenue share of 8% through 2030."),
      Make("b", "Harbor", "Filings show that Veltrix will pay Orbis a revenue share of 8% through 2030."),
      Make("c", "Wire", "Orbis will pay Veltrix a revenue share of 8% through 2030.")};
  REQUIRE(store->WriteBatch(batch).ok());
  REQUIRE(Reconcile(*store, Bundled().normalizer.entities()).ok());
  auto report = LoadReport(*store, {}, Bundled().normalizer.entities());
  REQUIRE(report.ok());
  const ReportFact* flipped = FindFact(*report, "pay_revenue_share", "Orbis");
  REQUIRE(flipped != nullptr);
  REQUIRE_FALSE(flipped->discrepancies.empty());
  CHECK(flipped->discrepancies.front().type == "direction");
  CHECK(flipped->discrepancies.front().severity == "high");
}

}  // namespace
}  // namespace concord::reconcile
