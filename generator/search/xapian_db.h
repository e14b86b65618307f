#pragma once
/// The Xapian database behind `qahub search`, in the build cache, never in
/// the published tree (its files are not byte-stable).
///
/// A build does not write the database itself: it leaves the two files the
/// database is made from in SITE/.qahub/search/ (corpus.json, the lunr corpus
/// of `--search-corpus`, and docs.json, the page's document store), and the
/// first `qahub search` after the build indexes them into
/// SITE/.qahub/search/xapian/. Why: the Xapian write was 40% of a build's CPU
/// at 10,000 pages (3.5–4 s of postings inserts), and CI and `serve`, which
/// rebuild on every commit and keystroke, never query it. Each build replaces
/// the whole directory, so a database can never be older than its sources.
///
/// Terms are the lunr index's own terms (same analysis: index_corpus), so the
/// terminal and the page share one vocabulary. A term's wdf is its count
/// times the field's lunr boost (title 10, tags 5, headings 3, body 1,
/// keywords 1). Value slot kTitleTermsSlot holds the title's terms,
/// space-separated (lunr terms never contain a space), so a title match can
/// rank first without a termlist table (DB_NO_TERMLIST). lunr indexes "" and
/// arbitrarily long terms, which Xapian refuses: "" is left out and terms
/// over kMaxTermBytes are shortened with a hash (xapian_term). Metadata
/// "qahub:stopwords" and "qahub:synonyms" carry the build's lists.
#include <filesystem>
#include <string>
#include <string_view>

namespace qahub::search {

inline constexpr size_t kMaxTermBytes = 240;
inline constexpr unsigned kTitleTermsSlot = 0;

/// prefix + term as stored in Xapian: "" for an empty term (not stored);
/// terms longer than kMaxTermBytes become their first ~200 bytes (at a UTF-8
/// boundary) + "#" + 16 hex digits of a 64-bit FNV-1a hash of the whole term.
std::string xapian_term(std::string_view prefix, std::string_view term);

/// SITE/.qahub/search: what a build leaves for `qahub search`.
std::filesystem::path search_cache_path(const std::filesystem::path& cache_dir);
/// The database inside it.
std::filesystem::path search_database_path(const std::filesystem::path& cache_dir);

/// Writes the database from the search cache's corpus.json and docs.json,
/// beside it first and then renamed into place (two searches at once each
/// build their own and the first rename wins). False with a lower-case
/// `error` when the sources are missing or damaged.
bool write_xapian_database(const std::filesystem::path& cache_dir, std::string& error);

}  // namespace qahub::search
