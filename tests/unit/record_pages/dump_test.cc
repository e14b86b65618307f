#include <catch2/catch.hpp>

#include <cstdlib>

#include "records/site_fixture.h"

using namespace qahub::records::testing;

// Hidden: writes the default site's record pages to $QAHUB_RECORDS_DUMP (for
// reviewing HTML by eye). Run with: qahub_tests "[.records-dump]"
TEST_CASE("records: dump default pages", "[.records-dump]") {
  const char* out = std::getenv("QAHUB_RECORDS_DUMP");
  if (!out) return;
  Built b(QAHUB_SOURCE_DIR, "2026-11-23");
  for (const auto& p : b.result.pages) {
    std::filesystem::path f = std::filesystem::path(out) / (p.url.substr(1) + "index.html");
    std::filesystem::create_directories(f.parent_path());
    std::ofstream(f) << "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" << p.title
                     << "</title><link rel=\"stylesheet\" href=\"/assets/records.css\"></head><body><main><h1>"
                     << p.title << "</h1>" << p.body_html << "</main></body></html>\n";
  }
  for (const auto& [path, bytes] : b.result.files) std::ofstream(std::filesystem::path(out) / path) << bytes;
  std::ofstream(std::filesystem::path(out) / "diagnostics.txt") << b.diags.format_all();
}
