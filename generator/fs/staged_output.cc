#include "fs/staged_output.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE (glibc 2.28+, _GNU_SOURCE)
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <atomic>
#include <mutex>
#include <system_error>
#include <vector>

#include "base/parallel.h"
#include "fs/files.h"

namespace qahub::fs {
namespace {

std::filesystem::path sibling(const std::filesystem::path& out, const char* tag) {
  std::filesystem::path parent = out.parent_path();
  std::string name = "." + out.filename().string() + "." + tag + "-" + std::to_string(::getpid());
  return parent.empty() ? std::filesystem::path(name) : parent / name;
}

}  // namespace

int system_rename(const std::filesystem::path& from, const std::filesystem::path& to, unsigned flags) {
  return ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), flags) == 0 ? 0 : errno;
}

bool write_output_tree(const std::filesystem::path& out_dir, const std::map<std::string, std::string>& files, int jobs,
                       diag::Diagnostics& diags, const RenameFn& rename) {
  std::error_code ec;
  std::filesystem::path out = std::filesystem::absolute(out_dir, ec).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  const std::filesystem::path staging = sibling(out, "staging");
  const std::filesystem::path old = sibling(out, "old");
  std::filesystem::remove_all(staging, ec);
  std::filesystem::remove_all(old, ec);
  if (!std::filesystem::create_directories(staging, ec) && ec) {
    diags.error({}, "cannot create output directory " + staging.string() + ": " + ec.message());
    return false;
  }

  // Create directories first (serially), then write files in parallel.
  for (const auto& [path, _] : files) std::filesystem::create_directories((staging / path).parent_path(), ec);
  std::vector<const std::pair<const std::string, std::string>*> items;
  items.reserve(files.size());
  for (const auto& kv : files) items.push_back(&kv);
  std::atomic<bool> failed{false};
  std::string failed_path;
  std::mutex failed_mutex;
  base::parallel_for(items.size(), jobs, [&](size_t i) {
    if (write_file(staging / items[i]->first, items[i]->second)) return;
    std::lock_guard lock(failed_mutex);
    if (!failed || items[i]->first < failed_path) failed_path = items[i]->first;  // the same one whatever --jobs
    failed = true;
  });
  if (failed) {
    std::filesystem::remove_all(staging, ec);
    diags.error({}, "cannot write output file " + failed_path);
    return false;
  }

  const bool had_old = std::filesystem::exists(out, ec);
  if (had_old) {
    // One step: staging becomes out and the previous site lands at staging.
    const int r = rename(staging, out, RENAME_EXCHANGE);
    if (r == 0) {
      std::filesystem::remove_all(staging, ec);
      return true;
    }
    if (r != EINVAL && r != ENOSYS) {
      std::filesystem::remove_all(staging, ec);
      diags.error({}, "cannot replace output directory " + out.string() + ": " + std::strerror(r));
      return false;
    }
  }
  // Two steps: out → old, staging → out, remove old. If the second fails, put old back.
  if (had_old && rename(out, old, 0) != 0) {
    std::filesystem::remove_all(staging, ec);
    diags.error({}, "cannot replace output directory " + out.string());
    return false;
  }
  if (const int r = rename(staging, out, 0); r != 0) {
    if (had_old) rename(old, out, 0);
    std::filesystem::remove_all(staging, ec);
    diags.error({}, "cannot move output into place at " + out.string() + ": " + std::strerror(r));
    return false;
  }
  if (had_old) std::filesystem::remove_all(old, ec);
  return true;
}

}  // namespace qahub::fs
