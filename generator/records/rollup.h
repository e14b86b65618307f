#pragma once
/// What the improvement programme's records mean as of a date: each
/// recommendation item's roll-up from the actions that address it, each plan
/// action's progress bucket, and the words for a rescheduled due date. Pages,
/// report blocks and checks all read these, so a register, a plan and a
/// report never disagree.
///
///   Rollup r = rollup(records, "ofsted-2026/o3", as_of);   // Rollup::kInProgress
///   rollup_label(r);                                        // "in progress"
///   rescheduled_words(action);  // "originally 31 August 2011, rescheduled once"
#include <string>
#include <vector>

#include "base/date.h"
#include "records/model.h"

namespace qahub::records {

/// Where a recommendation item stands, from the actions that address it.
enum class Rollup { kNoAction, kInProgress, kCompleteNoImpact, kCompleteWithImpact };

/// Every roll-up, in the order pages count them.
inline constexpr Rollup kRollups[] = {Rollup::kNoAction, Rollup::kInProgress, Rollup::kCompleteNoImpact,
                                      Rollup::kCompleteWithImpact};

/// "no action", "in progress", "actions complete, no impact evidence", "complete with impact".
std::string rollup_label(Rollup r);
/// "no-action", "in-progress", "complete-no-impact", "complete-with-impact".
std::string rollup_key(Rollup r);

/// The actions whose `addresses` name `ref` ("set/item"), by id.
std::vector<const Action*> addressing(const Records& records, const std::string& ref);
/// No addressing action: kNoAction; any not complete as of `as_of`:
/// kInProgress; all complete: with an impact entry dated on or before
/// `as_of` among them, kCompleteWithImpact, else kCompleteNoImpact.
Rollup rollup(const Records& records, const std::string& ref, base::Date as_of);
/// The latest impact entry, on or before `as_of`, of the actions addressing `ref`; null for none.
const Impact* latest_impact(const Records& records, const std::string& ref, base::Date as_of);

/// A plan action's place in a priority's counts, each action in exactly one.
enum class Progress { kComplete, kOnTrack, kOverdue, kRescheduled, kNotStarted };
inline constexpr Progress kProgresses[] = {Progress::kComplete, Progress::kOnTrack, Progress::kOverdue,
                                           Progress::kRescheduled, Progress::kNotStarted};
/// Complete; else overdue; else rescheduled (a reschedule dated on or before
/// `as_of`); else not started (open, or starting after `as_of`); else on track.
Progress progress(const Action& a, base::Date as_of);
/// "complete", "on track", "overdue", "rescheduled", "not started".
std::string progress_label(Progress p);
/// "complete", "on-track", "overdue", "rescheduled", "not-started".
std::string progress_key(Progress p);

/// The reschedules of `a` dated on or before `as_of`.
long reschedules(const Action& a, base::Date as_of);
/// "originally 31 August 2011, rescheduled once" ("twice", "3 times"); "" when
/// not rescheduled as of `as_of`.
std::string rescheduled_words(const Action& a, base::Date as_of);

/// The actions whose source is plan `plan`, by id.
std::vector<const Action*> plan_actions(const Records& records, const std::string& plan);

}  // namespace qahub::records
