#pragma once
/// `qahub search [--site DIR] [--json] [--limit N] QUERY`: the page's search
/// in the terminal. It reads what the last build left in SITE/.qahub/search
/// (the page's index.json, meta.json, docs/K.json chunks and words.json), plans the query as
/// search.js does (query_plan.h) and scores it with lunr's own Index.query
/// (lunr_query.h), so results, order and scores are the page's. When nothing
/// matches, it suggests the nearest indexed words (suggest.h).
///
///   SearchOutcome result;
///   std::string error;
///   if (!search_site_index(site / ".qahub", "CIN plan", 10, result, error)) ...
///
/// lunr's query syntax (`title:`, `+`, `-`, `*`, `~`, `^`) is plain text
/// here and on the page alike: practitioners paste text with '-' and ':'.
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
  double score = 0;     ///< lunr's score, as on the page
  int title_words = 0;  ///< query words found in the title
};

struct SearchOutcome {
  std::vector<SearchHit> hits;  ///< at most `limit`
  size_t total = 0;             ///< all matching pages
  /// Per query word that matches no indexed word by its own terms (with or
  /// without results: a half-typed guess may have found pages), the nearest
  /// indexed words (suggest.h), most frequent first.
  std::vector<std::pair<std::string, std::vector<std::string>>> suggestions;
  /// With suggestions, the corrected query built from them word by word
  /// ("return interview" for "return interveiw"), preferring one that has
  /// results; "" when some word that finds nothing has no nearest word.
  std::string correction;
};

/// Runs `query` against the search cache of the build cache `cache_dir`
/// (SITE/.qahub). `limit` ≤ 0 means all. Returns false with a lower-case
/// `error` when there is no cache or it is damaged.
bool search_site_index(const std::filesystem::path& cache_dir, const std::string& query, int limit,
                       SearchOutcome& outcome, std::string& error);

/// The CLI's `qahub search`. Prints one block per result (title, URL,
/// excerpt) or, with `json`, {"query", "total", "results": [{title, url,
/// section, excerpt, score}], "suggestions": [{"word", "nearest": [...]}],
/// "correction"} ("" without one); text output prints `did you mean:
/// CORRECTION (or OTHER, …)`, or `WORD → NEAREST, …` per word without one. Returns 0 (also when nothing matched), 1
/// with `error: no search index in SITE/.qahub/search; run qahub build first` when no index exists, or 1 with another
/// `error: …` line for an empty query or a damaged search cache.
int run_search_command(const std::filesystem::path& cache_dir, const std::string& query, bool json, int limit,
                       std::ostream& out, std::ostream& err);

}  // namespace qahub::search
