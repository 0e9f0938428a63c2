// Source priors from a user's file, and units standing for their parents in facts.

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <map>

#include "reconcile/pipeline.h"
#include "reconcile/reconcile.h"
#include "reconcile/report/report.h"
#include "testing.h"

namespace concord::reconcile {
namespace {

void Write(const std::filesystem::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

const ReportSource* FindSource(const Report& report, const std::string& name) {
  for (const ReportSource& source : report.sources) {
    if (source.name == name) return &source;
  }
  return nullptr;
}

TEST_CASE("source priors: a file of `source<TAB>prior` lines") {
  testing::TempDir dir;
  Write(dir / "priors.tsv", "# desk's priors\nHarbour Ledger\t0.9\n\nRumour Mill Daily\t0.15\r\n");
  auto priors = ReadSourcePriors(dir / "priors.tsv");
  REQUIRE(priors.ok());
  CHECK(*priors == std::vector<SourcePrior>{{"Harbour Ledger", 0.9}, {"Rumour Mill Daily", 0.15}});

  struct Case {
    const char* text;
    const char* message;  // part of the error, after "priors.tsv:LINE"
  };
  const Case cases[] = {
      {"Harbour Ledger 0.9\n", ":1: expected `source<TAB>prior`"},
      {"Harbour Ledger\thigh\n", ":1: prior 'high' is not a number from 0 to 1"},
      {"# a\nHarbour Ledger\t1.5\n", ":2: prior '1.5' is not a number from 0 to 1"},
      {"Harbour Ledger\t\n", ":1: prior '' is not a number from 0 to 1"},
      {"\t0.5\n", ":1: empty source name"},
      {"Harbour Ledger\t0.9\nHarbour Ledger\t0.8\n", ":2: source 'Harbour Ledger' already has a prior on line 1"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    Write(dir / "bad.tsv", c.text);
    auto bad = ReadSourcePriors(dir / "bad.tsv");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.status().code() == StatusCode::kInvalidInput);
    CHECK(bad.status().ToString().find("bad.tsv" + std::string(c.message)) != std::string::npos);
  }
  CHECK_FALSE(ReadSourcePriors(dir / "missing.tsv").ok());
}

TEST_CASE("source priors: truth discovery starts from the user's prior") {
  testing::TempDir dir;
  auto store = Store::Open(dir / "c.db");
  REQUIRE(store.ok());
  // Two outlets report the same single-source story each (nothing to judge them on), so each
  // keeps its prior as its trust and the score follows it.
  REQUIRE(store
              ->WriteBatch({MakeArticle("a.md", "Harbour Ledger", "2026-05-04",
                                    "Corvel Shipping agreed to acquire Aldgate Freight for $1.4 billion, the companies "
                                    "said on Monday."),
                            MakeArticle("b.md", "Rumour Mill Daily", "2026-05-04",
                                    "Ironvale Mining agreed to acquire Tarn Copper for $2.2 billion, the companies "
                                    "said on Monday.")})
              .ok());
  auto set = store->SetSourcePriors({{"Harbour Ledger", 0.9}, {"Rumour Mill Daily", 0.2}, {"Not Seen Yet", 0.5}});
  REQUIRE(set.ok());
  CHECK(*set == 3);
  REQUIRE(Reconcile(*store, Bundled().normalizer.entities()).ok());
  auto report = LoadReport(*store, {}, Bundled().normalizer.entities());
  REQUIRE(report.ok());
  REQUIRE(FindSource(*report, "Harbour Ledger") != nullptr);
  REQUIRE(FindSource(*report, "Rumour Mill Daily") != nullptr);
  CHECK(FindSource(*report, "Harbour Ledger")->trust == doctest::Approx(0.9));
  CHECK(FindSource(*report, "Rumour Mill Daily")->trust == doctest::Approx(0.2));
  REQUIRE(report->facts.size() == 2);
  const ReportFact& trusted = report->facts[0].subject == "Corvel Shipping" ? report->facts[0] : report->facts[1];
  const ReportFact& doubted = report->facts[0].subject == "Corvel Shipping" ? report->facts[1] : report->facts[0];
  CHECK(trusted.score > 3 * doubted.score);

  // Setting the same priors again changes nothing; a new prior re-scores at the next reconcile.
  CHECK(*store->SetSourcePriors({{"Harbour Ledger", 0.9}}) == 0);
  REQUIRE(*store->SetSourcePriors({{"Rumour Mill Daily", 0.9}}) == 1);
  REQUIRE(Reconcile(*store, Bundled().normalizer.entities()).ok());
  auto again = LoadReport(*store, {}, Bundled().normalizer.entities());
  REQUIRE(again.ok());
  CHECK(again->facts[0].score == again->facts[1].score);
}

TEST_CASE("truth discovery: sources that agree gain trust, the one on the losing side loses it") {
  testing::TempDir dir;
  // Three outlets agree on three deals; a fourth gives another figure for each.
  const char* kDeals[][3] = {{"Corvel Shipping", "Aldgate Freight", "1.4"},
                             {"Ironvale Mining", "Tarn Copper", "2.2"},
                             {"Kestrel Networks", "Lowmoor Fibre", "0.8"}};
  std::vector<ExtractedArticle> items;
  const char* kAgreeing[] = {"Harbour Ledger", "Quayside Post", "Lantern Gazette"};
  for (const auto& deal : kDeals) {
    const std::string agreed = std::string(deal[0]) + " agreed to acquire " + deal[1] + " for $" + deal[2] + " billion.";
    for (const char* outlet : kAgreeing) {
      items.push_back(MakeArticle(std::string(outlet) + deal[0], outlet, "2026-05-04", agreed));
    }
    const std::string slipped = std::string(deal[0]) + " agreed to acquire " + deal[1] + " for $" + deal[2] + "5 billion.";
    items.push_back(MakeArticle(std::string("rumour") + deal[0], "Rumour Mill Daily", "2026-05-04", slipped));
  }
  Store store = ReconciledStore(dir / "c.db", items);
  auto report = LoadReport(store, {}, Bundled().normalizer.entities());
  REQUIRE(report.ok());
  const double prior = 0.7;
  for (const char* outlet : kAgreeing) {
    CAPTURE(outlet);
    REQUIRE(FindSource(*report, outlet) != nullptr);
    CHECK(FindSource(*report, outlet)->trust > prior);
  }
  REQUIRE(FindSource(*report, "Rumour Mill Daily") != nullptr);
  const double losing = FindSource(*report, "Rumour Mill Daily")->trust;
  CHECK(losing < prior);
  // (0.7 × 3 + 0) / (3 + Σ w) with three facts each settled near 0.9: about 0.41.
  CHECK(losing == doctest::Approx(0.41).epsilon(0.05));
  for (const ReportFact& fact : report->facts) CHECK(fact.status == "disputed");
}

TEST_CASE("unit for parent: AWS selling cloud capacity is Amazon selling it") {
  testing::TempDir dir;
  auto store = Store::Open(dir / "c.db");
  REQUIRE(store.ok());
  REQUIRE(store
              ->WriteBatch({MakeArticle("a.md", "Harbour Ledger", "2026-05-04",
                                    "Talvik AI agreed to purchase $3 billion of cloud capacity from Amazon Web "
                                    "Services over four years, the companies said on Monday."),
                            MakeArticle("b.md", "Quayside Post", "2026-05-05",
                                    "Talvik AI agreed to purchase $3 billion of cloud capacity from Amazon over four "
                                    "years, according to a filing.")})
              .ok());
  auto stats = Reconcile(*store, Bundled().normalizer.entities());
  REQUIRE(stats.ok());
  auto report = LoadReport(*store, {}, Bundled().normalizer.entities());
  REQUIRE(report.ok());
  const ReportFact* purchase = nullptr;
  for (const ReportFact& fact : report->facts) {
    if (fact.relation == "purchase") {
      CHECK(purchase == nullptr);  // one fact, not one per name
      purchase = &fact;
    }
  }
  REQUIRE(purchase != nullptr);
  CHECK(purchase->counterparty == "Amazon");
  CHECK(purchase->claims.size() == 2);
  CHECK(purchase->status == "corroborated");
  CHECK(purchase->independent_sources == 2);
  // `concord report --entity AWS` still finds it through the unit.
  ReportFilter by_unit;
  by_unit.entity = "AWS";
  auto filtered = LoadReport(*store, by_unit, Bundled().normalizer.entities());
  REQUIRE(filtered.ok());
  CHECK(filtered->facts.size() >= 1);
}

TEST_CASE("period measures: revenue of two quarters is two facts; the same figure for another quarter is a date slip") {
  testing::TempDir dir;
  auto store = Store::Open(dir / "c.db");
  REQUIRE(store.ok());
  REQUIRE(store
              ->WriteBatch({MakeArticle("q2.md", "Harbour Ledger", "2026-07-20",
                                        "Tarn Copper reported revenue of $310 million in the second quarter."),
                            MakeArticle("q3.md", "Quayside Post", "2026-10-19",
                                        "Tarn Copper reported revenue of $355 million in the third quarter."),
                            MakeArticle("q3b.md", "Lantern Gazette", "2026-10-20",
                                        "Tarn Copper reported revenue of $355 million in the third quarter of 2026."),
                            MakeArticle("slip.md", "Rumour Mill Daily", "2026-10-21",
                                        "Tarn Copper reported revenue of $355 million in the fourth quarter.")})
              .ok());
  REQUIRE(Reconcile(*store, Bundled().normalizer.entities()).ok());
  auto report = LoadReport(*store, {}, Bundled().normalizer.entities());
  REQUIRE(report.ok());
  std::map<std::string, const ReportFact*> by_time;
  for (const ReportFact& fact : report->facts) {
    if (fact.relation == "revenue") by_time[fact.time_text] = &fact;
  }
  REQUIRE(by_time.size() == 3);
  REQUIRE(by_time.count("2026-Q2"));
  REQUIRE(by_time.count("2026-Q3"));
  REQUIRE(by_time.count("2026-Q4"));
  // Another quarter with another figure: its own fact, not a dispute.
  CHECK(by_time["2026-Q2"]->status == "single_source");
  CHECK(by_time["2026-Q2"]->discrepancies.empty());
  CHECK(by_time["2026-Q3"]->status == "corroborated");
  // Q3's figure told for Q4 by one outlet: a date slip against the two that give Q3.
  const ReportFact& slip = *by_time["2026-Q4"];
  CHECK(slip.status == "disputed");
  REQUIRE(slip.discrepancies.size() == 1);
  CHECK(slip.discrepancies[0].type == "date");
  CHECK(slip.discrepancies[0].detail == "2026-Q4 here, but 2 independent source(s) give USD 355 m for 2026-Q3");
}

TEST_CASE("store: a version 1 database is migrated and keeps its links") {
  testing::TempDir dir;
  {
    // The version 1 schema as it shipped, with one claim linked to one fact.
    SQLite::Database db((dir / "v1.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(R"sql(
      CREATE TABLE sources (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, prior REAL NOT NULL DEFAULT 0.7,
                            trust REAL NOT NULL DEFAULT 0.7);
      CREATE TABLE articles (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
        source_id INTEGER NOT NULL REFERENCES sources(id), url TEXT, title TEXT, published TEXT, kind TEXT NOT NULL,
        derived_from TEXT, content_hash TEXT NOT NULL, body_offset INTEGER NOT NULL, text TEXT NOT NULL, sketch BLOB,
        ingested_at TEXT NOT NULL);
      CREATE TABLE mentions (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL, span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL, value TEXT);
      CREATE TABLE facts (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, relation TEXT NOT NULL, subject_id TEXT,
        counterparty_id TEXT, object_id TEXT, value TEXT, time TEXT, status TEXT NOT NULL, score INTEGER NOT NULL,
        independent_sources INTEGER NOT NULL, explanation TEXT);
      CREATE TABLE claims (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        fact_id INTEGER REFERENCES facts(id) ON DELETE SET NULL, relation TEXT NOT NULL, subject_id TEXT, subject TEXT,
        counterparty_id TEXT, counterparty TEXT, object_id TEXT, object TEXT, value_kind TEXT NOT NULL, value_low REAL,
        value_high REAL, currency TEXT, qualifier TEXT, value_per TEXT, exclusive INTEGER, terms TEXT, time_start TEXT,
        time_end TEXT, time_precision TEXT, time_boundary TEXT, time_flags TEXT, polarity TEXT NOT NULL,
        modality TEXT NOT NULL, condition TEXT, condition_text TEXT, attribution TEXT, sentence INTEGER NOT NULL,
        span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL, quote TEXT NOT NULL, rule TEXT,
        confidence REAL NOT NULL, claim_json TEXT NOT NULL);
      CREATE INDEX claims_by_fact ON claims(fact_id);
      CREATE TABLE discrepancies (id INTEGER PRIMARY KEY, fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
        type TEXT NOT NULL, severity TEXT NOT NULL, claim_a INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        claim_b INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE, detail TEXT NOT NULL);
      CREATE TABLE clusters (article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                             cluster INTEGER NOT NULL);
      INSERT INTO sources(id, name) VALUES (1, 'Harbour Ledger');
      INSERT INTO articles VALUES (1, 'a.md', 'a.md', 1, NULL, NULL, '2026-05-04', 'article', NULL, '00', 0,
        'Corvel Shipping agreed to acquire Aldgate Freight for $1.4 billion.', NULL, '2026-05-04T00:00:00Z');
      INSERT INTO facts VALUES (1, 'acquire|corvel shipping|aldgate freight|', 'acquire', 'corvel shipping',
        'aldgate freight', NULL, 'null', 'null', 'single_source', 63, 1, '');
      INSERT INTO claims(id, article_id, fact_id, relation, subject_id, subject, counterparty_id, counterparty,
        value_kind, value_low, value_high, currency, qualifier, polarity, modality, sentence, span_begin, span_end,
        quote, confidence, claim_json)
        VALUES (1, 1, 1, 'acquire', 'corvel shipping', 'Corvel Shipping', 'aldgate freight', 'Aldgate Freight',
        'money', 1.4e9, 1.4e9, 'USD', 'exact', 'affirmed', 'fact', 0, 0, 68,
        'Corvel Shipping agreed to acquire Aldgate Freight for $1.4 billion.', 0.9, '{}');
      PRAGMA user_version = 1;
    )sql");
  }
  auto store = Store::Open(dir / "v1.db");
  REQUIRE(store.ok());
  {
    SQLite::Database db((dir / "v1.db").string());
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 4);
    CHECK(db.execAndGet("SELECT count(*) FROM unreconciled").getInt() == 1);
  }
  auto stats = Reconcile(*store, Bundled().normalizer.entities());
  REQUIRE(stats.ok());
  CHECK(stats->facts == 1);
  auto report = LoadReport(*store, {}, Bundled().normalizer.entities());
  REQUIRE(report.ok());
  REQUIRE(report->facts.size() == 1);
  CHECK(report->facts[0].claims.size() == 1);
  CHECK(report->facts[0].value_text == "USD 1.4 bn");
  SQLite::Database db((dir / "v1.db").string());
  CHECK(db.execAndGet("SELECT count(*) FROM claim_facts WHERE claim_id = 1 AND fact_id = 1").getInt() == 1);
  CHECK(db.execAndGet("SELECT count(*) FROM claims WHERE fact_id IS NOT NULL").getInt() == 0);
}

}  // namespace
}  // namespace concord::reconcile
