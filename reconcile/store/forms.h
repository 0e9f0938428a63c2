#pragma once
// Mentions and claims as text: the JSON lines of `concord extract --jsonl` (DESIGN.md) and the
// short human forms reports use. The store writes its JSON columns in the same forms.

#include <string>

#include "corpus/corpus.h"
#include "extract/extract.h"

namespace concord::reconcile {

// JSON lines for `concord extract --jsonl` (DESIGN.md): one per mention and per claim.
std::string MentionJsonLine(const extract::Mention& mention, const corpus::Article& article);
std::string ClaimJsonLine(const extract::Claim& claim, const corpus::Article& article);

// Short human forms: "up to USD 50 bn", "approximately 27%", "2026-02".
std::string AmountText(const extract::Amount& amount, extract::ValueKind kind);
std::string DateText(const extract::DateValue& date);

}  // namespace concord::reconcile
