#pragma once
// The summary audit (DESIGN.md, `concord audit summary`): a derived text (a summary, a
// digest) judged claim by claim against the articles it rests on. Rendered by
// reconcile/report/markdown.h and json.h.

#include <cstddef>
#include <string>
#include <vector>

#include "corpus/status.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "reconcile/discrepancy.h"
#include "reconcile/store/store.h"

namespace concord::reconcile {

struct AuditEvidence {
  std::string file;   // Article::name
  std::string quote;
  extract::Span span;
  bool operator==(const AuditEvidence&) const = default;
};

struct AuditVerdict {
  std::string relation;
  std::string quote;     // the summary's sentence
  extract::Span span;    // in the summary's stored text
  std::string claim;     // one line: "Amazon invest OpenAI USD 50 bn (2026-02)"
  std::string verdict;   // supported | contradicted | overstated | unsupported
  std::vector<ReportDiscrepancy> discrepancies;
  std::vector<AuditEvidence> evidence;
  bool operator==(const AuditVerdict&) const = default;
};

struct AuditOmission {
  std::string relation;
  std::string quote;
  std::string file;
  std::string claim;  // one line, as in AuditVerdict
  bool operator==(const AuditOmission&) const = default;
};

// Two claims of the summary that contradict each other.
struct AuditConflict {
  std::string claim_a, claim_b;  // one line each
  std::string quote_a, quote_b;
  std::vector<ReportDiscrepancy> discrepancies;
  bool operator==(const AuditConflict&) const = default;
};

struct SummaryAudit {
  std::string file;               // the summary's Article::name
  std::size_t claims = 0;         // claims of the summary that were judged
  int independent_sources = 0;    // independence groups among the articles audited against
  std::vector<AuditVerdict> verdicts;        // in the summary's text order
  std::vector<AuditOmission> omissions;      // source claims the summary does not carry
  std::vector<AuditConflict> internal_conflicts;
  bool operator==(const SummaryAudit&) const = default;
};

// Audits the stored article `summary_key` (Article::id) against every other article of
// `store`: a verdict per claim, omissions, internal conflicts. Reads only. Fails with kUsage
// when the summary is not stored, kEnvironment on a database error.
Result<SummaryAudit> AuditSummary(Store& store, const std::string& summary_key, const normalize::EntityTable& entities);

// The summary audit without a database: stores `summary` and `sources` in a private
// in-memory store and audits there. An article of `sources` with the summary's id is skipped.
Result<SummaryAudit> AuditSummary(const ExtractedArticle& summary, const std::vector<ExtractedArticle>& sources,
                                  const normalize::EntityTable& entities);

}  // namespace concord::reconcile
