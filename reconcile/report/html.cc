// The report and the source audit as one self-contained HTML page: inline CSS and inline
// SVG, no script, nothing fetched (a Content-Security-Policy says so to the browser). Every
// text from the store is escaped; only http(s) article URLs become links.
//
// Page of `concord report --format html`:
//   header (counts, filters, a stacked status bar) · facts (disputed, corroborated,
//   single-source: score bar, discrepancies, quotes with <mark> on what differs) · timeline
//   (one SVG row per entity, a dot per dated fact, a bar for a period, each linked to its
//   fact) · sources (trust bars) · agreement heatmap · syndicated copies.

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "reconcile/report/html.h"
#include "reconcile/report/report_form.h"

namespace concord::reconcile {
namespace {

// Palette (also what the browser test looks for in the screenshot).
constexpr const char* kHeaderColor = "#1f3a5f";
constexpr const char* kDisputedColor = "#c0392b";
constexpr const char* kCorroboratedColor = "#1e8449";
constexpr const char* kSingleColor = "#7f8c8d";
constexpr const char* kMediumColor = "#d68910";
constexpr const char* kTrackColor = "#e5e8eb";
constexpr const char* kNoDataColor = "#f2f3f4";

constexpr int kBarWidth = 100;  // score and trust bars, px
constexpr int kBarHeight = 10;
constexpr std::size_t kMaxMatrixSources = 40;  // heatmap: the sources with most claims
constexpr std::size_t kMaxTimelineRows = 40;   // timeline chart: entities with most dated facts
constexpr int kChartWidth = 1000;
constexpr int kChartLabelWidth = 190;
constexpr int kChartRightPad = 30;
constexpr int kChartAxisHeight = 28;
constexpr int kChartRowHeight = 26;
constexpr int kHeatCell = 34;
constexpr int kHeatLabelWidth = 170;
constexpr int kHeatTopLabels = 130;

constexpr const char* kStyle = R"css(
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1c2833;background:#fff}
header.top{background:#1f3a5f;color:#fff;padding:18px 28px 14px}
header.top h1{margin:0 0 6px;font-size:24px}
header.top p{margin:4px 0}
header.top nav a{color:#d6eaf8;margin-right:14px}
main{padding:8px 28px 40px;max-width:1180px}
h2{border-bottom:2px solid #d5d8dc;padding-bottom:4px;margin-top:30px}
h3{margin:0 0 6px;font-size:17px}
.fact{border:1px solid #d5d8dc;border-left:6px solid #7f8c8d;border-radius:4px;padding:10px 14px;margin:14px 0}
.fact.disputed{border-left-color:#c0392b}
.fact.corroborated{border-left-color:#1e8449}
.num{color:#566573}
.meta{margin:4px 0 8px;color:#34495e}
.meta svg,td svg{vertical-align:middle}
.status{display:inline-block;padding:0 7px;border-radius:9px;color:#fff;font-size:13px;background:#7f8c8d}
.status.disputed{background:#c0392b}
.status.corroborated{background:#1e8449}
ul.discrepancies{margin:6px 0 8px;padding-left:20px}
ul.discrepancies li{margin:2px 0}
.type{font-weight:600;font-family:ui-monospace,Menlo,Consolas,monospace}
.sev{display:inline-block;padding:0 6px;border-radius:8px;font-size:12px;color:#fff;background:#7f8c8d}
.sev.high{background:#c0392b}
.sev.medium{background:#d68910}
table{border-collapse:collapse;margin:6px 0}
th,td{border-bottom:1px solid #e5e8eb;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f4f6f7;font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums}
table.claims{width:100%;table-layout:fixed}
table.claims col.stance{width:72px}
table.claims col.source{width:190px}
table.claims td.stance{white-space:nowrap;font-weight:600}
tr.supports td.stance{color:#1e8449}
tr.contradicts td.stance{color:#c0392b}
tr.contradicts{background:#fdf2f1}
td.source{overflow-wrap:anywhere}
q{quotes:"\201C" "\201D"}
mark{background:#ffd54f;color:#1c2833;padding:0 2px;border-radius:2px}
.article{font-size:13px;color:#566573;margin-top:2px}
.note{color:#566573;font-size:14px}
details{margin:4px 0}
.dot{display:inline-block;width:10px;height:10px;border-radius:5px;background:#7f8c8d;margin:0 4px 0 8px}
.dot.disputed{background:#c0392b}
.dot.corroborated{background:#1e8449}
summary{cursor:pointer}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
@media print{header.top{background:#fff;color:#000}header.top nav{display:none}.fact{break-inside:avoid}}
)css";

// --- Text ---------------------------------------------------------------------------------

void Escape(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

std::string Escaped(std::string_view text) {
  std::string out;
  Escape(out, text);
  return out;
}

std::string Plural(std::size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

const char* StatusColor(const std::string& status) {
  if (status == "disputed") return kDisputedColor;
  if (status == "corroborated") return kCorroboratedColor;
  return kSingleColor;
}

std::string StatusLabel(const std::string& status) { return status == "single_source" ? "single-source" : status; }

const char* ScoreColor(int score) {
  constexpr int kLow = 40, kHigh = 70;  // the bands SCORING.md's readers use: doubtful, fair, firm
  if (score < kLow) return kDisputedColor;
  if (score < kHigh) return kMediumColor;
  return kCorroboratedColor;
}

// A horizontal bar: `fraction` (0..1) of kBarWidth filled.
void Bar(std::string& out, double fraction, const char* color, const std::string& label) {
  int filled = static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * kBarWidth));
  out += "<svg width=\"" + std::to_string(kBarWidth) + "\" height=\"" + std::to_string(kBarHeight) +
         "\" role=\"img\" aria-label=\"";
  Escape(out, label);
  out += "\"><rect width=\"" + std::to_string(kBarWidth) + "\" height=\"" + std::to_string(kBarHeight) +
         "\" rx=\"2\" fill=\"" + kTrackColor + "\"/><rect width=\"" + std::to_string(filled) + "\" height=\"" +
         std::to_string(kBarHeight) + "\" rx=\"2\" fill=\"" + color + "\"/></svg>";
}

// The quote, escaped, with its highlights in <mark>.
void Quote(std::string& out, const ReportClaim& claim) {
  std::string_view quote = claim.quote;
  std::size_t at = 0;
  out += "<q>";
  for (const extract::Span& mark : claim.highlights) {
    if (mark.begin < at || mark.end > quote.size()) continue;
    Escape(out, quote.substr(at, mark.begin - at));
    out += "<mark>";
    Escape(out, quote.substr(mark.begin, mark.end - mark.begin));
    out += "</mark>";
    at = mark.end;
  }
  Escape(out, quote.substr(at));
  out += "</q>";
}

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  std::string text = buffer;
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text;
}

// --- Page ---------------------------------------------------------------------------------

void PageStart(std::string& out, const std::string& title) {
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // Nothing may be fetched: styles are inline, images are inline SVG.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "img-src data:\">\n"
      "<link rel=\"icon\" href=\"data:,\">\n<title>";
  Escape(out, title);
  out += "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n";
}

void PageEnd(std::string& out) { out += "</main>\n</body>\n</html>\n"; }

// A stacked bar of disputed / corroborated / single-source facts.
void StatusBar(std::string& out, const StatusCounts& counts) {
  constexpr int kWidth = 600, kHeight = 16;
  std::size_t total = counts.disputed + counts.corroborated + counts.single_source;
  if (total == 0) return;
  out += "<p><svg width=\"" + std::to_string(kWidth) + "\" height=\"" + std::to_string(kHeight) +
         "\" role=\"img\" aria-label=\"facts by status\">";
  double x = 0;
  const std::pair<std::size_t, const char*> parts[] = {{counts.disputed, kDisputedColor},
                                                       {counts.corroborated, kCorroboratedColor},
                                                       {counts.single_source, kSingleColor}};
  for (const auto& [count, color] : parts) {
    double width = static_cast<double>(count) * kWidth / static_cast<double>(total);
    if (count == 0) continue;
    out += "<rect x=\"" + Number(x) + "\" width=\"" + Number(width) + "\" height=\"" + std::to_string(kHeight) +
           "\" fill=\"" + color + "\"/>";
    x += width;
  }
  out += "</svg></p>\n";
}

void RenderFact(std::string& out, const ReportFact& fact, std::size_t number) {
  out += "<article class=\"fact " + fact.status + "\" id=\"f" + std::to_string(number) +
         "\">\n<h3><span class=\"num\">" + std::to_string(number) + ".</span> ";
  Escape(out, FactTitle(fact));
  out += "</h3>\n<p class=\"meta\"><span class=\"status " + fact.status + "\">" + StatusLabel(fact.status) + "</span> ";
  Bar(out, fact.score / 100.0, ScoreColor(fact.score), "score " + std::to_string(fact.score) + " of 100");
  out += " <b>" + std::to_string(fact.score) + "</b>/100 · ";
  // The explanation names the independent sources; without one, the count stands alone.
  if (fact.explanation.empty()) {
    out += Plural(static_cast<std::size_t>(std::max(0, fact.independent_sources)), "independent source");
  } else {
    Escape(out, fact.explanation);
  }
  out += "</p>\n";
  if (!fact.discrepancies.empty()) {
    out += "<ul class=\"discrepancies\">\n";
    for (const auto& [d, accounts] : DistinctDiscrepancies(fact)) {
      out += "<li><span class=\"type\">";
      Escape(out, d->type);
      out += "</span> <span class=\"sev " + Escaped(d->severity) + "\">";
      Escape(out, d->severity);
      out += "</span> ";
      Escape(out, d->detail);
      if (accounts > 1) out += " <span class=\"note\">(" + std::to_string(accounts) + " accounts)</span>";
      out += "</li>\n";
    }
    out += "</ul>\n";
  }
  out += "<table class=\"claims\"><col class=\"stance\"><col class=\"source\"><col>\n";
  // Supporting accounts first, then the contradicting ones, each in stored order.
  // A figure that moved over time shows its updates among the supporting accounts, in date order.
  for (const char* stance : {"supports", "contradicts"}) {
    for (const ReportClaim& claim : fact.claims) {
      if (claim.stance != stance && !(claim.stance == "update" && std::string_view(stance) == "supports")) continue;
      out += "<tr class=\"" + claim.stance + "\"><td class=\"stance\">" +
             (claim.stance == "supports" ? "for" : claim.stance == "update" ? "update" : "against") +
             "</td><td class=\"source\">";
      Escape(out, claim.source);
      if (!claim.published.empty()) {
        out += "<br><time>";
        Escape(out, claim.published);
        out += "</time>";
      }
      out += "</td><td>";
      Quote(out, claim);
      out += "<div class=\"article\">";
      const std::string& label = claim.title.empty() ? claim.article : claim.title;
      if (IsWebUrl(claim.url)) {
        out += "<a href=\"";
        Escape(out, claim.url);
        out += "\" rel=\"noreferrer\">";
        Escape(out, label);
        out += "</a>";
      } else {
        Escape(out, label);
      }
      if (!claim.title.empty()) {
        out += " · ";
        Escape(out, claim.article);
      }
      out += "</div></td></tr>\n";
    }
  }
  out += "</table>\n</article>\n";
}

// --- Timeline chart -----------------------------------------------------------------------

// Days since 1970-01-01 of an ISO date (H. Hinnant's days_from_civil); nullopt if malformed.
std::optional<long> DayNumber(const std::string& iso) {
  int year = 0, month = 0, day = 0;
  if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3) return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  year -= month <= 2;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long year_of_era = year - era * 400;
  const long day_of_year = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

int DrawingRank(const std::string& status) {
  if (status == "disputed") return 2;
  return status == "corroborated" ? 1 : 0;
}

struct TimelinePoint {
  std::size_t fact = 0;  // index into Report::facts
  long start = 0, end = 0;
};

// The dated facts of the timelines, each fact's period once (start, or end, to end, or
// start), and the days the chart spans.
struct TimelineSpan {
  std::map<std::size_t, TimelinePoint> points;  // by index into Report::facts
  long first = 0, last = 0;
  bool any = false;
};

TimelineSpan TimelinePoints(const Report& report) {
  TimelineSpan span;
  std::map<std::size_t, TimelinePoint>& points = span.points;
  long& first = span.first;
  long& last = span.last;
  bool& any = span.any;
  for (const ReportTimeline& timeline : report.timelines) {
    for (std::size_t i : timeline.facts) {
      if (points.count(i)) continue;
      nlohmann::json time = nlohmann::json::parse(report.facts[i].time_json, nullptr, false);
      std::optional<long> start = DayNumber(report.facts[i].date);
      if (!start) continue;
      std::optional<long> end;
      if (time.is_object() && time.contains("end") && time["end"].is_string())
        end = DayNumber(time["end"].get<std::string>());
      TimelinePoint point{i, *start, std::max(*start, end.value_or(*start))};
      first = any ? std::min(first, point.start) : point.start;
      last = any ? std::max(last, point.end) : point.end;
      any = true;
      points[i] = point;
    }
  }
  return span;
}

// The chart's rows: the entities with most dated facts, shown in name order.
std::vector<const ReportTimeline*> ChartRows(const Report& report) {
  std::vector<const ReportTimeline*> rows;
  for (const ReportTimeline& timeline : report.timelines) rows.push_back(&timeline);
  if (rows.size() > kMaxTimelineRows) {
    std::stable_sort(rows.begin(), rows.end(), [](const ReportTimeline* a, const ReportTimeline* b) {
      return a->facts.size() > b->facts.size();
    });
    rows.resize(kMaxTimelineRows);
    std::sort(rows.begin(), rows.end(),
              [](const ReportTimeline* a, const ReportTimeline* b) { return a->entity < b->entity; });
  }
  return rows;
}

// Days to x positions on the chart.
struct ChartScale {
  long first = 0, last = 0;
  int plot_width = 0;
  double X(long day) const {
    return kChartLabelWidth + static_cast<double>(day - first) * plot_width / static_cast<double>(last - first);
  }
};

// The axis: a tick per year, or per quarter when the span is short.
void RenderTimelineAxis(std::string& out, const Report& report, const std::map<std::size_t, TimelinePoint>& points,
                        const ChartScale& scale, int height) {
  const long first = scale.first, last = scale.last;
  auto x_of = [&](long day) { return scale.X(day); };
  std::string earliest = report.facts[points.begin()->first].date;
  for (const auto& entry : points) earliest = std::min(earliest, report.facts[entry.first].date);
  constexpr long kDaysPerYear = 365;
  const int first_year = std::stoi(earliest.substr(0, 4)) - 1;
  const int last_year = first_year + static_cast<int>((last - first) / kDaysPerYear) + 3;
  const long span = last - first;
  const bool quarters = span < 3 * kDaysPerYear;
  const int year_step = span > 30 * kDaysPerYear ? 10 : span > 12 * kDaysPerYear ? 5 : 1;
  for (int year = first_year; year <= last_year; ++year) {
    for (int month = 1; month <= 12; month += quarters ? 3 : 12) {
      if (!quarters && year % year_step != 0) continue;
      char iso[16];
      std::snprintf(iso, sizeof iso, "%04d-%02d-01", year, month);
      long day = *DayNumber(iso);
      if (day < first || day > last) continue;
      std::string x = Number(x_of(day));
      out += "<line x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + std::to_string(kChartAxisHeight - 6) + "\" y2=\"" +
             std::to_string(height - 4) + "\" stroke=\"" + kTrackColor + "\"/>";
      out += "<text x=\"" + x + "\" y=\"" + std::to_string(kChartAxisHeight - 10) +
             "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#566573\">" +
             (month == 1 ? std::to_string(year) : std::string(iso).substr(0, 7)) + "</text>";
    }
  }
}

// One entity's row: its label and a mark per dated fact, disputed facts on top.
void RenderTimelineRow(std::string& out, const Report& report, const ReportTimeline& timeline, std::size_t row,
                       const std::map<std::size_t, TimelinePoint>& points, const ChartScale& scale) {
  auto x_of = [&](long day) { return scale.X(day); };
  const int y = kChartAxisHeight + static_cast<int>(row) * kChartRowHeight + kChartRowHeight / 2;
  if (row % 2 == 1) {
    out += "<rect x=\"0\" y=\"" + std::to_string(y - kChartRowHeight / 2) + "\" width=\"" +
           std::to_string(kChartWidth) + "\" height=\"" + std::to_string(kChartRowHeight) + "\" fill=\"#f8f9f9\"/>";
  }
  out += "<text x=\"" + std::to_string(kChartLabelWidth - 10) + "\" y=\"" + std::to_string(y + 4) +
         "\" font-size=\"13\" text-anchor=\"end\" fill=\"#1c2833\">";
  std::string label = timeline.entity.size() > 26 ? timeline.entity.substr(0, 24) + "…" : timeline.entity;
  // substr may cut a UTF-8 sequence: step back to a boundary.
  while (label.size() > 3 && label != timeline.entity &&
         (static_cast<unsigned char>(label[label.size() - 4]) & 0xC0) == 0x80) {
    label.erase(label.size() - 4, 1);
  }
  Escape(out, label);
  out += "</text>";
  // Disputed facts drawn last, so a dot on the same day does not hide them.
  std::vector<std::size_t> drawing_order = timeline.facts;
  std::stable_sort(drawing_order.begin(), drawing_order.end(), [&](std::size_t a, std::size_t b) {
    return DrawingRank(report.facts[a].status) < DrawingRank(report.facts[b].status);
  });
  for (std::size_t i : drawing_order) {
    auto found = points.find(i);
    if (found == points.end()) continue;
    const TimelinePoint& point = found->second;
    const ReportFact& fact = report.facts[i];
    const char* color = StatusColor(fact.status);
    out += "<a href=\"#f" + std::to_string(i + 1) + "\"><title>";
    Escape(out, (fact.time_text.empty() ? fact.date : fact.time_text) + " · " + FactTitle(fact) + " · " +
                    StatusLabel(fact.status) + ", score " + std::to_string(fact.score));
    out += "</title>";
    std::string x1 = Number(x_of(point.start));
    double x2 = x_of(point.end);
    if (x2 - x_of(point.start) > 4) {
      out += "<rect x=\"" + x1 + "\" y=\"" + std::to_string(y - 3) + "\" width=\"" + Number(x2 - x_of(point.start)) +
             "\" height=\"6\" rx=\"3\" fill=\"" + color + "\" fill-opacity=\"0.35\"/>";
    }
    out += "<circle cx=\"" + x1 + "\" cy=\"" + std::to_string(y) + "\" r=\"5\" fill=\"" + color +
           "\" stroke=\"#fff\" stroke-width=\"1\"/></a>";
  }
}

// Every entity's dated facts as a list (the chart shows at most kMaxTimelineRows).
void RenderTimelineLists(std::string& out, const Report& report) {
  for (const ReportTimeline& timeline : report.timelines) {
    out += "<details><summary>";
    Escape(out, timeline.entity);
    out += " (" + Plural(timeline.facts.size(), "dated fact") + ")</summary>\n<ol>\n";
    for (std::size_t i : timeline.facts) {
      const ReportFact& fact = report.facts[i];
      out += "<li><time>";
      Escape(out, fact.time_text.empty() ? fact.date : fact.time_text);
      out += "</time> · <a href=\"#f" + std::to_string(i + 1) + "\">#" + std::to_string(i + 1) + "</a> ";
      Escape(out, FactTitle(fact));
      out += " · " + StatusLabel(fact.status) + ", " + std::to_string(fact.score) + "</li>\n";
    }
    out += "</ol></details>\n";
  }
}

void RenderTimeline(std::string& out, const Report& report) {
  if (report.timelines.empty()) return;
  TimelineSpan span = TimelinePoints(report);
  out += "<section id=\"timeline\">\n<h2>Timeline</h2>\n";
  if (!span.any) {
    out += "<p class=\"note\">No fact carries a calendar date.</p>\n</section>\n";
    return;
  }
  constexpr long kPadDays = 20;
  span.first -= kPadDays;
  span.last += kPadDays;
  const std::vector<const ReportTimeline*> rows = ChartRows(report);
  const ChartScale scale{span.first, span.last, kChartWidth - kChartLabelWidth - kChartRightPad};
  const int height = kChartAxisHeight + static_cast<int>(rows.size()) * kChartRowHeight + 8;
  out +=
      "<p class=\"note\">Dated facts per entity: a dot where the fact's date starts, a bar over a period; "
      "each mark links to its fact. <span class=\"dot disputed\"></span>disputed "
      "<span class=\"dot corroborated\"></span>corroborated <span class=\"dot\"></span>single-source</p>\n";
  out += "<svg width=\"" + std::to_string(kChartWidth) + "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
         std::to_string(kChartWidth) + " " + std::to_string(height) +
         "\" role=\"img\" aria-label=\"timeline of dated facts\">\n";
  RenderTimelineAxis(out, report, span.points, scale, height);
  out += "\n";
  for (std::size_t row = 0; row < rows.size(); ++row) {
    RenderTimelineRow(out, report, *rows[row], row, span.points, scale);
    out += "\n";
  }
  out += "</svg>\n";
  if (rows.size() < report.timelines.size()) {
    out += "<p class=\"note\">The chart shows the " + std::to_string(rows.size()) +
           " entities with most dated facts; all " + std::to_string(report.timelines.size()) +
           " are listed below.</p>\n";
  }
  RenderTimelineLists(out, report);
  out += "</section>\n";
}

// --- Sources ------------------------------------------------------------------------------

// Agreement share 0..1 as red (conflict) → yellow → green (agreement).
std::string HeatColor(double share) {
  struct Rgb {
    double r, g, b;
  };
  constexpr Rgb kRed{192, 57, 43}, kYellow{244, 208, 63}, kGreen{30, 132, 73};
  auto mix = [](Rgb a, Rgb b, double t) {
    return Rgb{a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
  };
  share = std::clamp(share, 0.0, 1.0);
  Rgb color = share < 0.5 ? mix(kRed, kYellow, share * 2) : mix(kYellow, kGreen, (share - 0.5) * 2);
  char hex[8];
  std::snprintf(hex, sizeof hex, "#%02x%02x%02x", static_cast<int>(std::lround(color.r)),
                static_cast<int>(std::lround(color.g)), static_cast<int>(std::lround(color.b)));
  return hex;
}

void RenderHeatmap(std::string& out, const Report& report) {
  std::vector<const ReportSource*> sources;
  for (const ReportSource& source : report.sources) sources.push_back(&source);
  const bool capped = sources.size() > kMaxMatrixSources;
  if (capped) {
    std::stable_sort(sources.begin(), sources.end(),
                     [](const ReportSource* a, const ReportSource* b) { return a->claims > b->claims; });
    sources.resize(kMaxMatrixSources);
    std::sort(sources.begin(), sources.end(),
              [](const ReportSource* a, const ReportSource* b) { return a->name < b->name; });
  }
  std::map<std::pair<std::string, std::string>, const ReportAgreement*> pairs;
  for (const ReportAgreement& row : report.agreement) {
    pairs[{row.a, row.b}] = &row;
    pairs[{row.b, row.a}] = &row;
  }
  const int n = static_cast<int>(sources.size());
  const int width = kHeatLabelWidth + n * kHeatCell + kHeatTopLabels;  // room for the slanted labels
  const int height = kHeatTopLabels + n * kHeatCell + 10;
  out +=
      "<p class=\"note\">Each cell: facts two sources share, coloured by the share on which they agree "
      "(green all, yellow half, red none); grey: nothing shared.</p>\n";
  out += "<svg width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
         std::to_string(width) + " " + std::to_string(height) + "\" role=\"img\" aria-label=\"agreement matrix\">\n";
  auto short_label = [](const std::string& name) {
    if (name.size() <= 22) return name;
    std::size_t cut = 20;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    return name.substr(0, cut) + "…";
  };
  for (int i = 0; i < n; ++i) {
    const int center = i * kHeatCell + kHeatCell / 2;
    out += "<text x=\"" + std::to_string(kHeatLabelWidth - 8) + "\" y=\"" +
           std::to_string(kHeatTopLabels + center + 4) + "\" font-size=\"12\" text-anchor=\"end\">";
    Escape(out, short_label(sources[i]->name));
    out += "</text>";
    const int x = kHeatLabelWidth + center;
    out += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(kHeatTopLabels - 8) +
           "\" font-size=\"12\" transform=\"rotate(-45 " + std::to_string(x) + " " +
           std::to_string(kHeatTopLabels - 8) + ")\">";
    Escape(out, short_label(sources[i]->name));
    out += "</text>\n";
  }
  for (int row = 0; row < n; ++row) {
    for (int column = 0; column < n; ++column) {
      const int x = kHeatLabelWidth + column * kHeatCell;
      const int y = kHeatTopLabels + row * kHeatCell;
      std::string cell = "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
                         std::to_string(kHeatCell - 2) + "\" height=\"" + std::to_string(kHeatCell - 2) + "\" rx=\"3\"";
      if (row == column) {
        out += cell + " fill=\"#d5d8dc\"/>";
        continue;
      }
      auto found = pairs.find({sources[row]->name, sources[column]->name});
      if (found == pairs.end()) {
        out += cell + " fill=\"" + kNoDataColor + "\"/>";
        continue;
      }
      const ReportAgreement& pair = *found->second;
      double share = pair.shared_facts > 0 ? static_cast<double>(pair.agree) / pair.shared_facts : 0;
      out += "<g>" + cell + " fill=\"" + HeatColor(share) + "\"><title>";
      Escape(out, sources[row]->name + " and " + sources[column]->name + ": " +
                      Plural(pair.shared_facts, "shared fact") + ", " + std::to_string(pair.agree) + " agree, " +
                      std::to_string(pair.conflict) + " conflict");
      out += "</title></rect><text x=\"" + std::to_string(x + (kHeatCell - 2) / 2) + "\" y=\"" +
             std::to_string(y + kHeatCell / 2 + 3) + "\" font-size=\"11\" text-anchor=\"middle\" fill=\"" +
             (share > 0.2 && share < 0.8 ? "#1c2833" : "#ffffff") + "\">" + std::to_string(pair.agree) + "/" +
             std::to_string(pair.shared_facts) + "</text></g>";
    }
    out += "\n";
  }
  out += "</svg>\n";
  if (capped) {
    out += "<p class=\"note\">The matrix shows the " + std::to_string(kMaxMatrixSources) +
           " sources with most claims; the table below lists every pair.</p>\n";
  }
}

void RenderSources(std::string& out, const Report& report) {
  out += "<section id=\"sources\">\n<h2>Sources</h2>\n";
  if (report.sources.empty()) {
    out += "<p class=\"note\">No sources.</p>\n";
  } else {
    out +=
        "<table><tr><th>source</th><th>trust</th><th></th><th>claims</th><th>corroborated</th><th>contradicted</th>"
        "<th>unique</th></tr>\n";
    for (const ReportSource& s : report.sources) {
      char trust[16];
      std::snprintf(trust, sizeof trust, "%.2f", s.trust);
      out += "<tr><td>";
      Escape(out, s.name);
      out += "</td><td class=\"n\">" + std::string(trust) + "</td><td>";
      Bar(out, s.trust, ScoreColor(static_cast<int>(std::lround(s.trust * 100))), std::string("trust ") + trust);
      out += "</td><td class=\"n\">" + std::to_string(s.claims) + "</td><td class=\"n\">" +
             std::to_string(s.corroborated) + "</td><td class=\"n\">" + std::to_string(s.contradicted) +
             "</td><td class=\"n\">" + std::to_string(s.unique) + "</td></tr>\n";
    }
    out += "</table>\n";
  }
  out += "</section>\n<section id=\"agreement\">\n<h2>Agreement between sources</h2>\n";
  if (report.agreement.empty()) {
    out += "<p class=\"note\">No two sources share a fact.</p>\n";
  } else {
    RenderHeatmap(out, report);
    out += "<details><summary>Every pair (" + std::to_string(report.agreement.size()) +
           ")</summary>\n<table><tr><th>a</th><th>b</th><th>shared facts</th><th>agree</th><th>conflict</th></tr>\n";
    for (const ReportAgreement& a : report.agreement) {
      out += "<tr><td>";
      Escape(out, a.a);
      out += "</td><td>";
      Escape(out, a.b);
      out += "</td><td class=\"n\">" + std::to_string(a.shared_facts) + "</td><td class=\"n\">" +
             std::to_string(a.agree) + "</td><td class=\"n\">" + std::to_string(a.conflict) + "</td></tr>\n";
    }
    out += "</table></details>\n";
  }
  out += "</section>\n";
  if (!report.clusters.empty()) {
    out += "<section id=\"clusters\">\n<h2>Syndicated copies (count once)</h2>\n<ul>\n";
    for (const ReportCluster& cluster : report.clusters) {
      out += "<li>";
      for (std::size_t i = 0; i < cluster.articles.size(); ++i) {
        if (i > 0) out += ", ";
        Escape(out, cluster.articles[i]);
      }
      out += "</li>\n";
    }
    out += "</ul>\n</section>\n";
  }
}

}  // namespace

std::string RenderHtml(const Report& report) {
  std::string out;
  out.reserve(4096 + report.facts.size() * 2048);
  PageStart(out, "Concord reconciliation report");
  StatusCounts counts = CountStatuses(report);
  out += "<header class=\"top\">\n<h1>Concord reconciliation report</h1>\n<p>" + Plural(report.facts.size(), "fact") +
         ": " + std::to_string(counts.disputed) + " disputed, " + std::to_string(counts.corroborated) +
         " corroborated, " + std::to_string(counts.single_source) + " single-source; " +
         Plural(report.sources.size(), "source") + ".</p>\n";
  if (std::string filters = FilterLine(report.filter); !filters.empty()) {
    out += "<p>Filtered: ";
    Escape(out, filters);
    out += ".</p>\n";
  }
  out +=
      "<nav><a href=\"#disputed\">disputed</a><a href=\"#corroborated\">corroborated</a>"
      "<a href=\"#single_source\">single-source</a><a href=\"#timeline\">timeline</a>"
      "<a href=\"#sources\">sources</a><a href=\"#agreement\">agreement</a></nav>\n</header>\n<main>\n";
  StatusBar(out, counts);
  const char* sections[][2] = {
      {"disputed", "Disputed facts"}, {"corroborated", "Corroborated facts"}, {"single_source", "Single-source facts"}};
  for (const auto& [status, heading] : sections) {
    std::size_t count = 0;
    for (const ReportFact& fact : report.facts) count += fact.status == status;
    out += "<section id=\"" + std::string(status) + "\">\n<h2>" + heading + " (" + std::to_string(count) + ")</h2>\n";
    for (std::size_t i = 0; i < report.facts.size(); ++i) {
      if (report.facts[i].status == status) RenderFact(out, report.facts[i], i + 1);
    }
    out += "</section>\n";
  }
  RenderTimeline(out, report);
  RenderSources(out, report);
  PageEnd(out);
  return out;
}

std::string RenderAuditHtml(const Report& report) {
  std::string out;
  PageStart(out, "Concord source audit");
  out += "<header class=\"top\">\n<h1>Concord source audit</h1>\n<p>" + Plural(report.sources.size(), "source") + ", " +
         Plural(report.agreement.size(), "pair") + " sharing facts, " + std::to_string(report.clusters.size()) +
         " syndication cluster(s).</p>\n"
         "<nav><a href=\"#sources\">sources</a><a href=\"#agreement\">agreement</a></nav>\n</header>\n<main>\n";
  RenderSources(out, report);
  PageEnd(out);
  return out;
}

}  // namespace concord::reconcile
