/// `progress`: earlier actions (not agreed in the period's cycles) closed in the
/// period, overdue, or carried forward, as at the report's date, each with
/// the impact recorded for it on or before that date, quoted and dated.
/// "Carried forward" is every action agreed before the period and not
/// complete at its end, with its status then (`carried`); a snapshot
/// written before qahub kept that list shows the old group and says so.
#include "record_pages/urls.h"
#include "records/status.h"
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

namespace {

json impact_of(const records::Action& a, base::Date to) {
  json impact = json::array();
  for (const records::Impact& i : a.impact)
    if (i.date <= to) impact.push_back({{"date", i.date.iso()}, {"text", i.text}});
  return impact;
}

}  // namespace

json progress_data(const Input& in) {
  json rows = json::array(), carried = json::array();
  for (const auto& [id, a] : in.records.actions) {
    if (in.agreed_in_period(a) || !known_at(a, in.to)) continue;
    const records::Status status = records::shown_status(a, in.to);
    if (!a.history.empty() && a.history.front().date < in.from && status != records::Status::kComplete) {
      json row = action_row(a, in.to);
      row["impact"] = impact_of(a, in.to);
      carried.push_back(std::move(row));
    }
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
    row["impact"] = impact_of(a, in.to);
    rows.push_back(row);
  }
  return {{"rows", rows}, {"carried", carried}};
}

namespace {

json progress_row_view(const json& r) {
  json v = action_row_view(r);
  v["closed_human"] = human_date(r.value("closed", json()));
  json impact = json::array();
  for (const json& i : r.value("impact", json::array()))
    impact.push_back({{"text", i.value("text", "")},
                      {"date", i.value("date", "")},
                      {"date_human", human_date(i.value("date", json()))}});
  v["impact"] = impact;
  v["has_impact"] = !impact.empty();
  return v;
}

}  // namespace

json progress_view(const json& data, const ViewInput&) {
  json closed = json::array(), overdue = json::array(), carried = json::array();
  const bool kept = data.contains("carried");
  for (const json& r : data.value("carried", json::array())) carried.push_back(progress_row_view(r));
  for (const json& r : data.at("rows")) {
    json v = progress_row_view(r);
    const std::string group = r.value("group", "");
    if (group == "closed")
      closed.push_back(v);
    else if (kept)
      continue;  // an overdue or carried forward action is in `carried`, with its status
    else if (group == "overdue")
      overdue.push_back(v);
    else
      carried.push_back(v);
  }
  return {{"closed", closed},
          {"overdue", overdue},
          {"carried", carried},
          {"has_closed", !closed.empty()},
          {"has_overdue", !overdue.empty()},
          {"has_carried", !carried.empty()},
          {"nothing", closed.empty() && overdue.empty() && carried.empty()},
          {"carried_status", kept},
          {"not_kept", !kept},
          {"actions_url", record_pages::urls::kActions}};
}

}  // namespace qahub::report
