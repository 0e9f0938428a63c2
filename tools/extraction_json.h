#pragma once
// The article record of `concord extract --jsonl` and the reader of that output, so that
// `concord ingest --from-jsonl` can store what mappers extracted elsewhere without extracting
// again (DESIGN.md, "Scale"; README, "Past one machine").
//
// Per article the output is one article record, then its mention records, then its claim
// records (reconcile/store/forms.h writes those two). The article record carries what the
// store needs beyond them: the article's id, metadata, text (the store keeps it and detects
// syndicated copies from it), content hash, and the exact confidence of each claim (a claim
// record rounds it to two decimals). Its mention and claim counts let a reader tell a whole
// article from one cut short (a mapper killed mid-write).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/corpus.h"
#include "corpus/status.h"
#include "extract/extract.h"
#include "reconcile/store/store.h"

namespace concord::tools {

// {"record": "article", "id", "file" (its name), "source", "url", "title", "published", "kind",
//  "derived_from", "content_hash" (16 hex digits), "body_offset", "text", "mentions", "claims",
//  "claim_confidence": [...]} on one line, without the line break.
std::string ArticleJsonLine(const corpus::Article& article, const extract::Extraction& extraction);

// Reads extraction JSON lines one at a time and hands back whole articles. An article any of
// whose lines is bad, whose content hash does not match its text and metadata, or that is cut
// short is rejected whole (each rejection names file:line and why); the next article record
// starts afresh.
class ExtractionReader {
 public:
  // `skip(id, hash)`: true when the store holds this article unchanged; its records are then
  // passed over without parsing and it comes back in `unchanged` only.
  using SkipCheck = bool (*)(const void* context, const std::string& id, std::uint64_t hash);
  ExtractionReader(SkipCheck skip, const void* context) : skip_(skip), skip_context_(context) {}

  struct Output {
    std::vector<reconcile::ExtractedArticle> articles;  // whole, checked articles
    std::vector<Status> rejections;
    std::size_t unchanged = 0;
  };
  // One line of `file` (line numbers from 1). Whole articles and rejections go to `out`.
  void Line(std::string_view line, const std::string& file, std::size_t line_number, Output& out);
  // The end of `file`: an article still open is cut short.
  void End(const std::string& file, Output& out);

 private:
  void Close(Output& out);
  void Reject(Output& out, const std::string& where, const std::string& why);
  SkipCheck skip_;
  const void* skip_context_;
  std::optional<reconcile::ExtractedArticle> article_;
  std::string where_;  // file:line of the article record
  std::size_t mentions_expected_ = 0, claims_expected_ = 0;
  std::vector<double> confidences_;
  bool skipping_ = false;  // unchanged in the store: records counted, not parsed
  bool bad_ = false;       // rejected already: its remaining records are passed over
  std::size_t lines_left_ = 0;  // records of the open article still to come
  static constexpr std::size_t kUntilNextArticle = static_cast<std::size_t>(-1);
};

}  // namespace concord::tools
