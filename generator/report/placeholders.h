#pragma once
/// What each `TODO:` placeholder found while loading means (diag/placeholders.h),
/// said once the report pass knows which pages are drafts and what a
/// publication draws on:
///
///   warning  in a page or record: it would be published as written;
///   notice   in a draft report or draft brief: drafts are where they belong,
///            so `build --strict --drafts` passes on a hub in progress;
///   error    under `qahub publish`, in the report and in every record it
///            draws on (a record whose id its snapshot names, or a narrative
///            beside one): a publication never carries one.
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "content/pages.h"
#include "diag/diagnostics.h"
#include "records/model.h"

namespace qahub::report {

/// The report being published and its snapshot (null `report`: not publishing).
struct Publishing {
  const std::string* report = nullptr;
  const nlohmann::json* snapshot = nullptr;
};

/// Reports every placeholder of the pages in `content` (those built) and of
/// `records`. `draft_reports` are the sources of the draft reports kept.
void report_placeholders(const content::ContentSet& content, const records::Records& records,
                         const std::set<std::string>& draft_reports, const Publishing& publishing,
                         diag::Diagnostics& diags);

}  // namespace qahub::report
