#include <catch2/catch.hpp>

#include "records/site_fixture.h"
#include "records/status.h"

using namespace qahub::records;
using namespace qahub::records::testing;

namespace {
const Built& default_site() {
  static const Built b(QAHUB_SOURCE_DIR, "2026-11-23");
  return b;
}
}  // namespace

TEST_CASE(
    "records: default data has no errors or warnings, only overdue-action notices, one row under 100% coverage and "
    "the inspection's uncovered and late recommendations, and the register's risk notices",
    "[records]") {
  const Built& b = default_site();
  INFO(b.diags.format_all());
  CHECK(b.diags.error_count() == 0);
  int coverage = 0;
  std::vector<std::string> recommendations, risks;
  for (const auto& d : b.diags.sorted()) {
    INFO(d.message);
    CHECK(d.severity == qahub::diag::Severity::kNotice);  // facts about the service, not mistakes
    if (d.message.rfind("coverage below 100%", 0) == 0) {
      ++coverage;
      continue;
    }
    if (d.message.rfind("recommendation ilacs-2026/", 0) == 0) {
      recommendations.push_back(d.message);
      continue;
    }
    if (d.message.rfind("risk \"", 0) == 0) {
      risks.push_back(d.message);
      continue;
    }
    CHECK(d.message.find("is overdue") != std::string::npos);
  }
  CHECK(coverage == 1);
  // Issue 33: one uncovered item, and one "immediately" item late to start and not yet met.
  CHECK(recommendations ==
        std::vector<std::string>{"recommendation ilacs-2026/o6 has no action addressing it",
                                 "recommendation ilacs-2026/o7 is to be met immediately but its first action starts "
                                 "2026-10-12, 28 days after the set was issued",
                                 "recommendation ilacs-2026/o7 was due by 2026-09-14 and no action addressing it is "
                                 "complete"});
  // Issue 35: one risk of each notice.
  CHECK(risks == std::vector<std::string>{
                     "risk \"r-004\" has stayed at 12 for 2 reviews since its mitigation \"a-006\" was completed on "
                     "2026-06-19",
                     "risk \"r-005\" is overdue for review: it was due by 2026-08-05",
                     "risk \"r-006\" is in the top band (high, 15) and has no open mitigation"});
}

TEST_CASE("records: default data breaks every cycle down by service and area", "[records]") {
  const Built& b = default_site();
  REQUIRE(b.data.records.organisation);
  CHECK(b.data.records.organisation->services.size() == 4);
  CHECK(b.data.records.organisation->areas.size() == 4);
  bool external = false, escalations = false;
  for (const auto& [id, c] : b.data.records.cycles) {
    INFO(id);
    CHECK_FALSE(c.breakdown.empty());
    external = external || c.external.has_value();
    escalations = escalations || c.escalations.has_value();
    const RecordPage* p = b.page(("/cycles/" + id + "/").c_str());
    REQUIRE(p != nullptr);
    CHECK(p->body_html.find("fewer than 5") != std::string::npos);
    CHECK(p->body_html.find("number of audits not shown") != std::string::npos);
    CHECK(p->body_html.find("candidates for the next triad audits") != std::string::npos);
  }
  CHECK(external);
  CHECK(escalations);
}

TEST_CASE("records: default data has every action status and every page kind", "[records]") {
  const Built& b = default_site();
  const RecordPage* reg = b.page("/actions/");
  REQUIRE(reg != nullptr);
  for (const char* status : {"overdue", "due-soon", "open", "in-progress", "carried-forward", "complete"}) {
    INFO(status);

    CHECK(reg->body_html.find(std::string("records-status-") + status + "\">") != std::string::npos);
  }
  for (const char* url : {"/cycles/", "/cycles/2025-26-cycle-1/", "/cycles/2025-26-cycle-3/", "/audits/",
                          "/audits/father-inclusive-2025/", "/audits/management-oversight-2026/", "/actions/a-030/",
                          "/forums/", "/forums/practice-board/", "/meetings/2026-03-practice-board/", "/training/",
                          "/training/core-skills/", "/schedules/", "/trends/"}) {
    INFO(url);
    CHECK(b.page(url) != nullptr);
  }
  CHECK(b.result.pages.size() >= 90);
}
