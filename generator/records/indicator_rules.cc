#include "records/indicator_rules.h"

#include <cmath>
#include <cstdlib>

namespace qahub::records {

namespace indicator_rules {

Micro pow10_micro(int n) {
  Micro p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int number_of(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

base::Date month_end(int year, int month) {
  const int ny = month == 12 ? year + 1 : year, nm = month == 12 ? 1 : month + 1;
  return base::Date{ny, nm, 1}.plus_days(-1);
}

/// Distance from the band [low, high]; 0 inside it.
Micro band_distance(Micro v, Micro low, Micro high) { return v < low ? low - v : v > high ? v - high : 0; }

std::string two_digits(long n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace indicator_rules

namespace ir = indicator_rules;

std::optional<Micro> parse_decimal(std::string_view text) {
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && s[0] == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  const size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if (!ir::all_digits(whole) || whole.size() > 12) return std::nullopt;
  if (dot != std::string_view::npos && (!ir::all_digits(frac) || frac.size() > 6)) return std::nullopt;
  Micro v = 0;
  for (char c : whole) v = v * 10 + (c - '0');
  v *= kOne;
  Micro f = 0;
  for (char c : frac) f = f * 10 + (c - '0');
  v += f * ir::pow10_micro(6 - static_cast<int>(frac.size()));
  return negative ? -v : v;
}

Micro micro_of(double v) { return std::llround(v * static_cast<double>(kOne)); }

Micro round_half_away(Micro v, int decimals) {
  const Micro unit = ir::pow10_micro(6 - decimals);
  const Micro a = std::llabs(v);
  Micro q = a / unit;
  if (2 * (a % unit) >= unit) ++q;
  return (v < 0 ? -q : q) * unit;
}

std::string format_decimal(Micro v, int decimals) {
  const Micro r = round_half_away(v, decimals);
  const Micro a = std::llabs(r);
  std::string out = (r < 0 ? "-" : "") + std::to_string(a / kOne);
  if (decimals > 0) {
    std::string frac = std::to_string((a % kOne) / ir::pow10_micro(6 - decimals));
    out += "." + std::string(static_cast<size_t>(decimals) - frac.size(), '0') + frac;
  }
  return out;
}

std::optional<Micro> ratio(Micro part, Micro whole, long scale, int decimals) {
  if (whole == 0) return std::nullopt;
  const bool negative = (part < 0) != (whole < 0);
  const __int128 n = static_cast<__int128>(std::llabs(part)) * scale * kOne;
  const __int128 d = static_cast<__int128>(std::llabs(whole)) * ir::pow10_micro(6 - decimals);
  __int128 q = n / d;
  if (2 * (n % d) >= d) ++q;
  const Micro out = static_cast<Micro>(q) * ir::pow10_micro(6 - decimals);
  return negative ? -out : out;
}

std::optional<Polarity> polarity_of(std::string_view word) {
  if (word == "higher") return Polarity::kHigher;
  if (word == "lower") return Polarity::kLower;
  if (word == "range") return Polarity::kRange;
  return std::nullopt;
}

std::string good_is(Polarity p) {
  switch (p) {
    case Polarity::kHigher:
      return "higher";
    case Polarity::kLower:
      return "lower";
    case Polarity::kRange:
      return "in range";
  }
  return "";
}

Rating rate(Polarity p, Micro v, const TargetNumbers& t) {
  if (p == Polarity::kRange) {
    if (!t.low || !t.high) return Rating::kNotRated;
    if (v >= *t.low && v <= *t.high) return Rating::kMet;
    if (t.tolerance && v >= *t.low - *t.tolerance && v <= *t.high + *t.tolerance) return Rating::kWithinTolerance;
    return Rating::kNotMet;
  }
  if (!t.value) return Rating::kNotRated;
  // Lower is the mirror image of higher: compare the negated numbers.
  const Micro sign = p == Polarity::kHigher ? 1 : -1;
  const Micro x = sign * v, target = sign * *t.value;
  if (x >= target) return Rating::kMet;
  if (t.floor && x >= sign * *t.floor) return Rating::kWithinFloor;
  if (t.tolerance && x >= target - *t.tolerance) return Rating::kWithinTolerance;
  return Rating::kNotMet;
}

std::string rating_words(Rating r) {
  switch (r) {
    case Rating::kMet:
      return "Met";
    case Rating::kWithinFloor:
      return "Within floor";
    case Rating::kWithinTolerance:
      return "Within tolerance";
    case Rating::kNotMet:
      return "Not met";
    case Rating::kNotRated:
      return "Not rated";
  }
  return "";
}

std::string rating_key(Rating r) {
  switch (r) {
    case Rating::kMet:
      return "met";
    case Rating::kWithinFloor:
      return "within-floor";
    case Rating::kWithinTolerance:
      return "within-tolerance";
    case Rating::kNotMet:
      return "not-met";
    case Rating::kNotRated:
      return "not-rated";
  }
  return "";
}

std::string how_close(Polarity p, Micro v, const TargetNumbers& t, int decimals, bool points) {
  const std::string unit = points ? " points" : "";
  if (p == Polarity::kRange) {
    if (!t.low || !t.high) return "";
    if (v >= *t.low && v <= *t.high) return "inside the band";
    const bool below = v < *t.low;
    return format_decimal(below ? *t.low - v : v - *t.high, decimals) + unit + (below ? " below" : " above") +
           " the band";
  }
  if (!t.value) return "";
  if (v == *t.value) return "on target";
  const bool below = v < *t.value;
  return format_decimal(below ? *t.value - v : v - *t.value, decimals) + unit + (below ? " below" : " above") +
         " target";
}

std::string symbol_words(char symbol) {
  switch (symbol) {
    case 'c':
      return "suppressed";
    case 'x':
      return "not available";
    case 'z':
      return "not applicable";
  }
  return "";
}

std::string flag_words(char flag) {
  switch (flag) {
    case 'p':
      return "provisional";
    case 'r':
      return "revised";
    case 'e':
      return "estimated";
    case 'u':
      return "low reliability";
  }
  return "";
}

std::string direction_words(Direction d) {
  switch (d) {
    case Direction::kImproving:
      return "Improving";
    case Direction::kWorsening:
      return "Worsening";
    case Direction::kNoChange:
      return "No change";
    case Direction::kNoClearTrend:
      return "No clear trend";
    case Direction::kNotCompared:
      return "Not compared";
  }
  return "";
}

std::string direction_key(Direction d) {
  switch (d) {
    case Direction::kImproving:
      return "improving";
    case Direction::kWorsening:
      return "worsening";
    case Direction::kNoChange:
      return "no-change";
    case Direction::kNoClearTrend:
      return "no-clear-trend";
    case Direction::kNotCompared:
      return "not-compared";
  }
  return "";
}

Direction direction(Polarity p, Micro before, Micro now, std::optional<Micro> low, std::optional<Micro> high) {
  Micro better = 0;  // > 0: now is better than before
  if (p == Polarity::kHigher) better = now - before;
  if (p == Polarity::kLower) better = before - now;
  if (p == Polarity::kRange) {
    if (!low || !high) return Direction::kNotCompared;
    better = ir::band_distance(before, *low, *high) - ir::band_distance(now, *low, *high);
  }
  return better > 0 ? Direction::kImproving : better < 0 ? Direction::kWorsening : Direction::kNoChange;
}

Micro trend_slope(const std::vector<Micro>& points) {
  const size_t n = points.size();
  if (n < 2) return 0;
  long double mean_x = (static_cast<long double>(n) - 1) / 2, mean_y = 0;
  for (Micro y : points) mean_y += static_cast<long double>(y);
  mean_y /= static_cast<long double>(n);
  long double sxy = 0, sxx = 0;
  for (size_t i = 0; i < n; ++i) {
    const long double dx = static_cast<long double>(i) - mean_x;
    sxy += dx * (static_cast<long double>(points[i]) - mean_y);
    sxx += dx * dx;
  }
  return std::llround(sxy / sxx);
}

Direction trend(Polarity p, const std::vector<Micro>& points, Micro threshold, std::optional<Micro> low,
                std::optional<Micro> high) {
  if (points.size() < 2) return Direction::kNotCompared;
  std::vector<Micro> ys = points;
  Polarity rule = p;
  if (p == Polarity::kRange) {  // nearer the band is better: the distance is a `lower` series
    if (!low || !high) return Direction::kNotCompared;
    for (Micro& y : ys) y = ir::band_distance(y, *low, *high);
    rule = Polarity::kLower;
  }
  const Micro slope = trend_slope(ys);
  if (std::llabs(slope) < threshold) return Direction::kNoClearTrend;
  return direction(rule, 0, slope);
}

std::optional<PeriodType> period_type_of(std::string_view word) {
  if (word == "month") return PeriodType::kMonth;
  if (word == "quarter") return PeriodType::kQuarter;
  if (word == "financial-year") return PeriodType::kFinancialYear;
  if (word == "rolling-12") return PeriodType::kRolling12;
  if (word == "year-to-date") return PeriodType::kYearToDate;
  return std::nullopt;
}

std::string period_type_words(PeriodType t) {
  switch (t) {
    case PeriodType::kMonth:
      return "a month (YYYY-MM)";
    case PeriodType::kQuarter:
      return "a quarter (YYYY-Qn)";
    case PeriodType::kFinancialYear:
      return "a financial year (YYYY-YY)";
    case PeriodType::kRolling12:
      return "a rolling 12 months' last month (YYYY-MM)";
    case PeriodType::kYearToDate:
      return "a year to date's last month (YYYY-MM)";
  }
  return "";
}

std::string period_adjective(PeriodType t) {
  switch (t) {
    case PeriodType::kQuarter:
      return "quarterly";
    case PeriodType::kFinancialYear:
      return "yearly";
    default:
      return "monthly";
  }
}

std::optional<Period> parse_period(PeriodType type, std::string_view s) {
  if (type == PeriodType::kQuarter) {
    if (s.size() != 7 || s.substr(4, 2) != "-Q" || !ir::all_digits(s.substr(0, 4))) return std::nullopt;
    const int y = ir::number_of(s.substr(0, 4)), q = s[6] - '0';
    if (q < 1 || q > 4) return std::nullopt;
    return Period{y * 4L + q - 1, ir::month_end(y, q * 3)};
  }
  if (type == PeriodType::kFinancialYear) {
    if (s.size() != 7 || s[4] != '-' || !ir::all_digits(s.substr(0, 4)) || !ir::all_digits(s.substr(5, 2)))
      return std::nullopt;
    const int y = ir::number_of(s.substr(0, 4));
    if (ir::number_of(s.substr(5, 2)) != (y + 1) % 100) return std::nullopt;
    return Period{y, base::Date{y + 1, 3, 31}};
  }
  if (s.size() != 7 || s[4] != '-' || !ir::all_digits(s.substr(0, 4)) || !ir::all_digits(s.substr(5, 2)))
    return std::nullopt;
  const int y = ir::number_of(s.substr(0, 4)), m = ir::number_of(s.substr(5, 2));
  if (m < 1 || m > 12) return std::nullopt;
  return Period{y * 12L + m - 1, ir::month_end(y, m)};
}

std::string period_text(PeriodType type, long index) {
  if (type == PeriodType::kQuarter) return std::to_string(index / 4) + "-Q" + std::to_string(index % 4 + 1);
  if (type == PeriodType::kFinancialYear) return std::to_string(index) + "-" + ir::two_digits((index + 1) % 100);
  return std::to_string(index / 12) + "-" + ir::two_digits(index % 12 + 1);
}

long period_index(PeriodType type, base::Date d) {
  if (type == PeriodType::kQuarter) return d.year * 4L + (d.month - 1) / 3;
  if (type == PeriodType::kFinancialYear) return d.month >= 4 ? d.year : d.year - 1;
  return d.year * 12L + d.month - 1;
}

std::optional<base::Date> any_period_end(std::string_view text) {
  for (PeriodType t : {PeriodType::kMonth, PeriodType::kQuarter, PeriodType::kFinancialYear})
    if (auto p = parse_period(t, text)) return p->end;
  if (text.size() == 4 && ir::all_digits(text)) return base::Date{ir::number_of(text), 12, 31};
  return std::nullopt;
}

}  // namespace qahub::records
