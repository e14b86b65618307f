#include <catch2/catch.hpp>

#include "record_pages/small_multiples.h"

using namespace qahub::record_pages;

TEST_CASE("record_pages: a small multiple labels its gaps and breaks, and never joins across them",
          "[record_pages][trends]") {
  LineChart ch{"t",
               "North: good or better",
               "Share…",
               {{"Cycle 1", "2026-27"}, {"Cycle 2", "2026-27"}, {"Cycle 3", "2026-27"}, {"Cycle 1", "2027-28"}},
               {{500, ""}, {std::nullopt, "not shown"}, {600, ""}, {650, ""}},
               {3}};
  const std::string svg = line_chart_svg(ch);
  CHECK(svg.find("role=\"img\" aria-labelledby=\"t-title t-desc\"") != std::string::npos);
  CHECK(svg.find("<title id=\"t-title\">North: good or better</title>") != std::string::npos);
  // Every value is written beside its marker; the gap is in words.
  CHECK(svg.find(">50.0%</text>") != std::string::npos);
  CHECK(svg.find(">65.0%</text>") != std::string::npos);
  CHECK(svg.find(">not</text>") != std::string::npos);
  CHECK(svg.find(">shown</text>") != std::string::npos);
  CHECK(svg.find(">new scale</text>") != std::string::npos);
  // Four points, three markers; a point alone on either side of the gap or break gets no line.
  size_t circles = 0;
  for (size_t at = 0; (at = svg.find("<circle", at)) != std::string::npos; ++at) ++circles;
  CHECK(circles == 3);
  CHECK(svg.find("<polyline") == std::string::npos);
  // The shared scale: 0%, 50%, 100% on every chart.
  CHECK(svg.find(">100%</text>") != std::string::npos);
  CHECK(svg.find(">0%</text>") != std::string::npos);
}

TEST_CASE("record_pages: a small multiple joins neighbouring points", "[record_pages][trends]") {
  LineChart ch{"u", "Whole authority", "", {{"Cycle 1", "2026-27"}, {"Cycle 2", "2026-27"}}, {{500, ""}, {600, ""}},
               {}};
  CHECK(line_chart_svg(ch).find("<polyline points=\"90,90 166,78\"") != std::string::npos);
}
