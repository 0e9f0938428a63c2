// `concord report --format csv`: one row per claim of each fact, RFC 4180 quoting that a
// parser reads back to the same fields, and article text that can never become a spreadsheet
// formula or carry control characters.

#include <string>
#include <vector>

#include "reconcile/report/csv.h"
#include "reconcile/report/report_form.h"
#include "testing.h"

namespace concord::reconcile {
namespace {

// A plain RFC 4180 reader: rows of fields, CRLF line ends, "" inside quotes.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  rows.pop_back();  // after the last CRLF
  return rows;
}

ReportClaim Claim(std::int64_t id, std::string source, std::string stance, std::string quote) {
  ReportClaim claim;
  claim.id = id;
  claim.source = std::move(source);
  claim.stance = std::move(stance);
  claim.quote = std::move(quote);
  claim.article = "a" + std::to_string(id) + ".md";
  claim.published = "2026-05-04";
  return claim;
}

Report TwoFacts() {
  Report report;
  ReportFact disputed;
  disputed.key = "invest|brackenridge|quillon";
  disputed.relation = "invest";
  disputed.subject = "Brackenridge Foods, Inc.";
  disputed.counterparty = "Quillon \"Q\" Labs";
  disputed.value_text = "up to USD 7 bn";
  disputed.time_text = "2026-05";
  disputed.status = "disputed";
  disputed.score = 41;
  disputed.independent_sources = 2;
  disputed.discrepancies.push_back({"value", "high", "USD 7 bn vs USD 9 bn", 1, 2});
  disputed.claims.push_back(Claim(1, "Ledger Line", "supports", "It will invest up to $7bn,\nthe firms said."));
  disputed.claims.push_back(Claim(2, "=HYPERLINK(\"http://x\")", "contradicts", "@SUM(A1) and -1+2"));
  ReportFact single;
  single.key = "revenue|tamsin";
  single.relation = "revenue";
  single.subject = "Tamsin Rail";
  single.status = "single_source";
  single.claims.push_back(Claim(3, "Wire\x1b]0;title\x07Nine", "supports", "Revenue was \xc2\x9b$3.4bn."));
  report.facts = {disputed, single};
  return report;
}

TEST_CASE("report csv: a header and one row per claim of each fact, fact columns repeated") {
  const auto rows = ParseCsv(RenderCsv(TwoFacts()));
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].front() == "fact_id");
  CHECK(rows[0].back() == "quote");
  for (const auto& row : rows) CHECK(row.size() == rows[0].size());
  // The fact id is the JSON report's (FactId of the key), so the two formats join.
  CHECK(rows[1][0] == FactId("invest|brackenridge|quillon"));
  CHECK(rows[2][0] == rows[1][0]);
  CHECK(rows[3][0] == FactId("revenue|tamsin"));
  CHECK(rows[3][0] != rows[1][0]);
  CHECK(rows[1][1] == "disputed");
  CHECK(rows[1][4] == "invest");
  CHECK(rows[1][5] == "Brackenridge Foods, Inc.");
  CHECK(rows[1][6] == "Quillon \"Q\" Labs");
  CHECK(rows[1][8] == "up to USD 7 bn");
  CHECK(rows[1][10] == "value (high): USD 7 bn vs USD 9 bn");
  CHECK(rows[1][11] == "supports");
  CHECK(rows[2][11] == "contradicts");
}

TEST_CASE("report csv: a cell a spreadsheet would run as a formula starts with an apostrophe") {
  const auto rows = ParseCsv(RenderCsv(TwoFacts()));
  CHECK(rows[2][13] == "'=HYPERLINK(\"http://x\")");
  CHECK(rows[2][17] == "'@SUM(A1) and -1+2");
  CHECK(CsvField("-5") == "'-5");
  CHECK(CsvField("+44 20") == "'+44 20");
  CHECK(CsvField("plain") == "plain");
}

TEST_CASE("report csv: line breaks stay inside a quoted cell; control characters become spaces") {
  const auto rows = ParseCsv(RenderCsv(TwoFacts()));
  CHECK(rows[1][17] == "It will invest up to $7bn, the firms said.");
  CHECK(rows[3][13] == "Wire ]0;title Nine");
  CHECK(rows[3][17] == "Revenue was  $3.4bn.");
}

TEST_CASE("report csv: an empty report is the header line alone") {
  CHECK(RenderCsv(Report{}) ==
        "fact_id,status,score,independent_sources,relation,subject,counterparty,object,value,time,"
        "discrepancies,stance,claim_id,source,published,article,url,quote\r\n");
}

}  // namespace
}  // namespace concord::reconcile
