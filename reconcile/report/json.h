#pragma once
// Reports as JSON: DESIGN.md's contracts, pretty-printed (the report's is described by
// reconcile/report/report.schema.json).

#include <string>

#include "reconcile/audit/audit.h"
#include "reconcile/report/report.h"

namespace concord::reconcile {

std::string RenderJson(const Report& report);
// The source audit: trust, agreement matrix and syndicated copies, without the facts.
std::string RenderAuditJson(const Report& report);
std::string RenderSummaryAuditJson(const SummaryAudit& audit);  // DESIGN.md's audit summary contract

}  // namespace concord::reconcile
