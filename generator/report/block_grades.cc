/// `grades`: how many audits got each grade, and the share of each.
#include <cmath>

#include "record_pages/view_common.h"
#include "report/blocks.h"
#include "report/figures.h"

namespace qahub::report {

using nlohmann::json;

namespace {

const std::vector<std::pair<std::string, std::string>> kGrades = {
    {"outstanding", "Outstanding"},
    {"good", "Good"},
    {"requires_improvement", "Requires improvement"},
    {"inadequate", "Inadequate"},
};

}  // namespace

json grades_data(const Input& in) {
  const json all = figure_catalogue(in.cycle, nullptr, nullptr);
  json out = {{"audits_completed", all.at("audits_completed")}};
  for (const auto& [name, _] : kGrades) {
    out[name] = all.at(name);
    out[name + "_share"] = all.at(name + "_share");
  }
  return out;
}

json grades_view(const json& data, const ViewInput&) {
  json rows = json::array();
  std::vector<record_pages::Bar> bars;
  for (const auto& [name, label] : kGrades) {
    const json& share = data.value(name + "_share", json());
    rows.push_back({{"label", label},
                    {"count", format_figure(name, data.value(name, json()))},
                    {"share", format_figure(name + "_share", share)}});
    std::string css = "grade-" + name;
    for (char& c : css)
      if (c == '_') c = '-';
    bars.push_back({label, share.is_number() ? std::lround(share.get<double>() * 10.0) : 0,
                    format_figure(name + "_share", share), css});
  }
  const std::string total = format_figure("audits_completed", data.value("audits_completed", json()));
  return {
      {"rows", rows},
      {"total", total},
      {"chart", record_pages::bar_chart_svg(
                    "report-chart-grades", "Grades",
                    "Share of the " + total + " audits completed that got each grade; the figures are in the table.",
                    bars, 1000)}};
}

}  // namespace qahub::report
