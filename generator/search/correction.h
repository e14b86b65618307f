#pragma once
/// The corrected query "did you mean" offers ("return interview" for
/// "return interveiw"), shared by `qahub search` (query.cc) and mirrored by
/// the page's search.js (correctionOrder, correction; keep them in step):
/// built word by word from the suggestion words (suggest.h), each
/// combination run as a query, the first that has results offered.
///
///   std::string text = correct_query(words, lost, nearest, [&](const std::string& q) { return has_results(q); });
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "search/query_plan.h"

namespace qahub::search {

/// At most this many corrected queries are tried for results.
inline constexpr size_t kMaxCorrectionsTried = 27;
/// Alternatives per word are cut so combinations stay under this.
inline constexpr size_t kMaxCorrectionCombinations = 81;

/// The order in which to try corrected queries: `choices[i]` is how many
/// choices word i has (its nearest words, best first, or the word itself),
/// each result one choice per word. Fewest steps from the best choices
/// first (sum of ranks), ties with the earlier words' better choices first;
/// at most kMaxCorrectionsTried. search.js's correctionOrder is the same.
std::vector<std::vector<size_t>> correction_order(const std::vector<size_t>& choices);

/// The corrected query offered with the suggestions ("return interview" for
/// "return interveiw"), "" when there is none: word by word, a word that
/// finds nothing by its own terms takes one of its nearest words (or, when
/// the half-typed guess found it pages, may stay), other words stay; the
/// first combination in correction_order() that has results wins, else the
/// first combination. `lost[i]`: word i finds nothing by its own terms;
/// `nearest[i]`: its suggestion words; `has_results` runs a query.
std::string correct_query(const std::vector<QueryWord>& words, const std::vector<bool>& lost,
                          const std::vector<std::vector<std::string>>& nearest,
                          const std::function<bool(const std::string&)>& has_results);

}  // namespace qahub::search
