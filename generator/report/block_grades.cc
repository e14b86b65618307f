/// `grades`: how many audits got each grade, and the share of each.
#include <cmath>

#include "figures/catalogue.h"
#include "figures/percent.h"
#include "record_pages/view_common.h"
#include "report/blocks.h"

namespace qahub::report {

using figures::figure_catalogue;
using figures::format_figure;
using nlohmann::json;

namespace {

const std::vector<std::pair<std::string, std::string>> kGrades = {
    {"outstanding", "Outstanding"},
    {"good", "Good"},
    {"requires_improvement", "Requires improvement"},
    {"inadequate", "Inadequate"},
};

}  // namespace

json grades_data(const Input& in, const records::Cycle& cycle) {
  const json all = figure_catalogue(cycle, nullptr, nullptr);
  json out = {{"audits_completed", all.at("audits_completed")}};
  const records::Scale* scale = records::find_scale(in.records, cycle.scale);
  if (!scale || scale->id == records::kDefaultScale) {
    // As snapshots have always kept it: the four grades by name.
    for (const auto& [name, _] : kGrades) {
      out[name] = all.at(name);
      out[name + "_share"] = all.at(name + "_share");
    }
    return out;
  }
  // Another scale: its levels, in order, with their labels, so the view needs nothing else.
  json levels = json::array();
  const long n = cycle.audits_completed;
  for (const records::ScaleLevel& l : scale->levels) {
    const long v = cycle.grades.count(l.id);
    levels.push_back({{"id", l.id}, {"label", l.label}});
    out[l.id] = v;
    out[l.id + "_share"] = n > 0 ? json(static_cast<double>(figures::per_mille(v, n)) / 10.0) : json(nullptr);
  }
  out["levels"] = levels;
  return out;
}

/// Each grade's count over the period's cycles and its share of all their
/// audits, on the first cycle's scale.
json grades_total(const Input& in) { return grades_data(in, figures::period_total(in.cycles)); }

json grades_view(const json& data, const ViewInput&) {
  std::vector<std::pair<std::string, std::string>> grades = kGrades;
  if (const json& levels = data.value("levels", json()); levels.is_array()) {
    grades.clear();
    for (const json& l : levels) grades.emplace_back(l.value("id", ""), l.value("label", ""));
  }
  json rows = json::array();
  std::vector<record_pages::Bar> bars;
  for (const auto& [name, label] : grades) {
    const json& share = data.value(name + "_share", json());
    // Counts and shares are formatted as the catalogue's grade figures are.
    rows.push_back({{"label", label},
                    {"count", format_figure("good", data.value(name, json()))},
                    {"share", format_figure("good_share", share)}});
    std::string css = "grade-" + name;
    for (char& c : css)
      if (c == '_') c = '-';
    bars.push_back({label, share.is_number() ? std::lround(share.get<double>() * 10.0) : 0,
                    format_figure("good_share", share), css});
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
