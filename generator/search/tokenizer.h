#pragma once
/// lunr.js 2.3.9's text pipeline, exactly: `lunr.tokenizer` (JS toLowerCase,
/// split on JS `\s` and '-'), `lunr.trimmer` (ASCII `\W` at both ends),
/// qahub's `possessive` pipeline function (below), a stop-word filter
/// (checked after that, before stemming) and `lunr.stemmer`. Tokens that
/// trim to "" are kept, as lunr keeps them.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "search/lunr_stem.h"

namespace qahub::search {

/// One token as lunr.tokenizer makes it: lower-cased text plus its position
/// [start, length] in UTF-16 units of the lower-cased field text.
struct Token {
  std::u16string text;
  uint32_t start = 0;
  uint32_t length = 0;
  uint32_t index = 0;  ///< the token's number within the field, before filtering
};

/// lunr.tokenizer on a string (lower-cases first).
std::vector<Token> tokenize(std::u16string_view text);

/// lunr.trimmer: strips ASCII `\W` units from both ends.
std::u16string_view trim_token(std::u16string_view token);

/// The name the `possessive` pipeline function is registered under in
/// lunr.js (themes/default/assets/search.js registers it before
/// `lunr.Index.load`: the serialized search pipeline names it).
inline constexpr const char* kPossessiveFunction = "possessive";

/// The `possessive` pipeline function: "'s" or "’s" at the end of a token
/// (3+ units) is dropped, else a final "'" or "’" (2+ units): "father's",
/// "father’s" and "fathers'" fold to "father", "fathers". Why: practitioners
/// type "child's plan" and "father's view", often with a curly apostrophe,
/// and lunr's stemmer alone makes "child'" of "child's", which "childs" and
/// "child" never find. In the index pipeline it runs after the trimmer and
/// before the stop-word filter ("it's" is "it", a stop word); in the search
/// pipeline before the stemmer.
std::u16string_view fold_possessive(std::u16string_view token);

/// lunr's 119 English stop words (lunr.stopWordFilter), in lunr's order.
const std::vector<std::string>& lunr_stop_words();

/// The stop words the qahub index uses: lunr's list minus words that carry
/// meaning in children's-services guidance ("must", "should", "who", "not",
/// "no", ...). Emitted in the corpus JSON so lunr.js rebuilds the same index.
const std::vector<std::string>& qahub_stop_words();

/// The index pipeline (trimmer → possessive → stop-word filter → stemmer)
/// over tokens. Stop words are compared after trimming and folding.
class Analyzer {
 public:
  explicit Analyzer(const std::vector<std::string>& stop_words);

  /// Tokenizes and runs the pipeline; surviving tokens keep their metadata.
  std::vector<Token> analyze(std::u16string_view text);
  /// One query word through the stemmer alone (the search pipeline's
  /// possessive step is the caller's: the query planner folds first).
  const std::u16string& stem(const std::u16string& word) { return stems_.stem(word); }
  bool is_stop_word(const std::u16string& trimmed) const { return stems_.is_stop_word(trimmed); }
  /// The words analysed so far, with stems and counts (StemCache::entries).
  const StemCache& stems() const { return stems_; }

 private:
  StemCache stems_;  ///< the stop words too
};

}  // namespace qahub::search
