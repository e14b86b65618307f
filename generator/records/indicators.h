#pragma once
/// An indicator's series with every period rated by the fixed rules
/// (records/indicator_rules.h): what the indicator page, indicators.csv and
/// the checks all read, so they never disagree.
///
///   for (const RatedPeriod& p : rate_series(records, indicator))
///     p.value_text;    // "65.0%", "c (suppressed)"
///     p.rating_text;   // "Within tolerance", "Not rated: value suppressed"
///     p.direction_text // "Improving", "Worsening, compared with 2026-Q1 (2026-Q2 suppressed)"
#include <optional>
#include <string>
#include <vector>

#include "records/indicator_rules.h"
#include "records/model.h"

namespace qahub::records {

/// A target resolved for one period.
struct ResolvedTarget {
  TargetNumbers numbers;
  /// "65.0%", "40.0% to 60.0%", "statistical neighbour average, 65.0% (2024-25, CSSNBT 2023)".
  std::string text;
  const IndicatorTarget* target = nullptr;
  /// A relative target whose comparator kind has no value at or before the
  /// period: that kind ("statistical_neighbours"); "" otherwise.
  std::string missing_comparator;
};

struct RatedPeriod {
  IndicatorValue row;
  std::optional<Micro> rounded;          ///< the value rounded to the indicator's decimals
  std::string value_text;                ///< "65.0%", "c (suppressed)"
  std::string flag_text;                 ///< "provisional", "" for none
  std::optional<ResolvedTarget> target;  ///< the target in force at the period's end
  Rating rating = Rating::kNotRated;
  std::string rating_text;  ///< "Met", "Not rated: value suppressed"
  std::string how_close;    ///< "2.0 points below target", "" when not rated
  Direction direction = Direction::kNotCompared;
  std::string direction_text;  ///< "Improving", "Not compared: first value"
  bool small_sample = false;   ///< denominator under kSmallSampleDenominator
};

/// The indicator's values: its CSV rows, or one per audit cycle for
/// `figure: good_or_better` (the cycle's good-or-better audits over its
/// graded audits, in the period its last month falls in), in period order.
std::vector<IndicatorValue> indicator_values(const Records& records, const Indicator& indicator);
/// Every value rated, in period order.
std::vector<RatedPeriod> rate_series(const Records& records, const Indicator& indicator);

/// "65.0%", "412.3 per 10,000", "14 days", "1.25", "36".
std::string format_value(const Indicator& indicator, Micro v);
/// "England average", "statistical neighbour average", "regional average".
std::string comparator_words(const std::string& kind);
/// The target in force on `day`, or null.
const IndicatorTarget* target_on(const Indicator& indicator, base::Date day);
/// The comparator of `kind` with the latest period ending on or before `day`, or null.
const Comparator* comparator_on(const Indicator& indicator, const std::string& kind, base::Date day);
/// The target for a period ending `day`, resolved to numbers; nullopt when none is in force.
std::optional<ResolvedTarget> resolve_target(const Indicator& indicator, base::Date day);
/// "percentage points" apply: a percent indicator's differences are points.
bool in_points(const Indicator& indicator);

}  // namespace qahub::records
