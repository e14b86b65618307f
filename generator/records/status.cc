#include "records/status.h"

#include <algorithm>
#include <cctype>

#include "base/text.h"

namespace qahub::records {

std::optional<Status> status_on(const Action& action, base::Date date) {
  std::optional<Status> out;
  for (const StatusEntry& e : action.history)
    if (e.date <= date) out = e.status;
  return out;
}

base::Date due_on(const Action& action, base::Date as_of) {
  if (action.due_history.empty()) return action.due;  // (records built in code may leave original_due unset)
  base::Date due = action.original_due;
  for (const Reschedule& r : action.due_history)
    if (r.date <= as_of) due = r.due;
  return due;
}

std::optional<base::Date> review_due(const Action& action, base::Date as_of) {
  if (action.recurs.empty()) return std::nullopt;
  std::optional<base::Date> last;
  for (const StatusEntry& e : action.history)
    if (e.date <= as_of) last = e.date;
  return add_period(last.value_or(action.start.value_or(due_on(action, as_of))), action.recurs);
}

Status shown_status(const Action& action, base::Date as_of) {
  Status latest = status_on(action, as_of).value_or(Status::kOpen);
  if (!action.recurs.empty()) {  // a standing action: judged by its last status date
    auto next = review_due(action, as_of);
    return next && *next < as_of ? Status::kOverdue : latest;
  }
  if (latest == Status::kComplete) return Status::kComplete;
  const base::Date due = due_on(action, as_of);
  if (due < as_of) return Status::kOverdue;
  if (due <= as_of.plus_days(kDueSoonDays)) return Status::kDueSoon;
  return latest;
}

std::string status_label(Status s) {
  switch (s) {
    case Status::kOpen:
      return "open";
    case Status::kInProgress:
      return "in progress";
    case Status::kComplete:
      return "complete";
    case Status::kCarriedForward:
      return "carried forward";
    case Status::kOverdue:
      return "overdue";
    case Status::kDueSoon:
      return "due soon";
  }
  return "open";
}

std::string status_key(Status s) {
  std::string k = status_label(s);
  std::replace(k.begin(), k.end(), ' ', '-');
  return k;
}

std::optional<base::Date> completed_on(const Action& action) {
  for (const StatusEntry& e : action.history)
    if (e.status == Status::kComplete) return e.date;
  return std::nullopt;
}

namespace {

std::string normalise(const std::string& s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u))
      out += static_cast<char>(std::tolower(u));
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

void check_forums(const Records& records, base::Date as_of, bool check_cadence, diag::Diagnostics& diags) {
  for (const auto& [id, f] : records.forums) {
    if (f.tor_review_by < as_of)
      diags.notice(f.src.at("/terms_of_reference/review_by"),
                   "terms of reference were due for review by " + f.tor_review_by.iso());
    if (!check_cadence || f.frequency.period.empty()) continue;
    std::optional<base::Date> last;
    for (const auto& [mid, m] : records.meetings)
      if (m.forum == id && m.date <= as_of && (!last || *last < m.date)) last = m.date;
    const std::string cadence = lower_first(f.frequency.wording);
    if (!last) {
      diags.notice(f.src.at("/frequency/period"), "no meetings recorded; the forum meets " + cadence);
      continue;
    }
    auto next = add_period(*last, f.frequency.period);
    if (next && *next < as_of)
      diags.notice(f.src.at("/frequency/period"), "no meeting since " + last->iso() + "; the forum meets " + cadence +
                                                      ", so one was due by " + next->iso());
  }
}

}  // namespace

bool near_identical(const std::string& a, const std::string& b) {
  std::string x = normalise(a), y = normalise(b);
  size_t longest = std::max(x.size(), y.size());
  if (longest == 0) return true;
  return base::edit_distance(x, y) * 10 <= longest;  // within 10% of the longer title
}

void check_dates(const Records& records, base::Date as_of, diag::Diagnostics& diags, bool meetings_complete) {
  for (const auto& [id, a] : records.actions) {
    if (shown_status(a, as_of) != Status::kOverdue) continue;
    if (auto next = review_due(a, as_of))
      diags.notice(a.src.at("/recurs"), "standing action \"" + id + "\" recurs " + a.recurs +
                                            " and its next status entry was due by " + next->iso());
    else
      diags.notice(a.src.at("/due"),
                   "action \"" + id + "\" is overdue: due " + due_on(a, as_of).iso() + " and not complete");
  }
  // Near-duplicates: each later action (by id) is compared with the earlier ones.
  for (auto it = records.actions.begin(); it != records.actions.end(); ++it) {
    const Action& a = it->second;
    if (shown_status(a, as_of) == Status::kComplete) continue;
    for (auto jt = records.actions.begin(); jt != it; ++jt) {
      const Action& b = jt->second;
      if (shown_status(b, as_of) == Status::kComplete) continue;
      if (a.source_type != b.source_type || a.source_id != b.source_id || a.source_item != b.source_item) continue;
      if (!near_identical(a.title, b.title)) continue;
      diags.warning(a.src.at("/title"), "action \"" + a.id + "\" looks like a duplicate of \"" + b.id +
                                            "\": same source and near-identical wording");
      break;
    }
  }
  check_forums(records, as_of, meetings_complete, diags);
}

}  // namespace qahub::records
