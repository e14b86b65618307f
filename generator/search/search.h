#pragma once
/// Site search: a lunr.js 2.3.9 index written in C++ (byte-identical to what
/// lunr.js builds from the same corpus), a document store for the page, and
/// a Xapian database for `qahub search`. See spec-lunr-index.md.
#include <filesystem>
#include <string>
#include <vector>

#include "base/text.h"
#include "diag/diagnostics.h"
#include "markdown/document.h"

namespace qahub::search {

/// One page as the index sees it. URLs are site-root URLs ("/framework/values/").
struct SearchPage {
  std::string url;
  std::string title;
  std::string section;  ///< the section's title, shown beside each result
  std::string description;
  std::vector<std::string> tags;
  std::vector<markdown::Section> sections;  ///< text by h2; the first has id ""
};

struct SearchBuildOptions {
  std::filesystem::path site_dir;
  std::filesystem::path cache_dir;      ///< site_dir/.qahub: the Xapian database lives here
  std::filesystem::path search_corpus;  ///< when set, write the indexed corpus JSON here
  bool write_database = true;           ///< false for `qahub check`
};

/// Adds `search/index.json`, `search/docs.json` and `search/index.js` (a
/// script form for file://) to `out`, and (re)writes the Xapian database.
bool build_search(const std::vector<SearchPage>& pages, const SearchBuildOptions& options, base::OutputFiles& out,
                  diag::Diagnostics& diags);

}  // namespace qahub::search
