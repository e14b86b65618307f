#include "record_pages/breakdown.h"

#include <algorithm>

#include "figures/percent.h"
#include "figures/suppression.h"
#include "record_pages/view_common.h"

namespace qahub::record_pages {

using namespace records;  // the typed model this view shows

using figures::change_points;
using figures::per_mille;
using figures::percent;
using nlohmann::json;
namespace disclosure = figures::disclosure;

namespace {

/// The counts of one row that are published, directly or through a share:
/// audits completed, good or better, the rest, moderated, not moderated.
struct Counts {
  long expected = 0, completed = 0, good = 0, moderated = 0;
  void add(const Counts& o) {
    expected += o.expected;
    completed += o.completed;
    good += o.good;
    moderated += o.moderated;
  }
};

/// Where a row's counts sit in the suppression table.
struct Cells {
  size_t completed, good, below, moderated, unmoderated;
};

constexpr int kMeasures = 5;
size_t cell(const Cells& c, int k) {
  const size_t all[kMeasures] = {c.completed, c.good, c.below, c.moderated, c.unmoderated};
  return all[k];
}

Cells add_row(disclosure::Table& t, const Counts& n, bool always_shown) {
  Cells c;
  c.completed = t.add(n.completed, always_shown);
  c.good = t.add(n.good, always_shown);
  c.below = t.add(n.completed - n.good, always_shown);
  c.moderated = t.add(n.moderated, always_shown);
  c.unmoderated = t.add(n.completed - n.moderated, always_shown);
  // Within a row: good or better and the rest make its completed; so do moderated and not.
  t.lines.push_back({{c.good, c.below}, c.completed});
  t.lines.push_back({{c.moderated, c.unmoderated}, c.completed});
  return c;
}

/// Lines: each measure of `members` adds up to the same measure of `total`.
void add_lines(disclosure::Table& t, const std::vector<Cells>& members, const Cells& total) {
  for (int k = 0; k < kMeasures; ++k) {
    disclosure::Line line{{}, cell(total, k)};
    for (const Cells& m : members) line.members.push_back(cell(m, k));
    t.lines.push_back(line);
  }
}

struct Unit {
  std::string id, name;
  Counts counts;
  Cells cells{};
};

/// The units (services or areas) the rows name, in the organisation's order,
/// then any it does not list, in the rows' order.
std::vector<Unit> units_of(const std::vector<BreakdownRow>& rows, const std::vector<OrgUnit>* listed,
                           std::string BreakdownRow::*key) {
  std::vector<Unit> out;
  auto has = [&](const std::string& id) {
    return std::any_of(out.begin(), out.end(), [&](const Unit& u) { return u.id == id; });
  };
  if (listed)
    for (const OrgUnit& u : *listed)
      if (std::any_of(rows.begin(), rows.end(), [&](const BreakdownRow& r) { return r.*key == u.id; }))
        out.push_back({u.id, u.name, {}, {}});
  for (const BreakdownRow& r : rows)
    if (!has(r.*key)) out.push_back({r.*key, r.*key, {}, {}});
  return out;
}

size_t index_of(const std::vector<Unit>& units, const std::string& id) {
  for (size_t i = 0; i < units.size(); ++i)
    if (units[i].id == id) return i;
  return 0;
}

/// What one row shows, given what is suppressed.
struct Shown {
  const std::vector<bool>& hidden;
  const figures::FigureOptions& options;
  long authority_pm;

  /// A shown count; "fewer than 5" when it is small (primary); "–" when it is
  /// hidden only so that a small one cannot be worked out (secondary).
  std::string count(long v, size_t cell_index) const {
    if (!hidden[cell_index]) return std::to_string(v);
    return v < options.min_cell ? "fewer than " + std::to_string(options.min_cell) : "–";
  }
  std::string audits(long v, size_t cell_index) const {
    if (!hidden[cell_index]) return std::to_string(v) + " audits";
    return v < options.min_cell ? "fewer than " + std::to_string(options.min_cell) + " audits"
                                : "number of audits not shown";
  }
  bool share_shown(const Cells& c, size_t a, size_t b, long whole) const {
    return whole > 0 && !hidden[c.completed] && !hidden[a] && !hidden[b];
  }
  json row(const std::string& name, const Counts& n, const Cells& c, bool is_authority) const {
    json v;
    v["name"] = name;
    v["completed"] = count(n.completed, c.completed);
    v["coverage"] = !hidden[c.completed] && n.expected > 0 ? percent(n.completed, n.expected) : "–";
    v["good_or_better"] = count(n.good, c.good);
    const bool good_shown = share_shown(c, c.good, c.below, n.completed);
    v["good_share"] = good_shown ? percent(n.good, n.completed) : "–";
    if (is_authority) {
      v["difference"] = "–";
    } else if (good_shown) {
      v["difference"] = change_points(per_mille(n.good, n.completed), authority_pm) +
                        (n.completed < kSmallSample ? " (small sample: compare with care)" : "");
    } else {
      v["difference"] = "–";
    }
    v["moderated"] = count(n.moderated, c.moderated);
    v["moderation_rate"] =
        share_shown(c, c.moderated, c.unmoderated, n.completed) ? percent(n.moderated, n.completed) : "–";
    return v;
  }
  /// The per-mille good-or-better share of a unit, when it is shown.
  std::optional<long> good_pm(const Unit& u) const {
    if (!share_shown(u.cells, u.cells.good, u.cells.below, u.counts.completed)) return std::nullopt;
    return per_mille(u.counts.good, u.counts.completed);
  }
};

std::string points(long pm) { return std::to_string(pm / 10) + "." + std::to_string(pm % 10) + " points"; }

/// The largest gap in good-or-better share between two units whose shares
/// are shown (ties: the first pair by id), in words.
std::string widest(const std::vector<Unit>& units, const Shown& shown, const char* plural) {
  std::vector<const Unit*> by_id;
  for (const Unit& u : units)
    if (shown.good_pm(u)) by_id.push_back(&u);
  if (by_id.size() < 2)
    return std::string("Fewer than two ") + plural +
           " have a good-or-better share that can be shown, so no variation between them is named.";
  std::sort(by_id.begin(), by_id.end(), [](const Unit* a, const Unit* b) { return a->id < b->id; });
  long best = -1;
  const Unit *x = nullptr, *y = nullptr;
  for (size_t i = 0; i < by_id.size(); ++i)
    for (size_t j = i + 1; j < by_id.size(); ++j) {
      long gap = std::labs(*shown.good_pm(*by_id[i]) - *shown.good_pm(*by_id[j]));
      if (gap > best) best = gap, x = by_id[i], y = by_id[j];
    }
  if (*shown.good_pm(*y) > *shown.good_pm(*x)) std::swap(x, y);  // the higher share first
  std::string s = x->name + " and " + y->name + " differ by " + points(best) +
                  " in the share of audits graded good or better (" + percent(x->counts.good, x->counts.completed) +
                  " and " + percent(y->counts.good, y->counts.completed) + "): candidates for the next triad audits.";
  if (x->counts.completed < kSmallSample || y->counts.completed < kSmallSample)
    s += " Small sample: compare with care.";
  return s;
}

std::string area_chart(const Cycle& c, const std::vector<Unit>& areas, const Shown& shown) {
  std::vector<Bar> bars;
  for (const Unit& a : areas)
    if (auto pm = shown.good_pm(a))
      bars.push_back({a.name, *pm, percent(a.counts.good, a.counts.completed), "grade-good"});
  if (bars.empty()) return "";
  const bool all = bars.size() == areas.size();
  return bar_chart_svg("chart-areas-" + c.id, "Good or better by area",
                       std::string("Share of audits graded good or better in each area") +
                           (all ? "" : " whose figures can be shown (areas with small numbers are left out)") +
                           "; the same figures are in the By area table.",
                       bars, 1000);
}

json moderation_rows(const Cycle& c, const figures::FigureOptions& o) {
  json rows = json::array();
  auto row = [&](const std::string& measure, const std::string& value) {
    rows.push_back({{"measure", measure}, {"value", value}});
  };
  // A figure the cycle never recorded: its placeholder is the theme's
  // sentence, not the site's, so the cycle page keeps it out of search.
  auto missing = [&](const std::string& measure, const std::string& placeholder) {
    rows.push_back({{"measure", measure}, {"value", placeholder}, {"missing", true}});
  };
  const long n = c.audits_completed, m = c.audits_moderated;
  std::string rate = std::to_string(m) + " of " + std::to_string(n) + " audits completed (" + percent(m, n) + ")";
  if (o.moderation_rate_pm && n > 0) {
    const bool below = m * 1000 < *o.moderation_rate_pm * n;
    rate += (below ? ", below the target of " : ", meeting the target of ") + percent(*o.moderation_rate_pm, 1000);
  }
  row("Moderation rate", rate);
  row("Moderator agreed the grade", std::to_string(c.moderation.agreed) + " of " + std::to_string(m) + " moderated (" +
                                        percent(c.moderation.agreed, m) + "); raised " +
                                        std::to_string(c.moderation.raised) + ", lowered " +
                                        std::to_string(c.moderation.lowered));
  if (c.independent)
    row("Independent moderation",
        std::to_string(*c.independent) + " of " + std::to_string(m) + " moderated (" + percent(*c.independent, m) +
            ") by someone outside the case's line management with no prior knowledge of the case");
  else
    missing("Independent moderation", "Not recorded for this cycle");
  if (c.external)
    row("External audits moderated", std::to_string(c.external->moderated) + " of " +
                                         std::to_string(c.external->audits) +
                                         " audits by someone from outside the authority (" +
                                         percent(c.external->moderated, c.external->audits) + ")");
  else
    missing("External audits moderated", "None recorded for this cycle");
  if (c.escalations) {
    const Escalations& e = *c.escalations;
    row("Inadequate grades escalated", std::to_string(e.escalated) + " of " + std::to_string(e.inadequate) + " (" +
                                           percent(e.escalated, e.inadequate) + ")");
    row("Inadequate grades re-audited", std::to_string(e.re_audited) + " of " + std::to_string(e.inadequate) + " (" +
                                            percent(e.re_audited, e.inadequate) + ")");
  } else {
    missing("Inadequate grades escalated", "Not recorded for this cycle");
  }
  return rows;
}

}  // namespace

namespace {

/// A cycle's breakdown with its small numbers suppressed: the units, the
/// rows' counts and cells, and which cells are hidden.
struct Suppressed {
  std::vector<Unit> services, areas;
  std::vector<Counts> row_counts;
  std::vector<Cells> row_cells;
  Counts authority;
  Cells whole{};
  std::vector<bool> hidden;
};

Suppressed suppress_breakdown(const Cycle& c, const Organisation* org, const figures::FigureOptions& options) {
  Suppressed d;
  std::vector<Unit>& services = d.services;
  std::vector<Unit>& areas = d.areas;
  services = units_of(c.breakdown, org ? &org->services : nullptr, &BreakdownRow::service);
  areas = units_of(c.breakdown, org ? &org->areas : nullptr, &BreakdownRow::area);
  for (const BreakdownRow& r : c.breakdown) {
    Counts n{r.expected, r.completed, r.grades.good_or_better(), r.moderated};
    d.row_counts.push_back(n);
    services[index_of(services, r.service)].counts.add(n);
    areas[index_of(areas, r.area)].counts.add(n);
    d.authority.add(n);
  }

  disclosure::Table t;
  for (const Counts& n : d.row_counts) d.row_cells.push_back(add_row(t, n, false));
  for (Unit& u : services) u.cells = add_row(t, u.counts, false);
  for (Unit& u : areas) u.cells = add_row(t, u.counts, false);
  d.whole = add_row(t, d.authority, true);  // authority-wide totals are shown as they are
  std::vector<Cells> subtotals;
  for (Unit& s : services) {
    std::vector<Cells> members;
    for (size_t i = 0; i < c.breakdown.size(); ++i)
      if (c.breakdown[i].service == s.id) members.push_back(d.row_cells[i]);
    add_lines(t, members, s.cells);
    subtotals.push_back(s.cells);
  }
  add_lines(t, subtotals, d.whole);
  subtotals.clear();
  for (Unit& a : areas) {
    std::vector<Cells> members;
    for (size_t i = 0; i < c.breakdown.size(); ++i)
      if (c.breakdown[i].area == a.id) members.push_back(d.row_cells[i]);
    add_lines(t, members, a.cells);
    subtotals.push_back(a.cells);
  }
  add_lines(t, subtotals, d.whole);
  d.hidden = disclosure::suppress(t, options.min_cell);
  return d;
}

}  // namespace

std::vector<UnitShare> unit_shares(const Cycle& c, const Organisation* org, const figures::FigureOptions& options) {
  std::vector<UnitShare> out;
  if (c.breakdown.empty()) return out;
  const Suppressed d = suppress_breakdown(c, org, options);
  const Shown shown{d.hidden, options, 0};
  auto add = [&](const Unit& u, bool service) {
    UnitShare s{service, u.id, u.name, shown.good_pm(u), std::nullopt};
    if (shown.share_shown(u.cells, u.cells.moderated, u.cells.unmoderated, u.counts.completed))
      s.moderation_pm = per_mille(u.counts.moderated, u.counts.completed);
    out.push_back(std::move(s));
  };
  for (const Unit& u : d.services) add(u, true);
  for (const Unit& u : d.areas) add(u, false);
  return out;
}

json breakdown_view(const Cycle& c, const Organisation* org, const figures::FigureOptions& options) {
  json v;
  v["moderation"] = moderation_rows(c, options);
  v["min_cell"] = std::to_string(options.min_cell);
  v["has_breakdown"] = !c.breakdown.empty();
  if (c.breakdown.empty()) return v;

  const Suppressed d = suppress_breakdown(c, org, options);
  const std::vector<Unit>& services = d.services;
  const std::vector<Unit>& areas = d.areas;
  const std::vector<Counts>& row_counts = d.row_counts;
  const std::vector<Cells>& row_cells = d.row_cells;
  const Counts& authority = d.authority;
  const Cells& whole = d.whole;
  const std::vector<bool>& hidden = d.hidden;
  v["suppressed"] = std::find(hidden.begin(), hidden.end(), true) != hidden.end();

  const Shown shown{hidden, options, per_mille(authority.good, authority.completed)};
  json sv = json::array(), av = json::array();
  for (const Unit& s : services) sv.push_back(shown.row(s.name, s.counts, s.cells, false));
  for (const Unit& a : areas) av.push_back(shown.row(a.name, a.counts, a.cells, false));
  v["services"] = sv;
  v["areas"] = av;
  v["authority"] = shown.row("Whole authority", authority, whole, true);
  if (options.good_or_better_pm) v["good_or_better_target"] = percent(*options.good_or_better_pm, 1000);

  json grid_areas = json::array(), grid = json::array();
  for (const Unit& a : areas) grid_areas.push_back({{"name", a.name}});
  for (const Unit& s : services) {
    json cells = json::array();
    for (const Unit& a : areas) {
      std::string text = "not audited";
      for (size_t i = 0; i < c.breakdown.size(); ++i) {
        const BreakdownRow& r = c.breakdown[i];
        if (r.service != s.id || r.area != a.id) continue;
        const Cells& rc = row_cells[i];
        const bool share = shown.share_shown(rc, rc.good, rc.below, r.completed);
        text = (share ? percent(row_counts[i].good, r.completed) : std::string("–")) + " (" +
               shown.audits(r.completed, rc.completed) + ")";
      }
      cells.push_back({{"text", text}});
    }
    grid.push_back({{"name", s.name}, {"cells", cells}});
  }
  v["grid_areas"] = grid_areas;
  v["grid"] = grid;
  v["variation"] = json::array({widest(areas, shown, "areas"), widest(services, shown, "services")});
  v["area_chart"] = area_chart(c, areas, shown);
  return v;
}

}  // namespace qahub::record_pages
