#pragma once
/// Small on-disk sites for records tests: write a few files into a fresh
/// temporary folder, build records, inspect pages and diagnostics.
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <unistd.h>

#include "records/records.h"
#include "theme/theme.h"

namespace qahub::records::testing {

class TempSite {
 public:
  explicit TempSite(const std::string& name) {
    // The process id keeps concurrent test runs (ctest -j, ASan and plain builds) apart.
    dir_ = std::filesystem::temp_directory_path() / ("qahub-records-test-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~TempSite() { std::filesystem::remove_all(dir_); }
  void write(const std::string& rel, const std::string& text) const {
    std::filesystem::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel, std::ios::binary) << text;
  }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

inline base::Date date(const char* s) { return *base::Date::parse(s); }

/// Builds records from `site_dir` as of `as_of`, with the embedded theme's templates.
struct Built {
  theme::Theme theme = theme::Theme::embedded();
  templating::Templates templates{theme};
  diag::Diagnostics diags;
  RecordsResult result;

  Built(const std::filesystem::path& site_dir, const char* as_of, bool with_templates = true) {
    RecordsInput in;
    in.site_dir = site_dir;
    in.as_of = date(as_of);
    in.templates = with_templates ? &templates : nullptr;
    in.url_for_content = [site_dir](const std::string& path) -> std::string {
      if (!std::filesystem::exists(site_dir / path)) return "";
      std::string u = path.substr(std::string("content").size());
      u = u.substr(0, u.size() - 3);
      if (u.size() >= 7 && u.substr(u.size() - 7) == "/_index")
        u = u.substr(0, u.size() - 6);
      else
        u += "/";
      return u;
    };
    result = build_records(in, diags);
  }
  const RecordPage* page(const std::string& url) const {
    for (const RecordPage& p : result.pages)
      if (p.url == url) return &p;
    return nullptr;
  }
};

}  // namespace qahub::records::testing
