#pragma once
/// How a practitioner's query is read, shared by `qahub search` and mirrored
/// by the page's search.js (keep the two in step):
/// - words are lunr-tokenized (lower-case, split on spaces and '-'),
///   trimmed and possessive-folded like index tokens ("father's" is
///   "father", tokenizer.h); the index's stop words are dropped; lunr's
///   query syntax (`title:`, `+`, `*`, `~`, `^`) is plain text;
/// - a word matches an index term equal to its stem or to the stem of a
///   one-word synonym (data/search/synonyms.json), or, for words of 3+ units,
///   a term starting with the typed word or its stem ("safeguar" finds
///   "safeguard", "hypotheses" finds "hypothesi");
/// - a half-typed word whose stem is not a term ("safeguardi", on the way
///   to "safeguarding", whose stem is "safeguard") also matches terms starting
///   with its longest truncation (at most 3 units shorter, at least 4 long)
///   that is a term, or failing that, when no term starts with the word or
///   its stem, its longest such truncation that some term starts with;
/// - a hyphenated word ("co-production") is a compound: it matches its joined
///   form ("coproduction", which the index also holds for every hyphenated
///   word it meets, compounds.h) or all of its parts;
/// - "record-id/anchor" (an id with a '-' in it, then '/' and an anchor of
///   a–z, 0–9, '_' or '-') searches the id and links its page to the anchor;
/// - every word must match (AND); a page matching more words in its title
///   ranks first.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "search/synonyms.h"

namespace qahub::search {

struct QueryWord {
  std::string text;                   ///< trimmed, lower-cased (UTF-8); a compound's joined form
  std::vector<std::string> exact;     ///< index terms that match exactly
  std::vector<std::string> prefixes;  ///< index terms starting with these match
  /// A compound's parts (stop words left out); empty for other words. A
  /// compound is found by its own terms or by every part.
  std::vector<QueryWord> parts;
  /// Set when a prefix came from the half-typed fallback (a guess, so
  /// suggestions are offered too).
  bool guessed = false;
  /// "record-id/anchor" ("2026-27-cycle-1/kl1"): the id is searched (this
  /// word), and a page whose URL ends in the id links to the anchor.
  std::string record, anchor;
  /// Many-word synonyms of the word, as stems ("child in need" for "CIN"):
  /// the index has them as keywords already; excerpts count them as the word.
  std::vector<std::vector<std::string>> phrases;
};

/// Questions about the index vocabulary, for the fallback above.
struct Vocabulary {
  std::function<bool(const std::string& term)> has_term;
  std::function<bool(const std::string& prefix)> has_prefix;  ///< any term starts with it
};

/// Plans a query; `stop_words` is the index's list.
std::vector<QueryWord> plan_query(std::string_view query, const std::vector<std::string>& stop_words,
                                  const SynonymTable& synonyms, const Vocabulary* vocabulary = nullptr);

/// Whether an index term satisfies a word (its own terms or, for a
/// compound, a part's); for excerpts and title counting.
bool word_matches_term(const QueryWord& word, std::string_view term);

/// Whether a page whose matched terms are `terms` has the word: one of its
/// own terms, or for a compound one term for every part.
bool word_found(const QueryWord& word, const std::vector<std::string_view>& terms);

/// A plain-text excerpt of about `width` characters around the first word of
/// `text` that matches a query word ("" when none matches), and how many
/// distinct query words occur in `text`.
struct ExcerptMatch {
  size_t words_matched = 0;
  std::string excerpt;
};
ExcerptMatch find_excerpt(std::string_view text, const std::vector<QueryWord>& words, size_t width = 200);

}  // namespace qahub::search
