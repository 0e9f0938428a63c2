// JSON and short text forms of mentions, claims, amounts and dates.

#include "reconcile/store/json_form.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string_view>
#include <vector>

#include "reconcile/store/forms.h"

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

// The JSON lines of `concord extract --jsonl` are written straight into one string. Building
// an nlohmann document per line and dumping it spent more time in allocation, std::map nodes
// and teardown than the whole extraction of the article (perf: 42% of `concord extract`).
// The text must stay byte-identical to what `dump(-1, ' ', false, replace)` gave, so the
// writer follows that dump: object keys in byte order (nlohmann's objects are std::maps),
// doubles in its shortest round-trip form, the same escapes, and nlohmann itself for any
// string that is not valid UTF-8 (its replacement rules are not worth re-deriving).
namespace {

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF): exactly the strings nlohmann's decoder accepts without its error handler.
bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;  // bounds of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;   // overlong
      if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;   // overlong
      if (lead == 0xF4) high = 0x8F;  // past U+10FFFF
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < low || second > high) return false;
    for (std::size_t k = 2; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

void AppendString(std::string& out, std::string_view text) {
  if (!IsValidUtf8(text)) {
    out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  std::size_t plain_from = 0;  // bytes copied in runs, not one by one
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, plain_from, i - plain_from);
    plain_from = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default: {
        constexpr std::size_t kEscapeSize = 7;  // "\u00xx" and the terminating zero
        char escape[kEscapeSize];
        std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
        out += escape;
      }
    }
  }
  out.append(text, plain_from, text.size() - plain_from);
  out += '"';
}

void AppendUnsigned(std::string& out, std::size_t value) {
  char digits[std::numeric_limits<std::size_t>::digits10 + 2];
  auto [end, error] = std::to_chars(std::begin(digits), std::end(digits), value);
  out.append(digits, end);
}

void AppendDouble(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  constexpr std::size_t kNumberBufferSize = 64;  // nlohmann's serializer uses the same
  std::array<char, kNumberBufferSize> buffer;
  char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out.append(buffer.data(), end);
}

void AppendSpan(std::string& out, const extract::Span& span) {
  out += '[';
  AppendUnsigned(out, span.begin);
  out += ',';
  AppendUnsigned(out, span.end);
  out += ']';
}

// One JSON object being written: Field() adds the separator and the key. Callers name the
// keys in byte order, the order nlohmann's std::map objects dump them in.
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
  ~ObjectWriter() { out_ += '}'; }
  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;

  std::string& Field(std::string_view key) {
    assert((previous_key_.empty() || previous_key_ < key) && "keys in byte order, as std::map dumps them");
    previous_key_ = key;
    if (!first_) out_ += ',';
    first_ = false;
    AppendString(out_, key);
    out_ += ':';
    return out_;
  }

 private:
  std::string& out_;
  std::string_view previous_key_;
  bool first_ = true;
};

void AppendAmount(std::string& out, const extract::Amount& amount, ValueKind kind) {
  ObjectWriter object(out);
  if (!amount.high_span.empty()) {
    std::string& bounds = object.Field("bounds");
    bounds += '[';
    AppendSpan(bounds, amount.low_span);
    bounds += ',';
    AppendSpan(bounds, amount.high_span);
    bounds += ']';
  }
  if (!amount.counted.empty()) AppendString(object.Field("counted"), amount.counted);
  if (kind == ValueKind::kMoney) AppendString(object.Field("currency"), amount.currency);
  AppendDouble(object.Field("high"), amount.high);
  AppendString(object.Field("kind"), ValueKindName(kind));
  AppendDouble(object.Field("low"), amount.low);
  if (!amount.per.empty()) AppendString(object.Field("per"), amount.per);
  AppendString(object.Field("qualifier"), extract::QualifierName(amount.qualifier));
  if (kind == ValueKind::kPercent) AppendString(object.Field("unit"), extract::PercentUnitName(amount.percent_unit));
}

void AppendStringOrNull(std::string& out, const std::string& text) {
  if (text.empty()) {
    out += "null";
  } else {
    AppendString(out, text);
  }
}

void AppendDate(std::string& out, const extract::DateValue& date) {
  ObjectWriter object(out);
  if (date.boundary != extract::Boundary::kNone) {
    AppendString(object.Field("boundary"), extract::BoundaryName(date.boundary));
  }
  AppendStringOrNull(object.Field("end"), date.end);
  std::string& flags = object.Field("flags");
  flags += '[';
  for (std::size_t i = 0; i < date.flags.size(); ++i) {
    if (i > 0) flags += ',';
    AppendString(flags, date.flags[i]);
  }
  flags += ']';
  AppendString(object.Field("precision"), extract::PrecisionName(date.precision));
  AppendStringOrNull(object.Field("start"), date.start);
}

void AppendRole(std::string& out, const extract::Role& role) {
  if (!role.present()) {
    out += "null";
    return;
  }
  ObjectWriter object(out);
  AppendString(object.Field("id"), role.entity.id);
  AppendString(object.Field("name"), role.entity.name.empty() ? role.text : role.entity.name);
  AppendString(object.Field("text"), role.text);
}

void AppendMentionValue(std::string& out, const extract::Mention& mention) {
  using extract::MentionKind;
  switch (mention.kind) {
    case MentionKind::kMoney: AppendAmount(out, mention.amount, ValueKind::kMoney); return;
    case MentionKind::kPercent: AppendAmount(out, mention.amount, ValueKind::kPercent); return;
    case MentionKind::kCount: AppendAmount(out, mention.amount, ValueKind::kCount); return;
    case MentionKind::kDate:
    case MentionKind::kDuration: AppendDate(out, mention.date); return;
    case MentionKind::kEntity: {
      ObjectWriter object(out);
      AppendString(object.Field("id"), mention.entity.id);
      AppendString(object.Field("name"), mention.entity.name);
      AppendString(object.Field("type"), extract::EntityTypeName(mention.entity.type));
      return;
    }
  }
  out += "null";
}

}  // namespace

std::string MentionJsonLine(const extract::Mention& mention, const corpus::Article& article) {
  std::string line;
  {
    ObjectWriter object(line);
    AppendUnsigned(object.Field("body_offset"), article.body_offset);
    AppendString(object.Field("file"), article.name);
    AppendString(object.Field("kind"), extract::MentionKindName(mention.kind));
    AppendString(object.Field("record"), "mention");
    AppendSpan(object.Field("span"), mention.span);
    AppendString(object.Field("text"), mention.text);
    AppendMentionValue(object.Field("value"), mention);
  }
  return line;
}

std::string ClaimJsonLine(const extract::Claim& claim, const corpus::Article& article) {
  std::string line;
  {
    // ClaimJson's fields and the line's own three ("body_offset", "file", "record") merged.
    ObjectWriter object(line);
    AppendStringOrNull(object.Field("attribution"), claim.attribution);
    AppendUnsigned(object.Field("body_offset"), article.body_offset);
    AppendStringOrNull(object.Field("condition"), claim.condition);
    if (!claim.condition_text.empty()) AppendString(object.Field("condition_text"), claim.condition_text);
    AppendDouble(object.Field("confidence"), std::round(static_cast<double>(claim.confidence) * 100) / 100);
    if (!claim.context.empty()) {
      std::string& context = object.Field("context");
      context += '[';
      for (std::size_t i = 0; i < claim.context.size(); ++i) {
        if (i > 0) context += ',';
        AppendString(context, claim.context[i]);
      }
      context += ']';
    }
    AppendRole(object.Field("counterparty"), claim.counterparty);
    if (!claim.entities.empty()) {
      std::string& entities = object.Field("entities");
      entities += '[';
      for (std::size_t i = 0; i < claim.entities.size(); ++i) {
        if (i > 0) entities += ',';
        AppendRole(entities, claim.entities[i]);
      }
      entities += ']';
    }
    if (claim.exclusive.has_value()) object.Field("exclusive") += *claim.exclusive ? "true" : "false";
    AppendString(object.Field("file"), article.name);
    AppendString(object.Field("modality"), extract::ModalityName(claim.modality));
    AppendRole(object.Field("object"), claim.object);
    AppendString(object.Field("polarity"), extract::PolarityName(claim.polarity));
    AppendString(object.Field("quote"), claim.provenance.quote);
    AppendString(object.Field("record"), "claim");
    AppendString(object.Field("relation"), claim.relation);
    AppendString(object.Field("rule"), claim.rule);
    AppendUnsigned(object.Field("sentence"), claim.provenance.sentence);
    AppendSpan(object.Field("span"), claim.provenance.span);
    AppendRole(object.Field("subject"), claim.subject);
    if (!claim.terms.empty()) {
      // As json["terms"][key] = value: keys in byte order, a repeated key keeps its last value.
      std::vector<const std::pair<std::string, std::string>*> terms;
      terms.reserve(claim.terms.size());
      for (const auto& term : claim.terms) terms.push_back(&term);
      std::stable_sort(terms.begin(), terms.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
      std::string& out = object.Field("terms");
      out += '{';
      bool first = true;
      for (std::size_t i = 0; i < terms.size(); ++i) {
        if (i + 1 < terms.size() && terms[i + 1]->first == terms[i]->first) continue;  // a later value wins
        if (!first) out += ',';
        first = false;
        AppendString(out, terms[i]->first);
        out += ':';
        AppendString(out, terms[i]->second);
      }
      out += '}';
    }
    if (claim.has_time) {
      AppendDate(object.Field("time"), claim.time);
    } else {
      object.Field("time") += "null";
    }
    if (claim.value_kind == ValueKind::kNone) {
      object.Field("value") += "null";
    } else {
      AppendAmount(object.Field("value"), claim.value, claim.value_kind);
    }
  }
  return line;
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
