#include "records/indicator_rules.h"

#include <catch2/catch.hpp>

using namespace qahub::records;

namespace {

Micro d(const char* text) { return *parse_decimal(text); }

}  // namespace

TEST_CASE("indicator rules: decimals are parsed exactly", "[indicator_rules]") {
  CHECK(parse_decimal("64.95") == 64'950'000);
  CHECK(parse_decimal("-3") == -3'000'000);
  CHECK(parse_decimal("0.000001") == 1);
  CHECK_FALSE(parse_decimal(""));
  CHECK_FALSE(parse_decimal("1e3"));
  CHECK_FALSE(parse_decimal("1,000"));
  CHECK_FALSE(parse_decimal(" 1"));
  CHECK_FALSE(parse_decimal("1.0000001"));
  CHECK_FALSE(parse_decimal("c"));
  CHECK(micro_of(65.0) == 65 * kOne);
  CHECK(micro_of(13.6) == 13'600'000);
}

TEST_CASE("indicator rules: rounding is half away from zero, before rating", "[indicator_rules]") {
  CHECK(round_half_away(d("64.95"), 1) == d("65.0"));
  CHECK(round_half_away(d("64.949999"), 1) == d("64.9"));
  CHECK(round_half_away(d("-2.5"), 0) == d("-3"));
  CHECK(round_half_away(d("2.5"), 0) == d("3"));
  CHECK(round_half_away(d("0.125"), 2) == d("0.13"));
  CHECK(format_decimal(d("64.95"), 1) == "65.0");
  CHECK(format_decimal(d("7"), 2) == "7.00");
  CHECK(format_decimal(d("-0.04"), 1) == "0.0");
  CHECK(format_decimal(d("-1.25"), 1) == "-1.3");
  // 64.95 at one decimal is 65.0 and meets a target of 65.
  const Micro v = round_half_away(d("64.95"), 1);
  CHECK(rate(Polarity::kHigher, v, {.value = d("65")}) == Rating::kMet);
  CHECK(rate(Polarity::kHigher, round_half_away(d("64.94"), 1), {.value = d("65")}) == Rating::kNotMet);
}

TEST_CASE("indicator rules: a ratio is rounded the same way", "[indicator_rules]") {
  CHECK(ratio(d("1299"), d("2000"), 100, 1) == d("65.0"));  // 64.95 exactly
  CHECK(ratio(d("12"), d("18"), 100, 1) == d("66.7"));
  CHECK(ratio(d("3"), d("25000"), 10000, 1) == d("1.2"));
  CHECK_FALSE(ratio(d("1"), 0, 100, 1));
}

TEST_CASE("indicator rules: higher, lower and range polarity", "[indicator_rules]") {
  const TargetNumbers floor{.value = d("65"), .floor = d("60")};
  CHECK(rate(Polarity::kHigher, d("65"), floor) == Rating::kMet);
  CHECK(rate(Polarity::kHigher, d("60"), floor) == Rating::kWithinFloor);
  CHECK(rate(Polarity::kHigher, d("59.9"), floor) == Rating::kNotMet);
  const TargetNumbers tol{.value = d("65"), .tolerance = d("2")};
  CHECK(rate(Polarity::kHigher, d("63"), tol) == Rating::kWithinTolerance);
  CHECK(rate(Polarity::kHigher, d("62.9"), tol) == Rating::kNotMet);
  // lower is the mirror image: cp-second-time, target 13.6, floor 16.0.
  const TargetNumbers cp{.value = d("13.6"), .floor = d("16.0")};
  CHECK(rate(Polarity::kLower, d("12.9"), cp) == Rating::kMet);
  CHECK(rate(Polarity::kLower, d("15.0"), cp) == Rating::kWithinFloor);
  CHECK(rate(Polarity::kLower, d("17.2"), cp) == Rating::kNotMet);
  CHECK(rate(Polarity::kLower, d("14.6"), {.value = d("13.6"), .tolerance = d("1")}) == Rating::kWithinTolerance);
  // range: inside the band, within tolerance outside it, else not met; no tolerance, no middle.
  const TargetNumbers band{.low = d("15"), .high = d("22"), .tolerance = d("1")};
  CHECK(rate(Polarity::kRange, d("15"), band) == Rating::kMet);
  CHECK(rate(Polarity::kRange, d("22"), band) == Rating::kMet);
  CHECK(rate(Polarity::kRange, d("23"), band) == Rating::kWithinTolerance);
  CHECK(rate(Polarity::kRange, d("13.9"), band) == Rating::kNotMet);
  CHECK(rate(Polarity::kRange, d("22.1"), {.low = d("15"), .high = d("22")}) == Rating::kNotMet);
  CHECK(rate(Polarity::kHigher, d("50"), {}) == Rating::kNotRated);
  CHECK(rate(Polarity::kRange, d("50"), {.value = d("50")}) == Rating::kNotRated);
}

TEST_CASE("indicator rules: words first", "[indicator_rules]") {
  CHECK(rating_words(Rating::kMet) == "Met");
  CHECK(rating_words(Rating::kWithinFloor) == "Within floor");
  CHECK(rating_words(Rating::kWithinTolerance) == "Within tolerance");
  CHECK(rating_words(Rating::kNotMet) == "Not met");
  CHECK(rating_words(Rating::kNotRated) == "Not rated");
  CHECK(rating_key(Rating::kWithinFloor) == "within-floor");
  CHECK(how_close(Polarity::kHigher, d("63.0"), {.value = d("65.0")}, 1, true) == "2.0 points below target");
  CHECK(how_close(Polarity::kLower, d("17.2"), {.value = d("13.6")}, 1, true) == "3.6 points above target");
  CHECK(how_close(Polarity::kHigher, d("65"), {.value = d("65")}, 1, true) == "on target");
  CHECK(how_close(Polarity::kRange, d("23"), {.low = d("15"), .high = d("22")}, 0, false) == "1 above the band");
  CHECK(how_close(Polarity::kRange, d("20"), {.low = d("15"), .high = d("22")}, 0, false) == "inside the band");
  CHECK(good_is(Polarity::kRange) == "in range");
}

TEST_CASE("indicator rules: symbols and flags", "[indicator_rules]") {
  CHECK(symbol_words('c') == "suppressed");
  CHECK(symbol_words('x') == "not available");
  CHECK(symbol_words('z') == "not applicable");
  CHECK(symbol_words('q').empty());
  CHECK(flag_words('p') == "provisional");
  CHECK(flag_words('r') == "revised");
  CHECK(flag_words('e') == "estimated");
  CHECK(flag_words('u') == "low reliability");
  CHECK(flag_words('b').empty());
}

TEST_CASE("indicator rules: direction follows polarity", "[indicator_rules]") {
  CHECK(direction(Polarity::kHigher, d("60"), d("62")) == Direction::kImproving);
  CHECK(direction(Polarity::kLower, d("15.0"), d("17.2")) == Direction::kWorsening);
  CHECK(direction(Polarity::kLower, d("17.2"), d("15.0")) == Direction::kImproving);
  CHECK(direction(Polarity::kLower, d("15"), d("15")) == Direction::kNoChange);
  // range: nearer the band is improving, inside it both ways is no change.
  CHECK(direction(Polarity::kRange, d("28"), d("25"), d("15"), d("22")) == Direction::kImproving);
  CHECK(direction(Polarity::kRange, d("10"), d("8"), d("15"), d("22")) == Direction::kWorsening);
  CHECK(direction(Polarity::kRange, d("16"), d("21"), d("15"), d("22")) == Direction::kNoChange);
  CHECK(direction(Polarity::kRange, d("16"), d("21")) == Direction::kNotCompared);
  CHECK(direction_words(Direction::kNoClearTrend) == "No clear trend");
}

TEST_CASE("indicator rules: trend slope with a no-clear-trend threshold", "[indicator_rules]") {
  CHECK(trend_slope({d("1"), d("2"), d("3"), d("4")}) == d("1"));
  CHECK(trend_slope({d("10"), d("10"), d("10")}) == 0);
  CHECK(trend_slope({d("5")}) == 0);
  const std::vector<Micro> rising = {d("60"), d("61"), d("60.5"), d("62"), d("63"), d("62.5")};
  CHECK(trend(Polarity::kHigher, rising, d("0.5")) == Direction::kImproving);
  CHECK(trend(Polarity::kLower, rising, d("0.5")) == Direction::kWorsening);
  CHECK(trend(Polarity::kHigher, rising, d("1")) == Direction::kNoClearTrend);
  CHECK(trend(Polarity::kHigher, {d("60")}, d("0.5")) == Direction::kNotCompared);
  // range: the distance from the band shrinking is improving.
  CHECK(trend(Polarity::kRange, {d("30"), d("28"), d("26"), d("24")}, d("0.5"), d("15"), d("22")) ==
        Direction::kImproving);
}

TEST_CASE("indicator rules: periods as data/README.md writes them", "[indicator_rules]") {
  auto q = parse_period(PeriodType::kQuarter, "2026-Q2");
  REQUIRE(q);
  CHECK(q->end.iso() == "2026-06-30");
  CHECK(period_text(PeriodType::kQuarter, q->index + 1) == "2026-Q3");
  CHECK(period_text(PeriodType::kQuarter, q->index + 3) == "2027-Q1");
  CHECK_FALSE(parse_period(PeriodType::kQuarter, "2026-Q5"));
  CHECK_FALSE(parse_period(PeriodType::kMonth, "2026-13"));
  CHECK(parse_period(PeriodType::kMonth, "2026-02")->end.iso() == "2026-02-28");
  CHECK(parse_period(PeriodType::kRolling12, "2026-04")->end.iso() == "2026-04-30");
  auto fy = parse_period(PeriodType::kFinancialYear, "2026-27");
  REQUIRE(fy);
  CHECK(fy->end.iso() == "2027-03-31");
  CHECK_FALSE(parse_period(PeriodType::kFinancialYear, "2026-28"));
  CHECK(period_text(PeriodType::kFinancialYear, 2099) == "2099-00");
  CHECK(period_index(PeriodType::kFinancialYear, {2027, 3, 31}) == 2026);
  CHECK(period_text(PeriodType::kMonth, period_index(PeriodType::kMonth, {2026, 12, 1})) == "2026-12");
  CHECK(any_period_end("2024-25")->iso() == "2025-03-31");
  CHECK(any_period_end("2025")->iso() == "2025-12-31");
  CHECK_FALSE(any_period_end("2025-Q9"));
}
