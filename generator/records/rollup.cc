#include "records/rollup.h"

#include "records/status.h"

namespace qahub::records {

std::string rollup_label(Rollup r) {
  switch (r) {
    case Rollup::kNoAction:
      return "no action";
    case Rollup::kInProgress:
      return "in progress";
    case Rollup::kCompleteNoImpact:
      return "actions complete, no impact evidence";
    case Rollup::kCompleteWithImpact:
      return "complete with impact";
  }
  return "no action";
}

std::string rollup_key(Rollup r) {
  switch (r) {
    case Rollup::kNoAction:
      return "no-action";
    case Rollup::kInProgress:
      return "in-progress";
    case Rollup::kCompleteNoImpact:
      return "complete-no-impact";
    case Rollup::kCompleteWithImpact:
      return "complete-with-impact";
  }
  return "no-action";
}

std::vector<const Action*> addressing(const Records& records, const std::string& ref) {
  std::vector<const Action*> out;
  for (const auto& [id, a] : records.actions)
    for (const std::string& r : a.addresses)
      if (r == ref) {
        out.push_back(&a);
        break;
      }
  return out;
}

Rollup rollup(const Records& records, const std::string& ref, base::Date as_of) {
  std::vector<const Action*> actions = addressing(records, ref);
  if (actions.empty()) return Rollup::kNoAction;
  bool impact = false;
  for (const Action* a : actions) {
    if (shown_status(*a, as_of) != Status::kComplete) return Rollup::kInProgress;
    for (const Impact& i : a->impact)
      if (i.date <= as_of) impact = true;
  }
  return impact ? Rollup::kCompleteWithImpact : Rollup::kCompleteNoImpact;
}

const Impact* latest_impact(const Records& records, const std::string& ref, base::Date as_of) {
  const Impact* out = nullptr;
  for (const Action* a : addressing(records, ref))
    for (const Impact& i : a->impact)
      if (i.date <= as_of && (!out || out->date < i.date)) out = &i;
  return out;
}

long reschedules(const Action& a, base::Date as_of) {
  long n = 0;
  for (const Reschedule& r : a.due_history)
    if (r.date <= as_of) ++n;
  return n;
}

std::string rescheduled_words(const Action& a, base::Date as_of) {
  const long n = reschedules(a, as_of);
  if (n == 0) return "";
  const std::string times = n == 1 ? "once" : n == 2 ? "twice" : std::to_string(n) + " times";
  return "originally " + a.original_due.human() + ", rescheduled " + times;
}

Progress progress(const Action& a, base::Date as_of) {
  const Status s = shown_status(a, as_of);
  if (s == Status::kComplete) return Progress::kComplete;
  if (s == Status::kOverdue) return Progress::kOverdue;
  if (reschedules(a, as_of) > 0) return Progress::kRescheduled;
  if (status_on(a, as_of).value_or(Status::kOpen) == Status::kOpen || (a.start && as_of < *a.start))
    return Progress::kNotStarted;
  return Progress::kOnTrack;
}

std::string progress_label(Progress p) {
  switch (p) {
    case Progress::kComplete:
      return "complete";
    case Progress::kOnTrack:
      return "on track";
    case Progress::kOverdue:
      return "overdue";
    case Progress::kRescheduled:
      return "rescheduled";
    case Progress::kNotStarted:
      return "not started";
  }
  return "not started";
}

std::string progress_key(Progress p) {
  std::string k = progress_label(p);
  for (char& c : k)
    if (c == ' ') c = '-';
  return k;
}

std::vector<const Action*> plan_actions(const Records& records, const std::string& plan) {
  std::vector<const Action*> out;
  for (const auto& [id, a] : records.actions)
    if (a.source_type == "plan" && a.source_id == plan) out.push_back(&a);
  return out;
}

}  // namespace qahub::records
