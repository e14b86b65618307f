#pragma once
/// The `{{< briefs >}}` block: every published brief, grouped by the kind of
/// record it was made from and by tag, as plain links (no JavaScript).
#include <string>
#include <vector>

#include "briefs/briefs.h"

namespace qahub::briefs {

std::string list_html(const std::vector<Listed>& briefs);

}  // namespace qahub::briefs

namespace qahub::record_pages {
struct RecordPages;
}

namespace qahub::briefs {

/// Adds "Learning briefs made from this" (each brief with its use count) to
/// the page of every cycle, audit and meeting a published brief was made from.
void add_to_record_pages(const Result& briefs, record_pages::RecordPages& pages);

}  // namespace qahub::briefs
