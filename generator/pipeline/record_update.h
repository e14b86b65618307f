#pragma once
/// `qahub serve`'s fast path for an edit of records (data/<kind>/…): a
/// field, a reference, a new or a deleted record. Every record is loaded
/// and every record page built again (the records and record pages passes,
/// about 0.1 s each at 10,000 pages), their narratives' links checked, then
/// the record pages that changed (and the content pages whose "referenced
/// by" lists changed) go through apply_page_changes (page_changes.h) with the
/// record files (CSVs) and the review dashboard's notices.
///
/// Anything it cannot show safe needs a full build: a file that is not one
/// record of a kind, any error, a sensitive record (it would be withheld),
/// a record naming a content page as its report (the report pass reads
/// records), a removed record page, anchor or file another page links to.
#include <set>
#include <string>

#include "pipeline/incremental.h"

namespace qahub::pipeline {

/// Applies an edit of the `changed` record files (see above). Used by
/// update_pages when every changed file is a record.
UpdateResult update_records(BuildState& state, const std::set<std::string>& changed, diag::Diagnostics& diags);

}  // namespace qahub::pipeline
