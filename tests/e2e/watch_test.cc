// `concord ingest --watch`: a drop folder fed by a real writer while it runs (issue 17).

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "e2e.h"

namespace concord::testing {
namespace {

namespace fs = std::filesystem;

// Count() that reads 0 while the watcher has not made the store yet.
int CountIfStore(const fs::path& db, const std::string& sql) {
  if (!fs::exists(db)) return 0;
  try {
    SQLite::Database database(db.string());
    return database.execAndGet(sql).getInt();
  } catch (const std::exception&) {
    return 0;  // created but not yet a store
  }
}

std::string Article(int i) {
  std::string text = "---\nsource: Outlet " + std::to_string(i % 4) + "\npublished: 2026-03-03\n---\n";
  for (int s = 0; s < 10; ++s) {
    text += "Orbis Cloud will invest up to $" + std::to_string(i % 3 + s + 1) + " million in Veltrix Systems. ";
  }
  return text + "\n";
}

// Writes `text` the way a slow writer does: the first half, a pause, the rest, then close.
void WriteSlowly(const fs::path& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd >= 0);
  const std::size_t half = text.size() / 2;
  REQUIRE(::write(fd, text.data(), half) == static_cast<ssize_t>(half));
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  REQUIRE(::write(fd, text.data() + half, text.size() - half) == static_cast<ssize_t>(text.size() - half));
  ::close(fd);
}

TEST_CASE("ingest --watch: files dropped while it runs are ingested whole; SIGTERM ends it between batches") {
  TempDir dir;
  for (int i = 0; i < 5; ++i) WriteFile(dir / "in" / ("early" + std::to_string(i) + ".md"), Article(i));
  const fs::path db = dir / "c.db";
  const fs::path report = dir / "report.json";
  pid_t pid = fork();
  if (pid == 0) {
    const std::string err = (dir / "watch.err").string();
    if (std::freopen(err.c_str(), "w", stderr) == nullptr) _exit(126);
    execl(CONCORD_BINARY, CONCORD_BINARY, "ingest", "--watch", (dir / "in").c_str(), "--db", db.c_str(), "--report",
          report.c_str(), "--format", "json", "--threads", "1", static_cast<char*>(nullptr));
    _exit(127);
  }
  auto wait_for = [&](const std::string& sql, int expected) {
    for (int tries = 0; tries < 600 && CountIfStore(db, sql) != expected; ++tries) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return CountIfStore(db, sql);
  };
  CHECK(wait_for("SELECT count(*) FROM articles", 5) == 5);
  // The writer: slow writes (half, pause, rest), a file moved in whole, a new subfolder.
  for (int i = 0; i < 6; ++i) WriteSlowly(dir / "in" / ("drop" + std::to_string(i) + ".md"), Article(10 + i));
  WriteFile(dir / "staging.md", Article(20));
  fs::rename(dir / "staging.md", dir / "in" / "moved.md");
  fs::create_directories(dir / "in" / "later");
  WriteSlowly(dir / "in" / "later" / "deep.md", Article(21));
  CHECK(wait_for("SELECT count(*) FROM articles", 13) == 13);
  CHECK(wait_for("SELECT count(*) FROM unreconciled", 0) == 0);
  // Whole articles only, and none read half and replaced afterwards.
  CHECK(CountIfStore(db, "SELECT count(*) FROM (SELECT a.id FROM articles a LEFT JOIN claims c ON c.article_id = a.id "
                  "GROUP BY a.id HAVING count(c.id) <> 10)") == 0);
  for (int tries = 0; tries < 100 && !fs::exists(report); ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  // The report is rewritten after each pass by a rename: never a partial file.
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  const nlohmann::json facts = nlohmann::json::parse(ReadFile(report))["facts"];
  CHECK(!facts.empty());
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  const std::string err = ReadFile(dir / "watch.err");
  CAPTURE(err);
  CHECK(err.find("watch ended") != std::string::npos);
  CHECK(err.find(" 0 replaced") != std::string::npos);
  CHECK(err.find("replaced, ") != std::string::npos);
  for (std::size_t at = err.find(" replaced"); at != std::string::npos; at = err.find(" replaced", at + 1)) {
    CHECK(err.substr(at - 2, 2) == " 0");  // no pass replaced a half-read article
  }
  CHECK(CountIfStore(db, "SELECT count(*) FROM articles") == 13);
  Run again = Concord(dir, "ingest in --db c.db");
  CHECK(again.exit_code == 0);
  CHECK(again.err.find("0 added, 0 replaced, 13 unchanged") != std::string::npos);
}

}  // namespace
}  // namespace concord::testing
