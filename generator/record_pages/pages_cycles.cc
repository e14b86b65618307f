#include <algorithm>

#include "figures/percent.h"
#include "record_pages/breakdown.h"
#include "record_pages/figure_checks.h"
#include "record_pages/pages.h"
#include "record_pages/urls.h"
#include "records/status.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using figures::change_points;
using figures::per_mille;
using figures::percent;
using nlohmann::json;

namespace {

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

json figure_row(const std::string& measure, long value, long whole, const std::string& of_what, const Cycle* prev,
                long prev_value, long prev_whole) {
  json row;
  row["measure"] = measure;
  row["value"] = std::to_string(value);
  row["share"] = whole > 0 ? percent(value, whole) + " of " + of_what : "";
  if (prev) {
    row["previous"] = std::to_string(prev_value) + (prev_whole > 0 ? " (" + percent(prev_value, prev_whole) + ")" : "");
    row["change"] =
        whole > 0 && prev_whole > 0
            ? change_points(per_mille(value, whole), per_mille(prev_value, prev_whole))
            : (value == prev_value ? "no change"
                                   : (value > prev_value ? "+" : "−") + std::to_string(std::labs(value - prev_value)));
  } else {
    row["previous"] = "–";
    row["change"] = "–";
  }
  return row;
}

json figures(const Cycle& c, const Cycle* p, const Scale& scale) {
  json rows = json::array();
  const long n = c.audits_completed, pn = p ? p->audits_completed : 0;
  rows.push_back(figure_row("Audits completed", n, 0, "", p, pn, 0));
  rows.push_back(figure_row("Audits moderated", c.audits_moderated, n, "audits", p, p ? p->audits_moderated : 0, pn));
  // Grades compare with the previous cycle only on the same scale.
  const Cycle* gp = p && p->scale == c.scale ? p : nullptr;
  for (const ScaleLevel& l : scale.levels)
    rows.push_back(figure_row("Graded " + lower_first(l.label), c.grades.count(l.id), n, "audits", gp,
                              gp ? gp->grades.count(l.id) : 0, gp ? pn : 0));
  const long m = c.audits_moderated, pm = p ? p->audits_moderated : 0;
  rows.push_back(figure_row("Moderator agreed the grade", c.moderation.agreed, m, "moderated", p,
                            p ? p->moderation.agreed : 0, pm));
  rows.push_back(figure_row("Moderator raised the grade", c.moderation.raised, m, "moderated", p,
                            p ? p->moderation.raised : 0, pm));
  rows.push_back(figure_row("Moderator lowered the grade", c.moderation.lowered, m, "moderated", p,
                            p ? p->moderation.lowered : 0, pm));
  if (c.feedback) {
    const FamilyFeedback& f = *c.feedback;
    const bool pf = p && p->feedback;
    const Cycle* pp = pf ? p : nullptr;
    rows.push_back(figure_row("Families asked for feedback", f.asked, 0, "", pp, pf ? p->feedback->asked : 0, 0));
    rows.push_back(figure_row("Families who responded", f.responded, f.asked, "asked", pp,
                              pf ? p->feedback->responded : 0, pf ? p->feedback->asked : 0));
    if (f.has_ratings) {
      const long pr = pf && p->feedback->has_ratings ? p->feedback->responded : 0;
      const Cycle* prc = pr > 0 ? p : nullptr;
      rows.push_back(figure_row("Rated the service very good", f.very_good, f.responded, "responses", prc,
                                prc ? p->feedback->very_good : 0, pr));
      rows.push_back(
          figure_row("Rated the service good", f.good, f.responded, "responses", prc, prc ? p->feedback->good : 0, pr));
      rows.push_back(
          figure_row("Rated the service fair", f.fair, f.responded, "responses", prc, prc ? p->feedback->fair : 0, pr));
      rows.push_back(
          figure_row("Rated the service poor", f.poor, f.responded, "responses", prc, prc ? p->feedback->poor : 0, pr));
    }
  }
  return rows;
}

std::string grades_chart(const Cycle& c, const Scale& scale) {
  const long n = c.audits_completed;
  std::vector<Bar> bars;
  for (const ScaleLevel& l : scale.levels) {
    std::string css = "grade-" + l.id;
    std::replace(css.begin(), css.end(), '_', '-');
    const long v = c.grades.count(l.id);
    bars.push_back({l.label, per_mille(v, n), percent(v, n), css});
  }
  return bar_chart_svg(
      "chart-grades-" + c.id, "Grades in " + lower_first(c.title()),
      "Share of the " + std::to_string(n) + " audits completed that got each grade; the same figures are in the table.",
      bars, 1000);
}

}  // namespace

void add_cycle_pages(const Context& ctx, RecordPages& out) {
  const Records& r = ctx.records;
  check_figure_targets(r, ctx.input.figures, ctx.diags);
  const std::vector<const Cycle*>& order = ctx.cycles_in_order;
  json index_rows = json::array();
  for (size_t i = 0; i < order.size(); ++i) {
    const Cycle& c = *order[i];
    const Cycle* prev = i > 0 ? order[i - 1] : nullptr;
    const Cycle* next = i + 1 < order.size() ? order[i + 1] : nullptr;
    json v;
    v["title"] = c.title();
    v["title_lower"] = lower_first(c.title());
    json months = json::array();
    for (size_t mi = 0; mi < c.months.size(); ++mi)
      months.push_back({{"number", std::to_string(mi + 1)},
                        {"label", c.months[mi].label},
                        {"dates", c.months[mi].start.human() + " to " + c.months[mi].end.human()}});
    v["months"] = months;
    const Scale& scale = *find_scale(r, c.scale);  // every loaded cycle's scale is known
    v["figures"] = figures(c, prev, scale);
    v["scale"] = {{"name", scale.name}, {"url", urls::scale(scale.id)}};
    v["figures_caption"] =
        "Figures for " + lower_first(c.title()) + (prev ? ", compared with " + lower_first(prev->title()) : "");
    v["chart"] = grades_chart(c, scale);
    v["breakdown_html"] = render(ctx, "cycle-breakdown",
                                 breakdown_view(c, r.organisation ? &*r.organisation : nullptr, ctx.input.figures));
    v["has_pager"] = prev != nullptr || next != nullptr;
    if (prev) v["previous"] = {{"title", prev->title()}, {"url", urls::cycle(prev->id)}};
    if (next) v["next"] = {{"title", next->title()}, {"url", urls::cycle(next->id)}};

    // Key learning, each with what came of it.
    json learning = json::array();
    for (const Item& k : c.key_learning) {
      json kv{{"id", k.id}, {"text", k.text}};
      json acts = json::array();
      if (auto it = ctx.actions_for_source.find(c.id + "/" + k.id); it != ctx.actions_for_source.end())
        for (const std::string& aid : it->second) acts.push_back(action_view(ctx, r.actions.at(aid)));
      kv["actions"] = acts;
      learning.push_back(kv);
    }
    v["key_learning"] = learning;

    const Followed& followed = ctx.followed.at(c.id);
    json fa = json::array(), ft = json::array();
    for (const std::string& aid : followed.audits)
      fa.push_back({{"title", r.audits.at(aid).theme}, {"url", urls::audit(aid)}});
    for (const std::string& tid : followed.training)
      ft.push_back({{"title", r.training.at(tid).name}, {"url", urls::training(tid)}});
    v["followed_audits"] = fa;
    v["followed_training"] = ft;
    v["nothing_followed"] = fa.empty() && ft.empty();

    // Actions opened, completed and overdue in the cycle.
    const base::Date point = std::min(c.end(), ctx.as_of());
    json opened = json::array(), completed = json::array(), overdue = json::array();
    for (const auto& [aid, a] : r.actions) {
      if (a.history.empty()) continue;
      base::Date first = a.history.front().date;
      if (c.start() <= first && first <= c.end()) opened.push_back(action_view(ctx, a));
      if (auto done = completed_on(a); done && c.start() <= *done && *done <= c.end())
        completed.push_back(action_view(ctx, a));
      if (c.start() <= ctx.as_of() && a.due < point && status_on(a, point) != Status::kComplete)
        overdue.push_back(action_view(ctx, a));
    }
    v["opened"] = opened;
    v["completed"] = completed;
    v["overdue"] = overdue;
    v["opened_count"] = std::to_string(opened.size());
    v["completed_count"] = std::to_string(completed.size());
    v["overdue_count"] = std::to_string(overdue.size());
    v["overdue_point"] = point.human();

    // Meetings held during the cycle, so its decisions can be read beside its figures.
    json meetings = json::array();
    for (const auto& [fid, mids] : ctx.meetings_for_forum) {
      (void)fid;
      for (const std::string& mid : mids) {
        const Meeting& m = r.meetings.at(mid);
        if (m.date < c.start() || c.end() < m.date) continue;
        auto f = r.forums.find(m.forum);
        size_t actions = 0;
        for (const Decision& d : m.decisions) actions += d.actions.size();
        meetings.push_back({{"title", (f == r.forums.end() ? m.forum : f->second.name) + ", " + m.date.human()},
                            {"url", urls::meeting(m.id)},
                            {"date_iso", m.date.iso()},
                            {"decisions", std::to_string(m.decisions.size())},
                            {"actions", std::to_string(actions)}});
      }
    }
    std::stable_sort(meetings.begin(), meetings.end(), [](const json& a, const json& b) {
      return a["date_iso"].get<std::string>() < b["date_iso"].get<std::string>();
    });
    v["meetings"] = meetings;

    std::string report_url = ctx.content_url(c.report);
    const bool withdrawn = ctx.input.withdrawn_content.count(c.report) > 0;
    v["has_report"] = !report_url.empty() && !withdrawn;
    v["report_withdrawn"] = withdrawn;
    v["report_url"] = report_url;

    const std::string good_or_better = percent(c.grades.good_or_better(), c.audits_completed);
    out.pages.push_back(make_page(urls::cycle(c.id), c.src.path, c.title() + ": learning and figures",
                                  "Figures, key learning and actions from audit " + lower_first(c.title()) + ": " +
                                      good_or_better + " of audits graded good or better.",
                                  urls::kCycles, render(ctx, "cycle", v), {"audit", "learning"}));
    out.pages.back().order = {c.start().iso(), c.id};  // by date, not by title ("Cycle 10" after "Cycle 9")
    index_rows.push_back({{"title", c.title()},
                          {"url", urls::cycle(c.id)},
                          {"dates", c.start().human() + " to " + c.end().human()},
                          {"completed", std::to_string(c.audits_completed)},
                          {"good_or_better", good_or_better},
                          {"report_url", withdrawn ? std::string() : report_url},
                          {"report_withdrawn", withdrawn}});
  }
  json iv{{"cycles", index_rows}, {"has_cycles", !index_rows.empty()}};
  out.pages.push_back(make_page(urls::kCycles, "data/cycles/", "Audit cycles",
                                "Each four-month audit cycle: its figures, what we learned and what we did about it.",
                                urls::kCycles, render(ctx, "cycles", iv), {"audit"}));
}

}  // namespace qahub::record_pages
