#pragma once
/// Small on-disk sites for records tests: write a few files into a fresh
/// temporary folder, build records, inspect pages and diagnostics.
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <unistd.h>

#include "fs/files.h"
#include "record_pages/kinds.h"
#include "record_pages/record_pages.h"
#include "records/records.h"
#include "temp_dir.h"
#include "templating/templates.h"
#include "theme/theme.h"

namespace qahub::records::testing {

/// A temporary site folder (the one temp-folder helper, tests/unit/temp_dir.h).
class TempSite : public qahub::testing::TempDir {
 public:
  explicit TempSite(const std::string& name) : TempDir("records-test-" + name) {}
  const std::filesystem::path& dir() const { return path(); }
};

inline base::Date date(const char* s) { return *base::Date::parse(s); }

/// Builds records from `site_dir` as of `as_of`, with the embedded theme's templates.
using record_pages::BackLink;
using record_pages::NavEntry;
using record_pages::RecordPage;

/// Records loaded and their pages made and finished, as a build does (links
/// in narratives are left as written: the links pass is model/'s).
struct Built {
  theme::Theme theme = theme::Theme::embedded();
  templating::Templates templates{theme};
  diag::Diagnostics diags;
  Loaded data;
  record_pages::RecordPages result;

  Built(const std::filesystem::path& site_dir, const char* as_of, bool with_templates = true) {
    LoadInput in;
    in.site_dir = site_dir;
    in.as_of = date(as_of);
    in.kinds = record_pages::data_kinds();
    record_pages::PagesInput pages;
    diag::Diagnostics listing;
    for (const std::string& path : fs::list_files(site_dir, "content", listing)) {
      if (path.size() < 3 || path.substr(path.size() - 3) != ".md") continue;
      std::string u = path.substr(std::string("content").size());
      u = u.substr(0, u.size() - 3);
      if (u.size() >= 7 && u.substr(u.size() - 7) == "/_index")
        u = u.substr(0, u.size() - 6);
      else
        u += "/";
      in.content_sources.insert(path);
      pages.content_urls[path] = u;
    }
    data = load(in, diags);
    pages.records = std::filesystem::is_directory(site_dir / "data") ? &data.records : nullptr;
    pages.as_of = in.as_of;
    pages.templates = with_templates ? &templates : nullptr;
    result = record_pages::build_pages(pages, diags);
    record_pages::finish_bodies(result.pages, data.records.narratives, 1);
  }
  const RecordPage* page(const std::string& url) const {
    for (const RecordPage& p : result.pages)
      if (p.url == url) return &p;
    return nullptr;
  }
};

}  // namespace qahub::records::testing
