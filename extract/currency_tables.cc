// extract/data/currencies.tsv (compiled in) read once into CurrencyTables (amount_grammar.h).

#include "extract/amount_grammar.h"

#include "extract/currencies_data.inc"

namespace concord::extract::amount_detail {

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

CurrencyTables LoadCurrencyTables() {
  CurrencyTables tables;
  std::vector<std::pair<std::string_view, std::string_view>> aliases;
  std::string_view rest = kCurrencyTable;
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() < 3) continue;
    const std::string_view iso = f[0], kind = f[1], surface = f[2];
    std::string_view flags = f.size() > 3 ? f[3] : std::string_view();
    if (const std::size_t hash = flags.find('#'); hash != std::string_view::npos)
      flags = flags.substr(0, hash);
    CurrencyName name{.surface = surface, .iso = iso};
    name.big = flags.find("big") != std::string_view::npos;
    name.glued = flags.find("glued") != std::string_view::npos;
    name.article = flags.find("noarticle") == std::string_view::npos;
    if (const std::size_t e = flags.find("e-"); e != std::string_view::npos)
      name.minor_exponent = -(flags[e + 2] - '0');
    if (kind == "code" || kind == "code-caps") {
      tables.codes.push_back(surface);
      tables.foldable.push_back(kind == "code");
    } else if (kind == "prefix") {
      name.boundary = false;
      tables.prefixes.push_back(name);
    } else if (kind == "prefix-fold") {
      name.fold = true;
      name.boundary = false;
      tables.prefixes.push_back(name);
    } else if (kind == "suffix-symbol") {
      name.boundary = IsAsciiLetter(surface.back());
      tables.suffixes.push_back(name);
    } else if (kind == "suffix") {
      name.fold = true;
      tables.suffixes.push_back(name);
    } else if (kind == "minor") {
      const bool symbol = flags.find("symbol") != std::string_view::npos;
      // "25c", "50p", "52 sen": lower case only.
      name.fold = !symbol && !name.glued && flags.find("case") == std::string_view::npos;
      name.boundary = !symbol;
      tables.suffixes.push_back(name);
    } else if (kind == "alias" && f.size() > 3) {
      aliases.emplace_back(surface, f[3]);
    } else if (kind == "cents") {
      tables.cents_family.push_back(iso);
    } else if (kind == "dateline") {
      tables.datelines.push_back({surface, iso, flags.find("franc") != std::string_view::npos});
    }
  }
  // "Canadian dlrs": every suffix word containing an aliased word, with the alias instead.
  const std::size_t count = tables.suffixes.size();
  for (const auto& [word, alias] : aliases) {
    for (std::size_t i = 0; i < count; ++i) {
      const std::string_view surface = tables.suffixes[i].surface;
      const std::size_t at = surface.find(word);
      if (at == std::string_view::npos || !tables.suffixes[i].fold) continue;
      const std::size_t end = at + word.size();
      if ((at > 0 && surface[at - 1] != ' ') || (end < surface.size() && surface[end] != ' '))
        continue;
      auto owned = std::make_unique<std::string>(surface);
      owned->replace(at, word.size(), alias);
      CurrencyName name = tables.suffixes[i];
      name.surface = *owned;
      tables.owned.push_back(std::move(owned));
      tables.suffixes.push_back(name);
    }
  }
  const auto index = [](const std::vector<CurrencyName>& names,
                         std::array<std::vector<std::uint16_t>, 256>& by_byte) {
    for (std::size_t i = 0; i < names.size(); ++i)
      by_byte[static_cast<unsigned char>(Lower(names[i].surface[0]))].push_back(
          static_cast<std::uint16_t>(i));
  };
  index(tables.prefixes, tables.prefixes_by_byte);
  index(tables.suffixes, tables.suffixes_by_byte);
  for (std::size_t i = 0; i < tables.codes.size(); ++i) {
    const char first = tables.codes[i][0];
    if (first >= 'A' && first <= 'Z')
      tables.codes_by_letter[static_cast<std::size_t>(first - 'A')].push_back(
          static_cast<std::uint16_t>(i));
  }
  return tables;
}


}  // namespace

bool ArticleName(const CurrencyName& name) {
  return name.fold && name.article && name.minor_exponent == 0 && !name.surface.empty() &&
         name.surface.back() != 's' && name.surface.find(' ') == std::string_view::npos;
}

const CurrencyTables& Currencies() {
  static const CurrencyTables tables = LoadCurrencyTables();
  return tables;
}

}  // namespace concord::extract::amount_detail
