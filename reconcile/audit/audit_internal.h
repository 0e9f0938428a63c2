#pragma once
// Internal to reconcile/audit: what the audit's parts share. audit.cc assembles the verdicts;
// audit_judge.cc judges relation claims by their parties, audit_figures.cc figures by the
// source clauses about the same thing, audit_dates.cc compares times, audit_support.cc looks
// a figure up in the source texts where no claim carries it, and audit_clauses.cc reads
// condition and still/no-longer clauses no claim carries.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "reconcile/audit/audit.h"
#include "reconcile/facts.h"
#include "reconcile/store/store_impl.h"

namespace concord::reconcile::audit_internal {

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

struct Candidate {
  const ClaimRow* source = nullptr;
  std::vector<Difference> differences;
  double cost = 0;
};

// What a claim's clause is about: its content words and the parties it names. Figures no
// relation pattern took (`quantity` claims) are paired across texts by these.
struct ClauseTopic {
  std::set<std::string> words;
  std::set<std::string> parties;
  std::string counted;  // what a count counts ("jobs", "years"); empty for other figures
};

constexpr int kPartyWeight = 2;     // a shared party says more than a shared word
constexpr int kMinSimilarity = 3;   // e.g. one party and one word, or three words

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

constexpr std::size_t kStemLength = 5;      // "deliveries" and "deliver" meet in "deliv"
constexpr std::size_t kMinWordLength = 4;   // leaves out "the", "its", "and"
constexpr int kMinSharedConditionWords = 2;

struct WrittenNumber {
  double value = 0;       // the number times its scale word
  std::size_t begin = 0;  // byte offset of its first digit in the sentence
};

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

// audit_judge.cc: relation claims against the source claims of their relation.
bool IsFigure(const ClaimRow& claim);
bool SeriousSeverity(const std::string& severity);
bool Serious(const Difference& difference);
std::string VerdictFor(const Candidate& candidate, const ClaimRow& summary);
ReportDiscrepancy ToReport(const Difference& difference, const ClaimRow& a, const ClaimRow& b);
AuditEvidence EvidenceOf(const ClaimRow& claim);
AuditVerdict SupportedByText(const ClaimRow& summary);
AuditVerdict UnjudgedVerdict(const ClaimRow& summary);
bool StillAgainstNoLonger(const ClaimRow& a, const ClaimRow& b);
bool SameFigure(const ClaimRow& a, const ClaimRow& b);
AuditVerdict Judge(const ClaimRow& summary, const std::vector<const ClaimRow*>& sources, const PartyMatcher& parties);

// audit_figures.cc: figures by the source clauses about the same thing.
std::map<std::int64_t, ClauseTopic> LoadTopics(sql::Connection& db);
int JudgeFigure(const ClaimRow& summary, const std::vector<const ClaimRow*>& sources,
                const std::map<std::int64_t, ClauseTopic>& topics, AuditVerdict& verdict);

// audit_dates.cc: times held against times of their kind.
bool Comparable(const ClaimRow& a, const ClaimRow& b);
bool Judgeable(const ClaimRow& claim);
bool YearGuessApart(const ClaimRow& a, const ClaimRow& b);
std::vector<Difference> TimeDifferences(const ClaimRow& source, const ClaimRow& summary);
bool SameTime(const ClaimRow& a, const ClaimRow& b);
bool SameDateOtherKind(const ClaimRow& a, const ClaimRow& b);
const ClaimRow* YearSlipped(const ClaimRow& summary, const std::vector<const ClaimRow*>& sources);

// audit_support.cc: words and figures looked up in the texts themselves.
std::string Lowered(std::string_view text);
extract::Span SentenceAround(std::string_view text, std::size_t at);
ConditionClause WordsOf(std::string_view text);
int SharedWords(const ConditionClause& a, const ConditionClause& b);
std::vector<WrittenNumber> NumbersWritten(std::string_view sentence);
bool CountWrittenInSources(const ClaimRow& summary, const std::vector<std::string>& source_texts);
bool FigureWrittenInSources(const ClaimRow& summary, const std::vector<const ClaimRow*>& sources,
                            const std::vector<std::string>& source_texts);

// Whether `source`'s figure is `summary`'s as the summary writes it, rounded or cut to the
// precision it shows ("$16bn" for $16.6bn, "2,500" for 2,540; "40" is exact).
bool WithinWrittenRounding(const ClaimRow& summary, const ClaimRow& source);

// audit_clauses.cc: condition shapes and still/no-longer clauses no claim carries.
void CheckConditionShapes(const AuditInputs& in, SummaryAudit& audit);
void CheckCourses(const AuditInputs& in, SummaryAudit& audit);

}  // namespace concord::reconcile::audit_internal
