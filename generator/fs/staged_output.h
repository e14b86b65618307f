#pragma once
/// All-or-nothing output: a build writes into a temporary sibling of `--out`
/// and swaps it into place only when every file was written, so a failed
/// build leaves the previous site byte-identical.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace qahub::fs {

/// renameat2(2) from `from` to `to` with `flags` (0 or RENAME_EXCHANGE):
/// 0 on success, else the errno value. Injectable so tests can play a kernel
/// or filesystem without RENAME_EXCHANGE (EINVAL, ENOSYS) or a failing one.
using RenameFn = std::function<int(const std::filesystem::path& from, const std::filesystem::path& to, unsigned flags)>;

/// The real renameat2.
int system_rename(const std::filesystem::path& from, const std::filesystem::path& to, unsigned flags);

/// Removes one file or empty folder: 0, else the errno value. Injectable so
/// tests can play a file that cannot be removed (root removes any file).
using RemoveFn = std::function<int(const std::filesystem::path& path)>;

/// The real remove(3).
int system_remove(const std::filesystem::path& path);

/// Writes `files` (output-relative path → bytes) as the new contents of
/// `out_dir`, with the marker listing them (output_dir.h). Returns false (with
/// a diagnostic) and leaves `out_dir` as it was if anything fails: a path that
/// fs/url_path.h's rule refuses, two paths one case-insensitive drive would
/// store as one, an existing `out_dir` holding a file qahub did not write
/// (unless `force`), a failed write. Parallel writes use up to `jobs` threads.
///
/// The staging and old folders are hidden siblings of `out_dir`
/// (".public.staging-PID"); one a failed removal left behind is removed by
/// the next write, once it is proven qahub's (every file in its marker). A
/// removal that fails after the swap is an error naming the file and the
/// folder left; `out_dir` is new then (`*replaced` says so).
///
/// The swap exchanges the staging directory and `out_dir` in one
/// renameat2(RENAME_EXCHANGE), so `qahub serve` or a web server reading
/// `public/` never finds it missing; where the kernel or filesystem cannot
/// exchange (EINVAL, ENOSYS) it falls back to two renames, out → old and
/// staging → out, with a moment in between without `out_dir`.
bool write_output_tree(const std::filesystem::path& out_dir, const std::map<std::string, std::string>& files, int jobs,
                       diag::Diagnostics& diags, const RenameFn& rename = system_rename,
                       const RemoveFn& remove = system_remove, bool force = false, bool* replaced = nullptr);

/// The staging folder of write_output_tree opened before rendering, so each
/// page is written as soon as it is rendered instead of every page being held
/// in memory until the write pass (at 10,000 pages that was 270 MB of the
/// peak). Nothing is checked or reported here: write_output_tree, handed the
/// area, checks the union of the files written here and its own exactly as
/// it checks its own alone, and says the same, so a build that streams
/// behaves as one that does not. Until then (or when destroyed, say after a
/// render error) the staging folder is removed, never swapped into place.
class StagingArea {
 public:
  /// Opens the staging folder beside `out_dir` (removing earlier builds'
  /// leftovers first, as write_output_tree does) with a marker listing
  /// `planned`, the files that will be written here, so a folder a crash
  /// leaves still proves itself qahub's. nullptr when the folder cannot be
  /// made or the parent of `out_dir` does not exist yet (a failed build
  /// creates nothing): the caller then keeps every file for the write pass.
  static std::unique_ptr<StagingArea> open(const std::filesystem::path& out_dir,
                                           const std::vector<std::string>& planned,
                                           const RemoveFn& remove = system_remove);
  StagingArea(const StagingArea&) = delete;
  StagingArea& operator=(const StagingArea&) = delete;
  ~StagingArea();

  /// Writes one file now, from any thread. Paths must be distinct. A path
  /// the output rule refuses (or the marker's) is not written: false, and the
  /// caller keeps it for the write pass, which reports it.
  bool write(const std::string& path, std::string_view bytes);

  /// Writes one file as a hard link to `from`, which holds its `size`
  /// bytes (a file qahub just wrote, on the same drive): false when it
  /// cannot, and nothing is recorded, so the caller writes the bytes.
  bool link(const std::string& path, const std::filesystem::path& from, size_t size);

  /// What was written, path → size (a failed write included, size 0).
  const std::map<std::string, size_t>& written() const { return written_; }
  /// The paths whose write failed.
  const std::vector<std::string>& failed() const { return failed_; }
  const std::filesystem::path& dir() const { return dir_; }
  /// Hands the folder to write_output_tree, which removes it on failure.
  void release() { dir_.clear(); }

 private:
  StagingArea(std::filesystem::path dir, RemoveFn remove) : dir_(std::move(dir)), remove_(std::move(remove)) {}
  std::filesystem::path dir_;
  RemoveFn remove_;
  std::mutex mutex_;
  std::map<std::string, size_t> written_;
  std::vector<std::string> failed_;
};

/// write_output_tree over `files` and the files already in `staged` (opened
/// for the same `out_dir`): the same checks, diagnostics and swap as if all
/// had been in `files`, where a path in both takes its bytes from `files`.
bool write_output_tree(const std::filesystem::path& out_dir, const std::map<std::string, std::string>& files,
                       StagingArea& staged, int jobs, diag::Diagnostics& diags, const RenameFn& rename = system_rename,
                       const RemoveFn& remove = system_remove, bool force = false, bool* replaced = nullptr);

}  // namespace qahub::fs
