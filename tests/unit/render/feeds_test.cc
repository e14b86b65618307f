#include <catch2/catch.hpp>

#include "base/uuid.h"
#include "render/feeds.h"

using namespace qahub;

namespace {
frontmatter::Change change(int y, int m, int d) { return {base::Date{y, m, d}, "s", {}}; }

config::SiteConfig with_base(const std::string& base_url) {
  config::SiteConfig c;
  c.base_url = base_url;
  return c;
}
}  // namespace

TEST_CASE("feeds: entry ids are tag: URIs dated by the change when base_url has a host", "[render][feed]") {
  config::SiteConfig c = with_base("https://hub.example.test/practice/");
  CHECK(render::entry_id(c, "/about/using-this-hub/", base::Date{2026, 11, 1}, 0) ==
        "tag:hub.example.test,2026-11-01:/practice/about/using-this-hub/#change-2026-11-01-0");
  CHECK(render::feed_id(c) == "https://hub.example.test/practice/amendments.xml");
}

TEST_CASE("feeds: entry ids are v5 urn:uuids of path, date and K when base_url is path-only", "[render][feed]") {
  config::SiteConfig c = with_base("/");
  // uuid.uuid5(uuid.NAMESPACE_URL, "/about/using-this-hub/#change-2026-11-01-0")
  CHECK(render::entry_id(c, "/about/using-this-hub/", base::Date{2026, 11, 1}, 0) ==
        "urn:uuid:" + base::uuid_v5(base::kUrlNamespace, "/about/using-this-hub/#change-2026-11-01-0"));
  CHECK(render::entry_id(c, "/a/", base::Date{2026, 11, 1}, 0) !=
        render::entry_id(c, "/a/", base::Date{2026, 11, 1}, 1));
  CHECK(render::feed_id(c) == "urn:uuid:811f8a61-a1ba-50f1-b599-8d67369e1ced");
}

TEST_CASE("feeds: K counts a page's changes on one date from the oldest", "[render][feed]") {
  // Newest first, as front matter lists them: the last of a date is K 0.
  std::vector<frontmatter::Change> changes = {change(2026, 11, 1), change(2026, 11, 1), change(2026, 10, 3),
                                              change(2026, 11, 1)};
  CHECK(render::same_day_ordinals(changes) == std::vector<size_t>{2, 1, 0, 0});
  // A new amendment on the same day, at the top, leaves every other K alone.
  changes.insert(changes.begin(), change(2026, 11, 1));
  CHECK(render::same_day_ordinals(changes) == std::vector<size_t>{3, 2, 1, 0, 0});
}

TEST_CASE("feeds: briefs.xml has one entry per published brief, newest first, drafts and pages left out",
          "[render][feed][briefs]") {
  model::Site site;
  site.config = with_base("https://hub.example.test/");
  site.config.title = "Hub";
  site.as_of = base::Date{2026, 11, 23};
  auto page = [](const char* url, const char* title, const char* type, std::optional<base::Date> published,
                 bool draft = false) {
    model::SitePage p;
    p.url = url;
    p.title = title;
    p.type = type;
    p.published = published;
    p.draft = draft;
    return p;
  };
  site.pages = {page("/briefs/a/", "Older", "brief", base::Date{2026, 3, 1}),
                page("/briefs/b/", "Newer & better", "brief", base::Date{2026, 9, 1}),
                page("/briefs/c/", "Draft", "brief", base::Date{2026, 10, 1}, true),
                page("/briefs/d/", "Unpublished", "brief", std::nullopt),
                page("/learning/r/", "A report", "", base::Date{2026, 10, 1})};
  site.pages[1].tags = {"fathers"};
  CHECK(render::has_briefs(site));
  const std::string xml = render::render_briefs_feed(site);
  CHECK(xml.find("<id>https://hub.example.test/briefs.xml</id>") != std::string::npos);
  CHECK(xml.find("<updated>2026-09-01T00:00:00Z</updated>") < xml.find("<entry>"));
  const size_t newer = xml.find("<title>Newer &amp; better</title>"), older = xml.find("<title>Older</title>");
  REQUIRE(newer != std::string::npos);
  REQUIRE(older != std::string::npos);
  CHECK(newer < older);
  CHECK(xml.find("tag:hub.example.test,2026-09-01:/briefs/b/#published") != std::string::npos);
  CHECK(xml.find("<category term=\"fathers\"/>") != std::string::npos);
  for (const char* left_out : {"Draft", "Unpublished", "A report"}) CHECK(xml.find(left_out) == std::string::npos);
  site.pages[0].type = site.pages[1].type = site.pages[2].type = site.pages[3].type = "";
  CHECK_FALSE(render::has_briefs(site));
}
