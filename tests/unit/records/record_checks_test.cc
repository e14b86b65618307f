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

const char* kCycle = "data/cycles/2026-27-cycle-1.json";
const char* kAction = "data/actions/a-001.json";
const char* kAudit = "data/audits/fathers-2026.json";
const char* kMeeting = "data/meetings/2026-11-practice-board.json";

}  // namespace

TEST_CASE("records: a date that does not exist", "[records]") {
  CHECK(diagnostics_for("check-date", {{kAction, replaced(kAction, "2027-03-31", "2027-02-30")}}) ==
        "data/actions/a-001.json:7:10: error: invalid date \"2027-02-30\"\n");
}

TEST_CASE("records: cycle figures must add up", "[records]") {
  CHECK(diagnostics_for("check-grades", {{kCycle, replaced(kCycle, "\"good\": 5", "\"good\": 4")}}) ==
        "data/cycles/2026-27-cycle-1.json:15:15: error: grades add up to 9, but 10 audits were completed\n");
  CHECK(diagnostics_for("check-moderation", {{kCycle, replaced(kCycle, "\"agreed\": 3", "\"agreed\": 2")}}) ==
        "data/cycles/2026-27-cycle-1.json:16:19: error: moderation counts add up to 3, but 4 audits were moderated\n");
  std::string more = replaced(kCycle, "\"audits_moderated\": 4", "\"audits_moderated\": 11");
  more.replace(more.find("\"agreed\": 3"), 11, "\"agreed\": 10");
  CHECK(diagnostics_for("check-moderated", {{kCycle, more}}) ==
        "data/cycles/2026-27-cycle-1.json:14:25: error: more audits moderated (11) than completed (10)\n");
}

TEST_CASE("records: family feedback must add up", "[records]") {
  const std::string feedback =
      "\"moderation\": {\"agreed\": 3, \"raised\": 0, \"lowered\": 1},\n"
      "    \"family_feedback\": {\"asked\": 5, \"responded\": 6, \"ratings\": {\"very_good\": 1, \"good\": 1, "
      "\"fair\": 1, \"poor\": 1}}";
  CHECK(diagnostics_for(
            "check-feedback",
            {{kCycle, replaced(kCycle, "\"moderation\": {\"agreed\": 3, \"raised\": 0, \"lowered\": 1}", feedback)}}) ==
        "data/cycles/2026-27-cycle-1.json:17:50: error: more families responded (6) than were asked (5)\n"
        "data/cycles/2026-27-cycle-1.json:17:64: error: ratings add up to 4, but 6 families responded\n");
}

TEST_CASE("records: cycle months must be in order", "[records]") {
  CHECK(diagnostics_for("check-month-end",
                        {{kCycle, replaced(kCycle, "\"end\": \"2026-05-31\"", "\"end\": \"2026-04-30\"")}}) ==
        "data/cycles/2026-27-cycle-1.json:8:60: error: the month ends before it starts\n");
  CHECK(diagnostics_for("check-month-order",
                        {{kCycle, replaced(kCycle, "\"start\": \"2026-06-01\"", "\"start\": \"2026-05-15\"")}}) ==
        "data/cycles/2026-27-cycle-1.json:9:30: error: the month starts before the previous month ends\n");
}

TEST_CASE("records: an audit must end after it starts", "[records]") {
  CHECK(diagnostics_for("check-audit-dates",
                        {{kAudit, replaced(kAudit, "\"end\": \"2026-08-28\"", "\"end\": \"2026-07-28\"")}}) ==
        "data/audits/fathers-2026.json:7:43: error: the audit ends before it starts\n");
}

TEST_CASE("records: item ids are unique within a record", "[records]") {
  CHECK(diagnostics_for("check-duplicate-item", {{kAudit, replaced(kAudit, "\"id\": \"r1\"", "\"id\": \"d1\"")}}) ==
        "data/audits/fathers-2026.json:12:30: error: duplicate id \"d1\" in this record\n");
}

TEST_CASE("records: status entries must be in date order", "[records]") {
  CHECK(diagnostics_for("check-status-order",
                        {{kAction, replaced(kAction, "[{\"date\": \"2026-09-01\", \"status\": \"open\"}]",
                                            "[{\"date\": \"2026-09-01\", \"status\": \"open\"}, {\"date\": "
                                            "\"2026-08-01\", \"status\": \"complete\"}]")}}) ==
        "data/actions/a-001.json:8:65: error: status entries must be in date order; this one is dated before the one "
        "above it\n");
}

TEST_CASE("records: a narrative file named by a record must exist", "[records]") {
  CHECK(diagnostics_for("check-minutes",
                        {{kMeeting, replaced(kMeeting, "\"date\": \"2026-11-10\",",
                                             "\"date\": \"2026-11-10\",\n  \"minutes\": \"notes.md\",")}}) ==
        "data/meetings/2026-11-practice-board.json:6:14: error: no Markdown file \"notes.md\" beside this record\n");
}

TEST_CASE("records: personal data in a narrative is reported in the Markdown file", "[records]") {
  std::string out = diagnostics_for(
      "check-personal-md",
      {{kMeeting,
        replaced(kMeeting, "\"date\": \"2026-11-10\",", "\"date\": \"2026-11-10\",\n  \"minutes\": \"notes.md\",")},
       {"data/meetings/notes.md", "## Actions\n\nAsk the chair (jo.bloggs@example.org) to circulate.\n"}});
  CHECK(out.rfind("data/meetings/notes.md:3:", 0) == 0);
  CHECK(out.find("error: ") != std::string::npos);
}

TEST_CASE("records: personal data in a JSON record is reported in the JSON file", "[records]") {
  std::string out =
      diagnostics_for("check-personal-json", {{kAction, replaced(kAction, "Practice Development Team manager",
                                                                 "Practice Development Team manager (01632 960123)")}});
  CHECK(out.rfind("data/actions/a-001.json:6:", 0) == 0);
}

TEST_CASE("records: nobody is both present and sending apologies", "[records]") {
  CHECK(
      diagnostics_for(
          "check-apologies",
          {{kMeeting,
            replaced(kMeeting, "\"date\": \"2026-11-10\",",
                     "\"date\": \"2026-11-10\",\n  \"apologies\": [\"Principal Social Worker (chair)\"],")}}) ==
      "data/meetings/2026-11-practice-board.json:6:17: error: \"Principal Social Worker (chair)\" is listed as present "
      "and as sending apologies\n");
}
