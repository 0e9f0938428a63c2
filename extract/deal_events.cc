// Deal and contract claims from a trigger word outwards.
//
// A sentence is read as tokens (words, punctuation, one token per mention) cut into clauses
// at ';' (the tagger already turned ", but", "... said that" and the like into ';'). Each
// trigger of deals.lex found in a clause reads its parties from the places its entry names:
// the clause's subject (the nearest party before the trigger that is not the object of a
// preposition or a possessor), a possessor ("X's takeover", "the X bid"), the party right
// after it, or the party after a preposition ("stake in X", "offer for X", "sold to X").
// Around the trigger it reads a retreat or a refusal ("ended its alliance with", "was turned
// down"), the deal's term ("a five-year deal", "runs to the end of 2028") and its condition
// ("subject to a shareholder vote"). The rejected alternative, one pattern per phrasing
// (contract.rules), needs a template for each way news writes a deal; real news has more.

#include "extract/deal_events.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "extract/rules.h"

namespace concord::extract {
namespace {

// --- Tokens --------------------------------------------------------------------------------

enum class Kind { kWord, kParty, kFigure, kDate, kPunct };

struct Token {
  Kind kind = Kind::kWord;
  std::size_t begin = 0, end = 0;  // tagged offsets
  std::string_view text;           // a word, one punctuation character, or a mention token
  std::size_t mention = 0;         // mention index for a mention token
};

bool IsWordByte(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '-' || c == '&' || c == '.' || u >= 0x80;
}

// `article` lets a wire ticker after a name ("Standard Oil Co <SRD>", "Exxon Corp <XON>") be
// dropped: it names the party just named, and would otherwise read as a second party.
std::vector<Token> Tokenize(std::string_view tagged, const std::vector<Mention>& mentions, std::string_view article) {
  std::vector<Token> tokens;
  std::size_t at = 0;
  while (at < tagged.size()) {
    if (tagged.compare(at, kTokenOpen.size(), kTokenOpen) == 0) {
      std::optional<MentionToken> read = ReadMentionToken(tagged, at);
      if (!read) break;
      Token token{Kind::kParty, at, read->end, tagged.substr(at, read->end - at)};
      if (read->index) token.mention = *read->index;
      // A token that names no mention is no party: it is read as a word.
      if (!read->index || token.mention >= mentions.size()) token.kind = Kind::kWord;
      if (token.mention < mentions.size()) {
        switch (mentions[token.mention].kind) {
          case MentionKind::kEntity: token.kind = Kind::kParty; break;
          case MentionKind::kDate:
          case MentionKind::kDuration: token.kind = Kind::kDate; break;
          default: token.kind = Kind::kFigure;
        }
      }
      const bool ticker = token.kind == Kind::kParty && token.mention < mentions.size() &&
                          mentions[token.mention].span.begin > 0 && article[mentions[token.mention].span.begin - 1] == '<';
      const bool after_name = !tokens.empty() && (tokens.back().kind == Kind::kParty || tokens.back().text == "'s");
      if (!(ticker && after_name)) tokens.push_back(token);
      at = token.end;
      continue;
    }
    const char c = tagged[at];
    if (c == ' ' || c == '>') {
      ++at;
      continue;
    }
    // Wire tickers ("<GE>", "<MITT.T>") are dropped; brackets around a name ("<Users Inc>") too.
    if (c == '<') {
      std::size_t close = tagged.find('>', at);
      std::size_t token = tagged.find(kTokenOpen, at);
      constexpr std::size_t kMaxTicker = 16;
      at += close != std::string_view::npos && close < at + kMaxTicker && token > close ? close - at + 1 : 1;
      continue;
    }
    if (c == '\'' && at + 1 < tagged.size() && tagged[at + 1] == 's') {  // possessive "'s"
      bool alone = at + 2 >= tagged.size() || !IsWordByte(tagged[at + 2]);
      if (alone) {
        tokens.push_back({Kind::kWord, at, at + 2, tagged.substr(at, 2)});
        at += 2;
        continue;
      }
    }
    if (IsWordByte(c) && c != '.') {
      std::size_t end = at;
      while (end < tagged.size() && (IsWordByte(tagged[end]) || tagged[end] == '\'') &&
             tagged.compare(end, kTokenOpen.size(), kTokenOpen) != 0) {
        ++end;
      }
      // A word's trailing full stop is the sentence's, unless the word holds one ("u.s.").
      while (end > at + 1 && tagged[end - 1] == '.' && tagged.substr(at, end - at - 1).find('.') == std::string_view::npos) --end;
      tokens.push_back({Kind::kWord, at, end, tagged.substr(at, end - at)});
      at = end;
      continue;
    }
    tokens.push_back({Kind::kPunct, at, at + 1, tagged.substr(at, 1)});
    ++at;
  }
  return tokens;
}

bool WordMatches(std::string_view pattern, std::string_view word) {
  if (!pattern.empty() && pattern.back() == '*') return word.starts_with(pattern.substr(0, pattern.size() - 1));
  return pattern == word;
}

// Length in tokens of `phrase` at tokens[at], or 0.
std::size_t MatchPhrase(const std::vector<Token>& tokens, std::size_t at, std::size_t end,
                        const std::vector<std::string>& phrase) {
  if (at + phrase.size() > end) return 0;
  for (std::size_t k = 0; k < phrase.size(); ++k) {
    const Token& token = tokens[at + k];
    if (token.kind != Kind::kWord || !WordMatches(phrase[k], token.text)) return 0;
  }
  return phrase.size();
}

// Length of the longest phrase of `list` that starts at tokens[at], or 0.
std::size_t MatchList(const std::vector<std::vector<std::string>>* list, const std::vector<Token>& tokens,
                      std::size_t at, std::size_t end) {
  if (list == nullptr || at >= end || tokens[at].kind != Kind::kWord || tokens[at].text.empty()) return 0;
  std::size_t best = 0;
  const char first = tokens[at].text.front();
  for (const auto& phrase : *list) {
    // Most phrases differ from the word in its first letter ('*' only ends a pattern).
    if (phrase.empty() || phrase.front().empty() || phrase.front().front() != first) continue;
    best = std::max(best, MatchPhrase(tokens, at, end, phrase));
  }
  return best;
}

bool IsWord(const Token& token, std::initializer_list<std::string_view> words) {
  return token.kind == Kind::kWord && std::find(words.begin(), words.end(), token.text) != words.end();
}

// Prepositions: a party right after one is not a clause's subject.
bool IsPreposition(const Token& token) {
  return IsWord(token, {"of", "in", "for", "with", "from", "by", "to", "at", "on", "into", "under", "against", "over",
                        "about", "than", "including", "like", "between", "among", "through", "via"});
}

// Words that may stand between a trigger and its object ("bought the X unit").
bool IsFiller(const Token& token) {
  return IsWord(token, {"the", "a", "an", "all", "its", "their", "his", "her", "rival", "control", "outright",
                        "remaining", "outstanding", "issued", "entire", "whole", "troubled", "struggling",
                        "smaller", "larger", "british", "us", "u.s.", "german", "french", "japanese"});
}

// Words that end an object phrase: the next clause or verb group begins.
bool IsBarrier(const Token& token) {
  if (token.kind == Kind::kPunct) return token.text != "-" && token.text != "'" && token.text != "\"";
  return IsWord(token, {"said", "says", "and", "or", "which", "who", "that", "because", "after", "before", "when",
                        "while", "but", "was", "is", "were", "are", "will", "would", "has", "had", "have", "be",
                        "been", "as", "if", "unless", "it", "to"});
}

// --- The reader ------------------------------------------------------------------------------

struct Party {
  std::size_t token = 0;
  std::optional<std::size_t> second;  // "X and Y": Y's token
  bool pair = false;                  // read by a pair source: X and Y are the two sides
  std::string source = {};            // the lexicon source that found it
};

struct Reader {
  const DealLexicon& lexicon;
  const DealSentence& sentence;
  const std::vector<Mention>& mentions;
  std::vector<Token> tokens;

  const std::vector<std::vector<std::string>>* List(const std::string& name) const {
    auto found = lexicon.word_lists.find(name);
    return found == lexicon.word_lists.end() ? nullptr : &found->second;
  }

  std::vector<bool> party;  // per token: a party token that can fill a role (MarkParties)

  void MarkParties() {
    party.assign(tokens.size(), false);
    const auto* not_party = List("@not_party");
    for (std::size_t t = 0; t < tokens.size(); ++t) {
      if (tokens[t].kind != Kind::kParty) continue;
      // A place modifier ("Paris-based", "Ohio-based") is not a party.
      if (t + 1 < tokens.size() && tokens[t + 1].kind == Kind::kWord && tokens[t + 1].text.starts_with("-")) continue;
      std::string lower;
      for (char c : mentions[tokens[t].mention].text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      bool excluded = false;
      if (not_party != nullptr) {
        for (const auto& phrase : *not_party) excluded = excluded || (phrase.size() == 1 && phrase[0] == lower);
      }
      party[t] = !excluded;
    }
  }

  bool IsPartyToken(std::size_t t) const { return t < party.size() && party[t]; }

  bool Possessive(std::size_t t) const { return t + 1 < tokens.size() && tokens[t + 1].text == "'s"; }

  bool IsPlace(std::size_t t) const { return mentions[tokens[t].mention].entity.type == EntityType::kPlace; }

  bool IsReference(std::size_t t, std::initializer_list<std::string_view> words) const {
    const Mention& mention = mentions[tokens[t].mention];
    if (mention.entity.type != EntityType::kPronoun) return false;
    std::string lower;
    for (char c : mention.text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::find(words.begin(), words.end(), lower) != words.end();
  }

  // A party that is the object of a preposition: "in X", "in the X".
  bool AfterPreposition(std::size_t t, std::size_t clause_begin) const {
    if (t > clause_begin && IsPreposition(tokens[t - 1])) return true;
    return t > clause_begin + 1 && IsWord(tokens[t - 1], {"the", "a", "an", "its", "his", "their", "her"}) &&
           IsPreposition(tokens[t - 2]);
  }

  // Tokens inside ", which/who/whose ... ," (a relative clause): its parties are not the
  // main clause's subject, and a trigger inside it acts for the party before it.
  std::vector<bool> relative;
  void MarkRelatives() {
    relative.assign(tokens.size(), false);
    for (std::size_t t = 0; t + 1 < tokens.size(); ++t) {
      if (tokens[t].text != "," || !IsWord(tokens[t + 1], {"which", "who", "whose"})) continue;
      for (std::size_t k = t + 1; k < tokens.size() && tokens[k].text != "," && tokens[k].text != ";"; ++k) {
        relative[k] = true;
      }
    }
  }

  // The party a relative clause starting before `t` is about ("X, which owns ...").
  std::optional<Party> RelativeHead(std::size_t clause_begin, std::size_t t) const {
    if (t >= relative.size() || !relative[t]) return std::nullopt;
    std::size_t k = t;
    while (k > clause_begin && relative[k]) --k;
    // k is the comma before "which": the head is the nearest party before it.
    for (std::size_t h = k; h > clause_begin && h + 4 > k;) {
      --h;
      if (IsPartyToken(h) && !IsReference(h, {"it", "they"})) return Party{h, std::nullopt};
    }
    return std::nullopt;
  }

  // "X and Y" / "X, Y and Z" ending at token t: the first party's token.
  std::optional<std::size_t> CoordinatedBefore(std::size_t t, std::size_t clause_begin) const {
    if (t < clause_begin + 2 || !IsWord(tokens[t - 1], {"and", "&"})) return std::nullopt;
    std::size_t k = t - 2;
    if (!IsPartyToken(k)) return std::nullopt;
    while (k >= clause_begin + 2 && tokens[k - 1].text == "," && IsPartyToken(k - 2)) k -= 2;
    return k;
  }

  // The clause's subject before token `before`: the nearest party that is neither after a
  // preposition nor a possessor; with "X and Y", X and Y.
  std::optional<Party> ClauseSubject(std::size_t clause_begin, std::size_t before) const {
    if (std::optional<Party> inside = ClauseSubjectPass(clause_begin, before, false)) return inside;
    return ClauseSubjectPass(clause_begin, before, true);  // "Egypt commissioned X"
  }

  // "X's board approved ...": the board acts for X.
  bool AgentPossessive(std::size_t t) const {
    for (std::size_t k = t + 2; k < tokens.size() && k < t + 5; ++k) {
      if (IsWord(tokens[k], {"board", "shareholders", "directors", "management", "owners", "chairman", "president",
                             "chief", "boss", "executives"})) {
        return true;
      }
      if (tokens[k].kind != Kind::kWord || IsBarrier(tokens[k])) return false;
    }
    return false;
  }

  std::optional<Party> ClauseSubjectPass(std::size_t clause_begin, std::size_t before, bool places) const {
    if (std::optional<Party> head = RelativeHead(clause_begin, before > 0 ? before - 1 : 0)) {
      // Only when no party of the relative clause itself stands before the trigger.
      bool own = false;
      for (std::size_t k = before; k > clause_begin && relative[k - 1];) {
        --k;
        own = own || (IsPartyToken(k) && !AfterPreposition(k, clause_begin) && !Possessive(k));
      }
      if (!own) return head;
    }
    const bool trigger_relative = before > 0 && before - 1 < relative.size() && relative[before - 1];
    for (std::size_t t = before; t > clause_begin;) {
      --t;
      if (!trigger_relative && relative[t]) continue;
      if (!IsPartyToken(t) || IsPlace(t) != places) continue;
      if (Possessive(t) && !AgentPossessive(t)) continue;
      // The ticker or short form right after a name ("Purolator Courier Corp <PCC>") is that name.
      if (t > clause_begin && tokens[t - 1].kind == Kind::kParty && tokens[t - 1].end + 4 > tokens[t].begin) continue;
      if (AfterPreposition(t, clause_begin)) continue;
      // "bought the X unit": a party after an article is an object, unless it opens the clause.
      if (t > clause_begin + 1 && IsWord(tokens[t - 1], {"the", "a", "an"})) continue;
      // "they" after "X and Y ...": the pair.
      if (IsReference(t, {"they"})) {
        for (std::size_t k = t; k > 0;) {
          --k;
          if (!IsPartyToken(k)) continue;
          if (std::optional<std::size_t> first = CoordinatedBefore(k, 0)) return Party{*first, k};
        }
      }
      if (std::optional<std::size_t> first = CoordinatedBefore(t, clause_begin)) {
        if (AfterPreposition(*first, clause_begin)) continue;
        return Party{*first, t};
      }
      return Party{t, std::nullopt};
    }
    return std::nullopt;
  }

  // The party right after tokens[from], past a few filler words; with "X and Y" both.
  // Skipped: articles and adjectives, figures ("49 pct of X"), a few common nouns ("the
  // derivatives market X", "all shares of X"), a possessor ("X corp's Y division").
  std::optional<Party> PartyAfter(std::size_t from, std::size_t end) const {
    constexpr int kMaxSkipped = 5;
    std::size_t t = from;
    for (int skipped = 0; t < end && skipped < kMaxSkipped; ++skipped, ++t) {
      const Token& token = tokens[t];
      // "a KDD rival", "X customers": the name modifies someone else.
      const bool modifier = t + 1 < end && IsWord(tokens[t + 1], {"rival", "rivals", "competitor", "competitors", "customer",
                                                                  "customers", "supplier", "suppliers", "partner", "partners",
                                                                  "client", "clients", "shareholders", "executives"});
      if (IsPartyToken(t) && !Possessive(t) && !modifier) break;
      if (token.kind == Kind::kParty || token.kind == Kind::kFigure || token.text == "'s" || token.text == "\"") continue;
      // "its wholly owned unit, X": an appositive after a descriptor.
      if (token.text == "," && t > from && IsWord(tokens[t - 1], {"unit", "subsidiary", "affiliate", "company", "firm", "group", "venture"})) continue;
      if (token.kind == Kind::kWord && token.text.starts_with("-")) continue;  // "X-based"
      if (token.kind != Kind::kWord) return std::nullopt;
      if (IsFiller(token) || token.text == "of") continue;
      if (IsBarrier(token) || IsPreposition(token)) return std::nullopt;
    }
    if (t >= end || !IsPartyToken(t)) return std::nullopt;
    Party party{t, std::nullopt};
    // "X and the Y firm Z": a second party of the same role.
    for (std::size_t k = t + 2; k < end && k < t + 6 && IsWord(tokens[t + 1], {"and", "&"}); ++k) {
      if (IsPartyToken(k)) {
        party.second = k;
        break;
      }
      if (tokens[k].kind != Kind::kWord || IsBarrier(tokens[k]) || IsPreposition(tokens[k])) break;
    }
    return party;
  }

  // The party after the first `word` within a few tokens after the trigger.
  std::optional<Party> AfterWord(std::string_view word, std::size_t trigger_end, std::size_t end,
                                 bool phrase_ends_with_word) const {
    if (phrase_ends_with_word) return PartyAfter(trigger_end, end);
    // The buyer of a sale or the agent of a passive may stand after what is sold ("the sale
    // of all shares of X and related assets to Y"); other roles stop at the first party.
    const bool far = word == "to" || word == "by";
    const std::size_t window = far ? 16 : 9;
    std::size_t limit = trigger_end + window;
    for (std::size_t t = trigger_end; t < end && t < limit; ++t) {
      if (tokens[t].text == "(") {  // "offered 1.3bn ($2.48bn; 1.88bn euros) for X"
        std::size_t close = t;
        while (close < end && tokens[close].text != ")") ++close;
        limit += close - t + 1;
        t = close;
        continue;
      }
      if (tokens[t].kind == Kind::kWord && tokens[t].text == word) return PartyAfter(t + 1, end);
      if (IsWord(tokens[t], {"said", "which", "who", "because", "but"})) break;
      if (!far && IsWord(tokens[t], {"and"})) break;
      // The phrase names another party first (not one after a preposition or in an appositive).
      if (!far && IsPartyToken(t) && !Possessive(t) && !AfterPreposition(t, trigger_end) && tokens[t - 1].text != ",") break;
    }
    return std::nullopt;
  }

  // "X's takeover", "the X bid", "X's planned 1.3bn offer": the party that owns a noun trigger.
  // "its takeover" is the clause subject's. Empty when none.
  std::optional<Party> Possessor(std::size_t clause_begin, std::size_t trigger) const {
    constexpr int kMaxModifiers = 5;
    std::size_t t = trigger;
    for (int k = 0; k < kMaxModifiers && t > clause_begin; ++k) {
      --t;
      const Token& token = tokens[t];
      if (token.text == "'s" && t > clause_begin && IsPartyToken(t - 1)) return Party{t - 1, std::nullopt};
      if (IsPartyToken(t)) {
        bool determiner = t == clause_begin || IsWord(tokens[t - 1], {"the", "a", "an"}) || tokens[t - 1].kind == Kind::kPunct;
        if (determiner) return Party{t, std::nullopt};
        return std::nullopt;
      }
      if (IsWord(token, {"its", "their", "his", "her"})) {
        if (auto owner = ClauseSubject(clause_begin, t)) return owner;
        // "X's main asset is its stake in Y": the clause's possessor.
        for (std::size_t k = clause_begin; k < t; ++k) {
          if (IsPartyToken(k) && !IsPlace(k)) return Party{k, std::nullopt};
        }
        return std::nullopt;
      }
      if (token.kind == Kind::kFigure || token.kind == Kind::kDate) continue;
      // "a" ends the modifiers, except in "25 dlrs a share".
      const bool article_a = token.text == "a" && !(t + 1 < trigger && IsWord(tokens[t + 1], {"share", "shr"}));
      if (token.kind != Kind::kWord || IsBarrier(token) || IsPreposition(token) || article_a ||
          IsWord(token, {"the", "an", "this", "that"})) {
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // "in a sale", "about the possible sale", "without the purchase of": the noun is not what
  // the clause's subject does. "an agreement for the sale of" is.
  bool NounAfterPreposition(std::size_t clause_begin, std::size_t trigger) const {
    std::size_t k = trigger;
    for (int modifiers = 0; k > clause_begin && modifiers < 3; ++modifiers) {
      const Token& before = tokens[k - 1];
      if (IsPreposition(before) || IsWord(before, {"without", "about"})) {
        if (k < clause_begin + 2) return true;
        if (before.text == "into") return !IsWord(tokens[k - 2], {"entered", "enter", "enters", "entering"});
        if (before.text != "for") return true;
        return !IsWord(tokens[k - 2], {"agreement", "deal", "plan", "plans", "talks", "negotiations", "contract", "accord"});
      }
      // "X is a joint venture of Y and Z": X is the venture, not a party to it.
      if (IsWord(before, {"a", "an"}) && k >= clause_begin + 2 &&
          IsWord(tokens[k - 2], {"is", "was", "are", "were", "be", "become", "became", "remains"})) {
        return true;
      }
      if (!IsWord(before, {"the", "a", "an", "its", "their", "his", "her", "possible", "proposed", "planned", "any",
                           "further", "potential", "previous", "new"})) {
        return false;
      }
      --k;
    }
    return false;
  }

  std::optional<Party> FromSource(const std::string& source, std::size_t clause_begin, std::size_t clause_end,
                                  std::size_t trigger, std::size_t trigger_end, const std::vector<std::string>& phrase,
                                  bool form_is_verb) const {
    if (source == "clause" || source == "pair") {
      // "in a sale forced by", "about the possible sale": a noun after a preposition is not
      // what the clause's subject does.
      if (!form_is_verb && NounAfterPreposition(clause_begin, trigger)) return std::nullopt;
      std::optional<Party> party = ClauseSubject(clause_begin, trigger);
      if (source == "pair") {
        if (!party || !party->second) return std::nullopt;
        party->pair = true;
      }
      return party;
    }
    if (source == "whereby") {  // "an agreement under which X will ...", "whereby X"
      for (std::size_t t = trigger_end; t + 1 < clause_end && t < trigger_end + 4; ++t) {
        if (IsWord(tokens[t], {"whereby"})) return PartyAfter(t + 1, clause_end);
        if (IsWord(tokens[t], {"under", "in"}) && IsWord(tokens[t + 1], {"which"})) return PartyAfter(t + 2, clause_end);
      }
      return std::nullopt;
    }
    if (source == "ofpair") {
      std::optional<Party> party = AfterWord("of", trigger_end, clause_end, false);
      if (!party || !party->second) return std::nullopt;
      party->pair = true;
      return party;
    }
    if (source == "possessor") return Possessor(clause_begin, trigger);
    if (source == "object") return PartyAfter(trigger_end, clause_end);
    return AfterWord(source, trigger_end, clause_end, !phrase.empty() && phrase.back() == source);
  }

  Role RoleOf(std::size_t t) const {
    const Mention* mention = &mentions[tokens[t].mention];
    // A reference ("it", "the company") stands for the latest organisation named before it.
    if (mention->entity.type == EntityType::kPronoun) {
      // "the latter", "the former" point at one of two names: not guessed here.
      if (mention->text.find("latter") != std::string::npos || mention->text.find("former") != std::string::npos) return {};
      // "X said it ...": the subject of the sentence before the reference.
      std::optional<Party> before = t > 0 ? ClauseSubjectPass(0, t, false) : std::nullopt;
      const Mention* speaker = before ? &mentions[tokens[before->token].mention] : nullptr;
      if (speaker != nullptr && speaker->entity.type == EntityType::kPronoun) {
        // "The latter said it ...": as unresolved as the reference before it.
        if (speaker->text.find("latter") != std::string::npos || speaker->text.find("former") != std::string::npos) return {};
        mention = Antecedent(tokens[before->token].mention);
      } else if (speaker != nullptr && speaker->entity.type != EntityType::kPerson) {
        mention = speaker;
      } else {
        mention = Antecedent(tokens[t].mention);
      }
      if (mention == nullptr) return {};
    }
    Role role;
    role.text = mention->text;
    role.span = mention->span;
    role.entity = mention->entity;
    return role;
  }

  const Mention* Antecedent(std::size_t index) const {
    constexpr std::size_t kSentencesBack = 2;
    const Mention& reference = mentions[index];
    const bool person = reference.text == "he" || reference.text == "He" || reference.text == "she" || reference.text == "She";
    for (std::size_t k = index; k > 0;) {
      --k;
      const Mention& candidate = mentions[k];
      if (candidate.sentence + kSentencesBack < reference.sentence) break;
      if (candidate.kind != MentionKind::kEntity || candidate.entity.type == EntityType::kPronoun ||
          candidate.entity.type == EntityType::kPlace) {
        continue;
      }
      if ((candidate.entity.type == EntityType::kPerson) != person) continue;
      return &candidate;
    }
    return nullptr;
  }

  // A phrase of `list` ending just before token `at` or within `window` tokens before it.
  // `skip_short`: a bare "not", "never", "no" does not count.
  bool CueBefore(const std::string& list, std::size_t clause_begin, std::size_t at, std::size_t window,
                 bool skip_short = false) const {
    const auto* phrases = List(list);
    std::size_t from = at > clause_begin + window ? at - window : clause_begin;
    for (std::size_t t = from; t < at; ++t) {
      if (std::size_t n = MatchList(phrases, tokens, t, at)) {
        const bool short_negation = IsWord(tokens[t], {"not", "never", "no", "without", "against"});
        if (short_negation && skip_short) continue;
        if (!short_negation || t + n + 3 >= at) return true;
      }
    }
    return false;
  }

  // A retreat or refusal told after the deal: "was turned down", "has been terminated",
  // "which was later terminated", "expired".
  bool CueAfter(const std::string& list, std::size_t from, std::size_t clause_end) const {
    constexpr std::size_t kWindow = 14;
    const auto* phrases = List(list);
    for (std::size_t t = from; t < clause_end && t < from + kWindow; ++t) {
      if (IsWord(tokens[t], {"expired", "lapsed"}) && list == "@ceased") return true;
      if (!IsWord(tokens[t], {"was", "were", "been", "be", "is", "are"})) continue;
      for (std::size_t k = t + 1; k < clause_end && k <= t + 2; ++k) {
        if (MatchList(phrases, tokens, k, clause_end) > 0) return true;
      }
    }
    return false;
  }

  std::string Original(std::size_t tagged_begin, std::size_t tagged_end) const {
    const auto& original = *sentence.original;
    if (tagged_begin >= original.size()) return "";
    std::size_t b = original[tagged_begin];
    std::size_t e = tagged_end < original.size() ? original[tagged_end] : sentence.span.end;
    // A mention token maps to its start only: end it at the mention's end.
    if (tagged_end > 0 && tagged_end - 1 < original.size()) e = std::max(e, original[tagged_end - 1] + 1);
    if (e > sentence.span.end) e = sentence.span.end;
    std::string text(sentence.article_text.substr(b, e > b ? e - b : 0));
    while (!text.empty() && (text.back() == ' ' || text.back() == ',' || text.back() == '.')) text.pop_back();
    return text;
  }

  std::string TokenText(std::size_t t) const {
    if (tokens[t].kind != Kind::kWord && tokens[t].kind != Kind::kPunct) return mentions[tokens[t].mention].text;
    return Original(tokens[t].begin, tokens[t].end);
  }

  void AddTermAndCondition(std::size_t clause_begin, std::size_t clause_end, std::size_t trigger,
                           std::size_t trigger_end, Claim& claim) const;
  void AddClaim(const DealTrigger& entry, const std::vector<std::string>& phrase, std::size_t clause_begin,
                std::size_t clause_end, std::size_t trigger, std::size_t trigger_end, std::vector<Claim>& out) const;
  bool ObjectFits(const DealTrigger& entry, std::size_t clause_begin, std::size_t clause_end, std::size_t trigger,
                  std::size_t trigger_end, const std::optional<Party>& counterparty, std::string& relation) const;
  void AddReference(std::size_t clause_begin, std::size_t clause_end, std::size_t at, std::size_t length,
                    std::vector<Claim>& earlier, std::vector<Claim>& out) const;
  Claim NewClaim(const std::string& relation, const std::string& origin) const {
    Claim claim;
    claim.relation = relation;
    claim.rule = origin;
    claim.confidence = 0.6F;
    claim.provenance = {std::string(sentence.article_id), sentence.index, sentence.span,
                        std::string(sentence.article_text.substr(sentence.span.begin, sentence.span.end - sentence.span.begin))};
    return claim;
  }
};

bool IsTermWord(std::string_view word) {
  // "five-year", "25-year", "10-year", "two-month", "30-day".
  for (std::string_view unit : {"-year", "-month", "-week", "-day"}) {
    if (word.ends_with(unit) && word.size() > unit.size()) return true;
  }
  return false;
}

void Reader::AddTermAndCondition(std::size_t clause_begin, std::size_t clause_end, std::size_t trigger,
                                 std::size_t trigger_end, Claim& claim) const {
  // Term: "a five-year deal" (a word or duration right before the trigger), "for five
  // years", "runs to the end of 2028" after it.
  for (std::size_t t = trigger > clause_begin + 3 ? trigger - 3 : clause_begin; t < trigger && t < tokens.size(); ++t) {
    const Token& token = tokens[t];
    if ((token.kind == Kind::kWord && IsTermWord(token.text)) ||
        (token.kind == Kind::kDate && mentions[token.mention].kind == MentionKind::kDuration &&
         t + 1 < tokens.size() && tokens[t + 1].kind == Kind::kWord)) {
      claim.terms.emplace_back("term", TokenText(t));
    }
  }
  const auto* until = List("@term_until");
  for (std::size_t t = trigger_end; t < clause_end && claim.terms.empty(); ++t) {
    if (IsWord(tokens[t], {"for"}) && t + 1 < clause_end && tokens[t + 1].kind == Kind::kDate &&
        mentions[tokens[t + 1].mention].kind == MentionKind::kDuration) {
      claim.terms.emplace_back("term", TokenText(t + 1));
      break;
    }
    if (std::size_t n = MatchList(until, tokens, t, clause_end); n > 0) {
      std::size_t date = t + n;
      while (date < clause_end && date < t + n + 3 && tokens[date].kind != Kind::kDate) ++date;
      if (date < clause_end && tokens[date].kind == Kind::kDate &&
          mentions[tokens[date].mention].kind == MentionKind::kDate) {
        const Mention& when = mentions[tokens[date].mention];
        claim.terms.emplace_back("term", Original(tokens[t].begin, tokens[date].end));
        claim.has_time = true;
        claim.time_expr = when.date_expr;
        claim.time_span = when.span;
        break;
      }
    }
  }
  // Condition: from its cue to the next comma or the clause's end.
  const auto* conditions = List("@condition");
  const std::size_t sentence_end = tokens.size();
  for (std::size_t t = trigger_end; t < sentence_end; ++t) {
    if (tokens[t].text == ";" && IsWord(tokens[std::min(t + 1, sentence_end - 1)], {"said", "says"})) break;
    std::size_t n = MatchList(conditions, tokens, t, sentence_end);
    if (n == 0) continue;
    if (IsWord(tokens[t], {"if", "unless", "pending"}) && t >= clause_end) break;  // another clause's
    std::size_t stop = t + n;
    while (stop < sentence_end && tokens[stop].text != "," && tokens[stop].text != ";" && tokens[stop].text != "." &&
           !IsWord(tokens[stop], {"said", "says"})) {
      ++stop;
    }
    if (stop == t + n) continue;
    std::string text = Original(tokens[t].begin, tokens[stop - 1].end);
    claim.condition_text = text;
    claim.terms.emplace_back("condition", text);
    claim.modality = Modality::kConditional;
    break;
  }
  // The deal's date: the nearest date of its clause.
  if (!claim.has_time) {
    std::size_t best = tokens.size(), distance = tokens.size();
    for (std::size_t t = clause_begin; t < clause_end; ++t) {
      if (tokens[t].kind != Kind::kDate || mentions[tokens[t].mention].kind != MentionKind::kDate) continue;
      std::size_t d = t < trigger ? trigger - t : t - trigger;
      if (d < distance) distance = d, best = t;
    }
    if (best < tokens.size()) {
      const Mention& when = mentions[tokens[best].mention];
      claim.has_time = true;
      claim.time_expr = when.date_expr;
      claim.time_span = when.span;
    }
  }
}

// `bare_negation`: the only negation is a bare "not" ("does not hold a stake"): a statement
// that there is no deal, which is no deal claim.
void SetPolarityModality(const Reader& reader, const DealTrigger& entry, std::size_t clause_begin, std::size_t clause_end,
                         std::size_t trigger, std::size_t trigger_end, bool& rejected, Claim& claim,
                         bool* bare_negation = nullptr) {
  constexpr std::size_t kWindow = 7;
  rejected = false;
  if (entry.polarity == "ceased" || reader.CueBefore("@ceased", clause_begin, trigger, kWindow) ||
      reader.CueAfter("@ceased", trigger_end, clause_end)) {
    claim.polarity = Polarity::kCeased;
  } else if (entry.polarity == "negated" || reader.CueBefore("@negated", clause_begin, trigger, kWindow) ||
             reader.CueAfter("@negated", trigger_end, clause_end)) {
    claim.polarity = Polarity::kNegated;
    rejected = reader.CueBefore("@rejecters", clause_begin, trigger, kWindow);
    if (bare_negation != nullptr) {
      *bare_negation = entry.polarity.empty() && !reader.CueAfter("@negated", trigger_end, clause_end) &&
                       !reader.CueBefore("@negated", clause_begin, trigger, kWindow, true);
    }
  }
  if (entry.modality == "plan") claim.modality = Modality::kPlan;
  if (entry.modality == "considering") claim.modality = Modality::kConsidering;
  if (reader.CueBefore("@considering", clause_begin, trigger, kWindow)) {
    claim.modality = Modality::kConsidering;
  } else if (claim.modality == Modality::kFact && reader.CueBefore("@plan", clause_begin, trigger, 4)) {
    claim.modality = Modality::kPlan;
  }
}

// What the trigger's object says of the relation: a share of a company bought is a stake,
// assets bought are a purchase; false when the object shows there is no such deal.
bool Reader::ObjectFits(const DealTrigger& entry, std::size_t clause_begin, std::size_t clause_end, std::size_t trigger,
                        std::size_t trigger_end, const std::optional<Party>& counterparty, std::string& relation) const {
  // An acquire verb whose object is a share of a company ("buy a 34 pct interest in X").
  // Assets bought from a company ("purchased assets of X's unit") are a purchase.
  if (relation == "acquire" && entry.form == DealForm::kVerb && entry.modality != "plan" && counterparty) {
    const auto* stake_words = List("@stake_words");
    const auto* asset_words = List("@asset_words");
    for (std::size_t t = trigger_end; t < counterparty->token; ++t) {
      if (tokens[t].kind == Kind::kFigure && mentions[tokens[t].mention].kind == MentionKind::kPercent) relation = "stake";
      if (MatchList(stake_words, tokens, t, counterparty->token) > 0) relation = "stake";
      if (MatchList(asset_words, tokens, t, counterparty->token) > 0) relation = "purchase";
    }
  }
  // A sale names its buyer or sells something of the seller's own ("sold its stake", "the
  // sale of its unit"): "X will sell Y's products" is distribution, not a divestment.
  if (entry.form == DealForm::kSale && !counterparty) {
    bool own = false;
    const auto* objects = List("@sale_objects");
    for (std::size_t t = trigger_end; t < clause_end && t < trigger_end + 2; ++t) {
      if (IsPartyToken(t) && !Possessive(t)) own = true;
      if (!IsWord(tokens[t], {"its", "their", "his", "her"})) continue;
      for (std::size_t k = t + 1; k < clause_end && k < t + 7 && !own; ++k) own = MatchList(objects, tokens, k, clause_end) > 0;
    }
    if (!own) return false;
  }
  // "holds a licence to the designs of X" is no stake: a stake verb's object is a share of the
  // company ("holds 3 pct of X", "owns a 56% stake in X") unless the company is its direct
  // object ("owns X"); "X, 99 pct-owned by Y" and "X, owned by Y" but not "patents owned by Y".
  if (relation == "stake" && entry.form == DealForm::kVerb && counterparty && counterparty->source != "object") {
    bool share = false;
    const auto* stake_words = List("@stake_words");
    for (std::size_t t = trigger_end; t < counterparty->token && !share; ++t) {
      share = (tokens[t].kind == Kind::kFigure && mentions[tokens[t].mention].kind == MentionKind::kPercent) ||
              MatchList(stake_words, tokens, t, counterparty->token) > 0 || IsWord(tokens[t], {"shares", "stock"});
    }
    if (!share) return false;
  }
  if (relation == "stake" && entry.form == DealForm::kPassive && trigger > clause_begin) {
    const Token& before = tokens[trigger - 1];
    const bool head = before.kind == Kind::kFigure || before.text == "," || IsPartyToken(trigger - 1);
    if (!head) return false;
  }
  return true;
}

void Reader::AddClaim(const DealTrigger& entry, const std::vector<std::string>& phrase, std::size_t clause_begin,
                      std::size_t clause_end, std::size_t trigger, std::size_t trigger_end, std::vector<Claim>& out) const {
  // A verb reading of a word that is a noun here ("its purchase", "X's bid", "a $2bn buy").
  if (entry.form == DealForm::kVerb && trigger > clause_begin) {
    const Token& before = tokens[trigger - 1];
    if (before.text == "'s" || before.kind == Kind::kFigure ||
        IsWord(before, {"the", "a", "an", "its", "their", "his", "her", "this", "that"})) {
      return;
    }
  }
  // "venture capital", "deal flow": a trigger word inside another noun.
  if (trigger_end < clause_end && IsWord(tokens[trigger_end], {"capital", "capitalist", "capitalists", "flow"})) return;
  // Cheap checks first: most triggers stand in clauses that name no party at all.
  bool any_party = false;
  for (std::size_t t = clause_begin; t < clause_end && !any_party; ++t) any_party = IsPartyToken(t);
  if (!any_party) return;
  const bool rejected = CueBefore("@rejecters", clause_begin, trigger, 7);
  // A sale entry holds nouns ("sale of") and verbs ("sold"): the word says which.
  const bool verb = entry.form == DealForm::kVerb || entry.form == DealForm::kPassive ||
                    (entry.form == DealForm::kSale && !tokens[trigger].text.starts_with("sale") &&
                     !tokens[trigger].text.starts_with("dispos") && !tokens[trigger].text.starts_with("divestiture"));
  auto find = [&](const std::vector<std::string>& sources, bool skip_clause) -> std::optional<Party> {
    for (const std::string& source : sources) {
      if (skip_clause && source == "clause") continue;
      if (auto party = FromSource(source, clause_begin, clause_end, trigger, trigger_end, phrase, verb)) {
        party->source = source;
        return party;
      }
    }
    return std::nullopt;
  };
  // "X rejected Y's bid": the clause's subject is the target, not the bidder.
  std::optional<Party> subject = find(entry.subject, rejected && entry.form == DealForm::kNoun);
  std::optional<Party> counterparty = find(entry.counterparty, false);
  // The target is the rejecter when its board or shareholders refuse the bid ("X, whose board
  // has rejected a tender offer from Y"): the formal refusal of a bid made to X. A bare "X
  // rejected a bid from Y" names no deal of its own (the synthetic claims set labels none).
  if (rejected && entry.form == DealForm::kNoun && !counterparty) {
    bool board = false;
    for (std::size_t t = clause_begin; t < trigger; ++t) board = board || IsWord(tokens[t], {"board", "directors", "shareholders"});
    if (board) counterparty = ClauseSubject(clause_begin, trigger);
  }
  // "X and Y agreed to merge": a pair read as the clause's subject is both parties.
  const bool pair_subject = subject && subject->second && subject->pair;
  if (pair_subject) counterparty = Party{*subject->second, std::nullopt};
  if (subject && counterparty && subject->token == counterparty->token) counterparty.reset();
  // A sale that names the buyer and what is sold but no seller is the buyer's acquisition.
  std::string relation = entry.relation;
  if (entry.form == DealForm::kSale && !subject && counterparty) {
    if (auto target = FromSource("of", clause_begin, clause_end, trigger, trigger_end, phrase, verb)) {
      subject = counterparty;
      counterparty = target;
      relation = "acquire";
    }
  }
  if (!ObjectFits(entry, clause_begin, clause_end, trigger, trigger_end, counterparty, relation)) return;
  const bool need_subject = entry.need == "subject" || entry.need == "both";
  bool need_counterparty = entry.need == "counterparty" || entry.need == "both";
  // "an agreement to buy X", "an agreement for the sale of": the deal inside is the claim.
  if (relation == "agreement" || relation == "contract") {
    for (std::size_t t = trigger_end; t < clause_end && t < trigger_end + 4; ++t) {
      auto inner = lexicon.by_first_word.find(tokens[t].text);
      if (inner == lexicon.by_first_word.end()) continue;
      for (const auto& [index, phrase] : inner->second) {
        const std::string& other = lexicon.triggers[index].relation;
        if (other != "agreement" && other != "contract" && other != "stake") return;
      }
    }
  }
  // "X signed a 25-year agreement to supply ...": an agreement signed names its signer only.
  if (relation == "agreement" && subject && mentions[tokens[subject->token].mention].entity.type != EntityType::kPronoun &&
      CueBefore("@sign_verbs", clause_begin, trigger, 4)) {
    need_counterparty = false;
  }
  if ((need_subject && !subject) || (need_counterparty && !counterparty) || (!subject && !counterparty)) return;
  Claim claim = NewClaim(relation, entry.origin);
  bool rejected_again = false, bare_negation = false;
  SetPolarityModality(*this, entry, clause_begin, clause_end, trigger, trigger_end, rejected_again, claim, &bare_negation);
  if (bare_negation) return;
  claim.terms.emplace_back("trigger", Original(tokens[trigger].begin, tokens[trigger_end - 1].end));
  AddTermAndCondition(clause_begin, clause_end, trigger, trigger_end, claim);
  if (counterparty) claim.counterparty = RoleOf(counterparty->token);
  std::vector<std::size_t> subjects;
  if (subject) {
    subjects.push_back(subject->token);
    // "X and Y own 29% of Z": one claim each (a pair already gave the counterparty).
    if (subject->second && !pair_subject) subjects.push_back(*subject->second);
  } else {
    subjects.push_back(tokens.size());
  }
  for (std::size_t s : subjects) {
    Claim one = claim;
    if (s < tokens.size()) one.subject = RoleOf(s);
    // A reference that resolves to no one leaves the party the entry needs unnamed.
    if ((need_subject && !one.subject.present()) || (need_counterparty && !one.counterparty.present())) continue;
    if (!one.subject.present() && !one.counterparty.present()) continue;
    if (one.subject.present() && one.subject.text == one.counterparty.text) continue;
    out.push_back(std::move(one));
    // "X and Y own 29% of Z" and "... to X and Y": the second counterparty too.
    if (counterparty && counterparty->second && !pair_subject) {
      Claim second = out.back();
      second.counterparty = RoleOf(*counterparty->second);
      out.push_back(std::move(second));
    }
  }
}


bool IsDealRelation(const std::string& relation) {
  for (std::string_view deal : {"acquire", "merger", "stake", "sale", "agreement", "license", "contract", "purchase"}) {
    if (relation == deal) return true;
  }
  return false;
}

// A later sentence that names the deal again states its own claim when it adds a condition,
// a term or a retreat ("The merger is subject to ...", "The deal was called off"). One that
// only dates it ("The deal is expected to close in the fourth quarter") dates the earlier
// claim instead: terms later_date and later_sentence on it, and no claim of its own.
void Reader::AddReference(std::size_t clause_begin, std::size_t clause_end, std::size_t at, std::size_t length,
                          std::vector<Claim>& earlier, std::vector<Claim>& out) const {
  constexpr std::size_t kSentencesBack = 3;
  // The relation the reference noun names (deals.lex @refer_<relation>), or any deal ("the deal").
  const auto named = lexicon.referred_relation.find(tokens[at + length - 1].text);
  const std::string wanted = named == lexicon.referred_relation.end() ? std::string() : named->second;
  // The latest deal of the few sentences before; "the deal" prefers a deal to a holding
  // (a stake is background to the deal more often than the deal itself).
  Claim* referent = nullptr;
  for (auto it = earlier.rbegin(); it != earlier.rend(); ++it) {
    if (it->provenance.sentence >= sentence.index) continue;
    if (it->provenance.sentence + kSentencesBack < sentence.index) break;
    if (!IsDealRelation(it->relation) || !it->subject.present() || !it->counterparty.present()) continue;
    const bool fits = wanted.empty() || it->relation == wanted || (wanted == "sale" && it->relation == "acquire");
    if (!fits) continue;
    if (referent == nullptr || (referent->relation == "stake" && it->relation != "stake")) referent = &*it;
    if (referent->relation != "stake") break;
  }
  if (referent == nullptr) return;
  Claim claim = NewClaim(referent->relation, "deals.lex:@refer");
  claim.subject = referent->subject;
  claim.counterparty = referent->counterparty;
  DealTrigger none;
  bool rejected = false, bare_negation = false;
  SetPolarityModality(*this, none, clause_begin, clause_end, at, at + length, rejected, claim, &bare_negation);
  if (bare_negation) return;
  claim.terms.emplace_back("trigger", Original(tokens[at].begin, tokens[at + length - 1].end));
  claim.terms.emplace_back("refers_to", std::to_string(referent->provenance.sentence) + "/" + referent->relation);
  AddTermAndCondition(clause_begin, clause_end, at, at + length, claim);
  const bool adds = !claim.condition_text.empty() || claim.polarity != Polarity::kAffirmed ||
                    std::any_of(claim.terms.begin(), claim.terms.end(), [](const auto& term) { return term.first == "term"; });
  if (adds) {
    out.push_back(std::move(claim));
  } else if (claim.has_time) {
    referent->terms.emplace_back("later_date", std::string(sentence.article_text.substr(
                                                   claim.time_span.begin, claim.time_span.end - claim.time_span.begin)));
    referent->terms.emplace_back("later_sentence", std::to_string(sentence.index));
  }
}

// One party named twice: the same text, or one name the other's first words ("Grayfield" and
// "Grayfield Media"), any case.
bool SameParty(const Role& a, const Role& b) {
  if (!a.present() || !b.present()) return false;
  std::string x, y;
  for (char c : a.text) x += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (char c : b.text) y += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (x.size() > y.size()) std::swap(x, y);
  return y.compare(0, x.size(), x) == 0 && (y.size() == x.size() || y[x.size()] == ' ');
}

bool SameClaim(const Claim& a, const Claim& b) {
  return a.relation == b.relation && a.subject.text == b.subject.text && a.counterparty.text == b.counterparty.text;
}

}  // namespace

void AddDealClaims(const DealLexicon& lexicon, const DealSentence& sentence, std::size_t sentence_first,
                   std::vector<Claim>& claims) {
  Reader reader{lexicon, sentence, *sentence.mentions, Tokenize(sentence.tagged, *sentence.mentions, sentence.article_text), {}, {}};
  reader.MarkRelatives();
  reader.MarkParties();
  const std::vector<Token>& tokens = reader.tokens;
  std::vector<Claim> found;
  const auto* refer = reader.List("@refer");
  std::size_t clause_begin = 0;
  while (clause_begin < tokens.size()) {
    std::size_t clause_end = clause_begin;
    int depth = 0;  // a ';' inside parentheses ("(£1bn; $1.9bn)") ends no clause
    while (clause_end < tokens.size() && (tokens[clause_end].text != ";" || depth > 0)) {
      if (tokens[clause_end].text == "(") ++depth;
      if (tokens[clause_end].text == ")" && depth > 0) --depth;
      ++clause_end;
    }
    for (std::size_t t = clause_begin; t < clause_end; ++t) {
      if (tokens[t].kind != Kind::kWord) continue;
      // "the merger" with no party of its own: a deal of an earlier sentence.
      const bool determiner = tokens[t].text == "the" || tokens[t].text == "this";
      if (std::size_t n = determiner ? MatchList(refer, tokens, t, clause_end) : 0; n > 0) {
        std::size_t after = t + n;
        const bool own_party = after < clause_end && (IsWord(tokens[after], {"of", "with", "for", "between", "by"}) ||
                                                      reader.IsPartyToken(after));
        // "is not part of the deal": a reference after a preposition is not what the clause is about.
        const bool oblique = t > clause_begin && IsPreposition(tokens[t - 1]);
        if (!own_party && !oblique) reader.AddReference(clause_begin, clause_end, t, n, claims, found);
      }
      // The longest trigger phrase starting here; prefix phrases ('*') are not used here.
      auto entries = lexicon.by_first_word.find(tokens[t].text);
      if (entries == lexicon.by_first_word.end()) continue;
      // The longest phrases first; a shorter one only when no longer one gave a claim
      // ("an agreement to supply" with no customer is still an agreement).
      std::vector<std::pair<std::size_t, std::pair<std::size_t, std::size_t>>> matches;  // length, entry
      for (const auto& [trigger, phrase] : entries->second) {
        if (std::size_t n = MatchPhrase(tokens, t, clause_end, lexicon.triggers[trigger].phrases[phrase])) {
          matches.push_back({n, {trigger, phrase}});
        }
      }
      std::stable_sort(matches.begin(), matches.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      std::size_t best_length = 0;
      for (const auto& [length, which] : matches) {
        if (best_length > 0 && length < best_length) break;
        const std::size_t before = found.size();
        const DealTrigger& entry = lexicon.triggers[which.first];
        reader.AddClaim(entry, entry.phrases[which.second], clause_begin, clause_end, t, t + length, found);
        if (found.size() > before) best_length = length;
      }
      // "merger agreement" is one trigger: its "agreement" does not start another.
      if (best_length > 1) t += best_length - 1;
    }
    clause_begin = clause_end + 1;
  }
  const std::size_t before = claims.size();
  for (Claim& claim : found) {
    // What the pattern rules and figure frames already read of this sentence is not said
    // again: the same two parties under any relation, or the subject of a rule claim (the
    // rules are templates written for such clauses).
    auto same = [&](const Claim& other) {
      const bool pair = claim.subject.present() && claim.counterparty.present() && other.relation != "quantity" &&
                        ((SameParty(other.subject, claim.subject) && SameParty(other.counterparty, claim.counterparty)) ||
                         (SameParty(other.subject, claim.counterparty) && SameParty(other.counterparty, claim.subject)));
      const bool rule_subject = other.rule.find(".rules:") != std::string::npos && claim.subject.present() &&
                                other.subject.text == claim.subject.text && other.relation != "quantity";
      return SameClaim(claim, other) || pair || rule_subject;
    };
    if (std::any_of(claims.begin() + static_cast<std::ptrdiff_t>(sentence_first),
                    claims.begin() + static_cast<std::ptrdiff_t>(before), same) ||
        std::any_of(claims.begin() + static_cast<std::ptrdiff_t>(before), claims.end(),
                    [&](const Claim& other) { return SameClaim(claim, other); })) {
      // Its term and condition still belong on the claim that said it first.
      for (std::size_t k = sentence_first; k < claims.size(); ++k) {
        if (!SameClaim(claim, claims[k])) continue;
        for (const auto& term : claim.terms) {
          if (term.first == "term" || term.first == "condition") claims[k].terms.push_back(term);
        }
        if (claims[k].condition_text.empty()) claims[k].condition_text = claim.condition_text;
      }
      continue;
    }
    // A figure's claim of the same deal that missed a party ("X offered $2bn" read without
    // its target) gets it from the clause reading, which is then not repeated.
    bool merged = false;
    for (std::size_t k = sentence_first; k < before; ++k) {
      Claim& other = claims[k];
      if (other.relation != claim.relation || (other.subject.present() && other.counterparty.present())) continue;
      const bool subject_fits = !other.subject.present() || other.subject.text == claim.subject.text;
      const bool counterparty_fits = !other.counterparty.present() || other.counterparty.text == claim.counterparty.text;
      if (!subject_fits || !counterparty_fits) continue;
      if (!other.subject.present()) other.subject = claim.subject;
      if (!other.counterparty.present()) other.counterparty = claim.counterparty;
      for (const auto& term : claim.terms) {
        if (term.first != "trigger") other.terms.push_back(term);
      }
      if (other.condition_text.empty()) other.condition_text = claim.condition_text;
      if (other.polarity == Polarity::kAffirmed) other.polarity = claim.polarity;
      merged = true;
    }
    if (!merged) claims.push_back(std::move(claim));
  }
}

void PruneDealRepeats(std::vector<Claim>& claims) {
  auto adds = [](const Claim& claim) {
    return claim.polarity != Polarity::kAffirmed || !claim.condition_text.empty() ||
           std::any_of(claim.terms.begin(), claim.terms.end(), [](const auto& term) { return term.first == "term"; });
  };
  auto told_with_figure = [&](const Claim& claim) {
    return std::any_of(claims.begin(), claims.end(), [&](const Claim& other) {
      return &other != &claim && other.value_kind != ValueKind::kNone && SameClaim(claim, other);
    });
  };
  std::vector<bool> drop(claims.size(), false);
  for (std::size_t k = 0; k < claims.size(); ++k) {
    drop[k] = claims[k].rule.starts_with("deals.lex") && !adds(claims[k]) && told_with_figure(claims[k]);
  }
  std::size_t kept = 0;
  for (std::size_t k = 0; k < claims.size(); ++k) {
    if (drop[k]) continue;
    if (kept != k) claims[kept] = std::move(claims[k]);
    ++kept;
  }
  claims.resize(kept);
}

}  // namespace concord::extract
