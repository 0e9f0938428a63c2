// The Extractor: wires sentence splitting, the recognizers and the pattern rules, and turns
// rule matches into claims. Everything compiled here is built once in Create() and only
// read afterwards, so Extract() is safe to call from many threads.

#include <re2/re2.h>
#include <re2/filtered_re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>

#include "extract/amounts.h"
#include "extract/dates.h"
#include "extract/entities.h"
#include "extract/extract.h"
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
        std::string token = std::string(kTokenOpen) + TokenType(mention) + std::to_string(next) + std::string(kTokenClose);
        for (char c : token) emit(c, start);
        i = std::max(i, mention.span.end);
        ++next;
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
    // Token brackets inside the text itself would confuse matching; they never occur in news.
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
  return static_cast<std::size_t>(std::stoul(std::string(token.substr(digits))));
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

struct CompiledRule {
  Rule rule;
  std::unique_ptr<RE2> regex;
  std::vector<std::pair<std::string, int>> groups;  // role → capture group index
};

Role RoleFromMention(const Mention& mention) {
  Role role;
  role.text = mention.text;
  role.span = mention.span;
  role.entity = mention.entity;
  return role;
}


// Money, percent, date and duration mentions of both recognizers; where they overlap the
// longer span wins, money and percent on a tie.
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
  return kept;
}

}  // namespace

struct Extractor::Impl {
  AmountRecognizer amounts;
  DateRecognizer dates;
  std::vector<CompiledRule> rules;
  // Which rules can match a sentence: FilteredRE2 reduces each rule to literal atoms
  // ("invest", "license"); one scan of a small set of those atoms picks the candidates, so
  // a sentence pays only for the rules whose words it contains.
  std::unique_ptr<re2::FilteredRE2> rule_filter;
  std::unique_ptr<RE2::Set> atom_set;  // empty when no rule yields atoms
  bool has_atoms = false;
  CueLexicon cues;
  std::unique_ptr<RE2> according_to;   // attribution: "according to X", "X said"
  std::unique_ptr<RE2> said;

  std::vector<Mention> FindQuantities(std::string_view text) const;
  void AddClaims(const corpus::Article& article, Extraction& extraction) const;
  void ApplyCues(std::string_view clause, Claim& claim) const;
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

void Extractor::Impl::ApplyCues(std::string_view clause, Claim& claim) const {
  // Order matters: "no longer" outranks the "not" inside other cues; "still" and
  // "continues" only say the relation goes on.
  if (HasCue(clause, "polarity.ceased")) {
    claim.polarity = Polarity::kCeased;
  } else if (HasCue(clause, "polarity.negated")) {
    claim.polarity = Polarity::kNegated;
  } else if (HasCue(clause, "polarity.continues")) {
    claim.polarity = Polarity::kContinues;
  }
  if (HasCue(clause, "modality.considering")) {
    claim.modality = Modality::kConsidering;
  } else if (HasCue(clause, "modality.estimate")) {
    claim.modality = Modality::kEstimate;
  } else if (HasCue(clause, "modality.reported")) {
    claim.modality = Modality::kReported;
  } else if (HasCue(clause, "modality.plan")) {
    claim.modality = Modality::kPlan;
  }
}

void Extractor::Impl::AddClaims(const corpus::Article& article, Extraction& extraction) const {
  std::string_view text = article.text;
  std::size_t mention_at = 0;
  for (std::size_t s = 0; s < extraction.sentences.size(); ++s) {
    const Span sentence = extraction.sentences[s].span;
    std::size_t first = mention_at;
    while (first < extraction.mentions.size() && extraction.mentions[first].span.begin < sentence.begin) ++first;
    std::size_t end = first;
    while (end < extraction.mentions.size() && extraction.mentions[end].span.begin < sentence.end) ++end;
    mention_at = end;
    if (rules.empty()) continue;
    TaggedSentence tagged = TagSentence(text, sentence, extraction.mentions, first, end);
    std::vector<int> atoms;
    if (has_atoms) atom_set->Match(tagged.text, &atoms);
    std::vector<int> candidates;
    rule_filter->AllPotentials(atoms, &candidates);
    if (candidates.empty()) continue;
    std::sort(candidates.begin(), candidates.end());
    std::size_t claims_before = extraction.claims.size();
    std::vector<std::pair<std::size_t, std::size_t>> match_ranges;  // tagged offsets, one per new claim
    for (int index : candidates) {
      const CompiledRule& compiled = rules[static_cast<std::size_t>(index)];
      const int group_count = compiled.regex->NumberOfCapturingGroups();
      std::vector<re2::StringPiece> groups(static_cast<std::size_t>(group_count) + 1);
      std::size_t from = 0;
      while (from <= tagged.text.size() &&
             compiled.regex->Match(tagged.text, from, tagged.text.size(), RE2::UNANCHORED, groups.data(),
                                   static_cast<int>(groups.size()))) {
        const std::size_t match_begin = static_cast<std::size_t>(groups[0].data() - tagged.text.data());
        const std::size_t match_end = match_begin + groups[0].size();
        from = match_end > match_begin ? match_end : match_begin + 1;
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
        std::string_view clause = std::string_view(tagged.text).substr(clause_begin, match_end - clause_begin);
        ApplyCues(clause, claim);
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
          std::string speaker;
          if (RE2::PartialMatch(tagged.text, *according_to, &speaker) || RE2::PartialMatch(tagged.text, *said, &speaker)) {
            if (std::optional<std::size_t> index = TokenIndex(speaker); index && *index < extraction.mentions.size()) {
              claim.attribution = extraction.mentions[*index].text;
            }
          }
        }
        // A tranche ("of which US$15 billion …") names no parties: it takes them from the
        // sentence's earlier claim of the same relation.
        for (std::size_t k = extraction.claims.size(); k > claims_before; --k) {
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
  }
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
  constexpr int kMinAtomLength = 3;  // shorter atoms ("in", "of") would match every sentence
  impl->rule_filter = std::make_unique<re2::FilteredRE2>(kMinAtomLength);
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
        Status status = ParseCues(buffer.str(), file.string(), impl->cues);
        if (!status.ok()) return status;
        continue;
      }
      Result<std::vector<Rule>> parsed = ParseRules(buffer.str(), file.string());
      if (!parsed.ok()) return parsed.status();
      for (Rule& rule : parsed.value()) {
        CompiledRule compiled;
        compiled.regex = std::make_unique<RE2>(rule.regex, options);
        if (!compiled.regex->ok()) {
          return Status::InvalidInput(rule.origin, "pattern does not compile: " + compiled.regex->error());
        }
        for (const auto& [name, index] : compiled.regex->NamedCapturingGroups()) compiled.groups.emplace_back(name, index);
        int filter_id = 0;
        if (impl->rule_filter->Add(rule.regex, options, &filter_id) != RE2::NoError) {
          return Status::InvalidInput(rule.origin, "pattern does not compile: " + compiled.regex->error());
        }
        assert(filter_id == static_cast<int>(impl->rules.size()) && "filter ids follow rule order");
        compiled.rule = std::move(rule);
        impl->rules.push_back(std::move(compiled));
      }
    }
  }
  std::vector<std::string> atoms;
  impl->rule_filter->Compile(&atoms);
  impl->atom_set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const std::string& atom : atoms) {
    std::string error;
    if (impl->atom_set->Add(RE2::QuoteMeta(atom), &error) < 0) return Status::Environment("pattern rules", error);
  }
  impl->has_atoms = !atoms.empty();
  if (impl->has_atoms && !impl->atom_set->Compile()) {
    return Status::Environment("pattern rules", "the rule atoms exceed RE2's memory budget");
  }
  const std::string token = std::string(kTokenOpen) + "((?:ORG|PER)\\d+)" + std::string(kTokenClose);
  impl->according_to = std::make_unique<RE2>("according to (?:its |their )?(?:\\w+ )?" + token, options);
  impl->said = std::make_unique<RE2>(token + " (?:said|says|stated|told|wrote|posted|announced)", options);
  return Extractor(std::move(impl));
}

Extraction Extractor::Extract(const corpus::Article& article) const {
  Extraction extraction;
  extraction.sentences = SplitSentences(article.text);
  std::vector<Mention> quantities = impl_->FindQuantities(article.text);
  std::vector<Mention> entities = FindEntities(article.text, extraction.sentences, quantities);
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
