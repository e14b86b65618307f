#pragma once
/// A scorecard resolved at a date (issue 34): each indicator's latest value
/// at or before it, rated by the fixed rules (records/indicators.h), its
/// direction of travel by the scorecard's method, its comparators and recent
/// values; and the summary sentence. The scorecard page, its CSV, the report
/// blocks and the `indicators_met` figures all read this, so they agree.
///
///   for (const ScorecardPart& part : resolve_scorecard(records, card, as_of))
///     for (const ScorecardRow& row : part.rows) row.latest->rating_text;
///   summary_sentence(summarise(parts));
///   // "Of 12 indicators with a target, 7 met it, 2 are within floor or
///   //  tolerance, 2 did not and 1 was not rated."
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "records/indicators.h"
#include "records/model.h"

namespace qahub::records {

/// One indicator of a scorecard at a date.
struct ScorecardRow {
  const Indicator* indicator = nullptr;
  std::optional<RatedPeriod> latest;  ///< the latest value whose period ends on or before the date
  /// Counted in the summary: a performance indicator, not for information,
  /// with a target in force for its latest period (or, with no value, on the date).
  bool has_target = false;
  Direction direction = Direction::kNotCompared;
  std::string direction_text;  ///< by the scorecard's method: "Improving, compared with 2025-Q2"
  /// Each comparator kind's latest value at or before the latest period:
  /// "England average 2024-25: 65.0%", "statistical neighbour average 2024-25: 62.0% (CSSNBT 2023)".
  std::vector<std::string> comparators;
  std::vector<RatedPeriod> recent;  ///< up to kRecentValues values, oldest first, ending with the latest
};

/// How many values a scorecard row's sparkline and recent-values table show.
inline constexpr size_t kRecentValues = 8;

/// A section of a resolved scorecard (an indicator it names that is not
/// loaded — withheld or in error — is left out).
struct ScorecardPart {
  std::string title;
  std::vector<ScorecardRow> rows;
};

/// The scorecard as at `at`.
std::vector<ScorecardPart> resolve_scorecard(const Records& records, const Scorecard& card, base::Date at);
/// One indicator as at `at`, its direction by `card`'s method (the previous period when null).
ScorecardRow resolve_row(const Records& records, const Indicator& indicator, base::Date at,
                         const Scorecard* card = nullptr);

/// The counts behind the summary sentence.
struct ScorecardSummary {
  long with_target = 0, met = 0, within = 0, not_met = 0, not_rated = 0;
  /// Met, within floor or tolerance, or not met: a rating by the rules.
  long rated() const { return met + within + not_met; }
};
ScorecardSummary summarise(const std::vector<ScorecardPart>& parts);
/// The summary of every indicator of the hub as at `at`: the figures
/// `indicators_met` and `indicators_rated` of a report.
ScorecardSummary summarise_indicators(const Records& records, base::Date at);
/// "Of 18 indicators with a target, 11 met it, 4 are within floor or
/// tolerance, 2 did not and 1 was not rated."; "The one indicator with a
/// target met it."; "No indicator here has a target." Zero counts are left out.
std::string summary_sentence(const ScorecardSummary& s);

/// "previous period", "same period last year", "trend over the last 6 values".
std::string method_words(const Scorecard& card);

}  // namespace qahub::records
