// concord_realnews_eval: scores extraction on the labelled real-news set (tests/data/realnews/).
//
//   concord_realnews_eval DATA_DIR --realnews /path/to/shared/realnews [--split tune|frozen|all] [--misses]
//
// DATA_DIR holds figures.jsonl and, when present, orgs.jsonl and claims.jsonl (formats in
// DATA_DIR/README.md). Each labelled article is read with the corpus reader (so the text is the
// one `concord` stores), extracted and normalized as `concord extract` does, and every label's
// quote and figure are located by byte span in that text. Reported per split:
//   figures  attached to a frame (the claim whose value span overlaps the figure is not
//            `quantity`; a figure no mention covers is "missed by recognizer"), frame right,
//            owner right, wrong owner or counterparty, period right;
//   orgs     precision and recall of entity mentions inside the labelled sentences with exact
//            boundaries (org+gov, and all types), type accuracy, unification of the variants
//            that share a `canonical`;
//   claims   labelled deal claims found with the right relation and parties, and spurious
//            deal claims in the labelled sentences.
// Exit 0, 1 when a --min/--max floor is not met, 2 on a usage or data error (a quote or figure
// not found), 77 when the realnews folder does not exist (ctest reads it as "skipped").

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "corpus/corpus.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "tools/pipeline.h"

namespace {

using concord::extract::Claim;
using concord::extract::EntityType;
using concord::extract::Mention;
using concord::extract::MentionKind;
using concord::extract::Span;
using nlohmann::json;

constexpr int kExitSkipped = 77;
constexpr const char* kQuantity = "quantity";

// Frame names the label and the tool may spell differently for one meaning. Kept small on
// purpose: the contract (FRAMES_CONTRACT.md) fixes the names both sides use.
const std::map<std::string, std::set<std::string>>& FrameAliases() {
  static const std::map<std::string, std::set<std::string>> aliases = {
      {"market_value", {"valuation"}},
      {"valuation", {"market_value"}},
      {"none", {"quantity", "other"}},  // a figure that measures nothing nameable
  };
  return aliases;
}

// Measures of one party: claims with these relations are not deal claims.
const std::set<std::string>& MeasureRelations() {
  static const std::set<std::string> measures = {
      "revenue", "profit", "loss", "eps", "dividend", "valuation", "market_value", "share_price", "budget",
      "debt", "job_cuts", "jobs", "market_share", "cost", "assets", "deficit", "surplus", "gdp", "inflation",
      "interest_rate", "unemployment", "exchange_rate", "price", "tax", "sales_volume", "pay", "pension",
      "reserves", "forecast_other", "other", "quantity"};
  return measures;
}

bool Overlaps(const Span& a, const Span& b) { return a.begin < b.end && b.begin < a.end; }
bool Inside(const Span& inner, const Span& outer) { return inner.begin >= outer.begin && inner.end <= outer.end; }
double Ratio(int part, int whole) { return whole == 0 ? 0.0 : static_cast<double>(part) / whole; }

// ---- names -------------------------------------------------------------------------------

// Latin letters with diacritics (UTF-8, 2 bytes) → ASCII; enough for news names.
std::string FoldDiacritics(const std::string& text) {
  static const std::map<std::string, char> table = [] {
    std::map<std::string, char> t;
    const std::pair<const char*, char> rows[] = {
        {"à", 'a'}, {"á", 'a'}, {"â", 'a'}, {"ã", 'a'}, {"ä", 'a'}, {"å", 'a'}, {"À", 'A'}, {"Á", 'A'}, {"Â", 'A'},
        {"Ä", 'A'}, {"Å", 'A'}, {"ç", 'c'}, {"Ç", 'C'}, {"è", 'e'}, {"é", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"È", 'E'},
        {"É", 'E'}, {"Ê", 'E'}, {"ì", 'i'}, {"í", 'i'}, {"î", 'i'}, {"ï", 'i'}, {"Í", 'I'}, {"ñ", 'n'}, {"Ñ", 'N'},
        {"ò", 'o'}, {"ó", 'o'}, {"ô", 'o'}, {"õ", 'o'}, {"ö", 'o'}, {"ø", 'o'}, {"Ó", 'O'}, {"Ö", 'O'}, {"Ø", 'O'},
        {"ù", 'u'}, {"ú", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"Ü", 'U'}, {"ý", 'y'}, {"ÿ", 'y'}, {"ß", 's'}};
    for (const auto& [from, to] : rows) t[from] = to;
    return t;
  }();
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0xC0 && i + 1 < text.size()) {
      auto it = table.find(text.substr(i, 2));
      if (it != table.end()) {
        out += it->second;
        i += 2;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

// Words of a name after folding case, punctuation, diacritics, legal suffixes, possessives
// and a leading "the" (CanonicalKey), and honorifics ("Mr Murray" → "murray").
std::vector<std::string> NameWords(const std::string& name) {
  static const std::set<std::string> honorifics = {"mr", "mrs", "ms", "dr", "sir"};
  std::istringstream words(concord::normalize::CanonicalKey(FoldDiacritics(name)));
  std::vector<std::string> out;
  for (std::string word; words >> word;) {
    if (!honorifics.count(word)) out.push_back(word);
  }
  return out;
}

bool ContainsWords(const std::vector<std::string>& outer, const std::vector<std::string>& inner) {
  if (inner.empty() || inner.size() > outer.size()) return false;
  for (std::size_t i = 0; i + inner.size() <= outer.size(); ++i) {
    if (std::equal(inner.begin(), inner.end(), outer.begin() + static_cast<std::ptrdiff_t>(i))) return true;
  }
  return false;
}

bool SameName(const std::string& a, const std::string& b) {
  const std::vector<std::string> x = NameWords(a), y = NameWords(b);
  if (x.empty() || y.empty()) return false;
  return x == y || ContainsWords(x, y) || ContainsWords(y, x);
}

// A role of a claim names the labelled party: its surface text or its canonical name does.
bool RoleMatches(const concord::extract::Role& role, const std::string& label) {
  if (!role.present()) return false;
  return SameName(role.text, label) || (!role.entity.name.empty() && SameName(role.entity.name, label));
}

std::string RoleText(const concord::extract::Role& role) {
  if (!role.present()) return "-";
  if (role.entity.name.empty() || role.entity.name == role.text) return role.text;
  return role.text + " (" + role.entity.name + ")";
}

// ---- periods -----------------------------------------------------------------------------

// A resolved claim time in the labels' notation ("2004", "2004-Q4", "2004-H1", "2004-12",
// "2004-12-31"), or "" when the claim has none.
std::string PeriodOf(const Claim& claim) {
  using concord::extract::Precision;
  const std::string& start = claim.time.start;
  if (!claim.has_time || start.size() < 10) return "";
  const int month = std::stoi(start.substr(5, 2));
  switch (claim.time.precision) {
    case Precision::kDay: return start.substr(0, 10);
    case Precision::kMonth: return start.substr(0, 7);
    case Precision::kQuarter: return start.substr(0, 4) + "-Q" + std::to_string((month - 1) / 3 + 1);
    case Precision::kHalf: return start.substr(0, 4) + (month <= 6 ? "-H1" : "-H2");
    case Precision::kYear: return start.substr(0, 4);
    default: return start + ".." + claim.time.end;
  }
}

// ---- articles ----------------------------------------------------------------------------

struct Analysed {
  concord::corpus::Article article;
  concord::extract::Extraction extraction;
};

class Articles {
 public:
  Articles(std::filesystem::path root, const concord::extract::Extractor& extractor,
           const concord::normalize::Normalizer& normalizer)
      : root_(std::move(root)), extractor_(extractor), normalizer_(normalizer) {}

  // The article of `file` (relative to the realnews root), read, extracted and normalized
  // once; null (with a message) when it cannot be read.
  const Analysed* Get(const std::string& file) {
    auto it = cache_.find(file);
    if (it != cache_.end()) return it->second.get();
    concord::corpus::InputFile input{root_ / file, root_, {}};
    concord::corpus::FileArticles read = concord::corpus::ReadArticles(input);
    std::unique_ptr<Analysed> analysed;
    if (read.articles.size() == 1) {
      analysed = std::make_unique<Analysed>();
      analysed->article = std::move(read.articles.front());
      analysed->extraction = extractor_.Extract(analysed->article);
      normalizer_.Normalize(analysed->article, analysed->extraction);
    } else {
      std::fprintf(stderr, "%s: cannot read the article (%zu rejections)\n", file.c_str(), read.rejections.size());
    }
    return (cache_[file] = std::move(analysed)).get();
  }

 private:
  std::filesystem::path root_;
  const concord::extract::Extractor& extractor_;
  const concord::normalize::Normalizer& normalizer_;
  std::map<std::string, std::unique_ptr<Analysed>> cache_;
};

// Byte offset of the `occurrence`-th (from 1) `needle` in `hay`, or npos.
std::size_t FindNth(const std::string& hay, const std::string& needle, int occurrence) {
  std::size_t pos = std::string::npos;
  for (int i = 0; i < occurrence; ++i) {
    pos = hay.find(needle, pos == std::string::npos ? 0 : pos + 1);
    if (pos == std::string::npos) return pos;
  }
  return pos;
}

// A labelled line located in its article.
struct Located {
  json label;
  const Analysed* analysed = nullptr;
  Span quote;
};

std::string Optional(const json& value) { return value.is_string() ? value.get<std::string>() : ""; }

// The lines of DATA_DIR/name in the chosen split, located; false on a data error.
bool LoadLines(const std::filesystem::path& path, const std::string& split, Articles& articles,
               std::vector<Located>& out) {
  std::ifstream in(path);
  std::string line;
  int number = 0;
  bool ok = true;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path.filename().string() + ":" + std::to_string(number);
    json label = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (label.is_discarded() || !label.is_object() || !label["file"].is_string() || !label["quote"].is_string() ||
        !label["split"].is_string()) {
      std::fprintf(stderr, "%s: expected a JSON object with \"file\", \"quote\" and \"split\"\n", where.c_str());
      ok = false;
      continue;
    }
    if (split != "all" && label["split"] != split) continue;
    Located located;
    located.analysed = articles.Get(label["file"].get<std::string>());
    if (located.analysed == nullptr) {
      ok = false;
      continue;
    }
    const std::string quote = label["quote"].get<std::string>();
    const std::size_t at = located.analysed->article.text.find(quote);
    if (at == std::string::npos) {
      std::fprintf(stderr, "%s: quote not in %s: %.80s\n", where.c_str(), label["file"].get<std::string>().c_str(),
                   quote.c_str());
      ok = false;
      continue;
    }
    located.quote = {at, at + quote.size()};
    located.label = std::move(label);
    out.push_back(std::move(located));
  }
  return ok;
}

// ---- figures -----------------------------------------------------------------------------

struct FigureScore {
  int total = 0, attached = 0, unrecognized = 0, frame = 0, owner = 0, owner_missing = 0, wrong_owner = 0,
      wrong_counterparty = 0, wrong_any = 0, period = 0;
  std::map<std::string, std::pair<int, int>> by_folder;  // folder → (figures, attached)
};

bool FrameRight(const std::string& relation, const std::string& frame) {
  if (relation == frame) return true;
  auto it = FrameAliases().find(frame);
  return it != FrameAliases().end() && it->second.count(relation) > 0;
}

bool ScoreFigures(const std::vector<Located>& lines, FigureScore& score, std::vector<std::string>& misses) {
  bool ok = true;
  for (const Located& line : lines) {
    const json& label = line.label;
    const std::string id = label.value("id", "?");
    const std::string figure = Optional(label["figure"]);
    const std::string quote = label["quote"].get<std::string>();
    const std::size_t in_quote = FindNth(quote, figure, label.value("occurrence", 1));
    if (figure.empty() || in_quote == std::string::npos) {
      std::fprintf(stderr, "%s: figure '%s' not in its quote\n", id.c_str(), figure.c_str());
      ok = false;
      continue;
    }
    const Span span{line.quote.begin + in_quote, line.quote.begin + in_quote + figure.size()};
    const std::string frame = Optional(label["frame"]);
    const std::string owner = Optional(label["owner"]);
    const std::string counterparty = Optional(label["counterparty"]);
    const std::string period = Optional(label["period"]);
    const std::string file = label["file"].get<std::string>();
    const std::string folder = file.substr(0, file.find('/'));
    ++score.total;
    ++score.by_folder[folder].first;

    // The claim of the figure: one whose value span overlaps it, a framed one first.
    const Claim* claim = nullptr;
    for (const Claim& candidate : line.analysed->extraction.claims) {
      if (!Overlaps(candidate.value_span, span)) continue;
      if (claim == nullptr || (claim->relation == kQuantity && candidate.relation != kQuantity)) claim = &candidate;
    }
    bool recognized = claim != nullptr;
    for (const Mention& mention : line.analysed->extraction.mentions) {
      if (mention.kind != MentionKind::kEntity && Overlaps(mention.span, span)) recognized = true;
    }
    std::vector<std::string> problems;
    if (!recognized) {
      ++score.unrecognized;
      problems.push_back("missed by recognizer");
    }
    const bool attached = claim != nullptr && claim->relation != kQuantity;
    if (attached) {
      ++score.attached;
      ++score.by_folder[folder].second;
    } else if (recognized) {
      problems.push_back("not attached");
    }
    if (claim != nullptr && FrameRight(claim->relation, frame)) {
      ++score.frame;
    } else {
      problems.push_back("frame");
    }
    // Owner, on framed claims only (a `quantity` claim's subject is a guess it does not
    // assert): right when the subject names the labelled owner (or both are empty); a subject
    // naming someone else is wrong; an empty subject where the label has an owner is missing.
    const bool subject = attached && claim->subject.present();
    bool wrong = false;
    if (!attached) {
      problems.push_back("no owner (not framed)");
    } else if (owner.empty()) {
      if (!subject) ++score.owner;
    } else if (!subject) {
      ++score.owner_missing;
      problems.push_back("owner missing");
    } else if (RoleMatches(claim->subject, owner)) {
      ++score.owner;
    } else {
      ++score.wrong_owner;
      wrong = true;
      problems.push_back("wrong owner");
    }
    if (!counterparty.empty() && attached && claim->counterparty.present() &&
        !RoleMatches(claim->counterparty, counterparty)) {
      ++score.wrong_counterparty;
      wrong = true;
      problems.push_back("wrong counterparty");
    }
    if (wrong) ++score.wrong_any;
    const std::string found_period = claim != nullptr ? PeriodOf(*claim) : "";
    if (found_period == period) {
      ++score.period;
    } else {
      problems.push_back("period");
    }
    if (!problems.empty()) {
      std::string joined;
      for (const std::string& problem : problems) joined += (joined.empty() ? "" : ", ") + problem;
      std::string got = "no claim";
      if (claim != nullptr) {
        got = claim->relation + " owner=" + RoleText(claim->subject) + " cp=" + RoleText(claim->counterparty) +
              " period=" + (found_period.empty() ? "-" : found_period) + " [" + claim->rule + "]";
      }
      misses.push_back(id + " " + file + " '" + figure + "': " + joined + "\n      label: " + frame + " owner=" +
                       (owner.empty() ? "-" : owner) + " cp=" + (counterparty.empty() ? "-" : counterparty) +
                       " period=" + (period.empty() ? "-" : period) + "\n      tool:  " + got + "\n      " + quote);
    }
  }
  return ok;
}

// ---- orgs --------------------------------------------------------------------------------

struct OrgScore {
  int sentences = 0;
  int label_org = 0, tool_org = 0, exact_org = 0;  // org + gov
  int label_all = 0, tool_all = 0, exact_all = 0;  // every type
  int typed = 0, type_right = 0;                  // exact matches of any type, and type agreement
  int pairs = 0, unified = 0;
};

bool IsOrgType(const std::string& type) { return type == "org" || type == "gov"; }

// The tool's side of "org+gov": a government body the extractor types as such (a central bank,
// a ministry) is one of the names the org+gov measure counts, as a labelled "gov" name is.
bool IsOrgType(EntityType type) { return type == EntityType::kOrganization || type == EntityType::kGovernment; }

bool TypeAgrees(const std::string& label, EntityType tool) {
  if (IsOrgType(label)) return IsOrgType(tool);
  if (label == "person") return tool == EntityType::kPerson;
  if (label == "place") return tool == EntityType::kPlace;
  return false;
}

bool ScoreOrgs(const std::vector<Located>& lines, OrgScore& score, std::vector<std::string>& misses) {
  bool ok = true;
  struct Variant {
    std::string text, id;
  };
  std::map<std::string, std::vector<Variant>> by_canonical;
  for (const Located& line : lines) {
    const json& label = line.label;
    const std::string id = label.value("id", "?");
    if (!label["names"].is_array()) {
      std::fprintf(stderr, "%s: no \"names\" array\n", id.c_str());
      ok = false;
      continue;
    }
    ++score.sentences;
    const std::string& text = line.analysed->article.text;
    std::vector<const Mention*> tool;
    for (const Mention& mention : line.analysed->extraction.mentions) {
      if (mention.kind == MentionKind::kEntity && mention.entity.type != EntityType::kPronoun &&
          Inside(mention.span, line.quote)) {
        tool.push_back(&mention);
      }
    }
    std::vector<bool> tool_matched(tool.size(), false);
    std::size_t from = line.quote.begin;
    for (const json& name : label["names"]) {
      const std::string surface = Optional(name["text"]);
      const std::string type = Optional(name["type"]);
      const std::size_t at = surface.empty() ? std::string::npos : text.find(surface, from);
      if (at == std::string::npos || at + surface.size() > line.quote.end) {
        std::fprintf(stderr, "%s: name '%s' not in its quote (in order)\n", id.c_str(), surface.c_str());
        ok = false;
        continue;
      }
      from = at + surface.size();
      const Span span{at, at + surface.size()};
      ++score.label_all;
      if (IsOrgType(type)) ++score.label_org;
      const Mention* exact = nullptr;
      const Mention* overlapping = nullptr;
      for (std::size_t t = 0; t < tool.size(); ++t) {
        if (tool[t]->span == span) {
          exact = tool[t];
          tool_matched[t] = true;
        }
        if (overlapping == nullptr && Overlaps(tool[t]->span, span)) overlapping = tool[t];
      }
      if (exact != nullptr) {
        ++score.exact_all;
        ++score.typed;
        if (TypeAgrees(type, exact->entity.type)) ++score.type_right;
        if (IsOrgType(type) && IsOrgType(exact->entity.type)) ++score.exact_org;
      }
      if (exact == nullptr || (IsOrgType(type) && !IsOrgType(exact->entity.type)) ||
          (exact != nullptr && !TypeAgrees(type, exact->entity.type))) {
        std::string got = overlapping == nullptr ? "nothing"
                                                 : "'" + overlapping->text + "' " +
                                                       concord::extract::EntityTypeName(overlapping->entity.type);
        misses.push_back(id + " " + label["file"].get<std::string>() + ": '" + surface + "' " + type +
                         " → tool " + got);
      }
      const std::string canonical = Optional(name["canonical"]);
      if (!canonical.empty()) {
        const Mention* mention = exact != nullptr ? exact : overlapping;
        by_canonical[canonical].push_back({surface, mention != nullptr ? mention->entity.id : ""});
      }
    }
    for (std::size_t t = 0; t < tool.size(); ++t) {
      ++score.tool_all;
      const bool org = IsOrgType(tool[t]->entity.type);
      if (org) ++score.tool_org;
      if (!tool_matched[t]) {
        misses.push_back(id + " " + label["file"].get<std::string>() + ": spurious '" + tool[t]->text + "' " +
                         concord::extract::EntityTypeName(tool[t]->entity.type));
      }
    }
  }
  // Unification: every pair of occurrences of one canonical written differently.
  for (const auto& [canonical, variants] : by_canonical) {
    for (std::size_t a = 0; a < variants.size(); ++a) {
      for (std::size_t b = a + 1; b < variants.size(); ++b) {
        if (concord::normalize::CanonicalKey(variants[a].text) == concord::normalize::CanonicalKey(variants[b].text)) {
          continue;
        }
        ++score.pairs;
        if (!variants[a].id.empty() && variants[a].id == variants[b].id) {
          ++score.unified;
        } else {
          misses.push_back("not unified (" + canonical + "): '" + variants[a].text + "' → " +
                           (variants[a].id.empty() ? "-" : variants[a].id) + ", '" + variants[b].text + "' → " +
                           (variants[b].id.empty() ? "-" : variants[b].id));
        }
      }
    }
  }
  return ok;
}

// ---- claims ------------------------------------------------------------------------------

struct ClaimScore {
  int sentences = 0, empty_sentences = 0, labelled = 0, found = 0, tool = 0, spurious = 0;
};

bool IsDealClaim(const Claim& claim) { return MeasureRelations().count(claim.relation) == 0; }

// A tool claim meets a labelled one: same relation, and every party the label names is named
// by the same role (either order for the symmetric merger and agreement).
bool ClaimMatches(const Claim& claim, const json& label) {
  const std::string relation = Optional(label["relation"]);
  if (claim.relation != relation) return false;
  const std::string subject = Optional(label["subject"]);
  const std::string counterparty = Optional(label["counterparty"]);
  auto fits = [](const concord::extract::Role& role, const std::string& party) {
    return party.empty() || RoleMatches(role, party);
  };
  if (fits(claim.subject, subject) && fits(claim.counterparty, counterparty)) return true;
  const bool symmetric = relation == "merger" || relation == "agreement";
  return symmetric && fits(claim.subject, counterparty) && fits(claim.counterparty, subject);
}

std::string Describe(const Claim& claim) {
  return claim.relation + "(" + RoleText(claim.subject) + " → " + RoleText(claim.counterparty) + ") [" + claim.rule +
         "]";
}

bool ScoreClaims(const std::vector<Located>& lines, ClaimScore& score, std::vector<std::string>& misses) {
  bool ok = true;
  for (const Located& line : lines) {
    const json& label = line.label;
    const std::string id = label.value("id", "?");
    if (!label["claims"].is_array()) {
      std::fprintf(stderr, "%s: no \"claims\" array\n", id.c_str());
      ok = false;
      continue;
    }
    ++score.sentences;
    if (label["claims"].empty()) ++score.empty_sentences;
    std::vector<const Claim*> deal;
    for (const Claim& claim : line.analysed->extraction.claims) {
      if (IsDealClaim(claim) && Overlaps(claim.provenance.span, line.quote)) deal.push_back(&claim);
    }
    std::vector<bool> used(deal.size(), false);
    for (const json& expected : label["claims"]) {
      ++score.labelled;
      bool found = false;
      for (std::size_t d = 0; d < deal.size() && !found; ++d) {
        if (ClaimMatches(*deal[d], expected)) found = used[d] = true;
      }
      if (found) {
        ++score.found;
      } else {
        std::string got;
        for (const Claim* claim : deal) got += "\n      tool: " + Describe(*claim);
        misses.push_back(id + " " + label["file"].get<std::string>() + ": missed " + Optional(expected["relation"]) +
                         "(" + Optional(expected["subject"]) + " → " + Optional(expected["counterparty"]) + ")" +
                         (got.empty() ? "\n      tool: nothing" : got) + "\n      " +
                         label["quote"].get<std::string>());
      }
    }
    for (std::size_t d = 0; d < deal.size(); ++d) {
      ++score.tool;
      bool matches = used[d];
      for (const json& expected : label["claims"]) matches = matches || ClaimMatches(*deal[d], expected);
      if (!matches) {
        ++score.spurious;
        misses.push_back(id + " " + label["file"].get<std::string>() + ": spurious " + Describe(*deal[d]) + "\n      " +
                         label["quote"].get<std::string>());
      }
    }
  }
  return ok;
}

// ---- report ------------------------------------------------------------------------------

struct Report {
  FigureScore figures;
  OrgScore orgs;
  ClaimScore claims;
  bool have_orgs = false, have_claims = false;
  std::vector<std::string> misses;
};

bool Score(const std::filesystem::path& dir, const std::string& split, Articles& articles, Report& report) {
  bool ok = true;
  std::vector<Located> figures, orgs, claims;
  ok = LoadLines(dir / "figures.jsonl", split, articles, figures) && ok;
  ok = ScoreFigures(figures, report.figures, report.misses) && ok;
  if (std::filesystem::exists(dir / "orgs.jsonl")) {
    report.have_orgs = true;
    ok = LoadLines(dir / "orgs.jsonl", split, articles, orgs) && ok;
    ok = ScoreOrgs(orgs, report.orgs, report.misses) && ok;
  }
  if (std::filesystem::exists(dir / "claims.jsonl")) {
    report.have_claims = true;
    ok = LoadLines(dir / "claims.jsonl", split, articles, claims) && ok;
    ok = ScoreClaims(claims, report.claims, report.misses) && ok;
  }
  return ok;
}

void Print(const std::string& split, const Report& report) {
  const FigureScore& f = report.figures;
  std::printf("== split %s\n", split.c_str());
  std::printf("figures: %d\n", f.total);
  std::printf("  attached to a frame   %.3f (%d)   missed by recognizer %d\n", Ratio(f.attached, f.total), f.attached,
              f.unrecognized);
  for (const auto& [folder, counts] : f.by_folder) {
    std::printf("    %-16s attached %.3f (%d of %d)\n", folder.c_str(), Ratio(counts.second, counts.first),
                counts.second, counts.first);
  }
  std::printf("  frame right           %.3f (%d)\n", Ratio(f.frame, f.total), f.frame);
  std::printf("  owner right           %.3f (%d)   owner missing %d\n", Ratio(f.owner, f.total), f.owner,
              f.owner_missing);
  std::printf("  wrong owner or cp     %.3f (%d: owner %d, counterparty %d)\n", Ratio(f.wrong_any, f.total),
              f.wrong_any, f.wrong_owner, f.wrong_counterparty);
  std::printf("  period right          %.3f (%d)\n", Ratio(f.period, f.total), f.period);
  if (report.have_orgs) {
    const OrgScore& o = report.orgs;
    std::printf("orgs: %d sentences, %d names (%d org+gov)\n", o.sentences, o.label_all, o.label_org);
    std::printf("  org+gov   precision %.3f  recall %.3f  (exact %d, tool %d, labelled %d)\n",
                Ratio(o.exact_org, o.tool_org), Ratio(o.exact_org, o.label_org), o.exact_org, o.tool_org, o.label_org);
    std::printf("  all types precision %.3f  recall %.3f  (exact %d, tool %d, labelled %d)\n",
                Ratio(o.exact_all, o.tool_all), Ratio(o.exact_all, o.label_all), o.exact_all, o.tool_all, o.label_all);
    std::printf("  type right %.3f (%d of %d exact)   unified %.3f (%d of %d variant pairs)\n",
                Ratio(o.type_right, o.typed), o.type_right, o.typed, Ratio(o.unified, o.pairs), o.unified, o.pairs);
  }
  if (report.have_claims) {
    const ClaimScore& c = report.claims;
    std::printf("claims: %d sentences (%d with none), %d labelled\n", c.sentences, c.empty_sentences, c.labelled);
    std::printf("  found with right parties %.3f (%d)   spurious %.3f (%d of %d deal claims)\n",
                Ratio(c.found, c.labelled), c.found, Ratio(c.spurious, c.tool), c.spurious, c.tool);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Scores figures, organization names and deal claims on the labelled real-news set"};
  std::string set_dir;
  std::string realnews;
  std::string data_dir = CONCORD_DATA_DIR;
  std::string split = "tune";
  bool show_misses = false;
  double min_attached = 0, min_frame = 0, min_owner = 0, max_wrong = 1, min_period = 0;
  double min_org_precision = 0, min_org_recall = 0, min_unified = 0, min_claims_found = 0, max_claims_spurious = 1;
  app.add_option("set", set_dir, "Folder with figures.jsonl (and orgs.jsonl, claims.jsonl)")
      ->required()
      ->check(CLI::ExistingDirectory);
  app.add_option("--realnews", realnews, "The realnews folder the labels' `file` paths are relative to")->required();
  app.add_option("--data", data_dir, "Root holding extract/patterns and normalize/data")->check(CLI::ExistingDirectory);
  app.add_option("--split", split, "tune, frozen or all (all prints both parts and the total)")
      ->check(CLI::IsMember({"tune", "frozen", "all"}));
  app.add_flag("--misses", show_misses, "Print every failing item with what the tool gave");
  app.add_option("--min-attached", min_attached, "Exit 1 when figures attached is below this");
  app.add_option("--min-frame", min_frame, "Exit 1 when frame right is below this");
  app.add_option("--min-owner", min_owner, "Exit 1 when owner right is below this");
  app.add_option("--max-wrong", max_wrong, "Exit 1 when wrong owner or counterparty is above this");
  app.add_option("--min-period", min_period, "Exit 1 when period right is below this");
  app.add_option("--min-org-precision", min_org_precision, "Exit 1 when org+gov precision is below this");
  app.add_option("--min-org-recall", min_org_recall, "Exit 1 when org+gov recall is below this");
  app.add_option("--min-unified", min_unified, "Exit 1 when unified variant pairs are below this");
  app.add_option("--min-claims-found", min_claims_found, "Exit 1 when deal claims found are below this");
  app.add_option("--max-claims-spurious", max_claims_spurious, "Exit 1 when spurious deal claims are above this");
  CLI11_PARSE(app, argc, argv);

  if (!std::filesystem::is_directory(realnews)) {
    std::printf("skipped: the realnews folder %s does not exist\n", realnews.c_str());
    return kExitSkipped;
  }
  auto pipeline = concord::tools::LoadPipeline(data_dir);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s\n", pipeline.status().ToString().c_str());
    return 2;
  }
  const concord::extract::Extractor& extractor = pipeline->extractor;
  const concord::normalize::Normalizer& normalizer = pipeline->normalizer;
  Articles articles(realnews, extractor, normalizer);
  const std::vector<std::string> splits =
      split == "all" ? std::vector<std::string>{"tune", "frozen", "all"} : std::vector<std::string>{split};
  Report report;
  bool ok = true;
  for (const std::string& part : splits) {
    Report one;
    ok = Score(set_dir, part, articles, one) && ok;
    Print(part, one);
    if (part == split) report = std::move(one);
  }
  if (show_misses && !report.misses.empty()) {
    std::printf("\n%zu failing items (split %s):\n", report.misses.size(), split.c_str());
    for (const std::string& miss : report.misses) std::printf("  %s\n", miss.c_str());
  }
  if (!ok) return 2;

  std::vector<std::string> failed;
  auto floor = [&](const char* what, double value, double bound, bool is_max) {
    if (is_max ? value > bound : value < bound) {
      char text[160];
      std::snprintf(text, sizeof text, "%s %.3f (%s %.3f)", what, value, is_max ? "maximum" : "minimum", bound);
      failed.push_back(text);
    }
  };
  const FigureScore& f = report.figures;
  floor("figures attached", Ratio(f.attached, f.total), min_attached, false);
  floor("frame right", Ratio(f.frame, f.total), min_frame, false);
  floor("owner right", Ratio(f.owner, f.total), min_owner, false);
  floor("wrong owner or counterparty", Ratio(f.wrong_any, f.total), max_wrong, true);
  floor("period right", Ratio(f.period, f.total), min_period, false);
  if (report.have_orgs) {
    floor("org precision", Ratio(report.orgs.exact_org, report.orgs.tool_org), min_org_precision, false);
    floor("org recall", Ratio(report.orgs.exact_org, report.orgs.label_org), min_org_recall, false);
    floor("unified", report.orgs.pairs == 0 ? 1.0 : Ratio(report.orgs.unified, report.orgs.pairs), min_unified, false);
  }
  if (report.have_claims) {
    floor("claims found", Ratio(report.claims.found, report.claims.labelled), min_claims_found, false);
    floor("claims spurious", Ratio(report.claims.spurious, report.claims.tool), max_claims_spurious, true);
  }
  for (const std::string& failure : failed) std::fprintf(stderr, "realnews_eval: %s\n", failure.c_str());
  return failed.empty() ? 0 : 1;
}
