#include "serve/watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
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

std::string untrusted_file_system(unsigned long magic) {
  switch (magic) {
    case 0x01021997:
      return "9p";  // V9FS_MAGIC: WSL 2's /mnt/c, virtual machines' shared folders
    case 0x53464846:
      return "drvfs";  // WSL 1's /mnt/c
    case 0xFF534D42:
      return "cifs";
    case 0xFE534D42:
      return "smb2";
    case 0x517B:
      return "smb";
    case 0x6969:
      return "nfs";
    case 0x65735546:
      return "fuse";
    default:
      return "";
  }
}

bool is_editor_temp_file(const std::string& name) {
  if (name.empty()) return true;
  if (name.front() == '.' || name.front() == '#' || name.back() == '~') return true;
  if (name == "4913") return true;  // vim probes whether it may write the directory
  for (const char* ext : {".swp", ".swx", ".swo", ".tmp"})
    if (name.ends_with(ext)) return true;
  return false;
}

Watcher::Watcher(std::filesystem::path site_dir, std::chrono::milliseconds debounce, bool force_poll,
                 std::chrono::milliseconds poll_interval)
    : site_dir_(std::move(site_dir)), debounce_(debounce), poll_interval_(poll_interval) {
  stop_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (stop_fd_ < 0) throw std::runtime_error(std::string("eventfd: ") + std::strerror(errno));
  if (force_poll) {
    start_polling("asked for with --poll");
    return;
  }
  // Watches on these succeed, but changes made by another machine (or by
  // Windows, under WSL) never arrive.
  for (const std::string top : {"", "content", "data", "themes"}) {
    struct statfs st {};
    if (statfs((site_dir_ / top).c_str(), &st) != 0) continue;
    const std::string type = untrusted_file_system(static_cast<unsigned long>(st.f_type));
    if (!type.empty()) {
      start_polling((top.empty() ? site_dir_.string() : top + "/") + " is on a " + type +
                    " file system, where inotify misses changes made elsewhere");
      return;
    }
  }
  inotify_fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_fd_ < 0) {
    start_polling(std::string("inotify is not available (") + std::strerror(errno) + ")");
    return;
  }
  // The root is watched (not recursively) for qahub.yaml and for content/,
  // data/ or themes/ appearing after serve started.
  root_wd_ = inotify_add_watch(inotify_fd_, site_dir_.c_str(),
                               IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO);
  if (root_wd_ < 0) {
    start_polling("cannot watch " + site_dir_.string() + " with inotify (" + std::strerror(errno) + ")");
    return;
  }
  for (const char* d : kWatchedDirs) add_tree(d);
}

void Watcher::start_polling(const std::string& reason) {
  if (polling()) return;
  polling_reason_ = reason;
  if (inotify_fd_ >= 0) close(inotify_fd_);
  inotify_fd_ = -1;
  dirs_.clear();
  snapshot_ = scan();
  std::fprintf(stderr, "qahub: notice: watching for changes by polling every %.1f s: %s\n",
               static_cast<double>(poll_interval_.count()) / 1000.0, reason.c_str());
}

Watcher::Snapshot Watcher::scan() const {
  Snapshot out;
  auto add = [&](const std::filesystem::path& abs, const std::string& rel) {
    struct stat st {};
    if (stat(abs.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
    out[rel] = {static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec,
                static_cast<unsigned long long>(st.st_size), static_cast<unsigned long long>(st.st_ino)};
  };
  add(site_dir_ / "qahub.yaml", "qahub.yaml");
  for (const char* d : kWatchedDirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(site_dir_ / d, ec)) continue;
    for (auto it = std::filesystem::recursive_directory_iterator(site_dir_ / d, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (it->is_directory(ec) || is_editor_temp_file(name)) continue;
      add(it->path(), std::filesystem::relative(it->path(), site_dir_, ec).generic_string());
    }
  }
  return out;
}

std::optional<ChangeBatch> Watcher::poll_for_changes() {
  ChangeBatch batch;
  pollfd stop{stop_fd_, POLLIN, 0};
  while (true) {
    // Wait an interval, or after a change only `debounce_`: one save, one rebuild.
    const auto wait = batch.paths.empty() ? poll_interval_ : debounce_;
    int r = poll(&stop, 1, static_cast<int>(wait.count()));
    if (r < 0 && errno == EINTR) continue;
    if (r != 0) return std::nullopt;  // stop() or a broken eventfd
    Snapshot now = scan();
    std::set<std::string> changed;
    for (const auto& [path, state] : now) {
      auto it = snapshot_.find(path);
      if (it == snapshot_.end() || it->second != state) changed.insert(path);
    }
    for (const auto& [path, state] : snapshot_)
      if (!now.count(path)) changed.insert(path);
    snapshot_ = std::move(now);
    if (changed.empty()) {
      if (!batch.paths.empty()) return batch;
      continue;
    }
    if (batch.paths.empty()) batch.first_change = std::chrono::steady_clock::now();
    batch.paths.insert(changed.begin(), changed.end());
    if (std::chrono::steady_clock::now() - batch.first_change > std::chrono::seconds(1)) return batch;
  }
}

Watcher::~Watcher() {
  if (inotify_fd_ >= 0) close(inotify_fd_);
  if (stop_fd_ >= 0) close(stop_fd_);
}

void Watcher::add_watch(const std::filesystem::path& dir) {
  if (polling()) return;
  int wd = inotify_add_watch(inotify_fd_, (site_dir_ / dir).c_str(), kEvents);
  if (wd >= 0) {
    dirs_[wd] = dir;
  } else if (errno == ENOSPC || errno == EMFILE || errno == EACCES) {
    // Some directories unwatched would mean edits silently ignored.
    const std::string why = errno == ENOSPC   ? "the inotify watch limit is reached (fs.inotify.max_user_watches)"
                            : errno == EMFILE ? "too many inotify instances are open"
                                              : "permission denied";
    start_polling("cannot watch " + dir.generic_string() + " with inotify: " + why);
  }
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
  if (polling()) return poll_for_changes();
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
    if (polling()) {  // a new directory could not be watched: poll from now on
      if (batch.paths.empty()) return poll_for_changes();
      return batch;
    }
    timeout_ms = static_cast<int>(debounce_.count());
  }
}

void Watcher::stop() {
  uint64_t one = 1;
  [[maybe_unused]] ssize_t n = write(stop_fd_, &one, sizeof one);
}

}  // namespace qahub::serve
