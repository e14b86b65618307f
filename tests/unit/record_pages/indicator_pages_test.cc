#include <catch2/catch.hpp>

#include <regex>

#include "records/indicators.h"
#include "records/site_fixture.h"

using namespace qahub::records;
using namespace qahub::records::testing;

namespace {

const Built& golden_site() {
  static const Built b(std::string(QAHUB_SOURCE_DIR) + "/tests/sites/indicators", "2026-11-23");
  return b;
}

const Built& default_site() {
  static const Built b(QAHUB_SOURCE_DIR, "2026-11-23");
  return b;
}

/// The text of every element `<tag … class="…css…">text</tag>` in `html`, in order.
std::vector<std::string> texts_of(const std::string& html, const std::string& tag, const std::string& css) {
  std::vector<std::string> out;
  const std::regex re("<" + tag + "[^>]*class=\"[^\"]*\\b" + css + "\\b[^\"]*\"[^>]*>([^<]*)</" + tag + ">");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

/// Every indicator page's chart gives the same numbers as its table: each
/// point's value is the table's value cell for that period, in order, and
/// every target line's number is in that period's target cell.
void check_charts_match_tables(const Built& b) {
  REQUIRE_FALSE(b.data.records.indicators.empty());
  for (const auto& [id, ind] : b.data.records.indicators) {
    INFO(id);
    const RecordPage* p = b.page("/indicators/" + id + "/");
    REQUIRE(p);
    const std::string& html = p->body_html;
    const size_t svg_end = html.find("</svg>");
    const std::string chart = svg_end == std::string::npos ? "" : html.substr(0, svg_end);
    const std::string table = svg_end == std::string::npos ? html : html.substr(svg_end);
    const std::vector<std::string> points = texts_of(chart, "text", "indicator-point");
    const std::vector<std::string> values = texts_of(table, "td", "indicator-value");
    CHECK(values.empty() == rate_series(b.data.records, ind).empty());  // an indicator with no values yet has none
    CHECK(points == values);
    CHECK(points.size() == rate_series(b.data.records, ind).size());
    const std::vector<std::string> targets = texts_of(table, "td", "indicator-target-cell");
    for (const std::string& t : texts_of(chart, "text", "indicator-target")) {
      INFO(t);
      CHECK(std::any_of(targets.begin(), targets.end(),
                        [&](const std::string& cell) { return cell.find(t) != std::string::npos; }));
    }
  }
}

}  // namespace

TEST_CASE("indicator pages: every chart has the same numbers as its table", "[record_pages]") {
  check_charts_match_tables(golden_site());
  check_charts_match_tables(default_site());
}

TEST_CASE("indicator pages: the golden site shows every rating, symbol, flag and direction", "[record_pages]") {
  const Built& b = golden_site();
  std::string all;
  for (const auto& [id, ind] : b.data.records.indicators) all += b.page("/indicators/" + id + "/")->body_html;
  for (const char* word : {">Met<",
                           ">Within floor<",
                           ">Within tolerance<",
                           ">Not met<",
                           "Not rated: value suppressed",
                           "Not rated: value not available",
                           "Not rated: value not applicable",
                           "Not rated: for information",
                           "Not rated: activity, inside the expected range (15.0 to 20.0)",
                           "Not rated: activity, outside the expected range",
                           "Not rated: no target for 2026-07",
                           "c (suppressed)",
                           "x (not available)",
                           "z (not applicable)",
                           "provisional",
                           "revised",
                           "estimated",
                           "low reliability",
                           "small sample: compare with care",
                           ">Improving<",
                           ">Worsening<",
                           ">No change<",
                           "Not compared: first value",
                           "Not compared: value suppressed",
                           "Not compared: break in series",
                           "Worsening, compared with 2026-Q1 (2026-Q2 suppressed)",
                           "Improving, compared with 2026-Q1 (2026-Q2 not available)",
                           "statistical neighbour average, 65.0% (2024-25, CSSNBT 2023)",
                           "2.0 points below target",
                           "inside the band",
                           "0.5 points above the band"}) {
    INFO(word);
    CHECK(all.find(word) != std::string::npos);
  }
  // 64.95 at one decimal is 65.0 and meets the resolved 65.0.
  const auto series = rate_series(b.data.records, b.data.records.indicators.at("referral-to-assessment"));
  REQUIRE(series.size() == 4);
  CHECK(series[1].value_text == "65.0%");
  CHECK(series[1].rating == Rating::kMet);
  // A falling `lower` indicator is improving; a rising one worsening, though the number rose.
  const auto cp = rate_series(b.data.records, b.data.records.indicators.at("cp-second-time"));
  CHECK(cp[1].direction == Direction::kImproving);
  CHECK(cp[3].direction == Direction::kWorsening);
  CHECK(cp[3].rating == Rating::kNotMet);
  // Nothing is Not met for missing data.
  for (const auto& [id, ind] : b.data.records.indicators)
    for (const RatedPeriod& p : rate_series(b.data.records, ind))
      if (!p.rounded) CHECK(p.rating == Rating::kNotRated);
}

TEST_CASE("indicator pages: the figure good_or_better follows the cycles", "[record_pages]") {
  const Built& b = golden_site();
  const auto series = rate_series(b.data.records, b.data.records.indicators.at("audits-good-or-better"));
  REQUIRE(series.size() == b.data.records.cycles.size());
  const Cycle& first = b.data.records.cycles.begin()->second;
  CHECK(series[0].row.period == "2025-07");
  CHECK(*series[0].row.numerator == first.grades.good_or_better() * kOne);
  CHECK(*series[0].row.denominator == first.audits_completed * kOne);
}

TEST_CASE("indicator pages: the index and the long CSV", "[record_pages]") {
  const Built& b = golden_site();
  const RecordPage* index = b.page("/indicators/");
  REQUIRE(index);
  for (const auto& [id, ind] : b.data.records.indicators) CHECK(index->body_html.find(ind.title) != std::string::npos);
  const auto csv = b.result.files.find("indicators/indicators.csv");
  REQUIRE(csv != b.result.files.end());
  size_t rows = 0;
  for (const auto& [id, ind] : b.data.records.indicators) rows += rate_series(b.data.records, ind).size();
  CHECK(static_cast<size_t>(std::count(csv->second.begin(), csv->second.end(), '\n')) == rows + 1);
  CHECK(csv->second.find("cp-second-time,Child protection plans starting for a second time,percent,lower,2026-Q3,"
                         "17.2,,p,5,29,13.6%,Not met,3.6 points above target,\"Worsening, compared with 2026-Q1 "
                         "(2026-Q2 suppressed)\",yes,") != std::string::npos);
}
