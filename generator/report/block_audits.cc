/// `audits`: thematic audits reported in the period: theme, sample, how many
/// findings and recommendations, a link to each, and each finding and
/// recommendation with the actions agreed from it (as at the report's date).
#include "record_pages/urls.h"
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

namespace {

/// The actions whose source is `item` of `audit` (or the audit itself, for item "").
json actions_from(const Input& in, const records::Audit& audit, const std::string& item) {
  json out = json::array();
  for (const auto& [id, a] : in.records.actions)
    if (a.source_type == "audit" && a.source_id == audit.id && a.source_item == item && known_at(a, in.to))
      out.push_back(action_row(a, in.to));
  return out;
}

/// Each strength, area for development and recommendation, in that order,
/// with the actions agreed from it.
json items_of(const Input& in, const records::Audit& a) {
  json items = json::array();
  auto add = [&](const std::string& id, const char* kind, const std::string& text) {
    items.push_back({{"id", id}, {"kind", kind}, {"text", text}, {"actions", actions_from(in, a, id)}});
  };
  for (const records::Item& s : a.strengths) add(s.id, "strength", s.text);
  for (const records::Item& d : a.areas) add(d.id, "area for development", d.text);
  for (const records::Recommendation& r : a.recommendations) add(r.id, "recommendation", r.text);
  return items;
}

}  // namespace

json audits_data(const Input& in) {
  json rows = json::array();
  for (const auto& [id, a] : in.records.audits) {
    if (!a.reported || *a.reported < in.from || in.to < *a.reported) continue;
    rows.push_back({{"id", a.id},
                    {"theme", a.theme},
                    {"sample", a.sample_size},
                    {"findings", static_cast<long>(a.strengths.size() + a.areas.size())},
                    {"recommendations", static_cast<long>(a.recommendations.size())},
                    {"reported", a.reported->iso()},
                    {"items", items_of(in, a)},
                    {"actions", actions_from(in, a, "")}});
  }
  return {{"rows", rows}};
}

json audits_view(const json& data, const ViewInput&) {
  json rows = json::array();
  bool not_kept = false;
  for (const json& r : data.at("rows")) {
    json v = r;
    const std::string url = record_pages::urls::audit(r.value("id", ""));
    v["url"] = url;
    v["reported_human"] = human_date(r.value("reported", json()));
    // A snapshot written before reports kept the findings says so, once.
    not_kept = not_kept || !r.contains("items");
    json items = json::array();
    for (const json& i : r.value("items", json::array())) {
      json iv = i;
      json actions = json::array();
      for (const json& a : i.value("actions", json::array())) actions.push_back(action_row_view(a));
      iv["url"] = url + "#" + i.value("id", "");
      iv["actions"] = actions;
      iv["has_actions"] = !actions.empty();
      items.push_back(std::move(iv));
    }
    json actions = json::array();
    for (const json& a : r.value("actions", json::array())) actions.push_back(action_row_view(a));
    v["items"] = items;
    v["has_items"] = !items.empty();
    v["actions"] = actions;
    v["has_actions"] = !actions.empty();
    rows.push_back(v);
  }
  return {
      {"rows", rows}, {"has_rows", !rows.empty()}, {"not_kept", not_kept}, {"audits_url", record_pages::urls::kAudits}};
}

}  // namespace qahub::report
