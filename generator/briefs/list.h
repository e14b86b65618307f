#pragma once
/// The `{{< briefs >}}` block: every published brief, grouped by the kind of
/// record it was made from and by tag, as plain links (no JavaScript).
#include <string>
#include <vector>

#include "briefs/briefs.h"
#include "diag/diagnostics.h"
#include "templating/templates.h"

namespace qahub::briefs {

/// templates/briefs/list.mustache with every brief of `briefs`.
/// Groups follow the kinds table (`kinds`: the cited kinds, their headings).
std::string list_html(const templating::Templates& templates, const std::vector<Listed>& briefs,
                      diag::Diagnostics& diags,
                      const std::vector<record_pages::RecordKind>& kinds = record_pages::record_kinds());

}  // namespace qahub::briefs

namespace qahub::record_pages {
struct RecordPages;
}

namespace qahub::briefs {

/// Adds "Learning briefs made from this" (each brief with its use count) to
/// the page of every record (of a cited kind) a published brief was made from.
/// (templates/briefs/record-list.mustache.)
void add_to_record_pages(const Result& briefs, const templating::Templates& templates, record_pages::RecordPages& pages,
                         diag::Diagnostics& diags,
                         const std::vector<record_pages::RecordKind>& kinds = record_pages::record_kinds());

}  // namespace qahub::briefs
