#include <algorithm>

#include "record_pages/pages.h"
#include "record_pages/urls.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using nlohmann::json;

void add_trends_page(const Context& ctx, RecordPages& out) {
  std::vector<const Cycle*> order;
  for (const auto& [id, c] : ctx.records.cycles) order.push_back(&c);
  std::stable_sort(order.begin(), order.end(), [](const Cycle* a, const Cycle* b) { return a->start() < b->start(); });
  json rows = json::array();
  std::vector<Bar> good_bars, agree_bars;
  for (const Cycle* c : order) {
    const long n = c->audits_completed, m = c->audits_moderated;
    const long gb = c->grades.outstanding + c->grades.good;
    rows.push_back({{"title", c->title()},
                    {"url", urls::cycle(c->id)},
                    {"completed", std::to_string(n)},
                    {"outstanding", percent(c->grades.outstanding, n)},
                    {"good", percent(c->grades.good, n)},
                    {"requires_improvement", percent(c->grades.requires_improvement, n)},
                    {"inadequate", percent(c->grades.inadequate, n)},
                    {"good_or_better", percent(gb, n)},
                    {"moderated", std::to_string(m)},
                    {"agreement", percent(c->moderation.agreed, m)},
                    {"raised", std::to_string(c->moderation.raised)},
                    {"lowered", std::to_string(c->moderation.lowered)},
                    {"response_rate", c->feedback ? percent(c->feedback->responded, c->feedback->asked) : "–"}});
    good_bars.push_back({c->title(), per_mille(gb, n), percent(gb, n), "grade-good"});
    agree_bars.push_back(
        {c->title(), per_mille(c->moderation.agreed, m), percent(c->moderation.agreed, m), "agreement"});
  }
  json v;
  v["cycles"] = rows;
  v["has_cycles"] = !rows.empty();
  v["good_chart"] = bar_chart_svg(
      "chart-good-or-better", "Audits graded good or better, by cycle",
      "Share of audits graded outstanding or good in each cycle, oldest first; the table gives the same figures.",
      good_bars, 1000);
  v["agreement_chart"] = bar_chart_svg("chart-agreement", "Moderation agreement, by cycle",
                                       "Share of moderated audits whose grade the moderator agreed with, oldest first; "
                                       "the table gives the same figures.",
                                       agree_bars, 1000);
  out.pages.push_back(make_page(urls::kTrends, "data/cycles/", "Trends",
                                "Grades and moderation agreement across every audit cycle.", urls::kTrends,
                                render(ctx, "trends", v), {"audit", "trends"}));
}

}  // namespace qahub::record_pages
