#pragma once
// A small part-of-speech tagger (internal to extract): a greedy averaged perceptron over
// Universal POS tags, trained on UD English EWT (extract/data/pos_model.txt, compiled in; see
// extract/data/README.md for how to regenerate it). Features are hashed from the word, its
// lowercase form, affixes and shape, the two tags before it and the words around it; the
// weights sit in one flat open-addressing table, and tagging allocates nothing per token.
// News is not web text: callers combine the tag and its margin with the name lexicons, which
// know more than 25,000 training tokens do.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace concord::extract::pos {

enum class Upos : std::uint8_t {
  kAdj, kAdp, kAdv, kAux, kCconj, kDet, kIntj, kNoun, kNum, kPart, kPron, kPropn, kPunct, kSconj,
  kSym, kVerb, kX
};
constexpr std::size_t kUposCount = 17;
const char* UposName(Upos tag);  // "ADJ", "PROPN", ...
bool ParseUpos(std::string_view name, Upos& tag);

struct Tagged {
  Upos tag = Upos::kX;
  // Best score minus the second best, in averaged perceptron update units: 0 is a coin toss.
  // On held-out EWT (dev-trained, test-scored) all tags are 91.5% right; those with a margin
  // of 10 or more (85% of tokens) 96.7%, of 20 or more (66%) 98.8%.
  float margin = 0;
};

// Tags `tokens` (one sentence, words as written) into `out` (resized to tokens.size()).
// Thread-safe; the model loads once on first use.
void Tag(const std::vector<std::string_view>& tokens, std::vector<Tagged>& out);

// A token of running text: byte offsets into the text given.
struct Token {
  std::size_t begin = 0, end = 0;
};
// Tokens of text[begin, end) the way the treebank cuts them: punctuation apart, clitics
// ("'s", "n't") apart, numbers with their commas and points whole, "U.S." and "Corp." whole.
void Tokenize(std::string_view text, std::size_t begin, std::size_t end, std::vector<Token>& out);

// Spans of one sentence with their tags, from Tokenize then Tag.
struct TaggedSentence {
  std::vector<Token> tokens;
  std::vector<Tagged> tags;
  // The tag of the token starting at byte `at`; nullptr when no token starts there.
  const Tagged* At(std::size_t at) const;
};
void TagSpan(std::string_view text, std::size_t begin, std::size_t end, TaggedSentence& out);

// Shallow chunks over tags, for owner selection: maximal noun phrases (DET/ADJ/NUM/PROPN/NOUN
// runs ending in a noun, with "'s" and "of" joining name parts), the first finite main verb
// of the sentence, and the noun phrase before it (its subject, when no comma-led clause
// intervenes). Token indices, `end` exclusive.
struct Chunk {
  std::size_t begin = 0, end = 0;
};
struct Chunks {
  std::vector<Chunk> noun_phrases;
  std::size_t main_verb = SIZE_MAX;  // token index, SIZE_MAX when none
  std::size_t subject = SIZE_MAX;    // index into noun_phrases, SIZE_MAX when none
};
Chunks FindChunks(const std::vector<std::string_view>& tokens, const std::vector<Tagged>& tags);

// Training (the trainer tool and the reproducibility test): sentences of (word, tag).
struct TrainingSentence {
  std::vector<std::string> words;
  std::vector<Upos> tags;
};
// Reads the UPOS column of a CoNLL-U file (multi-word token lines and empty nodes skipped).
// False with `error` set when the file cannot be read or a line is malformed.
bool ReadConllu(const std::string& path, std::vector<TrainingSentence>& out, std::string& error);
// Trains for `iterations` passes in a fixed order (deterministic: integer weights, a fixed
// shuffle), prunes weights below `min_weight`, and returns the model text.
std::string Train(const std::vector<TrainingSentence>& sentences, int iterations, double min_weight);

// A model other than the compiled-in one (tests; the trainer's evaluation). Tagging with it:
class Model;
class Tagger {
 public:
  explicit Tagger(std::string_view model_text);  // an empty table when the text is malformed
  ~Tagger();
  Tagger(Tagger&&) noexcept;
  Tagger& operator=(Tagger&&) noexcept;
  bool ok() const;
  std::size_t features() const;
  void Tag(const std::vector<std::string_view>& tokens, std::vector<Tagged>& out) const;

 private:
  std::unique_ptr<Model> model_;
};

}  // namespace concord::extract::pos
