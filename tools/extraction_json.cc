// The article record of `concord extract --jsonl` and the reader of mapper output
// (extraction_json.h).

#include "tools/extraction_json.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <utility>

namespace concord::tools {
namespace {

using nlohmann::json;

std::string HashHex(std::uint64_t hash) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

json TextOrNull(const std::string& text) { return text.empty() ? json() : json(text); }

// A field the reader needs; a missing or mistyped one is a bad record, named by its key.
struct BadRecord : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const json& Need(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end()) throw BadRecord(std::string("no \"") + key + "\" field");
  return *it;
}

std::string String(const json& object, const char* key) {
  const json& value = Need(object, key);
  if (!value.is_string()) throw BadRecord(std::string("\"") + key + "\" is not a string");
  return value.get<std::string>();
}

std::string OptionalString(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return "";
  if (!it->is_string()) throw BadRecord(std::string("\"") + key + "\" is not a string or null");
  return it->get<std::string>();
}

std::size_t Unsigned(const json& object, const char* key) {
  const json& value = Need(object, key);
  if (!value.is_number_unsigned()) throw BadRecord(std::string("\"") + key + "\" is not a count");
  return value.get<std::size_t>();
}

double Number(const json& object, const char* key) {
  const json& value = Need(object, key);
  if (!value.is_number()) throw BadRecord(std::string("\"") + key + "\" is not a number");
  return value.get<double>();
}

extract::Span SpanOf(const json& value, const char* key) {
  if (!value.is_array() || value.size() != 2 || !value[0].is_number_unsigned() || !value[1].is_number_unsigned()) {
    throw BadRecord(std::string("\"") + key + "\" is not a [begin, end] span");
  }
  return {value[0].get<std::size_t>(), value[1].get<std::size_t>()};
}

// The enum value whose name (extract/names.cc) is `text`.
template <typename Enum>
Enum ByName(const char* (*name)(Enum), int count, const std::string& text, const char* key) {
  for (int i = 0; i < count; ++i) {
    if (text == name(static_cast<Enum>(i))) return static_cast<Enum>(i);
  }
  throw BadRecord(std::string("\"") + key + "\": unknown value '" + text + "'");
}

// reconcile/store/json_form.h names value kinds; these are its names.
extract::ValueKind ValueKindOf(const std::string& text) {
  if (text == "money") return extract::ValueKind::kMoney;
  if (text == "percent") return extract::ValueKind::kPercent;
  if (text == "count") return extract::ValueKind::kCount;
  if (text == "boolean") return extract::ValueKind::kBoolean;
  if (text == "none") return extract::ValueKind::kNone;
  throw BadRecord("value \"kind\": unknown value '" + text + "'");
}

extract::Amount AmountOf(const json& value, extract::ValueKind& kind) {
  if (!value.is_object()) throw BadRecord("\"value\" is not an object");
  extract::Amount amount;
  kind = ValueKindOf(String(value, "kind"));
  amount.low = Number(value, "low");
  amount.high = Number(value, "high");
  amount.qualifier = ByName(extract::QualifierName, 7, String(value, "qualifier"), "qualifier");
  amount.currency = OptionalString(value, "currency");
  if (value.contains("unit")) amount.percent_unit = ByName(extract::PercentUnitName, 3, String(value, "unit"), "unit");
  amount.per = OptionalString(value, "per");
  amount.counted = OptionalString(value, "counted");
  if (const auto bounds = value.find("bounds"); bounds != value.end()) {
    if (!bounds->is_array() || bounds->size() != 2) throw BadRecord("\"bounds\" is not two spans");
    amount.low_span = SpanOf((*bounds)[0], "bounds");
    amount.high_span = SpanOf((*bounds)[1], "bounds");
  }
  return amount;
}

extract::DateValue DateOf(const json& value) {
  if (!value.is_object()) throw BadRecord("a date value is not an object");
  extract::DateValue date;
  date.start = OptionalString(value, "start");
  date.end = OptionalString(value, "end");
  date.precision = ByName(extract::PrecisionName, 8, String(value, "precision"), "precision");
  if (value.contains("boundary")) date.boundary = ByName(extract::BoundaryName, 8, String(value, "boundary"), "boundary");
  const json& flags = Need(value, "flags");
  if (!flags.is_array()) throw BadRecord("\"flags\" is not a list");
  for (const json& flag : flags) {
    if (!flag.is_string()) throw BadRecord("a date flag is not a string");
    date.flags.push_back(flag.get<std::string>());
  }
  return date;
}

// reconcile/store/forms.cc writes a role as {id, name, text} or null; the store keeps the id
// and the name (the entity's, else the text).
extract::Role RoleOf(const json& value, const char* key) {
  extract::Role role;
  if (value.is_null()) return role;
  if (!value.is_object()) throw BadRecord(std::string("\"") + key + "\" is not an object or null");
  role.text = String(value, "text");
  role.entity.id = String(value, "id");
  role.entity.name = String(value, "name");
  if (role.text.empty()) throw BadRecord(std::string("\"") + key + "\" has an empty text");
  return role;
}

extract::Mention MentionOf(const json& record) {
  extract::Mention mention;
  mention.kind = ByName(extract::MentionKindName, 6, String(record, "kind"), "kind");
  mention.span = SpanOf(Need(record, "span"), "span");
  mention.text = String(record, "text");
  const json& value = Need(record, "value");
  switch (mention.kind) {
    case extract::MentionKind::kMoney:
    case extract::MentionKind::kPercent:
    case extract::MentionKind::kCount: {
      extract::ValueKind kind;
      mention.amount = AmountOf(value, kind);
      break;
    }
    case extract::MentionKind::kDate:
    case extract::MentionKind::kDuration: mention.date = DateOf(value); break;
    case extract::MentionKind::kEntity:
      if (!value.is_object()) throw BadRecord("an entity value is not an object");
      mention.entity.type = ByName(extract::EntityTypeName, 7, String(value, "type"), "type");
      mention.entity.id = String(value, "id");
      mention.entity.name = String(value, "name");
      break;
  }
  return mention;
}

extract::Claim ClaimOf(const json& record, const std::string& article_id) {
  extract::Claim claim;
  claim.relation = String(record, "relation");
  claim.rule = String(record, "rule");
  claim.subject = RoleOf(Need(record, "subject"), "subject");
  claim.counterparty = RoleOf(Need(record, "counterparty"), "counterparty");
  claim.object = RoleOf(Need(record, "object"), "object");
  if (const json& value = Need(record, "value"); !value.is_null()) claim.value = AmountOf(value, claim.value_kind);
  if (const auto exclusive = record.find("exclusive"); exclusive != record.end()) {
    if (!exclusive->is_boolean()) throw BadRecord("\"exclusive\" is not true or false");
    claim.exclusive = exclusive->get<bool>();
  }
  if (const auto terms = record.find("terms"); terms != record.end()) {
    if (!terms->is_object()) throw BadRecord("\"terms\" is not an object");
    for (const auto& [key, value] : terms->items()) {
      if (!value.is_string()) throw BadRecord("a term is not a string");
      claim.terms.emplace_back(key, value.get<std::string>());
    }
  }
  if (const json& time = Need(record, "time"); !time.is_null()) {
    claim.has_time = true;
    claim.time = DateOf(time);
  }
  claim.polarity = ByName(extract::PolarityName, 4, String(record, "polarity"), "polarity");
  claim.modality = ByName(extract::ModalityName, 6, String(record, "modality"), "modality");
  claim.condition = OptionalString(record, "condition");
  claim.condition_text = OptionalString(record, "condition_text");
  claim.attribution = OptionalString(record, "attribution");
  claim.provenance.article = article_id;
  claim.provenance.sentence = Unsigned(record, "sentence");
  claim.provenance.span = SpanOf(Need(record, "span"), "span");
  claim.provenance.quote = String(record, "quote");
  claim.confidence = static_cast<float>(Number(record, "confidence"));
  if (const auto context = record.find("context"); context != record.end()) {
    if (!context->is_array()) throw BadRecord("\"context\" is not a list");
    for (const json& word : *context) {
      if (!word.is_string()) throw BadRecord("a context word is not a string");
      claim.context.push_back(word.get<std::string>());
    }
  }
  if (const auto entities = record.find("entities"); entities != record.end()) {
    if (!entities->is_array()) throw BadRecord("\"entities\" is not a list");
    for (const json& party : *entities) claim.entities.push_back(RoleOf(party, "entities"));
  }
  return claim;
}

corpus::Article ArticleOf(const json& record, std::uint64_t& hash) {
  corpus::Article article;
  article.id = String(record, "id");
  article.name = String(record, "file");
  article.source = String(record, "source");
  article.url = OptionalString(record, "url");
  article.title = OptionalString(record, "title");
  article.published = OptionalString(record, "published");
  const std::string kind = String(record, "kind");
  if (kind == "summary") {
    article.kind = corpus::ArticleKind::kSummary;
  } else if (kind == "press-release") {
    article.kind = corpus::ArticleKind::kPressRelease;
  } else if (kind != "article") {
    throw BadRecord("\"kind\": unknown article kind '" + kind + "'");
  }
  article.derived_from = OptionalString(record, "derived_from");
  article.body_offset = Unsigned(record, "body_offset");
  article.text = String(record, "text");
  const std::string hex = String(record, "content_hash");
  char* end = nullptr;
  hash = std::strtoull(hex.c_str(), &end, 16);
  if (hex.size() != 16 || end != hex.c_str() + hex.size()) throw BadRecord("\"content_hash\" is not 16 hex digits");
  if (article.id.empty() || article.text.empty()) throw BadRecord("an article record needs an id and a text");
  return article;
}

}  // namespace

std::string ArticleJsonLine(const corpus::Article& article, const extract::Extraction& extraction) {
  json confidences = json::array();
  for (const extract::Claim& claim : extraction.claims) confidences.push_back(static_cast<double>(claim.confidence));
  const json record = {{"record", "article"},
                       {"id", article.id},
                       {"file", article.name},
                       {"source", article.source},
                       {"url", TextOrNull(article.url)},
                       {"title", TextOrNull(article.title)},
                       {"published", TextOrNull(article.published)},
                       {"kind", corpus::KindName(article.kind)},
                       {"derived_from", TextOrNull(article.derived_from)},
                       {"content_hash", HashHex(article.content_hash)},
                       {"body_offset", article.body_offset},
                       {"text", article.text},
                       {"mentions", extraction.mentions.size()},
                       {"claims", extraction.claims.size()},
                       {"claim_confidence", std::move(confidences)}};
  return record.dump(-1, ' ', false, json::error_handler_t::replace);
}

void ExtractionReader::Reject(Output& out, const std::string& where, const std::string& why) {
  const std::string name = article_ ? " (article " + article_->article.name + " of " + where_ + ")" : "";
  out.rejections.push_back(Status::InvalidInput(where, why + name));
  bad_ = true;
}

void ExtractionReader::Close(Output& out) {
  if (article_ && !bad_ && !skipping_) {
    for (std::size_t i = 0; i < article_->extraction.claims.size(); ++i) {
      article_->extraction.claims[i].confidence = static_cast<float>(confidences_[i]);
    }
    out.articles.push_back(std::move(*article_));
  }
  if (skipping_) ++out.unchanged;
  article_.reset();
  skipping_ = bad_ = false;
  lines_left_ = 0;
}

void ExtractionReader::Line(std::string_view line, const std::string& file, std::size_t line_number, Output& out) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.find_first_not_of(" \t") == std::string_view::npos) return;
  const std::string where = file + ":" + std::to_string(line_number);
  // An article's own records follow its article record; `extract --jsonl` writes no spaces, and
  // a quote inside a string is escaped, so this text marks an article record and nothing else.
  const bool article_record = line.find("\"record\":\"article\"") != std::string_view::npos;
  if ((skipping_ || bad_) && lines_left_ > 0 && !article_record) {
    if (--lines_left_ == 0) Close(out);
    return;
  }
  if (article_record && lines_left_ > 0 && !bad_) {
    const std::string cut = "cut short: " + std::to_string(lines_left_) + " of its mention and claim records missing";
    if (skipping_) {
      skipping_ = false;  // counted as unchanged no more: what was stored stays
      out.rejections.push_back(Status::InvalidInput(where_, cut));
    } else {
      Reject(out, where_, cut);
    }
  }
  if (article_record) {
    article_.reset();
    bad_ = skipping_ = false;
    lines_left_ = 0;
  }
  // A bad line: an article record's failure passes over the records after it (they belong to
  // it) up to the next article record; a mention's or claim's rejects its article.
  auto fail = [&](const std::string& why) {
    if (article_record) {
      out.rejections.push_back(Status::InvalidInput(where, why));
      article_.reset();
      bad_ = true;
      lines_left_ = kUntilNextArticle;
    } else if (article_ && !bad_) {
      Reject(out, where, why);
      if (--lines_left_ == 0) Close(out);
    } else {
      out.rejections.push_back(Status::InvalidInput(where, why));
    }
  };
  json record;
  try {
    record = json::parse(line);
  } catch (const json::exception& error) {
    std::string message = error.what();
    if (const std::size_t close = message.find("] "); close != std::string::npos) message.erase(0, close + 2);
    fail("malformed JSON line: " + message);
    return;
  }
  try {
    if (!record.is_object()) throw BadRecord("not a JSON object");
    const std::string kind = String(record, "record");
    if (kind == "article") {
      std::uint64_t hash = 0;
      corpus::Article article = ArticleOf(record, hash);
      article.content_hash = corpus::ContentHash(article);
      if (article.content_hash != hash) {
        throw BadRecord("its content hash does not match its text and metadata (" + HashHex(hash) + " given, " +
                        HashHex(article.content_hash) + " computed)");
      }
      mentions_expected_ = Unsigned(record, "mentions");
      claims_expected_ = Unsigned(record, "claims");
      const json& confidences = Need(record, "claim_confidence");
      if (!confidences.is_array() || confidences.size() != claims_expected_) {
        throw BadRecord("\"claim_confidence\" is not a list of one number per claim");
      }
      confidences_.clear();
      for (const json& value : confidences) {
        if (!value.is_number()) throw BadRecord("\"claim_confidence\" holds a value that is not a number");
        confidences_.push_back(value.get<double>());
      }
      where_ = where;
      lines_left_ = mentions_expected_ + claims_expected_;
      skipping_ = skip_(skip_context_, article.id, hash);
      article_.emplace();
      article_->article = std::move(article);
      article_->extraction.mentions.reserve(mentions_expected_);
      article_->extraction.claims.reserve(claims_expected_);
      if (lines_left_ == 0) Close(out);
      return;
    }
    if (kind != "mention" && kind != "claim") throw BadRecord("unknown record '" + kind + "'");
    if (!article_ || lines_left_ == 0) {
      throw BadRecord("a " + kind + " record with no article record before it (output of an older concord extract?)");
    }
    if (String(record, "file") != article_->article.name) {
      throw BadRecord("a " + kind + " record of " + String(record, "file") + " inside the records of " +
                      article_->article.name);
    }
    if (kind == "mention") {
      if (article_->extraction.mentions.size() >= mentions_expected_) throw BadRecord("more mention records than announced");
      if (!article_->extraction.claims.empty()) throw BadRecord("a mention record after the article's claims");
      article_->extraction.mentions.push_back(MentionOf(record));
    } else {
      if (article_->extraction.mentions.size() != mentions_expected_) {
        throw BadRecord("a claim record before all of the article's mentions");
      }
      article_->extraction.claims.push_back(ClaimOf(record, article_->article.id));
    }
    if (--lines_left_ == 0) Close(out);
  } catch (const BadRecord& error) {
    fail(error.what());
  } catch (const json::exception& error) {
    fail(error.what());
  }
}

void ExtractionReader::End(const std::string& file, Output& out) {
  if (lines_left_ > 0 && !bad_) {
    const std::string cut = "cut short at the end of " + file + ": " + std::to_string(lines_left_) +
                            " of its mention and claim records missing";
    if (skipping_) {
      skipping_ = false;
      out.rejections.push_back(Status::InvalidInput(where_, cut));
    } else {
      Reject(out, where_, cut);
    }
  }
  article_.reset();
  skipping_ = bad_ = false;
  lines_left_ = 0;
}

}  // namespace concord::tools
