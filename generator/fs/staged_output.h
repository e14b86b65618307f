#pragma once
/// All-or-nothing output: a build writes into a temporary sibling of `--out`
/// and swaps it into place only when every file was written, so a failed
/// build leaves the previous site byte-identical.
#include <filesystem>
#include <map>
#include <string>

#include "diag/diagnostics.h"

namespace qahub::fs {

/// Writes `files` (output-relative path → bytes) as the new contents of
/// `out_dir`. Returns false (with a diagnostic) and leaves `out_dir` as it
/// was if anything fails. Parallel writes use up to `jobs` threads.
bool write_output_tree(const std::filesystem::path& out_dir, const std::map<std::string, std::string>& files, int jobs,
                       diag::Diagnostics& diags);

}  // namespace qahub::fs
