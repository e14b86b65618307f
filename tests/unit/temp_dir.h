#pragma once
// A temporary directory for one test case, removed at the end of the scope.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

namespace qahub::testing {

class TempDir {
 public:
  explicit TempDir(const std::string& name) {
    static std::atomic<int> counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("qahub-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  void write(const std::string& rel, const std::string& text) const {
    std::filesystem::create_directories((path_ / rel).parent_path());
    std::ofstream(path_ / rel, std::ios::binary) << text;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace qahub::testing
