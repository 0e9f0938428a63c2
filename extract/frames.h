#pragma once
// Figure frames (internal to extract): what a money amount, a percentage or a count measures
// and whose it is, found from the figure outwards. The trigger words are data
// (extract/patterns/frames.lex, grammar in extract/patterns/README.md); this unit parses that
// lexicon and, for one tagged sentence, picks each figure's governing trigger, its owner and
// its counterparty.

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "extract/extract.h"

namespace concord::extract {

enum FigureKind : unsigned { kFigureMoney = 1, kFigurePercent = 2, kFigureCount = 4 };
enum class TriggerSide { kAny, kBefore, kAfter };

// One line of frames.lex: phrases that name one frame, and how their syntax gives roles.
struct FrameTrigger {
  std::vector<std::vector<std::string>> phrases;  // each a list of lowercase words; a word may end in '*'
  std::string frame;                              // "profit", "acquire"
  TriggerSide side = TriggerSide::kAny;
  unsigned figures = kFigureMoney | kFigurePercent | kFigureCount;
  std::vector<std::string> counted;               // a count's noun must be one of these
  std::vector<std::string> value_words;           // the word right before the figure (trigger before it)
  std::vector<std::string> subject;               // owner sources, in order
  std::vector<std::string> counterparty;          // counterparty sources, in order
  std::vector<EntityType> owner_types;            // the owner's entity types; empty: any
  std::string modality;                           // "plan", "estimate", "considering" or empty
  double rank = 0;                                // added to the distance score: higher is weaker
  // "yield=acquire": a money figure this trigger takes goes to a trigger of that frame in the
  // same clause instead ("its bid for X to 110 dlrs per share" is a bid price, not earnings).
  std::string yield;
  std::string origin;                             // "frames.lex:12"
};

struct FrameLexicon {
  std::vector<FrameTrigger> triggers;
  std::map<std::string, std::vector<std::vector<std::string>>> word_lists;  // "@rise" → phrases
  // First word of a phrase → (trigger index, phrase index); prefix phrases ('*') kept apart.
  std::map<std::string, std::vector<std::pair<std::size_t, std::size_t>>, std::less<>> by_first_word;
  std::vector<std::pair<std::size_t, std::size_t>> prefix_phrases;
  std::set<std::string, std::less<>> not_owners;  // @not_owner phrases, words joined by one space
  std::set<std::string, std::less<>> money_nouns; // @money_nouns: a count of these is money ("dlrs")
  std::set<std::string, std::less<>> measures;    // @measures: frames that measure one party over a period
  // @economies: a demonym or region word → the economy it names ("german" → "Germany"),
  // longest phrases first; read by the `economy` owner source.
  std::vector<std::pair<std::vector<std::string>, std::string>> economies;
  bool empty() const { return triggers.empty(); }
};

// Adds the entries of one frames.lex file to `lexicon`. On a syntax error (no ':', an unknown
// key, an unknown figure kind or side) the Status names "file:line" and what was expected.
Status ParseFrames(std::string_view text, const std::string& file_name, FrameLexicon& lexicon);

// True when `name` (any case) is in the lexicon's @not_owner list: never a figure's owner.
bool IsNotOwnerName(const FrameLexicon& lexicon, std::string_view name);

// What the chooser decided for one figure.
struct FrameChoice {
  std::string frame;        // empty: unframed
  std::string unframed;     // the reason when unframed: "no_trigger"
  std::string trigger;      // the trigger as the tagged text writes it
  std::string origin;       // "frames.lex:12"
  std::size_t trigger_begin = 0, trigger_end = 0;  // tagged offsets of the trigger
  std::optional<std::size_t> subject;       // mention index of the owner / acting party
  std::optional<std::size_t> counterparty;  // mention index of the other party
  bool subject_is_trigger = false;          // the trigger itself owns the figure ("the dollar")
  // An economy named by a word, not a name ("the German economy" → "Germany"): the owner's
  // name and the tagged offsets of the word; used when `subject` is empty.
  bool per_share = false;  // a per-share price that went to a bid ("110 dlrs cash per share")
  std::string owner_text;
  std::size_t owner_begin = 0, owner_end = 0;
  bool owner_from_title = false;  // owner_text is the title's company: no span in the text
  bool earlier = false;                     // a comparison figure: the earlier period's
  std::string change;                       // "up" / "down": a percentage that is a change
  std::string modality;                     // from the lexicon entry, or empty
  bool measure = false;                     // the frame is in @measures: keyed by owner and period
  std::optional<std::size_t> converts;      // "(£600m)": the mention index of the figure it converts
  bool operator==(const FrameChoice&) const = default;
};

// One sentence as the chooser sees it: the tagged text (lowercase, one token per mention,
// ';' at clause breaks) and the article's mentions.
struct FrameSentence {
  std::string_view tagged;
  const std::vector<Mention>* mentions = nullptr;
  std::optional<std::size_t> lead;  // the article's lead organisation (mention index), if any
  std::size_t first_mention = 0;    // index of the sentence's first mention
  // The company a wire title names ("NL INDUSTRIES INC <NL> 4TH QTR LOSS" → "NL INDUSTRIES
  // INC"): the article's owner when its text names no lead (results tables).
  std::string_view title_owner;
  // The sentence as written, for the part-of-speech tagger: the article text and the original
  // offset of each tagged byte. Without them owners are read from names and words alone.
  std::string_view text;
  const std::vector<std::size_t>* original = nullptr;
};

// The company a wire story's title names before its ticker, or empty.
std::string_view WireTitleCompany(std::string_view title);

// A choice for each of `figures` (mention indexes of money, percent and count mentions whose
// tokens are in the tagged sentence), in the same order.
std::vector<FrameChoice> ChooseFrames(const FrameLexicon& lexicon, const FrameSentence& sentence,
                                      const std::vector<std::size_t>& figures);

}  // namespace concord::extract
