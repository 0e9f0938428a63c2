#include "extract/holidays.h"

#include <string_view>

// Holiday names as news writes them. A name is matched word by word, case-insensitively
// unless marked exact; a space in a name matches a space or a hyphen ("Eid al-Fitr", "Eid al
// Fitr"), an apostrophe a straight or a curly one. The longest name at a position wins.

namespace concord::extract {

namespace {

struct Name {
  std::string_view words;
  int holiday;
  bool exact = false;  // "May Day", "New Year": capitalised only ("may day" is a verb phrase)
};

constexpr Name kNames[] = {
    {"New Year's Day", kNewYearsDay},   {"New Years Day", kNewYearsDay},
    {"New Year Day", kNewYearsDay},     {"New Year's Eve", kNewYearsEve},
    {"New Years Eve", kNewYearsEve},    {"New Year's", kNewYearsDay, true},
    {"New Year", kNewYearsDay, true},   {"Valentine's Day", kValentinesDay},
    {"Valentines Day", kValentinesDay}, {"St Valentine's Day", kValentinesDay},
    {"St. Patrick's Day", kStPatricksDay}, {"St Patrick's Day", kStPatricksDay},
    {"St Patricks Day", kStPatricksDay}, {"Saint Patrick's Day", kStPatricksDay},
    {"Saint Patrick", kStPatricksDay},  {"Earth Day", kEarthDay},
    {"May Day", kMayDay, true},         {"International Workers' Day", kMayDay},
    {"Workers' Day", kMayDay},          {"Juneteenth", kJuneteenth},
    {"Independence Day", kIndependenceDay}, {"Fourth of July", kIndependenceDay},
    {"Halloween", kHalloween},          {"Guy Fawkes Night", kGuyFawkesNight},
    {"Bonfire Night", kGuyFawkesNight}, {"Veterans Day", kVeteransDay},
    {"Veterans' Day", kVeteransDay},    {"Armistice Day", kVeteransDay},
    {"Remembrance Day", kVeteransDay},  {"Christmas Eve", kChristmasEve},
    {"Christmas Day", kChristmasDay},   {"Christmas", kChristmasDay},
    {"Xmas", kChristmasDay},            {"Boxing Day", kBoxingDay},
    {"Martin Luther King Day", kMlkDay}, {"Martin Luther King Jr. Day", kMlkDay},
    {"Martin Luther King Jr Day", kMlkDay}, {"MLK Day", kMlkDay},
    {"Presidents Day", kPresidentsDay}, {"Presidents' Day", kPresidentsDay},
    {"President's Day", kPresidentsDay}, {"Mother's Day", kMothersDay},
    {"Mothers Day", kMothersDay},       {"Memorial Day", kMemorialDay},
    {"Father's Day", kFathersDay},      {"Fathers Day", kFathersDay},
    {"Labor Day", kLaborDay},           {"Labour Day", kLaborDay},
    {"Columbus Day", kColumbusDay},     {"Thanksgiving Day", kThanksgiving},
    {"Thanksgiving", kThanksgiving},    {"Black Friday", kBlackFriday},
    {"Cyber Monday", kCyberMonday},     {"early May bank holiday", kEarlyMayBankHoliday},
    {"May bank holiday", kEarlyMayBankHoliday}, {"May Day bank holiday", kEarlyMayBankHoliday},
    {"spring bank holiday", kSpringBankHoliday}, {"late May bank holiday", kSpringBankHoliday},
    {"Whitsun bank holiday", kSpringBankHoliday}, {"summer bank holiday", kSummerBankHoliday},
    {"August bank holiday", kSummerBankHoliday}, {"Easter bank holiday", kEasterMonday},
    {"bank holiday", kBankHoliday},
    {"Easter Sunday", kEaster},         {"Easter Day", kEaster},
    {"Easter", kEaster},                {"Good Friday", kGoodFriday},
    {"Easter Monday", kEasterMonday},   {"Ash Wednesday", kAshWednesday},
    {"Ramadan", kRamadan},              {"Ramadhan", kRamadan},
    {"Ramzan", kRamadan},               {"Eid al-Fitr", kEidAlFitr},
    {"Eid ul-Fitr", kEidAlFitr},        {"Eid el-Fitr", kEidAlFitr},
    {"Eid-ul-Fitr", kEidAlFitr},        {"Eid-al-Fitr", kEidAlFitr},
    {"Eid", kEidAlFitr},                {"Eid al-Adha", kEidAlAdha},
    {"Eid ul-Adha", kEidAlAdha},        {"Eid el-Adha", kEidAlAdha},
    {"Eid-ul-Adha", kEidAlAdha},        {"Eid-al-Adha", kEidAlAdha},
    {"Diwali", kDiwali},                {"Deepavali", kDiwali},
    {"Divali", kDiwali},                {"Lunar New Year", kLunarNewYear},
    {"Chinese New Year", kLunarNewYear}, {"Hanukkah", kHanukkah},
    {"Chanukah", kHanukkah},            {"Hanukah", kHanukkah},
    {"Chanukkah", kHanukkah},
};

// First words of the names, lower case (the scan's word: letters and digits only).
constexpr std::string_view kFirstWords[] = {
    "new",       "valentine", "valentines", "st",        "saint",     "earth",      "may",
    "international", "workers", "juneteenth", "independence", "fourth", "halloween", "guy",
    "bonfire",   "veterans",  "armistice",  "remembrance", "christmas", "xmas",     "boxing",
    "martin",    "mlk",       "presidents", "president", "mother",    "mothers",    "memorial",
    "father",    "fathers",   "labor",      "labour",    "columbus",  "thanksgiving", "black",
    "cyber",     "early",     "spring",     "late",      "whitsun",   "summer",     "august",
    "easter",    "good",      "ash",        "ramadan",   "ramadhan",  "ramzan",     "eid",
    "diwali",    "deepavali", "divali",     "lunar",     "chinese",   "hanukkah",   "chanukah",
    "hanukah",   "chanukkah", "bank",
};

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The end of `name` at `pos`, or 0 when it is not there.
std::size_t MatchName(std::string_view text, std::size_t pos, const Name& name) {
  std::size_t at = pos;
  for (char want : name.words) {
    if (at >= text.size()) return 0;
    const char got = text[at];
    if (want == ' ' || want == '-') {
      if (got != ' ' && got != '-') return 0;
      ++at;
      continue;
    }
    if (want == '\'') {
      if (got == '\'') {
        ++at;
        continue;
      }
      // U+2019 right single quotation mark: E2 80 99.
      if (text.substr(at, 3) == "\xE2\x80\x99") {
        at += 3;
        continue;
      }
      return 0;
    }
    if (name.exact ? got != want : Lower(got) != Lower(want)) return 0;
    ++at;
  }
  if (at < text.size() && IsWordChar(text[at])) return 0;
  // "Easter Island", "the Good Friday Agreement", "the Easter Rising": names, not days.
  std::size_t next = at;
  while (next < text.size() && text[next] == ' ') ++next;
  for (std::string_view not_day : {"Island", "Agreement", "Accord", "Rising", "Offensive"}) {
    if (next > at && text.substr(next, not_day.size()) == not_day) return 0;
  }
  return at;
}

bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (Lower(word[i]) != lower[i]) return false;
  }
  return true;
}

}  // namespace

std::string_view HolidayTableName(int holiday) {
  switch (holiday) {
    case kRamadan: return "ramadan";
    case kEidAlFitr: return "eid_al_fitr";
    case kEidAlAdha: return "eid_al_adha";
    case kDiwali: return "diwali";
    case kLunarNewYear: return "lunar_new_year";
    case kHanukkah: return "hanukkah";
    default: return {};
  }
}

std::span<const std::string_view> HolidayFirstWords() { return kFirstWords; }

bool MayStartHoliday(std::string_view word) {
  for (std::string_view first : kFirstWords) {
    if (EqualsLower(word, first)) return true;
  }
  return false;
}

std::optional<HolidayName> HolidayNameAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  std::optional<HolidayName> best;
  for (const Name& name : kNames) {
    if (Lower(name.words[0]) != Lower(text[pos])) continue;
    const std::size_t end = MatchName(text, pos, name);
    if (end != 0 && (!best || end > best->end)) best = HolidayName{name.holiday, end};
  }
  return best;
}

}  // namespace concord::extract
