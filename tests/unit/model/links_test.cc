#include <catch2/catch.hpp>

#include "model/links.h"

using namespace qahub;

namespace {

struct Fixture {
  content::ContentSet set;
  model::LinkTargets targets;
  diag::Diagnostics diags;

  void add(const std::string& source, const std::string& text) {
    set.pages.push_back(content::parse_page(source, text, {}, diags));
    const content::Page& p = set.pages.back();
    for (const auto& h : p.doc.headings()) targets.pages[p.url].insert(h.id);
    targets.pages[p.url];
    targets.anchors_known.insert(p.url);
    targets.source_to_url[source] = p.url;
  }
};

}  // namespace

TEST_CASE("links: source links become site URLs; broken ones are errors at the link", "[model]") {
  Fixture f;
  f.add("content/models/systemic.md", "---\ntitle: S\n---\n## Hypothesising\n");
  f.add(
      "content/practice/supervision.md",
      "---\ntitle: Sup\n---\nSee [h](../models/systemic.md#hypothesising), [own](#top), "
      "[ext](https://example.org/).\n\n"
      "Bad: [a](../models/systemc.md) [b](../models/systemic.md#hypothesis) [c](/nowhere/) [d]() [e](../../../x.md)\n\n"
      "## Top\n\n[reg](/actions/) ![img](diagram.png)\n");
  f.targets.pages["/actions/"];
  f.targets.files.insert("/practice/diagram.png");
  model::resolve_links(f.set, f.targets, f.diags);
  CHECK(f.diags.format_all() ==
        "content/practice/supervision.md:6:6: error: broken link \"../models/systemc.md\": content/models/systemc.md "
        "does not exist; did you mean \"content/models/systemic.md\"?\n"
        "content/practice/supervision.md:6:32: error: broken link \"../models/systemic.md#hypothesis\": no heading "
        "\"hypothesis\" on /models/systemic/; did you mean \"hypothesising\"?\n"
        "content/practice/supervision.md:6:70: error: broken link \"/nowhere/\": no page or file at /nowhere/\n"
        "content/practice/supervision.md:6:85: error: empty link target\n"
        "content/practice/supervision.md:6:91: error: broken link \"../../../x.md\": ../../../x.md does not exist\n");
  const auto& links = f.set.pages[1].doc.links();
  CHECK(links[0].url == "/models/systemic/#hypothesising");
  CHECK(links[1].url == "/practice/supervision/#top");
  CHECK(links[2].url == "https://example.org/");
  CHECK(links[8].url == "/actions/");
  CHECK(links[9].url == "/practice/diagram.png");
}

TEST_CASE("links: external schemes are left alone", "[model]") {
  CHECK(model::is_external("https://example.org"));
  CHECK(model::is_external("mailto:x"));
  CHECK(model::is_external("//cdn.example/x.js"));
  CHECK_FALSE(model::is_external("../a.md"));
  CHECK_FALSE(model::is_external("/a/"));
  CHECK(model::is_external("a:b/c.md"));  // any scheme, as browsers read it
}
