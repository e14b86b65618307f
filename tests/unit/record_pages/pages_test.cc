#include <catch2/catch.hpp>

#include "record_pages/pages.h"
#include "records/site_fixture.h"

using namespace qahub::records;
using namespace qahub::records::testing;

namespace {

const Built& fixture() {
  static const Built b(std::filesystem::path(QAHUB_SOURCE_DIR) / "tests/records/site", "2026-11-23");
  return b;
}

std::string body(const char* url) {
  const RecordPage* p = fixture().page(url);
  return p ? p->body_html : std::string("(no page ") + url + ")";
}

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("records: every nav section has an index page", "[records]") {
  for (const NavEntry& n : fixture().result.nav) {
    INFO(n.url);
    const RecordPage* p = fixture().page(n.url);
    REQUIRE(p != nullptr);
    CHECK(p->section == n.url);
  }
}

TEST_CASE("records: the register shows statuses as text and groups without JavaScript", "[records]") {
  const std::string html = body("/actions/");
  CHECK(has(html, "<span class=\"records-status records-status-due-soon\">due soon</span>"));
  CHECK(has(html, "<h3 id=\"status-complete\">complete (1)</h3>"));
  CHECK(has(html, "<h3 id=\"owner-workforce-development-manager\">Workforce Development Manager (1)</h3>"));
  CHECK(has(html,
            "<h3 id=\"source-improvement-plan-practice-improvement-plan\">Improvement plan: Practice improvement plan "
            "(1)</h3>"));
  CHECK(has(html, "<caption>All actions, by id, with their status on 23 November 2026</caption>"));
  CHECK(has(html, "<a href=\"/actions/actions.csv\" download>"));
  CHECK(has(html, "<script src=\"/assets/records.js\" defer></script>"));
}

TEST_CASE("records: an action page traces finding to re-audit", "[records]") {
  const std::string html = body("/actions/a-001/");
  size_t finding = html.find("<h3>Finding</h3>"), rec = html.find("<h3>Recommendation</h3>"),
         decision = html.find("<h3>Meeting decisions</h3>"), training = html.find("<h3>Training</h3>"),
         reaudit = html.find("<h3>Re-audit</h3>");
  CHECK(finding < rec);
  CHECK(rec < decision);
  CHECK(decision < training);
  CHECK(training < reaudit);
  CHECK(has(html, "<a href=\"/audits/fathers-2026/#d1\">Fathers not seen.</a>"));
  CHECK(has(html, "<a href=\"/meetings/2026-11-practice-board/#d1\">Carry forward the workshop action.</a>"));
  CHECK(has(html, "<a href=\"/training/fathers/\">Father-inclusive practice workshops</a>"));
}

TEST_CASE("records: the cycle page has a figures table with a chart beside it", "[records]") {
  const std::string html = body("/cycles/2026-27-cycle-1/");
  CHECK(has(html, "<tr><th scope=\"row\">Graded good</th><td>5</td><td>50.0% of audits</td><td>–</td><td>–</td></tr>"));
  CHECK(has(html, "<svg class=\"records-chart\" role=\"img\""));
  CHECK(has(html, "<title id=\"chart-grades-2026-27-cycle-1-title\">Grades in cycle 1, 2026-27</title>"));
  CHECK(html.find("<table class=\"records-table records-figures-table\">") < html.find("<svg"));
  CHECK(
      has(html,
          "<a href=\"/learning/2026-27-cycle-1/\">Read the Learning and Improvement report for cycle 1, 2026-27</a>"));
}

TEST_CASE("records: the training timeline marks this quarter", "[records]") {
  const std::string html = body("/training/");
  CHECK(has(html,
            "<th scope=\"col\" class=\"records-now\" aria-current=\"date\"><abbr title=\"October to December "
            "2026\">Oct–Dec 2026</abbr> <span class=\"records-now-label\">(this quarter)</span></th>"));
  CHECK(has(html, "<td class=\"records-active records-now\">Workshops</td>"));
}

TEST_CASE("records: the forum page lists meetings and their actions", "[records]") {
  const std::string html = body("/forums/practice-board/");
  CHECK(has(html,
            "<a href=\"/meetings/2026-11-practice-board/\"><time datetime=\"2026-11-10\">10 November 2026</time></a>"));
  CHECK(has(html, "<a href=\"/actions/a-001/\">a-001: Run father-inclusive workshops</a>"));
  CHECK(has(html, "<a href=\"/development/forums/\">Read the practice guidance this forum supports</a>"));
}

TEST_CASE("records: meeting minutes render under the page's own heading", "[records]") {
  const std::string html = body("/meetings/2026-11-practice-board/");
  CHECK(has(html,
            "<h2 id=\"minutes\">Minutes</h2>\n<h3 id=\"minutes-action-tracker-review\">Action tracker review</h3>"));
  CHECK(has(html, "<li>Head of Quality Assurance</li>"));
}

TEST_CASE("records: the CSV quotes fields and neutralises formulas", "[records]") {
  const std::string csv = fixture().result.files.at("actions/actions.csv");
  CHECK(csv.rfind("\xEF\xBB\xBFid,title,source type,source id,source item,source,owner,due,status,last update,last "
                  "note,page\r\n",
                  0) == 0);
  CHECK(has(csv, "\"Thematic audit: Father-inclusive practice, recommendation r1\""));
  CHECK(has(csv, ",due soon,2026-09-01,Two of three modules updated.,/actions/a-002/\r\n"));
}

TEST_CASE("records: a CSV field never starts a formula, even after a tab or carriage return", "[records]") {
  using qahub::record_pages::csv_field;
  CHECK(csv_field("=SUM(A1)") == "'=SUM(A1)");
  CHECK(csv_field("+1") == "'+1");
  CHECK(csv_field("-1") == "'-1");
  CHECK(csv_field("@cmd") == "'@cmd");
  CHECK(csv_field("\t=cmd") == "'\t=cmd");
  CHECK(csv_field("\r=cmd") == "\"'\r=cmd\"");
  CHECK(csv_field("a, \"b\"") == "\"a, \"\"b\"\"\"");
  CHECK(csv_field("plain text") == "plain text");
}

TEST_CASE("records: backlinks point from content pages to the records that link them", "[records]") {
  const auto& back = fixture().result.backlinks;
  REQUIRE(back.count("/learning/2026-27-cycle-1/") == 1);
  CHECK(back.at("/learning/2026-27-cycle-1/").at(0).url == "/cycles/2026-27-cycle-1/");
  REQUIRE(back.count("/development/forums/") == 1);
  CHECK(back.at("/development/forums/").at(0).url == "/forums/practice-board/");
}

TEST_CASE("records: output is the same on every run", "[records]") {
  Built again(std::filesystem::path(QAHUB_SOURCE_DIR) / "tests/records/site", "2026-11-23");
  REQUIRE(again.result.pages.size() == fixture().result.pages.size());
  for (size_t i = 0; i < again.result.pages.size(); ++i) {
    CHECK(again.result.pages[i].url == fixture().result.pages[i].url);
    CHECK(again.result.pages[i].body_html == fixture().result.pages[i].body_html);
  }
}
