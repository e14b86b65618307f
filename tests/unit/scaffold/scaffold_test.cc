#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "scaffold/scaffold.h"
#include "temp_dir.h"

using namespace qahub;

namespace {

base::Date date(const char* iso) { return *base::Date::parse(iso); }

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("scaffold: cycle ids follow the April-to-March year", "[scaffold]") {
  CHECK(scaffold::cycle_id_for(date("2026-04-01")) == "2026-27-cycle-1");
  CHECK(scaffold::cycle_id_for(date("2026-07-31")) == "2026-27-cycle-1");
  CHECK(scaffold::cycle_id_for(date("2026-11-23")) == "2026-27-cycle-2");
  CHECK(scaffold::cycle_id_for(date("2026-12-01")) == "2026-27-cycle-3");
  CHECK(scaffold::cycle_id_for(date("2027-03-31")) == "2026-27-cycle-3");
  CHECK(scaffold::cycle_id_for(date("2099-05-01")) == "2099-00-cycle-1");
  CHECK(scaffold::next_cycle_id("2026-27-cycle-2") == "2026-27-cycle-3");
  CHECK(scaffold::next_cycle_id("2026-27-cycle-3") == "2027-28-cycle-1");
}

TEST_CASE("scaffold: next free ids", "[scaffold]") {
  CHECK(scaffold::first_free_id("return-interviews-2026", {}) == "return-interviews-2026");
  CHECK(scaffold::first_free_id("return-interviews-2026", {"return-interviews-2026"}) == "return-interviews-2026-2");
  CHECK(scaffold::first_free_id("x", {"x", "x-2"}) == "x-3");
  CHECK(scaffold::one_year_on(date("2026-11-23")) == date("2027-11-23"));
  CHECK(scaffold::one_year_on(date("2028-02-29")) == date("2029-02-28"));
}

TEST_CASE("scaffold: a new cycle takes the first free cycle from the as-of date", "[scaffold]") {
  testing::TempDir site("scaffold-cycle");
  site.write("data/cycles/2026-27-cycle-2.json", "{}");
  site.write("data/cycles/2026-27-cycle-3.json", "{}");
  diag::Diagnostics diags;
  auto plan = scaffold::plan_cycle(site.path(), date("2026-11-23"), diags);
  REQUIRE(plan);
  REQUIRE(plan->files.size() == 2);
  CHECK(plan->files[0].path == "data/cycles/2027-28-cycle-1.json");
  // The cycle's draft report, named by the cycle.
  CHECK(plan->files[1].path == "content/learning/2027-28-cycle-1.md");
  CHECK(plan->files[0].text.find("\"report\": \"content/learning/2027-28-cycle-1.md\"") != std::string::npos);
  CHECK(plan->files[1].text.starts_with("---\ntitle: \"Learning and Improvement report: cycle 1, 2027-28\"\n"));
  CHECK(plan->files[1].text.find("published") == std::string::npos);
  const std::string& text = plan->files[0].text;
  CHECK(
      text.starts_with("{\n  \"$schema\": \"../schemas/cycle.schema.json\",\n  \"id\": \"2027-28-cycle-1\",\n"
                       "  \"year\": \"2027-28\",\n  \"number\": 1,\n"));
  CHECK(text.find("\"practitioner_audits\": {\n      \"start\": \"2027-04-01\",\n      \"end\": \"2027-04-30\"") !=
        std::string::npos);
  CHECK(text.find("\"triad_audits\": {\n      \"start\": \"2027-07-01\",\n      \"end\": \"2027-07-31\"") !=
        std::string::npos);
  CHECK(text.find("TODO: ") != std::string::npos);
}

TEST_CASE("scaffold: cycle 3 runs December to March across the calendar year", "[scaffold]") {
  testing::TempDir site("scaffold-cycle3");
  diag::Diagnostics diags;
  auto plan = scaffold::plan_cycle(site.path(), date("2027-01-15"), diags);
  REQUIRE(plan);
  CHECK(plan->files[0].path == "data/cycles/2026-27-cycle-3.json");
  CHECK(plan->files[0].text.find("\"start\": \"2026-12-01\"") != std::string::npos);
  CHECK(plan->files[0].text.find("\"end\": \"2027-02-28\"") != std::string::npos);
  CHECK(plan->files[0].text.find("\"end\": \"2027-03-31\"") != std::string::npos);
}

TEST_CASE("scaffold: a new audit numbers itself after an existing one", "[scaffold]") {
  testing::TempDir site("scaffold-audit");
  site.write("data/audits/return-home-interviews-2026.json", "{}");
  diag::Diagnostics diags;
  auto plan = scaffold::plan_audit(site.path(), "Return home interviews", date("2026-11-23"), diags);
  REQUIRE(plan);
  CHECK(plan->files[0].path == "data/audits/return-home-interviews-2026-2.json");
  CHECK(plan->files[0].text.find("\"theme\": \"Return home interviews\"") != std::string::npos);
  CHECK(plan->files[0].text.find("\"end\": \"2026-12-20\"") != std::string::npos);
}

TEST_CASE("scaffold: a meeting needs a known forum", "[scaffold]") {
  testing::TempDir site("scaffold-meeting");
  site.write(
      "data/forums/practice-board.json",
      R"({"id": "practice-board", "chair": "Principal Social Worker", "membership": ["Head of Quality Assurance"]})");
  diag::Diagnostics diags;
  auto plan = scaffold::plan_meeting(site.path(), "practice-bord", date("2026-11-23"), diags);
  CHECK_FALSE(plan);
  CHECK(diags.format_all() ==
        "qahub: error: unknown forum \"practice-bord\"; did you mean \"practice-board\"? (forums are the files in "
        "data/forums/)\n");

  diag::Diagnostics ok;
  plan = scaffold::plan_meeting(site.path(), "practice-board", date("2026-11-23"), ok);
  REQUIRE(plan);
  REQUIRE(plan->files.size() == 2);
  CHECK(plan->files[0].path == "data/meetings/2026-11-23-practice-board.json");
  CHECK(plan->files[1].path == "data/meetings/2026-11-23-practice-board.md");
  CHECK(plan->files[0].text.find("\"Principal Social Worker (chair)\",\n    \"Head of Quality Assurance\"") !=
        std::string::npos);
  CHECK(plan->files[0].text.find("\"minutes\": \"2026-11-23-practice-board.md\"") != std::string::npos);
}

TEST_CASE("scaffold: a page in a new section brings the section's index", "[scaffold]") {
  testing::TempDir site("scaffold-page");
  diag::Diagnostics diags;
  auto plan = scaffold::plan_page(site.path(), "practice/return-interviews", "Return \"home\" interviews",
                                  date("2026-11-23"), diags);
  REQUIRE(plan);
  REQUIRE(plan->files.size() == 2);
  CHECK(plan->files[0].path == "content/practice/_index.md");
  CHECK(plan->files[1].path == "content/practice/return-interviews.md");
  CHECK(plan->files[1].text.starts_with(
      "---\ntitle: \"Return \\\"home\\\" interviews\"\ndescription: \"TODO: one sentence on what this page is for and "
      "who it helps.\"\nowner: \"TODO: the role that owns this page, such as Head of Quality Assurance\"\n"
      "review_by: 2027-11-23\nchanges:\n  - date: 2026-11-23\n    summary: \"First published.\"\n---\n"));

  site.write("content/practice/_index.md", "x");
  plan = scaffold::plan_page(site.path(), "practice/return-interviews", "T", date("2026-11-23"), diags);
  REQUIRE(plan);
  CHECK(plan->files.size() == 1);
}

TEST_CASE("scaffold: page paths must be SECTION/NAME slugs", "[scaffold]") {
  testing::TempDir site("scaffold-bad-page");
  diag::Diagnostics diags;
  CHECK_FALSE(scaffold::plan_page(site.path(), "practice/../x", "T", date("2026-11-23"), diags));
  CHECK_FALSE(scaffold::plan_page(site.path(), "Practice/Return", "T", date("2026-11-23"), diags));
  CHECK_FALSE(scaffold::plan_page(site.path(), "", "T", date("2026-11-23"), diags));
  CHECK(diags.format_all() ==
        "qahub: error: \"\" in \"\" must be lower-case letters, digits and single hyphens, such as return-interviews\n"
        "qahub: error: \"..\" in \"practice/../x\" must be lower-case letters, digits and single hyphens, such as "
        "return-interviews\n"
        "qahub: error: \"Practice\" in \"Practice/Return\" must be lower-case letters, digits and single hyphens, "
        "such as return-interviews\n");
}

TEST_CASE("scaffold: a page without a section is top level, its title from its name", "[scaffold]") {
  testing::TempDir site("scaffold-top-page");
  diag::Diagnostics diags;
  auto plan = scaffold::plan_page(site.path(), "return-interviews", "", date("2026-11-23"), diags);
  REQUIRE(plan);
  REQUIRE(plan->files.size() == 1);
  CHECK(plan->files[0].path == "content/return-interviews.md");
  CHECK(plan->files[0].text.starts_with("---\ntitle: \"Return interviews\"\n"));
  CHECK(diags.format_all().empty());
}

TEST_CASE("scaffold: never overwrites; writes nothing if any target exists", "[scaffold]") {
  testing::TempDir site("scaffold-overwrite");
  site.write("data/meetings/2026-11-23-practice-board.md", "my minutes");
  scaffold::Plan plan{
      {{"data/meetings/2026-11-23-practice-board.json", "{}"}, {"data/meetings/2026-11-23-practice-board.md", "new"}}};
  diag::Diagnostics diags;
  CHECK_FALSE(scaffold::write_plan(site.path(), plan, diags));
  CHECK(diags.format_all() ==
        "data/meetings/2026-11-23-practice-board.md: error: already exists; qahub new never overwrites a file\n");
  CHECK(read(site.path() / "data/meetings/2026-11-23-practice-board.md") == "my minutes");
  CHECK_FALSE(std::filesystem::exists(site.path() / "data/meetings/2026-11-23-practice-board.json"));

  diag::Diagnostics ok;
  scaffold::Plan fresh{{{"content/a/b.md", "text"}}};
  CHECK(scaffold::write_plan(site.path(), fresh, ok));
  CHECK(read(site.path() / "content/a/b.md") == "text");
}
