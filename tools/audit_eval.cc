// concord_audit_eval: runs the summary audit over a JSON-lines file of
// {"id", "published", "article", "summary", "consistent", "error"} items and prints how many
// inconsistent summaries it flags (and with which discrepancy types) and how many faithful
// ones it flags wrongly. A summary is flagged when any of its claims is contradicted,
// overstated or unsupported. Exit 1 when a rate misses its --min/--max gate.

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "extract/extract.h"
#include "normalize/normalize.h"
#include "tools/pipeline.h"
#include "reconcile/audit/audit.h"

namespace {

using concord::reconcile::ExtractedArticle;

struct Tally {
  int items = 0, flagged = 0;
  int named = 0;  // flagged with a discrepancy of the planted type (an unsupported verdict names "unsupported")
};

ExtractedArticle MakeArticle(const std::string& id, const std::string& source, const std::string& published,
                             const std::string& text, concord::corpus::ArticleKind kind) {
  ExtractedArticle item;
  item.article.id = id;
  item.article.name = id;
  item.article.source = source;
  item.article.published = published;
  item.article.kind = kind;
  item.article.text = text;
  return item;
}

constexpr const char* kPolarityNames[] = {"affirmed", "negated", "ceased", "continues"};

// One line per claim of an extraction, for --show: what the audit had to work with.
void PrintClaims(const char* label, const concord::extract::Extraction& extraction) {
  std::printf("  %s claims:\n", label);
  for (const concord::extract::Claim& claim : extraction.claims) {
    std::printf("    %-18s %s -> %s | %g..%g %s | %s..%s | %s | %s\n", claim.relation.c_str(),
                claim.subject.entity.id.c_str(), claim.counterparty.entity.id.c_str(), claim.value.low,
                claim.value.high, claim.value.currency.c_str(), claim.time.start.c_str(), claim.time.end.c_str(),
                kPolarityNames[static_cast<int>(claim.polarity)], claim.condition.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"concord_audit_eval: the summary audit on labelled article/summary pairs"};
  std::string pairs_path;
  std::string data_dir = CONCORD_DATA_DIR;
  double min_detected = 0, max_false_flags = 1;
  bool show_misses = false;
  std::string show_id;
  app.add_option("pairs", pairs_path, "JSON lines of {id, published, article, summary, consistent, error}")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--data", data_dir, "Folder holding extract/patterns and normalize/data");
  app.add_option("--min-detected", min_detected, "Fail when fewer inconsistent summaries are flagged (0..1)");
  app.add_option("--max-false-flags", max_false_flags, "Fail when more faithful summaries are flagged (0..1)");
  app.add_flag("--misses", show_misses, "List every wrong call with the verdicts that caused it");
  app.add_option("--show", show_id, "Print the claims and every verdict of the item with this id");
  CLI11_PARSE(app, argc, argv);

  auto pipeline = concord::tools::LoadPipeline(data_dir);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "concord_audit_eval: %s\n", pipeline.status().ToString().c_str());
    return 2;
  }
  const concord::extract::Extractor& extractor = pipeline->extractor;
  const concord::normalize::Normalizer& normalizer = pipeline->normalizer;

  std::ifstream in(pairs_path);
  Tally faithful, slipped;
  std::map<std::string, Tally> by_error_type;
  std::map<std::string, int> verdicts_on_faithful;
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.empty()) continue;
    nlohmann::json item = nlohmann::json::parse(line, nullptr, false);
    if (!item.is_object() || !item.contains("article") || !item.contains("summary")) {
      std::fprintf(stderr, "%s:%d: not a {article, summary, consistent} object\n", pairs_path.c_str(), line_number);
      return 2;
    }
    const std::string id = item.value("id", "line " + std::to_string(line_number));
    const std::string published = item.value("published", "");
    ExtractedArticle source = MakeArticle(id + "/article", "source", published, item["article"],
                                          concord::corpus::ArticleKind::kArticle);
    ExtractedArticle summary = MakeArticle(id + "/summary", "summary", published, item["summary"],
                                           concord::corpus::ArticleKind::kSummary);
    for (ExtractedArticle* article : {&source, &summary}) {
      article->extraction = extractor.Extract(article->article);
      normalizer.Normalize(article->article, article->extraction);
    }
    auto audit = concord::reconcile::AuditSummary(summary, {source}, normalizer.entities());
    if (!audit.ok()) {
      std::fprintf(stderr, "%s: %s\n", id.c_str(), audit.status().ToString().c_str());
      return 4;
    }
    if (id == show_id) {
      PrintClaims("article", source.extraction);
      PrintClaims("summary", summary.extraction);
      for (const auto& verdict : audit->verdicts) {
        std::printf("  %s: %s\n", verdict.verdict.c_str(), verdict.claim.c_str());
        for (const auto& d : verdict.discrepancies) std::printf("    [%s %s] %s\n", d.type.c_str(), d.severity.c_str(), d.detail.c_str());
        for (const auto& e : verdict.evidence) std::printf("    < %s\n", e.quote.c_str());
      }
    }
    std::string reasons;
    std::set<std::string> types;
    for (const auto& verdict : audit->verdicts) {
      if (verdict.verdict == "supported") continue;
      if (verdict.verdict == "unsupported") types.insert("unsupported");
      reasons += "  " + verdict.verdict + ": " + verdict.claim;
      for (const auto& d : verdict.discrepancies) {
        reasons += " [" + d.type + "]";
        types.insert(d.type);
      }
      reasons += "\n";
    }
    const bool flagged = !reasons.empty();
    const bool consistent = item.value("consistent", true);
    Tally& tally = consistent ? faithful : slipped;
    ++tally.items;
    tally.flagged += flagged;
    if (consistent) {
      for (const auto& verdict : audit->verdicts) {
        if (verdict.verdict != "supported") ++verdicts_on_faithful[verdict.verdict];
      }
    } else {
      std::string error = item["error"].is_string() ? item["error"].get<std::string>() : "unlabelled";
      std::string type = error.substr(0, error.find(':'));
      ++by_error_type[type].items;
      by_error_type[type].flagged += flagged;
      by_error_type[type].named += types.count(type) > 0 ? 1 : 0;
    }
    if (show_misses && flagged == consistent) {
      std::printf("%s %s\n%s", consistent ? "FALSE FLAG" : "MISSED", id.c_str(), reasons.c_str());
      if (!consistent) std::printf("  planted: %s\n", item["error"].dump().c_str());
    }
  }

  auto rate = [](const Tally& t) { return t.items ? static_cast<double>(t.flagged) / t.items : 0.0; };
  std::printf("| summaries | items | flagged | rate |\n|---|---:|---:|---:|\n");
  std::printf("| inconsistent (detected) | %d | %d | %.3f |\n", slipped.items, slipped.flagged, rate(slipped));
  std::printf("| faithful (false flags) | %d | %d | %.3f |\n", faithful.items, faithful.flagged, rate(faithful));
  std::printf("\n| planted error | items | flagged | flagged as that type |\n|---|---:|---:|---:|\n");
  for (const auto& [type, tally] : by_error_type) {
    std::printf("| %s | %d | %d | %d |\n", type.c_str(), tally.items, tally.flagged, tally.named);
  }
  if (!verdicts_on_faithful.empty()) {
    std::printf("\nverdicts behind false flags:");
    for (const auto& [verdict, count] : verdicts_on_faithful) std::printf(" %s %d", verdict.c_str(), count);
    std::printf("\n");
  }
  bool ok = rate(slipped) >= min_detected && rate(faithful) <= max_false_flags;
  if (!ok) std::printf("\nFAIL: detected %.3f (min %.3f), false flags %.3f (max %.3f)\n", rate(slipped), min_detected,
                       rate(faithful), max_false_flags);
  return ok ? 0 : 1;
}
