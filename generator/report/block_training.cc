/// `training`: the phases of training programmes in the quarters the
/// period touches.
#include <algorithm>

#include "figures/quarters.h"
#include "record_pages/urls.h"
#include "record_pages/view_common.h"
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

json training_data(const Input& in) {
  const std::string first = figures::quarter_of(in.from), last = figures::quarter_of(in.to);
  json rows = json::array();
  for (const auto& [id, t] : in.records.training)
    for (const records::Phase& p : t.phases)
      if (first <= p.quarter && p.quarter <= last)
        rows.push_back({{"id", t.id},
                        {"programme", t.name},
                        {"quarter", p.quarter},
                        {"activity", p.activity},
                        {"audience", p.audience}});
  std::stable_sort(rows.begin(), rows.end(),
                   [](const json& a, const json& b) { return a.value("quarter", "") < b.value("quarter", ""); });
  return {{"from_quarter", first}, {"to_quarter", last}, {"rows", rows}};
}

json training_view(const json& data, const ViewInput&) {
  json rows = json::array();
  for (const json& r : data.at("rows")) {
    json v = r;
    v["url"] = record_pages::urls::training(r.value("id", ""));
    v["quarter_label"] = figures::quarter_label(r.value("quarter", ""));
    rows.push_back(v);
  }
  return {{"rows", rows},
          {"has_rows", !rows.empty()},
          {"from", figures::quarter_label(data.value("from_quarter", ""))},
          {"to", figures::quarter_label(data.value("to_quarter", ""))}};
}

}  // namespace qahub::report
