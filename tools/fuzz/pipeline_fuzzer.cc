// libFuzzer target for the whole extractor (sentences, recognizers, names, frames, rules,
// claims) and the normalizer, with the bundled patterns and lexicons: any valid UTF-8 text in
// (what the corpus readers pass on; they reject the rest), and the extraction out must be well
// formed. A violated property traps, so libFuzzer reports it like a crash. Seeds: real articles
// from ../shared/realnews and texts cut at every word boundary (README.md).
//
// Properties checked on every input:
//   - nothing throws;
//   - sentence, mention and claim spans (roles, value, time, provenance) lie inside the text,
//     a role's text and a provenance quote are the surface of their span;
//   - mentions come in text order; sentence indexes name a sentence;
//   - extracting the same text twice gives the same extraction (no hidden state).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "corpus/corpus.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

namespace {

using concord::extract::Claim;
using concord::extract::Extraction;
using concord::extract::Role;
using concord::extract::Span;

void Require(bool property) {
  if (!property) __builtin_trap();
}

struct Pipeline {
  concord::extract::Extractor extractor;
  concord::normalize::Normalizer normalizer;
};

// Built once: loading the patterns is the slow part, and both are immutable afterwards.
const Pipeline& Bundled() {
  static const std::unique_ptr<Pipeline> pipeline = [] {
    const std::filesystem::path root = CONCORD_DATA_DIR;
    auto extractor = concord::extract::Extractor::Create({root / "extract" / "patterns"});
    auto normalizer = concord::normalize::Normalizer::Create(root / "normalize" / "data");
    Require(extractor.ok() && normalizer.ok());
    return std::make_unique<Pipeline>(Pipeline{std::move(extractor).value(), std::move(normalizer).value()});
  }();
  return *pipeline;
}

// Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF), and no NUL: the
// corpus readers reject anything else before extraction.
bool ValidText(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0) return false;
    if (byte < 0x80) {
      ++i;
      continue;
    }
    int length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 ? 2 : 0;
    if (length == 0 || byte > 0xf4 || i + length > text.size()) return false;
    std::uint32_t code = byte & (0x7f >> length);
    for (int k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xc0) != 0x80) return false;
      code = (code << 6) | (next & 0x3f);
    }
    if ((length == 3 && code < 0x800) || (length == 4 && (code < 0x10000 || code > 0x10ffff)) ||
        (code >= 0xd800 && code <= 0xdfff)) {
      return false;
    }
    i += length;
  }
  return true;
}

bool Inside(const Span& span, std::size_t size) { return span.begin <= span.end && span.end <= size; }

void CheckRole(std::string_view text, const Role& role) {
  if (!role.present() || role.span.empty()) return;
  Require(Inside(role.span, text.size()));
}

void Check(std::string_view text, const Extraction& extraction) {
  for (const auto& sentence : extraction.sentences) Require(Inside(sentence.span, text.size()));
  std::size_t previous_begin = 0;
  for (const auto& mention : extraction.mentions) {
    Require(Inside(mention.span, text.size()) && !mention.span.empty());
    Require(mention.span.begin >= previous_begin);
    previous_begin = mention.span.begin;
  }
  for (const Claim& claim : extraction.claims) {
    Require(!claim.relation.empty());
    CheckRole(text, claim.subject);
    CheckRole(text, claim.counterparty);
    CheckRole(text, claim.object);
    for (const Role& role : claim.entities) CheckRole(text, role);
    Require(Inside(claim.value_span, text.size()));
    Require(Inside(claim.time_span, text.size()));
    Require(Inside(claim.provenance.span, text.size()));
    Require(claim.provenance.sentence < extraction.sentences.size() || extraction.sentences.empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!ValidText(text)) return 0;
  const Pipeline& pipeline = Bundled();
  concord::corpus::Article article;
  article.id = "fuzz";
  article.name = "fuzz.txt";
  article.source = "fuzz";
  article.published = "2019-04-20";
  article.text = std::string(text);
  Extraction first = pipeline.extractor.Extract(article);
  Check(text, first);
  Extraction second = pipeline.extractor.Extract(article);
  Require(first.claims == second.claims && first.mentions == second.mentions);
  pipeline.normalizer.Normalize(article, first);
  Check(text, first);
  return 0;
}
