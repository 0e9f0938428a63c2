// Reports as Markdown, readable at 100 columns: the report, the source audit and the summary
// audit.

#include "reconcile/report/markdown.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>

#include "reconcile/report/report_form.h"

namespace concord::reconcile {

namespace {

constexpr std::size_t kColumns = 100;
constexpr std::size_t kQuoteBytes = 360;  // longer quotes show a window around the first mark
constexpr std::size_t kQuoteLead = 100;   // bytes kept before that mark
constexpr int kScoreBarCells = 10;

std::size_t Columns(std::string_view text) {
  std::size_t width = 0;
  for (unsigned char c : text) width += (c & 0xC0) != 0x80;  // code points, not bytes
  return width;
}

// Appends `text` wrapped at kColumns, first line after `first_prefix`, later lines after
// `indent`. A word longer than a line (a URL) stands alone on its line.
void Wrap(std::string& out, const std::string& first_prefix, const std::string& indent, const std::string& text) {
  std::string line = first_prefix;
  std::size_t visible = Columns(first_prefix);
  bool line_has_word = false;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
    if (at == text.size()) break;
    std::size_t end = at;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    std::string_view word(text.data() + at, end - at);
    at = end;
    std::size_t width = Columns(word);
    if (line_has_word && visible + 1 + width > kColumns) {
      out += line;
      out += '\n';
      line = indent;
      visible = Columns(indent);
      line_has_word = false;
    }
    if (line_has_word) {
      line += ' ';
      ++visible;
    }
    line += word;
    visible += width;
    line_has_word = true;
  }
  out += line;
  out += '\n';
}

// Text from articles (quotes, names, titles, details) as Markdown that renders as the same
// text: every character a renderer could turn into markup is backslash-escaped. '<' and '&'
// would open raw HTML (`<script>`, `<img onerror=...>`) or an entity; '[', ']' and '!' a link
// or an image (`[x](javascript:...)`); '*', '_', '`', '~' emphasis and code; '|' a table
// cell; '#' a heading where a wrapped line starts with it. A renderer shows "\<" as "<".
std::string Md(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '&':
      case '|': case '~': case '!': case '#':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A link target for `<...>`: only http(s) URLs are ever linked (never javascript: or data:),
// and a character that would end the autolink or start markup is percent-encoded.
std::string AutolinkTarget(std::string_view url) {
  std::string out;
  for (char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= ' ' || byte == 0x7F || c == '<' || c == '>' || c == '"' || c == '\\' || c == '`') {
      char encoded[4];
      std::snprintf(encoded, sizeof encoded, "%%%02X", byte);
      out += encoded;
    } else {
      out += c;
    }
  }
  return out;
}

// A table cell: escaped text ('|' would end the cell), a newline would end the row.
std::string Cell(const std::string& text) {
  std::string cell = Md(text);
  std::replace(cell.begin(), cell.end(), '\n', ' ');
  return cell;
}

std::size_t Utf8Floor(std::string_view text, std::size_t at) {
  at = std::min(at, text.size());
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

// `text` cut to `columns` code points, with "…" when cut (a Markdown heading cannot wrap).
std::string Truncated(const std::string& text, std::size_t columns) {
  if (Columns(text) <= columns) return text;
  std::size_t at = 0;
  for (std::size_t seen = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80 && seen++ == columns - 1) break;
  }
  return text.substr(0, at) + "…";
}

// The quote with its highlights in **bold**; a long quote shows a window around the first
// highlight, cut on UTF-8 boundaries, with "…" where text was left out.
std::string MarkdownQuote(const ReportClaim& claim) {
  std::string_view quote = claim.quote;
  std::size_t from = 0, to = quote.size();
  if (quote.size() > kQuoteBytes) {
    std::size_t focus = claim.highlights.empty() ? 0 : claim.highlights.front().begin;
    from = Utf8Floor(quote, focus > kQuoteLead ? focus - kQuoteLead : 0);
    to = Utf8Floor(quote, from + kQuoteBytes);
    // Cut between words where there is a space near the cut.
    if (std::size_t space = quote.find(' ', from); from > 0 && space != std::string_view::npos && space < focus) {
      from = space + 1;
    }
    if (std::size_t space = quote.rfind(' ', to);
        to < quote.size() && space != std::string_view::npos && space > from) {
      to = space;
    }
  }
  std::string text = from > 0 ? "…" : "";
  std::size_t at = from;
  for (const extract::Span& mark : claim.highlights) {
    if (mark.begin < at || mark.end > to) continue;
    text += Md(quote.substr(at, mark.begin - at));
    text += "**";
    text += Md(quote.substr(mark.begin, mark.end - mark.begin));
    text += "**";
    at = mark.end;
  }
  text += Md(quote.substr(at, to - at));
  if (to < quote.size()) text += "…";
  return text;
}

std::string ScoreBar(int score) {
  int filled = std::clamp((score * kScoreBarCells + 50) / 100, 0, kScoreBarCells);
  std::string bar;
  for (int i = 0; i < kScoreBarCells; ++i) bar += i < filled ? "█" : "░";
  return bar;
}

std::string Plural(std::size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

void RenderClaims(const ReportFact& fact, const std::string& stance, const std::string& label, std::string& out) {
  std::size_t count = 0;
  for (const ReportClaim& claim : fact.claims) count += claim.stance == stance;
  if (count == 0) return;
  out += "\n" + label + " (" + std::to_string(count) + "):\n";
  for (const ReportClaim& claim : fact.claims) {
    if (claim.stance != stance) continue;
    std::string where =
        Md(claim.source) + (claim.published.empty() ? "" : " · " + Md(claim.published)) + " · " + Md(claim.article);
    if (IsWebUrl(claim.url)) where += " · <" + AutolinkTarget(claim.url) + ">";
    Wrap(out, "- ", "  ", where);
    Wrap(out, "  > ", "  > ", MarkdownQuote(claim));
  }
}

void RenderFact(const ReportFact& fact, std::size_t number, std::string& out) {
  out += "\n";
  std::string heading = "### " + std::to_string(number) + ". ";
  std::string title = Md(FactTitle(fact));
  if (Columns(heading) + Columns(title) <= kColumns) {
    out += heading + title + "\n";
  } else {
    // A heading does not wrap in Markdown: the relation heads, the whole title follows.
    out += heading + fact.relation + "\n\n";
    Wrap(out, "", "", title);
  }
  out += "\n";
  // The explanation names the independent sources; without one, the count stands alone.
  Wrap(out, "", "",
       "Score " + std::to_string(fact.score) + "/100 " + ScoreBar(fact.score) + " · " + fact.status + " · " +
           (fact.explanation.empty()
                ? Plural(static_cast<std::size_t>(std::max(0, fact.independent_sources)), "independent source")
                : Md(fact.explanation)));
  if (!fact.discrepancies.empty()) {
    out += "\nDiscrepancies:\n";
    for (const auto& [d, accounts] : DistinctDiscrepancies(fact)) {
      Wrap(out, "- **" + d->type + "** (" + d->severity + "): ", "  ",
           Md(d->detail) + (accounts > 1 ? " (" + std::to_string(accounts) + " accounts)" : ""));
    }
  }
  if (!fact.timeline.empty()) {
    // A figure that moved over time: its steps, earliest first; the accounts follow in date order.
    std::string steps;
    for (const ReportStep& step : fact.timeline) {
      steps += (steps.empty() ? "" : " → ") + Md(step.value_text) + " (" +
               Md(step.published.empty() ? step.article : step.published) + (step.update ? ", update" : "") + ")";
    }
    out += "\n";
    Wrap(out, "Timeline: ", "  ", steps);
  }
  RenderClaims(fact, "supports", "For", out);
  RenderClaims(fact, "update", "Updates", out);
  RenderClaims(fact, "contradicts", "Against", out);
}

void RenderTimeline(const Report& report, std::string& out) {
  if (report.timelines.empty()) return;
  out += "\n## Timeline\n\nDated facts per entity, earliest first; #N is the fact's number above.\n";
  for (const ReportTimeline& timeline : report.timelines) {
    out += "\n### " + Md(Truncated(timeline.entity, kColumns - 4)) + "\n\n";
    for (std::size_t i : timeline.facts) {
      const ReportFact& fact = report.facts[i];
      std::string parties = fact.subject.empty() ? "?" : Md(fact.subject);
      if (!fact.counterparty.empty()) parties += " → " + Md(fact.counterparty);
      std::string line = Md(fact.time_text.empty() ? fact.date : fact.time_text);
      line += " · #" + std::to_string(i + 1) + " " + fact.relation + ": " + parties;
      if (!fact.value_text.empty()) line += " — " + Md(fact.value_text);
      line += " · " + fact.status + ", " + std::to_string(fact.score);
      Wrap(out, "- ", "  ", line);
    }
  }
}

// The pairwise agreement as a matrix, sources numbered S1..Sn (the legend names them), each
// cell "agree/shared"; only when it fits in kColumns.
void RenderAgreementMatrix(const Report& report, std::string& out) {
  constexpr std::size_t kCellWidth = 7;  // "| 12/14 " and the like
  const std::size_t n = report.sources.size();
  if (n < 2 || (n + 1) * kCellWidth + 1 > kColumns) return;
  std::map<std::pair<std::string, std::string>, const ReportAgreement*> pairs;
  for (const ReportAgreement& row : report.agreement) {
    pairs[{row.a, row.b}] = &row;
    pairs[{row.b, row.a}] = &row;
  }
  auto pad = [](std::string text) {
    text.resize(std::max(text.size(), kCellWidth - 3), ' ');
    return text;
  };
  out += "\nAgree/shared facts per pair (· nothing shared):\n\n| " + pad("") + " |";
  for (std::size_t i = 0; i < n; ++i) out += " " + pad("S" + std::to_string(i + 1)) + " |";
  out += "\n|---|";
  for (std::size_t i = 0; i < n; ++i) out += "---:|";
  out += "\n";
  for (std::size_t row = 0; row < n; ++row) {
    out += "| " + pad("S" + std::to_string(row + 1)) + " |";
    for (std::size_t column = 0; column < n; ++column) {
      std::string cell = "·";
      if (row == column) {
        cell = "—";
      } else if (auto found = pairs.find({report.sources[row].name, report.sources[column].name});
                 found != pairs.end()) {
        cell = std::to_string(found->second->agree) + "/" + std::to_string(found->second->shared_facts);
      }
      out += " " + cell + std::string(Columns(cell) < kCellWidth - 3 ? kCellWidth - 3 - Columns(cell) : 0, ' ') + " |";
    }
    out += "\n";
  }
  out += "\n";
  for (std::size_t i = 0; i < n; ++i)
    Wrap(out, "- ", "  ", "S" + std::to_string(i + 1) + ": " + Md(report.sources[i].name));
}

// Per-source trust, the pairwise agreement matrix and syndicated clusters.
void RenderSourceTables(const Report& report, std::string& out) {
  if (!report.sources.empty()) {
    out +=
        "\n## Sources\n\n| source | trust | claims | corroborated | contradicted | unique |\n"
        "|---|---:|---:|---:|---:|---:|\n";
    for (const ReportSource& s : report.sources) {
      char trust[16];
      std::snprintf(trust, sizeof trust, "%.2f", s.trust);
      out += "| " + Cell(s.name) + " | " + trust + " | " + std::to_string(s.claims) + " | " +
             std::to_string(s.corroborated) + " | " + std::to_string(s.contradicted) + " | " +
             std::to_string(s.unique) + " |\n";
    }
  }
  if (!report.agreement.empty()) {
    out += "\n## Agreement between sources\n\n| a | b | shared facts | agree | conflict |\n|---|---|---:|---:|---:|\n";
    for (const ReportAgreement& a : report.agreement) {
      out += "| " + Cell(a.a) + " | " + Cell(a.b) + " | " + std::to_string(a.shared_facts) + " | " +
             std::to_string(a.agree) + " | " + std::to_string(a.conflict) + " |\n";
    }
    RenderAgreementMatrix(report, out);
  }
  if (!report.clusters.empty()) {
    out += "\n## Syndicated copies (count once)\n\n";
    for (const ReportCluster& cluster : report.clusters) {
      std::string line;
      for (const std::string& article : cluster.articles) line += (line.empty() ? "" : ", ") + Md(article);
      Wrap(out, "- ", "  ", line);
    }
  }
}

}  // namespace

void WrapMarkdown(std::string& out, const std::string& first_prefix, const std::string& indent,
                  const std::string& text) {
  Wrap(out, first_prefix, indent, text);
}

std::string RenderMarkdown(const Report& report) {
  std::string out = "# Concord reconciliation report\n\n";
  StatusCounts counts = CountStatuses(report);
  Wrap(out, "", "",
       Plural(report.facts.size(), "fact") + ": " + std::to_string(counts.disputed) + " disputed, " +
           std::to_string(counts.corroborated) + " corroborated, " + std::to_string(counts.single_source) +
           " single-source; " + Plural(report.sources.size(), "source") + ".");
  if (std::string filters = FilterLine(report.filter); !filters.empty())
    Wrap(out, "", "", "Filtered: " + Md(filters) + ".");
  const char* sections[][2] = {
      {"disputed", "Disputed facts"}, {"corroborated", "Corroborated facts"}, {"single_source", "Single-source facts"}};
  for (const auto& section : sections) {
    bool header = false;
    for (std::size_t i = 0; i < report.facts.size(); ++i) {
      const ReportFact& fact = report.facts[i];
      if (fact.status != section[0]) continue;
      if (!header) {
        out += "\n## ";
        out += section[1];
        out += "\n";
        header = true;
      }
      RenderFact(fact, i + 1, out);
    }
  }
  RenderTimeline(report, out);
  RenderSourceTables(report, out);
  return out;
}

std::string RenderAuditMarkdown(const Report& report) {
  std::string out = "# Concord source audit\n\n";
  Wrap(out, "", "",
       Plural(report.sources.size(), "source") + ", " + Plural(report.agreement.size(), "pair") + " sharing facts, " +
           std::to_string(report.clusters.size()) + " syndication cluster(s).");
  RenderSourceTables(report, out);
  return out;
}


std::string RenderSummaryAuditMarkdown(const SummaryAudit& audit) {
  std::map<std::string, int> counts;
  for (const AuditVerdict& v : audit.verdicts) ++counts[v.verdict];
  std::string out;
  WrapMarkdown(out, "# Summary audit: ", "  ", Md(audit.file));
  out += "\n";
  std::string tally = std::to_string(audit.claims) + " claim(s) judged against " +
                      std::to_string(audit.independent_sources) + " independent source(s):";
  bool first = true;
  for (const char* verdict : {"supported", "overstated", "contradicted", "unsupported"}) {
    tally += std::string(first ? " " : ", ") + std::to_string(counts[verdict]) + " " + verdict;
    first = false;
  }
  WrapMarkdown(out, "", "", tally + ".");
  auto discrepancy_line = [&](const ReportDiscrepancy& d) {
    WrapMarkdown(out, "  - **" + d.type + "** (" + d.severity + "): ", "    ", Md(d.detail));
  };
  // Problems first, in the summary's order within each verdict.
  for (const char* verdict : {"contradicted", "overstated", "unsupported", "supported"}) {
    if (counts[verdict] == 0) continue;
    out += std::string("\n## ") + static_cast<char>(verdict[0] - 'a' + 'A') + (verdict + 1) + "\n\n";
    for (const AuditVerdict& v : audit.verdicts) {
      if (v.verdict != verdict) continue;
      WrapMarkdown(out, "- ", "  ", "**" + Md(v.claim) + "**");
      WrapMarkdown(out, "  > ", "  > ", Md(v.quote));
      for (const ReportDiscrepancy& d : v.discrepancies) discrepancy_line(d);
      for (const AuditEvidence& e : v.evidence) WrapMarkdown(out, "  - source " + Md(e.file) + ": ", "    ", "\"" + Md(e.quote) + "\"");
    }
  }
  if (!audit.internal_conflicts.empty()) {
    out += "\n## The summary contradicts itself\n\n";
    for (const AuditConflict& c : audit.internal_conflicts) {
      WrapMarkdown(out, "- ", "  ", "**" + Md(c.claim_a) + "** vs **" + Md(c.claim_b) + "**");
      WrapMarkdown(out, "  > ", "  > ", Md(c.quote_a));
      if (c.quote_b != c.quote_a) WrapMarkdown(out, "  > ", "  > ", Md(c.quote_b));
      for (const ReportDiscrepancy& d : c.discrepancies) discrepancy_line(d);
    }
  }
  if (!audit.omissions.empty()) {
    out += "\n## Left out of the summary\n\n";
    for (const AuditOmission& o : audit.omissions) WrapMarkdown(out, "- ", "  ", Md(o.claim) + " (" + Md(o.file) + ")");
  }
  return out;
}

}  // namespace concord::reconcile
