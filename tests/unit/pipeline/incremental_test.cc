#include <catch2/catch.hpp>

#include "pipeline/incremental.h"
#include "pipeline/test_site.h"

using qahub::testing::contains;
using qahub::testing::TestSite;
namespace pipeline = qahub::pipeline;
namespace diag = qahub::diag;

namespace {

std::string page(const std::string& front, const std::string& body) { return "---\n" + front + "---\n" + body; }

const std::string kFront = "title: Alpha\nweight: 1\n";
const std::string kBody = "Intro.\n\n## Plans\n\nPlans are reviewed.\n";

std::map<std::string, std::string> files() {
  return {{"content/_index.md", page("title: Home\n", "Welcome.\n")},
          {"content/guides/_index.md", page("title: Guides\n", "All guides.\n")},
          {"content/guides/a.md", page(kFront, kBody)},
          {"content/guides/b.md", page("title: Bravo\nweight: 2\n", "See [plans](a.md#plans).\n")}};
}

/// Every output file under `dir` of the site, search files aside (the fast
/// path leaves them to the caller).
std::map<std::string, std::string> tree(const TestSite& site, const std::string& dir) {
  std::map<std::string, std::string> out;
  qahub::diag::Diagnostics listing;
  for (const std::string& f : qahub::fs::list_files(site.root(), dir, listing))
    if (f.find("/search/") == std::string::npos) out[f.substr(dir.size() + 1)] = *qahub::fs::read_file(site.root() / f);
  return out;
}

struct Served {
  TestSite site{files()};
  pipeline::BuildState state;
  Served() {
    diag::Diagnostics diags;
    REQUIRE(pipeline::build_site(site.options, diags, nullptr, &state));
  }
  pipeline::UpdateResult edit(const std::string& path, const std::string& text, diag::Diagnostics& diags) {
    site.write(path, text);
    return pipeline::update_pages(state, {path}, diags);
  }
};

}  // namespace

TEST_CASE("pipeline: incremental: a body edit gives what a full build gives", "[pipeline]") {
  Served s;
  diag::Diagnostics diags;
  pipeline::UpdateResult r =
      s.edit("content/guides/a.md", page(kFront, kBody + "\nA new paragraph, with [a link](b.md).\n"), diags);
  REQUIRE(r.kind == pipeline::Update::kApplied);
  CHECK(diags.format_all().empty());
  CHECK(r.written == std::vector<std::string>{"guides/a/index.html", "print/guides/index.html"});
  CHECK(contains(s.site.output("guides/a/index.html"), "A new paragraph, with <a href=\"/guides/b/\">a link</a>."));

  // File for file, the same as building the edited site from scratch.
  s.site.options.out_dir = s.site.root() / "full";
  diag::Diagnostics full;
  REQUIRE(pipeline::build_site(s.site.options, full, nullptr));
  CHECK(tree(s.site, "public") == tree(s.site, "full"));

  // And again: the state follows the edits.
  REQUIRE(s.edit("content/guides/a.md", page(kFront, kBody + "\nSecond edit.\n"), diags).kind ==
          pipeline::Update::kApplied);
  CHECK(contains(s.site.output("print/guides/index.html"), "Second edit."));
}

TEST_CASE("pipeline: incremental: front matter, new and deleted pages are incremental; config is not", "[pipeline]") {
  // structure_update_test.cc checks their output against full builds.
  diag::Diagnostics diags;
  {
    Served s;  // front matter
    CHECK(s.edit("content/guides/a.md", page("title: Alpha renamed\nweight: 1\n", kBody), diags).kind ==
          pipeline::Update::kApplied);
  }
  {
    Served s;  // a new page
    CHECK(s.edit("content/guides/c.md", page("title: Charlie\n", "New.\n"), diags).kind == pipeline::Update::kApplied);
  }
  {
    Served s;  // a deleted page (nothing links to it)
    std::filesystem::remove(s.site.root() / "content/guides/b.md");
    CHECK(pipeline::update_pages(s.state, {"content/guides/b.md"}, diags).kind == pipeline::Update::kApplied);
  }
  {
    Served s;  // config is never incremental (records: structure_update_test.cc)
    CHECK(s.edit("qahub.yaml", "title: Hub\n", diags).kind == pipeline::Update::kNeedsFullBuild);
  }
  {
    Served s;  // a batch of a body edit and a front matter edit
    s.site.write("content/guides/a.md", page(kFront, kBody + "\nMore.\n"));
    s.site.write("content/guides/b.md", page("title: Bravo\nweight: 3\n", "Body.\n"));
    CHECK(pipeline::update_pages(s.state, {"content/guides/a.md", "content/guides/b.md"}, diags).kind ==
          pipeline::Update::kApplied);
  }
  {
    pipeline::BuildState empty;  // after a failed build there is nothing to update
    CHECK(pipeline::update_pages(empty, {"content/guides/a.md"}, diags).kind == pipeline::Update::kNeedsFullBuild);
  }
}

TEST_CASE("pipeline: incremental: an edit with errors changes nothing", "[pipeline]") {
  Served s;
  const std::string before = s.site.output("guides/a/index.html");
  const std::string pack = s.site.output("print/guides/index.html");
  diag::Diagnostics diags;
  pipeline::UpdateResult r = s.edit("content/guides/a.md", page(kFront, kBody + "\nSee [nothing](gone.md).\n"), diags);
  CHECK(r.kind == pipeline::Update::kFailed);
  CHECK(r.written.empty());
  CHECK(diags.format_all() ==
        "content/guides/a.md:11:5: error: broken link \"gone.md\": content/guides/gone.md does not exist; did you "
        "mean \"content/guides/_index.md\"?\n");
  CHECK(s.site.output("guides/a/index.html") == before);
  CHECK(s.site.output("print/guides/index.html") == pack);

  // The fix goes through the fast path again.
  diag::Diagnostics fixed;
  CHECK(s.edit("content/guides/a.md", page(kFront, kBody + "\nFixed.\n"), fixed).kind == pipeline::Update::kApplied);
  CHECK(fixed.format_all().empty());
}

TEST_CASE("pipeline: incremental: an output file that cannot be replaced is an error, and the next edit rebuilds",
          "[pipeline]") {
  Served s;
  const std::filesystem::path html = s.site.root() / "public/guides/a/index.html";
  std::filesystem::remove(html);
  std::filesystem::create_directories(html / "in-the-way");
  diag::Diagnostics diags;
  CHECK(s.edit("content/guides/a.md", page(kFront, kBody + "\nMore.\n"), diags).kind == pipeline::Update::kFailed);
  CHECK(diags.format_all() == html.string() + ": error: cannot write file\n");
  CHECK_FALSE(s.state.site);  // the kept state no longer matches the output
  diag::Diagnostics next;
  CHECK(s.edit("content/guides/a.md", page(kFront, kBody + "\nAgain.\n"), next).kind ==
        pipeline::Update::kNeedsFullBuild);
}

TEST_CASE("pipeline: incremental: a heading edit re-checks the pages that link into its anchors", "[pipeline]") {
  Served s;
  // b.md links to a.md#plans: renaming that heading breaks it, and nothing changes.
  const std::string before = s.site.output("guides/a/index.html");
  diag::Diagnostics broken;
  CHECK(s.edit("content/guides/a.md", page(kFront, "Intro.\n\n## Plan reviews\n\nText.\n"), broken).kind ==
        pipeline::Update::kFailed);
  CHECK(broken.format_all() ==
        "content/guides/b.md:5:5: error: broken link \"a.md#plans\": no heading \"plans\" on /guides/a/\n");
  CHECK(s.site.output("guides/a/index.html") == before);

  // A new heading beside the one b.md uses: fast, and the same as a full build.
  diag::Diagnostics diags;
  pipeline::UpdateResult r =
      s.edit("content/guides/a.md", page(kFront, kBody + "\n## Timescales\n\nWithin ten days.\n"), diags);
  REQUIRE(r.kind == pipeline::Update::kApplied);
  CHECK(diags.format_all().empty());
  CHECK(contains(s.site.output("guides/a/index.html"), "<a href=\"#timescales\">Timescales</a>"));
  s.site.options.out_dir = s.site.root() / "full";
  diag::Diagnostics full;
  REQUIRE(pipeline::build_site(s.site.options, full, nullptr));
  CHECK(tree(s.site, "public") == tree(s.site, "full"));

  // The kept anchors follow: b.md may now link to the new heading.
  diag::Diagnostics relinked;
  CHECK(
      s.edit("content/guides/b.md", page("title: Bravo\nweight: 2\n", "See [timescales](a.md#timescales).\n"), relinked)
          .kind == pipeline::Update::kApplied);
  CHECK(relinked.format_all().empty());
  // And b.md no longer uses #plans, so that heading may go.
  diag::Diagnostics renamed;
  CHECK(s.edit("content/guides/a.md", page(kFront, "Intro.\n\n## Timescales\n\nWithin ten days.\n"), renamed).kind ==
        pipeline::Update::kApplied);
  CHECK(renamed.format_all().empty());
}

TEST_CASE("pipeline: incremental: a glossary's table rows are A to Z entries, so a row edit rebuilds", "[pipeline]") {
  diag::Diagnostics diags;
  const std::string front = "title: Words\ntags: [glossary]\n";
  const std::string table = "| term | meaning |\n| --- | --- |\n| CIN | child in need |\n";
  Served s;
  s.site.write("content/guides/words.md", page(front, table));
  REQUIRE(pipeline::build_site(s.site.options, diags, nullptr, &s.state));
  // Prose around the table: the fast path, and the row keeps its id.
  REQUIRE(s.edit("content/guides/words.md", page(front, "Intro.\n\n" + table), diags).kind ==
          pipeline::Update::kApplied);
  CHECK(contains(s.site.output("guides/words/index.html"), "<tr id=\"term-cin\">"));
  // A new term: the A to Z changes too.
  CHECK(
      s.edit("content/guides/words.md", page(front, table + "| IRO | independent reviewing officer |\n"), diags).kind ==
      pipeline::Update::kNeedsFullBuild);
}
