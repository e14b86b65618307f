/// `meetings`: meetings in the period whose decisions name actions agreed in
/// this cycle, or whose agenda names the cycle, with those decisions.
#include <algorithm>

#include "record_pages/urls.h"
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

json meetings_data(const Input& in, const records::Cycle& cycle) {
  json rows = json::array();
  for (const auto& [id, m] : in.records.meetings) {
    if (m.date < in.from || in.to < m.date) continue;
    json decisions = json::array();
    for (const records::Decision& d : m.decisions) {
      bool names = false;
      for (const std::string& aid : d.actions)
        if (auto a = in.records.actions.find(aid); a != in.records.actions.end() && agreed_in(a->second, cycle))
          names = true;
      if (names) decisions.push_back({{"id", d.id}, {"text", d.text}, {"actions", d.actions}});
    }
    bool on_agenda = false;
    for (const records::AgendaItem& item : m.agenda) on_agenda = on_agenda || item.cycle == cycle.id;
    if (decisions.empty() && !on_agenda) continue;
    auto forum = in.records.forums.find(m.forum);
    rows.push_back({{"id", m.id},
                    {"forum", forum == in.records.forums.end() ? m.forum : forum->second.name},
                    {"date", m.date.iso()},
                    {"decisions", decisions}});
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const json& a, const json& b) { return a.value("date", "") < b.value("date", ""); });
  return {{"rows", rows}};
}

json meetings_view(const json& data, const ViewInput&) {
  json rows = json::array();
  for (const json& r : data.at("rows")) {
    json v = r;
    const std::string page = record_pages::urls::meeting(r.value("id", ""));
    v["url"] = page;
    v["date_human"] = human_date(r.value("date", json()));
    json decisions = json::array();
    for (const json& d : r.at("decisions")) {
      json dv = d;
      dv["url"] = page + "#" + d.value("id", "");
      decisions.push_back(dv);
    }
    v["decisions"] = decisions;
    v["has_decisions"] = !decisions.empty();
    rows.push_back(v);
  }
  return {{"rows", rows}, {"has_rows", !rows.empty()}};
}

}  // namespace qahub::report
