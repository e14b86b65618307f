#include "fs/files.h"

#include <fcntl.h>
#include <unistd.h>
#include <algorithm>

#include <cerrno>
#include <cstdio>
#include <system_error>

namespace qahub::fs {

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return std::nullopt;
  std::string out;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  bool ok = !std::ferror(f);
  std::fclose(f);
  if (!ok) return std::nullopt;
  return out;
}

std::vector<std::string> list_files(const std::filesystem::path& root, const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  std::filesystem::path base = root / dir;
  if (!std::filesystem::is_directory(base, ec)) return out;
  std::filesystem::recursive_directory_iterator it(base, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    out.push_back(std::filesystem::relative(it->path(), root, ec).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
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

bool write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  ok = (std::fclose(f) == 0) && ok;
  return ok;
}

NewFile create_new_file(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return errno == EEXIST ? NewFile::kExists : NewFile::kFailed;
  bool ok = true;
  for (size_t done = 0; ok && done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
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
