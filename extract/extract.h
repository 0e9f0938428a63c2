#pragma once
// extract: Article → sentences (ICU) → mentions (RE2 recognizers) → claims (pattern files).
// Everything here is plain data; spans are byte offsets into Article::text.
// Values that need context beyond the text (dates against the published date, canonical
// entities, condition normal forms) are filled in later by normalize.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/corpus.h"
#include "corpus/status.h"

namespace concord::extract {

struct Span {
  std::size_t begin = 0;  // byte offset, inclusive
  std::size_t end = 0;    // byte offset, exclusive
  bool empty() const { return end <= begin; }
  bool operator==(const Span&) const = default;
};

struct Sentence {
  Span span;  // trailing whitespace excluded
  bool operator==(const Sentence&) const = default;
};

enum class MentionKind { kMoney, kPercent, kDate, kDuration, kCount, kEntity };

enum class Qualifier { kExact, kApprox, kUpTo, kAtLeast, kMoreThan, kLessThan, kRange };

enum class PercentUnit { kPercent, kPercentagePoint, kBasisPoint };

// A money amount, a percentage or a count, as a range in the currency's major unit.
// Values are computed from the decimal digits with integer arithmetic, so every amount a
// news text writes ("34.6 million") is the nearest double to the decimal, and integers
// below 2^53 are exact.
struct Amount {
  double low = 0;
  double high = 0;          // == low unless the qualifier is kRange or kUpTo-like
  std::string currency;     // ISO 4217 for money; empty for percent and counts
  Qualifier qualifier = Qualifier::kExact;
  PercentUnit percent_unit = PercentUnit::kPercent;  // percent mentions only
  std::string per;          // rate: "year", "quarter", "month", "week", "day", "share" or empty
  std::string counted;      // counts: the noun counted ("jobs", "years"); empty otherwise
  Span qualifier_span;      // "up to", "approximately" (outside the mention span); empty if none
  // A range written as two amounts ("$15bn and $20bn", "5% to 7%"): each amount's span, inside
  // the mention's; both empty for one amount and for a compact range ("$2-3 billion").
  Span low_span;
  Span high_span;
  bool operator==(const Amount&) const = default;
};

// Calendar precision, finest first.
enum class Precision { kNone, kDay, kWeek, kMonth, kQuarter, kHalf, kYear, kDecade };

// How a period's boundary reads: "through 2032" inclusive, "before 2030" exclusive,
// "until 2032" ambiguous (could be either), "by", "after", "since", "from … to", "between".
enum class Boundary { kNone, kThrough, kUntil, kBefore, kBy, kAfter, kSince, kRange };

// One calendar point as the text writes it, before resolution. 0 means "not given".
struct DatePoint {
  int year = 0;
  int month = 0;      // 1..12
  int day = 0;        // 1..31
  int quarter = 0;    // 1..4
  int half = 0;       // 1..2
  int decade = 0;     // 2020 for "the 2020s"
  int weekday = 0;    // 1 = Monday .. 7 = Sunday
  int week = 0;       // ISO week 1..53 of the year ("week 31", "week 3 of 2027")
  bool fiscal = false;  // "fiscal 2026", "FY26": the owner's fiscal calendar
  // Relative to the published date: "yesterday" = {kDay, -1}, "this year" = {kYear, 0},
  // "last quarter" = {kQuarter, -1}. With a month or quarter given ("in February this
  // year"), the offset applies to the year only.
  Precision relative_unit = Precision::kNone;
  int relative_offset = 0;
  Precision precision = Precision::kNone;  // of what the text states
  // The part of the current unit before or after the published day: -1 "earlier this
  // month" (its first day up to the day before), +1 "later this year" (the day to its end).
  int side = 0;
  // A holiday (extract/holidays.h: "Easter", "Thanksgiving", "Ramadan"); normalize places it
  // in the year written, or the one the tense and the published date pick.
  int holiday = 0;
  // "Labor Day weekend", "the weekend of Halloween": the weekend next to the holiday, the
  // holiday included (normalize/dates.cc says which days).
  bool weekend = false;
  // A part of the period ("early March", "mid-2019", "the end of the year"): 1 its first
  // part, 2 its middle, 3 its last (normalize/dates.cc says which days); `part_edge` when the
  // text names its edge ("the beginning of", "the end of") rather than a stretch ("early").
  int part = 0;
  bool part_edge = false;
  bool operator==(const DatePoint&) const = default;
};

// A date or period expression as recognized: a point, or a range, or a span of time from
// the published date ("in the next six years": duration_count 6, unit kYear, direction +1).
struct DateExpr {
  DatePoint start;
  std::optional<DatePoint> end;   // "from 2026 to 2030", "between … and …"
  Boundary boundary = Boundary::kNone;
  int duration_count = 0;
  Precision duration_unit = Precision::kNone;
  int duration_direction = 0;     // +1 "next/within", -1 "past/last"
  bool business_days = false;     // "the next 4 business days": Monday to Friday only
  bool day_month_ambiguous = false;  // "4/5/2026"
  // A day counted from the point: "three weeks from tomorrow" {3, kWeek}, "2 days before
  // May 13" {-2, kDay}; 0 when the text counts nothing.
  int shift_count = 0;
  Precision shift_unit = Precision::kNone;
  bool operator==(const DateExpr&) const = default;
};

// A date resolved against the published date (normalize fills it). ISO dates.
struct DateValue {
  std::string start;        // "2026-04-27"; empty when unresolved
  std::string end;          // last day included
  Precision precision = Precision::kNone;
  Boundary boundary = Boundary::kNone;
  std::vector<std::string> flags;  // "unresolved", "inconsistent", "ambiguous", "future_past_event"
  bool operator==(const DateValue&) const = default;
};

enum class EntityType { kUnknown, kOrganization, kPerson, kProduct, kPlace, kPronoun, kGovernment };

struct EntityRef {
  EntityType type = EntityType::kUnknown;
  std::string id;    // canonical id (normalize fills it): "amazon", "aws"
  std::string name;  // canonical display name: "Amazon", "AWS"
  bool operator==(const EntityRef&) const = default;
};

struct Mention {
  MentionKind kind = MentionKind::kMoney;
  Span span;
  std::string text;          // the surface text of `span`
  std::size_t sentence = 0;  // index into Extraction::sentences
  Amount amount;             // money, percent, count
  DateExpr date_expr;        // date, duration: as written
  DateValue date;            // date, duration: resolved (normalize)
  EntityRef entity;          // entity
  bool operator==(const Mention&) const = default;
};

enum class Polarity { kAffirmed, kNegated, kCeased, kContinues };
enum class Modality { kFact, kPlan, kEstimate, kReported, kConditional, kConsidering };

// A party of a claim: the surface text and, after normalize, the canonical entity.
struct Role {
  std::string text;
  Span span;
  EntityRef entity;
  bool present() const { return !text.empty(); }
  bool operator==(const Role&) const = default;
};

struct Provenance {
  std::string article;       // Article::id
  std::size_t sentence = 0;  // index into the article's sentences
  Span span;                 // the sentence (or clause) that makes the claim
  std::string quote;         // its text
  bool operator==(const Provenance&) const = default;
};

enum class ValueKind { kNone, kMoney, kPercent, kCount, kBoolean };

struct Claim {
  std::string relation;        // open set, named by pattern files ("invest", "license")
  std::string rule;            // "file.rules:line" of the pattern that matched
  Role subject;                // who acts / pays / holds
  Role counterparty;           // who receives / is invested in
  Role object;                 // asset, product, service
  ValueKind value_kind = ValueKind::kNone;
  Amount value;                // money, percent or count
  Span value_span;
  std::optional<bool> exclusive;  // license / right terms: "non-exclusive" → false
  // Other terms a rule sets ("tranche" = "first", "status" = "revised"), in rule order.
  std::vector<std::pair<std::string, std::string>> terms;
  bool has_time = false;
  DateExpr time_expr;
  DateValue time;              // normalize fills it
  Span time_span;
  Polarity polarity = Polarity::kAffirmed;
  Modality modality = Modality::kFact;
  std::string condition_text;  // "unless Microsoft is unable and has no intention of …"
  std::string condition;       // normal form (normalize): UNLESS(AND(NOT_ABLE(x), NOT_WILLING(x)))
  std::string attribution;     // who says it, when the text names them
  Provenance provenance;
  float confidence = 0;        // the extractor's own, 0..1
  // Content words of the claim's clause, lowercased and lightly stemmed ("jailed" and
  // "jailing" → "jail"), stop words, numbers and mentions left out, in text order without
  // repeats. What lets two texts' figures about the same thing be paired.
  std::vector<std::string> context;
  // Every party named in the claim's clause, in text order (normalize resolves them). For
  // `quantity` claims, whose subject is only a guess, this is the list to match on.
  std::vector<Role> entities;
  bool operator==(const Claim&) const = default;
};

struct Extraction {
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;  // text order
  std::vector<Claim> claims;      // text order
};

// Finds mentions and claims in articles. Built once from pattern files, then immutable:
// Extract() may be called from many threads at once.
class Extractor {
 public:
  // Loads every *.rules file of each folder, in name order. Fails if a file is unreadable
  // or a rule does not parse or compile; the message names file:line:column.
  static Result<Extractor> Create(const std::vector<std::filesystem::path>& pattern_dirs);

  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;
  ~Extractor();

  // Sentences, mentions and claims of one article, in text order. An article with none
  // gives empty vectors, not an error.
  Extraction Extract(const corpus::Article& article) const;

  std::size_t rule_count() const;

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Sentence spans of `text` (ICU sentence rules plus news abbreviations: "U.S.", "Inc.",
// "Corp.", "Dr." do not end a sentence; a line break ends one).
std::vector<Sentence> SplitSentences(std::string_view text);

// Money, percent, count, date and duration mentions of `text`, without entities or claims;
// spans are offsets into `text`. For tools that score the recognizers alone.
std::vector<Mention> FindQuantities(std::string_view text);

// Money and percent mentions of `text` only (the amount recognizer alone, no dates or counts);
// spans are offsets into `text`. For tools that time or fuzz that recognizer.
std::vector<Mention> FindAmounts(std::string_view text);

// Date and duration mentions of `text` only (the date recognizer alone, no amounts or
// counts); spans are offsets into `text`. For tools that time that recognizer.
std::vector<Mention> FindDates(std::string_view text);

const char* MentionKindName(MentionKind kind);
const char* QualifierName(Qualifier qualifier);
const char* PrecisionName(Precision precision);
const char* BoundaryName(Boundary boundary);
const char* PolarityName(Polarity polarity);
const char* ModalityName(Modality modality);
const char* EntityTypeName(EntityType type);
const char* PercentUnitName(PercentUnit unit);

}  // namespace concord::extract
