#include <catch2/catch.hpp>

#include <set>

#include "records/scorecards.h"
#include "records/site_fixture.h"

using namespace qahub::records;
using namespace qahub::records::testing;

namespace {

const Built& golden_site() {
  static const Built b(std::string(QAHUB_SOURCE_DIR) + "/tests/sites/indicators", "2026-11-23");
  return b;
}

/// The row of `indicator` on scorecard `card` of the golden site, as of its date.
ScorecardRow row_of(const std::string& card, const std::string& indicator) {
  const Records& r = golden_site().data.records;
  for (const ScorecardPart& part : resolve_scorecard(r, r.scorecards.at(card), date("2026-11-23")))
    for (const ScorecardRow& row : part.rows)
      if (row.indicator->id == indicator) return row;
  FAIL("no row " << indicator << " on " << card);
  return {};
}

}  // namespace

TEST_CASE("scorecards: the summary sentence for no, one and many indicators with a target", "[records]") {
  CHECK(summary_sentence({}) == "No indicator here has a target.");
  CHECK(summary_sentence({.with_target = 1, .met = 1}) == "The one indicator with a target met it.");
  CHECK(summary_sentence({.with_target = 1, .within = 1}) ==
        "The one indicator with a target is within its floor or tolerance.");
  CHECK(summary_sentence({.with_target = 1, .not_met = 1}) == "The one indicator with a target did not meet it.");
  CHECK(summary_sentence({.with_target = 1, .not_rated = 1}) == "The one indicator with a target was not rated.");
  CHECK(summary_sentence({.with_target = 18, .met = 11, .within = 4, .not_met = 2, .not_rated = 1}) ==
        "Of 18 indicators with a target, 11 met it, 4 are within floor or tolerance, 2 did not and 1 was not "
        "rated.");
  // Zero counts are left out; one is singular.
  CHECK(summary_sentence({.with_target = 3, .met = 2, .within = 1}) ==
        "Of 3 indicators with a target, 2 met it and 1 is within floor or tolerance.");
  CHECK(summary_sentence({.with_target = 2, .not_rated = 2}) == "Of 2 indicators with a target, 2 were not rated.");
  CHECK(summary_sentence({.with_target = 2, .met = 0, .not_met = 2}) == "Of 2 indicators with a target, 2 did not.");
  const ScorecardSummary s{.with_target = 5, .met = 2, .within = 1, .not_met = 1, .not_rated = 1};
  CHECK(s.rated() == 4);
}

TEST_CASE("scorecards: every rating, and nothing not met for missing data", "[records]") {
  const Records& r = golden_site().data.records;
  const auto parts = resolve_scorecard(r, r.scorecards.at("quarterly"), date("2026-11-23"));
  const ScorecardSummary s = summarise(parts);
  CHECK(summary_sentence(s) ==
        "Of 10 indicators with a target, 4 met it, 2 are within floor or tolerance, 2 did not and 2 were not rated.");
  CHECK(row_of("quarterly", "assessments-timely").latest->rating == Rating::kWithinFloor);
  CHECK(row_of("quarterly", "supervision-recorded").latest->rating == Rating::kWithinTolerance);
  CHECK(row_of("quarterly", "cp-second-time").latest->rating == Rating::kNotMet);
  const ScorecardRow suppressed = row_of("quarterly", "cp-long-plans");
  CHECK(suppressed.has_target);
  CHECK(suppressed.latest->rating == Rating::kNotRated);
  CHECK(suppressed.latest->rating_text == "Not rated: value suppressed");
  const ScorecardRow none = row_of("quarterly", "new-measure");
  CHECK(none.has_target);
  CHECK_FALSE(none.latest);
  CHECK(none.direction_text == "Not compared: no value yet");
  // For information and activity indicators have no target to count.
  CHECK_FALSE(row_of("quarterly", "children-in-care-rate").has_target);
  CHECK_FALSE(row_of("quarterly", "caseload-average").has_target);
  // The hub's figures count every indicator once.
  const ScorecardSummary all = summarise_indicators(r, date("2026-11-23"));
  CHECK(all.with_target == s.with_target);
  CHECK(all.met == s.met);
}

TEST_CASE("scorecards: the latest value is the one whose period ended by the date", "[records]") {
  const Records& r = golden_site().data.records;
  const Indicator& ind = r.indicators.at("cp-second-time");
  CHECK(resolve_row(r, ind, date("2026-11-23")).latest->row.period == "2026-Q3");
  CHECK(resolve_row(r, ind, date("2026-12-30")).latest->row.period == "2026-Q3");
  CHECK(resolve_row(r, ind, date("2026-09-29")).latest->row.period == "2026-Q2");  // Q3 ends on 30 September
  CHECK(resolve_row(r, ind, date("2026-09-30")).latest->row.period == "2026-Q3");
  CHECK_FALSE(resolve_row(r, ind, date("2025-12-30")).latest);
}

TEST_CASE("scorecards: direction of travel by each method", "[records]") {
  // Previous period: what the indicator's own series says.
  CHECK(row_of("quarterly", "cp-second-time").direction_text ==
        "Worsening, compared with 2026-Q1 (2026-Q2 suppressed)");
  CHECK(row_of("quarterly", "placement-moves").direction_text == "Improving");
  CHECK(row_of("quarterly", "assessments-timely").direction_text == "No change");
  // The same period a year earlier.
  CHECK(row_of("year-on-year", "placement-moves").direction_text == "Improving, compared with 2025-10");
  CHECK(row_of("year-on-year", "cp-second-time").direction_text == "Not compared: no value for 2025-Q3");
  CHECK(row_of("year-on-year", "children-in-care-rate").direction_text == "Not compared: 2024-25 not applicable");
  // The trend of the unbroken run ending at the latest value.
  CHECK(row_of("trend", "placement-moves").direction_text == "Improving, trend over the last 4 values");
  CHECK(row_of("trend", "caseload-average").direction_text == "No clear trend, trend over the last 3 values");
  CHECK(row_of("trend", "cp-second-time").direction_text == "Not compared: fewer than three values in a row");
  // A figure's periods follow the cycles, months apart: still a run.
  CHECK(row_of("trend", "audits-good-or-better").direction_text == "Improving, trend over the last 3 values");
}

TEST_CASE("scorecards: a row's recent values end with its latest, at most eight", "[records]") {
  const ScorecardRow row = row_of("quarterly", "placement-moves");
  REQUIRE(row.recent.size() == kRecentValues);
  CHECK(row.recent.back().row.period == "2026-10");
  CHECK(row.recent.front().row.period == "2026-03");
  CHECK(row_of("quarterly", "cp-second-time").comparators ==
        std::vector<std::string>{"England average 2024-25: 16.5% (all local authorities)",
                                 "statistical neighbour average 2024-25: 15.1% (CSSNBT 2023)"});
}

TEST_CASE("scorecards: the method in words", "[records]") {
  Scorecard c;
  CHECK(method_words(c) == "the previous period");
  c.method = "same-period-last-year";
  CHECK(method_words(c) == "the same period last year");
  c.method = "trend";
  c.points = 4;
  CHECK(method_words(c) == "the trend over the last 4 values (no clear trend under 0.50 a period)");
}
