/// `feedback`: families asked for their views, how many responded, and how
/// they rated the service.
#include "figures/catalogue.h"
#include "report/blocks.h"

namespace qahub::report {

using figures::figure_catalogue;
using figures::format_figure;
using nlohmann::json;

namespace {

const std::vector<std::pair<std::string, std::string>> kRatings = {
    {"feedback_very_good", "Very good"},
    {"feedback_good", "Good"},
    {"feedback_fair", "Fair"},
    {"feedback_poor", "Poor"},
};

}  // namespace

json feedback_data(const Input&, const records::Cycle& cycle) {
  const json all = figure_catalogue(cycle, nullptr, nullptr);
  json out = {{"asked", all.at("feedback_asked")},
              {"responded", all.at("feedback_responded")},
              {"response", all.at("response")}};
  for (const auto& [name, _] : kRatings) out[name.substr(9)] = all.at(name);
  return out;
}

json feedback_view(const json& data, const ViewInput&) {
  json v;
  v["has_feedback"] = data.value("asked", json()).is_number();
  v["asked"] = format_figure("feedback_asked", data.value("asked", json()));
  v["responded"] = format_figure("feedback_responded", data.value("responded", json()));
  v["response"] = format_figure("response", data.value("response", json()));
  json ratings = json::array();
  for (const auto& [name, label] : kRatings) {
    const json& value = data.value(name.substr(9), json());
    if (value.is_number()) ratings.push_back({{"label", label}, {"count", format_figure(name, value)}});
  }
  v["ratings"] = ratings;
  v["has_ratings"] = !ratings.empty();
  return v;
}

}  // namespace qahub::report
