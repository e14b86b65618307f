/// `actions`: the actions agreed in the cycle (its own and its key learning
/// points'), and the actions agreed from what else the period reported: a
/// thematic audit reported in it (the audit, a finding or a recommendation)
/// or a forum decision of a meeting held in it. Each with owner, due date
/// and status as at the report's date.
#include "record_pages/urls.h"
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

namespace {

bool within(base::Date d, base::Date from, base::Date to) { return !(d < from) && !(to < d); }

/// Where an action agreed from the period came from, as its row keeps it
/// ("Management oversight", "Practice Board, 10 November 2026"); "" when it
/// was not agreed from something the period reported.
std::string period_source(const Input& in, const records::Action& a, base::Date from, base::Date to) {
  if (a.source_type == "audit") {
    auto it = in.records.audits.find(a.source_id);
    if (it != in.records.audits.end() && it->second.reported && within(*it->second.reported, from, to))
      return it->second.theme;
  } else if (a.source_type == "meeting") {
    auto it = in.records.meetings.find(a.source_id);
    if (it != in.records.meetings.end() && within(it->second.date, from, to)) {
      auto forum = in.records.forums.find(it->second.forum);
      return (forum == in.records.forums.end() ? it->second.forum : forum->second.name) + ", " +
             it->second.date.human();
    }
  }
  return "";
}

}  // namespace

json actions_data(const Input& in, const records::Cycle& cycle) {
  json rows = json::array(), from_period = json::array();
  // One cycle: the report's period. Several: each part takes its own cycle's months.
  const bool one = in.cycles.size() == 1;
  const base::Date from = one ? in.from : cycle.start(), to = one ? in.to : cycle.end();
  for (const auto& [id, a] : in.records.actions) {
    if (!known_at(a, in.to)) continue;
    if (agreed_in(a, cycle)) {
      rows.push_back(action_row(a, in.to));
      continue;
    }
    const std::string source = period_source(in, a, from, to);
    if (source.empty()) continue;
    json row = action_row(a, in.to);
    row["source"] = {{"type", a.source_type}, {"id", a.source_id}, {"item", a.source_item}, {"title", source}};
    from_period.push_back(std::move(row));
  }
  return {{"rows", rows}, {"from_period", from_period}};
}

json actions_view(const json& data, const ViewInput&) {
  json rows = json::array(), from_period = json::array();
  for (const json& r : data.at("rows")) rows.push_back(action_row_view(r));
  // A snapshot written before reports kept these rows says so (one sentence).
  const bool kept = data.contains("from_period");
  for (const json& r : data.value("from_period", json::array())) {
    json v = action_row_view(r);
    const json s = r.value("source", json::object());
    const std::string type = s.value("type", ""), id = s.value("id", ""), item = s.value("item", "");
    const std::string url = type == "audit" ? record_pages::urls::audit(id) : record_pages::urls::meeting(id);
    v["source_url"] = item.empty() ? url : url + "#" + item;
    v["source_words"] = (type == "audit" ? "Thematic audit: " : "Meeting: ") + s.value("title", "") +
                        (item.empty() ? "" : " (" + item + ")");
    from_period.push_back(std::move(v));
  }
  return {{"rows", rows},
          {"has_rows", !rows.empty()},
          {"from_period", from_period},
          {"has_from_period", !from_period.empty()},
          {"not_kept", !kept},
          {"audits_url", record_pages::urls::kAudits}};
}

}  // namespace qahub::report
