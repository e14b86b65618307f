#include <catch2/catch.hpp>

#include "mini_site.h"

using namespace qahub::records::testing;

namespace {

std::string replaced(const std::string& path, const std::string& from, const std::string& to) {
  std::string text = mini_site()[path];
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

const char* kMeeting = "data/meetings/2026-11-practice-board.json";
const char* kAction = "data/actions/a-001.json";
const char* kAudit = "data/audits/fathers-2026.json";

}  // namespace

TEST_CASE("records: a meeting naming an unknown forum gets a suggestion", "[records]") {
  CHECK(diagnostics_for("ref-forum", {{kMeeting, replaced(kMeeting, "\"forum\": \"practice-board\"",
                                                          "\"forum\": \"practise-board\"")}}) ==
        "data/forums/practice-board.json:7:27: notice: no meetings recorded; the forum meets every two months\n"
        "data/meetings/2026-11-practice-board.json:4:12: error: unknown forum \"practise-board\"; did you mean "
        "\"practice-board\"?\n");
}

TEST_CASE("records: a decision naming an unknown action", "[records]") {
  CHECK(diagnostics_for("ref-decision", {{kMeeting, replaced(kMeeting, "[\"a-001\"]", "[\"a-002\"]")}}) ==
        "data/meetings/2026-11-practice-board.json:8:88: error: unknown action \"a-002\"; did you mean \"a-001\"?\n");
}

TEST_CASE("records: an action whose source audit does not exist", "[records]") {
  CHECK(diagnostics_for("ref-source", {{kAction, replaced(kAction, "\"fathers-2026\"", "\"fathers-2025\"")}}) ==
        "data/actions/a-001.json:5:37: error: unknown audit \"fathers-2025\"; did you mean \"fathers-2026\"?\n");
}

TEST_CASE("records: an action whose source item does not exist in the audit", "[records]") {
  CHECK(diagnostics_for("ref-item", {{kAction, replaced(kAction, "\"item\": \"r1\"", "\"item\": \"r2\"")}}) ==
        "data/actions/a-001.json:5:61: error: audit \"fathers-2026\" has no item \"r2\"; did you mean \"r1\"?\n");
}

TEST_CASE("records: an action from a cycle or meeting checks the cycle's learning and the meeting's decisions",
          "[records]") {
  CHECK(diagnostics_for("ref-cycle-item",
                        {{kAction, replaced(kAction, R"("type": "audit", "id": "fathers-2026", "item": "r1")",
                                            R"("type": "cycle", "id": "2026-27-cycle-1", "item": "kl2")")}}) ==
        "data/actions/a-001.json:5:64: error: cycle \"2026-27-cycle-1\" has no item \"kl2\"; did you mean \"kl1\"?\n");
  CHECK(diagnostics_for("ref-meeting",
                        {{kAction, replaced(kAction, R"("type": "audit", "id": "fathers-2026", "item": "r1")",
                                            R"("type": "meeting", "id": "2026-11-practise-board", "item": "d1")")}}) ==
        "data/actions/a-001.json:5:39: error: unknown meeting \"2026-11-practise-board\"; did you mean "
        "\"2026-11-practice-board\"?\n");
}

TEST_CASE("records: follows_up and linked_findings must name a finding", "[records]") {
  CHECK(diagnostics_for("ref-follows",
                        {{kAudit, replaced(kAudit, "\"2026-27-cycle-1/kl1\"", "\"2026-27-cycle-1/k1\"")}}) ==
        "data/audits/fathers-2026.json:13:18: error: unknown finding \"2026-27-cycle-1/k1\"; did you mean "
        "\"2026-27-cycle-1/kl1\"?\n");
  const char* training = "data/training/fathers.json";
  CHECK(diagnostics_for("ref-linked", {{training, replaced(training, "\"fathers-2026/d1\"", "\"fathers-2026/d9\"")}}) ==
        "data/training/fathers.json:7:23: error: unknown finding \"fathers-2026/d9\"; did you mean "
        "\"fathers-2026/d1\"?\n");
}

TEST_CASE("records: a recommendation must address an area for development of its own audit", "[records]") {
  CHECK(diagnostics_for("ref-addresses",
                        {{kAudit, replaced(kAudit, "\"addresses\": [\"d1\"]", "\"addresses\": [\"d2\"]")}}) ==
        "data/audits/fathers-2026.json:12:76: error: no area for development \"d2\" in this audit; did you mean "
        "\"d1\"?\n");
}

TEST_CASE("records: a schedule naming an unknown forum", "[records]") {
  const char* schedule = "data/schedules/practice-board-meeting.json";
  CHECK(diagnostics_for("ref-schedule",
                        {{schedule, replaced(schedule, "\"forum\": \"practice-board\"", "\"forum\": \"board\"")}}) ==
        "data/schedules/practice-board-meeting.json:11:12: error: unknown forum \"board\"\n");
}

TEST_CASE("records: a cycle's report must be a content page", "[records]") {
  const char* cycle = "data/cycles/2026-27-cycle-1.json";
  CHECK(
      diagnostics_for("ref-report", {{cycle, replaced(cycle, "\"number\": 1,",
                                                      "\"number\": 1,\n  \"report\": \"content/learning/c1.md\",")}}) ==
      "data/cycles/2026-27-cycle-1.json:6:13: error: no content page \"content/learning/c1.md\"\n");
}

TEST_CASE("records: audits, cycles and meetings may not share an id", "[records]") {
  std::string audit = mini_site()[kAudit];
  audit.replace(audit.find("\"id\": \"fathers-2026\""), 20, "\"id\": \"2026-27-cycle-1\"");
  std::string action = replaced(kAction, "\"fathers-2026\"", "\"2026-27-cycle-1\"");
  std::string training = replaced("data/training/fathers.json", "fathers-2026/d1", "2026-27-cycle-1/d1");
  CHECK(diagnostics_for("ref-shared-id", {{kAudit, ""},
                                          {"data/audits/2026-27-cycle-1.json", audit},
                                          {kAction, action},
                                          {"data/training/fathers.json", training}}) ==
        "data/cycles/2026-27-cycle-1.json:3:9: error: id \"2026-27-cycle-1\" is also used by "
        "data/audits/2026-27-cycle-1.json; references to its findings would be ambiguous\n");
}
