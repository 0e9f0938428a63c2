// The ingest pipeline (tools/ingest.h).

#include "tools/ingest.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>

#include "tools/extraction_json.h"
#include "tools/output.h"
#include "tools/work_queue.h"

namespace concord::tools {
namespace {

using reconcile::ExtractedArticle;

void PrintAll(const std::vector<Status>& statuses, const char* label) {
  for (const Status& status : statuses) std::fprintf(stderr, "%s: %s\n", label, StderrLine(status).c_str());
}

// One article on its way to the writer: extracted (or read from mapper output), or rejected.
struct Done {
  std::size_t order = 0;  // place in the input: a batch is written in input order
  ExtractedArticle value;
  Status failure;
};

// What the stages share: the first error (which stops them all), counts the reader keeps, and
// whether to stop (an interrupt or an error).
class Shared {
 public:
  explicit Shared(const std::atomic<bool>* interrupted) : interrupted_(interrupted) {}
  bool Stopping() const { return failed_ || (interrupted_ != nullptr && *interrupted_); }
  bool Interrupted() const { return interrupted_ != nullptr && *interrupted_; }
  void Fail(Status status) {
    std::lock_guard lock(mutex_);
    if (error_.ok()) error_ = std::move(status);
    failed_ = true;
  }
  Status error() {
    std::lock_guard lock(mutex_);
    return error_;
  }
  std::atomic<std::size_t> rejected{0}, unchanged{0}, bytes{0}, files_done{0};

 private:
  const std::atomic<bool>* interrupted_;
  std::atomic<bool> failed_{false};
  std::mutex mutex_;
  Status error_;
};

// The writer: gathers articles into batches and stores each in one transaction; runs on the
// calling thread until `done` is closed and drained. After an error or an interrupt it drains
// without writing, so the stages before it never block on a full queue.
void WriteLoop(WorkQueue<Done>& done, reconcile::Store& store, const IngestSettings& settings, std::size_t files,
               Shared& shared, IngestTotals& totals) {
  // Batch writes touch few pages again: a small page cache while they run, the store's own
  // (reconcile needs it) once they are done.
  constexpr std::size_t kWriteCacheMb = 16, kStoreCacheMb = 256;
  if (Status status = store.SetCacheLimit(kWriteCacheMb); !status.ok()) shared.Fail(status);
  struct RestoreCache {
    reconcile::Store& store;
    ~RestoreCache() { (void)store.SetCacheLimit(kStoreCacheMb); }
  } restore{store};
  std::vector<Done> batch;
  batch.reserve(settings.batch_articles);
  const auto started = std::chrono::steady_clock::now();
  auto last_progress = started;
  auto flush = [&] {
    if (batch.empty() || shared.Stopping()) return;
    std::sort(batch.begin(), batch.end(), [](const Done& a, const Done& b) { return a.order < b.order; });
    std::vector<ExtractedArticle> articles;
    articles.reserve(batch.size());
    for (Done& item : batch) articles.push_back(std::move(item.value));
    batch.clear();
    auto written = store.WriteBatch(articles);
    if (!written.ok()) {
      shared.Fail(written.status());
      return;
    }
    totals.stats.added += written->added;
    totals.stats.replaced += written->replaced;
    totals.stats.unchanged += written->unchanged;
    totals.stats.claims += written->claims;
    totals.stats.mentions += written->mentions;
  };
  while (std::optional<Done> item = done.Pop()) {
    if (shared.Stopping()) continue;
    if (!item->failure.ok()) {
      PrintAll({item->failure}, "rejected");
      ++shared.rejected;
      continue;
    }
    batch.push_back(std::move(*item));
    if (batch.size() >= settings.batch_articles) flush();
    if (settings.progress) {
      const auto now = std::chrono::steady_clock::now();
      if (now - last_progress > std::chrono::milliseconds(200)) {
        last_progress = now;
        const double seconds = std::chrono::duration<double>(now - started).count();
        std::fprintf(stderr, "\r[%zu/%zu files] %.1f MB/s ", shared.files_done.load(), files,
                     seconds > 0 ? static_cast<double>(shared.bytes.load()) / 1e6 / seconds : 0.0);
      }
    }
  }
  flush();
  if (settings.progress) std::fprintf(stderr, "\r%60s\r", "");
}

void Finish(Shared& shared, IngestTotals& totals) {
  totals.rejected += shared.rejected;
  totals.stats.unchanged += shared.unchanged;
  totals.bytes += shared.bytes;
  totals.interrupted = shared.Interrupted();
}

}  // namespace

Status ExtractContained(const Pipeline& pipeline, const corpus::Article& article, extract::Extraction& extraction) {
  try {
    extraction = pipeline.extractor.Extract(article);
    pipeline.normalizer.Normalize(article, extraction);
    return Status::Ok();
  } catch (const std::exception& error) {
    extraction = {};
    return Status::InvalidInput(article.name, std::string("extraction failed: ") + error.what());
  }
}

Status IngestFiles(const std::vector<corpus::InputFile>& files, const PipelineSource& pipeline, reconcile::Store& store,
                   const IngestSettings& settings, IngestTotals& totals) {
  // One read of every stored id and hash: the reader's unchanged check costs a lookup, not a query.
  auto stored = store.StoredHashes();
  if (!stored.ok()) return stored.status();
  const unsigned workers = std::max(1U, settings.threads);
  Shared shared(settings.interrupted);
  // Bounded: a few articles per worker waiting to be extracted, one batch waiting to be written
  // while the writer stores the one before.
  WorkQueue<Done> to_extract(std::max<std::size_t>(16, 8 * workers));
  WorkQueue<Done> to_write(settings.batch_articles);

  std::thread reader([&] {
    try {
      std::size_t order = 0;
      for (const corpus::InputFile& file : files) {
        if (shared.Stopping()) break;
        // Articles go to the workers as they are read: a WARC file's records one at a time.
        bool closed = false;
        corpus::FileArticles read = corpus::ReadArticles(file, [&](corpus::Article article) {
          if (closed) return;
          if (const auto it = stored->find(article.id); it != stored->end() && it->second == article.content_hash) {
            ++shared.unchanged;
            return;
          }
          shared.bytes += article.text.size();
          Done item;
          item.order = order++;
          item.value.article = std::move(article);
          closed = !to_extract.Push(std::move(item));
        });
        PrintAll(read.rejections, "rejected");
        PrintAll(read.warnings, "warning");
        shared.rejected += read.rejections.size();
        if (closed) break;
        ++shared.files_done;
      }
    } catch (const std::exception& error) {
      shared.Fail(Status::Environment("ingest", std::string("reading failed: ") + error.what()));
    }
    to_extract.Close();
  });

  std::atomic<unsigned> running{workers};
  std::vector<std::thread> extractors;
  for (unsigned i = 0; i < workers; ++i) {
    extractors.emplace_back([&] {
      const Pipeline* loaded = nullptr;
      while (std::optional<Done> item = to_extract.Pop()) {
        if (shared.Stopping()) continue;  // drained, not extracted: nothing more is written
        if (loaded == nullptr) {
          Result<const Pipeline*> ready = pipeline();
          if (!ready.ok()) {
            shared.Fail(ready.status());
            continue;
          }
          loaded = *ready;
        }
        item->failure = ExtractContained(*loaded, item->value.article, item->value.extraction);
        if (!to_write.Push(std::move(*item))) break;
      }
      if (--running == 0) to_write.Close();
    });
  }

  WriteLoop(to_write, store, settings, files.size(), shared, totals);
  to_extract.Close();  // after an error: the reader stops at its next article
  reader.join();
  for (std::thread& thread : extractors) thread.join();
  Finish(shared, totals);
  return shared.error();
}

Status IngestExtractionFiles(const std::vector<std::string>& files, reconcile::Store& store,
                             const IngestSettings& settings, IngestTotals& totals) {
  auto stored = store.StoredHashes();
  if (!stored.ok()) return stored.status();
  Shared shared(settings.interrupted);
  WorkQueue<Done> to_write(2 * settings.batch_articles);
  using Hashes = std::unordered_map<std::string, std::uint64_t>;
  auto unchanged = [](const void* context, const std::string& id, std::uint64_t hash) {
    const Hashes& hashes = *static_cast<const Hashes*>(context);
    const auto it = hashes.find(id);
    return it != hashes.end() && it->second == hash;
  };

  std::thread reader([&] {
    try {
      std::size_t order = 0;
      for (const std::string& name : files) {
        if (shared.Stopping()) break;
        std::FILE* in = name == "-" ? stdin : std::fopen(name.c_str(), "rb");
        if (in == nullptr) {
          PrintAll({Status::InvalidInput(name, "cannot read: " + std::string(std::strerror(errno)))}, "rejected");
          ++shared.rejected;
          continue;
        }
        ExtractionReader reader(unchanged, &*stored);
        ExtractionReader::Output out;
        char* line = nullptr;
        std::size_t capacity = 0;
        std::size_t line_number = 0;
        ssize_t length = 0;
        auto pass_on = [&]() -> bool {
          PrintAll(out.rejections, "rejected");
          shared.rejected += out.rejections.size();
          shared.unchanged += out.unchanged;
          for (ExtractedArticle& article : out.articles) {
            shared.bytes += article.article.text.size();
            Done item;
            item.order = order++;
            item.value = std::move(article);
            if (!to_write.Push(std::move(item))) return false;
          }
          out = {};
          return true;
        };
        bool going = true;
        while (going && !shared.Stopping() && (length = getline(&line, &capacity, in)) >= 0) {
          std::string_view text(line, static_cast<std::size_t>(length));
          if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
          reader.Line(text, name, ++line_number, out);
          going = pass_on();
        }
        if (std::ferror(in)) {
          PrintAll({Status::InvalidInput(name, "read error: " + std::string(std::strerror(errno)))}, "rejected");
          ++shared.rejected;
        }
        reader.End(name, out);
        pass_on();
        std::free(line);
        if (in != stdin) std::fclose(in);
        ++shared.files_done;
      }
    } catch (const std::exception& error) {
      shared.Fail(Status::Environment("ingest", std::string("reading failed: ") + error.what()));
    }
    to_write.Close();
  });

  WriteLoop(to_write, store, settings, files.size(), shared, totals);
  reader.join();
  Finish(shared, totals);
  return shared.error();
}

}  // namespace concord::tools
