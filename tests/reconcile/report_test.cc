// Reports from a real store: order, quotes for and against, highlights, filters, timelines;
// Markdown at 100 columns, byte-stable output, JSON valid against reconcile/report/report.schema.json,
// HTML escaped and self-contained. (The browser test of the HTML is tests/e2e/html_test.cc.)

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "reconcile/reconcile.h"
#include "reconcile/report/html.h"
#include "reconcile/report/json.h"
#include "reconcile/report/markdown.h"
#include "reconcile/report/report.h"
#include "testing.h"
#include "reconcile/pipeline.h"

#if __has_include(<valijson/validator.hpp>)
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>
#define CONCORD_HAVE_VALIJSON 1
#endif

namespace concord::reconcile {
namespace {

struct Source {
  const char* id;
  const char* source;
  const char* published;
  const char* url;
  const char* title;
  const char* text;
};

// Invented companies and outlets. Three accounts of one investment (one drops "up to", one
// gives another figure), two of one acquisition that differ on the month, a royalty that
// one outlet says continues and another says has stopped, and a single-source revenue.
constexpr Source kArticles[] = {
    {"a", "Ledger Line", "2026-05-04", "https://ledger-line.example/brackenridge-quillon",
     "Brackenridge <b>bets</b> on Quillon & friends",
     "Brackenridge Foods will invest up to $7 billion in Quillon Labs, the firms said on Monday. "
     "Quillon Labs agreed in April to acquire Ostrava Mills for $900 million."},
    {"b", "Wire Nine", "2026-05-05", "javascript:alert(1)", "<script>alert(1)</script>",
     "Brackenridge Foods will invest $7 billion in Quillon Labs, the firms said on Monday. "
     "Quillon Labs agreed in March to acquire Ostrava Mills for $900 million, a filing showed."},
    {"c", "Harbor Post", "2026-05-05", "", "",
     "Brackenridge Foods will invest up to $9 billion in Quillon Labs, the firms said on Monday. "
     "Brackenridge Foods still pays Quillon Labs a revenue share of 4% through 2031."},
    {"d", "Ledger Line", "2026-05-06", "", "",
     "Brackenridge Foods no longer pays Quillon Labs a revenue share of 4% through 2031. "
     "Tamsin Rail reported revenue of $3.4 billion in 2025."},
};

ExtractedArticle Make(const Source& source) {
  ExtractedArticle item;
  item.article.id = source.id;
  item.article.name = std::string(source.id) + ".md";
  item.article.source = source.source;
  item.article.published = source.published;
  item.article.url = source.url;
  item.article.title = source.title;
  item.article.text = source.text;
  item.article.content_hash = std::hash<std::string>{}(item.article.text + source.source);
  item.extraction = Bundled().extractor.Extract(item.article);
  Bundled().normalizer.Normalize(item.article, item.extraction);
  return item;
}

// A store holding kArticles, reconciled.
Store Build(const std::filesystem::path& db) {
  auto store = Store::Open(db);
  REQUIRE(store.ok());
  std::vector<ExtractedArticle> batch;
  for (const Source& source : kArticles) batch.push_back(Make(source));
  REQUIRE(store->WriteBatch(batch).ok());
  REQUIRE(Reconcile(*store, Bundled().normalizer.entities()).ok());
  return std::move(store).value();
}

Report Load(Store& store, const ReportFilter& filter = {}) {
  auto report = LoadReport(store, filter, Bundled().normalizer.entities());
  REQUIRE(report.ok());
  return std::move(report).value();
}

const ReportFact* Find(const Report& report, const std::string& relation) {
  for (const ReportFact& fact : report.facts) {
    if (fact.relation == relation) return &fact;
  }
  return nullptr;
}

const ReportClaim* ClaimOf(const ReportFact& fact, const std::string& article) {
  for (const ReportClaim& claim : fact.claims) {
    if (claim.article == article) return &claim;
  }
  return nullptr;
}

std::vector<std::string> Marked(const ReportClaim& claim) {
  std::vector<std::string> texts;
  for (const extract::Span& span : claim.highlights)
    texts.push_back(claim.quote.substr(span.begin, span.end - span.begin));
  return texts;
}

std::size_t Columns(const std::string& line) {
  std::size_t width = 0;
  for (unsigned char c : line) width += (c & 0xC0) != 0x80;
  return width;
}

TEST_CASE("report: disputed first; each claim's stance, source, date, link; the differing figure marked") {
  testing::TempDir dir;
  Store store = Build(dir / "c.db");
  Report report = Load(store);
  REQUIRE(report.facts.size() >= 4);
  auto rank = [](const std::string& status) { return status == "disputed" ? 0 : status == "corroborated" ? 1 : 2; };
  for (std::size_t i = 1; i < report.facts.size(); ++i) {
    CAPTURE(report.facts[i].key);
    CHECK(rank(report.facts[i - 1].status) <= rank(report.facts[i].status));
  }

  const ReportFact* invest = Find(report, "invest");
  REQUIRE(invest != nullptr);
  CHECK(invest->status == "disputed");
  std::set<std::string> types;
  for (const ReportDiscrepancy& d : invest->discrepancies) types.insert(d.type);
  CHECK(types == std::set<std::string>{"hedge_lost", "value"});
  const ReportClaim* hedged = ClaimOf(*invest, "a.md");
  const ReportClaim* unhedged = ClaimOf(*invest, "b.md");
  const ReportClaim* other = ClaimOf(*invest, "c.md");
  REQUIRE(hedged != nullptr);
  REQUIRE(unhedged != nullptr);
  REQUIRE(other != nullptr);
  CHECK(hedged->stance == "supports");
  CHECK(hedged->source == "Ledger Line");
  CHECK(hedged->published == "2026-05-04");
  CHECK(hedged->url == "https://ledger-line.example/brackenridge-quillon");
  CHECK(hedged->title == "Brackenridge <b>bets</b> on Quillon & friends");
  CHECK(unhedged->stance == "contradicts");
  CHECK(other->stance == "contradicts");
  CHECK(Marked(*hedged) == std::vector<std::string>{"up to $7 billion"});
  CHECK(Marked(*unhedged) == std::vector<std::string>{"$7 billion"});
  CHECK(Marked(*other) == std::vector<std::string>{"up to $9 billion"});

  const ReportFact* acquire = Find(report, "acquire");
  REQUIRE(acquire != nullptr);
  CHECK(acquire->status == "disputed");
  REQUIRE(ClaimOf(*acquire, "a.md") != nullptr);
  REQUIRE(ClaimOf(*acquire, "b.md") != nullptr);
  CHECK(Marked(*ClaimOf(*acquire, "a.md")) == std::vector<std::string>{"April"});
  CHECK(Marked(*ClaimOf(*acquire, "b.md")) == std::vector<std::string>{"March"});

  const ReportFact* royalty = Find(report, "pay_revenue_share");
  REQUIRE(royalty != nullptr);
  REQUIRE(ClaimOf(*royalty, "c.md") != nullptr);
  REQUIRE(ClaimOf(*royalty, "d.md") != nullptr);
  CHECK(Marked(*ClaimOf(*royalty, "c.md")) == std::vector<std::string>{"still"});
  CHECK(Marked(*ClaimOf(*royalty, "d.md")) == std::vector<std::string>{"no longer"});

  const ReportFact* revenue = Find(report, "revenue");
  REQUIRE(revenue != nullptr);
  CHECK(revenue->status == "single_source");
  CHECK(revenue->claims.front().highlights.empty());  // nothing to compare, nothing marked
}

TEST_CASE("report: --entity, --relation, --since/--until and --conflicts-only select facts") {
  testing::TempDir dir;
  Store store = Build(dir / "c.db");
  struct Case {
    const char* label;
    ReportFilter filter;
    std::set<std::string> relations;
  };
  const Case cases[] = {
      {"everything", {}, {"invest", "acquire", "pay_revenue_share", "revenue"}},
      {"entity: the acquired company", {"Ostrava Mills", "", "", "", false}, {"acquire"}},
      {"entity: a party of three facts",
       {"Quillon Labs", "", "", "", false},
       {"invest", "acquire", "pay_revenue_share"}},
      {"entity: unknown", {"Nobody Holdings", "", "", "", false}, {}},
      {"relation", {"", "revenue", "", "", false}, {"revenue"}},
      {"conflicts only", {"", "", "", "", true}, {"invest", "acquire", "pay_revenue_share"}},
      {"since a month", {"", "", "2026-05", "", false}, {"invest", "pay_revenue_share"}},
      {"until a month keeps the whole month", {"", "", "", "2026-04", false}, {"acquire", "revenue"}},
      {"since and until a day", {"", "", "2026-04-01", "2026-04-30", false}, {"acquire"}},
      {"since a year", {"", "", "2027", "", false}, {"pay_revenue_share"}},
      {"combined", {"Quillon Labs", "", "2026", "2026-12-31", true}, {"invest", "acquire"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.label);
    Report report = Load(store, c.filter);
    std::set<std::string> relations;
    for (const ReportFact& fact : report.facts) relations.insert(fact.relation);
    CHECK(relations == c.relations);
    CHECK(report.facts.size() == c.relations.size());
    CHECK(report.filter.entity == c.filter.entity);
  }
  // The source tables count what the report shows.
  Report revenue_only = Load(store, {"", "revenue", "", "", false});
  REQUIRE(revenue_only.sources.size() >= 1);
  int claims = 0;
  for (const ReportSource& source : revenue_only.sources) claims += source.claims;
  CHECK(claims == 1);
  CHECK(revenue_only.agreement.empty());

  for (const char* bad : {"May 2026", "2026-5", "20260501", "2026-05-01T00:00"}) {
    CAPTURE(bad);
    auto since = LoadReport(store, {"", "", bad, "", false}, Bundled().normalizer.entities());
    REQUIRE_FALSE(since.ok());
    CHECK(since.status().code() == StatusCode::kUsage);
    CHECK(since.status().ToString().find("--since") != std::string::npos);
    CHECK_FALSE(LoadReport(store, {"", "", "", bad, false}, Bundled().normalizer.entities()).ok());
  }
}

TEST_CASE("report: a timeline of dated facts per entity, in date order") {
  testing::TempDir dir;
  Store store = Build(dir / "c.db");
  Report report = Load(store);
  std::vector<std::string> entities;
  for (const ReportTimeline& timeline : report.timelines) entities.push_back(timeline.entity);
  CHECK(std::is_sorted(entities.begin(), entities.end()));
  const ReportTimeline* quillon = nullptr;
  for (const ReportTimeline& timeline : report.timelines) {
    if (timeline.entity == "Quillon Labs") quillon = &timeline;
  }
  REQUIRE(quillon != nullptr);
  std::vector<std::string> relations, dates;
  for (std::size_t i : quillon->facts) {
    relations.push_back(report.facts[i].relation);
    dates.push_back(report.facts[i].date);
  }
  CHECK(relations == std::vector<std::string>{"acquire", "invest", "pay_revenue_share"});
  CHECK(dates == std::vector<std::string>{"2026-04-01", "2026-05-04", "2031-12-31"});

  std::string markdown = RenderMarkdown(report);
  std::size_t timeline = markdown.find("\n## Timeline\n");
  REQUIRE(timeline != std::string::npos);
  std::size_t quillon_at = markdown.find("\n### Quillon Labs\n", timeline);
  REQUIRE(quillon_at != std::string::npos);
  std::size_t acquire_at = markdown.find("acquire: Quillon Labs → Ostrava Mills", quillon_at);
  std::size_t invest_at = markdown.find("invest: Brackenridge Foods → Quillon Labs", quillon_at);
  CHECK(acquire_at < invest_at);
  CHECK(invest_at != std::string::npos);
}

TEST_CASE("report: Markdown sections, quotes for and against, at most 100 columns") {
  testing::TempDir dir;
  Store store = Build(dir / "c.db");
  std::string markdown = RenderMarkdown(Load(store));
  CHECK(markdown.find("## Disputed facts") < markdown.find("## Single-source facts"));
  CHECK(markdown.find("For (") != std::string::npos);
  CHECK(markdown.find("Against (") != std::string::npos);
  CHECK(markdown.find("> Brackenridge Foods will invest **up to $9 billion** in Quillon Labs") != std::string::npos);
  CHECK(markdown.find("<https://ledger-line.example/brackenridge-quillon>") != std::string::npos);
  CHECK(markdown.find("- **hedge_lost** (medium): ") != std::string::npos);
  // The audit's agreement matrix: sources numbered in name order (Harbor Post, Ledger Line,
  // Wire Nine); Ledger Line shares two facts with each of the others and agrees on none.
  std::string audit = RenderAuditMarkdown(Load(store));
  // Harbor Post and Wire Nine both contradict the investment's reference account: they agree.
  CHECK(audit.find("| S1   | —    | 0/2  | 1/1  |\n") != std::string::npos);
  CHECK(audit.find("| S2   | 0/2  | —    | 0/2  |\n") != std::string::npos);
  CHECK(audit.find("- S2: Ledger Line\n") != std::string::npos);
  std::istringstream lines(markdown);
  std::string line;
  while (std::getline(lines, line)) {
    CAPTURE(line);
    if (line.rfind("|", 0) == 0 || Columns(line) <= 100) continue;  // table rows do not wrap
    // Over 100 columns only for one unbreakable word (a URL) after the list or quote marker.
    std::size_t text = line.find_first_not_of(" ->");
    CHECK(line.find(' ', text) == std::string::npos);
  }
}

TEST_CASE("report: two stores built from the same articles render byte-identical reports") {
  testing::TempDir dir;
  Store first = Build(dir / "one.db");
  Store second = Build(dir / "two.db");
  Report a = Load(first), b = Load(second);
  CHECK(RenderMarkdown(a) == RenderMarkdown(b));
  CHECK(RenderJson(a) == RenderJson(b));
  CHECK(RenderHtml(a) == RenderHtml(b));
  CHECK(RenderAuditHtml(a) == RenderAuditHtml(b));
  CHECK(RenderMarkdown(a) == RenderMarkdown(Load(first)));  // and the same store twice
}

// A report made by hand: long names, a long quote, a long URL, hostile text.
Report HandMadeReport() {
  ReportFact fact;
  fact.key = "invest|a|b";
  fact.relation = "invest";
  fact.subject =
      "The Extraordinarily Long-Named International Consolidated Holding Company of Brackenridge Foods Worldwide";
  fact.counterparty = "Quillon Laboratories \"<img src=x onerror=alert(1)>\"";
  fact.value_json = R"({"kind":"money","low":7e9,"high":7e9,"currency":"USD","qualifier":"up_to"})";
  fact.time_json = R"({"start":"2026-05-04","end":"2026-05-04","precision":"day"})";
  fact.value_text = "up to USD 7 bn";
  fact.time_text = "2026-05-04";
  fact.date = "2026-05-04";
  fact.status = "disputed";
  fact.score = 42;
  fact.explanation = "one group supports, one contradicts";
  ReportClaim claim;
  claim.article = "a.md";
  claim.source = "Ledger | Line";
  claim.published = "2026-05-04";
  claim.url = "https://ledger-line.example/" + std::string(120, 'x');
  std::string words;
  for (int i = 0; i < 40; ++i) words += "word" + std::to_string(i) + " ";
  claim.quote = words + "it will invest up to $7 billion in Quillon " + words + "— the end";
  std::size_t mark = claim.quote.find("up to $7 billion");
  claim.highlights = {{mark, mark + std::string("up to $7 billion").size()}};
  claim.stance = "supports";
  fact.claims = {claim};
  // Two accounts differ from the reference the same way: one line says so.
  fact.discrepancies = {{"value", "high", "USD 7 bn vs USD 9 bn <b>(22% apart)</b>", 1, 2},
                        {"value", "high", "USD 7 bn vs USD 9 bn <b>(22% apart)</b>", 1, 3}};
  Report report;
  report.facts = {fact};
  report.sources = {{"Ledger | Line", 0.5, 1, 0, 0, 1}};
  report.timelines = {{fact.subject, {0}}};
  return report;
}

TEST_CASE("report: Markdown of long names, quotes and URLs stays within 100 columns") {
  std::string markdown = RenderMarkdown(HandMadeReport());
  CAPTURE(markdown);
  // A long quote shows a window around its mark, cut with "…".
  CHECK(markdown.find("**up to $7 billion**") != std::string::npos);
  CHECK(markdown.find("  > …") != std::string::npos);
  CHECK(markdown.find("— the end") == std::string::npos);
  CHECK(markdown.find("word…") == std::string::npos);  // cut between words
  // Markup in a detail is escaped, as all article text is in Markdown (issue 18).
  std::size_t detail = markdown.find("\\<b\\>(22% apart)\\</b\\> (2 accounts)\n");
  CHECK(detail != std::string::npos);
  CHECK(markdown.find("22% apart", detail + std::string("(22% apart)").size()) == std::string::npos);
  // A heading cannot wrap: cut to 100 columns.
  CHECK(markdown.find("\n### The Extraordinarily Long-Named International Consolidated Holding Company of "
                      "Brackenridge Foods…\n") != std::string::npos);
  CHECK(markdown.find("| Ledger \\| Line |") != std::string::npos);  // '|' in a table cell is escaped
  std::istringstream lines(markdown);
  std::string line;
  while (std::getline(lines, line)) {
    CAPTURE(line);
    if (line.rfind("|", 0) == 0 || Columns(line) <= 100) continue;
    std::size_t text = line.find_first_not_of(" ->");
    CHECK(line.find(' ', text) == std::string::npos);
    CHECK(line.find("https://") != std::string::npos);  // the only long word here is the URL
  }
}

TEST_CASE("report: HTML escapes hostile names, quotes and details") {
  std::string html = RenderHtml(HandMadeReport());
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(html.find("<b>(22% apart)</b>") == std::string::npos);
  CHECK(html.find("&lt;b&gt;(22% apart)&lt;/b&gt;") != std::string::npos);
  CHECK(html.find("<mark>up to $7 billion</mark>") != std::string::npos);
  CHECK(html.find("&quot;&lt;img") != std::string::npos);
  CHECK(html.find("(2 accounts)") != std::string::npos);
}

TEST_CASE("report: an empty store gives an empty but complete report in every format") {
  testing::TempDir dir;
  auto store = Store::Open(dir / "empty.db");
  REQUIRE(store.ok());
  Report report = Load(*store);
  CHECK(report.facts.empty());
  CHECK(RenderMarkdown(report).find("0 facts: 0 disputed, 0 corroborated, 0 single-source; 0 sources.") !=
        std::string::npos);
  nlohmann::json json = nlohmann::json::parse(RenderJson(report));
  CHECK(json["facts"].empty());
  CHECK(json["timeline"].empty());
  std::string html = RenderHtml(report);
  CHECK(html.find("<h2>Disputed facts (0)</h2>") != std::string::npos);
  CHECK(html.find("No two sources share a fact.") != std::string::npos);
  CHECK(html.rfind("</html>\n") == html.size() - 8);
}

#ifdef CONCORD_HAVE_VALIJSON
// Errors of `document` against the schema file, one per line; empty when valid.
std::string SchemaErrors(const nlohmann::json& schema_document, const nlohmann::json& document) {
  valijson::Schema schema;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_document);
  parser.populateSchema(schema_adapter, schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(document);
  if (validator.validate(schema, target, &results)) return "";
  std::string errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    std::string where;
    for (const std::string& part : error.context) where += part;
    errors += where + ": " + error.description + "\n";
  }
  return errors.empty() ? "invalid" : errors;
}

nlohmann::json ReportSchema() {
  nlohmann::json schema =
      nlohmann::json::parse(testing::ReadFile(testing::DataDir() / "reconcile" / "report" / "report.schema.json"), nullptr, false);
  REQUIRE(schema.is_object());
  return schema;
}

TEST_CASE("report: --format json is valid against reconcile/report/report.schema.json") {
  testing::TempDir dir;
  Store store = Build(dir / "c.db");
  const nlohmann::json schema = ReportSchema();
  for (bool conflicts_only : {false, true}) {
    CAPTURE(conflicts_only);
    nlohmann::json json = nlohmann::json::parse(RenderJson(Load(store, {"", "", "", "", conflicts_only})));
    CHECK(SchemaErrors(schema, json) == "");
    REQUIRE_FALSE(json["facts"].empty());
    CHECK(json["facts"][0]["status"] == "disputed");
  }
  CHECK(SchemaErrors(schema, nlohmann::json::parse(RenderJson(HandMadeReport()))) == "");
  nlohmann::json json = nlohmann::json::parse(RenderJson(Load(store)));
  // Highlights are byte spans of the quote.
  bool found = false;
  for (const auto& fact : json["facts"]) {
    for (const auto& claim : fact["claims"]) {
      for (const auto& span : claim["highlights"]) {
        std::string quote = claim["quote"];
        std::string marked =
            quote.substr(span[0].get<std::size_t>(), span[1].get<std::size_t>() - span[0].get<std::size_t>());
        if (marked == "up to $9 billion") found = true;
      }
    }
  }
  CHECK(found);

  // The validator is not a rubber stamp: documents that break the contract fail.
  struct Broken {
    const char* label;
    void (*spoil)(nlohmann::json&);
  };
  const Broken broken[] = {
      {"unknown status", [](nlohmann::json& j) { j["facts"][0]["status"] = "maybe"; }},
      {"score over 100", [](nlohmann::json& j) { j["facts"][0]["score"] = 101; }},
      {"claims missing", [](nlohmann::json& j) { j["facts"][0].erase("claims"); }},
      {"span of one number", [](nlohmann::json& j) { j["facts"][0]["claims"][0]["span"] = {3}; }},
      {"unknown discrepancy type", [](nlohmann::json& j) { j["facts"][0]["discrepancies"][0]["type"] = "vibes"; }},
      {"no sources", [](nlohmann::json& j) { j.erase("sources"); }},
      {"trust as text", [](nlohmann::json& j) { j["sources"][0]["trust"] = "high"; }},
  };
  for (const Broken& b : broken) {
    CAPTURE(b.label);
    nlohmann::json copy = json;
    b.spoil(copy);
    CHECK(SchemaErrors(schema, copy) != "");
  }
}

TEST_CASE("audit: --format json is the report's contract without facts and timeline") {
  testing::TempDir dir;
  Store store = Build(dir / "c.db");
  nlohmann::json schema = ReportSchema();
  nlohmann::json audit = nlohmann::json::parse(RenderAuditJson(Load(store)));
  CHECK_FALSE(audit.contains("facts"));
  CHECK_FALSE(audit.contains("timeline"));
  CHECK(audit["sources"].size() == 3);  // Ledger Line, Wire Nine, Harbor Post
  schema["required"] = {"sources", "agreement", "clusters"};
  CHECK(SchemaErrors(schema, audit) == "");
}
#else
TEST_CASE("report: --format json is valid against reconcile/report/report.schema.json") {
  MESSAGE("skipped: valijson headers (Debian libvalijson-dev) are not installed; scripts/setup.sh installs them");
}
#endif

TEST_CASE("report: HTML is one escaped, self-contained page with marks, score bars, heatmap and timeline") {
  testing::TempDir dir;
  Store store = Build(dir / "c.db");
  Report report = Load(store);
  std::string html = RenderHtml(report);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
  // Nothing to fetch, nothing to run.
  for (const char* needle : {"<script", "src=", "<link rel=\"stylesheet\"", "@import", "url(", "javascript:"}) {
    CAPTURE(needle);
    CHECK(html.find(needle) == std::string::npos);
  }
  // Article metadata is text, not markup.
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("Brackenridge &lt;b&gt;bets&lt;/b&gt; on Quillon &amp; friends") != std::string::npos);
  CHECK(html.find("<a href=\"https://ledger-line.example/brackenridge-quillon\"") != std::string::npos);
  // Every link stays in the page or goes to an article on the web.
  for (std::size_t at = html.find("href=\""); at != std::string::npos; at = html.find("href=\"", at + 1)) {
    std::string target = html.substr(at + 6, html.find('"', at + 6) - at - 6);
    CAPTURE(target);
    CHECK((target.rfind("#", 0) == 0 || target.rfind("https://", 0) == 0 || target == "data:,"));
  }
  CHECK(html.find("<mark>up to $9 billion</mark>") != std::string::npos);
  CHECK(html.find("<mark>no longer</mark>") != std::string::npos);
  CHECK(html.find("aria-label=\"score ") != std::string::npos);
  CHECK(html.find("aria-label=\"timeline of dated facts\"") != std::string::npos);
  CHECK(html.find("aria-label=\"agreement matrix\"") != std::string::npos);
  CHECK(html.find("id=\"f1\"") != std::string::npos);
  CHECK(html.find("href=\"#f1\"") != std::string::npos);  // the timeline links to the facts
  CHECK(html.find("<h2>Disputed facts (3)</h2>") < html.find("<h2>Single-source facts (1)</h2>"));

  std::string audit = RenderAuditHtml(report);
  CHECK(audit.find("aria-label=\"agreement matrix\"") != std::string::npos);
  CHECK(audit.find("<article") == std::string::npos);  // no facts in the audit
}

}  // namespace
}  // namespace concord::reconcile

namespace concord::reconcile {
namespace {

TEST_CASE("store views: facts_view, claims_view and discrepancies_view agree with the report") {
  testing::TempDir dir;
  Store store = Build(dir / "views.db");
  const Report report = Load(store);
  SQLite::Database db((dir / "views.db").string(), SQLite::OPEN_READONLY);
  auto count = [&](const std::string& sql) { return db.execAndGet(sql).getInt(); };
  CHECK(count("SELECT count(*) FROM facts_view") == static_cast<int>(report.facts.size()));
  CHECK(count("SELECT count(*) FROM claims_view") == count("SELECT count(*) FROM claims"));
  CHECK(count("SELECT count(*) FROM discrepancies_view") == count("SELECT count(*) FROM discrepancies"));

  // The disputed investment: its claims, contradicting ones and discrepancies counted per fact.
  const ReportFact* invest = Find(report, "invest");
  REQUIRE(invest != nullptr);
  REQUIRE(invest->status == "disputed");
  SQLite::Statement fact(db, "SELECT claims, contradicting_claims, discrepancies, status FROM facts_view WHERE key = ?");
  fact.bind(1, invest->key);
  REQUIRE(fact.executeStep());
  CHECK(fact.getColumn(0).getInt() == static_cast<int>(invest->claims.size()));
  int contradicting = 0;
  for (const ReportClaim& claim : invest->claims) contradicting += claim.stance == "contradicts" ? 1 : 0;
  CHECK(fact.getColumn(1).getInt() == contradicting);
  CHECK(fact.getColumn(2).getInt() == static_cast<int>(invest->discrepancies.size()));
  CHECK(fact.getColumn(3).getString() == "disputed");

  // Each claim of the report reads the same source, article and stance in claims_view.
  for (const ReportClaim& claim : invest->claims) {
    if (claim.stance == "update") continue;
    SQLite::Statement row(db, "SELECT source, article, stance, quote FROM claims_view WHERE claim_id = ?");
    row.bind(1, static_cast<std::int64_t>(claim.id));
    REQUIRE(row.executeStep());
    CHECK(row.getColumn(0).getString() == claim.source);
    CHECK(row.getColumn(1).getString() == claim.article);
    CHECK(row.getColumn(2).getString() == claim.stance);
    CHECK(row.getColumn(3).getString() == claim.quote);
  }

  // A discrepancy names both sides' sources and quotes.
  SQLite::Statement discrepancy(
      db, "SELECT source_a, quote_a, source_b, quote_b, type FROM discrepancies_view WHERE relation = 'invest'");
  REQUIRE(discrepancy.executeStep());
  CHECK_FALSE(discrepancy.getColumn(0).getString().empty());
  CHECK(discrepancy.getColumn(1).getString().find("Brackenridge") != std::string::npos);
  CHECK_FALSE(discrepancy.getColumn(2).getString().empty());
  CHECK(discrepancy.getColumn(3).getString().find("Brackenridge") != std::string::npos);
}

}  // namespace
}  // namespace concord::reconcile
