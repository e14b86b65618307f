#include <catch2/catch.hpp>

#include <filesystem>

#include "config/site_config.h"
#include "temp_dir.h"

using namespace qahub;

namespace {
config::SiteConfig load(const std::string& yaml, diag::Diagnostics& d) {
  static int n = 0;
  testing::TempDir dir("risk-matrix-" + std::to_string(n++));
  dir.write("qahub.yaml", yaml);
  return config::load_site_config(dir.path(), d);
}
}  // namespace

TEST_CASE("config: risks: sets the matrix and its bands", "[config][risks]") {
  diag::Diagnostics d;
  const config::SiteConfig c = load(
      "risks:\n  likelihood: 4\n  impact: 4\n  bands:\n    - {name: low, from: 1}\n    - {name: moderate, from: 4}\n"
      "    - {name: severe, from: 12}\n",
      d);
  CHECK(d.format_all().empty());
  CHECK(c.risks.max_score() == 16);
  REQUIRE(c.risks.bands.size() == 3);
  CHECK(c.risks.band_name(11) == "moderate");
  CHECK(c.risks.band_name(12) == "severe");
}

TEST_CASE("config: risks: without the key, 5 by 5 with low, medium and high", "[config][risks]") {
  diag::Diagnostics d;
  const config::SiteConfig c = load("title: Hub\n", d);
  CHECK(c.risks.likelihood == 5);
  CHECK(c.risks.impact == 5);
  REQUIRE(c.risks.bands.size() == 3);
  CHECK(c.risks.bands[2].name == "high");
}

TEST_CASE("config: risks: each mistake is an error at its value", "[config][risks]") {
  diag::Diagnostics d;
  load("risks:\n  likelihood: 12\n", d);
  CHECK(d.format_all() == "qahub.yaml:2:15: error: \"likelihood\" must be 2 to 10 steps, not 12\n");
  diag::Diagnostics first;
  load("risks:\n  bands:\n    - {name: low, from: 2}\n    - {name: high, from: 10}\n", first);
  CHECK(first.format_all() == "qahub.yaml:3:25: error: the first band starts from 1, not 2\n");
  diag::Diagnostics order;
  load("risks:\n  bands:\n    - {name: low, from: 1}\n    - {name: high, from: 30}\n", order);
  CHECK(order.format_all() ==
        "qahub.yaml:4:26: error: band \"high\" starts from 30, which must be 2 to 25 (above the band before it and "
        "within the matrix)\n");
  diag::Diagnostics one;
  load("risks:\n  bands:\n    - {name: low, from: 1}\n", one);
  CHECK(one.format_all() ==
        "qahub.yaml:3:5: error: \"bands\" must be a list of two or more bands, such as {name: low, from: 1}\n");
}
