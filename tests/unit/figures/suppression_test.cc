#include <catch2/catch.hpp>

#include "figures/suppression.h"

using namespace qahub::figures::disclosure;

namespace {

/// A table of `rows` × `cols` cells with row totals, column totals and a
/// grand total (always shown), in the order cells, row totals, column totals, grand.
Table grid(const std::vector<std::vector<long>>& cells) {
  Table t;
  const size_t rows = cells.size(), cols = cells[0].size();
  for (const auto& row : cells)
    for (long v : row) t.add(v);
  std::vector<size_t> row_totals, col_totals;
  long grand = 0;
  for (size_t r = 0; r < rows; ++r) {
    long s = 0;
    for (long v : cells[r]) s += v;
    grand += s;
    row_totals.push_back(t.add(s));
  }
  for (size_t c = 0; c < cols; ++c) {
    long s = 0;
    for (size_t r = 0; r < rows; ++r) s += cells[r][c];
    col_totals.push_back(t.add(s));
  }
  const size_t g = t.add(grand, true);
  for (size_t r = 0; r < rows; ++r) {
    Line l{{}, row_totals[r]};
    for (size_t c = 0; c < cols; ++c) l.members.push_back(r * cols + c);
    t.lines.push_back(l);
  }
  for (size_t c = 0; c < cols; ++c) {
    Line l{{}, col_totals[c]};
    for (size_t r = 0; r < rows; ++r) l.members.push_back(r * cols + c);
    t.lines.push_back(l);
  }
  t.lines.push_back({row_totals, g});
  t.lines.push_back({col_totals, g});
  return t;
}

}  // namespace

TEST_CASE("suppression: nothing below the threshold, nothing suppressed", "[figures][suppression]") {
  Table t = grid({{10, 12}, {8, 9}});
  auto hidden = suppress(t, 5);
  for (bool h : hidden) CHECK_FALSE(h);
}

TEST_CASE("suppression: a small count and zero are primary suppressions", "[figures][suppression]") {
  Table t;
  size_t a = t.add(3), b = t.add(0), c = t.add(5), d = t.add(40, true);
  auto hidden = suppress(t, 5);
  CHECK(hidden[a]);
  CHECK(hidden[b]);
  CHECK_FALSE(hidden[c]);
  CHECK_FALSE(hidden[d]);
}

TEST_CASE("suppression: always-shown totals stay shown however small", "[figures][suppression]") {
  Table t;
  t.add(2, true);
  CHECK_FALSE(suppress(t, 5)[0]);
}

TEST_CASE("suppression: a line with one suppressed cell loses its next smallest", "[figures][suppression]") {
  Table t;
  size_t a = t.add(3), b = t.add(9), c = t.add(7), total = t.add(19, true);
  t.lines.push_back({{a, b, c}, total});
  auto hidden = suppress(t, 5);
  CHECK(hidden[a]);
  CHECK(hidden[c]);  // 7 is the next smallest
  CHECK_FALSE(hidden[b]);
}

TEST_CASE("suppression: secondary suppressions go on until the suppressed add up to min_cell",
          "[figures][suppression]") {
  Table t;
  size_t a = t.add(1), b = t.add(2), c = t.add(1), d = t.add(20), total = t.add(24, true);
  t.lines.push_back({{a, b, c, d}, total});
  auto hidden = suppress(t, 5);
  // 1 and 1 are below 5 (primary), 2 too; 1 + 2 + 1 = 4 is still below 5, so 20 goes as well.
  CHECK(hidden[a]);
  CHECK(hidden[b]);
  CHECK(hidden[c]);
  CHECK(hidden[d]);
}

TEST_CASE("suppression: ties go to the first member of the line", "[figures][suppression]") {
  Table t;
  size_t a = t.add(2), b = t.add(8), c = t.add(8), total = t.add(18, true);
  t.lines.push_back({{a, b, c}, total});
  auto hidden = suppress(t, 5);
  CHECK(hidden[b]);
  CHECK_FALSE(hidden[c]);
}

TEST_CASE("suppression: a suppressed total needs two suppressed members", "[figures][suppression]") {
  // The row total is suppressed in another line; its members alone would give it away.
  Table t;
  size_t a = t.add(6), b = t.add(7), row = t.add(13), other = t.add(2), grand = t.add(15, true);
  t.lines.push_back({{a, b}, row});
  t.lines.push_back({{row, other}, grand});
  auto hidden = suppress(t, 5);
  CHECK(hidden[other]);
  CHECK(hidden[row]);
  CHECK(hidden[a]);
  CHECK(hidden[b]);
}

TEST_CASE("suppression: iterates over crossing lines to a fixed point", "[figures][suppression]") {
  //        A   B   C
  // s1     3  10  12
  // s2    11   9  14
  // s3     8  13  15
  Table t = grid({{3, 10, 12}, {11, 9, 14}, {8, 13, 15}});
  auto hidden = suppress(t, 5);
  // Row s1: 3 and then 10. Column A: 3 and then 8. Column B now has 10: its next smallest, 9.
  // Row s3 has 8: next 13. Row s2 has 9: next 11. Column A has 3, 8, 11 (three). Column B: 10, 9, 13.
  CHECK(hidden[0]);
  CHECK(hidden[1]);
  CHECK(hidden[6]);
  CHECK(hidden[4]);
  CHECK(hidden[7]);
  CHECK(hidden[3]);
  for (const Line& l : t.lines) {
    size_t n = 0;
    long sum = 0;
    for (size_t m : l.members)
      if (hidden[m]) ++n, sum += t.counts[m];
    if (n > 0 || hidden[l.total]) {
      CHECK(n >= 2);
      CHECK(sum >= 5);
    }
  }
  // A second run on the result changes nothing: the result is the fixed point.
  CHECK(suppress(t, 5) == hidden);
}

TEST_CASE("suppression: the threshold is the configured number", "[figures][suppression]") {
  Table t;
  size_t a = t.add(7), b = t.add(12), total = t.add(19, true);
  t.lines.push_back({{a, b}, total});
  CHECK_FALSE(suppress(t, 5)[a]);
  auto hidden = suppress(t, 10);
  CHECK(hidden[a]);
  CHECK(hidden[b]);
}

TEST_CASE("suppression: a line of one member takes its total with it", "[figures][suppression]") {
  // A service audited in one area: its subtotal is that one row.
  Table t;
  size_t cell = t.add(3), subtotal = t.add(3), other = t.add(30), grand = t.add(33, true);
  t.lines.push_back({{cell}, subtotal});
  t.lines.push_back({{subtotal, other}, grand});
  auto hidden = suppress(t, 5);
  CHECK(hidden[cell]);
  CHECK(hidden[subtotal]);
  CHECK(hidden[other]);  // and the subtotal's line hides its next smallest
  CHECK_FALSE(hidden[grand]);
}
