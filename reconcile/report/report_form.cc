// What the report renderers share: fact titles and ids, status counts, the filter line.

#include "reconcile/report/report_form.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>

namespace concord::reconcile {

std::string FactId(const std::string& key) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size())));
  return buffer;
}

std::string FactTitle(const ReportFact& fact) {
  std::string parties = fact.subject.empty() ? "?" : fact.subject;
  if (!fact.counterparty.empty()) parties += " → " + fact.counterparty;
  if (!fact.object.empty()) parties += " (" + fact.object + ")";
  std::string title = fact.relation + ": " + parties;
  if (!fact.value_text.empty()) title += " — " + fact.value_text;
  if (!fact.time_text.empty()) title += ", " + fact.time_text;
  return title;
}

StatusCounts CountStatuses(const Report& report) {
  StatusCounts counts;
  for (const ReportFact& fact : report.facts) {
    if (fact.status == "disputed") ++counts.disputed;
    if (fact.status == "corroborated") ++counts.corroborated;
    if (fact.status == "single_source") ++counts.single_source;
  }
  return counts;
}

std::vector<DistinctDiscrepancy> DistinctDiscrepancies(const ReportFact& fact) {
  std::vector<DistinctDiscrepancy> distinct;
  for (const ReportDiscrepancy& d : fact.discrepancies) {
    auto same = std::find_if(distinct.begin(), distinct.end(), [&](const DistinctDiscrepancy& seen) {
      return seen.discrepancy->type == d.type && seen.discrepancy->severity == d.severity &&
             seen.discrepancy->detail == d.detail;
    });
    if (same == distinct.end()) {
      distinct.push_back({&d, 1});
    } else {
      ++same->accounts;
    }
  }
  return distinct;
}

bool IsWebUrl(std::string_view url) {
  auto starts = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
    }
    return true;
  };
  return starts("https://") || starts("http://");
}

std::string FilterLine(const ReportFilter& filter) {
  std::vector<std::string> parts;
  if (!filter.entity.empty()) parts.push_back("entity " + filter.entity);
  if (!filter.relation.empty()) parts.push_back("relation " + filter.relation);
  if (!filter.since.empty()) parts.push_back("since " + filter.since);
  if (!filter.until.empty()) parts.push_back("until " + filter.until);
  if (filter.conflicts_only) parts.push_back("conflicts only");
  std::string line;
  for (const std::string& part : parts) line += (line.empty() ? "" : " · ") + part;
  return line;
}

}  // namespace concord::reconcile
