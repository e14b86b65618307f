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
  std::string text;    ///< the item's text (or the record's title)
  std::string url;     ///< page URL with #fragment
};

/// Every referable record and item, keyed "record" or "record/item".
std::map<std::string, RefTarget> build_ref_index(const Records& records);

/// Reports every dangling reference. `broken` holds ids (by kind) of records
/// that failed to load, which are not reported again. `url_for_content` may be
/// empty (then content paths are not checked).
void check_references(const Records& records, const std::map<std::string, std::set<std::string>>& broken,
                      const std::function<std::string(const std::string&)>& url_for_content, diag::Diagnostics& diags);

}  // namespace qahub::records
