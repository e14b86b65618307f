#include <catch2/catch.hpp>

#include "records/risks.h"

using namespace qahub;
using namespace qahub::records;

namespace {

base::Date d(int y, int m, int day) { return base::Date{y, m, day}; }

Risk risk() {
  Risk k;
  k.id = "r-1";
  k.title = "Too few experienced social workers";
  k.history = {{d(2026, 1, 15), 3, 3, "Raised."}, {d(2026, 4, 15), 4, 3, ""}, {d(2026, 7, 15), 4, 4, ""}};
  k.review_by = d(2026, 10, 15);
  return k;
}

}  // namespace

TEST_CASE("records: the default risk matrix is 5 by 5 with low, medium and high bands", "[records][risks]") {
  const config::RiskMatrix m;
  CHECK(m.max_score() == 25);
  CHECK(m.band_name(1) == "low");
  CHECK(m.band_name(4) == "low");
  CHECK(m.band_name(5) == "medium");
  CHECK(m.band_name(11) == "medium");
  CHECK(m.band_name(12) == "high");
  CHECK(m.band_name(25) == "high");
  CHECK(m.top_band(12));
  CHECK_FALSE(m.top_band(11));
  CHECK(m.band_to(0) == 4);
  CHECK(m.band_to(2) == 25);
  CHECK(m.band_name(0) == "low");  // never out of range, whatever the score
  CHECK(m.band_name(99) == "high");
}

TEST_CASE("records: a risk as of a date: current and previous assessment, band, direction", "[records][risks]") {
  const config::RiskMatrix m;
  const Risk k = risk();
  SECTION("before it is raised") {
    const RiskState s = risk_state(k, m, d(2026, 1, 14));
    CHECK_FALSE(s.raised);
    CHECK_FALSE(s.open);
    CHECK(risk_status_words(k, s) == "Not yet raised");
  }
  SECTION("new: one assessment") {
    const RiskState s = risk_state(k, m, d(2026, 1, 15));
    CHECK(s.open);
    CHECK(s.score == 9);
    CHECK(s.band_name == "medium");
    CHECK(s.direction == RiskDirection::kNew);
    CHECK(risk_direction_words(s) == "New: one assessment so far");
    CHECK(risk_direction_key(s.direction) == std::string("new"));
  }
  SECTION("rising, into the top band") {
    const RiskState s = risk_state(k, m, d(2026, 8, 1));
    CHECK(s.score == 16);
    CHECK(s.previous_score == 12);
    CHECK(s.top_band);
    CHECK(s.direction == RiskDirection::kRising);
    CHECK(risk_direction_words(s) == "Rising (12 to 16)");
    CHECK(risk_score_words(*s.current, m) == "16, high (likelihood 4 × impact 4)");
    CHECK_FALSE(s.overdue_review);
  }
  SECTION("falling and unchanged") {
    Risk f = k;
    f.history.push_back({d(2026, 9, 1), 2, 4, ""});
    CHECK(risk_direction_words(risk_state(f, m, d(2026, 9, 1))) == "Falling (16 to 8)");
    f.history.push_back({d(2026, 10, 1), 4, 2, ""});
    CHECK(risk_direction_words(risk_state(f, m, d(2026, 10, 1))) == "No change (8)");
  }
  SECTION("a review overdue only while open") {
    CHECK(risk_state(k, m, d(2026, 10, 16)).overdue_review);
    CHECK_FALSE(risk_state(k, m, d(2026, 10, 15)).overdue_review);
    Risk c = k;
    c.closed = d(2026, 9, 30);
    const RiskState s = risk_state(c, m, d(2026, 10, 16));
    CHECK_FALSE(s.open);
    CHECK_FALSE(s.overdue_review);
    CHECK(risk_status_words(c, s) == "Closed 30 September 2026");
    CHECK(risk_state(c, m, d(2026, 9, 29)).open);
  }
  SECTION("on a site's own matrix") {
    config::RiskMatrix own;
    own.likelihood = own.impact = 4;
    own.bands = {{"low", 1}, {"moderate", 4}, {"significant", 8}, {"severe", 12}};
    const RiskState s = risk_state(k, own, d(2026, 4, 15));
    CHECK(s.band_name == "severe");
    CHECK(s.top_band);
    CHECK(own.band_name(9) == "significant");
  }
}
