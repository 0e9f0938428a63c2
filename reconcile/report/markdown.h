#pragma once
// Reports as Markdown, readable at 100 columns.

#include <string>

#include "reconcile/audit/audit.h"
#include "reconcile/report/report.h"

namespace concord::reconcile {

std::string RenderMarkdown(const Report& report);
// The source audit: trust, agreement matrix and syndicated copies, without the facts.
std::string RenderAuditMarkdown(const Report& report);
std::string RenderSummaryAuditMarkdown(const SummaryAudit& audit);

}  // namespace concord::reconcile
