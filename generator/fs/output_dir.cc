#include "fs/output_dir.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <set>
#include <system_error>
#include <vector>

#include "fs/files.h"

namespace qahub::fs {
namespace {

namespace stdfs = std::filesystem;

stdfs::path real_path(const stdfs::path& p) {
  std::error_code ec;
  stdfs::path abs = stdfs::absolute(p, ec);
  stdfs::path out = stdfs::weakly_canonical(abs, ec);
  if (ec) out = abs.lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  return out;
}

/// `p` is `root` or lies under it.
bool within(const stdfs::path& p, const stdfs::path& root) {
  const stdfs::path rel = p.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

constexpr const char* kMarkerHeader =
    "# qahub wrote the files below; a build replaces this folder only while every file in it is listed here\n";

}  // namespace

std::string marker_text(const base::OutputFiles& files) {
  std::string out = kMarkerHeader;
  for (const auto& [path, _] : files) {
    out += path;
    out += '\n';
  }
  return out;
}

std::string marker_text_for_paths(const std::vector<std::string>& sorted_paths) {
  std::string out = kMarkerHeader;
  for (const std::string& path : sorted_paths) {
    out += path;
    out += '\n';
  }
  return out;
}

std::optional<std::string> first_foreign_file(const stdfs::path& dir) {
  std::error_code ec;
  std::vector<std::string> present;
  // Each entry's path is `dir` / its relative path as the walk appends it, so
  // the prefix is cut off as text (lexically_relative, which takes both
  // paths apart, was most of the walk at 14,000 files).
  const std::string& root = dir.native();
  const size_t cut = root.empty() ? 0 : root.back() == '/' ? root.size() : root.size() + 1;
  stdfs::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code e;
    if (it->is_directory(e) && !it->is_symlink(e)) continue;
    const std::string& path = it->path().native();
    present.push_back(path.size() > cut && path.compare(0, root.size(), root) == 0
                          ? path.substr(cut)
                          : it->path().lexically_relative(dir).generic_string());
  }
  if (ec && present.empty() && stdfs::exists(dir, ec)) return std::string(".");  // unreadable: not provably ours
  std::sort(present.begin(), present.end());
  const auto marker = read_file(dir / kOutputMarker);
  std::vector<std::string_view> listed;  // sorted: a lookup per file without a node per line
  if (marker) {
    for (std::string_view line : base::split_lines(*marker))
      if (!line.empty() && line[0] != '#') listed.push_back(line);
    std::sort(listed.begin(), listed.end());
  } else if (stdfs::is_regular_file(dir / "search" / "index.json", ec) &&
             stdfs::is_regular_file(dir / "404.html", ec)) {
    return std::nullopt;  // an output of a qahub from before the marker
  }
  for (const std::string& file : present)
    if (file != kOutputMarker && !std::binary_search(listed.begin(), listed.end(), std::string_view(file))) return file;
  return std::nullopt;
}

std::string foreign_files_problem(const stdfs::path& out, const std::string& shown) {
  if (auto foreign = first_foreign_file(out))
    return "--out \"" + shown + "\" holds files qahub did not write, such as \"" + *foreign +
           "\"; choose a new or empty folder, or pass --force to replace it";
  return "";
}

std::optional<OutDirProblem> out_dir_problem(const stdfs::path& site, const stdfs::path& out, const std::string& shown,
                                             bool force, bool check_files) {
  const stdfs::path site_real = real_path(site), out_real = real_path(out);
  const std::string opt = "--out \"" + shown + "\" ";
  std::error_code ec;
  if (out_real == site_real) return OutDirProblem{2, opt + "is the site folder itself"};
  if (within(site_real, out_real))
    return OutDirProblem{2, opt + "holds the site; building there would replace its sources"};
  for (const char* sub : {"content", "data", "themes"})
    if (within(out_real, real_path(site / sub)))
      return OutDirProblem{2, opt + "is inside the site's " + sub + "/ folder, which holds its sources"};
  if (within(out_real, real_path(site / ".qahub")))
    return OutDirProblem{2, opt + "is inside the site's .qahub/ folder, which holds qahub's cache"};
  const stdfs::path as_given = out.filename().empty() ? out.parent_path() : out;
  if (stdfs::is_symlink(as_given, ec)) return OutDirProblem{2, opt + "is a symbolic link; give the folder it leads to"};
  if (stdfs::exists(out, ec) && !stdfs::is_directory(out, ec)) return OutDirProblem{2, opt + "is a file, not a folder"};
  if (force || !check_files) return std::nullopt;
  if (std::string why = foreign_files_problem(out, shown); !why.empty()) return OutDirProblem{1, why};
  return std::nullopt;
}

std::optional<std::string> cache_option_problem(const stdfs::path& site, const stdfs::path& cache,
                                                const stdfs::path* out, const std::string& shown) {
  const stdfs::path site_real = real_path(site), cache_real = real_path(cache);
  const std::string opt = "--cache-dir \"" + shown + "\" ";
  if (cache_real == site_real) return opt + "is the site folder itself";
  if (within(site_real, cache_real)) return opt + "holds the site";
  for (const char* sub : {"content", "data", "themes"})
    if (within(cache_real, real_path(site / sub)))
      return opt + "is inside the site's " + sub + "/ folder, which holds its sources";
  if (!out) return std::nullopt;
  const stdfs::path out_real = real_path(*out);
  if (within(cache_real, out_real)) return opt + "is inside the output folder, which each build replaces";
  if (within(out_real, cache_real)) return opt + "holds the output folder";
  return std::nullopt;
}

std::string cache_dir_problem(const stdfs::path& cache) {
  std::error_code ec;
  if (stdfs::is_symlink(cache, ec)) return "it is a symbolic link, and qahub does not write through one";
  if (stdfs::exists(cache, ec) && !stdfs::is_directory(cache, ec)) return "it is a file, not a folder";
  stdfs::create_directories(cache, ec);
  if (ec) return ec.message();
  if (::access(cache.c_str(), W_OK) != 0) return std::generic_category().message(errno);
  return "";
}

bool is_search_cache(const stdfs::path& dir) {
  std::error_code ec;
  if (!stdfs::exists(stdfs::symlink_status(dir, ec))) return true;
  if (stdfs::is_symlink(dir, ec) || !stdfs::is_directory(dir, ec)) return false;
  static const std::set<std::string> kFiles = {"index.json", "meta.json", "words.json"};
  stdfs::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string rel = it->path().lexically_relative(dir).generic_string();
    if (it->is_symlink(ec)) return false;
    if (rel == "docs" && it->is_directory(ec)) continue;
    if (kFiles.count(rel)) continue;
    // docs/K.json, K a number
    if (rel.size() > 10 && rel.compare(0, 5, "docs/") == 0 && rel.compare(rel.size() - 5, 5, ".json") == 0 &&
        std::all_of(rel.begin() + 5, rel.end() - 5, [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    return false;
  }
  return !ec;
}

}  // namespace qahub::fs
