#pragma once
/// All-or-nothing output: a build writes into a temporary sibling of `--out`
/// and swaps it into place only when every file was written, so a failed
/// build leaves the previous site byte-identical.
#include <filesystem>
#include <functional>
#include <map>
#include <string>

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

}  // namespace qahub::fs
