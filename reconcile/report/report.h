#pragma once
// The report (DESIGN.md, `concord report`): facts with their supporting and contradicting
// claims, the source and agreement tables and the syndicated copies, loaded from a reconciled
// store. Renderers: reconcile/report/markdown.h, json.h, html.h.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "corpus/status.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "reconcile/discrepancy.h"
#include "reconcile/store/store.h"

namespace concord::reconcile {

// What a report shows; filled from the store by LoadReport().
struct ReportClaim {
  std::int64_t id = 0;
  std::string article;   // Article::name
  std::string source;
  std::string published;
  std::string url;
  std::string quote;
  extract::Span span;
  std::string stance;    // "supports" | "contradicts" | "update" (moved the fact's figure on its timeline)
  std::string summary;   // one line: "Amazon invest OpenAI up to USD 50 bn (2026-02)"
  std::string title;     // the article's title; empty when unknown
  // The parts of `quote` a discrepancy of the fact is about (the differing figure, date,
  // party or words), as byte ranges into `quote`: sorted, disjoint, on UTF-8 boundaries.
  std::vector<extract::Span> highlights;
  bool operator==(const ReportClaim&) const = default;
};

// One step of a fact whose figure moved over time (an offer raised, a forecast cut).
struct ReportStep {
  std::int64_t claim = 0;  // the claim that set this figure (ReportClaim::id)
  std::string published, article, source;
  std::string value_text;  // "USD 1.6 bn"
  bool update = false;     // false for the first step, where the figure began
  bool operator==(const ReportStep&) const = default;
};

struct ReportFact {
  std::int64_t id = 0;
  std::string key;
  std::string relation;
  std::string subject, counterparty, object;  // canonical names; empty when absent
  std::string value_json;  // {"kind":"money","low":…} or null
  std::string time_json;   // {"start":…,"end":…,"precision":…} or null
  std::string value_text;  // "up to USD 50 bn"
  std::string time_text;   // "2026-02"
  std::string status;      // corroborated | single_source | disputed
  int score = 0;           // 0..100
  int independent_sources = 0;
  std::string explanation;  // how the score came about, one line
  std::vector<ReportClaim> claims;
  std::vector<ReportDiscrepancy> discrepancies;
  std::string date;        // ISO date the timeline and --since/--until use: the start, else
                           // the end of `time`; empty when the fact is undated
  // When the figure moved over time: its steps in date order (the fact's value is the last);
  // empty otherwise. `claims` are then in date order too.
  std::vector<ReportStep> timeline;
  bool operator==(const ReportFact&) const = default;
};

struct ReportSource {
  std::string name;
  double trust = 0;
  int claims = 0, corroborated = 0, contradicted = 0, unique = 0;
  bool operator==(const ReportSource&) const = default;
};

struct ReportAgreement {
  std::string a, b;
  int shared_facts = 0, agree = 0, conflict = 0;
  bool operator==(const ReportAgreement&) const = default;
};

struct ReportCluster {
  std::vector<std::string> articles;  // syndicated copies of one text
  bool operator==(const ReportCluster&) const = default;
};

struct ReportFilter {
  std::string entity;    // a name or alias: facts where it plays any role
  std::string relation;
  std::string since, until;  // ISO dates on the fact's time
  bool conflicts_only = false;
};

// One entity's dated facts, for the timeline.
struct ReportTimeline {
  std::string entity;              // display name, as in ReportFact::subject
  std::vector<std::size_t> facts;  // indexes into Report::facts, by date (then as listed)
  bool operator==(const ReportTimeline&) const = default;
};

struct Report {
  std::vector<ReportFact> facts;  // disputed, corroborated, single_source; then score
  std::vector<ReportSource> sources;
  std::vector<ReportAgreement> agreement;
  std::vector<ReportCluster> clusters;
  std::vector<ReportTimeline> timelines;  // entities with dated facts, in name order
  ReportFilter filter;                    // what the report was asked for (shown in its header)
};

// The report of `store` as reconciled last (reconcile/reconcile.h), narrowed by `filter`.
// Fails with kUsage on a --since/--until that is not a date, kEnvironment on a database error.
Result<Report> LoadReport(Store& store, const ReportFilter& filter, const normalize::EntityTable& entities);

}  // namespace concord::reconcile
