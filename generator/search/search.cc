#include "search/search.h"

#include <algorithm>

#include "base/parallel.h"

#include "fs/files.h"
#include "fs/output_dir.h"
#include "search/corpus.h"
#include "search/doc_store.h"
#include "search/documents.h"
#include "search/lunr_index.h"
#include "search/suggest.h"
#include "search/synonyms.h"

namespace qahub::search {
namespace {

std::filesystem::path staging_path(const std::filesystem::path& cache_dir) { return cache_dir / "search.new"; }

/// The one warning a cache that cannot be written gives: the cache is
/// optional, so the build carries on without it.
void cache_warning(const std::string& label, const std::string& why, diag::Diagnostics& diags) {
  diags.warning({label + "/search"}, "cannot write the search cache: " + why +
                                         "; qahub search will not see this build (--cache-dir DIR keeps it elsewhere)");
}

std::string foreign_files(const std::filesystem::path& dir) {
  return dir.filename().string() + "/ holds files qahub did not write, so it is left alone";
}

bool install_cache(const std::filesystem::path& cache_dir, const std::string& label, diag::Diagnostics& diags) {
  const std::filesystem::path live = search_cache_path(cache_dir);
  if (!fs::is_search_cache(live)) {
    cache_warning(label, foreign_files(live), diags);
    return true;
  }
  std::error_code ec;
  std::filesystem::remove_all(live, ec);
  if (!ec) std::filesystem::rename(staging_path(cache_dir), live, ec);
  if (ec) cache_warning(label, ec.message(), diags);
  std::filesystem::remove_all(staging_path(cache_dir), ec);
  return true;
}

/// `--search-corpus`, and the cache `qahub search` reads (query.h): the
/// page's index, store and suggestion words, staged beside the live copy.
/// Only the corpus, which was asked for, can fail the build.
bool write_cache_files(const Corpus& corpus, const std::string& index, const DocStore& store, const std::string& words,
                       SearchBuildOptions& options, diag::Diagnostics& diags) {
  if (!options.search_corpus.empty() && !fs::write_file(options.search_corpus, corpus_to_json(corpus))) {
    diags.error({options.search_corpus.string(), 0, 0}, "cannot write search corpus");
    return false;
  }
  if (!options.write_cache || options.cache_dir.empty()) return true;
  const std::filesystem::path dir = staging_path(options.cache_dir);
  if (!fs::is_search_cache(dir)) {
    cache_warning(options.cache_label, foreign_files(dir), diags);
    options.write_cache = false;
    return true;
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  std::filesystem::create_directories(dir / "docs", ec);
  bool ok = !ec && fs::write_file(dir / "index.json", index) && fs::write_file(dir / "meta.json", store.meta) &&
            fs::write_file(dir / "words.json", words);
  for (size_t k = 0; ok && k < store.chunks.size(); ++k)
    ok = fs::write_file(dir / "docs" / (std::to_string(k) + ".json"), store.chunks[k]);
  if (!ok) {
    cache_warning(options.cache_label, ec ? ec.message() : std::string("a file in it could not be written"), diags);
    std::filesystem::remove_all(dir, ec);
    options.write_cache = false;
  }
  return true;
}

}  // namespace

bool build_search(const std::vector<SearchPage>& pages, const SearchBuildOptions& options, base::OutputFiles& out,
                  diag::Diagnostics& diags, StagedSearchCache* staged) {
  // Expansion terms first: they are part of the corpus lunr.js can rebuild.
  static const SynonymTable kNone;
  const SynonymTable& synonyms = options.synonyms ? *options.synonyms : kNone;
  std::vector<IndexedDoc> docs = make_documents(pages, synonyms, options.jobs);
  const Corpus corpus = take_corpus(docs);

  // The store does not need the index: with jobs > 1 it is made beside
  // the indexing.
  DocStore store;
  auto write_store = [&] { store = doc_store(docs, synonyms); };
  // The lunr index, byte-identical to lunr.js over the same corpus, and the
  // words the analysis saw, for suggestions.
  std::string index;
  std::string words;
  base::run_beside(
      options.jobs > 1,
      [&] {
        SurfaceCounts surface;
        index = index_corpus(corpus, options.jobs, &surface).to_json();
        words = suggestion_words_json(suggestion_words(surface));
      },
      write_store);
  SearchBuildOptions cache = options;  // write_cache goes false if the cache cannot be written
  const bool files_ok = write_cache_files(corpus, index, store, words, cache, diags);

  // Script form for file://, where fetch() of the JSON files is refused.
  if (options.script_index) {
    out["search/index.js"] = index_script(index, store.meta);
    out["search/words.js"] = words_script(words);
    for (size_t k = 0; k < store.chunks.size(); ++k) out[chunk_path(k, ".js")] = chunk_script(k, store.chunks[k]);
  }
  // Moved, not copied: the index alone is 40 MB at 10,000 pages.
  out["search/index.json"] = std::move(index);
  out["search/meta.json"] = std::move(store.meta);
  out["search/words.json"] = std::move(words);
  for (size_t k = 0; k < store.chunks.size(); ++k) out[chunk_path(k, ".json")] = std::move(store.chunks[k]);
  if (!files_ok) return false;
  if (cache.write_cache && !cache.cache_dir.empty()) {
    if (staged)
      staged->staged(cache.cache_dir, cache.cache_label);
    else
      return install_cache(cache.cache_dir, cache.cache_label, diags);
  }
  return true;
}

StagedSearchCache::~StagedSearchCache() {
  std::error_code ec;
  if (!cache_dir_.empty()) std::filesystem::remove_all(staging_path(cache_dir_), ec);
}

namespace {

/// "docs/K.json", K a number: a store chunk's name in the cache.
bool is_chunk_file(const std::string& rel) {
  return rel.size() > 10 && rel.compare(0, 5, "docs/") == 0 && rel.compare(rel.size() - 5, 5, ".json") == 0 &&
         std::all_of(rel.begin() + 5, rel.end() - 5, [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::filesystem::path StagedSearchCache::staged_file(const std::string& out_path) const {
  const std::string_view prefix = "search/";
  if (cache_dir_.empty() || out_path.compare(0, prefix.size(), prefix) != 0) return {};
  const std::string rel = out_path.substr(prefix.size());
  if (rel != "index.json" && rel != "meta.json" && rel != "words.json" && !is_chunk_file(rel)) return {};
  return staging_path(cache_dir_) / rel;
}

bool StagedSearchCache::install(diag::Diagnostics& diags) {
  if (cache_dir_.empty()) return true;
  const bool ok = install_cache(cache_dir_, label_, diags);
  cache_dir_.clear();
  return ok;
}

}  // namespace qahub::search
