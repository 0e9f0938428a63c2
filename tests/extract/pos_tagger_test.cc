// The part-of-speech tagger (extract/pos_tagger.h): tokens, tags on sentences written for these
// tests, margins, the chunker, and that a malformed model is refused. Accuracy on the treebank
// and the reproducibility of the committed model are the pos_tagger ctest gate
// (concord_train_tagger, tests/CMakeLists.txt).

#include <string>
#include <string_view>
#include <vector>

#include "extract/pos_tagger.h"
#include "testing.h"

namespace concord::extract::pos {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, 0, text.size(), tokens);
  std::vector<std::string> words;
  for (const Token& t : tokens) words.emplace_back(text.substr(t.begin, t.end - t.begin));
  return words;
}

std::vector<Upos> Tags(std::string_view text) {
  TaggedSentence tagged;
  TagSpan(text, 0, text.size(), tagged);
  std::vector<Upos> tags;
  for (const Tagged& t : tagged.tags) tags.push_back(t.tag);
  return tags;
}

TEST_CASE("pos: control characters separate tokens and never stall the tokenizer") {
  // An article body with a DC3 before a pound sign once made Tokenize loop forever.
  CHECK(Words("pay ($58m;\x13\xC2\xA3" "30m) now") ==
        std::vector<std::string>{"pay", "(", "$", "58m", ";", "\xC2\xA3", "30m", ")", "now"});
  CHECK(Words("a\x1B]0;x\x07" "b\x7F" " c") == std::vector<std::string>{"a", "]", "0", ";", "x", "b", "c"});
  CHECK(Words(std::string_view("x\0y", 3)) == std::vector<std::string>{"x", "y"});
}

TEST_CASE("pos: tokens are cut the way the treebank cuts them") {
  CHECK(Words("Acme Corp. didn't say, it's $1,250.50 (U.S.).") ==
        std::vector<std::string>{"Acme", "Corp.", "did", "n't", "say", ",", "it", "'s", "$", "1,250.50", "(", "U.S.", ")", "."});
  CHECK(Words("Brenlow's chief O'Neill said 5% in mid-March.") ==
        std::vector<std::string>{"Brenlow", "'s", "chief", "O'Neill", "said", "5", "%", "in", "mid-March", "."});
  CHECK(Words("E.F. Hutton and AT&T \xE2\x80\x9C" "agreed\xE2\x80\x9D") ==
        std::vector<std::string>{"E.F.", "Hutton", "and", "AT&T", "\xE2\x80\x9C", "agreed", "\xE2\x80\x9D"});
  CHECK(Words("It was Inc.") == std::vector<std::string>{"It", "was", "Inc", "."});
  CHECK(Words("to $1.13bn.") == std::vector<std::string>{"to", "$", "1.13bn", "."});
}

TEST_CASE("pos: a capitalized sentence opener is no proper noun, a name is") {
  // "Reports" opens the sentence as an ordinary word; "Brannock Textiles" is a name.
  std::vector<Upos> tags = Tags("Reports said Brannock Textiles will buy the plant.");
  REQUIRE(tags.size() == 9);
  CHECK(tags[0] != Upos::kPropn);
  CHECK(tags[1] == Upos::kVerb);
  CHECK(tags[2] == Upos::kPropn);
  CHECK(tags[3] == Upos::kPropn);
  CHECK(tags[4] == Upos::kAux);
  CHECK(tags[5] == Upos::kVerb);
  CHECK(tags[6] == Upos::kDet);
  CHECK(tags[7] == Upos::kNoun);
  CHECK(tags[8] == Upos::kPunct);
  tags = Tags("The board approved the deal.");
  CHECK(tags == std::vector<Upos>{Upos::kDet, Upos::kNoun, Upos::kVerb, Upos::kDet, Upos::kNoun, Upos::kPunct});
}

TEST_CASE("pos: margins are larger on clear tags") {
  TaggedSentence tagged;
  const std::string text = "The board approved the deal.";
  TagSpan(text, 0, text.size(), tagged);
  REQUIRE(tagged.tags.size() == 6);
  CHECK(tagged.tags[0].margin > 10);  // "The"
  CHECK(tagged.tags[5].margin > 10);  // "."
  REQUIRE(tagged.At(4) != nullptr);
  CHECK(tagged.At(4)->tag == Upos::kNoun);  // "board"
  CHECK(tagged.At(5) == nullptr);           // inside "board"
}

TEST_CASE("pos: chunks give noun phrases, the main verb and its subject") {
  const std::string text = "The Italian liqueur maker will acquire the shares from a state bureau.";
  TaggedSentence tagged;
  TagSpan(text, 0, text.size(), tagged);
  std::vector<std::string_view> words;
  for (const Token& t : tagged.tokens) words.push_back(std::string_view(text).substr(t.begin, t.end - t.begin));
  Chunks chunks = FindChunks(words, tagged.tags);
  REQUIRE(chunks.main_verb != SIZE_MAX);
  CHECK(words[chunks.main_verb] == "acquire");
  REQUIRE(chunks.subject != SIZE_MAX);
  const Chunk subject = chunks.noun_phrases[chunks.subject];
  CHECK(subject.begin == 0);
  CHECK(subject.end == 4);  // "The Italian liqueur maker"
  CHECK(chunks.noun_phrases.size() == 3);
}

TEST_CASE("pos: a malformed model is refused, tagging with it gives X") {
  Tagger bad("tags ADJ\nzz 1:2\n");
  CHECK(!bad.ok());
  std::vector<Tagged> out;
  bad.Tag({"Hello"}, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].tag == Upos::kX);
  std::vector<TrainingSentence> tiny = {{{"the", "cat", "sat"}, {Upos::kDet, Upos::kNoun, Upos::kVerb}}};
  Tagger trained(Train(tiny, 3, 0.0));
  CHECK(trained.ok());
  trained.Tag({"the", "cat", "sat"}, out);
  CHECK(out[1].tag == Upos::kNoun);
  CHECK(Train(tiny, 3, 0.0) == Train(tiny, 3, 0.0));
}

}  // namespace
}  // namespace concord::extract::pos
