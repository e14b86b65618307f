#pragma once
/// Small multiples: one small line chart per series (the whole authority,
/// each service, each area), all on the same 0–100% scale, so they can be
/// read side by side instead of as many lines on one chart. Each is inline
/// SVG with role="img", a <title> and a <desc> that repeats every value; every
/// point has a marker and its value written beside it, gaps (a suppressed or
/// missing figure) are labelled in words, and a change of grading scale is a
/// dashed line labelled "new scale", so nothing depends on colour.
///
///   LineChart ch{"trend-good-authority", "Whole authority", "Good-or-better share…", cycles};
///   ch.points = {{473, ""}, {std::nullopt, "not shown"}, …};
///   ch.breaks = {3};  // cycles[3] is the first on a new scale
///   std::string svg = line_chart_svg(ch);
#include <optional>
#include <string>
#include <vector>

namespace qahub::record_pages {

/// A point of a series: a per-mille value, or a gap with its label ("not shown").
struct LinePoint {
  std::optional<long> pm;
  std::string gap;
};

/// One cycle on the x axis, in two short lines ("Cycle 1", "2025-26").
struct LineX {
  std::string first, second;
};

struct LineChart {
  std::string id, title, desc;
  std::vector<LineX> x;
  std::vector<LinePoint> points;  ///< one per x
  /// Indexes of x that start a new grading scale: a labelled break before each,
  /// and the line is not drawn across it.
  std::vector<size_t> breaks;
};

/// The chart as inline SVG (class "records-chart", so it scales to narrow screens).
std::string line_chart_svg(const LineChart& chart);

}  // namespace qahub::record_pages
