#include <catch2/catch.hpp>

#include "figures/quarters.h"

using namespace qahub;

TEST_CASE("figures: a date's quarter and a quarter's words", "[figures]") {
  CHECK(figures::quarter_of(base::Date{2026, 11, 3}) == "2026-Q4");
  CHECK(figures::quarter_of(base::Date{2027, 1, 1}) == "2027-Q1");
  CHECK(figures::quarter_label("2026-Q2") == "April to June 2026");
  CHECK(figures::quarter_label("2026-Q5") == "2026-Q5");  // not a quarter: as written
  CHECK(figures::quarter_label("soon") == "soon");
}
