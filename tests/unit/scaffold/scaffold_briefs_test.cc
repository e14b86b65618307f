#include <catch2/catch.hpp>

#include "scaffold/scaffold.h"
#include "temp_dir.h"

using namespace qahub;

namespace {

base::Date date(const char* iso) { return *base::Date::parse(iso); }

const char* kCycle = R"({"id": "2026-27-cycle-1", "key_learning": [{"id": "kl1", "text": "x"}]})";
const char* kBrief = "---\ntitle: A\ntype: brief\nbrief:\n  based_on_case: false\n---\n\n## Background\n";

}  // namespace

TEST_CASE("scaffold: a new brief is a draft with every section, made from the newest cycle", "[scaffold][briefs]") {
  testing::TempDir site("new-brief");
  site.write("data/cycles/2025-26-cycle-3.json", R"({"id": "2025-26-cycle-3", "key_learning": [{"id": "old"}]})");
  site.write("data/cycles/2026-27-cycle-1.json", kCycle);
  diag::Diagnostics d;
  auto plan = scaffold::plan_brief(site.path(), "team-meetings", "", "", date("2026-11-23"), d);
  REQUIRE(plan);
  CHECK(d.format_all().empty());
  REQUIRE(plan->files.size() == 2);  // the new briefs section's index, then the brief
  CHECK(plan->files[0].path == "content/briefs/_index.md");
  CHECK(plan->files[1].path == "content/briefs/team-meetings.md");
  const std::string& text = plan->files[1].text;
  CHECK(text.find("title: \"Team meetings\"\n") != std::string::npos);
  CHECK(text.find("  source: {type: cycle, id: \"2026-27-cycle-1\", item: \"kl1\"}\n") != std::string::npos);
  CHECK(text.find("\npublished:") == std::string::npos);
  CHECK(text.find("## Questions for your team") == std::string::npos);  // made from `questions`
  size_t at = 0;
  for (const char* s : {"## Background", "## Why it matters", "## What we found", "## What good looks like",
                        "## What to do", "## Further reading"}) {
    const size_t next = text.find(s, at);
    CHECK(next != std::string::npos);
    at = next;
  }
}

TEST_CASE("scaffold: a new brief takes the site's own default format and a named source", "[scaffold][briefs]") {
  testing::TempDir site("new-brief-format");
  site.write("qahub.yaml",
             "title: T\nbriefs:\n  formats:\n    seven-minute:\n      sections: [Story, Questions, Next]\n"
             "      questions: Questions\n");
  site.write("content/practice/_index.md", "---\ntitle: Practice\n---\n");
  diag::Diagnostics d;
  auto plan =
      scaffold::plan_brief(site.path(), "practice/notes", "Notes", "audit/oversight-2026/r1", date("2026-11-23"), d);
  REQUIRE(plan);
  REQUIRE(plan->files.size() == 1);
  CHECK(plan->files[0].path == "content/practice/notes.md");
  CHECK(plan->files[0].text.find("source: {type: audit, id: \"oversight-2026\", item: \"r1\"}") != std::string::npos);
  CHECK(plan->files[0].text.find("## Story\n") != std::string::npos);
  CHECK(plan->files[0].text.find("## Next\n") != std::string::npos);
  CHECK(plan->files[0].text.find("## Background") == std::string::npos);
}

TEST_CASE("scaffold: a new brief needs something to be made from", "[scaffold][briefs]") {
  testing::TempDir site("new-brief-source");
  diag::Diagnostics d;
  CHECK_FALSE(scaffold::plan_brief(site.path(), "x", "", "", date("2026-11-23"), d));
  CHECK(d.format_all() ==
        "qahub: error: a brief is made from a cycle's key learning point, an audit's finding or a meeting's "
        "decision, and this site has no cycle with key learning; name one with --source TYPE/ID/ITEM\n");
  diag::Diagnostics d2;
  CHECK_FALSE(scaffold::plan_brief(site.path(), "x", "", "forum/a/b", date("2026-11-23"), d2));
  CHECK(d2.format_all() ==
        "qahub: error: --source \"forum/a/b\" must be TYPE/ID/ITEM with TYPE cycle, audit, meeting, recommendations or "
        "plan, such as "
        "cycle/2026-27-cycle-1/kl1\n");
  diag::Diagnostics d3;
  CHECK_FALSE(scaffold::plan_brief(site.path(), "Bad Name", "", "cycle/a/b", date("2026-11-23"), d3));
  CHECK(d3.has_errors());
}

TEST_CASE("scaffold: a brief use is numbered within its day and names a brief", "[scaffold][briefs]") {
  testing::TempDir site("new-brief-use");
  site.write("content/briefs/oversight.md", kBrief);
  site.write("content/guide.md", "---\ntitle: Guide\n---\n");
  site.write("data/brief-uses/2026-11-23-oversight-1.json", "{}");
  diag::Diagnostics d;
  for (const char* name : {"oversight", "briefs/oversight", "content/briefs/oversight.md"}) {
    auto plan = scaffold::plan_brief_use(site.path(), name, "  Team north ", date("2026-11-23"), d);
    REQUIRE(plan);
    REQUIRE(plan->files.size() == 1);
    CHECK(plan->files[0].path == "data/brief-uses/2026-11-23-oversight-2.json");
    CHECK(plan->files[0].text ==
          "{\n  \"$schema\": \"../schemas/brief-use.schema.json\",\n  \"id\": \"2026-11-23-oversight-2\",\n"
          "  \"brief\": \"content/briefs/oversight.md\",\n  \"team\": \"Team north\",\n  \"date\": \"2026-11-23\",\n"
          "  \"agreed_change\": \"TODO: what the team agreed to do differently\"\n}\n");
  }
  CHECK(d.format_all().empty());
  diag::Diagnostics e1, e2, e3;
  CHECK_FALSE(scaffold::plan_brief_use(site.path(), "nothing", "T", date("2026-11-23"), e1));
  CHECK(e1.format_all() ==
        "qahub: error: no brief \"nothing\"; name its content path, such as "
        "content/briefs/nothing.md\n");
  CHECK_FALSE(scaffold::plan_brief_use(site.path(), "guide", "T", date("2026-11-23"), e2));
  CHECK(e2.format_all() == "qahub: error: content/guide.md is not a brief (its front matter has no \"type: brief\")\n");
  CHECK_FALSE(scaffold::plan_brief_use(site.path(), "oversight", " ", date("2026-11-23"), e3));
  CHECK(e3.format_all() ==
        "qahub: error: name the team that used the brief (a team or role, never a person), "
        "such as \"Child protection team, north\"\n");
}
