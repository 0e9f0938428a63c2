#include "reconcile/json_form.h"

#include <cmath>
#include <cstdio>

#include "reconcile/reconcile.h"

namespace concord::reconcile {

using extract::ValueKind;

const char* ValueKindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kMoney: return "money";
    case ValueKind::kPercent: return "percent";
    case ValueKind::kCount: return "count";
    case ValueKind::kBoolean: return "boolean";
    case ValueKind::kNone: return "none";
  }
  return "none";
}

nlohmann::json AmountJson(const extract::Amount& amount, ValueKind kind) {
  nlohmann::json json = {{"kind", ValueKindName(kind)},
                         {"low", amount.low},
                         {"high", amount.high},
                         {"qualifier", extract::QualifierName(amount.qualifier)}};
  if (kind == ValueKind::kMoney) json["currency"] = amount.currency;
  if (kind == ValueKind::kPercent) json["unit"] = extract::PercentUnitName(amount.percent_unit);
  if (!amount.per.empty()) json["per"] = amount.per;
  if (!amount.high_span.empty())
    json["bounds"] = {{amount.low_span.begin, amount.low_span.end}, {amount.high_span.begin, amount.high_span.end}};
  if (!amount.counted.empty()) json["counted"] = amount.counted;
  return json;
}

nlohmann::json DateJson(const extract::DateValue& date) {
  nlohmann::json json = {{"start", date.start.empty() ? nlohmann::json() : nlohmann::json(date.start)},
                         {"end", date.end.empty() ? nlohmann::json() : nlohmann::json(date.end)},
                         {"precision", extract::PrecisionName(date.precision)},
                         {"flags", date.flags}};
  if (date.boundary != extract::Boundary::kNone) json["boundary"] = extract::BoundaryName(date.boundary);
  return json;
}

nlohmann::json MentionValueJson(const extract::Mention& mention) {
  using extract::MentionKind;
  switch (mention.kind) {
    case MentionKind::kMoney: return AmountJson(mention.amount, ValueKind::kMoney);
    case MentionKind::kPercent: return AmountJson(mention.amount, ValueKind::kPercent);
    case MentionKind::kCount: return AmountJson(mention.amount, ValueKind::kCount);
    case MentionKind::kDate:
    case MentionKind::kDuration: return DateJson(mention.date);
    case MentionKind::kEntity:
      return {{"type", extract::EntityTypeName(mention.entity.type)},
              {"id", mention.entity.id},
              {"name", mention.entity.name}};
  }
  return nullptr;
}

namespace {
nlohmann::json RoleJson(const extract::Role& role) {
  if (!role.present()) return nullptr;
  return {{"id", role.entity.id}, {"name", role.entity.name.empty() ? role.text : role.entity.name}, {"text", role.text}};
}
}  // namespace

nlohmann::json ClaimJson(const extract::Claim& claim) {
  nlohmann::json json = {
      {"relation", claim.relation},
      {"subject", RoleJson(claim.subject)},
      {"counterparty", RoleJson(claim.counterparty)},
      {"object", RoleJson(claim.object)},
      {"value", claim.value_kind == ValueKind::kNone ? nlohmann::json() : AmountJson(claim.value, claim.value_kind)},
      {"time", claim.has_time ? DateJson(claim.time) : nlohmann::json()},
      {"polarity", extract::PolarityName(claim.polarity)},
      {"modality", extract::ModalityName(claim.modality)},
      {"condition", claim.condition.empty() ? nlohmann::json() : nlohmann::json(claim.condition)},
      {"attribution", claim.attribution.empty() ? nlohmann::json() : nlohmann::json(claim.attribution)},
      {"quote", claim.provenance.quote},
      {"span", {claim.provenance.span.begin, claim.provenance.span.end}},
      {"sentence", claim.provenance.sentence},
      {"confidence", std::round(static_cast<double>(claim.confidence) * 100) / 100},
      {"rule", claim.rule}};
  if (claim.exclusive.has_value()) json["exclusive"] = *claim.exclusive;
  if (!claim.condition_text.empty()) json["condition_text"] = claim.condition_text;
  for (const auto& [key, value] : claim.terms) json["terms"][key] = value;
  if (!claim.context.empty()) json["context"] = claim.context;
  for (const extract::Role& party : claim.entities) json["entities"].push_back(RoleJson(party));
  return json;
}

std::string MentionJsonLine(const extract::Mention& mention, const corpus::Article& article) {
  nlohmann::json json = {{"record", "mention"},
                         {"file", article.name},
                         {"kind", extract::MentionKindName(mention.kind)},
                         {"text", mention.text},
                         {"span", {mention.span.begin, mention.span.end}},
                         {"body_offset", article.body_offset},
                         {"value", MentionValueJson(mention)}};
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ClaimJsonLine(const extract::Claim& claim, const corpus::Article& article) {
  nlohmann::json json = {{"record", "claim"}, {"file", article.name}, {"body_offset", article.body_offset}};
  json.update(ClaimJson(claim));
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {
// "50 bn", "7.5 bn", "250 m", "1,200": short magnitude words keep report lines narrow.
std::string ShortNumber(double value) {
  struct Scale {
    double factor;
    const char* word;
  };
  constexpr Scale kScales[] = {{1e12, " tn"}, {1e9, " bn"}, {1e6, " m"}};
  char buffer[64];
  for (const Scale& scale : kScales) {
    if (std::fabs(value) >= scale.factor) {
      std::snprintf(buffer, sizeof buffer, "%.6g%s", value / scale.factor, scale.word);
      return buffer;
    }
  }
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}
}  // namespace

std::string AmountText(const extract::Amount& amount, ValueKind kind) {
  if (kind == ValueKind::kNone) return "";
  std::string number = ShortNumber(amount.low);
  if (amount.qualifier == extract::Qualifier::kRange || amount.high != amount.low) {
    number += "–" + ShortNumber(amount.high);
  }
  std::string text;
  switch (amount.qualifier) {
    case extract::Qualifier::kUpTo: text = "up to "; break;
    case extract::Qualifier::kApprox: text = "approximately "; break;
    case extract::Qualifier::kAtLeast: text = "at least "; break;
    case extract::Qualifier::kMoreThan: text = "more than "; break;
    case extract::Qualifier::kLessThan: text = "less than "; break;
    default: break;
  }
  if (kind == ValueKind::kMoney) return text + amount.currency + " " + number;
  if (kind == ValueKind::kPercent) {
    if (amount.percent_unit == extract::PercentUnit::kBasisPoint) return text + number + " bp";
    if (amount.percent_unit == extract::PercentUnit::kPercentagePoint) return text + number + " pp";
    return text + number + "%";
  }
  return text + number + (amount.counted.empty() ? "" : " " + amount.counted);
}

std::string DateText(const extract::DateValue& date) {
  if (date.start.empty() && date.end.empty()) return "unresolved";
  std::string text;
  switch (date.precision) {
    case extract::Precision::kMonth: text = date.start.substr(0, 7); break;
    case extract::Precision::kYear: text = date.start.substr(0, 4); break;
    case extract::Precision::kQuarter:
      if (date.start.size() >= 7) text = date.start.substr(0, 4) + "-Q" + std::to_string((std::stoi(date.start.substr(5, 2)) - 1) / 3 + 1);
      break;
    default: text = date.start; break;
  }
  if (date.boundary == extract::Boundary::kThrough) text = "through " + date.end;
  if (date.boundary == extract::Boundary::kBefore) text = "before " + date.end + " (last day)";
  if (date.boundary == extract::Boundary::kUntil) text = "until " + date.end + " (ambiguous boundary)";
  if (date.boundary == extract::Boundary::kBy) text = "by " + date.end;
  if (date.boundary == extract::Boundary::kSince) text = "since " + date.start;
  if (date.boundary == extract::Boundary::kRange) text = date.start + " to " + date.end;
  if (text.empty()) text = date.start + " to " + date.end;
  return text;
}

}  // namespace concord::reconcile
