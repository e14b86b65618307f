#include <catch2/catch.hpp>

#include "report/blocks.h"
#include "report/snapshot.h"

using namespace qahub;
using nlohmann::json;

namespace {

json row(const std::string& s, const std::string& a, long completed) {
  const long good = completed / 2;
  return {{"id", s + "/" + a},
          {"service", s},
          {"area", a},
          {"expected", completed},
          {"completed", completed},
          {"moderated", completed / 2},
          {"outstanding", 0},
          {"good", good},
          {"requires_improvement", completed - good},
          {"inadequate", 0},
          {"agreed", completed / 2},
          {"raised", 0},
          {"lowered", 0}};
}

/// Two services by two areas; the Early Help, North cell has `small` audits.
json data(long small) {
  return {
      {"rows", json::array({row("early-help", "north", small), row("early-help", "south", 40),
                            row("social-work", "north", 40), row("social-work", "south", 40)})},
      {"services",
       json::array({{{"id", "early-help"}, {"name", "Early Help"}}, {{"id", "social-work"}, {"name", "Social Work"}}})},
      {"areas", json::array({{{"id", "north"}, {"name", "North"}}, {{"id", "south"}, {"name", "South"}}})},
      {"moderation",
       {{"audits_completed", 120 + small}, {"audits_moderated", 60}, {"agreed", 60}, {"raised", 0}, {"lowered", 0}}},
      {"independent", json()},
      {"external", json()},
      {"escalations", json()}};
}

}  // namespace

TEST_CASE("report: the breakdown block suppresses a snapshot's small cell when rendering", "[report]") {
  const json snap = {{"cycle", "2026-27-cycle-1"}};
  const figures::FigureOptions options;  // min_cell 5
  const json v = report::breakdown_view(data(3), report::ViewInput{snap, &options});
  REQUIRE(v["has_breakdown"] == true);
  CHECK(v["suppressed"] == true);
  CHECK(v["grid"][0]["name"] == "Early Help");
  CHECK(v["grid"][0]["cells"][0]["text"] == "– (fewer than 5 audits)");
  // Nothing the page or its search text is made from gives the count.
  CHECK(v.dump().find("(3 audits)") == std::string::npos);
  CHECK(v.dump().find("\"3\"") == std::string::npos);
  // Today's threshold applies: with min_cell 2 the same snapshot shows it.
  const figures::FigureOptions loose{2, std::nullopt, std::nullopt, std::nullopt};
  const json shown = report::breakdown_view(data(3), report::ViewInput{snap, &loose});
  CHECK(shown["grid"][0]["cells"][0]["text"].get<std::string>().find("(3 audits)") != std::string::npos);
}

TEST_CASE("report: a snapshot without breakdown data says so instead of showing nothing", "[report]") {
  const json snap = {{"cycle", "2025-26-cycle-1"}};
  const json v = report::breakdown_view(json::object(), report::ViewInput{snap, nullptr});
  CHECK(v["not_kept"] == true);
  CHECK(v["cycle_url"].get<std::string>().find("2025-26-cycle-1") != std::string::npos);
}

TEST_CASE("report: a changed breakdown value names its row when suppressed, quotes it when shown", "[report]") {
  const figures::FigureOptions options;
  const std::string id = "c";
  CHECK(report::breakdown_change_words("breakdown/rows/early-help/north/completed", 3, 4, data(3), data(4), options,
                                       id) ==
        "Early Help, North: audits completed changed (not quoted: small numbers are not shown)");
  // Shown before, suppressed after: still not quoted.
  CHECK(report::breakdown_change_words("breakdown/rows/early-help/north/completed", 20, 4, data(20), data(4), options,
                                       id) ==
        "Early Help, North: audits completed changed (not quoted: small numbers are not shown)");
  CHECK(report::breakdown_change_words("breakdown/rows/early-help/north/completed", 20, 22, data(20), data(22), options,
                                       id) == "Early Help, North: audits completed 20 \xE2\x86\x92 22");
  // A row's grades are never shown on their own, so never quoted.
  CHECK(report::breakdown_change_words("breakdown/rows/early-help/north/inadequate", 0, 1, data(20), data(20), options,
                                       id) ==
        "Early Help, North: audits graded inadequate changed (not quoted: small numbers are not shown)");
  CHECK(report::breakdown_change_words("audits_completed", 1, 2, data(20), data(20), options, id).empty());
  const json values = json::array({{{"name", "breakdown/rows/early-help/north/completed"}, {"old", 3}, {"new", 20}}});
  CHECK(report::breakdown_with_old_values(data(20), values)["rows"][0]["completed"] == 3);
}

TEST_CASE("report: breakdown differences skip a snapshot made before the block and the repeated catalogue",
          "[report]") {
  const json old_snap = {{"figures", json::object()}, {"blocks", json::object()}};
  json now = {{"figures", json::object()}, {"blocks", {{"breakdown", data(20)}}}};
  CHECK(report::differences(old_snap, now).empty());
  json before = {{"figures", json::object()}, {"blocks", {{"breakdown", data(20)}}}};
  json after = before;
  after["blocks"]["breakdown"]["rows"][0]["completed"] = 22;
  after["blocks"]["breakdown"]["moderation"]["audits_completed"] = 142;
  const auto d = report::differences(before, after);
  REQUIRE(d.size() == 1);
  CHECK(d[0].name == "breakdown/rows/early-help/north/completed");
  CHECK(d[0].pointer == "/blocks/breakdown/rows/0/completed");
}
