#include <catch2/catch.hpp>

#include "records/indicators.h"
#include "records/site_fixture.h"
#include "records/surveys.h"

using namespace qahub::records;
using namespace qahub::records::testing;

namespace {

const Built& golden_site() {
  static const Built b(std::string(QAHUB_SOURCE_DIR) + "/tests/sites/surveys", "2026-11-23");
  return b;
}

std::vector<std::string> ids(const std::vector<const Survey*>& runs) {
  std::vector<std::string> out;
  for (const Survey* s : runs) out.push_back(s->id);
  return out;
}

}  // namespace

TEST_CASE("surveys: the golden site loads with no error or warning", "[records]") {
  INFO(golden_site().diags.format_all());
  for (const auto& d : golden_site().diags.sorted())  // its one notice: a target no decision set
    CHECK(d.severity == qahub::diag::Severity::kNotice);
  CHECK(golden_site().diags.error_count() == 0);
  CHECK(golden_site().data.records.surveys.size() == 5);
}

TEST_CASE("surveys: a survey's runs are every run linked by repeats, oldest first", "[records]") {
  const Records& r = golden_site().data.records;
  CHECK(ids(survey_runs(r, "wellbeing-2026")) == std::vector<std::string>{"wellbeing-2025", "wellbeing-2026"});
  CHECK(ids(survey_runs(r, "wellbeing-2025")) == std::vector<std::string>{"wellbeing-2025", "wellbeing-2026"});
  CHECK(ids(survey_runs(r, "carers-2026")) == std::vector<std::string>{"carers-2026"});
  CHECK(survey_runs(r, "nothing").empty());
}

TEST_CASE("surveys: a question's share of its headline or named options", "[records]") {
  const Survey& s = golden_site().data.records.surveys.at("wellbeing-2026");
  const SurveyQuestion& q = *s.question("workload");
  CHECK(survey_share(q, {}) == 62'500'000);                    // agree: 40 of 64
  CHECK(survey_share(q, {"agree", "neither"}) == 81'250'000);  // 52 of 64
  const Survey& carers = golden_site().data.records.surveys.at("carers-2026");
  CHECK(survey_share(*carers.question("recommend"), {}) == 62'500'000);  // shares as given
}

TEST_CASE("surveys: an indicator takes one value per run, suppressed under the minimum", "[records]") {
  const Records& r = golden_site().data.records;
  const std::vector<RatedPeriod> supported = rate_series(r, r.indicators.at("staff-supported"));
  REQUIRE(supported.size() == 2);
  CHECK(supported[0].row.period == "2025-26");
  CHECK(supported[0].value_text == "66.7%");
  CHECK(supported[0].row.numerator == 40 * kOne);
  CHECK(supported[0].row.denominator == 60 * kOne);
  CHECK(supported[1].row.period == "2026-27");
  CHECK(supported[1].value_text == "78.1%");
  CHECK(supported[1].rating_text == "Within tolerance");
  CHECK(supported[1].direction_text == "Improving");
  const std::vector<RatedPeriod> morale = rate_series(r, r.indicators.at("team-morale"));
  REQUIRE(morale.size() == 2);
  CHECK(morale[0].value_text == "58%");
  CHECK(morale[1].value_text == "c (suppressed)");
  CHECK(morale[1].rating_text == "Not rated: value suppressed");
}

TEST_CASE("surveys: the minimum is the site's", "[records]") {
  Records r;  // the surveys and indicators alone (Records holds narratives, which are not copied)
  r.surveys = golden_site().data.records.surveys;
  r.indicators = golden_site().data.records.indicators;
  r.min_cell = 3;
  const std::vector<IndicatorValue> v = survey_values(r, r.indicators.at("team-morale"));
  REQUIRE(v.size() == 2);
  CHECK(v[1].value == 75 * kOne);
}
