#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "pipeline/test_site.h"

using qahub::testing::contains;
using qahub::testing::page;
using qahub::testing::TestSite;

TEST_CASE("outputs: a path-only base_url writes no sitemap and links to none", "[pipeline][sitemap]") {
  TestSite site(
      {{"content/_index.md", page("title: Home\n")}, {"content/a.md", page("title: A\n", "[map](/sitemap.xml)\n")}});
  CHECK_FALSE(site.build());
  CHECK(site.diagnostics() ==
        "content/a.md:4:1: error: broken link \"/sitemap.xml\": no page or file at /sitemap.xml\n");
  site.write("content/a.md", page("title: A\n"));
  REQUIRE(site.build());
  CHECK_FALSE(site.exists("sitemap.xml"));
  CHECK_FALSE(contains(site.output("a/index.html"), "sitemap.xml"));
  CHECK(contains(site.output("amendments.xml"), "<feed"));
}

TEST_CASE("outputs: a base_url with a host gets the sitemap and its footer link", "[pipeline][sitemap]") {
  TestSite site({{"qahub.yaml", "base_url: https://hub.example.test/qa/\n"},
                 {"content/_index.md", page("title: Home\n")},
                 {"content/a.md", page("title: A\n", "[map](/sitemap.xml)\n")}});
  REQUIRE(site.build());
  CHECK(contains(site.output("sitemap.xml"), "<loc>https://hub.example.test/qa/a/</loc>"));
  CHECK(contains(site.output("a/index.html"), "<li><a href=\"/qa/sitemap.xml\">Sitemap</a></li>"));
}

namespace {
std::vector<std::string> ids_in(const std::string& feed) {
  std::vector<std::string> ids;
  for (size_t at = feed.find("<entry>"); at != std::string::npos; at = feed.find("<entry>", at + 1)) {
    size_t open = feed.find("<id>", at) + 4;
    ids.push_back(feed.substr(open, feed.find("</id>", open) - open));
  }
  return ids;
}

const char* kTwoChanges =
    "title: A\nchanges:\n  - date: 2026-11-01\n    summary: Second\n  - date: 2026-11-01\n    summary: First\n";
}  // namespace

TEST_CASE("outputs: feed ids are unique and unchanged when an amendment is added", "[pipeline][feed]") {
  TestSite site({{"qahub.yaml", "base_url: https://hub.example.test/qa/\n"},
                 {"content/_index.md", page("title: Home\n")},
                 {"content/a.md", page(kTwoChanges)},
                 {"content/b.md", page("title: B\nchanges:\n  - date: 2026-11-01\n    summary: Other\n")}});
  REQUIRE(site.build());
  std::string feed = site.output("amendments.xml");
  CHECK(contains(feed, "<id>https://hub.example.test/qa/amendments.xml</id>"));
  CHECK(contains(feed, "<id>tag:hub.example.test,2026-11-01:/qa/a/#change-2026-11-01-1</id>"));
  CHECK(contains(feed, "<id>tag:hub.example.test,2026-11-01:/qa/a/#change-2026-11-01-0</id>"));
  CHECK(contains(feed, "<id>tag:hub.example.test,2026-11-01:/qa/b/#change-2026-11-01-0</id>"));
  std::vector<std::string> before = ids_in(feed);
  CHECK(std::set<std::string>(before.begin(), before.end()).size() == 3);

  site.write("content/a.md", page(std::string(kTwoChanges).insert(18, "  - date: 2026-11-01\n    summary: Third\n")));
  site.options.as_of = qahub::base::Date{2026, 12, 24};  // another day: ids carry the change's date only
  REQUIRE(site.build());
  std::vector<std::string> after = ids_in(site.output("amendments.xml"));
  REQUIRE(after.size() == 4);
  CHECK(std::set<std::string>(after.begin(), after.end()).size() == 4);
  for (const std::string& id : before) CHECK(std::find(after.begin(), after.end(), id) != after.end());
  CHECK(contains(site.output("amendments.xml"), "<id>tag:hub.example.test,2026-11-01:/qa/a/#change-2026-11-01-2</id>"));
}

TEST_CASE("outputs: a path-only base_url gives urn:uuid feed ids", "[pipeline][feed]") {
  TestSite site({{"content/_index.md", page("title: Home\n")}, {"content/a.md", page(kTwoChanges)}});
  REQUIRE(site.build());
  std::string feed = site.output("amendments.xml");
  CHECK(contains(feed, "<id>urn:uuid:811f8a61-a1ba-50f1-b599-8d67369e1ced</id>"));
  for (const std::string& id : ids_in(feed)) CHECK(id.rfind("urn:uuid:", 0) == 0);
  CHECK_FALSE(contains(feed, "#change-"));
}

TEST_CASE("outputs: control characters written raw in YAML are errors where they are", "[pipeline][feed]") {
  TestSite site({{"content/_index.md", page("title: Home\n")},
                 {"content/a.md", page("title: Pasted\x0b title\nchanges:\n  - date: 2026-11-01\n    summary: "
                                       "Tidied\x01 up\x1f\n")}});
  CHECK_FALSE(site.build());
  CHECK(site.diagnostics() ==
        "content/a.md:2:14: error: control character U+000B in YAML; delete it\n"
        "content/a.md:5:20: error: control character U+0001 in YAML; delete it\n"
        "content/a.md:5:24: error: control character U+001F in YAML; delete it\n");
}

TEST_CASE("outputs: control characters escaped in titles and summaries are removed, with a warning",
          "[pipeline][feed]") {
  TestSite site({{"content/_index.md", page("title: Home\n")},
                 {"content/a.md", page("title: \"Pasted\\x0b title\"\nchanges:\n  - date: 2026-11-01\n    summary: "
                                       "\"Tidied\\x01 up\\x1f\"\n")}});
  REQUIRE(site.build());
  CHECK(site.diagnostics() ==
        "content/a.md:2:8: warning: control character U+000B in \"title\" removed (XML does not allow it)\n"
        "content/a.md:5:14: warning: control character U+0001 in \"summary\" removed (XML does not allow it)\n"
        "content/a.md:5:14: warning: control character U+001F in \"summary\" removed (XML does not allow it)\n");
  std::string feed = site.output("amendments.xml");
  CHECK(contains(feed, "<title>Practice hub: amendments</title>"));
  CHECK(contains(feed, "<summary>Tidied up</summary>"));
  CHECK(contains(feed, "<title>Pasted title: Tidied up</title>"));
}

TEST_CASE("outputs: tags that slug alike are one tag with the most common spelling", "[pipeline][tags]") {
  TestSite site({{"content/_index.md", page("title: Home\n")},
                 {"content/a.md", page("title: A\ntags: [Safeguarding]\n")},
                 {"content/b.md", page("title: B\ntags: [Safeguarding, Audit]\n")},
                 {"content/c.md", page("title: C\ntags:\n  - safeguarding\n")}});
  REQUIRE(site.build());
  CHECK(site.diagnostics() ==
        "content/c.md:4:5: warning: tag \"safeguarding\" is spelled \"Safeguarding\" elsewhere; both are "
        "/tags/safeguarding/, titled \"Safeguarding\"\n");
  const std::string tag = site.output("tags/safeguarding/index.html");
  CHECK(contains(tag, "<h1>Pages tagged “Safeguarding”</h1>"));
  for (const char* url : {"href=\"/a/\"", "href=\"/b/\"", "href=\"/c/\""}) CHECK(contains(tag, url));
  CHECK(contains(site.output("c/index.html"), ">Safeguarding</a>"));
  const std::string all = site.output("tags/index.html");
  CHECK(all.find("tags/safeguarding/") == all.rfind("tags/safeguarding/"));
}

TEST_CASE("outputs: a tie between spellings goes to the first in sort order", "[pipeline][tags]") {
  TestSite site({{"content/_index.md", page("title: Home\n")},
                 {"content/a.md", page("title: A\ntags: [child-protection]\n")},
                 {"content/b.md", page("title: B\ntags: [Child-Protection]\n")}});
  REQUIRE(site.build());
  CHECK(site.diagnostics() ==
        "content/a.md:3:8: warning: tag \"child-protection\" is spelled \"Child-Protection\" elsewhere; both are "
        "/tags/child-protection/, titled \"Child-Protection\"\n");
  CHECK(contains(site.output("tags/child-protection/index.html"), "href=\"/a/\""));
  CHECK(contains(site.output("tags/child-protection/index.html"), "href=\"/b/\""));
}

TEST_CASE("outputs: the review dashboard has no <time> without a review date", "[pipeline][html]") {
  TestSite site({{"content/_index.md", page("title: Home\n")},
                 {"content/a.md", page("title: A\nreview_by: 2027-01-31\n")},
                 {"content/b.md", page("title: B\n")}});
  REQUIRE(site.build());
  const std::string dash = site.output("review/index.html");
  CHECK(contains(dash, "<time datetime=\"2027-01-31\">31 January 2027</time>"));
  CHECK_FALSE(contains(dash, "datetime=\"\""));
  CHECK(contains(dash, "<td>Not set</td><td><strong"));
}

TEST_CASE("outputs: search and the 404 page are marked to get no print button", "[pipeline][html]") {
  TestSite site({{"content/_index.md", page("title: Home\n")}, {"content/a.md", page("title: A\n")}});
  REQUIRE(site.build());
  CHECK(contains(site.output("search/index.html"), "<main id=\"main\" tabindex=\"-1\" data-no-print>"));
  CHECK(contains(site.output("404.html"), "<main id=\"main\" tabindex=\"-1\" data-no-print>"));
  CHECK(contains(site.output("a/index.html"), "<main id=\"main\" tabindex=\"-1\">"));
  CHECK(contains(site.output("review/index.html"), "<main id=\"main\" tabindex=\"-1\">"));
}
