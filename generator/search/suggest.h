#pragma once
/// "Did you mean" for queries whose words find nothing, on the page and in
/// `qahub search` alike (search.js mirrors nearest_words).
///
/// The build writes search/words.json: every surface form the index pipeline
/// met ("chronology", "chronologies", never the stem "chronolog"), plain a–z
/// words of 3+ letters only, most frequent stem first and, within a stem, its
/// most used form first; at most kMaxSuggestionWords. Every form, not only
/// the most used: "interveiw" is 2 edits from "interview", 3 from
/// "interviews". It is read only when a query word finds no indexed word, so
/// ordinary searches never load it.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace qahub::search {

inline constexpr size_t kMaxSuggestionWords = 20000;

/// Trimmed surface token → (its stem, how often the index pipeline saw it).
using SurfaceCounts = std::unordered_map<std::u16string, std::pair<std::u16string, uint64_t>>;

/// The words.json list from what the analyzers saw.
std::vector<std::string> suggestion_words(const SurfaceCounts& counts);

/// words.json text: a JSON array of strings, one line, no newline.
std::string suggestion_words_json(const std::vector<std::string>& words);

/// Up to 3 of `words` (in their order: most frequent first) within edit
/// distance 1 of `word` (2 for words of 5+ units; none under 3), other than
/// `word` itself, one per stem (lunr_stem): "father", then not "fathers".
/// Distances count UTF-16 units (Levenshtein).
std::vector<std::string> nearest_words(const std::string& word, const std::vector<std::string>& words);

}  // namespace qahub::search
