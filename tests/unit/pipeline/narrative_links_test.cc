#include <catch2/catch.hpp>

#include "pipeline/incremental.h"
#include "pipeline/test_site.h"

using qahub::testing::contains;
using qahub::testing::copy_default_site;
using qahub::testing::TestSite;

namespace {

const char* kMinutes = "data/meetings/2025-11-practice-board.md";

}  // namespace

TEST_CASE("pipeline: links in record narratives are checked and rewritten like content links", "[pipeline]") {
  TestSite site({});
  copy_default_site(site);
  std::string minutes = *qahub::fs::read_file(site.root() / kMinutes);
  // Line 15: a content source, a content URL, a record page and the action register's CSV.
  minutes +=
      "\nSee [the audit cycle](../../content/practice/audit-cycle.md#moderation), "
      "[supervision](/practice/supervision/), [action a-001](/actions/a-001/) and [the CSV](/actions/actions.csv).\n";
  site.write(kMinutes, minutes);
  REQUIRE(site.build());
  const std::string page = site.output("meetings/2025-11-practice-board/index.html");
  CHECK(contains(page, "<a href=\"/practice/audit-cycle/#moderation\">the audit cycle</a>"));
  CHECK(contains(page, "<a href=\"/practice/supervision/\">supervision</a>"));
  CHECK(contains(page, "<a href=\"/actions/a-001/\">action a-001</a>"));
  CHECK(contains(page, "<a href=\"/actions/actions.csv\">the CSV</a>"));
}

TEST_CASE("pipeline: broken links in record narratives are errors at the narrative's line", "[pipeline]") {
  TestSite site({});
  copy_default_site(site);
  std::string minutes = *qahub::fs::read_file(site.root() / kMinutes);
  minutes +=
      "\n[gone](../../content/practice/gone.md) and [no action](/actions/a-999/) and "
      "[no heading](../../content/practice/audit-cycle.md#nowhere).\n";
  site.write(kMinutes, minutes);
  CHECK_FALSE(site.build());
  const std::string d = site.diagnostics();
  CHECK(
      contains(d,
               "\ndata/meetings/2025-11-practice-board.md:15:1: error: broken link \"../../content/practice/gone.md\": "
               "content/practice/gone.md does not exist; did you mean \"content/practice/_index.md\"?\n"));
  CHECK(contains(d,
                 "\ndata/meetings/2025-11-practice-board.md:15:44: error: broken link \"/actions/a-999/\": no page or "
                 "file at /actions/a-999/; did you mean \"/actions/a-009/\"?\n"));
  CHECK(contains(
      d,
      "\ndata/meetings/2025-11-practice-board.md:15:77: error: broken link "
      "\"../../content/practice/audit-cycle.md#nowhere\": no heading \"nowhere\" on /practice/audit-cycle/\n"));
  CHECK_FALSE(site.exists("index.html"));
}

TEST_CASE("pipeline: incremental: a heading edit on a page a narrative links into re-checks the narrative",
          "[pipeline]") {
  TestSite site({});
  copy_default_site(site);
  std::string minutes = *qahub::fs::read_file(site.root() / kMinutes);
  site.write(kMinutes, minutes + "\nSee [moderation](../../content/practice/audit-cycle.md#moderation).\n");
  qahub::pipeline::BuildState state;
  qahub::diag::Diagnostics diags;
  REQUIRE(qahub::pipeline::build_site(site.options, diags, nullptr, &state));
  const char* kPage = "content/practice/audit-cycle.md";
  const std::string page = *qahub::fs::read_file(site.root() / kPage);
  // A new heading: the narrative's anchor is still there.
  site.write(kPage, page + "\n## A new heading\n\nText.\n");
  qahub::diag::Diagnostics d1;
  CHECK(qahub::pipeline::update_pages(state, {kPage}, d1).kind == qahub::pipeline::Update::kApplied);
  CHECK(d1.format_all().empty());
  // The heading the narrative links to renamed: its link is reported, at the narrative.
  std::string renamed = page;
  const size_t at = renamed.find("## Moderation");
  REQUIRE(at != std::string::npos);
  renamed.replace(at, 13, "## Checking grades");
  site.write(kPage, renamed);
  qahub::diag::Diagnostics d2;
  CHECK(qahub::pipeline::update_pages(state, {kPage}, d2).kind == qahub::pipeline::Update::kFailed);
  CHECK(contains(d2.format_all(),
                 "data/meetings/2025-11-practice-board.md:15:5: error: broken link "
                 "\"../../content/practice/audit-cycle.md#moderation\": no heading \"moderation\" on "
                 "/practice/audit-cycle/"));
}

TEST_CASE("pipeline: a narrative's own #anchor links point at its prefixed heading ids", "[pipeline]") {
  TestSite site({});
  copy_default_site(site);
  std::string minutes = *qahub::fs::read_file(site.root() / kMinutes);
  site.write(kMinutes, minutes + "\nBack to [the action tracker](#action-tracker-review).\n");
  REQUIRE(site.build());
  const std::string page = site.output("meetings/2025-11-practice-board/index.html");
  CHECK(contains(page, "<h3 id=\"minutes-action-tracker-review\">Action tracker review</h3>"));
  CHECK(contains(page, "<a href=\"/meetings/2025-11-practice-board/#minutes-action-tracker-review\">"));

  site.write(kMinutes, minutes + "\n[Nowhere](#nowhere).\n");
  CHECK_FALSE(site.build());
  CHECK(contains(site.diagnostics(),
                 "\ndata/meetings/2025-11-practice-board.md:15:1: error: broken link \"#nowhere\": no heading "
                 "\"minutes-nowhere\" on /meetings/2025-11-practice-board/\n"));
}

TEST_CASE("pipeline: anchors into record pages are checked against every id the page carries", "[pipeline]") {
  TestSite site({});
  copy_default_site(site);
  const char* kPage = "content/practice/supervision.md";
  const std::string text = *qahub::fs::read_file(site.root() / kPage);
  // A key learning point, a narrative's prefixed heading, a decision, and two that are not there.
  site.write(kPage, text +
                        "\n[kl1](/cycles/2025-26-cycle-1/#kl1) [minutes](/meetings/2025-11-practice-board/"
                        "#minutes-action-tracker-review) [d1](/meetings/2025-11-practice-board/#d1)\n");
  REQUIRE(site.build());
  site.write(kPage, text +
                        "\n[gone](/cycles/2025-26-cycle-1/#kl9) [raw](/meetings/2025-11-practice-board/"
                        "#action-tracker-review)\n");
  CHECK_FALSE(site.build());
  const std::string d = site.diagnostics();
  CHECK(contains(d,
                 "error: broken link \"/cycles/2025-26-cycle-1/#kl9\": no heading \"kl9\" on "
                 "/cycles/2025-26-cycle-1/; did you mean \"kl1\"?\n"));
  CHECK(contains(d,
                 "error: broken link \"/meetings/2025-11-practice-board/#action-tracker-review\": no heading "
                 "\"action-tracker-review\" on /meetings/2025-11-practice-board/\n"));
}
