#include "pipeline/output_marker.h"

#include <mutex>
#include <vector>

#include "fs/files.h"
#include "fs/output_dir.h"

namespace qahub::pipeline {

bool update_output_marker(const std::filesystem::path& out_dir, const std::set<std::string>& added,
                          const std::set<std::string>& removed) {
  if (added.empty() && removed.empty()) return true;
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  auto text = fs::read_file(out_dir / fs::kOutputMarker);
  if (!text) return false;
  std::set<std::string> paths;
  size_t at = text->find('\n');  // after the header line, one path a line
  while (at != std::string::npos && at + 1 < text->size()) {
    const size_t end = text->find('\n', at + 1);
    paths.insert(text->substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1));
    at = end;
  }
  for (const std::string& p : removed) paths.erase(p);
  paths.insert(added.begin(), added.end());
  return fs::replace_file(out_dir / fs::kOutputMarker,
                          fs::marker_text_for_paths(std::vector<std::string>(paths.begin(), paths.end())));
}

}  // namespace qahub::pipeline
