// The summary audit, figures: a figure no pattern took (a `quantity` claim or a figure frame's)
// judged by the source clauses about the same parties and words: the same figure supports it,
// another figure there contradicts it, no such clause leaves it unsupported.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "reconcile/audit/audit_internal.h"

namespace concord::reconcile::audit_internal {

namespace {

int Similarity(const ClauseTopic& a, const ClauseTopic& b) {
  auto shared = [](const std::set<std::string>& x, const std::set<std::string>& y) {
    int count = 0;
    for (const std::string& item : x) count += static_cast<int>(y.count(item));
    return count;
  };
  return shared(a.words, b.words) + kPartyWeight * shared(a.parties, b.parties);
}

}  // namespace

std::map<std::int64_t, ClauseTopic> LoadTopics(sql::Connection& db) {
  std::map<std::int64_t, ClauseTopic> topics;
  sql::Statement select(db, "SELECT id, claim_json FROM claims");
  while (select.Step()) {
    nlohmann::json claim = nlohmann::json::parse(select.Text(1), nullptr, false);
    if (!claim.is_object()) continue;
    ClauseTopic& topic = topics[select.Int64(0)];
    if (claim.contains("context") && claim["context"].is_array()) {
      for (const nlohmann::json& word : claim["context"]) {
        if (word.is_string()) topic.words.insert(word.get<std::string>());
      }
    }
    auto add_party = [&](const nlohmann::json& role) {
      if (!role.is_object()) return;
      std::string id = role.value("id", "");
      if (id.empty()) id = normalize::CanonicalKey(role.value("name", role.value("text", "")));
      if (!id.empty()) topic.parties.insert(id);
    };
    for (const char* role : {"subject", "counterparty", "object"}) {
      if (claim.contains(role)) add_party(claim[role]);
    }
    if (claim.contains("value") && claim["value"].is_object()) topic.counted = claim["value"].value("counted", "");
    if (claim.contains("entities") && claim["entities"].is_array()) {
      for (const nlohmann::json& role : claim["entities"]) add_party(role);
    }
  }
  return topics;
}

namespace {

// How far apart two figures are, in powers of ten: the nearer figure of a clause is the
// likelier one a slipped summary meant.
double Distance(const ClaimRow& a, const ClaimRow& b) {
  if (a.low <= 0 || b.low <= 0) return std::fabs(a.low - b.low);
  return std::fabs(std::log10(a.low / b.low));
}

// Figures speak of their value; the rest of a loose clause's reading (most polarity cues,
// boundary or condition) is too uncertain to hold against a summary: "admits no
// wrongdoing" in the clause does not negate its settlement figure.
std::vector<Difference> FigureDifferences(const ClaimRow& source, const ClaimRow& summary) {
  std::vector<Difference> kept;
  for (Difference& difference : CompareClaims(source, summary)) {
    const std::string& type = difference.type;
    bool figure = type == "value" || type == "magnitude" || type == "hedge_lost";
    if (figure || (type == "polarity" && StillAgainstNoLonger(source, summary))) kept.push_back(std::move(difference));
  }
  return kept;
}

// "2.1 points" read as a count where the source has "2.1 percentage points" (a percent): the
// same figure under two readings of one unit.
bool PointsAsCount(const ClaimRow& source, const ClaimRow& summary) {
  constexpr double kTolerance = 1e-9;
  const bool one_each = (source.value_kind == "percent" && summary.value_kind == "count") ||
                        (source.value_kind == "count" && summary.value_kind == "percent");
  return one_each && NearlyEqual(source.low, summary.low, kTolerance) && NearlyEqual(source.high, summary.high, kTolerance);
}

// A bare count that reads as a year ("its 2025 sales") the sources date something in: that
// year, not a figure of its own.
bool YearTheSourcesDate(const ClaimRow& summary, const std::vector<const ClaimRow*>& sources) {
  constexpr double kFirstYear = 1900, kLastYear = 2100;
  if (summary.value_kind != "count" || summary.low != summary.high || summary.low < kFirstYear ||
      summary.low > kLastYear || summary.low != std::floor(summary.low)) {
    return false;
  }
  const std::string year = std::to_string(static_cast<int>(summary.low));
  return std::any_of(sources.begin(), sources.end(), [&](const ClaimRow* source) {
    return source->time_start.rfind(year, 0) == 0 || source->time_end.rfind(year, 0) == 0;
  });
}

// Words before a figure that carry its qualifier themselves, where the recognizer reads the
// figure as exact: "whenever its acts exceed 12% of streams" says what "more than 12
// percent" says, "a minimum of 80 live games" what "at least 80".
struct QualifierLead {
  std::string_view words;
  std::string_view qualifier;
};

constexpr QualifierLead kQualifierLeads[] = {
    {"exceed", "more_than"},        {"exceeds", "more_than"},     {"exceeded", "more_than"},
    {"exceeding", "more_than"},     {"surpass", "more_than"},     {"surpasses", "more_than"},
    {"surpassed", "more_than"},     {"top", "more_than"},         {"tops", "more_than"},
    {"topped", "more_than"},        {"beyond", "more_than"},      {"above", "more_than"},
    {"a minimum of", "at_least"},   {"minimum of", "at_least"},   {"no fewer than", "at_least"},
    {"not fewer than", "at_least"}, {"not less than", "at_least"},   {"as much as", "up_to"},
    {"as many as", "up_to"},        {"up to", "up_to"},               {"at most", "up_to"},
    {"about", "approx"},            {"around", "approx"},             {"roughly", "approx"}};

// Whether the summary's sentence writes its figure right after words carrying `qualifier`.
bool QualifierWritten(const ClaimRow& summary, std::string_view qualifier) {
  constexpr double kTolerance = 1e-9;
  for (const WrittenNumber& number : NumbersWritten(summary.quote)) {
    if (!NearlyEqual(number.value, summary.low, kTolerance)) continue;
    std::size_t end = number.begin;
    // Past a currency sign or code ("exceed $5 million", "above US$5 million").
    while (end > 0 && summary.quote[end - 1] != ' ') --end;
    while (end > 0 && summary.quote[end - 1] == ' ') --end;
    const std::string before = " " + Lowered(std::string_view(summary.quote).substr(0, end));
    for (const QualifierLead& lead : kQualifierLeads) {
      if (lead.qualifier == qualifier && before.ends_with(" " + std::string(lead.words))) return true;
    }
  }
  return false;
}

}  // namespace

// Judges a figure by the source clauses about the same thing: the same figure there
// supports it; another figure of the same kind in a clause about the same parties and
// words contradicts it; no such clause leaves it unsupported.
// Returns how similar the evidence clause is (0 when there is none).
int JudgeFigure(const ClaimRow& summary, const std::vector<const ClaimRow*>& sources,
                const std::map<std::int64_t, ClauseTopic>& topics, AuditVerdict& verdict) {
  static const ClauseTopic kNoTopic;
  auto topic_of = [&](const ClaimRow& claim) -> const ClauseTopic& {
    auto found = topics.find(claim.id);
    return found == topics.end() ? kNoTopic : found->second;
  };
  const ClauseTopic& topic = topic_of(summary);
  const bool dated_only = summary.value_kind == "none";
  const ClaimRow* best = nullptr;
  int best_similarity = -1;
  double best_distance = 0;
  bool best_same = false;
  for (const ClaimRow* source : sources) {
    bool same = false;
    if (dated_only) {
      if (SameDateOtherKind(*source, summary)) {
        same = true;
      } else if (!Comparable(*source, summary)) {
        continue;
      } else {
        same = SameTime(*source, summary);
      }
    } else {
      if (PointsAsCount(*source, summary)) {
        same = true;
      } else if (source->value_kind != summary.value_kind) {
        continue;
      } else {
        same = SameFigure(*source, summary);
      }
      // Another count contradicts a count only when both count the same thing: "900 charging
      // points" is no misreading of "12 years".
      const std::string& counted = topic.counted;
      const std::string& source_counted = topic_of(*source).counted;
      if (!same && !counted.empty() && !source_counted.empty() && counted != source_counted) continue;
    }
    const int similarity = Similarity(topic, topic_of(*source));
    const double distance = dated_only ? 0 : Distance(*source, summary);
    // The same figure first; then the clause most about the same thing; then the nearest figure.
    bool better = best == nullptr || same > best_same ||
                  (same == best_same && (similarity > best_similarity ||
                                         (similarity == best_similarity && distance < best_distance)));
    if (better) {
      best = source;
      best_similarity = similarity;
      best_distance = distance;
      best_same = same;
    }
  }
  if (best == nullptr || (!best_same && best_similarity < kMinSimilarity)) {
    verdict.verdict = YearTheSourcesDate(summary, sources) ? "supported" : "unsupported";
    // A figure no like clause gives, but a power of ten from one the sources do give, is
    // that figure slipped a unit ("23 million customers" for "2.3 million"), wherever it is.
    // A date no like clause gives, against the most alike source date of its kind and
    // precision that shares at least a party or a word with it: most likely the one it moved.
    if (verdict.verdict == "unsupported" && dated_only && best != nullptr && best_similarity > 0 &&
        best->time_precision == summary.time_precision) {
      verdict.verdict = "contradicted";
      for (const Difference& difference : TimeDifferences(*best, summary)) {
        verdict.discrepancies.push_back(ToReport(difference, *best, summary));
      }
      verdict.evidence.push_back(EvidenceOf(*best));
      if (verdict.discrepancies.empty()) verdict.verdict = "supported";
      return 0;
    }
    if (verdict.verdict == "unsupported" && dated_only) {
      if (const ClaimRow* moved = YearSlipped(summary, sources)) {
        verdict.verdict = "contradicted";
        for (const Difference& difference : TimeDifferences(*moved, summary)) {
          verdict.discrepancies.push_back(ToReport(difference, *moved, summary));
        }
        verdict.evidence.push_back(EvidenceOf(*moved));
        if (verdict.discrepancies.empty()) verdict.verdict = "supported";
        return kMinSimilarity;  // as sure as a like clause: the date can stand for its figure
      }
    }
    if (verdict.verdict == "unsupported" && !dated_only) {
      for (const ClaimRow* source : sources) {
        if (source->value_kind != summary.value_kind) continue;
        for (Difference& difference : FigureDifferences(*source, summary)) {
          if (difference.type != "magnitude") continue;
          verdict.verdict = "contradicted";
          verdict.discrepancies.push_back(ToReport(difference, *source, summary));
          verdict.evidence.push_back(EvidenceOf(*source));
          return 0;
        }
      }
    }
    return 0;
  }
  // The same figure in the source supports it, whatever date its clause is nearest to,
  // as long as the summary's date for it is one the sources give at all; a date on its own
  // is judged as a date.
  std::vector<Difference> differences =
      dated_only ? (best_same ? std::vector<Difference>{} : TimeDifferences(*best, summary))
                 : FigureDifferences(*best, summary);
  if (!dated_only && summary.qualifier == "exact" && best->qualifier != "exact" &&
      QualifierWritten(summary, best->qualifier)) {
    std::erase_if(differences, [](const Difference& d) { return d.type == "hedge_lost"; });
  }
  if (dated_only && StillAgainstNoLonger(*best, summary)) {
    differences.push_back({"polarity", "high", "\"" + best->polarity + "\" vs \"" + summary.polarity + "\""});
  }
  // The figure's date, when no source gives it: against the evidence's own date read the
  // same way (kind and precision), or, when the evidence clause has none of its kind, as a
  // date on its own ("£4.2 million a year under a lease that ends before 2035").
  const ClaimRow* dated_by = nullptr;
  AuditVerdict by_date = UnjudgedVerdict(summary);
  if (!dated_only && best_same && Judgeable(summary) &&
      std::none_of(sources.begin(), sources.end(), [&](const ClaimRow* source) { return SameTime(*source, summary); })) {
    if (Comparable(*best, summary)) {
      if (best->time_precision == summary.time_precision && !YearGuessApart(*best, summary)) {
        for (Difference& difference : TimeDifferences(*best, summary)) differences.push_back(std::move(difference));
      }
    } else {
      ClaimRow date_alone = summary;
      date_alone.value_kind = "none";
      if (JudgeFigure(date_alone, sources, topics, by_date) >= kMinSimilarity && by_date.verdict == "contradicted") {
        dated_by = &summary;
      }
    }
  }
  // "Still" told of a figure whose date a source clause says ended ("no longer shares its
  // masts …, after the deal expired on December 31"): that clause contradicts it.
  const ClaimRow* ended_by = nullptr;
  if (!dated_only && best_same && (summary.polarity == "continues" || summary.polarity == "ceased") &&
      !StillAgainstNoLonger(*best, summary)) {
    for (const ClaimRow* source : sources) {
      // The same date, not one inside the other: "no longer pays …, it said on 26 February"
      // ends nothing the summary dates "in the second half of 2026".
      if (StillAgainstNoLonger(*source, summary) && SameTime(*source, summary) &&
          source->time_precision == summary.time_precision &&
          Similarity(topic, topic_of(*source)) >= kMinSimilarity) {
        ended_by = source;
        differences.push_back({"polarity", "high", "\"" + source->polarity + "\" vs \"" + summary.polarity + "\""});
        break;
      }
    }
  }
  Candidate candidate{best, std::move(differences), 0};
  verdict.verdict = VerdictFor(candidate, summary);
  for (const Difference& difference : candidate.differences) {
    verdict.discrepancies.push_back(ToReport(difference, *best, summary));
  }
  verdict.evidence.push_back(EvidenceOf(*best));
  if (ended_by != nullptr && ended_by->quote != best->quote) verdict.evidence.push_back(EvidenceOf(*ended_by));
  if (dated_by != nullptr) {
    verdict.verdict = "contradicted";
    for (ReportDiscrepancy& discrepancy : by_date.discrepancies) verdict.discrepancies.push_back(std::move(discrepancy));
    for (AuditEvidence& evidence : by_date.evidence) {
      if (evidence.quote != verdict.evidence.front().quote) verdict.evidence.push_back(std::move(evidence));
    }
  }
  return best_similarity;
}

}  // namespace concord::reconcile::audit_internal
