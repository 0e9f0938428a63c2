#pragma once
// The SQLite schema and its migrations (internal to the store; the schema is written down in
// schema.cc).

#include <SQLiteCpp/SQLiteCpp.h>

namespace concord::reconcile {

// The schema version this build writes (PRAGMA user_version).
int SchemaVersion();

// Runs the migrations after `version` in order, each in one transaction with its version
// bump. Throws SQLite::Exception; a failed migration leaves the last one that committed.
void Migrate(SQLite::Database& db, int version);

}  // namespace concord::reconcile
