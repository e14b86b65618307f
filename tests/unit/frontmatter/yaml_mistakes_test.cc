#include <catch2/catch.hpp>

#include "frontmatter/diagnostics_for.h"
#include "frontmatter/front_matter.h"
#include "frontmatter/yaml_mistakes.h"

using namespace qahub;
using namespace qahub::frontmatter;

using qahub::frontmatter::testing::diagnostics_for;

TEST_CASE("front matter: an unclosed quote is reported at the opening quote", "[frontmatter]") {
  CHECK(diagnostics_for("---\ntitle: \"unclosed\nweight: 1\n---\n") ==
        "content/a.md:2:8: error: this quoted value is never closed\n");
  CHECK(diagnostics_for("---\ntitle: A\ntags: [a, 'b]\n---\n") ==
        "content/a.md:3:11: error: this quoted value is never closed\n");
}

TEST_CASE("front matter: an unclosed list or mapping is reported where it opens", "[frontmatter]") {
  CHECK(diagnostics_for("---\ntitle: A\ntags: [a, b\nweight: 1\n---\n") ==
        "content/a.md:3:7: error: this list is never closed (expected \"]\")\n");
  CHECK(diagnostics_for("---\ntitle: A\nchanges:\n  - {date: 2026-01-01, summary: x\n---\n") ==
        "content/a.md:4:5: error: this mapping is never closed (expected \"}\")\n");
  CHECK(diagnostics_for("---\ntitle: A\ntags: [a, [b, c]\n---\n") ==
        "content/a.md:3:7: error: this list is never closed (expected \"]\")\n");
}

TEST_CASE("front matter: a tab in the indentation is reported at the tab", "[frontmatter]") {
  CHECK(diagnostics_for("---\ntitle: A\nchanges:\n\t- date: 2026-01-01\n---\n") ==
        "content/a.md:4:1: error: a tab in the indentation; YAML indents with spaces only\n");
  CHECK(diagnostics_for("---\ntitle: A\nchanges:\n  \t- date: 2026-01-01\n---\n") ==
        "content/a.md:4:3: error: a tab in the indentation; YAML indents with spaces only\n");
}

TEST_CASE("front matter: key:value without a space is reported at the colon", "[frontmatter]") {
  CHECK(diagnostics_for("---\ntitle:Values\n---\n") ==
        "content/a.md:2:6: error: no space after the colon in \"title:Values\"; write \"title: Values\"\n");
  CHECK(diagnostics_for("---\ntitle: A\nweight:1\n---\n") ==
        "content/a.md:3:7: error: no space after the colon in \"weight:1\"; write \"weight: 1\"\n");
}

TEST_CASE("front matter: a colon inside an unquoted value says to quote it", "[frontmatter]") {
  CHECK(diagnostics_for("---\ntitle: Supervision: what good looks like\n---\n") ==
        "content/a.md:2:8: error: this value has \": \" in it, which YAML reads as another key; put the value in "
        "quotes: title: \"Supervision: what good looks like\"\n");
  CHECK(diagnostics_for("---\ntitle: A\nchanges:\n  - date: 2026-01-01\n    summary: Added: a \"new\" note # why\n"
                        "---\n") ==
        "content/a.md:5:14: error: this value has \": \" in it, which YAML reads as another key; put the value in "
        "quotes: summary: \"Added: a \\\"new\\\" note\"\n");
}

TEST_CASE("front matter: a value ending in a colon says to quote it", "[frontmatter]") {
  CHECK(diagnostics_for("---\ntitle: A\ndescription: Three things to remember:\n---\n") ==
        "content/a.md:3:14: error: this value ends in \":\", which YAML reads as another key; put the value in "
        "quotes: description: \"Three things to remember:\"\n");
}

TEST_CASE("front matter: a duplicate key is an error at the second one", "[frontmatter]") {
  CHECK(diagnostics_for("---\ntitle: A\nweight: 1\ntitle: B\n---\n") ==
        "content/a.md:4:1: error: duplicate key \"title\"; it is already set on line 2\n");
  CHECK(diagnostics_for("---\ntitle: A\nchanges:\n  - date: 2026-01-01\n    summary: x\n    date: 2026-02-01\n---\n") ==
        "content/a.md:6:5: error: duplicate key \"date\"; it is already set on line 4\n");
}

TEST_CASE("front matter: valid YAML has no mistakes", "[frontmatter]") {
  const char* valid =
      "title: \"It's: fine\"\r\n"
      "description: 'it''s \"quoted\"'\n"
      "tags: [a, \"b, c\", 'd]']\n"
      "url: http://example.org/a#b\n"
      "time: 10:30\n"
      "map: {a: 1, b: [2, 3]}\n"
      "multi: \"one\n  two\"\n"
      "# a comment: with a colon\n"
      "changes:\n"
      "  - date: 2026-01-01 # note: this\n"
      "    summary: |\n"
      "      Added: a note\n"
      "\t\n"
      "      key:value in a block\n"
      "  - - nested\n"
      "    - http://example.org\n";
  CHECK(find_yaml_mistakes(valid).empty());
}
