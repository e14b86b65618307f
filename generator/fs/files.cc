#include "fs/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>

#include <cerrno>
#include <cstdio>
#include <system_error>

namespace qahub::fs {

std::optional<std::string> read_file(const std::filesystem::path& path) {
  // One buffer of the file's size, read into directly: 10,000 sources and
  // more at 10k pages, each once.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st;
  std::string out;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) out.resize(static_cast<size_t>(st.st_size));
  size_t done = 0;
  bool ok = true;
  for (;;) {
    char probe[4096];  // at the expected end: one more read says whether it is the end
    const bool full = done == out.size();
    const ssize_t n = full ? ::read(fd, probe, sizeof probe) : ::read(fd, out.data() + done, out.size() - done);
    if (full && n > 0) {  // grew since the stat, or not a plain file
      out.resize(done);
      out.append(probe, static_cast<size_t>(n));
      out.resize(std::max<size_t>(out.size() * 2, 65536));
      done += static_cast<size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = n == 0;
      break;
    }
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  if (!ok) return std::nullopt;
  out.resize(done);
  return out;
}

namespace {

/// `p` is `root` or lies under it (both canonical).
bool is_inside(const std::filesystem::path& p, const std::filesystem::path& root) {
  const std::filesystem::path rel = p.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

struct Walk {
  std::filesystem::path root;  ///< canonical
  diag::Diagnostics& diags;
  std::vector<std::string> files;
  std::vector<std::filesystem::path> open_dirs;  ///< canonical folders being walked, outermost first
};

/// What a link says, for its error: "../outside/far.md".
std::string link_text(const std::filesystem::path& link) {
  std::error_code ec;
  const std::filesystem::path to = std::filesystem::read_symlink(link, ec);
  return ec ? std::string("?") : to.string();
}

void walk_dir(Walk& w, const std::filesystem::path& dir, const std::string& rel_dir) {
  std::error_code ec;
  w.open_dirs.push_back(std::filesystem::canonical(dir, ec));
  std::filesystem::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    const std::string rel = rel_dir + "/" + name;
    std::error_code e;
    std::filesystem::path real = it->path();
    if (it->is_symlink(e)) {
      real = std::filesystem::canonical(it->path(), e);
      if (e) {
        w.diags.error({rel}, "symbolic link leads nowhere (to " + link_text(it->path()) + ")");
        continue;
      }
      if (!is_inside(real, w.root)) {
        w.diags.error({rel}, "symbolic link leads outside the site (to " + link_text(it->path()) + ")");
        continue;
      }
      // A folder this walk is in, or one that holds it: following it never ends.
      const bool loop = std::any_of(w.open_dirs.begin(), w.open_dirs.end(),
                                    [&](const std::filesystem::path& open) { return is_inside(open, real); });
      if (loop) {
        w.diags.error({rel}, "symbolic link makes a loop (to " + link_text(it->path()) + ", a folder it is in)");
        continue;
      }
    }
    if (std::filesystem::is_directory(real, e))
      walk_dir(w, it->path(), rel);
    else if (std::filesystem::is_regular_file(real, e))
      w.files.push_back(rel);
  }
  w.open_dirs.pop_back();
}

}  // namespace

std::vector<std::string> list_files(const std::filesystem::path& root, const std::string& dir,
                                    diag::Diagnostics& diags) {
  std::error_code ec;
  const std::filesystem::path base = root / dir;
  if (!std::filesystem::is_directory(base, ec)) return {};
  if (std::string why = outside_site(root, dir); !why.empty()) {
    diags.error({dir}, why);
    return {};
  }
  Walk w{std::filesystem::canonical(root, ec), diags, {}, {}};
  walk_dir(w, base, dir);
  std::sort(w.files.begin(), w.files.end());
  return std::move(w.files);
}

std::string outside_site(const std::filesystem::path& root, const std::string& rel) {
  std::error_code ec;
  const std::filesystem::path real_root = std::filesystem::canonical(root, ec);
  if (ec) return "";
  std::filesystem::path at = root;
  for (const std::filesystem::path& part : std::filesystem::path(rel)) {
    at /= part;
    if (!std::filesystem::is_symlink(at, ec)) continue;
    const std::filesystem::path real = std::filesystem::canonical(at, ec);
    if (ec) return "symbolic link leads nowhere (to " + link_text(at) + ")";
    if (!is_inside(real, real_root)) return "symbolic link leads outside the site (to " + link_text(at) + ")";
  }
  return "";
}

std::optional<std::string> site_problem(const std::filesystem::path& dir) {
  const std::string at = "no site at \"" + dir.string() + "\": ";
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) return at + "the directory does not exist";
  if (!std::filesystem::is_directory(dir, ec)) return at + "it is not a directory";
  for (const char* entry : {"content", "data", "qahub.yaml"})
    if (std::filesystem::exists(dir / entry, ec)) return std::nullopt;
  return at + "it has none of content/, data/ and qahub.yaml";
}

namespace {

/// write(2) until every byte is written or it fails.
bool write_all(int fd, std::string_view bytes) {
  for (size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

/// A file opened for writing, emptied. The folder is made only when
/// opening says it is missing: a build writes 14,000 files at 10k pages into
/// a few hundred folders, and a stat per file before each open was a tenth
/// of the writing's system time.
int open_for_writing(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0 && errno == ENOENT) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  }
  return fd;
}

}  // namespace

bool write_file(const std::filesystem::path& path, std::string_view bytes) {
  const int fd = open_for_writing(path);
  if (fd < 0) return false;
  const bool ok = write_all(fd, bytes);
  return (::close(fd) == 0) && ok;
}

bool write_file(const std::filesystem::path& path, const std::vector<std::string>& parts) {
  const int fd = open_for_writing(path);
  if (fd < 0) return false;
  bool ok = true;
  for (const std::string& part : parts) ok = ok && write_all(fd, part);
  return (::close(fd) == 0) && ok;
}

NewFile create_new_file(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return errno == EEXIST ? NewFile::kExists : NewFile::kFailed;
  bool ok = write_all(fd, bytes);
  ok = (::close(fd) == 0) && ok;
  if (!ok) std::filesystem::remove(path, ec);
  return ok ? NewFile::kCreated : NewFile::kFailed;
}

bool replace_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::path tmp = path;
  tmp += ".qahub-new";
  if (!write_file(tmp, bytes)) return false;
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (!ec) return true;
  std::filesystem::remove(tmp, ec);
  return false;
}

}  // namespace qahub::fs
