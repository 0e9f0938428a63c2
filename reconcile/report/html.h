#pragma once
// Reports as HTML.

#include <string>

#include "reconcile/report/report.h"

namespace concord::reconcile {

// One self-contained HTML page (inline CSS and SVG, no script, nothing fetched): the facts
// with score bars and the discrepancies marked in their quotes, a timeline chart per entity,
// and the source tables with the agreement matrix as a heatmap. Every text is escaped.
std::string RenderHtml(const Report& report);
// The source audit as one such page: trust, agreement heatmap, syndicated copies.
std::string RenderAuditHtml(const Report& report);

}  // namespace concord::reconcile
