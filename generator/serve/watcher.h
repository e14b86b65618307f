#pragma once
/// Watches a site's sources with inotify: content/, data/ and themes/
/// recursively (new directories get watches as they appear) and qahub.yaml.
/// Output (public/, .qahub/) is never watched, so a build cannot trigger itself.
///
/// Where inotify cannot be trusted it polls instead (`serve --poll` forces
/// it): when a watch cannot be added (ENOSPC: too few
/// fs.inotify.max_user_watches, EMFILE, EACCES), or when the site is on a
/// file system where watches succeed but changes made elsewhere never arrive
/// (9p and drvfs: WSL's /mnt/c; cifs/smb2, nfs, fuse). polling_reason() says
/// why, for the notice serve prints.
///
///   Watcher watcher(site_dir);
///   while (auto batch = watcher.wait_for_changes()) {
///     // batch->paths: site-relative paths, e.g. "content/a.md"
///   }
///   // another thread: watcher.stop();  → wait_for_changes returns nullopt
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace qahub::serve {

/// True for files editors write beside the real one (".a.md.swp", "a.md~",
/// vim's "4913", emacs "#a.md#"); changes to them are ignored.
bool is_editor_temp_file(const std::string& name);

/// The name of a file system whose `statfs` f_type means inotify cannot be
/// trusted there ("9p", "drvfs", "cifs", "smb2", "smb", "nfs", "fuse"), else "".
std::string untrusted_file_system(unsigned long statfs_magic);

struct ChangeBatch {
  std::set<std::string> paths;                         ///< site-relative, sorted
  std::chrono::steady_clock::time_point first_change;  ///< when the first event arrived
};

class Watcher {
 public:
  /// Starts watching. Throws std::runtime_error if even polling cannot start
  /// (no eventfd). `force_poll` polls every `poll_interval` from the start.
  explicit Watcher(std::filesystem::path site_dir, std::chrono::milliseconds debounce = std::chrono::milliseconds(20),
                   bool force_poll = false, std::chrono::milliseconds poll_interval = std::chrono::milliseconds(500));
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// Blocks until something changed, then keeps collecting until `debounce`
  /// passes with no further event (an editor's save is often several events),
  /// so one save gives one rebuild. Returns nullopt once stop() was called.
  std::optional<ChangeBatch> wait_for_changes();

  /// Thread-safe: wakes wait_for_changes, which returns nullopt.
  void stop();

  /// True when the watcher polls rather than using inotify.
  bool polling() const { return !polling_reason_.empty(); }
  /// Why it polls ("--poll", "content is on a 9p file system …"); empty with inotify.
  const std::string& polling_reason() const { return polling_reason_; }

 private:
  /// Every watched file → what a change alters (mtime, size, inode).
  using Snapshot = std::map<std::string, std::tuple<long long, unsigned long long, unsigned long long>>;
  Snapshot scan() const;
  /// Switches to polling (once), printing a notice with the reason.
  void start_polling(const std::string& reason);
  std::optional<ChangeBatch> poll_for_changes();
  void add_tree(const std::filesystem::path& dir);
  void add_watch(const std::filesystem::path& dir);
  /// Reads pending inotify events; adds site-relative paths to `out`.
  /// `created` holds the files created in this batch so far.
  void read_events(std::set<std::string>& out, std::set<std::string>& created);

  std::filesystem::path site_dir_;
  std::chrono::milliseconds debounce_;
  int inotify_fd_ = -1;
  int stop_fd_ = -1;  ///< eventfd written by stop()
  int root_wd_ = -1;
  std::map<int, std::filesystem::path> dirs_;  ///< watch descriptor → site-relative dir
  std::chrono::milliseconds poll_interval_;
  std::string polling_reason_;
  Snapshot snapshot_;  ///< polling: the state the next scan is compared with
};

}  // namespace qahub::serve
