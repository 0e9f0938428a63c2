// The store under injected I/O faults: a SQLite VFS that wraps the default one and fails the
// Nth write, sync or truncate (with a full disk or an I/O error). For every N along a batch
// write and a reconcile, the failed call reports an environment error, and the store reopened
// afterwards passes SQLite's integrity check and holds either everything of the batch or none
// of it; a reconcile run afterwards gives the same report as on a store that never failed.

#include <sqlite3.h>

#include <cstring>
#include <string>

#include "reconcile/reconcile.h"
#include "reconcile/report/json.h"
#include "reconcile/report/report.h"
#include "reconcile/pipeline.h"
#include "testing.h"

namespace concord::reconcile {
namespace {

// Calls that may fail: counts every write, sync and truncate; the one numbered `fail_at`
// (1-based) and, when `sticky`, every later one, fail with `error`.
struct FaultPlan {
  long calls = 0;
  long fail_at = 0;  // 0: no fault
  bool sticky = false;
  int error = SQLITE_IOERR_WRITE;
  bool Fails() {
    ++calls;
    return fail_at > 0 && (calls == fail_at || (sticky && calls > fail_at));
  }
};
FaultPlan plan;
sqlite3_vfs* real_vfs = nullptr;

struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real;  // follows this struct in the same allocation
};

sqlite3_file* Real(sqlite3_file* file) { return reinterpret_cast<FaultFile*>(file)->real; }

int Close(sqlite3_file* f) { return Real(f)->pMethods ? Real(f)->pMethods->xClose(Real(f)) : SQLITE_OK; }
int Read(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
  return Real(f)->pMethods->xRead(Real(f), buffer, amount, offset);
}
int Write(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) {
  if (plan.Fails()) return plan.error;
  return Real(f)->pMethods->xWrite(Real(f), buffer, amount, offset);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  if (plan.Fails()) return SQLITE_IOERR_TRUNCATE;
  return Real(f)->pMethods->xTruncate(Real(f), size);
}
int Sync(sqlite3_file* f, int flags) {
  if (plan.Fails()) return SQLITE_IOERR_FSYNC;
  return Real(f)->pMethods->xSync(Real(f), flags);
}
int FileSize(sqlite3_file* f, sqlite3_int64* size) { return Real(f)->pMethods->xFileSize(Real(f), size); }
int Lock(sqlite3_file* f, int level) { return Real(f)->pMethods->xLock(Real(f), level); }
int Unlock(sqlite3_file* f, int level) { return Real(f)->pMethods->xUnlock(Real(f), level); }
int CheckReservedLock(sqlite3_file* f, int* out) { return Real(f)->pMethods->xCheckReservedLock(Real(f), out); }
int FileControl(sqlite3_file* f, int op, void* arg) { return Real(f)->pMethods->xFileControl(Real(f), op, arg); }
int SectorSize(sqlite3_file* f) { return Real(f)->pMethods->xSectorSize(Real(f)); }
int DeviceCharacteristics(sqlite3_file* f) { return Real(f)->pMethods->xDeviceCharacteristics(Real(f)); }
int ShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return Real(f)->pMethods->xShmMap(Real(f), page, size, extend, out);
}
int ShmLock(sqlite3_file* f, int offset, int n, int flags) { return Real(f)->pMethods->xShmLock(Real(f), offset, n, flags); }
void ShmBarrier(sqlite3_file* f) { Real(f)->pMethods->xShmBarrier(Real(f)); }
int ShmUnmap(sqlite3_file* f, int remove) { return Real(f)->pMethods->xShmUnmap(Real(f), remove); }
int Fetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
  return Real(f)->pMethods->xFetch(Real(f), offset, amount, out);
}
int Unfetch(sqlite3_file* f, sqlite3_int64 offset, void* page) { return Real(f)->pMethods->xUnfetch(Real(f), offset, page); }

const sqlite3_io_methods kFaultMethods = {3,        Close,       Read,   Write,   Truncate,
                                          Sync,     FileSize,    Lock,   Unlock,  CheckReservedLock,
                                          FileControl, SectorSize, DeviceCharacteristics,
                                          ShmMap,   ShmLock,     ShmBarrier, ShmUnmap, Fetch, Unfetch};

int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  auto* wrapper = reinterpret_cast<FaultFile*>(file);
  wrapper->real = reinterpret_cast<sqlite3_file*>(wrapper + 1);
  std::memset(wrapper->real, 0, real_vfs->szOsFile);
  int rc = real_vfs->xOpen(real_vfs, name, wrapper->real, flags, out_flags);
  // SQLite calls xClose only when pMethods is set: set it whenever the real file has methods.
  wrapper->base.pMethods = wrapper->real->pMethods ? &kFaultMethods : nullptr;
  (void)vfs;
  return rc;
}

// The default VFS with Open wrapped; registered as the default for one test's lifetime.
class FaultVfs {
 public:
  FaultVfs() {
    real_vfs = sqlite3_vfs_find(nullptr);
    REQUIRE(real_vfs != nullptr);
    vfs_ = *real_vfs;
    vfs_.zName = "concord-fault";
    vfs_.szOsFile = static_cast<int>(sizeof(FaultFile)) + real_vfs->szOsFile;
    vfs_.xOpen = Open;
    vfs_.pNext = nullptr;
    REQUIRE(sqlite3_vfs_register(&vfs_, 1) == SQLITE_OK);
  }
  ~FaultVfs() {
    sqlite3_vfs_register(real_vfs, 1);
    sqlite3_vfs_unregister(&vfs_);
  }

 private:
  sqlite3_vfs vfs_{};
};

ExtractedArticle Make(const std::string& id, const std::string& source, const std::string& text) {
  return MakeArticle(id, source, "2026-03-03", text);
}

std::vector<ExtractedArticle> FirstBatch() {
  return {Make("a", "Ledger", "Norrland Bank agreed to acquire Fjell Payments for $2.3 billion."),
          Make("b", "Wire", "Orbis Cloud will invest up to $4 billion in Veltrix Systems.")};
}

std::vector<ExtractedArticle> SecondBatch() {
  return {Make("c", "Sentinel", "Norrland Bank will acquire Fjell Payments for $2.5 billion, the bank said."),
          Make("d", "Harbor", "Orbis Cloud will invest up to $4 billion in Veltrix Systems, filings show."),
          Make("a", "Ledger", "Norrland Bank agreed to acquire Fjell Payments for $2.3 billion. "
                              "Fjell reported revenue of $310 million in 2025.")};
}

// What the store holds, as one comparable string: articles, claims, and integrity.
std::string Contents(const std::filesystem::path& db) {
  sqlite3* handle = nullptr;
  REQUIRE(sqlite3_open_v2(db.string().c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  std::string out;
  for (const char* sql : {"PRAGMA integrity_check", "SELECT count(*) FROM articles", "SELECT count(*) FROM claims",
                          "SELECT count(*) FROM mentions", "SELECT group_concat(key, ',') FROM (SELECT key FROM articles ORDER BY key)"}) {
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) == SQLITE_OK);
    while (sqlite3_step(statement) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(statement, 0);
      out += text ? reinterpret_cast<const char*>(text) : "null";
      out += ';';
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(handle);
  return out;
}

std::string ReportJson(Store& store) {
  auto report = LoadReport(store, {}, Bundled().normalizer.entities());
  REQUIRE(report.ok());
  return RenderJson(*report);
}

// The store at `db` after the first batch, written and reconciled with no fault.
void Prepare(const std::filesystem::path& db) {
  auto store = Store::Open(db);
  REQUIRE(store.ok());
  REQUIRE(store->WriteBatch(FirstBatch()).ok());
  REQUIRE(Reconcile(*store, Bundled().normalizer.entities()).ok());
}

TEST_CASE("fault injection: a batch write that fails at any write, sync or truncate leaves all or nothing") {
  FaultVfs vfs;
  testing::TempDir dir;
  // The two states a failed batch may leave: before it, and after it.
  Prepare(dir / "clean.db");
  std::string before = Contents(dir / "clean.db");
  std::string clean_report;
  {
    auto store = Store::Open(dir / "clean.db");
    REQUIRE(store.ok());
    REQUIRE(store->WriteBatch(SecondBatch()).ok());
    REQUIRE(Reconcile(*store, Bundled().normalizer.entities()).ok());
    clean_report = ReportJson(*store);
  }
  std::string after = Contents(dir / "clean.db");
  REQUIRE(before != after);
  REQUIRE(before.rfind("ok;", 0) == 0);

  int failures_seen = 0;
  for (bool sticky : {false, true}) {
    for (long n = 1;; ++n) {
      std::filesystem::path db = dir / ("f" + std::to_string(n) + (sticky ? "s" : "") + ".db");
      Prepare(db);
      plan = FaultPlan{};
      plan.fail_at = n;
      plan.sticky = sticky;
      plan.error = n % 2 ? SQLITE_FULL : SQLITE_IOERR_WRITE;
      bool failed = false;
      {
        auto store = Store::Open(db);
        if (!store.ok()) {
          failed = true;
          CHECK(store.status().code() == StatusCode::kEnvironment);
        } else {
          auto written = store->WriteBatch(SecondBatch());
          if (!written.ok()) {
            failed = true;
            INFO("fault at call " << n << ": " << written.status().message());
            CHECK(written.status().code() == StatusCode::kEnvironment);
            CHECK(written.status().where().find(db.filename().string()) != std::string::npos);
          }
        }
      }
      long calls = plan.calls;
      plan = FaultPlan{};
      std::string now = Contents(db);
      INFO("fault at call " << n << (sticky ? " and after" : "") << ", failed: " << failed);
      CHECK((now == before || now == after));
      if (!failed) CHECK(now == after);
      // Whatever was left, the next ingest and reconcile finish the job.
      {
        auto store = Store::Open(db);
        REQUIRE(store.ok());
        REQUIRE(store->WriteBatch(SecondBatch()).ok());
        REQUIRE(Reconcile(*store, Bundled().normalizer.entities()).ok());
        CHECK(ReportJson(*store) == clean_report);
      }
      CHECK(Contents(db) == after);
      failures_seen += failed;
      if (calls < n) break;  // the batch finished before the fault point: every call was tried
    }
  }
  CHECK(failures_seen > 3);
}

TEST_CASE("fault injection: a reconcile that fails part way leaves a store the next reconcile completes") {
  FaultVfs vfs;
  testing::TempDir dir;
  std::string clean_report;
  {
    Prepare(dir / "clean.db");
    auto store = Store::Open(dir / "clean.db");
    REQUIRE(store.ok());
    REQUIRE(store->WriteBatch(SecondBatch()).ok());
    REQUIRE(Reconcile(*store, Bundled().normalizer.entities()).ok());
    clean_report = ReportJson(*store);
  }
  int failures_seen = 0;
  for (long n = 1;; ++n) {
    std::filesystem::path db = dir / ("r" + std::to_string(n) + ".db");
    Prepare(db);
    {
      auto store = Store::Open(db);
      REQUIRE(store.ok());
      REQUIRE(store->WriteBatch(SecondBatch()).ok());
    }
    plan = FaultPlan{};
    plan.fail_at = n;
    plan.error = n % 2 ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    {
      auto store = Store::Open(db);
      if (store.ok()) {
        auto stats = Reconcile(*store, Bundled().normalizer.entities());
        if (!stats.ok()) {
          ++failures_seen;
          CHECK(stats.status().code() == StatusCode::kEnvironment);
        }
      }
    }
    long calls = plan.calls;
    plan = FaultPlan{};
    INFO("fault at call " << n);
    CHECK(Contents(db).rfind("ok;", 0) == 0);
    {
      auto store = Store::Open(db);
      REQUIRE(store.ok());
      REQUIRE(Reconcile(*store, Bundled().normalizer.entities()).ok());
      CHECK(ReportJson(*store) == clean_report);
    }
    if (calls < n) break;
  }
  CHECK(failures_seen > 3);
}

}  // namespace
}  // namespace concord::reconcile
