#pragma once
/// Site search: a lunr.js 2.3.9 index written in C++ (byte-identical to what
/// lunr.js builds from the same corpus), a document store for the page, and
/// a Xapian database for `qahub search`. See spec-lunr-index.md.
///
/// Map of the module (data flows down):
///   unicode.h      UTF-8/UTF-16, JS toLowerCase
///   lunr_stem.h    lunr.stemmer port; LunrStem is a Xapian::StemImplementation
///   tokenizer.h    lunr tokenizer, trimmer, stop words (lunr's and ours)
///   js_json.h      JSON.stringify number/string/key-order rules
///   lunr_index.h   lunr.Builder → index JSON
///   corpus.h       the corpus JSON (`--search-corpus`) and index from corpus
///   synonyms.h     data/search/synonyms.json: build- and query-time expansion
///   documents.h    pages → index documents (fields, boosts, why one doc per page)
///   doc_store.h    search/docs.json and search/index.js
///   xapian_db.h    the database in SITE/.qahub/search
///   query_plan.h   how a query is read (mirrored by assets/search.js)
///   query.h        `qahub search`
/// Tests: tests/unit/search/ and tests/search/ (node + lunr.js oracles).
#include <filesystem>
#include <functional>
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

/// The Xapian write of a build_search() run, held back so the pipeline can
/// run search beside rendering and still touch the cache only when the whole
/// build succeeded.
struct DeferredDatabase {
  std::function<bool()> write;  ///< empty when there is nothing to write
};

/// Adds `search/index.json`, `search/docs.json` and `search/index.js` (a
/// script form for file://) to `out`, and (re)writes the Xapian database.
/// With `deferred`, the database is not written but handed back to write later.
bool build_search(const std::vector<SearchPage>& pages, const SearchBuildOptions& options, base::OutputFiles& out,
                  diag::Diagnostics& diags, DeferredDatabase* deferred = nullptr);

}  // namespace qahub::search
