// The drop folder's inotify loop (tools/watch.h).

#include "tools/watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <map>
#include <vector>
#include <system_error>

namespace concord::tools {
namespace {

namespace fs = std::filesystem;

constexpr std::uint32_t kEvents =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_DELETE | IN_MOVED_FROM | IN_DELETE_SELF;

class Inotify {
 public:
  Inotify() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
  ~Inotify() {
    if (fd_ >= 0) close(fd_);
  }
  Inotify(const Inotify&) = delete;
  Inotify& operator=(const Inotify&) = delete;
  int fd() const { return fd_; }

  // Watches `folder` and every folder under it (hidden ones left out, as ingest leaves them).
  // `found`, when given, collects the files already there (in a folder made after the watch
  // began, a file may have been opened before its folder was watched).
  Status Add(const fs::path& folder, std::vector<fs::path>* found = nullptr) {
    const int wd = inotify_add_watch(fd_, folder.c_str(), kEvents);
    if (wd < 0) return Status::Environment(folder.string(), std::string("cannot watch: ") + std::strerror(errno));
    folders_[wd] = folder;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
      std::error_code type_error;
      if (it->path().filename().string().starts_with('.')) continue;
      if (it->is_directory(type_error) && !it->is_symlink(type_error)) {
        if (Status status = Add(it->path(), found); !status.ok()) return status;
      } else if (found != nullptr && it->is_regular_file(type_error)) {
        found->push_back(it->path());
      }
    }
    return Status::Ok();
  }
  const fs::path* FolderOf(int wd) const {
    const auto it = folders_.find(wd);
    return it == folders_.end() ? nullptr : &it->second;
  }
  void Forget(int wd) { folders_.erase(wd); }

 private:
  int fd_;
  std::map<int, fs::path> folders_;
};

std::string CanonicalOf(const fs::path& path) {
  std::error_code error;
  fs::path canonical = fs::weakly_canonical(path, error);
  return (error ? fs::absolute(path, error).lexically_normal() : canonical).string();
}

}  // namespace

Status Watch(const WatchSettings& settings, const std::function<Status(const std::set<std::string>& busy)>& pass) {
  Inotify inotify;
  if (inotify.fd() < 0) return Status::Environment("inotify", std::strerror(errno));
  for (const fs::path& root : settings.roots) {
    std::error_code error;
    if (!fs::is_directory(root, error)) return Status::Usage("--watch: " + root.string() + " is not a folder");
    if (Status status = inotify.Add(root); !status.ok()) return status;
  }
  std::set<std::string> busy;  // modified and not closed yet
  // Files found in a folder made after the watch began: their writer may have opened them before
  // the folder was watched, so no event says whether they are still being written. Each is busy
  // until it is closed, or its size and time have not changed for kStable.
  struct Unsure {
    std::uintmax_t size = 0;
    fs::file_time_type time;
    std::chrono::steady_clock::time_point since;
  };
  constexpr auto kStable = std::chrono::seconds(2);
  std::map<std::string, Unsure> unsure;
  auto look = [](const std::string& path, Unsure& seen) {
    std::error_code error;
    const std::uintmax_t size = fs::file_size(path, error);
    const fs::file_time_type time = fs::last_write_time(path, error);
    if (error) return false;
    if (size != seen.size || time != seen.time) {
      seen = {size, time, std::chrono::steady_clock::now()};
      return false;
    }
    return true;
  };
  std::set<std::string> busy_now;
  auto all_busy = [&]() -> const std::set<std::string>& {
    busy_now = busy;
    for (const auto& [path, seen] : unsure) busy_now.insert(path);
    return busy_now;
  };
  if (Status status = pass(busy); !status.ok()) return status;
  bool landed = false;
  auto last_event = std::chrono::steady_clock::now();
  alignas(inotify_event) char buffer[64 * 1024];
  while (settings.stop == nullptr || !*settings.stop) {
    pollfd waiting{inotify.fd(), POLLIN, 0};
    const int ready = poll(&waiting, 1, 100);
    if (ready < 0 && errno != EINTR) return Status::Environment("inotify", std::strerror(errno));
    if (ready > 0) {
      while (true) {
        const ssize_t length = read(inotify.fd(), buffer, sizeof buffer);
        if (length <= 0) break;
        for (ssize_t at = 0; at < length;) {
          const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
          at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
          if (event->mask & (IN_IGNORED | IN_DELETE_SELF)) {
            inotify.Forget(event->wd);
            continue;
          }
          const fs::path* folder = inotify.FolderOf(event->wd);
          if (folder == nullptr || event->len == 0) continue;
          const fs::path path = *folder / event->name;
          if (path.filename().string().starts_with('.')) continue;  // hidden: not an input
          last_event = std::chrono::steady_clock::now();
          if (event->mask & IN_ISDIR) {
            if (event->mask & (IN_CREATE | IN_MOVED_TO)) {
              std::vector<fs::path> found;
              if (Status status = inotify.Add(path, &found); !status.ok()) return status;
              for (const fs::path& file : found) {
                Unsure& seen = unsure[CanonicalOf(file)];
                look(CanonicalOf(file), seen);
              }
              landed = true;  // files may have landed in it before its watch began
            }
            continue;
          }
          if (event->mask & (IN_CREATE | IN_MODIFY)) busy.insert(CanonicalOf(path));
          if (event->mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) {
            busy.erase(CanonicalOf(path));
            unsure.erase(CanonicalOf(path));
            landed = true;
          }
          if (event->mask & (IN_DELETE | IN_MOVED_FROM)) {
            busy.erase(CanonicalOf(path));
            unsure.erase(CanonicalOf(path));
          }
        }
      }
    }
    for (auto it = unsure.begin(); it != unsure.end();) {
      if (look(it->first, it->second) && std::chrono::steady_clock::now() - it->second.since >= kStable) {
        it = unsure.erase(it);
        landed = true;
      } else {
        ++it;
      }
    }
    if (landed && std::chrono::steady_clock::now() - last_event >= settings.settle) {
      landed = false;
      if (Status status = pass(all_busy()); !status.ok()) return status;
    }
  }
  return Status::Ok();
}

}  // namespace concord::tools
