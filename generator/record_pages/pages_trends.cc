/// /trends/: every cycle compared by band (good or better, below good,
/// serious), so cycles graded on different scales stay comparable; a change
/// of scale is a visible break in the tables and charts. Good-or-better share
/// and moderation rate for the whole authority, each service and each area:
/// tables first, then small multiples (small_multiples.h). Suppressed
/// service and area figures (breakdown.h) are labelled gaps.
#include <algorithm>

#include "figures/percent.h"
#include "record_pages/breakdown.h"
#include "record_pages/pages.h"
#include "record_pages/small_multiples.h"
#include "record_pages/urls.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using figures::per_mille;
using figures::percent;
using nlohmann::json;

namespace {

/// One line of the trends: the whole authority, a service or an area.
struct Series {
  std::string key;  ///< "authority", "service-early-help", "area-north": chart ids
  std::string name;
  std::vector<LinePoint> good, rate;
};

/// A gap's words in a table cell and on a chart.
struct Gap {
  const char* cell;
  const char* chart;
};
constexpr Gap kSuppressed{"not shown (small numbers)", "not shown"};
constexpr Gap kNoBreakdown{"no breakdown", "no breakdown"};
constexpr Gap kNotAudited{"not audited", "not audited"};

std::string pm_text(long pm) { return std::to_string(pm / 10) + "." + std::to_string(pm % 10) + "%"; }

LinePoint point(std::optional<long> pm, const Gap& gap) {
  return pm ? LinePoint{pm, ""} : LinePoint{std::nullopt, gap.chart};
}

std::string cell_text(const LinePoint& p) {
  if (p.pm) return pm_text(*p.pm);
  if (p.gap == kSuppressed.chart) return kSuppressed.cell;
  return p.gap;
}

/// The services (or areas) any cycle's breakdown names: the organisation's
/// order, then any it does not list, in the order cycles name them.
std::vector<std::pair<std::string, std::string>> units_named(const std::vector<std::vector<UnitShare>>& shares,
                                                             const Organisation* org, bool services) {
  std::vector<std::pair<std::string, std::string>> out;
  auto named = [&](const std::string& id) {
    for (const auto& cycle : shares)
      for (const UnitShare& u : cycle)
        if (u.service == services && u.id == id) return true;
    return false;
  };
  auto has = [&](const std::string& id) {
    return std::any_of(out.begin(), out.end(), [&](const auto& p) { return p.first == id; });
  };
  if (org)
    for (const OrgUnit& u : services ? org->services : org->areas)
      if (named(u.id)) out.emplace_back(u.id, u.name);
  for (const auto& cycle : shares)
    for (const UnitShare& u : cycle)
      if (u.service == services && !has(u.id)) out.emplace_back(u.id, u.name);
  return out;
}

std::string chart_desc(const std::string& what, const Series& s, const std::vector<LinePoint>& points,
                       const std::vector<const Cycle*>& order, const std::vector<std::string>& breaks) {
  std::string d = what + " for " + (s.key == "authority" ? "the whole authority" : s.name) +
                  " in each cycle, oldest first, on a scale of 0 to 100%: ";
  for (size_t i = 0; i < order.size(); ++i) {
    d += (i ? "; " : "") + order[i]->title() + " " + cell_text(points[i]);
    if (!breaks[i].empty()) d += " (" + breaks[i] + ")";
  }
  return d + ". The table gives the same figures.";
}

}  // namespace

void add_trends_page(const Context& ctx, RecordPages& out) {
  std::vector<const Cycle*> order;
  for (const auto& [id, c] : ctx.records.cycles) order.push_back(&c);
  std::stable_sort(order.begin(), order.end(), [](const Cycle* a, const Cycle* b) { return a->start() < b->start(); });
  const Organisation* org = ctx.records.organisation ? &*ctx.records.organisation : nullptr;

  // Where the grading scale changes: a sentence before the first cycle on the new one.
  std::vector<std::string> breaks(order.size());
  std::vector<size_t> break_at;
  json changes = json::array();
  for (size_t i = 1; i < order.size(); ++i) {
    if (order[i]->scale == order[i - 1]->scale) continue;
    const Scale* before = find_scale(ctx.records, order[i - 1]->scale);
    const Scale* after = find_scale(ctx.records, order[i]->scale);
    const std::string from = before ? before->name : order[i - 1]->scale, to = after ? after->name : order[i]->scale;
    std::string title = order[i]->title();
    title[0] = static_cast<char>(title[0] - 'A' + 'a');  // "cycle 1, 2027-28"
    breaks[i] = "grading changed from " + from + " to " + to + " from " + title;
    break_at.push_back(i);
    changes.push_back({{"from", from},
                       {"from_url", urls::scale(order[i - 1]->scale)},
                       {"to", to},
                       {"to_url", urls::scale(order[i]->scale)},
                       {"cycle", title}});
  }

  json rows = json::array();
  std::vector<Bar> agree_bars;
  std::vector<std::vector<UnitShare>> shares;
  for (size_t i = 0; i < order.size(); ++i) {
    const Cycle* c = order[i];
    const long n = c->audits_completed, m = c->audits_moderated;
    const Scale* scale = find_scale(ctx.records, c->scale);
    // The table's break row: the sentence with a capital and what it means for reading across it.
    std::string change;
    if (!breaks[i].empty()) change = "G" + breaks[i].substr(1) + ": before and after compare by band only";
    rows.push_back({{"title", c->title()},
                    {"url", urls::cycle(c->id)},
                    {"scale", scale ? scale->name : c->scale},
                    {"scale_url", urls::scale(c->scale)},
                    {"completed", std::to_string(n)},
                    {"good_or_better", percent(c->grades.in_band(Band::kGoodOrBetter), n)},
                    {"below_good", percent(c->grades.in_band(Band::kBelowGood), n)},
                    {"serious", percent(c->grades.in_band(Band::kSerious), n)},
                    {"moderated", std::to_string(m)},
                    {"agreement", percent(c->moderation.agreed, m)},
                    {"raised", std::to_string(c->moderation.raised)},
                    {"lowered", std::to_string(c->moderation.lowered)},
                    {"response_rate", c->feedback ? percent(c->feedback->responded, c->feedback->asked) : "–"},
                    {"change", change}});
    agree_bars.push_back(
        {c->title(), per_mille(c->moderation.agreed, m), percent(c->moderation.agreed, m), "agreement"});
    shares.push_back(unit_shares(*c, org, ctx.input.figures));
  }

  // The series: the whole authority, each service, each area.
  std::vector<Series> series;
  Series whole{"authority", "Whole authority", {}, {}};
  for (const Cycle* c : order) {
    const long n = c->audits_completed;
    whole.good.push_back(
        point(n > 0 ? std::optional<long>(per_mille(c->grades.good_or_better(), n)) : std::nullopt, kNoBreakdown));
    whole.rate.push_back(
        point(n > 0 ? std::optional<long>(per_mille(c->audits_moderated, n)) : std::nullopt, kNoBreakdown));
  }
  series.push_back(std::move(whole));
  for (bool services : {true, false})
    for (const auto& [id, name] : units_named(shares, org, services)) {
      Series s{std::string(services ? "service-" : "area-") + id, name, {}, {}};
      for (size_t i = 0; i < order.size(); ++i) {
        const Gap& none = shares[i].empty() ? kNoBreakdown : kNotAudited;
        auto u = std::find_if(shares[i].begin(), shares[i].end(),
                              [&](const UnitShare& x) { return x.service == services && x.id == id; });
        if (u == shares[i].end()) {
          s.good.push_back(point(std::nullopt, none));
          s.rate.push_back(point(std::nullopt, none));
        } else {
          s.good.push_back(point(u->good_pm, kSuppressed));
          s.rate.push_back(point(u->moderation_pm, kSuppressed));
        }
      }
      series.push_back(std::move(s));
    }

  // Tables: a row per cycle, a column per series; the charts: one per series.
  std::vector<LineX> x;
  for (const Cycle* c : order) x.push_back({"Cycle " + std::to_string(c->number), c->year});
  json heads = json::array(), good_rows = json::array(), rate_rows = json::array();
  for (const Series& s : series) heads.push_back({{"name", s.name}});
  for (size_t i = 0; i < order.size(); ++i) {
    json good_cells = json::array(), rate_cells = json::array();
    for (const Series& s : series) {
      good_cells.push_back({{"text", cell_text(s.good[i])}});
      rate_cells.push_back({{"text", cell_text(s.rate[i])}});
    }
    const json& r = rows[i];
    good_rows.push_back({{"title", r["title"]}, {"url", r["url"]}, {"change", r["change"]}, {"cells", good_cells}});
    rate_rows.push_back({{"title", r["title"]}, {"url", r["url"]}, {"cells", rate_cells}});
  }
  json good_charts = json::array(), rate_charts = json::array();
  for (const Series& s : series) {
    LineChart g{"trend-good-" + s.key,
                s.name + ": good or better",
                chart_desc("Share of audits graded good or better", s, s.good, order, breaks),
                x,
                s.good,
                break_at};
    good_charts.push_back({{"name", s.name}, {"svg", line_chart_svg(g)}});
    LineChart m{"trend-rate-" + s.key,
                s.name + ": moderation rate",
                chart_desc("Share of audits completed that were moderated", s, s.rate, order,
                           std::vector<std::string>(order.size())),
                x,
                s.rate,
                {}};
    rate_charts.push_back({{"name", s.name}, {"svg", line_chart_svg(m)}});
  }

  json v;
  v["cycles"] = rows;
  v["has_cycles"] = !rows.empty();
  v["changes"] = changes;
  v["series_heads"] = heads;
  v["columns"] = std::to_string(series.size() + 1);
  v["good_rows"] = good_rows;
  v["rate_rows"] = rate_rows;
  v["good_charts"] = good_charts;
  v["rate_charts"] = rate_charts;
  v["min_cell"] = std::to_string(ctx.input.figures.min_cell);
  v["agreement_chart"] = bar_chart_svg("chart-agreement", "Moderation agreement, by cycle",
                                       "Share of moderated audits whose grade the moderator agreed with, oldest first; "
                                       "the table gives the same figures.",
                                       agree_bars, 1000);
  out.pages.push_back(make_page(urls::kTrends, "data/cycles/", "Trends",
                                "Grades and moderation agreement across every audit cycle.", urls::kTrends,
                                render(ctx, "trends", v), {"audit", "trends"}));
}

}  // namespace qahub::record_pages
