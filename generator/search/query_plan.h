#pragma once
/// How a practitioner's query is read, shared by `qahub search` and mirrored
/// by the page's search.js (keep the two in step):
/// - words are lunr-tokenized (lower-case, split on spaces and '-') and
///   trimmed like index tokens; the index's stop words are dropped;
/// - a word matches an index term equal to its stem or to the stem of a
///   one-word synonym (data/search/synonyms.json), or, for words of 3+ units,
///   a term starting with the typed word or its stem ("safeguar" finds
///   "safeguard", "hypotheses" finds "hypothesi");
/// - a half-typed word whose stem is not a term ("safeguardi", on the way
///   to "safeguarding", whose stem is "safeguard") also matches terms starting
///   with its longest truncation (at most 3 units shorter, at least 4 long)
///   that is a term, or failing that, when no term starts with the word or
///   its stem, its longest such truncation that some term starts with;
/// - every word must match (AND); a page matching more words in its title
///   ranks first.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "search/synonyms.h"

namespace qahub::search {

struct QueryWord {
  std::string text;                   ///< trimmed, lower-cased (UTF-8)
  std::vector<std::string> exact;     ///< index terms that match exactly
  std::vector<std::string> prefixes;  ///< index terms starting with these match
};

/// Questions about the index vocabulary, for the fallback above.
struct Vocabulary {
  std::function<bool(const std::string& term)> has_term;
  std::function<bool(const std::string& prefix)> has_prefix;  ///< any term starts with it
};

/// Plans a query; `stop_words` is the index's list.
std::vector<QueryWord> plan_query(std::string_view query, const std::vector<std::string>& stop_words,
                                  const SynonymTable& synonyms, const Vocabulary* vocabulary = nullptr);

/// Whether an index term satisfies a word.
bool word_matches_term(const QueryWord& word, std::string_view term);

/// A plain-text excerpt of about `width` characters around the first word of
/// `text` that matches a query word ("" when none matches), and how many
/// distinct query words occur in `text`.
struct ExcerptMatch {
  size_t words_matched = 0;
  std::string excerpt;
};
ExcerptMatch find_excerpt(std::string_view text, const std::vector<QueryWord>& words, size_t width = 200);

}  // namespace qahub::search
