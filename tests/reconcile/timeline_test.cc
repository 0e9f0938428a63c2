// Measures keyed by period, and figures that move over time (timelines) instead of disputes:
// issue 13 part 4.

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "reconcile/facts.h"
#include "reconcile/pipeline.h"
#include "reconcile/reconcile.h"
#include "reconcile/report/html.h"
#include "reconcile/report/json.h"
#include "reconcile/report/markdown.h"
#include "reconcile/report/report.h"
#include "testing.h"

namespace concord::reconcile {
namespace {

// The frames extractor (issue 13) gives every measure claim the term measure=yes. Until it is
// in, a revenue claim of the bundled patterns stands in for it: renamed and marked.
ExtractedArticle AsMeasure(ExtractedArticle item, const std::string& relation) {
  for (extract::Claim& claim : item.extraction.claims) {
    if (claim.relation != "revenue") continue;
    claim.relation = relation;
    claim.terms.emplace_back("measure", "yes");
  }
  return item;
}

Report LoadAll(Store& store) {
  auto report = LoadReport(store, {}, Bundled().normalizer.entities());
  REQUIRE(report.ok());
  return std::move(report).value();
}

std::vector<const ReportFact*> FactsOf(const Report& report, const std::string& relation) {
  std::vector<const ReportFact*> facts;
  for (const ReportFact& fact : report.facts) {
    if (fact.relation == relation) facts.push_back(&fact);
  }
  return facts;
}

bool HasValueDiscrepancy(const ReportFact& fact) {
  for (const ReportDiscrepancy& d : fact.discrepancies) {
    if (d.type == "value" || d.type == "magnitude") return true;
  }
  return false;
}

TEST_CASE("period keys: a measure's third and fourth quarter are two facts; two outlets' fourth quarter is one") {
  testing::TempDir dir;
  Store store = ReconciledStore(
      dir / "c.db",
      {AsMeasure(MakeArticle("q3.md", "Harbour Ledger", "2026-10-19",
                             "Tarn Copper reported revenue of $120 million in the third quarter of 2026."),
                 "profit"),
       AsMeasure(MakeArticle("q4a.md", "Quayside Post", "2027-01-25",
                             "Tarn Copper reported revenue of $150 million in the fourth quarter of 2026."),
                 "profit"),
       AsMeasure(MakeArticle("q4b.md", "Lantern Gazette", "2027-01-26",
                             "Tarn Copper reported revenue of $150 million in the fourth quarter of 2026."),
                 "profit"),
       // The full year's figure is never held against a quarter's.
       AsMeasure(MakeArticle("fy.md", "Rumour Mill Daily", "2027-01-27",
                             "Tarn Copper reported revenue of $540 million in 2026."),
                 "profit")});
  const Report report = LoadAll(store);
  std::map<std::string, const ReportFact*> by_period;
  for (const ReportFact* fact : FactsOf(report, "profit")) by_period[PeriodOfKey(fact->key)] = fact;
  REQUIRE(by_period.size() == 3);
  REQUIRE(by_period.count("2026-Q3"));
  REQUIRE(by_period.count("2026-Q4"));
  REQUIRE(by_period.count("2026"));
  CHECK(by_period["2026-Q3"]->status == "single_source");
  CHECK(by_period["2026-Q3"]->discrepancies.empty());
  CHECK(by_period["2026-Q4"]->status == "corroborated");
  CHECK(by_period["2026-Q4"]->claims.size() == 2);
  CHECK(by_period["2026-Q4"]->discrepancies.empty());
  CHECK(by_period["2026"]->discrepancies.empty());
}

TEST_CASE("period keys: a claim is period-keyed only as a measure; a measure with no period is keyed without one") {
  ClaimRow claim;
  claim.relation = "profit";
  claim.subject_id = "tarn copper";
  claim.time_start = "2026-10-01";
  claim.time_end = "2026-12-31";
  claim.time_precision = "quarter";
  CHECK(FactKey(claim) == "profit|tarn copper||");  // not a measure claim: as before
  claim.measure = true;
  CHECK(FactKey(claim) == "profit|tarn copper|||period=2026-Q4");
  claim.time_start = claim.time_end = claim.time_precision = "";
  CHECK(FactKey(claim) == "profit|tarn copper||");
  claim.relation = "revenue";  // the legacy period measures need no term
  claim.measure = false;
  claim.time_start = "2026-01-01";
  claim.time_end = "2026-12-31";
  claim.time_precision = "year";
  CHECK(FactKey(claim) == "revenue|tarn copper|||period=2026");
}

TEST_CASE("period keys: a measure with no owner makes no fact") {
  testing::TempDir dir;
  ExtractedArticle item = AsMeasure(
      MakeArticle("q3.md", "Harbour Ledger", "2026-10-19", "Tarn Copper reported revenue of $120 million in the third quarter of 2026."),
      "price");
  for (extract::Claim& claim : item.extraction.claims) {
    if (claim.relation == "price") claim.subject = {};
  }
  Store store = ReconciledStore(dir / "c.db", {item});
  CHECK(FactsOf(LoadAll(store), "price").empty());
}

TEST_CASE("update cues: words of the data file, with one-word gaps and word prefixes") {
  ClaimRow claim;
  claim.quote = "Corvel Shipping raised its offer for Aldgate Freight to $1.6 billion.";
  CHECK(HasUpdateCue(claim));
  claim.quote = "Corvel Shipping said it would raise the cash offer for Aldgate Freight.";
  CHECK(HasUpdateCue(claim));
  claim.quote = "Corvel Shipping SWEETENED its bid.";
  CHECK(HasUpdateCue(claim));
  claim.quote = "Corvel Shipping raised $20 million from investors.";
  CHECK_FALSE(HasUpdateCue(claim));
  claim.quote = "Corvel Shipping agreed to acquire Aldgate Freight for $1.4 billion.";
  CHECK_FALSE(HasUpdateCue(claim));
  claim.terms = R"({"status":"revised"})";
  CHECK(HasUpdateCue(claim));
}

TEST_CASE("updates: an offer raised on a later day is a timeline, not a dispute; the latest figure is the fact's") {
  testing::TempDir dir;
  Store store = ReconciledStore(
      dir / "c.db",
      {MakeArticle("bid.md", "Harbour Ledger", "2026-03-02",
                   "Corvel Shipping agreed to acquire Aldgate Freight for $1.4 billion."),
       MakeArticle("same.md", "Quayside Post", "2026-03-03",
                   "Corvel Shipping agreed to acquire Aldgate Freight for $1.4 billion."),
       MakeArticle("raised.md", "Lantern Gazette", "2026-03-09",
                   "Corvel Shipping agreed to acquire Aldgate Freight for $1.6 billion after it raised its offer.")});
  const Report report = LoadAll(store);
  const std::vector<const ReportFact*> facts = FactsOf(report, "acquire");
  REQUIRE(facts.size() == 1);
  const ReportFact& fact = *facts[0];
  CHECK_FALSE(HasValueDiscrepancy(fact));
  CHECK(fact.status != "disputed");
  CHECK(fact.value_text == "USD 1.6 bn");
  REQUIRE(fact.timeline.size() == 2);
  CHECK(fact.timeline[0].published == "2026-03-02");
  CHECK(fact.timeline[0].value_text == "USD 1.4 bn");
  CHECK_FALSE(fact.timeline[0].update);
  CHECK(fact.timeline[1].published == "2026-03-09");
  CHECK(fact.timeline[1].value_text == "USD 1.6 bn");
  CHECK(fact.timeline[1].update);
  // Claims in date order, the one that moved the figure marked.
  REQUIRE(fact.claims.size() == 3);
  CHECK(fact.claims[0].published == "2026-03-02");
  CHECK(fact.claims[1].published == "2026-03-03");
  CHECK(fact.claims[2].published == "2026-03-09");
  CHECK(fact.claims[0].stance == "supports");
  CHECK(fact.claims[2].stance == "update");
  // Outlets on one timeline agree (the agreement table), none is counted as contradicted.
  for (const ReportAgreement& pair : report.agreement) CHECK(pair.conflict == 0);
  for (const ReportSource& source : report.sources) CHECK(source.contradicted == 0);
  const std::string markdown = RenderMarkdown(report);
  CHECK(markdown.find("Timeline: USD 1.4 bn (2026-03-02) → USD 1.6 bn (2026-03-09, update)") != std::string::npos);
  CHECK(markdown.find("Updates (1):") != std::string::npos);
  CHECK(RenderHtml(report).find(">update</td>") != std::string::npos);
  const nlohmann::json json = nlohmann::json::parse(RenderJson(report));
  const nlohmann::json& written = json["facts"][0];
  REQUIRE(written["timeline"].size() == 2);
  CHECK(written["timeline"][1]["value"] == "USD 1.6 bn");
  CHECK(written["timeline"][1]["update"] == true);
  CHECK(written["claims"][2]["stance"] == "update");
}

TEST_CASE("updates: the timeline does not depend on the order the articles arrived in") {
  const std::vector<ExtractedArticle> articles = {
      MakeArticle("bid.md", "Harbour Ledger", "2026-03-02",
                  "Corvel Shipping agreed to acquire Aldgate Freight for $1.4 billion."),
      MakeArticle("raised.md", "Lantern Gazette", "2026-03-09",
                  "Corvel Shipping agreed to acquire Aldgate Freight for $1.6 billion after it raised its offer.")};
  testing::TempDir dir;
  auto store = Store::Open(dir / "c.db");
  REQUIRE(store.ok());
  for (auto it = articles.rbegin(); it != articles.rend(); ++it) {  // the update first
    REQUIRE(store->WriteBatch({*it}).ok());
    REQUIRE(Reconcile(*store, Bundled().normalizer.entities()).ok());
  }
  Store batch = ReconciledStore(dir / "batch.db", articles);
  const Report one_by_one = LoadAll(*store);
  const Report at_once = LoadAll(batch);
  CHECK(RenderJson(one_by_one) == RenderJson(at_once));
  const std::vector<const ReportFact*> facts = FactsOf(one_by_one, "acquire");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0]->value_text == "USD 1.6 bn");
  CHECK(facts[0]->timeline.size() == 2);
}

TEST_CASE("updates: the figure before, in the update's own sentence, is history, not a dispute") {
  // "raised its stake to 12.2 pct from 10.9 pct" on a later day than the 9.8 pct first told.
  auto stake = [](std::int64_t id, std::int64_t article, const char* published, double pct, std::size_t begin,
                  const char* quote) {
    ClaimRow claim;
    claim.id = id;
    claim.article_id = article;
    claim.article = "a" + std::to_string(article) + ".md";
    claim.published = published;
    claim.relation = "stake";
    claim.value_kind = "percent";
    claim.low = claim.high = pct;
    claim.qualifier = "exact";
    claim.polarity = "affirmed";
    claim.modality = "fact";
    claim.span = {begin, begin + 80};
    claim.quote = quote;
    return claim;
  };
  const ClaimRow first = stake(1, 1, "2026-03-11", 9.8, 0, "Ledra Capital said it holds 9.8 pct of Tarn Copper.");
  const ClaimRow raised = stake(2, 2, "2026-04-17", 12.2, 0, "Ledra Capital raised its stake in Tarn Copper to 12.2 pct from 10.9 pct.");
  const ClaimRow before = stake(3, 2, "2026-04-17", 10.9, 0, "Ledra Capital raised its stake in Tarn Copper to 12.2 pct from 10.9 pct.");
  const ClaimRow other = stake(4, 3, "2026-04-17", 13.0, 0, "Ledra Capital holds 13 pct of Tarn Copper.");
  const FigureTimeline timeline = TimelineOf({&first, &raised, &before, &other});
  REQUIRE(timeline.steps == std::vector<std::size_t>{0, 1});
  CHECK(timeline.on_timeline == std::vector<bool>{true, true, true, false});
  CHECK(timeline.in_force[2] == 2);  // held against nothing
  CHECK(timeline.in_force[3] == 1);  // another outlet's figure that day: against the step in force
  // Without a later update, nothing moved.
  CHECK(TimelineOf({&first, &other}).steps.empty());
  // A figure dated before the step in force was reported is history retold, not an update.
  ClaimRow history = stake(5, 4, "2026-06-29", 5.0, 0, "Ledra Capital took a 5 pct stake in 2019, raising its stake since.");
  history.time_start = "2019-01-01";
  history.time_end = "2019-12-31";
  history.time_precision = "year";
  CHECK(TimelineOf({&first, &history}).steps.empty());
  // Offers raised without a cue word are prices; two stakes told in offer sentences are not.
  ClaimRow bid = stake(6, 5, "2026-03-11", 9.8, 0, "Ledra Capital's tender offer leaves it 9.8 pct of Tarn Copper.");
  ClaimRow later_bid = stake(7, 6, "2026-04-11", 11.0, 0, "After its tender offer Ledra Capital owns 11 pct of Tarn Copper.");
  CHECK(TimelineOf({&bid, &later_bid}).steps.empty());
  for (ClaimRow* price : {&bid, &later_bid}) {
    price->relation = "acquire";
    price->value_kind = "money";
    price->currency = "USD";
  }
  CHECK(TimelineOf({&bid, &later_bid}).steps == std::vector<std::size_t>{0, 1});
  // A count of shares beside a percent held is another figure, not an update of it.
  ClaimRow shares = stake(8, 7, "2026-05-02", 0, 0, "Ledra Capital raised its stake in Tarn Copper to 3,700,000 shares.");
  shares.value_kind = "count";
  shares.low = shares.high = 3700000;
  CHECK(TimelineOf({&first, &shares}).steps.empty());
}

TEST_CASE("updates: a different figure on the same day is still a dispute, cue or not") {
  testing::TempDir dir;
  Store store = ReconciledStore(
      dir / "c.db",
      {MakeArticle("a.md", "Harbour Ledger", "2026-03-02",
                   "Corvel Shipping agreed to acquire Aldgate Freight for $1.4 billion."),
       MakeArticle("b.md", "Quayside Post", "2026-03-02",
                   "Corvel Shipping agreed to acquire Aldgate Freight for $1.5 billion after it raised its offer.")});
  const Report report = LoadAll(store);
  const std::vector<const ReportFact*> facts = FactsOf(report, "acquire");
  REQUIRE(facts.size() == 1);
  CHECK(HasValueDiscrepancy(*facts[0]));
  CHECK(facts[0]->timeline.empty());
}

TEST_CASE("updates: a later different figure without a cue is still a dispute") {
  testing::TempDir dir;
  Store store = ReconciledStore(
      dir / "c.db",
      {MakeArticle("a.md", "Harbour Ledger", "2026-03-02",
                   "Corvel Shipping agreed to acquire Aldgate Freight for $1.4 billion."),
       MakeArticle("b.md", "Quayside Post", "2026-03-09",
                   "Corvel Shipping agreed to acquire Aldgate Freight for $1.5 billion.")});
  const Report report = LoadAll(store);
  const std::vector<const ReportFact*> facts = FactsOf(report, "acquire");
  REQUIRE(facts.size() == 1);
  CHECK(HasValueDiscrepancy(*facts[0]));
  CHECK(facts[0]->timeline.empty());
}


TEST_CASE("updates: two figures of one sentence, \"to A from B\", are a step, never a dispute with itself") {
  auto offer = [](std::int64_t id, double dlrs, const char* quote) {
    ClaimRow claim;
    claim.id = id;
    claim.article_id = 1;
    claim.article = "a1.md";
    claim.published = "2026-03-11";
    claim.relation = "acquire";
    claim.value_kind = "money";
    claim.currency = "USD";
    claim.per = "share";
    claim.low = claim.high = dlrs;
    claim.qualifier = "exact";
    claim.polarity = "affirmed";
    claim.modality = "fact";
    claim.span = {0, 90};
    claim.quote = quote;
    return claim;
  };
  const char* sentence = "Ledra Capital said it would pay 35 dlrs a share for Tarn Copper, up from 33 dlrs.";
  const ClaimRow now = offer(1, 35, sentence);
  const ClaimRow before = offer(2, 33, sentence);
  const FigureTimeline timeline = TimelineOf({&now, &before});
  CHECK(timeline.steps == std::vector<std::size_t>{1, 0});  // 33, then 35
  // A figure of another sentence that day still is a dispute, not a step.
  ClaimRow other = offer(3, 36, "Ledra Capital will pay 36 dlrs a share for Tarn Copper.");
  other.span = {91, 150};
  CHECK(TimelineOf({&other, &now}).steps.empty());

  testing::TempDir dir;
  Store store = ReconciledStore(
      dir / "c.db", {MakeArticle("raised.md", "Harbour Ledger", "2026-03-02",
                                 "Corvel Shipping raised its offer for Aldgate Freight to $1.6 billion from $1.4 billion.")});
  const Report report = LoadAll(store);
  for (const ReportFact& fact : report.facts) CHECK_FALSE(HasValueDiscrepancy(fact));
}

TEST_CASE("fact keys: a price per share and a total price are two facts") {
  ClaimRow claim;
  claim.relation = "acquire";
  claim.subject_id = "corvel shipping";
  claim.counterparty_id = "aldgate freight";
  claim.value_kind = "money";
  const std::string total = FactKey(claim);
  CHECK(total == "acquire|corvel shipping|aldgate freight|");
  claim.per = "share";
  CHECK(FactKey(claim) == "acquire|corvel shipping|aldgate freight||per=share");
}

TEST_CASE("fact keys: a claim naming one party joins the one fact that names it with another") {
  testing::TempDir dir;
  Store store = ReconciledStore(
      dir / "c.db",
      {MakeArticle("a.md", "Harbour Ledger", "2026-03-02",
                   "Corvel Shipping agreed to acquire Aldgate Freight for $1.4 billion."),
       MakeArticle("b.md", "Quayside Post", "2026-03-03", "Corvel Shipping agreed to acquire it for $1.4 billion.")});
  const Report report = LoadAll(store);
  const std::vector<const ReportFact*> facts = FactsOf(report, "acquire");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0]->claims.size() == 2);
  CHECK(facts[0]->key == "acquire|corvel shipping|aldgate freight|");
}


TEST_CASE("fact keys: a figure told without \"a share\" joins the prices per share it is close to; a total stays apart") {
  testing::TempDir dir;
  Store store = ReconciledStore(
      dir / "c.db",
      {MakeArticle("a.md", "Harbour Ledger", "2026-03-02",
                   "Corvel Shipping agreed to acquire Aldgate Freight for 35 dlrs a share."),
       MakeArticle("b.md", "Quayside Post", "2026-03-02", "Corvel Shipping agreed to acquire Aldgate Freight for 36 dlrs."),
       MakeArticle("c.md", "Lantern Gazette", "2026-03-02",
                   "Corvel Shipping agreed to acquire Aldgate Freight for 1.2 billion dlrs.")});
  const Report report = LoadAll(store);
  const std::vector<const ReportFact*> facts = FactsOf(report, "acquire");
  REQUIRE(facts.size() == 2);
  for (const ReportFact* fact : facts) {
    if (fact->key.find("per=share") != std::string::npos) {
      CHECK(fact->claims.size() == 2);
      CHECK(HasValueDiscrepancy(*fact));  // 35 vs 36 on one day: a dispute
    } else {
      CHECK(fact->claims.size() == 1);
      CHECK_FALSE(HasValueDiscrepancy(*fact));
    }
  }
}


TEST_CASE("disputes: an article never disputes itself; the account more articles tell is the reference") {
  testing::TempDir dir;
  // One wire (one group): two stories tell 55 pct; one of them also gives the 45 pct left.
  Store store = ReconciledStore(
      dir / "c.db",
      {MakeArticle("a.md", "Harbour Ledger", "2026-03-02",
                   "Corvel Shipping agreed to acquire Aldgate Freight for $1.4 billion. "
                   "Corvel Shipping agreed to acquire Aldgate Freight for $1.2 billion."),
       MakeArticle("b.md", "Harbour Ledger", "2026-03-03",
                   "Corvel Shipping agreed to acquire Aldgate Freight for $1.2 billion.")});
  const Report report = LoadAll(store);
  const std::vector<const ReportFact*> facts = FactsOf(report, "acquire");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0]->claims.size() == 3);
  CHECK(facts[0]->value_text == "USD 1.2 bn");
  CHECK_FALSE(HasValueDiscrepancy(*facts[0]));
}

}  // namespace
}  // namespace concord::reconcile
