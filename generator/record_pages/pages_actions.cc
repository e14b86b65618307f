#include <algorithm>

#include "base/text.h"
#include "record_pages/pages.h"
#include "record_pages/urls.h"
#include "records/status.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using nlohmann::json;

namespace {

const Status kStatusOrder[] = {Status::kOverdue,    Status::kDueSoon,        Status::kOpen,
                               Status::kInProgress, Status::kCarriedForward, Status::kComplete};

json link(const std::string& title, const std::string& url, const std::string& detail = "") {
  return {{"title", title}, {"url", url}, {"detail", detail}};
}

/// The chain finding → recommendation → action → meeting decisions → training → re-audit.
json trace(const Context& ctx, const Action& a) {
  const Records& r = ctx.records;
  std::vector<std::string> finding_refs, rec_refs;
  json findings = json::array(), recs = json::array(), decisions = json::array(), training = json::array(),
       reaudits = json::array();
  const std::string src_ref = a.source_item.empty() ? a.source_id : a.source_id + "/" + a.source_item;
  if (a.source_type == "audit") {
    auto it = r.audits.find(a.source_id);
    if (it != r.audits.end()) {
      const Audit& au = it->second;
      for (const Recommendation& rec : au.recommendations)
        if (rec.id == a.source_item) {
          rec_refs.push_back(src_ref);
          recs.push_back(link(rec.text, urls::audit(au.id) + "#" + rec.id, au.theme + ", " + rec.id));
          for (const std::string& d : rec.addresses) finding_refs.push_back(au.id + "/" + d);
        }
      for (const Item& d : au.areas)
        if (d.id == a.source_item) finding_refs.push_back(src_ref);
    }
  } else if (a.source_type == "cycle") {
    finding_refs.push_back(src_ref);
  }
  for (const std::string& ref : finding_refs) {
    auto t = ctx.refs.find(ref);
    if (t == ctx.refs.end()) continue;
    const std::string where = t->second.where;
    findings.push_back(
        link(t->second.text, urls::ref(t->second), where + ", " + t->second.label + " " + t->second.item));
  }
  std::vector<std::pair<std::string, size_t>> decs;
  if (a.source_type == "meeting" && r.meetings.count(a.source_id)) {
    const Meeting& m = r.meetings.at(a.source_id);
    for (size_t i = 0; i < m.decisions.size(); ++i)
      if (m.decisions[i].id == a.source_item) decs.push_back({m.id, i});
  }
  if (auto it = ctx.decisions_for_action.find(a.id); it != ctx.decisions_for_action.end())
    for (const auto& d : it->second)
      if (std::find(decs.begin(), decs.end(), d) == decs.end()) decs.push_back(d);
  std::stable_sort(decs.begin(), decs.end(), [&](const auto& x, const auto& y) {
    return r.meetings.at(x.first).date < r.meetings.at(y.first).date;
  });
  for (const auto& [mid, i] : decs) {
    const Meeting& m = r.meetings.at(mid);
    auto f = r.forums.find(m.forum);
    decisions.push_back(link(m.decisions[i].text, urls::meeting(mid) + "#" + m.decisions[i].id,
                             (f == r.forums.end() ? m.forum : f->second.name) + ", " + m.date.human()));
  }
  std::set<std::string> tids, aids;
  std::vector<std::string> all = finding_refs;
  all.insert(all.end(), rec_refs.begin(), rec_refs.end());
  all.push_back(src_ref);
  for (const std::string& ref : all) {
    if (auto it = ctx.training_for_ref.find(ref); it != ctx.training_for_ref.end())
      tids.insert(it->second.begin(), it->second.end());
    if (ref.find('/') == std::string::npos) continue;  // a whole record is too broad for a re-audit
    if (auto it = ctx.audits_following.find(ref); it != ctx.audits_following.end())
      aids.insert(it->second.begin(), it->second.end());
  }
  for (const std::string& t : tids) training.push_back(link(r.training.at(t).name, urls::training(t)));
  for (const std::string& id : aids) {
    const Audit& au = r.audits.at(id);
    reaudits.push_back(link(au.theme, urls::audit(id), au.start.human() + " to " + au.end.human()));
  }
  json steps = json::array();
  steps.push_back(
      {{"step", "Finding"}, {"items", findings}, {"none", "No finding recorded for this action's source."}});
  steps.push_back(
      {{"step", "Recommendation"}, {"items", recs}, {"none", "The action does not come from a recommendation."}});
  steps.push_back({{"step", "Action"},
                   {"items", json::array({link(a.title, urls::action(a.id) + "#summary",
                                               "owner: " + a.owner + ", due " + due_on(a, ctx.as_of()).human())})},
                   {"none", ""}});
  steps.push_back(
      {{"step", "Meeting decisions"}, {"items", decisions}, {"none", "No meeting decision names this action yet."}});
  steps.push_back({{"step", "Training"}, {"items", training}, {"none", "No training programme is linked yet."}});
  steps.push_back({{"step", "Re-audit"}, {"items", reaudits}, {"none", "Not re-audited yet."}});
  return steps;
}

RecordPage action_page(const Context& ctx, const Action& a) {
  json v = action_view(ctx, a);
  v["trace"] = trace(ctx, a);
  json history = json::array();
  for (const StatusEntry& e : a.history)
    history.push_back({{"date", e.date.human()}, {"status", status_label(e.status)}, {"note", e.note}});
  v["history"] = history;
  json impact = json::array();
  for (const Impact& i : a.impact) impact.push_back({{"date", i.date.human()}, {"text", i.text}});
  v["impact"] = impact;
  v["as_of"] = ctx.as_of().human();
  // What it addresses (recommendation items, plan codes), its plan number,
  // start, cadence, partners and every reschedule with the date first set.
  json addresses = json::array();
  for (const std::string& ref : a.addresses)
    if (auto t = ctx.refs.find(ref); t != ctx.refs.end())
      addresses.push_back(
          link(t->second.text, urls::ref(t->second), t->second.where + ", " + t->second.label + " " + t->second.item));
  v["addresses"] = addresses;
  v["ref"] = a.ref;
  v["start"] = a.start ? a.start->human() : "";
  v["recurs"] = a.recurs.empty() ? "" : "Standing action: a status entry is due every " + a.recurs;
  std::string partners;
  for (const std::string& j : a.joint_with) partners += (partners.empty() ? "" : ", ") + j;
  v["joint_with"] = partners;
  json reschedules = json::array();
  for (const Reschedule& r : a.due_history)
    if (r.date <= ctx.as_of())
      reschedules.push_back({{"date", r.date.human()}, {"due", r.due.human()}, {"reason", r.reason}});
  v["reschedules"] = reschedules;
  v["original_due"] = a.original_due.human();
  return make_page(urls::action(a.id), a.src.path, a.id + ": " + a.title,
                   "Action " + a.id + ", owned by the " + a.owner + ", due " + due_on(a, ctx.as_of()).human() + ": " +
                       status_label(shown_status(a, ctx.as_of())) + ".",
                   urls::kActions, render(ctx, "action", v), {"action"});
}

json groups_by(const std::vector<json>& rows, const std::string& key_field, const std::vector<std::string>& order) {
  std::map<std::string, json> groups;
  for (const json& row : rows) {
    std::string key =
        key_field == "source" ? row["source"]["group"].get<std::string>() : row[key_field].get<std::string>();
    if (!groups.count(key)) groups[key] = json::array();
    groups[key].push_back(row);
  }
  json out = json::array();
  auto emit = [&](const std::string& k) {
    auto it = groups.find(k);
    if (it == groups.end()) return;
    out.push_back({{"name", k},
                   {"id", key_field + "-" + base::slugify(k)},
                   {"count", std::to_string(it->second.size())},
                   {"actions", it->second}});
    groups.erase(it);
  };
  for (const std::string& k : order) emit(k);
  std::vector<std::string> rest;
  for (const auto& [k, g] : groups) rest.push_back(k);
  for (const std::string& k : rest) emit(k);
  return out;
}

}  // namespace

void add_action_pages(const Context& ctx, RecordPages& out) {
  std::vector<json> rows;
  for (const auto& [id, a] : ctx.records.actions) {
    out.pages.push_back(action_page(ctx, a));
    out.pages.back().order = {base::natural_key(id)};  // by id: a-9 before a-10
    rows.push_back(action_view(ctx, a));
  }
  std::vector<std::string> status_order;
  for (Status s : kStatusOrder) status_order.push_back(status_label(s));
  json counts = json::array();
  for (Status s : kStatusOrder) {
    long n = std::count_if(rows.begin(), rows.end(), [&](const json& r) { return r["status"] == status_label(s); });
    counts.push_back({{"status", status_label(s)}, {"key", status_key(s)}, {"count", std::to_string(n)}});
  }
  json v;
  v["actions"] = rows;
  v["counts"] = counts;
  v["as_of"] = ctx.as_of().human();
  v["by_status"] = groups_by(rows, "status", status_order);
  v["by_source"] = groups_by(rows, "source", {});
  v["by_owner"] = groups_by(rows, "owner", {});
  v["total"] = std::to_string(rows.size());
  out.pages.push_back(
      make_page(urls::kActions, "data/actions/", "Action register",
                "Every action from audits, audit cycles, meetings and the improvement plan, with its status on " +
                    ctx.as_of().human() + ".",
                urls::kActions, render(ctx, "actions", v), {"action"}));
}

}  // namespace qahub::record_pages
