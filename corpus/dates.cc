// ParsePublishedDate: the handful of date spellings scrapers, CMSs and people put in a
// "published" field. Grammar (case-insensitive; a leading weekday "Tue," / "Tuesday" is
// skipped):
//   numeric  YYYY-MM-DD | YYYY/M/D | YYYY.M.D, optionally followed by 'T' or ' ' and a time
//   textual  MONTH D[st|nd|rd|th][,] YYYY   |   D MONTH[,] YYYY
//            (MONTH: full name or 3-letter abbreviation, "Sept", optional trailing '.'),
//            optionally followed by a time ("Tue, 28 Apr 2026 09:00:00 +0000", RFC 2822)
// The time part, if any, is ignored: the date as written is the published date.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "corpus/corpus.h"
#include "corpus/text_util.h"

namespace concord::corpus {
namespace {

constexpr int kMinYear = 1000;
constexpr int kMaxYear = 9999;

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
};

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool IsValid(const Date& date) {
  constexpr std::array<int, 12> kDaysInMonth = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (date.year < kMinYear || date.year > kMaxYear || date.month < 1 || date.month > 12) {
    return false;
  }
  int days = kDaysInMonth[static_cast<std::size_t>(date.month - 1)];
  if (date.month == 2 && IsLeapYear(date.year)) ++days;
  return date.day >= 1 && date.day <= days;
}

// "YYYY-MM-DD"; IsValid() has bounded every field, so the widths are exact.
std::string Format(const Date& date) {
  std::string out = std::to_string(date.year) + "-";
  if (date.month < 10) out += '0';
  out += std::to_string(date.month) + "-";
  if (date.day < 10) out += '0';
  out += std::to_string(date.day);
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A cursor over the trimmed input.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  void Advance() { ++pos_; }
  std::size_t pos() const { return pos_; }
  void set_pos(std::size_t pos) { pos_ = pos; }

  // Up to `max_digits` digits, at least `min_digits`.
  std::optional<int> Number(std::size_t min_digits, std::size_t max_digits) {
    std::size_t count = 0;
    int value = 0;
    while (count < max_digits && IsDigit(Peek())) {
      value = value * 10 + (Peek() - '0');
      Advance();
      ++count;
    }
    if (count < min_digits || IsDigit(Peek())) return std::nullopt;
    return value;
  }
  std::string Word() {
    const std::size_t start = pos_;
    while (IsAlpha(Peek())) Advance();
    return internal::ToLower(text_.substr(start, pos_ - start));
  }
  void SkipSeparators() {
    while (Peek() == ' ' || Peek() == ',' || Peek() == '\t') Advance();
  }
  std::string_view Rest() const { return text_.substr(std::min(pos_, text_.size())); }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

int MonthNumber(std::string_view word) {
  constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (word == "sept") return 9;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (word == kMonths[i] || (word.size() == 3 && kMonths[i].starts_with(word))) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

bool IsWeekday(std::string_view word) {
  constexpr std::array<std::string_view, 7> kDays = {"monday", "tuesday",  "wednesday", "thursday",
                                                     "friday", "saturday", "sunday"};
  for (std::string_view day : kDays) {
    if (word == day || (word.size() == 3 && day.starts_with(word))) return true;
  }
  return false;
}

// After a complete date: nothing, or a time ("T09:00:00Z", " 09:00", ", 9:00 AM").
bool RestIsTimeOrEmpty(std::string_view rest) {
  if (rest.empty()) return true;
  if (rest.front() != 'T' && rest.front() != 't' && rest.front() != ' ' && rest.front() != ',') {
    return false;
  }
  rest.remove_prefix(1);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == ',')) rest.remove_prefix(1);
  return !rest.empty() && IsDigit(rest.front());
}

std::optional<Date> ParseNumeric(Scanner scanner) {
  Date date;
  const auto year = scanner.Number(4, 4);
  if (!year) return std::nullopt;
  const char separator = scanner.Peek();
  if (separator != '-' && separator != '/' && separator != '.') return std::nullopt;
  // ISO 8601 wants two-digit months and days; slashes and dots are written loosely.
  const std::size_t min_digits = separator == '-' ? 2 : 1;
  scanner.Advance();
  const auto month = scanner.Number(min_digits, 2);
  if (!month || scanner.Peek() != separator) return std::nullopt;
  scanner.Advance();
  const auto day = scanner.Number(min_digits, 2);
  if (!day) return std::nullopt;
  date = {*year, *month, *day};
  if (!RestIsTimeOrEmpty(scanner.Rest())) return std::nullopt;
  return date;
}

void SkipOrdinalSuffix(Scanner& scanner) {
  const std::size_t start = scanner.pos();
  const std::string suffix = scanner.Word();
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") scanner.set_pos(start);
}

std::optional<Date> ParseTextual(Scanner scanner) {
  Date date;
  if (IsAlpha(scanner.Peek())) {
    std::string word = scanner.Word();
    if (IsWeekday(word)) {
      if (scanner.Peek() == '.') scanner.Advance();
      scanner.SkipSeparators();
      if (IsDigit(scanner.Peek())) return ParseTextual(scanner);
      word = scanner.Word();
    }
    date.month = MonthNumber(word);
    if (date.month == 0) return std::nullopt;
    if (scanner.Peek() == '.') scanner.Advance();
    scanner.SkipSeparators();
    const auto day = scanner.Number(1, 2);
    if (!day) return std::nullopt;
    date.day = *day;
    SkipOrdinalSuffix(scanner);
  } else {
    const auto day = scanner.Number(1, 2);
    if (!day) return std::nullopt;
    date.day = *day;
    SkipOrdinalSuffix(scanner);
    scanner.SkipSeparators();
    date.month = MonthNumber(scanner.Word());
    if (date.month == 0) return std::nullopt;
    if (scanner.Peek() == '.') scanner.Advance();
  }
  const std::size_t before_separator = scanner.pos();
  scanner.SkipSeparators();
  if (scanner.pos() == before_separator) return std::nullopt;  // "April 282026"
  const auto year = scanner.Number(4, 4);
  if (!year) return std::nullopt;
  date.year = *year;
  if (!RestIsTimeOrEmpty(scanner.Rest())) return std::nullopt;
  return date;
}

}  // namespace

std::string ParsePublishedDate(std::string_view text) {
  text = internal::Trim(text);
  if (text.empty()) return "";
  std::optional<Date> date =
      IsDigit(text.front()) ? ParseNumeric(Scanner(text)) : std::optional<Date>();
  if (!date) date = ParseTextual(Scanner(text));
  if (!date || !IsValid(*date)) return "";
  return Format(*date);
}

}  // namespace concord::corpus
