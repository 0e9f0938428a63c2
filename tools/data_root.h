#pragma once
// Where concord finds its data (pattern files, lexicons, the entity table, fiscal years), so an
// installed binary works wherever it is put and a build tree works without installing.
// Order: an explicit --data folder; the CONCORD_DATA_DIR environment variable (CONCORD_DATA,
// its old name, too); share/concord next to the binary's own folder (an installed tree:
// PREFIX/bin/concord and PREFIX/share/concord); the source tree the binary was built from.
// Header-only: tools/ holds no library of its own.

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace concord::tools {

struct DataRootSearch {
  std::filesystem::path found;                 // empty when no candidate holds the data
  std::vector<std::filesystem::path> looked;   // every candidate, in order, for the error
};

// A folder is a data root when it holds the pattern folder every pipeline loads.
inline bool IsDataRoot(const std::filesystem::path& folder) {
  std::error_code error;
  return std::filesystem::is_directory(folder / "extract" / "patterns", error);
}

// The binary's own folder, from /proc/self/exe (Linux); empty when it cannot be read.
inline std::filesystem::path ExecutableFolder() {
  std::error_code error;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : self.parent_path();
}

// `explicit_root` is the --data option (empty when not given); `built_from` the source tree
// compiled in. An explicit folder is taken as it is, so a wrong one is named by the loader.
inline DataRootSearch FindDataRoot(const std::string& explicit_root, const std::filesystem::path& built_from) {
  DataRootSearch search;
  if (!explicit_root.empty()) {
    search.found = explicit_root;
    search.looked.push_back(explicit_root);
    return search;
  }
  std::vector<std::filesystem::path> candidates;
  for (const char* name : {"CONCORD_DATA_DIR", "CONCORD_DATA"}) {
    if (const char* value = std::getenv(name); value != nullptr && *value != '\0') {
      // A variable the user set is a decision, like --data: taken even if it is wrong.
      search.found = value;
      search.looked.push_back(value);
      return search;
    }
  }
  if (std::filesystem::path bin = ExecutableFolder(); !bin.empty()) {
    candidates.push_back(bin.parent_path() / "share" / "concord");
  }
  candidates.push_back(built_from);
  for (const auto& candidate : candidates) {
    search.looked.push_back(candidate);
    if (IsDataRoot(candidate)) {
      search.found = candidate;
      return search;
    }
  }
  return search;
}

}  // namespace concord::tools
