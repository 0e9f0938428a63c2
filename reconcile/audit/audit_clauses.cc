// The summary audit, clauses no claim carries: conditions compared by their shape ("and"
// turned into "or") and "still" against "no longer", each paired with the most alike source
// clause by its words.

#include <algorithm>
#include <cctype>
#include <iterator>

#include "reconcile/audit/audit_internal.h"

namespace concord::reconcile::audit_internal {

namespace {

// Cues that open an exception or a requirement. "If" and "as long as" are left out: "as
// long as seven years" is a duration's hedge and "if" opens too many other clauses.
constexpr std::string_view kConditionCues[] = {"unless ", "only if ", "provided that ", "on condition that ",
                                               "except if ", "except where "};

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

}  // namespace

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

}  // namespace concord::reconcile::audit_internal
