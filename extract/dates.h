#pragma once
// Date and period recognizer (internal to extract): finds date expressions and says what
// they literally state (DateExpr). Resolution against the published date is normalize's.

#include <memory>
#include <string_view>
#include <vector>

#include "extract/extract.h"

namespace concord::extract {

class DateRecognizer {
 public:
  // Compiles the patterns; immutable afterwards and Find() is thread-safe.
  DateRecognizer();
  ~DateRecognizer();
  DateRecognizer(DateRecognizer&&) noexcept;
  DateRecognizer& operator=(DateRecognizer&&) noexcept;

  // Date (kDate) and duration (kDuration) mentions of `text` in text order, spans into
  // `text`, each with its DateExpr. A boundary word ("through", "until", "before") is
  // inside the span and recorded in DateExpr::boundary.
  std::vector<Mention> Find(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace concord::extract
