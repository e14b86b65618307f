#pragma once
/// The scorecard rules (issue 34), fixed in qahub and documented in README
/// "Indicators": a hub sets an indicator's targets, floors and tolerances,
/// never the rules. Pure functions over exact decimals, so pages, CSVs and
/// checks rate a value the same way and a test can pin each rule.
///
///   Micro v = round_half_away(*parse_decimal("64.95"), 1);   // 65.0
///   rate(Polarity::kHigher, v, {.value = 65 * kOne});       // Rating::kMet
///   rating_words(Rating::kWithinFloor);                      // "Within floor"
///   direction(Polarity::kLower, 15 * kOne, 17'200'000);      // Direction::kWorsening
///
/// Values are held in millionths (`Micro`): what an author writes ("64.95")
/// is exact, so rounding at a boundary never depends on binary fractions.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"

namespace qahub::records {

/// A decimal in millionths: 64.95 is 64'950'000.
using Micro = long long;
inline constexpr Micro kOne = 1'000'000;

/// "64.95", "-3", "0.5" → millionths; nullopt for anything else (more than
/// six decimals, exponents, spaces, thousands separators).
std::optional<Micro> parse_decimal(std::string_view text);
/// A JSON number (a target, a comparator) in millionths, rounded to the nearest.
Micro micro_of(double v);
/// Rounds half away from zero to `decimals` (0–6): 64.95 → 65.0 at 1, -2.5 → -3 at 0.
Micro round_half_away(Micro v, int decimals);
/// "65.0" at 1 decimal ("-0.5", "1,234" never: no separators).
std::string format_decimal(Micro v, int decimals);
/// part ÷ whole × scale, rounded half away from zero to `decimals`; nullopt when whole is 0.
std::optional<Micro> ratio(Micro part, Micro whole, long scale, int decimals);

enum class Polarity { kHigher, kLower, kRange };
/// "higher" → kHigher …; nullopt for an unknown word.
std::optional<Polarity> polarity_of(std::string_view word);
/// What "good" is, for the "Good is" column: "higher", "lower", "in range".
std::string good_is(Polarity p);

/// A target resolved to numbers for one period: a value, or a band for
/// `range`; at most one of floor and tolerance.
struct TargetNumbers {
  std::optional<Micro> value = {};
  std::optional<Micro> low = {}, high = {};  ///< the band (range)
  std::optional<Micro> floor = {}, tolerance = {};
};

enum class Rating { kMet, kWithinFloor, kWithinTolerance, kNotMet, kNotRated };
/// Every rating, in the order summaries count them.
inline constexpr Rating kRatings[] = {Rating::kMet, Rating::kWithinFloor, Rating::kWithinTolerance, Rating::kNotMet,
                                      Rating::kNotRated};

/// The rule. `v` is already rounded to the indicator's decimals.
/// higher: met if v ≥ target; within floor if v ≥ floor; within tolerance
/// if v ≥ target − tolerance; else not met. lower: the mirror image. range:
/// met inside the band (ends included); within tolerance if no further than
/// the tolerance outside it; else not met (no tolerance, no middle rating).
Rating rate(Polarity p, Micro v, const TargetNumbers& t);
/// "Met", "Within floor", "Within tolerance", "Not met", "Not rated": the
/// word every rating cell carries before its colour.
std::string rating_words(Rating r);
/// "met", "within-floor", "within-tolerance", "not-met", "not-rated" (CSS and CSV).
std::string rating_key(Rating r);

/// How far `v` is from the target in words, in the unit's own terms:
/// "2.0 points below target", "0.5 above the band", "on target", "inside the band".
/// `points` says percentage points ("points") rather than a bare number.
std::string how_close(Polarity p, Micro v, const TargetNumbers& t, int decimals, bool points);

/// Why a value has no rating, for its cell ("Not rated: value suppressed").
/// Symbols: c suppressed, x not available, z not applicable.
std::string symbol_words(char symbol);  ///< "suppressed", "not available", "not applicable"
std::string flag_words(char flag);      ///< "provisional", "revised", "estimated", "low reliability"

enum class Direction { kImproving, kWorsening, kNoChange, kNoClearTrend, kNotCompared };
/// "Improving", "Worsening", "No change", "No clear trend", "Not compared".
std::string direction_words(Direction d);
std::string direction_key(Direction d);  ///< "improving", … (CSS and CSV)

/// From `before` to `now` (both rounded), by polarity, not arithmetic: a
/// falling `lower` indicator is improving; for `range`, nearer the band
/// (`low`–`high`) is improving, and inside it both ways is no change.
Direction direction(Polarity p, Micro before, Micro now, std::optional<Micro> low = {}, std::optional<Micro> high = {});
/// The least-squares slope per period of `points` (equally spaced), in millionths; 0 for fewer than two.
Micro trend_slope(const std::vector<Micro>& points);
/// The trend method: the slope over `points` (oldest first); "No clear trend"
/// when its size per period is under `threshold`; else by polarity (range:
/// the slope of the distance from the band).
Direction trend(Polarity p, const std::vector<Micro>& points, Micro threshold, std::optional<Micro> low = {},
                std::optional<Micro> high = {});

/// A denominator under this adds kSmallSample (the breakdowns' threshold).
inline constexpr long kSmallSampleDenominator = 30;
inline constexpr const char* kSmallSample = "small sample: compare with care";

/// How periods are written (data/README.md): month "2026-04", quarter
/// "2026-Q2" (April–June), financial year "2026-27" (April to March),
/// rolling 12 months and year to date by their last month ("2026-04").
enum class PeriodType { kMonth, kQuarter, kFinancialYear, kRolling12, kYearToDate };
std::optional<PeriodType> period_type_of(std::string_view word);  ///< "month", "quarter", "financial-year", …
/// "a month (YYYY-MM)", "a quarter (YYYY-Qn)", "a financial year (YYYY-YY)" …
std::string period_type_words(PeriodType t);
/// "monthly", "quarterly", "yearly" (a financial year), "monthly" (rolling and YTD: by their last month).
std::string period_adjective(PeriodType t);

/// A period as a step on its type's own scale: months (month, rolling, YTD),
/// quarters or financial years since year 0; and its last day.
struct Period {
  long index = 0;
  base::Date end;
};
/// Parses `text` as a period of `type`; nullopt when it does not fit.
std::optional<Period> parse_period(PeriodType type, std::string_view text);
/// The period of `type` with `index` written as authors write it.
std::string period_text(PeriodType type, long index);
/// The period of `type` a date falls in.
long period_index(PeriodType type, base::Date d);
/// A comparator's or any period in any of the spellings above, or a calendar
/// year "2025": its last day; nullopt when it fits none.
std::optional<base::Date> any_period_end(std::string_view text);

}  // namespace qahub::records
