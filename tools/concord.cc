// The concord command: wires the stages together (corpus → extract → normalize →
// reconcile). No logic of its own beyond argument handling, threading and output.

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <future>
#include <iostream>
#include <iterator>
#include <optional>
#include <set>
#include <thread>

#include "corpus/corpus.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "reconcile/audit/audit.h"
#include "reconcile/reconcile.h"
#include "reconcile/report/csv.h"
#include "reconcile/report/html.h"
#include "reconcile/report/json.h"
#include "reconcile/report/markdown.h"
#include "reconcile/report/report.h"
#include "tools/data_root.h"
#include "tools/extraction_json.h"
#include "tools/ingest.h"
#include "tools/output.h"
#include "tools/pipeline.h"
#include "tools/watch.h"
#include "reconcile/store/forms.h"
#include "reconcile/store/store.h"

namespace {

using concord::Status;
using concord::StatusCode;

// DESIGN.md's exit codes.
constexpr int kExitOk = 0;
constexpr int kExitFailOn = 1;  // the audit found a verdict that --fail-on names
constexpr int kExitUsage = 2;
constexpr int kExitRejected = 3;
constexpr int kExitEnvironment = 4;
constexpr std::size_t kBatchArticles = 256;  // one transaction each; bounds memory

std::atomic<bool> interrupted{false};
extern "C" void OnInterrupt(int) { interrupted = true; }

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kUsage:
    case StatusCode::kInvalidInput: return kExitUsage;
    case StatusCode::kEnvironment: return kExitEnvironment;
    case StatusCode::kOk: return kExitOk;
  }
  return kExitEnvironment;
}

int Fail(const Status& status) {
  std::fprintf(stderr, "concord: %s\n", concord::tools::StderrLine(status).c_str());
  return ExitCodeFor(status);
}

// Where the store lives and how long to wait for another writer (--db, --wait).
struct StoreOptions {
  std::string path = "concord.db";
  double wait_seconds = 5;  // how long a writer waits for another (SQLite's busy timeout,
                            // PostgreSQL's lock_timeout and the reconcile lock)

  int BusyTimeoutMs() const { return static_cast<int>(wait_seconds * 1000); }

  // A store is a file or a PostgreSQL URI: an empty name, ":memory:" or a "file:" URI
  // (mode=memory, or any other parameters SQLite would read) would ingest into nothing and
  // report success.
  Status Check() const {
    if (path.empty()) return Status::Usage("--db: empty; a store is a file path");
    if (path == ":memory:" || path.starts_with("file:")) {
      return Status::Usage("--db: " + path + " is not a file path (a store is a file; write ./" + path +
                           " for a file of that name)");
    }
    return Status::Ok();
  }

  // Opens the store after the checks above; read-only for commands that only read.
  concord::Result<concord::reconcile::Store> Open(bool read_only = false) const {
    if (Status status = Check(); !status.ok()) return status;
    return concord::reconcile::Store::Open(path, BusyTimeoutMs(),
                                           read_only ? concord::reconcile::Store::OpenMode::kReadOnly
                                                     : concord::reconcile::Store::OpenMode::kReadWrite);
  }
};

// --since / --until: YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day
// ("2026-13-45" and "2026-02-30" are usage errors, not empty reports).
bool IsCalendarPrefix(const std::string& text) {
  static constexpr const char kShape[] = "dddd-dd-dd";
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool digit = text[i] >= '0' && text[i] <= '9';
    if (kShape[i] == 'd' ? !digit : text[i] != '-') return false;
  }
  const std::string full = text + std::string("-01-01").substr(text.size() - 4);
  return concord::corpus::ParsePublishedDate(full) == full;
}

struct DataOptions {
  std::string data_dir;
  std::vector<std::string> pattern_dirs;
  std::vector<std::string> entity_files;

  // tools/data_root.h says where the data is looked for.
  std::filesystem::path Root() const {
    auto search = concord::tools::FindDataRoot(data_dir, CONCORD_DATA_DIR);
    return search.found.empty() ? std::filesystem::path(CONCORD_DATA_DIR) : search.found;
  }
};

// Before any command: a binary with no data anywhere says where it looked, not "pattern folder
// not found" under a path the user never chose.
concord::Status CheckDataRoot(const DataOptions& options) {
  auto search = concord::tools::FindDataRoot(options.data_dir, CONCORD_DATA_DIR);
  if (!search.found.empty()) return concord::Status::Ok();
  std::string places;
  for (const auto& place : search.looked) places += (places.empty() ? "" : ", ") + place.string();
  return concord::Status::Environment("concord data", "no folder with extract/patterns found; looked in " + places +
                                                          "; install concord, or pass --data DIR or set CONCORD_DATA_DIR");
}

using concord::tools::Pipeline;

concord::Result<Pipeline> BuildPipeline(const DataOptions& options) {
  return concord::tools::LoadPipeline(options.Root(), {options.pattern_dirs.begin(), options.pattern_dirs.end()},
                                      {options.entity_files.begin(), options.entity_files.end()});
}

void AddDataOptions(CLI::App* command, DataOptions& options) {
  command->add_option("--data", options.data_dir, "Folder holding extract/patterns and normalize/data")
      ->check(CLI::ExistingDirectory);
  command->add_option("--patterns", options.pattern_dirs, "Extra folder of *.rules pattern files")
      ->check(CLI::ExistingDirectory);
  command->add_option("--entities", options.entity_files, "Extra entity table (TSV) extending the bundled one")
      ->check(CLI::ExistingFile);
}

void PrintRejections(const std::vector<Status>& rejections, const char* label) {
  for (const Status& status : rejections) {
    std::fprintf(stderr, "%s: %s\n", label, concord::tools::StderrLine(status).c_str());
  }
}

using concord::tools::ExtractContained;

// Runs `work(i)` for i in [0, count) on `threads` threads.
template <typename Work>
void ParallelFor(std::size_t count, unsigned threads, Work work) {
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t i = next++; i < count; i = next++) work(i);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads && t < count; ++t) pool.emplace_back(run);
  run();
  for (std::thread& thread : pool) thread.join();
}

struct IngestOptions {
  std::vector<std::string> inputs;
  unsigned threads = std::max(1U, std::thread::hardware_concurrency());
  std::string priors;  // a source priors file (SCORING.md), or empty
  bool prune = false;  // remove stored articles whose file is gone from the folders given
  bool from_jsonl = false;  // the inputs are `concord extract --jsonl` output: store it, extract nothing
  bool watch = false;       // stay running: ingest files as they land in the folders (tools/watch.h)
  std::string report;       // --watch: rewrite this report after each pass
  std::string report_format = "md";
};

// Reads the priors file (if any) and stores its priors. A bad file is a usage error: nothing
// is ingested or reconciled with priors the user did not mean.
Status ApplyPriors(const std::string& priors_file, concord::reconcile::Store& store, std::size_t* changed_count = nullptr) {
  if (priors_file.empty()) return Status::Ok();
  auto priors = concord::reconcile::ReadSourcePriors(priors_file);
  if (!priors.ok()) return Status::Usage(priors.status().ToString());
  auto changed = store.SetSourcePriors(*priors);
  if (!changed.ok()) return changed.status();
  if (changed_count != nullptr) *changed_count = *changed;
  return Status::Ok();
}

struct ReportOptions {
  std::string format = "md";
  std::string out;
  concord::reconcile::ReportFilter filter;
};

// What one ingest needs besides its options: the store, and the pipeline (a folder ingest) or
// only the normalizer's entity table (--from-jsonl extracts nothing).
struct IngestContext {
  concord::reconcile::Store* store = nullptr;
  concord::tools::PipelineSource pipeline;  // waits for it to load
  std::function<concord::Result<const concord::normalize::EntityTable*>()> entities;
  bool progress = false;
  bool watching = false;  // --watch: signals end the watch between passes, reconcile included
  mutable bool priors_changed = false;  // --priors changed a source's prior: reconcile re-scores
};

// One ingest pass: list (folders) or open (--from-jsonl) the inputs, run the pipeline, count
// stale articles (and prune), reconcile, print the summary line. Files in `busy` (canonical
// paths being written, --watch) and, with `settled_before`, files modified after it are left
// for a later pass. Returns the exit code.
int IngestPass(const IngestOptions& options, const IngestContext& context, const std::set<std::string>& busy,
               std::optional<std::filesystem::file_time_type> settled_before = std::nullopt) {
  concord::reconcile::Store& store = *context.store;
  concord::corpus::Listing listing;
  if (!options.from_jsonl) {
    std::vector<std::filesystem::path> roots(options.inputs.begin(), options.inputs.end());
    listing = concord::corpus::ListInputs(roots);
    if (!busy.empty() || settled_before) {
      std::erase_if(listing.files, [&](const concord::corpus::InputFile& file) {
        if (busy.count(file.id)) return true;
        std::error_code error;
        return settled_before && std::filesystem::last_write_time(file.path, error) > *settled_before;
      });
    }
  }
  std::size_t rejected = listing.rejections.size();
  PrintRejections(listing.rejections, "rejected");
  PrintRejections(listing.warnings, "warning");

  const auto started = std::chrono::steady_clock::now();
  concord::tools::IngestSettings settings;
  settings.threads = options.threads;
  settings.batch_articles = kBatchArticles;
  settings.interrupted = &interrupted;
  settings.progress = context.progress;
  concord::tools::IngestTotals ingested;
  Status status = options.from_jsonl
                      ? concord::tools::IngestExtractionFiles(options.inputs, store, settings, ingested)
                      : concord::tools::IngestFiles(listing.files, context.pipeline, store, settings, ingested);
  if (!status.ok()) return Fail(status);
  const concord::reconcile::BatchStats& totals = ingested.stats;
  rejected += ingested.rejected;
  if (ingested.interrupted) {
    std::fprintf(stderr, "concord: interrupted; every committed batch is complete, re-run ingest to continue\n");
    return 130;
  }
  const std::size_t inputs = options.from_jsonl ? options.inputs.size() : listing.files.size();
  if (std::getenv("CONCORD_TRACE") != nullptr) {
    // Where the memory went: the pipeline's peak, before reconcile (which traces its own phases).
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
      if (line.starts_with("VmHWM")) std::fprintf(stderr, "ingest: stages done in %.2f s, peak %s\n",
                                                  std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
                                                  line.c_str());
    }
  }
  // Articles stored from files no longer in the folders given: counted always, removed on --prune.
  // A folder that could not be read hides files that may still exist: nothing is pruned then.
  // A watch pass that left files out does not know them gone: it counts nothing stale.
  std::vector<concord::reconcile::Store::StoredArticle> stale;
  if (busy.empty() && !settled_before) {
    auto found = store.StaleArticles(listing.folders, listing.ids);
    if (!found.ok()) return Fail(found.status());
    stale = std::move(found).value();
  }
  std::size_t pruned = 0;
  if (options.prune && !stale.empty()) {
    if (!listing.complete) {
      std::fprintf(stderr, "concord: --prune: a folder could not be read; nothing is pruned\n");
    } else {
      std::vector<std::string> keys;
      for (const auto& article : stale) keys.push_back(article.key);
      auto removed = store.RemoveArticles(keys);
      if (!removed.ok()) return Fail(removed.status());
      pruned = *removed;
    }
  }
  const std::string stale_text =
      std::to_string(stale.size()) + " stale" +
      (stale.empty() ? "" : pruned > 0 ? " (removed)" : " (their files are gone; --prune removes them)");
  // Reconcile is one transaction: SIGINT or SIGTERM now ends the process at once, the
  // transaction rolls back and the store stays as the last committed batch left it (the
  // articles are stored; `concord reconcile` or the next ingest finishes the facts). A watch
  // finishes the reconcile and ends after it.
  if (!context.watching) {
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
  }
  // Nothing added, replaced or removed, no new priors and nothing left pending: the facts and
  // scores stand as the last reconcile left them (it is deterministic), so it is not run again.
  auto pending = store.PendingReconcile();
  if (!pending.ok()) return Fail(pending.status());
  const bool unchanged_store = totals.added == 0 && totals.replaced == 0 && pruned == 0 && !context.priors_changed &&
                               *pending == 0;
  concord::reconcile::ReconcileStats counted;
  if (unchanged_store) {
    auto counts = store.CountFacts();
    if (!counts.ok()) return Fail(counts.status());
    counted.facts = counts->facts;
    counted.disputed = counts->disputed;
    counted.corroborated = counts->corroborated;
    counted.single_source = counts->single_source;
  }
  if (context.progress && !unchanged_store) std::fprintf(stderr, "reconciling…");
  const concord::normalize::EntityTable* entities = nullptr;
  if (!unchanged_store) {
    auto loaded = context.entities();
    if (!loaded.ok()) return Fail(loaded.status());
    entities = *loaded;
  }
  auto reconciled = unchanged_store ? concord::Result<concord::reconcile::ReconcileStats>(counted)
                                    : Reconcile(store, *entities);
  if (context.progress && !unchanged_store) std::fprintf(stderr, "\r%20s\r", "");
  if (!reconciled.ok()) return Fail(reconciled.status());
  context.priors_changed = false;  // re-scored now (a watch's later passes need not again)
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::fprintf(stderr,
               "ingested %zu file(s) in %.2f s: %zu added, %zu replaced, %zu unchanged, %zu rejected, %s; %zu claims, "
               "%zu mentions; %zu facts (%zu disputed, %zu corroborated, %zu single-source)\n",
               inputs, seconds, totals.added, totals.replaced, totals.unchanged, rejected, stale_text.c_str(),
               totals.claims, totals.mentions, reconciled->facts, reconciled->disputed, reconciled->corroborated,
               reconciled->single_source);
  return rejected > 0 ? kExitRejected : kExitOk;
}

int Report(const ReportOptions& options, const DataOptions& data, const StoreOptions& db, bool audit_only);

int Ingest(const IngestOptions& options, const DataOptions& data, const StoreOptions& db) {
  if (options.from_jsonl && options.prune) {
    return Fail(Status::Usage("--prune removes articles whose files are gone from folders; --from-jsonl reads no folder"));
  }
  if (options.watch && options.from_jsonl) return Fail(Status::Usage("--watch watches folders; not with --from-jsonl"));
  if (!options.report.empty() && !options.watch) return Fail(Status::Usage("--report goes with --watch"));
  auto store = db.Open();
  if (!store.ok()) return Fail(store.status());
  std::size_t priors_changed = 0;
  if (Status status = ApplyPriors(options.priors, *store, &priors_changed); !status.ok()) return Fail(status);
  // --from-jsonl needs the normalizer's entity table for reconcile only: no pattern is compiled.
  std::shared_future<concord::Result<Pipeline>> loading;
  std::optional<concord::normalize::Normalizer> normalizer;
  IngestContext context;
  context.store = &*store;
  context.priors_changed = priors_changed > 0;
  if (options.from_jsonl) {
    auto loaded = concord::normalize::Normalizer::Create(data.Root() / "normalize" / "data",
                                                         {data.entity_files.begin(), data.entity_files.end()});
    if (!loaded.ok()) return Fail(loaded.status());
    normalizer.emplace(std::move(loaded).value());
    context.entities = [&normalizer]() -> concord::Result<const concord::normalize::EntityTable*> {
      return &normalizer->entities();
    };
  } else {
    // The patterns compile while the reader lists, reads and hashes: an ingest that finds every
    // article unchanged does not wait for them.
    loading = std::async(std::launch::async, [&data] { return BuildPipeline(data); }).share();
    context.pipeline = [loading]() -> concord::Result<const Pipeline*> {
      const concord::Result<Pipeline>& loaded = loading.get();
      if (!loaded.ok()) return loaded.status();
      return &*loaded;
    };
    context.entities = [loading]() -> concord::Result<const concord::normalize::EntityTable*> {
      const concord::Result<Pipeline>& loaded = loading.get();
      if (!loaded.ok()) return loaded.status();
      return &loaded->normalizer.entities();
    };
  }
  // A pattern or entity file that does not load is an error even when nothing needed it.
  auto check_loaded = [&](int code) {
    if (loading.valid() && (code == kExitOk || code == kExitRejected)) {
      const concord::Result<Pipeline>& loaded = loading.get();
      if (!loaded.ok()) return Fail(loaded.status());
    }
    return code;
  };
  context.progress = isatty(STDERR_FILENO) != 0 && !options.watch;
  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
  if (!options.watch) return check_loaded(IngestPass(options, context, {}));

  // A drop folder: a pass at the start, then one each time files have landed; the report (if
  // asked) is rewritten after each pass, whole, by a rename. SIGTERM or Ctrl-C ends it at a
  // batch boundary (exit 0 between passes).
  context.watching = true;
  concord::tools::WatchSettings watch;
  for (const std::string& input : options.inputs) watch.roots.emplace_back(input);
  watch.stop = &interrupted;
  bool rejected_any = false;
  bool first = true;
  Status watched = concord::tools::Watch(watch, [&](const std::set<std::string>& busy) -> Status {
    // Files written within the settle time may still be open under a name not seen yet.
    std::optional<std::filesystem::file_time_type> settled;
    if (!first) settled = std::filesystem::file_time_type::clock::now() - watch.settle;
    first = false;
    const int code = IngestPass(options, context, busy, settled);
    if (code == 130) return Status::Ok();
    if (code == kExitRejected) rejected_any = true;
    if (code != kExitOk && code != kExitRejected) return Status::Environment("--watch", "stopped by the error above");
    if (!options.report.empty()) {
      ReportOptions report;
      report.format = options.report_format;
      report.out = options.report + ".partial";
      StoreOptions report_db = db;
      if (Report(report, data, report_db, false) != kExitOk) {
        return Status::Environment(options.report, "cannot write the report");
      }
      std::error_code error;
      std::filesystem::rename(report.out, options.report, error);
      if (error) return Status::Environment(options.report, "cannot replace the report: " + error.message());
    }
    return Status::Ok();
  });
  if (!watched.ok()) return Fail(watched);
  std::fprintf(stderr, "concord: watch ended; every committed batch is complete\n");
  return check_loaded(rejected_any ? kExitRejected : kExitOk);
}

// Re-runs reconcile on the store (after a change of priors or entities), without ingesting.
// A command that reads the store needs one: a missing file is a usage error, not a new store.
Status CheckStoreExists(const StoreOptions& db) {
  if (Status status = db.Check(); !status.ok()) return status;
  if (!concord::reconcile::Store::IsServer(db.path) && !std::filesystem::exists(db.path)) {
    return Status::Usage("no database at " + db.path + " (run `concord ingest DIR --db " + db.path + "` first)");
  }
  return Status::Ok();
}

int ReconcileCommand(const std::string& priors, bool everything, const DataOptions& data, const StoreOptions& db) {
  if (Status status = CheckStoreExists(db); !status.ok()) return Fail(status);
  auto store = db.Open();
  if (!store.ok()) return Fail(store.status());
  if (Status status = ApplyPriors(priors, *store); !status.ok()) return Fail(status);
  auto normalizer = concord::normalize::Normalizer::Create(data.Root() / "normalize" / "data",
                                                           {data.entity_files.begin(), data.entity_files.end()});
  if (!normalizer.ok()) return Fail(normalizer.status());
  const auto started = std::chrono::steady_clock::now();
  auto reconciled = Reconcile(*store, normalizer->entities(), everything);
  if (!reconciled.ok()) return Fail(reconciled.status());
  std::fprintf(stderr, "reconciled in %.2f s: %zu facts (%zu disputed, %zu corroborated, %zu single-source), %zu discrepancies\n",
               std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), reconciled->facts,
               reconciled->disputed, reconciled->corroborated, reconciled->single_source, reconciled->discrepancies);
  return kExitOk;
}


// Writes `text` to stdout or to the file `out`; every write and the file's close are checked
// (stdout's final flush and close are checked at the end of main()). Human-readable text
// (`human`: Markdown, HTML, the claims and extract listings) has its control characters made
// visible first, so that no article can send escapes to a terminal.
int WriteOutput(const std::string& text, const std::string& out, bool human = true) {
  const std::string safe = human ? concord::tools::Visible(text) : std::string();
  const std::string& bytes = human ? safe : text;
  if (out.empty()) {
    Status written = concord::tools::WriteAll(stdout, bytes, "standard output");
    return written.ok() ? kExitOk : Fail(written);
  }
  std::FILE* file = std::fopen(out.c_str(), "wb");
  if (file == nullptr) {
    return Fail(Status::Environment(out, "cannot write: " + std::system_category().message(errno)));
  }
  Status written = concord::tools::WriteAll(file, bytes, out);
  Status closed = concord::tools::Close(file, out);
  if (!written.ok()) return Fail(written);
  if (!closed.ok()) return Fail(closed);
  return kExitOk;
}

int Report(const ReportOptions& options, const DataOptions& data, const StoreOptions& db, bool audit_only) {
  for (const auto& [flag, date] : {std::pair{"--since", &options.filter.since}, {"--until", &options.filter.until}}) {
    if (!date->empty() && !IsCalendarPrefix(*date)) {
      return Fail(Status::Usage(std::string(flag) + ": not a date (YYYY, YYYY-MM or YYYY-MM-DD): " + *date));
    }
  }
  if (Status status = CheckStoreExists(db); !status.ok()) return Fail(status);
  auto store = db.Open(/*read_only=*/true);
  if (!store.ok()) return Fail(store.status());
  // After an interrupted ingest the articles are stored but reconcile has not run: say so,
  // rather than let "0 facts" look like the answer.
  auto pending = store->PendingReconcile();
  if (!pending.ok()) return Fail(pending.status());
  if (*pending > 0) {
    std::fprintf(stderr,
                 "concord: reconcile is pending for %zu article(s) (an ingest stopped before it); facts may be "
                 "missing or out of date: run `concord reconcile --db %s`\n",
                 *pending, concord::tools::QuotedName(db.path).c_str());
  }
  auto normalizer = concord::normalize::Normalizer::Create(data.Root() / "normalize" / "data",
                                                           {data.entity_files.begin(), data.entity_files.end()});
  if (!normalizer.ok()) return Fail(normalizer.status());
  auto report = LoadReport(*store, options.filter, normalizer->entities());
  if (!report.ok()) return Fail(report.status());
  std::string text;
  if (options.format == "csv" && !audit_only) {
    text = concord::reconcile::RenderCsv(*report);
  } else if (options.format == "json") {
    text = audit_only ? concord::reconcile::RenderAuditJson(*report) : concord::reconcile::RenderJson(*report);
  } else if (options.format == "html") {
    text = audit_only ? concord::reconcile::RenderAuditHtml(*report) : concord::reconcile::RenderHtml(*report);
  } else {
    text = audit_only ? concord::reconcile::RenderAuditMarkdown(*report) : concord::reconcile::RenderMarkdown(*report);
  }
  return WriteOutput(text, options.out, /*human=*/options.format != "json");
}

struct SummaryAuditOptions {
  std::string summary;
  std::vector<std::string> against;
  std::string format = "md";
  bool json = false;
  std::string out;
  std::vector<std::string> fail_on;  // verdicts that make the exit code 1
};

// Reads and extracts every article of `roots`; rejections are printed and counted.
std::vector<concord::reconcile::ExtractedArticle> ReadAndExtract(const std::vector<std::string>& roots,
                                                                 const Pipeline& pipeline, std::size_t& rejected) {
  std::vector<concord::reconcile::ExtractedArticle> extracted;
  concord::corpus::Listing listing = concord::corpus::ListInputs({roots.begin(), roots.end()});
  PrintRejections(listing.rejections, "rejected");
  PrintRejections(listing.warnings, "warning");
  rejected += listing.rejections.size();
  for (const concord::corpus::InputFile& file : listing.files) {
    concord::corpus::FileArticles read = concord::corpus::ReadArticles(file);
    PrintRejections(read.rejections, "rejected");
    PrintRejections(read.warnings, "warning");
    rejected += read.rejections.size();
    for (concord::corpus::Article& article : read.articles) extracted.push_back({std::move(article), {}});
  }
  std::vector<Status> failures(extracted.size());
  ParallelFor(extracted.size(), std::max(1U, std::thread::hardware_concurrency()), [&](std::size_t i) {
    failures[i] = ExtractContained(pipeline, extracted[i].article, extracted[i].extraction);
  });
  std::vector<concord::reconcile::ExtractedArticle> kept;
  for (std::size_t i = 0; i < extracted.size(); ++i) {
    if (failures[i].ok()) {
      kept.push_back(std::move(extracted[i]));
    } else {
      PrintRejections({failures[i]}, "rejected");
      ++rejected;
    }
  }
  return kept;
}

int AuditSummary(const SummaryAuditOptions& options, const DataOptions& data) {
  auto pipeline = BuildPipeline(data);
  if (!pipeline.ok()) return Fail(pipeline.status());
  std::size_t rejected = 0;
  auto summaries = ReadAndExtract({options.summary}, *pipeline, rejected);
  if (summaries.size() != 1) {
    return Fail(Status::Usage(options.summary + ": expected one summary article, found " +
                              std::to_string(summaries.size())));
  }
  auto sources = ReadAndExtract(options.against, *pipeline, rejected);
  auto audit = concord::reconcile::AuditSummary(summaries.front(), sources, pipeline->normalizer.entities());
  if (!audit.ok()) return Fail(audit.status());
  const bool json = options.json || options.format == "json";
  int written = WriteOutput(json ? concord::reconcile::RenderSummaryAuditJson(*audit)
                                 : concord::reconcile::RenderSummaryAuditMarkdown(*audit),
                            options.out, /*human=*/!json);
  if (written != kExitOk) return written;
  if (rejected > 0) return kExitRejected;
  for (const auto& verdict : audit->verdicts) {
    if (std::find(options.fail_on.begin(), options.fail_on.end(), verdict.verdict) != options.fail_on.end()) {
      return kExitFailOn;
    }
  }
  return kExitOk;
}

int Claims(const concord::reconcile::ClaimFilter& filter, bool json, const DataOptions& data, const StoreOptions& db) {
  if (Status status = CheckStoreExists(db); !status.ok()) return Fail(status);
  auto store = db.Open(/*read_only=*/true);
  if (!store.ok()) return Fail(store.status());
  auto normalizer = concord::normalize::Normalizer::Create(data.Root() / "normalize" / "data",
                                                           {data.entity_files.begin(), data.entity_files.end()});
  if (!normalizer.ok()) return Fail(normalizer.status());
  auto claims = store->QueryClaims(filter, normalizer->entities());
  if (!claims.ok()) return Fail(claims.status());
  std::string out;
  if (json) {
    out = "[";
    for (std::size_t i = 0; i < claims->size(); ++i) out += (i ? ",\n " : "") + (*claims)[i];
    out += "]\n";
  } else {
    for (const std::string& line : *claims) {
      nlohmann::json claim = nlohmann::json::parse(line);
      auto name = [&](const char* role) {
        return claim[role].is_object() ? claim[role]["name"].get<std::string>() : std::string("-");
      };
      out += claim["article"].get<std::string>() + ": " + claim["relation"].get<std::string>() + " " + name("subject") +
             " → " + name("counterparty") + " [" + claim["polarity"].get<std::string>() + "] \"" +
             claim["quote"].get<std::string>().substr(0, 120) + "\"\n";
    }
  }
  return WriteOutput(out, "", /*human=*/!json);
}

// `concord extract`: stateless. Each article's records go out as soon as it is extracted (the
// output is flushed every megabyte), so a mapper's memory does not grow with its input. With
// --jsonl, an article record (tools/extraction_json.h) comes before each article's mentions and
// claims: what `concord ingest --from-jsonl` needs to store them without extracting again.
int Extract(const std::vector<std::string>& inputs, bool jsonl, const std::string& published, const DataOptions& data) {
  if (!published.empty() && concord::corpus::ParsePublishedDate(published).empty()) {
    return Fail(Status::Usage("--published: not a date: " + published));
  }
  auto pipeline = BuildPipeline(data);
  if (!pipeline.ok()) return Fail(pipeline.status());
  const std::string published_date = published.empty() ? "" : concord::corpus::ParsePublishedDate(published);
  std::size_t rejected = 0;
  std::string out;
  Status output_status;
  auto emit = [&](concord::corpus::FileArticles& read) {
    if (!output_status.ok()) return;
    PrintRejections(read.rejections, "rejected");
    PrintRejections(read.warnings, "warning");
    rejected += read.rejections.size();
    for (concord::corpus::Article& article : read.articles) {
      if (article.published.empty() && !published_date.empty()) {
        article.published = published_date;
        // The date given is part of what the store keeps: the hash covers it, as a file's own date.
        article.content_hash = concord::corpus::ContentHash(article);
      }
      concord::extract::Extraction extraction;
      if (Status status = ExtractContained(*pipeline, article, extraction); !status.ok()) {
        PrintRejections({status}, "rejected");
        ++rejected;
        continue;
      }
      if (jsonl) {
        out += concord::tools::ArticleJsonLine(article, extraction);
        out += '\n';
      }
      for (const auto& mention : extraction.mentions) {
        if (jsonl) {
          out += concord::reconcile::MentionJsonLine(mention, article);
          out += '\n';
        } else if (mention.kind != concord::extract::MentionKind::kEntity) {
          out += article.name + ": " + concord::extract::MentionKindName(mention.kind) + " \"" + mention.text + "\" [" +
                 std::to_string(mention.span.begin) + "," + std::to_string(mention.span.end) + ")\n";
        }
      }
      for (const auto& claim : extraction.claims) {
        if (jsonl) {
          out += concord::reconcile::ClaimJsonLine(claim, article);
          out += '\n';
        } else {
          out += article.name + ": claim " + claim.relation + " " + claim.subject.text + " → " + claim.counterparty.text +
                 " " + concord::reconcile::AmountText(claim.value, claim.value_kind) + "\n";
        }
      }
      if (out.size() > (1U << 20)) {
        output_status = concord::tools::WriteAll(stdout, jsonl ? out : concord::tools::Visible(out), "standard output");
        out.clear();
      }
    }
  };
  for (const std::string& input : inputs) {
    if (input == "-") {
      // Standard input: JSON lines of articles (a mapper's input, DESIGN.md), read line by line so
      // memory stays flat on any stream; anything not starting with '{' is one plain-text article.
      int first = std::getc(stdin);
      while (first == ' ' || first == '\t' || first == '\n' || first == '\r') first = std::getc(stdin);
      if (first != EOF) std::ungetc(first, stdin);
      if (first == '{') {
        char* line = nullptr;
        std::size_t capacity = 0;
        std::size_t line_number = 0;
        ssize_t length = 0;
        while (output_status.ok() && (length = getline(&line, &capacity, stdin)) >= 0) {
          std::string_view text(line, static_cast<std::size_t>(length));
          if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
          concord::corpus::FileArticles read = concord::corpus::ReadArticleLine(text, "-", ++line_number);
          emit(read);
        }
        std::free(line);
        continue;
      }
      std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      concord::corpus::FileArticles read = concord::corpus::ReadArticlesFromText(bytes, "-", ".txt");
      emit(read);
      continue;
    }
    concord::corpus::Listing listing = concord::corpus::ListInputs({input});
    PrintRejections(listing.rejections, "rejected");
    rejected += listing.rejections.size();
    PrintRejections(listing.warnings, "warning");
    for (const auto& file : listing.files) {
      concord::corpus::FileArticles read = concord::corpus::ReadArticles(file);
      emit(read);
    }
  }
  if (!output_status.ok()) return Fail(output_status);
  if (int written = WriteOutput(out, "", /*human=*/!jsonl); written != kExitOk) return written;
  return rejected > 0 ? kExitRejected : kExitOk;
}

void AddStoreOptions(CLI::App* command, StoreOptions& db) {
  command->add_option("--db", db.path, "The store: a SQLite file path (not :memory: or a file: URI), or a PostgreSQL URI "
                      "(postgresql://user@host/dbname)")
      ->capture_default_str();
  command->add_option("--wait", db.wait_seconds, "Seconds to wait for another concord writing the store")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 86400.0));
}

int Run(int argc, char** argv) {
  CLI::App app{"concord: checks what the news says about money and contracts"};
  app.require_subcommand(1);
  app.set_version_flag("--version", [] {
    auto search = concord::tools::FindDataRoot("", CONCORD_DATA_DIR);
    return std::string("concord ") + CONCORD_VERSION + "\ndata: " +
           (search.found.empty() ? std::string("(none found)") : search.found.string());
  });
  StoreOptions db;
  DataOptions data;

  CLI::App* ingest = app.add_subcommand("ingest", "Ingest folders (or files) of articles into the fact store");
  IngestOptions ingest_options;
  ingest->add_option("inputs", ingest_options.inputs,
                     "Folders or files to ingest (.txt, .md, .json, .jsonl, .html, .warc, .warc.gz). "
                     "Inside a folder, a symbolic link is followed only when its "
                     "target is a file within that folder; a link leading outside it, a dangling link or a "
                     "loop is rejected by name")
      ->required();
  ingest->add_flag("--from-jsonl", ingest_options.from_jsonl,
                   "The inputs are `concord extract --jsonl` output files ('-' reads stdin), e.g. from mappers "
                   "on other machines: stored without extracting again; an article the store holds with the "
                   "same id and content hash is passed over");
  ingest->add_flag("--watch", ingest_options.watch,
                   "Stay running and ingest files as they land in the folders (a drop folder; inotify): a file "
                   "is read once closed after writing; SIGTERM or Ctrl-C ends it between batches");
  ingest->add_option("--report", ingest_options.report,
                     "With --watch: rewrite this report file after each batch (atomically, by a rename)");
  ingest->add_option("--format", ingest_options.report_format, "The --report format: md, html, json or csv")
      ->check(CLI::IsMember({"md", "html", "json", "csv"}));
  ingest->add_flag("--prune", ingest_options.prune,
                   "Remove stored articles whose file is no longer in the folders given (renamed or deleted)");
  AddStoreOptions(ingest, db);
  ingest->add_option("--threads", ingest_options.threads, "Extraction threads")->check(CLI::Range(1U, 256U));
  ingest->add_option("--priors", ingest_options.priors,
                     "Source priors file: `source<TAB>prior` lines, prior 0..1 (reconcile/SCORING.md)")
      ->check(CLI::ExistingFile);
  AddDataOptions(ingest, data);

  CLI::App* reconcile = app.add_subcommand(
      "reconcile", "Re-run reconciliation on the store, e.g. after changing source priors or entities");
  std::string reconcile_priors;
  reconcile->add_option("--priors", reconcile_priors,
                        "Source priors file: `source<TAB>prior` lines, prior 0..1 (reconcile/SCORING.md)")
      ->check(CLI::ExistingFile);
  bool reconcile_everything = false;
  reconcile->add_flag("--full", reconcile_everything,
                      "Rebuild every fact, not only those changed articles reach (e.g. after an upgrade)");
  AddStoreOptions(reconcile, db);
  AddDataOptions(reconcile, data);

  CLI::App* report = app.add_subcommand("report", "Facts with their supporting and contradicting claims");
  ReportOptions report_options;
  report->add_option("--format", report_options.format,
                     "md, html (one self-contained page), json, or csv (one row per claim of each fact)")
      ->check(CLI::IsMember({"md", "html", "json", "csv"}));
  report->add_option("--out", report_options.out, "Write to FILE instead of stdout");
  report->add_option("--entity", report_options.filter.entity, "Only facts where this entity plays a role");
  report->add_option("--relation", report_options.filter.relation, "Only facts of this relation");
  report->add_option("--since", report_options.filter.since,
                     "Only facts dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)");
  report->add_option("--until", report_options.filter.until,
                     "Only facts dated on or before this date; YYYY or YYYY-MM covers the whole period");
  report->add_flag("--conflicts-only", report_options.filter.conflicts_only, "Only disputed facts");
  AddStoreOptions(report, db);
  AddDataOptions(report, data);

  CLI::App* audit = app.add_subcommand("audit", "Source agreement: trust, agreement matrix, syndicated copies");
  ReportOptions audit_options;
  audit->add_option("--format", audit_options.format, "md, html (one self-contained page) or json")
      ->check(CLI::IsMember({"md", "html", "json"}));
  audit->add_option("--out", audit_options.out, "Write to FILE instead of stdout");
  AddStoreOptions(audit, db);
  AddDataOptions(audit, data);
  audit->require_subcommand(0, 1);

  CLI::App* audit_summary =
      audit->add_subcommand("summary", "Audit a summary or digest against the articles it rests on");
  SummaryAuditOptions summary_options;
  audit_summary->add_option("file", summary_options.summary, "The summary (one article)")
      ->required()
      ->check(CLI::ExistingFile);
  audit_summary->add_option("--against", summary_options.against, "Files or folders of the source articles")
      ->required();
  audit_summary->add_option("--format", summary_options.format, "md or json")->check(CLI::IsMember({"md", "json"}));
  audit_summary->add_flag("--json", summary_options.json, "Same as --format json");
  audit_summary->add_option("--out", summary_options.out, "Write to FILE instead of stdout");
  audit_summary
      ->add_option("--fail-on", summary_options.fail_on,
                   "Exit 1 when a claim gets one of these verdicts (contradicted, overstated, unsupported)")
      ->delimiter(',')
      ->check(CLI::IsMember({"contradicted", "overstated", "unsupported"}));
  AddDataOptions(audit_summary, data);

  CLI::App* claims = app.add_subcommand("claims", "Query the stored claims");
  concord::reconcile::ClaimFilter claim_filter;
  bool claims_json = false;
  claims->add_option("--entity", claim_filter.entity, "Only claims where this entity plays a role");
  claims->add_option("--relation", claim_filter.relation, "Only claims of this relation");
  claims->add_flag("--json", claims_json, "A JSON array of claim objects");
  AddStoreOptions(claims, db);
  AddDataOptions(claims, data);

  CLI::App* extract = app.add_subcommand("extract", "Mentions and claims of files, without a database");
  std::vector<std::string> extract_inputs;
  bool jsonl = false;
  std::string published;
  extract->add_option("inputs", extract_inputs,
                      "Files or folders; '-' reads stdin: JSON lines of articles (title, text, published, "
                      "source, url, and an optional id; a mapper's input), or else one plain-text article. Symbolic links inside a folder are followed only "
                      "to files within it")
      ->required();
  extract->add_flag("--jsonl", jsonl,
                    "JSON lines: per article an article record, then its mention and claim records (DESIGN.md); "
                    "`concord ingest --from-jsonl` stores them");
  extract->add_option("--published", published, "Published date for articles that give none (YYYY-MM-DD)");
  AddDataOptions(extract, data);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (Status data_status = CheckDataRoot(data); !data_status.ok()) return Fail(data_status);
  if (ingest->parsed()) return Ingest(ingest_options, data, db);
  if (reconcile->parsed()) return ReconcileCommand(reconcile_priors, reconcile_everything, data, db);
  if (report->parsed()) return Report(report_options, data, db, false);
  if (audit_summary->parsed()) return AuditSummary(summary_options, data);
  if (audit->parsed()) return Report(audit_options, data, db, true);
  if (claims->parsed()) return Claims(claim_filter, claims_json, data, db);
  if (extract->parsed()) return Extract(extract_inputs, jsonl, published, data);
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  int code = kExitEnvironment;
  try {
    code = Run(argc, argv);
  } catch (const std::exception& error) {
    // Last resort: stages return Status; anything reaching here is a bug or an allocation failure.
    std::fprintf(stderr, "concord: internal error: %s\n", error.what());
    code = kExitEnvironment;
  }
  // What stdout still buffers is written now: a full disk or a closed pipe shows itself here
  // and is an environment failure, never a quiet success with a cut report.
  if (Status closed = concord::tools::Close(stdout, "standard output"); !closed.ok()) {
    std::fprintf(stderr, "concord: %s\n", concord::tools::StderrLine(closed).c_str());
    return kExitEnvironment;
  }
  return code;
}
