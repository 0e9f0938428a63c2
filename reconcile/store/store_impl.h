#pragma once
// The store's insides, for the rooms of the stage that read or write it (the reconcile
// pass, the summary audit, the report): the open database (SQLite or PostgreSQL, behind the
// SQL layer of database.h) and the loaders of plain rows. Nothing outside reconcile/
// includes this.

#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "corpus/status.h"
#include "reconcile/store/database.h"
#include "reconcile/store/rows.h"
#include "reconcile/store/store.h"

namespace concord::reconcile {

struct Store::Impl {
  std::unique_ptr<sql::Connection> db;
  std::filesystem::path path;  // a SQLite file, or a PostgreSQL URI as messages show it
  int wait_ms = 5000;          // --wait
};

// A Status for a failed database call: environment failures (locked, full, read-only, the
// server gone) name the database file or URI.
Status DatabaseError(const std::filesystem::path& path, const std::exception& error);

// Stored claims in id order. `where` (SQL over `c` claims, `a` articles) narrows them; without
// `with_text`, url stays empty and quote is read only for claims with a figure (reconcile reads
// its update cues from it).
std::vector<ClaimRow> LoadClaimRows(sql::Connection& db, const std::string& where = "", bool with_text = true);

// The same rows one at a time, without holding them: `from` replaces "claims c" (a join that
// names the claims `c`), `order_by` orders them (SQL over the tables of `from`).
void ForEachClaimRow(sql::Connection& db, const std::string& from, const std::string& where, const std::string& order_by,
                     bool with_text, const std::function<void(ClaimRow&)>& each);

// Every stored article, in id order.
std::vector<ArticleRow> LoadArticleRows(sql::Connection& db);

// Every stored article's shingle sketch, by article id.
std::map<std::int64_t, std::string> LoadSketches(sql::Connection& db);

}  // namespace concord::reconcile
