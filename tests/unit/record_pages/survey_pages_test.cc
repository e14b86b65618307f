#include <catch2/catch.hpp>

#include <regex>

#include "figures/options.h"
#include "record_pages/survey_view.h"
#include "records/site_fixture.h"

using namespace qahub::records;
using namespace qahub::records::testing;

namespace {

const Built& golden_site() {
  static const Built b(std::string(QAHUB_SOURCE_DIR) + "/tests/sites/surveys", "2026-11-23");
  return b;
}

const Built& default_site() {
  static const Built b(QAHUB_SOURCE_DIR, "2026-11-23");
  return b;
}

std::vector<std::string> matches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

/// The HTML of the answers table of question `q` and its chart (up to the next question's heading).
std::pair<std::string, std::string> table_and_chart(const std::string& html, const std::string& q) {
  const size_t at = html.find("id=\"survey-" + q + "\"");
  REQUIRE(at != std::string::npos);
  const size_t table_end = html.find("</table>", at);
  const size_t next = html.find("<h2", table_end);
  const std::string table = html.substr(at, table_end - at);
  const std::string after = html.substr(table_end, next == std::string::npos ? std::string::npos : next - table_end);
  const size_t svg = after.find("<svg");
  return {table, svg == std::string::npos ? "" : after.substr(svg, after.find("</svg>") - svg)};
}

/// Every question's chart shows exactly the shares its table shows, in order
/// (the "Did not answer" row and suppressed shares have no bar).
void check_charts_match_tables(const Built& b) {
  REQUIRE_FALSE(b.data.records.surveys.empty());
  for (const auto& [id, s] : b.data.records.surveys) {
    const RecordPage* p = b.page("/surveys/" + id + "/");
    REQUIRE(p);
    for (const SurveyQuestion& q : s.questions) {
      INFO(id << "/" << q.id);
      const auto [table, chart] = table_and_chart(p->body_html, q.id);
      std::vector<std::string> shares;
      const std::vector<std::string> rows = matches(table, "<tr><th scope=\"row\">([^<]*)</th>");
      const std::vector<std::string> cells = matches(table, "<td>([^<]*)</td></tr>");
      REQUIRE(rows.size() == cells.size());
      std::vector<std::string> labels;
      for (size_t i = 0; i < rows.size(); ++i)
        if (cells[i] != "–" && rows[i] != "Did not answer") {
          shares.push_back(cells[i]);
          labels.push_back(rows[i]);
        }
      CHECK(matches(chart, "class=\"records-chart-value\"[^>]*>([^<]*)</text>") == shares);
      CHECK(matches(chart, "class=\"records-chart-label\"[^>]*>([^<]*)</text>") == labels);
      if (!shares.empty()) {
        const std::string desc = matches(chart, "<desc[^>]*>([^<]*)</desc>").at(0);
        for (const std::string& share : shares) CHECK(desc.find(share) != std::string::npos);
      }
    }
  }
}

}  // namespace

TEST_CASE("survey pages: every chart has the same numbers as its table", "[record_pages]") {
  check_charts_match_tables(golden_site());
  check_charts_match_tables(default_site());
}

TEST_CASE("survey pages: respondents under the minimum show no share at all", "[record_pages]") {
  const RecordPage* p = golden_site().page("/surveys/team-pulse-2026/");
  REQUIRE(p);
  const auto [table, chart] = table_and_chart(p->body_html, "morale");
  CHECK(chart.empty());
  CHECK(matches(table, "<td>([^<]*)</td></tr>") == std::vector<std::string>{"–", "–"});
  CHECK(matches(table, "<td>([^<]*)</td><td>") == std::vector<std::string>{"fewer than 5", "fewer than 5"});
  CHECK(p->body_html.find("Fewer than 5 people answered, so no shares are shown.") != std::string::npos);
  // and no comparison with the run it repeats
  CHECK(p->body_html.find("Asked the same question in 2025, but one of the two runs had fewer than 5 answering it, "
                          "so the two are not compared.") != std::string::npos);
}

TEST_CASE("survey pages: breakdown cells suppressed as audit breakdowns are", "[record_pages]") {
  const RecordPage* p = golden_site().page("/surveys/wellbeing-2026/");
  REQUIRE(p);
  const std::string& html = p->body_html;
  const size_t at = html.find("id=\"survey-supported-breakdown\"");
  REQUIRE(at != std::string::npos);
  const std::string table = html.substr(at, html.find("</table>", at) - at);
  // Fostering: 4 respondents (1 yes, 3 no), all below 5. Family support's "no"
  // (4) is small too; each column then loses its next smallest.
  CHECK(table.find("<th scope=\"row\">Fostering</th><td>fewer than 5</td><td>– (fewer than 5)</td><td>– (fewer than "
                   "5)</td>") != std::string::npos);
  CHECK(table.find("<th scope=\"row\">Family Support</th><td>18</td><td>– (–)</td><td>– (fewer than 5)</td>") !=
        std::string::npos);
  CHECK(table.find("<th scope=\"row\">Assessment</th><td>40</td><td>87.5% (35)</td>") != std::string::npos);
  // the whole survey, and the comparison with the run it repeats
  CHECK(html.find("Asked the same question in 2025: 66.7% → 78.1% (Yes).") != std::string::npos);
  CHECK(html.find("Asked the same question in 2025: 50.0% → 62.5% (Agree).") != std::string::npos);
}

TEST_CASE("survey pages: a question known only as shares shows its shares, not counts", "[record_pages]") {
  const RecordPage* p = golden_site().page("/surveys/carers-2026/");
  REQUIRE(p);
  const auto [table, chart] = table_and_chart(p->body_html, "recommend");
  CHECK(matches(table, "<td>([^<]*)</td></tr>") == std::vector<std::string>{"62.5%", "37.5%"});
  CHECK(table.find("not known (shares only)") != std::string::npos);
}

TEST_CASE("survey pages: the CSV has each published figure, suppressed as on the page", "[record_pages]") {
  const Built& b = golden_site();
  auto it = b.result.files.find("surveys/surveys.csv");
  REQUIRE(it != b.result.files.end());
  const std::string& csv = it->second;
  CHECK(csv.rfind("\xEF\xBB\xBFsurvey,title,closed,", 0) == 0);
  CHECK(csv.find("team-pulse-2026,Team pulse 2026,2026-07-09,The fostering team,13,4,morale,How is morale in the "
                 "team?,,,good,Good,fewer than 5,–,/surveys/team-pulse-2026/\r\n") != std::string::npos);
  CHECK(csv.find(",supported,Do you feel supported by your manager?,service,fostering,no,No,fewer than 5,–,") !=
        std::string::npos);
  CHECK(csv.find(",supported,Do you feel supported by your manager?,,,yes,Yes,50,78.1%,") != std::string::npos);
}

TEST_CASE("survey pages: the listing names every run, newest first", "[record_pages]") {
  const RecordPage* p = golden_site().page("/surveys/");
  REQUIRE(p);
  const std::vector<std::string> titles = matches(p->body_html, "<th scope=\"row\"><a href=\"[^\"]*\">([^<]*)</a>");
  CHECK(titles == std::vector<std::string>{"Team pulse 2026", "Staff wellbeing survey 2026",
                                           "Foster carers&apos; survey 2026", "Team pulse 2025",
                                           "Staff wellbeing survey 2025"});
  CHECK(p->body_html.find("64 of 82 invited (78.0%)") != std::string::npos);
}

TEST_CASE("survey view: the headline share is shown only at or above the minimum", "[record_pages]") {
  SurveyQuestion q;
  q.id = "q";
  q.respondents = 4;
  q.options = {{"yes", "Yes", 3, std::nullopt}, {"no", "No", 1, std::nullopt}};
  q.headline = {"yes"};
  qahub::figures::FigureOptions o;
  CHECK_FALSE(qahub::record_pages::headline_pm(q, o));
  o.min_cell = 3;
  CHECK(qahub::record_pages::headline_pm(q, o) == 750);
}
