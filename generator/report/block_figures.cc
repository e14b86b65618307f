/// `figures`: audits completed and moderated and the good-or-better share,
/// against the previous cycle and the same cycle a year earlier, as a table
/// with its chart beside it (never instead).
#include <cmath>

#include "figures/catalogue.h"
#include "record_pages/view_common.h"
#include "report/blocks.h"

namespace qahub::report {

using figures::figure_catalogue;
using figures::format_figure;
using figures::year_earlier;
using nlohmann::json;

namespace {

const std::vector<std::pair<std::string, std::string>> kRows = {
    {"audits_completed", "Audits completed"},
    {"audits_moderated", "Audits moderated"},
    {"good_or_better", "Graded good or better"},
};

/// A compared cycle's title, or what to say when there is none.
std::string title_or(const json& data, const char* key, const char* none) {
  const json& v = data.value(key, json());
  return v.is_string() ? v.get<std::string>() : none;
}

}  // namespace

json figures_data(const Input& in, const records::Cycle& cycle) {
  const records::Cycle* prev = previous_cycle(in, cycle);
  const records::Cycle* year = year_earlier(in.records, cycle);
  const json now = figure_catalogue(cycle, nullptr, nullptr);
  const json before = prev ? figure_catalogue(*prev, nullptr, nullptr) : json::object();
  const json then = year ? figure_catalogue(*year, nullptr, nullptr) : json::object();
  json rows = json::array();
  for (const auto& [name, _] : kRows)
    rows.push_back({{"figure", name},
                    {"now", now.value(name, json())},
                    {"previous", before.value(name, json())},
                    {"year_earlier", then.value(name, json())}});
  return {{"cycle", cycle.title()},
          {"previous_cycle", prev ? json(prev->title()) : json()},
          {"year_earlier_cycle", year ? json(year->title()) : json()},
          {"rows", rows}};
}

/// The period's cycles together: their counts added up and the share of
/// the sums, compared with no other cycle (each part is).
json figures_total(const Input& in) {
  const json now = figure_catalogue(figures::period_total(in.cycles), nullptr, nullptr);
  json rows = json::array();
  for (const auto& [name, _] : kRows)
    rows.push_back(
        {{"figure", name}, {"now", now.value(name, json())}, {"previous", nullptr}, {"year_earlier", nullptr}});
  return {{"cycle", "All cycles in the period"},
          {"previous_cycle", nullptr},
          {"year_earlier_cycle", nullptr},
          {"rows", rows}};
}

json figures_view(const json& data, const ViewInput& in) {
  const json& figures = in.snapshot.at("figures");
  json rows = json::array();
  std::vector<record_pages::Bar> bars;
  for (size_t i = 0; i < kRows.size(); ++i) {
    const std::string& name = kRows[i].first;
    const json& row = data.at("rows").at(i);
    rows.push_back(
        {{"label", kRows[i].second},
         {"now", format_figure(name, row.value("now", json()))},
         {"previous", row.at("previous").is_null() ? "–" : format_figure(name, row.at("previous"))},
         {"previous_change", format_figure(name + "_vs_previous", figures.value(name + "_vs_previous", json()))},
         {"year_earlier", row.at("year_earlier").is_null() ? "–" : format_figure(name, row.at("year_earlier"))},
         {"year_change", format_figure(name + "_vs_year_earlier", figures.value(name + "_vs_year_earlier", json()))}});
  }
  // The chart: the good-or-better share of each cycle compared.
  const json& share = data.at("rows").at(2);
  auto bar = [&](const json& title, const json& value) {
    if (!title.is_string() || !value.is_number()) return;
    const long tenths = std::lround(value.get<double>() * 10.0);
    bars.push_back({title.get<std::string>(), tenths, format_figure("good_or_better", value), "grade-good"});
  };
  bar(data.at("cycle"), share.at("now"));
  bar(data.at("previous_cycle"), share.at("previous"));
  bar(data.at("year_earlier_cycle"), share.at("year_earlier"));
  const std::string cycle = data.value("cycle", "");
  return {
      {"rows", rows},
      {"cycle", cycle},
      {"previous_cycle", title_or(data, "previous_cycle", "no previous cycle")},
      {"year_earlier_cycle", title_or(data, "year_earlier_cycle", "no cycle a year earlier")},
      {"chart", record_pages::bar_chart_svg("report-chart-figures", "Audits graded good or better",
                                            "Share of audits graded good or better in " + cycle +
                                                " and the cycles it is compared with; the figures are in the table.",
                                            bars, 1000)}};
}

}  // namespace qahub::report
