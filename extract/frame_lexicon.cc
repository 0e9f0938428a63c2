// frames.lex: the figure-frame lexicon's grammar (extract/patterns/README.md, "Figure
// frames") read into a FrameLexicon. Kept apart from frames.cc, which chooses frames.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "extract/frames.h"
#include "extract/lexicon_text.h"

namespace concord::extract {
namespace {

using lexicon_text::SplitOn;
using lexicon_text::Trim;
using lexicon_text::Words;

constexpr std::string_view kSources[] = {"possessor", "object", "clause", "sentence", "article", "trigger", "at",
                                         "of",        "in",     "for",    "from",     "to",      "by",      "with",
                                         "on",        "into",   "economy"};

bool IsSource(std::string_view word) { return std::find(std::begin(kSources), std::end(kSources), word) != std::end(kSources); }

}  // namespace

Status ParseFrames(std::string_view text, const std::string& file_name, FrameLexicon& lexicon) {
  std::istringstream lines{std::string(text)};
  std::string line;
  int line_number = 0;
  auto error = [&](const std::string& what) {
    return Status::InvalidInput(file_name + ":" + std::to_string(line_number), what);
  };
  while (std::getline(lines, line)) {
    ++line_number;
    std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    std::size_t colon = trimmed.find(':');
    if (colon == std::string::npos) return error("expected 'phrase | phrase: frame; key=value'");
    std::vector<std::vector<std::string>> phrases;
    for (const std::string& phrase : SplitOn(std::string_view(trimmed).substr(0, colon), '|')) phrases.push_back(Words(phrase));
    if (trimmed.front() == '@') {
      // A word list: "@rise: rose | jumped".
      std::string name = Trim(std::string_view(trimmed).substr(0, colon));
      auto& list = lexicon.word_lists[name];
      for (const std::string& phrase : SplitOn(std::string_view(trimmed).substr(colon + 1), '|')) {
        list.push_back(Words(phrase));
        if (name == "@not_owner") lexicon.not_owners.insert(phrase);
        if (name == "@money_nouns") lexicon.money_nouns.insert(phrase);
        if (name == "@measures") lexicon.measures.insert(phrase);
      }
      if (name == "@economies") {
        // "german = Germany": the words, and the economy's name as reports write it.
        list.clear();
        for (const std::string& entry : SplitOn(std::string_view(trimmed).substr(colon + 1), '|')) {
          std::size_t equals = entry.find('=');
          if (equals == std::string::npos) return error("@economies entries are 'words = Name', not '" + entry + "'");
          lexicon.economies.emplace_back(Words(entry.substr(0, equals)), Trim(std::string_view(entry).substr(equals + 1)));
        }
        std::stable_sort(lexicon.economies.begin(), lexicon.economies.end(),
                         [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
      }
      continue;
    }
    if (phrases.empty()) return error("expected a trigger phrase before ':'");
    std::vector<std::string> parts = SplitOn(std::string_view(trimmed).substr(colon + 1), ';');
    if (parts.empty() || !lexicon_text::IsRelationName(parts.front())) return error("expected a frame name (letters and '_') after ':'");
    FrameTrigger trigger;
    trigger.phrases = std::move(phrases);
    trigger.frame = parts.front();
    trigger.origin = std::filesystem::path(file_name).filename().string() + ":" + std::to_string(line_number);
    for (std::size_t k = 1; k < parts.size(); ++k) {
      std::size_t equals = parts[k].find('=');
      if (equals == std::string::npos) return error("expected key=value, got '" + parts[k] + "'");
      std::string key = Trim(std::string_view(parts[k]).substr(0, equals));
      std::string value = Trim(std::string_view(parts[k]).substr(equals + 1));
      if (key == "side") {
        if (value == "before") trigger.side = TriggerSide::kBefore;
        else if (value == "after") trigger.side = TriggerSide::kAfter;
        else if (value == "any") trigger.side = TriggerSide::kAny;
        else return error("side is before, after or any, not '" + value + "'");
      } else if (key == "figure") {
        trigger.figures = 0;
        for (const std::string& figure : SplitOn(value, ',')) {
          if (figure == "money") trigger.figures |= kFigureMoney;
          else if (figure == "percent") trigger.figures |= kFigurePercent;
          else if (figure == "count") trigger.figures |= kFigureCount;
          else return error("figure is money, percent or count, not '" + figure + "'");
        }
      } else if (key == "counted") {
        trigger.counted = SplitOn(value, '|');
      } else if (key == "value") {
        trigger.value_words = SplitOn(value, '|');
      } else if (key == "subject" || key == "counterparty") {
        std::vector<std::string> sources = SplitOn(value, ',');
        for (const std::string& source : sources) {
          if (!IsSource(source)) return error("unknown " + key + " source '" + source + "'");
        }
        (key == "subject" ? trigger.subject : trigger.counterparty) = std::move(sources);
      } else if (key == "owner") {
        for (const std::string& type : SplitOn(value, ',')) {
          if (type == "org") trigger.owner_types.push_back(EntityType::kOrganization);
          else if (type == "person") trigger.owner_types.push_back(EntityType::kPerson);
          else if (type == "place") trigger.owner_types.push_back(EntityType::kPlace);
          else if (type == "government") trigger.owner_types.push_back(EntityType::kGovernment);
          else if (type == "product") trigger.owner_types.push_back(EntityType::kProduct);
          else if (type == "unknown") trigger.owner_types.push_back(EntityType::kUnknown);
          else return error("owner is org, person, place, government, product or unknown, not '" + type + "'");
        }
      } else if (key == "modality") {
        if (value != "plan" && value != "estimate" && value != "considering") {
          return error("modality is plan, estimate or considering, not '" + value + "'");
        }
        trigger.modality = value;
      } else if (key == "yield") {
        trigger.yield = value;
      } else if (key == "rank") {
        char* end = nullptr;
        trigger.rank = std::strtod(value.c_str(), &end);
        if (end == value.c_str()) return error("rank is a number, not '" + value + "'");
      } else {
        return error("unknown key '" + key + "' (side, figure, counted, value, subject, counterparty, owner, modality, rank, yield)");
      }
    }
    const std::size_t index = lexicon.triggers.size();
    for (std::size_t p = 0; p < trigger.phrases.size(); ++p) {
      const std::string& first = trigger.phrases[p].front();
      if (first.back() == '*') {
        lexicon.prefix_phrases.emplace_back(index, p);
      } else {
        lexicon.by_first_word[first].emplace_back(index, p);
      }
    }
    lexicon.triggers.push_back(std::move(trigger));
  }
  return Status::Ok();
}

}  // namespace concord::extract
