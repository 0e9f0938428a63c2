// Shingle sketches (bottom-k MinHash) of article texts.

#include "reconcile/store/sketch.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <vector>

namespace concord::reconcile {
namespace {

constexpr int kShingleWords = 5;
constexpr std::size_t kSketchSize = 64;

}  // namespace

std::string ShingleSketch(std::string_view text) {
  // Word 5-shingles, hashed; the kSketchSize smallest hashes estimate Jaccard similarity
  // (Broder's bottom-k MinHash) in a fixed 512 bytes per article.
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t start = i;
    while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  std::vector<std::uint64_t> hashes;
  for (std::size_t w = 0; w + kShingleWords <= words.size(); ++w) {
    const char* begin = words[w].data();
    const char* end = words[w + kShingleWords - 1].data() + words[w + kShingleWords - 1].size();
    hashes.push_back(XXH3_64bits(begin, static_cast<std::size_t>(end - begin)));
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  if (hashes.size() > kSketchSize) hashes.resize(kSketchSize);
  std::string sketch(hashes.size() * sizeof(std::uint64_t), '\0');
  std::memcpy(sketch.data(), hashes.data(), sketch.size());
  return sketch;
}

double SketchSimilarity(std::string_view a, std::string_view b) {
  auto load = [](std::string_view bytes) {
    std::vector<std::uint64_t> values(bytes.size() / sizeof(std::uint64_t));
    std::memcpy(values.data(), bytes.data(), values.size() * sizeof(std::uint64_t));
    return values;
  };
  std::vector<std::uint64_t> x = load(a), y = load(b);
  // Too short to tell a copy from two reports of one fact in the same words.
  constexpr std::size_t kMinimumShingles = 16;
  if (x.size() < kMinimumShingles || y.size() < kMinimumShingles) return 0;
  // Bottom-k estimate: among the k smallest of the union, the share present in both.
  std::vector<std::uint64_t> merged;
  std::set_union(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(merged));
  std::size_t k = std::min({kSketchSize, merged.size()});
  std::size_t both = 0;
  for (std::size_t i = 0; i < k; ++i) {
    if (std::binary_search(x.begin(), x.end(), merged[i]) && std::binary_search(y.begin(), y.end(), merged[i])) ++both;
  }
  return static_cast<double>(both) / static_cast<double>(k);
}

}  // namespace concord::reconcile
