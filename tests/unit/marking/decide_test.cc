#include <catch2/catch.hpp>

#include "marking/marking.h"

namespace marking = qahub::marking;
namespace content = qahub::content;
namespace records = qahub::records;
namespace diag = qahub::diag;

namespace {

qahub::config::Classification rules() { return {"OFFICIAL", {"OFFICIAL-SENSITIVE"}}; }

content::Page page(const std::string& source, const std::string& classification = "") {
  content::Page p;
  p.source = source;
  p.url = content::url_for_source(source);
  p.section_url = content::parent_url(p.url);
  p.is_section = source.size() >= 9 && source.compare(source.size() - 9, 9, "_index.md") == 0;
  p.meta.classification = classification;
  p.meta.classification_pos = {source, 3, 17};
  return p;
}

const content::Page& find(const content::ContentSet& c, const std::string& source) {
  for (const content::Page& p : c.pages)
    if (p.source == source) return p;
  FAIL("no page " << source);
  return c.pages.front();
}

}  // namespace

TEST_CASE("marking: a page takes its own marking, else its section's, else the default", "[marking]") {
  content::ContentSet c;
  for (const auto& [source, marking] : std::vector<std::pair<std::string, std::string>>{
           {"content/_index.md", ""},
           {"content/a/_index.md", "OFFICIAL-SENSITIVE"},
           {"content/a/b.md", "OFFICIAL"},  // a public marking inside a sensitive section
           {"content/a/c/_index.md", ""},
           {"content/a/c/d.md", ""},
           {"content/e.md", "OFFICIAL-SENSITIVE"},
           {"content/f.md", ""}})
    c.pages.push_back(page(source, marking));
  records::Records r;
  diag::Diagnostics diags;
  marking::decide(rules(), c, r, diags);
  CHECK(diags.format_all().empty());
  CHECK(find(c, "content/_index.md").marking == "OFFICIAL");
  CHECK_FALSE(find(c, "content/_index.md").sensitive);
  for (const char* s :
       {"content/a/_index.md", "content/a/b.md", "content/a/c/_index.md", "content/a/c/d.md", "content/e.md"}) {
    CHECK(find(c, s).marking == "OFFICIAL-SENSITIVE");
    CHECK(find(c, s).sensitive);
  }
  CHECK(find(c, "content/f.md").marking == "OFFICIAL");
}

TEST_CASE("marking: an unknown marking is an error with did you mean, and counts as the default", "[marking]") {
  content::ContentSet c;
  c.pages.push_back(page("content/a.md", "OFFICAL-SENSITIVE"));
  records::Records r;
  diag::Diagnostics diags;
  marking::decide(rules(), c, r, diags);
  CHECK(diags.format_all() ==
        "content/a.md:3:17: error: unknown marking \"OFFICAL-SENSITIVE\"; did you mean \"OFFICIAL-SENSITIVE\"?\n");
  CHECK(c.pages[0].marking == "OFFICIAL");
  CHECK_FALSE(c.pages[0].sensitive);
}

TEST_CASE("marking: without rules in qahub.yaml a marking is an error and pages have none", "[marking]") {
  content::ContentSet c;
  c.pages.push_back(page("content/a.md", "OFFICIAL"));
  c.pages.push_back(page("content/b.md"));
  records::Records r;
  diag::Diagnostics diags;
  marking::decide({}, c, r, diags);
  CHECK(diags.format_all() ==
        "content/a.md:3:17: error: marking \"OFFICIAL\" needs classification rules in qahub.yaml, such as "
        "classification: {default: OFFICIAL, sensitive: [OFFICIAL-SENSITIVE]}\n");
  CHECK(c.pages[1].marking.empty());
}

TEST_CASE("marking: a meeting takes its forum's marking; a sensitive cycle's report page is sensitive", "[marking]") {
  content::ContentSet c;
  c.pages.push_back(page("content/learning/report.md"));
  records::Records r;
  r.forums["board"].src.classification = "OFFICIAL-SENSITIVE";
  r.meetings["m1"].forum = "board";
  r.meetings["m2"].forum = "board";
  r.meetings["m2"].src.classification = "OFFICIAL";  // a sensitive forum's wins
  r.meetings["m3"].forum = "other";
  r.cycles["c1"].src.classification = "OFFICIAL-SENSITIVE";
  r.cycles["c1"].report = "content/learning/report.md";
  diag::Diagnostics diags;
  marking::decide(rules(), c, r, diags);
  CHECK(diags.format_all().empty());
  CHECK(r.forums["board"].src.sensitive);
  CHECK(r.meetings["m1"].src.sensitive);
  CHECK(r.meetings["m2"].src.sensitive);
  CHECK(r.meetings["m3"].src.marking == "OFFICIAL");
  CHECK_FALSE(r.meetings["m3"].src.sensitive);
  CHECK(c.pages[0].sensitive);
  CHECK(c.pages[0].marking == "OFFICIAL-SENSITIVE");
}
