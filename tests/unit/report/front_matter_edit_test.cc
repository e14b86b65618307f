#include <catch2/catch.hpp>

#include "report/front_matter_edit.h"

using namespace qahub::report;

TEST_CASE("report: publish inserts or replaces the published line, touching no other byte", "[report]") {
  CHECK(set_published("---\ntitle: A\n---\nBody\n", "2026-09-08") ==
        "---\ntitle: A\npublished: 2026-09-08\n---\nBody\n");
  CHECK(set_published("---\r\ntitle: A\r\npublished: 2026-01-01\r\nowner: B\r\n---\r\nBody", "2026-09-08") ==
        "---\r\ntitle: A\r\npublished: 2026-09-08\r\nowner: B\r\n---\r\nBody");
  CHECK(set_published("No front matter\n", "2026-09-08") == std::nullopt);
  CHECK(set_published("---\ntitle: A\n", "2026-09-08") == std::nullopt);
}

TEST_CASE("report: a correction goes first in changes, in the list's indentation", "[report]") {
  CHECK(add_change("---\ntitle: A\nchanges:\n    - date: 2026-09-08\n      summary: x\n---\n", "2026-11-23",
                   "Corrected: \"grades\"") ==
        "---\ntitle: A\nchanges:\n    - date: 2026-11-23\n      summary: \"Corrected: \\\"grades\\\"\"\n"
        "    - date: 2026-09-08\n      summary: x\n---\n");
  CHECK(add_change("---\ntitle: A\n---\n", "2026-11-23", "Corrected") ==
        "---\ntitle: A\nchanges:\n  - date: 2026-11-23\n    summary: \"Corrected\"\n---\n");
}
