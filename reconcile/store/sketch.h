#pragma once
// Shingle sketches of article texts: the store keeps one per article, independence compares
// them to find syndicated copies.

#include <string>
#include <string_view>

namespace concord::reconcile {

// Sketch of an article's word shingles for near-duplicate detection (bottom-k MinHash).
std::string ShingleSketch(std::string_view text);
// Estimated Jaccard similarity of two sketches, 0..1.
double SketchSimilarity(std::string_view a, std::string_view b);

}  // namespace concord::reconcile
