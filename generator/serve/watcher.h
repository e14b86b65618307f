#pragma once
/// Watches a site's sources with inotify: content/, data/ and themes/
/// recursively (new directories get watches as they appear) and qahub.yaml.
/// Output (public/, .qahub/) is never watched, so a build cannot trigger itself.
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
#include <vector>

namespace qahub::serve {

/// True for files editors write beside the real one (".a.md.swp", "a.md~",
/// vim's "4913", emacs "#a.md#"); changes to them are ignored.
bool is_editor_temp_file(const std::string& name);

struct ChangeBatch {
  std::set<std::string> paths;                         ///< site-relative, sorted
  std::chrono::steady_clock::time_point first_change;  ///< when the first event arrived
};

class Watcher {
 public:
  /// Starts watching. Throws std::runtime_error if inotify is unavailable.
  explicit Watcher(std::filesystem::path site_dir, std::chrono::milliseconds debounce = std::chrono::milliseconds(20));
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// Blocks until something changed, then keeps collecting until `debounce`
  /// passes with no further event (an editor's save is often several events),
  /// so one save gives one rebuild. Returns nullopt once stop() was called.
  std::optional<ChangeBatch> wait_for_changes();

  /// Thread-safe: wakes wait_for_changes, which returns nullopt.
  void stop();

 private:
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
};

}  // namespace qahub::serve
