#include <catch2/catch.hpp>

#include "scaffold/scaffold.h"
#include "temp_dir.h"

using namespace qahub;

namespace {

base::Date date(const char* iso) { return *base::Date::parse(iso); }

}  // namespace

TEST_CASE("scaffold: a new survey closes on the as-of date with nobody counted", "[scaffold][surveys]") {
  testing::TempDir site("new-survey");
  diag::Diagnostics d;
  auto plan = scaffold::plan_survey(site.path(), "Supervision survey", "", date("2027-06-01"), d);
  REQUIRE(plan);
  CHECK(d.format_all().empty());
  REQUIRE(plan->files.size() == 1);
  CHECK(plan->files[0].path == "data/surveys/supervision-survey-2027.json");
  const std::string& text = plan->files[0].text;
  CHECK(text.find("\"$schema\": \"../schemas/survey.schema.json\"") != std::string::npos);
  CHECK(text.find("\"date\": \"2027-06-01\"") != std::string::npos);
  CHECK(text.find("\"respondents\": 0") != std::string::npos);
  CHECK(text.find("\"text\": \"TODO: the question as asked\"") != std::string::npos);
  // A title that already ends in the year keeps one year.
  auto again = scaffold::plan_survey(site.path(), "Health check 2027", "", date("2027-06-01"), d);
  REQUIRE(again);
  CHECK(again->files[0].path == "data/surveys/health-check-2027.json");
}

TEST_CASE("scaffold: a repeat copies the earlier run's audience and questions", "[scaffold][surveys]") {
  testing::TempDir site("repeat-survey");
  site.write(
      "data/surveys/pulse-2026.json",
      R"({"id": "pulse-2026", "audience": "The fostering team", "questions": [{"id": "morale", "text": "How is )"
      R"(morale?", "headline": ["good"], "respondents": 9, "options": [{"id": "good", "label": "Good", "count": )"
      R"(6}, {"id": "poor", "label": "Poor", "count": 3}]}]})");
  diag::Diagnostics d;
  auto plan = scaffold::plan_survey(site.path(), "Pulse", "pulse-2026", date("2027-06-01"), d);
  REQUIRE(plan);
  const std::string& text = plan->files[0].text;
  CHECK(plan->files[0].path == "data/surveys/pulse-2027.json");
  CHECK(text.find("\"repeats\": \"pulse-2026\"") != std::string::npos);
  CHECK(text.find("\"audience\": \"The fostering team\"") != std::string::npos);
  CHECK(text.find("\"id\": \"morale\"") != std::string::npos);
  CHECK(text.find("\"headline\": [\n        \"good\"\n      ]") != std::string::npos);
  CHECK(text.find("\"count\": 6") == std::string::npos);  // nobody counted yet
  CHECK(text.find("\"respondents\": 9") == std::string::npos);

  auto unknown = scaffold::plan_survey(site.path(), "Pulse", "pulse-2062", date("2027-06-01"), d);
  CHECK_FALSE(unknown);
  CHECK(d.format_all().find("error: unknown survey \"pulse-2062\"; did you mean \"pulse-2026\"? (surveys are the "
                            "files in data/surveys/)") != std::string::npos);
}
