#include <catch2/catch.hpp>

#include "report/snapshot.h"

using namespace qahub;
using nlohmann::json;

namespace {

json snapshot(long completed, double share, const std::string& status) {
  return {
      {"figures", {{"audits_completed", completed}, {"good_or_better", share}, {"good_or_better_vs_previous", 1.5}}},
      {"blocks",
       {{"actions", {{"rows", json::array({{{"id", "a-1"}, {"title", "Workshops"}, {"status", status}}})}}},
        {"grades", {{"audits_completed", completed}}}}}};
}

}  // namespace

TEST_CASE("report: a changed count is named alone, not the shares that follow from it", "[report]") {
  const auto d = report::differences(snapshot(208, 60.1, "open"), snapshot(210, 59.5, "open"));
  REQUIRE(d.size() == 1);
  CHECK(d[0].name == "audits_completed");
  CHECK(d[0].pointer == "/figures/audits_completed");
  CHECK(d[0].old_value == 208);
  CHECK(d[0].new_value == 210);
  CHECK(d[0].words == "says audits_completed 208, the data now says 210");
  CHECK(report::cycle_pointer("audits_completed") == "/figures/audits_completed");
  CHECK(report::cycle_pointer("good_share") == "/figures");
}

TEST_CASE("report: shares differ alone when the compared cycle was corrected", "[report]") {
  json now = snapshot(208, 60.1, "open");
  now["figures"]["good_or_better_vs_previous"] = 2.0;
  const auto d = report::differences(snapshot(208, 60.1, "open"), now);
  REQUIRE(d.size() == 1);
  CHECK(d[0].name == "good_or_better_vs_previous");
}

TEST_CASE("report: block values compare by id and key, never by wording", "[report]") {
  json reworded = snapshot(208, 60.1, "open");
  reworded["blocks"]["actions"]["rows"][0]["title"] = "Planning workshops";
  CHECK(report::differences(snapshot(208, 60.1, "open"), reworded).empty());
  const auto d = report::differences(snapshot(208, 60.1, "open"), snapshot(208, 60.1, "complete"));
  REQUIRE(d.size() == 1);
  CHECK(d[0].name == "actions/rows/a-1/status");
  CHECK(d[0].pointer == "/blocks/actions/rows/0/status");
  CHECK(d[0].words == "says the status of action a-1 is open, the data now says complete");
  CHECK(report::value_text(d[0].old_value) == "open");
  CHECK(report::value_text(json()) == "nothing");
}

TEST_CASE("report: a snapshot file has sorted keys, two-space indent and a final newline", "[report]") {
  const std::string text = report::snapshot_text(json{{"z", 1}, {"a", {{"b", "2026-09-08"}}}});
  CHECK(text == "{\n  \"a\": {\n    \"b\": \"2026-09-08\"\n  },\n  \"z\": 1\n}\n");
}

TEST_CASE("report: fields a snapshot lacks are never compared", "[report]") {
  const json now = snapshot(210, 59.5, "complete");
  json old = snapshot(208, 60.1, "open");
  // A figure, a row's field and a whole block the snapshot was written without.
  old["figures"].erase("audits_completed");
  old["figures"].erase("good_or_better");
  old["blocks"]["actions"]["rows"][0].erase("status");
  old["blocks"].erase("grades");
  CHECK(report::differences(old, now).empty());
  // A row the data now has and the snapshot does not is still a difference.
  json more = now;
  more["blocks"]["actions"]["rows"].push_back({{"id", "a-2"}, {"title", "Audit tool"}, {"status", "open"}});
  const auto d = report::differences(old, more);
  REQUIRE(d.size() == 1);  // one row, one difference
  CHECK(d[0].name == "actions/rows/a-2/id");
  CHECK(d[0].pointer == "/blocks/actions/rows");
  CHECK(d[0].words == "does not list action a-2, which the data now has");
}

namespace {

json page_change(const std::string& page, const std::string& date, const std::string& summary) {
  return {{"page", page}, {"url", "/x/"}, {"title", "T"}, {"date", date}, {"summary", summary}};
}

json changes(json pages) {
  return {{"blocks", {{"changes", {{"pages", pages}, {"closed", json::array()}, {"findings", json::array()}}}}}};
}

}  // namespace

TEST_CASE("report: rows compare by key, so a missing row does not shift the rest", "[report]") {
  const json was =
      changes({page_change("content/a.md", "2026-09-07", "A"), page_change("content/b.md", "2026-08-24", "B"),
               page_change("content/c.md", "2026-08-10", "C")});
  const json now =
      changes({page_change("content/b.md", "2026-08-24", "B"), page_change("content/c.md", "2026-08-10", "C")});
  const auto d = report::differences(was, now);
  REQUIRE(d.size() == 1);
  CHECK(d[0].words == "lists the change to page content/a.md, the data now has no such row");
  CHECK(d[0].pointer == "/blocks/changes/pages/0");
}

TEST_CASE("report: a renamed page is one difference naming both paths", "[report]") {
  const json was =
      changes({page_change("content/a.md", "2026-09-07", "A"), page_change("content/b.md", "2026-08-24", "B")});
  const json now =
      changes({page_change("content/a2.md", "2026-09-07", "A"), page_change("content/b.md", "2026-08-24", "B")});
  const auto d = report::differences(was, now);
  REQUIRE(d.size() == 1);
  CHECK(d[0].words == "lists the change to page content/a.md, which is now content/a2.md");
  // A page renamed with its change reworded is two rows, each said once.
  const json reworded = changes(
      {page_change("content/a2.md", "2026-09-07", "A, rewritten"), page_change("content/b.md", "2026-08-24", "B")});
  CHECK(report::differences(was, reworded).size() == 2);
}

TEST_CASE("report: a page changed twice in a period keeps both rows apart", "[report]") {
  const json was =
      changes({page_change("content/a.md", "2026-09-07", "A2"), page_change("content/a.md", "2026-08-01", "A1")});
  json now = was;
  now["blocks"]["changes"]["pages"][1]["date"] = "2026-08-02";
  const auto d = report::differences(was, now);
  REQUIRE(d.size() == 1);
  CHECK(d[0].words ==
        "says the date of the change to page content/a.md (2) is 2026-08-01, the data now says 2026-08-02");
}

TEST_CASE("report: findings are named with their audit, decisions with their meeting", "[report]") {
  json was = {{"blocks",
               {{"changes",
                 {{"pages", json::array()},
                  {"closed", json::array()},
                  {"findings", json::array({{{"audit", "x"}, {"id", "s1"}, {"text", "t"}},
                                            {{"audit", "y"}, {"id", "s1"}, {"text", "t"}}})}}},
                {"meetings",
                 {{"rows", json::array({{{"id", "m1"},
                                         {"date", "2026-09-01"},
                                         {"decisions", json::array({{{"id", "d1"}, {"text", "t"}}})}}})}}}}}};
  json now = was;
  now["blocks"]["changes"]["findings"].erase(1);
  now["blocks"]["meetings"]["rows"][0]["decisions"].erase(0);
  const auto d = report::differences(was, now);
  REQUIRE(d.size() == 2);
  CHECK(d[0].words == "lists decision d1 of meeting m1, the data now has no such row");
  CHECK(d[1].words == "lists finding s1 of audit y, the data now has no such row");
}

TEST_CASE("report: a revised indicator value on a published scorecard is named by indicator", "[report]") {
  auto with = [](const std::string& value, const std::string& rating, long met) {
    json row = {{"id", "re-referrals"},
                {"title", "Re-referrals"},
                {"period", "2026-Q3"},
                {"value", value},
                {"rating", rating},
                {"direction", "Improving"},
                {"recent", json::array({{{"when", "2026-Q3"}, {"shown", value}, {"number", "1"}}})}};
    return json{{"figures", {{"indicators_met", met}, {"indicators_rated", 9}}},
                {"blocks", {{"scorecard", {{"quarterly", {{"title", "Quarterly"}, {"rows", json::array({row})}}}}}}}};
  };
  // Reworded direction or history is not a difference; the value, rating and figures are.
  json reworded = with("19.8%", "Met", 5);
  reworded["blocks"]["scorecard"]["quarterly"]["rows"][0]["direction"] = "Improving, compared with 2026-Q2";
  CHECK(report::differences(with("19.8%", "Met", 5), reworded).empty());
  const auto d = report::differences(with("19.8%", "Met", 5), with("22.4%", "Within tolerance", 4));
  REQUIRE(d.size() == 3);
  CHECK(d[0].words == "says indicators_met 5, the data now says 4");
  CHECK(d[1].name == "scorecard/quarterly/rows/re-referrals/rating");
  CHECK(d[1].words ==
        "says the rating of indicator re-referrals of scorecard quarterly is Met, the data now says Within tolerance");
  CHECK(d[2].words ==
        "says the value of indicator re-referrals of scorecard quarterly is 19.8%, the data now says 22.4%");
}
