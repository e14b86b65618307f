#include <catch2/catch.hpp>

#include "records/relations.h"
#include "records/site_fixture.h"
#include "report/blocks.h"

using namespace qahub;
using nlohmann::json;
using qahub::records::testing::Built;

namespace {

const Built& default_site() {
  static const Built b(QAHUB_SOURCE_DIR, "2026-11-23", false);
  return b;
}

}  // namespace

TEST_CASE("report: {{< risks >}} lists open risks at the period's end and the changes in it", "[report][risks]") {
  const records::Records& r = default_site().data.records;
  const records::Relations rel(r);
  const std::vector<report::PageChanges> pages;
  REQUIRE_FALSE(r.cycles.empty());
  const records::Cycle& c = r.cycles.begin()->second;
  const report::BlockKind* k = report::find_block("risks");
  REQUIRE(k);
  CHECK(k->by_name);  // never in the default order
  const report::Input in{r, rel, base::Date{2026, 9, 1}, base::Date{2026, 9, 30}, {&c}, pages, nullptr};
  const json data = report::block_data(*k, in);
  // Open on 30 September: r-001 closed that day; r-007 not yet raised.
  std::vector<std::string> open;
  for (const json& row : data["open"]) open.push_back(row["id"]);
  CHECK(open == std::vector<std::string>{"r-002", "r-006", "r-004", "r-008", "r-003", "r-005"});
  CHECK(data["open"][0]["score"] == 20);
  CHECK(data["open"][0]["band"] == "high");
  // Changes: r-003 rose, r-008 fell (both 7 September), r-001 closed.
  std::vector<std::string> changes;
  for (const json& row : data["changes"])
    changes.push_back(row["date"].get<std::string>() + " " + row["id"].get<std::string>() + " " +
                      row["change"].get<std::string>());
  CHECK(changes ==
        std::vector<std::string>{"2026-09-07 r-003 rescored", "2026-09-07 r-008 rescored", "2026-09-30 r-001 closed"});
  const json view = k->view(data, report::ViewInput{json::object()});
  CHECK(view["open"][0]["score"] == "20, high (likelihood 4 × impact 5)");
  CHECK(view["open"][0]["url"] == "/risks/r-002/");
  CHECK(view["changes"][0]["what"] == "rescored from 6 to 9, medium");
  CHECK(view["changes"][2]["what"] == "closed");
  CHECK(view["open"][5]["overdue"] == true);  // r-005, due for review by 5 August
}

TEST_CASE("report: a site without risks keeps no risks block", "[report][risks]") {
  records::Records r;
  const records::Relations rel(r);
  const std::vector<report::PageChanges> pages;
  records::Cycle c;
  c.id = "c1";
  const report::Input in{r, rel, base::Date{2026, 9, 1}, base::Date{2026, 9, 30}, {&c}, pages, nullptr};
  CHECK(report::block_data(*report::find_block("risks"), in).empty());
}
