// Facts from claims: fact keys, the figure and time lines of a claim, and the typed
// differences between two accounts of one fact (SCORING.md lists the types).

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <sstream>
#include <tuple>

#include "reconcile/facts.h"
#include "reconcile/store/forms.h"

namespace concord::reconcile {
namespace {

// Relations whose two parties are interchangeable: "A and B signed" = "B and A signed".
constexpr std::string_view kSymmetricRelations[] = {"agreement", "partnership", "merger"};

// Relations that measure a period: revenue of the third quarter and of the fourth are two
// facts, not one fact told two ways. Besides these two (named before measures carried a
// term), every claim with the term measure=yes (extract's figure frames: profit, eps, debt, …).
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
  // A price per share and a total price are two figures of one deal, never two accounts of
  // one figure (nor a step of its timeline): "35 dlrs a share" and "1.2 billion dlrs".
  if (!claim.per.empty() && claim.value_kind != "none") key += "|per=" + claim.per;
  if (claim.measure ||
      std::find(std::begin(kPeriodMeasures), std::end(kPeriodMeasures), claim.relation) != std::end(kPeriodMeasures)) {
    // A measure with no period (a market value, a share price or a stake "as of" the report,
    // a day that only dates the report) keeps the key without one: it is compared with the
    // other period-less accounts of the same owner's measure, never with a period's figure.
    const std::string period = PeriodLabel(claim);
    if (!period.empty()) key += std::string(kPeriodMarker) + period;
  }
  return key;
}

std::string PeriodOfKey(const std::string& key) {
  const std::size_t at = key.find(kPeriodMarker);
  return at == std::string::npos ? "" : key.substr(at + kPeriodMarker.size());  // FactKey puts it last
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

bool EarlierClaim(const ClaimRow& a, const ClaimRow& b) {
  return std::tie(a.published, a.article, a.span.begin, a.span.end, a.id) <
         std::tie(b.published, b.article, b.span.begin, b.span.end, b.id);
}

namespace {

// reconcile/data/update_cues.txt, compiled in (reconcile/CMakeLists.txt writes it into
// update_cues.inc as one raw string).
constexpr std::string_view kUpdateCuesText =
#include "update_cues.inc"
    ;

// One cue: words in order, adjacent; "*" any one word, "word*" any word it begins.
struct Cue {
  unsigned flag = 0;
  std::vector<std::string> words;
};

const std::vector<Cue>& Cues() {
  static const std::vector<Cue> cues = [] {
    std::vector<Cue> parsed;
    std::istringstream lines{std::string(kUpdateCuesText)};
    std::string line;
    while (std::getline(lines, line)) {
      std::istringstream fields(line);
      std::string kind;
      if (!(fields >> kind) || kind[0] == '#') continue;
      Cue cue;
      // The file is compiled in: a kind not in the grammar is the editor's mistake.
      assert(kind == "update" || kind == "offer");
      cue.flag = kind == "update" ? kUpdateCue : kOfferCue;
      for (std::string word; fields >> word;) cue.words.push_back(word);
      if (!cue.words.empty()) parsed.push_back(std::move(cue));
    }
    return parsed;
  }();
  return cues;
}

// The words of a sentence, lowercased ASCII letters and digits (other bytes split words).
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 && byte < 0x80) {
      word += static_cast<char>(std::tolower(byte));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool WordMatches(const std::string& pattern, const std::string& word) {
  if (pattern == "*") return true;
  if (pattern.back() == '*') return word.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
  return pattern == word;
}

bool SameFigure(const ClaimRow& a, const ClaimRow& b) {
  return a.value_kind == b.value_kind && (a.currency == b.currency || a.currency.empty() || b.currency.empty()) &&
         NearlyEqual(a.low, b.low, 1e-9) && NearlyEqual(a.high, b.high, 1e-9);
}

// The day a claim was published ("2026-03-09"), empty when unknown.
std::string Day(const ClaimRow& claim) { return claim.published.substr(0, std::min<std::size_t>(10, claim.published.size())); }

// The numbers a sentence gives right after "from" ("to 35 dlrs from 33 dlrs", "from $639m",
// "from 1.5 pct"), as written: the earlier figure of a change.
std::vector<double> FromNumbers(const std::string& quote) {
  std::vector<double> numbers;
  for (std::size_t at = quote.find("from "); at != std::string::npos; at = quote.find("from ", at + 5)) {
    if (at > 0 && std::isalpha(static_cast<unsigned char>(quote[at - 1])) != 0) continue;
    std::size_t i = at + 5;
    // A currency sign or code before the number ("$", "£", "US$", "USD ", "about").
    for (int skipped = 0; skipped < 8 && i < quote.size() && std::isdigit(static_cast<unsigned char>(quote[i])) == 0; ++skipped) {
      const auto byte = static_cast<unsigned char>(quote[i]);
      if (byte == ' ' || byte == '$' || byte >= 0x80 || std::isupper(byte) != 0) {
        ++i;
      } else {
        break;
      }
    }
    std::string digits;
    while (i < quote.size() && (std::isdigit(static_cast<unsigned char>(quote[i])) != 0 || quote[i] == '.' || quote[i] == ',')) {
      if (quote[i] != ',') digits += quote[i];
      ++i;
    }
    while (!digits.empty() && digits.back() == '.') digits.pop_back();
    if (!digits.empty()) numbers.push_back(std::strtod(digits.c_str(), nullptr));
  }
  return numbers;
}

// True when `number` as written is the claim's figure in some unit of thousands ("639" for
// USD 639 m, "1.13" for USD 1.13 bn, "27" for 27 dlrs or 27 pct).
bool WrittenAs(const ClaimRow& claim, double number) {
  if (number <= 0) return false;
  for (double scale : {1.0, 1e3, 1e6, 1e9, 1e12}) {
    if (NearlyEqual(claim.low, number * scale, 1e-6)) return true;
  }
  return false;
}

// Per claim, the claim of the same sentence (same article and span) whose figure it replaced,
// said with "from": in "raised its offer to 35 dlrs from 33 dlrs" the 35 claim points to the
// 33 claim. npos where there is none.
std::vector<std::size_t> ReplacedInSentence(const std::vector<const ClaimRow*>& claims,
                                            const std::function<bool(std::size_t)>& has_figure) {
  std::vector<std::size_t> replaced(claims.size(), std::string::npos);
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (!has_figure(i) || claims[i]->quote.find("from ") == std::string::npos) continue;
    const std::vector<double> earlier = FromNumbers(claims[i]->quote);
    auto is_earlier = [&](const ClaimRow& claim) {
      return std::any_of(earlier.begin(), earlier.end(), [&](double number) { return WrittenAs(claim, number); });
    };
    if (is_earlier(*claims[i])) continue;
    for (std::size_t j = 0; j < claims.size(); ++j) {
      if (j == i || !has_figure(j) || claims[j]->article_id != claims[i]->article_id || claims[j]->span != claims[i]->span ||
          claims[j]->value_kind != claims[i]->value_kind || SameFigure(*claims[i], *claims[j])) {
        continue;
      }
      if (is_earlier(*claims[j])) {
        replaced[i] = j;
        break;
      }
    }
  }
  return replaced;
}

}  // namespace

unsigned CuesOf(const ClaimRow& claim) {
  unsigned flags = 0;
  const std::string status = TermOf(claim.terms, "status");
  if (status == "revised" || status == "restated" || status == "updated") flags |= kUpdateCue;
  const std::vector<std::string> words = Words(claim.quote);
  for (const Cue& cue : Cues()) {
    if ((flags & cue.flag) != 0) continue;
    for (std::size_t at = 0; at + cue.words.size() <= words.size(); ++at) {
      std::size_t matched = 0;
      while (matched < cue.words.size() && WordMatches(cue.words[matched], words[at + matched])) ++matched;
      if (matched == cue.words.size()) {
        flags |= cue.flag;
        break;
      }
    }
  }
  return flags;
}

FigureTimeline TimelineOf(const std::vector<const ClaimRow*>& claims) {
  FigureTimeline timeline;
  // Most facts have one figure, or all of one day: no timeline, and no sentence to read.
  bool two_figures = false, two_days = false;
  const ClaimRow* first = nullptr;
  for (const ClaimRow* claim : claims) {
    if (claim->value_kind == "none" || !IsPositive(claim->polarity)) continue;
    if (first == nullptr) {
      first = claim;
      continue;
    }
    two_figures = two_figures || !SameFigure(*first, *claim);
    two_days = two_days || Day(*first) != Day(*claim);
  }
  if (!two_figures) return timeline;
  auto has_figure = [&](std::size_t i) { return claims[i]->value_kind != "none" && IsPositive(claims[i]->polarity); };
  // "to 35 dlrs from 33 dlrs" in one sentence is a step even within one day.
  const std::vector<std::size_t> replaced = ReplacedInSentence(claims, has_figure);
  const bool changes_in_a_sentence =
      std::any_of(replaced.begin(), replaced.end(), [](std::size_t j) { return j != std::string::npos; });
  if (!two_days && !changes_in_a_sentence) return timeline;
  std::vector<unsigned> cues;
  for (const ClaimRow* claim : claims) cues.push_back(CuesOf(*claim));
  // Read in date order, the figure a sentence says was replaced just before the one replacing it.
  std::vector<std::size_t> order;
  std::vector<bool> placed(claims.size(), false);
  std::vector<bool> is_replaced(claims.size(), false);
  for (std::size_t j : replaced) {
    if (j != std::string::npos) is_replaced[j] = true;
  }
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (placed[i] || (is_replaced[i] && std::find(replaced.begin(), replaced.end(), i) - replaced.begin() > static_cast<std::ptrdiff_t>(i))) {
      continue;  // placed before the claim that replaces it
    }
    if (replaced[i] != std::string::npos && !placed[replaced[i]]) {
      placed[replaced[i]] = true;
      order.push_back(replaced[i]);
    }
    placed[i] = true;
    order.push_back(i);
  }
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (!placed[i]) order.push_back(i);
  }
  for (std::size_t i : order) {
    if (!has_figure(i)) continue;
    if (timeline.steps.empty()) {
      timeline.steps.push_back(i);
      continue;
    }
    const ClaimRow& claim = *claims[i];
    const ClaimRow& current = *claims[timeline.steps.back()];
    const bool told_before = std::any_of(timeline.steps.begin(), timeline.steps.end(),
                                         [&](std::size_t step) { return SameFigure(*claims[step], claim); });
    if (told_before || claim.value_kind != current.value_kind) continue;
    // The figure a sentence says was replaced, when another figure is in force, is history
    // told in passing ("to 12.2 pct from 10.9 pct" after 9.8 pct was told): no step.
    if (is_replaced[i]) continue;
    // The figure in force is the one this claim's own sentence says it replaced.
    if (replaced[i] != std::string::npos && SameFigure(*claims[replaced[i]], current)) {
      timeline.steps.push_back(i);
      continue;
    }
    // Another kind of figure (a count of shares beside a percent held) updates nothing.
    if (Day(claim).empty() || Day(claim) <= Day(current)) continue;
    // A figure the claim dates before the step in force was reported is history retold
    // ("took a 25 pct stake in 1970, raising it to 55 pct"), not an update.
    const std::string& dated = claim.time_end.empty() ? claim.time_start : claim.time_end;
    if (!dated.empty() && dated < Day(current)) continue;
    // An offer raised: a price (money), both offers, the later higher.
    const bool offer_raised = (cues[timeline.steps.back()] & kOfferCue) != 0 && (cues[i] & kOfferCue) != 0 &&
                              claim.value_kind == "money" && current.value_kind == "money" && claim.low > current.low;
    if ((cues[i] & kUpdateCue) != 0 || offer_raised) timeline.steps.push_back(i);
  }
  if (!timeline.moved()) {
    timeline.steps.clear();
    return timeline;
  }
  timeline.on_timeline.assign(claims.size(), false);
  timeline.in_force.assign(claims.size(), 0);
  for (std::size_t i = 0; i < claims.size(); ++i) {
    timeline.in_force[i] = timeline.steps.front();
    std::size_t told = claims.size();
    for (std::size_t step : timeline.steps) {
      if (step != timeline.steps.front() && Day(*claims[step]) > Day(*claims[i])) break;
      timeline.in_force[i] = step;
      if (has_figure(i) && SameFigure(*claims[step], *claims[i])) told = step;
    }
    if (told < claims.size()) {
      timeline.on_timeline[i] = true;
      timeline.in_force[i] = told;
      continue;
    }
    // "raised its stake to A from B": B, in a step's own sentence with the cue, is the figure
    // before the step, not another account of that day: held against nothing.
    const bool before_a_step = (is_replaced[i] || (cues[i] & kUpdateCue) != 0) && has_figure(i) &&
                               std::any_of(timeline.steps.begin(), timeline.steps.end(), [&](std::size_t step) {
                                 return claims[step]->article_id == claims[i]->article_id &&
                                        claims[step]->span == claims[i]->span;
                               });
    if (before_a_step) {
      timeline.on_timeline[i] = true;
      timeline.in_force[i] = i;
    }
  }
  return timeline;
}

}  // namespace concord::reconcile
