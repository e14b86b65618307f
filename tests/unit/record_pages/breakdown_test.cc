#include <catch2/catch.hpp>

#include "record_pages/breakdown.h"

using namespace qahub::records;
using namespace qahub::record_pages;
using nlohmann::json;

namespace {

BreakdownRow row(const char* s, const char* a, long completed, long good, long moderated, long expected = -1) {
  BreakdownRow r;
  r.service = s;
  r.area = a;
  r.completed = completed;
  r.expected = expected < 0 ? completed : expected;
  r.grades = ofsted_grades(0, good, completed - good, 0);
  r.moderated = moderated;
  r.moderation = {moderated, 0, 0};
  return r;
}

Cycle cycle(std::vector<BreakdownRow> rows) {
  Cycle c;
  c.id = "2026-27-cycle-1";
  c.year = "2026-27";
  c.number = 1;
  c.breakdown = std::move(rows);
  long good = 0, below = 0;
  for (const BreakdownRow& r : c.breakdown) {
    c.audits_completed += r.completed;
    c.audits_moderated += r.moderated;
    good += r.grades.count("good");
    below += r.grades.count("requires_improvement");
    c.moderation.agreed += r.moderated;
  }
  c.grades = ofsted_grades(0, good, below, 0);
  return c;
}

Organisation org() {
  Organisation o;
  o.services = {{"eh", "Early Help"}, {"sw", "Social Work"}};
  o.areas = {{"north", "North"}, {"east", "East"}, {"south", "South"}};
  return o;
}

const json* find(const json& rows, const std::string& name) {
  for (const json& r : rows)
    if (r["name"] == name) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("breakdown: no rows, only the moderation table", "[breakdown]") {
  Cycle c = cycle({});
  c.audits_completed = 40;
  c.audits_moderated = 10;
  c.moderation = {8, 1, 1};
  c.independent = 6;
  json v = breakdown_view(c, nullptr, {});
  CHECK(v["has_breakdown"] == false);
  CHECK(v["moderation"][0]["value"] == "10 of 40 audits completed (25.0%)");
  CHECK(v["moderation"][1]["value"] == "8 of 10 moderated (80.0%); raised 1, lowered 1");
  CHECK(v["moderation"][2]["value"] ==
        "6 of 10 moderated (60.0%) by someone outside the case's line management with no prior knowledge of the case");
  CHECK(v["moderation"][3]["value"] == "None recorded for this cycle");
}

TEST_CASE("breakdown: the moderation target is named in words", "[breakdown]") {
  Cycle c = cycle({row("eh", "north", 40, 30, 8)});
  qahub::figures::FigureOptions o;
  o.moderation_rate_pm = 250;
  CHECK(breakdown_view(c, nullptr, o)["moderation"][0]["value"] ==
        "8 of 40 audits completed (20.0%), below the target of 25.0%");
  o.moderation_rate_pm = 200;
  CHECK(breakdown_view(c, nullptr, o)["moderation"][0]["value"] ==
        "8 of 40 audits completed (20.0%), meeting the target of 20.0%");
}

TEST_CASE("breakdown: rows summed by service and by area, with coverage and differences", "[breakdown]") {
  Organisation o = org();
  Cycle c = cycle({row("eh", "north", 20, 15, 6, 25), row("eh", "east", 20, 8, 5), row("sw", "north", 20, 14, 5),
                   row("sw", "east", 20, 10, 6)});
  json v = breakdown_view(c, &o, {});
  CHECK(v["suppressed"] == false);
  const json* eh = find(v["services"], "Early Help");
  REQUIRE(eh);
  CHECK((*eh)["completed"] == "40");
  CHECK((*eh)["coverage"] == "88.9%");  // 40 of 45
  CHECK((*eh)["good_or_better"] == "23");
  CHECK((*eh)["good_share"] == "57.5%");
  CHECK((*eh)["difference"] == "−1.3 points");
  const json* north = find(v["areas"], "North");
  REQUIRE(north);
  CHECK((*north)["good_share"] == "72.5%");
  CHECK((*north)["difference"] == "+13.7 points");
  CHECK((*north)["moderation_rate"] == "27.5%");
  const json* east = find(v["areas"], "East");
  CHECK((*east)["difference"] == "−13.8 points");
  // Areas the rows do not name are not shown; the organisation's order is kept.
  CHECK(v["areas"].size() == 2);
  CHECK(v["areas"][0]["name"] == "North");
  CHECK(v["authority"]["good_share"] == "58.8%");
  CHECK(v["grid"][0]["cells"][0]["text"] == "75.0% (20 audits)");
  CHECK(v["variation"][0] ==
        "North and East differ by 27.5 points in the share of audits graded good or better (72.5% and 45.0%): "
        "candidates for the next triad audits.");
}

TEST_CASE("breakdown: a small count is fewer than 5, and what would give it away is hidden", "[breakdown]") {
  Organisation o = org();
  Cycle c = cycle({row("eh", "north", 3, 2, 1), row("eh", "east", 12, 8, 5), row("eh", "south", 20, 12, 6),
                   row("sw", "north", 15, 9, 5), row("sw", "east", 14, 7, 5), row("sw", "south", 16, 10, 6)});
  json v = breakdown_view(c, &o, {});
  CHECK(v["suppressed"] == true);
  // Primary: 3 audits in Early Help, North.
  CHECK(v["grid"][0]["cells"][0]["text"] == "– (fewer than 5 audits)");
  // Secondary: the next smallest in its service (East, 12) and in its area (Social Work, 15).
  CHECK(v["grid"][0]["cells"][1]["text"] == "– (number of audits not shown)");
  CHECK(v["grid"][1]["cells"][0]["text"] == "– (number of audits not shown)");
  // A subtotal with a hidden member shows its own total, but not its share when a part of it is hidden.
  const json* eh = find(v["services"], "Early Help");
  REQUIRE(eh);
  CHECK((*eh)["completed"] == "35");
  // The authority's totals are shown as they are.
  CHECK(v["authority"]["completed"] == "80");
  // Differences from fewer than 30 audits carry the small-sample note.
  const json* south = find(v["areas"], "South");
  REQUIRE(south);
  CHECK((*south)["good_share"] != "–");
}

TEST_CASE("breakdown: the configured threshold is the number shown", "[breakdown]") {
  Organisation o = org();
  Cycle c = cycle({row("eh", "north", 8, 6, 3), row("eh", "east", 30, 20, 10), row("sw", "north", 30, 18, 10),
                   row("sw", "east", 30, 15, 10)});
  qahub::figures::FigureOptions opt;
  opt.min_cell = 10;
  json v = breakdown_view(c, &o, opt);
  CHECK(v["grid"][0]["cells"][0]["text"] == "– (fewer than 10 audits)");
  CHECK(v["min_cell"] == "10");
}

TEST_CASE("breakdown: small samples and ties in the widest variation", "[breakdown]") {
  Organisation o = org();
  // North 60%, East 40%, South 75% (20 audits each, one service): the widest is South and East.
  Cycle c = cycle({row("eh", "north", 20, 12, 6), row("eh", "east", 20, 8, 6), row("eh", "south", 20, 15, 6)});
  json v = breakdown_view(c, &o, {});
  CHECK(v["variation"][0] ==
        "South and East differ by 35.0 points in the share of audits graded good or better (75.0% and 40.0%): "
        "candidates for the next triad audits. Small sample: compare with care.");
  CHECK(find(v["areas"], "North")->at("difference") == "+1.7 points (small sample: compare with care)");
  // One service: nothing to compare.
  CHECK(v["variation"][1] ==
        "Fewer than two services have a good-or-better share that can be shown, so no variation between them is "
        "named.");
  // Equal gaps: the first pair by id (east < north < south) wins.
  Cycle tie = cycle({row("eh", "north", 40, 20, 10), row("eh", "east", 40, 30, 10), row("eh", "south", 40, 20, 10)});
  json t = breakdown_view(tie, &o, {});
  CHECK(t["variation"][0] ==
        "East and North differ by 25.0 points in the share of audits graded good or better (75.0% and 50.0%): "
        "candidates for the next triad audits.");
}
