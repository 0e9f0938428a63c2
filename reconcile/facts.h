#pragma once
// Claim rows as reconciliation reads them, fact keys and claim comparison (internal).

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extract/extract.h"

namespace concord::reconcile {

struct ClaimRow {
  std::int64_t id = 0, article_id = 0, source_id = 0;
  std::string article, source, published, url;
  std::string relation;
  std::string subject_id, subject, counterparty_id, counterparty, object_id, object;
  std::string value_kind;  // money, percent, count, none
  double low = 0, high = 0;
  std::string currency, qualifier;
  std::optional<bool> exclusive;
  std::string tranche;
  std::string time_start, time_end, time_precision, time_boundary;
  std::string polarity, modality, condition, quote;
  extract::Span span;
  double confidence = 0;
};

struct Difference {
  std::string type, severity, detail;
};

// Names as stored back to the closed sets (unknown names: kExact, kNone).
extract::Qualifier QualifierFromName(std::string_view name);
extract::ValueKind ValueKindFromName(std::string_view name);

std::vector<ClaimRow> LoadClaimRows(SQLite::Database& db);

// relation | subject | counterparty | object [| terms]: claims with one key speak of one fact.
std::string FactKey(const ClaimRow& claim);

// Typed differences between two accounts of one fact (empty when they agree).
std::vector<Difference> CompareClaims(const ClaimRow& a, const ClaimRow& b);

}  // namespace concord::reconcile
