// `concord ingest` on real folders: bad input, idempotency, exit codes, interruption.

#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "e2e.h"

namespace concord::testing {
namespace {

const char* kGoodArticle =
    "---\ntitle: Deal\nsource: Ledger Daily\npublished: 2026-03-03\n---\n"
    "Orbis Cloud will invest up to $4 billion in Veltrix Systems, the companies said on Monday.\n";

TEST_CASE("ingest: each bad file is named with its reason and the others are ingested (exit 3)") {
  TempDir dir;
  WriteFile(dir / "in" / "good.md", kGoodArticle);
  WriteFile(dir / "in" / "bad_utf8.txt", std::string("Veltrix paid $3 million\xC3\x28 to Orbis.\n"));
  WriteFile(dir / "in" / "empty.txt", "");
  WriteFile(dir / "in" / "binary.txt", std::string("abc\0def", 7));
  WriteFile(dir / "in" / "front.md", "---\ntitle: x\nthis line has no colon\n---\nText.\n");
  WriteFile(dir / "in" / "feed.jsonl",
            "{\"title\": \"One\", \"text\": \"Norrland Bank agreed to acquire Fjell Payments for $2.3 billion.\", "
            "\"source\": \"Pacific Wire\", \"date_publish\": \"2026-04-07\"}\n{not json}\n");
  WriteFile(dir / "in" / "scan.pdf", "%PDF-1.4");
  Run run = Concord(dir, "ingest in --db c.db");
  CHECK(run.exit_code == 3);
  CHECK(run.err.find("bad_utf8.txt: invalid UTF-8 at byte 23") != std::string::npos);
  CHECK(run.err.find("empty.txt: empty") != std::string::npos);
  CHECK(run.err.find("binary.txt: binary file") != std::string::npos);
  CHECK(run.err.find("front.md") != std::string::npos);
  CHECK(run.err.find("feed.jsonl:2") != std::string::npos);
  CHECK(run.err.find("scan.pdf: unknown format") != std::string::npos);
  CHECK(Count(dir / "c.db", "SELECT count(*) FROM articles") == 2);
  CHECK(Count(dir / "c.db", "SELECT count(*) FROM claims WHERE relation = 'invest' AND value_low = 4e9") == 1);
  CHECK(Count(dir / "c.db", "SELECT count(*) FROM claims WHERE relation = 'acquire'") == 1);

  // Idempotent: the same folder again adds nothing.
  int claims = Count(dir / "c.db", "SELECT count(*) FROM claims");
  Run again = Concord(dir, "ingest in --db c.db");
  CHECK(again.exit_code == 3);
  CHECK(again.err.find("0 added, 0 replaced, 2 unchanged") != std::string::npos);
  CHECK(Count(dir / "c.db", "SELECT count(*) FROM claims") == claims);

  // A changed file replaces its old claims.
  std::string changed = kGoodArticle;
  changed.replace(changed.find("$4 billion"), 10, "$6 billion");
  WriteFile(dir / "in" / "good.md", changed);
  Run third = Concord(dir, "ingest in --db c.db");
  CHECK(third.err.find("0 added, 1 replaced") != std::string::npos);
  CHECK(Count(dir / "c.db", "SELECT count(*) FROM claims WHERE value_low = 4e9") == 0);
  CHECK(Count(dir / "c.db", "SELECT count(*) FROM claims WHERE value_low = 6e9") == 1);
}

TEST_CASE("ingest: a missing folder is a rejection and usage and environment errors have their codes") {
  TempDir dir;
  WriteFile(dir / "in" / "good.md", kGoodArticle);
  Run missing = Concord(dir, "ingest in nowhere --db c.db");
  CHECK(missing.exit_code == 3);
  CHECK(missing.err.find("nowhere") != std::string::npos);
  CHECK(Count(dir / "c.db", "SELECT count(*) FROM articles") == 1);

  CHECK(Concord(dir, "ingest").exit_code == 2);
  CHECK(Concord(dir, "report --format pdf --db c.db").exit_code == 2);
  CHECK(Concord(dir, "frobnicate").exit_code == 2);
  Run help = Concord(dir, "ingest --help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--threads") != std::string::npos);

  Run unwritable = Concord(dir, "ingest in --db no/such/folder/c.db");
  CHECK(unwritable.exit_code == 4);
  CHECK(unwritable.err.find("no/such/folder/c.db") != std::string::npos);
}

TEST_CASE("ingest --priors and concord reconcile: a user's source priors set trust") {
  TempDir dir;
  WriteFile(dir / "in" / "good.md", kGoodArticle);
  WriteFile(dir / "priors.tsv", "# desk priors\nLedger Daily\t0.35\n");
  Run ingest = Concord(dir, "ingest in --db c.db --priors priors.tsv");
  REQUIRE(ingest.exit_code == 0);
  auto trust = [&] {
    SQLite::Database database((dir / "c.db").string());
    return database.execAndGet("SELECT trust FROM sources WHERE name = 'Ledger Daily'").getDouble();
  };
  CHECK(trust() == doctest::Approx(0.35));

  // A bad line is a usage error naming file and line; the store is left as it was.
  WriteFile(dir / "bad.tsv", "Ledger Daily\t0.9\nLedger Daily 0.8\n");
  Run bad = Concord(dir, "reconcile --db c.db --priors bad.tsv");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("bad.tsv:2: expected `source<TAB>prior`") != std::string::npos);
  CHECK(trust() == doctest::Approx(0.35));

  WriteFile(dir / "priors.tsv", "Ledger Daily\t0.8\n");
  Run again = Concord(dir, "reconcile --db c.db --priors priors.tsv");
  CHECK(again.exit_code == 0);
  CHECK(again.err.find("1 facts") != std::string::npos);
  CHECK(trust() == doctest::Approx(0.8));
  CHECK(Concord(dir, "reconcile --db missing.db").exit_code == 2);
}

TEST_CASE("ingest: killed mid-ingest leaves only whole articles and a re-run completes the store") {
  TempDir dir;
  constexpr int kArticles = 1500;
  for (int i = 0; i < kArticles; ++i) {
    std::string text = "---\nsource: Outlet " + std::to_string(i % 5) + "\npublished: 2026-03-03\n---\n";
    for (int s = 0; s < 20; ++s) {
      text += "Orbis Cloud will invest up to $" + std::to_string(i + s + 1) + " million in Veltrix Systems. ";
    }
    WriteFile(dir / "in" / ("a" + std::to_string(i) + ".md"), text);
  }
  // Start an ingest, kill it hard after a moment.
  pid_t pid = fork();
  if (pid == 0) {
    std::string db = (dir / "c.db").string();
    std::string in = (dir / "in").string();
    execl(CONCORD_BINARY, CONCORD_BINARY, "ingest", in.c_str(), "--db", db.c_str(), "--threads", "1",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  if (std::filesystem::exists(dir / "c.db")) {
    SQLite::Database database((dir / "c.db").string());
    CHECK(database.execAndGet("PRAGMA integrity_check").getString() == "ok");
    // Whole articles only: every stored article has all 20 of its claims.
    CHECK(database.execAndGet("SELECT count(*) FROM (SELECT a.id FROM articles a LEFT JOIN claims c ON c.article_id = a.id "
                              "GROUP BY a.id HAVING count(c.id) <> 20)")
              .getInt() == 0);
  }
  Run resumed = Concord(dir, "ingest in --db c.db");
  CHECK(resumed.exit_code == 0);
  CHECK(Count(dir / "c.db", "SELECT count(*) FROM articles") == kArticles);
  CHECK(Count(dir / "c.db", "SELECT count(*) FROM claims") == kArticles * 20);
}

}  // namespace
}  // namespace concord::testing
