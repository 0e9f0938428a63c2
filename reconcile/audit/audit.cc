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
#include "reconcile/audit/audit_internal.h"
#include "reconcile/audit/figure_check.h"
#include "reconcile/facts.h"
#include "reconcile/independence.h"
#include "reconcile/store/store_impl.h"

namespace concord::reconcile {

using namespace audit_internal;

namespace {

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
    // A figure that differs from its evidence only as far as the summary's own rounding goes
    // ("$16bn" for $16.6bn, "2,500 jobs" for 2,540) says what the source says.
    if (verdict.verdict == "contradicted" && claim->value_kind != "none" && !verdict.discrepancies.empty() &&
        std::all_of(verdict.discrepancies.begin(), verdict.discrepancies.end(), [&](const ReportDiscrepancy& d) {
          if (!SeriousSeverity(d.severity)) return true;
          if (d.type != "value") return false;
          auto source = std::find_if(source_claims.begin(), source_claims.end(),
                                     [&](const ClaimRow* row) { return row->id == d.claim_a; });
          return source != source_claims.end() && WithinWrittenRounding(*claim, **source);
        })) {
      verdict.verdict = "supported";
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
  figures.published = source.article.published;
  if (!source.article.published.empty()) {
    figures.dates.push_back({source.article.published, source.article.published, extract::Precision::kDay, {}, {}});
  }
  return figures;
}

// The figure check's findings as verdicts: a figure the sources never write is unsupported,
// unless a verdict on its sentence already says what is wrong there.
void AddFigureVerdicts(std::string_view summary, const std::vector<extract::Claim>& summary_claims,
                       const std::vector<SourceFigures>& sources, SummaryAudit& audit) {
  const std::vector<UngroundedFigure> ungrounded = UngroundedFigures(summary, sources);
  // A claim's figure no like source clause carries, where its clause states no figure the
  // sources do not write: the figure is in the sources, only not in a clause the claim
  // reader paired ("a £40m revamp" against "the £40m redevelopment of the ground"), and
  // "unsupported" would say the article never gives it. A figure the sources give with
  // another figure in a like clause stays contradicted.
  for (AuditVerdict& verdict : audit.verdicts) {
    if (verdict.verdict != "unsupported" || !verdict.discrepancies.empty() || verdict.relation == "figure") continue;
    // A value, not a date alone: a date's reading ("the fourth quarter of 2026") says more
    // than the numbers the text check finds ("2026", a "fourth").
    const bool states_value = std::any_of(summary_claims.begin(), summary_claims.end(), [&](const extract::Claim& claim) {
      return claim.provenance.span == verdict.span && claim.relation == verdict.relation &&
             claim.value_kind != extract::ValueKind::kNone;
    });
    if (!states_value) continue;
    const bool written = std::none_of(ungrounded.begin(), ungrounded.end(), [&](const UngroundedFigure& figure) {
      return verdict.span.begin <= figure.figure.span.begin && figure.figure.span.end <= verdict.span.end;
    });
    if (written) verdict.verdict = "supported";
  }
  for (const UngroundedFigure& figure : ungrounded) {
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
  AddFigureVerdicts(summary.article.text, summary.extraction.claims, source_figures, *audit);
  return audit;
}

}  // namespace concord::reconcile
