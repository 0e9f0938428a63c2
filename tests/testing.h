#pragma once
// Helpers shared by the test suites: real temporary folders and files, shared inputs.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tools/temp_dir.h"

namespace concord::testing {

// A fresh folder, removed with everything in it at scope exit.
class TempDir : public tools::TempDir {
 public:
  TempDir() : tools::TempDir("concord-test-") {}
};

inline void WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// ../shared, where the seeds and acceptance cases live (never copied into the repo).
inline std::filesystem::path SharedDir() { return CONCORD_SHARED_DIR; }
inline std::filesystem::path DataDir() { return CONCORD_DATA_DIR; }
inline bool HaveSeeds() { return std::filesystem::exists(SharedDir() / "seeds" / "manifest.csv"); }

}  // namespace concord::testing
