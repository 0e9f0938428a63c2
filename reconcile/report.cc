// Reports from the store: loading (filters, stances, source and agreement tables) and
// rendering as Markdown (readable at 100 columns) and JSON (DESIGN.md's contract).

#include <xxhash.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "reconcile/facts.h"
#include "reconcile/store_impl.h"

namespace concord::reconcile {
namespace {

int StatusRank(const std::string& status) {
  if (status == "disputed") return 0;
  if (status == "corroborated") return 1;
  return 2;
}

std::string FactId(const std::string& key) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size())));
  return buffer;
}

std::string DisplayName(const normalize::EntityTable& entities, const std::string& id, const std::string& surface) {
  if (id.empty()) return surface;
  const normalize::Entity* entity = entities.FindById(id);
  return entity ? entity->name : surface;
}

// A string field, or "" when it is absent or null.
std::string Field(const nlohmann::json& object, const char* key) {
  auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

std::string ValueLine(const nlohmann::json& value) {
  if (value.is_null()) return "";
  extract::Amount amount;
  amount.low = value.value("low", 0.0);
  amount.high = value.value("high", 0.0);
  amount.currency = Field(value, "currency");
  amount.qualifier = QualifierFromName(Field(value, "qualifier"));
  return AmountText(amount, ValueKindFromName(Field(value, "kind")));
}

std::string TimeLine(const nlohmann::json& time) {
  if (time.is_null()) return "";
  extract::DateValue date;
  date.start = Field(time, "start");
  date.end = Field(time, "end");
  std::string precision = Field(time, "precision");
  for (extract::Precision p : {extract::Precision::kDay, extract::Precision::kWeek, extract::Precision::kMonth,
                               extract::Precision::kQuarter, extract::Precision::kHalf, extract::Precision::kYear,
                               extract::Precision::kDecade}) {
    if (precision == extract::PrecisionName(p)) date.precision = p;
  }
  std::string boundary = Field(time, "boundary");
  for (extract::Boundary b : {extract::Boundary::kThrough, extract::Boundary::kUntil, extract::Boundary::kBefore,
                              extract::Boundary::kBy, extract::Boundary::kAfter, extract::Boundary::kSince,
                              extract::Boundary::kRange}) {
    if (boundary == extract::BoundaryName(b)) date.boundary = b;
  }
  return DateText(date);
}

}  // namespace

Result<Report> Store::LoadReport(const ReportFilter& filter, const normalize::EntityTable& entities) {
  Report report;
  SQLite::Database& db = *impl_->db;
  try {
    std::string entity_id;
    if (!filter.entity.empty()) {
      const normalize::Entity* entity = entities.Find(filter.entity);
      entity_id = entity ? entity->id : normalize::CanonicalKey(filter.entity);
    }
    std::vector<ClaimRow> rows = LoadClaimRows(db);
    std::map<std::int64_t, const ClaimRow*> row_by_id;
    for (const ClaimRow& row : rows) row_by_id[row.id] = &row;
    std::map<std::int64_t, std::vector<const ClaimRow*>> claims_by_fact;
    {
      SQLite::Statement select(db, "SELECT id, fact_id FROM claims WHERE fact_id IS NOT NULL ORDER BY id");
      while (select.executeStep()) {
        claims_by_fact[select.getColumn(1).getInt64()].push_back(row_by_id[select.getColumn(0).getInt64()]);
      }
    }
    std::map<std::int64_t, std::vector<ReportDiscrepancy>> discrepancies_by_fact;
    {
      SQLite::Statement select(db, "SELECT fact_id, type, severity, detail, claim_a, claim_b FROM discrepancies ORDER BY id");
      while (select.executeStep()) {
        discrepancies_by_fact[select.getColumn(0).getInt64()].push_back(
            {select.getColumn(1).getString(), select.getColumn(2).getString(), select.getColumn(3).getString(),
             select.getColumn(4).getInt64(), select.getColumn(5).getInt64()});
      }
    }
    // Per source: claims, in corroborated facts, contradicting, alone on a fact.
    std::map<std::string, ReportSource> sources;
    std::map<std::pair<std::string, std::string>, ReportAgreement> agreement;

    SQLite::Statement select(db, R"sql(
      SELECT id, key, relation, coalesce(subject_id, ''), coalesce(counterparty_id, ''), coalesce(object_id, ''),
             value, time, status, score, independent_sources, coalesce(explanation, '')
      FROM facts ORDER BY id)sql");
    while (select.executeStep()) {
      ReportFact fact;
      std::int64_t row_id = select.getColumn(0).getInt64();
      fact.key = select.getColumn(1).getString();
      fact.relation = select.getColumn(2).getString();
      std::string subject_id = select.getColumn(3).getString();
      std::string counterparty_id = select.getColumn(4).getString();
      std::string object_id = select.getColumn(5).getString();
      fact.value_json = select.getColumn(6).getString();
      fact.time_json = select.getColumn(7).getString();
      fact.status = select.getColumn(8).getString();
      fact.score = select.getColumn(9).getInt();
      fact.independent_sources = select.getColumn(10).getInt();
      fact.explanation = select.getColumn(11).getString();
      const std::vector<const ClaimRow*>& members = claims_by_fact[row_id];
      if (members.empty()) continue;
      const ClaimRow& first = *members.front();
      fact.subject = DisplayName(entities, subject_id, first.subject);
      fact.counterparty = DisplayName(entities, counterparty_id, first.counterparty);
      fact.object = DisplayName(entities, object_id, first.object);
      nlohmann::json value = nlohmann::json::parse(fact.value_json, nullptr, false);
      nlohmann::json time = nlohmann::json::parse(fact.time_json, nullptr, false);
      fact.value_text = ValueLine(value);
      fact.time_text = TimeLine(time);
      fact.discrepancies = discrepancies_by_fact[row_id];
      std::set<std::int64_t> contradicting;
      for (const ReportDiscrepancy& d : fact.discrepancies) {
        if (d.severity != "low") contradicting.insert(d.claim_b);
      }
      for (const ClaimRow* claim : members) {
        ReportClaim view;
        view.id = claim->id;
        view.article = claim->article;
        view.source = claim->source;
        view.published = claim->published;
        view.url = claim->url;
        view.quote = claim->quote;
        view.span = claim->span;
        view.stance = contradicting.count(claim->id) ? "contradicts" : "supports";
        fact.claims.push_back(std::move(view));
      }
      // Filters.
      if (!filter.relation.empty() && fact.relation != filter.relation) continue;
      if (filter.conflicts_only && fact.status != "disputed") continue;
      if (!entity_id.empty()) {
        bool involved = false;
        for (const std::string& id : {subject_id, counterparty_id, object_id}) {
          if (!id.empty() && (id == entity_id || entities.IsWithin(id, entity_id))) involved = true;
        }
        if (!involved) continue;
      }
      std::string start = time.is_object() ? Field(time, "start") : "";
      if (start.empty() && time.is_object()) start = Field(time, "end");
      if (!filter.since.empty() && (start.empty() || start < filter.since)) continue;
      if (!filter.until.empty() && (start.empty() || start > filter.until)) continue;
      fact.id = row_id;
      // Source and agreement tables count what the report shows.
      std::map<std::string, std::string> stance_of_source;
      for (const ReportClaim& claim : fact.claims) {
        ReportSource& source = sources[claim.source];
        source.name = claim.source;
        ++source.claims;
        if (fact.status == "corroborated") ++source.corroborated;
        if (claim.stance == "contradicts") ++source.contradicted;
        auto [it, inserted] = stance_of_source.emplace(claim.source, claim.stance);
        if (!inserted && claim.stance == "contradicts") it->second = "contradicts";
      }
      if (stance_of_source.size() == 1) ++sources[stance_of_source.begin()->first].unique;
      for (auto a = stance_of_source.begin(); a != stance_of_source.end(); ++a) {
        for (auto b = std::next(a); b != stance_of_source.end(); ++b) {
          ReportAgreement& pair = agreement[{a->first, b->first}];
          pair.a = a->first;
          pair.b = b->first;
          ++pair.shared_facts;
          if (a->second == b->second) {
            ++pair.agree;
          } else {
            ++pair.conflict;
          }
        }
      }
      report.facts.push_back(std::move(fact));
    }
    std::stable_sort(report.facts.begin(), report.facts.end(), [](const ReportFact& a, const ReportFact& b) {
      if (StatusRank(a.status) != StatusRank(b.status)) return StatusRank(a.status) < StatusRank(b.status);
      if (a.score != b.score) return a.score > b.score;
      return a.key < b.key;
    });
    SQLite::Statement trust(db, "SELECT name, trust FROM sources ORDER BY name");
    while (trust.executeStep()) {
      std::string name = trust.getColumn(0).getString();
      ReportSource& source = sources[name];
      source.name = name;
      source.trust = trust.getColumn(1).getDouble();
    }
    for (auto& [name, source] : sources) report.sources.push_back(source);
    for (auto& [pair, row] : agreement) report.agreement.push_back(row);
    SQLite::Statement clusters(db, R"sql(
      SELECT c.cluster, a.name FROM clusters c JOIN articles a ON a.id = c.article_id ORDER BY c.cluster, a.name)sql");
    std::int64_t current = -1;
    while (clusters.executeStep()) {
      std::int64_t cluster = clusters.getColumn(0).getInt64();
      if (cluster != current) {
        report.clusters.emplace_back();
        current = cluster;
      }
      report.clusters.back().articles.push_back(clusters.getColumn(1).getString());
    }
  } catch (const std::exception& error) {
    return DatabaseError(impl_->path, error);
  }
  return report;
}

std::string RenderJson(const Report& report) {
  nlohmann::json json;
  json["facts"] = nlohmann::json::array();
  for (const ReportFact& fact : report.facts) {
    nlohmann::json claims = nlohmann::json::array();
    for (const ReportClaim& claim : fact.claims) {
      claims.push_back({{"article", claim.article}, {"source", claim.source},
                        {"published", claim.published.empty() ? nlohmann::json() : nlohmann::json(claim.published)},
                        {"url", claim.url.empty() ? nlohmann::json() : nlohmann::json(claim.url)},
                        {"quote", claim.quote}, {"span", {claim.span.begin, claim.span.end}}, {"stance", claim.stance}});
    }
    nlohmann::json discrepancies = nlohmann::json::array();
    for (const ReportDiscrepancy& d : fact.discrepancies) {
      discrepancies.push_back({{"type", d.type}, {"severity", d.severity}, {"detail", d.detail}});
    }
    auto name_or_null = [](const std::string& name) { return name.empty() ? nlohmann::json() : nlohmann::json(name); };
    json["facts"].push_back({{"id", FactId(fact.key)},
                             {"relation", fact.relation},
                             {"subject", name_or_null(fact.subject)},
                             {"counterparty", name_or_null(fact.counterparty)},
                             {"object", name_or_null(fact.object)},
                             {"value", nlohmann::json::parse(fact.value_json, nullptr, false)},
                             {"time", nlohmann::json::parse(fact.time_json, nullptr, false)},
                             {"status", fact.status},
                             {"score", fact.score},
                             {"independent_sources", fact.independent_sources},
                             {"explanation", fact.explanation},
                             {"claims", claims},
                             {"discrepancies", discrepancies}});
  }
  json["sources"] = nlohmann::json::array();
  for (const ReportSource& s : report.sources) {
    json["sources"].push_back({{"name", s.name}, {"trust", s.trust}, {"claims", s.claims},
                               {"corroborated", s.corroborated}, {"contradicted", s.contradicted}, {"unique", s.unique}});
  }
  json["agreement"] = nlohmann::json::array();
  for (const ReportAgreement& a : report.agreement) {
    json["agreement"].push_back({{"a", a.a}, {"b", a.b}, {"shared_facts", a.shared_facts}, {"agree", a.agree},
                                 {"conflict", a.conflict}});
  }
  json["clusters"] = nlohmann::json::array();
  for (const ReportCluster& c : report.clusters) json["clusters"].push_back({{"articles", c.articles}});
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

namespace {

constexpr std::size_t kColumns = 100;

// Appends `text` wrapped at kColumns, first line after `first_prefix`, later lines indented.
void Wrap(std::ostringstream& out, const std::string& first_prefix, const std::string& indent, const std::string& text) {
  std::string line = first_prefix;
  std::size_t visible = first_prefix.size();
  std::istringstream words(text);
  std::string word;
  bool line_has_word = false;
  while (words >> word) {
    std::size_t width = 0;
    for (unsigned char c : word) width += (c & 0xC0) != 0x80;  // count code points, not bytes
    if (line_has_word && visible + 1 + width > kColumns) {
      out << line << "\n";
      line = indent;
      visible = indent.size();
      line_has_word = false;
    }
    if (line_has_word) {
      line += ' ';
      ++visible;
    }
    line += word;
    visible += width;
    line_has_word = true;
  }
  out << line << "\n";
}

// Per-source trust, the pairwise agreement matrix and syndicated clusters.
void RenderSourceTables(const Report& report, std::ostringstream& out) {
  if (!report.sources.empty()) {
    out << "\n## Sources\n\n| source | trust | claims | corroborated | contradicted | unique |\n|---|---:|---:|---:|---:|---:|\n";
    for (const ReportSource& s : report.sources) {
      char trust[16];
      std::snprintf(trust, sizeof trust, "%.2f", s.trust);
      out << "| " << s.name << " | " << trust << " | " << s.claims << " | " << s.corroborated << " | " << s.contradicted
          << " | " << s.unique << " |\n";
    }
  }
  if (!report.agreement.empty()) {
    out << "\n## Agreement between sources\n\n| a | b | shared facts | agree | conflict |\n|---|---|---:|---:|---:|\n";
    for (const ReportAgreement& a : report.agreement) {
      out << "| " << a.a << " | " << a.b << " | " << a.shared_facts << " | " << a.agree << " | " << a.conflict << " |\n";
    }
  }
  if (!report.clusters.empty()) {
    out << "\n## Syndicated copies (count once)\n\n";
    for (const ReportCluster& cluster : report.clusters) {
      std::string line;
      for (const std::string& article : cluster.articles) line += (line.empty() ? "" : ", ") + article;
      Wrap(out, "- ", "  ", line);
    }
  }
}

std::string Title(const ReportFact& fact) {
  std::string parties = fact.subject.empty() ? "?" : fact.subject;
  if (!fact.counterparty.empty()) parties += " → " + fact.counterparty;
  if (!fact.object.empty()) parties += " (" + fact.object + ")";
  std::string title = fact.relation + ": " + parties;
  if (!fact.value_text.empty()) title += " — " + fact.value_text;
  if (!fact.time_text.empty()) title += ", " + fact.time_text;
  return title;
}

}  // namespace

std::string RenderMarkdown(const Report& report) {
  std::ostringstream out;
  std::size_t disputed = 0, corroborated = 0, single = 0;
  for (const ReportFact& fact : report.facts) {
    if (fact.status == "disputed") ++disputed;
    if (fact.status == "corroborated") ++corroborated;
    if (fact.status == "single_source") ++single;
  }
  out << "# Concord reconciliation report\n\n";
  out << report.facts.size() << " facts: " << disputed << " disputed, " << corroborated << " corroborated, " << single
      << " single-source; " << report.sources.size() << " sources.\n";
  const char* sections[][2] = {{"disputed", "Disputed facts"}, {"corroborated", "Corroborated facts"},
                               {"single_source", "Single-source facts"}};
  for (const auto& section : sections) {
    bool header = false;
    for (const ReportFact& fact : report.facts) {
      if (fact.status != section[0]) continue;
      if (!header) {
        out << "\n## " << section[1] << "\n";
        header = true;
      }
      out << "\n";
      Wrap(out, "### ", "    ", Title(fact));
      Wrap(out, "", "", "Score " + std::to_string(fact.score) + "/100 · " + fact.status + " · " +
                            std::to_string(fact.independent_sources) + " independent source(s) · " + fact.explanation);
      for (const ReportDiscrepancy& d : fact.discrepancies) {
        Wrap(out, "- **" + d.type + "** (" + d.severity + "): ", "  ", d.detail);
      }
      for (const ReportClaim& claim : fact.claims) {
        std::string quote = claim.quote.size() > 280 ? claim.quote.substr(0, 277) + "…" : claim.quote;
        std::string where = claim.source + (claim.published.empty() ? "" : ", " + claim.published) + " (" + claim.article + ")";
        Wrap(out, "- " + claim.stance + " — ", "  ", where + ": \"" + quote + "\"");
      }
    }
  }
  RenderSourceTables(report, out);
  return out.str();
}

std::string RenderAuditMarkdown(const Report& report) {
  std::ostringstream out;
  out << "# Concord source audit\n\n" << report.sources.size() << " sources, " << report.agreement.size()
      << " pairs sharing facts, " << report.clusters.size() << " syndication cluster(s).\n";
  RenderSourceTables(report, out);
  return out.str();
}

std::string RenderAuditJson(const Report& report) {
  nlohmann::json json = nlohmann::json::parse(RenderJson(report));
  json.erase("facts");
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace concord::reconcile
