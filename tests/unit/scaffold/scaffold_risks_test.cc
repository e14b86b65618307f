#include <catch2/catch.hpp>

#include "scaffold/scaffold.h"
#include "temp_dir.h"

using namespace qahub;

TEST_CASE("scaffold: a new risk is raised on the as-of date, due for review in three months", "[scaffold][risks]") {
  testing::TempDir site("new-risk");
  diag::Diagnostics d;
  auto plan =
      scaffold::plan_risk(site.path(), "Too few experienced social workers", *base::Date::parse("2026-11-23"), d);
  REQUIRE(plan);
  CHECK(d.format_all().empty());
  REQUIRE(plan->files.size() == 1);
  CHECK(plan->files[0].path == "data/risks/too-few-experienced-social-workers.json");
  const nlohmann::json j = nlohmann::json::parse(plan->files[0].text);
  CHECK(j["$schema"] == "../schemas/risk.schema.json");
  CHECK(j["history"][0]["date"] == "2026-11-23");
  CHECK(j["history"][0]["likelihood"] == 2);
  CHECK(j["review_by"] == "2027-02-23");
  CHECK(j["owner"].get<std::string>().rfind("TODO:", 0) == 0);
  // A second risk of the same title gets the next free id.
  site.write("data/risks/too-few-experienced-social-workers.json", plan->files[0].text);
  auto again =
      scaffold::plan_risk(site.path(), "Too few experienced social workers", *base::Date::parse("2026-11-23"), d);
  REQUIRE(again);
  CHECK(again->files[0].path == "data/risks/too-few-experienced-social-workers-2.json");
  CHECK_FALSE(scaffold::plan_risk(site.path(), "!!", *base::Date::parse("2026-11-23"), d));
  CHECK(d.format_all() == "qahub: error: the risk needs a title, such as \"Too few experienced social workers\"\n");
}
