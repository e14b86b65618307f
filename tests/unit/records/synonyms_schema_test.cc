// data/search/synonyms.json is checked by the schema machinery, like every
// record: each mistake at its line and column. And "format": "date" in the
// schemas is for editors only: the build's own date checks and messages stay.
#include <catch2/catch.hpp>

#include "mini_site.h"

using namespace qahub::records::testing;

namespace {
const char* kSynonyms = "data/search/synonyms.json";
}

TEST_CASE("records: synonyms mistakes are reported where they are", "[records][synonyms]") {
  CHECK(diagnostics_for("synonyms-schema", {{kSynonyms,
                                             "{\n  \"$schema\": \"../schemas/synonyms.schema.json\",\n"
                                             "  \"groups\": [\n    [\"CP\", \"child protection\"],\n"
                                             "    [\"LAC\"],\n    [\"CIN\", \"\"],\n    \"PLO\"\n  ]\n}\n"}}) ==
        "data/search/synonyms.json:5:5: error: expected at least 2 items, found 1\n"
        "data/search/synonyms.json:6:13: error: expected text, found an empty string\n"
        "data/search/synonyms.json:7:5: error: expected a list, found a string\n");
  CHECK(diagnostics_for("synonyms-shape", {{kSynonyms, "{\n  \"group\": []\n}\n"}}) ==
        "data/search/synonyms.json:1:1: error: missing required property \"groups\"\n"
        "data/search/synonyms.json:2:3: error: unknown property \"group\"; did you mean \"groups\"?\n");
}

TEST_CASE("records: format date leaves the build's own date checks", "[records]") {
  const std::string action = mini_site()["data/actions/a-001.json"];
  std::string impossible = action;
  impossible.replace(impossible.find("\"2027-03-31\""), 12, "\"2027-02-30\"");
  std::string number = action;
  number.replace(number.find("\"2027-03-31\""), 12, "20270331");
  const std::string impossible_text = diagnostics_for("format-impossible", {{"data/actions/a-001.json", impossible}});
  CHECK(impossible_text.find("should be a valid date") == std::string::npos);  // valijson's words
  CHECK(impossible_text.find(": error: invalid date \"2027-02-30\"\n") != std::string::npos);
  const std::string number_text = diagnostics_for("format-number", {{"data/actions/a-001.json", number}});
  CHECK(number_text.find(": error: expected a string, found a whole number\n") != std::string::npos);
  CHECK(number_text.find("cannot check") == std::string::npos);
}
