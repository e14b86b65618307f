#include <catch2/catch.hpp>

#include "mini_site.h"

using namespace qahub::records;
using namespace qahub::records::testing;

namespace {

const char* kCycle = "data/cycles/2026-27-cycle-1.json";

const char* kLocal = R"json({
  "$schema": "../schemas/scale.schema.json",
  "id": "local-3",
  "name": "Local 3-point",
  "from": "2026-04-01",
  "levels": [
    {"id": "strong", "label": "Strong", "meaning": "Makes the changes that matter.", "band": "good-or-better"},
    {"id": "developing", "label": "Developing", "meaning": "Safe, not yet strong.", "band": "below-good"},
    {"id": "serious_concern", "label": "Serious concern", "meaning": "At risk.", "band": "serious"}
  ]
}
)json";

std::string on_local(std::string text) {
  const std::string from = R"("grades": {"outstanding": 1, "good": 5, "requires_improvement": 3, "inadequate": 1})";
  const std::string to = R"("grades": {"serious_concern": 1, "strong": 6, "developing": 3})";
  text.replace(text.find(from), from.size(), to);
  text.replace(text.find("\"number\": 1,"), 12, "\"number\": 1,\n  \"scale\": \"local-3\",");
  return text;
}

}  // namespace

TEST_CASE("records: grades are keyed by the levels of the cycle's scale, in the scale's order", "[records][scales]") {
  TempSite site("scales-order");
  auto files = mini_site();
  files["data/scales/local-3.json"] = kLocal;
  files[kCycle] = on_local(files[kCycle]);
  for (const auto& [path, text] : files) site.write(path, text);
  Built b(site.dir(), "2026-11-23");
  CHECK(b.diags.format_all() == "");
  const Cycle& c = b.data.records.cycles.at("2026-27-cycle-1");
  CHECK(c.scale == "local-3");
  REQUIRE(c.grades.levels.size() == 3);
  CHECK(c.grades.levels[0].level == "strong");  // the scale's order, not the file's
  CHECK(c.grades.levels[2].level == "serious_concern");
  CHECK(c.grades.good_or_better() == 6);
  CHECK(c.grades.in_band(Band::kSerious) == 1);
  // Its scale has a page listing it, and the cycle page links there.
  const RecordPage* scale = b.page("/scales/local-3/");
  REQUIRE(scale);
  CHECK(scale->body_html.find("<a href=\"/cycles/2026-27-cycle-1/\">Cycle 1, 2026-27</a>") != std::string::npos);
  CHECK(b.page("/scales/ofsted-4/") == nullptr);  // built in, but no cycle uses it
  CHECK(b.page("/cycles/2026-27-cycle-1/")->body_html.find("<a href=\"/scales/local-3/\">Local 3-point scale</a>") !=
        std::string::npos);
}

TEST_CASE("records: the built-in ofsted-4 needs no data/scales/, and a site file replaces it", "[records][scales]") {
  TempSite site("scales-builtin");
  for (const auto& [path, text] : mini_site()) site.write(path, text);
  Built b(site.dir(), "2026-11-23");
  CHECK(b.diags.format_all() == "");
  REQUIRE(b.page("/scales/ofsted-4/"));
  CHECK(b.page("/scales/ofsted-4/")->title == "Grading scale: Ofsted 4-point");
  CHECK(b.data.records.cycles.at("2026-27-cycle-1").grades.good_or_better() == 6);

  TempSite own("scales-override");
  auto files = mini_site();
  std::string s = kLocal;
  s.replace(s.find("local-3"), 7, "ofsted-4");
  s.replace(s.find("Local 3-point"), 13, "Our four grades");
  files["data/scales/ofsted-4.json"] = s;
  for (const auto& [path, text] : files) own.write(path, text);
  Built o(own.dir(), "2026-11-23");
  // The cycle's four keys are no longer levels of the site's ofsted-4.
  CHECK(o.diags.format_all().find("unknown grade \"outstanding\" (not a level of scale \"ofsted-4\")") !=
        std::string::npos);
}

TEST_CASE("records: trends show a change of scale as a break in the table and the charts", "[records][scales]") {
  TempSite site("scales-trends");
  auto files = mini_site();
  files["data/scales/local-3.json"] = kLocal;
  std::string next = on_local(files[kCycle]);
  for (const char* key : {"2026-27-cycle-1", "\"2026-27\""}) {
    const std::string k = key, to = k[0] == '"' ? "\"2027-28\"" : "2027-28-cycle-1";
    next.replace(next.find(k), k.size(), to);
  }
  for (size_t at; (at = next.find("\"2026-0")) != std::string::npos;) next.replace(at, 5, "\"2027");
  files["data/cycles/2027-28-cycle-1.json"] = next;
  for (const auto& [path, text] : files) site.write(path, text);
  Built b(site.dir(), "2027-11-23");
  CHECK(b.diags.format_all().find("error") == std::string::npos);
  const RecordPage* trends = b.page("/trends/");
  REQUIRE(trends);
  const std::string& html = trends->body_html;
  const std::string sentence =
      "Grading changed from Ofsted 4-point to Local 3-point from cycle 1, 2027-28: before and after compare by band "
      "only";
  CHECK(html.find("<tr class=\"records-break\"><td colspan=\"6\"><strong>" + sentence + "</strong></td></tr>") !=
        std::string::npos);
  CHECK(html.find(">new scale</text>") != std::string::npos);
  CHECK(html.find("Cycle 1, 2027-28 60.0% (grading changed from Ofsted 4-point to Local 3-point from cycle 1, "
                  "2027-28)") != std::string::npos);
  // By band: 6 of 10 good or better on either scale.
  CHECK(html.find("<td><a href=\"/scales/local-3/\">Local 3-point</a></td><td>10</td><td>60.0%</td>") !=
        std::string::npos);
}
