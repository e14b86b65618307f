#include "record_pages/pages.h"
#include "record_pages/urls.h"
#include "records/status.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using nlohmann::json;

namespace {

json actions_for(const Context& ctx, const std::string& ref) {
  json out = json::array();
  if (auto it = ctx.actions_for_source.find(ref); it != ctx.actions_for_source.end())
    for (const std::string& id : it->second) out.push_back(action_view(ctx, ctx.records.actions.at(id)));
  return out;
}

json links_for(const Context& ctx, const std::map<std::string, std::vector<std::string>>& index, const std::string& ref,
               bool training) {
  json out = json::array();
  if (auto it = index.find(ref); it != index.end())
    for (const std::string& id : it->second) {
      if (training)
        out.push_back({{"title", ctx.records.training.at(id).name}, {"url", urls::training(id)}});
      else
        out.push_back({{"title", ctx.records.audits.at(id).theme}, {"url", urls::audit(id)}});
    }
  return out;
}

json items_view(const Context& ctx, const Audit& a, const std::vector<Item>& items) {
  json out = json::array();
  for (const Item& i : items) {
    const std::string ref = a.id + "/" + i.id;
    out.push_back({{"id", i.id},
                   {"text", i.text},
                   {"actions", actions_for(ctx, ref)},
                   {"reaudits", links_for(ctx, ctx.audits_following, ref, false)},
                   {"training", links_for(ctx, ctx.training_for_ref, ref, true)}});
  }
  return out;
}

RecordPage audit_page(const Context& ctx, const Audit& a) {
  json v;
  v["scope"] = a.scope;
  v["sample"] = std::to_string(a.sample_size) + " cases. " + a.sample_description;
  v["dates"] = a.start.human() + " to " + a.end.human();
  v["reported"] = a.reported ? a.reported->human() : "";
  v["strengths"] = items_view(ctx, a, a.strengths);
  v["areas"] = items_view(ctx, a, a.areas);
  json recs = json::array();
  for (const Recommendation& r : a.recommendations) {
    json addresses = json::array();
    for (const std::string& d : r.addresses) addresses.push_back({{"id", d}, {"url", "#" + d}});
    const std::string ref = a.id + "/" + r.id;
    recs.push_back({{"id", r.id},
                    {"text", r.text},
                    {"addresses", addresses},
                    {"actions", actions_for(ctx, ref)},
                    {"training", links_for(ctx, ctx.training_for_ref, ref, true)}});
  }
  v["recommendations"] = recs;
  json follows = json::array();
  for (const std::string& ref : a.follows_up) {
    auto t = ctx.refs.find(ref);
    if (t == ctx.refs.end()) continue;
    follows.push_back({{"title", t->second.text}, {"url", urls::ref(t->second)}, {"detail", t->second.where}});
  }
  v["follows_up"] = follows;
  v["followed_by"] = links_for(ctx, ctx.audits_following, a.id, false);
  v["summary_html"] = narrative_placeholder(a.summary);
  return make_page(urls::audit(a.id), a.src.path, "Thematic audit: " + a.theme,
                   "Scope, sample, findings and recommendations of the thematic audit \u201c" + a.theme + "\u201d, " +
                       a.start.human() + " to " + a.end.human() + ".",
                   urls::kAudits, render(ctx, "audit", v), {"audit", "thematic-audit"});
}

}  // namespace

void add_audit_pages(const Context& ctx, RecordPages& out) {
  json rows = json::array();
  for (const auto& [id, a] : ctx.records.audits) {
    out.pages.push_back(audit_page(ctx, a));
    out.pages.back().order = {a.start.iso(), id};  // by date
    rows.push_back({{"title", a.theme},
                    {"url", urls::audit(id)},
                    {"dates", a.start.human() + " to " + a.end.human()},
                    {"sample", std::to_string(a.sample_size)},
                    {"recommendations", std::to_string(a.recommendations.size())}});
  }
  out.pages.push_back(make_page(urls::kAudits, "data/audits/", "Thematic audits",
                                "Thematic audits look closely at one theme across many cases: what we found, what we "
                                "recommended, and whether a re-audit showed a difference.",
                                urls::kAudits, render(ctx, "audits", json{{"audits", rows}}), {"audit"}));
}

}  // namespace qahub::record_pages
