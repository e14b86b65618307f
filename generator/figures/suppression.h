#pragma once
/// Small-number suppression: which published counts must not be shown, so a
/// count small enough to identify a family or a worker can be neither read
/// nor worked out from the counts that are shown. Pure arithmetic over a
/// table of counts and the lines that add up to totals; no records, no HTML.
///
///   Primary: a count below `min_cell` (zero included).
///   Secondary: a line is a set of published counts that add up to a
///   published total. In every line with a suppressed member or total, the
///   next smallest members are suppressed until at least two members are and
///   together they are at least `min_cell` (when the members run out first,
///   the total is suppressed too); repeated over all lines until nothing
///   changes (a fixed point).
#include <cstddef>
#include <vector>

namespace qahub::figures::disclosure {

/// Members that add up to `total` (indexes into the table's counts).
struct Line {
  std::vector<size_t> members;
  size_t total = 0;
};

struct Table {
  std::vector<long> counts;
  /// Counts that are always shown (authority-wide totals): never suppressed.
  std::vector<bool> fixed;
  std::vector<Line> lines;

  /// Appends a count; its index.
  size_t add(long count, bool always_shown = false) {
    counts.push_back(count);
    fixed.push_back(always_shown);
    return counts.size() - 1;
  }
};

/// For each count of `table`, whether it is suppressed. Deterministic: among
/// equally small candidates, the one listed first in the line goes first.
std::vector<bool> suppress(const Table& table, long min_cell);

}  // namespace qahub::figures::disclosure
