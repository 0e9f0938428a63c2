// Canonical keys and the entity table.

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <utility>
#include <sstream>

#include "normalize/normalize.h"

namespace concord::normalize {
namespace {

// Corporate forms that do not tell two companies apart: "Microsoft Corp." is Microsoft.
constexpr std::array<std::string_view, 22> kCorporateSuffixes = {
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc",
    "ag", "sa", "se", "nv", "bv", "gmbh", "lp", "llp", "group", "holdings", "holding", "pte"};

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return fields;
}

std::vector<std::string> SplitBars(const std::string& field) {
  std::vector<std::string> parts;
  std::stringstream stream(field);
  std::string part;
  while (std::getline(stream, part, '|')) {
    std::size_t b = part.find_first_not_of(' ');
    std::size_t e = part.find_last_not_of(' ');
    if (b != std::string::npos) parts.push_back(part.substr(b, e - b + 1));
  }
  return parts;
}

std::optional<extract::EntityType> ParseType(std::string_view type) {
  if (type == "org" || type == "organization" || type == "unit") return extract::EntityType::kOrganization;
  if (type == "regulator" || type == "government") return extract::EntityType::kGovernment;
  if (type == "person") return extract::EntityType::kPerson;
  if (type == "product" || type == "service" || type == "platform") return extract::EntityType::kProduct;
  if (type == "place") return extract::EntityType::kPlace;
  return std::nullopt;
}

// "TimeWarner" → "Time Warner", "DaimlerChrysler" → "Daimler Chrysler": a lowercase letter
// then a capital that starts a lowercase run is a word break, so the run-together spelling
// and the spaced one key alike. Acronym tails ("OpenAI") and all-caps words stay whole.
std::string SplitCamelCase(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 4);
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    if (i > 0 && std::isupper(c) && std::islower(static_cast<unsigned char>(name[i - 1])) && i + 1 < name.size() &&
        std::islower(static_cast<unsigned char>(name[i + 1]))) {
      out += ' ';
    }
    out += name[i];
  }
  return out;
}

// German umlauts as English text writes them ("Börse" → "boerse"), then other marks dropped
// ("Nestlé" → "nestle"), on case-folded NFKC text. ß is "ss" after case folding already.
std::string Transliterate(std::string folded) {
  static constexpr std::pair<std::string_view, std::string_view> kUmlauts[] = {
      {"\xC3\xA4", "ae"}, {"\xC3\xB6", "oe"}, {"\xC3\xBC", "ue"}};
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    bool replaced = false;
    for (const auto& [from, to] : kUmlauts) {
      if (folded.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size() - 1;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += folded[i];
  }
  if (std::all_of(out.begin(), out.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return out;
  utf8proc_uint8_t* stripped = nullptr;
  utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(out.data()),
                                         static_cast<utf8proc_ssize_t>(out.size()), &stripped,
                                         static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK));
  if (length >= 0 && stripped != nullptr) out.assign(reinterpret_cast<const char*>(stripped), static_cast<std::size_t>(length));
  std::free(stripped);
  return out;
}

}  // namespace

std::string CanonicalKey(std::string_view original) {
  const std::string camel = SplitCamelCase(original);
  const std::string_view name = camel;
  // NFKC + case fold with utf8proc; on invalid UTF-8 fall back to the bytes as given
  // (corpus has validated article text, so this only guards user data files).
  std::string folded;
  const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    // NFKC leaves ASCII as it is and case folding is tolower: skip utf8proc (the hot path).
    folded.assign(name);
    for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t length = ascii ? -1 : utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
                                         static_cast<utf8proc_ssize_t>(name.size()), &mapped,
                                         static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                                        UTF8PROC_COMPAT | UTF8PROC_CASEFOLD));
  if (ascii) {
    // folded already holds the ASCII fold
  } else if (length >= 0 && mapped != nullptr) {
    folded.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
  } else {
    folded.assign(name);
    for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  std::free(mapped);
  if (!ascii) folded = Transliterate(std::move(folded));
  // Right single quote → apostrophe, so both possessive spellings strip alike.
  std::string text;
  text.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\xE2\x80\x99") == 0) {
      text += '\'';
      i += 2;
    } else {
      text += folded[i];
    }
  }
  // Words: letters and digits (and any non-ASCII byte); everything else separates, except
  // '&' which names keep ("AT&T") and an apostrophe inside a word.
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : ' ';
    auto u = static_cast<unsigned char>(c);
    bool keep = std::isalnum(u) || u >= 0x80 || c == '&';
    if (keep) {
      word += c;
      continue;
    }
    // Dotted initials are one word: "S.A." → "sa", "N.V." → "nv", "U.S." → "us".
    auto alpha_at = [&](std::size_t at) { return at < text.size() && std::isalpha(static_cast<unsigned char>(text[at])) != 0; };
    bool lone_letter_before = i >= 1 && alpha_at(i - 1) && (i < 2 || !std::isalnum(static_cast<unsigned char>(text[i - 2])));
    if (c == '.' && !word.empty() && lone_letter_before && alpha_at(i + 1) && !alpha_at(i + 2)) continue;
    if (c == '\'' && !word.empty() && i + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[i + 1])) &&
        !(text[i + 1] == 's' && (i + 2 >= text.size() || !std::isalnum(static_cast<unsigned char>(text[i + 2]))))) {
      continue;  // "O'Neil" → "oneil"; but "'s" ends the word and is dropped below
    }
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
    if (c == '\'' && i + 1 < text.size() && text[i + 1] == 's') ++i;  // possessive 's
  }
  // "Merrill Lynch and Co Inc", "Goldman, Sachs & Co": the "and" before a dropped suffix goes too.
  while (words.size() > 1 && std::find(kCorporateSuffixes.begin(), kCorporateSuffixes.end(), words.back()) !=
                                 kCorporateSuffixes.end()) {
    words.pop_back();
    while (words.size() > 1 && (words.back() == "and" || words.back() == "&")) words.pop_back();
  }
  // An investment house is known by its first word(s): "Atticus Capital", "Halvard Fund
  // Management" and "Halvard Partners" are "Atticus" and "Halvard" in later reports. Kept
  // when what is left is a word that names no one ("First Capital", "Global Partners").
  static constexpr std::string_view kFundWords[] = {"capital", "management", "partners", "advisors", "advisers"};
  static constexpr std::string_view kFundModifiers[] = {"fund", "asset", "investment", "investments", "capital"};
  static constexpr std::string_view kPlainWords[] = {
      "first", "global", "general", "national", "international", "american", "new", "united", "pacific", "atlantic",
      "royal", "city", "private", "equity", "venture", "ventures", "growth", "value", "strategic", "summit", "capital",
      "asset", "fund", "investment", "north", "south", "east", "west", "european", "asian", "british", "china", "us"};
  auto is = [](std::string_view word, const auto& list) { return std::find(std::begin(list), std::end(list), word) != std::end(list); };
  if (words.size() > 1 && is(words.back(), kFundWords)) {
    std::size_t keep = words.size() - 1;
    if (keep > 1 && is(words[keep - 1], kFundModifiers)) --keep;
    // "Norges Bank Investment Management" is not the bank it is named after.
    static constexpr std::string_view kBodyWords[] = {"bank", "banks", "insurance", "trust", "securities", "group"};
    const bool plain = (keep == 1 && (is(words[0], kPlainWords) || words[0].size() < 3)) || is(words[keep - 1], kBodyWords);
    if (!plain) words.resize(keep);
  }
  if (words.size() > 1 && words.front() == "the") words.erase(words.begin());
  std::string key;
  for (const std::string& w : words) key += (key.empty() ? "" : " ") + w;
  return key;
}

Result<EntityTable> EntityTable::Load(const std::vector<std::filesystem::path>& files) {
  EntityTable table;
  std::vector<std::pair<std::string, std::string>> parents_to_check;  // (where, parent id)
  for (const std::filesystem::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::InvalidInput(file.string(), "cannot read entity file");
    std::string line;
    int line_number = 0;
    while (std::getline(in, line)) {
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> fields = SplitTabs(line);
      std::string where = file.string() + ":" + std::to_string(line_number);
      if (fields.size() < 3) {
        return Status::InvalidInput(where, "expected at least 3 tab-separated fields: id, name, type");
      }
      std::optional<extract::EntityType> type = ParseType(fields[2]);
      if (!type) return Status::InvalidInput(where, "unknown type '" + fields[2] + "' (org, unit, regulator, person, product, place)");
      Entity entity;
      entity.id = fields[0];
      entity.name = fields[1];
      entity.type = *type;
      entity.unit = fields[2] == "unit";
      if (fields.size() > 3) entity.parent = fields[3];
      if (fields.size() > 4) entity.aliases = SplitBars(fields[4]);
      if (fields.size() > 5) entity.tickers = SplitBars(fields[5]);
      if (entity.id.empty() || entity.name.empty()) return Status::InvalidInput(where, "empty id or name");
      if (!entity.parent.empty()) parents_to_check.emplace_back(where, entity.parent);
      std::size_t index;
      auto existing = table.index_by_id_.find(entity.id);
      if (existing != table.index_by_id_.end()) {
        index = existing->second;  // a later file overrides the row
        table.entities_[index] = entity;
      } else {
        index = table.entities_.size();
        table.entities_.push_back(entity);
        table.index_by_id_[entity.id] = index;
      }
      table.index_by_key_[CanonicalKey(entity.name)] = index;
      for (const std::string& alias : entity.aliases) table.index_by_key_[CanonicalKey(alias)] = index;
      for (const std::string& ticker : entity.tickers) table.index_by_key_[CanonicalKey(ticker)] = index;
    }
  }
  for (const auto& [where, parent] : parents_to_check) {
    if (!table.index_by_id_.count(parent)) return Status::InvalidInput(where, "unknown parent id '" + parent + "'");
  }
  return table;
}

const Entity* EntityTable::Find(std::string_view name) const { return FindByKey(CanonicalKey(name)); }

const Entity* EntityTable::FindByKey(const std::string& key) const {
  auto found = index_by_key_.find(key);
  return found == index_by_key_.end() ? nullptr : &entities_[found->second];
}

const Entity* EntityTable::FindById(std::string_view id) const {
  auto found = index_by_id_.find(std::string(id));
  return found == index_by_id_.end() ? nullptr : &entities_[found->second];
}

bool EntityTable::IsWithin(std::string_view id, std::string_view ancestor) const {
  std::string current(id);
  for (int depth = 0; depth < 16 && !current.empty(); ++depth) {  // bounded: a cycle in data ends here
    if (current == ancestor) return true;
    const Entity* entity = FindById(current);
    if (entity == nullptr) return false;
    current = entity->parent;
  }
  return false;
}

std::string EntityTable::StandIn(std::string_view id) const {
  std::string current(id);
  for (int depth = 0; depth < 16; ++depth) {  // bounded: a cycle in data ends here
    const Entity* entity = FindById(current);
    if (entity == nullptr || !entity->unit || entity->parent.empty()) return current;
    current = entity->parent;
  }
  return current;
}

}  // namespace concord::normalize
