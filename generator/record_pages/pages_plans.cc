#include <algorithm>

#include "record_pages/pages.h"
#include "record_pages/urls.h"
#include "records/rollup.h"
#include "records/status.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using nlohmann::json;

namespace pages_plans {

std::string joined(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

/// Links to what an action addresses: each "record/item" to its anchor, with its label.
json addresses_view(const Context& ctx, const Action& a) {
  json out = json::array();
  for (const std::string& ref : a.addresses) {
    auto t = ctx.refs.find(ref);
    if (t == ctx.refs.end()) continue;
    // "ct1" for the plan's own code, "ilacs-2026 o1" for another record's item (a space, so a narrow column wraps).
    const std::string shown =
        t->second.record == a.source_id ? t->second.item : t->second.record + " " + t->second.item;
    out.push_back({{"ref", shown},
                   {"item", t->second.item},
                   {"url", urls::ref(t->second)},
                   {"title", t->second.label + " " + t->second.item + ": " + t->second.text}});
  }
  return out;
}

/// Counts of a list of actions by progress, in kProgresses order.
json progress_counts(const std::vector<const Action*>& actions, base::Date as_of) {
  json out = json::array();
  for (Progress p : kProgresses) {
    long n = std::count_if(actions.begin(), actions.end(), [&](const Action* a) { return progress(*a, as_of) == p; });
    out.push_back({{"progress", progress_label(p)}, {"key", progress_key(p)}, {"count", std::to_string(n)}});
  }
  return out;
}

/// The plan's actions under outcome `outcome` (by ref, then id).
std::vector<const Action*> outcome_actions(const std::vector<const Action*>& actions, const std::string& outcome) {
  std::vector<const Action*> out;
  for (const Action* a : actions)
    if (a->source_item == outcome) out.push_back(a);
  std::stable_sort(out.begin(), out.end(), [](const Action* x, const Action* y) {
    return base::natural_key(x->ref) < base::natural_key(y->ref);
  });
  return out;
}

json action_row(const Context& ctx, const Action& a) {
  json v = action_view(ctx, a);
  v["ref"] = a.ref.empty() ? a.id : a.ref;
  v["addresses"] = addresses_view(ctx, a);
  v["progress"] = progress_label(progress(a, ctx.as_of()));
  v["joint_with"] = joined(a.joint_with, ", ");
  return v;
}

RecordPage plan_page(const Context& ctx, const Plan& p) {
  const std::vector<const Action*> actions = plan_actions(ctx.records, p.id);
  json v;
  v["period"] = p.start.human() + " to " + p.end.human();
  v["status"] = p.status;
  v["as_of"] = ctx.as_of().human();
  if (p.agreed_on) {
    std::string by = p.agreed_by;
    std::string url;
    if (auto t = ctx.refs.find(p.agreed_decision); t != ctx.refs.end()) {
      by = t->second.where;
      url = urls::ref(t->second);
    }
    v["agreed"] = {{"date", p.agreed_on->human()}, {"by", by}, {"url", url}};
  }
  auto forum_link = [&](const std::string& id) -> json {
    auto f = ctx.records.forums.find(id);
    return {{"title", f == ctx.records.forums.end() ? id : f->second.name}, {"url", urls::forum(id)}};
  };
  if (!p.monitored_by.empty()) v["monitored_by"] = forum_link(p.monitored_by);
  json reports = json::array();
  for (const std::string& f : p.reports_to) reports.push_back(forum_link(f));
  v["reports_to"] = reports;
  json responds = json::array();
  for (const std::string& s : p.responds_to) {
    auto it = ctx.records.recommendations.find(s);
    responds.push_back({{"title", it == ctx.records.recommendations.end() ? s : it->second.title},
                        {"url", record_url("recommendations", s)}});
  }
  v["responds_to"] = responds;
  json codes = json::array();
  for (const Item& c : p.codes) codes.push_back({{"id", c.id}, {"text", c.text}});
  v["codes"] = codes;
  json priorities = json::array(), summary = json::array();
  for (const Priority& pr : p.priorities) {
    std::vector<const Action*> in_priority;
    json outcomes = json::array();
    for (const Outcome& o : pr.outcomes) {
      json rows = json::array();
      for (const Action* a : outcome_actions(actions, o.id)) {
        rows.push_back(action_row(ctx, *a));
        in_priority.push_back(a);
      }
      outcomes.push_back({{"id", o.id}, {"text", o.text}, {"measures", o.measures}, {"actions", rows}});
    }
    const std::string title = "Priority " + pr.id + ": " + pr.title;
    priorities.push_back({{"id", "priority-" + base::slugify(pr.id)},
                          {"title", title},
                          {"lead", pr.lead},
                          {"objectives", pr.objectives},
                          {"outcomes", outcomes}});
    summary.push_back({{"title", title},
                       {"url", "#priority-" + base::slugify(pr.id)},
                       {"counts", progress_counts(in_priority, ctx.as_of())},
                       {"total", std::to_string(in_priority.size())}});
  }
  json headings = json::array();
  for (Progress pg : kProgresses) headings.push_back({{"progress", progress_label(pg)}});
  v["headings"] = headings;
  v["summary"] = summary;
  v["priorities"] = priorities;
  json unplaced = json::array();  // actions naming the plan but no outcome of it
  for (const Action* a : actions)
    if (a->source_item.empty()) unplaced.push_back(action_row(ctx, *a));
  v["unplaced"] = unplaced;
  v["csv"] = record_url("plan", p.id) + "plan.csv";
  return make_page(record_url("plan", p.id), p.src.path, p.title,
                   "Improvement plan, " + p.start.human() + " to " + p.end.human() + " (" + p.status +
                       "): priorities, outcomes and their actions with where each stands on " + ctx.as_of().human() +
                       ".",
                   section_url("plan"), render(ctx, "plan", v), {"plan"});
}

}  // namespace pages_plans

std::string plan_csv(const Context& ctx, const Plan& p) {
  std::string out =
      "\xEF\xBB\xBFplan,priority,outcome,ref,action,title,owner,joint with,start,due,originally due,reschedules,"
      "recurs,addresses,status,progress,page\r\n";
  std::map<std::string, std::string> priority_of;
  for (const Priority& pr : p.priorities)
    for (const Outcome& o : pr.outcomes) priority_of[o.id] = pr.id;
  for (const Action* a : plan_actions(ctx.records, p.id)) {
    const long n = reschedules(*a, ctx.as_of());
    std::vector<std::string> cols = {p.id,
                                     priority_of.count(a->source_item) ? priority_of[a->source_item] : "",
                                     a->source_item,
                                     a->ref,
                                     a->id,
                                     a->title,
                                     a->owner,
                                     pages_plans::joined(a->joint_with, "; "),
                                     a->start ? a->start->iso() : "",
                                     due_on(*a, ctx.as_of()).iso(),
                                     n ? a->original_due.iso() : "",
                                     std::to_string(n),
                                     a->recurs,
                                     pages_plans::joined(a->addresses, " "),
                                     status_label(shown_status(*a, ctx.as_of())),
                                     progress_label(progress(*a, ctx.as_of())),
                                     urls::action(a->id)};
    for (size_t i = 0; i < cols.size(); ++i) out += (i ? "," : "") + csv_field(cols[i]);
    out += "\r\n";
  }
  return out;
}

void add_plan_pages(const Context& ctx, RecordPages& out) {
  namespace pp = pages_plans;
  if (ctx.records.plans.empty()) return;  // no empty section in a hub without one
  json plans = json::array();
  for (const auto& [id, p] : ctx.records.plans) {
    out.pages.push_back(pp::plan_page(ctx, p));
    out.pages.back().order = {p.start.iso()};
    out.files[record_url("plan", id).substr(1) + "plan.csv"] = plan_csv(ctx, p);
    const std::vector<const Action*> actions = plan_actions(ctx.records, id);
    plans.push_back({{"title", p.title},
                     {"url", record_url("plan", id)},
                     {"period", p.start.human() + " to " + p.end.human()},
                     {"status", p.status},
                     {"counts", pp::progress_counts(actions, ctx.as_of())},
                     {"total", std::to_string(actions.size())}});
  }
  json headings = json::array();
  for (Progress pg : kProgresses) headings.push_back({{"progress", progress_label(pg)}});
  json v{{"plans", plans}, {"headings", headings}, {"as_of", ctx.as_of().human()}};
  const std::string section = section_url("plan");
  out.pages.push_back(
      make_page(section, "data/plans/", "Improvement plans",
                "Improvement plans with their actions counted by where they stand on " + ctx.as_of().human() + ".",
                section, render(ctx, "plans", v), {"plan"}));
}

}  // namespace qahub::record_pages
