#pragma once
/// Inline sites for end-to-end tests (Hugo's hugolib.Test): write a few files
/// into a temporary site, build it, and read the output.
#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>

#include "fs/files.h"
#include "pipeline/pipeline.h"
#include "temp_dir.h"

namespace qahub::testing {

class TestSite {
 public:
  explicit TestSite(const std::map<std::string, std::string>& files) {
    for (const auto& [path, text] : files) fs::write_file(root_ / path, text);
    options.site_dir = root_;
    options.out_dir = root_ / "public";
    options.as_of = base::Date{2026, 11, 23};
  }

  bool build() {
    diags_ = std::make_unique<diag::Diagnostics>();
    return pipeline::build_site(options, *diags_, nullptr);
  }
  std::string diagnostics() const { return diags_ ? diags_->format_all() : ""; }
  /// An output file ("framework/values/index.html"), or "" when absent.
  std::string output(const std::string& path) const { return fs::read_file(root_ / "public" / path).value_or(""); }
  bool exists(const std::string& path) const { return std::filesystem::exists(root_ / "public" / path); }
  void write(const std::string& path, const std::string& text) { fs::write_file(root_ / path, text); }
  const std::filesystem::path& root() const { return root_; }

  config::BuildOptions options;

 private:
  TempDir temp_{"site"};
  const std::filesystem::path& root_ = temp_.path();
  std::unique_ptr<diag::Diagnostics> diags_;
};

/// The default site (content, data, config) in the test site's folder.
inline void copy_default_site(TestSite& site) {
  const std::filesystem::path repo = QAHUB_SOURCE_DIR;
  std::filesystem::create_directories(site.root());
  for (const char* part : {"content", "data", "qahub.yaml"})
    std::filesystem::copy(repo / part, site.root() / part, std::filesystem::copy_options::recursive);
}

/// A content page: front matter lines, then the body.
inline std::string page(const std::string& front, const std::string& body = "Body.\n") {
  return "---\n" + front + "---\n" + body;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace qahub::testing
