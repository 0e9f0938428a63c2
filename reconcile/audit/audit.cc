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
//
// Figures no pattern took (`quantity` claims) are paired with the source clause about the
// same parties and words: the same figure supports them, another one contradicts them.
// Dates are held only against dates read the same way (an end with an end, a day with a
// day): a figure's date the sources never give, and a date of its own, are judged as dates,
// and on a date of its own "before 2030" against "through 2030" is a medium boundary slip.
// Polarity of a loose clause counts only as "still" against "no longer". Conditions no
// pattern read ("unless X fails to deliver and does not make up the shortfall") are
// compared by their shape: "and" turned into "or", or a joint condition cut to one test;
// clauses that say a thing still holds or no longer does, with no claim of their own, are
// paired by their words the same way. A figure the recognizer missed in the source but a like
// source sentence writes (a count, or money: "between 1.60 billion and 1.65 billion dollars")
// is there. Last, every figure, weekday and month the summary writes must be written in a
// source (figure_check.h): what no claim carried is still checked.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "reconcile/audit/audit.h"
#include "reconcile/audit/figure_check.h"
#include "reconcile/facts.h"
#include "reconcile/independence.h"
#include "reconcile/store/store_impl.h"

namespace concord::reconcile {
namespace {

// A figure the audit pairs by its clause's parties and words: a `quantity` claim, or a figure
// frame's (frames.lex), whose roles are read from the clause as well.
bool IsFigure(const ClaimRow& claim) { return claim.relation == kQuantityRelation || claim.frame; }

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

bool SeriousSeverity(const std::string& severity) { return severity != "low"; }
bool Serious(const Difference& difference) { return SeriousSeverity(difference.severity); }

enum class Alignment { kNone, kDirect, kMirrored };

struct RoleMatch {
  Alignment alignment = Alignment::kNone;
  int unnamed = 0;  // roles named on one side only
  // A swap where the source names one party only: "Okavi paid a $30 million fee" against
  // "Arlen will pay Okavi $30 million". It says something only with the same figure.
  bool half_named = false;
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
    return MatchParties(summary, source);
  }

  // The parties alone, whatever the relation.
  RoleMatch MatchParties(const ClaimRow& summary, const ClaimRow& source) const {
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
    const bool summary_named = !summary.subject_id.empty() && !summary.counterparty_id.empty() &&
                               summary.subject_id != summary.counterparty_id;
    const bool source_named = !source.subject_id.empty() && !source.counterparty_id.empty();
    if (!summary_named) return {};
    swapped.half_named = !source_named;
    return swapped;
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

// Relations whose subject pays its counterparty (extract/patterns/README.md's table).
bool IsPaidRelation(std::string_view relation) {
  constexpr std::string_view kPaid[] = {"invest", "payment", "purchase", "pay_revenue_share", "acquire"};
  return std::find(std::begin(kPaid), std::end(kPaid), relation) != std::end(kPaid);
}

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

// What a claim's clause is about: its content words and the parties it names. Figures no
// relation pattern took (`quantity` claims) are paired across texts by these.
struct ClauseTopic {
  std::set<std::string> words;
  std::set<std::string> parties;
  std::string counted;  // what a count counts ("jobs", "years"); empty for other figures
};

constexpr int kPartyWeight = 2;     // a shared party says more than a shared word
constexpr int kMinSimilarity = 3;   // e.g. one party and one word, or three words

int Similarity(const ClauseTopic& a, const ClauseTopic& b) {
  auto shared = [](const std::set<std::string>& x, const std::set<std::string>& y) {
    int count = 0;
    for (const std::string& item : x) count += static_cast<int>(y.count(item));
    return count;
  };
  return shared(a.words, b.words) + kPartyWeight * shared(a.parties, b.parties);
}

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

// How far apart two figures are, in powers of ten: the nearer figure of a clause is the
// likelier one a slipped summary meant.
double Distance(const ClaimRow& a, const ClaimRow& b) {
  if (a.low <= 0 || b.low <= 0) return std::fabs(a.low - b.low);
  return std::fabs(std::log10(a.low / b.low));
}

// Times compare only with times of their kind: an end ("through 2030", "before 2030", "by
// June") with an end, a day or period ("on Monday", "in 2025", "since 2023") with a day or
// period. "Before 2034" and "on Monday" are not two readings of one date.
// An open start ("from 2028", "since 2023") is told in many ways ("a year from 2028",
// "starting in 2026"): it is compared only where both sides give a start of one precision.
enum class TimeKind { kNone, kPoint, kEnd, kOpenStart };

TimeKind KindOfTime(const ClaimRow& claim) {
  if (claim.time_start.empty() && claim.time_end.empty()) return TimeKind::kNone;
  const std::string& boundary = claim.time_boundary;
  if (boundary == "through" || boundary == "before" || boundary == "until" || boundary == "by") return TimeKind::kEnd;
  if (boundary == "since" || boundary == "after") return TimeKind::kOpenStart;
  return TimeKind::kPoint;
}

bool Comparable(TimeKind a, TimeKind b) { return a == b && (a == TimeKind::kPoint || a == TimeKind::kEnd); }

// Two times that can be held against each other: of one kind, or an open start against a
// day or period of the same precision ("run from December 2029" against "enter service in
// December 2028"), both with a start.
bool Comparable(const ClaimRow& a, const ClaimRow& b) {
  const TimeKind x = KindOfTime(a), y = KindOfTime(b);
  if (Comparable(x, y)) return true;
  const bool open_and_point = (x == TimeKind::kOpenStart && (y == TimeKind::kPoint || y == TimeKind::kOpenStart)) ||
                              (y == TimeKind::kOpenStart && x == TimeKind::kPoint);
  return open_and_point && !a.time_start.empty() && !b.time_start.empty() && a.time_precision == b.time_precision;
}

// A time that can be held against anything at all: resolved, and not an open start without one.
bool Judgeable(const ClaimRow& claim) { return Comparable(claim, claim); }

// A day or month written without its year ("on May 8", "in October") gets its year from
// the tense around it, a guess that a summary's rewording can tip: the same day a year
// apart is that guess, not a slip. Quarters and years are not written without one.
bool YearGuessApart(const ClaimRow& a, const ClaimRow& b) {
  if (a.time_precision != b.time_precision || (a.time_precision != "day" && a.time_precision != "month")) return false;
  const std::string& x = a.time_start.empty() ? a.time_end : a.time_start;
  const std::string& y = b.time_start.empty() ? b.time_end : b.time_start;
  constexpr std::size_t kYearDigits = 4;
  if (x.size() <= kYearDigits || x.size() != y.size() || x.substr(kYearDigits) != y.substr(kYearDigits)) return false;
  if (std::abs(std::stoi(x.substr(0, kYearDigits)) - std::stoi(y.substr(0, kYearDigits))) != 1) return false;
  // Both years written out ("by the end of June 2027" against "June 2028") are no guess.
  auto year_written = [&](const ClaimRow& claim, const std::string& date) {
    return claim.quote.find(date.substr(0, kYearDigits)) != std::string::npos;
  };
  return !year_written(a, x) || !year_written(b, y);
}

// Date and boundary differences of two times of one kind. A date standing for itself (a
// figure's own date, a date left over in its clause) is what its clause asserts, so an end
// read inclusively on one side and exclusively on the other is a medium difference there;
// a relation claim's time scope keeps CompareClaims' low boundary note. "Until" reads
// either way (DESIGN.md), so it agrees with both.
std::vector<Difference> TimeDifferences(const ClaimRow& source, const ClaimRow& summary) {
  std::vector<Difference> kept;
  for (Difference& difference : CompareClaims(source, summary)) {
    if (difference.type == "boundary") {
      if (source.time_boundary == "until" || summary.time_boundary == "until") continue;
      difference.severity = "medium";
    }
    if (difference.type == "date" || difference.type == "boundary") kept.push_back(std::move(difference));
  }
  return kept;
}

// The ISO day after `date` ("2026-03-31" -> "2026-04-01"); empty when it is no ISO day.
std::string NextDay(const std::string& date) {
  constexpr std::size_t kIsoDayLength = 10;
  if (date.size() != kIsoDayLength) return {};
  const std::chrono::year_month_day day{std::chrono::year{std::stoi(date.substr(0, 4))},
                                        std::chrono::month{static_cast<unsigned>(std::stoi(date.substr(5, 2)))},
                                        std::chrono::day{static_cast<unsigned>(std::stoi(date.substr(8, 2)))}};
  if (!day.ok()) return {};
  const std::chrono::year_month_day next{std::chrono::sys_days{day} + std::chrono::days{1}};
  char text[32];  // room for any int year, so GCC's -Wformat-truncation sees no cut
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(next.year()), static_cast<unsigned>(next.month()),
                static_cast<unsigned>(next.day()));
  return text;
}

// "After" a period, read as a time opening the day it ends ("after first-quarter profit
// slipped", start 2026-04-01), against that period itself (the first quarter): the
// conjunction "after" before a figure's period, not a new date.
bool OpensAfter(const ClaimRow& opening, const ClaimRow& period) {
  return opening.time_boundary == "after" && KindOfTime(period) == TimeKind::kPoint &&
         opening.time_precision == period.time_precision && !opening.time_start.empty() &&
         opening.time_start == NextDay(period.time_end);
}

bool SameTime(const ClaimRow& a, const ClaimRow& b) {
  if (OpensAfter(a, b) || OpensAfter(b, a)) return true;
  return Comparable(a, b) && (TimeDifferences(a, b).empty() || YearGuessApart(a, b));
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

// A condition clause ("unless X fails to deliver and does not make up the shortfall"): how
// its tests join. Conditions no relation pattern carries are compared by this shape: "and"
// turned into "or" makes one test enough where the source needs all of them.
enum class Joint { kSingle, kAll, kAny, kMixed };

struct ConditionClause {
  std::size_t text = 0;   // which text: an index into the texts searched
  std::size_t begin = 0;  // byte offset of the cue in its text
  Joint joint = Joint::kSingle;
  std::set<std::string> words;  // content words, cut to a stem, to pair clauses across texts
};

// Cues that open an exception or a requirement. "If" and "as long as" are left out: "as
// long as seven years" is a duration's hedge and "if" opens too many other clauses.
constexpr std::string_view kConditionCues[] = {"unless ", "only if ", "provided that ", "on condition that ",
                                               "except if ", "except where "};
constexpr std::size_t kStemLength = 5;      // "deliveries" and "deliver" meet in "deliv"
constexpr std::size_t kMinWordLength = 4;   // leaves out "the", "its", "and"
constexpr int kMinSharedConditionWords = 2;

std::string Lowered(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lowered;
}

// The sentence holding byte `at`: from after the previous ". " to its own full stop.
extract::Span SentenceAround(std::string_view text, std::size_t at) {
  std::size_t begin = text.rfind(". ", at);
  begin = begin == std::string::npos ? 0 : begin + 2;
  std::size_t end = text.find(". ", at);
  end = end == std::string::npos ? text.size() : end + 1;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return {begin, end};
}

// The content words of a text, lowercased and cut to a stem, as a clause without a joint.
ConditionClause WordsOf(std::string_view text) {
  ConditionClause clause;
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))) : ' ';
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += c;
      continue;
    }
    if (word.size() >= kMinWordLength) clause.words.insert(word.substr(0, kStemLength));
    word.clear();
  }
  return clause;
}

// `with_bare_if`: a summary may drop the "only" of "only if" ("can exit early if its plant
// shuts or if it gives notice"), so its bare "if" clauses are read too; they count only
// against a source clause with a cue of its own ("even if", "as if" are no conditions).
std::vector<ConditionClause> ConditionClauses(std::string_view text, bool with_bare_if = false) {
  const std::string lowered = Lowered(text);
  std::vector<ConditionClause> clauses;
  std::vector<std::string_view> cues(std::begin(kConditionCues), std::end(kConditionCues));
  if (with_bare_if) cues.push_back("if ");
  for (std::string_view cue : cues) {
    for (std::size_t at = lowered.find(cue); at != std::string::npos; at = lowered.find(cue, at + 1)) {
      if (at > 0 && std::isalpha(static_cast<unsigned char>(lowered[at - 1]))) continue;
      if (cue == "if ") {
        const std::string_view before = std::string_view(lowered).substr(0, at);
        if (before.ends_with("only ") || before.ends_with("even ") || before.ends_with("as ")) continue;
      }
      // To the clause end: ';' or a sentence's full stop (not the point of "1.5").
      std::size_t end = at + cue.size();
      while (end < lowered.size() && lowered[end] != ';' &&
             !(lowered[end] == '.' && (end + 1 == lowered.size() || std::isspace(static_cast<unsigned char>(lowered[end + 1]))))) {
        ++end;
      }
      const std::string body = " " + lowered.substr(at + cue.size(), end - at - cue.size()) + " ";
      ConditionClause clause;
      clause.begin = at;
      const bool all = body.find(" and ") != std::string::npos;
      const bool any = body.find(" or ") != std::string::npos;
      clause.joint = all && any ? Joint::kMixed : all ? Joint::kAll : any ? Joint::kAny : Joint::kSingle;
      clause.words = WordsOf(body).words;
      clauses.push_back(std::move(clause));
    }
  }
  return clauses;
}

// The difference of a summary's condition from the source's, when their shapes say one:
// "and" against "or", or a joint condition cut to one of its tests.
std::optional<Difference> ConditionShapeDifference(const ConditionClause& source, const ConditionClause& summary) {
  if (source.joint == Joint::kMixed || summary.joint == Joint::kMixed || source.joint == summary.joint) return {};
  auto name = [](Joint joint) {
    return joint == Joint::kAll ? "all of its tests (\"and\")" : joint == Joint::kAny ? "any one test (\"or\")" : "one test";
  };
  if (summary.joint == Joint::kSingle) {
    return Difference{"condition", "medium",
                      std::string("the source's condition needs ") + name(source.joint) + ", the summary keeps one"};
  }
  if (source.joint == Joint::kSingle) return {};  // the summary spells out more than the source: not judged
  return Difference{"condition", "medium",
                    std::string("the source's condition needs ") + name(source.joint) + ", the summary's " +
                        name(summary.joint)};
}

int SharedWords(const ConditionClause& a, const ConditionClause& b) {
  int shared = 0;
  for (const std::string& word : a.words) shared += static_cast<int>(b.words.count(word));
  return shared;
}

// A clause that says a thing goes on ("will still show live games") or has stopped ("will
// no longer carry any live games"), with its content words. Such clauses with no figure or
// date of their own give no claim; they are paired across texts by their words, like
// conditions, and "still" against "no longer" is a polarity slip (the pair of explicit cues
// StillAgainstNoLonger trusts on figures).
struct CourseClause {
  std::size_t text = 0;   // which text: an index into the texts searched
  std::size_t begin = 0;  // byte offset of the cue in its text
  bool continues = false;
  std::set<std::string> words;
};

struct CourseCue {
  std::string_view cue;
  bool continues;
};
constexpr CourseCue kCourseCues[] = {{"still ", true},       {"continues to ", true}, {"continue to ", true},
                                     {"continued to ", true}, {"no longer ", false},   {"ceased to ", false},
                                     {"ceases to ", false}};
// Where a clause ends: a stop, a semicolon, a comma, or a joined clause of its own.
constexpr std::string_view kClauseBreaks[] = {". ", "; ", ", ", " and ", " but ", " while ", " although ", " though "};
// Words of four letters or more that say nothing of what a clause is about.
constexpr std::string_view kFunctionWords[] = {"will", "would", "with", "from", "that", "this", "have", "been",
                                               "which", "their", "also", "after", "under", "into", "shall"};

std::vector<CourseClause> CourseClauses(std::string_view text) {
  const std::string lowered = Lowered(text) + " ";
  std::vector<CourseClause> clauses;
  for (const CourseCue& cue : kCourseCues) {
    for (std::size_t at = lowered.find(cue.cue); at != std::string::npos; at = lowered.find(cue.cue, at + 1)) {
      if (at > 0 && std::isalpha(static_cast<unsigned char>(lowered[at - 1]))) continue;
      std::size_t begin = 0, end = lowered.size();
      for (std::string_view clause_break : kClauseBreaks) {
        const std::size_t before = std::string_view(lowered).substr(0, at).rfind(clause_break);
        if (before != std::string::npos) begin = std::max(begin, before + clause_break.size());
        const std::size_t after = lowered.find(clause_break, at + cue.cue.size());
        if (after != std::string::npos) end = std::min(end, after);
      }
      CourseClause clause{0, at, cue.continues, WordsOf(std::string_view(lowered).substr(begin, end - begin)).words};
      for (std::string_view word : kFunctionWords) clause.words.erase(std::string(word.substr(0, kStemLength)));
      clauses.push_back(std::move(clause));
    }
  }
  return clauses;
}

// Whether a source writes the count's number in a sentence about the same thing, where
// the recognizer took no count from it ("the 25-year life", "900 electric charging points"):
// the figure is in the sources, and a count the recognizer missed is no slip of the summary.
// Small counts as words ("a six-year deal"), by value.
constexpr std::string_view kNumberWords[] = {"zero",    "one",     "two",       "three",    "four",
                                             "five",    "six",     "seven",     "eight",    "nine",
                                             "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                             "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                                             "twenty"};
// From two: "one" stands in too many phrases ("one of its plants") to say a count is there.
constexpr std::size_t kFirstCountWord = 2;

bool CountWrittenInSources(const ClaimRow& summary, const std::vector<std::string>& source_texts) {
  if (summary.value_kind != "count" || summary.low != summary.high || summary.low != std::floor(summary.low)) return false;
  // "1400", "1,400", and "six" for 6.
  const std::string digits = std::to_string(static_cast<long long>(summary.low));
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  std::vector<std::string> spellings = {digits, grouped};
  if (summary.low >= kFirstCountWord && summary.low < static_cast<double>(std::size(kNumberWords))) {
    spellings.emplace_back(kNumberWords[static_cast<std::size_t>(summary.low)]);
  }
  const ConditionClause summary_words = WordsOf(summary.quote);
  for (const std::string& original : source_texts) {
    const std::string text = Lowered(original);  // same offsets: "Six-year" at a sentence start
    for (const std::string& number : spellings) {
      for (std::size_t at = text.find(number); at != std::string::npos; at = text.find(number, at + 1)) {
        const std::size_t end = at + number.size();
        const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
        const bool ends = end == text.size() || text[end] == ' ' || text[end] == '-';
        if (!starts || !ends) continue;
        const extract::Span sentence = SentenceAround(text, at);
        const std::string_view words = std::string_view(text).substr(sentence.begin, sentence.end - sentence.begin);
        if (SharedWords(WordsOf(words), summary_words) >= kMinSharedConditionWords) return true;
      }
    }
  }
  return false;
}

// Scale words after a written number ("2.3 billion", "£40m", "US$1.2bn").
struct ScaleWord {
  std::string_view word;
  double factor;
};
constexpr ScaleWord kScaleWords[] = {{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
                                     {"k", 1e3},        {"m", 1e6},       {"mn", 1e6},      {"mln", 1e6},
                                     {"bn", 1e9},       {"b", 1e9},       {"tn", 1e12}};

struct WrittenNumber {
  double value = 0;       // the number times its scale word
  std::size_t begin = 0;  // byte offset of its first digit in the sentence
};

// The numbers a sentence writes, each times the scale word after it: "between 1.60 billion
// and 1.65 billion dollars" gives 1.6e9 and 1.65e9, "a 2.3 billion pound contract" 2.3e9.
std::vector<WrittenNumber> NumbersWritten(std::string_view sentence) {
  std::vector<WrittenNumber> numbers;
  auto digit = [&](std::size_t i) {
    return i < sentence.size() && std::isdigit(static_cast<unsigned char>(sentence[i]));
  };
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    if (!digit(i) || (i > 0 && (std::isalnum(static_cast<unsigned char>(sentence[i - 1])) || sentence[i - 1] == '.' ||
                                sentence[i - 1] == ','))) {
      continue;
    }
    std::string number;
    std::size_t end = i;
    while (digit(end) || ((sentence[end] == ',' || sentence[end] == '.') && digit(end + 1))) {
      if (sentence[end] != ',') number += sentence[end];
      ++end;
    }
    std::size_t word_begin = end;
    if (word_begin < sentence.size() && (sentence[word_begin] == ' ' || sentence[word_begin] == '-')) ++word_begin;
    std::size_t word_end = word_begin;
    while (word_end < sentence.size() && std::isalpha(static_cast<unsigned char>(sentence[word_end]))) ++word_end;
    const std::string word = Lowered(sentence.substr(word_begin, word_end - word_begin));
    double factor = 1;
    for (const ScaleWord& scale : kScaleWords) {
      // A one-letter scale is glued to its number ("£40m"); "5 m" is more likely metres.
      if (word == scale.word && (scale.word.size() > 1 || word_begin == end)) factor = scale.factor;
    }
    numbers.push_back({std::stod(number) * factor, i});
    i = end;
  }
  // Small counts written as words ("as much as five more years").
  const std::string lowered = Lowered(sentence);
  for (std::size_t value = kFirstCountWord; value < std::size(kNumberWords); ++value) {
    const std::string_view word = kNumberWords[value];
    for (std::size_t at = lowered.find(word); at != std::string::npos; at = lowered.find(word, at + 1)) {
      const std::size_t end = at + word.size();
      const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(lowered[at - 1]));
      const bool ends = end == lowered.size() || !std::isalpha(static_cast<unsigned char>(lowered[end]));
      if (starts && ends) numbers.push_back({static_cast<double>(value), at});
    }
  }
  return numbers;
}

// Whether a source writes a summary's money figure (both ends of a range), or both ends of a
// percent range, in a sentence about the same thing where the recognizer took no such
// figure: "between 1.60 billion and 1.65 billion dollars" gives only its second bound a
// currency, "a 2.3 billion pound contract" none, and "up from 6 to 8 per cent" reads as a
// change. A figure the sources state in another currency is not this; a single percent is
// too short a number to find by its digits alone.
bool FigureWrittenInSources(const ClaimRow& summary, const std::vector<const ClaimRow*>& sources,
                            const std::vector<std::string>& source_texts) {
  const bool percent_range = summary.value_kind == "percent" && summary.low != summary.high;
  if (summary.value_kind != "money" && !percent_range) return false;
  constexpr double kTolerance = 1e-9;
  auto same = [&](double a, double b) { return NearlyEqual(a, b, kTolerance); };
  const bool other_currency = std::any_of(sources.begin(), sources.end(), [&](const ClaimRow* source) {
    return source->value_kind == "money" && source->currency != summary.currency &&
           (same(source->low, summary.low) || same(source->high, summary.high));
  });
  if (other_currency) return false;
  const ConditionClause summary_words = WordsOf(summary.quote);
  for (const std::string& text : source_texts) {
    for (std::size_t at = 0; at < text.size();) {
      const extract::Span sentence = SentenceAround(text, at);
      const std::string_view words = std::string_view(text).substr(sentence.begin, sentence.end - sentence.begin);
      at = std::max(sentence.end + 1, at + 1);
      const std::vector<WrittenNumber> numbers = NumbersWritten(words);
      auto written = [&](double value) {
        return std::any_of(numbers.begin(), numbers.end(),
                           [&](const WrittenNumber& number) { return same(number.value, value); });
      };
      if (written(summary.low) && written(summary.high) &&
          SharedWords(WordsOf(words), summary_words) >= kMinSharedConditionWords) {
        return true;
      }
    }
  }
  return false;
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

// A day or month the sources give as an end ("runs until the end of September 2029") that
// the summary writes as a point ("running to the end of September 2029"), or the reverse:
// one date, two readings of its kind. "Before", whose end is the day before, is not this.
bool SameDateOtherKind(const ClaimRow& a, const ClaimRow& b) {
  const TimeKind x = KindOfTime(a), y = KindOfTime(b);
  const bool point_and_end =
      (x == TimeKind::kPoint && y == TimeKind::kEnd) || (x == TimeKind::kEnd && y == TimeKind::kPoint);
  if (!point_and_end || a.time_precision != b.time_precision || a.time_end.empty() || a.time_end != b.time_end) {
    return false;
  }
  if (a.time_precision != "day" && a.time_precision != "month") return false;
  return a.time_boundary != "before" && b.time_boundary != "before";
}

// A day, month or quarter the sources give in one other year only, both years written out:
// "payouts start in January 2028" against "payments begin in January 2027" moved the year,
// however the clause around it is reworded. Returns that source date, or null.
const ClaimRow* YearSlipped(const ClaimRow& summary, const std::vector<const ClaimRow*>& sources) {
  constexpr std::size_t kYearDigits = 4;
  const std::string& precision = summary.time_precision;
  if ((precision != "day" && precision != "month" && precision != "quarter") ||
      summary.time_start.size() <= kYearDigits) {
    return nullptr;
  }
  const ClaimRow* slipped = nullptr;
  for (const ClaimRow* source : sources) {
    if (!Comparable(*source, summary) || source->time_precision != precision) continue;
    if (SameTime(*source, summary)) return nullptr;
    const std::string& start = source->time_start;
    if (start.size() != summary.time_start.size() ||
        start.substr(kYearDigits) != summary.time_start.substr(kYearDigits) || YearGuessApart(*source, summary)) {
      continue;
    }
    if (slipped != nullptr && slipped->time_start != start) return nullptr;  // two years: no telling which
    slipped = source;
  }
  return slipped;
}

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



// What the audit reads from the store besides the claims' verdicts: the summary's and the
// sources' claims (pointers into `rows`), clause topics, and the texts themselves (condition
// clauses and figures the recognizers missed are read there).
struct AuditInputs {
  std::int64_t summary_id = 0;
  std::vector<ClaimRow> rows;
  std::vector<const ClaimRow*> summary_claims, source_claims;
  std::map<std::int64_t, ClauseTopic> topics;
  std::string summary_text;
  std::vector<std::string> source_texts, source_names;  // of every other article, in id order
};

// Fills `in` (its summary_id set) from the store.
void LoadAuditInputs(sql::Connection& db, AuditInputs& in) {
  in.rows = LoadClaimRows(db);
  for (const ClaimRow& row : in.rows) (row.article_id == in.summary_id ? in.summary_claims : in.source_claims).push_back(&row);
  in.topics = LoadTopics(db);
  sql::Statement texts(db, "SELECT id, text, name FROM articles ORDER BY id");
  while (texts.Step()) {
    if (texts.Int64(0) == in.summary_id) {
      in.summary_text = texts.Text(1);
    } else {
      in.source_texts.push_back(texts.Text(1));
      in.source_names.push_back(texts.Text(2));
    }
  }
}

// Independence groups among the articles audited against (every article but the summary).
int IndependentSources(sql::Connection& db, std::int64_t summary_id) {
  Independence independence = BuildIndependence(LoadArticleRows(db), LoadSketches(db));
  std::set<std::int64_t> groups;
  sql::Statement articles(db, "SELECT id FROM articles WHERE id <> ?");
  articles.Bind(1, summary_id);
  while (articles.Step()) groups.insert(independence.groups.Find(articles.Int64(0)));
  return static_cast<int>(groups.size());
}

// A verdict per claim of the summary, in text order; returns the source claims some summary
// claim speaks of (the rest may be omissions).
std::set<std::int64_t> JudgeClaims(const AuditInputs& in, const PartyMatcher& parties, SummaryAudit& audit) {
  const std::vector<const ClaimRow*>& summary_claims = in.summary_claims;
  const std::vector<const ClaimRow*>& source_claims = in.source_claims;
  const std::map<std::int64_t, ClauseTopic>& topics = in.topics;
  const std::vector<std::string>& source_texts = in.source_texts;
  std::set<std::int64_t> carried;  // source claims some summary claim speaks of
  for (const ClaimRow* claim : summary_claims) {
    const bool figure = IsFigure(*claim);
    AuditVerdict verdict = figure ? AuditVerdict{} : Judge(*claim, source_claims, parties);
    // A figure, or a relation claim the sources state in words no pattern took: judged
    // by the source clauses that carry figures about the same thing.
    if (figure && claim->value_kind == "none" && !Judgeable(*claim)) {
      continue;  // a date that did not resolve ("since then"), or an open start, says nothing to check
    }
    // A relation claim whose only disagreement is its date, where the sources give that
    // date too, took the date of another clause of its sentence (here or there): "will pay
    // a $96 million penalty to settle charges that its agents paid bribes from 2016 to 2020".
    if (!figure && verdict.verdict == "contradicted" && !verdict.discrepancies.empty() &&
        std::all_of(verdict.discrepancies.begin(), verdict.discrepancies.end(),
                    [](const ReportDiscrepancy& d) { return d.type == "date" || !SeriousSeverity(d.severity); }) &&
        std::any_of(source_claims.begin(), source_claims.end(),
                    [&](const ClaimRow* source) { return SameTime(*source, *claim); })) {
      std::erase_if(verdict.discrepancies, [](const ReportDiscrepancy& d) { return d.type == "date"; });
      verdict.verdict = "supported";
    }
    // A relation claim whose figure the sources do state, about the same parties and
    // words, was read with the wrong roles (here or there) rather than misreported.
    if (!figure && verdict.verdict == "contradicted" && !verdict.discrepancies.empty() &&
        std::all_of(verdict.discrepancies.begin(), verdict.discrepancies.end(),
                    [](const ReportDiscrepancy& d) { return d.type == "value" || d.type == "magnitude"; })) {
      AuditVerdict by_figure = UnjudgedVerdict(*claim);
      int similarity = JudgeFigure(*claim, source_claims, topics, by_figure);
      if (by_figure.verdict == "supported" && by_figure.discrepancies.empty() && similarity >= kMinSimilarity) {
        verdict = std::move(by_figure);
      }
    }
    // A relation claim with no figure that no source pattern matched ("X signed a contract
    // on 22 June to supply Y" against "under a contract signed on Monday"): its date, told
    // in a clause about the same thing, is what can be checked.
    if (!figure && verdict.verdict == "unsupported" && claim->value_kind == "none" && Judgeable(*claim)) {
      AuditVerdict by_date = UnjudgedVerdict(*claim);
      if (JudgeFigure(*claim, source_claims, topics, by_date) >= kMinSimilarity) verdict = std::move(by_date);
    }
    if (figure || (verdict.verdict == "unsupported" && claim->value_kind != "none")) {
      verdict = UnjudgedVerdict(*claim);
      JudgeFigure(*claim, source_claims, topics, verdict);
      const bool only_figure_unmatched =
          verdict.verdict == "unsupported" ||
          (verdict.verdict == "contradicted" &&
           std::all_of(verdict.discrepancies.begin(), verdict.discrepancies.end(),
                       [](const ReportDiscrepancy& d) { return d.type == "value" || d.type == "magnitude"; }));
      if (only_figure_unmatched && (CountWrittenInSources(*claim, source_texts) ||
                                    FigureWrittenInSources(*claim, source_claims, source_texts))) {
        verdict = SupportedByText(*claim);
      }
    }
    audit.verdicts.push_back(std::move(verdict));
    for (const ClaimRow* source : source_claims) {
      bool speaks_of = figure ? SameFigure(*claim, *source)
                              : parties.Match(*claim, *source).alignment != Alignment::kNone ||
                                    SameFigure(*claim, *source);
      if (speaks_of) carried.insert(source->id);
    }
  }

  return carried;
}

// Conditions by their shape: each condition clause of the summary against the source clause
// most like it; a difference there holds for the claims of the summary's sentence (figures
// and dates carry no condition of their own).
void CheckConditionShapes(const AuditInputs& in, SummaryAudit& audit) {
  const std::vector<const ClaimRow*>& summary_claims = in.summary_claims;
  const std::string& summary_text = in.summary_text;
  const std::vector<std::string>& source_texts = in.source_texts;
  const std::vector<std::string>& source_names = in.source_names;
  // Conditions by their shape: each condition clause of the summary against the source
  // clause most like it; a difference there holds for the claims of the summary's sentence
  // (figures and dates carry no condition of their own).
  {
    std::vector<ConditionClause> source_clauses;
    for (std::size_t t = 0; t < source_texts.size(); ++t) {
      for (ConditionClause& clause : ConditionClauses(source_texts[t])) {
        clause.text = t;
        source_clauses.push_back(std::move(clause));
      }
    }
    for (const ConditionClause& clause : ConditionClauses(summary_text, /*with_bare_if=*/true)) {
      const ConditionClause* nearest = nullptr;
      int nearest_shared = kMinSharedConditionWords - 1;
      for (const ConditionClause& source : source_clauses) {
        const int shared = SharedWords(clause, source);
        if (shared > nearest_shared) {
          nearest = &source;
          nearest_shared = shared;
        }
      }
      if (nearest == nullptr) continue;
      // A relation pattern that read the condition into its normal form has compared it
      // already, on the claim it belongs to; the shape would spread it over the sentence.
      const bool read_by_pattern = std::any_of(summary_claims.begin(), summary_claims.end(), [&](const ClaimRow* claim) {
        return !claim->condition.empty() && claim->span.begin <= clause.begin && clause.begin < claim->span.end;
      });
      if (read_by_pattern) continue;
      std::optional<Difference> difference = ConditionShapeDifference(*nearest, clause);
      if (!difference) continue;
      const bool judged = std::any_of(audit.verdicts.begin(), audit.verdicts.end(), [&](const AuditVerdict& verdict) {
        return verdict.span.begin <= clause.begin && clause.begin < verdict.span.end;
      });
      if (!judged) {
        // No figure or relation in the sentence: the condition is a finding of its own.
        const extract::Span sentence = SentenceAround(summary_text, clause.begin);
        const std::string& source_text = source_texts[nearest->text];
        const extract::Span evidence = SentenceAround(source_text, nearest->begin);
        const std::string quote = summary_text.substr(sentence.begin, sentence.end - sentence.begin);
        audit.verdicts.push_back(
            {"condition", quote, sentence, "condition: " + summary_text.substr(clause.begin, sentence.end - clause.begin),
             "contradicted", {{difference->type, difference->severity, difference->detail, 0, 0}},
             {{source_names[nearest->text], source_text.substr(evidence.begin, evidence.end - evidence.begin), evidence}}});
        continue;
      }
      for (std::size_t v = 0; v < audit.verdicts.size(); ++v) {
        AuditVerdict& verdict = audit.verdicts[v];
        if (verdict.span.begin > clause.begin || clause.begin >= verdict.span.end) continue;
        bool already = std::any_of(verdict.discrepancies.begin(), verdict.discrepancies.end(),
                                   [](const ReportDiscrepancy& d) { return d.type == "condition" && d.severity != "low"; });
        if (already) continue;
        verdict.discrepancies.push_back({difference->type, difference->severity, difference->detail, 0, 0});
        if (verdict.verdict == "supported" || verdict.verdict == "overstated") verdict.verdict = "contradicted";
      }
    }
  }

}

// "Still" against "no longer" in clauses no claim carries: each such clause of the summary
// against the source clause most like it, when that one is unambiguous.
void CheckCourses(const AuditInputs& in, SummaryAudit& audit) {
  const std::vector<const ClaimRow*>& summary_claims = in.summary_claims;
  const std::string& summary_text = in.summary_text;
  const std::vector<std::string>& source_texts = in.source_texts;
  const std::vector<std::string>& source_names = in.source_names;
  // "Still" against "no longer" in clauses no claim carries: each such clause of the
  // summary against the source clause most like it, when that one is unambiguous.
  {
    std::vector<CourseClause> source_clauses;
    for (std::size_t t = 0; t < source_texts.size(); ++t) {
      for (CourseClause& clause : CourseClauses(source_texts[t])) {
        clause.text = t;
        source_clauses.push_back(std::move(clause));
      }
    }
    for (const CourseClause& clause : CourseClauses(summary_text)) {
      int nearest_shared = kMinSharedConditionWords - 1;
      const CourseClause* nearest = nullptr;
      bool tied = false;  // as like a clause of the other course: "A no longer pays B, B still pays A"
      for (const CourseClause& source : source_clauses) {
        int shared = 0;
        for (const std::string& word : clause.words) shared += static_cast<int>(source.words.count(word));
        if (shared > nearest_shared) {
          nearest = &source;
          nearest_shared = shared;
          tied = false;
        } else if (shared == nearest_shared && nearest != nullptr && source.continues != nearest->continues) {
          tied = true;
        }
      }
      if (nearest == nullptr || tied || nearest->continues == clause.continues) continue;
      // A claim of the summary that holds the cue was compared on its own polarity already.
      const bool judged = std::any_of(summary_claims.begin(), summary_claims.end(), [&](const ClaimRow* claim) {
        return claim->span.begin <= clause.begin && clause.begin < claim->span.end &&
               (claim->polarity == "continues" || claim->polarity == "ceased") &&
               (!IsFigure(*claim) || claim->value_kind == "none");
      });
      if (judged) continue;
      const extract::Span sentence = SentenceAround(summary_text, clause.begin);
      const std::string& source_text = source_texts[nearest->text];
      const extract::Span evidence = SentenceAround(source_text, nearest->begin);
      const std::string quote = summary_text.substr(sentence.begin, sentence.end - sentence.begin);
      const std::string detail = nearest->continues
                                     ? "the source says it still holds, the summary that it no longer does"
                                     : "the source says it no longer holds, the summary that it still does";
      audit.verdicts.push_back(
          {"polarity", quote, sentence, "polarity: " + summary_text.substr(clause.begin, sentence.end - clause.begin),
           "contradicted", {{"polarity", "high", detail, 0, 0}},
           {{source_names[nearest->text], source_text.substr(evidence.begin, evidence.end - evidence.begin),
             evidence}}});
    }
  }

}

// Omissions: one per fact the sources state and the summary never speaks of (`carried`).
std::vector<AuditOmission> Omissions(const AuditInputs& in, const std::set<std::int64_t>& carried) {
  std::vector<AuditOmission> omissions;
  // Omissions: one per fact the sources state and the summary never speaks of.
  std::set<std::string> omitted_keys;
  for (const ClaimRow* source : in.source_claims) {
    const bool figure = IsFigure(*source);
    if (carried.count(source->id) || (figure && source->value_kind != "money")) continue;
    // Figures by their value (a clause's roles are only a guess); relation claims by fact.
    if (!omitted_keys.insert(figure ? "quantity|" + ClaimLine(*source) : FactKey(*source)).second) continue;
    omissions.push_back({source->relation, source->quote, source->article, ClaimLine(*source)});
  }

  return omissions;
}

// Internal conflicts: two claims of the summary about one fact that disagree.
std::vector<AuditConflict> InternalConflicts(const AuditInputs& in, const PartyMatcher& parties) {
  const std::vector<const ClaimRow*>& summary_claims = in.summary_claims;
  std::vector<AuditConflict> conflicts;
  // Internal conflicts: two claims of the summary about one fact that disagree.
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t i = 0; i < summary_claims.size(); ++i) {
    for (std::size_t j = i + 1; j < summary_claims.size(); ++j) {
      const ClaimRow& a = *summary_claims[i];
      const ClaimRow& b = *summary_claims[j];
      if (IsFigure(a) || parties.Match(a, b).alignment != Alignment::kDirect) continue;
      AuditConflict conflict{ClaimLine(a), ClaimLine(b), a.quote, b.quote, {}};
      for (const Difference& difference : CompareClaims(a, b)) {
        if (Serious(difference)) conflict.discrepancies.push_back(ToReport(difference, a, b));
      }
      if (!conflict.discrepancies.empty() && seen.insert({conflict.claim_a, conflict.claim_b}).second) {
        conflicts.push_back(std::move(conflict));
      }
    }
  }
  return conflicts;
}

}  // namespace

Result<SummaryAudit> AuditSummary(Store& store, const std::string& summary_key, const normalize::EntityTable& entities) {
  const PartyMatcher parties(entities);
  SummaryAudit audit;
  sql::Connection& db = *store.impl().db;
  try {
    AuditInputs in;
    {
      sql::Statement select(db, "SELECT id, name FROM articles WHERE key = ?");
      select.Bind(1, summary_key);
      if (!select.Step()) return Status::Usage("the summary " + summary_key + " is not in the store");
      in.summary_id = select.Int64(0);
      audit.file = select.Text(1);
    }
    LoadAuditInputs(db, in);
    audit.independent_sources = IndependentSources(db, in.summary_id);
    const std::set<std::int64_t> carried = JudgeClaims(in, parties, audit);
    CheckConditionShapes(in, audit);
    CheckCourses(in, audit);
    audit.claims = audit.verdicts.size();
    audit.omissions = Omissions(in, carried);
    audit.internal_conflicts = InternalConflicts(in, parties);
  } catch (const std::exception& error) {
    return DatabaseError(store.impl().path, error);
  }
  return audit;
}

namespace {

// What the figure check reads of a source: its text, the dates it resolves, its published day.
SourceFigures FiguresOf(const ExtractedArticle& source) {
  SourceFigures figures;
  figures.text = source.article.text;
  for (const extract::Mention& mention : source.extraction.mentions) {
    if (mention.kind == extract::MentionKind::kDate && !mention.date.start.empty()) figures.dates.push_back(mention.date);
  }
  if (!source.article.published.empty()) {
    figures.dates.push_back({source.article.published, source.article.published, extract::Precision::kDay, {}, {}});
  }
  return figures;
}

// The figure check's findings as verdicts: a figure the sources never write is unsupported,
// unless a verdict on its sentence already says what is wrong there.
void AddFigureVerdicts(std::string_view summary, const std::vector<SourceFigures>& sources, SummaryAudit& audit) {
  for (const UngroundedFigure& figure : UngroundedFigures(summary, sources)) {
    extract::Span sentence = SentenceAround(summary, figure.figure.span.begin);
    bool judged = std::any_of(audit.verdicts.begin(), audit.verdicts.end(), [&](const AuditVerdict& verdict) {
      return verdict.verdict != "supported" && verdict.span.begin <= figure.figure.span.begin &&
             figure.figure.span.end <= verdict.span.end;
    });
    if (judged) continue;
    AuditVerdict verdict;
    verdict.relation = "figure";
    verdict.quote = std::string(summary.substr(sentence.begin, sentence.end - sentence.begin));
    verdict.span = figure.figure.span;
    verdict.claim = "figure " + figure.text;
    verdict.verdict = "unsupported";
    verdict.discrepancies.push_back({"figure", "medium", figure.detail});
    auto at = std::find_if(audit.verdicts.begin(), audit.verdicts.end(),
                           [&](const AuditVerdict& other) { return other.span.begin > verdict.span.begin; });
    audit.verdicts.insert(at, std::move(verdict));
  }
}

}  // namespace

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
  auto audit = AuditSummary(*store, summary.article.id, entities);
  if (!audit.ok()) return audit;
  std::vector<SourceFigures> source_figures;
  for (const ExtractedArticle& source : batch) {
    if (source.article.id != summary.article.id) source_figures.push_back(FiguresOf(source));
  }
  AddFigureVerdicts(summary.article.text, source_figures, *audit);
  return audit;
}

}  // namespace concord::reconcile
