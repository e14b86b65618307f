#include <catch2/catch.hpp>

#include <string>

#include "records/site_fixture.h"

using namespace qahub::records::testing;

namespace {
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

// Every reference shape the schemas and refs.cc allow (a record, or an item
// of an audit, a cycle or a meeting) is shown without throwing: an audit's
// follows_up and a training programme's linked_findings naming a meeting
// decision once stopped the build with "qahub: error: map::at".
TEST_CASE("record pages: follows_up and linked_findings may name any referable item", "[records]") {
  TempSite site("every-ref");
  std::filesystem::copy(std::filesystem::path(QAHUB_SOURCE_DIR) / "tests/records/site", site.dir(),
                        std::filesystem::copy_options::recursive);
  auto edit = [&](const std::string& rel, const std::string& from, const std::string& to) {
    std::string text = *qahub::fs::read_file(site.dir() / rel);
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), to);
    site.write(rel, text);
  };
  const std::string all = "\"2026-27-cycle-1/kl1\", \"2026-27-cycle-1\", \"2026-11-practice-board/d1\"";
  edit("data/audits/fathers-2026.json", "\"follows_up\": [\"2026-27-cycle-1/kl1\"]", "\"follows_up\": [" + all + "]");
  edit("data/training/fathers.json", "\"linked_findings\": [\"fathers-2026/d1\"]",
       "\"linked_findings\": [\"fathers-2026/d1\", \"fathers-2026\", " + all + "]");
  const Built b(site.dir(), "2026-11-23");
  INFO(b.diags.format_all());
  CHECK(b.diags.format_all().empty());
  const RecordPage* audit = b.page("/audits/fathers-2026/");
  REQUIRE(audit);
  CHECK(contains(audit->body_html, "Meeting: "));
  CHECK(contains(audit->body_html, "Audit cycle: "));
  const RecordPage* training = b.page("/training/fathers/");
  REQUIRE(training);
  CHECK(contains(training->body_html, "Meeting: "));
  CHECK(contains(training->body_html, "Thematic audit: "));
}
