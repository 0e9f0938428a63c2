// Entity spans by word shape. The rejected alternative, a trained NER model, is out of
// reach here (no model files on the machine); shape plus stop lists does well on business
// news, where parties are capitalized names, and normalize's table fixes identity and type.

#include "extract/entities.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace concord::extract {
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

// Plural and business nouns that open news sentences ("Shares of X fell", "Analysts
// expect …", "Revenue rose …"): at a sentence start they are ordinary words, even when the
// text never writes them in lowercase, and they never begin a name.
constexpr std::string_view kCommonSentenceStarters[] = {
    "Analysts", "Bankers", "Buyers", "Critics", "Customers", "Details", "Documents", "Earnings",
    "Employees", "Executives", "Filings", "Investors", "Lawmakers", "Lawyers", "Markets", "Officials",
    "Prices", "Profit", "Profits", "Regulators", "Revenue", "Revenues", "Sales", "Separately", "Shares",
    "Shareholders", "Sources", "Staff", "Stocks", "Talks", "Terms", "Traders", "Under", "Workers"};

// Job titles: they split "Amazon CEO Andy Jassy" into an organization and a person.
constexpr std::string_view kTitles[] = {
    "CEO", "CFO", "COO", "CTO", "Chief", "Chairman", "Chairwoman", "President",
    "Mr.", "Ms.", "Mrs.", "Dr.", "Founder", "Chair"};

constexpr std::string_view kMonthsAndDays[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday"};

// Role references that stand for a party named elsewhere in the article. Longest first.
constexpr std::string_view kRoleReferences[] = {
    "the two companies", "the two parties", "both companies", "both parties", "the two firms",
    "the company", "the firm", "the group", "the former", "the latter", "the startup",
    "itself", "it"};

template <std::size_t N>
bool Contains(const std::string_view (&words)[N], std::string_view word) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
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
  if (std::islower(first)) return HasUpper(word.substr(1));
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

// True when the lowercase form of `word` occurs in the text as an ordinary word: then a
// sentence-initial capitalized `word` is an ordinary word too ("Financial arrangements…").
bool OccursLowercase(std::string_view text, std::string_view word) {
  std::string lower = Lower(word);
  if (lower == word) return false;
  std::size_t at = 0;
  while ((at = text.find(lower, at)) != std::string_view::npos) {
    bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
    std::size_t after = at + lower.size();
    bool right = after >= text.size() || !std::isalnum(static_cast<unsigned char>(text[after]));
    if (left && right) return true;
    at = after;
  }
  return false;
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

}  // namespace

std::vector<Mention> FindEntities(std::string_view text, const std::vector<Sentence>& sentences,
                                  const std::vector<Mention>& taken_mentions) {
  const TakenSpans taken(taken_mentions);
  std::vector<Mention> found;
  for (const Sentence& sentence : sentences) {
    std::vector<Word> words = SplitWords(text, sentence.span.begin, sentence.span.end);
    std::size_t i = 0;
    bool after_title = false;
    while (i < words.size()) {
      std::string_view word = text.substr(words[i].begin, words[i].end - words[i].begin);
      bool is_title = Contains(kTitles, word);
      auto blocked = [&](std::size_t k) {
        return taken.Overlaps(words[k].begin, words[k].end);
      };
      const bool sentence_start = i == 0;  // the first word, after any bullet or quote
      if (is_title || !IsNameWord(word) || Contains(kCapitalizedStopwords, word) || Contains(kMonthsAndDays, word) ||
          IsAllDigits(word) || blocked(i) || (sentence_start && Contains(kCommonSentenceStarters, word))) {
        after_title = is_title;
        ++i;
        continue;
      }
      // Extend over following name words; "of"/"de"/"&" join two name words ("Bank of America").
      std::size_t last = i;
      std::size_t j = i + 1;
      while (j < words.size()) {
        std::string_view next = text.substr(words[j].begin, words[j].end - words[j].begin);
        std::string_view gap = text.substr(words[j - 1].end, words[j].begin - words[j - 1].end);
        if (gap != " ") break;  // punctuation or a possessive between words ends the name
        if (IsNameWord(next) && !Contains(kTitles, next) && !Contains(kCapitalizedStopwords, next) &&
            !Contains(kMonthsAndDays, next) && !blocked(j)) {
          last = j;
          ++j;
          continue;
        }
        if ((next == "of" || next == "de" || next == "&") && j + 1 < words.size() &&
            IsNameWord(text.substr(words[j + 1].begin, words[j + 1].end - words[j + 1].begin))) {
          j += 1;
          continue;
        }
        break;
      }
      std::size_t begin = words[i].begin;
      std::size_t end = words[last].end;
      bool sentence_initial = words[i].begin == sentence.span.begin;
      bool single_word = last == i;
      std::string_view name = text.substr(begin, end - begin);
      if (sentence_initial && single_word && !HasUpper(name.substr(1)) && OccursLowercase(text, name)) {
        i = last + 1;
        continue;
      }
      Mention mention;
      mention.kind = MentionKind::kEntity;
      mention.span = {begin, end};
      mention.text = std::string(name);
      mention.entity.type = after_title ? EntityType::kPerson : EntityType::kUnknown;
      found.push_back(std::move(mention));
      after_title = false;
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
