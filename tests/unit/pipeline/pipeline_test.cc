#include <catch2/catch.hpp>

#include "fs/files.h"
#include "temp_dir.h"

#include "pipeline/test_site.h"

using qahub::testing::contains;
using qahub::testing::page;
using qahub::testing::TestSite;

TEST_CASE("pipeline: pretty URLs, sections, breadcrumbs and previous/next", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n")},
                 {"content/guides/_index.md", page("title: Guides\nweight: 1\n")},
                 {"content/guides/b.md", page("title: Bravo\nweight: 20\n")},
                 {"content/guides/a.md", page("title: Alpha\nweight: 10\n")},
                 {"content/guides/c.md", page("title: Charlie\nweight: 30\n")}});
  REQUIRE(site.build());
  std::string b = site.output("guides/b/index.html");
  CHECK(contains(b, "<li><a href=\"/guides/\">Guides</a></li>"));
  CHECK(contains(b, "rel=\"prev\"><span class=\"pager-label\">Previous</span> Alpha</a>"));
  CHECK(contains(b, "rel=\"next\"><span class=\"pager-label\">Next</span> Charlie</a>"));
  std::string section = site.output("guides/index.html");
  CHECK(section.find(">Alpha<") < section.find(">Bravo<"));
  CHECK(section.find(">Bravo<") < section.find(">Charlie<"));
  CHECK(contains(section, "href=\"/print/guides/\""));
  CHECK(contains(site.output("index.html"), "<a href=\"/guides/\" aria-current=\"page\">") == false);
  CHECK(contains(site.output("print/guides/index.html"), "Alpha"));
}

TEST_CASE("pipeline: drafts only with --drafts", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n")}, {"content/wip.md", page("title: WIP\ndraft: true\n")}});
  REQUIRE(site.build());
  CHECK_FALSE(site.exists("wip/index.html"));
  site.options.drafts = true;
  REQUIRE(site.build());
  CHECK(site.exists("wip/index.html"));
}

TEST_CASE("pipeline: review overdue notice, footer and dashboard use --as-of only", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n")},
                 {"content/old.md", page("title: Old\nowner: Team manager\nreview_by: 2026-11-22\n")},
                 {"content/due.md", page("title: Due\nreview_by: 2026-11-23\n")}});
  REQUIRE(site.build());
  CHECK(site.diagnostics() ==
        "content/old.md:4:12: notice: review overdue: review_by 2026-11-22 is before the build date 2026-11-23\n");
  CHECK(contains(site.output("old/index.html"), "<strong>Review overdue.</strong>"));
  CHECK(contains(site.output("old/index.html"), "<dt>Page owner</dt><dd>Team manager</dd>"));
  CHECK_FALSE(contains(site.output("due/index.html"), "Review overdue."));
  std::string dash = site.output("review/index.html");
  CHECK(dash.find(">Old<") < dash.find(">Due<"));
  CHECK(contains(dash, "1 of 3 pages are overdue"));
  site.options.strict = true;
  CHECK(site.build());  // a notice (a fact about the service) never fails --strict
}

TEST_CASE("pipeline: amendments page and Atom feed, newest first", "[pipeline]") {
  TestSite site({{"qahub.yaml", "title: Hub\nbase_url: https://hub.example.test/qa/\n"},
                 {"content/_index.md", page("title: Home\n")},
                 {"content/a.md", page("title: A\nchanges:\n  - date: 2026-03-01\n    summary: Second\n  - date: "
                                       "2025-01-01\n    summary: First\n")},
                 {"content/b.md", page("title: B\nchanges:\n  - date: 2026-05-01\n    summary: Newest\n")}});
  REQUIRE(site.build());
  std::string log = site.output("amendments/index.html");
  CHECK(log.find("Newest") < log.find("Second"));
  CHECK(log.find("Second") < log.find("First"));
  std::string feed = site.output("amendments.xml");
  CHECK(contains(feed, "<updated>2026-05-01T00:00:00Z</updated>"));
  CHECK(contains(feed, "<link href=\"https://hub.example.test/qa/b/\"/>"));
  CHECK(contains(site.output("sitemap.xml"), "<loc>https://hub.example.test/qa/a/</loc><lastmod>2026-03-01</lastmod>"));
  CHECK(contains(site.output("a/index.html"), "href=\"/qa/assets/qahub.css\""));
}

TEST_CASE("pipeline: relative URLs work from file://", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n", "[deep](a/b.md#x)\n")},
                 {"content/a/b.md", page("title: B\n", "## X\n\n[home](../_index.md)\n")}});
  site.options.relative_urls = true;
  REQUIRE(site.build());
  CHECK(contains(site.output("index.html"), "href=\"a/b/index.html#x\""));
  std::string b = site.output("a/b/index.html");
  CHECK(contains(b, "href=\"../../index.html\">home</a>"));
  CHECK(contains(b, "href=\"../../assets/qahub.css\""));
  CHECK(contains(b, "action=\"../../search/index.html\""));
}

TEST_CASE("pipeline: aliases redirect, tags get pages, assets are copied", "[pipeline]") {
  TestSite site(
      {{"content/_index.md", page("title: Home\n")},
       {"content/guide/_index.md", page("title: Guide\n")},
       {"content/guide/page.md",
        page("title: Page\ntags: [audit, voice of the child]\naliases: [/old/page]\n", "![chart](chart.svg)\n")},
       {"content/guide/chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"}});
  REQUIRE(site.build());
  std::string redirect = site.output("old/page/index.html");
  CHECK(contains(redirect, "<meta http-equiv=\"refresh\" content=\"0; url=/guide/page/\">"));
  CHECK(contains(site.output("tags/voice-of-the-child/index.html"), "href=\"/guide/page/\""));
  CHECK(contains(site.output("tags/index.html"), "voice of the child"));
  CHECK(site.output("guide/chart.svg") == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  CHECK(contains(site.output("guide/page/index.html"), "<img src=\"/guide/chart.svg\" alt=\"chart\">"));
}

TEST_CASE("pipeline: raw HTML only when the config allows it", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n", "<aside class=\"x\">note</aside>\n")}});
  REQUIRE(site.build());
  CHECK_FALSE(contains(site.output("index.html"), "<aside class=\"x\">"));
  site.write("qahub.yaml", "raw_html: true\n");
  REQUIRE(site.build());
  CHECK(contains(site.output("index.html"), "<aside class=\"x\">note</aside>"));
}

TEST_CASE("pipeline: a site's theme overrides one template of the default", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n")},
                 {"themes/default/templates/notfound.mustache", "<p>Custom not found.</p>\n"}});
  REQUIRE(site.build());
  CHECK(contains(site.output("404.html"), "<p>Custom not found.</p>"));
  CHECK(contains(site.output("index.html"), "Skip to main content"));
}

TEST_CASE("pipeline: a broken template is an error at the template file", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n")},
                 {"themes/default/templates/tags.mustache", "{{#tags}}unclosed\n"}});
  CHECK_FALSE(site.build());
  CHECK(contains(site.diagnostics(),
                 "themes/default/templates/tags.mustache: error: invalid template: unclosed section"));
  CHECK_FALSE(site.exists("index.html"));
}

TEST_CASE("pipeline: errors are collected across files and nothing is written", "[pipeline]") {
  TestSite site(
      {{"content/_index.md", page("title: Home\n", "[x](missing.md)\n")}, {"content/b.md", page("tittle: B\n")}});
  CHECK_FALSE(site.build());
  CHECK(site.diagnostics() ==
        "content/_index.md:4:1: error: broken link \"missing.md\": content/missing.md does not exist\n"
        "content/b.md:1:1: error: missing \"title\" in front matter\n"
        "content/b.md:2:1: warning: unknown front matter key \"tittle\"; did you mean \"title\"?\n");
  CHECK_FALSE(std::filesystem::exists(site.root() / "public"));
}

TEST_CASE("pipeline: check writes nothing", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n")}});
  site.options.write = false;
  REQUIRE(site.build());
  CHECK_FALSE(std::filesystem::exists(site.root() / "public"));
  CHECK_FALSE(std::filesystem::exists(site.root() / ".qahub"));
}

TEST_CASE("pipeline: the output directory may not be the site", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n")}});
  site.options.out_dir = site.root();
  CHECK_FALSE(site.build());
  CHECK(site.diagnostics() == "qahub: error: the output directory must not be the site directory\n");
}

TEST_CASE("pipeline: two sources for one URL, and an alias over a page, are errors", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n")},
                 {"content/a/_index.md", page("title: A section\n")},
                 {"content/a/index.md", page("title: A index\n")},
                 {"content/b.md", page("title: B\naliases: [/a/]\n")}});
  CHECK_FALSE(site.build());
  CHECK(site.diagnostics() ==
        "content/a/_index.md:1:1: error: page URL /a/ is also an alias of content/b.md\n"
        "content/a/_index.md:1:1: error: page URL /a/ is also the page content/a/index.md\n"
        "content/a/index.md:1:1: error: page URL /a/ is also the page content/a/_index.md\n"
        "content/b.md:3:11: error: alias /a/ is also the page content/a/_index.md\n");
}

TEST_CASE("pipeline: an output path that cannot be created is an error, not a crash", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n")}, {"blocker", "a file"}});
  site.options.out_dir = site.root() / "blocker" / "public";
  CHECK_FALSE(site.build());
  CHECK(contains(site.diagnostics(), "qahub: error: cannot create output directory "));
}

TEST_CASE("pipeline: the search database follows only a successful build", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n", "Supervision matters.\n")}});
  site.options.jobs = 2;
  REQUIRE(site.build());
  const auto db = site.root() / ".qahub" / "search";
  REQUIRE(std::filesystem::is_directory(db));
  auto snapshot = [&] {
    std::map<std::string, std::string> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(db))
      if (e.is_regular_file()) files[e.path().string()] = qahub::fs::read_file(e.path()).value_or("");
    return files;
  };
  const auto before = snapshot();
  site.write("content/_index.md", page("title: Home\n", "Changed [broken](missing.md).\n"));
  CHECK_FALSE(site.build());
  CHECK(snapshot() == before);
  CHECK(contains(site.output("search/index.json"), "supervis"));
}

TEST_CASE("pipeline: the output's search files are the cache's, linked rather than written twice", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n", "Supervision matters.\n")},
                 {"content/a.md", page("title: A\n", "Audits.\n")}});
  REQUIRE(site.build());
  const auto cache = site.root() / ".qahub" / "search";
  const auto out = site.root() / "public" / "search";
  for (const char* name : {"index.json", "meta.json", "words.json", "docs/0.json"}) {
    INFO(name);
    CHECK(std::filesystem::equivalent(cache / name, out / name));
  }
  // A second build replaces both; the old output's removal leaves the cache whole.
  site.write("content/a.md", page("title: A\n", "Audits and moderation.\n"));
  REQUIRE(site.build());
  CHECK(contains(*qahub::fs::read_file(cache / "index.json"), "moder"));
  CHECK(*qahub::fs::read_file(cache / "index.json") == site.output("search/index.json"));
  CHECK(std::filesystem::equivalent(cache / "index.json", out / "index.json"));
}

TEST_CASE("pipeline: a broken partial is an error at the partial", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n")},
                 {"themes/default/templates/notfound.mustache", "{{> broken}}\n"},
                 {"themes/default/templates/partials/broken.mustache", "{{#open}}never closed\n"}});
  CHECK_FALSE(site.build());
  CHECK(site.diagnostics() ==
        "themes/default/templates/partials/broken.mustache: error: invalid template: unclosed section \"open\" at 0\n");
}

TEST_CASE("pipeline: a search cache that cannot be written: one warning, the site is built", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n")}, {".qahub", "a file where the cache folder goes"}});
  CHECK(site.build());
  CHECK(site.diagnostics() ==
        ".qahub: warning: cannot write the search cache: it is a file, not a folder; qahub search will not see this "
        "build (--cache-dir DIR keeps it elsewhere)\n");
  CHECK(site.exists("index.html"));
  CHECK(*qahub::fs::read_file(site.root() / ".qahub") == "a file where the cache folder goes");
}

TEST_CASE("pipeline: a .qahub that is a symbolic link is never written through", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n")}});
  qahub::testing::TempDir elsewhere("cache-elsewhere");
  std::filesystem::create_symlink(elsewhere.path(), site.root() / ".qahub");
  CHECK(site.build());
  CHECK(site.diagnostics() ==
        ".qahub: warning: cannot write the search cache: it is a symbolic link, and qahub does not write through "
        "one; qahub search will not see this build (--cache-dir DIR keeps it elsewhere)\n");
  CHECK(std::filesystem::is_empty(elsewhere.path()));
  CHECK(site.exists("index.html"));
}

TEST_CASE("pipeline: --cache-dir keeps the cache elsewhere, and never replaces a folder it did not write",
          "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n")}});
  qahub::testing::TempDir cache("cache-dir");
  site.options.cache_dir = cache.path() / "c";
  CHECK(site.build());
  CHECK(site.diagnostics().empty());
  CHECK(std::filesystem::is_regular_file(cache.path() / "c" / "search" / "index.json"));
  CHECK_FALSE(std::filesystem::exists(site.root() / ".qahub"));
  CHECK(site.build());  // a second build replaces its own cache
  CHECK(site.diagnostics().empty());
  // Someone else's folder where the cache would go is left alone.
  std::filesystem::remove_all(cache.path() / "c" / "search");
  std::filesystem::create_directories(cache.path() / "c" / "search");
  REQUIRE(qahub::fs::write_file(cache.path() / "c" / "search" / "notes.txt", "mine"));
  CHECK(site.build());
  CHECK(site.diagnostics() == (cache.path() / "c").generic_string() +
                                  "/search: warning: cannot write the search cache: search/ holds files qahub did not "
                                  "write, so it is left alone; qahub search will not see this build (--cache-dir DIR "
                                  "keeps it elsewhere)\n");
  CHECK(*qahub::fs::read_file(cache.path() / "c" / "search" / "notes.txt") == "mine");
  CHECK(site.exists("index.html"));
}

TEST_CASE("pipeline: --search-corpus that cannot be written is an error", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n")}});
  site.options.search_corpus = site.root() / "content";  // a folder
  CHECK_FALSE(site.build());
  CHECK(site.diagnostics() == (site.root() / "content").string() + ": error: cannot write search corpus\n");
}

TEST_CASE("pipeline: a broken link renders nothing and reports what it always did", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\n", "[x](missing.md)\n")},
                 {"content/b.md", page("title: B\n")},
                 {"themes/default/templates/tags.mustache", "{{#tags}}unclosed\n"}});
  qahub::diag::Diagnostics diags;
  qahub::pipeline::BuildStats stats;
  CHECK_FALSE(qahub::pipeline::build_site(site.options, diags, &stats));
  // The template error would be found by rendering, which a site with errors never reaches.
  CHECK(diags.format_all() ==
        "content/_index.md:4:1: error: broken link \"missing.md\": content/missing.md does not exist\n");
  std::vector<std::string> passes;
  for (const auto& [name, _] : stats.timings) passes.push_back(name);
  CHECK(passes == std::vector<std::string>{"config", "content", "records", "marking decide", "marking check",
                                           "withhold", "briefs", "reports", "record pages", "links", "site"});
  CHECK_FALSE(std::filesystem::exists(site.root() / "public"));
}

TEST_CASE("pipeline: --strict lists every warning, from every pass, as an error", "[pipeline]") {
  TestSite site({{"content/_index.md", page("title: Home\nreview_by: 2026-01-01\nsummary: x\n", "[x](b.md#nowhere)\n")},
                 {"content/b.md", page("title: B\n")}});
  site.options.strict = true;
  CHECK_FALSE(site.build());
  // A notice (a fact about the service) stays a notice; a promoted warning says so.
  CHECK(site.diagnostics() ==
        "content/_index.md:3:12: notice: review overdue: review_by 2026-01-01 is before the build date 2026-11-23\n"
        "content/_index.md:4:1: error: (warning, --strict) unknown front matter key \"summary\"\n"
        "content/_index.md:6:1: error: broken link \"b.md#nowhere\": no heading \"nowhere\" on /b/\n");
  CHECK_FALSE(std::filesystem::exists(site.root() / "public"));
}

TEST_CASE("pipeline: errors are the same whatever --jobs is", "[pipeline]") {
  for (const bool link_error : {false, true}) {
    std::string diagnostics[2];
    for (int jobs : {1, 2}) {
      TestSite site({{"content/_index.md", page("title: Home\n", link_error ? "[x](missing.md)\n" : "Text.\n")},
                     {"themes/default/templates/tags.mustache", "{{#tags}}unclosed\n"}});
      site.options.jobs = jobs;
      site.options.search_corpus = site.root() / "content";  // a folder: search reports it when it runs
      CHECK_FALSE(site.build());
      diagnostics[jobs - 1] = site.diagnostics();
      const std::string root = site.root().string();
      for (size_t at; (at = diagnostics[jobs - 1].find(root)) != std::string::npos;)
        diagnostics[jobs - 1].replace(at, root.size(), "SITE");
      CHECK_FALSE(std::filesystem::exists(site.root() / "public"));
    }
    CHECK(diagnostics[0] == diagnostics[1]);
    CHECK(contains(diagnostics[0], "cannot write search corpus") == !link_error);
  }
}
