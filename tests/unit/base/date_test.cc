#include <catch2/catch.hpp>

#include "base/date.h"

#include <cstdio>

using qahub::base::Date;

TEST_CASE("date: parses ISO dates and rejects impossible ones", "[base]") {
  REQUIRE(Date::parse("2026-11-23") == Date{2026, 11, 23});
  CHECK(Date::parse("2024-02-29").has_value());
  CHECK_FALSE(Date::parse("2025-02-29").has_value());
  CHECK_FALSE(Date::parse("2026-13-01").has_value());
  CHECK_FALSE(Date::parse("2026-1-01").has_value());
  CHECK_FALSE(Date::parse("2026-01-01x").has_value());
  CHECK_FALSE(Date::parse("").has_value());
  CHECK_FALSE(Date::parse("+026-01-01").has_value());
}

TEST_CASE("date: day arithmetic round-trips across month and leap-year ends", "[base]") {
  CHECK(Date{2026, 11, 23}.plus_days(14) == Date{2026, 12, 7});
  CHECK(Date{2024, 2, 28}.plus_days(1) == Date{2024, 2, 29});
  CHECK(Date{2025, 12, 31}.plus_days(1) == Date{2026, 1, 1});
  CHECK(Date{1970, 1, 1}.days_since_epoch() == 0);
  CHECK(Date{2000, 3, 1}.plus_days(-1) == Date{2000, 2, 29});
  for (long d = -1000; d < 30000; d += 37) CHECK(Date::from_days(d).days_since_epoch() == d);
}

TEST_CASE("date: formats for machines and people", "[base]") {
  CHECK(Date{2026, 9, 4}.iso() == "2026-09-04");
  CHECK(Date{2026, 9, 4}.human() == "4 September 2026");
  CHECK(Date{2026, 1, 1} < Date{2026, 1, 2});
}

TEST_CASE("date: a year on or back keeps the day, 29 February becomes 28 February", "[base]") {
  using qahub::base::add_years;
  using qahub::base::Date;
  CHECK(add_years(Date{2026, 9, 30}, 1) == Date{2027, 9, 30});
  CHECK(add_years(Date{2028, 2, 29}, -1) == Date{2027, 2, 28});
  CHECK(add_years(Date{2028, 2, 29}, 4) == Date{2032, 2, 29});
  CHECK(qahub::base::financial_year_start(Date{2027, 3, 31}) == Date{2026, 4, 1});
  CHECK(qahub::base::financial_year_start(Date{2026, 4, 1}) == Date{2026, 4, 1});
}

TEST_CASE("date: iso() pads every part as %04d-%02d-%02d does, whatever the year", "[base]") {
  for (const Date d : {Date{2026, 12, 7}, Date{5, 1, 2}, Date{999, 10, 31}, Date{9999, 12, 31}, Date{0, 1, 1},
                       Date{10000, 1, 1}, Date{-1, 1, 1}, Date{2026, 100, 1}}) {
    char expected[40];
    std::snprintf(expected, sizeof expected, "%04d-%02d-%02d", d.year, d.month, d.day);
    CHECK(d.iso() == expected);
  }
}
