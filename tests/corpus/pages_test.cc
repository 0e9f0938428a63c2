// Main-content extraction on the page set (tests/data/pages/, README there): each NAME.html
// read through ReadArticles is scored against NAME.txt, the body a reader would call the
// article, by word precision and recall (bags of lower-cased words, summed over the pages).
// The tune split is a gate with floors; the frozen split is scored by hand, once per change
// of method (`corpus_tests --no-skip -tc='*frozen*' -s`), and its first run is in the README.

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/corpus.h"
#include "testing.h"

namespace concord::corpus {
namespace {

namespace fs = std::filesystem;

fs::path PagesDir() { return testing::DataDir() / "tests" / "data" / "pages"; }

// Lower-cased words: runs of ASCII letters and digits and of non-ASCII bytes.
std::map<std::string, int> Words(const std::string& text) {
  std::map<std::string, int> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) ++words[word];
    word.clear();
  };
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || byte >= 0x80) {
      word += static_cast<char>(std::tolower(byte));
    } else {
      flush();
    }
  }
  flush();
  return words;
}

struct Score {
  long found = 0;     // words extracted
  long expected = 0;  // words in the expected body
  long matched = 0;   // the bags' intersection
  double Precision() const { return found == 0 ? 0 : static_cast<double>(matched) / found; }
  double Recall() const { return expected == 0 ? 0 : static_cast<double>(matched) / expected; }
};

std::vector<std::string> PagesOf(const std::string& split) {
  std::vector<std::string> names;
  std::ifstream in(PagesDir() / "splits.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab != std::string::npos && line.substr(tab + 1) == split) names.push_back(line.substr(0, tab));
  }
  return names;
}

Score ScoreSplit(const std::string& split) {
  Score total;
  const std::vector<std::string> names = PagesOf(split);
  REQUIRE_FALSE(names.empty());
  for (const std::string& name : names) {
    CAPTURE(name);
    const fs::path page = PagesDir() / (name + ".html");
    const FileArticles read = ReadArticles(InputFile{page, PagesDir(), {}});
    // A rejected page finds no words: it counts against recall.
    for (const Status& rejection : read.rejections) MESSAGE(rejection.ToString());
    REQUIRE(read.articles.size() <= 1);
    const std::map<std::string, int> found = Words(read.articles.empty() ? "" : read.articles[0].text);
    const std::map<std::string, int> expected = Words(testing::ReadFile(PagesDir() / (name + ".txt")));
    Score score;
    for (const auto& [word, count] : found) score.found += count;
    for (const auto& [word, count] : expected) {
      score.expected += count;
      if (const auto it = found.find(word); it != found.end()) score.matched += std::min(count, it->second);
    }
    MESSAGE(name << ": precision " << score.Precision() << ", recall " << score.Recall());
    total.found += score.found;
    total.expected += score.expected;
    total.matched += score.matched;
  }
  MESSAGE(split << " split, " << names.size() << " pages: precision " << total.Precision()
                << ", recall " << total.Recall());
  return total;
}

TEST_CASE("pages: body words found on the tune split (floors a little below the last run)") {
  const Score score = ScoreSplit("tune");
  CHECK(score.Precision() >= 0.97);
  CHECK(score.Recall() >= 0.97);
}

TEST_CASE("pages: the frozen split, scored by hand" * doctest::skip()) {
  const Score score = ScoreSplit("frozen");
  CHECK(score.found > 0);
}

}  // namespace
}  // namespace concord::corpus
