#pragma once
// Internal to corpus/: manifest.csv, the per-folder metadata table.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/corpus.h"
#include "corpus/status.h"

namespace concord::corpus::internal {

inline constexpr std::string_view kManifestName = "manifest.csv";

struct ManifestRow {
  std::string file;  // as written: relative to the manifest's folder
  ArticleMetadata metadata;
  std::size_t line = 0;  // where the row starts, 1-based
};

// Parses manifest.csv bytes. `where` names the file in messages ("news/manifest.csv:4:
// malformed manifest: expected 7 fields, found 6"). Any error rejects the whole manifest.
Result<std::vector<ManifestRow>> ParseManifest(std::string_view bytes, const std::string& where);

}  // namespace concord::corpus::internal
