// Issue 18: hostile and unlucky inputs, one table. Each case builds real files in a fresh
// temporary folder, runs the real `concord` binary and states the exit code and what stdout
// and stderr must (and must not) say; a few cases check the store afterwards.

#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "e2e.h"

namespace concord::testing {
namespace {

namespace fs = std::filesystem;

const char* kDeal =
    "---\ntitle: Deal\nsource: Ledger Daily\npublished: 2026-03-03\n---\n"
    "Orbis Cloud will invest up to $4 billion in Veltrix Systems, the companies said on Monday.\n";

// Runs `concord ARGS` in `dir`; stderr goes to err.txt, stdout to out.txt unless ARGS
// redirects it itself (`> /dev/full`).
Run Shell(const TempDir& dir, const std::string& args) {
  Run run;
  const bool own_stdout = args.find('>') != std::string::npos;
  std::string command = "cd '" + dir.path().string() + "' && '" + std::string(CONCORD_BINARY) + "' " + args +
                        (own_stdout ? "" : " > out.txt") + " 2> err.txt";
  int status = std::system(command.c_str());
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = ReadFile(dir / "out.txt");
  run.err = ReadFile(dir / "err.txt");
  return run;
}

void IngestedWith(const TempDir& dir, const std::string& article_text) {
  WriteFile(dir / "in" / "deal.md", article_text);
  Run run = Shell(dir, "ingest in --db c.db");
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
}

void Ingested(const TempDir& dir) { IngestedWith(dir, kDeal); }

// Every '<', '[' and '&' of stdout is escaped, except the autolinks the report makes itself.
void OnlyEscapedMarkup(const TempDir& dir) {
  const std::string out = ReadFile(dir / "out.txt");
  for (std::size_t at = 0; at < out.size(); ++at) {
    if (out[at] != '<' && out[at] != '[' && out[at] != '&') continue;
    CAPTURE(out.substr(at, 40));
    const bool escaped = (at > 0 && out[at - 1] == '\\') || out.compare(at, 5, "<http") == 0;
    CHECK(escaped);
  }
}

struct Case {
  const char* name;
  std::function<void(const TempDir&)> setup;
  std::string args;
  int exit_code;
  std::vector<std::string> err_has = {};
  std::vector<std::string> out_has = {};
  std::vector<std::string> lacks = {};  // in neither stdout nor stderr
  std::function<void(const TempDir&)> check = nullptr;
};

// An article whose one claim quotes markup and terminal escapes.
const std::string kHostileDeal = std::string(
    "---\ntitle: Deal\nsource: Ledger Daily\npublished: 2026-03-03\n---\n"
    "Orbis Cloud will invest up to $4 billion in Veltrix Systems <script>alert(1)</script> "
    "<img src=x onerror=alert(2)> [click](javascript:alert(3)) [d](data:text/html;base64,PHNjcmlwdD4=) "
    "\x1b]0;pwned\x07\x1b[2J\xc2\x9b" "31m, the companies said on Monday.\n");

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      // 1. Symbolic links are followed only to files inside the folder given.
      {"a link to a file outside the folder is rejected by name, not read",
       [](const TempDir& dir) {
         WriteFile(dir / "in" / "deal.md", kDeal);
         WriteFile(dir / "outside" / "secret.txt", "Norrland Bank agreed to acquire Fjell Payments for $2.3 billion.\n");
         fs::create_symlink(dir / "outside" / "secret.txt", dir / "in" / "passwd.txt");
       },
       "ingest in --db c.db", 3, {"passwd.txt: symbolic link to ", "not followed"}, {}, {},
       [](const TempDir& dir) {
         CHECK(Count(dir / "c.db", "SELECT count(*) FROM articles") == 1);
         CHECK(Count(dir / "c.db", "SELECT count(*) FROM articles WHERE text LIKE '%Fjell%'") == 0);
       }},
      {"a link to /etc/passwd is rejected",
       [](const TempDir& dir) {
         WriteFile(dir / "in" / "deal.md", kDeal);
         fs::create_symlink("/etc/passwd", dir / "in" / "passwd.txt");
       },
       "ingest in --db c.db", 3, {"passwd.txt: symbolic link to /etc/passwd"}, {}, {"root:"},
       [](const TempDir& dir) { CHECK(Count(dir / "c.db", "SELECT count(*) FROM articles") == 1); }},
      {"a symlinked manifest.csv from outside is rejected without echoing its content",
       [](const TempDir& dir) {
         WriteFile(dir / "in" / "deal.md", kDeal);
         WriteFile(dir / "outside" / "private.csv", "TOP-SECRET-FIRST-LINE,x\n");
         fs::create_symlink(dir / "outside" / "private.csv", dir / "in" / "manifest.csv");
       },
       "ingest in --db c.db", 3, {"manifest.csv: symbolic link to "}, {}, {"TOP-SECRET"}},
      {"a link to a file inside the folder is followed",
       [](const TempDir& dir) {
         WriteFile(dir / "in" / "sub" / "deal.md", kDeal);
         fs::create_symlink(dir / "in" / "sub" / "deal.md", dir / "in" / "alias.md");
       },
       "ingest in --db c.db", 0, {"0 rejected"}},
      {"a link to a folder outside is rejected",
       [](const TempDir& dir) {
         WriteFile(dir / "in" / "deal.md", kDeal);
         WriteFile(dir / "outside" / "other.md", kDeal);
         fs::create_symlink(dir / "outside", dir / "in" / "elsewhere");
       },
       "ingest in --db c.db", 3, {"elsewhere: symbolic link to "}},
      // 2. Dangling links and loops are inputs that could not be read.
      {"a dangling link is rejected by name",
       [](const TempDir& dir) {
         WriteFile(dir / "in" / "deal.md", kDeal);
         fs::create_symlink(dir / "in" / "gone.md", dir / "in" / "dangling.md");
       },
       "ingest in --db c.db", 3, {"dangling.md: dangling symbolic link"}},
      {"a link loop is rejected by name",
       [](const TempDir& dir) {
         WriteFile(dir / "in" / "deal.md", kDeal);
         fs::create_symlink(dir / "in" / "loop_b.md", dir / "in" / "loop_a.md");
         fs::create_symlink(dir / "in" / "loop_a.md", dir / "in" / "loop_b.md");
       },
       "ingest in --db c.db", 3, {"loop_a.md: symbolic link loop", "loop_b.md: symbolic link loop"}},
      {"extract names a dangling link too",
       [](const TempDir& dir) {
         fs::create_directories(dir / "in");
         fs::create_symlink(dir / "in" / "gone.md", dir / "in" / "dangling.md");
       },
       "extract in", 3, {"dangling.md: dangling symbolic link"}},
      // 3. --wait is an option of every command with a store.
      {"--wait takes seconds", [](const TempDir& dir) { WriteFile(dir / "in" / "deal.md", kDeal); },
       "ingest in --db c.db --wait 0.5", 0},
      {"--wait rejects a negative wait", [](const TempDir&) {}, "ingest in --db c.db --wait -1", 2},
      // 4. Output errors are environment failures.
      {"report to a full disk", Ingested, "report --db c.db > /dev/full", 4, {"standard output: cannot write"}},
      {"an html report to a full disk", Ingested, "report --format html --db c.db > /dev/full", 4,
       {"No space left on device"}},
      {"claims to a full disk", Ingested, "claims --db c.db > /dev/full", 4, {"No space left on device"}},
      {"extract to a full disk", [](const TempDir& dir) { WriteFile(dir / "in" / "deal.md", kDeal); },
       "extract in > /dev/full", 4, {"No space left on device"}},
      {"--out to a full disk", Ingested, "report --db c.db --out /dev/full", 4, {"/dev/full: cannot write"}},
      // 5, 6. Markdown escapes article markup; no control character reaches a terminal.
      {"markdown report escapes article HTML and links",
       [](const TempDir& dir) { IngestedWith(dir, kHostileDeal); }, "report --db c.db", 0,
       {}, {"\\<script\\>", "onerror=alert(2)\\>", "\\[click\\](javascript:alert(3))",
            "\\[d\\](data:text/html", "\xE2\x90\x9B\\]0;pwned\xE2\x90\x87", "\u27E8U+009B\u27E9"},
       {"\x1b", "\x07", "\xc2\x9b"}, OnlyEscapedMarkup},
      {"the audit is escaped as well", [](const TempDir& dir) { IngestedWith(dir, kHostileDeal); },
       "audit --db c.db", 0, {}, {}, {"\x1b", "<script"}},
      {"claims carry no control characters",
       [](const TempDir& dir) { IngestedWith(dir, kHostileDeal); }, "claims --db c.db", 0, {}, {"invest"},
       {"\x1b", "\x07", "\xc2\x9b"}},
      {"extract's listing shows no control characters",
       [](const TempDir& dir) { WriteFile(dir / "in" / "deal.md", kHostileDeal); }, "extract in", 0, {}, {},
       {"\x1b", "\x07"}},
      // 7. Metadata: NUL rejected naming the field, other controls stripped.
      {"a NUL in JSON metadata rejects the article naming the field",
       [](const TempDir& dir) {
         WriteFile(dir / "in" / "a.json",
                   R"({"source": "Ctl\u0000Wire", "text": "Orbis Cloud will invest $4 billion in Veltrix Systems."})");
       },
       "ingest in --db c.db", 3, {"a.json: NUL character in metadata field 'source'"}},
      {"other controls in metadata are stripped",
       [](const TempDir& dir) {
         WriteFile(dir / "in" / "a.json",
                   R"({"source": "Ctl\u001b[31mWire\u009b", "title": "Two\nlines", "text": "Orbis Cloud will invest $4 billion in Veltrix Systems."})");
       },
       "ingest in --db c.db", 0, {}, {}, {},
       [](const TempDir& dir) {
         CHECK(Count(dir / "c.db", "SELECT count(*) FROM sources WHERE name = 'Ctl[31mWire'") == 1);
         CHECK(Count(dir / "c.db", "SELECT count(*) FROM articles WHERE title = 'Two lines'") == 1);
       }},
      // 8. A store is a file path.
      {"--db '' is a usage error", [](const TempDir& dir) { WriteFile(dir / "in" / "deal.md", kDeal); },
       "ingest in --db ''", 2, {"--db: empty"}},
      {"--db :memory: is a usage error", [](const TempDir& dir) { WriteFile(dir / "in" / "deal.md", kDeal); },
       "ingest in --db :memory:", 2, {"not a file path"}},
      {"--db file:...mode=memory is a usage error",
       [](const TempDir& dir) { WriteFile(dir / "in" / "deal.md", kDeal); }, "ingest in --db 'file:x.db?mode=memory'", 2,
       {"not a file path"}},
      {"report --db :memory: is a usage error", [](const TempDir&) {}, "report --db :memory:", 2},
      // 9. Read-only commands change nothing of a foreign file.
      {"report on a foreign SQLite file leaves it as it was",
       [](const TempDir& dir) {
         SQLite::Database other((dir / "other.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
         other.exec("CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('mine')");
       },
       "report --db other.db", 4, {"not a Concord database"}, {}, {},
       [](const TempDir& dir) {
         CHECK_FALSE(fs::exists(dir / "other.db-wal"));
         SQLite::Database other((dir / "other.db").string());
         CHECK(other.execAndGet("PRAGMA journal_mode").getString() == "delete");
       }},
      {"ingest into a foreign SQLite file leaves it as it was",
       [](const TempDir& dir) {
         WriteFile(dir / "in" / "deal.md", kDeal);
         SQLite::Database other((dir / "other.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
         other.exec("CREATE TABLE notes(x TEXT)");
       },
       "ingest in --db other.db", 4, {"not a Concord database"}, {}, {},
       [](const TempDir& dir) {
         SQLite::Database other((dir / "other.db").string());
         CHECK(other.execAndGet("PRAGMA journal_mode").getString() == "delete");
         CHECK(other.execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 1);
       }},
      {"claims and audit open the store read-only",
       [](const TempDir& dir) {
         Ingested(dir);
         fs::permissions(dir / "c.db", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
       },
       "claims --db c.db", 0, {}, {"invest"}},
      // 10. Entity names are matched literally.
      {"--entity % matches nothing", Ingested, "claims --db c.db --entity %", 0, {}, {}, {"invest"}},
      {"--entity _ matches nothing in the report", Ingested, "report --db c.db --entity _", 0, {}, {"0 facts"}},
      {"--entity names one entity", Ingested, "claims --db c.db --entity 'Orbis Cloud'", 0, {}, {"invest"}},
      // 11. Impossible dates in filters.
      {"--since 2026-13-45", Ingested, "report --db c.db --since 2026-13-45", 2, {"--since: not a date"}},
      {"--until 2026-02-30", Ingested, "report --db c.db --until 2026-02-30", 2, {"--until: not a date"}},
      {"--since 2026-02-29 (not a leap year)", Ingested, "report --db c.db --since 2026-02-29", 2},
      {"--since 2026-00", Ingested, "report --db c.db --since 2026-00", 2},
      {"--since 2024-02-29 is a day", Ingested, "report --db c.db --since 2024-02-29", 0},
      {"extract --published 2026-02-30", [](const TempDir& dir) { WriteFile(dir / "in" / "deal.md", kDeal); },
       "extract in --published 2026-02-30", 2, {"--published: not a date"}},
      // 13. Files gone, manifests naming nothing, interrupted reconciles, names with newlines.
      {"a deleted file is counted stale",
       [](const TempDir& dir) {
         Ingested(dir);
         WriteFile(dir / "in" / "other.md", kDeal);
         fs::remove(dir / "in" / "deal.md");
       },
       "ingest in --db c.db", 0, {"1 stale (their files are gone; --prune removes them)"}, {}, {},
       [](const TempDir& dir) { CHECK(Count(dir / "c.db", "SELECT count(*) FROM articles") == 2); }},
      {"ingest --prune removes it",
       [](const TempDir& dir) {
         Ingested(dir);
         WriteFile(dir / "in" / "renamed.md", kDeal);
         fs::remove(dir / "in" / "deal.md");
       },
       "ingest in --db c.db --prune", 0, {"1 stale (removed)"}, {}, {},
       [](const TempDir& dir) {
         CHECK(Count(dir / "c.db", "SELECT count(*) FROM articles") == 1);
         CHECK(Count(dir / "c.db", "SELECT count(*) FROM articles WHERE name = 'renamed.md'") == 1);
         CHECK(Count(dir / "c.db", "SELECT count(*) FROM claims") == 1);
         CHECK(Count(dir / "c.db", "SELECT count(*) FROM claim_facts") == 1);
         CHECK(Count(dir / "c.db", "SELECT count(*) FROM facts") == 1);
       }},
      {"--prune leaves files of other folders alone",
       [](const TempDir& dir) {
         Ingested(dir);
         WriteFile(dir / "more" / "x.md", kDeal);
       },
       "ingest more --db c.db --prune", 0, {"0 stale"}, {}, {},
       [](const TempDir& dir) { CHECK(Count(dir / "c.db", "SELECT count(*) FROM articles") == 2); }},
      {"a manifest row naming a missing file warns",
       [](const TempDir& dir) {
         WriteFile(dir / "in" / "deal.md", kDeal);
         WriteFile(dir / "in" / "manifest.csv",
                   "file,source,published,url,title,kind,derived_from\ngone.md,Wire,2026-03-03,,,,\n");
       },
       "ingest in --db c.db", 0, {"warning: ", "manifest.csv:2: names gone.md, which does not exist"}},
      {"report after an interrupted ingest says reconcile is pending",
       [](const TempDir& dir) {
         Ingested(dir);
         SQLite::Database db((dir / "c.db").string(), SQLite::OPEN_READWRITE);
         db.exec("INSERT INTO unreconciled(article_id) SELECT id FROM articles");
       },
       "report --db c.db", 0, {"reconcile is pending for 1 article(s)", "concord reconcile --db c.db"}},
      {"-$5bn keeps its sign",
       [](const TempDir& dir) {
         WriteFile(dir / "in" / "loss.md",
                   "---\nsource: Ledger Daily\npublished: 2026-03-03\n---\n"
                   "Orbis Cloud posted a net result of -$5bn in 2025, the company said.\n");
       },
       "ingest in --db c.db", 0, {}, {}, {},
       [](const TempDir& dir) {
         CHECK(Count(dir / "c.db", "SELECT count(*) FROM mentions WHERE kind = 'money' AND text = '-$5bn'") == 1);
         CHECK(Count(dir / "c.db", "SELECT count(*) FROM claims WHERE value_low = 5e9 OR value_high = 5e9") == 0);
       }},
      {"a file name with a newline is quoted on stderr",
       [](const TempDir& dir) { WriteFile(dir / "in" / "evil\nrejected: fake.txt", ""); }, "ingest in --db c.db", 3,
       {"evil\\nrejected: fake.txt\": empty"}, {}, {"evil\nrejected"}},
      {"a file name with an escape is quoted on stderr",
       [](const TempDir& dir) { WriteFile(dir / "in" / "e\x1b[31m.txt", ""); }, "ingest in --db c.db", 3,
       {"e\\x1B[31m.txt\": empty"}, {}, {"\x1b"}},
  };
  return cases;
}

TEST_CASE("issue 18: hostile inputs, their exit codes and messages") {
  for (const Case& c : Cases()) {
    CAPTURE(c.name);
    CAPTURE(c.args);
    TempDir dir;
    c.setup(dir);
    Run run = Shell(dir, c.args);
    CAPTURE(run.err);
    CHECK(run.exit_code == c.exit_code);
    for (const std::string& text : c.err_has) CHECK_MESSAGE(run.err.find(text) != std::string::npos, text);
    for (const std::string& text : c.out_has) CHECK_MESSAGE(run.out.find(text) != std::string::npos, text);
    for (const std::string& text : c.lacks) {
      CHECK_MESSAGE(run.out.find(text) == std::string::npos, "stdout has ", text);
      CHECK_MESSAGE(run.err.find(text) == std::string::npos, "stderr has ", text);
    }
    if (c.check) c.check(dir);
  }
}

TEST_CASE("issue 18: concurrent first ingests on a new store all succeed") {
  constexpr int kTries = 6;
  constexpr int kWriters = 3;
  for (int attempt = 0; attempt < kTries; ++attempt) {
    CAPTURE(attempt);
    TempDir dir;
    WriteFile(dir / "in" / "deal.md", kDeal);
    fs::create_directories(dir / "empty");
    std::vector<pid_t> writers;
    for (int w = 0; w < kWriters; ++w) {
      pid_t pid = fork();
      if (pid == 0) {
        std::string db = (dir / "race.db").string();
        std::string in = (dir / (w == 0 ? "in" : "empty")).string();
        std::string err = (dir / ("err" + std::to_string(w) + ".txt")).string();
        if (std::freopen(err.c_str(), "w", stderr) == nullptr) _exit(126);
        execl(CONCORD_BINARY, CONCORD_BINARY, "ingest", in.c_str(), "--db", db.c_str(), "--wait", "30",
              static_cast<char*>(nullptr));
        _exit(127);
      }
      writers.push_back(pid);
    }
    for (int w = 0; w < kWriters; ++w) {
      int status = 0;
      waitpid(writers[w], &status, 0);
      CAPTURE(ReadFile(dir / ("err" + std::to_string(w) + ".txt")));
      CHECK(WIFEXITED(status));
      CHECK(WEXITSTATUS(status) == 0);
    }
    CHECK(Count(dir / "race.db", "SELECT count(*) FROM articles") == 1);
  }
}

// SIGTERM at any moment of an ingest (extracting, writing a batch, reconciling) leaves a store
// that passes SQLite's integrity check, holds only whole articles, and that a re-run completes;
// a report in between says when reconcile is pending.
TEST_CASE("issue 18: SIGTERM during ingest or reconcile leaves a consistent store") {
  constexpr int kArticles = 300;
  TempDir dir;
  for (int i = 0; i < kArticles; ++i) {
    std::string text = "---\nsource: Outlet " + std::to_string(i % 7) + "\npublished: 2026-03-03\n---\n";
    for (int s = 0; s < 10; ++s) {
      text += "Orbis Cloud will invest up to $" + std::to_string(i % 13 + s + 1) + " million in Veltrix Systems. ";
    }
    WriteFile(dir / "in" / ("a" + std::to_string(i) + ".md"), text);
  }
  for (int delay_ms : {150, 400, 900, 1600}) {
    CAPTURE(delay_ms);
    fs::remove(dir / "c.db");
    fs::remove(dir / "c.db-wal");
    fs::remove(dir / "c.db-shm");
    pid_t pid = fork();
    if (pid == 0) {
      std::string db = (dir / "c.db").string();
      std::string in = (dir / "in").string();
      if (std::freopen("/dev/null", "w", stderr) == nullptr) _exit(126);
      execl(CONCORD_BINARY, CONCORD_BINARY, "ingest", in.c_str(), "--db", db.c_str(), "--threads", "1",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    usleep(delay_ms * 1000);
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    // Finished, stopped between batches (130), or ended by the signal during reconcile.
    const bool expected_end = (WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 130)) ||
                              (WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
    CHECK(expected_end);
    if (fs::exists(dir / "c.db")) {
      // Read-write: a process ended by the signal may leave a WAL to recover, which a
      // read-only connection cannot do ("attempt to write a readonly database").
      SQLite::Database database((dir / "c.db").string(), SQLite::OPEN_READWRITE);
      CHECK(database.execAndGet("PRAGMA integrity_check").getString() == "ok");
      // Stopped before the schema's transaction committed (a loaded machine at 150 ms): the
      // file SQLite opened holds no table yet, which is an empty store, not a broken one.
      if (!database.tableExists("articles")) {
        CHECK(database.execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 0);
      } else {
        CHECK(database.execAndGet("SELECT count(*) FROM (SELECT a.id FROM articles a LEFT JOIN claims c ON "
                                  "c.article_id = a.id GROUP BY a.id HAVING count(c.id) <> 10)")
                  .getInt() == 0);
      }
    }
    Run resumed = Shell(dir, "ingest in --db c.db");
    CHECK(resumed.exit_code == 0);
    CHECK(Count(dir / "c.db", "SELECT count(*) FROM articles") == kArticles);
    CHECK(Count(dir / "c.db", "SELECT count(*) FROM unreconciled") == 0);
    Run report = Shell(dir, "report --db c.db");
    CHECK(report.exit_code == 0);
    CHECK(report.err.find("pending") == std::string::npos);
  }
}

}  // namespace
}  // namespace concord::testing
