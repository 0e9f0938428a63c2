#pragma once
// reconcile: the reconcile pass. Brings facts (claims that speak of one thing), their typed
// discrepancies, source independence, trust and scores up to date with the claims in a store.
// The store is reconcile/store/store.h; the summary audit reconcile/audit/audit.h; the
// report and its renderers reconcile/report/.

#include <cstddef>

#include "corpus/status.h"
#include "normalize/normalize.h"
#include "reconcile/store/store.h"

namespace concord::reconcile {

struct ReconcileStats {
  std::size_t facts = 0;
  std::size_t discrepancies = 0;
  std::size_t corroborated = 0;
  std::size_t disputed = 0;
  std::size_t single_source = 0;
  bool operator==(const ReconcileStats&) const = default;
};

// Brings facts, discrepancies, independence clusters and scores of `store` up to date with
// the stored claims, in one transaction (on failure nothing is written). Only facts that what
// changed since the last run can reach are rebuilt; trust and scores are recomputed over the
// whole store. Deterministic: the same claims give the same facts and scores, whatever order
// the articles arrived in. With `everything`, every fact and every syndication pair is
// rebuilt (after an upgrade). Scores follow reconcile/SCORING.md.
Result<ReconcileStats> Reconcile(Store& store, const normalize::EntityTable& entities, bool everything = false);

}  // namespace concord::reconcile
