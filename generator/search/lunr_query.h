#pragma once
/// lunr.js 2.3.9's `Index.query` in C++, over the index JSON a build writes
/// (search/index.json), so `qahub search` scores exactly as the page does.
/// README.md §9 gives the rules; in short:
/// - a clause's term expands over the index's terms (exact, or every term
///   with the prefix for a trailing `*`) in the order lunr's TokenSet lists
///   them (`LunrIndex::expand`);
/// - each field has a query vector (clause boosts summed per term, over the
///   field's expanded terms), and a document's score is the sum, over its
///   matching fields in the order lunr first meets them, of the dot product
///   with the stored field vector (weights as serialized) divided by the
///   query vector's magnitude;
/// - results are sorted by score, stably, so ties keep the order lunr first
///   meets each document: by clause, expanded term, field, then ref as
///   `Object.keys` lists a posting (integer-like refs ascending).
/// Why not a `Xapian::Weight`: lunr scores with its stored, rounded weights
/// and per-field query vectors, which a Xapian weighting scheme cannot see.
///
///   LunrIndex index;
///   if (!LunrIndex::parse(text, index, error)) ...
///   auto results = index.query({{u"child", 10, LunrPresence::kRequired}});
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace qahub::search {

enum class LunrPresence { kOptional, kRequired, kProhibited };

/// One lunr.Query clause over all fields, with `usePipeline: false`.
struct LunrClause {
  std::u16string term;  ///< ends with '*' for a trailing wildcard
  double boost = 1;
  LunrPresence presence = LunrPresence::kOptional;
};

struct LunrResult {
  uint32_t doc = 0;  ///< position of the ref (LunrIndex::ref)
  double score = 0;
  /// matchData: (term number in terms(), field number) pairs, first-met order.
  std::vector<std::pair<uint32_t, uint32_t>> matches;
};

class LunrIndex {
 public:
  /// Reads `JSON.stringify(idx)` of a lunr 2.3.9 index. False with a
  /// lower-case `error` when it is not one (what lunr.Index.load would refuse
  /// or what its query would throw on: a posting ref with no field vector).
  static bool parse(std::string_view json, LunrIndex& index, std::string& error);

  /// `idx.query(q => clauses.forEach(c => q.term(c.term, {...c, usePipeline: false})))`.
  std::vector<LunrResult> query(const std::vector<LunrClause>& clauses) const;

  /// Term numbers matching `term` ('*' at the end: a prefix) in the order
  /// lunr's `tokenSet.intersect(...).toArray()` gives them.
  std::vector<uint32_t> expand(std::u16string_view term) const;

  bool has_term(std::u16string_view term) const;
  bool has_prefix(std::u16string_view prefix) const;  ///< some term starts with it

  const std::vector<std::string>& fields() const { return fields_; }
  const std::u16string& term(uint32_t id) const { return terms_[id].text; }
  const std::string& ref(uint32_t doc) const { return refs_[doc]; }
  size_t document_count() const { return refs_.size(); }

 private:
  struct Term {
    std::u16string text;
    uint32_t index = 0;                       ///< lunr's _index
    std::vector<std::vector<uint32_t>> docs;  ///< per field: docs in Object.keys order
  };
  using SparseVector = std::vector<std::pair<uint32_t, double>>;  ///< sorted by term index

  uint32_t doc_id(std::string_view ref);

  std::vector<std::string> fields_;
  std::vector<Term> terms_;  ///< in serialized (UTF-16 ascending) order
  std::vector<std::string> refs_;
  std::unordered_map<std::string, uint32_t> ref_ids_;  ///< refs that are not small integers
  std::vector<uint32_t> int_refs_;                     ///< integer ref → doc, UINT32_MAX: none
  std::vector<SparseVector> vectors_;                  ///< doc * fields + field
  std::vector<bool> has_vector_;
};

}  // namespace qahub::search
