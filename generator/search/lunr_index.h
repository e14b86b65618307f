#pragma once
/// A lunr.js 2.3.9 `lunr.Builder` in C++. `to_json()` returns exactly what
/// `JSON.stringify(builder.build())` returns in node for the same fields,
/// boosts, metadata whitelist, stop words and documents (added in the same
/// order). Emission rules: generator/search/README.md §1 and §4.3.
///
///   LunrIndexBuilder b({{"title", 10}, {"body", 1}}, {}, qahub_stop_words());
///   b.add("0", {"Child in need", "A child in need plan ..."}, 1);
///   std::string json = b.to_json();
///
/// Cost: O(tokens) to add, O(terms log terms + postings) to serialize; stems
/// are memoized.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "search/tokenizer.h"
#include "search/word_table.h"

namespace qahub::search {

struct FieldSpec {
  std::string name;
  double boost = 1;  ///< lunr uses `boost || 1`, so 0 means 1
};

class LunrIndexBuilder {
 public:
  /// `metadata_whitelist`: lunr's `builder.metadataWhitelist` ("position",
  /// "index" and "fields" are known; other keys store null, as in lunr).
  LunrIndexBuilder(std::vector<FieldSpec> fields, std::vector<std::string> metadata_whitelist,
                   const std::vector<std::string>& stop_words);

  /// Adds one document. `field_texts[i]` is the text of the i-th field as
  /// declared (missing entries count as empty); UTF-8. Refs must be unique.
  void add(const std::string& ref, const std::vector<std::string>& field_texts, double boost = 1);

  /// add() in two steps, so documents can be analysed on several threads
  /// (one Analyzer each) and added in order: analyze() touches no builder
  /// state, add_analyzed() is what add() does with its result.
  using AnalyzedFields = std::vector<std::vector<Token>>;  ///< by declared field
  static AnalyzedFields analyze(Analyzer& analyzer, const std::vector<std::string>& field_texts);
  void add_analyzed(const std::string& ref, AnalyzedFields fields, double boost = 1);

  /// `JSON.stringify(builder.build())`.
  /// With jobs > 1 the text is written in pieces on that many threads; the same bytes.
  std::string to_json(int jobs = 1) const;
  /// to_json() as consecutive pieces, not joined (with jobs > 1, one per
  /// part written on a thread): for writing to a file without a second copy.
  std::vector<std::string> to_json_pieces(int jobs = 1) const;

  size_t document_count() const { return refs_.size(); }
  size_t term_count() const { return terms_.size(); }

  /// Analyzed terms of one text as the index pipeline makes them (UTF-16).
  Analyzer& analyzer() { return analyzer_; }
  const Analyzer& analyzer() const { return analyzer_; }

  /// The fields in index order (JS key order of the declared ones).
  const std::vector<FieldSpec>& fields() const { return fields_; }
  /// One document's distinct terms in one field (index order) with their
  /// counts.
  const std::vector<std::pair<uint32_t, uint32_t>>& field_terms(size_t doc, size_t field) const {
    return vectors_[doc * fields_.size() + field].term_tf;
  }
  const std::u16string& term_text(uint32_t id) const { return terms_[id].text; }

 private:
  struct Occurrence {
    uint32_t start, length, index;
  };
  /// 8 bytes, not 32: at 10,000 pages there are millions of postings, and
  /// only a metadata whitelist (never qahub's own index) records occurrences.
  struct Posting {
    uint32_t doc;
    uint32_t occurrences;  ///< index into occurrences_ (with a whitelist), else 0
  };
  struct Term {
    std::u16string text;
    std::vector<std::vector<Posting>> postings;  ///< per field, in insertion order
  };
  struct FieldVector {
    std::vector<std::pair<uint32_t, uint32_t>> term_tf;  ///< (term id, tf)
    uint32_t length = 0;
  };

  std::vector<FieldSpec> fields_;    ///< declared order
  std::vector<size_t> field_order_;  ///< Object.keys order of fields_
  std::vector<std::string> whitelist_;
  Analyzer analyzer_;
  std::vector<std::string> refs_;
  std::vector<double> doc_boosts_;
  std::vector<FieldVector> vectors_;                  ///< doc * fields + field position
  std::vector<Term> terms_;                           ///< by _index
  std::vector<std::vector<Occurrence>> occurrences_;  ///< by Posting::occurrences
  WordTable term_ids_;                                ///< numbers as terms_
  std::vector<uint32_t> stamp_;                       ///< per term: last (doc, field) serial + 1
  std::vector<uint32_t> slot_;                        ///< per term: position in the current field vector
};

}  // namespace qahub::search
