#pragma once
// The schema and its migrations (internal to the store; the schema is written down in
// schema.cc and SCHEMA.md).

#include "reconcile/store/database.h"

namespace concord::reconcile {

// The schema version this build writes (SQLite: PRAGMA user_version; PostgreSQL: the table
// concord_schema).
int SchemaVersion();

// Runs the migrations after `version` in order, each with its version bump, inside the
// caller's transaction (Store::Open holds one IMMEDIATE transaction around the version check
// and all of them). Throws sql::Error; the caller's rollback undoes every step.
void Migrate(sql::Connection& db, int version);

}  // namespace concord::reconcile
