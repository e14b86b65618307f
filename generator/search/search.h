#pragma once
/// Site search: a lunr.js 2.3.9 index written in C++ (byte-identical to what
/// lunr.js builds from the same corpus), a document store for the page, and
/// `qahub search`, which scores the same index as lunr does. See
/// generator/search/README.md.
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
///   doc_store.h    search/meta.json, the chunks search/docs/K.json, scripts
///   compounds.h    joined forms of hyphenated words (keywords)
///   suggest.h      words.json and "did you mean"
///   correction.h   the corrected query offered with the suggestions
///   lunr_query.h   lunr's Index.query over index.json
///   query_plan.h   how a query is read (mirrored by assets/search.js)
///   query.h        `qahub search`
/// Tests: tests/unit/search/ and tests/search/ (node + lunr.js oracles).
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "base/text.h"
#include "diag/diagnostics.h"
#include "fs/staged_output.h"
#include "markdown/document.h"
#include "search/synonyms.h"

namespace qahub::search {

/// One page as the index sees it. URLs are site-root URLs ("/framework/values/").
struct SearchPage {
  std::string url;
  std::string title;
  std::string section;  ///< the section's title, shown beside each result
  std::string description;
  std::vector<std::string> tags;
  std::vector<markdown::Section> sections;  ///< text by h2; the first has id ""
  /// When set, the text by h2 is this (the site page's own, which outlives
  /// the build's search) and `sections` is unused: a build indexes every
  /// page's text without a copy of it.
  const std::vector<markdown::Section>* borrowed_sections = nullptr;
  const std::vector<markdown::Section>& text() const { return borrowed_sections ? *borrowed_sections : sections; }
  /// A record page's id as people quote it ("a-032", "2026-27-cycle-1",
  /// "2026-27-cycle-1/kl1"), indexed as a keyword so the id finds the page;
  /// "" for content pages.
  std::string record_id;
};

struct SearchBuildOptions {
  std::filesystem::path site_dir;
  std::filesystem::path cache_dir;      ///< SITE/.qahub or --cache-dir: the search cache lives here
  std::string cache_label = ".qahub";   ///< cache_dir as diagnostics name it
  std::filesystem::path search_corpus;  ///< when set, write the indexed corpus JSON here
  bool write_cache = true;              ///< false for `qahub check`
  int jobs = 1;                         ///< threads for analysis and the document store
  /// data/search/synonyms.json, parsed (nullptr: none). The build reads it
  /// with the records (record_pages/kinds.cc), so its problems are reported
  /// before rendering whatever --jobs is.
  const SynonymTable* synonyms = nullptr;
  /// Also write search/index.js, the script form of index + store, for sites
  /// opened from disk (`--relative-urls`): browsers refuse fetch() over file://.
  bool script_index = false;
  /// When set (a build that streams its output), the output's search files
  /// go straight into it, hard-linked to the cache's copies where the cache
  /// was written, instead of into `out`: the 28 MB index and 22 MB store of
  /// 10,000 pages are not held in memory until the write pass.
  fs::StagingArea* staged_output = nullptr;
};

/// What a build_search() run leaves in the build cache for `qahub search`
/// (query.h), written beside the live copy and moved into place only by
/// install(), so the pipeline can run search beside rendering and still leave
/// the cache alone when the build fails. Removed if never installed.
class StagedSearchCache {
 public:
  StagedSearchCache() = default;
  StagedSearchCache(const StagedSearchCache&) = delete;
  StagedSearchCache& operator=(const StagedSearchCache&) = delete;
  ~StagedSearchCache();

  /// Marks a cache staged in cache_dir (build_search calls this).
  void staged(std::filesystem::path cache_dir, std::string label) {
    cache_dir_ = std::move(cache_dir);
    label_ = std::move(label);
  }
  /// Installs the staged cache, if any.
  bool install(diag::Diagnostics& diags);

 private:
  std::filesystem::path cache_dir_;  ///< empty: nothing staged
  std::string label_;                ///< cache_dir_ as diagnostics name it
};

/// Adds `search/index.json`, `search/meta.json`, `search/docs/K.json`,
/// `search/words.json` and, with script_index, their scripts (index.js,
/// docs/K.js, words.js) to `out`, and replaces the search cache that
/// `qahub search` indexes. With `staged`, the cache is written but left for
/// the caller to install.
bool build_search(const std::vector<SearchPage>& pages, const SearchBuildOptions& options, base::OutputFiles& out,
                  diag::Diagnostics& diags, StagedSearchCache* staged = nullptr);

}  // namespace qahub::search
