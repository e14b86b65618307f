#pragma once
/// The `--out` rule: qahub replaces only a folder it wrote, never the site,
/// its sources or its cache, and never deletes a file it did not write. Every
/// output carries a marker file listing what qahub wrote, so the next build
/// can tell its own folder from an author's.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/text.h"

namespace qahub::fs {

/// At the root of every output: a comment line, then each file qahub wrote,
/// one site-relative path a line, sorted. Never a page: not in the sitemap,
/// search or the A to Z.
inline constexpr const char* kOutputMarker = ".qahub-output";

/// The marker's bytes for an output of `files`.
std::string marker_text(const base::OutputFiles& files);
/// The same for the output paths `sorted_paths` (sorted, distinct).
std::string marker_text_for_paths(const std::vector<std::string>& sorted_paths);

/// The first file under `dir` (sorted, site-relative) that qahub did not
/// write: one its marker does not list, or, without a marker, any file of a
/// folder that is not an output of an earlier qahub (one holding
/// search/index.json and 404.html is: it is accepted once and gets a
/// marker). nullopt when every file is qahub's or `dir` has none.
std::optional<std::string> first_foreign_file(const std::filesystem::path& dir);

struct OutDirProblem {
  int exit_code;        ///< 2: a refused --out; 1: a folder of files qahub did not write
  std::string message;  ///< "--out \"content/public\" is inside the site's content/ folder, …"
};

/// Why a build of `site` may not write `out` (as the user wrote it: `shown`),
/// or nullopt when it may: the site itself, a folder holding the site, one
/// inside content/, data/, themes/ or .qahub/, a file or a symbolic link
/// (exit 2); a folder with files qahub did not write, unless `force` (exit 1).
/// `check_files` false leaves the last check (a walk of the folder) to the
/// caller: foreign_files_problem().
std::optional<OutDirProblem> out_dir_problem(const std::filesystem::path& site, const std::filesystem::path& out,
                                             const std::string& shown, bool force, bool check_files = true);

/// The last check of out_dir_problem: "" when `out` holds only files qahub
/// wrote (or does not exist), else the message (exit 1).
std::string foreign_files_problem(const std::filesystem::path& out, const std::string& shown);

/// Why `--cache-dir` (as the user wrote it: `shown`) may not be used, or
/// nullopt when it may: the site itself, a folder holding the site, one
/// inside content/, data/ or themes/ (its JSON would be read as records), or
/// one inside or holding the output `out` (if given), which each build replaces.
std::optional<std::string> cache_option_problem(const std::filesystem::path& site, const std::filesystem::path& cache,
                                                const std::filesystem::path* out, const std::string& shown);

/// Why a build cannot keep its cache in `cache` ("" when it can): it is a
/// symbolic link or a file, or the reason the system gives for not creating
/// or writing the folder ("Read-only file system"). Creates the folder.
/// The cache is optional: the caller warns once and builds without it.
std::string cache_dir_problem(const std::filesystem::path& cache);

/// `dir` is a search cache qahub wrote, so a build may replace it: it holds
/// only index.json, meta.json, words.json and docs/K.json (or is missing).
/// A folder of anything else is left alone, wherever --cache-dir points.
bool is_search_cache(const std::filesystem::path& dir);

}  // namespace qahub::fs
