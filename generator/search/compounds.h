#pragma once
/// Words written two ways: "anti-social" and "antisocial", "co-production"
/// and "coproduction", "re-audit" and "reaudit". lunr splits text at '-', so
/// a hyphenated word is indexed as its parts and a closed one as one term;
/// neither finds the other. A general rule, not synonym entries: the index
/// also holds every hyphenated word's joined form as a keyword (this file),
/// and the query plan searches a hyphenated query word as its joined form
/// too (query_plan.h). The keywords are in the corpus, so lunr.js rebuilds
/// the same index.
#include <string>
#include <string_view>

namespace qahub::search {

/// The joined forms of the hyphenated words in `text`, space-separated, each
/// once, in first-seen order: a word is a run between JS whitespace with a
/// '-' in it and at least two parts left after lunr's trimmer
/// ("co-production," → "coproduction,"; "-", "x-" and "--" have none).
/// Cost: a scan for '-'; text without one is not decoded.
std::string joined_compounds(std::string_view text);

/// Adds `joined_compounds(text)` to `words` (space-separated, no repeats).
void add_joined_compounds(std::string_view text, std::string& words);

}  // namespace qahub::search
