// Issue 18, item 0: a text that ends with "at" threw std::out_of_range in the date
// recognizer and took a whole ingest down. Real articles arrive cut anywhere, so every prefix
// of a text, cut at each word boundary, must extract without throwing.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/corpus.h"
#include "extract/extract.h"

namespace {

concord::extract::Extractor MakeExtractor() {
  auto extractor = concord::extract::Extractor::Create({std::filesystem::path(CONCORD_DATA_DIR) / "extract" / "patterns"});
  REQUIRE(extractor.ok());
  return std::move(*extractor);
}

// Extracts every prefix of `text` that ends at a word boundary; fails on the first throw.
void ExtractEveryPrefix(const concord::extract::Extractor& extractor, const std::string& text) {
  concord::corpus::Article article;
  article.id = article.name = "cut.txt";
  for (std::size_t end = 1; end <= text.size(); ++end) {
    if (end < text.size() && text[end] != ' ' && text[end] != '\n') continue;
    article.text = text.substr(0, end);
    std::string prefix = article.text;
    CAPTURE(prefix);
    CHECK_NOTHROW((void)extractor.Extract(article));
  }
}

}  // namespace

TEST_CASE("issue 18: a text cut after any word extracts without throwing") {
  const concord::extract::Extractor extractor = MakeExtractor();
  // Written to end on every word the date and amount recognizers look ahead from.
  const std::string written =
      "He said at the end of March that Orrin would pay up to $5 million on or before 4 May, "
      "more than 3% less than a year ago, as early as next week, w/c Feb 4, up until Friday; "
      "shares fell 34 cents at 10:30 and rose 2.5 pct to 45 mln dlrs between 2024 and 2026 at";
  ExtractEveryPrefix(extractor, written);
  for (const char* end : {"He said at", "at", "on", "more", "up", "as", "w", "the", "$", "5", "between 2024 and",
                          "from", "since", "until the", "by the end of"}) {
    concord::corpus::Article article;
    article.id = article.name = "end.txt";
    article.text = end;
    std::string text = end;
    CAPTURE(text);
    CHECK_NOTHROW((void)extractor.Extract(article));
  }
}

TEST_CASE("issue 18: real articles cut at every word boundary extract without throwing") {
  const std::filesystem::path realnews = std::filesystem::path(CONCORD_SHARED_DIR) / "realnews";
  if (!std::filesystem::exists(realnews)) return;  // the shared folder is not on this machine
  const concord::extract::Extractor extractor = MakeExtractor();
  for (const char* file : {"bbc-business/001.md", "reuters-21578/acq/1000.md", "reuters-21578/earn/10000.md"}) {
    if (!std::filesystem::exists(realnews / file)) continue;
    std::ifstream in(realnews / file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::string text = bytes.str();
    constexpr std::size_t kLongestPrefix = 2500;  // enough for several sentences of each kind
    ExtractEveryPrefix(extractor, text.substr(0, kLongestPrefix));
  }
}

TEST_CASE("issue 18: the tagger's private-use token brackets in an article are plain text") {
  // U+E000 and U+E001 bracket mention tokens inside the extractor; an article that holds them
  // itself (with digits, "<U+E000>OR 7<U+E001>") once made the deal reader index a mention that
  // did not exist. They read as U+FFFD would, and nothing else changes.
  const concord::extract::Extractor extractor = MakeExtractor();
  const std::string body = " Orrin Holdings agreed to buy Fjell Marine for $300 million, the  companies said.";
  concord::corpus::Article plain, bracketed;
  plain.id = plain.name = bracketed.id = bracketed.name = "brackets.txt";
  plain.text = "The \xEF\xBF\xBD" "ORG7\xEF\xBF\xBD" + body;
  bracketed.text = "The \xEE\x80\x80" "ORG7\xEE\x80\x81" + body;
  const auto want = extractor.Extract(plain);
  const auto got = extractor.Extract(bracketed);
  REQUIRE(got.claims.size() == want.claims.size());
  CHECK(!want.claims.empty());
  for (std::size_t k = 0; k < got.claims.size(); ++k) {
    CHECK(got.claims[k].relation == want.claims[k].relation);
    CHECK(got.claims[k].subject.text == want.claims[k].subject.text);
    CHECK(got.claims[k].counterparty.text == want.claims[k].counterparty.text);
    CHECK(got.claims[k].value.low == want.claims[k].value.low);
  }
}
