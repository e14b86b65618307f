#include "figures/suppression.h"

namespace qahub::figures::disclosure {

namespace {

/// Suppresses the smallest shown members of `line` until at least two are
/// suppressed and they add up to at least `min_cell`, if it has a suppressed
/// member or total. True when it suppressed anything.
bool protect_line(const Table& t, const Line& line, long min_cell, std::vector<bool>& hidden) {
  size_t count = 0;
  long sum = 0;
  for (size_t m : line.members)
    if (hidden[m]) {
      ++count;
      sum += t.counts[m];
    }
  if (count == 0 && !hidden[line.total]) return false;
  bool changed = false;
  while (count < 2 || sum < min_cell) {
    size_t best = t.counts.size();
    for (size_t m : line.members)
      if (!hidden[m] && !t.fixed[m] && (best == t.counts.size() || t.counts[m] < t.counts[best])) best = m;
    if (best == t.counts.size()) break;  // every member is already suppressed (or always shown)
    hidden[best] = true;
    ++count;
    sum += t.counts[best];
    changed = true;
  }
  // Too few members to hide it among (a service audited in one area): the
  // total would give them away, so it goes too.
  if ((count < 2 || sum < min_cell) && !hidden[line.total] && !t.fixed[line.total]) {
    hidden[line.total] = true;
    changed = true;
  }
  return changed;
}

}  // namespace

std::vector<bool> suppress(const Table& t, long min_cell) {
  std::vector<bool> hidden(t.counts.size(), false);
  for (size_t i = 0; i < t.counts.size(); ++i) hidden[i] = !t.fixed[i] && t.counts[i] < min_cell;
  // Each pass only adds suppressions, so this ends after at most one pass per count.
  for (bool changed = true; changed;) {
    changed = false;
    for (const Line& line : t.lines) changed = protect_line(t, line, min_cell, hidden) || changed;
  }
  return hidden;
}

}  // namespace qahub::figures::disclosure
