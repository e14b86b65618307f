#include <algorithm>

#include "records/loaders.h"
#include "records/rollup.h"

namespace qahub::records {

using nlohmann::json;

bool load_plan(RecordReader& reader, const json& doc, Source src, Records& out) {
  Plan p;
  p.id = str(doc, "id");
  p.title = str(doc, "title");
  p.status = str(doc, "status");
  p.start = reader.date_at(doc, src, "/period/start");
  p.end = reader.date_at(doc, src, "/period/end");
  if (reader.ok() && p.end < p.start)
    reader.fail(src.at("/period/end"), "the plan ends " + p.end.iso() + ", before it starts (" + p.start.iso() + ")");
  if (doc.contains("agreed")) {
    p.agreed_on = reader.date_at(doc, src, "/agreed/date");
    p.agreed_by = str(doc.at("agreed"), "by");
    p.agreed_decision = str(doc.at("agreed"), "decision");
  }
  if (p.status != "draft" && !p.agreed_on)
    reader.fail(src.at("/status"), "a plan that is " + p.status + " says who agreed it and when (\"agreed\")");
  p.monitored_by = str(doc, "monitored_by");
  p.reports_to = strings(doc, "reports_to");
  p.responds_to = strings(doc, "responds_to");
  std::set<std::string> seen;  // codes and outcomes share the plan's "plan/item" names
  if (doc.contains("codes")) p.codes = reader.items_at(doc, src, "/codes", seen);
  std::set<std::string> priority_ids;
  const json& ps = doc.at("priorities");
  for (size_t i = 0; i < ps.size(); ++i) {
    const std::string at = "/priorities/" + std::to_string(i);
    Priority pr{str(ps[i], "id"), str(ps[i], "title"), str(ps[i], "lead"), strings(ps[i], "objectives"), {}};
    reader.unique_id(pr.id, src, at + "/id", priority_ids);
    const json& os = ps[i].at("outcomes");
    for (size_t j = 0; j < os.size(); ++j) {
      Outcome o{str(os[j], "id"), str(os[j], "text"), strings(os[j], "measures")};
      reader.unique_id(o.id, src, at + "/outcomes/" + std::to_string(j) + "/id", seen);
      pr.outcomes.push_back(std::move(o));
    }
    p.priorities.push_back(std::move(pr));
  }
  p.src = std::move(src);
  if (!reader.ok()) return false;
  out.plans[p.id] = std::move(p);
  return true;
}

const Outcome* Plan::outcome(const std::string& oid) const {
  for (const Priority& pr : priorities)
    for (const Outcome& o : pr.outcomes)
      if (o.id == oid) return &o;
  return nullptr;
}

std::vector<std::string> Plan::outcome_ids() const {
  std::vector<std::string> out;
  for (const Priority& pr : priorities)
    for (const Outcome& o : pr.outcomes) out.push_back(o.id);
  return out;
}

std::vector<Ref> Plan::references() const {
  std::vector<Ref> out{{"/monitored_by", "forum", monitored_by}};
  for (size_t i = 0; i < reports_to.size(); ++i)
    out.push_back({"/reports_to/" + std::to_string(i), "forum", reports_to[i]});
  for (size_t i = 0; i < responds_to.size(); ++i)
    out.push_back({.pointer = "/responds_to/" + std::to_string(i),
                   .kind = "recommendations",
                   .id = responds_to[i],
                   .noun = "recommendation set"});
  out.push_back({.pointer = "/agreed/decision", .kind = "finding", .id = agreed_decision, .noun = "decision"});
  return out;
}

Citable Plan::citable(const Records&) const {
  Citable c{"improvement plan", title, "Improvement plan: " + title, {}};
  for (const Item& i : codes) c.items.push_back({i.id, "code", i.text});
  for (const Priority& pr : priorities)
    for (const Outcome& o : pr.outcomes) c.items.push_back({o.id, "outcome", o.text});
  return c;
}

void Plan::check(const Records& r, const CheckInput&, diag::Diagnostics& diags) const {
  for (const Action* a : plan_actions(r, id))
    if (!a->source_item.empty() && !outcome(a->source_item))
      diags.error(a->src.at("/source/item"), "plan \"" + id + "\" has no outcome \"" + a->source_item + "\"" +
                                                 diag::did_you_mean(a->source_item, outcome_ids()));
}

}  // namespace qahub::records
