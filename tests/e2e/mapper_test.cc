// Extraction as a stateless mapper (issue 16): `concord extract --jsonl` run by 4 parallel
// processes (xargs -P 4) on shards, loaded with `concord ingest --from-jsonl`, gives the same
// report as one `concord ingest` of the same articles; the load is idempotent and names bad
// lines file:line with exit 3.

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "e2e.h"

namespace concord::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Runs a shell command line in `dir` with $CONCORD set to the binary.
Run Sh(const TempDir& dir, const std::string& line) {
  Run run;
  const std::string command = "cd '" + dir.path().string() + "' && CONCORD='" + std::string(CONCORD_BINARY) +
                              "' && export CONCORD && ( " + line + " ) > out.txt 2> err.txt";
  const int status = std::system(command.c_str());
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = ReadFile(dir / "out.txt");
  run.err = ReadFile(dir / "err.txt");
  return run;
}

// Forty articles from five outlets about four deals, some agreeing and some not, as JSON
// objects (what a scraper writes).
std::vector<json> Articles() {
  const char* outlets[] = {"Ledger Daily", "Harbor Post", "Pacific Wire", "Northgate News", "Sentinel"};
  const char* deals[][2] = {{"Orbis Cloud", "Veltrix Systems"},
                            {"Kestrel Energy", "Halden Grid"},
                            {"Norrland Mining", "Fjell Metals"},
                            {"Solvik Labs", "Brightwater Capital"}};
  std::vector<json> articles;
  for (int i = 0; i < 40; ++i) {
    const auto& deal = deals[i % 4];
    const int amount = 2 + (i % 4) + ((i % 5 == 0) ? 3 : 0);  // every fifth disagrees
    std::string text = std::string(deal[0]) + " will invest up to $" + std::to_string(amount) + " billion in " +
                       deal[1] + ", the companies said on Monday.\n\nThe agreement runs through 2030. " +
                       deal[0] + " shares rose " + std::to_string(1 + i % 7) + "% in early trading.\n";
    articles.push_back({{"title", std::string(deal[0]) + " deal " + std::to_string(i)},
                        {"source", outlets[i % 5]},
                        {"date_publish", "2026-03-0" + std::to_string(1 + i % 9)},
                        {"text", text}});
  }
  return articles;
}

std::string Name(int i) {
  char name[16];
  std::snprintf(name, sizeof name, "a%02d.json", i);
  return name;
}

// The articles as files of a folder (for `concord ingest`) and as four shards of JSON lines,
// each line carrying the file's name as its id (for the mappers).
void WriteCorpus(const TempDir& dir) {
  const std::vector<json> articles = Articles();
  std::string shards[4];
  for (int i = 0; i < static_cast<int>(articles.size()); ++i) {
    WriteFile(dir / "in" / Name(i), articles[i].dump() + "\n");
    json line = articles[i];
    line["id"] = Name(i);
    shards[i * 4 / static_cast<int>(articles.size())] += line.dump() + "\n";
  }
  for (int s = 0; s < 4; ++s) WriteFile(dir / "shards" / ("shard-" + std::to_string(s + 1) + ".jsonl"), shards[s]);
}

TEST_CASE("mapper: 4 parallel `extract --jsonl -` shards loaded with --from-jsonl report as one ingest") {
  TempDir dir;
  WriteCorpus(dir);
  Run one = Sh(dir, "$CONCORD ingest in --db one.db");
  REQUIRE(one.exit_code == 0);
  // The mappers: one process per shard, four at a time, reading the shard on stdin.
  Run mapped = Sh(dir, "mkdir -p out && ls shards | xargs -P 4 -I{} sh -c '$CONCORD extract --jsonl - < shards/{} > out/{}'");
  REQUIRE(mapped.exit_code == 0);
  CHECK(mapped.err.empty());
  Run loaded = Sh(dir, "$CONCORD ingest --from-jsonl out/shard-1.jsonl out/shard-2.jsonl out/shard-3.jsonl "
                       "out/shard-4.jsonl --db mapped.db");
  CAPTURE(loaded.err);
  REQUIRE(loaded.exit_code == 0);
  CHECK(loaded.err.find("40 added") != std::string::npos);
  CHECK(Count(dir / "mapped.db", "SELECT count(*) FROM articles") == 40);
  CHECK(Count(dir / "mapped.db", "SELECT count(*) FROM claims") == Count(dir / "one.db", "SELECT count(*) FROM claims"));
  CHECK(Count(dir / "mapped.db", "SELECT count(*) FROM mentions") ==
        Count(dir / "one.db", "SELECT count(*) FROM mentions"));
  Run report_one = Sh(dir, "$CONCORD report --format json --db one.db");
  Run report_mapped = Sh(dir, "$CONCORD report --format json --db mapped.db");
  REQUIRE(report_one.exit_code == 0);
  REQUIRE(report_mapped.exit_code == 0);
  CHECK(json::parse(report_one.out)["facts"].size() >= 4);
  CHECK(report_mapped.out == report_one.out);

  // Idempotent: the same shards again change nothing; stdin ('-') reads as a file does.
  Run again = Sh(dir, "cat out/*.jsonl | $CONCORD ingest --from-jsonl - --db mapped.db");
  CAPTURE(again.err);
  CHECK(again.exit_code == 0);
  CHECK(again.err.find("0 added, 0 replaced, 40 unchanged") != std::string::npos);
  CHECK(Sh(dir, "$CONCORD report --format json --db mapped.db").out == report_one.out);
}

TEST_CASE("mapper: files given to parallel mappers keep the ids and names of a folder ingest") {
  TempDir dir;
  WriteCorpus(dir);
  Run one = Sh(dir, "$CONCORD ingest in --db one.db");
  REQUIRE(one.exit_code == 0);
  // Each mapper writes its own file: processes sharing one output would interleave their lines.
  Run mapped = Sh(dir, "mkdir out && ls in/*.json | xargs -P 4 -n 10 sh -c '$CONCORD extract --jsonl \"$@\" > out/$$' sh");
  REQUIRE(mapped.exit_code == 0);
  Run loaded = Sh(dir, "$CONCORD ingest --from-jsonl out/* --db mapped.db");
  REQUIRE(loaded.exit_code == 0);
  SQLite::Database one_db((dir / "one.db").string());
  SQLite::Database mapped_db((dir / "mapped.db").string());
  CHECK(one_db.execAndGet("SELECT group_concat(key || '=' || name || '=' || content_hash, ',') FROM "
                          "(SELECT * FROM articles ORDER BY key)")
            .getString() == mapped_db.execAndGet("SELECT group_concat(key || '=' || name || '=' || content_hash, ',') "
                                                 "FROM (SELECT * FROM articles ORDER BY key)")
                                .getString());
  // A folder ingest after the load finds every article unchanged.
  Run folder = Sh(dir, "$CONCORD ingest in --db mapped.db");
  CHECK(folder.err.find("0 added, 0 replaced, 40 unchanged") != std::string::npos);
  CHECK(Sh(dir, "$CONCORD report --format json --db mapped.db").out == Sh(dir, "$CONCORD report --format json --db one.db").out);
}

TEST_CASE("mapper: bad lines are named file:line, the article they belong to is rejected whole, the rest loaded") {
  TempDir dir;
  WriteCorpus(dir);
  REQUIRE(Sh(dir, "$CONCORD extract --jsonl - < shards/shard-1.jsonl > good.jsonl").exit_code == 0);
  const std::string good = ReadFile(dir / "good.jsonl");
  std::vector<std::string> lines;
  std::istringstream in(good);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() > 20);
  // Article records start each article; find the second and third.
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (json::parse(lines[i])["record"] == "article") starts.push_back(i);
  }
  REQUIRE(starts.size() == 10);
  std::string bad;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i == starts[1] + 1) {
      bad += "{\"record\": \"mention\", broken\n";  // a malformed line inside the second article
    } else if (i == starts[5]) {
      bad += "{\"record\":\"mention\",\"file\":\"nowhere\"}\n";  // an orphan record
      bad += lines[i] + "\n";
    } else if (i > starts[9] + 1) {
      break;  // the last article cut short: its record and one more line only
    } else {
      bad += lines[i] + "\n";
    }
  }
  // The third article's record with a tampered text: its hash no longer matches.
  std::string tampered = lines[starts[2]];
  const std::size_t at = tampered.find("will invest");
  REQUIRE(at != std::string::npos);
  tampered.replace(at, 4, "won'");
  const std::size_t line_of_tampered = starts[2] + 1;
  {
    std::string rebuilt;
    std::istringstream again(bad);
    std::size_t n = 0;
    for (std::string line; std::getline(again, line);) {
      ++n;
      rebuilt += (n == line_of_tampered ? tampered : line) + "\n";
    }
    bad = rebuilt;
  }
  WriteFile(dir / "bad.jsonl", bad);
  Run loaded = Sh(dir, "$CONCORD ingest --from-jsonl bad.jsonl --db c.db");
  CAPTURE(loaded.err);
  CHECK(loaded.exit_code == 3);
  CHECK(loaded.err.find("bad.jsonl:" + std::to_string(starts[1] + 2) + ": malformed JSON line") != std::string::npos);
  CHECK(loaded.err.find("content hash does not match") != std::string::npos);
  CHECK(loaded.err.find("no article record before it") != std::string::npos);
  CHECK(loaded.err.find("cut short") != std::string::npos);
  // Ten articles: the second (bad line), third (tampered) and last (cut short) rejected.
  CHECK(Count(dir / "c.db", "SELECT count(*) FROM articles") == 7);
  CHECK(Count(dir / "c.db", "SELECT count(*) FROM articles WHERE name IN ('a01.json', 'a02.json', 'a09.json')") == 0);
  // Output of an older concord (no article records) is named, not stored half.
  Run old = Sh(dir, "grep -v '\"record\":\"article\"' good.jsonl > old.jsonl; $CONCORD ingest --from-jsonl old.jsonl --db old.db");
  CHECK(old.exit_code == 3);
  CHECK(old.err.find("old.jsonl:1: a mention record with no article record before it") != std::string::npos);
}

TEST_CASE("mapper: stdin articles take their id, else their url, else their line; plain text still reads") {
  TempDir dir;
  WriteFile(dir / "in.jsonl",
            "{\"id\": 7, \"text\": \"Orbis Cloud will invest $4 billion in Veltrix Systems.\"}\n"
            "\n"
            "{\"url\": \"https://example.com/a\", \"text\": \"Orbis Cloud will invest $4 billion in Veltrix Systems.\"}\n"
            "{\"text\": \"Orbis Cloud will invest $4 billion in Veltrix Systems.\"}\n"
            "{broken\n");
  Run run = Sh(dir, "$CONCORD extract --jsonl - < in.jsonl");
  CHECK(run.exit_code == 3);
  CHECK(run.err.find("-:5: malformed JSON line") != std::string::npos);
  std::set<std::string> files;
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    const json record = json::parse(line);
    if (record["record"] == "article") files.insert(record["file"].get<std::string>());
  }
  CHECK(files == std::set<std::string>{"7", "https://example.com/a", "-#L4"});
  WriteFile(dir / "plain.txt", "Orbis Cloud will invest $4 billion in Veltrix Systems.\n");
  Run plain = Sh(dir, "$CONCORD extract --jsonl - < plain.txt");
  CHECK(plain.exit_code == 0);
  CHECK(plain.out.find("\"file\":\"-\"") != std::string::npos);
}

}  // namespace
}  // namespace concord::testing
