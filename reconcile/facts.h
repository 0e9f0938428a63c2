#pragma once
// Claim rows as reconciliation reads them, fact keys and claim comparison (internal).

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"

namespace concord::reconcile {

// The relation of a figure that no relation pattern took (extract's catch-all).
inline constexpr std::string_view kQuantityRelation = "quantity";

struct ClaimRow {
  std::int64_t id = 0, article_id = 0, source_id = 0;
  std::string article, source, published, url;
  std::string relation;
  std::string subject_id, subject, counterparty_id, counterparty, object_id, object;
  std::string value_kind;  // money, percent, count, none
  double low = 0, high = 0;
  std::string currency, qualifier;
  std::optional<bool> exclusive;
  std::string tranche;
  bool frame = false;  // a figure frame's claim (extract/patterns/frames.lex: terms carry "trigger")
  std::string time_start, time_end, time_precision, time_boundary;
  std::string polarity, modality, condition, quote;
  extract::Span span;
  double confidence = 0;
};

// Union-find over article ids; the smaller id is a set's root, so results are deterministic.
struct UnionFind {
  std::map<std::int64_t, std::int64_t> parent;
  std::int64_t Find(std::int64_t x) {
    auto it = parent.find(x);
    if (it == parent.end()) {
      parent[x] = x;
      return x;
    }
    if (it->second == x) return x;
    std::int64_t root = Find(it->second);
    parent[x] = root;
    return root;
  }
  void Join(std::int64_t a, std::int64_t b) {
    std::int64_t ra = Find(a), rb = Find(b);
    if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);  // smaller id is the root: deterministic
  }
};

// Independence groups of the stored articles (SCORING.md): one group per source, joined
// with what an article derives from and with syndicated copies (`syndication` alone).
struct Independence {
  UnionFind groups;
  UnionFind syndication;
};
Independence LoadIndependence(SQLite::Database& db);

// Joins in `groups` every stored article with its source's first article and with the article
// it derives from; returns each article's source id.
std::map<std::int64_t, std::int64_t> JoinSourcesAndDerivations(SQLite::Database& db, UnionFind& groups);

// Every stored article's shingle sketch, by article id.
std::map<std::int64_t, std::string> LoadSketches(SQLite::Database& db);

// Near-duplicate articles (syndicated copies) by their bottom-k sketches (article id →
// sketch): joins copies in `groups` and `syndication`. With `is_new`, only pairs with at least
// one new article are checked; with `found`, every similar pair checked is appended (smaller
// id first).
void JoinSyndicatedCopies(const std::map<std::int64_t, std::string>& sketches, UnionFind& groups,
                          UnionFind& syndication, const std::function<bool(std::int64_t)>& is_new,
                          std::vector<std::pair<std::int64_t, std::int64_t>>* found);

struct Difference {
  std::string type, severity, detail;
};

// Names as stored back to the closed sets (unknown names: kExact, kNone).
extract::Qualifier QualifierFromName(std::string_view name);
extract::ValueKind ValueKindFromName(std::string_view name);

// Stored claims in id order. `where` (SQL over `c` claims, `a` articles) narrows them; without
// `with_text`, quote and url stay empty (reconcile does not need them).
std::vector<ClaimRow> LoadClaimRows(SQLite::Database& db, const std::string& where = "", bool with_text = true);

// "affirmed" and "continues" hold; "negated" and "ceased" do not.
bool IsPositive(const std::string& polarity);

// The figure as a reader sees it: "up to USD 50 bn", "no figure".
std::string ValueText(const ClaimRow& claim);

// |a - b| within `tolerance` relative to the larger magnitude.
bool NearlyEqual(double a, double b, double tolerance);

// Relations whose two parties are interchangeable ("A and B signed" = "B and A signed").
bool IsSymmetricRelation(std::string_view relation);

// relation | subject | counterparty | object [| terms] [| period=…]: claims with one key speak
// of one fact. Measures of a period (revenue) carry the period they are for.
std::string FactKey(const ClaimRow& claim);

// A period measure's key without its period ("revenue|x|||period=2026-Q3" → "revenue|x||");
// empty for keys without a period.
std::string PeriodlessKey(const std::string& key);

// A period measure's period ("2026-Q3"); empty for keys without one.
std::string PeriodOfKey(const std::string& key);

// The `tranche` of a claim's stored terms (JSON object), or empty.
std::string TrancheOf(const std::string& terms);

// One line for a reader: "invest: Amazon → OpenAI, up to USD 50 bn, 2026-02".
std::string ClaimLine(const ClaimRow& claim);

// Typed differences between two accounts of one fact (empty when they agree).
std::vector<Difference> CompareClaims(const ClaimRow& a, const ClaimRow& b);

}  // namespace concord::reconcile
