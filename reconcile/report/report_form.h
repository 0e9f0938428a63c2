#pragma once
// What the report renderers share (markdown.cc, json.cc, html.cc):
// fact titles and ids, status counts, the filter line. Internal to the stage.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "reconcile/report/report.h"

namespace concord::reconcile {

// Appends `text` wrapped at the Markdown width (100 columns): the first line after
// `first_prefix`, later lines after `indent`; a word longer than a line stands alone.
void WrapMarkdown(std::string& out, const std::string& first_prefix, const std::string& indent,
                  const std::string& text);

// "invest: Orbis Cloud → Veltrix Systems (chips) — up to USD 4 bn, 2026-03".
std::string FactTitle(const ReportFact& fact);

// The fact's public id: 16 hex digits of a hash of its key, stable across runs and stores.
std::string FactId(const std::string& key);

struct StatusCounts {
  std::size_t disputed = 0, corroborated = 0, single_source = 0;
};
StatusCounts CountStatuses(const Report& report);

// The fact's discrepancies with the same type, severity and detail told once, with how many
// accounts show each; in first-seen order.
struct DistinctDiscrepancy {
  const ReportDiscrepancy* discrepancy = nullptr;
  std::size_t accounts = 0;
};
std::vector<DistinctDiscrepancy> DistinctDiscrepancies(const ReportFact& fact);

// True for http:// and https:// URLs: only those become links (an article's metadata could
// carry `javascript:` or `data:`).
bool IsWebUrl(std::string_view url);

// "entity Orbis · relation invest · since 2026-01 · conflicts only"; empty when unfiltered.
std::string FilterLine(const ReportFilter& filter);

}  // namespace concord::reconcile
