#include "search/search.h"

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

/// The cache `qahub search` reads (query.h): the page's index, store and
/// suggestion words, staged beside the live copy. Written in two parts, so
/// the store's files go out beside the indexing (they are most of the
/// files) and only the index and words follow it. A cache that cannot be
/// written is a warning, once, and the build goes on without it.
class CacheWriter {
 public:
  explicit CacheWriter(SearchBuildOptions& options, diag::Diagnostics& diags) : options_(options), diags_(diags) {
    if (!options.write_cache || options.cache_dir.empty()) return;
    dir_ = staging_path(options.cache_dir);
    if (!fs::is_search_cache(dir_)) {
      cache_warning(options.cache_label, foreign_files(dir_), diags);
      options.write_cache = false;
      dir_.clear();
      return;
    }
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
    std::filesystem::create_directories(dir_ / "docs", ec);
    if (ec) fail(ec.message());
  }
  /// The store (from the thread that made it).
  void write_store(const DocStore& store) {
    if (dir_.empty()) return;
    bool ok = fs::write_file(dir_ / "meta.json", store.meta);
    for (size_t k = 0; ok && k < store.chunks.size(); ++k)
      ok = fs::write_file(dir_ / "docs" / (std::to_string(k) + ".json"), store.chunks[k]);
    store_ok_ = ok;
  }
  /// The cache's copy of `rel` ("index.json", "docs/3.json"), or empty when
  /// the cache was not written.
  std::filesystem::path file(const std::string& rel) const { return dir_.empty() ? dir_ : dir_ / rel; }
  /// The index (in pieces) and words, once both threads are done.
  void finish(const std::vector<std::string>& index, const std::string& words) {
    if (dir_.empty()) return;
    if (!store_ok_ || !fs::write_file(dir_ / "index.json", index) || !fs::write_file(dir_ / "words.json", words))
      fail("a file in it could not be written");
  }

 private:
  void fail(const std::string& why) {
    cache_warning(options_.cache_label, why, diags_);
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
    options_.write_cache = false;
    dir_.clear();
  }
  SearchBuildOptions& options_;
  diag::Diagnostics& diags_;
  std::filesystem::path dir_;  ///< empty: no cache this build
  bool store_ok_ = true;
};

}  // namespace

bool build_search(const std::vector<SearchPage>& pages, const SearchBuildOptions& options, base::OutputFiles& out,
                  diag::Diagnostics& diags, StagedSearchCache* staged) {
  // Expansion terms first: they are part of the corpus lunr.js can rebuild.
  static const SynonymTable kNone;
  const SynonymTable& synonyms = options.synonyms ? *options.synonyms : kNone;
  std::vector<IndexedDoc> docs = make_documents(pages, synonyms, options.jobs);
  const Corpus corpus = take_corpus(docs);

  if (!options.search_corpus.empty() && !fs::write_file(options.search_corpus, corpus_to_json(corpus))) {
    diags.error({options.search_corpus.string(), 0, 0}, "cannot write search corpus");
    return false;
  }
  SearchBuildOptions cache = options;  // write_cache goes false if the cache cannot be written
  CacheWriter cache_files(cache, diags);

  // The store does not need the index: with jobs > 1 it is made (and its
  // cache files written) beside the indexing.
  DocStore store;
  auto write_store = [&] {
    store = doc_store(docs, synonyms);
    cache_files.write_store(store);
  };
  // The lunr index, byte-identical to lunr.js over the same corpus, and the
  // words the analysis saw, for suggestions.
  // The index stays in pieces: the cache file is written from them, and the
  // output links to that file, so the 28 MB text is joined into one string
  // only where a copy is really needed (no cache, the script form).
  std::vector<std::string> index_pieces;
  std::string words;
  base::run_beside(
      options.jobs > 1,
      [&] {
        SurfaceCounts surface;
        {
          const LunrIndexBuilder builder = index_corpus(corpus, options.jobs, &surface);
          index_pieces = builder.to_json_pieces(options.jobs);
        }  // its postings freed before the words are made
        words = suggestion_words_json(suggestion_words(surface));
      },
      write_store);
  cache_files.finish(index_pieces, words);
  size_t index_size = 0;
  for (const std::string& p : index_pieces) index_size += p.size();
  std::string index;
  auto joined_index = [&]() -> std::string& {
    if (index.size() != index_size) {
      index.reserve(index_size);
      for (std::string& p : index_pieces) {
        index += p;
        p = std::string();
      }
    }
    return index;
  };

  // Script form for file://, where fetch() of the JSON files is refused.
  if (options.script_index) {
    out["search/index.js"] = index_script(joined_index(), store.meta);
    out["search/words.js"] = words_script(words);
    for (size_t k = 0; k < store.chunks.size(); ++k) out[chunk_path(k, ".js")] = chunk_script(k, store.chunks[k]);
  }
  // Linked to the cache's copy or written now when the build streams its
  // output; else moved, not copied: the index alone is 28 MB at 10,000 pages.
  auto emit = [&](const std::string& rel, size_t size, auto&& bytes) {
    const std::string path = "search/" + rel;
    if (fs::StagingArea* staged_out = options.staged_output) {
      const std::filesystem::path cached = cache_files.file(rel);
      if (!cached.empty() && staged_out->link(path, cached, size)) return;
      if (staged_out->write(path, bytes())) return;
    }
    out[path] = std::move(bytes());
  };
  emit("index.json", index_size, joined_index);
  emit("meta.json", store.meta.size(), [&]() -> std::string& { return store.meta; });
  emit("words.json", words.size(), [&]() -> std::string& { return words; });
  for (size_t k = 0; k < store.chunks.size(); ++k) {
    emit("docs/" + std::to_string(k) + ".json", store.chunks[k].size(),
         [&]() -> std::string& { return store.chunks[k]; });
    store.chunks[k] = std::string();
  }
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

bool StagedSearchCache::install(diag::Diagnostics& diags) {
  if (cache_dir_.empty()) return true;
  const bool ok = install_cache(cache_dir_, label_, diags);
  cache_dir_.clear();
  return ok;
}

}  // namespace qahub::search
