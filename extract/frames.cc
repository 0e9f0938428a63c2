// Figure frames: the trigger that governs a figure, chosen from the figure outwards.
//
// A sentence is read as tokens (words, punctuation, one token per mention) cut into clauses
// at ';' (the tagger already turned ", but", ", while", "... said that" and the like into ';').
// For each figure every lexicon trigger of its clause is a candidate, scored by how far it
// stands and how: a trigger right after the figure ("a $300m settlement", "$20m in funding")
// or the count's own noun ("1,200 jobs") reads as a compound; a trigger before it reads through
// its verb ("profits ... jumped 76% to $1.13bn", "buy X for $2.3bn"); a trigger further after
// it is weaker. The cheapest candidate wins; ties go to the longer phrase, then file order.
// The rejected alternative, one regex per frame over the whole sentence, is what the .rules
// files do: it needs a template for every way news writes a figure, and real news has more.

#include "extract/frames.h"

#include <algorithm>
#include <cctype>
#include <deque>

#include "extract/clauses.h"

namespace concord::extract {
namespace {



using clauses::In;
using clauses::IsWord;
using clauses::IsWordByte;
using clauses::kAddressVerbs;
using clauses::kBeForms;
using clauses::kDeterminers;
using clauses::kPhraseBreakers;
using clauses::kPossessiveReferences;
using clauses::kPrepositions;
using clauses::kSpeechVerbs;
using clauses::kSubordinators;
using clauses::Token;
using clauses::Tokenize;

// --- Lexicon -------------------------------------------------------------------------------

bool WordMatches(const std::string& pattern, std::string_view word) {
  if (!pattern.empty() && pattern.back() == '*') return word.starts_with(std::string_view(pattern).substr(0, pattern.size() - 1));
  return pattern == word;
}

// Number of tokens `phrase` covers from tokens[at], or 0 when it does not match there.
std::size_t MatchPhrase(const std::vector<std::string>& phrase, const std::vector<Token>& tokens, std::size_t at,
                        std::size_t end) {
  if (at + phrase.size() > end) return 0;
  for (std::size_t k = 0; k < phrase.size(); ++k) {
    const Token& token = tokens[at + k];
    if (token.mention >= 0 || !WordMatches(phrase[k], token.text)) return 0;
  }
  return phrase.size();
}

bool InWordList(const FrameLexicon& lexicon, const std::string& list, const std::vector<Token>& tokens, std::size_t at,
                std::size_t end, std::size_t* length = nullptr) {
  auto found = lexicon.word_lists.find(list);
  if (found == lexicon.word_lists.end()) return false;
  for (const auto& phrase : found->second) {
    if (std::size_t n = MatchPhrase(phrase, tokens, at, end); n > 0) {
      if (length != nullptr) *length = n;
      return true;
    }
  }
  return false;
}

// Does a phrase of `list` end right before tokens[at]?
bool WordListEndsBefore(const FrameLexicon& lexicon, const std::string& list, const std::vector<Token>& tokens,
                        std::size_t begin, std::size_t at) {
  auto found = lexicon.word_lists.find(list);
  if (found == lexicon.word_lists.end()) return false;
  for (const auto& phrase : found->second) {
    if (phrase.size() > at - begin) continue;
    if (MatchPhrase(phrase, tokens, at - phrase.size(), at) == phrase.size()) return true;
  }
  return false;
}

// --- Choosing ------------------------------------------------------------------------------

struct Candidate {
  std::size_t trigger = 0;  // index into lexicon.triggers
  std::size_t begin = 0, end = 0;  // token range
  double score = 0;
};

class Chooser {
 public:
  Chooser(const FrameLexicon& lexicon, const FrameSentence& sentence)
      : lexicon_(lexicon), sentence_(sentence), mentions_(*sentence.mentions), tokens_(Tokenize(sentence.tagged, *sentence.mentions)) {
    // Clause of each token: a new one after each ';' or ':'.
    UnnameTriggerWords();
    clause_.resize(tokens_.size());
    std::size_t clause = 0;
    // A wire dateline ("wichita , kan. , march 31 - X said") is a clause of its own: its place
    // names own nothing. It ends at a dash right after a date, early in the sentence.
    constexpr std::size_t kMaxDatelineTokens = 12;
    std::size_t dateline_end = 0;
    for (std::size_t k = 1; k < std::min(tokens_.size(), kMaxDatelineTokens); ++k) {
      const Mention* before = MentionAt(k - 1);
      const bool day = !tokens_[k - 1].text.empty() && std::isdigit(static_cast<unsigned char>(tokens_[k - 1].text.front()));
      if (tokens_[k].text == "-" && ((before != nullptr && before->kind == MentionKind::kDate) || day)) dateline_end = k;
    }
    for (std::size_t k = 0; k < tokens_.size(); ++k) {
      // "X shares eased 26p while Y fell to 767p": "while" and "whereas" open a clause of their own.
      const bool contrast = k > 0 && (tokens_[k].text == "while" || tokens_[k].text == "whereas") && tokens_[k - 1].text != ";";
      if (tokens_[k].text == ";" || tokens_[k].text == ":" || contrast || (dateline_end > 0 && k == dateline_end)) ++clause;
      clause_[k] = clause;
    }
    FindTriggers();
  }

  FrameChoice Choose(std::size_t figure) const;

 private:
  const Mention* MentionAt(std::size_t token) const {
    int index = tokens_[token].mention;
    return index < 0 || static_cast<std::size_t>(index) >= mentions_.size() ? nullptr : &mentions_[static_cast<std::size_t>(index)];
  }
  bool IsEntity(std::size_t token) const {
    const Mention* mention = MentionAt(token);
    return mention != nullptr && mention->kind == MentionKind::kEntity;
  }
  bool IsFigure(std::size_t token) const {
    const Mention* mention = MentionAt(token);
    return mention != nullptr && mention->kind != MentionKind::kEntity;
  }
  bool IsNotOwner(std::size_t token) const;
  bool IsOwnerToken(std::size_t token) const { return IsEntity(token) && !IsNotOwner(token); }
  std::size_t ClauseBegin(std::size_t token) const {
    std::size_t k = token;
    while (k > 0 && clause_[k - 1] == clause_[token]) --k;
    return k;
  }
  std::size_t ClauseEnd(std::size_t token) const {
    std::size_t k = token;
    while (k < tokens_.size() && clause_[k] == clause_[token]) ++k;
    return k;
  }
  void FindTriggers();
  void UnnameTriggerWords();
  std::optional<std::size_t> Source(const std::string& source, const Candidate& candidate, std::size_t figure_token,
                                    bool for_subject) const;
  std::optional<std::size_t> EntityRunFrom(std::size_t from, std::size_t end) const;
  std::optional<std::size_t> ClauseSubject(std::size_t begin, std::size_t before) const;
  std::optional<std::size_t> Antecedent(std::size_t token) const;
  std::optional<std::size_t> Possessor(std::size_t trigger_begin, std::size_t clause_begin, bool relation) const;
  std::optional<std::size_t> PossessiveReferent(std::size_t at, std::size_t clause_begin) const;
  bool IsAddressee(std::size_t token) const;
  bool PricesOneShare(std::size_t at) const;
  std::optional<std::size_t> LastOrganisationBefore(std::size_t at) const;
  // What the subject of the clause governing tokens[anchor] says of the owner.
  struct SubjectReading {
    enum class Kind { kFollow, kParty, kNone } kind = Kind::kFollow;
    std::size_t token = 0;  // kParty: the name's token
  };
  SubjectReading ReadSubject(std::size_t clause_begin, std::size_t anchor, const Candidate* trigger) const;
  struct Economy {
    std::optional<std::size_t> place;  // mention index of a place named in the clause
    std::string name;                  // else an economy a word names ("german" → "Germany")
    std::size_t begin = 0, end = 0;    // the word's token range
  };
  Economy EconomyOf(const Candidate& candidate) const;

  const FrameLexicon& lexicon_;
  const FrameSentence& sentence_;
  const std::vector<Mention>& mentions_;
  std::vector<Token> tokens_;
  std::vector<std::size_t> clause_;
  std::vector<Candidate> found_;  // every trigger match of the sentence (score unset)
  std::deque<std::string> lowered_;  // words of unnamed entity tokens, which Token::text views
  // "their Orient Express stake": the name between a possessive and a relation's trigger is
  // the company the relation is about; Possessor leaves it here for the counterparty.
  mutable std::optional<std::size_t> held_;
  mutable std::vector<pos::Tagged> tags_;  // of tokens_[tagged_begin_, tagged_end_), tagged when first read
  mutable std::size_t tagged_begin_ = 0, tagged_end_ = 0;
  // The clause's subject is a phrase without a name ("the club", "he"): no later source may
  // supply the owner, since a name from elsewhere is not the subject's.
  mutable bool blocked_ = false;
};

// A capitalized trigger word opening a sentence ("Net 5.5 mln vs 4.1 mln", "Revs ...",
// "Footfall at X rose") is read as a name by shape; here it is the trigger word it is, not
// a party. Only a one-word name at the sentence start, and not a speaker ("Target said").
void Chooser::UnnameTriggerWords() {
  if (tokens_.empty() || !IsEntity(0)) return;
  if (tokens_.size() > 1 && In(kSpeechVerbs, tokens_[1].text)) return;
  std::string lower;
  for (char c : MentionAt(0)->text) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower.find(' ') != std::string::npos) return;
  auto found = lexicon_.by_first_word.find(lower);
  if (found == lexicon_.by_first_word.end()) return;
  lowered_.push_back(std::move(lower));
  tokens_[0].text = lowered_.back();
  tokens_[0].mention = -1;
}

void Chooser::FindTriggers() {
  for (std::size_t k = 0; k < tokens_.size(); ++k) {
    if (!IsWord(tokens_[k])) continue;
    auto add = [&](std::size_t trigger, std::size_t phrase) {
      std::size_t length = MatchPhrase(lexicon_.triggers[trigger].phrases[phrase], tokens_, k, tokens_.size());
      if (length > 0) found_.push_back({trigger, k, k + length, 0});
    };
    if (auto found = lexicon_.by_first_word.find(tokens_[k].text); found != lexicon_.by_first_word.end()) {
      for (const auto& [trigger, phrase] : found->second) add(trigger, phrase);
    }
    for (const auto& [trigger, phrase] : lexicon_.prefix_phrases) add(trigger, phrase);
  }
  // The longest phrase starting at a word is the trigger there: "buy back" is not "buy",
  // "interest in" is not "interest".
  std::vector<Candidate> longest;
  longest.reserve(found_.size());
  for (const Candidate& candidate : found_) {
    const bool covered = std::any_of(found_.begin(), found_.end(), [&](const Candidate& other) {
      return other.begin == candidate.begin && other.end > candidate.end;
    });
    if (!covered) longest.push_back(candidate);
  }
  found_ = std::move(longest);
}

bool Chooser::IsNotOwner(std::size_t token) const {
  const Mention* mention = MentionAt(token);
  if (mention == nullptr) return true;
  std::string lower;
  lower.reserve(mention->text.size());
  for (char c : mention->text) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return lexicon_.not_owners.count(lower) > 0;
}

// The last party of the noun phrase starting at tokens[from] (determiners and up to four
// lowercase words may open it: "the US media giant TimeWarner" gives TimeWarner).
std::optional<std::size_t> Chooser::EntityRunFrom(std::size_t from, std::size_t end) const {
  constexpr int kMaxDescriptors = 4;
  std::optional<std::size_t> found;
  int descriptors = 0;
  for (std::size_t k = from; k < end; ++k) {
    const Token& token = tokens_[k];
    if (IsEntity(k)) {
      if (!IsNotOwner(k)) found = k;
      descriptors = 0;
      continue;
    }
    if (token.text == "'s" && found) continue;
    if (!IsWord(token) || In(kPrepositions, token.text) || In(kPhraseBreakers, token.text)) break;
    if (++descriptors > kMaxDescriptors) break;
    if (found && !In(kDeterminers, token.text)) {
      // "X unit Y": keep reading only when another name follows the descriptors.
      std::size_t next = k;
      while (next < end && IsWord(tokens_[next]) && !In(kPrepositions, tokens_[next].text) &&
             !In(kPhraseBreakers, tokens_[next].text)) {
        ++next;
      }
      if (next >= end || !IsEntity(next)) break;
    }
  }
  return found;
}

// The clause's subject: its first party before `before` that no preposition governs and no
// "'s" makes the possessor of something else; organisations before people.
std::optional<std::size_t> Chooser::ClauseSubject(std::size_t begin, std::size_t before) const {
  std::optional<std::size_t> person;
  std::optional<std::size_t> speaker_party;  // "X said": X, an organisation or a reference to one
  for (std::size_t k = begin; k < before; ++k) {
    if (!IsEntity(k)) continue;
    // "X said it has agreed to sell ...": "it" right after its speaker is the speaker.
    if (speaker_party && MentionAt(k)->entity.type == EntityType::kPronoun &&
        (MentionAt(k)->text == "it" || MentionAt(k)->text == "they") &&
        k >= 2 && In(kSpeechVerbs, tokens_[k - 1].text)) {
      return speaker_party;
    }
    bool governed = k > begin && In(kPrepositions, tokens_[k - 1].text);
    // "shares in X rose": a preposition two words back with only a determiner between.
    if (!governed && k > begin + 1 && In(kDeterminers, tokens_[k - 1].text) && In(kPrepositions, tokens_[k - 2].text)) {
      governed = true;
    }
    governed = governed || IsAddressee(k);
    bool possessive = k + 1 < tokens_.size() && tokens_[k + 1].text == "'s";
    // "..., the statistics office said": a speaker, not the figure's owner.
    std::size_t next = k + 1;
    if (next < tokens_.size() && tokens_[next].text == ")") ++next;  // "the Commission (PCGG) told"
    if (next < tokens_.size() && (tokens_[next].text == "has" || tokens_[next].text == "had")) ++next;
    bool speaker = next < tokens_.size() && In(kSpeechVerbs, tokens_[next].text);
    if (speaker && MentionAt(k)->entity.type != EntityType::kPerson && MentionAt(k)->entity.type != EntityType::kPlace &&
        !IsNotOwner(k)) {
      speaker_party = k;
    }
    // "The US firm agreed": a name before a descriptor noun modifies it; the firm is the subject.
    bool modifier = k + 1 < tokens_.size() && IsWord(tokens_[k + 1]) &&
                    InWordList(lexicon_, "@descriptor", tokens_, k + 1, std::min(tokens_.size(), k + 3));
    if (governed || possessive || speaker || modifier || IsNotOwner(k)) continue;
    if (MentionAt(k)->entity.type == EntityType::kPerson) {
      if (!person) person = k;
      continue;
    }
    return k;
  }
  return person;
}

// Do the words right after the figure at tokens[at] price one share: "each", "apiece", "a
// share", "per share", "per common share", "cash per share", "in cash per share",
// "-per-share", "a-share"?
bool Chooser::PricesOneShare(std::size_t at) const {
  std::size_t k = at + 1;
  auto word = [&](std::size_t i) -> std::string_view { return i < tokens_.size() && IsWord(tokens_[i]) ? tokens_[i].text : ""; };
  if (word(k) == "in" && word(k + 1) == "cash") k += 2;
  if (word(k) == "cash") ++k;
  const std::string_view first = word(k);
  if (first == "each" || first == "apiece") return true;
  if (first.ends_with("-share") && (first.starts_with("-") || first.starts_with("a-") || first.starts_with("per-"))) return true;
  if (first == "-a-" || first == "-a") return word(k + 1) == "share";
  if (first == "per" || first == "a") {
    std::size_t next = k + 1;
    if (word(next) == "common" || word(next) == "ordinary" || word(next) == "preferred") ++next;
    return word(next) == "share" || (first == "per" && word(next) == "unit");
  }
  return false;
}

// "told the Securities and Exchange Commission", "told Reuters": the party a statement is
// made to (a regulator a filing goes to, a news agency) is its addressee, never the owner of
// what the statement says.
bool Chooser::IsAddressee(std::size_t token) const {
  if (token == 0) return false;
  std::size_t before = token - 1;
  if (In(kDeterminers, tokens_[before].text) && before > 0) --before;
  return In(kAddressVerbs, tokens_[before].text);
}

// In "X, which raised $20m": X, for a token inside a relative clause opened by ", which/who".
std::optional<std::size_t> Chooser::Antecedent(std::size_t token) const {
  for (std::size_t k = token; k > 1 && clause_[k - 1] == clause_[token]; --k) {
    const std::string_view word = tokens_[k - 1].text;
    if (word == "," && k < token) break;  // the relative clause ended before the token
    if ((word == "which" || word == "who") && tokens_[k - 2].text == ",") {
      if (k >= 3 && IsOwnerToken(k - 3)) return k - 3;
      // "the Lagardere group, which owns": the name before a descriptor noun.
      if (k >= 4 && IsWord(tokens_[k - 3]) && InWordList(lexicon_, "@descriptor", tokens_, k - 3, k - 2) &&
          IsOwnerToken(k - 4)) {
        return k - 4;
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// "X's fourth-quarter profits", "UK inflation": a party before the trigger, with "'s" or as a
// modifier, up to three modifiers (words or dates) between.
std::optional<std::size_t> Chooser::Possessor(std::size_t trigger_begin, std::size_t clause_begin, bool relation) const {
  constexpr int kMaxModifiers = 3;
  int modifiers = 0;
  for (std::size_t k = trigger_begin; k > clause_begin; --k) {
    const std::size_t at = k - 1;
    if (tokens_[at].text == "'s") continue;
    if (IsEntity(at)) {
      // "The US giant earned": the name modifies the descriptor, which is the subject.
      bool modifier = at + 1 < trigger_begin && InWordList(lexicon_, "@descriptor", tokens_, at + 1, at + 2);
      if (IsNotOwner(at) || modifier) return std::nullopt;
      // "its US sales", "their Orient Express stake", "Menatep's Yukos shareholding": a name
      // between a possessive and the trigger modifies it. A place is where the measure is
      // taken and the company held by a relation is its other party: the possessive owns
      // the figure. A company before a measure ("its Hang Seng unit's profit") owns it.
      const Mention* name = MentionAt(at);
      const bool place = name->entity.type == EntityType::kPlace;
      if (at > clause_begin && (place || relation)) {
        const std::size_t before = at - 1;
        const bool pronoun = In(kPossessiveReferences, tokens_[before].text);
        const bool named = tokens_[before].text == "'s" && before > clause_begin && IsOwnerToken(before - 1);
        if (pronoun || named) {
          if (relation && !place) held_ = static_cast<std::size_t>(tokens_[at].mention);
          std::optional<std::size_t> outer = pronoun ? PossessiveReferent(before, clause_begin)
                                                     : std::optional<std::size_t>(tokens_[before - 1].mention);
          if (outer) return outer;
          // A possessive whose party the text does not name: the name is still not the owner.
          if (relation && !place) return std::nullopt;
        }
      }
      return static_cast<std::size_t>(tokens_[at].mention);
    }
    if (In(kPossessiveReferences, tokens_[at].text)) return PossessiveReferent(at, clause_begin);
    if (tokens_[at].text == "his" || tokens_[at].text == "her") {
      // "taking his stake to 42.3%": the last person named before it in the sentence.
      for (std::size_t k = at; k > 0; --k) {
        const Mention* person = MentionAt(k - 1);
        if (person != nullptr && person->kind == MentionKind::kEntity && person->entity.type == EntityType::kPerson &&
            !IsAddressee(k - 1)) {
          return static_cast<std::size_t>(tokens_[k - 1].mention);
        }
      }
      return std::nullopt;
    }
    // "Emery's 40 dlr per share offer", "a 25 dlr a share tender offer": a per-share price
    // modifies the trigger; its words are no modifiers of their own.
    if (tokens_[at].text == "share" && at > clause_begin &&
        (tokens_[at - 1].text == "per" || tokens_[at - 1].text == "a")) {
      --k;
      continue;
    }
    const Mention* mention = MentionAt(at);
    // "its 35 pct stake", "X's 1986 profits": a figure or a date modifies the trigger too.
    bool modifier = (mention != nullptr && mention->kind != MentionKind::kEntity) ||
                    (IsWord(tokens_[at]) && !In(kPrepositions, tokens_[at].text) && !In(kDeterminers, tokens_[at].text) &&
                     !In(kPhraseBreakers, tokens_[at].text) && !In(kBeForms, tokens_[at].text));
    if (!modifier || ++modifiers > kMaxModifiers) return std::nullopt;
  }
  return std::nullopt;
}

// kParty: the subject is a name (not with a verb of saying: "X said sales rose" leaves the
// owner to the other sources). kNone: a phrase headed by a noun that names a party other than
// the company the article is about (@other_party: "the club", "prosecutors", "the industry")
// or a part of a company (@subsidiary: "the unit" is not its parent). kFollow: anything else
// ("the results", "consumer products" are the company's own), a pronoun, the trigger itself,
// a figure, a descriptor ("the US firm"), or no subject read.
Chooser::SubjectReading Chooser::ReadSubject(std::size_t clause_begin, std::size_t anchor, const Candidate* trigger) const {
  using Kind = SubjectReading::Kind;
  // A subject needs two tokens before the anchor at least (a phrase and a verb); a results
  // line ("Net 5.5 mln vs 4.1 mln") has none, and is not tagged.
  if (anchor < clause_begin + 2) return {};
  // The clause up to a word past the anchor (the tagger costs some ten thousand instructions
  // a token: only what the reading looks at is tagged); a later reading further on tags again.
  const std::size_t tag_end = std::min(ClauseEnd(anchor), anchor + 2);
  if (tagged_end_ == 0 || clause_begin < tagged_begin_ || tag_end > tagged_end_) {
    const std::size_t begin = tagged_end_ == 0 ? clause_begin : std::min(clause_begin, tagged_begin_);
    const std::size_t end = std::max(tag_end, tagged_end_);
    if (!clauses::TagTokens(tokens_, mentions_, {sentence_.text, sentence_.original}, begin, end, tags_)) return {};
    tagged_begin_ = begin;
    tagged_end_ = end;
  }
  const clauses::Subject subject = clauses::GoverningSubject(tokens_, tags_, mentions_, clause_begin, anchor);
  if (subject.kind != clauses::Subject::Kind::kHead) return {};
  std::size_t head = subject.head;
  if (IsEntity(head)) {
    // "Rowntree Mackintosh Plc <RWNT.L>": the name before its ticker.
    while (head >= subject.begin + 2 && (tokens_[head - 1].text == "<" || tokens_[head - 1].text == "(") &&
           IsEntity(head - 2)) {
      head -= 2;
    }
    // A pronoun ("it", "the company") is resolved by the other sources, which know speakers.
    if (MentionAt(head)->entity.type == EntityType::kPronoun || IsNotOwner(head) ||
        In(kSpeechVerbs, tokens_[subject.verb].text) || IsAddressee(head)) {
      return {};
    }
    return {Kind::kParty, head};
  }
  if (trigger != nullptr && head >= trigger->begin && head < trigger->end) return {};
  if (IsFigure(head) || !IsWord(tokens_[head]) || tags_[head].tag == pos::Upos::kPron) return {};
  // "Mr Glazer and his family hold": the first of two coordinated subjects, when it is a name.
  if (subject.begin >= clause_begin + 2 && tokens_[subject.begin - 1].text == "and" && IsOwnerToken(subject.begin - 2) &&
      MentionAt(subject.begin - 2)->entity.type != EntityType::kPronoun) {
    return {Kind::kParty, subject.begin - 2};
  }
  // A common noun as written: lowercase, tagged a noun with a margin the tagger is sure of
  // (10 or more: 97% right on held-out text), after a verb it is as sure of. A capitalized
  // word is a name the recognizer did not read ("Transform said"), not a common noun.
  constexpr float kSureMargin = 10;
  const std::size_t written = head < tokens_.size() && tokens_[head].begin < sentence_.original->size()
                                  ? (*sentence_.original)[tokens_[head].begin]
                                  : std::string::npos;
  if (written >= sentence_.text.size() || std::isupper(static_cast<unsigned char>(sentence_.text[written]))) return {};
  if (InWordList(lexicon_, "@subsidiary", tokens_, head, head + 1)) return {Kind::kNone};
  if (tags_[head].tag != pos::Upos::kNoun || tags_[head].margin < kSureMargin || tags_[subject.verb].margin < kSureMargin ||
      !InWordList(lexicon_, "@other_party", tokens_, head, head + 1)) {
    return {};
  }
  // A phrase a name, a possessive or a descriptor is in ("Jacobson's directors", "its board",
  // "the bank earlier") belongs to that party; and the tagger may read "Nestle plans" as one
  // phrase.
  for (std::size_t k = subject.begin; k <= head; ++k) {
    if (IsEntity(k) || In(kPossessiveReferences, tokens_[k].text) ||
        (IsWord(tokens_[k]) && InWordList(lexicon_, "@descriptor", tokens_, k, k + 1))) {
      return {};
    }
  }
  // A phrase with a trigger word in it ("the quarterly dividend rate") is the measure itself.
  for (const Candidate& found : found_) {
    if (found.begin <= head && found.end > subject.begin) return {};
  }
  return {Kind::kNone};
}

// "its" / "their" at tokens[at]: the clause's subject when the clause names one before it (an
// organisation or "it"); in a later clause of the sentence, the sentence's subject ("Ford,
// which outstripped GM, said its bonuses totalled ...", "X said the value of its stake");
// else the last organisation named.
std::optional<std::size_t> Chooser::PossessiveReferent(std::size_t at, std::size_t clause_begin) const {
  if (std::optional<std::size_t> subject = ClauseSubject(clause_begin, at);
      subject && MentionAt(*subject)->entity.type != EntityType::kPerson) {
    return static_cast<std::size_t>(tokens_[*subject].mention);
  }
  // No name stands where a subject does: the syntax says whether the subject is a phrase
  // without one ("The club managed to reduce its losses"), whose "its" no name elsewhere is.
  if (const SubjectReading reading = ReadSubject(clause_begin, at, nullptr); reading.kind == SubjectReading::Kind::kNone) {
    blocked_ = true;
    return std::nullopt;
  } else if (reading.kind == SubjectReading::Kind::kParty && MentionAt(reading.token)->entity.type != EntityType::kPerson) {
    return static_cast<std::size_t>(tokens_[reading.token].mention);
  }
  if (clause_begin > 0) {
    Candidate none{0, at, at + 1, 0};
    if (std::optional<std::size_t> subject = Source("sentence", none, at, true);
        subject && *subject < mentions_.size() && mentions_[*subject].entity.type != EntityType::kPerson &&
        mentions_[*subject].entity.type != EntityType::kPlace) {
      bool before = false;
      for (std::size_t k = 0; k < clause_begin && !before; ++k) before = tokens_[k].mention == static_cast<int>(*subject);
      if (before) return subject;
    }
  }
  return LastOrganisationBefore(at);
}

// "its": the last party named before tokens[at] in the sentence, else the last one named in
// the article before the sentence (not a person, a reference or a word of @not_owner).
std::optional<std::size_t> Chooser::LastOrganisationBefore(std::size_t at) const {
  for (std::size_t k = at; k > 0; --k) {
    const Mention* mention = MentionAt(k - 1);
    if (mention == nullptr || mention->kind != MentionKind::kEntity || IsNotOwner(k - 1) || IsAddressee(k - 1)) continue;
    if (mention->entity.type == EntityType::kPerson || mention->entity.type == EntityType::kPronoun) continue;
    return static_cast<std::size_t>(tokens_[k - 1].mention);
  }
  for (std::size_t m = std::min(sentence_.first_mention, mentions_.size()); m > 0; --m) {
    const Mention& mention = mentions_[m - 1];
    if (mention.kind != MentionKind::kEntity || mention.entity.type == EntityType::kPerson ||
        mention.entity.type == EntityType::kPronoun) {
      continue;
    }
    std::string lower;
    for (char c : mention.text) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (lexicon_.not_owners.count(lower) > 0) continue;
    return m - 1;
  }
  return std::nullopt;
}

// Whose economy a macro measure is: the place named in the trigger's clause nearest to the
// trigger ("growth is set to halve in Singapore"), else a demonym or region word there ("the
// German economy", "the French statistics agency ... expects the economy to grow",
// "eurozone"). A forecaster, an agency or a person quoted is never the owner.
Chooser::Economy Chooser::EconomyOf(const Candidate& candidate) const {
  Economy economy;
  const std::size_t begin = ClauseBegin(candidate.begin);
  const std::size_t end = ClauseEnd(candidate.begin);
  auto distance = [&](std::size_t k) { return k < candidate.begin ? candidate.begin - k : k - candidate.begin; };
  std::size_t best = std::string::npos;
  for (std::size_t k = begin; k < end; ++k) {
    const Mention* mention = MentionAt(k);
    if (mention == nullptr || mention->kind != MentionKind::kEntity || mention->entity.type != EntityType::kPlace ||
        IsNotOwner(k)) {
      continue;
    }
    if (best == std::string::npos || distance(k) < best) {
      best = distance(k);
      economy.place = static_cast<std::size_t>(tokens_[k].mention);
    }
  }
  if (economy.place) return economy;
  for (std::size_t k = begin; k < end; ++k) {
    if (!IsWord(tokens_[k])) continue;
    for (const auto& [phrase, name] : lexicon_.economies) {
      std::size_t length = MatchPhrase(phrase, tokens_, k, end);
      if (length == 0) continue;
      if (best == std::string::npos || distance(k) < best) {
        best = distance(k);
        economy.name = name;
        economy.begin = k;
        economy.end = k + length;
      }
      break;
    }
  }
  return economy;
}

// The mention index of the party `source` names, if any.
std::optional<std::size_t> Chooser::Source(const std::string& source, const Candidate& candidate,
                                           std::size_t figure_token, bool for_subject) const {
  const std::size_t clause_begin = ClauseBegin(candidate.begin);
  const std::size_t clause_end = ClauseEnd(candidate.begin);
  auto mention_of = [&](std::optional<std::size_t> token) -> std::optional<std::size_t> {
    if (!token) return std::nullopt;
    return static_cast<std::size_t>(tokens_[*token].mention);
  };
  if (source == "possessor") {
    return Possessor(candidate.begin, clause_begin, lexicon_.measures.count(lexicon_.triggers[candidate.trigger].frame) == 0);
  }
  constexpr std::size_t kObjectReach = 6;
  if (source == "object") return candidate.end < clause_end && candidate.end != figure_token
                                     ? mention_of(EntityRunFrom(candidate.end, std::min(clause_end, candidate.end + kObjectReach)))
                                     : std::nullopt;
  if (source == "clause") {
    const std::size_t before = std::min(candidate.begin, figure_token);
    // "Nissan - in which Renault owns a 44% stake -": a relative clause after a preposition
    // has its own subject.
    for (std::size_t k = before; k > clause_begin + 1; --k) {
      const std::string_view word = tokens_[k - 1].text;
      if (word == "," || word == "-" || word == "(") break;
      if ((word == "which" || word == "whom") && In(kPrepositions, tokens_[k - 2].text)) {
        if (std::optional<std::size_t> subject = ClauseSubject(k, before)) return mention_of(subject);
        break;
      }
    }
    if (std::optional<std::size_t> antecedent = Antecedent(before)) return mention_of(antecedent);
    // "X had assets of N and Y had assets of M": after a figure, "and" and a name open the
    // next conjunct, whose subject that name is.
    std::size_t start = clause_begin;
    bool figure_seen = false;
    for (std::size_t k = clause_begin; k + 1 < before; ++k) {
      figure_seen = figure_seen || IsFigure(k);
      if (figure_seen && tokens_[k].text == "and" && IsOwnerToken(k + 1)) {
        start = k + 1;
        figure_seen = false;
      }
      // "X bought the unit after Y was forced to sell assets to meet a $27.5bn tax bill": a
      // subordinate clause with a subject of its own ("after Y was"), not a prepositional
      // phrase ("after Y's collapse", "after Y, X ...").
      if (In(kSubordinators, tokens_[k].text) && IsOwnerToken(k + 1) && k + 2 < before && IsWord(tokens_[k + 2]) &&
          (In(kBeForms, tokens_[k + 2].text) || tokens_[k + 2].text == "had" || tokens_[k + 2].text == "has" ||
           tokens_[k + 2].text.ends_with("ed"))) {
        start = k + 1;
        figure_seen = false;
      }
    }
    if (std::optional<std::size_t> subject = ClauseSubject(start, before)) return mention_of(subject);
    // No name stands where a subject does: read the subject from the syntax (tagging costs,
    // so only here). A phrase without a name ("prosecutors", "the unit") blocks the later
    // sources: the sentence's or the article's company is not this clause's subject.
    const SubjectReading reading = ReadSubject(clause_begin, before, &candidate);
    if (reading.kind == SubjectReading::Kind::kParty) return mention_of(reading.token);
    blocked_ = reading.kind == SubjectReading::Kind::kNone;
    return std::nullopt;
  }
  if (source == "sentence") {
    // The first clause subject of the sentence that stands before its clause's first trigger
    // or figure, as a subject does ("For the full year, X posted a profit of $3bn, while
    // revenues grew 6%"); a party after the verb is its object.
    for (std::size_t begin = 0; begin < tokens_.size(); begin = ClauseEnd(begin)) {
      std::size_t end = ClauseEnd(begin);
      std::size_t verb = end;
      for (const Candidate& found : found_) {
        if (found.begin >= begin && found.begin < verb) verb = found.begin;
      }
      for (std::size_t k = begin; k < verb; ++k) {
        if (IsFigure(k)) verb = k;
      }
      if (std::optional<std::size_t> subject = ClauseSubject(begin, verb)) return mention_of(subject);
    }
    return std::nullopt;
  }
  if (source == "article") return std::nullopt;  // the caller reads FrameSentence::lead
  // A preposition: the party after it, after the trigger within its clause. For the owner it
  // must follow the trigger closely ("profits at X", "inflation in the UK").
  constexpr std::size_t kOwnerReach = 3;
  const std::size_t limit = for_subject ? std::min(clause_end, candidate.end + kOwnerReach) : clause_end;
  // A trigger that ends in the preposition ("stake in", "shares of") has its party right after.
  if (candidate.end > candidate.begin && tokens_[candidate.end - 1].text == source) {
    if (std::optional<std::size_t> party = EntityRunFrom(candidate.end, clause_end)) return mention_of(party);
  }
  for (std::size_t k = candidate.end; k < limit; ++k) {
    // ", or 6.1 pct," restates the figure in apposition: the phrase runs on past it.
    if (tokens_[k].text == "," && k + 2 < limit && tokens_[k + 1].text == "or" && IsFigure(k + 2)) {
      k += 2;
      continue;
    }
    // ", and now hopes to take control of X": past a comma and a conjunction or a relative
    // pronoun the words belong to another predicate.
    if (tokens_[k].text == "," && k + 1 < limit &&
        (tokens_[k + 1].text == "and" || tokens_[k + 1].text == "or" || tokens_[k + 1].text == "but" ||
         tokens_[k + 1].text == "which" || tokens_[k + 1].text == "who")) {
      break;
    }
    if (tokens_[k].text != source) continue;
    if (std::optional<std::size_t> party = EntityRunFrom(k + 1, clause_end)) return mention_of(party);
  }
  return std::nullopt;
}

FrameChoice Chooser::Choose(std::size_t figure) const {
  FrameChoice choice;
  std::size_t at = tokens_.size();
  for (std::size_t k = 0; k < tokens_.size(); ++k) {
    if (tokens_[k].mention == static_cast<int>(figure)) at = k;
  }
  if (at == tokens_.size()) {
    choice.unframed = "no_token";
    return choice;
  }
  const Mention& mention = mentions_[figure];
  unsigned kind = mention.kind == MentionKind::kMoney     ? kFigureMoney
                  : mention.kind == MentionKind::kPercent ? kFigurePercent
                                                          : kFigureCount;
  // A count of a currency word ("40 mln dlrs" where the money recognizer does not read it)
  // is money to the chooser.
  if (kind == kFigureCount && lexicon_.money_nouns.count(mention.amount.counted) > 0) kind = kFigureMoney;
  const std::size_t clause_begin = ClauseBegin(at);
  const std::size_t clause_end = ClauseEnd(at);
  // A figure in brackets right after another ("$1.13bn (£600m)", "1bn Swiss francs ($861m;
  // £451m)") converts it: same frame.
  {
    std::size_t open = at;
    while (open >= 2 && tokens_[open - 1].text == ";" && IsFigure(open - 2)) open -= 2;
    const bool closes = at + 1 < tokens_.size() && (tokens_[at + 1].text == ")" || tokens_[at + 1].text == ";");
    if (open >= 2 && tokens_[open - 1].text == "(" && IsFigure(open - 2) && closes) {
      choice.unframed = "conversion";
      choice.converts = static_cast<std::size_t>(tokens_[open - 2].mention);
      return choice;
    }
  }
  // A comparison figure: "from $639m year-earlier", "vs 49 cts", "compared with 5%".
  {
    std::size_t length = 0;
    bool after = at + 1 < clause_end && InWordList(lexicon_, "@earlier", tokens_, at + 1, clause_end, &length) &&
                 tokens_[at + 1].text != "from" && tokens_[at + 1].text != "against" && tokens_[at + 1].text != "vs" &&
                 tokens_[at + 1].text != "versus" && tokens_[at + 1].text != "compared";
    bool before = false;
    if (at > clause_begin && WordListEndsBefore(lexicon_, "@earlier", tokens_, clause_begin, at)) {
      bool from = tokens_[at - 1].text == "from" || tokens_[at - 1].text == "against";
      bool figure_before = false;
      for (std::size_t k = clause_begin; k + 1 < at; ++k) figure_before = figure_before || IsFigure(k);
      before = !from || figure_before;
    }
    choice.earlier = after || before;
  }
  if (kind == kFigurePercent && at > clause_begin) {
    std::size_t before = at - 1;
    if (tokens_[before].text == "by" && before > clause_begin) --before;
    if (InWordList(lexicon_, "@rise", tokens_, before, before + 1)) choice.change = "up";
    if (InWordList(lexicon_, "@fall", tokens_, before, before + 1)) choice.change = "down";
  }
  std::optional<Candidate> best;
  auto consider = [&](Candidate candidate) {
    if (!best || candidate.score < best->score ||
        (candidate.score == best->score && candidate.end - candidate.begin > best->end - best->begin)) {
      best = candidate;
    }
  };
  // A count's own noun ("1,200 jobs", "464,000 subscribers") is the closest trigger there is.
  if (kind == kFigureCount && !mention.amount.counted.empty()) {
    const std::string_view noun = mention.amount.counted;
    for (std::size_t t = 0; t < lexicon_.triggers.size(); ++t) {
      const FrameTrigger& trigger = lexicon_.triggers[t];
      if (!(trigger.figures & kFigureCount) || !trigger.counted.empty() || trigger.side == TriggerSide::kBefore) continue;
      bool named = std::any_of(trigger.phrases.begin(), trigger.phrases.end(), [&](const std::vector<std::string>& phrase) {
        return phrase.size() == 1 && WordMatches(phrase.front(), noun);
      });
      if (named) consider({t, at, at + 1, trigger.rank});
    }
  }
  // A percentage in apposition to a count ("520,000 shares, or 6.1 pct, of X"): the count's
  // own noun is the trigger, standing where the count stands, for the percent triggers that
  // want "or" before their figure (frames.lex: the stake a share count is).
  if (kind == kFigurePercent && at >= 3 && tokens_[at - 1].text == "or" && tokens_[at - 2].text == ",") {
    const Mention* count = MentionAt(at - 3);
    if (count != nullptr && count->kind == MentionKind::kCount && !count->amount.counted.empty()) {
      for (std::size_t t = 0; t < lexicon_.triggers.size(); ++t) {
        const FrameTrigger& trigger = lexicon_.triggers[t];
        if (!(trigger.figures & kFigurePercent) || std::find(trigger.value_words.begin(), trigger.value_words.end(), "or") == trigger.value_words.end()) continue;
        bool named = std::any_of(trigger.phrases.begin(), trigger.phrases.end(), [&](const std::vector<std::string>& phrase) {
          return phrase.size() == 1 && WordMatches(phrase.front(), count->amount.counted);
        });
        // The phrase runs on past the percentage: "..., or 6.1 pct, of X" names the company.
        if (named) consider({t, at - 3, at + 1, trigger.rank});
      }
    }
  }
  constexpr std::size_t kMaxGapBefore = 14;
  constexpr std::size_t kMaxGapAfter = 5;
  constexpr int kMaxCompound = 2;
  for (const Candidate& found : found_) {
    if (clause_[found.begin] != clause_[at]) continue;
    const FrameTrigger& trigger = lexicon_.triggers[found.trigger];
    if (!(trigger.figures & kind)) continue;
    // Counts take only triggers that name them: a verb restricted to the nouns it counts.
    if (kind == kFigureCount) {
      if (trigger.counted.empty()) continue;
      if (std::find(trigger.counted.begin(), trigger.counted.end(), mention.amount.counted) == trigger.counted.end()) continue;
    }
    Candidate candidate = found;
    // "against the euro", "159 yen to the dollar": a currency after these words is the unit
    // a rate is quoted in, not the currency it measures.
    if (found.begin > 0 && trigger.subject.size() == 1 && trigger.subject.front() == "trigger") {
      std::size_t before = found.begin - 1;
      if (tokens_[before].text == "the" && before > 0) --before;
      const std::string_view previous = tokens_[before].text;
      if (previous == "against" || previous == "to" || previous == "per" || previous == "versus" || previous == "vs") continue;
    }
    if (found.end <= at) {
      if (trigger.side == TriggerSide::kAfter) continue;
      // A comparison figure ("Net 5.5 mln vs 4.1 mln") follows its own cue, not the trigger.
      if (!trigger.value_words.empty() && !choice.earlier) {
        std::string_view previous = at > 0 ? tokens_[at - 1].text : "";
        if (std::find(trigger.value_words.begin(), trigger.value_words.end(), previous) == trigger.value_words.end()) continue;
      }
      double gap = 0;
      for (std::size_t k = found.end; k < at; ++k) {
        if (IsFigure(k)) continue;
        gap += tokens_[k].text == "," ? 2 : 1;
      }
      if (gap > kMaxGapBefore) continue;
      candidate.score = 1 + gap;
    } else if (found.begin > at) {
      if (trigger.side == TriggerSide::kBefore) continue;
      // "a $300m settlement", "$20m in new funding": modifiers only, or one "in"/"of".
      int words = 0;
      bool compound = true;
      std::size_t gap = 0;
      bool crossed = false;
      for (std::size_t k = at + 1; k < found.begin; ++k) {
        const std::string_view word = tokens_[k].text;
        // Past a comma or a conjunction the trigger heads another phrase ("..., or one mln
        // dlrs after the payment of expenses", "27.5 mln dlrs and the assumption of liabilities").
        if (word == "," || word == "and" || word == "or" || word == "-") crossed = true;
        // A conversion in brackets ("331bn yen ($2.7bn) profit") stands outside the phrase.
        if (word == "(" || word == ")" || IsFigure(k)) continue;
        ++gap;
        bool connector = k == at + 1 && (word == "in" || word == "of" || word == "worth");
        if (connector) continue;
        if (!IsWord(tokens_[k]) || In(kPrepositions, word) || In(kPhraseBreakers, word) || In(kBeForms, word) ||
            ++words > kMaxCompound) {
          compound = false;
        }
      }
      if (gap > kMaxGapAfter || crossed) continue;
      candidate.score = compound ? 0.5 + static_cast<double>(gap) : 3 + 1.5 * static_cast<double>(gap);
    } else {
      continue;  // the trigger overlaps the figure
    }
    if (!trigger.counted.empty()) candidate.score -= 1.5;  // "cut 1,200 jobs" beats the noun's own frame
    candidate.score += trigger.rank;
    consider(candidate);
  }
  if (!best) {
    choice.unframed = "no_trigger";
    return choice;
  }
  // A per-share price or a share count's price in a bid's clause is the bid's price.
  if (const std::string& yield = lexicon_.triggers[best->trigger].yield; !yield.empty() && kind == kFigureMoney) {
    std::optional<Candidate> taker;
    auto distance = [&](const Candidate& c) { return c.begin > at ? c.begin - at : at - c.begin; };
    for (const Candidate& found : found_) {
      const FrameTrigger& other = lexicon_.triggers[found.trigger];
      if (clause_[found.begin] != clause_[at] || other.frame != yield || !(other.figures & kFigureMoney)) continue;
      if (found.begin <= at && found.end > at) continue;
      if (!taker || distance(found) < distance(*taker)) taker = found;
    }
    if (taker) {
      choice.per_share = lexicon_.triggers[best->trigger].frame == "eps";
      best = taker;
    }
  }
  const FrameTrigger& trigger = lexicon_.triggers[best->trigger];
  choice.frame = trigger.frame;
  choice.measure = lexicon_.measures.count(trigger.frame) > 0;
  // "28 dlrs each", "35 dlrs cash per share", "34 dlr-a-share", "60.50 dlrs per common share":
  // a money figure the words after it price one share (or unit) of something. Two offers of one
  // deal then compare per share, not a share's price against the whole deal's.
  if (kind == kFigureMoney && !choice.measure) choice.per_share = choice.per_share || PricesOneShare(at);
  choice.origin = trigger.origin;
  choice.modality = trigger.modality;
  choice.trigger_begin = tokens_[best->begin].begin;
  choice.trigger_end = tokens_[best->end - 1].end;
  for (std::size_t k = best->begin; k < best->end; ++k) {
    choice.trigger += (choice.trigger.empty() ? "" : " ") + std::string(tokens_[k].text);
  }
  if (best->begin == at) {  // the count's own noun
    choice.trigger = mention.amount.counted;
    choice.trigger_begin = tokens_[at].begin;
    choice.trigger_end = tokens_[at].end;
  } else if (const Mention* count = MentionAt(best->begin); count != nullptr && count->kind == MentionKind::kCount) {
    // The noun of the count a percentage stands in apposition to ("520,000 shares, or 6.1 pct").
    choice.trigger = count->amount.counted;
    choice.trigger_begin = tokens_[best->begin].begin;
    choice.trigger_end = tokens_[best->begin].end;
  }
  // A passive verb trigger ("X was bought by Y for $2bn") turns the parties round.
  // A participle with its agent ("the price offered by X", "to be owned by X") is passive too.
  const std::string_view last_word = tokens_[best->end - 1].text;
  const bool agent = best->end < clause_end && tokens_[best->end].text == "by" && last_word.size() > 3 &&
                     (last_word.ends_with("ed") || last_word == "held" || last_word == "bought" || last_word == "sold");
  const bool passive = (best->begin > clause_begin && In(kBeForms, tokens_[best->begin - 1].text) && best->begin < at) || agent;
  auto read = [&](const std::vector<std::string>& sources, bool for_subject) -> std::optional<std::size_t> {
    blocked_ = false;
    for (const std::string& source : sources) {
      if (blocked_) break;
      if (source == "trigger") {
        if (for_subject) choice.subject_is_trigger = true;
        return std::nullopt;
      }
      if (source == "article") {
        if (sentence_.lead) return sentence_.lead;
        if (for_subject && !sentence_.title_owner.empty()) {
          choice.owner_text = std::string(sentence_.title_owner);
          choice.owner_from_title = true;
          return std::nullopt;
        }
        continue;
      }
      if (source == "economy") {
        Economy economy = EconomyOf(*best);
        if (economy.place) return economy.place;
        if (!economy.name.empty() && for_subject) {
          choice.owner_text = economy.name;
          choice.owner_begin = tokens_[economy.begin].begin;
          choice.owner_end = tokens_[economy.end - 1].end;
          return std::nullopt;
        }
        continue;
      }
      std::optional<std::size_t> party = Source(source, *best, at, for_subject);
      // An owner of the wrong kind ("the IMF" for a country's growth, a dateline city for a
      // company's sales) is not taken: the next source is tried, and no owner beats a wrong one.
      // A name no lexicon types, right at an economy's measure ("inflation in Freedonia",
      // "Freedonia's growth"), is the place it is measured in; as a clause's subject it may be
      // the forecaster, and a place must be known as one.
      const bool place_by_syntax = source == "possessor" || source == "in" || source == "of";
      const bool places_only = trigger.owner_types.size() == 1 && trigger.owner_types.front() == EntityType::kPlace;
      if (party && for_subject && !trigger.owner_types.empty() && *party < mentions_.size() &&
          mentions_[*party].entity.type != EntityType::kPronoun &&
          !(places_only && place_by_syntax && mentions_[*party].entity.type == EntityType::kUnknown) &&
          std::find(trigger.owner_types.begin(), trigger.owner_types.end(), mentions_[*party].entity.type) ==
              trigger.owner_types.end()) {
        continue;
      }
      if (party) return party;
    }
    return std::nullopt;
  };
  static const std::vector<std::string> kDefaultSubject = {"possessor", "at", "clause", "sentence", "article"};
  const std::vector<std::string>& subject_sources = trigger.subject.empty() ? kDefaultSubject : trigger.subject;
  if (passive) {
    choice.subject = read({"by"}, true);
    choice.counterparty = read(agent && !trigger.counterparty.empty() ? trigger.counterparty : std::vector<std::string>{"clause"}, false);
    if (agent && !choice.counterparty) choice.counterparty = read({"clause"}, false);
  } else {
    held_.reset();
    choice.subject = read(subject_sources, true);
    choice.counterparty = read(trigger.counterparty, false);
    if (!choice.counterparty && held_ && !trigger.counterparty.empty()) choice.counterparty = held_;
  }
  if (choice.counterparty && choice.subject && *choice.counterparty == *choice.subject) choice.counterparty.reset();
  return choice;
}

}  // namespace

std::string_view WireTitleCompany(std::string_view title) {
  // "NL INDUSTRIES INC <NL> 4TH QTR DEC 31 LOSS": the words before " <TICKER>", written in
  // capitals as wire titles are.
  std::size_t ticker = title.find(" <");
  if (ticker == std::string_view::npos || ticker == 0 || title.find('>', ticker) == std::string_view::npos) return {};
  std::string_view company = title.substr(0, ticker);
  if (std::any_of(company.begin(), company.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); })) return {};
  return company;
}

bool IsNotOwnerName(const FrameLexicon& lexicon, std::string_view name) {
  std::string lower;
  lower.reserve(name.size());
  for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return lexicon.not_owners.count(lower) > 0;
}

std::vector<FrameChoice> ChooseFrames(const FrameLexicon& lexicon, const FrameSentence& sentence,
                                      const std::vector<std::size_t>& figures) {
  std::vector<FrameChoice> choices;
  choices.reserve(figures.size());
  if (lexicon.empty()) {
    choices.resize(figures.size());
    for (FrameChoice& choice : choices) choice.unframed = "no_lexicon";
    return choices;
  }
  Chooser chooser(lexicon, sentence);
  for (std::size_t figure : figures) choices.push_back(chooser.Choose(figure));
  // A conversion in brackets takes the choice of the figure it converts.
  for (std::size_t k = 0; k < choices.size(); ++k) {
    if (!choices[k].converts) continue;
    const std::size_t converted = *choices[k].converts;
    for (std::size_t j = 0; j < k; ++j) {
      if (figures[j] == converted) {
        choices[k] = choices[j];
        choices[k].converts = converted;
        break;
      }
    }
  }
  return choices;
}

}  // namespace concord::extract
