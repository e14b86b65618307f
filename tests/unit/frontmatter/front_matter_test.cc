#include <catch2/catch.hpp>

#include "frontmatter/diagnostics_for.h"
#include "frontmatter/front_matter.h"

using namespace qahub;
using namespace qahub::frontmatter;

using qahub::frontmatter::testing::diagnostics_for;

TEST_CASE("front matter: splits and keeps the body's line offset", "[frontmatter]") {
  Split s = split_front_matter("---\ntitle: A\n---\n# Body\n");
  CHECK(s.has_front_matter);
  CHECK(s.yaml == "title: A\n");
  CHECK(s.body == "# Body\n");
  CHECK(s.body_line_offset == 3);
  Split none = split_front_matter("# Just a body\n");
  CHECK_FALSE(none.has_front_matter);
  Split crlf = split_front_matter("---\r\ntitle: A\r\n---\r\nbody");
  CHECK(crlf.body == "body");
  CHECK(split_front_matter("---\ntitle: A\n").unclosed);
}

TEST_CASE("front matter: reads every key", "[frontmatter]") {
  diag::Diagnostics d;
  PageMeta m = parse_page_meta(split_front_matter(R"(---
title: Systemic practice
description: How we work systemically.
weight: 20
tags: [models, systemic]
draft: true
aliases: [/old/systemic/]
owner: Systemic practice lead
review_by: 2027-03-31
changes:
  - date: 2026-09-14
    summary: Added hypothesising.
  - date: 2025-11-02
    summary: First published.
---
)"),
                               "content/a.md", d);
  CHECK(d.format_all().empty());
  CHECK(m.title == "Systemic practice");
  CHECK(m.weight == 20);
  CHECK(m.tags == std::vector<std::string>{"models", "systemic"});
  CHECK(m.draft);
  CHECK(m.aliases == std::vector<std::string>{"/old/systemic/"});
  CHECK(m.owner == "Systemic practice lead");
  CHECK(m.review_by == base::Date{2027, 3, 31});
  REQUIRE(m.changes.size() == 2);
  CHECK(m.last_updated() == base::Date{2026, 9, 14});
}

TEST_CASE("front matter: diagnostics name the line and column in the file", "[frontmatter]") {
  CHECK(diagnostics_for("---\ntittle: A\n---\n") ==
        "content/a.md:1:1: error: missing \"title\" in front matter\n"
        "content/a.md:2:1: warning: unknown front matter key \"tittle\"; did you mean \"title\"?\n");
  CHECK(diagnostics_for("---\ntitle: A\nreview_by: 2026-02-30\n---\n") ==
        "content/a.md:3:12: error: \"review_by\" must be a date (YYYY-MM-DD), not \"2026-02-30\"\n");
  CHECK(diagnostics_for("---\ntitle: A\nweight: heavy\n---\n") ==
        "content/a.md:3:9: error: \"weight\" must be a whole number, not \"heavy\"\n");
  CHECK(diagnostics_for("---\ntitle: A\ntags: models\n---\n") == "content/a.md:3:7: error: \"tags\" must be a list\n");
  CHECK(diagnostics_for("---\ntitle: A\ndraft: maybe\n---\n") ==
        "content/a.md:3:8: error: \"draft\" must be true or false, not \"maybe\"\n");
  CHECK(diagnostics_for("---\ntitle: [oops\n---\n") ==
        "content/a.md:2:8: error: this list is never closed (expected \"]\")\n");
  CHECK(diagnostics_for("no front matter") ==
        "content/a.md:1:1: error: missing front matter (a page starts with a --- line, then title: ...)\n");
  CHECK(diagnostics_for("---\ntitle: A\n") ==
        "content/a.md:1:1: error: front matter is not closed (expected a --- line after it)\n");
  CHECK(diagnostics_for("---\ntitle: \"\"\n---\n") == "content/a.md:2:8: error: \"title\" must not be empty\n");
  CHECK(diagnostics_for("---\n- a\n---\n") ==
        "content/a.md:2:1: error: front matter must be a mapping of keys to values\n");
}

TEST_CASE("front matter: changes entries are checked", "[frontmatter]") {
  CHECK(diagnostics_for("---\ntitle: A\nchanges:\n  - date: 2025-01-01\n    summary: old\n  - date: 2026-01-01\n    "
                        "summary: new\n---\n") ==
        "content/a.md:6:5: warning: \"changes\" should be newest first: 2026-01-01 is after 2025-01-01\n");
  CHECK(diagnostics_for("---\ntitle: A\nchanges:\n  - date: 2025-01-01\n---\n") ==
        "content/a.md:4:5: error: a \"changes\" entry needs a summary\n");
  CHECK(diagnostics_for("---\ntitle: A\nchanges:\n  - summary: x\n---\n") ==
        "content/a.md:4:5: error: a \"changes\" entry needs a date\n");
  CHECK(diagnostics_for("---\ntitle: A\nchanges: yesterday\n---\n") ==
        "content/a.md:3:10: error: \"changes\" must be a list of {date, summary}\n");
  CHECK(diagnostics_for("---\ntitle: A\nchanges:\n  - just text\n---\n") ==
        "content/a.md:4:5: error: each entry of \"changes\" must have a date and a summary\n");
}

TEST_CASE("front matter: type errors in lists and nested entries", "[frontmatter]") {
  CHECK(diagnostics_for("---\ntitle: [a, b]\n---\n") == "content/a.md:2:8: error: \"title\" must be a string\n");
  CHECK(diagnostics_for("---\ntitle: A\ntags: [ok, [nested]]\n---\n") ==
        "content/a.md:3:12: error: \"tags\" must be a string\n");
  CHECK(diagnostics_for("---\ntitle: A\nchanges:\n  - date: 2026-01-01\n    summary: x\n    author: someone\n---\n") ==
        "content/a.md:6:5: warning: unknown changes entry key \"author\"\n");
}
