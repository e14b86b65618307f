#include <catch2/catch.hpp>

#include <vector>

#include "base/date.h"

using qahub::base::add_working_days;
using qahub::base::Date;
using qahub::base::iso_weekday;

namespace working_days_test {
Date on(const char* s) { return *Date::parse(s); }
}  // namespace working_days_test

TEST_CASE("date: ISO weekdays", "[base]") {
  using working_days_test::on;
  CHECK(iso_weekday(on("1970-01-01")) == 4);  // a Thursday
  CHECK(iso_weekday(on("2026-01-15")) == 4);
  CHECK(iso_weekday(on("2026-04-03")) == 5);  // Good Friday 2026
  CHECK(iso_weekday(on("2026-04-05")) == 7);
  CHECK(iso_weekday(on("1969-12-29")) == 1);
}

TEST_CASE("date: working days skip weekends and bank holidays", "[base]") {
  using working_days_test::on;
  // England and Wales, 2026: Good Friday 3 April and Easter Monday 6 April.
  const std::vector<Date> holidays = {on("2026-01-01"), on("2026-04-03"), on("2026-04-06"), on("2026-05-04")};
  // s137: a statement of action within 70 working days of an inspection
  // issued on 15 January 2026 is due on 27 April 2026; without the bank
  // holidays it would be 23 April.
  CHECK(add_working_days(on("2026-01-15"), 70, holidays) == on("2026-04-27"));
  CHECK(add_working_days(on("2026-01-15"), 70, {}) == on("2026-04-23"));
  // Across the Easter weekend: Thursday 2 April + 1 working day is Tuesday 7 April.
  CHECK(add_working_days(on("2026-04-02"), 1, holidays) == on("2026-04-07"));
  // A Friday + 1 is the Monday; zero days is the start itself.
  CHECK(add_working_days(on("2026-01-16"), 1, holidays) == on("2026-01-19"));
  CHECK(add_working_days(on("2026-01-17"), 0, holidays) == on("2026-01-17"));
  // Christmas 2026 (25 and 28 December) and New Year's Day 2027.
  const std::vector<Date> winter = {on("2026-12-25"), on("2026-12-28"), on("2027-01-01")};
  CHECK(add_working_days(on("2026-12-24"), 3, winter) == on("2026-12-31"));
  CHECK(add_working_days(on("2026-12-24"), 4, winter) == on("2027-01-04"));
}
