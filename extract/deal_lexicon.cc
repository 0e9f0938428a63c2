// deals.lex: parsing the deal-trigger lexicon, and the sentence prefilter built from it.
// Grammar: the header of extract/patterns/deals.lex.

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>

#include "extract/deal_events.h"
#include "extract/lexicon_text.h"

namespace concord::extract {
namespace {

using lexicon_text::IsRelationName;
using lexicon_text::SplitOn;
using lexicon_text::Trim;
using lexicon_text::Words;

// Where a party may be read (deal_events.cc reads them).
constexpr std::string_view kSources[] = {"clause", "possessor", "object", "pair", "ofpair", "whereby", "of", "in",
                                         "for",    "with",      "to",     "by",   "from", "into"};

}  // namespace

Status ParseDeals(std::string_view text, const std::string& file_name, DealLexicon& lexicon) {
  std::istringstream lines{std::string(text)};
  std::string line;
  int line_number = 0;
  while (std::getline(lines, line)) {
    ++line_number;
    const std::string where = file_name + ":" + std::to_string(line_number);
    std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    std::size_t colon = trimmed.find(':');
    if (colon == std::string::npos) return Status::InvalidInput(where, "expected 'phrase | phrase: relation; key=value'");
    std::vector<std::vector<std::string>> phrases;
    for (const std::string& phrase : SplitOn(trimmed.substr(0, colon), '|')) phrases.push_back(Words(phrase));
    if (trimmed[0] == '@') {
      std::string name = Trim(trimmed.substr(0, colon));
      phrases.clear();
      for (const std::string& phrase : SplitOn(trimmed.substr(colon + 1), '|')) phrases.push_back(Words(phrase));
      if (name == "@refer") {
        for (const auto& phrase : phrases) lexicon.first_words.insert(phrase.back());
      }
      constexpr std::string_view kReferPrefix = "@refer_";
      if (name.starts_with(kReferPrefix)) {
        for (const auto& phrase : phrases) lexicon.referred_relation[phrase.back()] = name.substr(kReferPrefix.size());
      }
      // Phrase words the prefilter looks for: the longest of each phrase, as rarer than the
      // rest ("stake" of "raised its stake in", not "raised").
      auto& list = lexicon.word_lists[name];
      list.insert(list.end(), phrases.begin(), phrases.end());
      continue;
    }
    std::erase_if(phrases, [](const std::vector<std::string>& phrase) { return phrase.empty(); });
    if (phrases.empty()) return Status::InvalidInput(where, "expected a trigger phrase before ':'");
    std::vector<std::string> fields = SplitOn(trimmed.substr(colon + 1), ';');
    if (fields.empty() || !IsRelationName(fields[0])) {
      return Status::InvalidInput(where, "expected a relation name (letters and '_') after ':'");
    }
    DealTrigger trigger;
    trigger.relation = fields[0];
    trigger.origin = std::filesystem::path(file_name).filename().string() + ":" + std::to_string(line_number);
    trigger.phrases = std::move(phrases);
    for (std::size_t f = 1; f < fields.size(); ++f) {
      std::size_t equals = fields[f].find('=');
      if (equals == std::string::npos) return Status::InvalidInput(where, "expected key=value, got '" + fields[f] + "'");
      const std::string key = Trim(fields[f].substr(0, equals));
      const std::string value = Trim(fields[f].substr(equals + 1));
      auto sources = [&](std::vector<std::string>& into) -> bool {
        into = SplitOn(value, ',');
        return std::all_of(into.begin(), into.end(), [](const std::string& source) {
          return std::find(std::begin(kSources), std::end(kSources), source) != std::end(kSources);
        });
      };
      if (key == "form") {
        if (value == "noun") trigger.form = DealForm::kNoun;
        else if (value == "verb") trigger.form = DealForm::kVerb;
        else if (value == "passive") trigger.form = DealForm::kPassive;
        else if (value == "sale") trigger.form = DealForm::kSale;
        else return Status::InvalidInput(where, "form is noun, verb, passive or sale, not '" + value + "'");
      } else if (key == "subject") {
        if (!sources(trigger.subject)) return Status::InvalidInput(where, "unknown party source in '" + value + "'");
      } else if (key == "counterparty") {
        if (!sources(trigger.counterparty)) return Status::InvalidInput(where, "unknown party source in '" + value + "'");
      } else if (key == "modality") {
        if (value != "plan" && value != "considering" && value != "fact") {
          return Status::InvalidInput(where, "modality is plan, considering or fact, not '" + value + "'");
        }
        trigger.modality = value;
      } else if (key == "polarity") {
        if (value != "ceased" && value != "negated") return Status::InvalidInput(where, "polarity is ceased or negated");
        trigger.polarity = value;
      } else if (key == "need") {
        if (value != "subject" && value != "counterparty" && value != "both" && value != "any") {
          return Status::InvalidInput(where, "need is subject, counterparty, both or any");
        }
        trigger.need = value;
      } else {
        return Status::InvalidInput(where, "unknown key '" + key + "'");
      }
    }
    const std::size_t index = lexicon.triggers.size();
    for (std::size_t p = 0; p < trigger.phrases.size(); ++p) {
      const std::vector<std::string>& phrase = trigger.phrases[p];
      lexicon.by_first_word[phrase.front()].emplace_back(index, p);
      const std::string* longest = &phrase.front();
      for (const std::string& word : phrase) {
        if (word.size() > longest->size()) longest = &word;
      }
      lexicon.first_words.insert(*longest);
    }
    lexicon.triggers.push_back(std::move(trigger));
  }
  return Status::Ok();
}

bool MayHoldDeal(const DealLexicon& lexicon, std::string_view sentence) {
  thread_local std::string word;
  word.clear();
  for (std::size_t i = 0; i <= sentence.size(); ++i) {
    const char c = i < sentence.size() ? sentence[i] : ' ';
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '-') {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      continue;
    }
    if (!word.empty() && lexicon.first_words.count(word) > 0) return true;
    word.clear();
  }
  return false;
}

}  // namespace concord::extract
