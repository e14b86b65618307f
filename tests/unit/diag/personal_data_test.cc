#include <catch2/catch.hpp>

#include "diag/personal_data.h"

using namespace qahub::diag;

TEST_CASE("personal data: finds e-mail addresses with positions", "[diag]") {
  auto hits = find_personal_data("Ask the team.\nWrite to jo.bloggs@example.org.uk today.");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].text == "jo.bloggs@example.org.uk");
  CHECK(hits[0].kind == "e-mail address");
  CHECK(hits[0].line == 2);
  CHECK(hits[0].col == 10);
}

TEST_CASE("personal data: finds UK phone numbers in the usual shapes", "[diag]") {
  for (const char* number : {"01632 960123", "01632960123", "07700 900123", "020 7946 0000", "+44 20 7946 0000",
                             "(01632) 960 123", "0300-123-4567"}) {
    auto hits = find_personal_data(std::string("Call ") + number + " now");
    INFO(number);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].kind == "phone number");
    CHECK(hits[0].col == 6);
  }
}

TEST_CASE("personal data: ignores dates, years, ids and short numbers", "[diag]") {
  CHECK(find_personal_data("2026-11-23, 2025/26, cycle 3, A-0012, 100,000 words, @mention, a@b").empty());
  CHECK(find_personal_data("0.5 of 1234567890123 items").empty());
}

TEST_CASE("personal data: allow list and line offset", "[diag]") {
  Diagnostics d;
  check_personal_data("x\nteam@example.org and other@example.org", "content/a.md", 4, {"team@example.org"}, d);
  CHECK(d.format_all() ==
        "content/a.md:6:22: error: e-mail address \"other@example.org\" (the hub holds roles, not contact details; "
        "allow it in qahub.yaml allow_personal_data if it is a shared service address)\n");
}
