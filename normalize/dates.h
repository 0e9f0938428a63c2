#pragma once
// Date resolution (internal to normalize): a DateExpr plus the published date and the
// sentence's tense give ISO dates, a precision, a boundary kind and flags.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include "corpus/status.h"
#include "extract/extract.h"

namespace concord::normalize {

enum class Tense { kUnknown, kPast, kPresent, kFuture };

// Tense of a sentence from its verbs ("finalized", "will launch", "is considering").
Tense DetectTense(std::string_view sentence);

// Tense for the date at [date_begin, date_end) (byte offsets into `sentence`): the tense
// marker nearest the date within its clause (commas, semicolons, colons, brackets and dashes
// end a clause), else DetectTense(sentence). "Acme will pay $5 a share, a premium to where
// the stock closed on Sunday" is past for "Sunday", though the sentence is future.
Tense DetectTenseNear(std::string_view sentence, std::size_t date_begin, std::size_t date_end);

// Resolves `expr` against `published` ("YYYY-MM-DD" or empty). Without a published date a
// relative expression stays unresolved (flag "unresolved"), never guessed. A past-tense
// event whose year the text leaves relative ("In October this year, X finalized …" in an
// April article) that resolves after the published date is moved back a year and flagged
// "inconsistent" (a year the text writes out is kept); a weekday that contradicts its date
// is flagged "inconsistent"; "4/5/2026" is flagged "ambiguous"; a day that does not exist
// ("February 30") is flagged "invalid". Open boundaries leave start or end empty: "through
// 2032" has only an end, "after 2027" only a start (the rules are in dates.cc).
//
// `fiscal_year_end_month` (1..12) is the month the fiscal year of the date's owner ends in:
// "fiscal 2026" with 6 (Microsoft) is 2025-07-01 .. 2026-06-30 and "the fourth quarter of
// fiscal 2025" is 2025-04-01 .. 2025-06-30; 12 (the default) is the calendar year.
extract::DateValue ResolveDate(const extract::DateExpr& expr, std::string_view published,
                               Tense tense, int fiscal_year_end_month = 12);

// The month each entity's fiscal year ends in, from fiscal_years.tsv (format in that file).
class FiscalCalendar {
 public:
  // A missing file gives an empty calendar (every fiscal year is the calendar year); a
  // malformed row fails naming file:line.
  static Result<FiscalCalendar> Load(const std::filesystem::path& file);

  // 1..12; 12 for an entity the file does not list.
  int EndMonth(std::string_view entity_id) const;

 private:
  std::unordered_map<std::string, int> end_month_by_id_;
};

}  // namespace concord::normalize
