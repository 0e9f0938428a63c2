#pragma once
// The two connections behind sql::Connection::Open (database.h).

#include <memory>
#include <string>

#include "reconcile/store/database.h"

struct sqlite3;

namespace concord::reconcile::sql {

// A SQLite failure with its result code (busy, locked, ...).
class SqliteError : public Error {
 public:
  SqliteError(sqlite3* db, int code);
  int code() const { return code_; }

 private:
  int code_;
};

std::unique_ptr<Connection> OpenSqlite(const std::string& path, bool read_only, int wait_ms);
// Read-only opens of PostgreSQL are plain connections: a report may upgrade an older
// store's schema as on SQLite.
std::unique_ptr<Connection> OpenPostgres(const std::string& uri, int wait_ms);

}  // namespace concord::reconcile::sql
