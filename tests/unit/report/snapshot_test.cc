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
  REQUIRE(d.size() == 2);
  CHECK(d[0].name == "actions/rows/a-2/id");
  CHECK(d[1].name == "actions/rows/a-2/status");
  CHECK(d[0].pointer == "/blocks/actions");
}
