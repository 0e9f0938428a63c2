// The fact store: opening (and migrating, schema.cc), batch writes, source priors, claim
// queries. The SQL stays within what SQLite and PostgreSQL both accept (DESIGN.md, "Scale");
// the SQL layer (database.h) rewrites the rest.

#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <type_traits>
#include <variant>

#include "reconcile/store/json_form.h"
#include "reconcile/store/schema.h"
#include "reconcile/store/sketch.h"
#include "reconcile/store/store_impl.h"

namespace concord::reconcile {
namespace {

std::string HashHex(std::uint64_t hash) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

std::string NowUtc() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

void BindText(sql::Statement& statement, int index, const std::string& text) {
  if (text.empty()) {
    statement.BindNull(index);
  } else {
    statement.Bind(index, text);
  }
}

std::int64_t SourceId(sql::Connection& db, const std::string& name) {
  sql::Statement insert(db, "INSERT INTO sources(name) VALUES (?) ON CONFLICT(name) DO NOTHING");
  insert.Bind(1, name);
  insert.Exec();
  sql::Statement select(db, "SELECT id FROM sources WHERE name = ?");
  select.Bind(1, name);
  select.Step();
  return select.Int64(0);
}

}  // namespace

Status DatabaseError(const std::filesystem::path& path, const std::exception& error) {
  return Status::Environment(path.string(), std::string("database error: ") + error.what());
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;
std::filesystem::path Store::path() const { return impl_->path; }
bool Store::IsServer(const std::string& db) { return sql::Connection::IsPostgresTarget(db); }

namespace {

// Checks that `db` is a Concord store this binary can read (or an empty database that becomes
// one). Reads only: nothing of someone else's database changes before this passes.
Status CheckIsConcordStore(sql::Connection& db, const std::filesystem::path& path, int version) {
  if (version > SchemaVersion()) {
    return Status::Environment(path.string(), "database schema version " + std::to_string(version) +
                                                  " is newer than this concord (" + std::to_string(SchemaVersion()) + ")");
  }
  if (version == 0) {
    // A non-empty database without our version is someone else's.
    if (db.ForeignTables() > 0) return Status::Environment(path.string(), "not a Concord database (it has other tables)");
  }
  return Status::Ok();
}

}  // namespace

Result<Store> Store::Open(const std::filesystem::path& path, int busy_timeout_ms, OpenMode mode) {
  auto impl = std::make_unique<Impl>();
  impl->path = sql::Connection::Display(path.string());
  impl->wait_ms = busy_timeout_ms;
  try {
    if (mode == OpenMode::kReadOnly) {
      // report, audit and claims change nothing of a database that is not a Concord store of
      // this version: not the journal mode, not the schema.
      impl->db = sql::Connection::Open(path.string(), /*read_only=*/true, busy_timeout_ms);
      sql::Connection& db = *impl->db;
      const int version = db.SchemaVersion();
      if (Status status = CheckIsConcordStore(db, impl->path, version); !status.ok()) return status;
      // An empty PostgreSQL database is not a store yet, as a SQLite file that is not there:
      // a command that only reads makes no schema in it (an ingest does).
      if (version == 0 && db.dialect() == sql::Dialect::kPostgres) {
        return Status::Usage("no Concord store in " + impl->path.string() + " (the database is empty; run `concord ingest DIR --db " +
                             impl->path.string() + "` first)");
      }
      // Our own store written by an older concord (or an empty SQLite file): upgraded as before.
      if (version < SchemaVersion()) {
        impl.reset();
        return Open(path, busy_timeout_ms, OpenMode::kReadWrite);
      }
      return Store(std::move(impl));
    }
    impl->db = sql::Connection::Open(path.string(), /*read_only=*/false, busy_timeout_ms);
    sql::Connection& db = *impl->db;
    {
      // The check and every migration in one transaction that holds the write lock (SQLite:
      // IMMEDIATE, waiting up to the busy timeout; PostgreSQL: an advisory lock) before the
      // version is read, so of several first ingests on a new store one creates the schema and
      // the others then find it made. A deferred transaction would read the version as a
      // reader and fail on the upgrade ("table sources already exists").
      sql::Transaction transaction(db);
      db.LockSchema();
      const int version = db.SchemaVersion();
      if (Status status = CheckIsConcordStore(db, impl->path, version); !status.ok()) return status;
      Migrate(db, version);
      transaction.Commit();
    }
    db.Tune();
  } catch (const std::exception& error) {
    return DatabaseError(impl->path, error);
  }
  return Store(std::move(impl));
}

Result<bool> Store::IsUnchanged(const std::string& id, std::uint64_t content_hash) {
  try {
    sql::Statement select(*impl_->db, "SELECT content_hash FROM articles WHERE key = ?");
    select.Bind(1, id);
    if (!select.Step()) return false;
    return select.Text(0) == HashHex(content_hash);
  } catch (const std::exception& error) {
    return DatabaseError(impl_->path, error);
  }
}

Result<std::unordered_map<std::string, std::uint64_t>> Store::StoredHashes() {
  std::unordered_map<std::string, std::uint64_t> hashes;
  try {
    sql::Statement select(*impl_->db, "SELECT key, content_hash FROM articles");
    while (select.Step()) {
      const std::string hex = select.Text(1);
      hashes.emplace(select.Text(0), std::strtoull(hex.c_str(), nullptr, 16));
    }
  } catch (const std::exception& error) {
    return DatabaseError(impl_->path, error);
  }
  return hashes;
}

namespace {

// Rows of one table written many to a statement: on PostgreSQL every statement is a round trip
// to the server, so a batch's claims and mentions go `kRows` rows at a time (the rest in one
// statement of their own) instead of one round trip each. Rows keep their order, and so their ids.
class RowWriter {
 public:
  static constexpr std::size_t kRows = 32;
  RowWriter(sql::Connection& db, std::string head, std::size_t columns)
      : db_(db), head_(std::move(head)), columns_(columns) {}

  void Null() { values_.emplace_back(std::monostate{}); }
  void Int(std::int64_t value) { values_.emplace_back(value); }
  void Real(double value) { values_.emplace_back(value); }
  void Text(std::string value) { values_.emplace_back(std::move(value)); }
  void TextOrNull(const std::string& value) {
    if (value.empty()) {
      Null();
    } else {
      Text(value);
    }
  }
  // After the row's last value: writes a full statement's rows.
  void EndRow() {
    if (values_.size() >= kRows * columns_) Write(kRows);
  }
  // Writes every row not written yet.
  void Flush() {
    if (!values_.empty()) Write(values_.size() / columns_);
  }

 private:
  using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

  void Write(std::size_t rows) {
    std::unique_ptr<sql::Statement>& statement = rows == kRows ? full_ : partial_;
    if (!statement || (rows != kRows && rows != partial_rows_)) {
      std::string sql = head_ + " VALUES ";
      for (std::size_t row = 0; row < rows; ++row) {
        sql += row == 0 ? "(" : ", (";
        for (std::size_t column = 0; column < columns_; ++column) sql += column == 0 ? "?" : ", ?";
        sql += ")";
      }
      statement = std::make_unique<sql::Statement>(db_, sql);
      if (rows != kRows) partial_rows_ = rows;
    }
    for (std::size_t i = 0; i < rows * columns_; ++i) {
      const int index = static_cast<int>(i + 1);
      std::visit(
          [&](auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
              statement->BindNull(index);
            } else {
              statement->Bind(index, value);
            }
          },
          values_[i]);
    }
    statement->Exec();
    values_.erase(values_.begin(), values_.begin() + static_cast<std::ptrdiff_t>(rows * columns_));
  }

  sql::Connection& db_;
  std::string head_;
  std::size_t columns_;
  std::vector<Value> values_;
  std::unique_ptr<sql::Statement> full_, partial_;
  std::size_t partial_rows_ = 0;
};

// One attempt at writing a batch (Store::WriteBatch). Throws sql::Error.
BatchStats WriteBatchOnce(sql::Connection& db, const std::vector<ExtractedArticle>& batch) {
  BatchStats stats;
  {
    // One transaction per batch: a crash, Ctrl-C or a lost server mid-batch leaves the store
    // as it was before the batch; sql::Transaction rolls back when it goes out of scope
    // uncommitted. On SQLite it is IMMEDIATE: the write lock is taken at the start, waiting
    // up to the busy timeout for another writer; a deferred transaction would start as a
    // reader and, on upgrading, fail at once with "database is locked" when another writer
    // got there first. On PostgreSQL writers run side by side and the articles' unique keys
    // decide (the insert below).
    sql::Transaction transaction(db);
    sql::Statement find(db, "SELECT id, content_hash FROM articles WHERE key = ?");
    sql::Statement remove(db, "DELETE FROM articles WHERE id = ?");
    sql::Statement unlink_claims(
        db, "DELETE FROM claim_facts WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?)");
    sql::Statement insert_article(db, R"sql(
      INSERT INTO articles(key, name, source_id, url, title, published, kind, derived_from, content_hash,
                           body_offset, text, sketch, ingested_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(key) DO NOTHING RETURNING id)sql");
    sql::Statement mark_unreconciled(db, "INSERT INTO unreconciled(article_id) VALUES (?)");
    RowWriter insert_mention(db, "INSERT INTO mentions(article_id, kind, span_begin, span_end, text, value)", 6);
    RowWriter insert_claim(db, R"sql(
      INSERT INTO claims(article_id, relation, subject_id, subject, counterparty_id, counterparty, object_id, object,
                         value_kind, value_low, value_high, currency, qualifier, value_per, exclusive, terms,
                         time_start, time_end, time_precision, time_boundary, time_flags, polarity, modality,
                         condition, condition_text, attribution, sentence, span_begin, span_end, quote, rule,
                         confidence, claim_json))sql", 33);
    const std::string now = NowUtc();
    for (const ExtractedArticle& item : batch) {
      const corpus::Article& article = item.article;
      find.Bind(1, article.id);
      bool exists = find.Step();
      std::int64_t old_id = exists ? find.Int64(0) : 0;
      bool same = exists && find.Text(1) == HashHex(article.content_hash);
      find.Reset();
      if (same) {
        ++stats.unchanged;
        continue;
      }
      if (exists) {
        // The rows written so far may be the old article's (a batch that names it twice).
        insert_mention.Flush();
        insert_claim.Flush();
        unlink_claims.Bind(1, old_id);
        unlink_claims.Exec();
        unlink_claims.Reset();
        remove.Bind(1, old_id);
        remove.Exec();
        remove.Reset();
        ++stats.replaced;
      } else {
        ++stats.added;
      }
      std::string sketch = ShingleSketch(article.text);
      insert_article.Bind(1, article.id);
      insert_article.Bind(2, article.name);
      insert_article.Bind(3, SourceId(db, article.source.empty() ? "unknown" : article.source));
      BindText(insert_article, 4, article.url);
      BindText(insert_article, 5, article.title);
      BindText(insert_article, 6, article.published);
      insert_article.Bind(7, corpus::KindName(article.kind));
      BindText(insert_article, 8, article.derived_from);
      insert_article.Bind(9, HashHex(article.content_hash));
      insert_article.Bind(10, static_cast<std::int64_t>(article.body_offset));
      insert_article.Bind(11, article.text);
      insert_article.BindBlob(12, sketch);
      insert_article.Bind(13, now);
      // No row back: another writer (PostgreSQL only; SQLite holds the write lock) stored this
      // key after `find` looked. The batch runs again and then compares content hashes.
      if (!insert_article.Step()) throw sql::Error("article " + article.id + " was stored by another writer", true);
      const std::int64_t article_row = insert_article.Int64(0);
      insert_article.Reset();
      mark_unreconciled.Bind(1, article_row);
      mark_unreconciled.Exec();
      mark_unreconciled.Reset();
      for (const extract::Mention& mention : item.extraction.mentions) {
        insert_mention.Int(article_row);
        insert_mention.Text(std::string(extract::MentionKindName(mention.kind)));
        insert_mention.Int(static_cast<std::int64_t>(mention.span.begin));
        insert_mention.Int(static_cast<std::int64_t>(mention.span.end));
        insert_mention.Text(mention.text);
        insert_mention.Text(MentionValueJson(mention).dump());
        insert_mention.EndRow();
        ++stats.mentions;
      }
      for (const extract::Claim& claim : item.extraction.claims) {
        auto text = [&](const std::string& value) { insert_claim.TextOrNull(value); };
        insert_claim.Int(article_row);
        text(claim.relation);
        text(claim.subject.entity.id);
        text(claim.subject.present() ? (claim.subject.entity.name.empty() ? claim.subject.text : claim.subject.entity.name) : "");
        text(claim.counterparty.entity.id);
        text(claim.counterparty.present() ? (claim.counterparty.entity.name.empty() ? claim.counterparty.text : claim.counterparty.entity.name) : "");
        text(claim.object.entity.id);
        text(claim.object.present() ? (claim.object.entity.name.empty() ? claim.object.text : claim.object.entity.name) : "");
        insert_claim.Text(std::string(ValueKindName(claim.value_kind)));
        if (claim.value_kind == extract::ValueKind::kNone) {
          insert_claim.Null();
          insert_claim.Null();
        } else {
          insert_claim.Real(claim.value.low);
          insert_claim.Real(claim.value.high);
        }
        text(claim.value.currency);
        text(claim.value_kind == extract::ValueKind::kNone ? "" : extract::QualifierName(claim.value.qualifier));
        text(claim.value.per);
        if (claim.exclusive.has_value()) {
          insert_claim.Int(*claim.exclusive ? 1 : 0);
        } else {
          insert_claim.Null();
        }
        nlohmann::json terms = nlohmann::json::object();
        for (const auto& [key, value] : claim.terms) terms[key] = value;
        text(claim.terms.empty() ? "" : terms.dump());
        text(claim.has_time ? claim.time.start : "");
        text(claim.has_time ? claim.time.end : "");
        text(claim.has_time ? extract::PrecisionName(claim.time.precision) : "");
        text(claim.has_time ? extract::BoundaryName(claim.time.boundary) : "");
        text(claim.has_time && !claim.time.flags.empty() ? nlohmann::json(claim.time.flags).dump() : "");
        text(extract::PolarityName(claim.polarity));
        text(extract::ModalityName(claim.modality));
        text(claim.condition);
        text(claim.condition_text);
        text(claim.attribution);
        insert_claim.Int(static_cast<std::int64_t>(claim.provenance.sentence));
        insert_claim.Int(static_cast<std::int64_t>(claim.provenance.span.begin));
        insert_claim.Int(static_cast<std::int64_t>(claim.provenance.span.end));
        insert_claim.Text(claim.provenance.quote);
        text(claim.rule);
        insert_claim.Real(static_cast<double>(claim.confidence));
        insert_claim.Text(ClaimJson(claim).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        insert_claim.EndRow();
        ++stats.claims;
      }
    }
    insert_mention.Flush();
    insert_claim.Flush();
    transaction.Commit();
  }
  return stats;
}

}  // namespace

Result<BatchStats> Store::WriteBatch(const std::vector<ExtractedArticle>& batch) {
  // Concurrent writers on PostgreSQL: a deadlock, a serialization failure or a key another
  // writer took first rolls the batch back; it runs again after a short, growing pause.
  constexpr int kAttempts = 8;
  for (int attempt = 1;; ++attempt) {
    try {
      return WriteBatchOnce(*impl_->db, batch);
    } catch (const sql::Error& error) {
      if (!error.retry() || attempt == kAttempts) return DatabaseError(impl_->path, error);
      std::this_thread::sleep_for(std::chrono::milliseconds(10 * attempt * attempt));
    } catch (const std::exception& error) {
      return DatabaseError(impl_->path, error);
    }
  }
}

namespace {

// The file an article key names: the key without a "#L<n>" or "#<n>" record suffix.
std::filesystem::path FileOfKey(const std::string& key) {
  const std::size_t hash = key.rfind('#');
  if (hash == std::string::npos) return key;
  std::size_t digits = hash + 1;
  if (digits < key.size() && key[digits] == 'L') ++digits;
  if (digits == key.size()) return key;
  for (std::size_t i = digits; i < key.size(); ++i) {
    if (key[i] < '0' || key[i] > '9') return key;
  }
  return key.substr(0, hash);
}

bool IsUnderFolder(const std::filesystem::path& path, const std::filesystem::path& folder) {
  return std::mismatch(folder.begin(), folder.end(), path.begin(), path.end()).first == folder.end();
}

}  // namespace

Result<std::vector<Store::StoredArticle>> Store::StaleArticles(const std::vector<std::filesystem::path>& folders,
                                                               const std::vector<std::string>& listed) {
  std::vector<StoredArticle> stale;
  if (folders.empty()) return stale;
  const std::set<std::string> present(listed.begin(), listed.end());
  try {
    sql::Statement select(*impl_->db, "SELECT key, name FROM articles ORDER BY key");
    while (select.Step()) {
      std::string key = select.Text(0);
      const std::filesystem::path file = FileOfKey(key);
      if (present.count(file.string())) continue;
      if (std::none_of(folders.begin(), folders.end(),
                       [&](const std::filesystem::path& folder) { return IsUnderFolder(file, folder); })) {
        continue;
      }
      stale.push_back({std::move(key), select.Text(1)});
    }
  } catch (const std::exception& error) {
    return DatabaseError(impl_->path, error);
  }
  return stale;
}

Result<std::size_t> Store::RemoveArticles(const std::vector<std::string>& keys) {
  std::size_t removed = 0;
  sql::Connection& db = *impl_->db;
  try {
    sql::Transaction transaction(db);
    // claim_facts has no foreign key to claims (schema.cc, version 2): its links go first, as
    // WriteBatch does for a replaced article; mentions, claims, clusters and syndicated pairs
    // cascade. Reconcile sees each fact that lost a claim by its claim count.
    sql::Statement unlink_claims(db, R"sql(
      DELETE FROM claim_facts WHERE claim_id IN
        (SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.key = ?))sql");
    sql::Statement remove(db, "DELETE FROM articles WHERE key = ?");
    for (const std::string& key : keys) {
      unlink_claims.Bind(1, key);
      unlink_claims.Exec();
      unlink_claims.Reset();
      remove.Bind(1, key);
      removed += static_cast<std::size_t>(remove.Exec());
      remove.Reset();
    }
    transaction.Commit();
  } catch (const std::exception& error) {
    return DatabaseError(impl_->path, error);
  }
  return removed;
}

Status Store::SetCacheLimit(std::size_t megabytes) {
  try {
    // SQLite's page cache; a PostgreSQL server sizes its own.
    if (impl_->db->dialect() == sql::Dialect::kSQLite) {
      impl_->db->Exec("PRAGMA cache_size = -" + std::to_string(megabytes * 1024));
    }
  } catch (const std::exception& error) {
    return DatabaseError(impl_->path, error);
  }
  return Status::Ok();
}

Result<Store::FactCounts> Store::CountFacts() {
  FactCounts counts;
  try {
    sql::Statement select(*impl_->db, "SELECT status, count(*) FROM facts GROUP BY status");
    while (select.Step()) {
      const std::string status = select.Text(0);
      const auto count = static_cast<std::size_t>(select.Int64(1));
      counts.facts += count;
      if (status == "disputed") counts.disputed += count;
      if (status == "corroborated") counts.corroborated += count;
      if (status == "single_source") counts.single_source += count;
    }
  } catch (const std::exception& error) {
    return DatabaseError(impl_->path, error);
  }
  return counts;
}

Result<std::size_t> Store::PendingReconcile() {
  try {
    return static_cast<std::size_t>(sql::QueryInt64(*impl_->db, "SELECT count(*) FROM unreconciled"));
  } catch (const std::exception& error) {
    return DatabaseError(impl_->path, error);
  }
}

Result<std::vector<SourcePrior>> ReadSourcePriors(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::InvalidInput(file.string(), "cannot read the source priors file");
  std::vector<SourcePrior> priors;
  std::map<std::string, int> line_of_source;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos || line[0] == '#') continue;
    const std::string where = file.string() + ":" + std::to_string(line_number);
    const std::size_t tab = line.rfind('\t');
    if (tab == std::string::npos) return Status::InvalidInput(where, "expected `source<TAB>prior`");
    SourcePrior prior;
    prior.source = line.substr(0, tab);
    while (!prior.source.empty() && prior.source.back() == ' ') prior.source.pop_back();
    const std::string number = line.substr(tab + 1);
    if (prior.source.empty()) return Status::InvalidInput(where, "empty source name");
    char* end = nullptr;
    prior.prior = std::strtod(number.c_str(), &end);
    if (number.empty() || end == number.c_str() || *end != '\0' || !(prior.prior >= 0 && prior.prior <= 1)) {
      return Status::InvalidInput(where, "prior '" + number + "' is not a number from 0 to 1");
    }
    auto [seen, inserted] = line_of_source.emplace(prior.source, line_number);
    if (!inserted) {
      return Status::InvalidInput(where, "source '" + prior.source + "' already has a prior on line " +
                                             std::to_string(seen->second));
    }
    priors.push_back(std::move(prior));
  }
  return priors;
}

Result<std::size_t> Store::SetSourcePriors(const std::vector<SourcePrior>& priors) {
  std::size_t changed = 0;
  sql::Connection& db = *impl_->db;
  try {
    sql::Transaction transaction(db);
    sql::Statement update(db, "UPDATE sources SET prior = ?1 WHERE id = ?2 AND prior != ?1");
    for (const SourcePrior& prior : priors) {
      update.Bind(1, prior.prior);
      update.Bind(2, SourceId(db, prior.source));
      changed += static_cast<std::size_t>(update.Exec());
      update.Reset();
    }
    transaction.Commit();
  } catch (const std::exception& error) {
    return DatabaseError(impl_->path, error);
  }
  return changed;
}

Result<std::vector<std::string>> Store::QueryClaims(const ClaimFilter& filter, const normalize::EntityTable& entities) {
  std::vector<std::string> claims;
  try {
    std::string entity_id;
    if (!filter.entity.empty()) {
      const normalize::Entity* entity = entities.Find(filter.entity);
      entity_id = entity ? entity->id : normalize::CanonicalKey(filter.entity);
    }
    sql::Statement select(*impl_->db, R"sql(
      SELECT c.claim_json, a.name, s.name, a.published, c.id, c.subject_id, c.counterparty_id, c.object_id
      FROM claims c JOIN articles a ON a.id = c.article_id JOIN sources s ON s.id = a.source_id
      WHERE (?1 = '' OR c.relation = ?1)
      ORDER BY a.name, c.span_begin, c.id)sql");
    select.Bind(1, filter.relation);
    // A name with no letters or digits ("%", "_") has an empty key: it names no entity and
    // matches nothing (names are matched literally, never as patterns).
    if (!filter.entity.empty() && entity_id.empty()) return claims;
    while (select.Step()) {
      if (!entity_id.empty()) {
        bool plays_a_role = false;
        for (int column : {5, 6, 7}) {
          std::string id = select.Text(column);
          if (!id.empty() && (id == entity_id || entities.IsWithin(id, entity_id))) plays_a_role = true;
        }
        if (!plays_a_role) continue;
      }
      nlohmann::json claim = nlohmann::json::parse(select.Text(0));
      claim["id"] = select.Int64(4);
      claim["article"] = select.Text(1);
      claim["source"] = select.Text(2);
      claim["published"] = select.IsNull(3) ? nlohmann::json() : nlohmann::json(select.Text(3));
      claims.push_back(claim.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
  } catch (const std::exception& error) {
    return DatabaseError(impl_->path, error);
  }
  return claims;
}

}  // namespace concord::reconcile
