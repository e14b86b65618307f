#pragma once
/// Checks of audit figures against the site's targets (qahub.yaml
/// `targets`): they need the config, which records/ does not read, so they
/// run with the record pages. The rest of the figures' checks are the cycle
/// loader's (records/load_cycles.cc).
#include "diag/diagnostics.h"
#include "figures/options.h"
#include "record_pages/record_pages.h"
#include "records/model.h"

namespace qahub::record_pages {

/// Warns where a cycle's, or a breakdown row's, moderation rate is below the
/// target. No target: no warning; no audits completed: never checked.
void check_figure_targets(const records::Records& records, const figures::FigureOptions& options,
                          diag::Diagnostics& diags);

}  // namespace qahub::record_pages
