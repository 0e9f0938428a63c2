#pragma once
// The extraction pipeline every tool builds the same way: the extractor from the pattern
// folder of a data root (plus any extra folders) and the normalizer from its data folder
// (plus any extra entity tables). Header-only: tools/ holds no library of its own.

#include <filesystem>
#include <utility>
#include <vector>

#include "corpus/status.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

namespace concord::tools {

struct Pipeline {
  extract::Extractor extractor;
  normalize::Normalizer normalizer;
};

// Fails with the extractor's or the normalizer's Status (a file:line for a bad pattern or
// entity row); nothing is half-built.
inline Result<Pipeline> LoadPipeline(const std::filesystem::path& root,
                                     const std::vector<std::filesystem::path>& extra_pattern_dirs = {},
                                     const std::vector<std::filesystem::path>& extra_entity_files = {}) {
  std::vector<std::filesystem::path> patterns = {root / "extract" / "patterns"};
  patterns.insert(patterns.end(), extra_pattern_dirs.begin(), extra_pattern_dirs.end());
  auto extractor = extract::Extractor::Create(patterns);
  if (!extractor.ok()) return extractor.status();
  auto normalizer = normalize::Normalizer::Create(root / "normalize" / "data", extra_entity_files);
  if (!normalizer.ok()) return normalizer.status();
  return Pipeline{std::move(extractor).value(), std::move(normalizer).value()};
}

}  // namespace concord::tools
