#include <catch2/catch.hpp>

#include "mini_site.h"
#include "records/status.h"

using namespace qahub::records;
using namespace qahub::records::testing;

namespace {

Action action_due(const char* due, std::vector<std::pair<const char*, Status>> history) {
  Action a;
  a.id = "a-001";
  a.due = date(due);
  for (const auto& [d, s] : history) a.history.push_back({date(d), s, ""});
  return a;
}

std::string shown(const Action& a, const char* as_of) { return status_label(shown_status(a, date(as_of))); }

}  // namespace

TEST_CASE("records: status at the boundary dates", "[records]") {
  const Action a = action_due("2026-11-23", {{"2026-01-01", Status::kInProgress}});
  // due < as_of: overdue
  CHECK(shown(a, "2026-11-24") == "overdue");
  // due == as_of: due soon
  CHECK(shown(a, "2026-11-23") == "due soon");
  // due == as_of + 14: due soon
  CHECK(shown(a, "2026-11-09") == "due soon");
  // due == as_of + 15: the latest entry
  CHECK(shown(a, "2026-11-08") == "in progress");
}

TEST_CASE("records: complete wins over due dates and other entries show as they are", "[records]") {
  CHECK(shown(action_due("2026-01-31", {{"2026-01-01", Status::kOpen}, {"2026-02-10", Status::kComplete}}),
              "2026-11-23") == "complete");
  CHECK(shown(action_due("2027-06-30", {{"2026-01-01", Status::kOpen}}), "2026-11-23") == "open");
  CHECK(shown(action_due("2027-06-30", {{"2026-01-01", Status::kOpen}, {"2026-05-01", Status::kCarriedForward}}),
              "2026-11-23") == "carried forward");
  // A later entry that is not complete re-opens the action.
  CHECK(shown(action_due("2027-06-30", {{"2026-01-01", Status::kComplete}, {"2026-05-01", Status::kInProgress}}),
              "2026-11-23") == "in progress");
}

TEST_CASE("records: entries after as_of are not yet known", "[records]") {
  const Action a = action_due("2026-06-30", {{"2026-01-01", Status::kOpen}, {"2026-06-20", Status::kComplete}});
  CHECK(shown(a, "2026-06-19") == "due soon");
  CHECK(shown(a, "2026-06-20") == "complete");
  CHECK(shown(action_due("2027-06-30", {{"2026-01-01", Status::kInProgress}}), "2025-12-01") == "open");
  CHECK(status_key(Status::kCarriedForward) == "carried-forward");
}

TEST_CASE("records: near-identical wording", "[records]") {
  CHECK(near_identical("Run father-inclusive workshops.", "run father inclusive workshops"));
  CHECK(
      near_identical("Run father-inclusive workshops for every team", "Run father-inclusive workshop for every team"));
  CHECK_FALSE(near_identical("Run father-inclusive workshops", "Update the audit tool guidance"));
}

TEST_CASE("records: warnings against as_of: overdue action, missed cadence, terms of reference", "[records]") {
  CHECK(diagnostics_for("warn-dates", {}, "2027-04-01") ==
        "data/actions/a-001.json:7:10: notice: action \"a-001\" is overdue: due 2027-03-31 and not complete\n"
        "data/forums/practice-board.json:7:27: notice: no meeting since 2026-11-10; the forum meets every two months, "
        "so one was due by 2027-01-10\n"
        "data/forums/practice-board.json:10:39: notice: terms of reference were due for review by 2027-01-31\n");
}

TEST_CASE("records: a forum with no meetings at all", "[records]") {
  CHECK(diagnostics_for("warn-no-meetings", {{"data/meetings/2026-11-practice-board.json", ""},
                                             {"data/actions/a-001.json", mini_site()["data/actions/a-001.json"]}}) ==
        "data/forums/practice-board.json:7:27: notice: no meetings recorded; the forum meets every two months\n");
}

TEST_CASE("records: near-duplicate open actions with the same source", "[records]") {
  std::string second = mini_site()["data/actions/a-001.json"];
  second.replace(second.find("\"a-001\""), 7, "\"a-002\"");
  second.replace(second.find("Run father-inclusive workshops"), 30, "Run father inclusive workshops.");
  CHECK(diagnostics_for("warn-duplicate", {{"data/actions/a-002.json", second}}) ==
        "data/actions/a-002.json:4:12: warning: action \"a-002\" looks like a duplicate of \"a-001\": same source and "
        "near-identical wording\n");
}

TEST_CASE("records: an action whose history crosses cycles counts in each cycle", "[records]") {
  TempSite site("cross-cycles");
  auto cycle = [](int n, const char* m1, const char* m2, const char* m3, const char* m4, const char* last) {
    auto month = [](const char* ym, const char* last_day) {
      return std::string("{\"start\": \"") + ym + "-01\", \"end\": \"" + ym + "-" + last_day + "\"}";
    };
    return std::string("{\"$schema\": \"../schemas/cycle.schema.json\", \"id\": \"2025-26-cycle-") + std::to_string(n) +
           "\", \"year\": \"2025-26\", \"number\": " + std::to_string(n) +
           ", \"months\": {\"practitioner_audits\": " + month(m1, "28") +
           ", \"appreciative_inquiry\": " + month(m2, "28") + ", \"peer_audits\": " + month(m3, "28") +
           ", \"triad_audits\": " + month(m4, last) +
           "}, \"figures\": {\"audits_completed\": 4, \"audits_moderated\": 1, \"grades\": {\"outstanding\": 1, "
           "\"good\": 1, \"requires_improvement\": 1, \"inadequate\": 1}, \"moderation\": {\"agreed\": 1, \"raised\": "
           "0, "
           "\"lowered\": 0}}, \"key_learning\": [{\"id\": \"kl1\", \"text\": \"Plans.\"}]}";
  };
  site.write("data/cycles/2025-26-cycle-1.json", cycle(1, "2025-04", "2025-05", "2025-06", "2025-07", "31"));
  site.write("data/cycles/2025-26-cycle-2.json", cycle(2, "2025-08", "2025-09", "2025-10", "2025-11", "30"));
  site.write("data/cycles/2025-26-cycle-3.json", cycle(3, "2025-12", "2026-01", "2026-02", "2026-03", "31"));
  // Opened in cycle 1, due in cycle 2 but carried forward (overdue at the end of cycle 2), completed in cycle 3.
  site.write("data/actions/a-001.json",
             R"json({"$schema": "../schemas/action.schema.json", "id": "a-001", "title": "Revise supervision recording",
  "source": {"type": "cycle", "id": "2025-26-cycle-1", "item": "kl1"}, "owner": "Head of Quality Assurance", "due": "2025-10-31",
  "status": [{"date": "2025-05-20", "status": "open"}, {"date": "2025-09-09", "status": "carried forward"},
             {"date": "2026-01-13", "status": "in progress"}, {"date": "2026-03-02", "status": "complete"}]})json");
  Built b(site.dir(), "2026-11-23");
  INFO(b.diags.format_all());
  CHECK(b.diags.format_all() == "");
  auto body = [&](const char* url) { return b.page(url) ? b.page(url)->body_html : std::string(); };
  CHECK(body("/cycles/2025-26-cycle-1/").find("<li><strong>1</strong> opened</li>") != std::string::npos);
  CHECK(body("/cycles/2025-26-cycle-1/").find("<li><strong>0</strong> overdue on 31 July 2025</li>") !=
        std::string::npos);
  CHECK(body("/cycles/2025-26-cycle-2/").find("<li><strong>0</strong> opened</li>") != std::string::npos);
  CHECK(body("/cycles/2025-26-cycle-2/").find("<li><strong>1</strong> overdue on 30 November 2025</li>") !=
        std::string::npos);
  CHECK(body("/cycles/2025-26-cycle-3/").find("<li><strong>1</strong> completed</li>") != std::string::npos);
  CHECK(body("/cycles/2025-26-cycle-3/").find("<li><strong>0</strong> overdue on 31 March 2026</li>") !=
        std::string::npos);
  // The action page keeps the whole history and shows it complete.
  const std::string action = body("/actions/a-001/");
  CHECK(action.find("records-status-complete\">complete</span>") != std::string::npos);
  CHECK(action.find("<th scope=\"row\">9 September 2025</th><td>carried forward</td>") != std::string::npos);
}
