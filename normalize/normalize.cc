// The Normalizer: entities (table, in-article definitions, short forms), dates and
// conditions. Reads its data files once in Create().

#include "normalize/normalize.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "normalize/article_dates.h"
#include "normalize/dates.h"

namespace concord::normalize {
namespace {

using extract::EntityRef;
using extract::EntityType;
using extract::Mention;
using extract::MentionKind;

struct ConditionCue {
  std::string predicate;  // NOT_ABLE, NOT_WILLING …
  std::string phrase;     // lowercase
};

Status LoadConditionCues(const std::filesystem::path& file, std::vector<ConditionCue>& cues) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::InvalidInput(file.string(), "cannot read condition lexicon");
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) {
      return Status::InvalidInput(file.string() + ":" + std::to_string(line_number), "expected 'PREDICATE: phrase | phrase'");
    }
    std::string predicate = line.substr(first, colon - first);
    std::stringstream phrases(line.substr(colon + 1));
    std::string phrase;
    while (std::getline(phrases, phrase, '|')) {
      std::size_t b = phrase.find_first_not_of(" \t\r");
      std::size_t e = phrase.find_last_not_of(" \t\r");
      if (b != std::string::npos) cues.push_back({predicate, phrase.substr(b, e - b + 1)});
    }
  }
  // Longest phrases first, so "can not" wins over a shorter cue at the same place.
  std::stable_sort(cues.begin(), cues.end(), [](const ConditionCue& a, const ConditionCue& b) {
    return a.phrase.size() > b.phrase.size();
  });
  return Status::Ok();
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Curly apostrophes read as straight ones ("can’t").
  std::string out;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (lower.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else {
      out += lower[i];
    }
  }
  return out;
}

bool WordBoundary(std::string_view text, std::size_t at) {
  return at == 0 || at >= text.size() || !std::isalnum(static_cast<unsigned char>(text[at - 1])) ||
         !std::isalnum(static_cast<unsigned char>(text[at]));
}

std::string DisplayName(std::string_view surface) {
  std::string name(surface);
  for (std::string_view possessive : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    if (name.size() > possessive.size() && name.compare(name.size() - possessive.size(), possessive.size(), possessive) == 0) {
      name.erase(name.size() - possessive.size());
      break;
    }
  }
  return name;
}

bool IsPairReference(std::string_view text) {
  return text == "the two companies" || text == "the two parties" || text == "both companies" ||
         text == "both parties" || text == "the two firms";
}

// "the company", "The firm", "the group": a reference to one organisation.
bool IsOrgReference(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "the company" || lower == "the firm" || lower == "the group";
}

// An all-capitals short name ("HP", "EADS"): 2 to 6 letters.
bool IsAcronym(std::string_view text) {
  return text.size() >= 2 && text.size() <= 6 &&
         std::all_of(text.begin(), text.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
}

// The initials of a name's words, hyphenated parts counted apart, small words left out, and
// legal suffixes too unless `with_suffixes`: "Hewlett-Packard Co" → "HP" (or "HPC"), "Bank of
// Nowhere" → "BN", "San Miguel Corp" → "SM" (or "SMC", as wire copy abbreviates it).
std::string Initials(std::string_view name, bool with_suffixes) {
  static constexpr std::string_view kSmallWords[] = {"of", "and", "&", "the", "de", "for"};
  static constexpr std::string_view kSuffixes[] = {"Co", "Corp", "Inc", "Ltd", "plc", "PLC", "AG", "SA", "NV", "Group", "Holdings", "LLC"};
  std::string initials;
  std::size_t at = 0;
  while (at < name.size()) {
    std::size_t end = name.find_first_of(" -", at);
    if (end == std::string_view::npos) end = name.size();
    std::string_view word = name.substr(at, end - at);
    while (!word.empty() && word.back() == '.') word.remove_suffix(1);
    const bool small = std::find(std::begin(kSmallWords), std::end(kSmallWords), word) != std::end(kSmallWords);
    const bool suffix = std::find(std::begin(kSuffixes), std::end(kSuffixes), word) != std::end(kSuffixes);
    if (!word.empty() && !small && (with_suffixes || !suffix)) {
      initials += static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    }
    at = end + 1;
  }
  return initials;
}

std::vector<std::string_view> KeyWords(std::string_view key) {
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at <= key.size()) {
    std::size_t end = key.find(' ', at);
    if (end == std::string_view::npos) end = key.size();
    if (end > at) words.push_back(key.substr(at, end - at));
    at = end + 1;
  }
  return words;
}

// Last words of an organisation's name that say what kind of body it is, not which one:
// "Motors" after "General Motors" or "Bank" after "Deutsche Bank" is not a short form of it.
bool IsGenericNameWord(std::string_view word) {
  static constexpr std::string_view kGeneric[] = {
      "bank",       "banks",     "group",       "airlines",   "airways",      "motors",     "capital",   "partners",
      "holdings",   "international", "industries", "systems", "energy",     "exchange",   "fund",      "funds",
      "management", "trust",     "securities",  "investment", "investments", "communications", "technologies",
      "technology", "electric",  "oil",         "petroleum",  "foods",      "insurance",  "services",  "financial",
      "resources",  "mining",    "steel",       "chemicals",  "chemical",   "pharmaceuticals", "media", "telecom",
      "networks",   "brands",    "stores",      "bancorp",    "enterprises", "association", "council", "commission",
      "ministry",   "department", "office",     "agency",     "authority",  "board",      "court",     "bureau",
      "house",      "television", "news",       "post",       "times",      "journal",    "company",   "corporation",
      "university", "institute", "party",       "union",      "league",     "club",       "city",      "county",
      "state",      "national",  "general",     "american",   "british",    "first",      "new"};
  return std::find(std::begin(kGeneric), std::end(kGeneric), word) != std::end(kGeneric);
}

// "Utd" for "United", "Intl" for "International": the same first letter, then the short word's
// letters in order in the long one.
bool AbbreviatesWord(std::string_view short_word, std::string_view long_word) {
  if (short_word.empty() || short_word.size() > long_word.size() || short_word[0] != long_word[0]) return false;
  std::size_t at = 0;
  for (char c : long_word) {
    if (at < short_word.size() && c == short_word[at]) ++at;
  }
  return at == short_word.size();
}

// "Man Utd" for "Manchester United": as many words, each abbreviating the long name's word,
// at least one of them shorter.
bool AbbreviatesName(std::string_view short_key, std::string_view long_key) {
  const std::vector<std::string_view> short_words = KeyWords(short_key), long_words = KeyWords(long_key);
  if (short_words.size() != long_words.size() || short_key == long_key) return false;
  for (std::size_t i = 0; i < short_words.size(); ++i) {
    if (!AbbreviatesWord(short_words[i], long_words[i])) return false;
  }
  return true;
}

// "United" after "Manchester United", "Warner" after "Time Warner": the longer name's last
// word(s), when they are not a generic word such as "Bank" or "Motors".
bool IsTailOf(std::string_view short_key, std::string_view long_key) {
  if (short_key.size() < 3 || long_key.size() <= short_key.size() + 1) return false;
  if (long_key.compare(long_key.size() - short_key.size(), short_key.size(), short_key) != 0 ||
      long_key[long_key.size() - short_key.size() - 1] != ' ') {
    return false;
  }
  const std::vector<std::string_view> words = KeyWords(short_key);
  return !words.empty() && !IsGenericNameWord(words.back()) && !IsGenericNameWord(words.front());
}

// A one-letter slip in a name written in full a little earlier ("Conract" after "Conrac Corp",
// "Fair Lines" after "Fair Lanes"): one letter added, dropped or replaced, in keys of six
// letters or more that start alike. A trailing "s" alone is not a slip ("Lloyd's" and
// "Lloyds" are two bodies).
bool IsOneLetterSlip(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (a.size() < 6 || b.size() - a.size() > 1 || a[0] != b[0] || a == b) return false;
  if (b.size() == a.size() + 1 && b.back() == 's' && b.compare(0, a.size(), a) == 0) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return a.compare(i + 1, std::string_view::npos, b, i + 1, std::string_view::npos) == 0;
  return a.compare(i, std::string_view::npos, b, i + 1, std::string_view::npos) == 0;
}

std::string LowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// Role references ("it", "the company", "the former", "the two parties") in a claim's roles
// become the organisation they stand for: the most recent organisations named before the
// reference, distinct by canonical id. People, products and places are not candidates.
void ResolveReferences(const extract::Extraction& extraction, extract::Claim& claim) {
  auto antecedents = [&](std::size_t position) {
    std::vector<const Mention*> found;
    for (auto it = extraction.mentions.rbegin(); it != extraction.mentions.rend() && found.size() < 6; ++it) {
      if (it->kind != MentionKind::kEntity || it->span.begin >= position) continue;
      if (it->entity.type != EntityType::kOrganization) continue;
      bool seen = std::any_of(found.begin(), found.end(), [&](const Mention* m) { return m->entity.id == it->entity.id; });
      if (!seen) found.push_back(&*it);
    }
    return found;
  };
  extract::Role* roles[] = {&claim.subject, &claim.counterparty, &claim.object};
  for (extract::Role* role : roles) {
    if (!role->present() || role->entity.type != EntityType::kPronoun) continue;
    std::string reference = LowerAscii(role->text);
    std::vector<const Mention*> candidates = antecedents(role->span.begin);
    const Mention* chosen = nullptr;
    if (reference == "the former" || reference == "the latter") {
      if (candidates.size() >= 2) chosen = reference == "the former" ? candidates[1] : candidates[0];
    } else if (IsPairReference(reference)) {
      // "the two parties" as subject names both: the earlier one acts, the later one is the
      // counterparty unless the rule already named one.
      if (candidates.size() >= 2 && role == &claim.subject) {
        chosen = candidates[1];
        if (!claim.counterparty.present()) {
          claim.counterparty = {candidates[0]->text, candidates[0]->span, candidates[0]->entity};
        }
      }
    } else {
      // "the company": the organisation the mention was resolved to above, when it is free.
      if (IsOrgReference(reference)) {
        for (const Mention& mention : extraction.mentions) {
          if (mention.span != role->span || mention.entity.type != EntityType::kPronoun || mention.entity.id.empty()) continue;
          for (const Mention* candidate : candidates) {
            if (candidate->entity.id == mention.entity.id) chosen = candidate;
          }
          break;
        }
        if (chosen != nullptr) {
          bool other_role = std::any_of(std::begin(roles), std::end(roles), [&](const extract::Role* other) {
            return other != role && other->present() && other->entity.id == chosen->entity.id;
          });
          if (other_role) chosen = nullptr;
        }
      }
      for (const Mention* candidate : candidates) {
        if (chosen != nullptr) break;
        bool other_role = std::any_of(std::begin(roles), std::end(roles), [&](const extract::Role* other) {
          return other != role && other->present() && other->entity.id == candidate->entity.id;
        });
        if (!other_role) {
          chosen = candidate;
          break;
        }
      }
    }
    if (chosen != nullptr) {
      role->text = chosen->text;
      role->entity = chosen->entity;
    } else {
      claim.confidence = std::max(0.0F, claim.confidence - 0.2F);  // a party we could not name
    }
  }
  // The clause's parties: a reference stands for the most recent organisation ("the former"
  // for the one before it; "the two companies" for both). Unresolved references are dropped,
  // and so are repeats, so the list names each party once.
  std::vector<extract::Role> parties;
  auto add = [&](extract::Role party) {
    bool seen = std::any_of(parties.begin(), parties.end(), [&](const extract::Role& p) { return p.entity.id == party.entity.id; });
    if (!seen) parties.push_back(std::move(party));
  };
  for (extract::Role& party : claim.entities) {
    if (party.entity.type != EntityType::kPronoun) {
      add(std::move(party));
      continue;
    }
    std::string reference = LowerAscii(party.text);
    std::vector<const Mention*> candidates = antecedents(party.span.begin);
    std::size_t wanted = IsPairReference(reference) ? 2 : 1;
    std::size_t skip = reference == "the former" ? 1 : 0;
    if (candidates.size() < skip + wanted) continue;
    for (std::size_t k = skip + wanted; k > skip; --k) {
      add({candidates[k - 1]->text, party.span, candidates[k - 1]->entity});
    }
  }
  claim.entities = std::move(parties);
}

}  // namespace

struct Normalizer::Impl {
  EntityTable table;
  std::vector<ConditionCue> condition_cues;
  FiscalCalendar fiscal;  // fiscal_years.tsv: whose "fiscal 2026" is not the calendar year

  EntityRef FromTable(const Entity& entity) const { return EntityRef{entity.type, entity.id, entity.name}; }
};

Normalizer::Normalizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Normalizer::Normalizer(Normalizer&&) noexcept = default;
Normalizer& Normalizer::operator=(Normalizer&&) noexcept = default;
Normalizer::~Normalizer() = default;

const EntityTable& Normalizer::entities() const { return impl_->table; }

Result<Normalizer> Normalizer::Create(const std::filesystem::path& data_dir,
                                      const std::vector<std::filesystem::path>& extra_entity_files) {
  auto impl = std::make_unique<Impl>();
  std::vector<std::filesystem::path> files = {data_dir / "entities.tsv"};
  files.insert(files.end(), extra_entity_files.begin(), extra_entity_files.end());
  Result<EntityTable> table = EntityTable::Load(files);
  if (!table.ok()) return table.status();
  impl->table = std::move(table).value();
  Status status = LoadConditionCues(data_dir / "conditions.lex", impl->condition_cues);
  if (!status.ok()) return status;
  Result<FiscalCalendar> fiscal = FiscalCalendar::Load(data_dir / "fiscal_years.tsv");
  if (!fiscal.ok()) return fiscal.status();
  impl->fiscal = std::move(fiscal).value();
  return Normalizer(std::move(impl));
}

std::string Normalizer::NormalizeCondition(std::string_view condition_text, std::string_view actor) const {
  std::string text = Lower(condition_text);
  std::string op = "IF";
  for (std::string_view unless : {"unless", "except if", "except where", "except when"}) {
    std::size_t at = text.find(unless);
    if (at != std::string::npos && WordBoundary(text, at)) op = "UNLESS";
  }
  // Predicates in text order; the words between two predicates say AND or OR.
  struct Found {
    std::size_t begin, end;
    const ConditionCue* cue;
  };
  std::vector<Found> found;
  for (const ConditionCue& cue : impl_->condition_cues) {
    std::size_t at = 0;
    while ((at = text.find(cue.phrase, at)) != std::string::npos) {
      std::size_t end = at + cue.phrase.size();
      bool overlaps = std::any_of(found.begin(), found.end(), [&](const Found& f) { return f.begin < end && at < f.end; });
      if (!overlaps && WordBoundary(text, at) && WordBoundary(text, end)) found.push_back({at, end, &cue});
      at = end;
    }
  }
  if (found.empty()) return "";
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.begin < b.begin; });
  // "neither able nor willing" denies both: its "nor" joins like "and".
  const bool neither = text.find("neither") != std::string::npos;
  bool any_or = false;
  for (std::size_t i = 1; i < found.size(); ++i) {
    std::string between = " " + text.substr(found[i - 1].end, found[i].begin - found[i - 1].end) + " ";
    if (between.find(" or ") != std::string::npos || (!neither && between.find(" nor ") != std::string::npos)) any_or = true;
  }
  std::vector<std::string> terms;
  for (const Found& f : found) {
    std::string term = f.cue->predicate + "(" + std::string(actor) + ")";
    if (std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(term);
  }
  std::sort(terms.begin(), terms.end());  // order-free: "unable and unwilling" == "unwilling and unable"
  std::string body;
  if (terms.size() == 1) {
    body = terms[0];
  } else {
    body = any_or ? "OR(" : "AND(";
    for (std::size_t i = 0; i < terms.size(); ++i) body += (i ? "," : "") + terms[i];
    body += ")";
  }
  return op + "(" + body + ")";
}

void Normalizer::Normalize(const corpus::Article& article, extract::Extraction& extraction) const {
  const std::string_view text = article.text;
  // Names this article defines or shortens: key → the entity it stands for.
  std::map<std::string, EntityRef> article_names;
  // Keys are computed once per distinct surface (the same name recurs many times).
  std::map<std::string, std::string, std::less<>> key_of_surface;
  auto key_of = [&](std::string_view surface) -> const std::string& {
    auto found = key_of_surface.find(surface);
    if (found == key_of_surface.end()) found = key_of_surface.emplace(std::string(surface), CanonicalKey(surface)).first;
    return found->second;
  };
  auto resolve = [&](std::string_view surface, EntityType guess) -> EntityRef {
    const std::string& key = key_of(surface);
    if (auto found = article_names.find(key); found != article_names.end()) return found->second;
    if (const Entity* entity = impl_->table.FindByKey(key)) return impl_->FromTable(*entity);
    EntityRef unknown;
    unknown.type = guess == EntityType::kUnknown ? EntityType::kOrganization : guess;
    unknown.id = key;
    unknown.name = DisplayName(surface);
    return unknown;
  };

  std::vector<std::size_t> entity_indexes;
  for (std::size_t i = 0; i < extraction.mentions.size(); ++i) {
    if (extraction.mentions[i].kind == MentionKind::kEntity && extraction.mentions[i].entity.type != EntityType::kPronoun) {
      entity_indexes.push_back(i);
    }
  }
  // In-article definitions: "Amazon Web Services (AWS)". Whichever side the table knows
  // names both; otherwise the short form stands for the long one.
  for (std::size_t k = 0; k + 1 < entity_indexes.size(); ++k) {
    const Mention& name = extraction.mentions[entity_indexes[k]];
    const Mention& defined = extraction.mentions[entity_indexes[k + 1]];
    std::string_view between = text.substr(name.span.end, defined.span.begin - std::min(defined.span.begin, name.span.end));
    bool parenthesized = (between == " (" || between == "(") && defined.span.end < text.size() && text[defined.span.end] == ')';
    // A wire ticker: "Acme Corp <ACME>" makes ACME an alias of Acme Corp.
    bool ticker = (between == " <" || between == "<") && defined.span.end < text.size() && text[defined.span.end] == '>';
    if (!parenthesized && !ticker) continue;
    const Entity* long_entity = impl_->table.FindByKey(key_of(name.text));
    const Entity* short_entity = impl_->table.FindByKey(key_of(defined.text));
    EntityRef ref = long_entity ? impl_->FromTable(*long_entity)
                    : short_entity ? impl_->FromTable(*short_entity)
                                   : resolve(name.text, name.entity.type);
    article_names[key_of(name.text)] = ref;
    article_names[key_of(defined.text)] = ref;
  }
  // A wire ticker written after a name ("Acme Corp <ACME>") is no mention of its own, but a
  // later bare "ACME" in the story is the same company: the ticker's key names it too.
  for (std::size_t index : entity_indexes) {
    const Mention& name = extraction.mentions[index];
    std::size_t open = name.span.end;
    if (open < text.size() && text[open] == ' ') ++open;
    if (open >= text.size() || text[open] != '<') continue;
    const std::size_t close = text.find('>', open + 1);
    if (close == std::string_view::npos || close == open + 1 || close - open > 12) continue;
    const std::string_view ticker = text.substr(open + 1, close - open - 1);
    const bool ticker_like = std::all_of(ticker.begin(), ticker.end(), [](char c) {
      return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '.';
    });
    if (!ticker_like || article_names.count(key_of(ticker))) continue;
    EntityRef ref;
    if (auto defined = article_names.find(key_of(name.text)); defined != article_names.end()) {
      ref = defined->second;
    } else if (const Entity* entity = impl_->table.FindByKey(key_of(name.text))) {
      ref = impl_->FromTable(*entity);
    } else {
      // Not looked up by the ticker: the table's short keys are names too ("BT"), and the
      // name written out decides which company this is.
      ref = resolve(name.text, name.entity.type);
    }
    article_names[key_of(name.text)] = ref;
    article_names[key_of(ticker)] = ref;
  }
  // Short forms, when the table does not know the short one and the longer name came first
  // in the article: "Orbis" after "Orbis Cloud" (the longer name starts with it), a person's
  // surname after the full name ("Roe" after "Jane Roe"), initials after the name they
  // abbreviate ("HP" after "Hewlett-Packard Co", "SMC" after "San Miguel Corp"), an
  // organisation's distinctive last word ("United" after "Manchester United"), words
  // abbreviated one by one ("Man Utd") and a one-letter slip ("Conract" after "Conrac Corp").
  // The most recent such longer name wins.
  std::vector<std::pair<std::string, std::size_t>> names;  // key, its first entity mention index
  for (std::size_t index : entity_indexes) {
    const std::string& key = key_of(extraction.mentions[index].text);
    if (std::none_of(names.begin(), names.end(), [&](const auto& name) { return name.first == key; })) {
      names.emplace_back(key, index);
    }
  }
  std::map<std::string, int> mentions_of_key;
  for (std::size_t index : entity_indexes) ++mentions_of_key[key_of(extraction.mentions[index].text)];
  for (std::size_t n = 0; n < names.size(); ++n) {
    const auto& [key, index] = names[n];
    if (article_names.count(key) || impl_->table.FindByKey(key)) continue;
    const Mention& short_form = extraction.mentions[index];
    const bool acronym = IsAcronym(short_form.text);
    const Mention* chosen = nullptr;
    const Mention* tail_of = nullptr;  // the most mentioned name it ends ("United": Manchester United, not
                                       // a supporters' group named once that ends in the same word)
    int tail_mentions = 0;
    for (std::size_t m = n; m-- > 0;) {  // names first written before this one, latest first
      const auto& [longer, other] = names[m];
      const Mention& full = extraction.mentions[other];
      bool prefix = longer.size() > key.size() && longer.compare(0, key.size(), key) == 0 && longer[key.size()] == ' ';
      bool surname = full.entity.type == EntityType::kPerson && short_form.entity.type != EntityType::kOrganization &&
                     longer.size() > key.size() && longer.compare(longer.size() - key.size(), key.size(), key) == 0 &&
                     longer[longer.size() - key.size() - 1] == ' ';
      const bool organization = full.entity.type != EntityType::kPerson && short_form.entity.type != EntityType::kPerson &&
                                short_form.entity.type != EntityType::kPlace && full.entity.type != EntityType::kPlace;
      bool initials = acronym && organization &&
                      (Initials(full.text, false) == short_form.text || Initials(full.text, true) == short_form.text);
      bool abbreviated = organization && AbbreviatesName(key, longer);
      bool slip = organization && IsOneLetterSlip(key, longer);
      if (prefix || surname || initials || abbreviated || slip) {
        chosen = &full;
        break;
      }
      if (organization && IsTailOf(key, longer) && mentions_of_key[longer] > tail_mentions) {
        tail_of = &full;
        tail_mentions = mentions_of_key[longer];
      }
    }
    if (chosen == nullptr) chosen = tail_of;
    if (chosen != nullptr) article_names[key] = resolve(chosen->text, chosen->entity.type);
  }

  // The tense that governs a date: the nearest tense word in its clause ("will invest …,
  // the companies said on Monday" is past for Monday).
  // Kept per (sentence, date span): a claim's time is most often a date mention already seen.
  std::map<std::tuple<std::size_t, std::size_t, std::size_t>, Tense> tenses;
  auto detect_tense_at = [&](std::size_t sentence, const extract::Span& date) {
    if (sentence >= extraction.sentences.size()) return Tense::kUnknown;
    const extract::Span& span = extraction.sentences[sentence].span;
    if (date.begin < span.begin || date.end > span.end) return DetectTense(text.substr(span.begin, span.end - span.begin));
    return DetectTenseNear(text.substr(span.begin, span.end - span.begin), date.begin - span.begin, date.end - span.begin);
  };
  auto tense_at = [&](std::size_t sentence, const extract::Span& date) {
    const auto key = std::make_tuple(sentence, date.begin, date.end);
    auto found = tenses.find(key);
    if (found == tenses.end()) found = tenses.emplace(key, detect_tense_at(sentence, date)).first;
    return found->second;
  };
  // The fiscal calendar of a "fiscal 2026" mention: the organisation named nearest before it in
  // its sentence (else the nearest after it); 12, the calendar year, when none is known.
  auto fiscal_end_month = [&](const Mention& date) {
    if (!date.date_expr.start.fiscal) return 12;
    const Mention* owner = nullptr;
    for (const Mention& other : extraction.mentions) {
      if (other.kind != MentionKind::kEntity || other.sentence != date.sentence ||
          other.entity.type != EntityType::kOrganization || other.entity.id.empty()) {
        continue;
      }
      if (other.span.begin < date.span.begin || owner == nullptr) owner = &other;
      if (other.span.begin > date.span.begin) break;
    }
    return owner == nullptr ? 12 : impl_->fiscal.EndMonth(owner->entity.id);
  };
  for (Mention& mention : extraction.mentions) {
    if (mention.kind == MentionKind::kEntity) {
      if (mention.entity.type != EntityType::kPronoun) mention.entity = resolve(mention.text, mention.entity.type);
    }
  }
  // "the company", "the firm", "the group" (its id and name; the type stays `reference`): the
  // organisation named last before it in its own sentence ("X said the company would ...");
  // opening a sentence of its own, the organisation the article has named most so far (the
  // first named on a tie, as a story names its subject first): news refers back to the company the story is about, not to the party
  // named last in passing ("... according to the X Chamber. The company plans to ...").
  // Only text before the reference counts.
  const Mention* last_org = nullptr;
  struct Named {
    int times = 0;
    const Mention* first = nullptr;
  };
  std::map<std::string, Named> named;
  for (Mention& mention : extraction.mentions) {
    if (mention.kind != MentionKind::kEntity) continue;
    if (mention.entity.type == EntityType::kOrganization) {
      last_org = &mention;
      // A wire ticker ("<STB>") repeats the name beside it: it is not named twice.
      const bool ticker = mention.span.begin > 0 && mention.span.begin <= article.text.size() &&
                          article.text[mention.span.begin - 1] == '<';
      Named& entry = named[mention.entity.id];
      if (!ticker && entry.times++ == 0) entry.first = &mention;
    } else if (mention.entity.type == EntityType::kPronoun && last_org != nullptr && IsOrgReference(mention.text)) {
      const Mention* chosen = last_org;
      if (last_org->sentence != mention.sentence) {
        int most = 0;
        for (const auto& [id, entry] : named) {
          if (entry.first == nullptr) continue;
          if (entry.times > most || (entry.times == most && entry.first->span.begin < chosen->span.begin)) {
            most = entry.times;
            chosen = entry.first;
          }
        }
      }
      mention.entity.id = chosen->entity.id;
      mention.entity.name = chosen->entity.name;
    }
  }
  // Dates after every entity is resolved: a fiscal year's owner may be named after it. The
  // article steers what its dates leave open (its outlet's numeric order, its written years).
  const ArticleDates article_dates(article, extraction.mentions);
  for (Mention& mention : extraction.mentions) {
    if (mention.kind == MentionKind::kDate || mention.kind == MentionKind::kDuration) {
      mention.date = ResolveDate(article_dates.Steer(mention.date_expr, mention.span.begin), article.published, tense_at(mention.sentence, mention.span),
                                 fiscal_end_month(mention));
    }
  }
  for (extract::Claim& claim : extraction.claims) {
    for (extract::Role* role : {&claim.subject, &claim.counterparty, &claim.object}) {
      if (!role->present() || role->entity.type == EntityType::kPronoun) continue;
      role->entity = resolve(role->text, role->entity.type);
    }
    for (extract::Role& party : claim.entities) {
      if (party.entity.type != EntityType::kPronoun) party.entity = resolve(party.text, party.entity.type);
    }
    ResolveReferences(extraction, claim);
    // A figure's guessed subject is a party, not where it happened ("In Europe, 90,000 shops …").
    if (claim.relation == "quantity" && claim.subject.present() && claim.subject.entity.type == EntityType::kPlace) {
      claim.subject = {};
      for (const extract::Role& party : claim.entities) {
        if (party.entity.type != EntityType::kPlace) {
          claim.subject = party;
          break;
        }
      }
    }
    // A place does not buy, merge or hold a stake: "WASHINGTON, March 5 - ..." read as the buyer
    // is the dateline. The party is left unnamed (reconcile joins such a claim to the one fact
    // that names its other party with a buyer). Governments are typed apart and stay.
    const bool deal = claim.relation == "acquire" || claim.relation == "merger" || claim.relation == "stake";
    if (deal && claim.subject.present() && claim.subject.entity.type == EntityType::kPlace) claim.subject = {};
    if (claim.has_time) {
      // Whose fiscal year: the claim's subject, else its counterparty.
      const std::string& owner = claim.subject.entity.id.empty() ? claim.counterparty.entity.id : claim.subject.entity.id;
      const int end_month = claim.time_expr.start.fiscal ? impl_->fiscal.EndMonth(owner) : 12;
      claim.time = ResolveDate(article_dates.Steer(claim.time_expr, claim.time_span.begin), article.published, tense_at(claim.provenance.sentence, claim.time_span),
                               end_month);
    }
    if (!claim.condition_text.empty()) {
      // The condition's actor: the first party named inside it, else the claim's subject.
      std::string actor = claim.subject.entity.name;
      std::size_t best = std::string::npos;
      for (std::size_t index : entity_indexes) {
        const Mention& mention = extraction.mentions[index];
        if (mention.sentence != claim.provenance.sentence) continue;
        std::size_t at = claim.condition_text.find(mention.text);
        if (at != std::string::npos && at < best) {
          best = at;
          actor = mention.entity.name;
        }
      }
      claim.condition = NormalizeCondition(claim.condition_text, actor);
    }
  }
}

}  // namespace concord::normalize
