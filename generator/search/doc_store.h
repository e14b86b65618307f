#pragma once
/// The page's document store, `search/docs.json`, and `search/index.js`, the
/// script form of index + store that lets search work from file:// (browsers
/// refuse fetch() there). Refs in the lunr index are positions in "docs".
///
///   {"stopWords": [...], "synonyms": [["CIN", "child in need"], ...],
///    "docs": [{"u": "/framework/values/", "t": "Our values", "s": "Framework",
///              "d": "description", "h": [["", "", "intro text"],
///                                        ["why-values", "Why values", "text"]]}]}
///
/// Section texts are cut at kMaxSectionText bytes (at a word boundary): they
/// feed excerpts and the choice of deep link, not the index.
#include <filesystem>
#include <string>
#include <vector>

#include "search/documents.h"

namespace qahub::search {

inline constexpr size_t kMaxSectionText = 2000;

/// One entry of "docs" as JSON text.
std::string doc_entry_json(const IndexedDoc& doc);

/// docs.json text.
std::string docs_json(const std::vector<IndexedDoc>& docs, const SynonymTable& synonyms);

/// `window.QAHUB_SEARCH = {"index": INDEX, "docs": DOCS};`
std::string index_script(const std::string& index_json, const std::string& docs_json);

/// `window.QAHUB_WORDS = WORDS;`, search/words.js: the suggestion words for
/// sites opened from disk, added as a script only when a query needs them.
std::string words_script(const std::string& words_json);

/// SITE/.qahub/search: what a build leaves for `qahub search` (index.json,
/// docs.json, words.json: the page's own files).
std::filesystem::path search_cache_path(const std::filesystem::path& cache_dir);

/// `text` cut to at most `max` bytes at a UTF-8 boundary, preferring the last
/// space, with "…" appended when cut.
std::string truncate_text(const std::string& text, size_t max);

}  // namespace qahub::search
