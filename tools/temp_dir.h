#pragma once
// A fresh folder under the system temp dir, removed with everything in it at scope exit: for
// the eval tools and the test suites (tests/testing.h), which build real stores in real folders.

#include <filesystem>
#include <random>
#include <string>
#include <system_error>

namespace concord::tools {

class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "concord-") {
    std::random_device device;
    path_ = std::filesystem::temp_directory_path() /
            (prefix + std::to_string(device()) + "-" + std::to_string(device()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace concord::tools
