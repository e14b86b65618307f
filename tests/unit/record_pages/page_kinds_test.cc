#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "record_pages/kinds.h"

using namespace qahub;

// tests/print/page_kinds.json lists one page of every page kind for the print
// test (issue 30); its record pages must follow the kinds table, so a new kind
// with pages is printed as soon as it is added.
TEST_CASE("record pages: the print test's page kinds are the kinds table's", "[record_pages]") {
  std::ifstream in(std::string(QAHUB_SOURCE_DIR) + "/tests/print/page_kinds.json");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json list = nlohmann::json::parse(text.str());
  std::set<std::string> listed, with_pages;
  for (const auto& [kind, url] : list.at("records").items()) {
    listed.insert(kind);
    const record_pages::RecordKind* k = record_pages::find_kind(kind);
    INFO(kind);
    REQUIRE(k);
    // Its page is under the kind's own section.
    CHECK(url.get<std::string>().rfind(k->section_url(), 0) == 0);
  }
  for (const record_pages::RecordKind& k : record_pages::record_kinds())
    if (!k.url.empty() || !k.section.empty()) with_pages.insert(std::string(k.data.name));
  CHECK(listed == with_pages);
}
