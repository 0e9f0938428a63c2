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
#include <fstream>
#include <iostream>
#include <iterator>
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
#include "tools/output.h"
#include "tools/pipeline.h"
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

// Extracts and normalizes one article. A failure inside the extractor (a bug: stages do not
// throw by contract) rejects that article alone, named with the message, so one bad text
// never takes down an ingest of thousands or escapes a worker thread.
Status ExtractContained(const Pipeline& pipeline, const concord::corpus::Article& article,
                        concord::extract::Extraction& extraction) {
  try {
    extraction = pipeline.extractor.Extract(article);
    pipeline.normalizer.Normalize(article, extraction);
    return Status::Ok();
  } catch (const std::exception& error) {
    extraction = {};
    return Status::InvalidInput(article.name, std::string("extraction failed: ") + error.what());
  }
}

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
};

// Reads the priors file (if any) and stores its priors. A bad file is a usage error: nothing
// is ingested or reconciled with priors the user did not mean.
Status ApplyPriors(const std::string& priors_file, concord::reconcile::Store& store) {
  if (priors_file.empty()) return Status::Ok();
  auto priors = concord::reconcile::ReadSourcePriors(priors_file);
  if (!priors.ok()) return Status::Usage(priors.status().ToString());
  auto changed = store.SetSourcePriors(*priors);
  if (!changed.ok()) return changed.status();
  return Status::Ok();
}

int Ingest(const IngestOptions& options, const DataOptions& data, const StoreOptions& db) {
  auto store = db.Open();
  if (!store.ok()) return Fail(store.status());
  if (Status status = ApplyPriors(options.priors, *store); !status.ok()) return Fail(status);
  auto pipeline = BuildPipeline(data);
  if (!pipeline.ok()) return Fail(pipeline.status());
  std::vector<std::filesystem::path> roots(options.inputs.begin(), options.inputs.end());
  concord::corpus::Listing listing = concord::corpus::ListInputs(roots);
  std::size_t rejected = listing.rejections.size();
  PrintRejections(listing.rejections, "rejected");
  PrintRejections(listing.warnings, "warning");

  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
  const bool show_progress = isatty(STDERR_FILENO) != 0;
  const auto started = std::chrono::steady_clock::now();
  concord::reconcile::BatchStats totals;
  std::size_t bytes = 0;
  std::size_t files_done = 0;
  std::vector<concord::reconcile::ExtractedArticle> batch;
  auto flush = [&]() -> Status {
    std::vector<Status> failures(batch.size());
    ParallelFor(batch.size(), options.threads, [&](std::size_t i) {
      failures[i] = ExtractContained(*pipeline, batch[i].article, batch[i].extraction);
    });
    std::size_t kept = 0;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (!failures[i].ok()) {
        PrintRejections({failures[i]}, "rejected");
        ++rejected;
        continue;
      }
      if (kept != i) batch[kept] = std::move(batch[i]);
      ++kept;
    }
    batch.resize(kept);
    auto written = store->WriteBatch(batch);
    batch.clear();
    if (!written.ok()) return written.status();
    totals.added += written->added;
    totals.replaced += written->replaced;
    totals.unchanged += written->unchanged;
    totals.claims += written->claims;
    totals.mentions += written->mentions;
    return Status::Ok();
  };
  for (const concord::corpus::InputFile& file : listing.files) {
    if (interrupted) break;
    concord::corpus::FileArticles read = concord::corpus::ReadArticles(file);
    PrintRejections(read.rejections, "rejected");
    PrintRejections(read.warnings, "warning");
    rejected += read.rejections.size();
    for (concord::corpus::Article& article : read.articles) {
      auto unchanged = store->IsUnchanged(article.id, article.content_hash);
      if (!unchanged.ok()) return Fail(unchanged.status());
      if (*unchanged) {
        ++totals.unchanged;
        continue;
      }
      bytes += article.text.size();
      batch.push_back({std::move(article), {}});
    }
    ++files_done;
    if (batch.size() >= kBatchArticles) {
      Status status = flush();
      if (!status.ok()) return Fail(status);
    }
    if (show_progress) {
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::fprintf(stderr, "\r[%zu/%zu files] %.1f MB/s ", files_done, listing.files.size(),
                   seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0);
    }
  }
  if (!batch.empty()) {
    Status status = flush();
    if (!status.ok()) return Fail(status);
  }
  if (show_progress) std::fprintf(stderr, "\r%60s\r", "");
  if (interrupted) {
    std::fprintf(stderr, "concord: interrupted; every committed batch is complete, re-run ingest to continue\n");
    return 130;
  }
  // Articles stored from files no longer in the folders given: counted always, removed on --prune.
  // A folder that could not be read hides files that may still exist: nothing is pruned then.
  auto stale = store->StaleArticles(listing.folders, listing.ids);
  if (!stale.ok()) return Fail(stale.status());
  std::size_t pruned = 0;
  if (options.prune && !stale->empty()) {
    if (!listing.complete) {
      std::fprintf(stderr, "concord: --prune: a folder could not be read; nothing is pruned\n");
    } else {
      std::vector<std::string> keys;
      for (const auto& article : *stale) keys.push_back(article.key);
      auto removed = store->RemoveArticles(keys);
      if (!removed.ok()) return Fail(removed.status());
      pruned = *removed;
    }
  }
  const std::string stale_text =
      std::to_string(stale->size()) + " stale" +
      (stale->empty() ? "" : pruned > 0 ? " (removed)" : " (their files are gone; --prune removes them)");
  // Reconcile is one transaction: SIGINT or SIGTERM now ends the process at once, the
  // transaction rolls back and the store stays as the last committed batch left it (the
  // articles are stored; `concord reconcile` or the next ingest finishes the facts).
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (show_progress) std::fprintf(stderr, "reconciling…");
  auto reconciled = Reconcile(*store, pipeline->normalizer.entities());
  if (show_progress) std::fprintf(stderr, "\r%20s\r", "");
  if (!reconciled.ok()) return Fail(reconciled.status());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::fprintf(stderr,
               "ingested %zu file(s) in %.2f s: %zu added, %zu replaced, %zu unchanged, %zu rejected, %s; %zu claims, "
               "%zu mentions; %zu facts (%zu disputed, %zu corroborated, %zu single-source)\n",
               listing.files.size(), seconds, totals.added, totals.replaced, totals.unchanged, rejected,
               stale_text.c_str(), totals.claims,
               totals.mentions, reconciled->facts, reconciled->disputed, reconciled->corroborated,
               reconciled->single_source);
  return rejected > 0 ? kExitRejected : kExitOk;
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

struct ReportOptions {
  std::string format = "md";
  std::string out;
  concord::reconcile::ReportFilter filter;
};

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

int Extract(const std::vector<std::string>& inputs, bool jsonl, const std::string& published, const DataOptions& data) {
  if (!published.empty() && concord::corpus::ParsePublishedDate(published).empty()) {
    return Fail(Status::Usage("--published: not a date: " + published));
  }
  auto pipeline = BuildPipeline(data);
  if (!pipeline.ok()) return Fail(pipeline.status());
  std::size_t rejected = 0;
  std::string out;
  Status output_status;
  auto emit = [&](concord::corpus::FileArticles& read) {
    if (!output_status.ok()) return;
    PrintRejections(read.rejections, "rejected");
    PrintRejections(read.warnings, "warning");
    rejected += read.rejections.size();
    for (concord::corpus::Article& article : read.articles) {
      if (article.published.empty() && !published.empty()) article.published = concord::corpus::ParsePublishedDate(published);
      concord::extract::Extraction extraction;
      if (Status status = ExtractContained(*pipeline, article, extraction); !status.ok()) {
        PrintRejections({status}, "rejected");
        ++rejected;
        continue;
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
                      "Files or folders; '-' reads stdin. Symbolic links inside a folder are followed only "
                      "to files within it")
      ->required();
  extract->add_flag("--jsonl", jsonl, "JSON lines: mention and claim records (DESIGN.md)");
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
