#pragma once
// Deal and contract claims without a figure (internal to extract): acquisitions, mergers,
// stakes, agreements, licences, contracts and their negations and retreats, found from a
// trigger word outwards through its clause. The triggers are data (extract/patterns/deals.lex,
// grammar in extract/patterns/README.md, "Deal triggers"); this unit parses that lexicon and,
// for one tagged sentence, reads each trigger's parties, term, condition and polarity, and
// links a deal named again in a later sentence ("the merger") to the claim it refers to.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "corpus/status.h"
#include "extract/extract.h"

namespace concord::extract {

enum class DealForm { kNoun, kVerb, kPassive, kSale };

// One line of deals.lex: phrases that name one relation, and where its parties are read.
struct DealTrigger {
  std::vector<std::vector<std::string>> phrases;  // lowercase words; a word may end in '*'
  std::string relation;                            // "acquire", "merger", "agreement"
  DealForm form = DealForm::kNoun;
  std::vector<std::string> subject;                // party sources, in order
  std::vector<std::string> counterparty;
  std::string modality;                            // "plan", "considering", "fact" or empty
  std::string polarity;                            // "ceased", "negated" or empty
  std::string need = "any";                        // "subject", "counterparty", "both", "any"
  std::string origin;                              // "deals.lex:12"
};

struct DealLexicon {
  std::vector<DealTrigger> triggers;
  std::map<std::string, std::vector<std::vector<std::string>>> word_lists;  // "@ceased" → phrases
  // First word of a phrase → (trigger index, phrase index).
  std::map<std::string, std::vector<std::pair<std::size_t, std::size_t>>, std::less<>> by_first_word;
  // The longest word of every trigger phrase and the noun of every reference, for the
  // sentence prefilter: a sentence without one of them holds no trigger. Hashed: every word
  // of every sentence is looked up.
  std::unordered_set<std::string> first_words;
  // A reference noun → the relation it names (@refer_merger: "merger" → "merger"); a noun in
  // none of these lists ("the deal") names any deal.
  std::map<std::string, std::string, std::less<>> referred_relation;
  bool empty() const { return triggers.empty(); }
};

// Adds the entries of one deals.lex file to `lexicon`. On a syntax error (no ':', an unknown
// key or value) the Status names "file:line" and what was expected.
Status ParseDeals(std::string_view text, const std::string& file_name, DealLexicon& lexicon);

// The prefilter: true when a word of `sentence` (raw text, any case) is the longest word of a
// trigger phrase or the noun of a later-sentence reference. Cheap; run before any clause work.
bool MayHoldDeal(const DealLexicon& lexicon, std::string_view sentence);

// One sentence as the reader sees it: the tagged text (lowercase, one token per mention,
// ';' at clause breaks; see rules.h), the tagged byte → article byte map, the article.
struct DealSentence {
  std::string_view article_text;
  std::string_view article_id;
  std::size_t index = 0;  // sentence index
  Span span;              // the sentence in the article
  std::string_view tagged;
  const std::vector<std::size_t>* original = nullptr;
  const std::vector<Mention>* mentions = nullptr;
};

// Appends to `claims` the deal claims of one sentence, in text order. `claims` holds the
// article's claims so far: those of this sentence from `sentence_first` on (a claim of the
// same relation and parties there is not repeated), and the earlier ones a reference
// ("The purchase, expected to close in May, …") links to.
void AddDealClaims(const DealLexicon& lexicon, const DealSentence& sentence, std::size_t sentence_first,
                   std::vector<Claim>& claims);

// After the whole article: drops the deal claims of this unit that only repeat a deal the
// article states with its figure elsewhere ("X agreed to buy Y for $2.3bn" ... "regulators
// approved X's takeover of Y"), unless they add a retreat, a term or a condition. A deal told
// twice by one article is one account of it, not two.
void PruneDealRepeats(std::vector<Claim>& claims);

}  // namespace concord::extract
