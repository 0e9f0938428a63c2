#pragma once
// The report as CSV for spreadsheets (`concord report --format csv`): one row per claim of
// each fact, the fact's columns repeated on each of its rows, so a sheet filters and pivots
// without joins. RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
// comma, quote or line break.

#include <string>

#include "reconcile/report/report.h"

namespace concord::reconcile {

std::string RenderCsv(const Report& report);

// One CSV field, safe for a spreadsheet: control characters become spaces, and a cell that a
// spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading
// apostrophe, so article text can never become a formula (CSV injection).
std::string CsvField(std::string_view text);

}  // namespace concord::reconcile
