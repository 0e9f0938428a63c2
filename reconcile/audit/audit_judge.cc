// The summary audit, relation claims: a summary claim against the source claims of its relation
// whose parties line up, compared as the cross-source view compares them (CompareClaims); the
// cheapest candidate is the evidence, and a swapped account that agrees better is a direction
// slip.

#include <algorithm>
#include <iterator>

#include "reconcile/audit/audit_internal.h"

namespace concord::reconcile::audit_internal {

// A figure the audit pairs by its clause's parties and words: a `quantity` claim, or a figure
// frame's (frames.lex), whose roles are read from the clause as well.
bool IsFigure(const ClaimRow& claim) { return claim.relation == kQuantityRelation || claim.frame; }

namespace {

// Cost of a candidate's differences: a high difference outweighs any number of low ones
// in practice; an unnamed party on one side costs a little, so a fully named match wins.
constexpr double kHighCost = 4, kMediumCost = 2, kLowCost = 1;
constexpr double kUnnamedRoleCost = 0.5;
constexpr std::size_t kMaxEvidence = 3;
constexpr std::string_view kAgreementRelation = "agreement";

double Cost(const std::vector<Difference>& differences) {
  double cost = 0;
  for (const Difference& difference : differences) {
    cost += difference.severity == "high" ? kHighCost : difference.severity == "medium" ? kMediumCost : kLowCost;
  }
  return cost;
}

}  // namespace

bool SeriousSeverity(const std::string& severity) { return severity != "low"; }

bool Serious(const Difference& difference) { return SeriousSeverity(difference.severity); }

namespace {

// Differences of a source account (a) and the summary's (b), plus exclusivity, which the
// fact key keeps apart in the cross-source view but a summary may simply get wrong.
std::vector<Difference> Differences(const ClaimRow& source, const ClaimRow& summary) {
  std::vector<Difference> differences = CompareClaims(source, summary);
  if (source.exclusive.has_value() && summary.exclusive.has_value() && *source.exclusive != *summary.exclusive) {
    differences.push_back({"value", "high",
                           std::string(*source.exclusive ? "exclusive" : "non-exclusive") + " in the source, " +
                               (*summary.exclusive ? "exclusive" : "non-exclusive") + " in the summary"});
  }
  return differences;
}

// A summary that states a hedged figure without its hedge is more certain than its source.
bool Overstates(const Difference& difference, const ClaimRow& source, const ClaimRow& summary) {
  return difference.type == "hedge_lost" && summary.qualifier == "exact" && source.qualifier != "exact";
}

}  // namespace

std::string VerdictFor(const Candidate& candidate, const ClaimRow& summary) {
  bool overstated = false;
  for (const Difference& difference : candidate.differences) {
    if (Overstates(difference, *candidate.source, summary)) {
      overstated = true;
    } else if (Serious(difference) && difference.type != "hedge_lost") {
      return "contradicted";
    }
  }
  return overstated ? "overstated" : "supported";
}

ReportDiscrepancy ToReport(const Difference& difference, const ClaimRow& a, const ClaimRow& b) {
  return {difference.type, difference.severity, difference.detail, a.id, b.id};
}

AuditEvidence EvidenceOf(const ClaimRow& claim) { return {claim.article, claim.quote, claim.span}; }

// A count the sources write in words no recognizer took: supported, with no claim to show.
AuditVerdict SupportedByText(const ClaimRow& summary) {
  return {summary.relation, summary.quote, summary.span, ClaimLine(summary), "supported", {}, {}};
}

// A verdict on `summary` not yet judged: what it is about, no verdict, no evidence.
AuditVerdict UnjudgedVerdict(const ClaimRow& summary) {
  return {summary.relation, summary.quote, summary.span, ClaimLine(summary), "", {}, {}};
}

// "Still" against "no longer" is the one polarity reading of a loose clause that holds: two
// explicit cues, one each side, that rarely stand by accident.
bool StillAgainstNoLonger(const ClaimRow& a, const ClaimRow& b) {
  return (a.polarity == "continues" && b.polarity == "ceased") || (a.polarity == "ceased" && b.polarity == "continues");
}

bool SameFigure(const ClaimRow& a, const ClaimRow& b) {
  constexpr double kTolerance = 1e-9;
  return a.value_kind == b.value_kind && a.value_kind != "none" && a.currency == b.currency &&
         NearlyEqual(a.low, b.low, kTolerance) && NearlyEqual(a.high, b.high, kTolerance);
}

namespace {

// Relations whose subject pays its counterparty (extract/patterns/README.md's table).
bool IsPaidRelation(std::string_view relation) {
  constexpr std::string_view kPaid[] = {"invest", "payment", "purchase", "pay_revenue_share", "acquire"};
  return std::find(std::begin(kPaid), std::end(kPaid), relation) != std::end(kPaid);
}

}  // namespace

// Judges one summary claim against the source claims.
AuditVerdict Judge(const ClaimRow& summary, const std::vector<const ClaimRow*>& sources, const PartyMatcher& parties) {
  AuditVerdict verdict = UnjudgedVerdict(summary);
  std::vector<Candidate> direct, mirrored;
  for (const ClaimRow* source : sources) {
    RoleMatch match = parties.Match(summary, *source);
    if (match.alignment == Alignment::kNone) continue;
    if (match.half_named && (summary.value_kind == "none" || !SameFigure(summary, *source))) continue;
    Candidate candidate{source, Differences(*source, summary), 0};
    candidate.cost = Cost(candidate.differences) + kUnnamedRoleCost * match.unnamed;
    (match.alignment == Alignment::kDirect ? direct : mirrored).push_back(std::move(candidate));
  }
  // Who pays whom reads the same in every relation of money paid ("X invests $V in Y",
  // "Y receives $V from X", "X pays Y $V"): with nothing of its own relation to go on, the
  // same figure told with the payer and payee swapped under another such relation is a swap.
  if (direct.empty() && mirrored.empty() && IsPaidRelation(summary.relation) && summary.value_kind != "none") {
    for (const ClaimRow* source : sources) {
      if (source->relation == summary.relation || !IsPaidRelation(source->relation) || !SameFigure(summary, *source)) {
        continue;
      }
      RoleMatch match = parties.MatchParties(summary, *source);
      if (match.alignment == Alignment::kMirrored) mirrored.push_back({source, {}, kUnnamedRoleCost * match.unnamed});
    }
  }
  // A swap where the source misread its other party ("The Nordic packaging group Estrella
  // Kartong agreed to acquire Pellworth", read as Nordic's): the same figure under the same
  // relation with the summary's acting party as the one the source acts upon, or the reverse.
  if (direct.empty() && mirrored.empty() && summary.value_kind != "none" && !IsSymmetricRelation(summary.relation) &&
      !summary.subject_id.empty() && !summary.counterparty_id.empty() &&
      summary.subject_id != summary.counterparty_id) {
    for (const ClaimRow* source : sources) {
      if (source->relation != summary.relation || source->tranche != summary.tranche || !SameFigure(summary, *source)) {
        continue;
      }
      const bool crossed = parties.NamedAndSame(summary.subject_id, source->counterparty_id) ||
                           parties.NamedAndSame(summary.counterparty_id, source->subject_id);
      const bool acts_alike = parties.NamedAndSame(summary.subject_id, source->subject_id) ||
                              parties.NamedAndSame(summary.counterparty_id, source->counterparty_id);
      if (crossed && !acts_alike) mirrored.push_back({source, {}, kUnnamedRoleCost});
    }
  }
  auto cheaper = [](const Candidate& a, const Candidate& b) {
    return a.cost != b.cost ? a.cost < b.cost : a.source->id < b.source->id;
  };
  std::stable_sort(direct.begin(), direct.end(), cheaper);
  std::stable_sort(mirrored.begin(), mirrored.end(), cheaper);
  const bool direct_agrees = !direct.empty() && std::none_of(direct.front().differences.begin(),
                                                             direct.front().differences.end(), Serious);
  // A swapped account only explains the summary when it agrees better than any direct one
  // and does not itself disagree on whether the thing holds.
  const bool mirror_explains =
      !mirrored.empty() && !direct_agrees && (direct.empty() || mirrored.front().cost < direct.front().cost) &&
      std::none_of(mirrored.front().differences.begin(), mirrored.front().differences.end(),
                   [](const Difference& d) { return d.type == "polarity"; });
  if (mirror_explains) {
    const ClaimRow& source = *mirrored.front().source;
    verdict.verdict = "contradicted";
    verdict.discrepancies.push_back(
        {"direction", "high",
         "the summary has " + summary.subject + " → " + summary.counterparty + ", the source has " + source.subject +
             " → " + source.counterparty,
         source.id, summary.id});
    verdict.evidence.push_back(EvidenceOf(source));
    // The direct account too (what the source says of the summary's direction), unless it
    // is the same sentence.
    if (!direct.empty() && direct.front().source->span != source.span) {
      verdict.evidence.push_back(EvidenceOf(*direct.front().source));
    }
    return verdict;
  }
  if (direct.empty() && summary.relation == kAgreementRelation) {
    // "X signed a deal with Y": any term the sources report between the two is that deal.
    for (const ClaimRow* source : sources) {
      if (IsFigure(*source) || source->relation == summary.relation) continue;
      ClaimRow as_agreement = *source;
      as_agreement.relation = summary.relation;
      RoleMatch match = parties.MatchParties(summary, as_agreement);
      if (match.alignment == Alignment::kNone) continue;
      std::vector<Difference> differences;
      for (Difference& difference : CompareClaims(as_agreement, summary)) {
        if (difference.type == "date") differences.push_back(std::move(difference));
      }
      double cost = Cost(differences) + kUnnamedRoleCost * (match.unnamed + 1);
      direct.push_back({source, std::move(differences), cost});
    }
    std::stable_sort(direct.begin(), direct.end(), cheaper);
  }
  if (direct.empty()) {
    verdict.verdict = "unsupported";
    return verdict;
  }
  // "Still pays" is contradicted by a source saying it no longer does, even when the
  // source's account of the past ("had paid 9%") agrees better on the figure.
  auto ended = std::find_if(direct.begin(), direct.end(), [&](const Candidate& candidate) {
    return StillAgainstNoLonger(*candidate.source, summary) ||
           (summary.polarity == "continues" && candidate.source->polarity == "negated");
  });
  if (ended != direct.end() && !StillAgainstNoLonger(*direct.front().source, summary)) {
    std::rotate(direct.begin(), ended, ended + 1);
  }
  const Candidate& best = direct.front();
  verdict.verdict = VerdictFor(best, summary);
  for (const Difference& difference : best.differences) {
    verdict.discrepancies.push_back(ToReport(difference, *best.source, summary));
  }
  for (const Candidate& candidate : direct) {
    if (candidate.cost != best.cost || verdict.evidence.size() >= kMaxEvidence) break;
    verdict.evidence.push_back(EvidenceOf(*candidate.source));
  }
  return verdict;
}

}  // namespace concord::reconcile::audit_internal
