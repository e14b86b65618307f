#pragma once
/// Shares as the record pages write them: per mille for charts and
/// differences, "42.4%" for tables, "+1.5 points" for a difference. Kept
/// with the figures so a cycle page, the trends page and a breakdown round
/// a share the same way (half up, one decimal).
///
///   percent(125, 208);                   // "60.1%"
///   change_points(601, 566);             // "+3.5 points"
#include <string>

namespace qahub::figures {

/// "42.4%" (one decimal, rounded half up); "–" when the denominator is 0.
std::string percent(long part, long whole);
/// Per mille value, for charts and differences (rounded half up); 0 when the denominator is 0.
long per_mille(long part, long whole);
/// "+1.5 points", "−0.3 points", "no change" from two per-mille values.
std::string change_points(long now_pm, long before_pm);

}  // namespace qahub::figures
