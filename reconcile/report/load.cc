// Loading a report from the store: filters, stances, highlights, timelines, source and
// agreement tables.

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <tuple>

#include "reconcile/facts.h"
#include "reconcile/report/report.h"
#include "reconcile/store/forms.h"
#include "reconcile/store/store_impl.h"

namespace concord::reconcile {
namespace {

int StatusRank(const std::string& status) {
  if (status == "disputed") return 0;
  if (status == "corroborated") return 1;
  return 2;
}

std::string DisplayName(const normalize::EntityTable& entities, const std::string& id, const std::string& surface) {
  if (id.empty()) return surface;
  const normalize::Entity* entity = entities.FindById(id);
  return entity ? entity->name : surface;
}

// A string field, or "" when it is absent or null.
std::string Field(const nlohmann::json& object, const char* key) {
  auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

std::string ValueLine(const nlohmann::json& value) {
  if (value.is_null()) return "";
  extract::Amount amount;
  amount.low = value.value("low", 0.0);
  amount.high = value.value("high", 0.0);
  amount.currency = Field(value, "currency");
  amount.qualifier = QualifierFromName(Field(value, "qualifier"));
  return AmountText(amount, ValueKindFromName(Field(value, "kind")));
}

std::string TimeLine(const nlohmann::json& time) {
  if (time.is_null()) return "";
  extract::DateValue date;
  date.start = Field(time, "start");
  date.end = Field(time, "end");
  std::string precision = Field(time, "precision");
  for (extract::Precision p :
       {extract::Precision::kDay, extract::Precision::kWeek, extract::Precision::kMonth, extract::Precision::kQuarter,
        extract::Precision::kHalf, extract::Precision::kYear, extract::Precision::kDecade}) {
    if (precision == extract::PrecisionName(p)) date.precision = p;
  }
  std::string boundary = Field(time, "boundary");
  for (extract::Boundary b :
       {extract::Boundary::kThrough, extract::Boundary::kUntil, extract::Boundary::kBefore, extract::Boundary::kBy,
        extract::Boundary::kAfter, extract::Boundary::kSince, extract::Boundary::kRange}) {
    if (boundary == extract::BoundaryName(b)) date.boundary = b;
  }
  return DateText(date);
}

// --since / --until take YYYY, YYYY-MM or YYYY-MM-DD; a shorter form means its whole
// period ("--until 2026-03" keeps all of March).
bool IsDatePrefix(const std::string& text) {
  static constexpr const char kShape[] = "dddd-dd-dd";
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool digit = std::isdigit(static_cast<unsigned char>(text[i])) != 0;
    if (kShape[i] == 'd' ? !digit : text[i] != '-') return false;
  }
  return true;
}

bool InDateRange(const std::string& date, const ReportFilter& filter) {
  if (filter.since.empty() && filter.until.empty()) return true;
  if (date.empty()) return false;  // an undated fact is in no period
  if (!filter.since.empty() && date.compare(0, filter.since.size(), filter.since) < 0) return false;
  if (!filter.until.empty() && date.compare(0, filter.until.size(), filter.until) > 0) return false;
  return true;
}

// --- Highlights: the part of each quote a discrepancy is about. ---------------------------
//
// Claims keep the span of their quote; mentions keep theirs, in the same article text. So a
// figure, date or party of a claim is the mention inside the quote's span, moved by the
// quote's start: no text is searched for a value. Words (polarity cues, a condition's text)
// are found in the quote itself, as stored.

enum class MarkKind { kFigure, kDate, kParties, kPolarity, kCondition };

std::optional<MarkKind> MarkFor(const std::string& discrepancy_type) {
  if (discrepancy_type == "value" || discrepancy_type == "magnitude" || discrepancy_type == "hedge_lost") {
    return MarkKind::kFigure;
  }
  if (discrepancy_type == "date" || discrepancy_type == "boundary") return MarkKind::kDate;
  if (discrepancy_type == "direction" || discrepancy_type == "entity") return MarkKind::kParties;
  if (discrepancy_type == "polarity") return MarkKind::kPolarity;
  if (discrepancy_type == "condition") return MarkKind::kCondition;
  return std::nullopt;
}

struct StoredMention {
  std::string kind;  // money, percent, count, date, entity
  extract::Span span;
  double low = 0, high = 0;    // figures
  std::string start, end, id;  // dates; entities
};

// Mentions of the articles whose quotes get highlights, read once per article.
class MentionCache {
 public:
  explicit MentionCache(sql::Connection& db)
      : select_(db, R"sql(
          SELECT kind, span_begin, span_end, coalesce(value, 'null') FROM mentions
          WHERE article_id = ? AND kind IN ('money', 'percent', 'count', 'date', 'entity')
          ORDER BY span_begin, id)sql") {}

  const std::vector<StoredMention>& Of(std::int64_t article_id) {
    auto [it, inserted] = by_article_.try_emplace(article_id);
    if (!inserted) return it->second;
    select_.Bind(1, article_id);
    while (select_.Step()) {
      StoredMention mention;
      mention.kind = select_.Text(0);
      mention.span = {static_cast<std::size_t>(select_.Int64(1)),
                      static_cast<std::size_t>(select_.Int64(2))};
      nlohmann::json value = nlohmann::json::parse(select_.Text(3), nullptr, false);
      if (value.is_object()) {
        mention.low = value.value("low", 0.0);
        mention.high = value.value("high", 0.0);
        mention.start = Field(value, "start");
        mention.end = Field(value, "end");
        mention.id = Field(value, "id");
      }
      it->second.push_back(std::move(mention));
    }
    select_.Reset();
    return it->second;
  }

 private:
  sql::Statement select_;
  std::map<std::int64_t, std::vector<StoredMention>> by_article_;
};

bool SameFigure(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b)); }

// ASCII-lowercase equality of `text[at, at + word.size())` with `word`.
bool WordAt(std::string_view text, std::size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  }
  return true;
}

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || (c & 0x80) != 0; }

// Grows a mark leftwards over a hedge or boundary word written just before it ("up to $4
// billion", "through 2030"), so the reader sees what was dropped or changed.
std::size_t ExtendLeft(std::string_view quote, std::size_t begin, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    std::size_t needed = word.size() + 1;  // the word and one space
    if (begin < needed || quote[begin - 1] != ' ') continue;
    std::size_t at = begin - needed;
    if (WordAt(quote, at, word) && (at == 0 || !IsWordByte(quote[at - 1]))) return at;
  }
  return begin;
}

// Whole words of `quote` that turn a claim's polarity: "no longer", "still", "doesn't".
void PolarityWords(std::string_view quote, std::vector<extract::Span>& marks) {
  static constexpr std::string_view kCues[] = {"not",       "never",  "still",     "continues", "continue",
                                               "continued", "ceased", "ceases",    "stopped",   "stops",
                                               "ended",     "halted", "terminated"};
  static constexpr std::string_view kLonger = " longer";
  std::size_t at = 0;
  while (at < quote.size()) {
    if (!IsWordByte(quote[at])) {
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < quote.size() && (IsWordByte(quote[end]) || quote[end] == '\'')) ++end;
    std::string word(quote.substr(at, end - at));
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::size_t after_longer = end + kLonger.size();
    if (word == "no" && WordAt(quote, end, kLonger) &&
        (after_longer == quote.size() || !IsWordByte(quote[after_longer]))) {
      marks.push_back({at, after_longer});
      at = after_longer;
      continue;
    }
    auto ends_with = [&](std::string_view tail) { return word.size() > tail.size() && word.ends_with(tail); };
    bool cue = std::find(std::begin(kCues), std::end(kCues), word) != std::end(kCues);
    if (cue || ends_with("n't") || ends_with("n\xE2\x80\x99t")) marks.push_back({at, end});
    at = end;
  }
}

// Sorted, merged, inside the quote and on UTF-8 boundaries.
std::vector<extract::Span> Normalized(std::vector<extract::Span> marks, std::string_view quote) {
  auto on_boundary = [&](std::size_t at) {
    return at == quote.size() || (static_cast<unsigned char>(quote[at]) & 0xC0) != 0x80;
  };
  std::sort(marks.begin(), marks.end(), [](const extract::Span& a, const extract::Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::vector<extract::Span> merged;
  for (const extract::Span& mark : marks) {
    if (mark.empty() || mark.end > quote.size() || !on_boundary(mark.begin) || !on_boundary(mark.end)) continue;
    if (!merged.empty() && mark.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, mark.end);
    } else {
      merged.push_back(mark);
    }
  }
  return merged;
}

std::vector<extract::Span> Highlights(const ClaimRow& claim, const std::set<MarkKind>& kinds, MentionCache& mentions,
                                      const std::string& condition_text) {
  const std::string_view quote = claim.quote;
  // Mentions map into the quote only when the quote is exactly its span's text.
  const bool spans_map = claim.span.end >= claim.span.begin && claim.span.end - claim.span.begin == quote.size();
  std::vector<extract::Span> marks;
  auto inside = [&](const StoredMention& m) {
    return m.span.begin >= claim.span.begin && m.span.end <= claim.span.end;
  };
  auto in_quote = [&](const StoredMention& m) {
    return extract::Span{m.span.begin - claim.span.begin, m.span.end - claim.span.begin};
  };
  // Marks the mentions of `kind_set` in the quote that `match`, or all of them when none does.
  auto mark_mentions = [&](std::initializer_list<std::string_view> kind_set, auto match, auto extend) {
    std::vector<const StoredMention*> candidates, matching;
    for (const StoredMention& m : mentions.Of(claim.article_id)) {
      if (!inside(m) || std::find(kind_set.begin(), kind_set.end(), m.kind) == kind_set.end()) continue;
      candidates.push_back(&m);
      if (match(m)) matching.push_back(&m);
    }
    for (const StoredMention* m : matching.empty() ? candidates : matching) {
      extract::Span span = in_quote(*m);
      span.begin = extend(span.begin);
      marks.push_back(span);
    }
  };
  for (MarkKind kind : kinds) {
    switch (kind) {
      case MarkKind::kFigure:
        if (!spans_map) break;
        mark_mentions(
            {"money", "percent", "count"},
            [&](const StoredMention& m) { return SameFigure(m.low, claim.low) && SameFigure(m.high, claim.high); },
            [&](std::size_t begin) {
              return ExtendLeft(quote, begin,
                                {"up to", "as much as", "approximately", "about", "around", "roughly", "nearly",
                                 "almost", "more than", "at least", "less than", "over", "some", "an estimated"});
            });
        break;
      case MarkKind::kDate:
        if (!spans_map) break;
        mark_mentions(
            {"date"},
            [&](const StoredMention& m) {
              return (!claim.time_start.empty() && m.start == claim.time_start) ||
                     (!claim.time_end.empty() && m.end == claim.time_end);
            },
            [&](std::size_t begin) {
              return ExtendLeft(quote, begin, {"through", "until", "till", "before", "by", "after", "since", "to"});
            });
        break;
      case MarkKind::kParties:
        if (!spans_map) break;
        mark_mentions(
            {"entity"},
            [&](const StoredMention& m) {
              return !m.id.empty() && (m.id == claim.subject_id || m.id == claim.counterparty_id);
            },
            [](std::size_t begin) { return begin; });
        break;
      case MarkKind::kPolarity: PolarityWords(quote, marks); break;
      case MarkKind::kCondition:
        if (std::size_t at = condition_text.empty() ? std::string::npos : quote.find(condition_text);
            at != std::string::npos) {
          marks.push_back({at, at + condition_text.size()});
        }
        break;
    }
  }
  return Normalized(std::move(marks), quote);
}

// Per entity, its dated facts in date order; entities in name order.
std::vector<ReportTimeline> Timelines(const std::vector<ReportFact>& facts) {
  std::map<std::string, std::vector<std::size_t>> by_entity;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const ReportFact& fact = facts[i];
    if (fact.date.empty()) continue;
    std::set<std::string> names;
    for (const std::string* name : {&fact.subject, &fact.counterparty, &fact.object}) {
      if (!name->empty()) names.insert(*name);
    }
    for (const std::string& name : names) by_entity[name].push_back(i);
  }
  std::vector<ReportTimeline> timelines;
  for (auto& [entity, indexes] : by_entity) {
    std::stable_sort(indexes.begin(), indexes.end(),
                     [&](std::size_t a, std::size_t b) { return facts[a].date < facts[b].date; });
    timelines.push_back({entity, std::move(indexes)});
  }
  return timelines;
}

}  // namespace

namespace {

// What a report's facts are assembled from, besides the facts table: each fact's claims (in
// claim id order, pointers into the loaded rows), discrepancies (in id order) and the titles
// of articles that have one.
struct FactTables {
  std::map<std::int64_t, std::vector<const ClaimRow*>> claims_by_fact;
  std::map<std::int64_t, std::vector<ReportDiscrepancy>> discrepancies_by_fact;
  std::map<std::int64_t, std::string> title_by_article;
};

FactTables LoadFactTables(sql::Connection& db, const std::vector<ClaimRow>& rows) {
  FactTables tables;
  std::map<std::int64_t, std::vector<const ClaimRow*>>& claims_by_fact = tables.claims_by_fact;
  std::map<std::int64_t, std::vector<ReportDiscrepancy>>& discrepancies_by_fact = tables.discrepancies_by_fact;
  std::map<std::int64_t, std::string>& title_by_article = tables.title_by_article;
  std::map<std::int64_t, const ClaimRow*> row_by_id;
  for (const ClaimRow& row : rows) row_by_id[row.id] = &row;
  {
    sql::Statement select(db, "SELECT claim_id, fact_id FROM claim_facts ORDER BY claim_id");
    while (select.Step()) {
      claims_by_fact[select.Int64(1)].push_back(row_by_id[select.Int64(0)]);
    }
    // A fact's claims in the order of their articles and places in them, not of their ids:
    // ids follow the order ingest stored the articles in, which threads and shards change.
    for (auto& [fact, members] : claims_by_fact) {
      std::stable_sort(members.begin(), members.end(), [](const ClaimRow* a, const ClaimRow* b) {
        if (a == nullptr || b == nullptr) return a != nullptr && b == nullptr;
        return std::tie(a->article, a->span.begin, a->span.end) < std::tie(b->article, b->span.begin, b->span.end);
      });
    }
  }
  {
    sql::Statement select(
        db, "SELECT fact_id, type, severity, detail, claim_a, claim_b FROM discrepancies ORDER BY id");
    while (select.Step()) {
      discrepancies_by_fact[select.Int64(0)].push_back(
          {select.Text(1), select.Text(2), select.Text(3),
           select.Int64(4), select.Int64(5)});
    }
  }
  {
    sql::Statement select(db, "SELECT id, title FROM articles WHERE title IS NOT NULL AND title <> ''");
    while (select.Step()) title_by_article[select.Int64(0)] = select.Text(1);
  }
  return tables;
}

// True when the entity `entity_id` (or a unit within it) plays a role in the fact or in one
// of its claims.
bool Involves(const std::string& entity_id, const std::string& subject_id, const std::string& counterparty_id,
              const std::string& object_id, const std::vector<const ClaimRow*>& members,
              const normalize::EntityTable& entities) {
  bool involved = false;
  auto plays = [&](const std::string& id) {
    return !id.empty() && (id == entity_id || entities.IsWithin(id, entity_id));
  };
  for (const std::string& id : {subject_id, counterparty_id, object_id}) involved = involved || plays(id);
  // A unit keyed by its parent (AWS in Amazon's fact) is still found by its own name.
  for (const ClaimRow* claim : members) {
    involved = involved || plays(claim->subject_id) || plays(claim->counterparty_id) || plays(claim->object_id);
  }
  return involved;
}

// One claim as the report shows it: its stance, its article's title, and (when the fact has
// discrepancies of `marks`' kinds) what differs marked in its quote.
ReportClaim ClaimView(const ClaimRow* claim, const std::set<std::int64_t>& contradicting, const std::set<MarkKind>& marks,
                      const FactTables& tables, MentionCache& mentions, sql::Statement& condition_of) {
  const std::map<std::int64_t, std::string>& title_by_article = tables.title_by_article;
  ReportClaim view;
  view.id = claim->id;
  view.article = claim->article;
  view.source = claim->source;
  view.published = claim->published;
  view.url = claim->url;
  view.quote = claim->quote;
  view.span = claim->span;
  view.stance = contradicting.count(claim->id) ? "contradicts" : "supports";
  if (auto title = title_by_article.find(claim->article_id); title != title_by_article.end()) {
    view.title = title->second;
  }
  if (!marks.empty()) {
    std::string condition_text;
    if (marks.count(MarkKind::kCondition)) {
      condition_of.Bind(1, claim->id);
      if (condition_of.Step()) condition_text = condition_of.Text(0);
      condition_of.Reset();
    }
    view.highlights = Highlights(*claim, marks, mentions, condition_text);
  }
  return view;
}

// Counts the fact's claims into the source and agreement tables (what the report shows).
void CountSources(const ReportFact& fact, std::map<std::string, ReportSource>& sources,
                  std::map<std::pair<std::string, std::string>, ReportAgreement>& agreement) {
  std::map<std::string, std::string> stance_of_source;
  for (const ReportClaim& claim : fact.claims) {
    ReportSource& source = sources[claim.source];
    source.name = claim.source;
    ++source.claims;
    if (fact.status == "corroborated") ++source.corroborated;
    if (claim.stance == "contradicts") ++source.contradicted;
    // An update moved the figure on the fact's timeline: the source does not disagree.
    auto [it, inserted] = stance_of_source.emplace(claim.source, claim.stance == "update" ? "supports" : claim.stance);
    if (!inserted && claim.stance == "contradicts") it->second = "contradicts";
  }
  if (stance_of_source.size() == 1) ++sources[stance_of_source.begin()->first].unique;
  for (auto a = stance_of_source.begin(); a != stance_of_source.end(); ++a) {
    for (auto b = std::next(a); b != stance_of_source.end(); ++b) {
      ReportAgreement& pair = agreement[{a->first, b->first}];
      pair.a = a->first;
      pair.b = b->first;
      ++pair.shared_facts;
      if (a->second == b->second) {
        ++pair.agree;
      } else {
        ++pair.conflict;
      }
    }
  }
}

// The source table (every source, with its trust) and the syndicated clusters.
void LoadSourcesAndClusters(sql::Connection& db, std::map<std::string, ReportSource>& sources,
                            const std::map<std::pair<std::string, std::string>, ReportAgreement>& agreement,
                            Report& report) {
  sql::Statement trust(db, "SELECT name, trust FROM sources ORDER BY name");
  while (trust.Step()) {
    std::string name = trust.Text(0);
    ReportSource& source = sources[name];
    source.name = name;
    source.trust = trust.Double(1);
  }
  for (auto& [name, source] : sources) report.sources.push_back(source);
  for (auto& [pair, row] : agreement) report.agreement.push_back(row);
  sql::Statement clusters(db, R"sql(
    SELECT c.cluster, a.name FROM clusters c JOIN articles a ON a.id = c.article_id ORDER BY c.cluster, a.name)sql");
  std::int64_t current = -1;
  while (clusters.Step()) {
    std::int64_t cluster = clusters.Int64(0);
    if (cluster != current) {
      report.clusters.emplace_back();
      current = cluster;
    }
    report.clusters.back().articles.push_back(clusters.Text(1));
  }
}

}  // namespace

Result<Report> LoadReport(Store& store, const ReportFilter& filter, const normalize::EntityTable& entities) {
  for (const std::string* date : {&filter.since, &filter.until}) {
    if (!date->empty() && !IsDatePrefix(*date)) {
      return Status::Usage(std::string(date == &filter.since ? "--since" : "--until") +
                           ": not a date (YYYY, YYYY-MM or YYYY-MM-DD): " + *date);
    }
  }
  Report report;
  report.filter = filter;
  sql::Connection& db = *store.impl().db;
  try {
    std::string entity_id;
    if (!filter.entity.empty()) {
      const normalize::Entity* entity = entities.Find(filter.entity);
      entity_id = entity ? entity->id : normalize::CanonicalKey(filter.entity);
    }
    std::vector<ClaimRow> rows = LoadClaimRows(db);
    FactTables tables = LoadFactTables(db, rows);
    MentionCache mentions(db);
    sql::Statement condition_of(db, "SELECT coalesce(condition_text, '') FROM claims WHERE id = ?");
    // Per source: claims, in corroborated facts, contradicting, alone on a fact.
    std::map<std::string, ReportSource> sources;
    std::map<std::pair<std::string, std::string>, ReportAgreement> agreement;

    sql::Statement select(db, R"sql(
      SELECT id, key, relation, coalesce(subject_id, ''), coalesce(counterparty_id, ''), coalesce(object_id, ''),
             value, time, status, score, independent_sources, coalesce(explanation, '')
      FROM facts ORDER BY id)sql");
    while (select.Step()) {
      ReportFact fact;
      std::int64_t row_id = select.Int64(0);
      fact.key = select.Text(1);
      fact.relation = select.Text(2);
      std::string subject_id = select.Text(3);
      std::string counterparty_id = select.Text(4);
      std::string object_id = select.Text(5);
      fact.value_json = select.Text(6);
      fact.time_json = select.Text(7);
      fact.status = select.Text(8);
      fact.score = select.Int(9);
      fact.independent_sources = select.Int(10);
      fact.explanation = select.Text(11);
      const std::vector<const ClaimRow*>& members = tables.claims_by_fact[row_id];
      if (members.empty()) continue;
      // Filters first: what is filtered out costs nothing more.
      if (!filter.relation.empty() && fact.relation != filter.relation) continue;
      if (filter.conflicts_only && fact.status != "disputed") continue;
      // A name with no letters or digits ("%", "_") has an empty key: it names no entity, so
      // it matches nothing rather than everything (issue 18).
      if (!filter.entity.empty() &&
          (entity_id.empty() || !Involves(entity_id, subject_id, counterparty_id, object_id, members, entities))) {
        continue;
      }
      nlohmann::json time = nlohmann::json::parse(fact.time_json, nullptr, false);
      if (time.is_object()) {
        fact.date = Field(time, "start");
        if (fact.date.empty()) fact.date = Field(time, "end");
      }
      if (!InDateRange(fact.date, filter)) continue;

      const ClaimRow& first = *members.front();
      fact.subject = DisplayName(entities, subject_id, first.subject);
      fact.counterparty = DisplayName(entities, counterparty_id, first.counterparty);
      fact.object = DisplayName(entities, object_id, first.object);
      fact.value_text = ValueLine(nlohmann::json::parse(fact.value_json, nullptr, false));
      fact.time_text = TimeLine(time);
      fact.discrepancies = tables.discrepancies_by_fact[row_id];
      std::set<std::int64_t> contradicting;
      // What a discrepancy is about is marked in every quote of the fact, so the reader sees
      // each account's figure (or date, party, words) side by side.
      std::set<MarkKind> marks;
      for (const ReportDiscrepancy& d : fact.discrepancies) {
        if (d.severity != "low") contradicting.insert(d.claim_b);
        if (std::optional<MarkKind> kind = MarkFor(d.type)) marks.insert(*kind);
      }
      // A figure that moved over time (SCORING.md, "Timelines"): its steps, the claims in date
      // order, and each claim that moved the figure marked as an update.
      std::vector<const ClaimRow*> ordered = members;
      std::stable_sort(ordered.begin(), ordered.end(),
                       [](const ClaimRow* a, const ClaimRow* b) { return EarlierClaim(*a, *b); });
      const FigureTimeline timeline = TimelineOf(ordered);
      std::set<std::int64_t> updates;
      for (std::size_t k = 0; k < timeline.steps.size(); ++k) {
        const ClaimRow& step = *ordered[timeline.steps[k]];
        fact.timeline.push_back({step.id, step.published, step.article, step.source, ValueText(step), k > 0});
        if (k > 0) updates.insert(step.id);
      }
      for (const ClaimRow* claim : timeline.moved() ? ordered : members) {
        ReportClaim view = ClaimView(claim, contradicting, marks, tables, mentions, condition_of);
        if (updates.count(claim->id) && view.stance == "supports") view.stance = "update";
        fact.claims.push_back(std::move(view));
      }
      fact.id = row_id;
      CountSources(fact, sources, agreement);
      report.facts.push_back(std::move(fact));
    }
    std::stable_sort(report.facts.begin(), report.facts.end(), [](const ReportFact& a, const ReportFact& b) {
      if (StatusRank(a.status) != StatusRank(b.status)) return StatusRank(a.status) < StatusRank(b.status);
      if (a.score != b.score) return a.score > b.score;
      return a.key < b.key;
    });
    report.timelines = Timelines(report.facts);
    LoadSourcesAndClusters(db, sources, agreement, report);
  } catch (const std::exception& error) {
    return DatabaseError(store.impl().path, error);
  }
  return report;
}


}  // namespace concord::reconcile
