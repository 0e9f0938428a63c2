// Clauses of one tagged sentence: tokens, and the subject of the clause that governs a
// trigger, read over the part-of-speech tagger's tags.
//
// The chooser in frames.cc used to take a clause's first name as its subject, which is the
// nearest name, not the subject: "The club managed to reduce its losses" has no name for a
// subject, and the name the article gave last is not the club's. Here the subject is the
// noun phrase before the verb group that governs the trigger, so a phrase headed by a common
// noun ("the club", "prosecutors", "he") is seen as what it is, and the chooser leaves the
// owner empty rather than take a name from elsewhere.

#include "extract/clauses.h"

#include <cctype>
#include <string>

#include "extract/rules.h"

namespace concord::extract::clauses {

bool IsWordByte(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '-' || c == '&' || u >= 0x80;
}

// A wire ticker read as a name ("BOR", "NCRO.L"): capitals, digits and dots, short.
namespace {
bool IsTickerText(std::string_view text) {
  constexpr std::size_t kMaxTicker = 10;
  return !text.empty() && text.size() <= kMaxTicker &&
         std::all_of(text.begin(), text.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '.'; });
}
}  // namespace

std::vector<Token> Tokenize(std::string_view tagged, const std::vector<Mention>& mentions) {
  std::vector<Token> tokens;
  std::size_t at = 0;
  while (at < tagged.size()) {
    if (tagged.compare(at, kTokenOpen.size(), kTokenOpen) == 0) {
      std::optional<MentionToken> read = ReadMentionToken(tagged, at);
      if (!read) break;
      Token token{at, read->end, tagged.substr(at, read->end - at)};
      if (read->index) token.mention = static_cast<int>(*read->index);
      tokens.push_back(token);
      at = read->end;
      continue;
    }
    char c = tagged[at];
    if (c == ' ') {
      ++at;
      continue;
    }
    // A wire ticker ("<bor>", "<ncro.l>") stands beside a name and says nothing of roles.
    if (c == '<' && tagged.compare(at + 1, kTokenOpen.size(), kTokenOpen) == 0) {
      // The ticker read as a name ("<" BOR ">"): normalize takes it as an alias; here it is skipped.
      std::size_t close = tagged.find(kTokenClose, at + 1);
      std::size_t digits = tagged.find_first_of("0123456789", at + 1);
      if (close != std::string_view::npos && digits < close && tagged.compare(close + kTokenClose.size(), 1, ">") == 0) {
        const std::size_t index = std::stoul(std::string(tagged.substr(digits, close - digits)));
        if (index < mentions.size() && IsTickerText(mentions[index].text)) {
          at = close + kTokenClose.size() + 1;
          continue;
        }
      }
    }
    if (c == '<') {
      constexpr std::size_t kMaxTicker = 14;
      std::size_t close = tagged.find('>', at);
      if (close != std::string_view::npos && close > at + 1 && close - at <= kMaxTicker &&
          std::all_of(tagged.begin() + static_cast<std::ptrdiff_t>(at + 1), tagged.begin() + static_cast<std::ptrdiff_t>(close),
                      [](char t) { return std::isalnum(static_cast<unsigned char>(t)) || t == '.' || t == '-'; })) {
        at = close + 1;
        continue;
      }
    }
    // U+E000 and U+E001 start with 0xEE; any other non-ASCII byte belongs to a word.
    if (IsWordByte(c) || (c == '\'' && at + 1 < tagged.size() && tagged[at + 1] == 's')) {
      std::size_t end = at + 1;
      while (end < tagged.size() && tagged.compare(end, kTokenOpen.size(), kTokenOpen) != 0 &&
             (IsWordByte(tagged[end]) ||
              (tagged[end] == '.' && end + 1 < tagged.size() && std::isalnum(static_cast<unsigned char>(tagged[end + 1]))))) {
        ++end;
      }
      tokens.push_back({at, end, tagged.substr(at, end - at)});
      at = end;
      continue;
    }
    tokens.push_back({at, at + 1, tagged.substr(at, 1)});
    ++at;
  }
  return tokens;
}

bool TagTokens(const std::vector<Token>& tokens, const std::vector<Mention>& mentions, const WrittenText& written,
               std::size_t begin, std::size_t end, std::vector<pos::Tagged>& tags) {
  if (written.original == nullptr || written.text.empty()) return false;
  end = std::min(end, tokens.size());
  const std::vector<std::size_t>& original = *written.original;
  thread_local std::vector<std::string_view> words;
  thread_local std::vector<pos::Tagged> span_tags;
  words.clear();
  for (std::size_t k = begin; k < end; ++k) {
    const Token& token = tokens[k];
    if (token.mention >= 0 && static_cast<std::size_t>(token.mention) < mentions.size()) {
      const Mention& mention = mentions[static_cast<std::size_t>(token.mention)];
      if (mention.kind == MentionKind::kEntity) {
        if (mention.entity.type == EntityType::kPronoun) {
          words.push_back("it");
        } else {
          std::string_view name = mention.text;
          const std::size_t space = name.rfind(' ');
          words.push_back(space == std::string_view::npos ? name : name.substr(space + 1));
        }
      } else if (mention.kind == MentionKind::kDate || mention.kind == MentionKind::kDuration) {
        words.push_back("1986");  // a year reads as a number, as most dates in a clause do
      } else {
        words.push_back("5");
      }
      continue;
    }
    // A plain word: as written (the tagged text is lowercased); anything else as tokenized.
    if (token.end <= original.size() && token.end > token.begin && token.end - token.begin == token.text.size()) {
      const std::size_t begin = original[token.begin];
      const std::size_t end = original[token.end - 1] + 1;
      if (end > begin && end <= written.text.size() && end - begin == token.text.size()) {
        words.push_back(written.text.substr(begin, end - begin));
        continue;
      }
    }
    words.push_back(token.text);
  }
  pos::Tag(words, span_tags);
  tags.resize(tokens.size());
  std::copy(span_tags.begin(), span_tags.end(), tags.begin() + static_cast<std::ptrdiff_t>(begin));
  return true;
}

Subject GoverningSubject(const std::vector<Token>& tokens, const std::vector<pos::Tagged>& tags,
                         const std::vector<Mention>& mentions, std::size_t clause_begin, std::size_t anchor) {
  if (tags.size() != tokens.size() || anchor >= tokens.size() || anchor < clause_begin) return {};
  using pos::Upos;
  auto is_mention = [&](std::size_t k) { return tokens[k].mention >= 0; };
  auto is_name = [&](std::size_t k) {
    const int m = tokens[k].mention;
    return m >= 0 && static_cast<std::size_t>(m) < mentions.size() &&
           mentions[static_cast<std::size_t>(m)].kind == MentionKind::kEntity;
  };
  auto verbal = [&](std::size_t k) {
    return !is_mention(k) && (tags[k].tag == Upos::kVerb || tags[k].tag == Upos::kAux);
  };
  auto in_group = [&](std::size_t k) {
    if (is_mention(k)) return false;
    const Upos t = tags[k].tag;
    const std::string_view w = tokens[k].text;
    return t == Upos::kVerb || t == Upos::kAux || (t == Upos::kAdv && w != "then") ||
           (t == Upos::kPart && (w == "to" || w == "not" || w == "n't"));
  };
  // A token that may stand in a noun phrase: a name, a figure or date, or a nominal word.
  auto nominal = [&](std::size_t k) {
    if (is_mention(k)) return true;
    const Upos t = tags[k].tag;
    const std::string_view w = tokens[k].text;
    return t == Upos::kDet || t == Upos::kAdj || t == Upos::kNum || t == Upos::kNoun || t == Upos::kPropn ||
           (t == Upos::kPron && !In(kPhraseBreakers, w)) || w == "'s" || w == "-";
  };
  auto headed = [&](std::size_t k) {
    if (is_mention(k)) return true;
    const Upos t = tags[k].tag;
    return t == Upos::kNoun || t == Upos::kPropn || t == Upos::kPron || t == Upos::kNum;
  };
  // A conjunction before a verb group joins a verb to the one before it, which has the
  // subject: "X posted a profit and raised its dividend". Two hops at most.
  constexpr int kMaxHops = 3;
  std::size_t from = anchor;
  for (int hop = 0; hop < kMaxHops; ++hop) {
    // Past a comma or a subordinator the verb governs another clause ("..., as its shares
    // have fallen"): not followed.
    std::size_t verb = SIZE_MAX;
    for (std::size_t k = from + 1; k-- > clause_begin;) {
      // An "-ing" form with no auxiliary before it modifies or heads a phrase ("operating
      // earnings", "after selling its stake"); it does not govern the clause.
      const bool participle = k < anchor && tokens[k].text.ends_with("ing") &&
                              !(k > clause_begin && (tags[k - 1].tag == Upos::kAux || tags[k - 1].tag == Upos::kPart));
      if (verbal(k) && !participle) {
        verb = k;
        break;
      }
      if (k < from && !is_mention(k) && (tokens[k].text == "," || tags[k].tag == Upos::kSconj)) return {};
    }
    if (verb == SIZE_MAX) return {};
    std::size_t group = verb;
    while (group > clause_begin && in_group(group - 1)) --group;
    if (group == clause_begin) return {};
    std::size_t last = group - 1;
    const std::string_view before = tokens[last].text;
    if ((before == "and" || before == "or" || before == "but") && !is_name(last)) {
      if (last == clause_begin) return {};
      from = last - 1;
      continue;
    }
    if (before == "which" || before == "who" || before == "that") {
      // "X, which raised $20m": the antecedent before the comma; "the unit that makes Y":
      // the phrase right before "that".
      if (last == clause_begin) return {};
      last = last - 1;
      if (tokens[last].text == ",") {
        if (last == clause_begin) return {};
        last = last - 1;
      }
    }
    if (!headed(last)) return {};
    std::size_t begin = last;
    for (;;) {
      while (begin > clause_begin && nominal(begin - 1)) --begin;
      // "shares in X", "the value of Y": a phrase a preposition opens belongs to the phrase
      // before it. A subordinator opens a clause whose subject the phrase is ("after X was").
      if (begin >= clause_begin + 2 && !is_mention(begin - 1) && tags[begin - 1].tag == Upos::kAdp &&
          In(kPrepositions, tokens[begin - 1].text) && !In(kSubordinators, tokens[begin - 1].text) &&
          headed(begin - 2)) {
        last = begin - 2;
        begin = last;
        continue;
      }
      break;
    }
    return {Subject::Kind::kHead, begin, last, verb};
  }
  return {};
}

}  // namespace concord::extract::clauses
