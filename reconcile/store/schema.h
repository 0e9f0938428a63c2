#pragma once
// The SQLite schema and its migrations (internal to the store; the schema is written down in
// schema.cc).

#include <SQLiteCpp/SQLiteCpp.h>

namespace concord::reconcile {

// The schema version this build writes (PRAGMA user_version).
int SchemaVersion();

// Runs the migrations after `version` in order, each with its version bump, inside the
// caller's transaction (Store::Open holds one IMMEDIATE transaction around the version check
// and all of them). Throws SQLite::Exception; the caller's rollback undoes every step.
void Migrate(SQLite::Database& db, int version);

}  // namespace concord::reconcile
