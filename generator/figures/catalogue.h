#pragma once
/// The figure catalogue: every figure of a cycle an author can write inline
/// (`{{< figure good_or_better >}}`) and that a report's snapshot keeps. The
/// names and formats are documented in README "Learning and Improvement
/// reports"; a figure that cannot be worked out (no previous cycle, no
/// family feedback, a share of nothing) is null.
///
///   nlohmann::json cat = figure_catalogue(cycle, prev, year_earlier);
///   format_figure("good_or_better", cat["good_or_better"]);  // "60.1%"
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "records/model.h"

namespace qahub::figures {

enum class FigureFormat {
  kCount,         ///< 208
  kPercent,       ///< 60.1% (one decimal)
  kCountChange,   ///< +7, −3, 0
  kPointsChange,  ///< +2.3 percentage points
};

/// The figures of the hub's indicators rather than of a cycle: a report's
/// snapshot fills them in as at its period's end (report/snapshot.cc,
/// records/scorecards.h); a cycle's catalogue has them null.
inline constexpr const char* kHubFigures[] = {"indicators_met", "indicators_rated"};

/// Every figure name, in catalogue order.
const std::vector<std::string>& figure_names();
/// How a figure is written; names not in the catalogue are kCount.
FigureFormat figure_format(const std::string& name);

/// The cycle's figures against the previous cycle and the same cycle a year
/// earlier (either may be null): name → number or null.
nlohmann::json figure_catalogue(const records::Cycle& cycle, const records::Cycle* previous,
                                const records::Cycle* year_earlier);

/// The cycles' counts added up as one cycle, for a period's total (the count
/// blocks of a report over several cycles): audits completed and moderated,
/// each grade by level id (the first cycle's levels first), moderation, and
/// family feedback when every cycle has it (ratings when every cycle has
/// them). So the catalogue of the total gives shares of the sums, never a
/// sum of shares. It has no id, months or breakdown; its scale is the first
/// cycle's.
records::Cycle period_total(const std::vector<const records::Cycle*>& cycles);

/// The value as a reader sees it ("not available" for null).
std::string format_figure(const std::string& name, const nlohmann::json& value);

/// The same cycle a year earlier (same number, the year before), or null.
const records::Cycle* year_earlier(const records::Records& records, const records::Cycle& cycle);

/// The figure's plain-words name, for corrections ("audits completed").
std::string figure_words(const std::string& name);

}  // namespace qahub::figures
