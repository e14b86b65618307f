#include <catch2/catch.hpp>

#include "content/pages.h"

using namespace qahub;
using namespace qahub::content;

TEST_CASE("content: pretty URLs from source paths", "[content]") {
  CHECK(url_for_source("content/_index.md") == "/");
  CHECK(url_for_source("content/framework/_index.md") == "/framework/");
  CHECK(url_for_source("content/framework/values.md") == "/framework/values/");
  CHECK(url_for_source("content/a/b/c.md") == "/a/b/c/");
  CHECK(parent_url("/a/b/") == "/a/");
  CHECK(parent_url("/a/") == "/");
  CHECK(parent_url("/") == "");
}

TEST_CASE("content: parse_page keeps file positions and checks personal data", "[content]") {
  diag::Diagnostics d;
  Page p = parse_page("content/a/b.md", "---\ntitle: B\n---\n\n## Heading\n\nRing 07700 900123.\n", {}, d);
  CHECK(p.url == "/a/b/");
  CHECK(p.section_url == "/a/");
  CHECK_FALSE(p.is_section);
  REQUIRE(p.doc.headings().size() == 1);
  CHECK(p.doc.headings()[0].line == 5);
  CHECK(d.format_all() ==
        "content/a/b.md:7:6: error: phone number \"07700 900123\" (the hub holds roles, not contact details; allow it "
        "in qahub.yaml allow_personal_data if it is a shared service address)\n");
}

TEST_CASE("content: a page that is not UTF-8 is one error and an empty page", "[content]") {
  diag::Diagnostics d;
  Page p = parse_page("content/a/b.md", "---\ntitle: B\n---\n\nCaf\xE9 menu\n", {}, d);
  CHECK(d.format_all() == "content/a/b.md:5:4: error: invalid UTF-8 (byte 0xE9)\n");
  CHECK(p.url == "/a/b/");
  diag::Diagnostics ok;
  parse_page("content/a/c.md", "\xEF\xBB\xBF---\r\ntitle: C\r\n---\r\n\r\nCaf\xC3\xA9\r\n", {}, ok);
  CHECK(ok.format_all() == "");
}
