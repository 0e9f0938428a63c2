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

// relation | subject | counterparty | object [| terms] [| per=…] [| period=…]: claims with one
// key speak of one fact. A rate's unit (per=share: a price per share) keys it apart from a total. Measures (a claim with the term measure=yes, and revenue and dividend) carry
// the period they are for, so a quarter's figure is never held against the year's.
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

// The order the accounts of one fact are read in: by published date, then article and place,
// never by the order they were stored in.
bool EarlierClaim(const ClaimRow& a, const ClaimRow& b);

// What a claim's sentence and terms say of its figure (cues: reconcile/data/update_cues.txt).
enum CueFlags : unsigned {
  kUpdateCue = 1,  // the figure replaces an earlier one: "raised its offer to", a term status=revised
  kOfferCue = 2,   // the figure is an offer or a bid
};
unsigned CuesOf(const ClaimRow& claim);
inline bool HasUpdateCue(const ClaimRow& claim) { return (CuesOf(claim) & kUpdateCue) != 0; }

// A figure that moved over time (SCORING.md, "Timelines"): over the accounts of one fact in
// EarlierClaim order, each claim from a later day than the figure in force whose figure
// differs and which has an update cue (or which raises an offer: both offers, a higher
// figure) sets a new step. Claims of one day never make a step of each other.
struct FigureTimeline {
  std::vector<std::size_t> steps;   // indexes of the claims that set each figure, in date order (two or more)
  std::vector<bool> on_timeline;    // per claim: tells a step's figure, on or after that step's
                                    // day, or the figure before a step in the step's sentence
  // Per claim, the step it is held against: the step whose figure it tells, else the step in
  // force on its day (the first step for a claim before it); itself for the earlier figure a
  // step's own sentence gives ("raised its stake to 12 pct from 10 pct").
  std::vector<std::size_t> in_force;
  bool moved() const { return steps.size() > 1; }
};
// `claims` in EarlierClaim order (their quotes are read for cues). When the figure did not
// move, `steps`, `on_timeline` and `in_force` are all empty.
FigureTimeline TimelineOf(const std::vector<const ClaimRow*>& claims);

}  // namespace concord::reconcile
