// The Extractor: wires sentence splitting, the recognizers and the pattern rules, and turns
// rule matches into claims. Everything compiled here is built once in Create() and only
// read afterwards, so Extract() is safe to call from many threads.

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <charconv>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <sstream>

#include "extract/amounts.h"
#include "extract/dates.h"
#include "extract/deal_events.h"
#include "extract/entities.h"
#include "extract/extract.h"
#include "extract/frames.h"
#include "extract/rules.h"

namespace concord::extract {
namespace {

// Cue lexicon (extract/patterns/cues.lex): category → phrases, matched at word boundaries
// in the lowercased clause of a match. A trailing '*' matches any word ending.
struct CueLexicon {
  std::map<std::string, std::vector<std::string>> phrases_by_category;
};

Status ParseCues(std::string_view text, const std::string& file_name, CueLexicon& lexicon) {
  std::istringstream lines{std::string(text)};
  std::string line;
  int line_number = 0;
  while (std::getline(lines, line)) {
    ++line_number;
    std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) {
      return Status::InvalidInput(file_name + ":" + std::to_string(line_number) + ":" + std::to_string(first + 1),
                                  "expected 'category: phrase | phrase'");
    }
    std::string category = line.substr(first, colon - first);
    std::istringstream phrases(line.substr(colon + 1));
    std::string phrase;
    while (std::getline(phrases, phrase, '|')) {
      std::size_t b = phrase.find_first_not_of(" \t\r");
      std::size_t e = phrase.find_last_not_of(" \t\r");
      if (b == std::string::npos) continue;
      lexicon.phrases_by_category[category].push_back(phrase.substr(b, e - b + 1));
    }
  }
  return Status::Ok();
}

// Position of `phrase` at word boundaries in `text` at or after `from`, or npos.
std::size_t FindCue(std::string_view text, std::string_view phrase, std::size_t from = 0) {
  bool prefix = !phrase.empty() && phrase.back() == '*';
  if (prefix) phrase.remove_suffix(1);
  std::size_t at = from;
  while ((at = text.find(phrase, at)) != std::string_view::npos) {
    std::size_t after = at + phrase.size();
    bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1])) ||
                !std::isalnum(static_cast<unsigned char>(phrase.front()));
    bool right = prefix || after >= text.size() || !std::isalnum(static_cast<unsigned char>(text[after])) ||
                 !std::isalnum(static_cast<unsigned char>(phrase.back()));
    if (left && right) return at;
    at = after;
  }
  return std::string_view::npos;
}

const char* TokenType(const Mention& mention) {
  switch (mention.kind) {
    case MentionKind::kMoney: return "MON";
    case MentionKind::kPercent: return "PCT";
    case MentionKind::kDate: return "DAT";
    case MentionKind::kDuration: return "DUR";
    case MentionKind::kCount: return "CNT";
    case MentionKind::kEntity:
      switch (mention.entity.type) {
        case EntityType::kPerson: return "PER";
        case EntityType::kProduct: return "PRD";
        case EntityType::kPronoun: return "PRN";
        default: return "ORG";
      }
  }
  return "ORG";
}

// Verbs whose "that" opens a clause with its own subject ("announced that Amazon would …").
constexpr std::string_view kComplementVerbs[] = {
    "said",     "says",      "say",      "announced", "announces", "announce", "show",     "shows",
    "showed",   "shown",     "stated",   "states",    "noted",     "notes",    "stipulates", "stipulated",
    "promised", "promises",  "believes", "believe",   "expects",   "expected", "added",    "confirmed",
    "confirms", "reported",  "reports",  "revealed",  "reveals",   "argued",   "argues",   "warned",
    "is",       "was",       "means",    "meant",     "claimed",   "claims",   "disclosed", "discloses",
    "indicated", "indicates", "suggests", "suggested", "agreed",   "agrees",   "told",     "wrote",
    "insisted", "explained", "acknowledged", "denied", "emphasized", "emphasised", "estimated", "estimates"};

// A sentence rewritten for matching: lowercase ASCII, single spaces, straight quotes, and
// each mention (with its qualifier) replaced by one token. Rules see only this form.
struct TaggedSentence {
  std::string text;
  std::vector<std::size_t> original;  // original byte offset of each tagged byte
};

TaggedSentence TagSentence(std::string_view article, const Span& sentence, const std::vector<Mention>& mentions,
                           std::size_t first_mention, std::size_t end_mention) {
  TaggedSentence tagged;
  tagged.text.reserve(sentence.end - sentence.begin + 16);
  tagged.original.reserve(sentence.end - sentence.begin + 16);
  std::size_t next = first_mention;
  auto emit = [&](char c, std::size_t at) {
    tagged.text.push_back(c);
    tagged.original.push_back(at);
  };
  std::size_t i = sentence.begin;
  while (i < sentence.end) {
    if (next < end_mention) {
      const Mention& mention = mentions[next];
      std::size_t start = mention.span.begin;
      if (!mention.amount.qualifier_span.empty() && mention.amount.qualifier_span.begin < start &&
          mention.amount.qualifier_span.begin >= i) {
        start = mention.amount.qualifier_span.begin;
      }
      if (i >= start) {
        // The token, without building a string per mention.
        char digits[24];
        const auto [digits_end, ignored] = std::to_chars(std::begin(digits), std::end(digits), next);
        for (char c : kTokenOpen) emit(c, start);
        for (const char* type = TokenType(mention); *type != '\0'; ++type) emit(*type, start);
        for (const char* digit = digits; digit != digits_end; ++digit) emit(*digit, start);
        for (char c : kTokenClose) emit(c, start);
        i = std::max(i, mention.span.end);
        ++next;
        // An appositive after a party ("Orrin, a maker of fraud software, raised …") is
        // skipped, so the party stays next to its verb. Only when a comma closes it within
        // the sentence, and it holds no mention: otherwise it is not an aside.
        if (mention.kind == MentionKind::kEntity && mention.entity.type != EntityType::kPronoun) {
          for (std::string_view opener : {", a ", ", an ", ", the "}) {
            if (article.compare(i, opener.size(), opener) != 0) continue;
            std::size_t close = article.find(", ", i + opener.size());
            bool inside = close != std::string_view::npos && close < sentence.end;
            std::size_t next_begin = next < end_mention ? mentions[next].span.begin : sentence.end;
            if (inside && close < next_begin && article.substr(i, close - i).find_first_of(".;") == std::string_view::npos) {
              i = close + 1;  // past the closing comma: "Orrin raised"
            }
            break;
          }
        }
        // A plural possessive ("Halvard Foods' revenue") reads as "'s", so rules need one form.
        if (mention.kind == MentionKind::kEntity) {
          std::size_t apostrophe = article.compare(i, 1, "'") == 0 ? 1 : article.compare(i, 3, "\xE2\x80\x99") == 0 ? 3 : 0;
          if (apostrophe != 0 && i + apostrophe < sentence.end && article[i + apostrophe] == ' ') {
            emit('\'', i);
            emit('s', i);
            i += apostrophe;
          }
        }
        continue;
      }
    }
    auto c = static_cast<unsigned char>(article[i]);
    if (c == 0xE2 && i + 2 < sentence.end && static_cast<unsigned char>(article[i + 1]) == 0x80) {
      auto d = static_cast<unsigned char>(article[i + 2]);
      if (d == 0x98 || d == 0x99) { emit('\'', i); i += 3; continue; }         // ‘ ’
      if (d == 0x9C || d == 0x9D) { emit('"', i); i += 3; continue; }          // “ ”
      if (d == 0x93 || d == 0x94) { emit('-', i); i += 3; continue; }          // – —
    }
    // The token brackets (U+E000, U+E001, private use) mark mentions in the tagged text; one
    // the article holds itself would be read as a mention, so it becomes U+FFFD.
    if (c == 0xEE && (article.compare(i, kTokenOpen.size(), kTokenOpen) == 0 ||
                      article.compare(i, kTokenClose.size(), kTokenClose) == 0)) {
      for (char r : std::string_view("\xEF\xBF\xBD")) emit(r, i);
      i += kTokenOpen.size();
      continue;
    }
    if (c == 0xC2 && i + 1 < sentence.end && static_cast<unsigned char>(article[i + 1]) == 0xA0) {
      c = ' ';  // no-break space
      ++i;
    } else {
      ++i;
    }
    if (std::isspace(c)) {
      if (!tagged.text.empty() && tagged.text.back() != ' ') emit(' ', i - 1);
      continue;
    }
    emit(static_cast<char>(std::tolower(c)), i - 1);
  }
  // A comma before a contrasting or new clause ends the clause for matching and for cue
  // scope: "X no longer receives …, though Y continues paying …" are two statements.
  for (std::string_view joiner : {", though ", ", although ", ", while ", ", whereas ", ", but ", ", yet ", ", with "}) {
    for (std::size_t at = tagged.text.find(joiner); at != std::string::npos; at = tagged.text.find(joiner, at + 1)) {
      tagged.text[at] = ';';
    }
  }
  // A complement clause has its own subject: in "Filings show that Veltrix will pay Orbis"
  // Veltrix pays, so the space before "that" ends the clause, after a verb of saying or
  // showing (a relative "that", as in "software that automates", does not end it).
  for (std::size_t at = tagged.text.find(" that "); at != std::string::npos; at = tagged.text.find(" that ", at + 1)) {
    std::size_t word_begin = tagged.text.rfind(' ', at - 1);
    word_begin = word_begin == std::string::npos ? 0 : word_begin + 1;
    std::string_view previous = std::string_view(tagged.text).substr(word_begin, at - word_begin);
    if (std::find(std::begin(kComplementVerbs), std::end(kComplementVerbs), previous) != std::end(kComplementVerbs)) {
      tagged.text[at] = ';';
    }
  }
  // A leading subordinate clause ("although X did …, Y held …") ends at its first comma.
  for (std::string_view opener : {"although ", "though ", "while ", "whereas ", "because ", "even if ", "even though "}) {
    for (std::size_t at = tagged.text.find(opener); at != std::string::npos; at = tagged.text.find(opener, at + 1)) {
      bool clause_start = at == 0 || (at >= 2 && (tagged.text.compare(at - 2, 2, ", ") == 0 || tagged.text.compare(at - 2, 2, "; ") == 0));
      if (!clause_start) continue;
      std::size_t comma = tagged.text.find(", ", at);
      if (comma != std::string::npos) tagged.text[comma] = ';';
    }
  }
  return tagged;
}

std::optional<std::size_t> TokenIndex(std::string_view token) {
  std::size_t digits = token.find_first_of("0123456789");
  if (digits == std::string_view::npos) return std::nullopt;
  std::size_t index = 0;  // no string copy: this runs for every token of every claim
  std::from_chars(token.data() + digits, token.data() + token.size(), index);
  return index;
}

// Index of the date mention (not a duration: "over five years" says how long, not when)
// among the tokens of tagged[begin, end) that is closest to the match [match_begin,
// match_end): inside it first, then the nearest after or before it.
std::optional<std::size_t> NearestDateToken(std::string_view tagged, std::size_t begin, std::size_t end,
                                            std::size_t match_begin, std::size_t match_end) {
  std::optional<std::size_t> best;
  std::size_t best_distance = std::string_view::npos;
  for (std::size_t at = tagged.find(kTokenOpen, begin); at != std::string_view::npos && at < end;
       at = tagged.find(kTokenOpen, at + 1)) {
    std::string_view token = tagged.substr(at + kTokenOpen.size(), 12);
    if (token.substr(0, 3) != "DAT") continue;
    std::size_t distance = at >= match_begin && at < match_end ? 0
                           : at >= match_end                  ? at - match_end
                                                              : match_begin - at;
    if (distance < best_distance) {
      best_distance = distance;
      best = TokenIndex(token);
    }
  }
  return best;
}

Role RoleFromMention(const Mention& mention) {
  Role role;
  role.text = mention.text;
  role.span = mention.span;
  role.entity = mention.entity;
  return role;
}

// The relation of a figure no pattern explains, and the confidence such a claim starts at:
// its value is certain, what it is about is only the words around it.
constexpr std::string_view kQuantityRelation = "quantity";
constexpr float kQuantityConfidence = 0.5F;
// How many sentences back a tranche looks for the total it belongs to.
constexpr std::size_t kTrancheSentences = 2;

// Words that say nothing about what a figure is about: function words, reporting verbs,
// auxiliaries, number and time words. Sorted, for binary search.
constexpr std::string_view kStopWords[] = {
    "a",        "about",     "above",    "according", "across",   "added",   "after",    "again",   "against",
    "ago",      "ahead",     "all",      "almost",    "along",    "already", "also",     "although", "am",
    "among",    "an",        "and",      "announced", "another",  "any",     "approximately", "are", "around",
    "as",       "at",        "be",       "because",   "been",     "before",  "being",    "below",   "between",
    "billion",  "both",      "but",      "by",        "can",      "could",   "did",      "do",      "does",
    "doing",    "down",      "during",   "each",      "early",    "eight",   "either",   "eleven",  "else",
    "estimated", "even",     "ever",     "every",     "fewer",    "fifty",   "first",    "five",    "for",
    "former",   "forty",     "four",     "from",      "further",  "had",     "has",      "have",    "having",
    "he",       "her",       "here",     "hers",      "herself",  "him",     "himself",  "his",     "how",
    "however",  "hundred",   "i",        "if",        "in",       "including", "into",   "is",      "it",
    "its",      "itself",    "just",     "last",      "late",     "later",   "latter",   "least",   "less",
    "like",     "many",      "may",      "me",        "might",    "million", "more",     "most",    "much",
    "must",     "my",        "near",     "nearly",    "new",      "next",    "nine",     "no",      "nor",
    "not",      "now",       "of",       "off",       "on",       "once",    "one",      "only",    "onto",
    "or",       "other",     "others",   "our",       "ours",     "out",     "over",     "own",     "per",
    "percent",  "perhaps",   "previously", "rather",  "reportedly", "roughly", "said",   "same",    "say",
    "saying",   "says",      "second",   "seven",     "shall",    "she",     "should",   "since",   "six",
    "so",       "some",      "still",    "such",      "ten",      "than",    "that",     "the",     "their",
    "theirs",   "them",      "themselves", "then",    "there",    "these",   "they",     "third",   "thirty",
    "this",     "those",     "though",   "thousand",  "three",    "through", "thus",     "to",      "told",
    "too",      "total",     "trillion", "twelve",    "twenty",   "two",     "under",    "until",   "up",
    "upon",     "us",        "very",     "was",       "we",       "were",    "what",     "when",    "where",
    "whether",  "which",     "while",    "who",       "whom",     "whose",   "why",      "will",    "with",
    "within",   "without",   "would",    "year",      "years",    "yet",     "you",      "your"};

bool IsStopWord(std::string_view word) {
  return std::binary_search(std::begin(kStopWords), std::end(kStopWords), word);
}

// Irregular verb forms news uses around figures, to their base ("paid" meets "pay").
struct Irregular {
  std::string_view form, base;
};
constexpr Irregular kIrregularForms[] = {  // sorted by form
    {"bought", "buy"}, {"built", "build"}, {"fell", "fall"}, {"gave", "give"},
    {"given", "give"}, {"grew", "grow"}, {"grown", "grow"}, {"held", "hold"}, {"left", "leave"},
    {"lost", "lose"}, {"made", "make"}, {"paid", "pay"}, {"risen", "rise"}, {"rose", "rise"},
    {"sold", "sell"}, {"spent", "spend"}, {"stole", "steal"}, {"stolen", "steal"}, {"taken", "take"},
    {"took", "take"}, {"won", "win"}, {"wrote", "write"}
};

// Light suffix stemming, enough that inflections of one word meet: "jailed", "jailing",
// "jails" → "jail"; "stealing" → "steal"; "companies" → "company"; "raised", "raise" → "rais".
// Not Porter: it need only be consistent, never pretty.
std::string Stem(std::string_view word) {
  auto irregular = std::lower_bound(std::begin(kIrregularForms), std::end(kIrregularForms), word,
                                    [](const Irregular& entry, std::string_view w) { return entry.form < w; });
  // The base then goes through the suffix rules like any word, so "gave" and "giving" meet.
  std::string stem(irregular != std::end(kIrregularForms) && irregular->form == word ? irregular->base : word);
  constexpr std::size_t kMinStem = 3;
  auto strip = [&](std::string_view suffix, std::string_view replacement) {
    if (stem.size() < suffix.size() + kMinStem || !stem.ends_with(suffix)) return false;
    stem.erase(stem.size() - suffix.size());
    stem += replacement;
    return true;
  };
  bool verbal = false;
  if (strip("ies", "y") || strip("ied", "y")) return stem;
  if (strip("ing", "") || strip("ed", "")) {
    verbal = true;
  } else if (!stem.ends_with("ss") && !stem.ends_with("us") && !stem.ends_with("is")) {
    strip("s", "");
  }
  // "stopped" → "stop", "planned" → "plan" (but "sell", "fall", "press" keep their pair).
  if (verbal && stem.size() > kMinStem && stem[stem.size() - 1] == stem[stem.size() - 2] &&
      std::string_view("bdgmnprt").find(stem.back()) != std::string_view::npos) {
    stem.pop_back();
  }
  if (stem.size() > kMinStem && stem.back() == 'e') stem.pop_back();
  return stem;
}

// Fills claim.context and claim.entities from tagged[begin, end), one clause.
void FillClauseContext(std::string_view tagged, std::size_t begin, std::size_t end, const std::vector<Mention>& mentions,
                       Claim& claim) {
  std::size_t at = begin;
  while (at < end) {
    if (tagged.compare(at, kTokenOpen.size(), kTokenOpen) == 0) {
      std::size_t close = tagged.find(kTokenClose, at);
      if (close == std::string_view::npos) break;
      std::string_view token = tagged.substr(at + kTokenOpen.size(), close - at - kTokenOpen.size());
      std::optional<std::size_t> index = TokenIndex(token);
      if (index && *index < mentions.size() && mentions[*index].kind == MentionKind::kEntity) {
        const Mention& party = mentions[*index];
        bool seen = std::any_of(claim.entities.begin(), claim.entities.end(),
                                [&](const Role& role) { return role.text == party.text; });
        if (!seen) claim.entities.push_back(RoleFromMention(party));
      }
      at = close + kTokenClose.size();
      continue;
    }
    if (!std::islower(static_cast<unsigned char>(tagged[at]))) {
      ++at;
      continue;
    }
    std::size_t word_end = at;
    while (word_end < end && (std::islower(static_cast<unsigned char>(tagged[word_end])) || tagged[word_end] == '-')) ++word_end;
    // A word glued to digits or an apostrophe ("q3", "don't") is not a content word.
    bool glued = word_end < end && (std::isdigit(static_cast<unsigned char>(tagged[word_end])) || tagged[word_end] == '\'');
    std::string_view word = tagged.substr(at, word_end - at);
    while (!word.empty() && word.back() == '-') word.remove_suffix(1);
    at = word_end;
    if (glued) {
      while (at < end && std::isalnum(static_cast<unsigned char>(tagged[at]))) ++at;
      continue;
    }
    if (word.size() < 2 || IsStopWord(word)) continue;
    std::string stem = Stem(word);
    if (std::find(claim.context.begin(), claim.context.end(), stem) == claim.context.end()) claim.context.push_back(std::move(stem));
  }
}

struct CompiledRule {
  Rule rule;
  std::unique_ptr<RE2> regex;
  std::vector<std::pair<std::string, int>> groups;  // role → capture group index
  // False unless the rule itself reads "{subject:…} 's": then a subject the text follows
  // with "'s" ("Pemberly's founders own 55%") is someone else's, and the match is dropped.
  bool subject_possessive = false;
};

// True when the rule's regex puts "'s" (possibly optional) right after its subject slot.
bool RuleHasPossessiveSubject(const std::string& regex) {
  const std::string slot = "(?P<subject>";
  std::size_t at = regex.find(slot);
  if (at == std::string::npos) return false;
  std::size_t close = regex.find(kTokenClose, at);
  if (close == std::string::npos) return false;
  constexpr std::size_t kLookahead = 16;  // "\\s*(?:\\s*\\'s" and the like
  return regex.substr(close + kTokenClose.size(), kLookahead).find("\\'s") != std::string::npos;
}



// True when a sentence holds a character whose case folding reaches an ASCII letter of a
// rule (U+212A KELVIN SIGN, U+017F LATIN SMALL LETTER LONG S) or a token bracket of its own
// (U+E000): only then can the case-insensitive rules match differently from the
// case-sensitive ones (see Extractor::Impl::folded_rules).
bool NeedsFoldedRules(std::string_view sentence) {
  for (std::size_t at = sentence.find_first_of("\xC5\xE2\xEE"); at != std::string_view::npos;
       at = sentence.find_first_of("\xC5\xE2\xEE", at + 1)) {
    const std::string_view rest = sentence.substr(at, 3);
    if (rest.starts_with("\xC5\xBF") || rest == "\xE2\x84\xAA" || rest == kTokenOpen) return true;
  }
  return false;
}

bool IsLowerAscii(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

template <std::size_t N>
bool InList(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Plurals that do not end in "s", and words ending in "s" that are not plural nouns.
constexpr std::string_view kIrregularPlurals[] = {"people", "staff", "children", "men", "women", "personnel",
                                                  "police", "cattle", "sheep", "fish", "aircraft", "livestock"};
constexpr std::string_view kNotPlurals[] = {"is", "was", "has", "this", "its", "his", "hers", "as", "us",
                                            "less", "plus", "thus", "unless", "across", "always", "perhaps",
                                            "besides", "whereas", "towards", "afterwards", "percent", "times",
                                            "news", "series", "business", "process", "access", "loss", "class"};

// A word a count can count: a plural noun ("jobs", "stores", "years", "people").
bool IsCountedNoun(std::string_view word) {
  if (InList(kIrregularPlurals, word)) return true;
  if (word.size() < 3 || word.back() != 's' || InList(kNotPlurals, word)) return false;
  return !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("ous") && !word.ends_with("ics");
}

// Words that may stand between a number and what it counts ("1,200 new jobs").
bool IsCountModifier(std::string_view word) {
  constexpr std::string_view kFunctionWords[] = {"and", "or", "of", "in", "on", "at", "to", "for", "from", "by",
                                                 "with", "the", "a", "an", "than", "per", "as", "into", "over"};
  return IsLowerAscii(word) && !InList(kFunctionWords, word);
}

struct NumberWord {
  std::string_view word;
  double value;
};
constexpr NumberWord kNumberWords[] = {
    {"two", 2},      {"three", 3},     {"four", 4},       {"five", 5},      {"six", 6},         {"seven", 7},
    {"eight", 8},    {"nine", 9},      {"ten", 10},       {"eleven", 11},   {"twelve", 12},     {"thirteen", 13},
    {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18},  {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},   {"forty", 40},     {"fifty", 50},    {"sixty", 60},      {"seventy", 70},
    {"eighty", 80},  {"ninety", 90},   {"a dozen", 12},   {"a hundred", 100}, {"one hundred", 100}, {"a thousand", 1000}};

struct ScaleWord {
  std::string_view word;
  double factor;
};
constexpr ScaleWord kCountScales[] = {{"hundred", 1e2}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}};

struct QualifierWord {
  std::string_view words;
  Qualifier qualifier;
};
constexpr QualifierWord kCountQualifiers[] = {
    {"about", Qualifier::kApprox},       {"around", Qualifier::kApprox},      {"approximately", Qualifier::kApprox},
    {"roughly", Qualifier::kApprox},     {"nearly", Qualifier::kApprox},      {"almost", Qualifier::kApprox},
    {"some", Qualifier::kApprox},        {"an estimated", Qualifier::kApprox}, {"more than", Qualifier::kMoreThan},
    {"over", Qualifier::kMoreThan},      {"at least", Qualifier::kAtLeast},   {"up to", Qualifier::kUpTo},
    {"fewer than", Qualifier::kLessThan}, {"less than", Qualifier::kLessThan}, {"under", Qualifier::kLessThan},
    {"as many as", Qualifier::kUpTo},    {"as long as", Qualifier::kUpTo}};  // "for as long as seven years"

// True when a determiner that makes a number a reference ends just before `at`.
bool IsDefiniteBefore(std::string_view text, std::size_t at) {
  for (std::string_view determiner : {"the ", "The ", "these ", "These ", "those ", "Those ", "all ", "All "}) {
    if (at >= determiner.size() && text.compare(at - determiner.size(), determiner.size(), determiner) == 0) return true;
  }
  return false;
}

// The count recognizer's pattern, compiled once: a number in digits or words, an optional
// scale word, then the next two words (what is counted is decided in code: a regex cannot
// tell "1,200 jobs and" from "1,200 new jobs" without a noun list).
const RE2& CountPattern() {
  static const RE2 pattern = [] {
    std::string words;
    for (const NumberWord& number : kNumberWords) words += (words.empty() ? "" : "|") + std::string(number.word);
    RE2::Options options;
    options.set_log_errors(false);
    return RE2("\\b(\\d{1,3}(?:, ?\\d{3})+|\\d+(?:\\.\\d+)?|(?i:" + words +
                   "))\\b(?: (hundred|thousand|million|billion))? ([a-z]+(?:-[a-z]+)*)(?: ([a-z]+))?",
               options);
  }();
  return pattern;
}

// Counts: a number and the plural noun it counts ("1,200 jobs", "three plants", "40 million
// users", "more than 2,000 new employees"), where no other mention is. The amounts and dates
// recognizers take money, percentages, years and durations first.
std::vector<Mention> FindCounts(std::string_view text, const std::vector<Mention>& taken) {
  std::vector<Mention> counts;
  const RE2& pattern = CountPattern();
  re2::StringPiece groups[5];
  std::size_t from = 0;
  std::size_t taken_at = 0;
  while (from < text.size() && pattern.Match(text, from, text.size(), RE2::UNANCHORED, groups, 5)) {
    const std::size_t begin = static_cast<std::size_t>(groups[1].data() - text.data());
    from = begin + groups[1].size();
    std::string_view first(groups[3].data(), groups[3].size());
    std::string_view second = groups[4].data() == nullptr ? std::string_view() : std::string_view(groups[4].data(), groups[4].size());
    std::string_view counted;
    if (IsCountedNoun(first)) {
      counted = first;
    } else if (!second.empty() && IsCountModifier(first) && IsCountedNoun(second)) {
      counted = second;
    } else {
      continue;
    }
    const std::size_t end = static_cast<std::size_t>(counted.data() - text.data()) + counted.size();
    while (taken_at < taken.size() && taken[taken_at].span.end <= begin) ++taken_at;
    if (taken_at < taken.size() && taken[taken_at].span.begin < end) {
      // "May 5, 300 workers": the date's day is no group of a tokenized number ("13, 000");
      // the count may start after the comma.
      const std::size_t comma = std::string_view(groups[1].data(), groups[1].size()).find(", ");
      if (comma != std::string_view::npos) from = begin + comma + 2;
      continue;
    }
    // A digit run glued to a letter or a decimal point is not a count ("A320s", "v2 units").
    if (begin > 0 && (std::isalnum(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '.' ||
                      text[begin - 1] == '$')) {
      continue;
    }
    std::string number(groups[1].data(), groups[1].size());
    // A year before a noun ("1986 profits", "2004 sales") dates it; it counts nothing.
    constexpr std::string_view kCenturies[] = {"19", "20"};
    if (number.size() == 4 && std::all_of(number.begin(), number.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
        (number.starts_with(kCenturies[0]) || number.starts_with(kCenturies[1]))) {
      continue;
    }
    // "the two companies", "both parties" refer to parties named before; they count nothing.
    if (!std::isdigit(static_cast<unsigned char>(number[0])) && IsDefiniteBefore(text, begin)) continue;
    double value = 0;
    if (std::isdigit(static_cast<unsigned char>(number[0]))) {
      number.erase(std::remove_if(number.begin(), number.end(), [](char c) { return c == ',' || c == ' '; }), number.end());
      value = std::strtod(number.c_str(), nullptr);
    } else {
      for (char& c : number) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (const NumberWord& word : kNumberWords) {
        if (word.word == number) value = word.value;
      }
    }
    if (groups[2].data() != nullptr) {
      for (const ScaleWord& scale : kCountScales) {
        if (scale.word == std::string_view(groups[2].data(), groups[2].size())) value *= scale.factor;
      }
    }
    Mention mention;
    mention.kind = MentionKind::kCount;
    mention.span = {begin, end};
    mention.text = std::string(text.substr(begin, end - begin));
    mention.amount.low = value;
    mention.amount.high = value;
    mention.amount.counted = std::string(counted);
    // A hedge just before the number: "more than 1,200 jobs".
    for (const QualifierWord& qualifier : kCountQualifiers) {
      const std::size_t length = qualifier.words.size();
      if (begin < length + 1 || text[begin - 1] != ' ') continue;
      const std::size_t at = begin - 1 - length;
      std::string before(text.substr(at, length));
      for (char& c : before) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (before != qualifier.words || (at > 0 && std::isalnum(static_cast<unsigned char>(text[at - 1])))) continue;
      mention.amount.qualifier = qualifier.qualifier;
      mention.amount.qualifier_span = {at, begin - 1};
      break;
    }
    counts.push_back(std::move(mention));
    from = end;
  }
  return counts;
}

// Money, percent, date and duration mentions of both recognizers; where they overlap the
// longer span wins, money and percent on a tie. Counts fill the gaps they leave.
std::vector<Mention> MergeQuantities(const AmountRecognizer& amounts, const DateRecognizer& dates,
                                     std::string_view text) {
  std::vector<Mention> found = amounts.Find(text);
  std::vector<Mention> date_mentions = dates.Find(text);
  found.insert(found.end(), std::make_move_iterator(date_mentions.begin()), std::make_move_iterator(date_mentions.end()));
  std::stable_sort(found.begin(), found.end(), [](const Mention& a, const Mention& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return (a.span.end - a.span.begin) > (b.span.end - b.span.begin);
  });
  std::vector<Mention> kept;
  for (Mention& mention : found) {
    if (!kept.empty() && mention.span.begin < kept.back().span.end) {
      std::size_t kept_length = kept.back().span.end - kept.back().span.begin;
      std::size_t length = mention.span.end - mention.span.begin;
      if (length > kept_length) kept.back() = std::move(mention);
      continue;
    }
    kept.push_back(std::move(mention));
  }
  std::vector<Mention> counts = FindCounts(text, kept);
  if (counts.empty()) return kept;
  std::vector<Mention> merged;
  merged.reserve(kept.size() + counts.size());
  std::merge(std::make_move_iterator(kept.begin()), std::make_move_iterator(kept.end()),
             std::make_move_iterator(counts.begin()), std::make_move_iterator(counts.end()), std::back_inserter(merged),
             [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  return merged;
}

// A signature line ("——Andy Jassy, April 27, 2026", "-- Jane Roe"): a line that opens with
// dashes and then a name signs the paragraph just before it (a quoted post or letter inside
// an article; the article around it is not the signer's). Its name becomes the attribution
// of that paragraph's claims that name no speaker of their own.
void AttributeToSignatures(std::string_view text, Extraction& extraction) {
  std::size_t mention = 0;
  for (std::size_t s = 0; s < extraction.sentences.size(); ++s) {
    const Span sentence = extraction.sentences[s].span;
    std::size_t at = sentence.begin;
    std::size_t dashes = 0;
    while (at < sentence.end) {
      if (text.compare(at, 3, "\xE2\x80\x94") == 0 || text.compare(at, 3, "\xE2\x80\x93") == 0) {
        at += 3;
      } else if (text[at] == '-') {
        ++at;
      } else {
        break;
      }
      ++dashes;
    }
    if (dashes == 0 || (dashes == 1 && text[sentence.begin] == '-')) continue;  // "- item" is a bullet
    while (at < sentence.end && text[at] == ' ') ++at;
    while (mention < extraction.mentions.size() && extraction.mentions[mention].span.begin < at) ++mention;
    if (mention >= extraction.mentions.size()) break;
    const Mention& name = extraction.mentions[mention];
    if (name.span.begin != at || name.kind != MentionKind::kEntity || name.entity.type == EntityType::kPronoun) continue;
    std::size_t paragraph_end = sentence.begin;
    while (paragraph_end > 0 && std::isspace(static_cast<unsigned char>(text[paragraph_end - 1]))) --paragraph_end;
    std::size_t paragraph_begin = text.rfind('\n', paragraph_end == 0 ? 0 : paragraph_end - 1);
    paragraph_begin = paragraph_begin == std::string_view::npos ? 0 : paragraph_begin + 1;
    for (Claim& claim : extraction.claims) {
      if (claim.provenance.span.begin >= paragraph_begin && claim.provenance.sentence < s && claim.attribution.empty()) {
        claim.attribution = name.text;
      }
    }
  }
}

// Turns a `quantity` claim into a frame claim: the frame as relation, the owner as subject,
// the counterparty, the trigger and the figure's reading (an earlier period's, a change) as
// terms. Polarity, modality, time and context stay as the clause gave them; a lexicon
// modality ("bid": plan) applies when the clause states a plain fact.
void ApplyFrame(const FrameChoice& choice, const TaggedSentence& tagged, std::string_view text,
                const std::vector<Mention>& mentions, Claim& claim) {
  constexpr float kFrameConfidence = 0.6F;
  constexpr float kOwnerBonus = 0.1F;
  claim.relation = choice.frame;
  claim.rule = choice.origin;
  claim.confidence = kFrameConfidence;
  claim.subject = {};
  claim.counterparty = {};
  if (choice.subject_is_trigger && choice.trigger_end <= tagged.original.size() && choice.trigger_end > 0) {
    // The trigger owns the figure ("the dollar fell 2%"): its words as the text writes them.
    std::size_t begin = tagged.original[choice.trigger_begin];
    std::size_t end = tagged.original[choice.trigger_end - 1] + 1;
    if (begin >= 4 && (text.compare(begin - 4, 4, "the ") == 0 || text.compare(begin - 4, 4, "The ") == 0)) begin -= 4;
    claim.subject.text = std::string(text.substr(begin, end - begin));
    claim.subject.span = {begin, end};
  } else if (choice.subject && *choice.subject < mentions.size()) {
    claim.subject = RoleFromMention(mentions[*choice.subject]);
  } else if (choice.owner_from_title) {
    // The company the wire title names (a results table names none): no span in the text.
    claim.subject.text = choice.owner_text;
    claim.subject.entity.type = EntityType::kOrganization;
  } else if (!choice.owner_text.empty() && choice.owner_end <= tagged.original.size() && choice.owner_end > 0) {
    // An economy a word names ("the German economy"): the country, at the word's span.
    claim.subject.text = choice.owner_text;
    claim.subject.span = {tagged.original[choice.owner_begin], tagged.original[choice.owner_end - 1] + 1};
    claim.subject.entity.type = EntityType::kPlace;
  }
  if (choice.counterparty && *choice.counterparty < mentions.size()) {
    claim.counterparty = RoleFromMention(mentions[*choice.counterparty]);
  }
  if (claim.subject.present()) claim.confidence += kOwnerBonus;
  if (choice.per_share && claim.value.per.empty()) claim.value.per = "share";
  claim.terms.emplace_back("trigger", choice.trigger);
  if (choice.measure) claim.terms.emplace_back("measure", "yes");
  if (choice.earlier) claim.terms.emplace_back("period", "earlier");
  if (!choice.change.empty()) claim.terms.emplace_back("change", choice.change);
  if (claim.modality == Modality::kFact && !choice.modality.empty()) {
    claim.modality = choice.modality == "plan"       ? Modality::kPlan
                     : choice.modality == "estimate" ? Modality::kEstimate
                                                     : Modality::kConsidering;
  }
}

// A headline line inside the text ("Severed Cables in Mediterranean Disrupt Communication"):
// no sentence punctuation at its end. Its title-case words are no lead.
bool IsHeading(std::string_view text, const Span& sentence) {
  std::size_t end = sentence.end;
  while (end > sentence.begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  if (end == sentence.begin) return true;
  const char last = text[end - 1];
  return last != '.' && last != '!' && last != '?' && last != '"' && last != '\'' && last != ')' &&
         static_cast<unsigned char>(last) < 0x80;  // a closing curly quote ends a sentence too
}

// The article's lead organisation: the organisation named most often in its first three
// sentences (the earliest on a tie), past a wire dateline ("HARTFORD, Conn., March 26 -").
// Results shorthand ("Shr 43 cts vs 49 cts") names no owner: the figure is this one's.
std::optional<std::size_t> LeadOrganisation(std::string_view text, const Extraction& extraction,
                                            const std::function<bool(std::string_view)>& IsNotOwner) {
  constexpr std::size_t kLeadSentences = 3;
  constexpr std::size_t kMaxDateline = 80;
  if (extraction.sentences.empty()) return std::nullopt;
  std::size_t from = extraction.sentences.front().span.begin;
  if (std::size_t dash = text.find(" - ", from); dash != std::string_view::npos && dash < from + kMaxDateline &&
                                                 dash < extraction.sentences.front().span.end) {
    from = dash + 3;
  }
  const std::size_t until = extraction.sentences[std::min(kLeadSentences, extraction.sentences.size()) - 1].span.end;
  std::vector<std::pair<std::string, std::size_t>> counts;  // text → count, first index kept in `firsts`
  std::vector<std::size_t> firsts;
  for (std::size_t m = 0; m < extraction.mentions.size(); ++m) {
    const Mention& mention = extraction.mentions[m];
    if (mention.span.begin < from) continue;
    if (mention.span.begin >= until) break;
    // Shape gives no type to most names (normalize does): anything but a person or a reference.
    if (mention.kind != MentionKind::kEntity || mention.entity.type == EntityType::kPerson ||
        mention.entity.type == EntityType::kPronoun || mention.entity.type == EntityType::kPlace ||
        IsNotOwner(mention.text) || IsHeading(text, extraction.sentences[mention.sentence].span)) {
      continue;
    }
    auto found = std::find_if(counts.begin(), counts.end(), [&](const auto& entry) { return entry.first == mention.text; });
    if (found == counts.end()) {
      counts.emplace_back(mention.text, 1);
      firsts.push_back(m);
    } else {
      ++found->second;
    }
  }
  std::optional<std::size_t> best;
  std::size_t best_count = 0;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    if (counts[k].second > best_count) {
      best_count = counts[k].second;
      best = firsts[k];
    }
  }
  return best;
}

}  // namespace

// The cue categories a claim's polarity and modality come from, in cues.lex's names.
constexpr std::string_view kClaimCueCategories[] = {"polarity.ceased",      "polarity.negated", "polarity.continues",
                                                    "modality.considering", "modality.estimate", "modality.reported",
                                                    "modality.plan"};
enum : std::size_t { kCeasedCue, kNegatedCue, kContinuesCue, kConsideringCue, kEstimateCue, kReportedCue, kPlanCue };

struct Extractor::Impl {
  // Where the cue categories ApplyCues reads occur in one tagged sentence: found once per
  // sentence, then every claim of it only checks which hits fall inside its clause.
  struct SentenceCues {
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> hits;  // per kClaimCueCategories
    bool Any(std::size_t category, std::size_t begin, std::size_t end) const {
      return std::any_of(hits[category].begin(), hits[category].end(),
                         [&](const auto& hit) { return hit.first >= begin && hit.second <= end; });
    }
  };
  AmountRecognizer amounts;
  DateRecognizer dates;
  std::vector<CompiledRule> rules;
  // The rule programs above are compiled case-sensitively: outside its tokens a tagged
  // sentence is lowercase ASCII or non-ASCII bytes, the patterns are lowercase ASCII words
  // and uppercase token types, so case folding changes a match only where the text holds a
  // character that folds to an ASCII letter (U+212A KELVIN SIGN to "k", U+017F LONG S to
  // "s") or a token bracket of its own. Folding makes every letter class a UTF-8
  // alternation: bigger programs, costlier compiles and submatch searches. A sentence with
  // one of those characters is matched with folded copies, compiled on first need.
  RE2::Options folded_options;
  mutable std::once_flag folded_once;
  mutable std::vector<std::unique_ptr<RE2>> folded_rules;
  const RE2& FoldedRule(std::size_t index) const {
    std::call_once(folded_once, [this] {
      for (const CompiledRule& compiled : rules) folded_rules.push_back(std::make_unique<RE2>(compiled.rule.regex, folded_options));
    });
    return *folded_rules[index];
  }
  // Which rules can match a sentence: the parser lists the words each rule cannot match
  // without ("invest", "license"); one scan of the set of all those words picks the
  // candidates, so a sentence pays only for the rules whose words it contains. (Replaces
  // re2::FilteredRE2, whose atom tree cost a fifth of start-up to build.)
  std::unique_ptr<RE2::Set> word_set;  // null when no rule requires a word
  std::vector<std::vector<std::pair<int, int>>> word_postings;  // word → (rule, clause) it satisfies
  std::size_t clause_count = 0;                                  // clauses of all rules
  std::vector<int> CandidateRules(std::string_view tagged) const;
  CueLexicon cues;
  FrameLexicon frames;                 // frames.lex: figure triggers
  DealLexicon deals;                   // deals.lex: deal triggers, with or without a figure
  std::unique_ptr<RE2> according_to;   // attribution: "according to X", "X said"
  std::unique_ptr<RE2> said;
  std::unique_ptr<RE2> said_inverted;  // "…," said Dana Okoro

  std::vector<Mention> FindQuantities(std::string_view text) const;
  void AddClaims(const corpus::Article& article, Extraction& extraction) const;
  void AddQuantityClaims(const corpus::Article& article, std::size_t sentence_index, const TaggedSentence& tagged,
                         std::size_t first, std::size_t end, std::size_t claims_before,
                         std::optional<SentenceCues>& sentence_cues,
                         std::optional<std::string>& sentence_attribution, std::optional<std::size_t> lead,
                         Extraction& extraction) const;
  std::string Attribution(std::string_view tagged, const std::vector<Mention>& mentions) const;
  // The sentence's speaker, found on first need and then reused: it depends only on the
  // tagged sentence, and running three regexes per claim was a tenth of claim matching.
  const std::string& SentenceAttribution(std::string_view tagged, const std::vector<Mention>& mentions,
                                         std::optional<std::string>& cached) const {
    if (!cached) cached = Attribution(tagged, mentions);
    return *cached;
  }
  SentenceCues FindSentenceCues(std::string_view tagged) const;
  bool BuildCueSet(const RE2::Options& options);
  std::unique_ptr<RE2::Set> cue_set;                            // null when there are no cues
  std::vector<std::pair<std::size_t, std::string>> cue_phrases;  // set index → (category, phrase)
  void ApplyCues(const SentenceCues& cues, std::size_t clause_begin, std::size_t clause_end, std::size_t sentence_end,
                 Claim& claim) const;
  bool HasCue(std::string_view clause, const std::string& category, std::size_t* at = nullptr) const;
};

std::vector<Mention> Extractor::Impl::FindQuantities(std::string_view text) const {
  return MergeQuantities(amounts, dates, text);
}

bool Extractor::Impl::HasCue(std::string_view clause, const std::string& category, std::size_t* at) const {
  auto found = cues.phrases_by_category.find(category);
  if (found == cues.phrases_by_category.end()) return false;
  for (const std::string& phrase : found->second) {
    std::size_t position = FindCue(clause, phrase);
    if (position != std::string_view::npos) {
      if (at != nullptr) *at = position;
      return true;
    }
  }
  return false;
}

Extractor::Impl::SentenceCues Extractor::Impl::FindSentenceCues(std::string_view tagged) const {
  SentenceCues cues;
  cues.hits.resize(std::size(kClaimCueCategories));
  // One pass of the phrase set says which phrases occur; only those are then located.
  std::vector<int> present;
  if (cue_set == nullptr || !cue_set->Match(tagged, &present)) return cues;
  for (int index : present) {
    const auto& [category, phrase] = cue_phrases[static_cast<std::size_t>(index)];
    const std::size_t length = phrase.size() - (phrase.back() == '*' ? 1 : 0);
    for (std::size_t at = FindCue(tagged, phrase); at != std::string_view::npos; at = FindCue(tagged, phrase, at + 1)) {
      cues.hits[category].emplace_back(at, at + length);
    }
  }
  return cues;
}

// The phrase set FindSentenceCues scans with: every phrase of kClaimCueCategories, with the
// word boundaries FindCue applies. False when RE2 cannot build it.
bool Extractor::Impl::BuildCueSet(const RE2::Options& options) {
  cue_set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (std::size_t category = 0; category < std::size(kClaimCueCategories); ++category) {
    auto found = cues.phrases_by_category.find(std::string(kClaimCueCategories[category]));
    if (found == cues.phrases_by_category.end()) continue;
    for (const std::string& phrase : found->second) {
      const bool prefix = phrase.back() == '*';
      const std::string body = prefix ? phrase.substr(0, phrase.size() - 1) : phrase;
      if (body.empty()) continue;
      const bool left = std::isalnum(static_cast<unsigned char>(body.front())) != 0;
      const bool right = !prefix && std::isalnum(static_cast<unsigned char>(body.back())) != 0;
      std::string error;
      if (cue_set->Add((left ? "\\b" : "") + RE2::QuoteMeta(body) + (right ? "\\b" : ""), &error) < 0) return false;
      cue_phrases.emplace_back(category, phrase);
    }
  }
  if (cue_phrases.empty()) {
    cue_set.reset();
    return true;
  }
  return cue_set->Compile();
}

// The clause [clause_begin, clause_end) scopes polarity and most modality cues; a report cue
// may stand anywhere in the sentence ("X would invest …, according to people familiar").
void Extractor::Impl::ApplyCues(const SentenceCues& cues, std::size_t clause_begin, std::size_t clause_end,
                                std::size_t sentence_end, Claim& claim) const {
  // Order matters: "no longer" outranks the "not" inside other cues; "still" and
  // "continues" only say the relation goes on.
  if (cues.Any(kCeasedCue, clause_begin, clause_end)) {
    claim.polarity = Polarity::kCeased;
  } else if (cues.Any(kNegatedCue, clause_begin, clause_end)) {
    claim.polarity = Polarity::kNegated;
  } else if (cues.Any(kContinuesCue, clause_begin, clause_end)) {
    claim.polarity = Polarity::kContinues;
  }
  if (cues.Any(kConsideringCue, clause_begin, clause_end)) {
    claim.modality = Modality::kConsidering;
  } else if (cues.Any(kEstimateCue, clause_begin, clause_end)) {
    claim.modality = Modality::kEstimate;
  } else if (cues.Any(kReportedCue, 0, sentence_end)) {
    claim.modality = Modality::kReported;
  } else if (cues.Any(kPlanCue, clause_begin, clause_end)) {
    claim.modality = Modality::kPlan;
  }
}

void Extractor::Impl::AddClaims(const corpus::Article& article, Extraction& extraction) const {
  std::string_view text = article.text;
  const std::optional<std::size_t> lead =
      LeadOrganisation(text, extraction, [&](std::string_view name) { return IsNotOwnerName(frames, name); });
  std::size_t mention_at = 0;
  for (std::size_t s = 0; s < extraction.sentences.size(); ++s) {
    const Span sentence = extraction.sentences[s].span;
    std::size_t first = mention_at;
    while (first < extraction.mentions.size() && extraction.mentions[first].span.begin < sentence.begin) ++first;
    std::size_t end = first;
    while (end < extraction.mentions.size() && extraction.mentions[end].span.begin < sentence.end) ++end;
    mention_at = end;
    const bool has_quantities = std::any_of(extraction.mentions.begin() + static_cast<std::ptrdiff_t>(first),
                                            extraction.mentions.begin() + static_cast<std::ptrdiff_t>(end),
                                            [](const Mention& m) { return m.kind != MentionKind::kEntity; });
    // Deal triggers: a word scan of the raw sentence before any clause work.
    const bool deal_words = !deals.empty() && MayHoldDeal(deals, text.substr(sentence.begin, sentence.end - sentence.begin));
    if (rules.empty() && !has_quantities && !deal_words) continue;
    TaggedSentence tagged = TagSentence(text, sentence, extraction.mentions, first, end);
    const bool folded = NeedsFoldedRules(text.substr(sentence.begin, sentence.end - sentence.begin));
    std::vector<int> candidates;
    if (folded) {
      // Folding may match words the required words do not spell: every rule is tried.
      for (std::size_t r = 0; r < rules.size(); ++r) candidates.push_back(static_cast<int>(r));
    } else {
      candidates = CandidateRules(tagged.text);
    }
    if (candidates.empty() && !has_quantities && !deal_words) continue;
    std::size_t claims_before = extraction.claims.size();
    std::optional<SentenceCues> sentence_cues;
    std::optional<std::string> sentence_attribution;
    std::vector<std::pair<std::size_t, std::size_t>> match_ranges;  // tagged offsets, one per new claim
    struct ClauseContext {
      std::size_t begin, end;
      std::vector<std::string> context;
      std::vector<Role> entities;
    };
    std::vector<ClauseContext> clause_contexts;  // FillClauseContext of each clause a rule matched in
    for (int index : candidates) {
      const CompiledRule& compiled = rules[static_cast<std::size_t>(index)];
      const RE2& regex = folded ? FoldedRule(static_cast<std::size_t>(index)) : *compiled.regex;
      const int group_count = regex.NumberOfCapturingGroups();
      int subject_group = 0;
      for (const auto& [role, group] : compiled.groups) {
        if (role == "subject") subject_group = group;
      }
      std::vector<re2::StringPiece> groups(static_cast<std::size_t>(group_count) + 1);
      std::size_t from = 0;
      while (from <= tagged.text.size() &&
             regex.Match(tagged.text, from, tagged.text.size(), RE2::UNANCHORED, groups.data(),
                                   static_cast<int>(groups.size()))) {
        const std::size_t match_begin = static_cast<std::size_t>(groups[0].data() - tagged.text.data());
        const std::size_t match_end = match_begin + groups[0].size();
        from = match_end > match_begin ? match_end : match_begin + 1;
        if (!compiled.subject_possessive && subject_group > 0) {
          const re2::StringPiece& subject = groups[static_cast<std::size_t>(subject_group)];
          std::size_t after = subject.data() == nullptr ? 0 : static_cast<std::size_t>(subject.data() - tagged.text.data()) + subject.size() + kTokenClose.size();
          if (subject.data() != nullptr && (tagged.text.compare(after, 3, " 's") == 0 || tagged.text.compare(after, 2, "'s") == 0)) {
            continue;
          }
        }
        Claim claim;
        claim.relation = compiled.rule.relation;
        claim.rule = compiled.rule.origin;
        claim.confidence = 0.7F;
        claim.provenance = {article.id, s, sentence, std::string(text.substr(sentence.begin, sentence.end - sentence.begin))};
        for (const auto& [role, group] : compiled.groups) {
          const re2::StringPiece& captured = groups[static_cast<std::size_t>(group)];
          if (captured.data() == nullptr) continue;
          std::optional<std::size_t> mention_index = TokenIndex(std::string_view(captured.data(), captured.size()));
          if (!mention_index || *mention_index >= extraction.mentions.size()) continue;
          const Mention& mention = extraction.mentions[*mention_index];
          if (role == "subject") claim.subject = RoleFromMention(mention);
          if (role == "counterparty" || role == "platform") claim.counterparty = RoleFromMention(mention);
          if (role == "object" || role == "product") claim.object = RoleFromMention(mention);
          if (role == "attribution") claim.attribution = mention.text;
          if (role == "value") {
            claim.value = mention.amount;
            claim.value_span = mention.span;
            claim.value_kind = mention.kind == MentionKind::kMoney     ? ValueKind::kMoney
                               : mention.kind == MentionKind::kPercent ? ValueKind::kPercent
                                                                       : ValueKind::kCount;
          }
          if (role == "time") {
            claim.has_time = true;
            claim.time_expr = mention.date_expr;
            claim.time_span = mention.span;
          }
        }
        // The clause of the match: from the last ';' before it to its end.
        std::size_t clause_begin = tagged.text.rfind(';', match_begin);
        clause_begin = clause_begin == std::string::npos ? 0 : clause_begin + 1;
        if (!sentence_cues) sentence_cues = FindSentenceCues(tagged.text);
        ApplyCues(*sentence_cues, clause_begin, match_end, tagged.text.size(), claim);
        // A date in the clause dates the claim when no slot did; failing that, a date
        // elsewhere in the sentence ("In March, X announced that Y would invest …").
        if (!claim.has_time) {
          std::size_t clause_end = tagged.text.find(';', match_end);
          if (clause_end == std::string::npos) clause_end = tagged.text.size();
          const std::pair<std::size_t, std::size_t> scopes[] = {{clause_begin, clause_end}, {0, tagged.text.size()}};
          for (const auto& [scope_begin, scope_end] : scopes) {
            std::optional<std::size_t> index =
                NearestDateToken(tagged.text, scope_begin, scope_end, match_begin, match_end);
            if (!index || *index >= extraction.mentions.size()) continue;
            const Mention& mention = extraction.mentions[*index];
            claim.has_time = true;
            claim.time_expr = mention.date_expr;
            claim.time_span = mention.span;
            break;
          }
        }
        // A condition ("unless …", "provided that …") after the match, to the clause end.
        std::size_t cue_at = 0;
        std::string_view rest = std::string_view(tagged.text).substr(match_begin);
        if (HasCue(rest, "condition", &cue_at)) {
          std::size_t cue_begin = match_begin + cue_at;
          std::size_t cue_end = tagged.text.find_first_of(";.", cue_begin);
          if (cue_end == std::string::npos) cue_end = tagged.text.size();
          std::size_t original_begin = tagged.original[cue_begin];
          std::size_t original_end = cue_end < tagged.original.size() ? tagged.original[cue_end] : sentence.end;
          claim.condition_text = std::string(text.substr(original_begin, original_end - original_begin));
          claim.modality = Modality::kConditional;
        }
        for (const auto& [key, value] : compiled.rule.settings) {
          if (key == "exclusive") claim.exclusive = value == "true";
          if (key == "polarity") {
            if (value == "ceased") claim.polarity = Polarity::kCeased;
            if (value == "negated") claim.polarity = Polarity::kNegated;
            if (value == "continues") claim.polarity = Polarity::kContinues;
            if (value == "affirmed") claim.polarity = Polarity::kAffirmed;
          }
          if (key == "modality") {
            if (value == "plan") claim.modality = Modality::kPlan;
            if (value == "considering") claim.modality = Modality::kConsidering;
            if (value == "estimate") claim.modality = Modality::kEstimate;
            if (value == "reported") claim.modality = Modality::kReported;
            if (value == "fact") claim.modality = Modality::kFact;
          }
          if (key == "tranche" || key == "status" || key == "scope") claim.terms.emplace_back(key, value);
        }
        if (claim.attribution.empty()) {
          claim.attribution = SentenceAttribution(tagged.text, extraction.mentions, sentence_attribution);
        }
        {
          std::size_t clause_end = tagged.text.find(';', match_end);
          if (clause_end == std::string::npos) clause_end = tagged.text.size();
          // Rules that read one statement share its clause: its words are stemmed once.
          auto cached = std::find_if(clause_contexts.begin(), clause_contexts.end(), [&](const ClauseContext& entry) {
            return entry.begin == clause_begin && entry.end == clause_end;
          });
          if (cached == clause_contexts.end()) {
            Claim words;
            FillClauseContext(tagged.text, clause_begin, clause_end, extraction.mentions, words);
            clause_contexts.push_back({clause_begin, clause_end, std::move(words.context), std::move(words.entities)});
            cached = clause_contexts.end() - 1;
          }
          claim.context = cached->context;
          claim.entities = cached->entities;
        }
        // "infer=subject": the rule's phrasing leaves a party implicit ("X keeps receiving
        // revenue share payments"); it is the clause's other named organisation, if any.
        for (const auto& [key, value] : compiled.rule.settings) {
          if (key != "infer") continue;
          Role* missing = value == "subject" ? &claim.subject : value == "counterparty" ? &claim.counterparty : nullptr;
          if (missing == nullptr || missing->present()) continue;
          for (const Role& party : claim.entities) {
            if (party.entity.type == EntityType::kPerson || party.text == claim.subject.text ||
                party.text == claim.counterparty.text || party.text == claim.object.text) {
              continue;
            }
            *missing = party;
            break;
          }
        }
        // A tranche ("of which US$15 billion …", "The remaining $30 billion …") names no
        // parties: it takes them from the closest earlier claim of the same relation, in its
        // sentence or, for a tranche rule, in the sentences just before.
        const bool tranche = std::any_of(compiled.rule.settings.begin(), compiled.rule.settings.end(),
                                         [](const auto& setting) { return setting.first == "tranche"; });
        std::size_t look_back_to = claims_before;
        while (tranche && look_back_to > 0 &&
               extraction.claims[look_back_to - 1].provenance.sentence + kTrancheSentences >= s) {
          --look_back_to;
        }
        for (std::size_t k = extraction.claims.size(); k > look_back_to; --k) {
          const Claim& earlier = extraction.claims[k - 1];
          if (earlier.relation != claim.relation) continue;
          if (!claim.subject.present()) claim.subject = earlier.subject;
          if (!claim.counterparty.present()) claim.counterparty = earlier.counterparty;
          if (!claim.has_time && earlier.has_time) {
            claim.has_time = true;
            claim.time_expr = earlier.time_expr;
            claim.time_span = earlier.time_span;
          }
          break;
        }
        int filled = (claim.subject.present() ? 1 : 0) + (claim.counterparty.present() ? 1 : 0) +
                     (claim.value_kind != ValueKind::kNone || claim.exclusive.has_value() ? 1 : 0);
        claim.confidence = std::clamp(claim.confidence + 0.1F * static_cast<float>(filled), 0.0F, 1.0F);
        extraction.claims.push_back(std::move(claim));
        match_ranges.emplace_back(match_begin, match_end);
      }
    }
    // Several rules may read one statement: keep one claim per relation and value (or per
    // relation and parties when there is no value), the one with the most roles filled.
    auto score = [](const Claim& c) {
      return (c.subject.present() ? 2 : 0) + (c.counterparty.present() ? 2 : 0) + (c.object.present() ? 1 : 0) +
             (c.has_time ? 1 : 0) + (c.value_kind != ValueKind::kNone ? 1 : 0);
    };
    std::vector<Claim> kept;
    std::vector<std::pair<std::size_t, std::size_t>> kept_ranges;
    for (std::size_t k = claims_before; k < extraction.claims.size(); ++k) {
      Claim& claim = extraction.claims[k];
      const auto& range = match_ranges[k - claims_before];
      std::size_t same = kept.size();
      for (std::size_t m = 0; m < kept.size(); ++m) {
        const Claim& other = kept[m];
        if (other.relation != claim.relation) continue;
        bool overlapping = range.first < kept_ranges[m].second && kept_ranges[m].first < range.second;
        bool same_value = claim.value_kind != ValueKind::kNone && claim.value_span == other.value_span;
        // One reading without a figure is the same statement when the matches overlap.
        bool figureless = claim.value_kind == ValueKind::kNone || other.value_kind == ValueKind::kNone;
        if (same_value || (figureless && overlapping)) {
          same = m;
          break;
        }
      }
      if (same == kept.size()) {
        kept.push_back(std::move(claim));
        kept_ranges.push_back(range);
      } else if (score(claim) > score(kept[same])) {
        kept[same] = std::move(claim);
        kept_ranges[same] = range;
      }
    }
    std::vector<std::size_t> order(kept.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return kept_ranges[a].first < kept_ranges[b].first; });
    std::vector<Claim> ordered;
    for (std::size_t k : order) ordered.push_back(std::move(kept[k]));
    kept = std::move(ordered);
    extraction.claims.resize(claims_before);
    for (Claim& claim : kept) extraction.claims.push_back(std::move(claim));
    if (has_quantities) {
      AddQuantityClaims(article, s, tagged, first, end, claims_before, sentence_cues, sentence_attribution, lead,
                        extraction);
    }
    if (deal_words) {
      AddDealClaims(deals, {text, article.id, s, sentence, tagged.text, &tagged.original, &extraction.mentions},
                    claims_before, extraction.claims);
    }
  }
}

// The rules, in file order, whose required words all occur in a tagged sentence: each word
// found marks the clauses it satisfies (word_postings); a rule is a candidate when all its
// clauses are marked.
std::vector<int> Extractor::Impl::CandidateRules(std::string_view tagged) const {
  std::vector<int> present_words;
  bool all = false;
  if (word_set != nullptr) {
    RE2::Set::ErrorInfo error;
    // On a matching failure (RE2's memory budget), every rule is tried.
    if (!word_set->Match(tagged, &present_words, &error) && error.kind != RE2::Set::kNoError) all = true;
  }
  std::vector<int> satisfied(rules.size(), 0);
  std::vector<char> clause_done(clause_count, 0);
  for (int word : present_words) {
    for (const auto& [rule, clause] : word_postings[static_cast<std::size_t>(word)]) {
      if (clause_done[static_cast<std::size_t>(clause)] != 0) continue;
      clause_done[static_cast<std::size_t>(clause)] = 1;
      ++satisfied[static_cast<std::size_t>(rule)];
    }
  }
  std::vector<int> candidates;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (all || satisfied[r] == static_cast<int>(rules[r].rule.required_words.size())) candidates.push_back(static_cast<int>(r));
  }
  return candidates;
}

// The speaker of a tagged sentence: "according to X", "X said"; empty when none is named.
std::string Extractor::Impl::Attribution(std::string_view tagged, const std::vector<Mention>& mentions) const {
  std::string speaker;
  if (RE2::PartialMatch(tagged, *according_to, &speaker) || RE2::PartialMatch(tagged, *said, &speaker) ||
      RE2::PartialMatch(tagged, *said_inverted, &speaker)) {
    if (std::optional<std::size_t> index = TokenIndex(speaker); index && *index < mentions.size()) {
      return mentions[*index].text;
    }
  }
  return "";
}

// Every figure no relation claim of its sentence took (as value or as time) becomes a
// `quantity` claim: its value, the nearest date of its clause, the clause's parties, content
// words, polarity and modality, and the sentence's speaker. Dates left over after that are
// quantity claims of their own, with a time and no value.
void Extractor::Impl::AddQuantityClaims(const corpus::Article& article, std::size_t sentence_index,
                                        const TaggedSentence& tagged, std::size_t first, std::size_t end,
                                        std::size_t claims_before, std::optional<SentenceCues>& sentence_cues,
                                        std::optional<std::string>& sentence_attribution,
                                        std::optional<std::size_t> lead, Extraction& extraction) const {
  std::vector<bool> taken(end - first, false);
  auto take = [&](const Span& span) {
    for (std::size_t m = first; m < end; ++m) {
      if (extraction.mentions[m].span == span) taken[m - first] = true;
    }
  };
  for (std::size_t k = claims_before; k < extraction.claims.size(); ++k) {
    const Claim& claim = extraction.claims[k];
    if (claim.value_kind != ValueKind::kNone) take(claim.value_span);
    if (claim.has_time) take(claim.time_span);
  }
  const std::string_view text = article.text;
  const Span sentence = extraction.sentences[sentence_index].span;
  const std::string& attribution = SentenceAttribution(tagged.text, extraction.mentions, sentence_attribution);
  // Where each mention's token sits in the tagged sentence.
  std::vector<std::size_t> token_at(end - first, std::string::npos);
  for (std::size_t at = tagged.text.find(kTokenOpen); at != std::string::npos; at = tagged.text.find(kTokenOpen, at + 1)) {
    std::optional<std::size_t> index = TokenIndex(std::string_view(tagged.text).substr(at + kTokenOpen.size(), 12));
    if (index && *index >= first && *index < end) token_at[*index - first] = at;
  }
  std::vector<Claim> quantities;
  // Figures of one clause share its cues, context and parties: worked out once per clause.
  std::vector<std::pair<std::size_t, Claim>> clause_templates;
  auto make_claim = [&](std::size_t m) {
    const std::size_t at = token_at[m - first];
    std::size_t clause_begin = tagged.text.rfind(';', at);
    clause_begin = clause_begin == std::string::npos ? 0 : clause_begin + 1;
    std::size_t clause_end = tagged.text.find(';', at);
    if (clause_end == std::string::npos) clause_end = tagged.text.size();
    auto cached = std::find_if(clause_templates.begin(), clause_templates.end(),
                               [&](const auto& entry) { return entry.first == clause_begin; });
    if (cached == clause_templates.end()) {
      Claim shared;
      shared.relation = std::string(kQuantityRelation);
      shared.confidence = kQuantityConfidence;
      shared.provenance = {article.id, sentence_index, sentence,
                           std::string(text.substr(sentence.begin, sentence.end - sentence.begin))};
      if (!sentence_cues) sentence_cues = FindSentenceCues(tagged.text);
      ApplyCues(*sentence_cues, clause_begin, clause_end, tagged.text.size(), shared);
      shared.attribution = attribution;
      FillClauseContext(tagged.text, clause_begin, clause_end, extraction.mentions, shared);
      clause_templates.emplace_back(clause_begin, std::move(shared));
      cached = clause_templates.end() - 1;
    }
    Claim claim = cached->second;
    // The subject: the clause's first party when it comes before the figure, as English
    // subjects do ("Veltrix will buy $2 billion of steel from Orbis over five years"); else
    // the first party after it ("1,200 jobs at Veltrix"). Normalize skips places.
    if (!claim.entities.empty()) claim.subject = claim.entities.front();
    return std::make_pair(std::move(claim), std::make_pair(clause_begin, clause_end));
  };
  // Frames: what each money, percent and count figure measures and whose it is.
  std::vector<std::size_t> figures;
  for (std::size_t m = first; m < end; ++m) {
    const MentionKind kind = extraction.mentions[m].kind;
    if (taken[m - first] || token_at[m - first] == std::string::npos) continue;
    if (kind == MentionKind::kMoney || kind == MentionKind::kPercent || kind == MentionKind::kCount) figures.push_back(m);
  }
  std::vector<FrameChoice> choices;
  if (!figures.empty()) {
    choices = ChooseFrames(frames, {tagged.text, &extraction.mentions, lead, first, WireTitleCompany(article.title), text,
                                       &tagged.original},
                           figures);
  }
  for (std::size_t m = first; m < end; ++m) {
    const Mention& mention = extraction.mentions[m];
    if (taken[m - first] || token_at[m - first] == std::string::npos) continue;
    if (mention.kind == MentionKind::kEntity || mention.kind == MentionKind::kDate) continue;
    auto [claim, clause] = make_claim(m);
    const FrameChoice* choice = nullptr;
    if (auto figure = std::find(figures.begin(), figures.end(), m); figure != figures.end()) {
      choice = &choices[static_cast<std::size_t>(figure - figures.begin())];
    }
    if (choice != nullptr && !choice->frame.empty()) {
      ApplyFrame(*choice, tagged, text, extraction.mentions, claim);
    } else {
      claim.terms.emplace_back("unframed", choice != nullptr ? choice->unframed : std::string("duration"));
    }
    if (mention.kind == MentionKind::kDuration) {
      // "for two years": a count of the duration's unit; the period itself is not a date.
      if (mention.date_expr.duration_count <= 0) continue;
      claim.value_kind = ValueKind::kCount;
      claim.value.low = claim.value.high = mention.date_expr.duration_count;
      claim.value.counted = std::string(PrecisionName(mention.date_expr.duration_unit)) + "s";
    } else {
      claim.value_kind = mention.kind == MentionKind::kMoney     ? ValueKind::kMoney
                         : mention.kind == MentionKind::kPercent ? ValueKind::kPercent
                                                                 : ValueKind::kCount;
      claim.value = mention.amount;
      // A per-share price the frame chooser read ("28 dlrs each"), the amount having none.
      if (choice != nullptr && choice->per_share && claim.value.per.empty()) claim.value.per = "share";
    }
    claim.value_span = mention.span;
    taken[m - first] = true;
    const std::size_t at = token_at[m - first];
    const bool earlier = choice != nullptr && choice->earlier && !choice->frame.empty();
    if (std::optional<std::size_t> date = NearestDateToken(tagged.text, clause.first, clause.second, at, at + 1);
        !earlier && date && *date >= first && *date < end) {
      const Mention& when = extraction.mentions[*date];
      claim.has_time = true;
      claim.time_expr = when.date_expr;
      claim.time_span = when.span;
      taken[*date - first] = true;
    }
    quantities.push_back(std::move(claim));
  }
  for (std::size_t m = first; m < end; ++m) {
    const Mention& mention = extraction.mentions[m];
    if (taken[m - first] || token_at[m - first] == std::string::npos || mention.kind != MentionKind::kDate) continue;
    auto [claim, clause] = make_claim(m);
    claim.has_time = true;
    claim.time_expr = mention.date_expr;
    claim.time_span = mention.span;
    claim.value_span = mention.span;
    quantities.push_back(std::move(claim));
  }
  // After the sentence's relation claims, figures in text order (dates last).
  std::stable_sort(quantities.begin(), quantities.end(), [](const Claim& a, const Claim& b) {
    return (a.value_kind == ValueKind::kNone) < (b.value_kind == ValueKind::kNone) ||
           ((a.value_kind == ValueKind::kNone) == (b.value_kind == ValueKind::kNone) && a.value_span.begin < b.value_span.begin);
  });
  for (Claim& claim : quantities) extraction.claims.push_back(std::move(claim));
}

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

std::size_t Extractor::rule_count() const { return impl_->rules.size(); }

Result<Extractor> Extractor::Create(const std::vector<std::filesystem::path>& pattern_dirs) {
  auto impl = std::make_unique<Impl>();
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  options.set_max_mem(64 << 20);
  impl->folded_options = options;
  RE2::Options rule_options = options;  // see Impl::folded_rules
  rule_options.set_case_sensitive(true);
  std::map<std::string, int> word_ids;  // required word → its index in the word set
  for (const std::filesystem::path& dir : pattern_dirs) {
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) {
      return Status::InvalidInput(dir.string(), "pattern folder not found");
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
      std::string extension = entry.path().extension().string();
      if (extension == ".rules" || extension == ".lex") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const std::filesystem::path& file : files) {
      std::ifstream in(file, std::ios::binary);
      if (!in) return Status::InvalidInput(file.string(), "cannot read pattern file");
      std::stringstream buffer;
      buffer << in.rdbuf();
      if (file.extension() == ".lex") {
        // frames.lex holds figure triggers, deals.lex deal triggers; every other .lex file holds cues.
        Status status = file.filename() == "frames.lex" ? ParseFrames(buffer.str(), file.string(), impl->frames)
                        : file.filename() == "deals.lex" ? ParseDeals(buffer.str(), file.string(), impl->deals)
                                                         : ParseCues(buffer.str(), file.string(), impl->cues);
        if (!status.ok()) return status;
        continue;
      }
      Result<std::vector<Rule>> parsed = ParseRules(buffer.str(), file.string());
      if (!parsed.ok()) return parsed.status();
      for (Rule& rule : parsed.value()) {
        CompiledRule compiled;
        compiled.regex = std::make_unique<RE2>(rule.regex, rule_options);
        if (!compiled.regex->ok()) {
          return Status::InvalidInput(rule.origin, "pattern does not compile: " + compiled.regex->error());
        }
        for (const std::vector<std::string>& words : rule.required_words) {
          const int clause = static_cast<int>(impl->clause_count++);
          for (const std::string& word : words) {
            const int id = word_ids.emplace(word, static_cast<int>(word_ids.size())).first->second;
            if (static_cast<std::size_t>(id) >= impl->word_postings.size()) impl->word_postings.resize(static_cast<std::size_t>(id) + 1);
            impl->word_postings[static_cast<std::size_t>(id)].emplace_back(static_cast<int>(impl->rules.size()), clause);
          }
        }
        for (const auto& [name, index] : compiled.regex->NamedCapturingGroups()) compiled.groups.emplace_back(name, index);
        compiled.subject_possessive = RuleHasPossessiveSubject(rule.regex);
        compiled.rule = std::move(rule);
        impl->rules.push_back(std::move(compiled));
      }
    }
  }
  if (!word_ids.empty()) {
    // Case-insensitive: it finds every place the case-sensitive rules could match and more.
    impl->word_set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    std::vector<const std::string*> words(word_ids.size());
    for (const auto& [word, id] : word_ids) words[static_cast<std::size_t>(id)] = &word;
    for (const std::string* word : words) {
      std::string error;
      if (impl->word_set->Add(RE2::QuoteMeta(*word), &error) < 0) return Status::Environment("pattern rules", error);
    }
    if (!impl->word_set->Compile()) return Status::Environment("pattern rules", "the rule words exceed RE2's memory budget");
  }
  if (!impl->BuildCueSet(options)) return Status::Environment("cue lexicon", "the cue phrases exceed RE2's memory budget");
  const std::string token = std::string(kTokenOpen) + "((?:ORG|PER)\\d+)" + std::string(kTokenClose);
  impl->according_to = std::make_unique<RE2>("according to (?:its |their )?(?:\\w+ )?" + token, options);
  impl->said = std::make_unique<RE2>(token + " (?:said|says|stated|told|wrote|posted|announced)", options);
  impl->said_inverted = std::make_unique<RE2>("(?:said|says|added|wrote) " + token, options);
  return Extractor(std::move(impl));
}

Extraction Extractor::Extract(const corpus::Article& article) const {
  Extraction extraction;
  extraction.sentences = SplitSentences(article.text);
  std::vector<Mention> quantities = impl_->FindQuantities(article.text);
  std::vector<Mention> entities = FindEntities(article.text, extraction.sentences, quantities, article.title);
  extraction.mentions.reserve(quantities.size() + entities.size());
  std::merge(std::make_move_iterator(quantities.begin()), std::make_move_iterator(quantities.end()),
             std::make_move_iterator(entities.begin()), std::make_move_iterator(entities.end()),
             std::back_inserter(extraction.mentions),
             [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  // Sentence index of each mention (both are in text order).
  std::size_t sentence = 0;
  for (Mention& mention : extraction.mentions) {
    while (sentence + 1 < extraction.sentences.size() && extraction.sentences[sentence].span.end <= mention.span.begin) {
      ++sentence;
    }
    mention.sentence = sentence;
  }
  impl_->AddClaims(article, extraction);
  if (!impl_->deals.empty()) PruneDealRepeats(extraction.claims);
  AttributeToSignatures(article.text, extraction);
  return extraction;
}

std::vector<Mention> FindQuantities(std::string_view text) {
  // Recognizers compile their patterns once per thread for this free function; the
  // Extractor keeps its own.
  thread_local const AmountRecognizer amounts;
  thread_local const DateRecognizer dates;
  return MergeQuantities(amounts, dates, text);
}

}  // namespace concord::extract
