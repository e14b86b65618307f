#pragma once
/// Acronyms, synonyms and British/US spellings (data/search/synonyms.json).
///
/// At build time, a page that mentions any variant of a group gets the group's
/// other variants as text in its "keywords" field, so the expansion is part of
/// the corpus and lunr.js rebuilds the same index. At query time (the page's
/// search.js and `qahub search`), a query word whose stem equals a one-word
/// variant also matches the group's other one-word variants.
///
///   {"groups": [["CIN", "child in need", "children in need"],
///               ["organisation", "organization"]]}
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "search/tokenizer.h"

namespace qahub::search {

class SynonymTable {
 public:
  /// Parses the JSON text; reports problems against `path` and returns an
  /// empty table on error.
  static SynonymTable parse(std::string_view text, const std::string& path, diag::Diagnostics& diags);

  const std::vector<std::vector<std::string>>& groups() const { return groups_; }
  bool empty() const { return groups_.empty(); }

  /// The text to append to a document's keywords field: for every group with
  /// a variant in `text`, the group's variants that do not occur, joined by
  /// " ; ". Matching compares stemmed, trimmed tokens (stop words included),
  /// so "Children in Need" matches "child in need".
  std::string expansion_for(std::string_view text) const;

  /// One-word variants (stemmed, UTF-8) equivalent to a query word's stem,
  /// excluding the stem itself.
  std::vector<std::string> alternatives_for_stem(const std::string& stem) const;

  /// The many-word variants (each as its stems, UTF-8) of every group that
  /// has `stem` as a one-word variant, once per such variant, in group order:
  /// excerpts count them as the word (search.js's synonym phrases).
  std::vector<std::vector<std::string>> phrases_for_stem(const std::string& stem) const;

 private:
  std::vector<std::vector<std::string>> groups_;
  /// Per group, per variant: the stemmed trimmed tokens.
  std::vector<std::vector<std::vector<std::u16string>>> stems_;
};

/// Stemmed, trimmed tokens of `text`, possessives folded (tokenizer.h), with
/// no stop-word filter.
std::vector<std::u16string> phrase_stems(std::string_view text);

}  // namespace qahub::search
