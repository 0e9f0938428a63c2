// Truth discovery and scores (SCORING.md; keep the two in step).

#include "reconcile/scoring.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <set>

namespace concord::reconcile {
namespace {

constexpr double kDefaultTrust = 0.7;
constexpr double kTrustPseudoCount = 3.0;  // how many agreeing claims a prior is worth
constexpr int kTrustRounds = 20;         // at most; they usually settle in a handful
constexpr double kTrustTolerance = 1e-6;  // a trust that moves less than this has settled
constexpr double kHedgeFactor = 0.95;

}  // namespace

std::string ExplanationOf(const ScoredFact& fact) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer,
                "%d independent source(s) support (support %.2f), %d group(s) contradict (%.2f); hedge x%.2f",
                fact.independent, fact.support, fact.contradicting, fact.contradiction, fact.hedge);
  return buffer;
}

std::uint64_t ExplanationHash(std::string_view line) { return std::hash<std::string_view>{}(line); }

double ModalityFactor(const std::string& modality) {
  if (modality == "plan") return 0.9;
  if (modality == "reported") return 0.85;
  if (modality == "conditional") return 0.85;
  if (modality == "estimate") return 0.8;
  if (modality == "considering") return 0.7;
  return 1.0;
}

double HedgeFactor(const std::string& qualifier) {
  return qualifier == "approx" || qualifier == "up_to" ? kHedgeFactor : 1;
}

std::map<std::int64_t, double> ScoreFacts(std::vector<ScoredFact>& facts,
                                          const std::map<std::int64_t, double>& prior_of_source) {
  std::map<std::int64_t, double> trust = prior_of_source;
  // Support and contradiction of every fact under the current trust (SCORING.md).
  std::vector<double> support(facts.size()), contradiction(facts.size());
  std::vector<int> independent(facts.size()), contradicting_groups(facts.size());
  auto weigh_facts = [&]() {
    for (std::size_t f = 0; f < facts.size(); ++f) {
      std::map<std::int64_t, double> support_by_group, against_by_group;
      for (const ScoredClaim& c : facts[f].claims) {
        auto found = trust.find(c.source);
        double p = (found == trust.end() ? kDefaultTrust : found->second) * c.strength;
        auto& side = c.contradicts ? against_by_group : support_by_group;
        side[c.group] = std::max(side[c.group], p);
      }
      double doubt_for = 1, doubt_against = 1;
      for (const auto& [group, p] : support_by_group) doubt_for *= 1 - p;
      for (const auto& [group, p] : against_by_group) doubt_against *= 1 - p;
      support[f] = 1 - doubt_for;
      contradiction[f] = 1 - doubt_against;
      independent[f] = static_cast<int>(support_by_group.size());
      contradicting_groups[f] = static_cast<int>(against_by_group.size());
    }
  };
  // Truth discovery: a judged claim counts as much as its fact is settled (support x (1 -
  // contradiction / 2) under the current trust), so agreeing with a well-told fact earns more
  // than agreeing with a shaky one, and losing to a strong majority costs more. Rounds until
  // no trust moves by more than kTrustTolerance.
  std::vector<bool> judged_fact(facts.size());
  for (std::size_t f = 0; f < facts.size(); ++f) {
    std::set<std::int64_t> fact_groups;
    for (const ScoredClaim& c : facts[f].claims) fact_groups.insert(c.group);
    judged_fact[f] = fact_groups.size() >= 2;  // a lone account neither confirms nor refutes
  }
  for (int round = 0; round < kTrustRounds; ++round) {
    weigh_facts();
    std::map<std::int64_t, double> agreed, judged;
    for (std::size_t f = 0; f < facts.size(); ++f) {
      if (!judged_fact[f]) continue;
      const double settled = support[f] * (1 - contradiction[f] / 2);
      for (const ScoredClaim& c : facts[f].claims) {
        judged[c.source] += settled;
        if (!c.contradicts) agreed[c.source] += settled;
      }
    }
    double largest_move = 0;
    for (auto& [source, value] : trust) {
      const double prior = prior_of_source.at(source);
      const double next = (prior * kTrustPseudoCount + agreed[source]) / (kTrustPseudoCount + judged[source]);
      largest_move = std::max(largest_move, std::fabs(next - value));
      value = next;
    }
    if (largest_move < kTrustTolerance) break;
  }
  weigh_facts();
  for (std::size_t f = 0; f < facts.size(); ++f) {
    ScoredFact& fact = facts[f];
    bool disputed = false;
    for (const ScoredClaim& c : fact.claims) disputed = disputed || c.contradicts;
    const int score = static_cast<int>(std::lround(100 * support[f] * (1 - contradiction[f] / 2) * fact.hedge));
    const char* status = disputed ? "disputed" : independent[f] >= 2 ? "corroborated" : "single_source";
    const bool moved = score != fact.score || status != fact.status || independent[f] != fact.independent;
    fact.score = score;
    fact.status = status;
    fact.independent = independent[f];
    fact.support = support[f];
    fact.contradiction = contradiction[f];
    fact.contradicting = contradicting_groups[f];
    if (moved || ExplanationHash(ExplanationOf(fact)) != fact.explanation_hash) fact.changed = true;
  }

  return trust;
}

}  // namespace concord::reconcile
