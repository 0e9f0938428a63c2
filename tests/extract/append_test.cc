// A claim depends on its own sentence and what resolves its references (the text before it),
// never on text after it (issue 18 item 12): appending unrelated sentences to an article, or
// prepending them, leaves every claim it had unchanged. Checked on every demo article
// (corpus/demo) and every e2e article (tests/data/e2e).

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "testing.h"

namespace concord::extract {
namespace {

const Extractor& AppendExtractor() {
  static const Extractor extractor = [] {
    auto created = Extractor::Create({testing::DataDir() / "extract" / "patterns"});
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return extractor;
}

// The body of a front-matter article ("---" lines, then the text).
std::string Body(const std::string& file) {
  if (!file.starts_with("---")) return file;
  std::size_t close = file.find("\n---", 3);
  if (close == std::string::npos) return file;
  std::size_t body = file.find('\n', close + 4);
  return body == std::string::npos ? "" : file.substr(body + 1);
}

std::vector<std::filesystem::path> Articles() {
  std::vector<std::filesystem::path> files;
  for (const std::filesystem::path& root : {testing::DataDir() / "corpus" / "demo", testing::DataDir() / "tests" / "data" / "e2e"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ".md" && entry.path().filename() != "README.md") {
        files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

Extraction ExtractText(const std::string& text) {
  corpus::Article article;
  article.id = "append";
  article.text = text;
  return AppendExtractor().Extract(article);
}

// A claim with its offsets taken out: what it says, not where the text put it.
Claim Unplaced(Claim claim) {
  claim.subject.span = claim.counterparty.span = claim.object.span = {};
  claim.value_span = claim.time_span = {};
  claim.value.qualifier_span = claim.value.low_span = claim.value.high_span = {};
  claim.provenance.span = {};
  claim.provenance.sentence = 0;
  for (Role& role : claim.entities) role.span = {};
  return claim;
}

std::string Describe(const Claim& claim) {
  std::string text = claim.relation + " " + claim.subject.text + " -> " + claim.counterparty.text + " [" +
                     claim.provenance.quote + "] confidence " + std::to_string(claim.confidence) + " modality " +
                     ModalityName(claim.modality) + " polarity " + PolarityName(claim.polarity) + " rule " + claim.rule;
  for (const auto& [key, value] : claim.terms) text += " " + key + "=" + value;
  for (const Role& role : claim.entities) text += " party=" + role.text;
  if (claim.has_time) text += " timed";
  return text;
}

// Every claim of `before` is in `after`, the same and in the same order.
void RequireKept(const Extraction& before, const Extraction& after, const std::string& what) {
  CAPTURE(what);
  std::size_t at = 0;
  for (const Claim& claim : before.claims) {
    const Claim wanted = Unplaced(claim);
    while (at < after.claims.size() && !(Unplaced(after.claims[at]) == wanted)) ++at;
    if (at >= after.claims.size()) {
      std::string others;
      for (const Claim& other : after.claims) others += "\n    " + Describe(other);
      CAPTURE(others);
      CAPTURE(Describe(claim));
      REQUIRE(at < after.claims.size());
    }
    ++at;
  }
}

// The article's capitalized words, lowercased: "See norrland, fjell." names none of its
// parties, but an extractor that reads ahead would take them for ordinary words.
std::string LowercasedNames(const std::string& text) {
  std::set<std::string> words;
  for (std::size_t at = 0; at < text.size();) {
    if (std::isupper(static_cast<unsigned char>(text[at])) && (at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1])))) {
      std::size_t end = at;
      while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
      std::string word = text.substr(at, end - at);
      for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (word.size() > 1) words.insert(word);
      at = end;
    } else {
      ++at;
    }
  }
  std::string joined;
  for (const std::string& word : words) joined += (joined.empty() ? "" : ", ") + word;
  return joined;
}

TEST_CASE("append: unrelated sentences after or before an article leave its claims unchanged") {
  const std::vector<std::filesystem::path> files = Articles();
  REQUIRE(files.size() >= 12);
  const std::string unrelated[] = {"Weather was mild across the region on the day.",
                                   "Markets were closed for a holiday, and trading resumes next week."};
  for (const std::filesystem::path& file : files) {
    CAPTURE(file.string());
    std::string body = Body(testing::ReadFile(file));
    while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
    const Extraction original = ExtractText(body);
    for (const std::string& sentence : unrelated) {
      RequireKept(original, ExtractText(body + "\n\n" + sentence + "\n"), "appended: " + sentence);
      RequireKept(original, ExtractText(sentence + "\n\n" + body), "prepended: " + sentence);
    }
    RequireKept(original, ExtractText(body + " See " + LowercasedNames(body) + "."), "appended: See <names>");
    RequireKept(original, ExtractText(body + "\n\nSee " + LowercasedNames(body) + ".\n"), "appended: See <names>");
  }
}

TEST_CASE("append: the issue's case keeps Norrland's investment in Fjell") {
  const std::string body =
      Body(testing::ReadFile(testing::DataDir() / "corpus" / "demo" / "07_harbor_norrland-fjell-acquisition.md"));
  const Extraction extraction = ExtractText(body + "\nSee norrland.\n");
  bool found = false;
  for (const Claim& claim : extraction.claims) {
    if (claim.relation == "invest" && claim.subject.text == "Norrland" && claim.counterparty.text == "Fjell") found = true;
  }
  CHECK(found);
}

}  // namespace
}  // namespace concord::extract