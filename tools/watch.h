#pragma once
// `concord ingest --watch`: a drop folder. Watches folders (and the folders made in them) with
// inotify and runs an ingest pass when files have landed: closed after writing, or moved in.
// A file still being written (modified and not yet closed) is left out of the pass and taken
// by the pass after its close. Internal to tools/.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "corpus/status.h"

namespace concord::tools {

struct WatchSettings {
  std::vector<std::filesystem::path> roots;     // folders to watch, recursively
  const std::atomic<bool>* stop = nullptr;      // set by SIGTERM / SIGINT: ends between passes
  std::chrono::milliseconds settle{300};        // quiet time after the last event before a pass
};

// Calls `pass(busy)` once at the start and then after files land, until `stop` is set; `busy`
// holds the canonical paths of files being written at that moment. A pass's failure ends the
// watch with it.
Status Watch(const WatchSettings& settings, const std::function<Status(const std::set<std::string>& busy)>& pass);

}  // namespace concord::tools
