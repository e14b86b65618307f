#pragma once
/// Keeps the output's list of files (fs/output_dir.h's marker) right when
/// `qahub serve` adds or removes files after a full build wrote it: the
/// next full build replaces the folder only while every file in it is
/// listed, and never deletes one that is not.
#include <filesystem>
#include <set>
#include <string>

namespace qahub::pipeline {

/// Adds `added` to and removes `removed` from the list in `out_dir`. Serve's
/// update and its background search both call this: one at a time.
bool update_output_marker(const std::filesystem::path& out_dir, const std::set<std::string>& added,
                          const std::set<std::string>& removed);

}  // namespace qahub::pipeline
