/// `progress`: earlier actions (not agreed in the period's cycles) closed in the
/// period, overdue, or carried forward, as at the report's date, each with
/// the impact recorded for it on or before that date, quoted and dated.
#include "records/status.h"
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

json progress_data(const Input& in) {
  json rows = json::array();
  for (const auto& [id, a] : in.records.actions) {
    if (in.agreed_in_period(a) || !known_at(a, in.to)) continue;
    const records::Status status = records::shown_status(a, in.to);
    const auto done = records::completed_on(a);
    std::string group;
    if (status == records::Status::kComplete && done && in.from <= *done && *done <= in.to)
      group = "closed";
    else if (status == records::Status::kOverdue)
      group = "overdue";
    else if (status == records::Status::kCarriedForward)
      group = "carried-forward";
    if (group.empty()) continue;
    json row = action_row(a, in.to);
    row["group"] = group;
    row["closed"] = group == "closed" ? json(done->iso()) : json();
    json impact = json::array();
    for (const records::Impact& i : a.impact)
      if (i.date <= in.to) impact.push_back({{"date", i.date.iso()}, {"text", i.text}});
    row["impact"] = impact;
    rows.push_back(row);
  }
  return {{"rows", rows}};
}

json progress_view(const json& data, const ViewInput&) {
  json closed = json::array(), overdue = json::array(), carried = json::array();
  for (const json& r : data.at("rows")) {
    json v = action_row_view(r);
    v["closed_human"] = human_date(r.value("closed", json()));
    json impact = json::array();
    for (const json& i : r.at("impact"))
      impact.push_back({{"text", i.value("text", "")},
                        {"date", i.value("date", "")},
                        {"date_human", human_date(i.value("date", json()))}});
    v["impact"] = impact;
    v["has_impact"] = !impact.empty();
    const std::string group = r.value("group", "");
    (group == "closed" ? closed : group == "overdue" ? overdue : carried).push_back(v);
  }
  return {{"closed", closed},
          {"overdue", overdue},
          {"carried", carried},
          {"has_closed", !closed.empty()},
          {"has_overdue", !overdue.empty()},
          {"has_carried", !carried.empty()},
          {"nothing", closed.empty() && overdue.empty() && carried.empty()}};
}

}  // namespace qahub::report
