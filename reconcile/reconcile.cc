// The reconcile pass: claims → facts, discrepancies, independence groups, trust and scores.
// The formula is written down in reconcile/SCORING.md; keep the two in step.
//
// A run recomputes only the facts that what changed since the last run can reach:
//   1. a key scan over every claim (light columns) finds each claim's fact key now; a fact is
//      touched when a claim's key moved, a claim is new, a fact's claim count changed
//      (claims of a replaced article are gone), or a source's independence group changed;
//   2. facts whose differences can depend on a touched one are rewritten: the touched facts,
//      their mirrors (direction), the facts with the same figure and a party in common
//      (entity slips) and the other periods of a period measure (period slips); their claims,
//      and those of their own neighbours, are loaded, one relation at a time (facts of two
//      relations never compare). A relation whose every fact is touched (a first or full run)
//      streams instead: its claims are read in key order, one fact in memory at a time, in two
//      passes (the first keeps what entity slips compare of each fact with a figure, the
//      second builds each fact again and writes it); memory then follows the largest fact and
//      the number of keys, not the number of claims;
//   3. trust and scores are recomputed over the whole store from narrow rows (one per claim),
//      and only facts whose score or status moved are written.
// A first run touches every fact and so is a full reconcile; the result does not depend on
// the order articles arrived in (a fact's accounts are read by date, article and place).

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "reconcile/facts.h"
#include "reconcile/independence.h"
#include "reconcile/reconcile.h"
#include "reconcile/scoring.h"
#include "reconcile/store/store_impl.h"

namespace concord::reconcile {
namespace {

// Past this share of all facts, one scan of every claim row beats loading them by id.
constexpr double kLoadEverythingShare = 0.3;

// A unit stands for its parent as a party (SCORING.md), unless both parties then become one
// ("Azure pays Microsoft" stays between the two).
void KeyParties(ClaimRow& claim, const normalize::EntityTable& entities) {
  std::string subject = claim.subject_id.empty() ? "" : entities.StandIn(claim.subject_id);
  std::string counterparty = claim.counterparty_id.empty() ? "" : entities.StandIn(claim.counterparty_id);
  if (!subject.empty() && subject == counterparty) return;
  claim.subject_id = std::move(subject);
  claim.counterparty_id = std::move(counterparty);
}

// The key of the same fact told with subject and counterparty swapped; empty for symmetric
// relations (sorted parties) and keys without two parties.
std::string MirroredKey(const std::string& key) {
  std::size_t first = key.find('|');
  if (first == std::string::npos) return "";
  std::size_t second = key.find('|', first + 1);
  if (second == std::string::npos) return "";
  std::size_t third = key.find('|', second + 1);
  if (third == std::string::npos) return "";
  std::string relation = key.substr(0, first);
  std::string subject = key.substr(first + 1, second - first - 1);
  std::string counterparty = key.substr(second + 1, third - second - 1);
  if (IsSymmetricRelation(relation) || subject.empty() || counterparty.empty() || subject == counterparty) return "";
  return relation + "|" + counterparty + "|" + subject + key.substr(third);
}

// "invest" of "invest|amazon|openai|".
std::string RelationOfKey(const std::string& key) { return key.substr(0, key.find('|')); }


// The parts of a fact key: relation, subject, counterparty and the rest (object and terms).
struct KeyParts {
  std::string relation, subject, counterparty, rest;
};

std::optional<KeyParts> SplitKey(const std::string& key) {
  const std::size_t first = key.find('|');
  const std::size_t second = first == std::string::npos ? first : key.find('|', first + 1);
  const std::size_t third = second == std::string::npos ? second : key.find('|', second + 1);
  if (third == std::string::npos) return std::nullopt;
  return KeyParts{key.substr(0, first), key.substr(first + 1, second - first - 1),
                  key.substr(second + 1, third - second - 1), key.substr(third)};
}


// Fact keys held once each in one arena, numbered; a key is found by its text. Keeps a key scan
// of millions of claims to a few dozen bytes a key (no node, no string object per key).
class KeyPool {
 public:
  static constexpr std::uint32_t kNone = 0xffffffffU;

  std::uint32_t size() const { return static_cast<std::uint32_t>(ends_.size()); }
  std::string_view View(std::uint32_t index) const {
    const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(arena_).substr(begin, ends_[index] - begin);
  }
  std::string operator[](std::uint32_t index) const { return std::string(View(index)); }

  std::uint32_t Find(std::string_view key) const {
    if (slots_.empty()) return kNone;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = Hash(key) & mask;; slot = (slot + 1) & mask) {
      const std::uint32_t index = slots_[slot];
      if (index == kNone || View(index) == key) return index;
    }
  }

  std::uint32_t Intern(std::string_view key) {
    if (2 * (static_cast<std::size_t>(size()) + 1) > slots_.size()) Grow();
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = Hash(key) & mask;
    for (;; slot = (slot + 1) & mask) {
      const std::uint32_t index = slots_[slot];
      if (index == kNone) break;
      if (View(index) == key) return index;
    }
    arena_.append(key);
    ends_.push_back(arena_.size());
    slots_[slot] = size() - 1;
    return size() - 1;
  }

  static std::uint64_t Hash(std::string_view key) { return std::hash<std::string_view>{}(key); }

 private:
  void Grow() {
    std::vector<std::uint32_t> slots(std::max<std::size_t>(64, slots_.size() * 2), kNone);
    const std::size_t mask = slots.size() - 1;
    for (std::uint32_t index = 0; index < size(); ++index) {
      std::size_t slot = Hash(View(index)) & mask;
      while (slots[slot] != kNone) slot = (slot + 1) & mask;
      slots[slot] = index;
    }
    slots_ = std::move(slots);
  }

  std::string arena_;
  std::vector<std::size_t> ends_;
  std::vector<std::uint32_t> slots_;
};

// Keys with one party left empty ("acquire||cyclops|…") mapped to the one key of the same
// relation, object and terms that has that party in the same place and another party beside
// it; a key with no such key, or with two, stays as it is (which buyer is meant is not known).
// For a relation whose parties are interchangeable the party may stand in either place. The
// result depends only on the set of keys, so an incremental run finds what a full one does.
// Returns, for every key of `keys`, the key it stands for (itself when none).
std::vector<std::uint32_t> CompletedKeys(const KeyPool& keys) {
  std::vector<std::uint32_t> completed(keys.size());
  for (std::uint32_t key = 0; key < keys.size(); ++key) completed[key] = key;
  // (relation, rest, place, party): where a key with one party names it. Only the places such
  // keys ask for are indexed (they are few; every two-party key indexed would be two map
  // entries a fact).
  using Place = std::tuple<std::string, std::string, int, std::string>;
  std::map<Place, std::vector<std::uint32_t>> asking;
  for (std::uint32_t index = 0; index < keys.size(); ++index) {
    const std::optional<KeyParts> parts = SplitKey(keys[index]);
    if (!parts || parts->subject.empty() == parts->counterparty.empty()) continue;
    const bool symmetric = IsSymmetricRelation(parts->relation);
    const bool has_subject = !parts->subject.empty();
    const int place = symmetric ? 0 : has_subject ? 1 : 2;
    asking[{parts->relation, parts->rest, place, has_subject ? parts->subject : parts->counterparty}].push_back(index);
  }
  if (asking.empty()) return completed;
  // The two-party keys naming each asked place.
  std::map<Place, std::set<std::string>> full_by_party;
  for (std::uint32_t index = 0; index < keys.size(); ++index) {
    const std::optional<KeyParts> parts = SplitKey(keys[index]);
    if (!parts || parts->subject.empty() || parts->counterparty.empty() || parts->subject == parts->counterparty) continue;
    const bool symmetric = IsSymmetricRelation(parts->relation);
    for (const Place& place : {Place{parts->relation, parts->rest, symmetric ? 0 : 1, parts->subject},
                               Place{parts->relation, parts->rest, symmetric ? 0 : 2, parts->counterparty}}) {
      if (asking.count(place)) full_by_party[place].insert(keys[index]);
    }
  }
  for (const auto& [place, askers] : asking) {
    auto found = full_by_party.find(place);
    if (found == full_by_party.end() || found->second.size() != 1) continue;
    for (std::uint32_t asker : askers) completed[asker] = keys.Find(*found->second.begin());
  }
  return completed;
}

struct FactState {
  std::vector<std::size_t> members;  // indexes into the loaded claims
  std::size_t reference = 0;         // index into the loaded claims
  std::vector<std::pair<std::size_t, Difference>> differences;  // (claim, difference)
  std::vector<std::pair<std::int64_t, std::int64_t>> difference_pairs;  // claim ids (a, b) of each difference
  std::set<std::size_t> contradicting;
  std::string figure_key;  // relation, object and terms with the reference figure: entity slips
  std::size_t groups = 0;  // independence groups among the members
};

// What an entity slip compares of another fact (AddCrossFactDifferences): its reference
// account's parties, figure, time, polarity and condition, packed in one string, and how many
// groups tell it. Held for every fact with a figure while a relation streams.
struct FigureSummary {
  std::uint32_t key = 0, groups = 0;
  std::uint64_t figure_hash = 0;
  std::int64_t reference_id = 0;
  double low = 0, high = 0;
  std::string packed;  // PackReference
};

constexpr char kPackSeparator = '\0';

std::string PackReference(const ClaimRow& claim) {
  std::string packed;
  for (const std::string* field : {&claim.subject_id, &claim.subject, &claim.counterparty_id, &claim.counterparty,
                                   &claim.relation, &claim.value_kind, &claim.currency, &claim.qualifier,
                                   &claim.polarity, &claim.time_start, &claim.time_end, &claim.time_precision,
                                   &claim.time_boundary, &claim.condition}) {
    packed += *field;
    packed += kPackSeparator;
  }
  return packed;
}

ClaimRow UnpackReference(const FigureSummary& summary) {
  ClaimRow claim;
  claim.id = summary.reference_id;
  claim.low = summary.low;
  claim.high = summary.high;
  std::size_t at = 0;
  for (std::string* field : {&claim.subject_id, &claim.subject, &claim.counterparty_id, &claim.counterparty,
                             &claim.relation, &claim.value_kind, &claim.currency, &claim.qualifier, &claim.polarity,
                             &claim.time_start, &claim.time_end, &claim.time_precision, &claim.time_boundary,
                             &claim.condition}) {
    const std::size_t end = summary.packed.find(kPackSeparator, at);
    *field = summary.packed.substr(at, end - at);
    at = end + 1;
  }
  return claim;
}

std::uint64_t WithParty(std::uint64_t figure_hash, const std::string& party) {
  return figure_hash * 0x9E3779B97F4A7C15ULL ^ KeyPool::Hash(party);
}

// Every row of `SELECT key, columns FROM table` in the order of `key` (an integer column
// that rises row by row); `each` reads the row (column 0 is the key). PostgreSQL hands a
// query's rows over all at once, so there the rows come in pages of the key.
void ForEachRowByKey(sql::Connection& db, const std::string& key, const std::string& columns, const std::string& table,
                     const std::function<void(sql::Statement&)>& each) {
  if (db.dialect() != sql::Dialect::kPostgres) {
    sql::Statement select(db, "SELECT " + key + ", " + columns + " FROM " + table + " ORDER BY " + key);
    while (select.Step()) each(select);
    return;
  }
  constexpr std::int64_t kPage = 50000;
  sql::Statement select(db, "SELECT " + key + ", " + columns + " FROM " + table + " WHERE " + key + " > ?1 ORDER BY " +
                                key + " LIMIT ?2");
  for (std::int64_t after = std::numeric_limits<std::int64_t>::min(), rows = kPage; rows == kPage;) {
    select.Bind(1, after);
    select.Bind(2, kPage);
    rows = 0;
    while (select.Step()) {
      after = select.Int64(0);
      ++rows;
      each(select);
    }
    select.Reset();
  }
}

// With CONCORD_TRACE set, each phase's seconds on stderr (for tools/BENCHMARKS.md).
class PhaseClock {
 public:
  void Lap(const char* phase) {
    const auto now = std::chrono::steady_clock::now();
    if (enabled_) std::fprintf(stderr, "reconcile: %-22s %6.2f s\n", phase, std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  bool enabled_ = std::getenv("CONCORD_TRACE") != nullptr;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// Everything one run works with.
class Run {
 public:
  Run(sql::Connection& db, const normalize::EntityTable& entities) : db_(db), entities_(entities) {}

  Result<ReconcileStats> Go(const std::filesystem::path& path, bool everything);
  // After a failed Go(): whether running the pass again may succeed (sql::Error::retry).
  bool retry() const { return retry_; }

 private:
  void LoadIndependenceGroups();
  void ScanKeys();
  void FindTouched();
  void Build(const std::set<std::uint32_t>& wanted);
  FactState BuildFact(std::vector<std::size_t> members);
  std::set<std::uint32_t> Reach(const std::set<std::uint32_t>& from);
  void AddDirectionDifferences(std::uint32_t key, FactState& fact);
  void AddEntityDifferences(FactState& fact, const ClaimRow& theirs, std::int64_t their_reference, std::size_t their_groups);
  void AddDateDifferences(std::uint32_t minority, FactState& fact);
  void AddCrossFactDifferences(const std::set<std::uint32_t>& rewrite);
  void DeleteStaleFacts();
  void WriteFacts(const std::set<std::uint32_t>& rewrite);
  void WriteFact(std::uint32_t key, const FactState& fact);
  void StreamRelation(std::uint32_t begin, std::uint32_t end, PhaseClock& clock);
  void ForEachFact(std::uint32_t begin, std::uint32_t end, const std::function<bool(std::uint32_t, std::size_t)>& each);
  void ForgetKeyScan();
  ReconcileStats ScoreEverything();
  std::vector<ScoredFact> LoadScoredFacts();
  ReconcileStats WriteScores(const std::vector<ScoredFact>& facts, const std::map<std::int64_t, double>& trust);
  void WriteClusters();

  std::string Key(std::uint32_t key) const { return keys_[key]; }
  std::size_t MemberCount(std::uint32_t key) const { return member_begin_[key + 1] - member_begin_[key]; }
  std::uint32_t RelationEnd(std::uint32_t begin) const;

  sql::Connection& db_;
  const normalize::EntityTable& entities_;
  bool retry_ = false;

  // Independence.
  UnionFind syndication_;
  std::map<std::int64_t, std::int64_t> group_of_source_;  // source id → smallest source id of its group
  std::set<std::int64_t> changed_sources_;
  std::vector<std::pair<std::int64_t, std::int64_t>> new_pairs_;
  bool articles_changed_ = false;

  // The key scan: every claim that can make a fact. Keys are numbered in byte order, so the
  // keys of one relation are one range and a fresh store numbers its facts in key order.
  KeyPool keys_;
  struct Member {
    std::int64_t id = 0, source = 0;
  };
  std::vector<Member> members_;              // by key, then claim id
  std::vector<std::size_t> member_begin_;    // per key: its first member; one past the last key at the end
  struct StoredLink {
    std::int64_t claim_id = 0, fact_id = 0;
    bool contradicts = false;
  };
  std::vector<StoredLink> stored_links_;  // by claim id
  const StoredLink* StoredLinkOf(std::int64_t claim) const {
    auto found = std::lower_bound(stored_links_.begin(), stored_links_.end(), claim,
                                  [](const StoredLink& link, std::int64_t id) { return link.claim_id < id; });
    return found != stored_links_.end() && found->claim_id == claim ? &*found : nullptr;
  }
  struct StoredFact {
    std::int64_t id = 0;  // 0: no stored fact has the key
    std::int64_t claim_count = 0;
  };
  std::vector<StoredFact> stored_fact_of_key_;  // by key
  std::vector<std::int64_t> stale_facts_;       // ids of stored facts no claim speaks of any more
  std::vector<bool> touched_;
  std::size_t touched_count_ = 0;
  void Touch(std::uint32_t key) {
    if (!touched_[key]) ++touched_count_;
    touched_[key] = true;
  }
  // Period measures by their key without the period: the same revenue for other quarters.
  std::unordered_map<std::string, std::vector<std::uint32_t>> period_family_;

  // Loaded claims and built facts.
  std::vector<ClaimRow> claims_;
  std::unordered_map<std::int64_t, std::size_t> loaded_claim_;
  std::map<std::uint32_t, FactState> facts_;
  std::uint32_t relation_begin_ = 0, relation_end_ = 0;  // the keys of the relation loaded and built now
  struct WriteStatements {
    sql::Statement insert_fact, update_fact, clear_differences, link, insert_difference;
  };
  std::unique_ptr<WriteStatements> write_statements_;  // prepared at the first fact written
  std::unordered_set<std::int64_t> removed_;  // stale facts deleted: their links are gone, an id may be reused
  // While a relation streams: what entity slips compare, for every fact with a figure.
  std::set<std::uint32_t> kept_;  // facts kept whole while their relation streams (mirrors, periods)
  std::vector<FigureSummary> summaries_;                           // by key
  std::vector<std::pair<std::uint64_t, std::uint32_t>> by_subject_, by_counterparty_;  // (figure and party, key)
};
void Run::LoadIndependenceGroups() {
  UnionFind groups;
  const std::map<std::int64_t, std::int64_t> source_of_article = JoinSourcesAndDerivations(LoadArticleRows(db_), groups);
  std::set<std::int64_t> new_articles;
  {
    sql::Statement select(db_, "SELECT article_id FROM unreconciled");
    while (select.Step()) new_articles.insert(select.Int64(0));
  }
  articles_changed_ = !new_articles.empty();
  std::map<std::int64_t, std::int64_t> first_article_of_source;  // ids ascend: the first seen
  for (const auto& [article, source] : source_of_article) first_article_of_source.emplace(source, article);
  {
    sql::Statement pairs(db_, "SELECT a, b FROM syndicated_pairs");
    while (pairs.Step()) {
      std::int64_t a = pairs.Int64(0), b = pairs.Int64(1);
      groups.Join(a, b);
      syndication_.Join(a, b);
    }
  }
  if (!new_articles.empty()) {
    // Sketches of every article: a new one may copy any old one.
    const std::map<std::int64_t, std::string> sketches = LoadSketches(db_);
    // When every article is new (a first run) every pair is checked once, as BuildIndependence does.
    const std::unordered_set<std::int64_t> is_new(new_articles.begin(), new_articles.end());
    std::function<bool(std::int64_t)> only_new;
    if (new_articles.size() < sketches.size()) only_new = [&](std::int64_t id) { return is_new.count(id) > 0; };
    JoinSyndicatedCopies(sketches, groups, syndication_, only_new, &new_pairs_);
    sql::Statement insert(db_, "INSERT INTO syndicated_pairs(a, b) VALUES (?, ?) ON CONFLICT DO NOTHING");
    for (const auto& [a, b] : new_pairs_) {
      insert.Bind(1, a);
      insert.Bind(2, b);
      insert.Exec();
      insert.Reset();
    }
  }
  // A group is a union of whole sources (every article joins its source's first); it is
  // labelled by its smallest source id, so the label only moves when the grouping does.
  std::map<std::int64_t, std::int64_t> label_of_root;
  for (const auto& [article, source] : source_of_article) {
    auto [it, inserted] = label_of_root.emplace(groups.Find(article), source);
    if (!inserted) it->second = std::min(it->second, source);
  }
  for (const auto& [source, article] : first_article_of_source) {
    group_of_source_[source] = label_of_root[groups.Find(article)];
  }
  sql::Statement stored(db_, "SELECT id, group_label FROM sources");
  while (stored.Step()) {
    std::int64_t source = stored.Int64(0);
    auto now = group_of_source_.find(source);
    if (now == group_of_source_.end()) continue;  // no articles left
    if (stored.IsNull(1) || stored.Int64(1) != now->second) changed_sources_.insert(source);
  }
}

void Run::ScanKeys() {
  std::unordered_map<std::int64_t, std::int64_t> source_of_article;
  {
    sql::Statement articles(db_, "SELECT id, source_id FROM articles");
    while (articles.Step()) source_of_article[articles.Int64(0)] = articles.Int64(1);
  }
  // Reads only columns of claims_by_key_fields, so SQLite scans that index, not the rows.
  // Keys are interned as they come (a few bytes a claim); a claim holds its key's number.
  // PostgreSQL hands a query's rows over all at once: there the claims come in pages by id.
  const bool paged = db_.dialect() == sql::Dialect::kPostgres;
  constexpr std::int64_t kPage = 50000;
  sql::Statement select(db_, std::string(R"sql(
    SELECT id, relation, coalesce(subject_id, ''), coalesce(counterparty_id, ''), coalesce(object_id, ''),
           exclusive, coalesce(terms, ''), article_id, coalesce(time_start, ''), coalesce(time_precision, ''),
           coalesce(time_boundary, ''), value_kind, coalesce(value_per, ''), coalesce(value_low, 0)
    FROM claims WHERE relation != ?1)sql") + (paged ? " AND id > ?2 ORDER BY id LIMIT ?3" : ""));
  select.Bind(1, std::string(kQuantityRelation));
  struct Scanned {
    std::int64_t id = 0, source = 0;
    std::uint64_t share_hash = 0;  // a money figure told without a unit: its key as a price per share (hashed)
    double low = 0;
    std::uint32_t key = 0;  // in `raw`
  };
  std::vector<Scanned> scanned;
  KeyPool raw;
  ClaimRow row;
  for (std::int64_t after = 0, rows = kPage; rows == kPage;) {
    if (paged) {
      select.Bind(2, after);
      select.Bind(3, kPage);
    }
    rows = 0;
    while (select.Step()) {
      const std::int64_t id = select.Int64(0);
      after = id;
      ++rows;
      row.relation = select.Text(1);
      row.subject_id = select.Text(2);
      row.counterparty_id = select.Text(3);
      row.object_id = select.Text(4);
      row.exclusive.reset();
      if (!select.IsNull(5)) row.exclusive = select.Int(5) != 0;
      const std::string terms = select.Text(6);
      row.tranche = TrancheOf(terms);
      row.measure = TermOf(terms, "measure") == "yes";
      row.time_start = select.Text(8);
      row.time_precision = select.Text(9);
      row.time_boundary = select.Text(10);
      row.value_kind = select.Text(11);
      row.per = select.Text(12);
      KeyParties(row, entities_);
      // A measure of no one ("prices rose 3%") has nothing to be compared with: like a quantity,
      // it makes no fact (every ownerless price of the store would be one disputed fact).
      if (row.measure && row.subject_id.empty()) continue;
      const std::int64_t article = select.Int64(7);
      Scanned claim{id, source_of_article[article], 0, select.Double(13), raw.Intern(FactKey(row))};
      if (row.value_kind == "money" && row.per.empty()) {
        row.per = "share";
        claim.share_hash = KeyPool::Hash(FactKey(row));
      }
      scanned.push_back(claim);
    }
    select.Reset();
    if (!paged) break;
  }
  // A claim that names one party of two ("acquire: ? → Cyclops") is an account of the one fact
  // that names that party in the same place with another beside it, when there is exactly one.
  // (Joined within one article too: its figures never dispute each other, see Build.)
  const std::vector<std::uint32_t> completed = CompletedKeys(raw);
  for (Scanned& claim : scanned) claim.key = completed[claim.key];
  // A money figure told without "a share" ("Dixons offered 90.25 dlrs") beside prices per share
  // of the same deal is one of them when it is within a factor of two of one: a total price is
  // thousands of times a price per share, so the two never come that close. (Keys are found
  // by their hash here: the key "as a price per share" of every figure is not kept.)
  std::unordered_map<std::uint64_t, std::uint32_t> share_key_of_hash;
  for (std::uint32_t key = 0; key < raw.size(); ++key) {
    if (raw.View(key).find("|per=share") != std::string_view::npos) share_key_of_hash[KeyPool::Hash(raw.View(key))] = key;
  }
  std::unordered_map<std::uint32_t, std::vector<double>> per_share_figures;
  if (!share_key_of_hash.empty()) {
    for (const Scanned& claim : scanned) {
      if (raw.View(claim.key).find("|per=share") != std::string_view::npos) per_share_figures[claim.key].push_back(claim.low);
    }
    for (Scanned& claim : scanned) {
      if (claim.share_hash == 0 || claim.low <= 0) continue;
      auto share_key = share_key_of_hash.find(claim.share_hash);
      if (share_key == share_key_of_hash.end()) continue;
      auto found = per_share_figures.find(completed[share_key->second]);
      if (found == per_share_figures.end()) continue;
      const bool close = std::any_of(found->second.begin(), found->second.end(), [&](double figure) {
        return figure > 0 && claim.low <= 2 * figure && figure <= 2 * claim.low;
      });
      if (close) claim.key = found->first;
    }
  }
  // The keys the claims speak of now, numbered in byte order.
  std::vector<std::uint32_t> used;
  {
    std::vector<bool> is_used(raw.size());
    for (const Scanned& claim : scanned) is_used[claim.key] = true;
    for (std::uint32_t key = 0; key < raw.size(); ++key) {
      if (is_used[key]) used.push_back(key);
    }
  }
  std::sort(used.begin(), used.end(), [&](std::uint32_t a, std::uint32_t b) { return raw.View(a) < raw.View(b); });
  std::vector<std::uint32_t> renumbered(raw.size(), KeyPool::kNone);
  for (std::uint32_t key : used) renumbered[key] = keys_.Intern(raw.View(key));
  raw = KeyPool();
  for (Scanned& claim : scanned) claim.key = renumbered[claim.key];
  renumbered = {};
  std::sort(scanned.begin(), scanned.end(),
            [](const Scanned& a, const Scanned& b) { return std::tie(a.key, a.id) < std::tie(b.key, b.id); });
  members_.reserve(scanned.size());
  member_begin_.assign(keys_.size() + 1, 0);
  for (const Scanned& claim : scanned) {
    members_.push_back({claim.id, claim.source});
    ++member_begin_[claim.key + 1];
  }
  scanned = {};
  for (std::uint32_t key = 0; key < keys_.size(); ++key) member_begin_[key + 1] += member_begin_[key];

  // The facts and links as they stand. A claim's fact is touched when the claim is new or its
  // key moved (and so is the fact it left); a stored fact no claim speaks of is stale.
  stored_fact_of_key_.assign(keys_.size(), {});
  std::vector<std::pair<std::int64_t, std::uint32_t>> key_of_fact;  // (fact id, key or kNone), by id
  {
    ForEachRowByKey(db_, "id", "key, claim_count", "facts", [&](sql::Statement& select_facts) {
      const std::int64_t id = select_facts.Int64(0);
      const std::uint32_t key = keys_.Find(select_facts.Text(1));
      key_of_fact.emplace_back(id, key);
      if (key == KeyPool::kNone) {
        stale_facts_.push_back(id);
      } else {
        stored_fact_of_key_[key] = {id, select_facts.Int64(2)};
      }
    });
  }
  std::sort(key_of_fact.begin(), key_of_fact.end());
  std::sort(stale_facts_.begin(), stale_facts_.end());
  {
    ForEachRowByKey(db_, "claim_id", "fact_id, contradicts", "claim_facts", [&](sql::Statement& links) {
      stored_links_.push_back({links.Int64(0), links.Int64(1), links.Int(2) != 0});
    });
  }
  touched_.assign(keys_.size(), false);
  for (std::uint32_t key = 0; key < keys_.size(); ++key) {
    for (std::size_t m = member_begin_[key]; m < member_begin_[key + 1]; ++m) {
      const StoredLink* link = StoredLinkOf(members_[m].id);
      if (link == nullptr) {
        Touch(key);  // a new claim
        continue;
      }
      auto fact = std::lower_bound(key_of_fact.begin(), key_of_fact.end(), std::make_pair(link->fact_id, std::uint32_t{0}));
      if (fact == key_of_fact.end() || fact->first != link->fact_id) {
        Touch(key);
      } else if (fact->second != key) {
        Touch(key);  // its key moved: its old fact lost a member (or is stale)
        if (fact->second != KeyPool::kNone) Touch(fact->second);
      }
    }
  }
}

void Run::FindTouched() {
  for (std::uint32_t key = 0; key < keys_.size(); ++key) {
    std::string family = PeriodlessKey(Key(key));
    if (!family.empty()) period_family_[family].push_back(key);
  }
  for (std::uint32_t key = 0; key < keys_.size(); ++key) {
    const StoredFact& stored = stored_fact_of_key_[key];
    if (stored.id != 0 && static_cast<std::int64_t>(MemberCount(key)) != stored.claim_count) {
      Touch(key);  // a claim left (its article was replaced) or arrived
    }
  }
  if (!changed_sources_.empty()) {
    for (std::uint32_t key = 0; key < keys_.size(); ++key) {
      for (std::size_t m = member_begin_[key]; m < member_begin_[key + 1]; ++m) {
        if (changed_sources_.count(members_[m].source)) {
          Touch(key);
          break;
        }
      }
    }
  }
}

std::uint32_t Run::RelationEnd(std::uint32_t begin) const {
  // Keys that share "relation|" are one range in byte order.
  const std::string prefix = RelationOfKey(Key(begin)) + "|";
  std::uint32_t end = begin + 1;
  while (end < keys_.size() && keys_.View(end).substr(0, prefix.size()) == prefix) ++end;
  return end;
}

// Builds one fact from its members (indexes into the loaded claims): reference account,
// differences with it, figure key and group count.
FactState Run::BuildFact(std::vector<std::size_t> members) {
  FactState fact;
  fact.members = std::move(members);
  std::sort(fact.members.begin(), fact.members.end(),
            [&](std::size_t a, std::size_t b) { return EarlierClaim(claims_[a], claims_[b]); });
  auto group_of = [&](std::size_t i) { return group_of_source_[claims_[i].source_id]; };
  // The reference claim: the account most independent groups give (value, qualifier,
  // polarity), ties to the earliest published (then by article name and place).
  std::map<std::string, std::set<std::int64_t>> groups_by_account;
  std::set<std::int64_t> groups;
  for (std::size_t i : fact.members) {
    const ClaimRow& c = claims_[i];
    groups_by_account[ValueText(c) + "|" + (IsPositive(c.polarity) ? "+" : "-")].insert(group_of(i));
    groups.insert(group_of(i));
  }
  fact.groups = groups.size();
  // Among accounts told by as many groups, the one told by more articles (a wire's several
  // stories are one group).
  std::map<std::string, std::set<std::int64_t>> articles_by_account;
  for (std::size_t i : fact.members) {
    const ClaimRow& c = claims_[i];
    articles_by_account[ValueText(c) + "|" + (IsPositive(c.polarity) ? "+" : "-")].insert(c.article_id);
  }
  std::pair<std::size_t, std::size_t> best_support = {0, 0};
  for (std::size_t i : fact.members) {
    const ClaimRow& c = claims_[i];
    const std::string account = ValueText(c) + "|" + (IsPositive(c.polarity) ? "+" : "-");
    const std::pair<std::size_t, std::size_t> support = {groups_by_account[account].size(),
                                                         articles_by_account[account].size()};
    if (support > best_support) {
      best_support = support;
      fact.reference = i;
    }
  }
  // A figure that moved over time (an offer raised, a forecast cut): the latest step is the
  // fact's figure, and each account is held against the step it tells, or else the step in
  // force on its day, never against a figure of another day (SCORING.md, "Timelines").
  std::vector<const ClaimRow*> ordered;
  for (std::size_t i : fact.members) ordered.push_back(&claims_[i]);
  const FigureTimeline timeline = TimelineOf(ordered);
  if (timeline.moved()) fact.reference = fact.members[timeline.steps.back()];
  for (std::size_t m = 0; m < fact.members.size(); ++m) {
    const std::size_t i = fact.members[m];
    const std::size_t against = timeline.moved() ? fact.members[timeline.in_force[m]] : fact.reference;
    if (i == against) continue;
    // Two figures of one article under one key ("to 35 dlrs from 33", "owns 55 pct" beside
    // "the publicly held 45 pct", this year's and an earlier period's) are a change, a range
    // or two things the key does not tell apart, never a dispute of the article with itself.
    // (An article that says a thing holds and then that it does not still contradicts itself.)
    const bool same_article = claims_[i].article_id == claims_[against].article_id;
    for (Difference& difference : CompareClaims(claims_[against], claims_[i])) {
      if (same_article && (difference.type == "value" || difference.type == "magnitude" || difference.type == "hedge_lost")) {
        continue;
      }
      if (difference.severity != "low") fact.contradicting.insert(i);
      fact.difference_pairs.emplace_back(claims_[against].id, claims_[i].id);
      fact.differences.emplace_back(i, std::move(difference));
    }
  }
  const ClaimRow& reference = claims_[fact.reference];
  if (reference.value_kind == "money" || reference.value_kind == "percent") {
    ClaimRow unnamed = reference;
    unnamed.subject_id = unnamed.counterparty_id = "";
    fact.figure_key = FactKey(unnamed) + "|" + ValueText(reference);
  }
  return fact;
}

// Loads the claims of `wanted` facts not loaded yet and builds those facts.
void Run::Build(const std::set<std::uint32_t>& wanted) {
  std::vector<std::uint32_t> to_build;
  for (std::uint32_t key : wanted) {
    if (!facts_.count(key)) to_build.push_back(key);
  }
  if (to_build.empty()) return;
  const std::string relation = RelationOfKey(Key(relation_begin_));
  std::vector<ClaimRow> rows;
  if (static_cast<double>(to_build.size()) > kLoadEverythingShare * static_cast<double>(relation_end_ - relation_begin_) &&
      claims_.empty()) {
    // Relation names are [a-z0-9_]+ (extract/patterns grammar); quotes doubled all the same.
    std::string quoted = relation;
    for (std::size_t at = quoted.find('\''); at != std::string::npos; at = quoted.find('\'', at + 2)) {
      quoted.insert(at, 1, '\'');
    }
    rows = LoadClaimRows(db_, "c.relation = '" + quoted + "'", false);
  } else {
    db_.Exec("CREATE TEMP TABLE IF NOT EXISTS wanted_claims (id INTEGER PRIMARY KEY)");
    db_.Exec("DELETE FROM wanted_claims");
    sql::Statement insert(db_, "INSERT INTO wanted_claims(id) VALUES (?) ON CONFLICT DO NOTHING");
    for (std::uint32_t key : to_build) {
      for (std::size_t m = member_begin_[key]; m < member_begin_[key + 1]; ++m) {
        if (loaded_claim_.count(members_[m].id)) continue;
        insert.Bind(1, members_[m].id);
        insert.Exec();
        insert.Reset();
      }
    }
    rows = LoadClaimRows(db_, "c.id IN (SELECT id FROM wanted_claims)", false);
  }
  if (claims_.empty()) {
    claims_ = std::move(rows);  // the whole vector: moving row by row would hold two copies at the peak
    loaded_claim_.reserve(claims_.size());
    for (std::size_t i = 0; i < claims_.size(); ++i) {
      KeyParties(claims_[i], entities_);
      loaded_claim_[claims_[i].id] = i;
    }
  } else {
    for (ClaimRow& row : rows) {
      if (loaded_claim_.count(row.id)) continue;
      KeyParties(row, entities_);
      loaded_claim_[row.id] = claims_.size();
      claims_.push_back(std::move(row));
    }
  }
  for (std::uint32_t key : to_build) {
    std::vector<std::size_t> members;
    for (std::size_t m = member_begin_[key]; m < member_begin_[key + 1]; ++m) members.push_back(loaded_claim_.at(members_[m].id));
    facts_[key] = BuildFact(std::move(members));
  }
}

// `from`, the mirrors of its facts, and the facts an entity slip can pair with one of them:
// the same figure and one party in common (built facts by their figure now, the others by
// the figure stored with them).
std::set<std::uint32_t> Run::Reach(const std::set<std::uint32_t>& from) {
  std::set<std::uint32_t> reached = from;
  std::set<std::tuple<std::string, std::string, std::string>> figures;  // figure, subject, counterparty
  sql::Statement stored_figure(db_, "SELECT coalesce(figure_key, '') FROM facts WHERE id = ?");
  for (std::uint32_t key : from) {
    std::string mirror = MirroredKey(Key(key));
    const std::uint32_t found = mirror.empty() ? KeyPool::kNone : keys_.Find(mirror);
    if (found != KeyPool::kNone) reached.insert(found);
    auto family = period_family_.find(PeriodlessKey(Key(key)));
    if (family != period_family_.end()) reached.insert(family->second.begin(), family->second.end());
    auto built = facts_.find(key);
    if (built == facts_.end()) continue;  // every fact of `from` is built
    const ClaimRow& reference = claims_[built->second.reference];
    if (!built->second.figure_key.empty()) {
      figures.emplace(built->second.figure_key, reference.subject_id, reference.counterparty_id);
    }
    if (stored_fact_of_key_[key].id != 0) {
      stored_figure.Bind(1, stored_fact_of_key_[key].id);
      if (stored_figure.Step() && !stored_figure.Text(0).empty()) {
        figures.emplace(stored_figure.Text(0), reference.subject_id, reference.counterparty_id);
      }
      stored_figure.Reset();
    }
  }
  if (figures.empty()) return reached;
  sql::Statement by_figure(db_, R"sql(
    SELECT key FROM facts WHERE figure_key = ?1 AND (coalesce(subject_id, '') = ?2 OR coalesce(counterparty_id, '') = ?3))sql");
  for (const auto& [figure, subject, counterparty] : figures) {
    by_figure.Bind(1, figure);
    by_figure.Bind(2, subject);
    by_figure.Bind(3, counterparty);
    while (by_figure.Step()) {
      const std::uint32_t found = keys_.Find(by_figure.Text(0));
      if (found != KeyPool::kNone) reached.insert(found);
    }
    by_figure.Reset();
  }
  std::set<std::pair<std::string, std::string>> figure_subjects, figure_counterparties;
  for (const auto& [figure, subject, counterparty] : figures) {
    figure_subjects.emplace(figure, subject);
    figure_counterparties.emplace(figure, counterparty);
  }
  for (const auto& [key, fact] : facts_) {
    if (fact.figure_key.empty()) continue;
    const ClaimRow& reference = claims_[fact.reference];
    if (figure_subjects.count({fact.figure_key, reference.subject_id}) ||
        figure_counterparties.count({fact.figure_key, reference.counterparty_id})) {
      reached.insert(key);
    }
  }
  return reached;
}

// Direction: the same relation with the parties swapped, told by another article (the mirror
// is built).
void Run::AddDirectionDifferences(std::uint32_t key, FactState& fact) {
  const std::string mirror_key = MirroredKey(Key(key));
  const std::uint32_t mirror_index = mirror_key.empty() ? KeyPool::kNone : keys_.Find(mirror_key);
  if (mirror_index == KeyPool::kNone || mirror_index == key) return;
  const FactState& mirror = facts_.at(mirror_index);
  // Reported on the fact told by fewer groups: that side is the likelier slip.
  const bool report_here = fact.groups < mirror.groups || (fact.groups == mirror.groups && Key(key) > mirror_key);
  if (!report_here) return;
  for (std::size_t i : fact.members) {
    for (std::size_t j : mirror.members) {
      const ClaimRow& mine = claims_[i];
      const ClaimRow& theirs = claims_[j];
      if (mine.article_id == theirs.article_id || IsPositive(mine.polarity) != IsPositive(theirs.polarity)) continue;
      fact.contradicting.insert(i);
      fact.difference_pairs.emplace_back(theirs.id, mine.id);
      fact.differences.emplace_back(i, Difference{"direction", "high",
                                                  mine.subject + " → " + mine.counterparty + " here, but " +
                                                      theirs.source + " (" + theirs.article + ") has " +
                                                      theirs.subject + " → " + theirs.counterparty});
      break;  // one mirrored account is enough to name the swap
    }
  }
}

// Entity: the same figure for the same relation and terms, with one party named differently,
// by fewer independent groups ("Brisk Storage" where the others have "Brisk Solar"): reported
// on the fact told by fewer groups, like a direction slip. `theirs` is the reference account
// of the better-told fact (IsEntitySlip said so), told by `their_groups`.
void Run::AddEntityDifferences(FactState& fact, const ClaimRow& theirs, std::int64_t their_reference,
                               std::size_t their_groups) {
  const ClaimRow& mine = claims_[fact.reference];
  const bool subject_differs = mine.subject_id != theirs.subject_id;
  for (std::size_t i : fact.members) {
    fact.contradicting.insert(i);
    fact.difference_pairs.emplace_back(their_reference, claims_[i].id);
    fact.differences.emplace_back(
        i, Difference{"entity", "high",
                      (subject_differs ? claims_[i].subject : claims_[i].counterparty) + " here, but " +
                          std::to_string(their_groups) + " independent source(s) name " +
                          (subject_differs ? theirs.subject : theirs.counterparty) + " for the same " +
                          mine.relation + " of " + ValueText(mine)});
  }
}

namespace {

// Whether `theirs`, the reference of another fact with the same figure, names one party of
// `mine` differently and agrees on the rest: an entity slip of the fact told by fewer groups.
bool IsEntitySlip(const ClaimRow& mine, std::size_t my_groups, const ClaimRow& theirs, std::size_t their_groups) {
  const bool subject_differs = mine.subject_id != theirs.subject_id;
  const bool counterparty_differs = mine.counterparty_id != theirs.counterparty_id;
  if (subject_differs == counterparty_differs) return false;  // exactly one party
  const std::string& my_party = subject_differs ? mine.subject_id : mine.counterparty_id;
  const std::string& their_party = subject_differs ? theirs.subject_id : theirs.counterparty_id;
  if (my_party.empty() || their_party.empty() || mine.subject_id == mine.counterparty_id) return false;
  if (!CompareClaims(theirs, mine).empty()) return false;  // another account, not another party
  return my_groups < their_groups;
}

}  // namespace

// Date: the same measure, parties and figure given for another period by more independent
// groups ("Q2" where the others say "Q3" for the same USD 140 m): a period slip, reported on
// the fact told by fewer groups (its period family is built).
void Run::AddDateDifferences(std::uint32_t minority, FactState& fact) {
  auto family = period_family_.find(PeriodlessKey(Key(minority)));
  if (family == period_family_.end()) return;
  const ClaimRow& mine = claims_[fact.reference];
  std::vector<std::uint32_t> periods = family->second;
  std::sort(periods.begin(), periods.end());  // key order
  for (std::uint32_t majority : periods) {
    if (majority == minority) continue;
    const FactState& other = facts_.at(majority);
    const ClaimRow& theirs = claims_[other.reference];
    if (fact.groups >= other.groups || mine.value_kind == "none" || ValueText(mine) != ValueText(theirs) ||
        IsPositive(mine.polarity) != IsPositive(theirs.polarity)) {
      continue;
    }
    const std::string my_period = PeriodOfKey(Key(minority));
    const std::string their_period = PeriodOfKey(Key(majority));
    for (std::size_t i : fact.members) {
      fact.contradicting.insert(i);
      fact.difference_pairs.emplace_back(theirs.id, claims_[i].id);
      fact.differences.emplace_back(
          i, Difference{"date", "medium",
                        my_period + " here, but " + std::to_string(other.groups) + " independent source(s) give " +
                            ValueText(mine) + " for " + their_period});
    }
    break;  // one better-told period is enough to name the slip
  }
}

// Direction (mirrored facts), entity slips (same figure, one party differs) and period slips,
// for the facts in `rewrite`; every fact they compare with is built.
void Run::AddCrossFactDifferences(const std::set<std::uint32_t>& rewrite) {
  for (std::uint32_t key : rewrite) AddDirectionDifferences(key, facts_.at(key));
  // Entity candidates share the figure and one party: indexed by both, so a common figure
  // ("USD 1 bn") does not make every pair of its facts a candidate.
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_subject, by_counterparty;
  auto with_party = [](const std::string& figure, const std::string& party) { return figure + '\x1f' + party; };
  for (const auto& [key, fact] : facts_) {
    if (fact.figure_key.empty()) continue;
    const ClaimRow& reference = claims_[fact.reference];
    by_subject[with_party(fact.figure_key, reference.subject_id)].push_back(key);
    by_counterparty[with_party(fact.figure_key, reference.counterparty_id)].push_back(key);
  }
  for (std::uint32_t minority : rewrite) {
    FactState& fact = facts_.at(minority);
    if (fact.figure_key.empty()) continue;
    const ClaimRow& mine = claims_[fact.reference];
    std::vector<std::uint32_t> same_figure = by_subject[with_party(fact.figure_key, mine.subject_id)];
    const std::vector<std::uint32_t>& same_counterparty =
        by_counterparty[with_party(fact.figure_key, mine.counterparty_id)];
    same_figure.insert(same_figure.end(), same_counterparty.begin(), same_counterparty.end());
    std::sort(same_figure.begin(), same_figure.end());  // key order, as a full run sees them
    for (std::uint32_t majority : same_figure) {
      if (minority == majority) continue;
      const FactState& other = facts_.at(majority);
      const ClaimRow& theirs = claims_[other.reference];
      if (!IsEntitySlip(mine, fact.groups, theirs, other.groups)) continue;
      AddEntityDifferences(fact, theirs, theirs.id, other.groups);
      break;  // one better-told account is enough to name the slip
    }
  }
  for (std::uint32_t key : rewrite) AddDateDifferences(key, facts_.at(key));
}

void Run::DeleteStaleFacts() {
  sql::Statement remove(db_, "DELETE FROM facts WHERE id = ?");
  for (std::int64_t id : stale_facts_) {
    removed_.insert(id);
    remove.Bind(1, id);
    remove.Exec();
    remove.Reset();
  }
}

void Run::WriteFacts(const std::set<std::uint32_t>& rewrite) {
  // In key order (the keys are numbered so): a fresh store numbers its facts the same way every time.
  for (std::uint32_t key : rewrite) WriteFact(key, facts_.at(key));
}

void Run::WriteFact(std::uint32_t key, const FactState& fact) {
  static constexpr const char* kInsertFact = R"sql(
    INSERT INTO facts(key, relation, subject_id, counterparty_id, object_id, value, time, status, score,
                      independent_sources, explanation, figure_key, claim_count)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'single_source', 0, 0, '', ?, ?) RETURNING id)sql";
  static constexpr const char* kUpdateFact = R"sql(
    UPDATE facts SET relation = ?2, subject_id = ?3, counterparty_id = ?4, object_id = ?5, value = ?6, time = ?7,
                     figure_key = ?8, claim_count = ?9
    WHERE id = ?1)sql";
  static constexpr const char* kLink = R"sql(
    INSERT INTO claim_facts(fact_id, claim_id, source_id, strength, contradicts) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(claim_id) DO UPDATE SET fact_id = excluded.fact_id, source_id = excluded.source_id,
                                        strength = excluded.strength, contradicts = excluded.contradicts)sql";
  if (!write_statements_) {
    write_statements_ = std::make_unique<WriteStatements>(WriteStatements{
        sql::Statement(db_, kInsertFact), sql::Statement(db_, kUpdateFact),
        sql::Statement(db_, "DELETE FROM discrepancies WHERE fact_id = ?"), sql::Statement(db_, kLink),
        sql::Statement(db_, "INSERT INTO discrepancies(fact_id, type, severity, claim_a, claim_b, detail) VALUES (?, ?, ?, ?, ?, ?)")});
  }
  WriteStatements& s = *write_statements_;
  const ClaimRow& reference = claims_[fact.reference];
  nlohmann::json value = nullptr;
  if (reference.value_kind != "none") {
    value = {{"kind", reference.value_kind}, {"low", reference.low}, {"high", reference.high},
             {"qualifier", reference.qualifier}};
    if (reference.value_kind == "money") value["currency"] = reference.currency;
  }
  nlohmann::json time = nullptr;
  if (!reference.time_start.empty() || !reference.time_end.empty()) {
    auto date_or_null = [](const std::string& date) { return date.empty() ? nlohmann::json() : nlohmann::json(date); };
    time = {{"start", date_or_null(reference.time_start)},
            {"end", date_or_null(reference.time_end)},
            {"precision", reference.time_precision}};
    if (!reference.time_boundary.empty() && reference.time_boundary != "none") time["boundary"] = reference.time_boundary;
  }
  const StoredFact& stored = stored_fact_of_key_[key];
  const bool exists = stored.id != 0;
  sql::Statement& write = exists ? s.update_fact : s.insert_fact;
  int column = 1;
  if (exists) {
    write.Bind(column++, stored.id);
  } else {
    write.Bind(column++, Key(key));
  }
  write.Bind(column++, reference.relation);
  write.Bind(column++, reference.subject_id);
  write.Bind(column++, reference.counterparty_id);
  write.Bind(column++, reference.object_id);
  write.Bind(column++, value.dump());
  write.Bind(column++, time.dump());
  if (fact.figure_key.empty()) {
    write.BindNull(column++);
  } else {
    write.Bind(column++, fact.figure_key);
  }
  write.Bind(column++, static_cast<std::int64_t>(fact.members.size()));
  std::int64_t fact_id = 0;
  if (exists) {
    write.Exec();
    fact_id = stored.id;
  } else {
    write.Step();
    fact_id = write.Int64(0);
  }
  write.Reset();
  if (exists) {
    s.clear_differences.Bind(1, fact_id);
    s.clear_differences.Exec();
    s.clear_differences.Reset();
  }
  for (std::size_t i : fact.members) {
    const ClaimRow& claim = claims_[i];
    const bool contradicts = fact.contradicting.count(i) > 0;
    const StoredLink* linked = StoredLinkOf(claim.id);
    if (linked != nullptr && linked->fact_id == fact_id && !removed_.count(fact_id) && linked->contradicts == contradicts) {
      continue;
    }
    s.link.Bind(1, fact_id);
    s.link.Bind(2, claim.id);
    s.link.Bind(3, claim.source_id);
    s.link.Bind(4, claim.confidence * ModalityFactor(claim.modality));
    s.link.Bind(5, contradicts ? 1 : 0);
    s.link.Exec();
    s.link.Reset();
  }
  for (std::size_t d = 0; d < fact.differences.size(); ++d) {
    const Difference& difference = fact.differences[d].second;
    s.insert_difference.Bind(1, fact_id);
    s.insert_difference.Bind(2, difference.type);
    s.insert_difference.Bind(3, difference.severity);
    s.insert_difference.Bind(4, fact.difference_pairs[d].first);
    s.insert_difference.Bind(5, fact.difference_pairs[d].second);
    s.insert_difference.Bind(6, difference.detail);
    s.insert_difference.Exec();
    s.insert_difference.Reset();
  }
}

// Calls `each(key, first)` for every fact of keys [begin, end) with its claims loaded at
// claims_[first…] (in the order of its members), one fact at a time: the claims stream in key
// order from one query per chunk (a temporary table numbers them), so only the fact at hand is
// in memory. `each` may keep them (claims_ is then not cut back).
void Run::ForEachFact(std::uint32_t begin, std::uint32_t end,
                      const std::function<bool(std::uint32_t, std::size_t)>& each) {
  constexpr std::size_t kChunk = 20000;  // claims per query (PostgreSQL hands a query's rows over at once)
  constexpr std::size_t kRowsPerInsert = 250;
  const std::size_t first = member_begin_[begin], last = member_begin_[end];
  db_.Exec("CREATE TEMP TABLE IF NOT EXISTS claim_order (ord INTEGER PRIMARY KEY, id INTEGER NOT NULL)");
  db_.Exec("DELETE FROM claim_order");
  {
    std::string values;
    for (std::size_t row = 0; row < kRowsPerInsert; ++row) values += row == 0 ? "(?, ?)" : ", (?, ?)";
    sql::Statement insert(db_, "INSERT INTO claim_order(ord, id) VALUES " + values);
    std::size_t m = first;
    for (; m + kRowsPerInsert <= last; m += kRowsPerInsert) {
      for (std::size_t row = 0; row < kRowsPerInsert; ++row) {
        insert.Bind(static_cast<int>(2 * row + 1), static_cast<std::int64_t>(m + row));
        insert.Bind(static_cast<int>(2 * row + 2), members_[m + row].id);
      }
      insert.Exec();
      insert.Reset();
    }
    sql::Statement insert_one(db_, "INSERT INTO claim_order(ord, id) VALUES (?, ?)");
    for (; m < last; ++m) {
      insert_one.Bind(1, static_cast<std::int64_t>(m));
      insert_one.Bind(2, members_[m].id);
      insert_one.Exec();
      insert_one.Reset();
    }
  }
  std::uint32_t key = begin;
  std::size_t fact_first = claims_.size();  // where the fact at hand starts in claims_
  std::size_t next = first;                 // the member the next row must be
  auto finish_facts = [&]() {
    // Every fact whose members have all arrived.
    while (key < end && member_begin_[key + 1] <= next) {
      if (!each(key, fact_first)) claims_.resize(fact_first);
      fact_first = claims_.size();
      ++key;
    }
  };
  for (std::size_t chunk = first; chunk < last; chunk += kChunk) {
    const std::string where = "o.ord >= " + std::to_string(chunk) + " AND o.ord < " +
                              std::to_string(std::min(last, chunk + kChunk));
    ForEachClaimRow(db_, "claim_order o JOIN claims c ON c.id = o.id", where, "o.ord", false, [&](ClaimRow& row) {
      if (next >= last || row.id != members_[next].id) {
        throw std::runtime_error("the claims changed while reconcile read them");
      }
      KeyParties(row, entities_);
      claims_.push_back(std::move(row));
      ++next;
      finish_facts();
    });
  }
  finish_facts();
  if (key != end) throw std::runtime_error("the claims changed while reconcile read them");
}

// Every fact of keys [begin, end) (one relation, every fact touched: a first or full run),
// built and written one at a time in key order, with what an entity slip compares kept for
// every fact with a figure (a pass before the writing one). Facts that compare with another
// fact whole (a mirrored key, another period of a measure) are kept whole; they are few.
void Run::StreamRelation(std::uint32_t begin, std::uint32_t end, PhaseClock& clock) {
  claims_ = {};
  loaded_claim_ = {};
  facts_.clear();
  kept_.clear();
  summaries_.clear();
  by_subject_.clear();
  by_counterparty_.clear();
  for (std::uint32_t key = begin; key < end; ++key) {
    const std::string mirror = MirroredKey(Key(key));
    const std::uint32_t mirror_index = mirror.empty() ? KeyPool::kNone : keys_.Find(mirror);
    auto family = period_family_.find(PeriodlessKey(Key(key)));
    if ((mirror_index != KeyPool::kNone && mirror_index != key) || (family != period_family_.end() && family->second.size() > 1)) {
      kept_.insert(key);
    }
  }
  auto members_at = [&](std::uint32_t key, std::size_t first) {
    std::vector<std::size_t> members(MemberCount(key));
    for (std::size_t m = 0; m < members.size(); ++m) members[m] = first + m;
    return members;
  };
  // Pass 1: what entity slips compare.
  ForEachFact(begin, end, [&](std::uint32_t key, std::size_t first) {
    FactState fact = BuildFact(members_at(key, first));
    if (!fact.figure_key.empty()) {
      const ClaimRow& reference = claims_[fact.reference];
      FigureSummary summary;
      summary.key = key;
      summary.groups = static_cast<std::uint32_t>(fact.groups);
      summary.figure_hash = KeyPool::Hash(fact.figure_key);
      summary.reference_id = reference.id;
      summary.low = reference.low;
      summary.high = reference.high;
      summary.packed = PackReference(reference);
      by_subject_.emplace_back(WithParty(summary.figure_hash, reference.subject_id), key);
      by_counterparty_.emplace_back(WithParty(summary.figure_hash, reference.counterparty_id), key);
      summaries_.push_back(std::move(summary));
    }
    if (!kept_.count(key)) return false;
    facts_[key] = std::move(fact);
    return true;
  });
  std::sort(by_subject_.begin(), by_subject_.end());
  std::sort(by_counterparty_.begin(), by_counterparty_.end());
  clock.Lap("build (stream)");
  auto summary_of = [&](std::uint32_t key) -> const FigureSummary& {
    return *std::lower_bound(summaries_.begin(), summaries_.end(), key,
                             [](const FigureSummary& summary, std::uint32_t k) { return summary.key < k; });
  };
  // Pass 2: each fact again, with its differences with other facts, written.
  ForEachFact(begin, end, [&](std::uint32_t key, std::size_t first) {
    FactState built;
    const bool kept = kept_.count(key) > 0;
    FactState& fact = kept ? facts_.at(key) : built;
    if (!kept) built = BuildFact(members_at(key, first));
    if (kept) AddDirectionDifferences(key, fact);
    if (!fact.figure_key.empty()) {
      const ClaimRow& mine = claims_[fact.reference];
      const std::uint64_t figure_hash = KeyPool::Hash(fact.figure_key);
      std::vector<std::uint32_t> same_figure;
      for (const auto* index : {&by_subject_, &by_counterparty_}) {
        const std::uint64_t wanted =
            WithParty(figure_hash, index == &by_subject_ ? mine.subject_id : mine.counterparty_id);
        auto range = std::equal_range(index->begin(), index->end(), std::make_pair(wanted, std::uint32_t{0}),
                                      [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto it = range.first; it != range.second; ++it) same_figure.push_back(it->second);
      }
      std::sort(same_figure.begin(), same_figure.end());  // key order, as the in-memory pass sees them
      for (std::uint32_t majority : same_figure) {
        if (majority == key) continue;
        const FigureSummary& other = summary_of(majority);
        if (other.figure_hash != figure_hash || other.groups <= fact.groups) continue;
        const ClaimRow theirs = UnpackReference(other);
        // The index is by hash: the party it was found by must be the same.
        if (theirs.subject_id != mine.subject_id && theirs.counterparty_id != mine.counterparty_id) continue;
        if (!IsEntitySlip(mine, fact.groups, theirs, other.groups)) continue;
        AddEntityDifferences(fact, theirs, other.reference_id, other.groups);
        break;  // one better-told account is enough to name the slip
      }
    }
    if (kept) AddDateDifferences(key, fact);
    WriteFact(key, fact);
    return false;
  });
  clock.Lap("build and write (stream)");
  claims_ = {};
  facts_.clear();
  kept_.clear();
  summaries_ = {};
  by_subject_ = {};
  by_counterparty_ = {};
}

// The key scan's memory, once every fact is written (scores need none of it).
void Run::ForgetKeyScan() {
  keys_ = KeyPool();
  members_ = {};
  member_begin_ = {};
  stored_links_ = {};
  stored_fact_of_key_ = {};
  touched_ = {};
  period_family_ = {};
  claims_ = {};
  loaded_claim_ = {};
  facts_.clear();
}

// Trust by iterative truth discovery and every fact's score (scoring.h, SCORING.md), over the
// whole store, from one narrow row per claim. Writes the facts whose score moved, and trust.
ReconcileStats Run::ScoreEverything() {
  std::vector<ScoredFact> facts = LoadScoredFacts();
  std::map<std::int64_t, double> prior_of_source;
  {
    sql::Statement select(db_, "SELECT id, prior FROM sources");
    while (select.Step()) prior_of_source[select.Int64(0)] = select.Double(1);
  }
  const std::map<std::int64_t, double> trust = ScoreFacts(facts, prior_of_source);
  return WriteScores(facts, trust);
}

std::vector<ScoredFact> Run::LoadScoredFacts() {
  std::vector<ScoredFact> facts;
  {
    ForEachRowByKey(db_, "id", "value, status, score, independent_sources, explanation", "facts", [&](sql::Statement& select) {
      ScoredFact fact;
      fact.id = select.Int64(0);
      // The qualifier is all the score reads of the value: no JSON parse for it.
      const std::string value = select.Text(1);
      // (WriteFact writes it with nlohmann::json's dump(): no spaces.)
      for (const char* qualifier : {"approx", "up_to"}) {
        if (value.find(std::string("\"qualifier\":\"") + qualifier + "\"") != std::string::npos) fact.hedge = HedgeFactor(qualifier);
      }
      fact.status = select.Text(2);
      fact.score = select.Int(3);
      fact.independent = select.Int(4);
      fact.explanation_hash = ExplanationHash(select.Text(5));
      facts.push_back(std::move(fact));
    });
  }
  {
    // In claim order within each fact, as the scores have always summed them.
    ForEachRowByKey(db_, "claim_id", "fact_id, source_id, strength, contradicts", "claim_facts", [&](sql::Statement& select) {
      const std::int64_t fact_id = select.Int64(1);
      auto fact = std::lower_bound(facts.begin(), facts.end(), fact_id,
                                   [](const ScoredFact& f, std::int64_t id) { return f.id < id; });
      if (fact == facts.end() || fact->id != fact_id) return;
      ScoredClaim claim;
      claim.source = select.Int64(2);
      claim.group = group_of_source_[claim.source];
      claim.strength = select.Double(3);
      claim.contradicts = select.Int(4) != 0;
      fact->claims.push_back(claim);
    });
  }
  return facts;
}

ReconcileStats Run::WriteScores(const std::vector<ScoredFact>& facts, const std::map<std::int64_t, double>& trust) {
  ReconcileStats stats;
  sql::Statement update(db_, "UPDATE facts SET status = ?, score = ?, independent_sources = ?, explanation = ? WHERE id = ?");
  for (const ScoredFact& fact : facts) {
    ++stats.facts;
    if (fact.status == "corroborated") ++stats.corroborated;
    if (fact.status == "disputed") ++stats.disputed;
    if (fact.status == "single_source") ++stats.single_source;
    if (!fact.changed) continue;
    update.Bind(1, fact.status);
    update.Bind(2, fact.score);
    update.Bind(3, fact.independent);
    update.Bind(4, ExplanationOf(fact));
    update.Bind(5, fact.id);
    update.Exec();
    update.Reset();
  }
  stats.discrepancies = static_cast<std::size_t>(sql::QueryInt64(db_, "SELECT count(*) FROM discrepancies"));
  sql::Statement update_trust(db_, "UPDATE sources SET trust = ? WHERE id = ?");
  for (const auto& [source, value] : trust) {
    update_trust.Bind(1, std::round(value * 1000) / 1000);
    update_trust.Bind(2, source);
    update_trust.Exec();
    update_trust.Reset();
  }
  return stats;
}

void Run::WriteClusters() {
  db_.Exec("DELETE FROM clusters");
  sql::Statement insert_cluster(db_, "INSERT INTO clusters(article_id, cluster) VALUES (?, ?)");
  std::map<std::int64_t, std::vector<std::int64_t>> members_by_cluster;
  for (const auto& [article, parent] : syndication_.parent) members_by_cluster[syndication_.Find(article)].push_back(article);
  for (const auto& [cluster, members] : members_by_cluster) {
    if (members.size() < 2) continue;
    for (std::int64_t article : members) {
      insert_cluster.Bind(1, article);
      insert_cluster.Bind(2, cluster);
      insert_cluster.Exec();
      insert_cluster.Reset();
    }
  }
}

Result<ReconcileStats> Run::Go(const std::filesystem::path& path, bool everything) {
  try {
    // IMMEDIATE: the write lock first (waiting up to the busy timeout), since a deferred
    // transaction that read before another writer committed fails at once on its first write.
    sql::Transaction transaction(db_, sql::Lock::kReconcile);
    if (everything) {
      // Forget what the last run knew: every fact's count mismatches, every group is new and
      // every article is compared for copies again.
      db_.Exec("UPDATE facts SET claim_count = -1");
      db_.Exec("UPDATE sources SET group_label = NULL");
      db_.Exec("DELETE FROM syndicated_pairs");
      db_.Exec("DELETE FROM unreconciled");
      db_.Exec("INSERT INTO unreconciled(article_id) SELECT id FROM articles");
    }
    PhaseClock clock;
    LoadIndependenceGroups();
    clock.Lap("independence");
    ScanKeys();
    FindTouched();
    clock.Lap("key scan");
    DeleteStaleFacts();
    // One relation at a time, in the order of their names: facts of two relations never
    // compare (mirrors, figures and periods all keep the relation).
    std::vector<std::tuple<std::string, std::uint32_t, std::uint32_t>> relations;
    for (std::uint32_t begin = 0, end = 0; begin < keys_.size(); begin = end) {
      end = RelationEnd(begin);
      relations.emplace_back(RelationOfKey(Key(begin)), begin, end);
    }
    std::sort(relations.begin(), relations.end());
    for (const auto& [relation, begin, end] : relations) {
      std::set<std::uint32_t> touched;
      for (std::uint32_t key = begin; key < end; ++key) {
        if (touched_[key]) touched.insert(key);
      }
      if (touched.empty()) continue;
      if (touched.size() == end - begin) {
        // Every fact touched (a first or full run): streamed, one fact in memory at a time.
        touched.clear();
        StreamRelation(begin, end, clock);
        continue;
      }
      relation_begin_ = begin;
      relation_end_ = end;
      claims_ = {};
      loaded_claim_ = {};
      facts_.clear();
      Build(touched);
      clock.Lap("build touched");
      const std::set<std::uint32_t> rewrite = Reach(touched);
      Build(rewrite);
      Build(Reach(rewrite));
      clock.Lap("build reached");
      AddCrossFactDifferences(rewrite);
      clock.Lap("direction and entity");
      WriteFacts(rewrite);
      clock.Lap("write facts");
    }
    write_statements_.reset();
    ForgetKeyScan();
    ReconcileStats stats = ScoreEverything();
    clock.Lap("trust and scores");
    if (articles_changed_ || !stale_facts_.empty() || !changed_sources_.empty()) WriteClusters();
    sql::Statement label(db_, "UPDATE sources SET group_label = ? WHERE id = ?");
    for (std::int64_t source : changed_sources_) {
      label.Bind(1, group_of_source_[source]);
      label.Bind(2, source);
      label.Exec();
      label.Reset();
    }
    db_.Exec("DELETE FROM unreconciled");
    transaction.Commit();
    return stats;
  } catch (const sql::Error& error) {
    retry_ = error.retry();
    return DatabaseError(path, error);
  } catch (const std::exception& error) {
    return DatabaseError(path, error);
  }
}

}  // namespace

Result<ReconcileStats> Reconcile(Store& store, const normalize::EntityTable& entities, bool everything) {
  // The pass reads in key order and holds one fact at a time: a small page cache does (the
  // store's own, for reads by id, comes back after).
  constexpr std::size_t kReconcileCacheMb = 32, kStoreCacheMb = 256;
  (void)store.SetCacheLimit(kReconcileCacheMb);
  struct RestoreCache {
    Store& store;
    ~RestoreCache() { (void)store.SetCacheLimit(kStoreCacheMb); }
  } restore{store};
  // On PostgreSQL an ingest that commits a replaced article while the pass runs can make the
  // pass's snapshot fail to serialize; the pass then runs again from the start (a few times).
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    Run run(*store.impl().db, entities);
    Result<ReconcileStats> result = run.Go(store.impl().path, everything);
    if (result.ok() || attempt == kAttempts || !run.retry()) return result;
  }
}

}  // namespace concord::reconcile
