#pragma once
/// Cross-references between records. Every relation is an id (or a
/// "record/item" reference to a finding, recommendation, key learning point or
/// decision); a dangling one is an error with a "did you mean".
///
///   data/meetings/x.json:3:12: error: unknown forum "practise-board"; did you mean "practice-board"?
#include <functional>
#include <map>
#include <set>
#include <string>

#include "diag/diagnostics.h"
#include "records/model.h"

namespace qahub::records {

/// What a "record/item" reference points at.
struct RefTarget {
  std::string kind;    ///< "audit", "cycle" or "meeting"
  std::string record;  ///< record id
  std::string item;    ///< item id, "" for the record itself
  std::string label;   ///< "area for development", "recommendation", "key learning point", "decision", "strength"
  std::string text;    ///< the item's text (or the record's title); the item id is its anchor on the record's page
};

/// Every referable record and item, keyed "record" or "record/item".
std::map<std::string, RefTarget> build_ref_index(const Records& records);

/// Reports every dangling reference. `broken` holds ids (by kind) of records
/// that failed to load, which are not reported again; `content_sources` are
/// the content pages records may name ("content/learning/x.md").
void check_references(const Records& records, const std::map<std::string, std::set<std::string>>& broken,
                      const std::set<std::string>& content_sources, diag::Diagnostics& diags);

}  // namespace qahub::records
