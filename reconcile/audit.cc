// The summary audit: every claim of a derived text (a summary, a digest) judged against the
// articles it rests on — supported, contradicted, overstated or unsupported — with the
// evidence, the source claims it leaves out, and the places where it contradicts itself.
//
// A summary claim is compared with the source claims of its relation whose roles line up
// (the same parties, or a party the one side leaves unnamed), using the same comparison as
// the cross-source view (CompareClaims), so the two views cannot disagree. The candidate
// with the cheapest differences is the evidence. When the parties are swapped in the
// sources and the swapped account agrees better than any direct one, the summary has the
// direction wrong ("B receives from A" where the sources say "A no longer pays B").

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "reconcile/facts.h"
#include "reconcile/json_form.h"
#include "reconcile/store_impl.h"

namespace concord::reconcile {
namespace {

// Cost of a candidate's differences: a high difference outweighs any number of low ones
// in practice; an unnamed party on one side costs a little, so a fully named match wins.
constexpr double kHighCost = 4, kMediumCost = 2, kLowCost = 1;
constexpr double kUnnamedRoleCost = 0.5;
constexpr std::size_t kMaxEvidence = 3;

double Cost(const std::vector<Difference>& differences) {
  double cost = 0;
  for (const Difference& difference : differences) {
    cost += difference.severity == "high" ? kHighCost : difference.severity == "medium" ? kMediumCost : kLowCost;
  }
  return cost;
}

bool Serious(const Difference& difference) { return difference.severity != "low"; }

enum class Alignment { kNone, kDirect, kMirrored };

struct RoleMatch {
  Alignment alignment = Alignment::kNone;
  int unnamed = 0;  // roles named on one side only
};

// Role ids as parties: the same id, or a unit standing for its parent where the other side
// names the parent ("Azure remains the primary provider" speaks of Microsoft's role).
class PartyMatcher {
 public:
  explicit PartyMatcher(const normalize::EntityTable& entities) : entities_(entities) {}

  // Compatible when equal, related (unit and parent), or unnamed on one side.
  bool Compatible(const std::string& a, const std::string& b, RoleMatch& match) const {
    if (a == b) return true;
    if (a.empty() || b.empty() || Related(a, b)) {
      ++match.unnamed;
      return true;
    }
    return false;
  }
  bool NamedAndSame(const std::string& a, const std::string& b) const { return !a.empty() && (a == b || Related(a, b)); }

  // How a source claim's parties line up with a summary claim's: the same (in either order
  // for a symmetric relation), swapped, or not at all. Claims that name no party in common
  // are not about the same thing.
  RoleMatch Match(const ClaimRow& summary, const ClaimRow& source) const {
    if (summary.relation != source.relation || summary.tranche != source.tranche) return {};
    auto aligned = [&](const std::string& subject, const std::string& counterparty, Alignment alignment) {
      RoleMatch match{alignment, 0};
      bool compatible = Compatible(summary.subject_id, subject, match) &&
                        Compatible(summary.counterparty_id, counterparty, match) &&
                        Compatible(summary.object_id, source.object_id, match);
      bool shared = NamedAndSame(summary.subject_id, subject) || NamedAndSame(summary.counterparty_id, counterparty) ||
                    NamedAndSame(summary.object_id, source.object_id);
      return compatible && shared ? match : RoleMatch{};
    };
    RoleMatch direct = aligned(source.subject_id, source.counterparty_id, Alignment::kDirect);
    if (direct.alignment != Alignment::kNone) return direct;
    RoleMatch swapped = aligned(source.counterparty_id, source.subject_id, Alignment::kMirrored);
    if (swapped.alignment == Alignment::kNone) return {};
    if (IsSymmetricRelation(summary.relation)) return {Alignment::kDirect, swapped.unnamed};
    // A swap only says something when both sides name both parties.
    bool both_named = !summary.subject_id.empty() && !summary.counterparty_id.empty() &&
                      !source.subject_id.empty() && !source.counterparty_id.empty() &&
                      summary.subject_id != summary.counterparty_id;
    return both_named ? swapped : RoleMatch{};
  }

 private:
  bool Related(const std::string& a, const std::string& b) const {
    return entities_.IsWithin(a, b) || entities_.IsWithin(b, a);
  }
  const normalize::EntityTable& entities_;
};

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

struct Candidate {
  const ClaimRow* source = nullptr;
  std::vector<Difference> differences;
  double cost = 0;
};

// A summary that states a hedged figure without its hedge is more certain than its source.
bool Overstates(const Difference& difference, const ClaimRow& source, const ClaimRow& summary) {
  return difference.type == "hedge_lost" && summary.qualifier == "exact" && source.qualifier != "exact";
}

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

// Judges one summary claim against the source claims.
AuditVerdict Judge(const ClaimRow& summary, const std::vector<const ClaimRow*>& sources, const PartyMatcher& parties) {
  AuditVerdict verdict;
  verdict.relation = summary.relation;
  verdict.quote = summary.quote;
  verdict.span = summary.span;
  verdict.claim = ClaimLine(summary);
  std::vector<Candidate> direct, mirrored;
  for (const ClaimRow* source : sources) {
    RoleMatch match = parties.Match(summary, *source);
    if (match.alignment == Alignment::kNone) continue;
    Candidate candidate{source, Differences(*source, summary), 0};
    candidate.cost = Cost(candidate.differences) + kUnnamedRoleCost * match.unnamed;
    (match.alignment == Alignment::kDirect ? direct : mirrored).push_back(std::move(candidate));
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
    if (!direct.empty()) verdict.evidence.push_back(EvidenceOf(*direct.front().source));
    return verdict;
  }
  if (direct.empty()) {
    verdict.verdict = "unsupported";
    return verdict;
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

}  // namespace

Result<SummaryAudit> Store::AuditSummary(const std::string& summary_key, const normalize::EntityTable& entities) {
  const PartyMatcher parties(entities);
  SummaryAudit audit;
  SQLite::Database& db = *impl_->db;
  try {
    std::int64_t summary_id = 0;
    {
      SQLite::Statement select(db, "SELECT id, name FROM articles WHERE key = ?");
      select.bind(1, summary_key);
      if (!select.executeStep()) return Status::Usage("the summary " + summary_key + " is not in the store");
      summary_id = select.getColumn(0).getInt64();
      audit.file = select.getColumn(1).getString();
    }
    const std::vector<ClaimRow> rows = LoadClaimRows(db);
    std::vector<const ClaimRow*> summary_claims, source_claims;
    for (const ClaimRow& row : rows) {
      if (row.relation == kQuantityRelation) continue;
      (row.article_id == summary_id ? summary_claims : source_claims).push_back(&row);
    }

    // Independent sources: independence groups among the articles audited against.
    Independence independence = LoadIndependence(db);
    std::set<std::int64_t> groups;
    SQLite::Statement articles(db, "SELECT id FROM articles WHERE id <> ?");
    articles.bind(1, summary_id);
    while (articles.executeStep()) groups.insert(independence.groups.Find(articles.getColumn(0).getInt64()));
    audit.independent_sources = static_cast<int>(groups.size());

    audit.claims = summary_claims.size();
    std::set<std::int64_t> carried;  // source claims some summary claim speaks of
    for (const ClaimRow* claim : summary_claims) {
      audit.verdicts.push_back(Judge(*claim, source_claims, parties));
      for (const ClaimRow* source : source_claims) {
        if (parties.Match(*claim, *source).alignment != Alignment::kNone) carried.insert(source->id);
      }
    }

    // Omissions: one per fact the sources state and the summary never speaks of.
    std::set<std::string> omitted_keys;
    for (const ClaimRow* source : source_claims) {
      if (carried.count(source->id) || !omitted_keys.insert(FactKey(*source)).second) continue;
      audit.omissions.push_back({source->relation, source->quote, source->article, ClaimLine(*source)});
    }

    // Internal conflicts: two claims of the summary about one fact that disagree.
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < summary_claims.size(); ++i) {
      for (std::size_t j = i + 1; j < summary_claims.size(); ++j) {
        const ClaimRow& a = *summary_claims[i];
        const ClaimRow& b = *summary_claims[j];
        if (parties.Match(a, b).alignment != Alignment::kDirect) continue;
        AuditConflict conflict{ClaimLine(a), ClaimLine(b), a.quote, b.quote, {}};
        for (const Difference& difference : CompareClaims(a, b)) {
          if (Serious(difference)) conflict.discrepancies.push_back(ToReport(difference, a, b));
        }
        if (!conflict.discrepancies.empty() && seen.insert({conflict.claim_a, conflict.claim_b}).second) {
          audit.internal_conflicts.push_back(std::move(conflict));
        }
      }
    }
  } catch (const std::exception& error) {
    return DatabaseError(impl_->path, error);
  }
  return audit;
}

Result<SummaryAudit> AuditSummary(const ExtractedArticle& summary, const std::vector<ExtractedArticle>& sources,
                                  const normalize::EntityTable& entities) {
  auto store = Store::Open(":memory:");
  if (!store.ok()) return store.status();
  std::vector<ExtractedArticle> batch;
  for (const ExtractedArticle& source : sources) {
    if (source.article.id != summary.article.id) batch.push_back(source);
  }
  batch.push_back(summary);
  auto written = store->WriteBatch(batch);
  if (!written.ok()) return written.status();
  return store->AuditSummary(summary.article.id, entities);
}

namespace {

nlohmann::json SpanJson(const extract::Span& span) { return nlohmann::json::array({span.begin, span.end}); }

nlohmann::json DiscrepanciesJson(const std::vector<ReportDiscrepancy>& discrepancies) {
  nlohmann::json list = nlohmann::json::array();
  for (const ReportDiscrepancy& d : discrepancies) {
    list.push_back({{"type", d.type}, {"severity", d.severity}, {"detail", d.detail}});
  }
  return list;
}

}  // namespace

std::string RenderSummaryAuditJson(const SummaryAudit& audit) {
  nlohmann::json verdicts = nlohmann::json::array();
  for (const AuditVerdict& v : audit.verdicts) {
    nlohmann::json evidence = nlohmann::json::array();
    for (const AuditEvidence& e : v.evidence) {
      evidence.push_back({{"file", e.file}, {"quote", e.quote}, {"span", SpanJson(e.span)}});
    }
    verdicts.push_back({{"claim", {{"relation", v.relation}, {"quote", v.quote}, {"span", SpanJson(v.span)},
                                   {"text", v.claim}}},
                        {"verdict", v.verdict},
                        {"discrepancies", DiscrepanciesJson(v.discrepancies)},
                        {"evidence", std::move(evidence)}});
  }
  nlohmann::json omissions = nlohmann::json::array();
  for (const AuditOmission& o : audit.omissions) {
    omissions.push_back({{"relation", o.relation}, {"quote", o.quote}, {"file", o.file}, {"text", o.claim}});
  }
  nlohmann::json conflicts = nlohmann::json::array();
  for (const AuditConflict& c : audit.internal_conflicts) {
    conflicts.push_back({{"claims", {c.claim_a, c.claim_b}},
                         {"quotes", {c.quote_a, c.quote_b}},
                         {"discrepancies", DiscrepanciesJson(c.discrepancies)}});
  }
  nlohmann::json json = {{"summary", {{"file", audit.file}, {"claims", audit.claims}}},
                         {"independent_sources", audit.independent_sources},
                         {"verdicts", std::move(verdicts)},
                         {"omissions", std::move(omissions)},
                         {"internal_conflicts", std::move(conflicts)}};
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string RenderSummaryAuditMarkdown(const SummaryAudit& audit) {
  std::map<std::string, int> counts;
  for (const AuditVerdict& v : audit.verdicts) ++counts[v.verdict];
  std::string out = "# Summary audit: " + audit.file + "\n\n";
  out += std::to_string(audit.claims) + " claim(s) judged against " + std::to_string(audit.independent_sources) +
         " independent source(s): ";
  bool first = true;
  for (const char* verdict : {"supported", "overstated", "contradicted", "unsupported"}) {
    out += std::string(first ? "" : ", ") + std::to_string(counts[verdict]) + " " + verdict;
    first = false;
  }
  out += ".\n";
  auto quote_line = [](const std::string& quote) {
    constexpr std::size_t kQuoteColumns = 160;
    return quote.size() <= kQuoteColumns ? quote : quote.substr(0, quote.rfind(' ', kQuoteColumns)) + " …";
  };
  // Problems first, in the summary's order within each verdict.
  for (const char* verdict : {"contradicted", "overstated", "unsupported", "supported"}) {
    if (counts[verdict] == 0) continue;
    out += std::string("\n## ") + static_cast<char>(verdict[0] - 'a' + 'A') + (verdict + 1) + "\n";
    for (const AuditVerdict& v : audit.verdicts) {
      if (v.verdict != verdict) continue;
      out += "\n- **" + v.claim + "**\n  summary: \"" + quote_line(v.quote) + "\"\n";
      for (const ReportDiscrepancy& d : v.discrepancies) {
        out += "  - " + d.type + " (" + d.severity + "): " + d.detail + "\n";
      }
      for (const AuditEvidence& e : v.evidence) out += "  - source " + e.file + ": \"" + quote_line(e.quote) + "\"\n";
    }
  }
  if (!audit.internal_conflicts.empty()) {
    out += "\n## The summary contradicts itself\n";
    for (const AuditConflict& c : audit.internal_conflicts) {
      out += "\n- **" + c.claim_a + "** vs **" + c.claim_b + "**\n  \"" + quote_line(c.quote_a) + "\"\n";
      if (c.quote_b != c.quote_a) out += "  vs \"" + quote_line(c.quote_b) + "\"\n";
      for (const ReportDiscrepancy& d : c.discrepancies) out += "  - " + d.type + " (" + d.severity + "): " + d.detail + "\n";
    }
  }
  if (!audit.omissions.empty()) {
    out += "\n## Left out of the summary\n\n";
    for (const AuditOmission& o : audit.omissions) out += "- " + o.claim + " (" + o.file + ")\n";
  }
  return out;
}

}  // namespace concord::reconcile
