#include <catch2/catch.hpp>

#include "figures/percent.h"

using namespace qahub::figures;

TEST_CASE("figures: shares round half up to one decimal", "[figures]") {
  CHECK(percent(125, 208) == "60.1%");
  CHECK(percent(1, 8) == "12.5%");  // 125 per mille exactly
  CHECK(percent(1, 16) == "6.3%");  // 62.5 per mille, half up
  CHECK(percent(3, 0) == "–");
  CHECK(per_mille(1, 16) == 63);
  CHECK(per_mille(3, 0) == 0);
}

TEST_CASE("figures: a difference of shares in points", "[figures]") {
  CHECK(change_points(601, 566) == "+3.5 points");
  CHECK(change_points(566, 569) == "−0.3 points");
  CHECK(change_points(500, 500) == "no change");
}
