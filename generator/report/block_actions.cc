/// `actions`: the actions agreed in the cycle (its own and its key learning
/// points'), with owner, due date and status as at the report's date.
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

json actions_data(const Input& in, const records::Cycle& cycle) {
  json rows = json::array();
  for (const auto& [id, a] : in.records.actions)
    if (agreed_in(a, cycle) && known_at(a, in.to)) rows.push_back(action_row(a, in.to));
  return {{"rows", rows}};
}

json actions_view(const json& data, const ViewInput&) {
  json rows = json::array();
  for (const json& r : data.at("rows")) rows.push_back(action_row_view(r));
  return {{"rows", rows}, {"has_rows", !rows.empty()}};
}

}  // namespace qahub::report
