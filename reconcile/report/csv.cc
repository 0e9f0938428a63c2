#include "reconcile/report/csv.h"

#include "reconcile/report/report_form.h"

#include <string>
#include <vector>
#include <string_view>

namespace concord::reconcile {
namespace {

constexpr std::string_view kHeader =
    "fact_id,status,score,independent_sources,relation,subject,counterparty,object,value,time,"
    "discrepancies,stance,claim_id,source,published,article,url,quote";

// C0 controls and DEL are never wanted in a cell; C1 controls (U+0080..U+009F, two bytes in
// UTF-8) neither: a terminal or an old spreadsheet may act on them.
std::string WithoutControls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7f) {
      out += ' ';
    } else if (byte == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      out += ' ';
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

void AppendRow(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += fields[i];
  }
  out += "\r\n";
}

// The fact's discrepancies in one cell: "value (high): 4.2 bn vs 4.8 bn; date (low): ...".
std::string DiscrepancyText(const ReportFact& fact) {
  std::string text;
  for (const auto& discrepancy : fact.discrepancies) {
    if (!text.empty()) text += "; ";
    text += discrepancy.type + " (" + discrepancy.severity + "): " + discrepancy.detail;
  }
  return text;
}

}  // namespace

std::string CsvField(std::string_view text) {
  std::string cell = WithoutControls(text);
  // Checked on the raw text: a tab or CR that opens a cell is a formula trigger too.
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                        text[0] == '\r')) {
    cell.insert(cell.begin(), '\'');
  }
  if (cell.find_first_of(",\"\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string RenderCsv(const Report& report) {
  std::string out;
  out += kHeader;
  out += "\r\n";
  for (const auto& fact : report.facts) {
    // A stance is per claim; the timeline marks where a claim moved the figure.
    const std::string discrepancies = CsvField(DiscrepancyText(fact));
    const std::vector<std::string> fact_fields = {
        CsvField(FactId(fact.key)), CsvField(fact.status),       CsvField(std::to_string(fact.score)),
        CsvField(std::to_string(fact.independent_sources)),             CsvField(fact.relation),
        CsvField(fact.subject),            CsvField(fact.counterparty), CsvField(fact.object),
        CsvField(fact.value_text),         CsvField(fact.time_text),    discrepancies};
    for (const auto& claim : fact.claims) {
      std::vector<std::string> row = fact_fields;
      row.push_back(CsvField(claim.stance));
      row.push_back(CsvField(std::to_string(claim.id)));
      row.push_back(CsvField(claim.source));
      row.push_back(CsvField(claim.published));
      row.push_back(CsvField(claim.article));
      row.push_back(CsvField(claim.url));
      row.push_back(CsvField(claim.quote));
      AppendRow(out, row);
    }
  }
  return out;
}

}  // namespace concord::reconcile
