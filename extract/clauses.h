#pragma once
// Clauses of one tagged sentence, for the frame chooser (internal to extract): the sentence
// as tokens (words, punctuation, one token per mention), the word classes the chooser reads
// syntax with, and, over the part-of-speech tagger's tags, the subject of the clause that
// governs a trigger. frames.cc decides frames and roles; this unit says what the syntax
// around a trigger is.

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "extract/pos_tagger.h"

namespace concord::extract::clauses {

struct Token {
  std::size_t begin = 0, end = 0;  // tagged offsets
  std::string_view text;           // a word, one punctuation character, or a mention token
  int mention = -1;                // mention index for a mention token
};

// Letters, digits, '-', '&' and any non-ASCII byte.
bool IsWordByte(char c);
inline bool IsWord(const Token& token) { return token.mention < 0 && IsWordByte(token.text.front()); }

// Tokens of a tagged sentence (lowercase words, mentions as U+E000 index U+E001 tokens, ';' at
// clause breaks). Wire tickers ("<BOR>") are left out: they stand beside a name.
std::vector<Token> Tokenize(std::string_view tagged, const std::vector<Mention>& mentions);

// Word classes (lowercase words).
inline constexpr std::string_view kPrepositions[] = {
    "in",    "at",    "of",    "from",    "to",      "for",  "by",   "with",      "on",  "against",
    "than",  "into",  "over",  "under",   "about",   "after", "before", "between", "like", "as",
    "per",   "through", "including", "via", "among", "behind", "amid"};
inline constexpr std::string_view kDeterminers[] = {"the", "a", "an", "its", "their", "his", "her", "our", "this",
                                                    "that", "these", "those", "some", "all", "both", "each"};
inline constexpr std::string_view kBeForms[] = {"was", "were", "is", "are", "be", "been", "being"};
// Words that end a noun phrase: verbs and conjunctions news puts next to parties.
inline constexpr std::string_view kPhraseBreakers[] = {"and", "or", "said", "says", "has", "have", "had", "will", "would",
                                                       "which", "who", "that", "is", "was", "are", "were", "but", "also"};
// Verbs of saying: their subject reports a figure, it does not own it. Verbs of expecting
// ("X expects sales to rise") are left out: their subject usually is the owner.
inline constexpr std::string_view kSpeechVerbs[] = {"said",  "says",    "say",    "told",      "added",   "warned",
                                                    "noted", "claimed", "argued", "explained", "insisted"};
// Words that open a subordinate clause with a subject of its own ("after Y was forced to ...").
inline constexpr std::string_view kSubordinators[] = {"after", "before", "because", "since", "when", "although", "though",
                                                      "as",    "if",     "unless",  "until", "once", "whereas"};
// Verbs whose object is the party a statement is made to ("told the SEC", "informed Reuters").
inline constexpr std::string_view kAddressVerbs[] = {"told",    "tells",   "tell",    "informed", "informs", "notified",
                                                     "notifies", "advised", "advises", "assured",  "assures"};
// Possessive determiners that stand for the last organisation named ("its sales", "their profits").
inline constexpr std::string_view kPossessiveReferences[] = {"its", "their"};

template <std::size_t N>
bool In(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// The sentence as written, for the tagger: the article text and the original offset of each
// tagged byte (the tagged text is lowercased, and the tagger reads capitals).
struct WrittenText {
  std::string_view text;
  const std::vector<std::size_t>* original = nullptr;
};

// Part-of-speech tags of tokens[begin, end) into tags[begin, end) (`tags` is resized to the
// tokens' count), from the words as written; a mention token is read as a word of its kind
// (a figure as a number, a name as its last word, "it" for a reference). Only the part of a
// sentence a reading needs is tagged: tagging is most of what reading a subject costs.
// False, with `tags` untouched, when the written text is not given.
bool TagTokens(const std::vector<Token>& tokens, const std::vector<Mention>& mentions, const WrittenText& written,
               std::size_t begin, std::size_t end, std::vector<pos::Tagged>& tags);

// The subject of the verb that governs tokens[anchor] in its clause [clause_begin, anchor).
struct Subject {
  enum class Kind {
    kUnknown,  // no verb, or syntax this reading does not follow: the caller decides as before
    kHead,     // a noun phrase [begin, head]: its head token is `head`
  };
  Kind kind = Kind::kUnknown;
  std::size_t begin = 0, head = 0;  // token indexes
  std::size_t verb = 0;             // the governing verb's token index
};
// Reads leftwards from `anchor`: the nearest verb group (a verb with its auxiliaries, "to",
// "not" and adverbs), past a coordinating "and" to the verb that shares its subject, then
// the noun phrase right before the group; after "which" / "who" the phrase before the comma
// (the antecedent). A noun phrase that a preposition opens is part of the phrase before it
// ("shares in X" is headed by "shares").
Subject GoverningSubject(const std::vector<Token>& tokens, const std::vector<pos::Tagged>& tags,
                         const std::vector<Mention>& mentions, std::size_t clause_begin, std::size_t anchor);

}  // namespace concord::extract::clauses
