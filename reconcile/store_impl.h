#pragma once
// The store's private state, shared by store.cc, facts.cc and report.cc.

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <memory>
#include <string>

#include "reconcile/reconcile.h"

namespace concord::reconcile {

struct Store::Impl {
  std::unique_ptr<SQLite::Database> db;
  std::filesystem::path path;
};

// A Status for a failed database call: environment failures (locked, full, read-only)
// name the database file.
Status DatabaseError(const std::filesystem::path& path, const std::exception& error);

// Sketch of an article's word shingles for near-duplicate detection (bottom-k MinHash).
std::string ShingleSketch(std::string_view text);
// Estimated Jaccard similarity of two sketches, 0..1.
double SketchSimilarity(std::string_view a, std::string_view b);

}  // namespace concord::reconcile
