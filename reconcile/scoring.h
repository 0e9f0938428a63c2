#pragma once
// Scores and trust (SCORING.md): truth discovery over the accounts of every fact. Plain rows
// in and out; the reconcile pass loads and writes them.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace concord::reconcile {

// Modality discounts in the score: a plan or a report is weaker than a fact. 1 for a fact.
double ModalityFactor(const std::string& modality);

// The score's discount for a hedged figure ("approx", "up_to"); 1 for any other qualifier.
double HedgeFactor(const std::string& qualifier);

// One account of a fact.
struct ScoredClaim {
  std::int64_t source = 0, group = 0;  // source id; its independence group's label
  double strength = 0;                 // confidence × modality factor
  bool contradicts = false;
};

// One fact with its accounts and what the store holds for it now. Its explanation line is
// held as the numbers it is written from (ExplanationOf), and the stored line as its hash: a
// store of millions of facts does not hold a line per fact.
struct ScoredFact {
  std::int64_t id = 0;
  double hedge = 1;  // HedgeFactor of its figure
  std::vector<ScoredClaim> claims;
  std::string status;              // corroborated | single_source | disputed
  int score = 0, independent = 0;  // 0..100; independent groups supporting
  std::uint64_t explanation_hash = 0;  // ExplanationHash of the stored line
  double support = 0, contradiction = 0;  // set by ScoreFacts(): what the line says
  int contradicting = 0;
  bool changed = false;  // set when ScoreFacts() moves the score, status, groups or line
};

// The one-line explanation of a scored fact.
std::string ExplanationOf(const ScoredFact& fact);

// The hash ScoredFact::explanation_hash holds of a line.
std::uint64_t ExplanationHash(std::string_view line);

// Trust of every source by truth discovery from `prior_of_source` (source id → prior, every
// source of `facts` named), then each fact's score, status, independent groups and
// explanation under it; facts whose values move are marked `changed`. Returns the trust of
// every source of `prior_of_source`, unrounded.
std::map<std::int64_t, double> ScoreFacts(std::vector<ScoredFact>& facts,
                                          const std::map<std::int64_t, double>& prior_of_source);

}  // namespace concord::reconcile
