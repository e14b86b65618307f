#pragma once
/// Cross-references between records. Every relation is an id (or a
/// "record/item" reference to a finding, recommendation, key learning point or
/// decision); a dangling one is an error with a "did you mean". What each
/// kind names comes from its struct's references(), what it offers to be
/// cited from its citable() (records/kind_store.h), so these checks name no
/// kind.
///
///   data/meetings/x.json:3:12: error: unknown forum "practise-board"; did you mean "practice-board"?
#include <map>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "records/model.h"
#include "records/records.h"

namespace qahub::records {

/// Fills records.cited from the citable() of each kind's records, kinds in
/// table order (two records sharing an id are an error; the first keeps it).
void index_citations(Records& records, const std::vector<DataKind>& kinds);

/// The kinds whose records others cite (a brief's `source`, an action's
/// `source`), in table order.
std::vector<const DataKind*> cited_kinds(const std::vector<DataKind>& kinds);

/// Reports every dangling reference. `broken` holds ids (by kind) of records
/// that failed to load, which are not reported again; `content_sources` are
/// the content pages records may name ("content/learning/x.md"). Needs
/// records.cited (index_citations).
void check_references(const Records& records, const std::vector<DataKind>& kinds, const RecordIds& broken,
                      const std::set<std::string>& content_sources, diag::Diagnostics& diags);

}  // namespace qahub::records
