#include <catch2/catch.hpp>

#include <regex>

#include "records/risks.h"
#include "records/site_fixture.h"

using namespace qahub::records;
using namespace qahub::records::testing;

namespace {

const Built& default_site() {
  static const Built b(QAHUB_SOURCE_DIR, "2026-11-23");
  return b;
}

std::vector<std::string> all(const std::string& html, const std::string& pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

}  // namespace

TEST_CASE("record_pages: the default register has a risk in every state", "[records][risks]") {
  const Built& b = default_site();
  const auto& risks = b.data.records.risks;
  REQUIRE(risks.size() == 8);
  std::set<std::string> bands, directions;
  bool closed = false, overdue = false, top_without_open = false;
  for (const auto& [id, k] : risks) {
    const RiskState s = risk_state(k, b.data.records.risk_matrix, date("2026-11-23"));
    REQUIRE(s.raised);
    if (!s.open) {
      closed = true;
      continue;
    }
    bands.insert(s.band_name);
    directions.insert(risk_direction_key(s.direction));
    overdue = overdue || s.overdue_review;
    top_without_open = top_without_open || (s.top_band && id == "r-006");
  }
  CHECK(bands == std::set<std::string>{"low", "medium", "high"});
  CHECK(directions == std::set<std::string>{"new", "rising", "falling", "unchanged"});
  CHECK(closed);
  CHECK(overdue);
  CHECK(top_without_open);
}

TEST_CASE("record_pages: /risks/ has a text matrix, the register by band and the CSV", "[records][risks]") {
  const Built& b = default_site();
  const RecordPage* p = b.page("/risks/");
  REQUIRE(p);
  const std::string& html = p->body_html;
  // Every cell says its count and its band in words: 5 × 5 cells.
  const std::vector<std::string> cells = all(html, "<td class=\"risk-cell[^\"]*\">([^<]*)<span");
  REQUIRE(cells.size() == 25);
  long counted = 0;
  for (const std::string& c : cells)
    if (c != "none") counted += std::stol(c);
  CHECK(counted == 7);  // every open risk once
  CHECK(html.find("1 risk<span class=\"records-detail\">, high (20)</span>") != std::string::npos);
  // Bands top first, each with its range and count.
  CHECK(all(html, "<h3 id=\"band-[a-z-]+\">([^<]*)</h3>") == std::vector<std::string>{"High (12 to 25): 4 open risks",
                                                                                      "Medium (5 to 11): 2 open risks",
                                                                                      "Low (1 to 4): 1 open risk"});
  CHECK(html.find("(review overdue)") != std::string::npos);
  CHECK(html.find("Disruption while the new case recording system goes live</a>: closed 30 September 2026") !=
        std::string::npos);
  const auto csv = b.result.files.find("risks/risks.csv");
  REQUIRE(csv != b.result.files.end());
  CHECK(std::count(csv->second.begin(), csv->second.end(), '\n') == 9);  // the header and eight risks
  CHECK(csv->second.find("r-006,A serious safeguarding incident,\"Assistant Director, Safeguarding\",safeguarding,"
                         "open,2026-02-10,3,5,15,high,15,unchanged,10,2027-01-12,no,,a-037 a-046,0,/risks/r-006/") !=
        std::string::npos);
}

TEST_CASE("record_pages: a risk's chart gives the same scores as its table", "[records][risks]") {
  const Built& b = default_site();
  for (const auto& [id, k] : b.data.records.risks) {
    INFO(id);
    const RecordPage* p = b.page("/risks/" + id + "/");
    REQUIRE(p);
    const std::string& html = p->body_html;
    const size_t svg_end = html.find("</svg>");
    REQUIRE(svg_end != std::string::npos);
    CHECK(html.find("<title id=\"chart-" + id + "-title\">") != std::string::npos);
    // The table's score column, and each score in the chart's description.
    const std::vector<std::string> table =
        all(html.substr(svg_end), "</time></th><td>[0-9]+</td><td>[0-9]+</td><td>([0-9]+)</td>");
    const std::vector<std::string> desc = all(html.substr(0, svg_end), " [0-9]{4}-[0-9]{2}-[0-9]{2} ([0-9]+) \\(");
    CHECK_FALSE(table.empty());
    CHECK(table == desc);
  }
}
