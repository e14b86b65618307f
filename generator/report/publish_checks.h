#pragma once
/// What `qahub publish` refuses, once the report and its cycle are known
/// (report.cc calls these for the request's report). A report is published
/// once: a second publish is refused in favour of --correct or --withdraw;
/// a cycle that has not ended, or records no audits, is published only with
/// `--early "reason"`, which the snapshot keeps and the cover prints; the
/// approving decision must be a decision of a recorded meeting.
///
///   nlohmann::json approval;
///   if (check_publish(req, page, &cycle, records, as_of, existing, diags, approval)) ...
#include <nlohmann/json.hpp>

#include "base/date.h"
#include "content/pages.h"
#include "diag/diagnostics.h"
#include "records/model.h"
#include "report/report.h"

namespace qahub::report {

/// Checks `req` against the report `page` of `cycle` and its snapshot on
/// disk (`existing`, null if none): an error at the page, the cycle or the
/// snapshot for each refusal; `new_version` is a quarterly publication's next
/// version, so its page being published already is no refusal. Publishing, sets `approval` to what the
/// snapshot's "approval" keeps. True when nothing was refused.
bool check_publish(const PublishRequest& req, const content::Page& page, const records::Cycle* cycle,
                   const records::Records& records, base::Date as_of, const nlohmann::json& existing,
                   diag::Diagnostics& diags, nlohmann::json& approval, bool new_version = false);

}  // namespace qahub::report
