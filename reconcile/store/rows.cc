// Loading stored rows: claims with their article and source, articles, sketches.

#include <nlohmann/json.hpp>

#include "reconcile/store/sqlite.h"

namespace concord::reconcile {

std::string TermOf(const std::string& terms, const std::string& name) {
  // Most claims have no terms, and most terms not this one: no parse for them.
  if (terms.empty() || terms.find('"' + name + '"') == std::string::npos) return "";
  nlohmann::json parsed = nlohmann::json::parse(terms, nullptr, false);
  if (parsed.is_object() && parsed.contains(name) && parsed[name].is_string()) return parsed[name];
  return "";
}

std::string TrancheOf(const std::string& terms) { return TermOf(terms, "tranche"); }


std::vector<ClaimRow> LoadClaimRows(SQLite::Database& db, const std::string& where, bool with_text) {
  std::vector<ClaimRow> rows;
  // Without text, the quote is still read for a claim with a figure: its update cues
  // (reconcile/facts.h, CuesOf) come from it.
  const std::string text_columns =
      with_text ? "c.quote, c.span_begin, c.span_end, c.confidence, coalesce(a.published, ''), coalesce(a.url, '')"
                : "CASE WHEN c.value_kind = 'none' THEN '' ELSE c.quote END, c.span_begin, c.span_end, c.confidence, "
                  "coalesce(a.published, ''), ''";
  SQLite::Statement select(db, R"sql(
    SELECT c.id, c.article_id, a.name, a.source_id, s.name, c.relation,
           coalesce(c.subject_id, ''), coalesce(c.subject, ''), coalesce(c.counterparty_id, ''),
           coalesce(c.counterparty, ''), coalesce(c.object_id, ''), coalesce(c.object, ''),
           c.value_kind, coalesce(c.value_low, 0), coalesce(c.value_high, 0), coalesce(c.currency, ''),
           coalesce(c.qualifier, ''), coalesce(c.value_per, ''), c.exclusive, coalesce(c.terms, ''), coalesce(c.time_start, ''),
           coalesce(c.time_end, ''), coalesce(c.time_precision, ''), coalesce(c.time_boundary, ''),
           c.polarity, c.modality, coalesce(c.condition, ''), )sql" + text_columns + R"sql(
    FROM claims c JOIN articles a ON a.id = c.article_id JOIN sources s ON s.id = a.source_id
    )sql" + (where.empty() ? "" : "WHERE " + where) + " ORDER BY c.id");
  while (select.executeStep()) {
    ClaimRow row;
    int column = 0;
    row.id = select.getColumn(column++).getInt64();
    row.article_id = select.getColumn(column++).getInt64();
    row.article = select.getColumn(column++).getString();
    row.source_id = select.getColumn(column++).getInt64();
    row.source = select.getColumn(column++).getString();
    row.relation = select.getColumn(column++).getString();
    row.subject_id = select.getColumn(column++).getString();
    row.subject = select.getColumn(column++).getString();
    row.counterparty_id = select.getColumn(column++).getString();
    row.counterparty = select.getColumn(column++).getString();
    row.object_id = select.getColumn(column++).getString();
    row.object = select.getColumn(column++).getString();
    row.value_kind = select.getColumn(column++).getString();
    row.low = select.getColumn(column++).getDouble();
    row.high = select.getColumn(column++).getDouble();
    row.currency = select.getColumn(column++).getString();
    row.qualifier = select.getColumn(column++).getString();
    row.per = select.getColumn(column++).getString();
    const SQLite::Column exclusive = select.getColumn(column++);
    if (!exclusive.isNull()) row.exclusive = exclusive.getInt() != 0;
    row.terms = select.getColumn(column++).getString();
    row.tranche = TrancheOf(row.terms);
    row.frame = row.terms.find("\"trigger\"") != std::string::npos;
    row.measure = TermOf(row.terms, "measure") == "yes";
    row.time_start = select.getColumn(column++).getString();
    row.time_end = select.getColumn(column++).getString();
    row.time_precision = select.getColumn(column++).getString();
    row.time_boundary = select.getColumn(column++).getString();
    row.polarity = select.getColumn(column++).getString();
    row.modality = select.getColumn(column++).getString();
    row.condition = select.getColumn(column++).getString();
    row.quote = select.getColumn(column++).getString();
    row.span = {static_cast<std::size_t>(select.getColumn(column).getInt64()),
                static_cast<std::size_t>(select.getColumn(column + 1).getInt64())};
    column += 2;
    row.confidence = select.getColumn(column++).getDouble();
    row.published = select.getColumn(column++).getString();
    row.url = select.getColumn(column++).getString();
    rows.push_back(std::move(row));
  }
  return rows;
}


std::vector<ArticleRow> LoadArticleRows(SQLite::Database& db) {
  std::vector<ArticleRow> rows;
  SQLite::Statement select(db, "SELECT id, key, source_id, derived_from FROM articles ORDER BY id");
  while (select.executeStep()) {
    ArticleRow row;
    row.id = select.getColumn(0).getInt64();
    row.key = select.getColumn(1).getString();
    row.source_id = select.getColumn(2).getInt64();
    if (!select.getColumn(3).isNull()) row.derived_from = select.getColumn(3).getString();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::map<std::int64_t, std::string> LoadSketches(SQLite::Database& db) {
  std::map<std::int64_t, std::string> sketches;
  SQLite::Statement select(db, "SELECT id, sketch FROM articles");
  while (select.executeStep()) {
    const SQLite::Column sketch = select.getColumn(1);
    sketches[select.getColumn(0).getInt64()] =
        std::string(static_cast<const char*>(sketch.getBlob()), static_cast<std::size_t>(sketch.getBytes()));
  }
  return sketches;
}

}  // namespace concord::reconcile
