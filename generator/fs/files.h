#pragma once
/// Reading the site from disk. Paths handed to the rest of qahub are relative
/// to the site root with '/' separators, so diagnostics and output never
/// depend on where the site was checked out.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace qahub::fs {

/// The whole file, or nullopt if it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& path);

/// Regular files under `root/dir`, recursively, as site-relative paths
/// ("content/framework/values.md"), sorted bytewise. Hidden files and folders
/// (starting with '.') are skipped. A missing dir gives an empty list.
///
/// Symbolic links (to files or folders) are followed only when they resolve
/// inside the site, and a followed link is named by its own path, never its
/// target's: content/shared.md → ../data/notes/shared.md is listed as
/// "content/shared.md". A link that leads outside the site, nowhere, or back
/// into a folder being walked (a loop) is an error at the link, and skipped.
std::vector<std::string> list_files(const std::filesystem::path& root, const std::string& dir,
                                    diag::Diagnostics& diags);

/// Why the site file `rel` may not be read ("" when it may): a symbolic link
/// on its way that leads outside the site or nowhere. For files found by
/// name rather than by list_files (data/actions.json).
std::string outside_site(const std::filesystem::path& root, const std::string& rel);

/// Writes a file in one go (create parent dirs; no fsync: the staged output
/// is renamed into place only after every file is written).
bool write_file(const std::filesystem::path& path, std::string_view bytes);
/// write_file of the parts one after another, as if joined first.
bool write_file(const std::filesystem::path& path, const std::vector<std::string>& parts);

/// Why `dir` is not a site, or nullopt when it is one: a directory holding
/// at least one of content/, data/ and qahub.yaml. Every command checks its
/// --site first, so a mistyped path is a usage error instead of an empty site
/// built, served or scaffolded into the wrong place.
/// "no site at \"sites/hub\": it has none of content/, data/ and qahub.yaml"
std::optional<std::string> site_problem(const std::filesystem::path& dir);

enum class NewFile { kCreated, kExists, kFailed };

/// Creates a file that did not exist (create parent dirs), opened with
/// O_CREAT | O_EXCL so it can never overwrite one, even one that appears
/// between a check and the write (`qahub new`).
NewFile create_new_file(const std::filesystem::path& path, std::string_view bytes);

/// Replaces a file so a reader sees the old bytes or the new, never part of
/// either: written beside it, then renamed over it (`qahub serve` updating
/// one page while the server reads).
bool replace_file(const std::filesystem::path& path, std::string_view bytes);

}  // namespace qahub::fs
