#include "extract/extract.h"
#include "testing.h"

namespace concord::extract {
namespace {

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(text)) out.emplace_back(text.substr(s.span.begin, s.span.end - s.span.begin));
  return out;
}

TEST_CASE("sentences: abbreviations do not end a sentence") {
  struct Case {
    const char* text;
    std::vector<std::string> sentences;
  };
  const Case cases[] = {
      {"Talks with U.S. regulators ended. Shares fell.", {"Talks with U.S. regulators ended.", "Shares fell."}},
      {"Halden Inc. said it would pay. Kestrel Corp. declined.", {"Halden Inc. said it would pay.", "Kestrel Corp. declined."}},
      {"Dr. Mara Voss joined the board. She starts in May.", {"Dr. Mara Voss joined the board.", "She starts in May."}},
      {"Timeline\nMarch: the deal closed.", {"Timeline", "March: the deal closed."}},
      {"Halden hired J.K. Tolmer and Sons. It paid E.F. Vasko Inc well.", {"Halden hired J.K. Tolmer and Sons.", "It paid E.F. Vasko Inc well."}},
      {"Talks with Mara T. Voss ended. She left.", {"Talks with Mara T. Voss ended.", "She left."}},
      {"Halden moved to Washington, D.C. The office opened.", {"Halden moved to Washington, D.C.", "The office opened."}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(Texts(c.text) == c.sentences);
  }
}

TEST_CASE("sentences: spans are byte offsets into the text with whitespace trimmed") {
  const std::string text = "  Orbis paid €4 million.  Veltrix’s shares rose. ";
  std::vector<Sentence> sentences = SplitSentences(text);
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].span == Span{2, text.find("Veltrix") - 2});
  CHECK(text.substr(sentences[1].span.begin, sentences[1].span.end - sentences[1].span.begin) == "Veltrix’s shares rose.");
}

TEST_CASE("sentences: text with no sentence end is cut into bounded pieces at clause breaks") {
  std::string text;
  while (text.size() < 20000) text += "Orbis paid €4 million to Veltrix, ";
  text += "and the deal closed";
  std::vector<Sentence> sentences = SplitSentences(text);
  REQUIRE(sentences.size() >= 5);
  std::size_t covered = 0;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const Span& span = sentences[i].span;
    CAPTURE(i);
    CHECK(span.end - span.begin <= 4096);
    CHECK(span.begin >= covered);
    if (i + 1 < sentences.size()) CHECK(text.substr(span.end - 1, 1) == ",");  // cut after ", "
    covered = span.end;
  }
  CHECK(sentences.front().span.begin == 0);
  CHECK(sentences.back().span.end == text.size());
}

TEST_CASE("sentences: empty and whitespace-only text give none") {
  CHECK(SplitSentences("").empty());
  CHECK(SplitSentences(" \n\n ").empty());
}

}  // namespace
}  // namespace concord::extract
