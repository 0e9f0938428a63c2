// The SQLite connection of the SQL layer (database.h): a thin skin over the C API.

#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "reconcile/store/database.h"
#include "reconcile/store/database_backends.h"

namespace concord::reconcile::sql {
namespace {

class SqliteStatement : public StatementImpl {
 public:
  SqliteStatement(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &statement_, nullptr) != SQLITE_OK) {
      throw Error(sqlite3_errmsg(db));
    }
  }
  ~SqliteStatement() override { sqlite3_finalize(statement_); }

  void BindInt64(int index, std::int64_t value) override {
    Ready();
    Check(sqlite3_bind_int64(statement_, index, value));
  }
  void BindDouble(int index, double value) override {
    Ready();
    Check(sqlite3_bind_double(statement_, index, value));
  }
  void BindText(int index, std::string_view value) override {
    Ready();
    Check(sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
  }
  void BindBlob(int index, std::string_view bytes) override {
    Ready();
    Check(sqlite3_bind_blob(statement_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT));
  }
  void BindNull(int index) override {
    Ready();
    Check(sqlite3_bind_null(statement_, index));
  }
  bool Step() override {
    stepped_ = true;
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    Throw(code);
  }
  std::int64_t Exec() override {
    Ready();
    const int code = sqlite3_step(statement_);
    if (code != SQLITE_DONE && code != SQLITE_ROW) {
      sqlite3_reset(statement_);
      Throw(code);
    }
    const std::int64_t changed = sqlite3_changes64(db_);
    sqlite3_reset(statement_);
    return changed;
  }
  void Reset() override {
    sqlite3_reset(statement_);
    stepped_ = false;
  }
  bool IsNull(int column) override { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }
  std::int64_t Int64(int column) override { return sqlite3_column_int64(statement_, column); }
  double Double(int column) override { return sqlite3_column_double(statement_, column); }
  std::string Text(int column) override {
    const unsigned char* text = sqlite3_column_text(statement_, column);
    if (text == nullptr) return "";
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
  }
  std::string Blob(int column) override {
    const void* blob = sqlite3_column_blob(statement_, column);
    if (blob == nullptr) return "";
    return std::string(static_cast<const char*>(blob), static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
  }

 private:
  // Binding a statement that ran needs a reset first.
  void Ready() {
    if (stepped_) Reset();
  }
  void Check(int code) {
    if (code != SQLITE_OK) Throw(code);
  }
  [[noreturn]] void Throw(int code) { throw SqliteError(db_, code); }

  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
  bool stepped_ = false;
};

class SqliteConnection : public Connection {
 public:
  SqliteConnection(const std::string& path, bool read_only, int wait_ms) : wait_ms_(wait_ms) {
    const int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const int code = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (code != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
      sqlite3_close(db_);
      throw Error(message);
    }
    sqlite3_busy_timeout(db_, wait_ms);
    if (!read_only) Exec("PRAGMA foreign_keys = ON");
  }
  ~SqliteConnection() override { sqlite3_close(db_); }

  Dialect dialect() const override { return Dialect::kSQLite; }
  void Exec(const std::string& sql) override {
    const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) throw SqliteError(db_, code);
  }
  std::unique_ptr<StatementImpl> Prepare(const std::string& sql) override {
    return std::make_unique<SqliteStatement>(db_, sql);
  }
  // IMMEDIATE for both kinds: the write lock first (waiting up to the busy timeout), since a
  // deferred transaction that read before another writer committed fails at once on its
  // first write ("database is locked").
  void Begin(Lock) override { Exec("BEGIN IMMEDIATE"); }
  void Commit() override { Exec("COMMIT"); }
  void Rollback() noexcept override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
  int SchemaVersion() override { return static_cast<int>(QueryInt64(*this, "PRAGMA user_version")); }
  void SetSchemaVersion(int version) override { Exec("PRAGMA user_version = " + std::to_string(version)); }
  std::int64_t ForeignTables() override { return QueryInt64(*this, "SELECT count(*) FROM sqlite_master"); }
  void LockSchema() override {}  // BEGIN IMMEDIATE holds the write lock already

  void Tune() override {
    // Only now, on a file known to be ours. WAL: readers (report) never block the writer
    // (ingest); NORMAL sync is durable at each transaction in WAL mode except on power loss,
    // where the last batch may roll back.
    SwitchToWal();
    Exec("PRAGMA synchronous = NORMAL");
    // Up to 256 MB of page cache (allocated as used): reconcile's index writes over a store
    // of a million claims otherwise thrash the default 2 MB.
    Exec("PRAGMA cache_size = -262144");
  }

  // Puts the store in WAL mode (a setting kept in the file). The switch needs the file to
  // itself, and SQLite does not wait for that: a concurrent first ingest holding its IMMEDIATE
  // transaction makes it fail at once with "database is locked". So it is retried until the
  // busy timeout has passed, as any other write would wait.
  void SwitchToWal() {
    constexpr auto kRetry = std::chrono::milliseconds(10);
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms_);
    while (true) {
      try {
        std::string current;
        {
          // Finished before the switch: a statement still stepping holds a read transaction.
          Statement mode(*this, "PRAGMA journal_mode");
          if (mode.Step()) current = mode.Text(0);
        }
        if (current != "wal") Exec("PRAGMA journal_mode = WAL");
        return;
      } catch (const SqliteError& error) {
        const int code = error.code() & 0xFF;
        if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || std::chrono::steady_clock::now() >= give_up) throw;
        std::this_thread::sleep_for(kRetry);
      }
    }
  }

 private:
  sqlite3* db_ = nullptr;
  int wait_ms_;
};

}  // namespace

SqliteError::SqliteError(sqlite3* db, int code) : Error(sqlite3_errmsg(db)), code_(code) {}

std::unique_ptr<Connection> OpenSqlite(const std::string& path, bool read_only, int wait_ms) {
  return std::make_unique<SqliteConnection>(path, read_only, wait_ms);
}

}  // namespace concord::reconcile::sql
