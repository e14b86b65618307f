#include "figures/quarters.h"

namespace qahub::figures {

std::string quarter_label(const std::string& q) {
  static const char* kNames[] = {"January to March", "April to June", "July to September", "October to December"};
  if (q.size() != 7) return q;
  int n = q[6] - '1';
  if (n < 0 || n > 3) return q;
  return std::string(kNames[n]) + " " + q.substr(0, 4);
}

std::string quarter_of(base::Date d) { return std::to_string(d.year) + "-Q" + std::to_string((d.month - 1) / 3 + 1); }

}  // namespace qahub::figures
