#include <catch2/catch.hpp>

#include "content/attachments.h"

using namespace qahub;
using namespace qahub::content;

TEST_CASE("attachments: CSV cells with their lines and columns, quoted cells unquoted", "[content]") {
  const auto rows = parse_csv("Team,Note\r\nNorth,\"Said \"\"yes\"\", then\nno\"\nSouth,ok\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0][1].text == "Note");
  CHECK(rows[0][1].col == 6);
  CHECK(rows[1][1].text == "Said \"yes\", then\nno");
  CHECK(rows[1][1].line == 2);
  CHECK(rows[1][1].col == 8);  // after the opening quote
  CHECK(rows[2][0].text == "South");
  CHECK(rows[2][0].line == 4);  // the quoted cell spanned two lines
  CHECK(rows[2][1].col == 7);
  CHECK(parse_csv("").empty());
  CHECK(parse_csv("a\tb\n", '\t').at(0).size() == 2);
  CHECK(parse_csv("\"never closed").at(0).at(0).text == "never closed");
}

TEST_CASE("attachments: header cells naming child-level fields", "[content]") {
  CHECK(child_level_field("DOB") == "date of birth");
  CHECK(child_level_field(" Date of Birth ") == "date of birth");
  CHECK(child_level_field("D.O.B.") == "date of birth");
  CHECK(child_level_field("Child ID") == "a child's identifier");
  CHECK(child_level_field("NHS No.") == "an NHS number");
  CHECK(child_level_field("Surname") == "a name");
  CHECK(child_level_field("Team") == "");
  CHECK(child_level_field("Audits completed") == "");
  CHECK(child_level_field("") == "");
}
