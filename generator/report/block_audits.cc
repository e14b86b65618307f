/// `audits`: thematic audits reported in the period: theme, sample, how many
/// findings and recommendations, and a link to each.
#include "record_pages/urls.h"
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

json audits_data(const Input& in) {
  json rows = json::array();
  for (const auto& [id, a] : in.records.audits) {
    if (!a.reported || *a.reported < in.from || in.to < *a.reported) continue;
    rows.push_back({{"id", a.id},
                    {"theme", a.theme},
                    {"sample", a.sample_size},
                    {"findings", static_cast<long>(a.strengths.size() + a.areas.size())},
                    {"recommendations", static_cast<long>(a.recommendations.size())},
                    {"reported", a.reported->iso()}});
  }
  return {{"rows", rows}};
}

json audits_view(const json& data, const ViewInput&) {
  json rows = json::array();
  for (const json& r : data.at("rows")) {
    json v = r;
    v["url"] = record_pages::urls::audit(r.value("id", ""));
    v["reported_human"] = human_date(r.value("reported", json()));
    rows.push_back(v);
  }
  return {{"rows", rows}, {"has_rows", !rows.empty()}};
}

}  // namespace qahub::report
