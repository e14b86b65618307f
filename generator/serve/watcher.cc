#include "serve/watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace qahub::serve {
namespace {

constexpr const char* kWatchedDirs[] = {"content", "data", "themes"};
constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                             IN_ATTRIB | IN_DELETE_SELF | IN_ONLYDIR;

bool is_watched_top_level(const std::string& name) {
  if (name == "qahub.yaml") return true;
  for (const char* d : kWatchedDirs)
    if (name == d) return true;
  return false;
}

}  // namespace

bool is_editor_temp_file(const std::string& name) {
  if (name.empty()) return true;
  if (name.front() == '.' || name.front() == '#' || name.back() == '~') return true;
  if (name == "4913") return true;  // vim probes whether it may write the directory
  for (const char* ext : {".swp", ".swx", ".swo", ".tmp"})
    if (name.ends_with(ext)) return true;
  return false;
}

Watcher::Watcher(std::filesystem::path site_dir, std::chrono::milliseconds debounce)
    : site_dir_(std::move(site_dir)), debounce_(debounce) {
  inotify_fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_fd_ < 0) throw std::runtime_error(std::string("inotify_init1: ") + std::strerror(errno));
  stop_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (stop_fd_ < 0) throw std::runtime_error(std::string("eventfd: ") + std::strerror(errno));
  // The root is watched (not recursively) for qahub.yaml and for content/,
  // data/ or themes/ appearing after serve started.
  root_wd_ = inotify_add_watch(inotify_fd_, site_dir_.c_str(),
                               IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO);
  if (root_wd_ < 0) throw std::runtime_error("cannot watch " + site_dir_.string() + ": " + std::strerror(errno));
  for (const char* d : kWatchedDirs) add_tree(d);
}

Watcher::~Watcher() {
  if (inotify_fd_ >= 0) close(inotify_fd_);
  if (stop_fd_ >= 0) close(stop_fd_);
}

void Watcher::add_watch(const std::filesystem::path& dir) {
  int wd = inotify_add_watch(inotify_fd_, (site_dir_ / dir).c_str(), kEvents);
  if (wd >= 0) dirs_[wd] = dir;
}

void Watcher::add_tree(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(site_dir_ / dir, ec)) return;
  add_watch(dir);
  for (auto it = std::filesystem::recursive_directory_iterator(site_dir_ / dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) add_watch(std::filesystem::relative(it->path(), site_dir_, ec));
  }
}

void Watcher::read_events(std::set<std::string>& out, std::set<std::string>& created) {
  alignas(inotify_event) std::array<char, 64 * 1024> buf;
  while (true) {
    ssize_t n = read(inotify_fd_, buf.data(), buf.size());
    if (n <= 0) return;  // EAGAIN: drained
    for (ssize_t off = 0; off < n;) {
      const auto* ev = reinterpret_cast<const inotify_event*>(buf.data() + off);
      off += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
      if (ev->mask & IN_Q_OVERFLOW) {
        out.insert("(more files than inotify could list)");
        continue;
      }
      if (ev->mask & IN_IGNORED) {
        dirs_.erase(ev->wd);
        continue;
      }
      const std::string name = ev->len ? std::string(ev->name) : std::string();
      if (ev->wd == root_wd_) {
        if (!is_watched_top_level(name)) continue;
        if ((ev->mask & (IN_CREATE | IN_MOVED_TO)) && name != "qahub.yaml") add_tree(name);
        out.insert(name);
        continue;
      }
      auto dir = dirs_.find(ev->wd);
      if (dir == dirs_.end()) continue;
      if (ev->mask & IN_DELETE_SELF) {
        out.insert(dir->second.generic_string());
        continue;
      }
      if (is_editor_temp_file(name)) continue;
      const std::filesystem::path rel = dir->second / name;
      // `sed -i` and some editors write a temporary file and rename it over
      // the real one: a file created and gone within one batch is not news.
      if (ev->mask & IN_CREATE) created.insert(rel.generic_string());
      if ((ev->mask & (IN_MOVED_FROM | IN_DELETE)) && created.count(rel.generic_string())) {
        out.erase(rel.generic_string());
        continue;
      }
      // A new directory (mkdir, or a tree moved in) may already hold files.
      if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) add_tree(rel);
      out.insert(rel.generic_string());
    }
  }
}

std::optional<ChangeBatch> Watcher::wait_for_changes() {
  ChangeBatch batch;
  std::set<std::string> created;
  std::array<pollfd, 2> fds{{{inotify_fd_, POLLIN, 0}, {stop_fd_, POLLIN, 0}}};
  // Wait for the first event, then until the sources are quiet for `debounce_`.
  int timeout_ms = -1;
  while (true) {
    int r = poll(fds.data(), fds.size(), timeout_ms);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0 || (fds[1].revents & POLLIN)) return std::nullopt;
    const auto waited = std::chrono::steady_clock::now() - batch.first_change;
    // Quiet for `debounce_`, or a second of constant changes (a checkout): rebuild now.
    if (!batch.paths.empty() && (r == 0 || waited > std::chrono::seconds(1))) return batch;
    if (r == 0) {
      timeout_ms = -1;  // only ignored files changed: keep waiting
      continue;
    }
    if (batch.paths.empty()) batch.first_change = std::chrono::steady_clock::now();
    read_events(batch.paths, created);
    timeout_ms = static_cast<int>(debounce_.count());
  }
}

void Watcher::stop() {
  uint64_t one = 1;
  [[maybe_unused]] ssize_t n = write(stop_fd_, &one, sizeof one);
}

}  // namespace qahub::serve
