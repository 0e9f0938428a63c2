#pragma once
// JSON forms of mentions, claims, amounts and dates (internal to the stage). One place, so
// `extract --jsonl`, `claims --json`, the stored values and the report agree field by field.

#include <nlohmann/json.hpp>

#include "extract/extract.h"

namespace concord::reconcile {

nlohmann::json AmountJson(const extract::Amount& amount, extract::ValueKind kind);
nlohmann::json DateJson(const extract::DateValue& date);
nlohmann::json MentionValueJson(const extract::Mention& mention);
nlohmann::json ClaimJson(const extract::Claim& claim);
const char* ValueKindName(extract::ValueKind kind);

}  // namespace concord::reconcile
