#include "figures/percent.h"

namespace qahub::figures {

long per_mille(long part, long whole) { return whole <= 0 ? 0 : (part * 2000 + whole) / (2 * whole); }

std::string percent(long part, long whole) {
  if (whole <= 0) return "–";
  long pm = per_mille(part, whole);
  return std::to_string(pm / 10) + "." + std::to_string(pm % 10) + "%";
}

std::string change_points(long now_pm, long before_pm) {
  long d = now_pm - before_pm;
  if (d == 0) return "no change";
  long a = d < 0 ? -d : d;
  return std::string(d > 0 ? "+" : "−") + std::to_string(a / 10) + "." + std::to_string(a % 10) + " points";
}

}  // namespace qahub::figures
