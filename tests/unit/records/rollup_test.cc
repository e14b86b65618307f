#include <catch2/catch.hpp>

#include "records/rollup.h"
#include "records/status.h"

using namespace qahub;
using namespace qahub::records;

namespace rollup_test {

base::Date on(const char* s) { return *base::Date::parse(s); }

Action action(const char* id, const char* due, std::vector<StatusEntry> history) {
  Action a;
  a.id = id;
  a.original_due = a.due = on(due);
  a.history = std::move(history);
  a.source_type = "plan";
  a.source_id = "p";
  return a;
}

}  // namespace rollup_test

TEST_CASE("rollup: an item's roll-up from the actions addressing it", "[records]") {
  using rollup_test::action;
  using rollup_test::on;
  Records r;
  const base::Date as_of = on("2026-05-01");
  CHECK(rollup(r, "set/o1", as_of) == Rollup::kNoAction);
  Action a = action("a-1", "2026-03-31", {{on("2026-01-10"), Status::kInProgress, ""}});
  a.addresses = {"set/o1"};
  r.actions["a-1"] = a;
  CHECK(rollup(r, "set/o1", as_of) == Rollup::kInProgress);
  r.actions["a-1"].history.push_back({on("2026-03-30"), Status::kComplete, ""});
  CHECK(rollup(r, "set/o1", as_of) == Rollup::kCompleteNoImpact);
  // Impact recorded after as_of is not known yet.
  r.actions["a-1"].impact.push_back({on("2026-06-01"), "Fewer late assessments."});
  CHECK(rollup(r, "set/o1", as_of) == Rollup::kCompleteNoImpact);
  CHECK(rollup(r, "set/o1", on("2026-06-01")) == Rollup::kCompleteWithImpact);
  CHECK(latest_impact(r, "set/o1", on("2026-06-01"))->text == "Fewer late assessments.");
  // A second addressing action still open keeps the item in progress.
  Action b = action("a-2", "2026-09-30", {{on("2026-04-01"), Status::kOpen, ""}});
  b.addresses = {"set/o1"};
  r.actions["a-2"] = b;
  CHECK(rollup(r, "set/o1", on("2026-06-01")) == Rollup::kInProgress);
  CHECK(rollup_label(Rollup::kCompleteNoImpact) == "actions complete, no impact evidence");
  CHECK(rollup_key(Rollup::kCompleteWithImpact) == "complete-with-impact");
}

TEST_CASE("rollup: rescheduled due dates keep the first one", "[records]") {
  using rollup_test::action;
  using rollup_test::on;
  Action a = action("a-1", "2011-08-31", {{on("2011-01-10"), Status::kInProgress, ""}});
  a.due_history = {{on("2011-08-01"), on("2011-11-30"), "Waiting for the new system."}};
  a.due = on("2011-11-30");
  CHECK(rescheduled_words(a, on("2011-07-01")) == "");
  CHECK(due_on(a, on("2011-07-01")) == on("2011-08-31"));
  CHECK(due_on(a, on("2011-09-01")) == on("2011-11-30"));
  CHECK(rescheduled_words(a, on("2011-09-01")) == "originally 31 August 2011, rescheduled once");
  // Not overdue on 1 September: the due date was moved before it passed.
  CHECK(shown_status(a, on("2011-09-01")) == Status::kInProgress);
  CHECK(progress(a, on("2011-09-01")) == Progress::kRescheduled);
  a.due_history.push_back({on("2011-11-01"), on("2012-01-31"), "Again."});
  CHECK(rescheduled_words(a, on("2011-12-01")) == "originally 31 August 2011, rescheduled twice");
  a.due_history.push_back({on("2011-12-20"), on("2012-03-31"), "And again."});
  CHECK(rescheduled_words(a, on("2012-01-01")) == "originally 31 August 2011, rescheduled 3 times");
  CHECK(progress(a, on("2012-04-02")) == Progress::kOverdue);
}

TEST_CASE("rollup: a plan action's progress bucket", "[records]") {
  using rollup_test::action;
  using rollup_test::on;
  const base::Date as_of = on("2026-05-01");
  CHECK(progress(action("a", "2026-09-30", {{on("2026-04-01"), Status::kOpen, ""}}), as_of) == Progress::kNotStarted);
  CHECK(progress(action("a", "2026-09-30", {{on("2026-04-01"), Status::kInProgress, ""}}), as_of) ==
        Progress::kOnTrack);
  CHECK(progress(action("a", "2026-04-30", {{on("2026-04-01"), Status::kInProgress, ""}}), as_of) ==
        Progress::kOverdue);
  CHECK(progress(action("a", "2026-04-30", {{on("2026-04-01"), Status::kComplete, ""}}), as_of) == Progress::kComplete);
  Action later = action("a", "2026-09-30", {{on("2026-04-01"), Status::kInProgress, ""}});
  later.start = on("2026-06-01");
  CHECK(progress(later, as_of) == Progress::kNotStarted);
  // A standing action is overdue only when its next status entry is.
  Action weekly = action("a", "2027-03-31", {{on("2026-04-20"), Status::kInProgress, ""}});
  weekly.recurs = "P1W";
  CHECK(shown_status(weekly, on("2026-04-27")) == Status::kInProgress);
  CHECK(shown_status(weekly, on("2026-04-28")) == Status::kOverdue);
  CHECK(review_due(weekly, on("2026-04-28")) == on("2026-04-27"));
  CHECK(progress_label(Progress::kNotStarted) == "not started");
  CHECK(progress_key(Progress::kOnTrack) == "on-track");
}
