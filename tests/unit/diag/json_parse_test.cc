#include <catch2/catch.hpp>

#include "diag/json_parse.h"

using namespace qahub;

namespace {
std::string errors_for(const std::string& text) {
  diag::Diagnostics d;
  CHECK_FALSE(diag::parse_json(text, "data/x.json", d));
  return d.format_all();
}
}  // namespace

TEST_CASE("diag: parse_json: a number too large for a double is an error at the number", "[diag]") {
  CHECK(errors_for("{\n  \"n\": 1e999\n}\n") == "data/x.json:2:8: error: invalid JSON: number 1e999 is too large\n");
  CHECK(errors_for("[-1e400]") == "data/x.json:1:2: error: invalid JSON: number -1e400 is too large\n");
}

TEST_CASE("diag: parse_json: syntax errors at nlohmann's position", "[diag]") {
  CHECK(errors_for("{\"a\": }") ==
        "data/x.json:1:7: error: invalid JSON: syntax error while parsing value - unexpected '}'; expected '[', "
        "'{', or a literal\n");
  CHECK(errors_for("") ==
        "data/x.json:1:1: error: invalid JSON: syntax error while parsing value - unexpected end of input; expected "
        "'[', '{', or a literal\n");
}

TEST_CASE("diag: parse_json: valid JSON, with or without a byte order mark", "[diag]") {
  diag::Diagnostics d;
  auto doc = diag::parse_json("\xEF\xBB\xBF{\"n\": 1e308, \"s\": \"x\"}", "data/x.json", d);
  REQUIRE(doc);
  CHECK((*doc)["s"] == "x");
  CHECK(d.format_all().empty());
}
