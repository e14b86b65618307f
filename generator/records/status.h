#pragma once
/// Action status against `--as-of`, and the date-driven warnings (overdue
/// actions, missed forum cadence, terms of reference past review, duplicated
/// open actions).
///
/// Shown status: complete if the latest entry is complete; otherwise overdue
/// if due < as_of; due soon if as_of ≤ due ≤ as_of + 14 days; otherwise the
/// latest entry (open, in progress, carried forward). Entries dated after
/// as_of are not yet known, so a build "as of" an earlier date shows the
/// register as it stood then.
#include <optional>
#include <string>

#include "base/date.h"
#include "diag/diagnostics.h"
#include "records/model.h"

namespace qahub::records {

/// Days ahead of as_of within which an action is "due soon".
inline constexpr long kDueSoonDays = 14;

/// The latest status entry dated on or before `date`, or nullopt if none.
std::optional<Status> status_on(const Action& action, base::Date date);
/// The due date as of `as_of`: the last reschedule (due_history) dated on or
/// before it, else the date first set. A build "as of" an earlier date shows
/// the due date as it then stood.
base::Date due_on(const Action& action, base::Date as_of);
/// When a standing action (`recurs`) next needs a status entry: its last
/// entry on or before as_of plus its period; nullopt for an action that completes.
std::optional<base::Date> review_due(const Action& action, base::Date as_of);
/// The status shown in the register; a standing action is overdue only when
/// its review is (review_due), never due soon.
Status shown_status(const Action& action, base::Date as_of);
/// Text label, never colour alone: "open", "in progress", "complete",
/// "carried forward", "overdue", "due soon".
std::string status_label(Status status);
/// CSS-safe key: "open", "in-progress", "complete", "carried-forward", "overdue", "due-soon".
std::string status_key(Status status);

/// Date of the first entry with status complete, if any.
std::optional<base::Date> completed_on(const Action& action);

/// True when two titles say nearly the same thing (case, punctuation and
/// small edits ignored).
bool near_identical(const std::string& a, const std::string& b);

/// Warnings against as_of: actions past due and not complete; forums whose
/// cadence was missed; terms of reference past their review date; open
/// actions with the same source and near-identical wording. With
/// `meetings_complete` false (a meeting file failed to load) cadence is not
/// checked, so one broken file does not also report its forum as silent.
void check_dates(const Records& records, base::Date as_of, diag::Diagnostics& diags, bool meetings_complete = true);

}  // namespace qahub::records
