#pragma once
/// The page's document store, split so the search page fetches little before
/// its first results (README §7):
///
/// - `search/meta.json`, always loaded with the index: the query planner's
///   data and where each document's entry lives,
///     {"stopWords": [...], "synonyms": [["CIN", "child in need"], ...],
///      "documents": 128, "chunks": [0, 4, 9, ...]}
///   ("chunks" holds the first ref of every chunk, ascending);
/// - `search/docs/K.json`, chunk K: the entries of refs chunks[K] up to the
///   next chunk's first ref, in document (URL) order,
///     [{"u": "/framework/values/", "t": "Our values", "s": "Framework",
///       "d": "description", "h": [["", "", "intro text"],
///                                 ["why-values", "Why values", "text"]]}, ...]
///   fetched only for the results shown;
/// - for file:// (browsers refuse fetch() there) `search/index.js` holds the
///   index and meta and `search/docs/K.js` each chunk, as scripts.
///
/// Refs in the lunr index are positions in document order. Section texts are
/// cut at kMaxSectionText bytes (at a word boundary): they feed excerpts and
/// the choice of deep link, not the index.
#include <filesystem>
#include <string>
#include <vector>

#include "search/documents.h"

namespace qahub::search {

inline constexpr size_t kMaxSectionText = 2000;

/// A chunk is closed once its entries reach this many bytes (before gzip):
/// small enough that the 20 results of a first page, at worst all in
/// different chunks, stay within the page's byte budget (bench/budget.js),
/// large enough that neighbouring pages of a section often share one.
inline constexpr size_t kChunkBytes = 6000;

/// One document entry as JSON text.
std::string doc_entry_json(const IndexedDoc& doc);

/// The store: meta.json and the chunks' JSON texts.
struct DocStore {
  std::string meta;
  std::vector<std::string> chunks;
};

/// Splits the entries by document order: a chunk takes entries until it
/// holds kChunkBytes (always at least one), so the split depends only on the
/// entries' bytes.
DocStore doc_store(const std::vector<IndexedDoc>& docs, const SynonymTable& synonyms);

/// "search/docs/K.json" (or ".js").
std::string chunk_path(size_t chunk, const char* extension);

/// `window.QAHUB_SEARCH = {"index": INDEX, "meta": META};`
std::string index_script(const std::string& index_json, const std::string& meta_json);

/// `(window.QAHUB_DOCS = window.QAHUB_DOCS || {})[K] = CHUNK;`, a chunk as a
/// script for file://.
std::string chunk_script(size_t chunk, const std::string& chunk_json);

/// `window.QAHUB_WORDS = WORDS;`, search/words.js: the suggestion words for
/// sites opened from disk, added as a script only when a query needs them.
std::string words_script(const std::string& words_json);

/// SITE/.qahub/search: what a build leaves for `qahub search` (index.json,
/// meta.json, docs/K.json, words.json: the page's own files).
std::filesystem::path search_cache_path(const std::filesystem::path& cache_dir);

/// `text` cut to at most `max` bytes at a UTF-8 boundary, preferring the last
/// space, with "…" appended when cut.
std::string truncate_text(const std::string& text, size_t max);

}  // namespace qahub::search
