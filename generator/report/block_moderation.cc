/// `moderation`: how often moderators agreed with, raised or lowered a grade.
#include "figures/catalogue.h"
#include "report/blocks.h"

namespace qahub::report {

using figures::figure_catalogue;
using figures::format_figure;
using nlohmann::json;

json moderation_data(const Input&, const records::Cycle& cycle) {
  const json all = figure_catalogue(cycle, nullptr, nullptr);
  return {{"audits_moderated", all.at("audits_moderated")},
          {"agreed", all.at("moderation_agreed")},
          {"raised", all.at("moderation_raised")},
          {"lowered", all.at("moderation_lowered")},
          {"agreement", all.at("agreement")}};
}

/// Moderation over the period's cycles: their counts added up, agreement of the sums.
json moderation_total(const Input& in) { return moderation_data(in, figures::period_total(in.cycles)); }

json moderation_view(const json& data, const ViewInput&) {
  auto count = [&](const char* key) { return format_figure("audits_moderated", data.value(key, json())); };
  return {{"moderated", count("audits_moderated")},
          {"agreed", count("agreed")},
          {"raised", count("raised")},
          {"lowered", count("lowered")},
          {"agreement", format_figure("agreement", data.value("agreement", json()))}};
}

}  // namespace qahub::report
