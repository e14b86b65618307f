#include <catch2/catch.hpp>

#include <algorithm>

#include "records/relations.h"
#include "report/blocks.h"

using namespace qahub;
using nlohmann::json;

namespace {

/// A cycle of the ofsted-4 scale starting on `start`, with its counts.
records::Cycle cycle(const char* id, int number, base::Date start, long completed, records::Grades grades,
                     long moderated, records::Moderation moderation, records::FamilyFeedback feedback) {
  records::Cycle c;
  c.id = id;
  c.year = "2026-27";
  c.number = number;
  c.months = {{"practitioner_audits", "Practitioner audits", start, start.plus_days(29)}};
  c.audits_completed = completed;
  c.audits_moderated = moderated;
  c.grades = std::move(grades);
  c.moderation = moderation;
  c.feedback = feedback;
  c.key_learning = {{std::string("k1-") + id, std::string("Learning of ") + id}};
  c.breakdown = {
      {"early-help", "north", completed, completed, moderated, c.grades, moderation, "/figures/breakdown/0"}};
  return c;
}

records::Action action(const char* id, const char* source_type, const char* source_id, base::Date due) {
  records::Action a;
  a.id = id;
  a.title = std::string("Action ") + id;
  a.owner = "Head of service";
  a.source_type = source_type;
  a.source_id = source_id;
  a.due = due;
  return a;
}

/// Two cycles of 2026-27 (written into the store out of date order), their
/// actions, a plan action overdue in the period and a meeting naming both cycles.
records::Records two_cycles() {
  records::Records r;
  r.cycles["c2"] = cycle("c2", 2, base::Date{2026, 8, 1}, 100, records::ofsted_grades(10, 50, 30, 10), 20, {18, 1, 1},
                         {40, 20, true, 5, 10, 3, 2});
  r.cycles["c1"] = cycle("c1", 1, base::Date{2026, 4, 1}, 80, records::ofsted_grades(8, 40, 24, 8), 16, {14, 2, 0},
                         {30, 10, true, 4, 4, 1, 1});
  r.actions["a-1"] = action("a-1", "cycle", "c1", base::Date{2027, 3, 1});
  r.actions["a-2"] = action("a-2", "cycle", "c2", base::Date{2027, 3, 1});
  r.actions["a-3"] = action("a-3", "plan", "p1", base::Date{2026, 5, 1});
  records::Meeting m;
  m.id = "m-1";
  m.forum = "board";
  m.date = base::Date{2026, 10, 1};
  m.agenda = {{"10:00", "Cycle 1 findings", "Chair", {}, "c1"}};
  m.decisions = {{"d1", "Agree the workshop", {"a-2"}}};
  r.meetings["m-1"] = m;
  return r;
}

const std::vector<std::string> kCountBlocks = {"figures", "grades", "moderation"};
const std::vector<std::string> kPerCycleBlocks = {"figures",  "grades",   "moderation", "breakdown",
                                                  "feedback", "learning", "actions",    "meetings"};
const std::vector<std::string> kPeriodBlocks = {"progress",   "audits",          "training",      "briefs",
                                                "changes",    "recommendations", "plan-progress", "scorecard",
                                                "indicator",  "inspections",     "background",    "risks",
                                                "surveys",    "claims",          "year-figures",  "under-development",
                                                "weaknesses", "plans-due",       "evidence"};

bool listed(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

TEST_CASE("report: with one cycle every block's data is exactly that cycle's", "[report]") {
  const records::Records r = two_cycles();
  const records::Relations rel(r);
  const std::vector<report::PageChanges> pages;
  const records::Cycle& c2 = r.cycles.at("c2");
  const report::Input in{r, rel, base::Date{2026, 8, 1}, base::Date{2026, 12, 31}, {&c2}, pages, nullptr};
  for (const report::BlockKind& k : report::cycle_blocks()) {
    INFO(k.name);
    const json data = report::block_data(k, in);
    CHECK(data == (k.cycle_data ? k.cycle_data(in, c2) : k.period_data(in)));
    CHECK_FALSE(data.contains("parts"));
    CHECK(report::block_views(k, data, report::ViewInput{json{{"cycle", "c2"}, {"figures", json::object()}}}).size() ==
          1);
  }
  // Today's shapes, values included.
  const json figures = report::block_data(*report::find_block("figures"), in);
  CHECK(figures["cycle"] == "Cycle 2, 2026-27");
  CHECK(figures["previous_cycle"] == "Cycle 1, 2026-27");
  CHECK(figures["rows"][0] ==
        json{{"figure", "audits_completed"}, {"now", 100}, {"previous", 80}, {"year_earlier", nullptr}});
  CHECK(report::block_data(*report::find_block("moderation"), in) ==
        json{{"audits_moderated", 20}, {"agreed", 18}, {"raised", 1}, {"lowered", 1}, {"agreement", 90.0}});
  CHECK(report::block_data(*report::find_block("actions"), in)["rows"].size() == 1);
}

TEST_CASE("report: over two cycles each per-cycle block has a part per cycle in date order", "[report]") {
  const records::Records r = two_cycles();
  const records::Relations rel(r);
  const std::vector<report::PageChanges> pages;
  const report::Input in{
      r,     rel,    base::Date{2026, 4, 1}, base::Date{2026, 12, 31}, {&r.cycles.at("c1"), &r.cycles.at("c2")},
      pages, nullptr};
  for (const report::BlockKind& k : report::cycle_blocks()) {
    INFO(k.name);
    const json data = report::block_data(k, in);
    if (listed(kPeriodBlocks, k.name)) {
      // Worked out over the whole period once.
      CHECK(k.period_data);
      CHECK_FALSE(data.contains("parts"));
      CHECK(data == k.period_data(in));
      continue;
    }
    REQUIRE(listed(kPerCycleBlocks, k.name));
    REQUIRE(data["parts"].size() == 2);
    CHECK(data["parts"][0]["id"] == "c1");
    CHECK(data["parts"][0]["title"] == "Cycle 1, 2026-27");
    CHECK(data["parts"][1]["id"] == "c2");
    CHECK(data["parts"][0]["data"] == k.cycle_data(in, r.cycles.at("c1")));
    CHECK(data["parts"][1]["data"] == k.cycle_data(in, r.cycles.at("c2")));
    CHECK(data.contains("total") == listed(kCountBlocks, k.name));
    // The views: one per part under its cycle's title, then the total.
    const auto views = report::block_views(k, data, report::ViewInput{json::object()});
    REQUIRE(views.size() == (listed(kCountBlocks, k.name) ? 3u : 2u));
    CHECK(views[0].heading == "Cycle 1, 2026-27");
    CHECK(views[1].heading == "Cycle 2, 2026-27");
    if (views.size() == 3) CHECK(views[2].heading == "Period total");
  }
}

TEST_CASE("report: the count blocks' period totals add the counts and take shares of the sums", "[report]") {
  const records::Records r = two_cycles();
  const records::Relations rel(r);
  const std::vector<report::PageChanges> pages;
  const report::Input in{
      r,     rel,    base::Date{2026, 4, 1}, base::Date{2026, 12, 31}, {&r.cycles.at("c1"), &r.cycles.at("c2")},
      pages, nullptr};
  const json figures = report::block_data(*report::find_block("figures"), in);
  const json& rows = figures["total"]["rows"];
  CHECK(rows[0] ==
        json{{"figure", "audits_completed"}, {"now", 180}, {"previous", nullptr}, {"year_earlier", nullptr}});
  CHECK(rows[1]["now"] == 36);
  CHECK(rows[2]["now"] == 60.0);  // (48 + 60) of 180
  // Each part keeps its own cycle's catalogue, for the comparisons its view shows.
  CHECK(figures["parts"][0]["figures"]["audits_completed_vs_previous"].is_null());
  CHECK(figures["parts"][1]["figures"]["audits_completed_vs_previous"] == 20);

  const json grades = report::block_data(*report::find_block("grades"), in)["total"];
  CHECK(grades["audits_completed"] == 180);
  CHECK(grades["good"] == 90);
  CHECK(grades["inadequate"] == 18);
  CHECK(grades["good_share"] == 50.0);

  const json moderation = report::block_data(*report::find_block("moderation"), in)["total"];
  CHECK(moderation ==
        json{{"audits_moderated", 36}, {"agreed", 32}, {"raised", 3}, {"lowered", 1}, {"agreement", 88.9}});
}

TEST_CASE("report: over two cycles the cycle-bound rows go to their own cycle's part", "[report]") {
  const records::Records r = two_cycles();
  const records::Relations rel(r);
  const std::vector<report::PageChanges> pages;
  const report::Input in{
      r,     rel,    base::Date{2026, 4, 1}, base::Date{2026, 12, 31}, {&r.cycles.at("c1"), &r.cycles.at("c2")},
      pages, nullptr};
  const json actions = report::block_data(*report::find_block("actions"), in)["parts"];
  REQUIRE(actions[0]["data"]["rows"].size() == 1);
  CHECK(actions[0]["data"]["rows"][0]["id"] == "a-1");
  CHECK(actions[1]["data"]["rows"][0]["id"] == "a-2");
  const json learning = report::block_data(*report::find_block("learning"), in)["parts"];
  CHECK(learning[0]["data"]["items"][0]["id"] == "k1-c1");
  CHECK(learning[1]["data"]["items"][0]["id"] == "k1-c2");
  const json meetings = report::block_data(*report::find_block("meetings"), in)["parts"];
  CHECK(meetings[0]["data"]["rows"][0]["decisions"].empty());  // on c1's agenda
  CHECK(meetings[1]["data"]["rows"][0]["decisions"][0]["id"] == "d1");
  // Progress is the period's: an action agreed in either cycle is not an earlier one.
  const json progress = report::block_data(*report::find_block("progress"), in);
  REQUIRE(progress["rows"].size() == 1);
  CHECK(progress["rows"][0]["id"] == "a-3");
}
