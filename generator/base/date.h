#pragma once
/// Calendar dates without time zones. Every date-dependent result in a build
/// (review notices, action statuses) compares against `--as-of`, a `Date`;
/// nothing else in qahub reads the clock.
#include <optional>
#include <string>
#include <string_view>

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

/// Today's date in UTC. Only the CLI calls this, to default `--as-of`.
Date today_utc();

}  // namespace qahub::base
