// libFuzzer target for the files a user writes to configure Concord (issue 18, "fuzzing every
// parser"): pattern files (*.rules, frames.lex, deals.lex, cue lexicons), the entity table,
// the normalizer's condition cues and fiscal years, and the source priors file. The first input
// byte picks the file; the rest is its content, written to a folder of its own and loaded the
// way `concord` loads it (Extractor::Create, Normalizer::Create, ReadSourcePriors). A violated
// property traps; ASan and UBSan (on every target of a fuzzing build) catch the rest.
//
// Most inputs go to the text parsers of the pattern files (ParseRules, ParseFrames, ParseDeals),
// which are fast; a few go through Extractor::Create (RE2 compilation, the rule prefilter, the
// cue set), which takes tens of milliseconds under the sanitizers.
//
// Properties checked on every input:
//   - a parsed rule or trigger names the file and line it came from;
//   - a load fails with a Status naming the file it read, never with an exception or a crash;
//   - a loaded extractor extracts a fixed article without failing, its claims' spans inside it;
//   - loaded priors are in [0, 1], named, each source once.

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>

#include "corpus/corpus.h"
#include "extract/deal_events.h"
#include "extract/extract.h"
#include "extract/frames.h"
#include "extract/rules.h"
#include "normalize/normalize.h"
#include "reconcile/store/store.h"

namespace {

// Traps when `property` is false, after saying which one and on what (libFuzzer keeps the input).
void Require(bool property, std::string_view what = "", std::string_view detail = "") {
  if (property) return;
  std::fprintf(stderr, "config_fuzzer: property failed: %.*s: %.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  __builtin_trap();
}

// One folder per process, emptied before every input.
const std::filesystem::path& Folder() {
  static const std::filesystem::path folder = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "concord-config-fuzz-XXXXXX").string();
    Require(mkdtemp(pattern.data()) != nullptr);
    std::atexit([] { std::filesystem::remove_all(Folder()); });
    return std::filesystem::path(pattern);
  }();
  return folder;
}

std::filesystem::path WriteFile(const std::string& name, std::string_view content) {
  std::filesystem::remove_all(Folder());
  std::filesystem::create_directories(Folder());
  std::filesystem::path file = Folder() / name;
  std::ofstream out(file, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  return file;
}

void RequireNamesFolder(const concord::Status& status) {
  Require(!status.ok(), "a failed load has a status");
  Require(status.where().find(Folder().filename().string()) != std::string::npos ||
              status.where() == "pattern rules" || status.where() == "cue lexicon",
          "an error names the file", status.where() + ": " + status.message());
}

const concord::corpus::Article& FixedArticle() {
  static const concord::corpus::Article article = [] {
    concord::corpus::Article a;
    a.id = "fuzz";
    a.name = "fuzz";
    a.source = "Wire";
    a.published = "2026-03-03";
    a.title = "Norrland to buy Fjell";
    a.text = "Norrland Bank agreed to acquire Fjell Payments for $2.3 billion, the bank said on Monday. "
             "Fjell's revenue rose 12% to 310 mln dlrs in the third quarter, unless regulators object. "
             "The company will pay a dividend of 12 cts a share until 2030.";
    return a;
  }();
  return article;
}

// The text parsers of the pattern files alone (what Extractor::Create runs on each file before
// compiling): fast enough for millions of inputs.
void ParsePatterns(std::size_t which, std::string_view content) {
  const std::string file = (Folder() / (which == 0 ? "fuzz.rules" : which == 1 ? "frames.lex" : "deals.lex")).string();
  concord::Status status;
  if (which == 0) {
    auto rules = concord::extract::ParseRules(content, file);
    if (rules.ok()) {
      for (const concord::extract::Rule& rule : *rules) Require(rule.origin.starts_with(file) && !rule.relation.empty(), "a rule names its line", rule.origin);
      return;
    }
    status = rules.status();
  } else if (which == 1) {
    concord::extract::FrameLexicon lexicon;
    status = concord::extract::ParseFrames(content, file, lexicon);
    if (status.ok()) {
      for (const auto& trigger : lexicon.triggers) Require(trigger.origin.starts_with(file) && !trigger.phrases.empty(), "a trigger has phrases and a line", trigger.origin);
      return;
    }
  } else {
    concord::extract::DealLexicon lexicon;
    status = concord::extract::ParseDeals(content, file, lexicon);
    if (status.ok()) {
      for (const auto& trigger : lexicon.triggers) Require(trigger.origin.starts_with(file) && !trigger.phrases.empty(), "a trigger has phrases and a line", trigger.origin);
      return;
    }
  }
  RequireNamesFolder(status);
}

// A pattern file loaded the way `concord` loads it (parsed, compiled, prefilter built), then
// used on a fixed article. Slower: a tenth of the inputs go this way.
void LoadPatterns(const std::string& name, std::string_view content) {
  WriteFile(name, content);
  auto extractor = concord::extract::Extractor::Create({Folder()});
  if (!extractor.ok()) {
    RequireNamesFolder(extractor.status());
    return;
  }
  const concord::corpus::Article& article = FixedArticle();
  concord::extract::Extraction extraction = extractor->Extract(article);
  for (const concord::extract::Claim& claim : extraction.claims) {
    for (const concord::extract::Span& span : {claim.value_span, claim.time_span, claim.subject.span}) {
      Require(span.begin <= span.end && span.end <= article.text.size());
    }
  }
}

void LoadNormalizerData(const std::string& name, std::string_view content) {
  WriteFile(name, content);
  for (const char* file : {"entities.tsv", "conditions.lex", "fiscal_years.tsv"}) {
    if (name != file) std::ofstream(Folder() / file);  // the others empty
  }
  auto normalizer = concord::normalize::Normalizer::Create(Folder());
  if (!normalizer.ok()) RequireNamesFolder(normalizer.status());
}

void LoadPriors(std::string_view content) {
  std::filesystem::path file = WriteFile("priors.tsv", content);
  auto priors = concord::reconcile::ReadSourcePriors(file);
  if (!priors.ok()) {
    RequireNamesFolder(priors.status());
    return;
  }
  std::set<std::string> seen;
  for (const concord::reconcile::SourcePrior& prior : *priors) {
    Require(!prior.source.empty());
    Require(std::isfinite(prior.prior) && prior.prior >= 0 && prior.prior <= 1);
    Require(seen.insert(prior.source).second);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    const unsigned selector = data[0] % 20;
    switch (selector) {
      case 0: case 1: case 2: case 3: ParsePatterns(0, content); break;
      case 4: case 5: case 6: ParsePatterns(1, content); break;
      case 7: case 8: case 9: ParsePatterns(2, content); break;
      case 10: LoadPatterns("fuzz.rules", content); break;
      case 11: LoadPatterns("frames.lex", content); break;
      case 12: LoadPatterns("deals.lex", content); break;
      case 13: LoadPatterns("cues.lex", content); break;
      case 14: case 15: LoadNormalizerData("entities.tsv", content); break;
      case 16: LoadNormalizerData("conditions.lex", content); break;
      case 17: LoadNormalizerData("fiscal_years.tsv", content); break;
      default: LoadPriors(content); break;
    }
  } catch (...) {
    Require(false);  // a bad file is a Status, never an exception
  }
  return 0;
}
