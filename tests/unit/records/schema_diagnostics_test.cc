#include <catch2/catch.hpp>

#include "mini_site.h"

using namespace qahub::records::testing;

namespace {

const char* kAction = "data/actions/a-001.json";

/// The mini site's action with `body` as its members after $schema and id.
std::string action_with(const std::string& body) {
  return "{\n  \"$schema\": \"../schemas/action.schema.json\",\n  \"id\": \"a-001\",\n" + body + "\n}\n";
}

const std::string kValidRest =
    "  \"title\": \"Run father-inclusive workshops\",\n"
    "  \"source\": {\"type\": \"audit\", \"id\": \"fathers-2026\", \"item\": \"r1\"},\n"
    "  \"owner\": \"Practice Development Team manager\",\n"
    "  \"due\": \"2027-03-31\",\n"
    "  \"status\": [{\"date\": \"2026-09-01\", \"status\": \"open\"}]";

}  // namespace

TEST_CASE("records: schema error for a missing required property", "[records]") {
  std::string rest = kValidRest;
  rest.replace(rest.find("  \"owner\""), std::string("  \"owner\": \"Practice Development Team manager\",\n").size(),
               "");
  CHECK(diagnostics_for("schema-required", {{kAction, action_with(rest)}}) ==
        "data/actions/a-001.json:1:1: error: missing required property \"owner\"\n");
}

TEST_CASE("records: schema error for an unknown property, at its key, with a suggestion", "[records]") {
  CHECK(diagnostics_for("schema-unknown", {{kAction, action_with(kValidRest + ",\n  \"ownr\": \"x\"")}}) ==
        "data/actions/a-001.json:9:3: error: unknown property \"ownr\"; did you mean \"owner\"?\n");
}

TEST_CASE("records: schema error for a wrong type", "[records]") {
  std::string rest = kValidRest;
  rest.replace(rest.find("\"2027-03-31\""), 12, "20270331");
  CHECK(diagnostics_for("schema-type", {{kAction, action_with(rest)}}) ==
        "data/actions/a-001.json:7:10: error: expected a string, found a whole number\n");
}

TEST_CASE("records: schema error for a value outside an enum, with a suggestion", "[records]") {
  std::string rest = kValidRest;
  rest.replace(rest.find("\"open\""), 6, "\"opne\"");
  CHECK(diagnostics_for("schema-enum", {{kAction, action_with(rest)}}) ==
        "data/actions/a-001.json:8:47: error: expected one of \"open\", \"in progress\", \"complete\", "
        "\"carried forward\", found \"opne\"; did you mean \"open\"?\n");
}

TEST_CASE("records: schema error for a badly written date", "[records]") {
  std::string rest = kValidRest;
  rest.replace(rest.find("\"2027-03-31\""), 12, "\"31/03/2027\"");
  CHECK(diagnostics_for("schema-pattern", {{kAction, action_with(rest)}}) ==
        "data/actions/a-001.json:7:10: error: expected a date in the form YYYY-MM-DD, found \"31/03/2027\"\n");
}

TEST_CASE("records: schema errors for an empty string and an empty list", "[records]") {
  std::string rest = kValidRest;
  rest.replace(rest.find("\"Run father-inclusive workshops\""), 32, "\"\"");
  rest.replace(rest.find("[{\"date\": \"2026-09-01\", \"status\": \"open\"}]"), 42, "[]");
  CHECK(diagnostics_for("schema-empty", {{kAction, action_with(rest)}}) ==
        "data/actions/a-001.json:4:12: error: expected text, found an empty string\n"
        "data/actions/a-001.json:8:13: error: expected at least one item, found an empty list\n");
}

TEST_CASE("records: schema errors for numbers out of range", "[records]") {
  const std::string cycle = mini_site()["data/cycles/2026-27-cycle-1.json"];
  std::string bad = cycle;
  bad.replace(bad.find("\"number\": 1"), 11, "\"number\": 4");
  bad.replace(bad.find("\"raised\": 0"), 11, "\"raised\": -1");
  CHECK(diagnostics_for("schema-range", {{"data/cycles/2026-27-cycle-1.json", bad}}) ==
        "data/cycles/2026-27-cycle-1.json:5:13: error: expected a number no more than 3, found 4\n"
        "data/cycles/2026-27-cycle-1.json:16:43: error: expected a number no less than 0, found -1\n");
}

TEST_CASE("records: invalid JSON is reported where the parser stopped", "[records]") {
  CHECK(diagnostics_for("schema-syntax", {{kAction, "{\n  \"id\": \"a-001\",\n}\n"}}) ==
        "data/actions/a-001.json:3:1: error: invalid JSON: syntax error while parsing object key - unexpected '}'; "
        "expected string literal\n");
}

TEST_CASE("records: a record must be an object", "[records]") {
  CHECK(diagnostics_for("schema-array", {{kAction, "[1, 2]\n"}}) ==
        "data/actions/a-001.json:1:1: error: expected an object, found a list\n");
}

TEST_CASE("records: $schema must name the kind's schema", "[records]") {
  std::string text = action_with(kValidRest);
  text.replace(text.find("action.schema"), 13, "meeting.schema");
  CHECK(diagnostics_for("schema-name", {{kAction, text}}) ==
        "data/actions/a-001.json:2:14: error: records in data/actions/ use \"../schemas/action.schema.json\", not "
        "\"../schemas/meeting.schema.json\"\n");
}

TEST_CASE("records: the id must match the file name", "[records]") {
  std::string text = action_with(kValidRest);
  text.replace(text.find("\"a-001\""), 7, "\"a-01\"");
  CHECK(diagnostics_for("schema-id", {{kAction, text}}) ==
        "data/actions/a-001.json:3:9: error: id \"a-01\" does not match the file name; expected \"a-001\"\n");
}

TEST_CASE("records: a record that fails its schema is not reported again as a dangling reference", "[records]") {
  std::string rest = kValidRest;
  rest.replace(rest.find("\"2027-03-31\""), 12, "\"soon\"");
  // The meeting's decision names a-001, which failed to load: only the schema error is shown.
  CHECK(diagnostics_for("schema-broken", {{kAction, action_with(rest)}}) ==
        "data/actions/a-001.json:7:10: error: expected a date in the form YYYY-MM-DD, found \"soon\"\n");
}

TEST_CASE("records: agenda times may use a hyphen or an en dash", "[records]") {
  const char* meeting = "data/meetings/2026-11-practice-board.json";
  std::string text = mini_site()[meeting];
  std::string dash = text, bad = text;
  dash.replace(dash.find("\"14:00\""), 7,
               "\"14:00\xE2\x80\x93"
               "14:30\"");
  bad.replace(bad.find("\"14:00\""), 7, "\"2pm\"");
  CHECK(diagnostics_for("schema-time-dash", {{meeting, dash}}) == "");
  CHECK(diagnostics_for("schema-time-bad", {{meeting, bad}}) ==
        "data/meetings/2026-11-practice-board.json:7:23: error: expected a time such as 10:00 or 10:00-10:20, found "
        "\"2pm\"\n");
}
