#pragma once
// Holidays news names (internal to extract and normalize): the names the date recognizer
// reads, and the identifiers DatePoint::holiday carries to normalize, which computes the day
// (fixed days and weekday rules, Easter, and a table of lunar and lunisolar dates).

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace concord::extract {

// DatePoint::holiday. 0 is none; the values are stable only within one build.
enum Holiday : int {
  kNoHoliday = 0,
  // Fixed days.
  kNewYearsDay, kNewYearsEve, kValentinesDay, kStPatricksDay, kEarthDay, kMayDay, kJuneteenth,
  kIndependenceDay, kHalloween, kGuyFawkesNight, kVeteransDay, kChristmasEve, kChristmasDay,
  kBoxingDay,
  // Weekday rules (US unless said).
  kMlkDay, kPresidentsDay, kMothersDay, kMemorialDay, kFathersDay, kLaborDay, kColumbusDay,
  kThanksgiving, kBlackFriday, kCyberMonday,
  // UK bank holidays by rule.
  kEarlyMayBankHoliday, kSpringBankHoliday, kSummerBankHoliday,
  // "the bank holiday": whichever UK bank holiday is nearest (normalize picks it).
  kBankHoliday,
  // Easter and the days it moves.
  kEaster, kGoodFriday, kEasterMonday, kAshWednesday,
  // From normalize/data/holiday_dates.tsv.
  kRamadan, kEidAlFitr, kEidAlAdha, kDiwali, kLunarNewYear, kHanukkah,
  kHolidayCount,
};

// The table's name of a table holiday ("ramadan"), or empty for a rule holiday.
std::string_view HolidayTableName(int holiday);

struct HolidayName {
  int holiday = kNoHoliday;
  std::size_t end = 0;  // where the name ends in the text
};

// The holiday name starting at `pos` ("Christmas Day", "Eid al-Fitr", "the August bank
// holiday"), or nullopt. Cheap when `pos` starts no holiday name: one look at the first word.
std::optional<HolidayName> HolidayNameAt(std::string_view text, std::size_t pos);

// True when `word` can begin a holiday name ("Christmas", "Black", "Eid").
bool MayStartHoliday(std::string_view word);

// The words that can begin a holiday name, lower case (for the recognizer's word table).
std::span<const std::string_view> HolidayFirstWords();

}  // namespace concord::extract
