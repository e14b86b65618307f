#include <catch2/catch.hpp>

#include "figures/catalogue.h"

using namespace qahub;
using nlohmann::json;

namespace {

records::Cycle cycle(long completed, long outstanding, long good, long ri, long inadequate) {
  records::Cycle c;
  c.id = "c";
  c.year = "2026-27";
  c.number = 1;
  c.audits_completed = completed;
  c.audits_moderated = 52;
  c.grades = records::ofsted_grades(outstanding, good, ri, inadequate);
  c.moderation = {47, 2, 3};
  return c;
}

}  // namespace

TEST_CASE("figures: the figure catalogue's counts, shares and changes", "[figures]") {
  const records::Cycle now = cycle(208, 17, 108, 74, 9), before = cycle(196, 14, 97, 75, 10);
  const json f = figures::figure_catalogue(now, &before, nullptr);
  CHECK(f["audits_completed"] == 208);
  CHECK(f["good_or_better"] == 60.1);  // 125 of 208
  CHECK(f["agreement"] == 90.4);       // 47 of 52
  CHECK(f["audits_completed_vs_previous"] == 12);
  CHECK(f["good_or_better_vs_previous"] == 3.5);  // 60.1 - 56.6
  CHECK(f["good_or_better_vs_year_earlier"].is_null());
  CHECK(f["feedback_asked"].is_null());  // no family feedback
  CHECK(f["response"].is_null());
  for (const std::string& name : figures::figure_names()) CHECK(f.contains(name));
  CHECK(f.size() == figures::figure_names().size());
}

TEST_CASE("figures: figure formats: count, percent to one decimal, signed changes", "[figures]") {
  CHECK(figures::format_figure("audits_completed", 208) == "208");
  CHECK(figures::format_figure("good_or_better", 60.1) == "60.1%");
  CHECK(figures::format_figure("inadequate_share", 4.0) == "4.0%");
  CHECK(figures::format_figure("good_or_better_vs_previous", 3.5) == "+3.5 percentage points");
  CHECK(figures::format_figure("agreement_vs_year_earlier", -0.4) ==
        "\xE2\x88\x92"
        "0.4 percentage points");
  CHECK(figures::format_figure("audits_completed_vs_previous", -7) ==
        "\xE2\x88\x92"
        "7");
  CHECK(figures::format_figure("audits_completed_vs_previous", 12) == "+12");
  CHECK(figures::format_figure("audits_completed_vs_previous", 0) == "0");
  CHECK(figures::format_figure("response", json()) == "not available");
}

TEST_CASE("figures: the same cycle a year earlier", "[figures]") {
  records::Records r;
  r.cycles["2025-26-cycle-1"] = cycle(1, 0, 0, 0, 0);
  r.cycles["2025-26-cycle-1"].year = "2025-26";
  r.cycles["2025-26-cycle-2"] = r.cycles["2025-26-cycle-1"];
  r.cycles["2025-26-cycle-2"].number = 2;
  const records::Cycle now = cycle(1, 0, 0, 0, 0);
  REQUIRE(figures::year_earlier(r, now) == &r.cycles["2025-26-cycle-1"]);
}

TEST_CASE("figures: a period's total adds the counts, and has feedback only when every cycle has", "[figures]") {
  records::Cycle a = cycle(208, 17, 108, 74, 9), b = cycle(196, 14, 97, 75, 10);
  a.feedback = records::FamilyFeedback{40, 20, true, 5, 10, 3, 2};
  const records::Cycle t = figures::period_total({&a, &b});
  CHECK(t.audits_completed == 404);
  CHECK(t.audits_moderated == 104);
  CHECK(t.grades.count("good") == 205);
  CHECK(t.grades.good_or_better() == 236);
  CHECK(t.moderation.agreed == 94);
  CHECK_FALSE(t.feedback);
  b.feedback = records::FamilyFeedback{10, 5, false, 0, 0, 0, 0};
  const records::Cycle both = figures::period_total({&a, &b});
  REQUIRE(both.feedback);
  CHECK(both.feedback->responded == 25);
  CHECK_FALSE(both.feedback->has_ratings);  // one cycle has no ratings
  const json f = figures::figure_catalogue(both, nullptr, nullptr);
  CHECK(f["good_or_better"] == 58.4);  // 236 of 404
  CHECK(f["feedback_poor"].is_null());
}
