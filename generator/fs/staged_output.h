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

/// Writes `files` (output-relative path → bytes) as the new contents of
/// `out_dir`. Returns false (with a diagnostic) and leaves `out_dir` as it
/// was if anything fails. Parallel writes use up to `jobs` threads.
///
/// The swap exchanges the staging directory and `out_dir` in one
/// renameat2(RENAME_EXCHANGE), so `qahub serve` or a web server reading
/// `public/` never finds it missing; where the kernel or filesystem cannot
/// exchange (EINVAL, ENOSYS) it falls back to two renames, out → old and
/// staging → out, with a moment in between without `out_dir`.
bool write_output_tree(const std::filesystem::path& out_dir, const std::map<std::string, std::string>& files, int jobs,
                       diag::Diagnostics& diags, const RenameFn& rename = system_rename);

}  // namespace qahub::fs
