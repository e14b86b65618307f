// Bad bytes and library exceptions in records: each is a positioned error,
// never a crash (`terminate called after throwing … out_of_range.406`).
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

const char* kAction = "data/actions/a-001.json";
const char* kMeeting = "data/meetings/2026-11-practice-board.json";

}  // namespace

TEST_CASE("records: a number JSON cannot represent is an error at the number", "[records]") {
  CHECK(diagnostics_for("bad-number", {{kAction, replaced(kAction, "\"due\": \"2027-03-31\",",
                                                          "\"due\": \"2027-03-31\", \"n\": 1e999,")}}) ==
        "data/actions/a-001.json:7:29: error: invalid JSON: number 1e999 is too large\n");
}

TEST_CASE("records: a record that is not UTF-8 is an error at the first bad byte", "[records]") {
  CHECK(diagnostics_for("bad-utf8", {{kAction, replaced(kAction, "Run father", "Run father\xFF")}}) ==
        "data/actions/a-001.json:4:23: error: invalid UTF-8 (byte 0xFF)\n");
}

TEST_CASE("records: a narrative that is not UTF-8 is an error in the Markdown file", "[records]") {
  CHECK(diagnostics_for("bad-utf8-md", {{kMeeting, replaced(kMeeting, "\"date\": \"2026-11-10\",",
                                                            "\"date\": \"2026-11-10\",\n  \"minutes\": \"notes.md\",")},
                                        {"data/meetings/notes.md", "## Actions\n\nCaf\xE9.\n"}}) ==
        "data/meetings/notes.md:3:4: error: invalid UTF-8 (byte 0xE9)\n");
}

TEST_CASE("records: a loosened site schema cannot make a non-string id crash the build", "[records]") {
  CHECK(diagnostics_for("id-number", {{"data/schemas/action.schema.json", "{}"},
                                      {kAction, replaced(kAction, "\"id\": \"a-001\"", "\"id\": 1")}}) ==
        "data/actions/a-001.json:3:9: error: \"id\" must be a string, found number\n");
}

TEST_CASE("records: a site schema valijson cannot use is an error, not a crash", "[records]") {
  CHECK(diagnostics_for("schema-regex",
                        {{"data/schemas/action.schema.json", "{\"properties\": {\"id\": {\"pattern\": \"(\"}}}"}}) ==
        "data/actions/a-001.json: error: cannot check this record against data/schemas/action.schema.json: "
        "mismatched '(' and ')' in regular expression\n");
  CHECK(diagnostics_for("schema-number", {{"data/schemas/action.schema.json", "{\"maximum\": 1e999}"}}) ==
        "data/schemas/action.schema.json:1:13: error: invalid JSON: number 1e999 is too large\n");
}
