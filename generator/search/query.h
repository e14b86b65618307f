#pragma once
/// `qahub search [--site DIR] [--json] [--limit N] QUERY`: searches the Xapian
/// database made from what the last build left in SITE/.qahub/search
/// (xapian_db.h), reading the query as the page does (query_plan.h): all
/// words required, prefixes, synonyms, title matches first.
///
///   std::vector<SearchHit> hits;
///   std::string error;
///   if (!search_site_index(site / ".qahub", "CIN plan", 10, hits, error)) ...
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace qahub::search {

struct SearchHit {
  std::string title;
  std::string url;      ///< with "#section-id" when the best section is not the first
  std::string section;  ///< the site section shown beside the title
  std::string excerpt;  ///< plain text around the first match
  double score = 0;     ///< Xapian BM25 weight
  int title_words = 0;  ///< query words found in the title
};

/// Runs `query` against the database at `db_path`. `limit` ≤ 0 means all.
/// Returns false with a lower-case `error` when the database cannot be read.
bool search_database(const std::filesystem::path& db_path, const std::string& query, int limit,
                     std::vector<SearchHit>& hits, std::string& error, size_t* total = nullptr);

/// Runs `query` against the database of the build cache `cache_dir`
/// (SITE/.qahub), first writing the database when this build has none yet
/// (saying so on `log`).
bool search_site_index(const std::filesystem::path& cache_dir, const std::string& query, int limit,
                       std::vector<SearchHit>& hits, std::string& error, size_t* total = nullptr,
                       std::ostream* log = nullptr);

/// The CLI's `qahub search`. Prints one block per result (title, URL,
/// excerpt) or, with `json`, {"query", "total", "results": [{title, url,
/// section, excerpt, score}]}. Returns 0 (also when nothing matched), 1 with
/// `error: no search index in SITE/.qahub/search; run qahub build first` when
/// no index exists, or 1 with another `error: …` line for an empty query or a
/// damaged database.
int run_search_command(const std::filesystem::path& site_dir, const std::string& query, bool json, int limit,
                       std::ostream& out, std::ostream& err);

}  // namespace qahub::search
