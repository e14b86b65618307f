#pragma once
/// Calendar dates without time zones. Every date-dependent result in a build
/// (review notices, action statuses) compares against `--as-of`, a `Date`;
/// nothing else in qahub reads the clock.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qahub::base {

/// A proleptic Gregorian date. Ordered, so `review_by < as_of` reads as it should.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  /// Parses exactly `YYYY-MM-DD` with a real day of that month; anything else is nullopt.
  static std::optional<Date> parse(std::string_view text);
  /// Days since 1970-01-01 (negative before), for differences and offsets.
  long days_since_epoch() const;
  static Date from_days(long days);
  Date plus_days(long days) const { return from_days(days_since_epoch() + days); }
  /// `YYYY-MM-DD`.
  std::string iso() const;
  /// "14 September 2026": the GOV.UK style for dates a person reads.
  std::string human() const;
  auto operator<=>(const Date&) const = default;
};

/// Monday is 1 … Sunday is 7 (ISO 8601).
int iso_weekday(Date d);

/// The date `n` working days after `start`: Saturdays, Sundays and the dates
/// in `holidays` (sorted) are skipped, so 70 working days from 2026-01-15
/// with England's Easter bank holidays is 2026-04-27. `start` itself is not
/// counted (s137 statements of action count from the day after the letter).
Date add_working_days(Date start, long n, const std::vector<Date>& holidays);

/// The same day `years` later (earlier when negative); 29 February becomes
/// 28 February in a year without one.
Date add_years(Date d, int years);

/// The UK financial year: 1 April to 31 March. Its first day for `d`.
Date financial_year_start(Date d);
/// "2026-27" for any date from 1 April 2026 to 31 March 2027.
std::string financial_year(Date d);
/// The quarter of the financial year `d` falls in: 1 (April to June) to 4.
int financial_quarter(Date d);

/// Today's date in UTC. Only the CLI calls this, to default `--as-of`.
Date today_utc();

}  // namespace qahub::base
