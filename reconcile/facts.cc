// Reconciliation: claims → facts, discrepancies, independence groups, trust and scores.
// The scoring formula is written down in reconcile/SCORING.md; keep the two in step.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <cstring>
#include <set>

#include "reconcile/facts.h"
#include "reconcile/store_impl.h"

namespace concord::reconcile {
namespace {

// Relations whose two parties are interchangeable: "A and B signed" = "B and A signed".
constexpr std::string_view kSymmetricRelations[] = {"agreement", "partnership", "merger"};

// Modality discounts in the score (SCORING.md): a plan or a report is weaker than a fact.
double ModalityFactor(const std::string& modality) {
  if (modality == "plan") return 0.9;
  if (modality == "reported") return 0.85;
  if (modality == "conditional") return 0.85;
  if (modality == "estimate") return 0.8;
  if (modality == "considering") return 0.7;
  return 1.0;
}

constexpr double kDefaultTrust = 0.7;
constexpr double kTrustPseudoCount = 3.0;   // how many agreeing claims a prior is worth
constexpr int kTrustIterations = 5;
constexpr double kSyndicationSimilarity = 0.5;  // estimated Jaccard of word 5-shingles
constexpr double kHedgeFactor = 0.95;

bool IsPositive(const std::string& polarity) { return polarity == "affirmed" || polarity == "continues"; }


std::string Number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

std::string ValueText(const ClaimRow& claim) {
  if (claim.value_kind == "none") return "no figure";
  extract::Amount amount;
  amount.low = claim.low;
  amount.high = claim.high;
  amount.currency = claim.currency;
  amount.qualifier = QualifierFromName(claim.qualifier);
  return AmountText(amount, ValueKindFromName(claim.value_kind));
}

std::string TimeText(const ClaimRow& claim) {
  std::string text = claim.time_boundary.empty() || claim.time_boundary == "none" ? "" : claim.time_boundary + " ";
  if (claim.time_precision == "month") return text + claim.time_start.substr(0, 7);
  if (claim.time_precision == "year") return text + (claim.time_boundary.empty() || claim.time_boundary == "none" ? claim.time_start.substr(0, 4) : claim.time_end);
  return text + (claim.time_boundary == "through" || claim.time_boundary == "before" || claim.time_boundary == "until" ? claim.time_end : claim.time_start);
}

int PrecisionRank(const std::string& precision) {
  static const std::map<std::string, int> ranks = {{"day", 1}, {"week", 2}, {"month", 3}, {"quarter", 4},
                                                   {"half", 5}, {"year", 6}, {"decade", 7}};
  auto found = ranks.find(precision);
  return found == ranks.end() ? 0 : found->second;
}

// A date truncated to a precision, for comparing "April 27, 2026" with "April 2026".
std::string Truncate(const std::string& date, const std::string& precision) {
  if (date.size() < 10) return date;
  if (precision == "year" || precision == "decade" || precision == "half") return date.substr(0, 4);
  if (precision == "quarter") {
    int month = std::stoi(date.substr(5, 2));
    return date.substr(0, 4) + "-Q" + std::to_string((month - 1) / 3 + 1);
  }
  if (precision == "month") return date.substr(0, 7);
  return date;
}


// Near-duplicate articles (syndicated copies) by their bottom-k sketches. Candidates come
// from an inverted index of sketch hashes, so only articles that share many shingles are
// compared: linear in the corpus for ordinary news, not quadratic.
void JoinSyndicatedCopies(const std::map<std::int64_t, std::string>& sketches, UnionFind& groups,
                          UnionFind& syndication) {
  constexpr std::size_t kMinimumSharedHashes = 8;  // of 64: below this Jaccard cannot reach 0.5
  constexpr std::size_t kBoilerplateList = 1000;   // a hash in this many articles is boilerplate
  std::map<std::uint64_t, std::vector<std::int64_t>> articles_by_hash;
  for (const auto& [article, sketch] : sketches) {
    for (std::size_t at = 0; at + sizeof(std::uint64_t) <= sketch.size(); at += sizeof(std::uint64_t)) {
      std::uint64_t hash;
      std::memcpy(&hash, sketch.data() + at, sizeof hash);
      articles_by_hash[hash].push_back(article);
    }
  }
  for (const auto& [article, sketch] : sketches) {
    std::map<std::int64_t, std::size_t> shared;
    for (std::size_t at = 0; at + sizeof(std::uint64_t) <= sketch.size(); at += sizeof(std::uint64_t)) {
      std::uint64_t hash;
      std::memcpy(&hash, sketch.data() + at, sizeof hash);
      const std::vector<std::int64_t>& others = articles_by_hash[hash];
      if (others.size() > kBoilerplateList) continue;
      for (std::int64_t other : others) {
        if (other > article) ++shared[other];
      }
    }
    for (const auto& [other, count] : shared) {
      if (count < kMinimumSharedHashes || syndication.Find(article) == syndication.Find(other)) continue;
      if (SketchSimilarity(sketch, sketches.at(other)) >= kSyndicationSimilarity) {
        groups.Join(article, other);
        syndication.Join(article, other);
      }
    }
  }
}

}  // namespace

extract::Qualifier QualifierFromName(std::string_view name) {
  for (extract::Qualifier q : {extract::Qualifier::kApprox, extract::Qualifier::kUpTo, extract::Qualifier::kAtLeast,
                               extract::Qualifier::kMoreThan, extract::Qualifier::kLessThan, extract::Qualifier::kRange}) {
    if (name == extract::QualifierName(q)) return q;
  }
  return extract::Qualifier::kExact;
}

extract::ValueKind ValueKindFromName(std::string_view name) {
  if (name == "money") return extract::ValueKind::kMoney;
  if (name == "percent") return extract::ValueKind::kPercent;
  if (name == "count") return extract::ValueKind::kCount;
  if (name == "boolean") return extract::ValueKind::kBoolean;
  return extract::ValueKind::kNone;
}

std::string ClaimLine(const ClaimRow& claim) {
  std::string line = claim.relation + ": " + (claim.subject.empty() ? "?" : claim.subject);
  if (!claim.counterparty.empty()) line += " → " + claim.counterparty;
  if (!claim.object.empty()) line += " (" + claim.object + ")";
  if (claim.value_kind != "none") line += ", " + ValueText(claim);
  if (!claim.time_start.empty() || !claim.time_end.empty()) line += ", " + TimeText(claim);
  if (claim.polarity != "affirmed") line += " [" + claim.polarity + "]";
  return line;
}

Independence LoadIndependence(SQLite::Database& db) {
  Independence independence;
  std::map<std::int64_t, std::int64_t> source_of_article;
  std::map<std::string, std::int64_t> article_by_key;
  std::map<std::int64_t, std::string> derived_from;
  std::map<std::int64_t, std::string> sketches;
  SQLite::Statement select(db, "SELECT id, key, source_id, derived_from, sketch FROM articles ORDER BY id");
  while (select.executeStep()) {
    std::int64_t id = select.getColumn(0).getInt64();
    article_by_key[select.getColumn(1).getString()] = id;
    source_of_article[id] = select.getColumn(2).getInt64();
    if (!select.getColumn(3).isNull()) derived_from[id] = select.getColumn(3).getString();
    const SQLite::Column sketch = select.getColumn(4);
    sketches[id] = std::string(static_cast<const char*>(sketch.getBlob()), static_cast<std::size_t>(sketch.getBytes()));
  }
  std::map<std::int64_t, std::int64_t> first_article_of_source;
  for (const auto& [article, source] : source_of_article) {
    auto [it, inserted] = first_article_of_source.emplace(source, article);
    independence.groups.Join(article, it->second);
  }
  for (const auto& [article, parent_key] : derived_from) {
    auto parent = article_by_key.find(parent_key);
    if (parent != article_by_key.end()) independence.groups.Join(article, parent->second);
  }
  JoinSyndicatedCopies(sketches, independence.groups, independence.syndication);
  return independence;
}

bool NearlyEqual(double a, double b, double tolerance) {
  return std::fabs(a - b) <= tolerance * std::max(std::fabs(a), std::fabs(b));
}

bool IsSymmetricRelation(std::string_view relation) {
  return std::find(std::begin(kSymmetricRelations), std::end(kSymmetricRelations), relation) !=
         std::end(kSymmetricRelations);
}

std::string FactKey(const ClaimRow& claim) {
  std::string subject = claim.subject_id, counterparty = claim.counterparty_id;
  if (IsSymmetricRelation(claim.relation) && counterparty < subject) {
    std::swap(subject, counterparty);
  }
  std::string key = claim.relation + "|" + subject + "|" + counterparty + "|" + claim.object_id;
  // Terms that make a different agreement, not a different account of the same one.
  if (!claim.tranche.empty()) key += "|tranche=" + claim.tranche;
  if (claim.exclusive.has_value()) key += *claim.exclusive ? "|exclusive" : "|non-exclusive";
  return key;
}

std::vector<Difference> CompareClaims(const ClaimRow& a, const ClaimRow& b) {
  std::vector<Difference> differences;
  // Figures.
  if (a.value_kind != "none" && a.value_kind == b.value_kind) {
    if (a.value_kind == "money" && a.currency != b.currency && !a.currency.empty() && !b.currency.empty()) {
      differences.push_back({"value", "high", ValueText(a) + " vs " + ValueText(b) + ": different currencies"});
    } else if (NearlyEqual(a.low, b.low, 1e-9) && NearlyEqual(a.high, b.high, 1e-9)) {
      if (a.qualifier != b.qualifier) {
        bool up_to = a.qualifier == "up_to" || b.qualifier == "up_to";
        bool one_exact = a.qualifier == "exact" || b.qualifier == "exact";
        std::string hedged = a.qualifier == "exact" ? b.qualifier : a.qualifier;
        std::replace(hedged.begin(), hedged.end(), '_', ' ');
        differences.push_back({"hedge_lost", up_to && one_exact ? "medium" : "low",
                               one_exact ? "\"" + hedged + "\" dropped: " + ValueText(a) + " vs " + ValueText(b)
                                         : "qualifiers differ: " + ValueText(a) + " vs " + ValueText(b)});
      }
    } else {
      double small = std::min(std::fabs(a.low), std::fabs(b.low));
      double large = std::max(std::fabs(a.low), std::fabs(b.low));
      double ratio = small > 0 ? large / small : 0;
      double exponent = ratio > 0 ? std::log10(ratio) : 0;
      bool power_of_ten = ratio >= 9.9 && std::fabs(exponent - std::round(exponent)) < 0.005;
      bool approximate = a.qualifier == "approx" || b.qualifier == "approx";
      if (power_of_ten) {
        differences.push_back({"magnitude", "high", ValueText(a) + " vs " + ValueText(b) + ": a factor of " +
                                                        Number(std::round(ratio)) + " apart, likely a unit slip"});
      } else if (approximate && NearlyEqual(a.low, b.low, 0.05)) {
        differences.push_back({"value", "low", ValueText(a) + " vs " + ValueText(b) + ": within an approximation"});
      } else {
        double relative = large > 0 ? (large - small) / large : 0;
        differences.push_back({"value", relative > 0.1 ? "high" : "medium",
                               ValueText(a) + " vs " + ValueText(b) + " (" + Number(std::round(relative * 1000) / 10) + "% apart)"});
      }
    }
  }
  // Polarity: one says it holds (or still holds), the other that it no longer does or never did.
  if (IsPositive(a.polarity) != IsPositive(b.polarity)) {
    differences.push_back({"polarity", "high", "\"" + a.polarity + "\" vs \"" + b.polarity + "\""});
  }
  // Time.
  const bool a_dated = !a.time_start.empty() || !a.time_end.empty();
  const bool b_dated = !b.time_start.empty() || !b.time_end.empty();
  if (a_dated && b_dated) {
    bool a_bounded = a.time_boundary == "through" || a.time_boundary == "before" || a.time_boundary == "until" || a.time_boundary == "by";
    bool b_bounded = b.time_boundary == "through" || b.time_boundary == "before" || b.time_boundary == "until" || b.time_boundary == "by";
    if (a_bounded && b_bounded) {
      if (a.time_end != b.time_end || a.time_boundary != b.time_boundary) {
        int year_gap = std::abs(std::stoi(a.time_end.substr(0, 4)) - std::stoi(b.time_end.substr(0, 4)));
        if (year_gap <= 1 && a.time_boundary != b.time_boundary) {
          differences.push_back({"boundary", "low", "\"" + TimeText(a) + "\" vs \"" + TimeText(b) + "\": the end differs by how the boundary reads"});
        } else if (a.time_end != b.time_end) {
          differences.push_back({"date", "medium", "ends " + a.time_end + " vs " + b.time_end});
        }
      }
    } else if (!a_bounded && !b_bounded && !a.time_start.empty() && !b.time_start.empty()) {
      const std::string& coarser = PrecisionRank(a.time_precision) >= PrecisionRank(b.time_precision) ? a.time_precision : b.time_precision;
      if (Truncate(a.time_start, coarser) != Truncate(b.time_start, coarser)) {
        differences.push_back({"date", "medium", TimeText(a) + " vs " + TimeText(b)});
      }
    }
  }
  // Conditions.
  if (a.condition != b.condition) {
    if (!a.condition.empty() && !b.condition.empty()) {
      differences.push_back({"condition", "medium", a.condition + " vs " + b.condition});
    } else {
      differences.push_back({"condition", "low", "condition " + (a.condition.empty() ? b.condition : a.condition) + " stated by one side only"});
    }
  }
  return differences;
}

Result<ReconcileStats> Store::Reconcile(const normalize::EntityTable& entities) {
  (void)entities;  // units standing for parents is a later refinement (issue: reconciliation)
  ReconcileStats stats;
  SQLite::Database& db = *impl_->db;
  try {
    SQLite::Transaction transaction(db);
    std::vector<ClaimRow> claims = LoadClaimRows(db);
    std::map<std::int64_t, double> prior_of_source;
    {
      SQLite::Statement select(db, "SELECT id, prior FROM sources");
      while (select.executeStep()) prior_of_source[select.getColumn(0).getInt64()] = select.getColumn(1).getDouble();
    }

    // Facts: claims grouped by key, in key order (deterministic ids).
    std::map<std::string, std::vector<std::size_t>> claims_by_key;
    // `quantity` claims (a figure no relation pattern took) are kept for the summary audit
    // and queries, but make no facts: their roles are too loose to say two speak of one thing.
    for (std::size_t i = 0; i < claims.size(); ++i) {
      if (claims[i].relation != kQuantityRelation) claims_by_key[FactKey(claims[i])].push_back(i);
    }

    // Independence: one group per source, joined with what an article derives from and
    // with syndicated copies (near-identical text) of articles that share a fact.
    Independence independence = LoadIndependence(db);
    UnionFind& groups = independence.groups;
    UnionFind& syndication = independence.syndication;
    // Each claim's independence group, looked up once: the loops below visit every claim of
    // every fact several times, and a fact of a widely told story has thousands of claims.
    std::vector<std::int64_t> group_of_claim(claims.size());
    for (std::size_t i = 0; i < claims.size(); ++i) group_of_claim[i] = groups.Find(claims[i].article_id);
    auto group_count = [&](const std::vector<std::size_t>& members) {
      std::set<std::int64_t> distinct;
      for (std::size_t k : members) distinct.insert(group_of_claim[k]);
      return distinct.size();
    };

    struct FactState {
      std::string key;
      std::vector<std::size_t> members;
      std::size_t reference = 0;  // index into claims
      std::vector<std::pair<std::size_t, Difference>> differences;  // (other claim, difference)
      std::vector<std::pair<std::size_t, std::size_t>> difference_pairs;
      std::set<std::size_t> contradicting;
      std::string status;
      double score = 0;
      int independent = 0;
      std::string explanation;
    };
    std::vector<FactState> facts;
    std::map<std::string, std::size_t> fact_by_key;
    for (auto& [key, members] : claims_by_key) {
      FactState fact;
      fact.key = key;
      fact.members = members;
      // The reference claim: the account most independent groups give (value, qualifier,
      // polarity), ties to the earliest claim.
      std::map<std::string, std::set<std::int64_t>> groups_by_account;
      for (std::size_t i : members) {
        const ClaimRow& c = claims[i];
        std::string account = ValueText(c) + "|" + (IsPositive(c.polarity) ? "+" : "-");
        groups_by_account[account].insert(group_of_claim[i]);
      }
      std::size_t best_support = 0;
      for (std::size_t i : members) {
        const ClaimRow& c = claims[i];
        std::size_t support = groups_by_account[ValueText(c) + "|" + (IsPositive(c.polarity) ? "+" : "-")].size();
        if (support > best_support) {
          best_support = support;
          fact.reference = i;
        }
      }
      for (std::size_t i : members) {
        if (i == fact.reference) continue;
        for (Difference& difference : CompareClaims(claims[fact.reference], claims[i])) {
          if (difference.severity != "low") fact.contradicting.insert(i);
          fact.difference_pairs.emplace_back(fact.reference, i);
          fact.differences.emplace_back(i, std::move(difference));
        }
      }
      fact_by_key[key] = facts.size();
      facts.push_back(std::move(fact));
    }
    // Direction: the same relation with the parties swapped, told by another article.
    for (FactState& fact : facts) {
      const ClaimRow& sample = claims[fact.members.front()];
      if (sample.subject_id.empty() || sample.counterparty_id.empty() || sample.subject_id == sample.counterparty_id) continue;
      ClaimRow mirrored = sample;
      std::swap(mirrored.subject_id, mirrored.counterparty_id);
      auto other = fact_by_key.find(FactKey(mirrored));
      if (other == fact_by_key.end() || other->second == static_cast<std::size_t>(&fact - facts.data())) continue;
      const FactState& mirror = facts[other->second];
      // Reported on the fact told by fewer groups: that side is the likelier slip.
      const std::size_t my_groups = group_count(fact.members), their_groups = group_count(mirror.members);
      const bool report_here = my_groups < their_groups || (my_groups == their_groups && fact.key > mirror.key);
      if (!report_here) continue;
      for (std::size_t i : fact.members) {
        for (std::size_t j : mirror.members) {
          const ClaimRow& mine = claims[i];
          const ClaimRow& theirs = claims[j];
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
    {
      std::vector<std::size_t> groups_of_fact(facts.size());
      for (std::size_t f = 0; f < facts.size(); ++f) groups_of_fact[f] = group_count(facts[f].members);
      std::map<std::string, std::vector<std::size_t>> facts_by_figure;
      for (std::size_t f = 0; f < facts.size(); ++f) {
        const ClaimRow& reference = claims[facts[f].reference];
        if (reference.value_kind != "money" && reference.value_kind != "percent") continue;
        ClaimRow unnamed = reference;
        unnamed.subject_id = unnamed.counterparty_id = "";
        facts_by_figure[FactKey(unnamed) + "|" + ValueText(reference)].push_back(f);
      }
      for (const auto& [figure, same_figure] : facts_by_figure) {
        for (std::size_t minority : same_figure) {
          for (std::size_t majority : same_figure) {
            const ClaimRow& mine = claims[facts[minority].reference];
            const ClaimRow& theirs = claims[facts[majority].reference];
            const bool subject_differs = mine.subject_id != theirs.subject_id;
            const bool counterparty_differs = mine.counterparty_id != theirs.counterparty_id;
            if (minority == majority || subject_differs == counterparty_differs) continue;  // exactly one party
            const std::string& my_party = subject_differs ? mine.subject_id : mine.counterparty_id;
            const std::string& their_party = subject_differs ? theirs.subject_id : theirs.counterparty_id;
            if (my_party.empty() || their_party.empty() || mine.subject_id == mine.counterparty_id) continue;
            if (!CompareClaims(theirs, mine).empty()) continue;  // another account, not another party
            std::size_t my_groups = groups_of_fact[minority], their_groups = groups_of_fact[majority];
            if (my_groups >= their_groups) continue;
            FactState& fact = facts[minority];
            for (std::size_t i : fact.members) {
              fact.contradicting.insert(i);
              fact.difference_pairs.emplace_back(facts[majority].reference, i);
              fact.differences.emplace_back(
                  i, Difference{"entity", "high",
                                (subject_differs ? claims[i].subject : claims[i].counterparty) + " here, but " +
                                    std::to_string(their_groups) + " independent source(s) name " +
                                    (subject_differs ? theirs.subject : theirs.counterparty) + " for the same " +
                                    mine.relation + " of " + ValueText(mine)});
            }
            break;  // one better-told account is enough to name the slip
          }
        }
      }
    }

    // Trust by iterative truth discovery (SCORING.md): sources that agree with the
    // reference account of facts told by several groups gain trust, the others lose it.
    std::map<std::int64_t, double> trust;
    for (const auto& [source, prior] : prior_of_source) trust[source] = prior;
    auto score_facts = [&]() {
      for (FactState& fact : facts) {
        std::map<std::int64_t, double> support_by_group, against_by_group;
        for (std::size_t i : fact.members) {
          const ClaimRow& c = claims[i];
          std::int64_t group = group_of_claim[i];
          double source_trust = trust.count(c.source_id) ? trust[c.source_id] : kDefaultTrust;
          double p = source_trust * c.confidence * ModalityFactor(c.modality);
          auto& side = fact.contradicting.count(i) ? against_by_group : support_by_group;
          side[group] = std::max(side[group], p);
        }
        double doubt_for = 1, doubt_against = 1;
        for (const auto& [group, p] : support_by_group) doubt_for *= 1 - p;
        for (const auto& [group, p] : against_by_group) doubt_against *= 1 - p;
        double support = 1 - doubt_for;
        double contradiction = 1 - doubt_against;
        const ClaimRow& reference = claims[fact.reference];
        double hedge = (reference.qualifier == "approx" || reference.qualifier == "up_to") ? kHedgeFactor : 1.0;
        fact.score = 100 * support * (1 - contradiction / 2) * hedge;
        fact.independent = static_cast<int>(support_by_group.size());
        fact.status = !fact.contradicting.empty() ? "disputed" : fact.independent >= 2 ? "corroborated" : "single_source";
        char buffer[256];
        std::snprintf(buffer, sizeof buffer,
                      "%d independent source(s) support (support %.2f), %zu group(s) contradict (%.2f); hedge x%.2f",
                      fact.independent, support, against_by_group.size(), contradiction, hedge);
        fact.explanation = buffer;
      }
    };
    for (int iteration = 0; iteration < kTrustIterations; ++iteration) {
      score_facts();
      std::map<std::int64_t, double> agreed, judged;
      for (const FactState& fact : facts) {
        std::set<std::int64_t> fact_groups;
        for (std::size_t i : fact.members) fact_groups.insert(group_of_claim[i]);
        if (fact_groups.size() < 2) continue;  // a lone account neither confirms nor refutes
        for (std::size_t i : fact.members) {
          judged[claims[i].source_id] += 1;
          if (!fact.contradicting.count(i)) agreed[claims[i].source_id] += 1;
        }
      }
      for (auto& [source, value] : trust) {
        double prior = prior_of_source[source];
        value = (prior * kTrustPseudoCount + agreed[source]) / (kTrustPseudoCount + judged[source]);
      }
    }
    score_facts();

    // Write: facts, claim links, discrepancies, clusters, trust.
    db.exec("DELETE FROM discrepancies");
    db.exec("UPDATE claims SET fact_id = NULL");
    db.exec("DELETE FROM facts");
    db.exec("DELETE FROM clusters");
    SQLite::Statement insert_fact(db, R"sql(
      INSERT INTO facts(key, relation, subject_id, counterparty_id, object_id, value, time, status, score,
                        independent_sources, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    SQLite::Statement link(db, "UPDATE claims SET fact_id = ? WHERE id = ?");
    SQLite::Statement insert_difference(db, R"sql(
      INSERT INTO discrepancies(fact_id, type, severity, claim_a, claim_b, detail) VALUES (?, ?, ?, ?, ?, ?))sql");
    for (const FactState& fact : facts) {
      const ClaimRow& reference = claims[fact.reference];
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
      insert_fact.bind(1, fact.key);
      insert_fact.bind(2, reference.relation);
      insert_fact.bind(3, reference.subject_id);
      insert_fact.bind(4, reference.counterparty_id);
      insert_fact.bind(5, reference.object_id);
      insert_fact.bind(6, value.dump());
      insert_fact.bind(7, time.dump());
      insert_fact.bind(8, fact.status);
      insert_fact.bind(9, static_cast<int>(std::lround(fact.score)));
      insert_fact.bind(10, fact.independent);
      insert_fact.bind(11, fact.explanation);
      insert_fact.exec();
      insert_fact.reset();
      std::int64_t fact_id = db.getLastInsertRowid();
      for (std::size_t i : fact.members) {
        link.bind(1, fact_id);
        link.bind(2, claims[i].id);
        link.exec();
        link.reset();
      }
      for (std::size_t d = 0; d < fact.differences.size(); ++d) {
        const Difference& difference = fact.differences[d].second;
        insert_difference.bind(1, fact_id);
        insert_difference.bind(2, difference.type);
        insert_difference.bind(3, difference.severity);
        insert_difference.bind(4, claims[fact.difference_pairs[d].first].id);
        insert_difference.bind(5, claims[fact.difference_pairs[d].second].id);
        insert_difference.bind(6, difference.detail);
        insert_difference.exec();
        insert_difference.reset();
        ++stats.discrepancies;
      }
      ++stats.facts;
      if (fact.status == "corroborated") ++stats.corroborated;
      if (fact.status == "disputed") ++stats.disputed;
      if (fact.status == "single_source") ++stats.single_source;
    }
    SQLite::Statement insert_cluster(db, "INSERT INTO clusters(article_id, cluster) VALUES (?, ?)");
    std::map<std::int64_t, std::vector<std::int64_t>> members_by_cluster;
    for (const auto& [article, parent] : syndication.parent) members_by_cluster[syndication.Find(article)].push_back(article);
    for (const auto& [cluster, members] : members_by_cluster) {
      if (members.size() < 2) continue;
      for (std::int64_t article : members) {
        insert_cluster.bind(1, article);
        insert_cluster.bind(2, cluster);
        insert_cluster.exec();
        insert_cluster.reset();
      }
    }
    SQLite::Statement update_trust(db, "UPDATE sources SET trust = ? WHERE id = ?");
    for (const auto& [source, value] : trust) {
      update_trust.bind(1, std::round(value * 1000) / 1000);
      update_trust.bind(2, source);
      update_trust.exec();
      update_trust.reset();
    }
    transaction.commit();
  } catch (const std::exception& error) {
    return DatabaseError(impl_->path, error);
  }
  return stats;
}

std::vector<ClaimRow> LoadClaimRows(SQLite::Database& db) {
  std::vector<ClaimRow> rows;
  SQLite::Statement select(db, R"sql(
    SELECT c.id, c.article_id, a.name, a.source_id, s.name, c.relation,
           coalesce(c.subject_id, ''), coalesce(c.subject, ''), coalesce(c.counterparty_id, ''),
           coalesce(c.counterparty, ''), coalesce(c.object_id, ''), coalesce(c.object, ''),
           c.value_kind, coalesce(c.value_low, 0), coalesce(c.value_high, 0), coalesce(c.currency, ''),
           coalesce(c.qualifier, ''), c.exclusive, coalesce(c.terms, ''), coalesce(c.time_start, ''),
           coalesce(c.time_end, ''), coalesce(c.time_precision, ''), coalesce(c.time_boundary, ''),
           c.polarity, c.modality, coalesce(c.condition, ''), c.quote, c.span_begin, c.span_end,
           c.confidence, coalesce(a.published, ''), coalesce(a.url, '')
    FROM claims c JOIN articles a ON a.id = c.article_id JOIN sources s ON s.id = a.source_id
    ORDER BY c.id)sql");
  while (select.executeStep()) {
    ClaimRow row;
    int column = 0;
    row.id = select.getColumn(column++).getInt64();
    row.article_id = select.getColumn(column++).getInt64();
    row.article = select.getColumn(column++).getString();
    row.source_id = select.getColumn(column++).getInt64();
    row.source = select.getColumn(column++).getString();
    row.relation = select.getColumn(column++).getString();
    row.subject_id = select.getColumn(column++).getString();
    row.subject = select.getColumn(column++).getString();
    row.counterparty_id = select.getColumn(column++).getString();
    row.counterparty = select.getColumn(column++).getString();
    row.object_id = select.getColumn(column++).getString();
    row.object = select.getColumn(column++).getString();
    row.value_kind = select.getColumn(column++).getString();
    row.low = select.getColumn(column++).getDouble();
    row.high = select.getColumn(column++).getDouble();
    row.currency = select.getColumn(column++).getString();
    row.qualifier = select.getColumn(column++).getString();
    const SQLite::Column exclusive = select.getColumn(column++);
    if (!exclusive.isNull()) row.exclusive = exclusive.getInt() != 0;
    std::string terms = select.getColumn(column++).getString();
    if (!terms.empty()) {
      nlohmann::json parsed = nlohmann::json::parse(terms, nullptr, false);
      if (parsed.is_object() && parsed.contains("tranche")) row.tranche = parsed["tranche"].get<std::string>();
    }
    row.time_start = select.getColumn(column++).getString();
    row.time_end = select.getColumn(column++).getString();
    row.time_precision = select.getColumn(column++).getString();
    row.time_boundary = select.getColumn(column++).getString();
    row.polarity = select.getColumn(column++).getString();
    row.modality = select.getColumn(column++).getString();
    row.condition = select.getColumn(column++).getString();
    row.quote = select.getColumn(column++).getString();
    row.span = {static_cast<std::size_t>(select.getColumn(column).getInt64()),
                static_cast<std::size_t>(select.getColumn(column + 1).getInt64())};
    column += 2;
    row.confidence = select.getColumn(column++).getDouble();
    row.published = select.getColumn(column++).getString();
    row.url = select.getColumn(column++).getString();
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace concord::reconcile
