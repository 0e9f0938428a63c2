// concord_bench: throughput and peak memory on a reproducible synthetic corpus.
//
//   concord_bench --articles 10000 [--threads 2] [--keep DIR] [--single-line-mb 50]
//
// 1. Writes N articles (fixed seed: the same N gives byte-identical files) to a folder.
// 2. Extraction: reads and extracts + normalizes every article on one thread, in process
//    (MB/s and articles/s per core).
// 3. Ingest: runs `concord ingest` on the folder into a fresh database as a child process
//    (wall time, MB/s, articles/s, the child's peak RSS), then again on the unchanged folder
//    (the idempotent re-run).
// 4. Optionally, one single-line article of M MB, to check that extraction stays linear.
// With --report-facts N instead: builds a store of exactly N facts (synthetic claims, a third
// of them disputed) and times reconciling it, loading the report and rendering it as Markdown,
// JSON and HTML, in process and through `concord report` / `concord audit`.
// With --reconcile-claims N instead: builds a store of N synthetic claims and times a full
// reconcile, an unchanged re-run and a re-run after one article changed (child processes).
// Results go to stdout as a Markdown table row; log them, dated, in tools/BENCHMARKS.md.

#include <CLI/CLI.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>

#include "corpus/corpus.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "reconcile/reconcile.h"
#include "reconcile/report/html.h"
#include "reconcile/report/json.h"
#include "reconcile/report/markdown.h"
#include "reconcile/report/report.h"
#include "reconcile/store/store.h"

namespace {

// Sentence templates in the shape of business news; {A}/{B} are companies, {M} money,
// {P} a percentage, {D} a date, {Y} a year. Written for this tool.
constexpr const char* kTemplates[] = {
    "{A} will invest up to {M} in {B}, the companies said {D}.",
    "{A} agreed to purchase {M} of cloud capacity from {B} over five years.",
    "{A} reported revenue of {M} in the third quarter, up {P} from a year earlier.",
    "{A} holds a stake of approximately {P} in {B}, according to filings.",
    "{B} granted {A} a non-exclusive license to its patents until {Y}.",
    "{A} will pay {B} a revenue share of {P} through {Y}.",
    "{A} no longer pays {B} a revenue share on its software sales.",
    "{A} agreed to acquire {B} for {M} in a deal announced {D}.",
    "{B} raised {M} in a funding round led by {A} at a valuation of {M}.",
    "Analysts at {A} expect margins to widen by {P} before {Y}.",
    "Shares of {A} rose {P} in early trading after the announcement {D}.",
    "The board of {B} said it would review the offer and respond within weeks.",
    "{A} and {B} signed a supply agreement worth {M} on {D}.",
    "Executives declined to comment on the talks, which began {D}.",
};
constexpr const char* kCompanies[] = {"Aldermoor Systems", "Brightwell Energy", "Corvantis Bank", "Dunmore Foods",
                                      "Everleigh Pharma", "Fenwick Motors", "Galloway Retail", "Harrowgate Capital",
                                      "Ironvale Mining", "Kestrel Networks", "Lowmoor Insurance", "Marwick Telecom"};
constexpr const char* kMoney[] = {"$50 billion", "US$7.5 billion", "€1.2bn", "$44.3m", "£250 million",
                                  "CHF 45 billion", "$1,250,000", "USD 2.3bn", "A$60 million", "¥3 trillion"};
constexpr const char* kPercent[] = {"27%", "12.5 percent", "3 per cent", "0.8%", "19 pct"};
constexpr const char* kDates[] = {"on Monday", "on March 3, 2026", "in February", "last quarter", "yesterday",
                                  "on 2026-04-27", "in October this year", "last week"};

std::string Article(std::size_t index) {
  std::mt19937_64 random(0xC0C0 + index);  // article i does not depend on N
  auto pick = [&](const auto& list) { return std::string(list[random() % std::size(list)]); };
  std::string text = "---\ntitle: Synthetic article " + std::to_string(index) + "\nsource: Outlet " +
                     std::to_string(index % 7) + "\npublished: 2026-04-28\n---\n";
  std::size_t paragraphs = 8 + random() % 8;
  for (std::size_t p = 0; p < paragraphs; ++p) {
    for (int s = 0; s < 3; ++s) {
      std::string sentence = pick(kTemplates);
      auto replace_all = [&](const std::string& slot, auto make) {
        for (std::size_t at = sentence.find(slot); at != std::string::npos; at = sentence.find(slot, at + 1)) {
          sentence.replace(at, slot.size(), make());
        }
      };
      std::string a = pick(kCompanies), b = pick(kCompanies);
      replace_all("{A}", [&] { return a; });
      replace_all("{B}", [&] { return b; });
      replace_all("{M}", [&] { return pick(kMoney); });
      replace_all("{P}", [&] { return pick(kPercent); });
      replace_all("{D}", [&] { return pick(kDates); });
      replace_all("{Y}", [&] { return std::to_string(2027 + random() % 8); });
      text += sentence + (s == 2 ? "\n" : " ");
    }
  }
  return text;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

struct ChildRun {
  double seconds = 0;
  long peak_rss_kb = 0;
  int exit_code = -1;
};

ChildRun RunChild(const std::vector<std::string>& args) {
  ChildRun run;
  auto started = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  run.seconds = Seconds(started);
  run.peak_rss_kb = usage.ru_maxrss;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

// --- Report rendering on a store of N facts ------------------------------------------------

// A distinct company name per index: two word lists, then a round number.
std::string CompanyName(std::size_t index) {
  constexpr const char* kFirst[] = {"Alder", "Birch", "Cedar", "Dune", "Ember", "Fern", "Glen", "Heath",
                                    "Iris", "Juniper", "Kelp", "Larch", "Moss", "Nettle", "Oak", "Pine",
                                    "Quill", "Rowan", "Sage", "Thorn", "Umber", "Vale", "Willow", "Yew"};
  constexpr const char* kSecond[] = {"Systems", "Energy", "Bank", "Foods", "Pharma", "Motors", "Retail", "Capital",
                                     "Mining", "Networks", "Insurance", "Telecom", "Labs", "Logistics", "Media",
                                     "Robotics", "Shipping", "Textiles", "Water", "Aviation", "Chemicals", "Games",
                                     "Health", "Steel"};
  const std::size_t per_round = std::size(kFirst) * std::size(kSecond);
  std::string name = std::string(kFirst[index % std::size(kFirst)]) + "moor " +
                     kSecond[(index / std::size(kFirst)) % std::size(kSecond)];
  return index < per_round ? name : name + " " + std::to_string(index / per_round + 1);
}

// Claim `fact` as told by source `teller`: fact % 3 == 0 is disputed (the second teller gives
// another figure, the third drops the "up to"); the others agree. Appends the sentence to
// `text` and its claim and money mention to `extraction`.
void AddClaim(std::size_t fact, std::size_t teller, const std::string& article_id, std::string& text,
              concord::extract::Extraction& extraction) {
  using namespace concord::extract;
  constexpr const char* kRelations[] = {"invest", "acquire", "purchase", "funding"};
  constexpr const char* kVerbs[] = {" will invest ", " agreed to acquire ", " agreed to purchase ", " raised "};
  const std::size_t kind = fact % std::size(kRelations);
  const std::string a = CompanyName(fact), b = CompanyName(fact * 7 + 3);
  const bool disputed = fact % 3 == 0;
  double billions = 1 + static_cast<double>(fact % 40) / 4;
  if (disputed && teller == 1) billions += 0.5;
  const bool hedged = kind == 0 && !(disputed && teller == 2);
  char figure[32];
  std::snprintf(figure, sizeof figure, "$%.2f billion", billions);

  Claim claim;
  claim.relation = kRelations[kind];
  claim.rule = "bench";
  const std::size_t begin = text.size();
  text += a;
  claim.subject = {a, {begin, text.size()}, {EntityType::kOrganization, "bench:" + a, a}};
  text += kVerbs[kind];
  if (hedged) text += "up to ";
  const std::size_t value_begin = text.size();
  text += figure;
  const std::size_t value_end = text.size();
  text += kind == 0 ? " in " : kind == 3 ? " from " : " of ";
  const std::size_t counterparty_begin = text.size();
  text += b;
  claim.counterparty = {b, {counterparty_begin, text.size()}, {EntityType::kOrganization, "bench:" + b, b}};
  // Each teller words it differently, as outlets do (and so no two articles read as copies).
  constexpr const char* kEndings[] = {" in March 2026.", " in March 2026, people familiar with the deal said.",
                                      " in March 2026, according to a regulatory filing."};
  text += kEndings[teller % std::size(kEndings)];
  claim.value_kind = ValueKind::kMoney;
  claim.value.low = claim.value.high = billions * 1e9;
  claim.value.currency = "USD";
  claim.value.qualifier = hedged ? Qualifier::kUpTo : Qualifier::kExact;
  claim.value_span = {value_begin, value_end};
  claim.has_time = true;
  claim.time.start = "2026-03-01";
  claim.time.end = "2026-03-31";
  claim.time.precision = Precision::kMonth;
  claim.provenance = {article_id, extraction.claims.size(), {begin, text.size()}, text.substr(begin)};
  claim.confidence = 0.9F;
  Mention money;
  money.kind = MentionKind::kMoney;
  money.span = claim.value_span;
  money.text = figure;
  money.sentence = claim.provenance.sentence;
  money.amount = claim.value;
  extraction.mentions.push_back(money);
  extraction.claims.push_back(std::move(claim));
  text += ' ';
}

int ReportBench(std::size_t facts, const std::string& concord_binary, const std::string& keep) {
  constexpr std::size_t kSources = 7;
  constexpr std::size_t kClaimsPerArticle = 20;
  std::filesystem::path folder =
      keep.empty() ? std::filesystem::temp_directory_path() / ("concord-report-bench-" + std::to_string(getpid()))
                   : std::filesystem::path(keep);
  std::filesystem::create_directories(folder);
  const std::filesystem::path db = folder / "bench.db";
  std::filesystem::remove(db);
  auto store = concord::reconcile::Store::Open(db);
  if (!store.ok()) {
    std::fprintf(stderr, "concord_bench: %s\n", store.status().ToString().c_str());
    return 4;
  }
  // Fact f is told by 3 - f % 3 sources (disputed facts by three), each source's claims
  // packed kClaimsPerArticle to an article.
  auto started = std::chrono::steady_clock::now();
  std::vector<concord::reconcile::ExtractedArticle> open(kSources);
  std::size_t articles = 0, claims = 0;
  auto flush = [&](std::size_t source) -> bool {
    concord::reconcile::ExtractedArticle& item = open[source];
    if (item.extraction.claims.empty()) return true;
    claims += item.extraction.claims.size();
    ++articles;
    item.article.source = "Outlet " + std::to_string(source);
    item.article.published = "2026-04-01";
    item.article.url = "https://outlet-" + std::to_string(source) + ".example/" + item.article.id;
    item.article.title = "Deals roundup " + item.article.id;
    item.article.content_hash = std::hash<std::string>{}(item.article.text);
    auto written = store->WriteBatch({item});
    item = {};
    return written.ok();
  };
  for (std::size_t fact = 0; fact < facts; ++fact) {
    std::size_t tellers = 3 - fact % 3;  // disputed: three tellers; then two (corroborated), one
    for (std::size_t teller = 0; teller < tellers; ++teller) {
      std::size_t source = (fact + teller * 3) % kSources;
      concord::reconcile::ExtractedArticle& item = open[source];
      if (item.article.id.empty()) {
        item.article.id = "s" + std::to_string(source) + "-" + std::to_string(articles);
        item.article.name = item.article.id + ".md";
      }
      AddClaim(fact, teller, item.article.id, item.article.text, item.extraction);
      if (item.extraction.claims.size() >= kClaimsPerArticle && !flush(source)) return 4;
    }
  }
  for (std::size_t source = 0; source < kSources; ++source) {
    if (!flush(source)) return 4;
  }
  const double write_seconds = Seconds(started);
  concord::normalize::EntityTable entities;
  started = std::chrono::steady_clock::now();
  auto reconciled = Reconcile(*store, entities);
  const double reconcile_seconds = Seconds(started);
  if (!reconciled.ok()) {
    std::fprintf(stderr, "concord_bench: %s\n", reconciled.status().ToString().c_str());
    return 4;
  }
  started = std::chrono::steady_clock::now();
  auto report = LoadReport(*store, {}, entities);
  const double load_seconds = Seconds(started);
  if (!report.ok()) return 4;
  struct Format {
    const char* name;
    std::string (*render)(const concord::reconcile::Report&);
  };
  const Format formats[] = {{"md", concord::reconcile::RenderMarkdown},
                            {"json", concord::reconcile::RenderJson},
                            {"html", concord::reconcile::RenderHtml}};
  std::printf("store: %zu facts (%zu disputed, %zu corroborated, %zu single-source), %zu claims, %zu articles; "
              "written in %.2f s, reconciled in %.2f s\n",
              reconciled->facts, reconciled->disputed, reconciled->corroborated, reconciled->single_source, claims,
              articles, write_seconds, reconcile_seconds);
  std::printf("LoadReport: %.3f s\n\n| format | render s (in process) | MB | `concord report` s | `concord audit` s |\n"
              "|---|---:|---:|---:|---:|\n",
              load_seconds);
  for (const Format& format : formats) {
    started = std::chrono::steady_clock::now();
    std::string text = format.render(*report);
    const double render_seconds = Seconds(started);
    ChildRun cli = RunChild({concord_binary, "report", "--db", db.string(), "--format", format.name, "--out",
                             (folder / "out").string()});
    ChildRun audit = RunChild({concord_binary, "audit", "--db", db.string(), "--format", format.name, "--out",
                               (folder / "out").string()});
    std::printf("| %s | %.3f | %.1f | %.2f | %.2f |\n", format.name, render_seconds,
                static_cast<double>(text.size()) / 1e6, cli.seconds, audit.seconds);
    if (cli.exit_code != 0 || audit.exit_code != 0) {
      std::fprintf(stderr, "concord_bench: concord report/audit --format %s exited %d / %d\n", format.name,
                   cli.exit_code, audit.exit_code);
    }
  }
  if (keep.empty()) std::filesystem::remove_all(folder);
  return 0;
}

// --- Reconcile on a store of N claims ------------------------------------------------------

// Writes a store of about `claims` claims (facts of AddClaim: a third disputed, told by one
// to three of seven sources, 20 claims to an article, 256 articles to a batch), then times in
// a child process each: the first reconcile, a re-run with nothing changed, and a re-run after
// one article changed; each with its peak RSS.
// `store_uri`, when given (a PostgreSQL URI naming an empty database), holds the store instead
// of a SQLite file in the folder.
int ReconcileBench(std::size_t claims, const std::string& bench_binary, const std::string& keep,
                   const std::string& store_uri) {
  constexpr std::size_t kSources = 7;
  constexpr std::size_t kClaimsPerArticle = 20;
  constexpr std::size_t kArticlesPerBatch = 256;
  std::filesystem::path folder =
      keep.empty() ? std::filesystem::temp_directory_path() / ("concord-reconcile-bench-" + std::to_string(getpid()))
                   : std::filesystem::path(keep);
  std::filesystem::create_directories(folder);
  const std::filesystem::path db = store_uri.empty() ? folder / "bench.db" : std::filesystem::path(store_uri);
  if (store_uri.empty()) std::filesystem::remove(db);
  std::size_t written_claims = 0, articles = 0;
  auto started = std::chrono::steady_clock::now();
  {
    auto store = concord::reconcile::Store::Open(db);
    if (!store.ok()) {
      std::fprintf(stderr, "concord_bench: %s\n", store.status().ToString().c_str());
      return 4;
    }
    std::vector<concord::reconcile::ExtractedArticle> open(kSources), batch;
    auto close = [&](std::size_t source) {
      concord::reconcile::ExtractedArticle& item = open[source];
      if (item.extraction.claims.empty()) return;
      written_claims += item.extraction.claims.size();
      ++articles;
      item.article.source = "Outlet " + std::to_string(source);
      item.article.published = "2026-04-01";
      item.article.content_hash = std::hash<std::string>{}(item.article.text);
      batch.push_back(std::move(item));
      item = {};
    };
    auto write = [&]() -> bool {
      auto written = store->WriteBatch(batch);
      batch.clear();
      if (!written.ok()) std::fprintf(stderr, "concord_bench: %s\n", written.status().ToString().c_str());
      return written.ok();
    };
    for (std::size_t fact = 0; written_claims < claims; ++fact) {
      std::size_t tellers = 3 - fact % 3;
      for (std::size_t teller = 0; teller < tellers; ++teller) {
        std::size_t source = (fact + teller * 3) % kSources;
        concord::reconcile::ExtractedArticle& item = open[source];
        if (item.article.id.empty()) {
          item.article.id = "s" + std::to_string(source) + "-" + std::to_string(articles + batch.size());
          item.article.name = item.article.id + ".md";
        }
        AddClaim(fact, teller, item.article.id, item.article.text, item.extraction);
        if (item.extraction.claims.size() >= kClaimsPerArticle) close(source);
        if (batch.size() >= kArticlesPerBatch && !write()) return 4;
      }
    }
    for (std::size_t source = 0; source < kSources; ++source) close(source);
    if (!write()) return 4;
  }
  const double write_seconds = Seconds(started);
  const ChildRun first = RunChild({bench_binary, "--reconcile-db", db.string()});
  const ChildRun again = RunChild({bench_binary, "--reconcile-db", db.string()});
  // One article changed: its claims replaced by another fact's.
  {
    auto store = concord::reconcile::Store::Open(db);
    if (!store.ok()) return 4;
    concord::reconcile::ExtractedArticle item;
    item.article.id = "s0-0";
    item.article.name = "s0-0.md";
    item.article.source = "Outlet 0";
    item.article.published = "2026-04-02";
    for (std::size_t fact = 0; fact < kClaimsPerArticle; ++fact) {
      AddClaim(fact * 7, 1, item.article.id, item.article.text, item.extraction);
    }
    item.article.content_hash = std::hash<std::string>{}(item.article.text);
    if (!store->WriteBatch({item}).ok()) return 4;
  }
  const ChildRun changed = RunChild({bench_binary, "--reconcile-db", db.string()});
  const ChildRun full = RunChild({bench_binary, "--reconcile-db", db.string(), "--reconcile-full"});
  const double mb = store_uri.empty() ? static_cast<double>(std::filesystem::file_size(db)) / 1e6 : 0;
  std::printf("store: %zu claims in %zu articles, %.0f MB, written in %.1f s\n\n", written_claims, articles, mb,
              write_seconds);
  std::printf("| reconcile | s | claims/s | peak RSS MB |\n|---|---:|---:|---:|\n");
  const std::pair<const char*, const ChildRun*> runs[] = {
      {"first (every claim)", &first},
      {"re-run, nothing changed", &again},
      {"re-run, one article changed", &changed},
      {"full rebuild of the reconciled store (`concord reconcile --full`)", &full}};
  for (const auto& [label, run] : runs) {
    std::printf("| %s | %.2f | %.0f | %.0f |\n", label, run->seconds,
                static_cast<double>(written_claims) / run->seconds, static_cast<double>(run->peak_rss_kb) / 1024);
    if (run->exit_code != 0) std::fprintf(stderr, "concord_bench: reconcile (%s) exited %d\n", label, run->exit_code);
  }
  if (keep.empty()) std::filesystem::remove_all(folder);
  return first.exit_code == 0 && again.exit_code == 0 && changed.exit_code == 0 && full.exit_code == 0 ? 0 : 1;
}

// The child of ReconcileBench: one reconcile of the store at `db`.
int ReconcileOnce(const std::string& db, bool everything) {
  auto store = concord::reconcile::Store::Open(db);
  if (!store.ok()) return 4;
  concord::normalize::EntityTable entities;
  auto reconciled = Reconcile(*store, entities, everything);
  if (!reconciled.ok()) {
    std::fprintf(stderr, "concord_bench: %s\n", reconciled.status().ToString().c_str());
    return 4;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"concord_bench: extraction and ingest throughput on a synthetic corpus"};
  std::size_t articles = 1000;
  unsigned threads = 2;
  std::string keep;
  std::size_t single_line_mb = 0;
  std::string corpus;
  std::string published;
  std::string concord_binary = (std::filesystem::path(argv[0]).parent_path() / "concord").string();
  app.add_option("--articles", articles, "Number of articles to generate")->capture_default_str();
  app.add_option("--threads", threads, "Threads for the ingest run")->capture_default_str();
  app.add_option("--keep", keep, "Write the corpus here and keep it (default: a temp folder, removed)");
  app.add_option("--single-line-mb", single_line_mb, "Also extract one single-line article of this many MB");
  app.add_option("--concord", concord_binary, "The concord binary to time")->capture_default_str();
  app.add_option("--corpus", corpus, "Measure this folder instead of a generated one (e.g. the peers' corpus)");
  app.add_option("--published", published, "Published date for articles that give none");
  std::size_t report_facts = 0;
  app.add_option("--report-facts", report_facts, "Instead: time report rendering on a store of this many facts");
  std::size_t reconcile_claims = 0;
  app.add_option("--reconcile-claims", reconcile_claims,
                 "Instead: time reconciling a store of this many claims (first, unchanged, one changed)");
  std::string reconcile_db;
  app.add_option("--reconcile-db", reconcile_db, "Reconcile this store once (the child of --reconcile-claims)");
  std::string reconcile_store;
  app.add_option("--reconcile-store", reconcile_store,
                 "With --reconcile-claims: a PostgreSQL URI (an empty database) instead of a SQLite file");
  bool reconcile_full = false;
  app.add_flag("--reconcile-full", reconcile_full, "With --reconcile-db: rebuild every fact");
  CLI11_PARSE(app, argc, argv);
  if (!reconcile_db.empty()) return ReconcileOnce(reconcile_db, reconcile_full);
  if (reconcile_claims > 0) {
    return ReconcileBench(reconcile_claims, std::filesystem::absolute(argv[0]).string(), keep, reconcile_store);
  }
  if (report_facts > 0) return ReportBench(report_facts, concord_binary, keep);

  const bool generate = corpus.empty();
  std::filesystem::path folder = !generate       ? std::filesystem::path(corpus)
                                 : keep.empty() ? std::filesystem::temp_directory_path() /
                                                      ("concord-bench-" + std::to_string(getpid()))
                                                : std::filesystem::path(keep);
  std::filesystem::create_directories(folder);
  std::size_t bytes = 0;
  for (std::size_t i = 0; generate && i < articles; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "art_%06zu.md", i);
    std::string text = Article(i);
    bytes += text.size();
    std::ofstream(folder / name, std::ios::binary) << text;
  }

  auto extractor = concord::extract::Extractor::Create({std::filesystem::path(CONCORD_DATA_DIR) / "extract" / "patterns"});
  auto normalizer = concord::normalize::Normalizer::Create(std::filesystem::path(CONCORD_DATA_DIR) / "normalize" / "data");
  if (!extractor.ok() || !normalizer.ok()) {
    std::fprintf(stderr, "concord_bench: %s\n",
                 (!extractor.ok() ? extractor.status() : normalizer.status()).ToString().c_str());
    return 4;
  }
  // Extraction, one thread, in process: read + extract + normalize.
  concord::corpus::Listing listing = concord::corpus::ListInputs({folder});
  if (!generate) articles = 0;
  std::size_t claims = 0, mentions = 0;
  auto started = std::chrono::steady_clock::now();
  for (const auto& file : listing.files) {
    for (auto& article : concord::corpus::ReadArticles(file).articles) {
      if (!generate) {
        ++articles;
        bytes += article.text.size();
      }
      if (article.published.empty()) article.published = published;
      concord::extract::Extraction extraction = extractor->Extract(article);
      normalizer->Normalize(article, extraction);
      claims += extraction.claims.size();
      mentions += extraction.mentions.size();
    }
  }
  double extract_seconds = Seconds(started);
  long extract_rss = PeakRssKb();

  std::filesystem::path db_folder = folder.string() + "-db";  // beside the corpus, not in it
  std::filesystem::create_directories(db_folder);
  std::filesystem::remove(db_folder / "bench.db");
  std::filesystem::path db = db_folder / "bench.db";
  ChildRun first = RunChild({concord_binary, "ingest", folder.string(), "--db", db.string(), "--threads", std::to_string(threads)});
  ChildRun again = RunChild({concord_binary, "ingest", folder.string(), "--db", db.string(), "--threads", std::to_string(threads)});

  double mb = static_cast<double>(bytes) / 1e6;
  std::printf("| articles | MB | extract MB/s (1 core) | extract art/s | claims | mentions | extract peak RSS MB | "
              "ingest s (%u thr) | ingest MB/s | ingest art/s | ingest peak RSS MB | re-run s |\n",
              threads);
  std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  std::printf("| %zu | %.1f | %.2f | %.0f | %zu | %zu | %.1f | %.2f | %.2f | %.0f | %.1f | %.2f |\n", articles, mb,
              mb / extract_seconds, static_cast<double>(articles) / extract_seconds, claims, mentions,
              static_cast<double>(extract_rss) / 1024, first.seconds, mb / first.seconds,
              static_cast<double>(articles) / first.seconds, static_cast<double>(first.peak_rss_kb) / 1024,
              again.seconds);
  if (first.exit_code != 0 || again.exit_code != 0) {
    std::fprintf(stderr, "concord_bench: ingest exited with %d / %d\n", first.exit_code, again.exit_code);
  }
  if (single_line_mb > 0) {
    // One line, no sentence end: the worst case for sentence splitting and the recognizers.
    concord::corpus::Article big;
    big.id = "single-line";
    big.published = "2026-04-28";
    std::string unit = "Aldermoor Systems will invest up to $50 billion in Brightwell Energy on Monday and ";
    while (big.text.size() < single_line_mb * 1000000) big.text += unit;
    auto line_started = std::chrono::steady_clock::now();
    concord::extract::Extraction extraction = extractor->Extract(big);
    normalizer->Normalize(big, extraction);
    double line_seconds = Seconds(line_started);
    std::printf("\nsingle line of %zu MB: %.2f s (%.2f MB/s), %zu mentions, %zu claims\n", single_line_mb,
                line_seconds, static_cast<double>(big.text.size()) / 1e6 / line_seconds, extraction.mentions.size(),
                extraction.claims.size());
  }
  if (keep.empty() && generate) std::filesystem::remove_all(folder);
  std::filesystem::remove_all(db_folder);
  return first.exit_code == 0 ? 0 : 1;
}
