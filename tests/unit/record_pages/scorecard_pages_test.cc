#include <catch2/catch.hpp>

#include <regex>

#include "record_pages/scorecard_view.h"
#include "records/site_fixture.h"

using namespace qahub;
using namespace qahub::records::testing;
using nlohmann::json;

namespace {

const Built& golden_site() {
  static const Built b(std::string(QAHUB_SOURCE_DIR) + "/tests/sites/indicators", "2026-11-23");
  return b;
}

const Built& default_site() {
  static const Built b(QAHUB_SOURCE_DIR, "2026-11-23");
  return b;
}

/// Every sparkline's description ("2026-Q1 81.0%; 2026-Q2 82.5%") against the
/// recent-values row of the same indicator ("2026-Q1: 81.0%" cells): the
/// chart and its table carry the same numbers, in the same order.
void check_sparklines_match_tables(const Built& b) {
  REQUIRE_FALSE(b.data.records.scorecards.empty());
  for (const auto& [id, card] : b.data.records.scorecards) {
    INFO(id);
    const RecordPage* p = b.page("/scorecards/" + id + "/");
    REQUIRE(p);
    const std::string& html = p->body_html;
    const std::regex desc_re("<desc id=\"" + id + "-spark-([a-z0-9-]+)-desc\">([^<]*)</desc>");
    size_t charts = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), desc_re); it != std::sregex_iterator(); ++it) {
      ++charts;
      const std::string indicator = (*it)[1].str();
      const std::string& title = b.data.records.indicators.at(indicator).title;
      INFO(indicator);
      // The recent-values row: <tr><th scope="row">TITLE</th><td>…</td>…</tr>
      const size_t table = html.find("scorecard-recent");
      const size_t row = html.find("<th scope=\"row\">" + title + "</th>", table);
      REQUIRE(row != std::string::npos);
      const std::string cells = html.substr(row, html.find("</tr>", row) - row);
      std::string from_table;
      const std::regex cell_re("<td>([^<]+)</td>");
      for (auto c = std::sregex_iterator(cells.begin(), cells.end(), cell_re); c != std::sregex_iterator(); ++c) {
        std::string t = (*c)[1].str();
        t.replace(t.find(": "), 2, " ");
        from_table += (from_table.empty() ? "" : "; ") + t;
      }
      CHECK((*it)[2].str() == from_table);
    }
    CHECK(charts > 0);
  }
}

}  // namespace

TEST_CASE("scorecard pages: each sparkline draws the numbers of its recent-values table", "[records]") {
  check_sparklines_match_tables(golden_site());
  check_sparklines_match_tables(default_site());
}

TEST_CASE("scorecard pages: the page, its CSV and its section", "[records]") {
  const Built& b = golden_site();
  const RecordPage* p = b.page("/scorecards/quarterly/");
  REQUIRE(p);
  CHECK(p->body_html.find("<p class=\"scorecard-summary\">Of 10 indicators with a target, 4 met it, 2 are within "
                          "floor or tolerance, 2 did not and 2 were not rated.</p>") != std::string::npos);
  CHECK(p->body_html.find("<a href=\"/schedules/#performance-scorecard\">Performance scorecard</a>: Cabinet "
                          "committee; Practice board (Quarterly)") != std::string::npos);
  // Words first: every rating cell says what it is.
  CHECK(p->body_html.find("indicator-rating-within-floor\">Within floor</span>") != std::string::npos);
  CHECK(p->body_html.find("indicator-rating-not-rated\">Not rated: value suppressed</span>") != std::string::npos);
  REQUIRE(b.page("/scorecards/"));
  const std::string& csv = b.result.files.at("scorecards/quarterly/scorecard.csv");
  CHECK(csv.rfind("\xEF\xBB\xBFscorecard,section,indicator,title,good is,period,value,flags,target,rating,how close,"
                  "direction,comparators,page\r\n",
                  0) == 0);
  CHECK(csv.find("quarterly,Front door,cp-long-plans,Child protection plans lasting two years or more,lower,2026-Q3,"
                 "c (suppressed),,3.0%,Not rated: value suppressed,,Not compared: value suppressed,,"
                 "/indicators/cp-long-plans/\r\n") != std::string::npos);
  size_t rows = 0;
  for (char c : csv) rows += c == '\n';
  CHECK(rows == 1 + 12);  // a header and one row per indicator of its three sections
}

TEST_CASE("scorecard pages: a report block renders what its data keeps", "[records]") {
  const Built& b = golden_site();
  const json data =
      record_pages::scorecard_data(b.data.records, b.data.records.scorecards.at("trend"), date("2026-11-23"));
  // No URL and no chart in the data a snapshot keeps: the view adds them.
  CHECK(data.dump().find("/indicators/") == std::string::npos);
  CHECK(data.dump().find("<svg") == std::string::npos);
  const json v = record_pages::scorecard_view(data, 3);
  CHECK(v["sentence"] == "Of 3 indicators with a target, 2 met it and 1 did not.");
  CHECK(v["sections"][0]["level"] == "3");
  CHECK(v["sections"][0]["anchor"] == "trend-trends");
  CHECK(v["sections"][0]["rows"][0]["url"] == "/indicators/placement-moves/");
  CHECK(v["sections"][0]["rows"][0]["recent_cells"].size() == records::kRecentValues);
  const json one = record_pages::indicator_view(
      record_pages::indicator_data(b.data.records, b.data.records.indicators.at("new-measure"), date("2026-11-23")));
  CHECK(one["has_value"] == false);
  CHECK(one["rating"] == "Not rated: no value yet");
}
