#pragma once
// The fact store: articles with their mentions and claims, and (written by the reconcile
// pass) facts, discrepancies, independence clusters, trust and scores. One SQLite file, or a
// PostgreSQL database that several writers share (reconcile/store/SCHEMA.md).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "corpus/corpus.h"
#include "corpus/status.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

namespace concord::reconcile {

// One article and what was extracted from it, ready to store.
struct ExtractedArticle {
  corpus::Article article;
  extract::Extraction extraction;
};

struct BatchStats {
  std::size_t added = 0;      // articles new to the store
  std::size_t replaced = 0;   // articles whose content changed: old claims replaced
  std::size_t unchanged = 0;  // same id and hash: nothing written
  std::size_t claims = 0;     // claims written
  std::size_t mentions = 0;   // mentions written
  bool operator==(const BatchStats&) const = default;
};

// A user's prior trust in a source (SCORING.md: truth discovery starts from it).
struct SourcePrior {
  std::string source;  // as articles name it ("Reuters", "example-news.com")
  double prior = 0.7;  // 0..1
  bool operator==(const SourcePrior&) const = default;
};

// Reads a priors file: one `source<TAB>prior` per line, prior a number in [0, 1]; blank lines
// and lines starting with `#` are skipped. Fails naming file:line on a malformed line or a
// source named twice.
Result<std::vector<SourcePrior>> ReadSourcePriors(const std::filesystem::path& file);

struct ClaimFilter {
  std::string entity;
  std::string relation;
};

// The fact store. One SQLite file (WAL, foreign keys on), or a PostgreSQL database named by
// a URI; the schema is versioned (PRAGMA user_version; PostgreSQL: the table concord_schema)
// and migrated on Open() (reconcile/store/schema.cc). Several processes may write one
// PostgreSQL store at once: each batch is one transaction and an article's key and content
// hash decide what is written. The reconcile pass (reconcile/reconcile.h), the summary audit
// (reconcile/audit/audit.h) and the report (reconcile/report/report.h) read and write it
// through the stage's own reconcile/store/store_impl.h.
class Store {
 public:
  enum class OpenMode { kReadWrite, kReadOnly };
  // Opens or creates the database (kReadWrite), or opens an existing one without changing it
  // (kReadOnly: report, audit, claims). Whether the file is a Concord store is checked before
  // anything is written to it (schema, journal mode); the schema is created and migrated in
  // one IMMEDIATE transaction, so concurrent first opens of a new store agree. Fails with
  // kEnvironment when it cannot be written, is locked past `busy_timeout_ms`, is not a
  // Concord database, or the PostgreSQL server cannot be reached or refuses the login. A
  // read-only open of a store written by an older concord upgrades it.
  static Result<Store> Open(const std::filesystem::path& path, int busy_timeout_ms = 5000,
                            OpenMode mode = OpenMode::kReadWrite);

  // True when `db` names a PostgreSQL server (a postgres:// or postgresql:// URI) rather than a
  // SQLite file.
  static bool IsServer(const std::string& db);
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // True when the store holds article `id` with this content hash (ingest skips it).
  Result<bool> IsUnchanged(const std::string& id, std::uint64_t content_hash);

  // Every stored article's id and content hash, read in one query: ingest checks each article it
  // reads against these instead of asking the store once per article.
  Result<std::unordered_map<std::string, std::uint64_t>> StoredHashes();

  // Writes a batch in one transaction: new articles are added, changed ones replace their
  // old mentions and claims. On failure nothing of the batch is written.
  Result<BatchStats> WriteBatch(const std::vector<ExtractedArticle>& batch);

  // Sets the prior trust of the named sources, in one transaction, creating sources not seen
  // yet; other sources keep theirs. Returns how many priors changed. Takes effect at the next
  // Reconcile().
  Result<std::size_t> SetSourcePriors(const std::vector<SourcePrior>& priors);

  // Stored articles whose file is gone: keys naming a file under one of `folders` (canonical
  // folders) that is not among `listed` (canonical paths of the files listed now), in key order.
  // A JSON or JSON lines file's records ("#L3", "#2") go with their file.
  struct StoredArticle {
    std::string key;   // the article id (corpus::Article::id)
    std::string name;  // what reports show
  };
  Result<std::vector<StoredArticle>> StaleArticles(const std::vector<std::filesystem::path>& folders,
                                                   const std::vector<std::string>& listed);

  // Removes the articles with these keys with their mentions, claims and claim links, in one
  // transaction; the facts they reached are rebuilt by the next Reconcile(). Returns how many
  // were removed.
  Result<std::size_t> RemoveArticles(const std::vector<std::string>& keys);

  // Caps SQLite's page cache of this connection (Open() allows 256 MB, which reconcile over a
  // large store needs); ingest's batch writes need little, so memory stays flat while they run.
  Status SetCacheLimit(std::size_t megabytes);

  // The facts the last reconcile left, by status: what an ingest that changed nothing reports
  // without reconciling again.
  struct FactCounts {
    std::size_t facts = 0, disputed = 0, corroborated = 0, single_source = 0;
  };
  Result<FactCounts> CountFacts();

  // How many stored articles reconcile has not seen yet (an ingest stopped before it).
  Result<std::size_t> PendingReconcile();

  // Stored claims as JSON objects (one string each), in article and text order.
  Result<std::vector<std::string>> QueryClaims(const ClaimFilter& filter, const normalize::EntityTable& entities);

  std::filesystem::path path() const;

  // The open database, for the stage's own rooms; complete only in reconcile/store/store_impl.h.
  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace concord::reconcile
