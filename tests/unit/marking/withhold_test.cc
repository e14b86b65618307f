#include <catch2/catch.hpp>

#include "marking/marking.h"
#include "pipeline/test_site.h"
#include "report/snapshot.h"

using qahub::testing::contains;
using qahub::testing::page;
using qahub::testing::TestSite;
namespace marking = qahub::marking;
namespace records = qahub::records;

namespace {

const char* kRules = "classification:\n  default: OFFICIAL\n  sensitive: [OFFICIAL-SENSITIVE]\n";

}  // namespace

TEST_CASE("marking: withhold takes sensitive records out and their decisions' actions with them", "[marking]") {
  qahub::content::ContentSet c;
  records::Records r;
  r.actions["a-1"].src.sensitive = true;
  r.actions["a-1"].src.path = "data/actions/a-1.json";
  r.actions["a-1"].src.marking = "OFFICIAL-SENSITIVE";
  r.actions["a-2"];
  r.meetings["m"].decisions = {{"d1", "Decided.", {"a-1", "a-2"}}};
  marking::Withheld w = marking::withhold(c, r, false);
  CHECK(r.actions.count("a-1") == 0);
  CHECK(r.actions.count("a-2") == 1);
  CHECK(r.meetings["m"].decisions[0].actions == std::vector<std::string>{"a-2"});
  CHECK(w.records == records::RecordIds{{"action", {"a-1"}}});
  CHECK(w.urls.at("/actions/a-1/") == qahub::model::Marked{"data/actions/a-1.json", "OFFICIAL-SENSITIVE"});
}

TEST_CASE("marking: with --include-sensitive nothing is withheld, but every sensitive URL is known", "[marking]") {
  qahub::content::ContentSet c;
  records::Records r;
  r.actions["a-1"].src.sensitive = true;
  r.meetings["m"].decisions = {{"d1", "Decided.", {"a-1"}}};
  marking::Withheld w = marking::withhold(c, r, true);
  CHECK(r.actions.count("a-1") == 1);
  CHECK(r.meetings["m"].decisions[0].actions.size() == 1);
  CHECK(w.urls.count("/actions/a-1/") == 1);
}

TEST_CASE("marking: a published snapshot leaves out rows about withheld items", "[marking][report]") {
  nlohmann::json snap = nlohmann::json::parse(R"({"blocks": {
    "actions": {"rows": [{"id": "a-1"}, {"id": "a-2"}]},
    "changes": {"closed": [{"id": "a-1"}], "pages": [{"page": "content/x.md"}, {"page": "content/y.md"}]},
    "meetings": {"rows": [{"id": "m", "decisions": [{"id": "d1", "actions": ["a-1", "a-2"]}]}]},
    "later": {"findings": [{"audit": "old", "id": "d1"}, {"audit": "new", "id": "d1"}]}}})");
  const records::RecordIds ids = {{"action", {"a-1"}}, {"audit", {"old"}}};
  const std::set<std::string> pages = {"content/x.md"};
  qahub::report::strip_withheld(snap, {&ids, &pages});
  CHECK(snap.dump() ==
        R"({"blocks":{"actions":{"rows":[{"id":"a-2"}]},"changes":{"closed":[],"pages":[{"page":"content/y.md"}]},)"
        R"("later":{"findings":[{"audit":"new","id":"d1"}]},)"
        R"("meetings":{"rows":[{"decisions":[{"actions":["a-2"],"id":"d1"}],"id":"m"}]}}})");
}

TEST_CASE("marking: a sensitive section is left out of every list, with its tag, alias and asset",
          "[marking][pipeline]") {
  TestSite site(
      {{"qahub.yaml", std::string("base_url: https://hub.example.test/\n") + kRules},
       {"content/_index.md", page("title: Home\ntags: [shared]\n")},
       {"content/open.md", page("title: Open\ntags: [shared]\n", "![a diagram](shared.svg)\n")},
       {"content/open-shared.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"},
       {"content/shared.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"},
       {"content/panel/_index.md",
        page("title: Panel\nclassification: OFFICIAL-SENSITIVE\ntags: [panel-only, shared]\naliases: [/old-panel/]\n",
             "![only here](only.svg) and ![shared](../shared.svg)\n")},
       {"content/panel/only.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"},
       {"content/panel/notes.md", page("title: Panel notes\n")}});
  REQUIRE(site.build());
  CHECK(site.diagnostics().empty());
  for (const char* f : {"panel/index.html", "panel/notes/index.html", "tags/panel-only/index.html",
                        "old-panel/index.html", "panel/only.svg", "print/panel/index.html"})
    CHECK_FALSE(site.exists(f));
  CHECK(site.exists("shared.svg"));
  for (const char* f : {"index.html", "tags/index.html", "tags/shared/index.html", "sitemap.xml", "a-z/index.html",
                        "review/index.html", "search/docs/0.json"})
    CHECK_FALSE(contains(site.output(f), "anel"));
  CHECK(contains(site.output("open/index.html"), "<p class=\"marking\">OFFICIAL</p>"));

  site.options.include_sensitive = true;
  site.options.search_corpus = site.root() / "corpus.json";
  const bool built = site.build();
  INFO(site.diagnostics());
  REQUIRE(built);
  const std::string corpus = qahub::fs::read_file(site.root() / "corpus.json").value_or("");
  CHECK(contains(corpus, "Open"));
  CHECK_FALSE(contains(corpus, "anel"));
  const std::string panel = site.output("panel/notes/index.html");
  CHECK(contains(panel, "<p class=\"marking\">OFFICIAL-SENSITIVE</p>"));
  CHECK(contains(panel, "notice-sensitive"));
  CHECK(contains(panel, "content: \"OFFICIAL-SENSITIVE\""));
  CHECK(site.exists("panel/only.svg"));
  CHECK_FALSE(site.exists("old-panel/index.html"));
  for (const char* f : {"sitemap.xml", "amendments.xml", "search/docs/0.json", "search/index.json"})
    CHECK_FALSE(contains(site.output(f), "panel"));
  const std::string a_z = site.output("a-z/index.html");
  CHECK_FALSE(contains(a_z.substr(a_z.find("<main")), "Panel notes"));
}

TEST_CASE("marking: qahub check checks a withheld page's links", "[marking][pipeline]") {
  TestSite site(
      {{"qahub.yaml", kRules},
       {"content/_index.md", page("title: Home\n")},
       {"content/panel.md", page("title: Panel\nclassification: OFFICIAL-SENSITIVE\n", "[gone](gone.md)\n")}});
  site.options.write = false;
  CHECK_FALSE(site.build());
  CHECK(site.diagnostics() ==
        "content/panel.md:5:1: error: broken link \"gone.md\": content/gone.md does not exist; did you mean "
        "\"content/panel.md\"?\n");
}
