#pragma once
// reconcile: the fact store (SQLite), facts from claims, typed discrepancies, source
// independence, scores, and the report and JSON output built from them.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corpus/corpus.h"
#include "corpus/status.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

namespace concord::reconcile {

// One article and what was extracted from it, ready to store.
struct ExtractedArticle {
  corpus::Article article;
  extract::Extraction extraction;
};

struct BatchStats {
  std::size_t added = 0;      // articles new to the store
  std::size_t replaced = 0;   // articles whose content changed: old claims replaced
  std::size_t unchanged = 0;  // same id and hash: nothing written
  std::size_t claims = 0;     // claims written
  std::size_t mentions = 0;   // mentions written
  bool operator==(const BatchStats&) const = default;
};

struct ReconcileStats {
  std::size_t facts = 0;
  std::size_t discrepancies = 0;
  std::size_t corroborated = 0;
  std::size_t disputed = 0;
  std::size_t single_source = 0;
  bool operator==(const ReconcileStats&) const = default;
};

// What a report shows; filled from the store by LoadReport().
struct ReportClaim {
  std::int64_t id = 0;
  std::string article;   // Article::name
  std::string source;
  std::string published;
  std::string url;
  std::string quote;
  extract::Span span;
  std::string stance;    // "supports" | "contradicts"
  std::string summary;   // one line: "Amazon invest OpenAI up to USD 50 bn (2026-02)"
  std::string title;     // the article's title; empty when unknown
  // The parts of `quote` a discrepancy of the fact is about (the differing figure, date,
  // party or words), as byte ranges into `quote`: sorted, disjoint, on UTF-8 boundaries.
  std::vector<extract::Span> highlights;
  bool operator==(const ReportClaim&) const = default;
};

struct ReportDiscrepancy {
  std::string type;      // value, magnitude, hedge_lost, date, boundary, direction, polarity, condition, entity
  std::string severity;  // high, medium, low
  std::string detail;    // one line a reader understands
  std::int64_t claim_a = 0;
  std::int64_t claim_b = 0;
  bool operator==(const ReportDiscrepancy&) const = default;
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

struct ClaimFilter {
  std::string entity;
  std::string relation;
};

// The audit of a derived text (a summary, a digest) against the articles it rests on
// (DESIGN.md, `concord audit summary`).
struct AuditEvidence {
  std::string file;   // Article::name
  std::string quote;
  extract::Span span;
  bool operator==(const AuditEvidence&) const = default;
};

struct AuditVerdict {
  std::string relation;
  std::string quote;     // the summary's sentence
  extract::Span span;    // in the summary's stored text
  std::string claim;     // one line: "Amazon invest OpenAI USD 50 bn (2026-02)"
  std::string verdict;   // supported | contradicted | overstated | unsupported
  std::vector<ReportDiscrepancy> discrepancies;
  std::vector<AuditEvidence> evidence;
  bool operator==(const AuditVerdict&) const = default;
};

struct AuditOmission {
  std::string relation;
  std::string quote;
  std::string file;
  std::string claim;  // one line, as in AuditVerdict
  bool operator==(const AuditOmission&) const = default;
};

// Two claims of the summary that contradict each other.
struct AuditConflict {
  std::string claim_a, claim_b;  // one line each
  std::string quote_a, quote_b;
  std::vector<ReportDiscrepancy> discrepancies;
  bool operator==(const AuditConflict&) const = default;
};

struct SummaryAudit {
  std::string file;               // the summary's Article::name
  std::size_t claims = 0;         // claims of the summary that were judged
  int independent_sources = 0;    // independence groups among the articles audited against
  std::vector<AuditVerdict> verdicts;        // in the summary's text order
  std::vector<AuditOmission> omissions;      // source claims the summary does not carry
  std::vector<AuditConflict> internal_conflicts;
  bool operator==(const SummaryAudit&) const = default;
};

// A user's prior trust in a source (SCORING.md: truth discovery starts from it).
struct SourcePrior {
  std::string source;  // as articles name it ("Reuters", "example-news.com")
  double prior = 0.7;  // 0..1
  bool operator==(const SourcePrior&) const = default;
};

// Reads a priors file: one `source<TAB>prior` per line, prior a number in [0, 1]; blank lines
// and lines starting with `#` are skipped. Fails naming file:line on a malformed line or a
// source named twice.
Result<std::vector<SourcePrior>> ReadSourcePriors(const std::filesystem::path& file);

// The fact store. One SQLite file (WAL, foreign keys on), schema versioned with
// PRAGMA user_version and migrated on Open().
class Store {
 public:
  // Opens or creates the database. Fails with kEnvironment when it cannot be written,
  // is locked past `busy_timeout_ms`, or is not a Concord database.
  static Result<Store> Open(const std::filesystem::path& path, int busy_timeout_ms = 5000);
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // True when the store holds article `id` with this content hash (ingest skips it).
  Result<bool> IsUnchanged(const std::string& id, std::uint64_t content_hash);

  // Writes a batch in one transaction: new articles are added, changed ones replace their
  // old mentions and claims. On failure nothing of the batch is written.
  Result<BatchStats> WriteBatch(const std::vector<ExtractedArticle>& batch);

  // Sets the prior trust of the named sources, in one transaction, creating sources not seen
  // yet; other sources keep theirs. Returns how many priors changed. Takes effect at the next
  // Reconcile().
  Result<std::size_t> SetSourcePriors(const std::vector<SourcePrior>& priors);

  // Brings facts, discrepancies, independence clusters and scores up to date with the stored
  // claims, in one transaction. Only facts that what changed since the last run can reach are
  // rebuilt; trust and scores are recomputed over the whole store. Deterministic: the same
  // claims give the same facts and scores, whatever order the articles arrived in. With
  // `everything`, every fact and every syndication pair is rebuilt (after an upgrade).
  Result<ReconcileStats> Reconcile(const normalize::EntityTable& entities, bool everything = false);

  Result<Report> LoadReport(const ReportFilter& filter, const normalize::EntityTable& entities);

  // Stored claims as JSON objects (one string each), in article and text order.
  Result<std::vector<std::string>> QueryClaims(const ClaimFilter& filter, const normalize::EntityTable& entities);

  // Audits the stored article `summary_key` (Article::id) against every other stored
  // article: a verdict per claim, omissions, internal conflicts. Reads only.
  Result<SummaryAudit> AuditSummary(const std::string& summary_key, const normalize::EntityTable& entities);

  std::filesystem::path path() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

std::string RenderMarkdown(const Report& report);
std::string RenderJson(const Report& report);  // DESIGN.md's report contract, pretty-printed
// The source audit: trust, agreement matrix and syndicated copies, without the facts.
std::string RenderAuditMarkdown(const Report& report);
std::string RenderAuditJson(const Report& report);
// One self-contained HTML page (inline CSS and SVG, no script, nothing fetched): the facts
// with score bars and the discrepancies marked in their quotes, a timeline chart per entity,
// and the source tables with the agreement matrix as a heatmap. Every text is escaped.
std::string RenderHtml(const Report& report);
// The source audit as one such page: trust, agreement heatmap, syndicated copies.
std::string RenderAuditHtml(const Report& report);

// The summary audit without a database: stores `summary` and `sources` in a private
// in-memory store and audits there. An article of `sources` with the summary's id is skipped.
Result<SummaryAudit> AuditSummary(const ExtractedArticle& summary, const std::vector<ExtractedArticle>& sources,
                                  const normalize::EntityTable& entities);
std::string RenderSummaryAuditJson(const SummaryAudit& audit);  // DESIGN.md's audit summary contract
std::string RenderSummaryAuditMarkdown(const SummaryAudit& audit);

// JSON lines for `concord extract --jsonl` (DESIGN.md): one per mention and per claim.
std::string MentionJsonLine(const extract::Mention& mention, const corpus::Article& article);
std::string ClaimJsonLine(const extract::Claim& claim, const corpus::Article& article);

// Short human forms: "up to USD 50 bn", "approximately 27%", "2026-02".
std::string AmountText(const extract::Amount& amount, extract::ValueKind kind);
std::string DateText(const extract::DateValue& date);

}  // namespace concord::reconcile
