// Reports as JSON (DESIGN.md's contracts; the report's is described by
// reconcile/report/report.schema.json): the report and the source audit streamed, the summary
// audit through nlohmann.

#include "reconcile/report/json.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string_view>

#include "reconcile/report/report_form.h"

namespace concord::reconcile {

namespace {

bool IsValidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

// A streaming writer for the report's JSON: two-space indent, one member or element per line,
// scalar pairs (spans) on one line, keys in the order written (DESIGN.md's). Building an
// nlohmann DOM of a 10,000-fact report and dumping it took 1.1 s; streaming takes a tenth.
class JsonWriter {
 public:
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  void Key(std::string_view key) {
    NextLine();
    Quoted(key);
    out_ += ": ";
    after_key_ = true;
  }
  void String(std::string_view text) {
    BeforeValue();
    Quoted(text);
  }
  void StringOrNull(std::string_view text) {
    if (text.empty()) {
      Raw("null");
    } else {
      String(text);
    }
  }
  void Int(long long value) { Raw(std::to_string(value)); }
  void Double(double value) { Raw(nlohmann::json(value).dump()); }  // shortest round-trip form
  void Pair(std::size_t a, std::size_t b) { Raw("[" + std::to_string(a) + ", " + std::to_string(b) + "]"); }
  // A value that is already JSON (the store's compact value and time objects).
  void Raw(std::string_view json) {
    BeforeValue();
    out_ += json;
  }
  std::string Take() { return std::move(out_) + "\n"; }

 private:
  struct Level {
    bool first = true;
  };
  void Open(char bracket) {
    BeforeValue();
    out_ += bracket;
    levels_.push_back({});
  }
  void Close(char bracket) {
    bool empty = levels_.back().first;
    levels_.pop_back();
    if (!empty) {
      out_ += '\n';
      out_.append(2 * levels_.size(), ' ');
    }
    out_ += bracket;
  }
  void NextLine() {
    if (levels_.empty()) return;
    if (!levels_.back().first) out_ += ',';
    levels_.back().first = false;
    out_ += '\n';
    out_.append(2 * levels_.size(), ' ');
  }
  void BeforeValue() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    NextLine();  // an array element
  }
  void Quoted(std::string_view text) {
    if (!IsValidUtf8(text)) {  // stored text is checked at ingest; replace, never emit bad bytes
      out_ += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    for (char c : text) {
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
            out_ += escaped;
          } else {
            out_ += c;
          }
      }
    }
    out_ += '"';
  }

  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

// sources, agreement, clusters: what the report and the audit share.
void WriteSourceTables(const Report& report, JsonWriter& json) {
  json.Key("sources");
  json.BeginArray();
  for (const ReportSource& s : report.sources) {
    json.BeginObject();
    json.Key("name");
    json.String(s.name);
    json.Key("trust");
    json.Double(s.trust);
    json.Key("claims");
    json.Int(s.claims);
    json.Key("corroborated");
    json.Int(s.corroborated);
    json.Key("contradicted");
    json.Int(s.contradicted);
    json.Key("unique");
    json.Int(s.unique);
    json.EndObject();
  }
  json.EndArray();
  json.Key("agreement");
  json.BeginArray();
  for (const ReportAgreement& a : report.agreement) {
    json.BeginObject();
    json.Key("a");
    json.String(a.a);
    json.Key("b");
    json.String(a.b);
    json.Key("shared_facts");
    json.Int(a.shared_facts);
    json.Key("agree");
    json.Int(a.agree);
    json.Key("conflict");
    json.Int(a.conflict);
    json.EndObject();
  }
  json.EndArray();
  json.Key("clusters");
  json.BeginArray();
  for (const ReportCluster& cluster : report.clusters) {
    json.BeginObject();
    json.Key("articles");
    json.BeginArray();
    for (const std::string& article : cluster.articles) json.String(article);
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
}

void WriteClaim(const ReportClaim& claim, JsonWriter& json) {
  json.BeginObject();
  json.Key("article");
  json.String(claim.article);
  json.Key("source");
  json.String(claim.source);
  json.Key("published");
  json.StringOrNull(claim.published);
  json.Key("url");
  json.StringOrNull(claim.url);
  json.Key("title");
  json.StringOrNull(claim.title);
  json.Key("quote");
  json.String(claim.quote);
  json.Key("span");
  json.Pair(claim.span.begin, claim.span.end);
  json.Key("stance");
  json.String(claim.stance);
  json.Key("highlights");
  json.BeginArray();
  for (const extract::Span& span : claim.highlights) json.Pair(span.begin, span.end);
  json.EndArray();
  json.EndObject();
}

void WriteFact(const ReportFact& fact, JsonWriter& json) {
  json.BeginObject();
  json.Key("id");
  json.String(FactId(fact.key));
  json.Key("relation");
  json.String(fact.relation);
  json.Key("subject");
  json.StringOrNull(fact.subject);
  json.Key("counterparty");
  json.StringOrNull(fact.counterparty);
  json.Key("object");
  json.StringOrNull(fact.object);
  // value and time are stored as compact JSON written by the store itself.
  json.Key("value");
  json.Raw(fact.value_json.empty() ? "null" : fact.value_json);
  json.Key("time");
  json.Raw(fact.time_json.empty() ? "null" : fact.time_json);
  json.Key("status");
  json.String(fact.status);
  json.Key("score");
  json.Int(fact.score);
  json.Key("independent_sources");
  json.Int(fact.independent_sources);
  json.Key("explanation");
  json.String(fact.explanation);
  json.Key("claims");
  json.BeginArray();
  for (const ReportClaim& claim : fact.claims) WriteClaim(claim, json);
  json.EndArray();
  json.Key("discrepancies");
  json.BeginArray();
  for (const ReportDiscrepancy& d : fact.discrepancies) {
    json.BeginObject();
    json.Key("type");
    json.String(d.type);
    json.Key("severity");
    json.String(d.severity);
    json.Key("detail");
    json.String(d.detail);
    json.EndObject();
  }
  json.EndArray();
  // Only for a figure that moved over time: its steps in date order, the last the fact's value.
  if (!fact.timeline.empty()) {
    json.Key("timeline");
    json.BeginArray();
    for (const ReportStep& step : fact.timeline) {
      json.BeginObject();
      json.Key("published");
      json.StringOrNull(step.published);
      json.Key("article");
      json.String(step.article);
      json.Key("source");
      json.String(step.source);
      json.Key("value");
      json.String(step.value_text);
      json.Key("update");
      json.Raw(step.update ? "true" : "false");
      json.EndObject();
    }
    json.EndArray();
  }
  json.EndObject();
}

}  // namespace

std::string RenderJson(const Report& report) {
  JsonWriter json;
  json.BeginObject();
  json.Key("facts");
  json.BeginArray();
  for (const ReportFact& fact : report.facts) WriteFact(fact, json);
  json.EndArray();
  WriteSourceTables(report, json);
  json.Key("timeline");
  json.BeginArray();
  for (const ReportTimeline& timeline : report.timelines) {
    json.BeginObject();
    json.Key("entity");
    json.String(timeline.entity);
    json.Key("facts");
    json.BeginArray();
    for (std::size_t i : timeline.facts) json.String(FactId(report.facts[i].key));
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return json.Take();
}

std::string RenderAuditJson(const Report& report) {
  JsonWriter json;
  json.BeginObject();
  WriteSourceTables(report, json);
  json.EndObject();
  return json.Take();
}

// --- Markdown ---------------------------------------------------------------------------

namespace {

nlohmann::json SpanJson(const extract::Span& span) { return nlohmann::json::array({span.begin, span.end}); }

nlohmann::json DiscrepanciesJson(const std::vector<ReportDiscrepancy>& discrepancies) {
  nlohmann::json list = nlohmann::json::array();
  for (const ReportDiscrepancy& d : discrepancies) {
    list.push_back({{"type", d.type}, {"severity", d.severity}, {"detail", d.detail}});
  }
  return list;
}

}  // namespace

std::string RenderSummaryAuditJson(const SummaryAudit& audit) {
  nlohmann::json verdicts = nlohmann::json::array();
  for (const AuditVerdict& v : audit.verdicts) {
    nlohmann::json evidence = nlohmann::json::array();
    for (const AuditEvidence& e : v.evidence) {
      evidence.push_back({{"file", e.file}, {"quote", e.quote}, {"span", SpanJson(e.span)}});
    }
    verdicts.push_back({{"claim", {{"relation", v.relation}, {"quote", v.quote}, {"span", SpanJson(v.span)},
                                   {"text", v.claim}}},
                        {"verdict", v.verdict},
                        {"discrepancies", DiscrepanciesJson(v.discrepancies)},
                        {"evidence", std::move(evidence)}});
  }
  nlohmann::json omissions = nlohmann::json::array();
  for (const AuditOmission& o : audit.omissions) {
    omissions.push_back({{"relation", o.relation}, {"quote", o.quote}, {"file", o.file}, {"text", o.claim}});
  }
  nlohmann::json conflicts = nlohmann::json::array();
  for (const AuditConflict& c : audit.internal_conflicts) {
    conflicts.push_back({{"claims", {c.claim_a, c.claim_b}},
                         {"quotes", {c.quote_a, c.quote_b}},
                         {"discrepancies", DiscrepanciesJson(c.discrepancies)}});
  }
  nlohmann::json json = {{"summary", {{"file", audit.file}, {"claims", audit.claims}}},
                         {"independent_sources", audit.independent_sources},
                         {"verdicts", std::move(verdicts)},
                         {"omissions", std::move(omissions)},
                         {"internal_conflicts", std::move(conflicts)}};
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace concord::reconcile
