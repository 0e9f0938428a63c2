#pragma once
// Fact keys and claim comparison over plain claim rows (reconcile/store/rows.h): what the
// reconcile pass, the summary audit and the report share. No SQL here.

#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "reconcile/store/rows.h"

namespace concord::reconcile {

// The relation of a figure that no relation pattern took (extract's catch-all).
inline constexpr std::string_view kQuantityRelation = "quantity";

struct Difference {
  std::string type, severity, detail;
};

// Names as stored back to the closed sets (unknown names: kExact, kNone).
extract::Qualifier QualifierFromName(std::string_view name);
extract::ValueKind ValueKindFromName(std::string_view name);

// "affirmed" and "continues" hold; "negated" and "ceased" do not.
bool IsPositive(const std::string& polarity);

// The figure as a reader sees it: "up to USD 50 bn", "no figure".
std::string ValueText(const ClaimRow& claim);

// |a - b| within `tolerance` relative to the larger magnitude.
bool NearlyEqual(double a, double b, double tolerance);

// Relations whose two parties are interchangeable ("A and B signed" = "B and A signed").
bool IsSymmetricRelation(std::string_view relation);

// relation | subject | counterparty | object [| terms] [| period=…]: claims with one key speak
// of one fact. Measures of a period (revenue) carry the period they are for.
std::string FactKey(const ClaimRow& claim);

// A period measure's key without its period ("revenue|x|||period=2026-Q3" → "revenue|x||");
// empty for keys without a period.
std::string PeriodlessKey(const std::string& key);

// A period measure's period ("2026-Q3"); empty for keys without one.
std::string PeriodOfKey(const std::string& key);

// One line for a reader: "invest: Amazon → OpenAI, up to USD 50 bn, 2026-02".
std::string ClaimLine(const ClaimRow& claim);

// Typed differences between two accounts of one fact (empty when they agree).
std::vector<Difference> CompareClaims(const ClaimRow& a, const ClaimRow& b);

}  // namespace concord::reconcile
