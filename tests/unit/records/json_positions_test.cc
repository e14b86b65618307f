#include <catch2/catch.hpp>

#include "records/json_positions.h"

using qahub::records::JsonPositions;
using qahub::records::line_col_at;

namespace {
std::string at(const JsonPositions& p, const std::string& ptr) {
  auto v = p.value(ptr);
  return v ? std::to_string(v->line) + ":" + std::to_string(v->col) : "none";
}
std::string key_at(const JsonPositions& p, const std::string& ptr) {
  auto v = p.key(ptr);
  return v ? std::to_string(v->line) + ":" + std::to_string(v->col) : "none";
}
}  // namespace

TEST_CASE("records: json pointers map to value positions", "[records]") {
  const std::string text =
      "{\n"
      "  \"id\": \"a-001\",\n"
      "  \"status\": [\n"
      "    {\"date\": \"2026-01-01\", \"status\": \"open\"},\n"
      "    { \"date\" : \"2026-02-01\" }\n"
      "  ],\n"
      "  \"n\": -12.5e3, \"ok\": true, \"none\": null\n"
      "}\n";
  JsonPositions p = JsonPositions::scan(text);
  CHECK(at(p, "") == "1:1");
  CHECK(at(p, "/id") == "2:9");
  CHECK(key_at(p, "/id") == "2:3");
  CHECK(at(p, "/status") == "3:13");
  CHECK(at(p, "/status/0") == "4:5");
  CHECK(at(p, "/status/0/date") == "4:14");
  CHECK(at(p, "/status/0/status") == "4:38");
  CHECK(at(p, "/status/1/date") == "5:16");
  CHECK(key_at(p, "/status/1/date") == "5:7");
  CHECK(at(p, "/n") == "7:8");
  CHECK(at(p, "/ok") == "7:23");
  CHECK(at(p, "/none") == "7:37");
  CHECK(at(p, "/missing") == "none");
}

TEST_CASE("records: json pointer tokens are escaped and keys decoded", "[records]") {
  const std::string text = "{\"a/b\": 1, \"c~d\": 2, \"caf\\u00e9\": [[3, 4]], \"\\\"q\": 5}";
  JsonPositions p = JsonPositions::scan(text);
  CHECK(at(p, "/a~1b") == "1:9");
  CHECK(at(p, "/c~0d") == "1:19");
  CHECK(at(p, "/caf\xC3\xA9/0/1") == "1:40");
  CHECK(at(p, "/\"q") == "1:52");
  CHECK(JsonPositions::pointer({"a/b", "0", "c~"}) == "/a~1b/0/c~0");
}

TEST_CASE("records: nearest position falls back to the closest ancestor", "[records]") {
  JsonPositions p = JsonPositions::scan("{\n  \"a\": {\n    \"b\": 1\n  }\n}");
  CHECK(p.nearest("/a/b").line == 3);
  CHECK(p.nearest("/a/missing").line == 2);
  CHECK(p.nearest("/a/missing").col == 8);
  CHECK(p.nearest("/zzz").line == 1);
}

TEST_CASE("records: byte offsets map to line and column", "[records]") {
  CHECK(line_col_at("ab\ncd", 0).line == 1);
  CHECK(line_col_at("ab\ncd", 4).line == 2);
  CHECK(line_col_at("ab\ncd", 4).col == 2);
}

TEST_CASE("records: scanning stops quietly on malformed text", "[records]") {
  JsonPositions p = JsonPositions::scan("{\"a\": 1, \"b\": ");
  CHECK(at(p, "/a") == "1:7");
  CHECK(at(p, "/b") == "1:15");
}

TEST_CASE("records: a byte order mark does not hide positions", "[records]") {
  JsonPositions p = JsonPositions::scan("\xEF\xBB\xBF{\"a\": 1}");
  CHECK(at(p, "/a") == "1:10");
}
