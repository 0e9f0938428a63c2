// Reconciliation: claims → facts, discrepancies, independence groups, trust and scores.
// The scoring formula is written down in reconcile/SCORING.md; keep the two in step.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <cstring>
#include <set>
#include <unordered_map>

#include "reconcile/facts.h"
#include "reconcile/store_impl.h"

namespace concord::reconcile {
namespace {

// Relations whose two parties are interchangeable: "A and B signed" = "B and A signed".
constexpr std::string_view kSymmetricRelations[] = {"agreement", "partnership", "merger"};

constexpr double kSyndicationSimilarity = 0.5;  // estimated Jaccard of word 5-shingles

// Relations that measure a period: revenue of the third quarter and of the fourth are two
// facts, not one fact told two ways.
constexpr std::string_view kPeriodMeasures[] = {"revenue", "dividend"};
constexpr std::string_view kPeriodMarker = "|period=";

// The period a measure is for: "2026-Q3", "2026-H1", "2026-04", "2026"; empty when the claim
// gives none (a bare day is when it was reported, not what it covers).
std::string PeriodLabel(const ClaimRow& claim) {
  if (claim.time_start.size() < 7 || (!claim.time_boundary.empty() && claim.time_boundary != "none")) return "";
  const std::string year = claim.time_start.substr(0, 4);
  const int month = std::stoi(claim.time_start.substr(5, 2));
  if (claim.time_precision == "year") return year;
  if (claim.time_precision == "half") return year + (month <= 6 ? "-H1" : "-H2");
  if (claim.time_precision == "quarter") return year + "-Q" + std::to_string((month - 1) / 3 + 1);
  if (claim.time_precision == "month") return claim.time_start.substr(0, 7);
  return "";
}


std::string Number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

}  // namespace

bool IsPositive(const std::string& polarity) { return polarity == "affirmed" || polarity == "continues"; }

std::string ValueText(const ClaimRow& claim) {
  if (claim.value_kind == "none") return "no figure";
  extract::Amount amount;
  amount.low = claim.low;
  amount.high = claim.high;
  amount.currency = claim.currency;
  amount.qualifier = QualifierFromName(claim.qualifier);
  return AmountText(amount, ValueKindFromName(claim.value_kind));
}

namespace {

std::string TimeText(const ClaimRow& claim) {
  std::string text = claim.time_boundary.empty() || claim.time_boundary == "none" ? "" : claim.time_boundary + " ";
  if (claim.time_precision == "month") return text + claim.time_start.substr(0, 7);
  if (claim.time_precision == "year") return text + (claim.time_boundary.empty() || claim.time_boundary == "none" ? claim.time_start.substr(0, 4) : claim.time_end);
  return text + (claim.time_boundary == "through" || claim.time_boundary == "before" || claim.time_boundary == "until" ? claim.time_end : claim.time_start);
}

int PrecisionRank(const std::string& precision) {
  static const std::map<std::string, int> ranks = {{"day", 1}, {"week", 2}, {"month", 3}, {"quarter", 4},
                                                   {"half", 5}, {"year", 6}, {"decade", 7}};
  auto found = ranks.find(precision);
  return found == ranks.end() ? 0 : found->second;
}

// A date truncated to a precision, for comparing "April 27, 2026" with "April 2026".
std::string Truncate(const std::string& date, const std::string& precision) {
  if (date.size() < 10) return date;
  if (precision == "year" || precision == "decade" || precision == "half") return date.substr(0, 4);
  if (precision == "quarter") {
    int month = std::stoi(date.substr(5, 2));
    return date.substr(0, 4) + "-Q" + std::to_string((month - 1) / 3 + 1);
  }
  if (precision == "month") return date.substr(0, 7);
  return date;
}

}  // namespace

// Candidates come from an inverted index of sketch hashes, so only articles that share many
// shingles are compared: linear in the corpus for ordinary news, not quadratic.
void JoinSyndicatedCopies(const std::map<std::int64_t, std::string>& sketches, UnionFind& groups,
                          UnionFind& syndication, const std::function<bool(std::int64_t)>& is_new,
                          std::vector<std::pair<std::int64_t, std::int64_t>>* found) {
  constexpr std::size_t kMinimumSharedHashes = 8;  // of 64: below this Jaccard cannot reach 0.5
  // A hash in more articles than this is boilerplate (a standard sign-off, a template) and
  // is not counted; when every hash of an article is (a story republished by a hundred
  // outlets), its shortest list is checked instead, so no copy is missed.
  constexpr std::size_t kBoilerplateList = 100;
  std::unordered_map<std::uint64_t, std::vector<std::int64_t>> articles_by_hash;
  articles_by_hash.reserve(sketches.size() * 16);
  for (const auto& [article, sketch] : sketches) {
    for (std::size_t at = 0; at + sizeof(std::uint64_t) <= sketch.size(); at += sizeof(std::uint64_t)) {
      std::uint64_t hash;
      std::memcpy(&hash, sketch.data() + at, sizeof hash);
      articles_by_hash[hash].push_back(article);
    }
  }
  for (const auto& [article, sketch] : sketches) {
    if (is_new && !is_new(article)) continue;  // old pairs are stored; only new articles are compared
    std::unordered_map<std::int64_t, std::size_t> shared;
    const std::vector<std::int64_t>* shortest = nullptr;
    bool counted = false;
    auto count = [&](const std::vector<std::int64_t>& others, std::size_t weight) {
      for (std::int64_t other : others) {
        // Each pair once: from its larger id, unless only one side is new.
        if (other > article || (is_new && !is_new(other) && other != article)) shared[other] += weight;
      }
    };
    for (std::size_t at = 0; at + sizeof(std::uint64_t) <= sketch.size(); at += sizeof(std::uint64_t)) {
      std::uint64_t hash;
      std::memcpy(&hash, sketch.data() + at, sizeof hash);
      const std::vector<std::int64_t>& others = articles_by_hash[hash];
      if (shortest == nullptr || others.size() < shortest->size()) shortest = &others;
      if (others.size() > kBoilerplateList) continue;
      counted = true;
      count(others, 1);
    }
    if (!counted && shortest != nullptr) count(*shortest, kMinimumSharedHashes);
    for (const auto& [other, count] : shared) {
      if (count < kMinimumSharedHashes) continue;
      // Already joined through a third copy: skip the check, unless every pair is recorded
      // (a stored pair must not depend on an article that may later be removed).
      if (found == nullptr && syndication.Find(article) == syndication.Find(other)) continue;
      if (SketchSimilarity(sketch, sketches.at(other)) >= kSyndicationSimilarity) {
        groups.Join(article, other);
        syndication.Join(article, other);
        if (found != nullptr) found->emplace_back(std::min(article, other), std::max(article, other));
      }
    }
  }
}

extract::Qualifier QualifierFromName(std::string_view name) {
  for (extract::Qualifier q : {extract::Qualifier::kApprox, extract::Qualifier::kUpTo, extract::Qualifier::kAtLeast,
                               extract::Qualifier::kMoreThan, extract::Qualifier::kLessThan, extract::Qualifier::kRange}) {
    if (name == extract::QualifierName(q)) return q;
  }
  return extract::Qualifier::kExact;
}

extract::ValueKind ValueKindFromName(std::string_view name) {
  if (name == "money") return extract::ValueKind::kMoney;
  if (name == "percent") return extract::ValueKind::kPercent;
  if (name == "count") return extract::ValueKind::kCount;
  if (name == "boolean") return extract::ValueKind::kBoolean;
  return extract::ValueKind::kNone;
}

std::string ClaimLine(const ClaimRow& claim) {
  std::string line = claim.relation + ": " + (claim.subject.empty() ? "?" : claim.subject);
  if (!claim.counterparty.empty()) line += " → " + claim.counterparty;
  if (!claim.object.empty()) line += " (" + claim.object + ")";
  if (claim.value_kind != "none") line += ", " + ValueText(claim);
  if (!claim.time_start.empty() || !claim.time_end.empty()) line += ", " + TimeText(claim);
  if (claim.polarity != "affirmed") line += " [" + claim.polarity + "]";
  return line;
}

std::map<std::int64_t, std::int64_t> JoinSourcesAndDerivations(SQLite::Database& db, UnionFind& groups) {
  std::map<std::int64_t, std::int64_t> source_of_article;
  std::map<std::string, std::int64_t> article_by_key;
  std::map<std::int64_t, std::string> derived_from;
  SQLite::Statement select(db, "SELECT id, key, source_id, derived_from FROM articles ORDER BY id");
  while (select.executeStep()) {
    std::int64_t id = select.getColumn(0).getInt64();
    article_by_key[select.getColumn(1).getString()] = id;
    source_of_article[id] = select.getColumn(2).getInt64();
    if (!select.getColumn(3).isNull()) derived_from[id] = select.getColumn(3).getString();
  }
  std::map<std::int64_t, std::int64_t> first_article_of_source;
  for (const auto& [article, source] : source_of_article) {
    auto [it, inserted] = first_article_of_source.emplace(source, article);
    groups.Join(article, it->second);
  }
  for (const auto& [article, parent_key] : derived_from) {
    auto parent = article_by_key.find(parent_key);
    if (parent != article_by_key.end()) groups.Join(article, parent->second);
  }
  return source_of_article;
}

std::map<std::int64_t, std::string> LoadSketches(SQLite::Database& db) {
  std::map<std::int64_t, std::string> sketches;
  SQLite::Statement select(db, "SELECT id, sketch FROM articles");
  while (select.executeStep()) {
    const SQLite::Column sketch = select.getColumn(1);
    sketches[select.getColumn(0).getInt64()] =
        std::string(static_cast<const char*>(sketch.getBlob()), static_cast<std::size_t>(sketch.getBytes()));
  }
  return sketches;
}

Independence LoadIndependence(SQLite::Database& db) {
  Independence independence;
  JoinSourcesAndDerivations(db, independence.groups);
  JoinSyndicatedCopies(LoadSketches(db), independence.groups, independence.syndication, {}, nullptr);
  return independence;
}

bool NearlyEqual(double a, double b, double tolerance) {
  return std::fabs(a - b) <= tolerance * std::max(std::fabs(a), std::fabs(b));
}

bool IsSymmetricRelation(std::string_view relation) {
  return std::find(std::begin(kSymmetricRelations), std::end(kSymmetricRelations), relation) !=
         std::end(kSymmetricRelations);
}

std::string FactKey(const ClaimRow& claim) {
  std::string subject = claim.subject_id, counterparty = claim.counterparty_id;
  if (IsSymmetricRelation(claim.relation) && counterparty < subject) {
    std::swap(subject, counterparty);
  }
  std::string key = claim.relation + "|" + subject + "|" + counterparty + "|" + claim.object_id;
  // Terms that make a different agreement, not a different account of the same one.
  if (!claim.tranche.empty()) key += "|tranche=" + claim.tranche;
  if (claim.exclusive.has_value()) key += *claim.exclusive ? "|exclusive" : "|non-exclusive";
  if (std::find(std::begin(kPeriodMeasures), std::end(kPeriodMeasures), claim.relation) != std::end(kPeriodMeasures)) {
    const std::string period = PeriodLabel(claim);
    if (!period.empty()) key += std::string(kPeriodMarker) + period;
  }
  return key;
}

std::string PeriodOfKey(const std::string& key) {
  const std::size_t at = key.find(kPeriodMarker);
  return at == std::string::npos ? "" : key.substr(at + kPeriodMarker.size());  // FactKey puts it last
}

std::string TrancheOf(const std::string& terms) {
  if (terms.empty()) return "";
  nlohmann::json parsed = nlohmann::json::parse(terms, nullptr, false);
  if (parsed.is_object() && parsed.contains("tranche") && parsed["tranche"].is_string()) return parsed["tranche"];
  return "";
}

std::string PeriodlessKey(const std::string& key) {
  const std::size_t at = key.find(kPeriodMarker);
  if (at == std::string::npos) return "";
  const std::size_t end = key.find('|', at + kPeriodMarker.size());
  return key.substr(0, at) + (end == std::string::npos ? "" : key.substr(end));
}

std::vector<Difference> CompareClaims(const ClaimRow& a, const ClaimRow& b) {
  std::vector<Difference> differences;
  // Figures.
  if (a.value_kind != "none" && a.value_kind == b.value_kind) {
    if (a.value_kind == "money" && a.currency != b.currency && !a.currency.empty() && !b.currency.empty()) {
      differences.push_back({"value", "high", ValueText(a) + " vs " + ValueText(b) + ": different currencies"});
    } else if (NearlyEqual(a.low, b.low, 1e-9) && NearlyEqual(a.high, b.high, 1e-9)) {
      if (a.qualifier != b.qualifier) {
        bool up_to = a.qualifier == "up_to" || b.qualifier == "up_to";
        bool one_exact = a.qualifier == "exact" || b.qualifier == "exact";
        std::string hedged = a.qualifier == "exact" ? b.qualifier : a.qualifier;
        std::replace(hedged.begin(), hedged.end(), '_', ' ');
        differences.push_back({"hedge_lost", up_to && one_exact ? "medium" : "low",
                               one_exact ? "\"" + hedged + "\" dropped: " + ValueText(a) + " vs " + ValueText(b)
                                         : "qualifiers differ: " + ValueText(a) + " vs " + ValueText(b)});
      }
    } else {
      double small = std::min(std::fabs(a.low), std::fabs(b.low));
      double large = std::max(std::fabs(a.low), std::fabs(b.low));
      double ratio = small > 0 ? large / small : 0;
      double exponent = ratio > 0 ? std::log10(ratio) : 0;
      bool power_of_ten = ratio >= 9.9 && std::fabs(exponent - std::round(exponent)) < 0.005;
      bool approximate = a.qualifier == "approx" || b.qualifier == "approx";
      if (power_of_ten) {
        differences.push_back({"magnitude", "high", ValueText(a) + " vs " + ValueText(b) + ": a factor of " +
                                                        Number(std::round(ratio)) + " apart, likely a unit slip"});
      } else if (approximate && NearlyEqual(a.low, b.low, 0.05)) {
        differences.push_back({"value", "low", ValueText(a) + " vs " + ValueText(b) + ": within an approximation"});
      } else {
        double relative = large > 0 ? (large - small) / large : 0;
        differences.push_back({"value", relative > 0.1 ? "high" : "medium",
                               ValueText(a) + " vs " + ValueText(b) + " (" + Number(std::round(relative * 1000) / 10) + "% apart)"});
      }
    }
  }
  // Polarity: one says it holds (or still holds), the other that it no longer does or never did.
  if (IsPositive(a.polarity) != IsPositive(b.polarity)) {
    differences.push_back({"polarity", "high", "\"" + a.polarity + "\" vs \"" + b.polarity + "\""});
  }
  // Time.
  const bool a_dated = !a.time_start.empty() || !a.time_end.empty();
  const bool b_dated = !b.time_start.empty() || !b.time_end.empty();
  if (a_dated && b_dated) {
    bool a_bounded = a.time_boundary == "through" || a.time_boundary == "before" || a.time_boundary == "until" || a.time_boundary == "by";
    bool b_bounded = b.time_boundary == "through" || b.time_boundary == "before" || b.time_boundary == "until" || b.time_boundary == "by";
    if (a_bounded && b_bounded) {
      if (a.time_end != b.time_end || a.time_boundary != b.time_boundary) {
        int year_gap = std::abs(std::stoi(a.time_end.substr(0, 4)) - std::stoi(b.time_end.substr(0, 4)));
        if (year_gap <= 1 && a.time_boundary != b.time_boundary) {
          differences.push_back({"boundary", "low", "\"" + TimeText(a) + "\" vs \"" + TimeText(b) + "\": the end differs by how the boundary reads"});
        } else if (a.time_end != b.time_end) {
          differences.push_back({"date", "medium", "ends " + a.time_end + " vs " + b.time_end});
        }
      }
    } else if (!a_bounded && !b_bounded && !a.time_start.empty() && !b.time_start.empty()) {
      const std::string& coarser = PrecisionRank(a.time_precision) >= PrecisionRank(b.time_precision) ? a.time_precision : b.time_precision;
      if (Truncate(a.time_start, coarser) != Truncate(b.time_start, coarser)) {
        differences.push_back({"date", "medium", TimeText(a) + " vs " + TimeText(b)});
      }
    }
  }
  // Conditions.
  if (a.condition != b.condition) {
    if (!a.condition.empty() && !b.condition.empty()) {
      differences.push_back({"condition", "medium", a.condition + " vs " + b.condition});
    } else {
      differences.push_back({"condition", "low", "condition " + (a.condition.empty() ? b.condition : a.condition) + " stated by one side only"});
    }
  }
  return differences;
}

std::vector<ClaimRow> LoadClaimRows(SQLite::Database& db, const std::string& where, bool with_text) {
  std::vector<ClaimRow> rows;
  const std::string text_columns = with_text ? "c.quote, c.span_begin, c.span_end, c.confidence, coalesce(a.published, ''), coalesce(a.url, '')"
                                             : "'', c.span_begin, c.span_end, c.confidence, coalesce(a.published, ''), ''";
  SQLite::Statement select(db, R"sql(
    SELECT c.id, c.article_id, a.name, a.source_id, s.name, c.relation,
           coalesce(c.subject_id, ''), coalesce(c.subject, ''), coalesce(c.counterparty_id, ''),
           coalesce(c.counterparty, ''), coalesce(c.object_id, ''), coalesce(c.object, ''),
           c.value_kind, coalesce(c.value_low, 0), coalesce(c.value_high, 0), coalesce(c.currency, ''),
           coalesce(c.qualifier, ''), c.exclusive, coalesce(c.terms, ''), coalesce(c.time_start, ''),
           coalesce(c.time_end, ''), coalesce(c.time_precision, ''), coalesce(c.time_boundary, ''),
           c.polarity, c.modality, coalesce(c.condition, ''), )sql" + text_columns + R"sql(
    FROM claims c JOIN articles a ON a.id = c.article_id JOIN sources s ON s.id = a.source_id
    )sql" + (where.empty() ? "" : "WHERE " + where) + " ORDER BY c.id");
  while (select.executeStep()) {
    ClaimRow row;
    int column = 0;
    row.id = select.getColumn(column++).getInt64();
    row.article_id = select.getColumn(column++).getInt64();
    row.article = select.getColumn(column++).getString();
    row.source_id = select.getColumn(column++).getInt64();
    row.source = select.getColumn(column++).getString();
    row.relation = select.getColumn(column++).getString();
    row.subject_id = select.getColumn(column++).getString();
    row.subject = select.getColumn(column++).getString();
    row.counterparty_id = select.getColumn(column++).getString();
    row.counterparty = select.getColumn(column++).getString();
    row.object_id = select.getColumn(column++).getString();
    row.object = select.getColumn(column++).getString();
    row.value_kind = select.getColumn(column++).getString();
    row.low = select.getColumn(column++).getDouble();
    row.high = select.getColumn(column++).getDouble();
    row.currency = select.getColumn(column++).getString();
    row.qualifier = select.getColumn(column++).getString();
    const SQLite::Column exclusive = select.getColumn(column++);
    if (!exclusive.isNull()) row.exclusive = exclusive.getInt() != 0;
    const std::string terms = select.getColumn(column++).getString();
    row.tranche = TrancheOf(terms);
    row.frame = terms.find("\"trigger\"") != std::string::npos;
    row.time_start = select.getColumn(column++).getString();
    row.time_end = select.getColumn(column++).getString();
    row.time_precision = select.getColumn(column++).getString();
    row.time_boundary = select.getColumn(column++).getString();
    row.polarity = select.getColumn(column++).getString();
    row.modality = select.getColumn(column++).getString();
    row.condition = select.getColumn(column++).getString();
    row.quote = select.getColumn(column++).getString();
    row.span = {static_cast<std::size_t>(select.getColumn(column).getInt64()),
                static_cast<std::size_t>(select.getColumn(column + 1).getInt64())};
    column += 2;
    row.confidence = select.getColumn(column++).getDouble();
    row.published = select.getColumn(column++).getString();
    row.url = select.getColumn(column++).getString();
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace concord::reconcile
