// concord_conformance: runs the money and percent recognizers (extract::FindQuantities) on the
// English cases of Microsoft Recognizers-Text (converted to JSON lines in
// ../shared/conformance/recognizers-text) and prints pass rates per model and every failure.
// What is in scope, and why, is in README.md next to this file.
//
// usage: concord_conformance DIR [--min-currency R] [--min-percent R] [--min-number R]
//                                [--quiet] [--all]
// The table also scores every case of the files (all-passed, all-rate), out-of-scope ones
// included; --all lists the out-of-scope cases that fail.
// Exit codes: 0 every model at or above its minimum; 1 one below; 2 usage error; 77 DIR is
// missing (ctest reports the test as skipped).

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"

namespace {

namespace fs = std::filesystem;
using concord::extract::Mention;
using concord::extract::MentionKind;
using nlohmann::json;

constexpr int kExitBelowTarget = 1;
constexpr int kExitUsage = 2;
constexpr int kExitSkipped = 77;  // ctest SKIP_RETURN_CODE
constexpr double kRelativeTolerance = 1e-9;

// The spec's generic currency names, as the ISO code they mean in an English-language text.
const std::map<std::string, std::string, std::less<>> kUnitIso = {
    {"Dollar", "USD"}, {"Pound", "GBP"}, {"Euro", "EUR"},
    {"Yen", "JPY"},    {"Franc", "CHF"}, {"Rupee", "INR"},
};

struct Expected {
  std::size_t start = 0;  // code points
  std::size_t end = 0;
  std::string span;
  std::optional<double> value;
  std::string iso;  // money: empty when the unit has no ISO code
  // Money in units without an ISO code of their own, as the recognizer writes it: "30 cents"
  // (unit Cent, value 30) is 0.30 USD; "2 bitcoin" is 2 BTC (codes outside ISO 4217 proper).
  std::string all_iso;
  double all_scale = 1;
};

struct OtherUnit {
  std::string_view iso;
  double scale;
};
const std::map<std::string, OtherUnit, std::less<>> kOtherUnits = {
    {"Cent", {"USD", 0.01}},     {"Pence", {"GBP", 0.01}},  {"Penny", {"GBP", 0.01}},
    {"Sen", {"JPY", 0.01}},      {"Bitcoin", {"BTC", 1}},   {"Satoshi", {"BTC", 1e-8}},
    {"Finnish markka", {"FIM", 1}}, {"Peseta", {"ESP", 1}}, {"Netherlands guilder", {"NLG", 1}},
};

struct Found {
  std::size_t start = 0;  // code points
  std::size_t end = 0;
  std::string text;
  double value = 0;
  std::string currency;
};

struct Model {
  std::string name;
  std::vector<std::string> files;
  MentionKind kind = MentionKind::kMoney;
  int total = 0;
  int in_scope = 0;
  int passed = 0;
  std::map<std::string, int> out_of_scope = {};  // reason → count
  std::map<std::string, int> out_of_scope_passed = {};  // reason → count passed anyway
  int all_passed = 0;                                    // over every case, --all
  std::vector<std::string> failures = {};
  std::vector<std::string> out_of_scope_failures = {};
  double rate() const { return in_scope == 0 ? 1.0 : static_cast<double>(passed) / in_scope; }
};

// Code points before byte `offset` of UTF-8 `text`.
std::size_t CodePoints(std::string_view text, std::size_t offset) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  return count;
}

bool SameNumber(double a, double b) {
  return std::fabs(a - b) <= kRelativeTolerance * std::max(1.0, std::fabs(b));
}

std::string Lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// Why a money case is outside what the recognizer claims to do, or empty when it is in scope.
// Each reason is one a news reader would accept; everything else is in scope.
std::string MoneyScope(const json& record, const std::vector<Expected>& expected) {
  for (const Expected& e : expected) {
    if (!e.value) return "bare currency word (no amount to record)";
    const std::string span = Lower(e.span);
    if (span.find("kuai") != std::string::npos || span.find(" mao") != std::string::npos)
      return "Chinese colloquial units in English (\"one kuai and five mao five\")";
    // "sen 100,000": a minor unit's name before the figure; news writes "100,000 sen".
    constexpr std::string_view kMinorNames[] = {"sen ", "cent ", "cents ", "penny ", "pence ",
                                                "satoshi "};
    for (std::string_view name : kMinorNames)
      if (span.starts_with(name)) return "a minor unit named before the figure (\"sen 100,000\")";
  }
  (void)record;
  return {};
}

// "a quarter of", "one half of", "two thirds of": a fraction written in words, then "of".
bool IsWordFraction(const std::string& span) {
  constexpr std::string_view kHeads[] = {"a ", "one ", "two ", "three "};
  constexpr std::string_view kFractions[] = {"half", "third", "quarter", "fourth", "fifth", "tenth"};
  if (!span.ends_with(" of")) return false;
  for (std::string_view head : kHeads) {
    if (!span.starts_with(head)) continue;
    const std::string_view rest = std::string_view(span).substr(head.size());
    for (std::string_view fraction : kFractions)
      if (rest.starts_with(fraction)) return true;
  }
  return false;
}

// Why a percent case is out of scope, or empty. Out: no number at all ("a small percent"),
// and ratios ("one out of three", "one in two"): the number model of the same suite reads
// them as fractions (1/3), and so does running text; only Recognizers-Text's percent mode
// reads them as percentages.
std::string PercentScope(const std::vector<Expected>& expected) {
  for (const Expected& e : expected) {
    if (!e.value) return "percent word without a number";
    const std::string span = Lower(e.span);
    const bool unit_written = span.find('%') != std::string::npos ||
                              span.find("percent") != std::string::npos ||
                              span.find("per cent") != std::string::npos;
    if (!unit_written && !IsWordFraction(span) && !span.ends_with(" of"))
      return "ratio (\"one in two\"): a fraction, read as a percentage only in percent mode";
  }
  return {};
}

std::vector<Expected> ReadExpected(const json& record) {
  std::vector<Expected> out;
  for (const json& e : record.at("expected")) {
    Expected x;
    x.start = e.at("start").get<std::size_t>();
    x.end = e.at("end").get<std::size_t>();
    x.span = e.at("span").get<std::string>();
    if (e.contains("value") && e.at("value").is_number()) x.value = e.at("value").get<double>();
    if (e.contains("unit") && e.at("unit").is_string()) {
      const std::string unit = e.at("unit").get<std::string>();
      auto generic = kUnitIso.find(unit);
      const bool code = unit.size() == 3 && std::all_of(unit.begin(), unit.end(), [](char c) {
                          return c >= 'A' && c <= 'Z';
                        });
      if (generic != kUnitIso.end()) x.iso = generic->second;
      if (code) x.iso = unit;
      x.all_iso = x.iso;
      if (auto other = kOtherUnits.find(unit); other != kOtherUnits.end()) {
        x.all_iso = std::string(other->second.iso);
        x.all_scale = other->second.scale;
      }
    }
    out.push_back(std::move(x));
  }
  return out;
}

std::vector<Found> Recognize(const std::string& text, MentionKind kind) {
  std::vector<Found> out;
  for (const Mention& m : concord::extract::FindQuantities(text)) {
    if (m.kind != kind) continue;
    out.push_back({CodePoints(text, m.span.begin), CodePoints(text, m.span.end), m.text,
                   m.amount.low, m.amount.currency});
  }
  return out;
}

std::string Describe(const std::vector<Found>& found) {
  std::string out = "[";
  for (const Found& f : found) {
    if (out.size() > 1) out += ", ";
    char value[64];
    std::snprintf(value, sizeof value, "%.15g", f.value);
    out += "\"" + f.text + "\" " + value + (f.currency.empty() ? "" : " " + f.currency);
  }
  return out + "]";
}

std::string Describe(const std::vector<Expected>& expected) {
  std::string out = "[";
  for (const Expected& e : expected) {
    if (out.size() > 1) out += ", ";
    char value[64];
    std::snprintf(value, sizeof value, "%.15g", e.value.value_or(NAN));
    out += "\"" + e.span + "\" " + value + (e.iso.empty() ? "" : " " + e.iso);
  }
  return out + "]";
}

// `all`: units without an ISO code are compared in the recognizer's terms (kOtherUnits).
bool Matches(const std::vector<Expected>& expected, const std::vector<Found>& found,
             MentionKind kind, bool all = false) {
  if (expected.size() != found.size()) return false;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Expected& e = expected[i];
    const Found& f = found[i];
    if (e.start != f.start || e.end != f.end) return false;
    const double scale = all ? e.all_scale : 1;
    if (!e.value || !SameNumber(f.value, *e.value * scale)) return false;
    if (kind == MentionKind::kMoney && f.currency != (all ? e.all_iso : e.iso)) return false;
  }
  return true;
}

void RunModel(const fs::path& dir, Model& model) {
  for (const std::string& file : model.files) {
    std::ifstream in(dir / file);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      const json record = json::parse(line);
      ++model.total;
      const std::vector<Expected> expected = ReadExpected(record);
      const std::string text = record.at("text").get<std::string>();
      const std::vector<Found> found = Recognize(text, model.kind);
      const bool all_passed = Matches(expected, found, model.kind, true);
      model.all_passed += all_passed ? 1 : 0;
      std::string reason = "not supported by the reference implementation";
      if (record.value("dotnet_supported", true))
        reason = model.kind == MentionKind::kMoney ? MoneyScope(record, expected)
                                                   : PercentScope(expected);
      if (!reason.empty()) {
        ++model.out_of_scope[reason];
        if (all_passed) {
          ++model.out_of_scope_passed[reason];
        } else {
          model.out_of_scope_failures.push_back(
              "[" + reason + "] " + record.value("origin", file) + "\n    text:     " + text +
              "\n    expected: " + Describe(expected) + "\n    found:    " + Describe(found));
        }
        continue;
      }
      ++model.in_scope;
      if (Matches(expected, found, model.kind, true)) {
        ++model.passed;
        continue;
      }
      model.failures.push_back(record.value("origin", file) + "\n    text:     " + text +
                               "\n    expected: " + Describe(expected) +
                               "\n    found:    " + Describe(found));
    }
  }
}

// Currency marks that make a number-model text legitimately hold money ("$20", "2mil SEK").
constexpr std::string_view kCurrencyMarks[] = {
    "$",     "€",     "£",   "¥",   "₹",   "dollar", "euro", "pound", "yen", "yuan",
    "rupee", "franc", "usd", "eur", "gbp", "sek",    "cny",  "rmb",   "jpy", "chf"};

// The number model expects numbers, not money or percentages: on its texts that write no
// currency, a case passes when the recognizer reports no money, and no percentage unless the
// text writes a percent sign or word. This measures precision on numeric text.
void RunNumberModel(const fs::path& dir, Model& model) {
  for (const std::string& file : model.files) {
    std::ifstream in(dir / file);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      const json record = json::parse(line);
      ++model.total;
      const std::string text = record.at("text").get<std::string>();
      const std::string lower = Lower(text);
      const bool percent_written = lower.find('%') != std::string::npos ||
                                   lower.find("percent") != std::string::npos ||
                                   lower.find("per cent") != std::string::npos;
      std::vector<Found> spurious = Recognize(text, MentionKind::kMoney);
      if (!percent_written) {
        const std::vector<Found> percents = Recognize(text, MentionKind::kPercent);
        spurious.insert(spurious.end(), percents.begin(), percents.end());
      }
      // Over all cases, a text that writes a currency passes whatever money it holds.
      const bool writes_currency = std::any_of(
          std::begin(kCurrencyMarks), std::end(kCurrencyMarks),
          [&lower](std::string_view mark) { return lower.find(mark) != std::string::npos; });
      const bool all_passed = writes_currency || spurious.empty();
      model.all_passed += all_passed ? 1 : 0;
      if (!record.value("dotnet_supported", true) || writes_currency) {
        const std::string reason = writes_currency && record.value("dotnet_supported", true)
                                       ? "text writes a currency"
                                       : "not supported by the reference implementation";
        ++model.out_of_scope[reason];
        if (all_passed) ++model.out_of_scope_passed[reason];
        else
          model.out_of_scope_failures.push_back("[" + reason + "] " + text + "\n    found:    " +
                                                Describe(spurious));
        continue;
      }
      ++model.in_scope;
      if (spurious.empty()) {
        ++model.passed;
        continue;
      }
      model.failures.push_back(record.value("origin", file) + "\n    text:     " + text +
                               "\n    found:    " + Describe(spurious));
    }
  }
}

int Usage() {
  std::cerr << "usage: concord_conformance DIR [--min-currency R] [--min-percent R] "
               "[--min-number R] [--quiet] [--all]\n";
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::optional<fs::path> dir;
  std::map<std::string, double> minimum = {{"currency", 0}, {"percent", 0}, {"number", 0}};
  bool quiet = false;
  bool all = false;  // also list the failures among out-of-scope cases
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--quiet") {
      quiet = true;
    } else if (arg == "--all") {
      all = true;
    } else if (arg.starts_with("--min-") && i + 1 < args.size()) {
      const std::string model = arg.substr(std::string("--min-").size());
      if (!minimum.contains(model)) return Usage();
      char* end = nullptr;
      minimum[model] = std::strtod(args[++i].c_str(), &end);
      if (end == nullptr || *end != '\0') return Usage();
    } else if (!arg.starts_with("--") && !dir) {
      dir = arg;
    } else {
      return Usage();
    }
  }
  if (!dir) return Usage();
  if (!fs::exists(*dir / "currency.jsonl")) {
    std::cout << "conformance: " << dir->string()
              << " has no Recognizers-Text cases; skipped (the shared folder is not present)\n";
    return kExitSkipped;
  }

  Model currency{.name = "currency", .files = {"currency.jsonl"}, .kind = MentionKind::kMoney};
  Model percent{.name = "percent",
                .files = {"percent.jsonl", "percent_percentmode.jsonl"},
                .kind = MentionKind::kPercent};
  Model number{.name = "number",
               .files = {"number.jsonl", "number_experimentalmode.jsonl"},
               .kind = MentionKind::kMoney};
  try {
    RunModel(*dir, currency);
    RunModel(*dir, percent);
    RunNumberModel(*dir, number);
  } catch (const json::exception& error) {
    std::cerr << "conformance: bad case file in " << dir->string() << ": " << error.what() << "\n";
    return kExitUsage;
  }

  bool below = false;
  for (const Model* model : {&currency, &percent, &number}) {
    if (!quiet && !model->failures.empty()) {
      std::cout << "== " << model->name << " failures (" << model->failures.size() << ")\n";
      for (const std::string& failure : model->failures) std::cout << "  " << failure << "\n";
    }
    if (all && !model->out_of_scope_failures.empty()) {
      std::cout << "== " << model->name << " out-of-scope failures ("
                << model->out_of_scope_failures.size() << ")\n";
      for (const std::string& failure : model->out_of_scope_failures)
        std::cout << "  " << failure << "\n";
    }
  }
  std::cout << "\nmodel     cases  in-scope  passed  pass-rate  minimum  all-passed  all-rate\n";
  for (const Model* model : {&currency, &percent, &number}) {
    char row[160];
    std::snprintf(row, sizeof row, "%-8s  %5d  %8d  %6d  %9.3f  %7.3f  %10d  %8.3f\n",
                  model->name.c_str(), model->total, model->in_scope, model->passed,
                  model->rate(), minimum[model->name], model->all_passed,
                  model->total == 0 ? 1.0 : static_cast<double>(model->all_passed) / model->total);
    std::cout << row;
    for (const auto& [reason, count] : model->out_of_scope) {
      const auto passed = model->out_of_scope_passed.find(reason);
      std::cout << "          out of scope: " << count << " " << reason << " (passed anyway: "
                << (passed == model->out_of_scope_passed.end() ? 0 : passed->second) << ")\n";
    }
    if (model->rate() < minimum[model->name]) below = true;
  }
  if (below) {
    std::cout << "conformance: a model is below its minimum pass rate\n";
    return kExitBelowTarget;
  }
  return 0;
}
