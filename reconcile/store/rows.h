#pragma once
// Stored rows as the rooms above the store read them: plain data, no SQL. The reconcile pass,
// the summary audit and the report take these (reconcile/store/store_impl.h loads them).

#include <cstdint>
#include <optional>
#include <string>

#include "extract/extract.h"

namespace concord::reconcile {

// One stored claim with its article and source.
struct ClaimRow {
  std::int64_t id = 0, article_id = 0, source_id = 0;
  std::string article, source, published, url;
  std::string relation;
  std::string subject_id, subject, counterparty_id, counterparty, object_id, object;
  std::string value_kind;  // money, percent, count, none
  double low = 0, high = 0;
  std::string currency, qualifier;
  std::string per;  // a rate's unit: "share" (a price per share), "year", …; empty for a total
  std::optional<bool> exclusive;
  std::string tranche;
  bool frame = false;  // a figure frame's claim (extract/patterns/frames.lex: terms carry "trigger")
  std::string terms;      // the stored terms, a JSON object ({"status":"revised"}) or empty
  bool measure = false;   // a measure of one party (term measure=yes): keyed by its period
  std::string time_start, time_end, time_precision, time_boundary;
  std::string polarity, modality, condition, quote;
  extract::Span span;
  double confidence = 0;
};

// One stored article as independence needs it.
struct ArticleRow {
  std::int64_t id = 0;
  std::string key;                          // Article::id
  std::int64_t source_id = 0;
  std::optional<std::string> derived_from;  // the key of the article it derives from
};

// The `tranche` of a claim's stored terms (JSON object), or empty.
std::string TrancheOf(const std::string& terms);

// The term `name` of a claim's stored terms (JSON object), or empty.
std::string TermOf(const std::string& terms, const std::string& name);

}  // namespace concord::reconcile
