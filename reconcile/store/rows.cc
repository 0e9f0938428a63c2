// Loading stored rows: claims with their article and source, articles, sketches.

#include <nlohmann/json.hpp>

#include "reconcile/store/store_impl.h"

namespace concord::reconcile {

std::string TermOf(const std::string& terms, const std::string& name) {
  // Most claims have no terms, and most terms not this one: no parse for them.
  if (terms.empty() || terms.find('"' + name + '"') == std::string::npos) return "";
  nlohmann::json parsed = nlohmann::json::parse(terms, nullptr, false);
  if (parsed.is_object() && parsed.contains(name) && parsed[name].is_string()) return parsed[name];
  return "";
}

std::string TrancheOf(const std::string& terms) { return TermOf(terms, "tranche"); }


std::vector<ClaimRow> LoadClaimRows(sql::Connection& db, const std::string& where, bool with_text) {
  std::vector<ClaimRow> rows;
  ForEachClaimRow(db, "", where, "c.id", with_text, [&](ClaimRow& row) { rows.push_back(std::move(row)); });
  return rows;
}

void ForEachClaimRow(sql::Connection& db, const std::string& from, const std::string& where, const std::string& order_by,
                     bool with_text, const std::function<void(ClaimRow&)>& each) {
  // Without text, the quote is still read for a claim with a figure: its update cues
  // (reconcile/facts.h, CuesOf) come from it.
  const std::string text_columns =
      with_text ? "c.quote, c.span_begin, c.span_end, c.confidence, coalesce(a.published, ''), coalesce(a.url, '')"
                : "CASE WHEN c.value_kind = 'none' THEN '' ELSE c.quote END, c.span_begin, c.span_end, c.confidence, "
                  "coalesce(a.published, ''), ''";
  sql::Statement select(db, R"sql(
    SELECT c.id, c.article_id, a.name, a.source_id, s.name, c.relation,
           coalesce(c.subject_id, ''), coalesce(c.subject, ''), coalesce(c.counterparty_id, ''),
           coalesce(c.counterparty, ''), coalesce(c.object_id, ''), coalesce(c.object, ''),
           c.value_kind, coalesce(c.value_low, 0), coalesce(c.value_high, 0), coalesce(c.currency, ''),
           coalesce(c.qualifier, ''), coalesce(c.value_per, ''), c.exclusive, coalesce(c.terms, ''), coalesce(c.time_start, ''),
           coalesce(c.time_end, ''), coalesce(c.time_precision, ''), coalesce(c.time_boundary, ''),
           c.polarity, c.modality, coalesce(c.condition, ''), )sql" + text_columns + R"sql(
    FROM )sql" + (from.empty() ? std::string("claims c") : from) + R"sql( JOIN articles a ON a.id = c.article_id JOIN sources s ON s.id = a.source_id
    )sql" + (where.empty() ? "" : "WHERE " + where) + " ORDER BY " + order_by);
  while (select.Step()) {
    ClaimRow row;
    int column = 0;
    row.id = select.Int64(column++);
    row.article_id = select.Int64(column++);
    row.article = select.Text(column++);
    row.source_id = select.Int64(column++);
    row.source = select.Text(column++);
    row.relation = select.Text(column++);
    row.subject_id = select.Text(column++);
    row.subject = select.Text(column++);
    row.counterparty_id = select.Text(column++);
    row.counterparty = select.Text(column++);
    row.object_id = select.Text(column++);
    row.object = select.Text(column++);
    row.value_kind = select.Text(column++);
    row.low = select.Double(column++);
    row.high = select.Double(column++);
    row.currency = select.Text(column++);
    row.qualifier = select.Text(column++);
    row.per = select.Text(column++);
    if (!select.IsNull(column)) row.exclusive = select.Int64(column) != 0;
    ++column;
    row.terms = select.Text(column++);
    row.tranche = TrancheOf(row.terms);
    row.frame = row.terms.find("\"trigger\"") != std::string::npos;
    row.measure = TermOf(row.terms, "measure") == "yes";
    row.time_start = select.Text(column++);
    row.time_end = select.Text(column++);
    row.time_precision = select.Text(column++);
    row.time_boundary = select.Text(column++);
    row.polarity = select.Text(column++);
    row.modality = select.Text(column++);
    row.condition = select.Text(column++);
    row.quote = select.Text(column++);
    row.span = {static_cast<std::size_t>(select.Int64(column)),
                static_cast<std::size_t>(select.Int64(column + 1))};
    column += 2;
    row.confidence = select.Double(column++);
    row.published = select.Text(column++);
    row.url = select.Text(column++);
    each(row);
  }
}


std::vector<ArticleRow> LoadArticleRows(sql::Connection& db) {
  std::vector<ArticleRow> rows;
  sql::Statement select(db, "SELECT id, key, source_id, derived_from FROM articles ORDER BY id");
  while (select.Step()) {
    ArticleRow row;
    row.id = select.Int64(0);
    row.key = select.Text(1);
    row.source_id = select.Int64(2);
    if (!select.IsNull(3)) row.derived_from = select.Text(3);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::map<std::int64_t, std::string> LoadSketches(sql::Connection& db) {
  std::map<std::int64_t, std::string> sketches;
  sql::Statement select(db, "SELECT id, sketch FROM articles");
  while (select.Step()) {
    sketches[select.Int64(0)] = select.Blob(1);
  }
  return sketches;
}

}  // namespace concord::reconcile
