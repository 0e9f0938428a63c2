#pragma once
// Money and percent recognizer (internal to extract). RE2 patterns compiled once.

#include <memory>
#include <string_view>
#include <vector>

#include "extract/extract.h"

namespace concord::extract {

class AmountRecognizer {
 public:
  // Compiles the patterns; the recognizer is immutable afterwards and Find() is thread-safe.
  AmountRecognizer();
  ~AmountRecognizer();
  AmountRecognizer(AmountRecognizer&&) noexcept;
  AmountRecognizer& operator=(AmountRecognizer&&) noexcept;

  // Money and percent mentions of `text` in text order, spans into `text`, `sentence` = 0.
  // Each carries its Amount (value range, currency, qualifier with its span, rate period).
  std::vector<Mention> Find(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace concord::extract
