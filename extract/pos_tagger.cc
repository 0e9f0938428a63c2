// The averaged-perceptron tagger (Collins 2002; the greedy left-to-right form Honnibal's
// "A good part-of-speech tagger in about 200 lines of Python" describes). Training keeps
// integer weights and integer running totals, so the trained model is the same on every run
// and machine; the model file holds the averaged weights x100, rounded, pruned.
// Rejected: a CRF or a neural tagger (a few points more accuracy, much more code and time);
// Penn tags (finer, but 25,000 training tokens spread over 45 tags learn less per tag, and the
// name decisions need only PROPN against the rest).

#include "extract/pos_tagger.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <unordered_map>

namespace concord::extract {
namespace lexicon {
extern const std::string_view k_pos_model;
}  // namespace lexicon

namespace pos {
namespace {

constexpr std::array<const char*, kUposCount> kNames = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
    "SCONJ", "SYM", "VERB", "X"};
constexpr int kScale = 100;  // model weights are averaged weights x kScale

// ---- Feature keys -------------------------------------------------------------------------

constexpr std::uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

std::uint64_t Mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t z = a ^ (b + 0x9E3779B97F4A7C15ULL + (a << 6) + (a >> 2));
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return z == 0 ? 1 : z;  // 0 marks an empty slot of the table
}

std::uint64_t Hash(std::string_view s, bool lower) {
  std::uint64_t h = kFnvOffset;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (lower && u < 0x80) u = static_cast<unsigned char>(std::tolower(u));
    h = (h ^ u) * kFnvPrime;
  }
  return h;
}

bool IsDigitWord(std::string_view w) {
  bool digit = false;
  for (char c : w) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digit = true;
    } else if (c != ',' && c != '.' && c != '-' && c != '/' && c != ':') {
      return false;
    }
  }
  return digit;
}

// Per-token keys, computed once per token and combined per feature.
struct WordKeys {
  std::uint64_t word = 0, lower = 0, suffix3 = 0, suffix2 = 0, prefix1 = 0, shape = 0, suffix4 = 0, prefix3 = 0;
};

// Byte offset of the start of the n-th last character (UTF-8), or 0.
std::size_t LastChars(std::string_view w, std::size_t n) {
  std::size_t at = w.size();
  while (n > 0 && at > 0) {
    --at;
    while (at > 0 && (static_cast<unsigned char>(w[at]) & 0xC0) == 0x80) --at;
    --n;
  }
  return at;
}

WordKeys Keys(std::string_view w) {
  WordKeys k;
  k.word = Mix(1, Hash(w, false));
  if (IsDigitWord(w)) {
    const bool year = w.size() == 4 && std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    k.lower = Mix(2, Hash(year ? "!YEAR" : "!DIGITS", false));
  } else {
    k.lower = Mix(2, Hash(w, true));
  }
  k.suffix3 = Mix(3, Hash(w.substr(LastChars(w, 3)), true));
  k.suffix2 = Mix(4, Hash(w.substr(LastChars(w, 2)), true));
  k.prefix1 = Mix(5, Hash(w.substr(0, 1), false));
  k.suffix4 = Mix(7, Hash(w.substr(LastChars(w, 4)), true));
  k.prefix3 = Mix(8, Hash(w.substr(0, std::min<std::size_t>(3, w.size())), true));
  // Shape: X upper, x lower, d digit, other bytes as they are; runs collapsed ("Xx", "X.X.", "d,d").
  std::array<char, 12> shape{};
  std::size_t n = 0;
  for (char c : w) {
    auto u = static_cast<unsigned char>(c);
    char s = std::isupper(u) ? 'X' : std::islower(u) ? 'x' : std::isdigit(u) ? 'd' : u >= 0x80 ? 'x' : c;
    if (n > 0 && shape[n - 1] == s) continue;
    if (n == shape.size()) break;
    shape[n++] = s;
  }
  k.shape = Mix(6, Hash(std::string_view(shape.data(), n), false));
  return k;
}

const WordKeys& Boundary(int which) {
  static const std::array<WordKeys, 4> pads = [] {
    std::array<WordKeys, 4> p{};
    const char* names[] = {"-START2-", "-START-", "-END-", "-END2-"};
    for (int i = 0; i < 4; ++i) p[i] = Keys(names[i]);
    return p;
  }();
  return pads[static_cast<std::size_t>(which)];
}

constexpr std::size_t kFeatures = 24;

// The feature keys of token i given the two tags before it (kUposCount for "none").
void Features(const std::vector<WordKeys>& keys, std::size_t i, std::size_t prev, std::size_t prev2,
              std::array<std::uint64_t, kFeatures>& f) {
  const std::size_t n = keys.size();
  const WordKeys& w = keys[i];
  const WordKeys& p1 = i >= 1 ? keys[i - 1] : Boundary(1);
  const WordKeys& p2 = i >= 2 ? keys[i - 2] : i == 1 ? Boundary(1) : Boundary(0);
  const WordKeys& n1 = i + 1 < n ? keys[i + 1] : Boundary(2);
  const WordKeys& n2 = i + 2 < n ? keys[i + 2] : i + 1 < n ? Boundary(2) : Boundary(3);
  std::size_t k = 0;
  f[k++] = Mix(100, 0);  // bias
  f[k++] = Mix(101, w.lower);
  f[k++] = Mix(102, w.suffix3);
  f[k++] = Mix(103, w.suffix2);
  f[k++] = Mix(104, w.prefix1);
  f[k++] = Mix(105, w.shape);
  f[k++] = Mix(106, w.word);
  f[k++] = Mix(107, prev);
  f[k++] = Mix(108, prev * 31 + prev2);
  f[k++] = Mix(Mix(109, prev), w.lower);
  f[k++] = Mix(110, p1.lower);
  f[k++] = Mix(111, p1.suffix3);
  f[k++] = Mix(112, p2.lower);
  f[k++] = Mix(113, n1.lower);
  f[k++] = Mix(114, n1.suffix3);
  f[k++] = Mix(115, n2.lower);
  f[k++] = Mix(116, p1.shape);
  f[k++] = Mix(117, n1.shape);
  f[k++] = Mix(Mix(118, i == 0), w.shape);   // a capital first word says less
  f[k++] = Mix(Mix(119, w.shape), n1.shape);
  f[k++] = Mix(Mix(120, prev), n1.lower);
  f[k++] = Mix(121, w.suffix4);
  f[k++] = Mix(122, w.prefix3);
  f[k++] = Mix(Mix(123, p1.lower), w.lower);
}

}  // namespace

// ---- The model ----------------------------------------------------------------------------

class Model {
 public:
  explicit Model(std::string_view text) { ok_ = Parse(text); }
  bool ok() const { return ok_; }
  std::size_t size() const { return count_; }

  void Tag(const std::vector<std::string_view>& tokens, std::vector<Tagged>& out) const {
    out.assign(tokens.size(), Tagged{});
    if (!ok_) return;
    thread_local std::vector<WordKeys> keys;
    keys.clear();
    for (std::string_view t : tokens) keys.push_back(Keys(t));
    std::size_t prev = kUposCount, prev2 = kUposCount;
    std::array<std::uint64_t, kFeatures> f;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      Features(keys, i, prev, prev2, f);
      std::array<std::int64_t, kUposCount> score{};
      for (std::uint64_t key : f) {
        const std::int16_t* row = Find(key);
        if (row == nullptr) continue;
        for (std::size_t t = 0; t < kUposCount; ++t) score[t] += row[t];
      }
      std::size_t best = 0;
      for (std::size_t t = 1; t < kUposCount; ++t) {
        if (score[t] > score[best]) best = t;
      }
      std::int64_t second = INT64_MIN;
      for (std::size_t t = 0; t < kUposCount; ++t) {
        if (t != best) second = std::max(second, score[t]);
      }
      out[i].tag = static_cast<Upos>(best);
      out[i].margin = static_cast<float>(score[best] - second) / kScale;
      prev2 = prev;
      prev = best;
    }
  }

 private:
  const std::int16_t* Find(std::uint64_t key) const {
    if (keys_.empty()) return nullptr;
    for (std::size_t slot = key & mask_;; slot = (slot + 1) & mask_) {
      if (keys_[slot] == key) return &weights_[slot * kUposCount];
      if (keys_[slot] == 0) return nullptr;
    }
  }

  // Lines: "# comment", "tags ADJ ADP ...", then "<key hex> <tag index>:<weight> ...".
  bool Parse(std::string_view text) {
    std::vector<std::pair<std::uint64_t, std::array<std::int16_t, kUposCount>>> rows;
    std::size_t at = 0;
    bool tags_seen = false;
    while (at < text.size()) {
      std::size_t end = text.find('\n', at);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(at, end - at);
      at = end + 1;
      if (line.empty() || line[0] == '#') continue;
      if (line.starts_with("tags ")) {
        std::string expected = "tags";
        for (const char* name : kNames) expected += std::string(" ") + name;
        if (line != expected) return false;
        tags_seen = true;
        continue;
      }
      std::pair<std::uint64_t, std::array<std::int16_t, kUposCount>> row{};
      const char* p = line.data();
      const char* stop = line.data() + line.size();
      auto r = std::from_chars(p, stop, row.first, 16);
      if (r.ec != std::errc() || row.first == 0) return false;
      p = r.ptr;
      while (p < stop) {
        if (*p != ' ') return false;
        unsigned tag = 0;
        r = std::from_chars(p + 1, stop, tag);
        if (r.ec != std::errc() || tag >= kUposCount || r.ptr == stop || *r.ptr != ':') return false;
        std::int32_t weight = 0;
        r = std::from_chars(r.ptr + 1, stop, weight);
        if (r.ec != std::errc() || weight > INT16_MAX || weight < INT16_MIN) return false;
        row.second[tag] = static_cast<std::int16_t>(weight);
        p = r.ptr;
      }
      rows.push_back(row);
    }
    if (!tags_seen || rows.empty()) return false;
    std::size_t capacity = 1;
    while (capacity * 3 < rows.size() * 4) capacity <<= 1;  // load at most 3/4
    mask_ = capacity - 1;
    keys_.assign(capacity, 0);
    weights_.assign(capacity * kUposCount, 0);
    for (const auto& [key, w] : rows) {
      std::size_t slot = key & mask_;
      while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & mask_;
      keys_[slot] = key;
      std::copy(w.begin(), w.end(), weights_.begin() + static_cast<std::ptrdiff_t>(slot * kUposCount));
    }
    count_ = rows.size();
    return true;
  }

  bool ok_ = false;
  std::size_t count_ = 0;
  std::size_t mask_ = 0;
  std::vector<std::uint64_t> keys_;     // open addressing, 0 = empty
  std::vector<std::int16_t> weights_;   // kUposCount per slot (the trained weights fit: |w| < 2,500)
};

namespace {
const Model& Compiled() {
  static const Model model(lexicon::k_pos_model);
  return model;
}
}  // namespace

const char* UposName(Upos tag) { return kNames[static_cast<std::size_t>(tag)]; }

bool ParseUpos(std::string_view name, Upos& tag) {
  for (std::size_t t = 0; t < kUposCount; ++t) {
    if (name == kNames[t]) {
      tag = static_cast<Upos>(t);
      return true;
    }
  }
  return false;
}

void Tag(const std::vector<std::string_view>& tokens, std::vector<Tagged>& out) { Compiled().Tag(tokens, out); }

Tagger::Tagger(std::string_view model_text) : model_(std::make_unique<Model>(model_text)) {}
Tagger::~Tagger() = default;
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;
bool Tagger::ok() const { return model_->ok(); }
std::size_t Tagger::features() const { return model_->size(); }
void Tagger::Tag(const std::vector<std::string_view>& tokens, std::vector<Tagged>& out) const { model_->Tag(tokens, out); }

// ---- Tokens -------------------------------------------------------------------------------

namespace {

// A byte that starts punctuation of its own: ASCII punctuation, and U+2000..U+206F (dashes,
// curly quotes) and U+00A0..U+00BF (no-break space, guillemets, signs).
std::size_t PunctLength(std::string_view text, std::size_t at) {
  auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) return std::ispunct(c) ? 1 : 0;
  if (c == 0xE2 && at + 2 < text.size() && (static_cast<unsigned char>(text[at + 1]) & 0xFE) == 0x80) return 3;
  if (c == 0xC2 && at + 1 < text.size()) return 2;
  return 0;
}

// Control characters (C0 and DEL) separate tokens like spaces: an article may hold them, and
// they are neither word nor punctuation, so a tokenizer that stopped on them would never move.
bool IsSpace(unsigned char c) { return c <= 0x20 || c == 0x7F; }

std::size_t CharLen(unsigned char lead) { return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

bool WordByte(std::string_view text, std::size_t at) {
  auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) return std::isalnum(c) != 0;
  return PunctLength(text, at) == 0;
}

// An apostrophe (' or U+2019) at `at`: its length, else 0.
std::size_t Apostrophe(std::string_view text, std::size_t at) {
  if (text[at] == '\'') return 1;
  if (text.compare(at, 3, "\xE2\x80\x99") == 0) return 3;
  return 0;
}

constexpr std::string_view kAbbreviations[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Inc", "Corp", "Co", "Ltd", "Bros", "Gen", "Gov", "Sen",
    "Rep", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "vs",
    "etc", "Mass", "Calif", "Conn", "Ill", "Fla", "Tex", "Va", "Pa", "Wash", "Mich", "Minn", "Ore", "Ont"};

}  // namespace

void Tokenize(std::string_view text, std::size_t begin, std::size_t end, std::vector<Token>& out) {
  out.clear();
  end = std::min(end, text.size());
  std::size_t i = begin;
  while (i < end) {
    auto c = static_cast<unsigned char>(text[i]);
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    // A clitic after a word: "'s", "'re", "'ve", "'ll", "'d", "'m" (n't is cut below).
    if (std::size_t ap = Apostrophe(text, i); ap > 0 && !out.empty() && out.back().end == i) {
      std::size_t j = i + ap;
      std::size_t k = j;
      while (k < end && std::isalpha(static_cast<unsigned char>(text[k]))) ++k;
      std::string_view rest = text.substr(j, k - j);
      if (rest == "s" || rest == "S" || rest == "re" || rest == "ve" || rest == "ll" || rest == "d" || rest == "m") {
        out.push_back({i, k});
        i = k;
        continue;
      }
    }
    if (std::size_t p = PunctLength(text, i); p > 0) {
      // "$" and "%" and a lone '.' are their own tokens; so is every other punctuation mark.
      out.push_back({i, std::min(i + p, end)});
      i += p;
      continue;
    }
    // A word: letters and digits, with inner '.', ',' (in numbers), '-', '&', '/' and
    // apostrophes followed by a letter that is no clitic ("O'Neill").
    std::size_t j = i;
    while (j < end) {
      if (WordByte(text, j)) {
        j += CharLen(static_cast<unsigned char>(text[j]));
        continue;
      }
      const char ch = text[j];
      const bool inner = j + 1 < end && WordByte(text, j + 1);
      if (inner && (ch == '-' || ch == '&' || ch == '.')) {
        ++j;
        continue;
      }
      if (inner && (ch == ',' || ch == '/' || ch == ':') && std::isdigit(static_cast<unsigned char>(text[j - 1])) &&
          std::isdigit(static_cast<unsigned char>(text[j + 1]))) {
        ++j;
        continue;
      }
      if (std::size_t ap = Apostrophe(text, j); ap > 0 && j + ap < end && std::isalpha(static_cast<unsigned char>(text[j + ap]))) {
        std::size_t k = j + ap;
        while (k < end && std::isalpha(static_cast<unsigned char>(text[k]))) ++k;
        std::string_view rest = text.substr(j + ap, k - j - ap);
        const bool clitic = rest == "s" || rest == "S" || rest == "re" || rest == "ve" || rest == "ll" ||
                            rest == "d" || rest == "m" || rest == "t";
        if (!clitic) {
          j = k;
          continue;
        }
      }
      break;
    }
    // Whatever is neither space, punctuation nor a word character still moves the cut on: one
    // character, a token of its own.
    if (j == i) j = i + CharLen(c);
    j = std::min(j, end);
    std::string_view word = text.substr(i, j - i);
    // "n't": "doesn't" -> "does" "n't", "can't" -> "ca" "n't".
    if (j < end && Apostrophe(text, j) > 0 && word.size() > 1 && (word.back() == 'n' || word.back() == 'N')) {
      std::size_t ap = Apostrophe(text, j);
      if (j + ap < end && (text[j + ap] == 't' || text[j + ap] == 'T') &&
          (j + ap + 1 >= end || !std::isalpha(static_cast<unsigned char>(text[j + ap + 1])))) {
        out.push_back({i, j - 1});
        out.push_back({j - 1, j + ap + 1});
        i = j + ap + 1;
        continue;
      }
    }
    // A trailing period stays on "U.S.", "E.F.", single capitals and known abbreviations.
    if (j < end && text[j] == '.') {
      // Dotted initials: letter groups of one or two, each followed by a period ("U.S", "E.F").
      bool dotted = word.find('.') != std::string_view::npos;
      for (std::size_t a = 0, run = 0; dotted && a < word.size(); ++a) {
        run = word[a] == '.' ? 0 : run + 1;
        dotted = word[a] == '.' || (std::isalpha(static_cast<unsigned char>(word[a])) && run <= 2);
      }
      const bool initial = word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]));
      const bool known = std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) != std::end(kAbbreviations);
      const bool last = j + 1 >= end;  // a sentence-final period is a token of its own
      if ((dotted || initial || known) && !(last && !dotted && !initial)) ++j;
    }
    out.push_back({i, j});
    i = j;
  }
}

const Tagged* TaggedSentence::At(std::size_t at) const {
  auto found = std::lower_bound(tokens.begin(), tokens.end(), at, [](const Token& t, std::size_t a) { return t.begin < a; });
  if (found == tokens.end() || found->begin != at) return nullptr;
  return &tags[static_cast<std::size_t>(found - tokens.begin())];
}

void TagSpan(std::string_view text, std::size_t begin, std::size_t end, TaggedSentence& out) {
  Tokenize(text, begin, end, out.tokens);
  thread_local std::vector<std::string_view> words;
  words.clear();
  for (const Token& t : out.tokens) words.push_back(text.substr(t.begin, t.end - t.begin));
  Tag(words, out.tags);
}

// ---- Chunks -------------------------------------------------------------------------------

Chunks FindChunks(const std::vector<std::string_view>& tokens, const std::vector<Tagged>& tags) {
  Chunks chunks;
  const std::size_t n = std::min(tokens.size(), tags.size());
  auto nominal = [&](std::size_t k) { return tags[k].tag == Upos::kNoun || tags[k].tag == Upos::kPropn || tags[k].tag == Upos::kPron; };
  auto possessive = [&](std::size_t k) {
    static constexpr std::string_view kPossessives[] = {"its", "his", "her", "their", "our", "my", "your", "Its", "His", "Her", "Their", "Our", "My", "Your"};
    return std::find(std::begin(kPossessives), std::end(kPossessives), tokens[k]) != std::end(kPossessives);
  };
  auto modifier = [&](std::size_t k) {
    Upos t = tags[k].tag;
    return t == Upos::kDet || possessive(k) || t == Upos::kAdj || t == Upos::kNum || nominal(k) ||
           (t == Upos::kPart && (tokens[k] == "'s" || tokens[k] == "\xE2\x80\x99s"));
  };
  std::size_t i = 0;
  while (i < n) {
    if (!modifier(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    std::size_t last_noun = SIZE_MAX;
    while (j < n) {
      if (modifier(j)) {
        if (nominal(j) && !possessive(j)) last_noun = j;
        if (tags[j].tag == Upos::kPron && !possessive(j)) {  // a pronoun is a phrase of its own
          if (j == i) ++j;
          break;
        }
        ++j;
        continue;
      }
      // "of" between two proper nouns joins one name ("Bank of America").
      if (tokens[j] == "of" && j > i && tags[j - 1].tag == Upos::kPropn && j + 1 < n && tags[j + 1].tag == Upos::kPropn) {
        ++j;
        continue;
      }
      break;
    }
    if (last_noun != SIZE_MAX && last_noun >= i) chunks.noun_phrases.push_back({i, last_noun + 1});
    i = std::max(j, i + 1);
  }
  // The main verb: the first VERB (or AUX with no VERB after it before punctuation) outside a
  // clause opened by a subordinator or a relative pronoun.
  bool subordinate = false;
  for (std::size_t k = 0; k < n; ++k) {
    const Upos t = tags[k].tag;
    if (t == Upos::kSconj || tokens[k] == "which" || tokens[k] == "who" || tokens[k] == "that") subordinate = true;
    if (t == Upos::kPunct && tokens[k] == ",") subordinate = false;
    if (subordinate) continue;
    if (t == Upos::kVerb || t == Upos::kAux) {
      std::size_t v = k;
      if (t == Upos::kAux) {
        for (std::size_t m = k + 1; m < n && tags[m].tag != Upos::kPunct; ++m) {
          if (tags[m].tag == Upos::kVerb) {
            v = m;
            break;
          }
          if (tags[m].tag != Upos::kAux && tags[m].tag != Upos::kAdv && tags[m].tag != Upos::kPart) break;
        }
      }
      chunks.main_verb = v;
      for (std::size_t p = chunks.noun_phrases.size(); p-- > 0;) {
        if (chunks.noun_phrases[p].end <= k) {
          bool comma = false;
          for (std::size_t m = chunks.noun_phrases[p].end; m < k; ++m) comma = comma || tokens[m] == ",";
          if (!comma) chunks.subject = p;
          break;
        }
      }
      break;
    }
  }
  return chunks;
}

// ---- Training -----------------------------------------------------------------------------

bool ReadConllu(const std::string& path, std::vector<TrainingSentence>& out, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = path + ": cannot read";
    return false;
  }
  std::string line;
  std::size_t number = 0;
  TrainingSentence sentence;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!sentence.words.empty()) out.push_back(std::move(sentence));
      sentence = {};
      continue;
    }
    if (line[0] == '#') continue;
    std::size_t tab1 = line.find('\t');
    std::size_t tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
    std::size_t tab3 = tab2 == std::string::npos ? tab2 : line.find('\t', tab2 + 1);
    std::size_t tab4 = tab3 == std::string::npos ? tab3 : line.find('\t', tab3 + 1);
    if (tab4 == std::string::npos) {
      error = path + ":" + std::to_string(number) + ": fewer than 4 columns";
      return false;
    }
    std::string_view id(line.data(), tab1);
    if (id.find_first_of("-.") != std::string_view::npos) continue;  // multi-word token, empty node
    Upos tag;
    if (!ParseUpos(std::string_view(line).substr(tab3 + 1, tab4 - tab3 - 1), tag)) {
      error = path + ":" + std::to_string(number) + ": unknown UPOS tag";
      return false;
    }
    sentence.words.push_back(line.substr(tab1 + 1, tab2 - tab1 - 1));
    sentence.tags.push_back(tag);
  }
  if (!sentence.words.empty()) out.push_back(std::move(sentence));
  return true;
}

std::string Train(const std::vector<TrainingSentence>& sentences, int iterations, double min_weight) {
  struct Row {
    std::array<std::int32_t, kUposCount> weight{};
    std::array<std::int64_t, kUposCount> total{};
    std::array<std::int64_t, kUposCount> stamp{};
  };
  std::unordered_map<std::uint64_t, Row> rows;
  std::int64_t now = 0;
  auto update = [&](std::uint64_t key, std::size_t tag, std::int32_t delta) {
    Row& row = rows[key];
    row.total[tag] += (now - row.stamp[tag]) * row.weight[tag];
    row.stamp[tag] = now;
    row.weight[tag] += delta;
  };
  std::vector<std::size_t> order(sentences.size());
  for (std::size_t s = 0; s < order.size(); ++s) order[s] = s;
  std::uint64_t rng = 0x2545F4914F6CDD1DULL;  // a fixed shuffle, the same on every platform
  std::vector<WordKeys> keys;
  std::array<std::uint64_t, kFeatures> f;
  for (int it = 0; it < iterations; ++it) {
    for (std::size_t s = order.size(); s > 1; --s) {
      rng ^= rng << 13;
      rng ^= rng >> 7;
      rng ^= rng << 17;
      std::swap(order[s - 1], order[rng % s]);
    }
    for (std::size_t s : order) {
      const TrainingSentence& sentence = sentences[s];
      keys.clear();
      for (const std::string& w : sentence.words) keys.push_back(Keys(w));
      std::size_t prev = kUposCount, prev2 = kUposCount;
      for (std::size_t i = 0; i < keys.size(); ++i) {
        ++now;
        Features(keys, i, prev, prev2, f);
        std::array<std::int64_t, kUposCount> score{};
        for (std::uint64_t key : f) {
          auto found = rows.find(key);
          if (found == rows.end()) continue;
          for (std::size_t t = 0; t < kUposCount; ++t) score[t] += found->second.weight[t];
        }
        std::size_t guess = 0;
        for (std::size_t t = 1; t < kUposCount; ++t) {
          if (score[t] > score[guess]) guess = t;
        }
        const auto gold = static_cast<std::size_t>(sentence.tags[i]);
        if (guess != gold) {
          for (std::uint64_t key : f) {
            update(key, gold, 1);
            update(key, guess, -1);
          }
        }
        prev2 = prev;
        prev = guess;
      }
    }
  }
  // Averaged weights x kScale, rounded half away from zero in integers; rows whose every
  // weight falls below min_weight dropped.
  std::vector<std::uint64_t> sorted;
  sorted.reserve(rows.size());
  for (const auto& [key, row] : rows) sorted.push_back(key);
  std::sort(sorted.begin(), sorted.end());
  const auto floor = static_cast<std::int64_t>(std::llround(min_weight * kScale));
  std::string text;
  text += "# Concord POS model: averaged perceptron over UPOS, weights x100. Derived from UD English EWT\n";
  text += "# (CC BY-SA 4.0). Generated by concord_train_tagger; do not edit (extract/data/README.md).\n";
  text += "tags";
  for (const char* name : kNames) text += std::string(" ") + name;
  text += "\n";
  char buffer[32];
  std::size_t kept = 0;
  for (std::uint64_t key : sorted) {
    const Row& row = rows.at(key);
    std::array<std::int64_t, kUposCount> avg{};
    bool keep = false;
    for (std::size_t t = 0; t < kUposCount; ++t) {
      const std::int64_t total = row.total[t] + (now - row.stamp[t]) * row.weight[t];
      const std::int64_t scaled = total * kScale;
      avg[t] = std::clamp<std::int64_t>((scaled >= 0 ? scaled + now / 2 : scaled - now / 2) / now, -32767, 32767);
      keep = keep || std::llabs(avg[t]) >= std::max<std::int64_t>(floor, 1);
    }
    if (!keep) continue;
    ++kept;
    auto r = std::to_chars(buffer, buffer + sizeof buffer, key, 16);
    text.append(buffer, r.ptr);
    for (std::size_t t = 0; t < kUposCount; ++t) {
      if (avg[t] == 0) continue;
      text += ' ';
      r = std::to_chars(buffer, buffer + sizeof buffer, t);
      text.append(buffer, r.ptr);
      text += ':';
      r = std::to_chars(buffer, buffer + sizeof buffer, avg[t]);
      text.append(buffer, r.ptr);
    }
    text += '\n';
  }
  (void)kept;
  return text;
}

}  // namespace pos
}  // namespace concord::extract
