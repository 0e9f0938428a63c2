// The fact store on a real PostgreSQL server (the throwaway cluster scripts/pg_cluster.sh
// starts; ctest's postgres fixture sets CONCORD_PG_DIR). The same batches, reconcile and
// report as on SQLite give the same JSON report byte for byte. These cases are named
// "postgres:"; the plain reconcile suite leaves them out and the store_postgres test runs them.
// Without a server they fail: a PostgreSQL test never passes by skipping.

#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "reconcile/reconcile.h"
#include "reconcile/report/json.h"
#include "reconcile/report/report.h"
#include "reconcile/pipeline.h"
#include "testing.h"

namespace concord::reconcile {
namespace {

ExtractedArticle Make(const std::string& id, const std::string& source, const std::string& text,
                      const std::string& derived_from = "") {
  return MakeArticle(id, source, "2026-03-03", text, derived_from);
}

// The cluster's URI (user, password, host, port; database concord).
std::string ClusterUri() {
  const char* dir = std::getenv("CONCORD_PG_DIR");
  REQUIRE_MESSAGE(dir != nullptr, "CONCORD_PG_DIR is not set: run through ctest (fixture postgres)");
  std::ifstream in(std::filesystem::path(dir) / "uri");
  std::string uri;
  std::getline(in, uri);
  REQUIRE_MESSAGE(!uri.empty(), "no PostgreSQL cluster at " << dir << " (scripts/pg_cluster.sh start failed?)");
  return uri;
}

// Runs SQL on the cluster's `concord` database with psql; true on success.
bool Psql(const std::string& uri, const std::string& sql) {
  const std::string command = "psql -X -q -v ON_ERROR_STOP=1 '" + uri + "' -c \"" + sql + "\" > /dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

// A new, empty database on the cluster; returns its URI.
std::string FreshDatabase() {
  static int counter = 0;
  const std::string uri = ClusterUri();
  const std::string name = "store_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
  REQUIRE(Psql(uri, "DROP DATABASE IF EXISTS " + name));
  REQUIRE(Psql(uri, "CREATE DATABASE " + name));
  return uri.substr(0, uri.rfind('/') + 1) + name;
}

std::vector<ExtractedArticle> Corroborating() {
  return {Make("a", "Ledger", "Norrland Bank agreed to acquire Fjell Payments for $2.3 billion."),
          Make("b", "Wire", "Norrland Bank will acquire Fjell Payments for $2.3 billion, the bank said."),
          Make("c", "Ledger", "Orbis Cloud will invest up to $4 billion in Veltrix Systems."),
          Make("d", "Sentinel", "Orbis Cloud will invest up to $4.5 billion in Veltrix Systems."),
          Make("e", "Digest", "Orbis Cloud will invest $4 billion in Veltrix Systems.", "c"),
          Make("f", "Ledger", "Veltrix will pay Orbis a revenue share of 8% through 2030."),
          Make("g", "Wire", "Orbis will pay Veltrix a revenue share of 8% through 2030.")};
}

// Ingest, re-ingest, replace, reconcile, report: the JSON report and the claims.
std::string Session(const std::string& db) {
  auto store = Store::Open(db);
  REQUIRE_MESSAGE(store.ok(), store.status().message());
  auto batch = Corroborating();
  auto first = store->WriteBatch(batch);
  REQUIRE_MESSAGE(first.ok(), first.status().message());
  CHECK(first->added == batch.size());
  auto again = store->WriteBatch(batch);
  REQUIRE(again.ok());
  CHECK(again->unchanged == batch.size());
  CHECK(store->IsUnchanged("a", batch[0].article.content_hash).value());
  std::vector<ExtractedArticle> changed = {
      Make("d", "Sentinel", "Orbis Cloud will invest up to $4.5 billion in Veltrix Systems. "
                            "Veltrix reported revenue of $3.1 billion in the third quarter.")};
  auto replaced = store->WriteBatch(changed);
  REQUIRE(replaced.ok());
  CHECK(replaced->replaced == 1);
  CHECK(store->PendingReconcile().value() == batch.size());
  REQUIRE(store->SetSourcePriors({{"Ledger", 0.9}, {"Newcomer", 0.2}}).ok());
  auto stats = Reconcile(*store, Bundled().normalizer.entities());
  REQUIRE_MESSAGE(stats.ok(), stats.status().message());
  CHECK(store->PendingReconcile().value() == 0);
  // Incremental: one more article, reconciled on its own.
  REQUIRE(store->WriteBatch({Make("h", "Harbor", "Norrland Bank agreed to buy Fjell Payments for $2.4 billion.")}).ok());
  REQUIRE(Reconcile(*store, Bundled().normalizer.entities()).ok());
  REQUIRE(store->RemoveArticles({"g"}).ok());
  REQUIRE(Reconcile(*store, Bundled().normalizer.entities()).ok());
  auto report = LoadReport(*store, {}, Bundled().normalizer.entities());
  REQUIRE(report.ok());
  std::string out = RenderJson(*report);
  auto claims = store->QueryClaims({"Orbis Cloud", ""}, Bundled().normalizer.entities());
  REQUIRE(claims.ok());
  for (const std::string& claim : *claims) out += claim + "\n";
  return out;
}

TEST_CASE("postgres: the same session gives the same report and claims as SQLite, byte for byte") {
  testing::TempDir dir;
  const std::string sqlite = Session((dir / "c.db").string());
  const std::string postgres = Session(FreshDatabase());
  CHECK(sqlite.find("\"disputed\"") != std::string::npos);
  CHECK(postgres == sqlite);
}

TEST_CASE("postgres: a second open finds the schema made; a reconcile of nothing new changes nothing") {
  const std::string db = FreshDatabase();
  {
    auto store = Store::Open(db);
    REQUIRE(store.ok());
    REQUIRE(store->WriteBatch(Corroborating()).ok());
    REQUIRE(Reconcile(*store, Bundled().normalizer.entities()).ok());
  }
  auto store = Store::Open(db, 5000, Store::OpenMode::kReadOnly);
  REQUIRE(store.ok());
  CHECK(store->PendingReconcile().value() == 0);
  auto before = LoadReport(*store, {}, Bundled().normalizer.entities());
  REQUIRE(Reconcile(*store, Bundled().normalizer.entities()).ok());
  auto after = LoadReport(*store, {}, Bundled().normalizer.entities());
  CHECK(RenderJson(*after) == RenderJson(*before));
}

TEST_CASE("postgres: a command that only reads makes no schema in an empty database") {
  const std::string db = FreshDatabase();
  auto store = Store::Open(db, 5000, Store::OpenMode::kReadOnly);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().code() == StatusCode::kUsage);
  CHECK(store.status().message().find("no Concord store") != std::string::npos);
  // Still empty: an ingest would find no table of ours (nor any other).
  CHECK(Psql(db, "DO \\$\\$ BEGIN IF EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public') THEN "
                 "RAISE EXCEPTION 'tables made'; END IF; END \\$\\$"));
  auto written = Store::Open(db);
  REQUIRE(written.ok());
}

TEST_CASE("postgres: a database with other tables is refused; bad servers and logins are environment failures") {
  const std::string db = FreshDatabase();
  REQUIRE(Psql(db, "CREATE TABLE notes(x integer)"));
  auto other = Store::Open(db);
  REQUIRE_FALSE(other.ok());
  CHECK(other.status().code() == StatusCode::kEnvironment);
  CHECK(other.status().message().find("not a Concord database") != std::string::npos);

  const std::string uri = ClusterUri();
  // user:password@host:port/db
  const std::size_t colon = uri.find(':', uri.find("://") + 3), at = uri.find('@');
  const std::string wrong = uri.substr(0, colon + 1) + "not-the-password" + uri.substr(at);
  auto refused = Store::Open(wrong);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == StatusCode::kEnvironment);
  CHECK(refused.status().message().find("password authentication failed") != std::string::npos);
  CHECK(refused.status().where().find("not-the-password") == std::string::npos);  // never shown

  auto unreachable = Store::Open("postgresql://concord@127.0.0.1:1/concord");
  REQUIRE_FALSE(unreachable.ok());
  CHECK(unreachable.status().code() == StatusCode::kEnvironment);
  CHECK(unreachable.status().message().find("cannot connect") != std::string::npos);
}

}  // namespace
}  // namespace concord::reconcile
