// concord_claims_eval: precision and recall of full claims on a labelled set.
//
// Reads every *.jsonl file of a folder (format in tests/data/claims/README.md): one item per
// line, an article text with its published date and the claims it makes. Runs the bundled
// extractor and normalizer on each text and compares the claims they find (all relations but
// `quantity` and the figure frames of frames.lex, which the set does not label) with the
// expected ones. A claim counts as right
// only when relation, subject, counterparty, value and polarity are all right. Prints the
// totals, a table per relation and every miss and every spurious claim, and exits 1 when
// precision or recall is under the given minimum (2 on a usage or data error).

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "normalize/normalize.h"
#include "tools/pipeline.h"

namespace {

using concord::extract::Claim;

// Relations the set does not label: figures no pattern explains.
constexpr const char* kUnlabelledRelation = "quantity";
// Figure frames (extract/patterns/frames.lex) read every figure no rule took; this set labels
// rule relations only, so they are left out like `quantity`.
constexpr std::string_view kUnlabelledRules = "frames.lex:";
// Two values are the same when they agree to this relative tolerance (decimal inputs).
constexpr double kValueTolerance = 1e-9;

struct ExpectedClaim {
  std::string relation;
  std::string subject;       // canonical id ("" when the claim has none)
  std::string counterparty;  // canonical id ("" when none)
  std::optional<double> value;
  std::string polarity = "affirmed";
  std::string modality;      // checked only when labelled (reported, not scored)
  std::string attribution;   // canonical key of the speaker, when labelled
  std::string text;          // as written in the file, for messages
};

struct Item {
  std::string file;
  int line = 0;
  std::string id;
  std::string text;
  std::string published;
  std::vector<ExpectedClaim> claims;
};

struct Counts {
  int expected = 0;
  int found = 0;
  int right = 0;
};

double Ratio(int part, int whole) { return whole == 0 ? 1.0 : static_cast<double>(part) / whole; }

std::string RoleId(const concord::extract::Role& role) { return role.present() ? role.entity.id : ""; }

bool SameValue(const Claim& claim, const std::optional<double>& value) {
  bool has_value = claim.value_kind != concord::extract::ValueKind::kNone &&
                   claim.value_kind != concord::extract::ValueKind::kBoolean;
  if (!value) return !has_value;
  if (!has_value) return false;
  return std::fabs(claim.value.low - *value) <= kValueTolerance * std::max(1.0, std::fabs(*value));
}

bool Matches(const Claim& claim, const ExpectedClaim& expected) {
  if (claim.relation != expected.relation) return false;
  if (concord::extract::PolarityName(claim.polarity) != expected.polarity) return false;
  if (!SameValue(claim, expected.value)) return false;
  const std::string subject = RoleId(claim.subject);
  const std::string counterparty = RoleId(claim.counterparty);
  if (subject == expected.subject && counterparty == expected.counterparty) return true;
  // An agreement is symmetric: either party may be named first.
  return claim.relation == "agreement" && subject == expected.counterparty && counterparty == expected.subject;
}

std::string Describe(const Claim& claim) {
  char value[64] = "-";
  if (claim.value_kind != concord::extract::ValueKind::kNone) std::snprintf(value, sizeof value, "%.10g", claim.value.low);
  return claim.relation + "(" + (claim.subject.present() ? claim.subject.entity.id : "-") + " → " +
         (claim.counterparty.present() ? claim.counterparty.entity.id : "-") + ", " + value + ", " +
         concord::extract::PolarityName(claim.polarity) + ") [" + claim.rule + "]";
}

std::string Describe(const ExpectedClaim& claim) {
  char value[64] = "-";
  if (claim.value) std::snprintf(value, sizeof value, "%.10g", *claim.value);
  return claim.relation + "(" + (claim.subject.empty() ? "-" : claim.subject) + " → " +
         (claim.counterparty.empty() ? "-" : claim.counterparty) + ", " + value + ", " + claim.polarity + ")";
}

// A party as the labels name it ("Amazon Web Services") → the id the normalizer gives it.
std::string ExpectedId(const concord::normalize::Normalizer& normalizer, const nlohmann::json& field) {
  if (!field.is_string()) return "";
  const std::string name = field.get<std::string>();
  if (const concord::normalize::Entity* entity = normalizer.entities().Find(name)) return entity->id;
  return concord::normalize::CanonicalKey(name);
}

// Items of every *.jsonl file in `dir`, in file-name order; false (with a message) on bad data.
bool LoadItems(const std::filesystem::path& dir, const concord::normalize::Normalizer& normalizer,
               std::vector<Item>& items) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const std::filesystem::path& file : files) {
    std::ifstream in(file);
    std::string line;
    int line_number = 0;
    while (std::getline(in, line)) {
      ++line_number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::string where = file.filename().string() + ":" + std::to_string(line_number);
      nlohmann::json json = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (json.is_discarded() || !json.is_object() || !json["text"].is_string() || !json["claims"].is_array()) {
        std::fprintf(stderr, "%s: expected a JSON object with \"text\" and \"claims\"\n", where.c_str());
        return false;
      }
      Item item;
      item.file = file.filename().string();
      item.line = line_number;
      item.id = json.value("id", where);
      item.text = json["text"].get<std::string>();
      item.published = json.value("published", "2026-05-01");
      for (const nlohmann::json& claim : json["claims"]) {
        if (!claim.is_object() || !claim["relation"].is_string()) {
          std::fprintf(stderr, "%s: every claim needs a \"relation\"\n", where.c_str());
          return false;
        }
        ExpectedClaim expected;
        expected.relation = claim["relation"].get<std::string>();
        expected.subject = ExpectedId(normalizer, claim.value("subject", nlohmann::json()));
        expected.counterparty = ExpectedId(normalizer, claim.value("counterparty", nlohmann::json()));
        if (claim.contains("value") && claim["value"].is_number()) expected.value = claim["value"].get<double>();
        expected.polarity = claim.value("polarity", "affirmed");
        expected.modality = claim.value("modality", "");
        if (claim.contains("attribution") && claim["attribution"].is_string()) {
          expected.attribution = concord::normalize::CanonicalKey(claim["attribution"].get<std::string>());
        }
        expected.text = claim.dump();
        item.claims.push_back(std::move(expected));
      }
      items.push_back(std::move(item));
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Precision and recall of full claims (relation, roles, value, polarity) on a labelled set"};
  std::string set_dir;
  std::string data_dir = CONCORD_DATA_DIR;
  double min_precision = 0;
  double min_recall = 0;
  bool quiet = false;
  app.add_option("set", set_dir, "Folder of *.jsonl labelled items")->required()->check(CLI::ExistingDirectory);
  app.add_option("--data", data_dir, "Root holding extract/patterns and normalize/data")->check(CLI::ExistingDirectory);
  app.add_option("--min-precision", min_precision, "Exit 1 when precision is below this");
  app.add_option("--min-recall", min_recall, "Exit 1 when recall is below this");
  app.add_flag("--quiet", quiet, "Print the totals and the table only, not the failure list");
  CLI11_PARSE(app, argc, argv);

  auto pipeline = concord::tools::LoadPipeline(data_dir);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s\n", pipeline.status().ToString().c_str());
    return 2;
  }
  const concord::extract::Extractor& extractor = pipeline->extractor;
  const concord::normalize::Normalizer& normalizer = pipeline->normalizer;
  std::vector<Item> items;
  if (!LoadItems(set_dir, normalizer, items)) return 2;

  std::map<std::string, Counts> by_relation;
  Counts total;
  std::size_t sentences = 0;
  std::vector<std::string> failures;
  // Fields the score leaves out, checked on the right claims that label them.
  Counts modality, attribution;
  for (const Item& item : items) {
    concord::corpus::Article article;
    article.id = item.id;
    article.name = item.id;
    article.text = item.text;
    article.published = item.published;
    concord::extract::Extraction extraction = extractor.Extract(article);
    normalizer.Normalize(article, extraction);
    sentences += extraction.sentences.size();
    std::vector<const Claim*> found;
    for (const Claim& claim : extraction.claims) {
      if (claim.relation != kUnlabelledRelation && !claim.rule.starts_with(kUnlabelledRules)) found.push_back(&claim);
    }
    std::vector<bool> expected_met(item.claims.size(), false);
    for (const Claim* claim : found) {
      ++by_relation[claim->relation].found;
      ++total.found;
      bool right = false;
      for (std::size_t e = 0; e < item.claims.size() && !right; ++e) {
        if (expected_met[e] || !Matches(*claim, item.claims[e])) continue;
        expected_met[e] = right = true;
        const ExpectedClaim& label = item.claims[e];
        if (!label.modality.empty()) {
          ++modality.expected;
          if (concord::extract::ModalityName(claim->modality) == label.modality) ++modality.right;
          else failures.push_back(item.id + ": modality " + concord::extract::ModalityName(claim->modality) + ", labelled " + label.modality);
        }
        if (!label.attribution.empty()) {
          ++attribution.expected;
          if (concord::normalize::CanonicalKey(claim->attribution) == label.attribution) ++attribution.right;
          else failures.push_back(item.id + ": attribution '" + claim->attribution + "', labelled " + label.attribution);
        }
      }
      if (right) {
        ++by_relation[claim->relation].right;
        ++total.right;
      } else {
        failures.push_back(item.id + ": spurious " + Describe(*claim) + "\n    " + claim->provenance.quote);
      }
    }
    for (std::size_t e = 0; e < item.claims.size(); ++e) {
      ++by_relation[item.claims[e].relation].expected;
      ++total.expected;
      if (!expected_met[e]) failures.push_back(item.id + ": missed " + Describe(item.claims[e]) + "\n    " + item.text);
    }
  }

  const double precision = Ratio(total.right, total.found);
  const double recall = Ratio(total.right, total.expected);
  std::printf("%zu items, %zu sentences, %d expected claims, %d found, %d right\n", items.size(), sentences,
              total.expected, total.found, total.right);
  std::printf("precision %.3f  recall %.3f\n", precision, recall);
  std::printf("not scored: modality right %d/%d, attribution right %d/%d (of the right claims that label them)\n\n",
              modality.right, modality.expected, attribution.right, attribution.expected);
  std::printf("%-20s %8s %6s %6s %9s %6s\n", "relation", "expected", "found", "right", "precision", "recall");
  for (const auto& [relation, counts] : by_relation) {
    std::printf("%-20s %8d %6d %6d %9.3f %6.3f\n", relation.c_str(), counts.expected, counts.found, counts.right,
                Ratio(counts.right, counts.found), Ratio(counts.right, counts.expected));
  }
  if (!quiet && !failures.empty()) {
    std::printf("\n%zu failures:\n", failures.size());
    for (const std::string& failure : failures) std::printf("  %s\n", failure.c_str());
  }
  if (precision < min_precision || recall < min_recall) {
    std::fprintf(stderr, "claims_eval: precision %.3f (minimum %.2f), recall %.3f (minimum %.2f)\n", precision,
                 min_precision, recall, min_recall);
    return 1;
  }
  return 0;
}
