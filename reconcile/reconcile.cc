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
//      relations never compare);
//   3. trust and scores are recomputed over the whole store from narrow rows (one per claim),
//      and only facts whose score or status moved are written.
// A first run touches every fact and so is a full reconcile; the result does not depend on
// the order articles arrived in.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <map>
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

// Keys with one party left empty ("acquire||cyclops|…") mapped to the one key of the same
// relation, object and terms that has that party in the same place and another party beside
// it; a key with no such key, or with two, stays as it is (which buyer is meant is not known).
// For a relation whose parties are interchangeable the party may stand in either place. The
// result depends only on the set of keys, so an incremental run finds what a full one does.
template <typename Scanned>
std::map<std::string, std::string> CompletedKeys(const std::vector<Scanned>& scanned) {
  std::set<std::string> keys;
  for (const Scanned& claim : scanned) keys.insert(claim.key);
  // (relation, rest, place, party) → the two-party keys naming it there.
  std::map<std::tuple<std::string, std::string, int, std::string>, std::set<std::string>> full_by_party;
  for (const std::string& key : keys) {
    const std::optional<KeyParts> parts = SplitKey(key);
    if (!parts || parts->subject.empty() || parts->counterparty.empty() || parts->subject == parts->counterparty) continue;
    const bool symmetric = IsSymmetricRelation(parts->relation);
    full_by_party[{parts->relation, parts->rest, symmetric ? 0 : 1, parts->subject}].insert(key);
    full_by_party[{parts->relation, parts->rest, symmetric ? 0 : 2, parts->counterparty}].insert(key);
  }
  std::map<std::string, std::string> completed;
  for (const std::string& key : keys) {
    const std::optional<KeyParts> parts = SplitKey(key);
    if (!parts || parts->subject.empty() == parts->counterparty.empty()) continue;
    const bool symmetric = IsSymmetricRelation(parts->relation);
    const bool has_subject = !parts->subject.empty();
    const int place = symmetric ? 0 : has_subject ? 1 : 2;
    auto found = full_by_party.find({parts->relation, parts->rest, place, has_subject ? parts->subject : parts->counterparty});
    if (found != full_by_party.end() && found->second.size() == 1) completed[key] = *found->second.begin();
  }
  return completed;
}

struct FactState {
  std::vector<std::size_t> members;  // indexes into the loaded claims
  std::size_t reference = 0;         // index into the loaded claims
  std::vector<std::pair<std::size_t, Difference>> differences;  // (other claim, difference)
  std::vector<std::pair<std::size_t, std::size_t>> difference_pairs;
  std::set<std::size_t> contradicting;
  std::string figure_key;  // relation, object and terms with the reference figure: entity slips
  std::size_t groups = 0;  // independence groups among the members
};

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

struct StoredFact {
  std::int64_t id = 0;
  std::int64_t claim_count = 0;
  std::string figure_key;
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
  std::set<std::uint32_t> Reach(const std::set<std::uint32_t>& from);
  void AddCrossFactDifferences(const std::set<std::uint32_t>& rewrite);
  void DeleteStaleFacts();
  void WriteFacts(const std::set<std::uint32_t>& rewrite);
  ReconcileStats ScoreEverything();
  std::vector<ScoredFact> LoadScoredFacts();
  ReconcileStats WriteScores(const std::vector<ScoredFact>& facts, const std::map<std::int64_t, double>& trust);
  void WriteClusters();

  std::uint32_t KeyIndex(const std::string& key) {
    auto [it, inserted] = key_index_.emplace(key, static_cast<std::uint32_t>(keys_.size()));
    if (inserted) {
      keys_.push_back(key);
      members_of_key_.emplace_back();
      ++keys_of_relation_[RelationOfKey(key)];
    }
    return it->second;
  }

  sql::Connection& db_;
  const normalize::EntityTable& entities_;
  bool retry_ = false;

  // Independence.
  UnionFind syndication_;
  std::map<std::int64_t, std::int64_t> group_of_source_;  // source id → smallest source id of its group
  std::set<std::int64_t> changed_sources_;
  std::vector<std::pair<std::int64_t, std::int64_t>> new_pairs_;
  bool articles_changed_ = false;

  // The key scan: every claim that can make a fact.
  std::unordered_map<std::string, std::uint32_t> key_index_;
  std::vector<std::string> keys_;
  std::vector<std::vector<std::int64_t>> members_of_key_;  // claim ids
  std::unordered_map<std::string, std::size_t> keys_of_relation_;
  struct StoredLink {
    std::int64_t fact_id = 0;
    bool contradicts = false;
  };
  std::unordered_map<std::int64_t, StoredLink> stored_fact_of_claim_;
  std::unordered_map<std::int64_t, std::int64_t> source_of_claim_;
  std::map<std::string, StoredFact> stored_facts_;  // by key
  std::set<std::uint32_t> touched_;
  std::set<std::string> stale_keys_;  // stored facts no claim speaks of any more
  // Period measures by their key without the period: the same revenue for other quarters.
  std::unordered_map<std::string, std::vector<std::uint32_t>> period_family_;

  // Loaded claims and built facts.
  std::vector<ClaimRow> claims_;
  std::unordered_map<std::int64_t, std::size_t> loaded_claim_;
  std::map<std::uint32_t, FactState> facts_;
  std::string relation_;  // the relation whose facts are loaded and built now
  std::unordered_set<std::int64_t> removed_;  // stale facts deleted: their links are gone, an id may be reused
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
  {
    sql::Statement select(db_, "SELECT key, id, claim_count, coalesce(figure_key, '') FROM facts");
    while (select.Step()) {
      stored_facts_[select.Text(0)] = {select.Int64(1), select.Int64(2),
                                                        select.Text(3)};
    }
  }
  // The links and sources as they stand, read apart: joining them to every claim row costs
  // two B-tree lookups per claim.
  std::unordered_map<std::int64_t, const std::string*> key_of_fact;
  for (const auto& [key, stored] : stored_facts_) key_of_fact[stored.id] = &key;
  {
    sql::Statement links(db_, "SELECT claim_id, fact_id, contradicts FROM claim_facts");
    while (links.Step()) {
      stored_fact_of_claim_[links.Int64(0)] = {links.Int64(1),
                                                              links.Int(2) != 0};
    }
  }
  std::unordered_map<std::int64_t, std::int64_t> source_of_article;
  {
    sql::Statement articles(db_, "SELECT id, source_id FROM articles");
    while (articles.Step()) source_of_article[articles.Int64(0)] = articles.Int64(1);
  }
  // Reads only columns of claims_by_key_fields, so SQLite scans that index, not the rows, and
  // the claims come in the index's order. PostgreSQL is asked for that order (NULLs first, as
  // SQLite sorts them), so both build the same facts in the same order.
  sql::Statement select(db_, std::string(R"sql(
    SELECT id, relation, coalesce(subject_id, ''), coalesce(counterparty_id, ''), coalesce(object_id, ''),
           exclusive, coalesce(terms, ''), article_id, coalesce(time_start, ''), coalesce(time_precision, ''),
           coalesce(time_boundary, ''), value_kind, coalesce(value_per, ''), coalesce(value_low, 0)
    FROM claims WHERE relation != ?)sql") +
                                     (db_.dialect() == sql::Dialect::kPostgres ? R"sql(
    ORDER BY relation, subject_id NULLS FIRST, counterparty_id NULLS FIRST, object_id NULLS FIRST,
             exclusive NULLS FIRST, terms NULLS FIRST, article_id, time_start NULLS FIRST,
             time_precision NULLS FIRST, time_boundary NULLS FIRST, value_kind, value_per NULLS FIRST,
             value_low NULLS FIRST, id)sql" : ""));
  select.Bind(1, std::string(kQuantityRelation));
  struct Scanned {
    std::int64_t id = 0, source = 0, article = 0;
    std::string key;
    std::string share_key;  // a money figure told without a unit: its key as a price per share
    double low = 0;
  };
  std::vector<Scanned> scanned;
  ClaimRow row;
  while (select.Step()) {
    const std::int64_t id = select.Int64(0);
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
    Scanned claim{id, source_of_article[article], article, FactKey(row), "", select.Double(13)};
    if (row.value_kind == "money" && row.per.empty()) {
      row.per = "share";
      claim.share_key = FactKey(row);
    }
    scanned.push_back(std::move(claim));
  }
  // A claim that names one party of two ("acquire: ? → Cyclops") is an account of the one fact
  // that names that party in the same place with another beside it, when there is exactly one.
  // (Joined within one article too: its figures never dispute each other, see Build.)
  const std::map<std::string, std::string> completed = CompletedKeys(scanned);
  for (Scanned& claim : scanned) {
    for (std::string* key : {&claim.key, &claim.share_key}) {
      auto found = completed.find(*key);
      if (found != completed.end()) *key = found->second;
    }
  }
  // A money figure told without "a share" ("Dixons offered 90.25 dlrs") beside prices per share
  // of the same deal is one of them when it is within a factor of two of one: a total price is
  // thousands of times a price per share, so the two never come that close.
  std::unordered_map<std::string, std::vector<double>> per_share_figures;
  for (const Scanned& claim : scanned) {
    if (claim.key.find("|per=share") != std::string::npos) per_share_figures[claim.key].push_back(claim.low);
  }
  for (Scanned& claim : scanned) {
    if (claim.share_key.empty() || claim.low <= 0) continue;
    auto found = per_share_figures.find(claim.share_key);
    if (found == per_share_figures.end()) continue;
    const bool close = std::any_of(found->second.begin(), found->second.end(), [&](double figure) {
      return figure > 0 && claim.low <= 2 * figure && figure <= 2 * claim.low;
    });
    if (close) claim.key = claim.share_key;
  }
  for (const Scanned& claim : scanned) {
    const std::int64_t id = claim.id;
    const std::uint32_t key = KeyIndex(claim.key);
    members_of_key_[key].push_back(id);
    source_of_claim_[id] = claim.source;
    auto link = stored_fact_of_claim_.find(id);
    const std::string* old_key = nullptr;
    if (link != stored_fact_of_claim_.end()) {
      auto fact = key_of_fact.find(link->second.fact_id);
      if (fact != key_of_fact.end()) old_key = fact->second;
    }
    if (old_key == nullptr || *old_key != keys_[key]) {
      touched_.insert(key);  // a new claim, or one whose key moved (its old fact lost a member)
      if (old_key != nullptr) {
        auto old = key_index_.find(*old_key);
        if (old == key_index_.end()) {
          stale_keys_.insert(*old_key);  // settled below, once all keys are known
        } else {
          touched_.insert(old->second);
        }
      }
    }
  }
}

void Run::FindTouched() {
  for (std::uint32_t key = 0; key < keys_.size(); ++key) {
    std::string family = PeriodlessKey(keys_[key]);
    if (!family.empty()) period_family_[family].push_back(key);
  }
  // Old keys seen before their new claims were scanned.
  for (auto it = stale_keys_.begin(); it != stale_keys_.end();) {
    auto found = key_index_.find(*it);
    if (found != key_index_.end()) {
      touched_.insert(found->second);
      it = stale_keys_.erase(it);
    } else {
      ++it;
    }
  }
  for (const auto& [key, stored] : stored_facts_) {
    auto found = key_index_.find(key);
    if (found == key_index_.end()) {
      stale_keys_.insert(key);
    } else if (static_cast<std::int64_t>(members_of_key_[found->second].size()) != stored.claim_count) {
      touched_.insert(found->second);  // a claim left (its article was replaced) or arrived
    }
  }
  if (!changed_sources_.empty()) {
    for (std::uint32_t key = 0; key < keys_.size(); ++key) {
      for (std::int64_t claim : members_of_key_[key]) {
        if (changed_sources_.count(source_of_claim_[claim])) {
          touched_.insert(key);
          break;
        }
      }
    }
  }
}

// Loads the claims of `wanted` facts not loaded yet and builds those facts: members,
// reference account, differences with it, figure key and group count.
void Run::Build(const std::set<std::uint32_t>& wanted) {
  std::vector<std::uint32_t> to_build;
  for (std::uint32_t key : wanted) {
    if (!facts_.count(key)) to_build.push_back(key);
  }
  if (to_build.empty()) return;
  std::vector<ClaimRow> rows;
  if (static_cast<double>(to_build.size()) > kLoadEverythingShare * static_cast<double>(keys_of_relation_[relation_]) &&
      claims_.empty()) {
    // Relation names are [a-z0-9_]+ (extract/patterns grammar); quotes doubled all the same.
    std::string quoted = relation_;
    for (std::size_t at = quoted.find('\''); at != std::string::npos; at = quoted.find('\'', at + 2)) {
      quoted.insert(at, 1, '\'');
    }
    rows = LoadClaimRows(db_, "c.relation = '" + quoted + "'", false);
  } else {
    db_.Exec("CREATE TEMP TABLE IF NOT EXISTS wanted_claims (id INTEGER PRIMARY KEY)");
    db_.Exec("DELETE FROM wanted_claims");
    sql::Statement insert(db_, "INSERT INTO wanted_claims(id) VALUES (?) ON CONFLICT DO NOTHING");
    for (std::uint32_t key : to_build) {
      for (std::int64_t claim : members_of_key_[key]) {
        if (loaded_claim_.count(claim)) continue;
        insert.Bind(1, claim);
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
    FactState fact;
    for (std::int64_t claim : members_of_key_[key]) fact.members.push_back(loaded_claim_.at(claim));
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
        fact.difference_pairs.emplace_back(against, i);
        fact.differences.emplace_back(i, std::move(difference));
      }
    }
    const ClaimRow& reference = claims_[fact.reference];
    if (reference.value_kind == "money" || reference.value_kind == "percent") {
      ClaimRow unnamed = reference;
      unnamed.subject_id = unnamed.counterparty_id = "";
      fact.figure_key = FactKey(unnamed) + "|" + ValueText(reference);
    }
    facts_[key] = std::move(fact);
  }
}

// `from`, the mirrors of its facts, and the facts an entity slip can pair with one of them:
// the same figure and one party in common (built facts by their figure now, the others by
// the figure stored with them).
std::set<std::uint32_t> Run::Reach(const std::set<std::uint32_t>& from) {
  std::set<std::uint32_t> reached = from;
  std::set<std::tuple<std::string, std::string, std::string>> figures;  // figure, subject, counterparty
  for (std::uint32_t key : from) {
    std::string mirror = MirroredKey(keys_[key]);
    auto found = mirror.empty() ? key_index_.end() : key_index_.find(mirror);
    if (found != key_index_.end()) reached.insert(found->second);
    auto family = period_family_.find(PeriodlessKey(keys_[key]));
    if (family != period_family_.end()) reached.insert(family->second.begin(), family->second.end());
    auto built = facts_.find(key);
    if (built == facts_.end()) continue;  // every fact of `from` is built
    const ClaimRow& reference = claims_[built->second.reference];
    if (!built->second.figure_key.empty()) {
      figures.emplace(built->second.figure_key, reference.subject_id, reference.counterparty_id);
    }
    auto stored = stored_facts_.find(keys_[key]);
    if (stored != stored_facts_.end() && !stored->second.figure_key.empty()) {
      figures.emplace(stored->second.figure_key, reference.subject_id, reference.counterparty_id);
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
      auto found = key_index_.find(by_figure.Text(0));
      if (found != key_index_.end()) reached.insert(found->second);
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

// Direction (mirrored facts) and entity slips (same figure, one party differs), for the
// facts in `rewrite`; every fact they compare with is built.
void Run::AddCrossFactDifferences(const std::set<std::uint32_t>& rewrite) {
  // Direction: the same relation with the parties swapped, told by another article.
  for (std::uint32_t key : rewrite) {
    FactState& fact = facts_.at(key);
    std::string mirror_key = MirroredKey(keys_[key]);
    auto mirror_index = mirror_key.empty() ? key_index_.end() : key_index_.find(mirror_key);
    if (mirror_index == key_index_.end() || mirror_index->second == key) continue;
    const FactState& mirror = facts_.at(mirror_index->second);
    // Reported on the fact told by fewer groups: that side is the likelier slip.
    const bool report_here =
        fact.groups < mirror.groups || (fact.groups == mirror.groups && keys_[key] > mirror_key);
    if (!report_here) continue;
    for (std::size_t i : fact.members) {
      for (std::size_t j : mirror.members) {
        const ClaimRow& mine = claims_[i];
        const ClaimRow& theirs = claims_[j];
        if (mine.article_id == theirs.article_id || IsPositive(mine.polarity) != IsPositive(theirs.polarity)) continue;
        fact.contradicting.insert(i);
        fact.difference_pairs.emplace_back(j, i);
        fact.differences.emplace_back(i, Difference{"direction", "high",
                                                    mine.subject + " → " + mine.counterparty + " here, but " +
                                                        theirs.source + " (" + theirs.article + ") has " +
                                                        theirs.subject + " → " + theirs.counterparty});
        break;  // one mirrored account is enough to name the swap
      }
    }
  }
  // Entity: the same figure for the same relation and terms, with one party named
  // differently, by fewer independent groups ("Brisk Storage" where the others have
  // "Brisk Solar"): reported on the fact told by fewer groups, like a direction slip.
  // Candidates share the figure and one party: indexed by both, so a common figure ("USD 1
  // bn") does not make every pair of its facts a candidate.
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
    std::sort(same_figure.begin(), same_figure.end(),
              [&](std::uint32_t a, std::uint32_t b) { return keys_[a] < keys_[b]; });  // as a full run sees them
    for (std::uint32_t majority : same_figure) {
      const FactState& other = facts_.at(majority);
      const ClaimRow& theirs = claims_[other.reference];
      const bool subject_differs = mine.subject_id != theirs.subject_id;
      const bool counterparty_differs = mine.counterparty_id != theirs.counterparty_id;
      if (minority == majority || subject_differs == counterparty_differs) continue;  // exactly one party
      const std::string& my_party = subject_differs ? mine.subject_id : mine.counterparty_id;
      const std::string& their_party = subject_differs ? theirs.subject_id : theirs.counterparty_id;
      if (my_party.empty() || their_party.empty() || mine.subject_id == mine.counterparty_id) continue;
      if (!CompareClaims(theirs, mine).empty()) continue;  // another account, not another party
      if (fact.groups >= other.groups) continue;
      for (std::size_t i : fact.members) {
        fact.contradicting.insert(i);
        fact.difference_pairs.emplace_back(other.reference, i);
        fact.differences.emplace_back(
            i, Difference{"entity", "high",
                          (subject_differs ? claims_[i].subject : claims_[i].counterparty) + " here, but " +
                              std::to_string(other.groups) + " independent source(s) name " +
                              (subject_differs ? theirs.subject : theirs.counterparty) + " for the same " +
                              mine.relation + " of " + ValueText(mine)});
      }
      break;  // one better-told account is enough to name the slip
    }
  }
  // Date: the same measure, parties and figure given for another period by more independent
  // groups ("Q2" where the others say "Q3" for the same USD 140 m): a period slip, reported
  // on the fact told by fewer groups.
  for (std::uint32_t minority : rewrite) {
    auto family = period_family_.find(PeriodlessKey(keys_[minority]));
    if (family == period_family_.end()) continue;
    FactState& fact = facts_.at(minority);
    const ClaimRow& mine = claims_[fact.reference];
    std::vector<std::uint32_t> periods = family->second;
    std::sort(periods.begin(), periods.end(), [&](std::uint32_t a, std::uint32_t b) { return keys_[a] < keys_[b]; });
    for (std::uint32_t majority : periods) {
      if (majority == minority) continue;
      const FactState& other = facts_.at(majority);
      const ClaimRow& theirs = claims_[other.reference];
      if (fact.groups >= other.groups || mine.value_kind == "none" || ValueText(mine) != ValueText(theirs) ||
          IsPositive(mine.polarity) != IsPositive(theirs.polarity)) {
        continue;
      }
      const std::string my_period = PeriodOfKey(keys_[minority]);
      const std::string their_period = PeriodOfKey(keys_[majority]);
      for (std::size_t i : fact.members) {
        fact.contradicting.insert(i);
        fact.difference_pairs.emplace_back(other.reference, i);
        fact.differences.emplace_back(
            i, Difference{"date", "medium",
                          my_period + " here, but " + std::to_string(other.groups) + " independent source(s) give " +
                              ValueText(mine) + " for " + their_period});
      }
      break;  // one better-told period is enough to name the slip
    }
  }
}

void Run::DeleteStaleFacts() {
  sql::Statement remove(db_, "DELETE FROM facts WHERE id = ?");
  for (const std::string& key : stale_keys_) {
    auto stored = stored_facts_.find(key);
    if (stored == stored_facts_.end()) continue;
    removed_.insert(stored->second.id);
    remove.Bind(1, stored->second.id);
    remove.Exec();
    remove.Reset();
  }
}

void Run::WriteFacts(const std::set<std::uint32_t>& rewrite) {
  sql::Statement insert_fact(db_, R"sql(
    INSERT INTO facts(key, relation, subject_id, counterparty_id, object_id, value, time, status, score,
                      independent_sources, explanation, figure_key, claim_count)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'single_source', 0, 0, '', ?, ?) RETURNING id)sql");
  sql::Statement update_fact(db_, R"sql(
    UPDATE facts SET relation = ?2, subject_id = ?3, counterparty_id = ?4, object_id = ?5, value = ?6, time = ?7,
                     figure_key = ?8, claim_count = ?9
    WHERE id = ?1)sql");
  sql::Statement clear_differences(db_, "DELETE FROM discrepancies WHERE fact_id = ?");
  sql::Statement link(db_, R"sql(
    INSERT INTO claim_facts(fact_id, claim_id, source_id, strength, contradicts) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(claim_id) DO UPDATE SET fact_id = excluded.fact_id, source_id = excluded.source_id,
                                        strength = excluded.strength, contradicts = excluded.contradicts)sql");
  sql::Statement insert_difference(db_, R"sql(
    INSERT INTO discrepancies(fact_id, type, severity, claim_a, claim_b, detail) VALUES (?, ?, ?, ?, ?, ?))sql");
  // In key order: a fresh store numbers its facts the same way every time.
  std::vector<std::uint32_t> ordered(rewrite.begin(), rewrite.end());
  std::sort(ordered.begin(), ordered.end(), [&](std::uint32_t a, std::uint32_t b) { return keys_[a] < keys_[b]; });
  for (std::uint32_t key : ordered) {
    const FactState& fact = facts_.at(key);
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
    auto stored = stored_facts_.find(keys_[key]);
    const bool exists = stored != stored_facts_.end() && !stale_keys_.count(keys_[key]);
    sql::Statement& write = exists ? update_fact : insert_fact;
    int column = 1;
    if (exists) {
      write.Bind(column++, stored->second.id);
    } else {
      write.Bind(column++, keys_[key]);
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
      fact_id = stored->second.id;
    } else {
      write.Step();
      fact_id = write.Int64(0);
    }
    write.Reset();
    if (exists) {
      clear_differences.Bind(1, fact_id);
      clear_differences.Exec();
      clear_differences.Reset();
    }
    for (std::size_t i : fact.members) {
      const ClaimRow& claim = claims_[i];
      const bool contradicts = fact.contradicting.count(i) > 0;
      auto linked = stored_fact_of_claim_.find(claim.id);
      if (linked != stored_fact_of_claim_.end() && linked->second.fact_id == fact_id && !removed_.count(fact_id) &&
          linked->second.contradicts == contradicts) {
        continue;
      }
      link.Bind(1, fact_id);
      link.Bind(2, claim.id);
      link.Bind(3, claim.source_id);
      link.Bind(4, claim.confidence * ModalityFactor(claim.modality));
      link.Bind(5, contradicts ? 1 : 0);
      link.Exec();
      link.Reset();
    }
    for (std::size_t d = 0; d < fact.differences.size(); ++d) {
      const Difference& difference = fact.differences[d].second;
      insert_difference.Bind(1, fact_id);
      insert_difference.Bind(2, difference.type);
      insert_difference.Bind(3, difference.severity);
      insert_difference.Bind(4, claims_[fact.difference_pairs[d].first].id);
      insert_difference.Bind(5, claims_[fact.difference_pairs[d].second].id);
      insert_difference.Bind(6, difference.detail);
      insert_difference.Exec();
      insert_difference.Reset();
    }
  }
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
  std::unordered_map<std::int64_t, std::size_t> fact_index;
  {
    sql::Statement select(db_, "SELECT id, value, status, score, independent_sources, explanation FROM facts ORDER BY id");
    while (select.Step()) {
      ScoredFact fact;
      fact.id = select.Int64(0);
      nlohmann::json value = nlohmann::json::parse(select.Text(1), nullptr, false);
      if (value.is_object() && value.contains("qualifier")) {
        const std::string qualifier = value["qualifier"];
        fact.hedge = HedgeFactor(qualifier);
      }
      fact.status = select.Text(2);
      fact.score = select.Int(3);
      fact.independent = select.Int(4);
      fact.explanation = select.Text(5);
      fact_index[fact.id] = facts.size();
      facts.push_back(std::move(fact));
    }
  }
  {
    sql::Statement select(db_, "SELECT fact_id, source_id, strength, contradicts FROM claim_facts ORDER BY claim_id");
    while (select.Step()) {
      auto fact = fact_index.find(select.Int64(0));
      if (fact == fact_index.end()) continue;
      ScoredClaim claim;
      claim.source = select.Int64(1);
      claim.group = group_of_source_[claim.source];
      claim.strength = select.Double(2);
      claim.contradicts = select.Int(3) != 0;
      facts[fact->second].claims.push_back(claim);
    }
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
    update.Bind(4, fact.explanation);
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
    // One relation at a time: facts of two relations never compare (mirrors, figures and
    // periods all keep the relation), so only one relation's claims are in memory at once.
    std::map<std::string, std::set<std::uint32_t>> touched_by_relation;
    for (std::uint32_t key : touched_) touched_by_relation[RelationOfKey(keys_[key])].insert(key);
    for (const auto& [relation, touched] : touched_by_relation) {
      relation_ = relation;
      claims_ = {};
      loaded_claim_ = {};
      facts_.clear();
      Build(touched);
      clock.Lap("build touched");
      // Everything touched (a first or full run): nothing more to reach.
      const bool all_touched = touched.size() == keys_of_relation_[relation];
      const std::set<std::uint32_t> rewrite = all_touched ? touched : Reach(touched);
      Build(rewrite);
      if (!all_touched) Build(Reach(rewrite));
      clock.Lap("build reached");
      AddCrossFactDifferences(rewrite);
      clock.Lap("direction and entity");
      WriteFacts(rewrite);
      clock.Lap("write facts");
    }
    ReconcileStats stats = ScoreEverything();
    clock.Lap("trust and scores");
    if (articles_changed_ || !stale_keys_.empty() || !changed_sources_.empty()) WriteClusters();
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
