// Reconciling only what changed: a store fed one article at a time, in any order, with a
// reconcile after each, ends with the facts, discrepancies, scores and trust of a store that
// took every article in one batch; a changed article re-reconciles what it touches.

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "corpus/corpus.h"
#include "reconcile/pipeline.h"
#include "reconcile/reconcile.h"
#include "reconcile/report/report.h"
#include "testing.h"

namespace concord::reconcile {
namespace {

// Every article of the multi-source e2e cases and the demo corpus, extracted.
std::vector<ExtractedArticle> CaseArticles() {
  std::vector<std::filesystem::path> roots = {testing::DataDir() / "corpus" / "demo"};
  for (const auto& entry : std::filesystem::directory_iterator(testing::DataDir() / "tests" / "data" / "e2e")) {
    if (std::filesystem::exists(entry.path() / "articles")) roots.push_back(entry.path() / "articles");
  }
  std::sort(roots.begin(), roots.end());
  std::vector<ExtractedArticle> items;
  for (const corpus::InputFile& file : corpus::ListInputs(roots).files) {
    for (corpus::Article& article : corpus::ReadArticles(file).articles) {
      ExtractedArticle item{std::move(article), {}};
      item.extraction = Bundled().extractor.Extract(item.article);
      Bundled().normalizer.Normalize(item.article, item.extraction);
      items.push_back(std::move(item));
    }
  }
  return items;
}

// A report with the store's row ids blanked: they depend on the order of arrival.
Report Comparable(Store& store) {
  auto report = LoadReport(store, {}, Bundled().normalizer.entities());
  REQUIRE(report.ok());
  Report copy = *report;
  std::sort(copy.facts.begin(), copy.facts.end(),
            [](const ReportFact& a, const ReportFact& b) { return a.key < b.key; });
  copy.timelines.clear();  // indexes into the facts, in the report's order
  for (ReportFact& fact : copy.facts) {
    fact.id = 0;
    for (ReportClaim& claim : fact.claims) claim.id = 0;
    for (ReportDiscrepancy& discrepancy : fact.discrepancies) discrepancy.claim_a = discrepancy.claim_b = 0;
    std::sort(fact.claims.begin(), fact.claims.end(), [](const ReportClaim& a, const ReportClaim& b) {
      return std::tie(a.article, a.span.begin) < std::tie(b.article, b.span.begin);
    });
    std::sort(fact.discrepancies.begin(), fact.discrepancies.end(),
              [](const ReportDiscrepancy& a, const ReportDiscrepancy& b) {
                return std::tie(a.type, a.detail) < std::tie(b.type, b.detail);
              });
  }
  return copy;
}

void CheckSameReport(const Report& a, const Report& b) {
  REQUIRE(a.facts.size() == b.facts.size());
  for (std::size_t i = 0; i < a.facts.size(); ++i) {
    CAPTURE(a.facts[i].key);
    CHECK(a.facts[i] == b.facts[i]);
  }
  CHECK(a.sources == b.sources);
  CHECK(a.agreement == b.agreement);
  CHECK(a.clusters.size() == b.clusters.size());
}

TEST_CASE("incremental reconcile: one article at a time, in reverse, equals one batch") {
  std::vector<ExtractedArticle> items = CaseArticles();
  REQUIRE(items.size() >= 30);
  testing::TempDir dir;
  auto batch = Store::Open(dir / "batch.db");
  REQUIRE(batch.ok());
  REQUIRE(batch->WriteBatch(items).ok());
  auto batch_stats = Reconcile(*batch, Bundled().normalizer.entities());
  REQUIRE(batch_stats.ok());
  CHECK(batch_stats->disputed > 0);
  CHECK(batch_stats->corroborated > 0);

  auto one_by_one = Store::Open(dir / "one.db");
  REQUIRE(one_by_one.ok());
  for (auto item = items.rbegin(); item != items.rend(); ++item) {
    REQUIRE(one_by_one->WriteBatch({*item}).ok());
    REQUIRE(Reconcile(*one_by_one, Bundled().normalizer.entities()).ok());
  }
  auto last = Reconcile(*one_by_one, Bundled().normalizer.entities());
  REQUIRE(last.ok());
  CHECK(*last == *batch_stats);
  CheckSameReport(Comparable(*batch), Comparable(*one_by_one));
}

TEST_CASE("reconcile: the same articles stored in another order give the same facts, ids and scores") {
  // Ingest with several threads stores articles in the order extraction finishes them; the
  // facts, their ids (key order), accounts, discrepancies and scores must not follow that
  // order. The report lists a fact's accounts by article and place; only the claim ids
  // themselves follow the storage order, so they are blanked before comparing.
  std::vector<ExtractedArticle> items = CaseArticles();
  REQUIRE(items.size() >= 30);
  testing::TempDir dir;
  std::vector<Report> reports;
  std::vector<ReconcileStats> stats;
  for (int order = 0; order < 3; ++order) {
    std::vector<ExtractedArticle> arranged;
    if (order == 0) arranged = items;
    if (order == 1) arranged.assign(items.rbegin(), items.rend());
    if (order == 2) {
      // Interleaved: every odd one first, then the even ones.
      for (std::size_t parity : {1, 0}) {
        for (std::size_t i = parity; i < items.size(); i += 2) arranged.push_back(items[i]);
      }
    }
    auto store = Store::Open(dir / ("order" + std::to_string(order) + ".db"));
    REQUIRE(store.ok());
    for (std::size_t at = 0; at < arranged.size(); at += 3) {
      std::vector<ExtractedArticle> batch(arranged.begin() + static_cast<std::ptrdiff_t>(at),
                                          arranged.begin() + static_cast<std::ptrdiff_t>(std::min(at + 3, arranged.size())));
      REQUIRE(store->WriteBatch(batch).ok());
    }
    auto reconciled = Reconcile(*store, Bundled().normalizer.entities());
    REQUIRE(reconciled.ok());
    stats.push_back(*reconciled);
    auto report = LoadReport(*store, {}, Bundled().normalizer.entities());
    REQUIRE(report.ok());
    Report copy = *report;
    copy.timelines.clear();
    for (ReportFact& fact : copy.facts) {
      for (ReportClaim& claim : fact.claims) claim.id = 0;
      for (ReportDiscrepancy& discrepancy : fact.discrepancies) discrepancy.claim_a = discrepancy.claim_b = 0;
    }
    reports.push_back(std::move(copy));
  }
  for (int order = 1; order < 3; ++order) {
    CAPTURE(order);
    CHECK(stats[order] == stats[0]);
    REQUIRE(reports[order].facts.size() == reports[0].facts.size());
    for (std::size_t i = 0; i < reports[0].facts.size(); ++i) {
      CAPTURE(reports[0].facts[i].key);
      CHECK(reports[order].facts[i].id == reports[0].facts[i].id);  // fact ids in key order
      CHECK(reports[order].facts[i] == reports[0].facts[i]);
    }
    CHECK(reports[order].sources == reports[0].sources);
    CHECK(reports[order].agreement == reports[0].agreement);
  }
}

TEST_CASE("incremental reconcile: a changed article re-reconciles what it touches, and back") {
  std::vector<ExtractedArticle> items = CaseArticles();
  testing::TempDir dir;
  Store store = ReconciledStore(dir / "c.db", items);
  const Report before = Comparable(store);

  // An article gains a sentence: one more fact, and everything else as a fresh store has it.
  auto changed = std::find_if(items.begin(), items.end(), [](const ExtractedArticle& item) {
    return item.article.text.find("$") != std::string::npos && !item.extraction.claims.empty();
  });
  REQUIRE(changed != items.end());
  ExtractedArticle edited = *changed;
  edited.article.text += "\nAldgate Freight will invest $7.25 billion in Corvel Shipping, the companies said.\n";
  edited.article.content_hash ^= 0x5a5a;
  edited.extraction = Bundled().extractor.Extract(edited.article);
  Bundled().normalizer.Normalize(edited.article, edited.extraction);
  auto written = store.WriteBatch({edited});
  REQUIRE(written.ok());
  CHECK(written->replaced == 1);
  REQUIRE(Reconcile(store, Bundled().normalizer.entities()).ok());
  {
    // Equal to a store built from scratch with the edited article.
    std::vector<ExtractedArticle> now = items;
    now[static_cast<std::size_t>(changed - items.begin())] = edited;
    Store fresh = ReconciledStore(dir / "fresh.db", now);
    CheckSameReport(Comparable(fresh), Comparable(store));
    CHECK(Comparable(store).facts.size() == before.facts.size() + 1);
  }
  // Back to the original text: the store is as it was.
  REQUIRE(store.WriteBatch({*changed}).ok());
  REQUIRE(Reconcile(store, Bundled().normalizer.entities()).ok());
  CheckSameReport(before, Comparable(store));
}

TEST_CASE("incremental reconcile: a full rebuild of a reconciled store changes nothing") {
  std::vector<ExtractedArticle> items = CaseArticles();
  testing::TempDir dir;
  auto store = Store::Open(dir / "c.db");
  REQUIRE(store.ok());
  REQUIRE(store->WriteBatch(items).ok());
  auto first = Reconcile(*store, Bundled().normalizer.entities());
  REQUIRE(first.ok());
  auto before = LoadReport(*store, {}, Bundled().normalizer.entities());
  REQUIRE(before.ok());
  auto full = Reconcile(*store, Bundled().normalizer.entities(), true);
  REQUIRE(full.ok());
  CHECK(*full == *first);
  auto after = LoadReport(*store, {}, Bundled().normalizer.entities());
  REQUIRE(after.ok());
  REQUIRE(after->facts.size() == before->facts.size());
  for (std::size_t i = 0; i < after->facts.size(); ++i) {
    CAPTURE(before->facts[i].key);
    CHECK(after->facts[i].id == before->facts[i].id);  // rows kept, not renumbered
    CHECK(after->facts[i].score == before->facts[i].score);
    CHECK(after->facts[i].status == before->facts[i].status);
    CHECK(after->facts[i].discrepancies.size() == before->facts[i].discrepancies.size());
  }
  CHECK(after->clusters == before->clusters);
}

TEST_CASE("incremental reconcile: an unchanged store is left as it is") {
  std::vector<ExtractedArticle> items = CaseArticles();
  testing::TempDir dir;
  Store store = ReconciledStore(dir / "c.db", items);
  auto rows = [&](const std::string& sql) {
    SQLite::Database db((dir / "c.db").string());
    return db.execAndGet(sql).getString();
  };
  const std::string facts = rows("SELECT group_concat(id || ':' || score || ':' || status, ',') FROM facts");
  const std::string discrepancies = rows("SELECT group_concat(id, ',') FROM discrepancies");
  const std::string links = rows("SELECT group_concat(claim_id || ':' || fact_id, ',') FROM claim_facts");
  REQUIRE_FALSE(discrepancies.empty());
  REQUIRE(Reconcile(store, Bundled().normalizer.entities()).ok());
  // Discrepancies are deleted and inserted when their fact is rewritten: the same ids mean
  // no fact was.
  CHECK(rows("SELECT group_concat(id, ',') FROM discrepancies") == discrepancies);
  CHECK(rows("SELECT group_concat(id || ':' || score || ':' || status, ',') FROM facts") == facts);
  CHECK(rows("SELECT group_concat(claim_id || ':' || fact_id, ',') FROM claim_facts") == links);
}

}  // namespace
}  // namespace concord::reconcile
