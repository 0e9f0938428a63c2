// Entity spans by word shape and lexicons (extract/data/). The rejected alternative, a trained
// NER model, is out of reach here (no model files on the machine, no labelled news NER data);
// shape plus lexicons does well on business news, where parties are capitalized names, and
// normalize's table fixes identity and type for the names it knows. A small part-of-speech
// tagger (pos_tagger.h, trained on UD EWT) settles openers the lexicons do not know; it is
// web-text statistics, so it only ever removes an ordinary word, and the lexicons win.

#include "extract/entities.h"

#include "extract/pos_tagger.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <deque>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace concord::extract {
// The name lexicons of extract/data/, compiled in by embed_lexicons.cmake.
namespace lexicon {
extern const std::string_view k_common_words;
extern const std::string_view k_sentence_starters;
extern const std::string_view k_demonyms;
extern const std::string_view k_first_names;
extern const std::string_view k_places;
extern const std::string_view k_titles;
extern const std::string_view k_org_words;
extern const std::string_view k_government;
extern const std::string_view k_not_names;
}  // namespace lexicon

namespace {

// Capitalized words that start sentences or clauses but never name a party.
constexpr std::string_view kCapitalizedStopwords[] = {
    "A", "About", "According", "Across", "After", "Afterwards", "Again", "Against", "Ahead",
    "All", "Also", "Although", "Among", "An", "And", "Another", "Any", "As", "At", "Because",
    "Before", "Being", "Both", "But", "By", "Crucially", "Despite", "During", "Each", "Earlier",
    "Either", "Even", "Every", "Finally", "For", "From", "Further", "Furthermore", "He", "Her",
    "Here", "His", "How", "However", "I", "If", "In", "Instead", "It", "Its", "Last", "Later",
    "Like", "Many", "Meanwhile", "More", "Moreover", "Most", "Much", "My", "Neither", "Next",
    "No", "Nor", "Not", "Now", "Of", "On", "Once", "One", "Only", "Or", "Other", "Our", "Over",
    "Overall", "Previously", "Since", "So", "Some", "Still", "Such", "That", "The", "Their",
    "Then", "There", "These", "They", "This", "Those", "Though", "Through", "Thus", "To",
    "Today", "Together", "Tomorrow", "Under", "Unless", "Until", "We", "What", "When", "Where",
    "Whether", "Which", "While", "Who", "Why", "With", "Within", "Without", "Yesterday", "Yet",
    "You"};

// Role references that stand for a party named elsewhere in the article. Longest first.
constexpr std::string_view kRoleReferences[] = {
    "the two companies", "the two parties", "both companies", "both parties", "the two firms",
    "the company", "the firm", "the group", "the former", "the latter", "the startup",
    "itself", "it"};

template <std::size_t N>
bool Contains(const std::string_view (&words)[N], std::string_view word) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}


using WordSet = std::unordered_set<std::string_view>;

// Dotted abbreviations match with or without their final period ("N.Y" / "N.Y.", "S.A." /
// "S.A"): the word splitter keeps the period of dotted initials ("E.F. Hutton").
void AddPeriodVariant(std::string_view entry, WordSet& into) {
  static std::deque<std::string> variants;  // owns the added forms; lexicons load once
  if (entry.find('.') == std::string_view::npos || entry.find(' ') != std::string_view::npos) return;
  if (entry.back() == '.') {
    into.insert(entry.substr(0, entry.size() - 1));
  } else {
    variants.push_back(std::string(entry) + ".");
    into.insert(variants.back());
  }
}

// Entries of a lexicon text: one per line, or (`by_space`) one per blank-separated word;
// '#' lines are comments. With `tag`, only lines "tag entry" count, and give the entry.
void AddEntries(std::string_view data, WordSet& into, bool by_space = false, std::string_view tag = {}) {
  std::size_t at = 0;
  while (at < data.size()) {
    std::size_t end = data.find('\n', at);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(at, end - at);
    at = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (!tag.empty()) {
      if (line.size() <= tag.size() || line.compare(0, tag.size(), tag) != 0 || line[tag.size()] != ' ') continue;
      line.remove_prefix(tag.size() + 1);
    }
    if (!by_space) {
      into.insert(line);
      AddPeriodVariant(line, into);
      continue;
    }
    std::size_t w = 0;
    while (w < line.size()) {
      std::size_t stop = line.find(' ', w);
      if (stop == std::string_view::npos) stop = line.size();
      if (stop > w) into.insert(line.substr(w, stop - w));
      w = stop + 1;
    }
  }
}

struct Lexicons {
  WordSet common;    // lowercase ordinary words
  WordSet starters;  // lowercase words news opens sentences with
  WordSet demonyms, first_names, places, title_heads, title_modifiers, org_suffixes, org_heads,
      government_names, government_heads, not_names;
  Lexicons() {
    AddEntries(lexicon::k_common_words, common);
    AddEntries(lexicon::k_sentence_starters, common);
    AddEntries(lexicon::k_sentence_starters, starters);
    AddEntries(lexicon::k_demonyms, demonyms);
    AddEntries(lexicon::k_first_names, first_names, true);
    AddEntries(lexicon::k_places, places);
    AddEntries(lexicon::k_titles, title_heads, false, "head");
    AddEntries(lexicon::k_titles, title_modifiers, false, "modifier");
    AddEntries(lexicon::k_org_words, org_suffixes, false, "suffix");
    AddEntries(lexicon::k_org_words, org_heads, false, "head");
    AddEntries(lexicon::k_government, government_names, false, "name");
    AddEntries(lexicon::k_government, government_heads, false, "head");
    AddEntries(lexicon::k_not_names, not_names);
  }
  bool Title(std::string_view w) const { return title_heads.count(w) || title_modifiers.count(w); }
};

const Lexicons& Lex() {
  static const Lexicons lexicons;
  return lexicons;
}

// Length in bytes of the UTF-8 character starting with `lead` (1 for a stray byte).
std::size_t CharLength(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

// A byte that starts a character that can be part of a name. U+0080..U+00BF (no-break
// space, "·", "©") and U+2000..U+206F (quotes, dashes, the curly apostrophe) separate words;
// other non-ASCII characters are letters ("Nestlé", "Škoda").
bool StartsNameChar(std::string_view text, std::size_t at) {
  auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) return std::isalnum(c) || c == '&' || c == '-' || c == '.';
  if (c == 0xC2) return false;
  if (c == 0xC3 && at + 1 < text.size() && (static_cast<unsigned char>(text[at + 1]) == 0x97 ||
                                            static_cast<unsigned char>(text[at + 1]) == 0xB7)) {
    return false;  // × and ÷ sit among Latin-1 letters but join names ("Microsoft×OpenAI")
  }
  if (c == 0xE2 && at + 1 < text.size() && (static_cast<unsigned char>(text[at + 1]) == 0x80 ||
                                            static_cast<unsigned char>(text[at + 1]) == 0x81)) {
    return false;
  }
  return c >= 0xC3;
}

struct Word {
  std::size_t begin, end;
};

// "E.F", "U.S", "S.A": groups of one or two letters joined by periods.
bool DottedInitials(std::string_view word) {
  if (word.find('.') == std::string_view::npos) return false;
  std::size_t run = 0;
  for (char c : word) {
    if (c == '.') {
      if (run == 0) return false;
      run = 0;
    } else if (std::isalpha(static_cast<unsigned char>(c)) && ++run <= 2) {
      continue;
    } else {
      return false;
    }
  }
  return run > 0;
}

// Words: runs of letters, digits, '&' and inner '-' and '.' ("AT&T", "U.S.", "Coca-Cola");
// a trailing '.' or '-' is not part of the word.
std::vector<Word> SplitWords(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Word> words;
  std::size_t i = begin;
  while (i < end) {
    if (!StartsNameChar(text, i) || text[i] == '-' || text[i] == '.') {
      i += CharLength(static_cast<unsigned char>(text[i]));
      continue;
    }
    std::size_t start = i;
    while (i < end && StartsNameChar(text, i)) i += CharLength(static_cast<unsigned char>(text[i]));
    i = std::min(i, end);
    std::size_t stop = i;
    while (stop > start && (text[stop - 1] == '.' || text[stop - 1] == '-')) --stop;
    // Dotted initials keep their period ("E.F.", "U.S.", "S.A."), and so does one capital
    // before another name word ("Martin T. Sosnoff"): the name goes on after them.
    if (stop > start && stop < end && text[stop] == '.' && DottedInitials(text.substr(start, stop - start))) ++stop;
    if (stop > start && stop + 2 < end && text[stop] == '.' && stop == start + 1 &&
        std::isupper(static_cast<unsigned char>(text[start])) && text[stop + 1] == ' ' &&
        std::isupper(static_cast<unsigned char>(text[stop + 2]))) {
      ++stop;
    }
    if (stop > start) words.push_back({start, stop});
  }
  return words;
}

bool HasUpper(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
}

// A name-like word: capitalized ("Microsoft"), camel-case ("eBay", "iPhone") or an acronym.
// A hyphenated word ending in a lowercase part ("C-end", "AI-powered") is an adjective.
bool IsNameWord(std::string_view word) {
  if (word.empty()) return false;
  std::size_t hyphen = word.rfind('-');
  if (hyphen != std::string_view::npos && hyphen + 1 < word.size() &&
      std::islower(static_cast<unsigned char>(word[hyphen + 1]))) {
    return false;
  }
  auto first = static_cast<unsigned char>(word[0]);
  if (std::isupper(first)) return true;
  if (std::islower(first)) {
    // "non-Nato", "anti-EU", "ex-Enron": a lowercase prefix makes an adjective.
    for (std::string_view prefix : {"non-", "anti-", "pro-", "post-", "pre-", "mid-", "ex-", "pan-"}) {
      if (word.starts_with(prefix)) return false;
    }
    return HasUpper(word.substr(1));
  }
  return false;
}

bool IsAllDigits(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.'; });
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// The spans other recognizers took, for "does [begin, end) overlap any?" in O(log n): a
// linear scan per word made a long text quadratic (every word against every figure).
class TakenSpans {
 public:
  explicit TakenSpans(const std::vector<Mention>& taken) {
    std::vector<Span> spans;
    spans.reserve(taken.size());
    for (const Mention& mention : taken) spans.push_back(mention.span);
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    std::size_t furthest = 0;
    for (const Span& span : spans) {
      begins_.push_back(span.begin);
      furthest = std::max(furthest, span.end);
      furthest_end_.push_back(furthest);
    }
  }
  bool Overlaps(std::size_t begin, std::size_t end) const {
    // The spans that start before `end`; one of them overlaps when the furthest end passes `begin`.
    auto starts_before = std::lower_bound(begins_.begin(), begins_.end(), end);
    if (starts_before == begins_.begin()) return false;
    return furthest_end_[static_cast<std::size_t>(starts_before - begins_.begin()) - 1] > begin;
  }

 private:
  std::vector<std::size_t> begins_;
  std::vector<std::size_t> furthest_end_;  // max end over the spans up to each index
};

constexpr std::size_t kNowhere = std::string_view::npos;

bool WordBoundaries(std::string_view text, std::size_t at, std::size_t length) {
  bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
  std::size_t after = at + length;
  bool right = after >= text.size() || !std::isalnum(static_cast<unsigned char>(text[after]));
  return left && right;
}

// Where the lowercase form of `word` first occurs in the text as an ordinary word (kNowhere
// when never, or when `word` is lowercase already): a sentence-initial capitalized `word`
// after that point is an ordinary word too ("Financial arrangements…").
std::size_t FirstLowercase(std::string_view text, std::string_view word) {
  std::string lower = Lower(word);
  if (lower == word) return kNowhere;
  for (std::size_t at = text.find(lower); at != std::string_view::npos; at = text.find(lower, at + lower.size())) {
    if (WordBoundaries(text, at, lower.size())) return at;
  }
  return kNowhere;
}

void AddRoleReferences(std::string_view text, const Sentence& sentence, const TakenSpans& taken,
                       std::vector<Mention>& found) {
  std::string lower = Lower(text.substr(sentence.span.begin, sentence.span.end - sentence.span.begin));
  std::vector<bool> used(lower.size(), false);
  for (std::string_view reference : kRoleReferences) {
    std::size_t at = 0;
    while ((at = lower.find(reference, at)) != std::string::npos) {
      std::size_t after = at + reference.size();
      bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(lower[at - 1]));
      bool right = after >= lower.size() || !std::isalnum(static_cast<unsigned char>(lower[after]));
      bool free = std::none_of(used.begin() + at, used.begin() + after, [](bool u) { return u; });
      std::size_t begin = sentence.span.begin + at;
      std::size_t end = sentence.span.begin + after;
      bool clear = !taken.Overlaps(begin, end);
      // "it is"/"it was" at clause start is mostly an expletive, not a party.
      bool expletive = (reference == "it") && (lower.compare(after, 4, " is ") == 0 || lower.compare(after, 5, " was ") == 0 ||
                                               lower.compare(after, 4, " will") == 0);
      if (left && right && free && clear && !expletive) {
        std::fill(used.begin() + at, used.begin() + after, true);
        Mention mention;
        mention.kind = MentionKind::kEntity;
        mention.span = {begin, end};
        mention.text = std::string(text.substr(begin, end - begin));
        mention.entity.type = EntityType::kPronoun;
        found.push_back(std::move(mention));
      }
      at = after;
    }
  }
}

// Words that begin names although they are ordinary words too ("New York", "General Motors"):
// a sentence-initial one is kept when a name word follows it.
constexpr std::string_view kNameInitialWords[] = {
    "New", "General", "Standard", "National", "United", "Royal", "First", "Great", "Central", "Federal",
    "International", "Northern", "Southern", "Eastern", "Western", "North", "South", "East", "West",
    "Global", "Universal", "Continental", "Allied", "Associated", "Imperial", "Union", "Grand", "Old"};

// Lowercase words right before a capitalized name that make it a person ("finance minister
// Jane Roe", "Airbus head Jo Bloggs"); the lowercase forms of the title heads count too.
constexpr std::string_view kPersonCueWords[] = {
    "head", "boss", "founder", "owner", "investor", "tycoon", "billionaire", "entrepreneur", "chief",
    "executive", "chairman", "chairwoman", "president", "minister", "secretary", "director", "spokesman",
    "spokeswoman", "spokesperson", "analyst", "economist", "governor", "chancellor", "commissioner",
    "manager", "ceo", "co-founder", "co-head", "partner", "treasurer", "officer", "premier", "mayor",
    "senator", "strategist", "trader", "dealer", "lawyer", "professor", "tenor", "actor", "singer"};

bool IsMonthOrDay(std::string_view word) {
  static constexpr std::string_view kMonthsAndDays[] = {
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday"};
  return Contains(kMonthsAndDays, word);
}

// Lowercase particles inside names: "Bank of X", "Banco de X", "Luca di Montezemolo", "Jan van Os".
bool IsJoiner(std::string_view word) {
  return word == "of" || word == "de" || word == "&" || word == "for" || word == "und" || word == "di" || word == "da" ||
         word == "van" || word == "von" || word == "del" || word == "della" || word == "du";
}

// Head words of bodies whose names go on with "for" ("Centre for Economic Research").
constexpr std::string_view kForBodies[] = {
    "Institute", "Office", "Centre", "Center", "Council", "Commission", "Agency", "Department", "Ministry",
    "Association", "Foundation", "Bureau", "Organisation", "Organization", "Society", "Federation", "Fund",
    "Committee", "Alliance", "Coalition", "Campaign", "Trust"};

// A model number ("A380", "B747"): capital letters then digits. A product, not a party.
bool IsModelNumber(std::string_view word) {
  std::size_t letters = 0;
  while (letters < word.size() && std::isupper(static_cast<unsigned char>(word[letters]))) ++letters;
  if (letters == 0 || letters > 2 || letters + 2 > word.size()) return false;
  return std::all_of(word.begin() + static_cast<std::ptrdiff_t>(letters), word.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool IsCapitalizedWord(std::string_view word) {
  return !word.empty() && std::isupper(static_cast<unsigned char>(word[0])) && !HasUpper(word.substr(1));
}

bool IsAllCaps(std::string_view word) {
  bool letter = false;
  for (char c : word) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    letter = letter || std::isupper(static_cast<unsigned char>(c));
  }
  return letter;
}

// Initials as a given name: "JP", "J.", "J.P.".
bool IsInitials(std::string_view word) {
  if (word.empty() || word.size() > 4) return false;
  return std::all_of(word.begin(), word.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '.'; });
}

// An ordinary English word, capitalized because it opens a sentence ("Reports", "Quarterly"):
// in the common-word lexicon, or a plural/adverb/past form of one.
bool IsCommonWord(std::string_view word) {
  if (!IsCapitalizedWord(word)) return false;
  std::string lower = Lower(word);
  const WordSet& common = Lex().common;
  if (common.count(lower)) return true;
  auto stem = [&](std::string_view cut, std::string_view add) {
    if (lower.size() <= cut.size() + 2 || lower.compare(lower.size() - cut.size(), cut.size(), cut) != 0) return false;
    std::string base = lower.substr(0, lower.size() - cut.size()) + std::string(add);
    return common.count(base) > 0;
  };
  return stem("s", "") || stem("es", "") || stem("ies", "y") || stem("ly", "") || stem("ed", "") ||
         stem("ed", "e") || stem("ing", "") || stem("ing", "e");
}

// A capitalized word news opens sentences with ("Troubled", "Shares"): sentence_starters.txt.
bool IsStarter(std::string_view word) {
  if (!IsCapitalizedWord(word)) return false;
  std::string lower = Lower(word);
  // A gerund opening a clause ("Bringing Acme back …") is no part of a name.
  if (lower.size() > 5 && lower.ends_with("ing") && Lex().common.count(lower)) return true;
  return Lex().starters.count(lower) > 0;
}

// Where the text first writes `word` capitalized inside a sentence (after a word or a comma),
// where only a name is capitalized: "Shell" rescued at a sentence start. kNowhere when never.
std::size_t FirstCapitalizedInside(std::string_view text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + word.size())) {
    if (!WordBoundaries(text, at, word.size()) || at == 0) continue;
    std::size_t p = at;
    while (p > 0 && text[p - 1] == ' ') --p;
    if (p > 0 && p < at) {
      auto c = static_cast<unsigned char>(text[p - 1]);
      if (std::isalnum(c) || c == ',' || c == ';' || c == '&') return at;
    }
  }
  return kNowhere;
}

// Where the text first writes `surname` after an honorific ("Mr Camus"): a person.
std::size_t FirstHonorific(std::string_view text, std::string_view surname) {
  std::size_t first = kNowhere;
  for (std::string_view honorific : {"Mr ", "Mr. ", "Mrs ", "Mrs. ", "Ms ", "Ms. ", "Dr ", "Dr. "}) {
    std::string probe = std::string(honorific) + std::string(surname);
    for (std::size_t at = text.find(probe); at != std::string_view::npos && at < first; at = text.find(probe, at + probe.size())) {
      if (WordBoundaries(text, at, probe.size())) {
        first = at;
        break;
      }
    }
  }
  return first;
}

// True when the "and" at words[j] sits inside one name: the capitalized words after it end
// with a legal suffix or a government head word, and the word before it is not a legal suffix
// ("Acme Corp and Brenlow Inc" are two).
// Also inside one name: a body named "<head> of X and Y" whose Y is an ordinary word
// ("Department of Trade and Industry", "Ministry of Finance and Economy"; the run starts at
// `run_start`).
bool AndJoinsName(std::string_view text, const std::vector<Word>& words, std::size_t j, std::size_t run_start) {
  const Lexicons& lex = Lex();
  auto word = [&](std::size_t k) { return text.substr(words[k].begin, words[k].end - words[k].begin); };
  if (j == 0 || lex.org_suffixes.count(word(j - 1))) return false;
  std::size_t k = j + 1;
  std::size_t last = j;
  while (k < words.size() && k <= j + 4 && IsNameWord(word(k)) &&
         text.substr(words[k - 1].end, words[k].begin - words[k - 1].end) == " ") {
    last = k++;
  }
  if (last == j) return false;
  // "Merrill Lynch and Co Inc", "Cable and Wireless Plc": a short tail; a long one is a second
  // company ("Acme Fabrics and Brenlow Corning Fiberglas Corp").
  constexpr std::size_t kMaxTail = 3;
  if ((lex.org_suffixes.count(word(last)) > 0 || lex.government_heads.count(word(last)) > 0 || Contains(kForBodies, word(last))) &&
      last - j <= kMaxTail) {
    return true;
  }
  for (std::size_t h = run_start; h + 1 < j; ++h) {
    if (Contains(kForBodies, word(h)) && word(h + 1) == "of") return last == j + 1 && IsCommonWord(word(j + 1));
  }
  return false;
}

// A person's name as a run's start: a given name then one or two capitalized words with no
// sign of an organization ("Jane Roe" in "Jane Roe of Acme Securities Inc").
bool PersonShaped(std::string_view text, const std::vector<Word>& words, std::size_t a, std::size_t b) {
  const Lexicons& lex = Lex();
  auto word = [&](std::size_t k) { return text.substr(words[k].begin, words[k].end - words[k].begin); };
  if (b <= a || b - a > 2 || !lex.first_names.count(word(a))) return false;
  for (std::size_t k = a + 1; k <= b; ++k) {
    const std::string_view w = word(k);
    if (!IsCapitalizedWord(w) && !IsInitials(w)) return false;
    if (lex.org_heads.count(w) || lex.org_suffixes.count(w) || lex.government_heads.count(w) || lex.places.count(w)) return false;
  }
  return true;
}

// Number of words of a wire dateline opening `sentence`: an all-caps place at a line start,
// then words and commas up to a date and " - " within the first 80 bytes. 0 when none.
std::size_t DatelineWords(std::string_view text, const Sentence& sentence, const std::vector<Word>& words,
                          const std::vector<Mention>& taken) {
  constexpr std::size_t kMaxDateline = 80;
  const std::size_t begin = sentence.span.begin;
  if (words.empty() || (begin > 0 && text[begin - 1] != '\n') || words.front().begin != begin) return 0;
  std::string_view first = text.substr(words.front().begin, words.front().end - words.front().begin);
  if (first.size() < 2 || !IsAllCaps(first)) return 0;
  const std::size_t limit = std::min(sentence.span.end, begin + kMaxDateline);
  std::size_t dash = text.substr(0, limit).find(" - ", begin);
  if (dash == std::string_view::npos) return 0;
  // A date (or a day number) ends right before the dash.
  bool dated = dash > 0 && std::isdigit(static_cast<unsigned char>(text[dash - 1]));
  auto near = std::lower_bound(taken.begin(), taken.end(), begin,
                                [](const Mention& mention, std::size_t at) { return mention.span.begin < at; });
  for (auto mention = near; mention != taken.end() && mention->span.begin <= dash; ++mention) {
    if (mention->span.end == dash && mention->kind == MentionKind::kDate) dated = true;
  }
  if (!dated) return 0;
  std::size_t count = 0;
  while (count < words.size() && words[count].end <= dash) ++count;
  return count;
}

// An all-caps run of ordinary words ("YEAR", "NET", "STAKE", "MAKE ACQUISITION"): a wire
// heading or a results-table label, not a name. Short acronyms ("SEC", "GM") stay names.
bool AllCapsOrdinary(std::string_view text, const std::vector<Word>& words, std::size_t a, std::size_t b) {
  constexpr std::size_t kMinLength = 4;
  if (words[a].begin > 0 && text[words[a].begin - 1] == '<') return false;  // a ticker
  for (std::size_t k = a; k <= b; ++k) {
    std::string_view word = text.substr(words[k].begin, words[k].end - words[k].begin);
    if (IsJoiner(word)) continue;
    if (!IsAllCaps(word) || word.size() < kMinLength || Lex().org_suffixes.count(word)) return false;
    if (!Lex().common.count(Lower(word))) return false;
  }
  return true;
}

// A wire ticker after a name ("Acme Corp <ACME>", "<ACM.T>", or "<ACME)" as wires mistype
// it): capitals, digits and periods in angle brackets right after a name. It ties the name
// to a listing; it is not itself a name.
bool IsTicker(std::string_view text, const std::vector<Word>& words, std::size_t k) {
  const Word& w = words[k];
  if (w.begin < 3 || text[w.begin - 1] != '<' || text[w.begin - 2] != ' ' || w.end >= text.size() ||
      (text[w.end] != '>' && text[w.end] != ')')) {
    return false;
  }
  const std::string_view token = text.substr(w.begin, w.end - w.begin);
  if (!IsAllCaps(token) || token.size() > 12 ||
      !std::all_of(token.begin(), token.end(), [](char c) {
        return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '.';
      })) {
    return false;
  }
  if (text[w.begin - 3] == '>') return true;  // "<Acme Ltd> <ACM>"
  if (k == 0 || words[k - 1].end + 2 != w.begin) return false;
  const std::string_view before = text.substr(words[k - 1].begin, words[k - 1].end - words[k - 1].begin);
  return IsNameWord(before) || Lex().org_suffixes.count(before) > 0;
}

// "Acme Group Inc ACM said": capitals right after a name's legal form, before no other name
// word, are a ticker the wire forgot to bracket.
constexpr std::string_view kLegalForms[] = {"Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Ltd", "Ltd.", "Plc", "PLC", "plc", "AG", "SA", "S.A.", "NV", "N.V.", "SpA"};
bool IsBareTicker(std::string_view text, const std::vector<Word>& words, std::size_t k) {
  auto word = [&](std::size_t n) { return text.substr(words[n].begin, words[n].end - words[n].begin); };
  auto joined = [&](std::size_t n) { return text.substr(words[n - 1].end, words[n].begin - words[n - 1].end) == " "; };
  const std::string_view token = word(k);
  if (k < 2 || !IsAllCaps(token) || token.size() < 2 || token.size() > 5 || !joined(k) || !joined(k - 1) ||
      !Contains(kLegalForms, word(k - 1)) || !IsNameWord(word(k - 2)) || Lex().org_suffixes.count(token) ||
      Lex().places.count(token) || Lex().not_names.count(token)) {
    return false;
  }
  return k + 1 == words.size() || !joined(k + 1) || !IsNameWord(word(k + 1));
}

// "Goldman, Sachs and Co": after a comma, one capitalized word, "and" or "&", then "Co".
bool PartnershipTail(std::string_view text, const std::vector<Word>& words, std::size_t j) {
  auto word = [&](std::size_t n) { return text.substr(words[n].begin, words[n].end - words[n].begin); };
  auto joined = [&](std::size_t n) { return text.substr(words[n - 1].end, words[n].begin - words[n - 1].end) == " "; };
  if (j + 2 >= words.size() || !IsCapitalizedWord(word(j)) || !joined(j + 1) || !joined(j + 2)) return false;
  const std::string_view tail = word(j + 2);
  return (word(j + 1) == "and" || word(j + 1) == "&") && (tail == "Co" || tail == "Co." || tail == "Company");
}

// In a title-case line, an ordinary word ("Leaves", "Checks") that is no given name, place
// or organization word.
bool HeadlineOrdinary(std::string_view word) {
  const Lexicons& lex = Lex();
  return IsCommonWord(word) && !lex.first_names.count(word) && !lex.places.count(word) && !lex.org_heads.count(word) &&
         !lex.org_suffixes.count(word) && !lex.government_heads.count(word) &&
         !Contains(kNameInitialWords, word);
}

// A title-case line (a headline written into the body: "Acme Chief Quits, Joins Rival"):
// four or more words, none lowercase but the short function words, two or more of them
// ordinary words (HeadlineOrdinary; a list of names is no headline), and no sentence end.
bool IsTitleCaseLine(std::string_view text, const Sentence& sentence, const std::vector<Word>& words) {
  static constexpr std::string_view kSmall[] = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or",
                                                "by", "with", "from", "as", "vs", "de", "is", "after", "over", "into"};
  if (words.size() < 4 || sentence.span.end == sentence.span.begin) return false;
  const char last = text[sentence.span.end - 1];
  if (last == '.' || last == '?' || last == '!' || last == '"' || last == ':') return false;
  std::size_t capitalized = 0, ordinary = 0;
  for (const Word& w : words) {
    const std::string_view word = text.substr(w.begin, w.end - w.begin);
    if (!std::isalpha(static_cast<unsigned char>(word[0]))) continue;
    if (std::islower(static_cast<unsigned char>(word[0]))) {
      if (!Contains(kSmall, word)) return false;
      continue;
    }
    ++capitalized;
    if (HeadlineOrdinary(word)) ++ordinary;
  }
  return capitalized >= 4 && ordinary >= 2;
}

// Hyphenated words whose first part is a place or a party: "Frankfurt-based", "US-born",
// "Acme-owned". The first part is a name (a place before "-based" and "-born").
void AddHyphenPrefix(std::string_view text, const Word& w, bool sentence_start, bool before_name, std::vector<Mention>& found) {
  static constexpr std::string_view kPlaceTails[] = {"based", "born", "headquartered", "bred", "raised"};
  static constexpr std::string_view kPartyTails[] = {"owned", "backed", "controlled", "led", "listed", "run", "funded"};
  const std::string_view word = text.substr(w.begin, w.end - w.begin);
  const std::size_t hyphen = word.rfind('-');
  if (hyphen == std::string_view::npos || hyphen == 0 || hyphen + 1 >= word.size()) return;
  const std::string_view head = word.substr(0, hyphen);
  const std::string_view tail = word.substr(hyphen + 1);
  const bool place_tail = Contains(kPlaceTails, tail);
  if (!place_tail && !Contains(kPartyTails, tail)) return;
  const Lexicons& lex = Lex();
  if (!std::isupper(static_cast<unsigned char>(head[0])) || head.find('-') != std::string_view::npos ||
      lex.demonyms.count(head) || lex.not_names.count(head) || Contains(kCapitalizedStopwords, head) ||
      IsAllDigits(head) || (IsCapitalizedWord(head) && IsCommonWord(head) && !lex.places.count(head))) {
    return;
  }
  // Opening a sentence, any word is capitalized ("State-owned"): only a known place or an
  // acronym counts there.
  if (sentence_start && !lex.places.count(head) && !IsAllCaps(head)) return;
  // Before a name ("Paris-based Acme SA") the claim rules and frames read a place as the
  // party itself (they take any name there): left out until they tell places apart.
  if (before_name) return;
  Mention mention;
  mention.kind = MentionKind::kEntity;
  mention.span = {w.begin, w.begin + hyphen};
  mention.text = std::string(head);
  if (lex.government_names.count(head)) {
    mention.entity.type = EntityType::kGovernment;
  } else if (lex.places.count(head) || place_tail) {
    mention.entity.type = EntityType::kPlace;
  } else {
    mention.entity.type = EntityType::kUnknown;
  }
  found.push_back(std::move(mention));
}

// "Dillon's Bakeries Inc": the possessive "s" at words[s] sits inside one name when one to
// three capitalized words after it end with a legal form and the word before it is a name,
// not a legal form ("Acme Inc's Brenlow Ltd" is two).
bool PossessiveInName(std::string_view text, const std::vector<Word>& words, std::size_t s) {
  const Lexicons& lex = Lex();
  auto word = [&](std::size_t k) { return text.substr(words[k].begin, words[k].end - words[k].begin); };
  if (s == 0 || lex.org_suffixes.count(word(s - 1)) || !IsCapitalizedWord(word(s - 1))) return false;
  constexpr std::size_t kMaxTail = 3;
  for (std::size_t k = s + 1; k < words.size() && k <= s + kMaxTail + 1; ++k) {
    if (text.substr(words[k - 1].end, words[k].begin - words[k - 1].end) != " " || !IsNameWord(word(k))) return false;
    if (k > s + 1 && lex.org_suffixes.count(word(k))) return true;
  }
  return false;
}

// "Cable and Wireless" once the article has written it as one name ("Cable and Wireless
// Plc"): the words around "and" at words[j], remembered and recognized.
std::string AndPhrase(std::string_view text, const std::vector<Word>& words, std::size_t j) {
  return std::string(text.substr(words[j - 1].begin, words[j - 1].end - words[j - 1].begin)) + " and " +
         std::string(text.substr(words[j + 1].begin, words[j + 1].end - words[j + 1].begin));
}
void RememberJoined(std::string_view text, const std::vector<Word>& words, std::size_t j,
                    std::unordered_set<std::string>& joined) {
  joined.insert(AndPhrase(text, words, j));
}
bool JoinedBefore(std::string_view text, const std::vector<Word>& words, std::size_t j,
                  const std::unordered_set<std::string>& joined) {
  if (joined.empty() || j == 0 || j + 1 >= words.size() ||
      text.substr(words[j].end, words[j + 1].begin - words[j].end) != " ") {
    return false;
  }
  return joined.count(AndPhrase(text, words, j)) > 0;
}

// Per-article answers to the whole-text questions, asked once per word. Whether a word is a
// name reads only the text before the end of the sentence being read (set by SetLimit): a
// name found in one sentence never depends on text after it, so appending to an article
// changes nothing before it (the first position of each occurrence is memoized, the limit
// applied on ask).
class ArticleMemo {
 public:
  // The title stands before the text: what it shows counts for every sentence.
  ArticleMemo(std::string_view text, std::string_view title) : text_(text), title_(title) {}
  void SetLimit(std::size_t limit) { limit_ = limit; }
  bool OrdinaryAtStart(std::string_view word) {
    if (!IsCapitalizedWord(word)) return false;
    bool ordinary = IsCommonWord(word) || Before(lowercase_, word, [&] {
                      return FirstLowercase(title_, word) != kNowhere ? 0 : FirstLowercase(text_, word);
                    });
    return ordinary && !CapitalizedInside(word);
  }
  bool CapitalizedInside(std::string_view phrase) {
    return Before(inside_, phrase, [&] {
      return FirstCapitalizedInside(title_, phrase) != kNowhere ? 0 : FirstCapitalizedInside(text_, phrase);
    });
  }
  // A type hint, not a name: "Mr Camus" anywhere in the article makes "Philippe Camus" a
  // person, even in a sentence before it (news names a person in full first).
  bool Honorific(std::string_view surname) {
    auto found = honorific_.find(surname);
    if (found == honorific_.end()) found = honorific_.emplace(surname, FirstHonorific(text_, surname)).first;
    return found->second != kNowhere;
  }

 private:
  template <typename F>
  bool Before(std::unordered_map<std::string_view, std::size_t>& memo, std::string_view key, F&& compute) {
    auto found = memo.find(key);
    if (found == memo.end()) found = memo.emplace(key, compute()).first;
    return found->second < limit_;
  }
  std::string_view text_;
  std::string_view title_;
  std::size_t limit_ = kNowhere;
  std::unordered_map<std::string_view, std::size_t> lowercase_, inside_, honorific_;
};

// One capitalized run of a sentence, cut into names with types: leading ordinary words,
// nationalities and titles dropped, an organization cut from a person after it.
class RunSplitter {
 public:
  RunSplitter(std::string_view text, const Sentence& sentence, const std::vector<Word>& words, ArticleMemo& memo,
              pos::TaggedSentence& tags)
      : text_(text), sentence_(sentence), words_(words), memo_(memo), tags_(tags) {}

  // Names of words [lo, hi]; `clause_start` when lo opens the sentence or a quote; `cue` a
  // person cue before the run (a lowercase title such as "chairman").
  void Split(std::size_t lo, std::size_t hi, bool clause_start, bool person_cue, std::vector<Mention>& out) {
    const Lexicons& lex = Lex();
    // A sentence-initial ordinary word alone is no name ("Reports"); before other name
    // words it is part of the name ("Farrow Bank") unless it is a word news opens sentences
    // with ("Troubled Acme", "Shares Acme").
    if (clause_start && lo <= hi && memo_.OrdinaryAtStart(W(lo))) {
      bool keep = false;
      if (lo < hi) {
        const std::string_view second = W(lo + 1);
        const bool before_acronym = IsAllCaps(second) && second.size() > 1 && !lex.org_suffixes.count(second);  // "Big US", not "Software AG"
        const bool before_of = IsJoiner(second) && !lex.org_heads.count(W(lo)) && !lex.government_heads.count(W(lo));
        const bool before_person = lex.first_names.count(second) > 0;  // "Actor Jane Roe"
        keep = (!IsStarter(W(lo)) && !before_acronym && !before_of && !before_person) ||
               (std::find(std::begin(kNameInitialWords), std::end(kNameInitialWords), W(lo)) != std::end(kNameInitialWords) &&
                !IsAllCaps(W(lo + 1))) ||
               memo_.CapitalizedInside(text_.substr(words_[lo].begin, words_[lo + 1].end - words_[lo].begin));
      }
      // Alone, a word that began an organization's name earlier ("Halvard Newspapers Plc ...
      // Halvard now holds"), unless the tagger reads it as an adjective or verb.
      if (!keep && lo == hi && BeganOrganization(W(lo), out) && !TaggedModifier(lo)) keep = true;
      if (!keep) lo = Next(lo, hi);
    } else if (clause_start && lo == hi && TaggedOrdinary(lo, out)) {
      return;
    }
    // Leading nationalities: part of an organization's name ("British Airways"), else cut,
    // and then the name after it is a person ("Irishmen J Smith").
    while (lo <= hi && lex.demonyms.count(W(lo))) {
      if (lo == hi) return;
      std::string_view next = W(lo + 1);
      bool person_next = lex.first_names.count(next) || IsInitials(next) || lex.Title(next) || lex.demonyms.count(next);
      if (!person_next || HasOrgEvidence(lo + 1, hi)) break;  // "Canadian Tire", "British Airways"
      lo = Next(lo, hi);
      person_cue = !lex.Title(next);
    }
    // Title segments (contiguous title words holding at least one head word) cut the run;
    // the name after a title is a person.
    std::size_t start = lo;
    std::size_t k = lo;
    while (k <= hi) {
      if (!lex.Title(W(k))) {
        ++k;
        continue;
      }
      std::size_t end = k;
      bool head = false;
      while (end <= hi && lex.Title(W(end))) head = lex.title_heads.count(W(end++)) > 0 || head;
      if (!head) {
        k = end;
        continue;
      }
      if (k > start) Piece(start, k - 1, person_cue, out);
      start = end;
      k = end;
      person_cue = true;
    }
    if (start <= hi) Piece(start, hi, person_cue, out);
  }

 private:
  std::string_view W(std::size_t k) const { return text_.substr(words_[k].begin, words_[k].end - words_[k].begin); }
  std::string_view Phrase(std::size_t a, std::size_t b) const { return text_.substr(words_[a].begin, words_[b].end - words_[a].begin); }
  std::size_t Next(std::size_t k, std::size_t hi) const {
    ++k;
    while (k <= hi && IsJoiner(W(k))) ++k;
    return k;
  }

  bool HasOrgEvidence(std::size_t a, std::size_t b) const {
    const Lexicons& lex = Lex();
    if (lex.org_suffixes.count(W(b))) return true;
    for (std::size_t k = a; k <= b; ++k) {
      if (lex.org_heads.count(W(k)) || lex.government_heads.count(W(k))) return true;
    }
    return false;
  }

  void Piece(std::size_t a, std::size_t b, bool person_cue, std::vector<Mention>& out) {
    const Lexicons& lex = Lex();
    while (a <= b && IsJoiner(W(a))) ++a;
    while (b > a && IsJoiner(W(b))) --b;
    // A nationality ends no name; it opens the next phrase ("... Buccaneers American football").
    while (b > a && lex.demonyms.count(W(b)) && !IsJoiner(W(b - 1)) && words_[b].end + 1 < text_.size() &&
           text_[words_[b].end] == ' ' && std::islower(static_cast<unsigned char>(text_[words_[b].end + 1]))) {
      --b;
    }
    if (a > b) return;
    // Two places side by side ("the Maldives Indian Ocean islands").
    for (std::size_t k = a + 1; k <= b; ++k) {
      if (lex.places.count(Phrase(a, k - 1)) && lex.places.count(Phrase(k, b))) {
        Emit(a, k - 1, EntityType::kPlace, out);
        Emit(k, b, EntityType::kPlace, out);
        return;
      }
    }
    // An organization then a person with a given name: "Acme Jane Roe".
    if (!person_cue && b >= a + 2 && !lex.first_names.count(W(a))) {
      for (std::size_t k = a + 1; k + 1 <= b && k <= b; ++k) {
        if (b - k > 2 || IsJoiner(W(k - 1))) continue;
        if (!lex.first_names.count(W(k)) || HasOrgEvidence(k, b)) continue;
        Emit(a, k - 1, EntityType::kOrganization, out);
        Emit(k, b, EntityType::kPerson, out);
        return;
      }
    }
    Emit(a, b, Type(a, b, person_cue), out);
  }

  EntityType Type(std::size_t a, std::size_t b, bool person_cue) {
    const Lexicons& lex = Lex();
    std::string_view name = text_.substr(words_[a].begin, words_[b].end - words_[a].begin);
    if (a == b && IsModelNumber(name)) return EntityType::kProduct;
    if (lex.government_names.count(name)) return EntityType::kGovernment;
    if (lex.places.count(name)) return EntityType::kPlace;
    if (a < b && lex.org_suffixes.count(W(b))) return EntityType::kOrganization;
    for (std::size_t k = a; k <= b; ++k) {
      if (lex.government_heads.count(W(k))) return EntityType::kGovernment;
      if (k < b && W(k) == "Central" && W(k + 1) == "Bank") return EntityType::kGovernment;
    }
    for (std::size_t k = a + 1; k <= b; ++k) {
      if (lex.org_heads.count(W(k))) return EntityType::kOrganization;
    }
    if (a + 1 < b && lex.org_heads.count(W(a)) && IsJoiner(W(a + 1))) return EntityType::kOrganization;  // "Bank of X"
    // Reuters marks company names: "<Acme Corp>", "Acme Corp <ACME>".
    std::size_t begin = words_[a].begin;
    std::size_t end = words_[b].end;
    if (begin > 0 && text_[begin - 1] == '<') return EntityType::kOrganization;
    if (text_.compare(end, 2, " <") == 0 && std::isupper(static_cast<unsigned char>(text_[std::min(end + 2, text_.size() - 1)]))) {
      return EntityType::kOrganization;
    }
    bool capitalized = std::all_of(&words_[a], &words_[b] + 1, [&](const Word& w) {
      std::string_view word = text_.substr(w.begin, w.end - w.begin);
      return IsJoiner(word) || std::isupper(static_cast<unsigned char>(word[0]));
    });
    bool person_shape = capitalized && b - a <= 3 && !IsAllCaps(W(b));
    if (person_cue && person_shape) return EntityType::kPerson;
    if (person_shape && a < b && b - a <= 2 && (lex.first_names.count(W(a)) || IsInitials(W(a))) &&
        !IsInitials(W(b)) && (lex.first_names.count(W(a)) || memo_.Honorific(W(b)))) {
      return EntityType::kPerson;
    }
    if (person_shape && a < b && memo_.Honorific(W(b))) return EntityType::kPerson;
    if (a == b && lex.first_names.count(W(a)) && IsCapitalizedWord(W(a))) return EntityType::kPerson;  // "Avi and Joel"
    // "Richmond, Va.", "Lugano, Switzerland": a name before a state or country is a place.
    if (text_.compare(end, 2, ", ") == 0) {
      std::size_t after = end + 2;
      std::size_t stop = after;
      while (stop < text_.size() && (std::isalpha(static_cast<unsigned char>(text_[stop])) || text_[stop] == '.')) ++stop;
      std::string_view next = text_.substr(after, stop - after);
      while (!next.empty() && next.back() == '.') next.remove_suffix(1);
      const bool followed_by_digit = stop + 1 < text_.size() && text_[stop] == ' ' &&
                                     std::isdigit(static_cast<unsigned char>(text_[stop + 1]));  // "Feb 26"
      const bool apostrophe = stop < text_.size() && (text_[stop] == '\'' || text_.compare(stop, 3, "\xE2\x80\x99") == 0);
      const bool state = lex.not_names.count(next) && next.size() <= 5 && !followed_by_digit;
      // A country after a comma is a location only after "of", "in", "at", "from", "near".
      std::string_view before = text_.substr(0, begin);
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      const bool located = before.ends_with(" of") || before.ends_with(" in") || before.ends_with(" at") ||
                           before.ends_with(" from") || before.ends_with(" near");
      // "Corpus Christi, Texas, oil refinery": a place between commas after it.
      const bool enclosed = stop < text_.size() && text_[stop] == ',' && lex.places.count(next) && !lex.demonyms.count(next);
      if (!next.empty() && std::isupper(static_cast<unsigned char>(next[0])) && !apostrophe &&
          (state || ((located || enclosed) && lex.places.count(next)))) {
        return EntityType::kPlace;
      }
    }
    // "Arese near Milan": a name right before "near" and a place.
    if (text_.compare(end, 6, " near ") == 0) {
      std::size_t stop = end + 6;
      while (stop < text_.size() && std::isalpha(static_cast<unsigned char>(text_[stop]))) ++stop;
      if (lex.places.count(text_.substr(end + 6, stop - end - 6))) return EntityType::kPlace;
    }
    // A wire dateline: "HOUSTON, March 3 -" at a sentence start.
    if (IsAllCaps(name) && W(a).size() > 2 && end < text_.size() && text_[end] == ',' &&
        (begin == 0 || text_[begin - 1] == '\n')) {
      return EntityType::kPlace;
    }
    return EntityType::kUnknown;
  }

  void Emit(std::size_t a, std::size_t b, EntityType type, std::vector<Mention>& out) {
    const Lexicons& lex = Lex();
    while (b > a && IsJoiner(W(b))) --b;
    std::string_view name = text_.substr(words_[a].begin, words_[b].end - words_[a].begin);
    // A legal form alone ("Ltd", "Corp") is what is left of a name cut elsewhere, not a name.
    if (a == b && (lex.not_names.count(name) || lex.demonyms.count(name) || lex.Title(name) || lex.org_suffixes.count(name))) return;
    if (AllCapsOrdinary(text_, words_, a, b)) return;
    Mention mention;
    mention.kind = MentionKind::kEntity;
    mention.span = {words_[a].begin, words_[b].end};
    mention.text = std::string(name);
    mention.entity.type = type;
    out.push_back(std::move(mention));
  }

  // The part-of-speech tag of word k, the sentence tagged on first ask (most sentences never
  // are); nullptr when no token starts at the word.
  const pos::Tagged* TagOf(std::size_t k) {
    if (!tagged_) {
      pos::TagSpan(text_, sentence_.span.begin, sentence_.span.end, tags_);
      tagged_ = true;
    }
    return tags_.At(words_[k].begin);
  }

  // A capitalized opener alone before lowercase words that the tagger reads, with a clear
  // margin, as an ordinary word ("Legal experts said", "Applied chemicals group Acme"):
  // web-text statistics where the common-word lexicon has no entry (or leaves the word out
  // because the treebank once tagged it a proper noun). A noun needs a wider margin: news
  // opens with company names the tagger has never seen, and it reads many as nouns.
  bool TaggedOrdinary(std::size_t k, const std::vector<Mention>& found) {
    constexpr float kMargin = 7;
    constexpr float kNounMargin = 15;
    const std::string_view word = W(k);
    if (!IsCapitalizedWord(word) || word.size() < 3 || memo_.CapitalizedInside(word)) return false;
    if (Lex().first_names.count(word) || Lex().places.count(word) || Lex().org_suffixes.count(word)) return false;
    // A word that began or made a name earlier in the article ("Harbour Bank ... Harbour will").
    for (const Mention& name : found) {
      if (name.entity.type != EntityType::kPronoun && name.text.starts_with(word) &&
          (name.text.size() == word.size() || name.text[word.size()] == ' ')) {
        return false;
      }
    }
    const pos::Tagged* tag = TagOf(k);
    if (tag == nullptr) return false;
    switch (tag->tag) {
      case pos::Upos::kAdj: case pos::Upos::kVerb: case pos::Upos::kAdv:
        return tag->margin >= kMargin;
      case pos::Upos::kNoun:
        return tag->margin >= kNounMargin;
      default:  // a proper noun; a closed-class tag on a capitalized word is a misreading of
        return false;  // its position ("Acme will" read like "It will")
    }
  }

  // An earlier name of the article starts with `word` and has a legal form or an organization
  // head word: "Halvard" after "Halvard Newspapers Holdings Plc".
  static bool BeganOrganization(std::string_view word, const std::vector<Mention>& found) {
    const Lexicons& lex = Lex();
    for (const Mention& name : found) {
      if (name.entity.type == EntityType::kPronoun || name.text.size() <= word.size() + 1 || !name.text.starts_with(word) ||
          name.text[word.size()] != ' ') {
        continue;
      }
      const std::string_view rest = std::string_view(name.text).substr(word.size() + 1);
      const std::size_t space = rest.rfind(' ');
      const std::string_view last = space == std::string_view::npos ? rest : rest.substr(space + 1);
      if (lex.org_suffixes.count(last) || lex.org_heads.count(last) || name.entity.type == EntityType::kOrganization) return true;
    }
    return false;
  }

  // The tagger reads word k as an adjective, verb or adverb with a clear margin.
  bool TaggedModifier(std::size_t k) {
    constexpr float kMargin = 7;
    const pos::Tagged* tag = TagOf(k);
    if (tag == nullptr) return false;
    return (tag->tag == pos::Upos::kAdj || tag->tag == pos::Upos::kVerb || tag->tag == pos::Upos::kAdv) &&
           tag->margin >= kMargin;
  }

  std::string_view text_;
  const Sentence& sentence_;
  const std::vector<Word>& words_;
  ArticleMemo& memo_;
  pos::TaggedSentence& tags_;
  bool tagged_ = false;
};

}  // namespace

std::vector<Mention> FindEntities(std::string_view text, const std::vector<Sentence>& sentences,
                                  const std::vector<Mention>& taken_mentions, std::string_view title) {
  const TakenSpans taken(taken_mentions);
  const Lexicons& lex = Lex();
  ArticleMemo memo(text, title);
  std::vector<Mention> found;
  pos::TaggedSentence tags;  // reused: a sentence is tagged only when a name decision asks
  std::unordered_set<std::string> joined_ands;  // "Cable and Wireless": "and" names seen whole
  for (const Sentence& sentence : sentences) {
    memo.SetLimit(sentence.span.end);
    std::vector<Word> words = SplitWords(text, sentence.span.begin, sentence.span.end);
    RunSplitter splitter(text, sentence, words, memo, tags);
    // A wire dateline ("WASHINGTON, March 27 - ", "VANCOUVER, British Columbia, March 11 - ")
    // says where the story was filed: its place is no party, so no name is read in it.
    const std::size_t dateline = DatelineWords(text, sentence, words, taken_mentions);
    // A headline repeats the story's names in title case, where capitals tell nothing and a
    // short form would stand before the full name: its names are left to the body.
    std::size_t i = IsTitleCaseLine(text, sentence, words) ? words.size() : dateline;
    while (i < words.size()) {
      std::string_view word = text.substr(words[i].begin, words[i].end - words[i].begin);
      auto blocked = [&](std::size_t k) { return taken.Overlaps(words[k].begin, words[k].end); };
      // A weekday names a newspaper before its head word ("Sunday Times", "Sunday Telegraph").
      const bool paper = IsMonthOrDay(word) && i + 1 < words.size() && words[i + 1].begin == words[i].end + 1 &&
                         lex.org_heads.count(text.substr(words[i + 1].begin, words[i + 1].end - words[i + 1].begin)) > 0;
      if (!IsNameWord(word) || Contains(kCapitalizedStopwords, word) || (lex.not_names.count(word) && !paper) ||
          IsAllDigits(word) || (blocked(i) && !paper) || IsTicker(text, words, i) || IsBareTicker(text, words, i)) {
        // "Frankfurt-based", "US-born": the name before the hyphen.
        if (!blocked(i)) {
          const bool before_name = i + 1 < words.size() &&
                                   IsNameWord(text.substr(words[i + 1].begin, words[i + 1].end - words[i + 1].begin));
          AddHyphenPrefix(text, words[i], i == dateline, before_name, found);
        }
        ++i;
        continue;
      }
      // Extend over following name words; "of"/"de"/"&" join two name words ("Bank of America").
      std::size_t last = i;
      std::size_t j = i + 1;
      while (j < words.size()) {
        std::string_view next = text.substr(words[j].begin, words[j].end - words[j].begin);
        std::string_view gap = text.substr(words[j - 1].end, words[j].begin - words[j - 1].end);
        // A founder's possessive inside a company's name: "Dillon's Bakeries Inc".
        if (j == i + 1 && next == "s" && (gap == "'" || gap == "\xE2\x80\x99") && PossessiveInName(text, words, j)) {
          last = j;
          ++j;
          continue;
        }
        // "Goldman, Sachs and Co": a comma inside a partnership's name.
        if (gap == ", " && j == i + 1 && !blocked(j) && PartnershipTail(text, words, j)) {
          last = j + 2;
          j += 3;
          continue;
        }
        if (gap != " ") break;  // punctuation or a possessive between words ends the name
        // A legal form written in lowercase ("Acme corp") still ends the name.
        if (lex.org_suffixes.count(next) && std::islower(static_cast<unsigned char>(next[0])) && !blocked(j)) {
          last = j;
          ++j;
          break;
        }
        // A wire ticker written bare after a legal form ("Acme Group Inc ACM") is not the name.
        if (IsBareTicker(text, words, j)) break;
        if (IsNameWord(next) && !Contains(kCapitalizedStopwords, next) && !IsMonthOrDay(next) && !blocked(j)) {
          last = j;
          ++j;
          continue;
        }
        // "of" after a person's name starts where the person works: "Jane Roe of Acme Inc".
        if (next == "of" && PersonShaped(text, words, i, j - 1)) break;
        if (IsJoiner(next) && next != "for" && j + 1 < words.size() && !(next == "of" && lex.org_suffixes.count(text.substr(words[j - 1].begin, words[j - 1].end - words[j - 1].begin))) &&
            IsNameWord(text.substr(words[j + 1].begin, words[j + 1].end - words[j + 1].begin))) {
          j += 1;
          continue;
        }
        // "for" or "on" after a body's head word: "Institute for Supply Management", "Commission
        // on Human Rights".
        if ((next == "for" || next == "on") && j + 1 < words.size() && Contains(kForBodies, text.substr(words[j - 1].begin, words[j - 1].end - words[j - 1].begin)) &&
            IsNameWord(text.substr(words[j + 1].begin, words[j + 1].end - words[j + 1].begin))) {
          j += 1;
          continue;
        }
        // "and" inside one name: "Securities and Exchange Commission", "Cable and Wireless Plc".
        if (next == "and" && (AndJoinsName(text, words, j, i) || JoinedBefore(text, words, j, joined_ands))) {
          if (j + 1 < words.size()) RememberJoined(text, words, j, joined_ands);
          j += 1;
          continue;
        }
        break;
      }
      // A sentence or a quote opens here: a capitalized ordinary word may stand first.
      std::size_t gap_begin = i == 0 ? sentence.span.begin : words[i - 1].end;
      std::string_view gap = text.substr(gap_begin, words[i].begin - gap_begin);
      // The story's first word after its dateline opens a sentence too ("LONDON, March 3 - Applied ...").
      bool clause_start = i == 0 || (dateline > 0 && i == dateline) || gap.find_first_of("\":(") != std::string_view::npos ||
                          gap.find("\xE2\x80\x9C") != std::string_view::npos || gap.find("\xE2\x80\x98") != std::string_view::npos;
      bool person_cue = false;
      if (i > 0 && gap == " ") {
        std::string before = Lower(text.substr(words[i - 1].begin, words[i - 1].end - words[i - 1].begin));
        person_cue = Contains(kPersonCueWords, before);
      }
      splitter.Split(i, last, clause_start, person_cue, found);
      i = last + 1;
    }
    AddRoleReferences(text, sentence, taken, found);
  }
  std::sort(found.begin(), found.end(), [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  // A role reference inside a name ("It" cannot be, but "Its" may follow a name) is dropped.
  std::vector<Mention> result;
  for (Mention& mention : found) {
    if (!result.empty() && mention.span.begin < result.back().span.end) continue;
    result.push_back(std::move(mention));
  }
  return result;
}

}  // namespace concord::extract
