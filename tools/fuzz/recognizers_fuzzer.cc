// libFuzzer target for the money and percent recognizer alone (extract::FindAmounts) and
// merged with the count and date recognizers (extract::FindQuantities): any bytes in, and the
// mentions out must be well formed. A violated property traps, so
// libFuzzer reports it like a crash, with the input that caused it.
//
// Properties checked on every input:
//   - spans lie inside the text, are not empty, come in text order and do not overlap;
//   - a mention's text is the surface of its span;
//   - money and percent values are finite and low <= high; a range's bound spans lie inside
//     the mention's span, the low one first; a qualifier's span lies before the mention.
// A hang or a super-linear input shows as a libFuzzer timeout (-timeout=, in seconds).

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/extract.h"

namespace {

using concord::extract::Mention;
using concord::extract::MentionKind;
using concord::extract::Span;

void Require(bool property) {
  if (!property) __builtin_trap();
}

bool Inside(const Span& inner, const Span& outer) {
  return inner.begin >= outer.begin && inner.end <= outer.end;
}

void Check(std::string_view text, const std::vector<Mention>& mentions) {
  std::size_t previous_end = 0;
  for (const Mention& mention : mentions) {
    Require(mention.span.begin < mention.span.end);
    Require(mention.span.end <= text.size());
    Require(mention.span.begin >= previous_end);
    Require(mention.text == text.substr(mention.span.begin, mention.span.end - mention.span.begin));
    previous_end = mention.span.end;
    if (mention.kind != MentionKind::kMoney && mention.kind != MentionKind::kPercent) continue;
    const auto& amount = mention.amount;
    Require(std::isfinite(amount.low) && std::isfinite(amount.high));
    Require(amount.low <= amount.high);
    Require((mention.kind == MentionKind::kMoney) == !amount.currency.empty());
    if (!amount.qualifier_span.empty()) Require(amount.qualifier_span.end <= mention.span.begin);
    Require(amount.low_span.empty() == amount.high_span.empty());
    if (amount.high_span.empty()) continue;
    Require(Inside(amount.low_span, mention.span) && Inside(amount.high_span, mention.span));
    Require(amount.low_span.end <= amount.high_span.begin);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Check(text, concord::extract::FindAmounts(text));
  Check(text, concord::extract::FindQuantities(text));
  return 0;
}
