#include <catch2/catch.hpp>

#include "pipeline/incremental.h"
#include "pipeline/test_site.h"
#include "serve/background_search.h"

using qahub::testing::page;
using qahub::testing::TestSite;
namespace pipeline = qahub::pipeline;
namespace diag = qahub::diag;
namespace stdfs = std::filesystem;

namespace {

/// Two sections with tags, weights and previous/next, and the plan fixture's
/// records (a plan, its actions, a forum whose guidance is guides/a.md).
std::map<std::string, std::string> files() {
  return {
      {"content/_index.md", page("title: Plan hub\n", "Welcome.\n")},
      {"content/guides/_index.md", page("title: Guides\nweight: 1\n", "All guides.\n")},
      {"content/guides/a.md", page("title: Alpha\nweight: 1\ntags: [planning]\n", "## Plans\n\nPlans.\n")},
      {"content/guides/b.md",
       page("title: Bravo\nweight: 2\ntags: [planning, quality]\nowner: Head of QA\n", "See [plans](a.md#plans).\n")},
      {"content/guides/c.md", page("title: Charlie\nweight: 3\ntags: [quality]\nchanges:\n  - date: 2026-02-01\n    "
                                   "summary: First issue.\n",
                                   "Charlie's text.\n")},
      {"content/guides/deep/_index.md", page("title: Deep\n", "Deeper guides.\n")},
      {"content/guides/deep/g.md", page("title: Golf\ntags: [planning]\n", "Golf.\n")},
      {"content/practice/_index.md", page("title: Practice\nweight: 2\n", "Practice.\n")},
      {"content/practice/d.md", page("title: Delta\ntags: [planning]\n", "Delta.\n")},
      {"content/practice/e.md", page("title: Echo\n", "Echo.\n")},
  };
}

const stdfs::path kFixture = stdfs::path(QAHUB_SOURCE_DIR) / "tests/sites/plan";

/// Every file under `dir` (search files and the list of files included).
std::map<std::string, std::string> tree(const stdfs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : stdfs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[stdfs::relative(e.path(), dir).generic_string()] = *qahub::fs::read_file(e.path());
  return out;
}

/// The names of the files that differ between two trees, for a failure's message.
std::string differences(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b) {
  std::string out;
  for (const auto& [path, bytes] : a)
    if (!b.count(path) || b.at(path) != bytes) out += path + (b.count(path) ? " differs\n" : " only served\n");
  for (const auto& [path, _] : b)
    if (!a.count(path)) out += path + " only in the full build\n";
  return out;
}

struct Served {
  TestSite site{files()};
  pipeline::BuildState state;
  Served() {
    stdfs::copy(kFixture / "data", site.root() / "data", stdfs::copy_options::recursive);
    stdfs::copy_file(kFixture / "qahub.yaml", site.root() / "qahub.yaml");
    std::string forum = *qahub::fs::read_file(site.root() / "data/forums/improvement-board.json");
    forum.insert(forum.rfind('}'), ",\n  \"guidance\": \"content/guides/a.md\"\n");
    site.write("data/forums/improvement-board.json", forum);
    diag::Diagnostics diags;
    REQUIRE(pipeline::build_site(site.options, diags, nullptr, &state));
  }
  pipeline::UpdateResult edit(const std::string& path, const std::string& text, diag::Diagnostics& diags) {
    site.write(path, text);
    return pipeline::update_pages(state, {path}, diags);
  }
  pipeline::UpdateResult remove(const std::string& path, diag::Diagnostics& diags) {
    stdfs::remove(site.root() / path);
    return pipeline::update_pages(state, {path}, diags);
  }
  /// The served output, search brought up to date as serve's background
  /// thread does it, against a fresh full build of the sources as they are.
  std::string differences_from_full_build() {
    REQUIRE(qahub::serve::write_search_files(state.options, pipeline::search_pages(*state.site)));
    qahub::config::BuildOptions full = site.options;
    full.out_dir = site.root() / "full";
    stdfs::remove_all(full.out_dir);
    diag::Diagnostics diags;
    REQUIRE(pipeline::build_site(full, diags, nullptr));
    return differences(tree(site.root() / "public"), tree(full.out_dir));
  }
};

std::string read(const Served& s, const std::string& path) { return *qahub::fs::read_file(s.site.root() / path); }

}  // namespace

TEST_CASE("pipeline: incremental: each kind of front matter edit, a new and a deleted page give a full build's output",
          "[pipeline]") {
  Served s;
  diag::Diagnostics diags;
  const std::string b = read(s, "content/guides/b.md");
  SECTION("title") {
    auto r = s.edit("content/guides/b.md",
                    page("title: Bravo renamed\nweight: 2\ntags: [planning, quality]\n"
                         "owner: Head of QA\n",
                         "See [plans](a.md#plans).\n"),
                    diags);
    REQUIRE(r.kind == pipeline::Update::kApplied);
    // The page, its neighbours, its section, its tags' pages and the lists; not the other section.
    CHECK(std::count(r.written.begin(), r.written.end(), "practice/d/index.html") == 0);
    CHECK(std::count(r.written.begin(), r.written.end(), "guides/a/index.html") == 1);
  }
  SECTION("tags") {
    auto r =
        s.edit("content/guides/c.md", page("title: Charlie\nweight: 3\ntags: [review, planning]\n", "Text.\n"), diags);
    REQUIRE(r.kind == pipeline::Update::kApplied);
    CHECK(s.site.exists("tags/quality/index.html"));  // b.md still carries quality
    CHECK(s.site.exists("tags/review/index.html"));
  }
  SECTION("a tag no page carries any more") {
    REQUIRE(s.edit("content/guides/c.md", page("title: Charlie\nweight: 3\n", "Text.\n"), diags).kind ==
            pipeline::Update::kApplied);
    REQUIRE(s.edit("content/guides/b.md", page("title: Bravo\nweight: 2\ntags: [planning]\n", "Text.\n"), diags).kind ==
            pipeline::Update::kApplied);
    CHECK_FALSE(s.site.exists("tags/quality/index.html"));
    CHECK(s.differences_from_full_build() == "");
  }
  SECTION("weight") {
    REQUIRE(s.edit("content/guides/a.md", page("title: Alpha\nweight: 9\ntags: [planning]\n", "## Plans\n\nPlans.\n"),
                   diags)
                .kind == pipeline::Update::kApplied);
  }
  SECTION("a nested section's title: the breadcrumbs of the pages under it") {
    auto r = s.edit("content/guides/deep/_index.md", page("title: Deeper\n", "Deeper guides.\n"), diags);
    REQUIRE(r.kind == pipeline::Update::kApplied);
    CHECK(std::count(r.written.begin(), r.written.end(), "guides/deep/g/index.html") == 1);
  }
  SECTION("description, owner and changes") {
    REQUIRE(s.edit("content/practice/e.md",
                   page("title: Echo\ndescription: About echo.\nowner: Team E\nchanges:\n  - date: 2026-03-01\n    "
                        "summary: Rewritten.\n",
                        "Echo.\n"),
                   diags)
                .kind == pipeline::Update::kApplied);
  }
  SECTION("draft on, then off") {
    REQUIRE(s.edit("content/guides/c.md", page("title: Charlie\nweight: 3\ntags: [quality]\ndraft: true\n", "Text.\n"),
                   diags)
                .kind == pipeline::Update::kApplied);
    CHECK_FALSE(s.site.exists("guides/c/index.html"));
    CHECK(s.differences_from_full_build() == "");
    REQUIRE(
        s.edit("content/guides/c.md", page("title: Charlie\nweight: 3\ntags: [quality]\n", "Text.\n"), diags).kind ==
        pipeline::Update::kApplied);
    CHECK(s.site.exists("guides/c/index.html"));
  }
  SECTION("a new page") {
    REQUIRE(s.edit("content/guides/f.md", page("title: Foxtrot\nweight: 2\ntags: [new-tag]\n", "See [alpha](a.md).\n"),
                   diags)
                .kind == pipeline::Update::kApplied);
    CHECK(s.site.exists("guides/f/index.html"));
    CHECK(s.site.exists("tags/new-tag/index.html"));
  }
  SECTION("a new page in a folder without a section") {
    REQUIRE(s.edit("content/guides/more/h.md", page("title: Hotel\n", "Hotel.\n"), diags).kind ==
            pipeline::Update::kApplied);
  }
  SECTION("a deleted page") {
    REQUIRE(s.remove("content/guides/c.md", diags).kind == pipeline::Update::kApplied);
    CHECK_FALSE(s.site.exists("guides/c/index.html"));
  }
  SECTION("a deleted draft, and a new draft: nothing to do") {
    REQUIRE(s.edit("content/guides/i.md", page("title: India\ndraft: true\n", "India.\n"), diags).kind ==
            pipeline::Update::kApplied);
    REQUIRE(s.remove("content/guides/i.md", diags).kind == pipeline::Update::kApplied);
  }
  SECTION("a body and a front matter edit in one batch") {
    s.site.write("content/guides/a.md", page("title: Alpha\nweight: 1\ntags: [planning]\n", "## Plans\n\nMore.\n"));
    s.site.write("content/guides/b.md", page("title: Bravo\nweight: 0\n", "See [plans](a.md#plans).\n"));
    REQUIRE(pipeline::update_pages(s.state, {"content/guides/a.md", "content/guides/b.md"}, diags).kind ==
            pipeline::Update::kApplied);
  }
  CHECK(diags.format_all() == "");
  CHECK(s.differences_from_full_build() == "");
  // The kept state follows: a second edit is still a full build's.
  s.site.write("content/guides/b.md", b);
  diag::Diagnostics again;
  REQUIRE(pipeline::update_pages(s.state, {"content/guides/b.md"}, again).kind == pipeline::Update::kApplied);
  CHECK(s.differences_from_full_build() == "");
}

TEST_CASE("pipeline: incremental: what a front matter edit cannot show safe needs a full build", "[pipeline]") {
  Served s;
  diag::Diagnostics diags;
  SECTION("a page a record names (the forum's guidance)") {
    CHECK(s.remove("content/guides/a.md", diags).kind == pipeline::Update::kNeedsFullBuild);
  }
  SECTION("a page another page links to") {
    s.site.write("content/practice/e.md", page("title: Echo\n", "See [charlie](../guides/c.md).\n"));
    REQUIRE(pipeline::build_site(s.site.options, diags, nullptr, &s.state));
    CHECK(s.remove("content/guides/c.md", diags).kind == pipeline::Update::kNeedsFullBuild);
  }
  SECTION("a new section") {
    CHECK(s.edit("content/more/_index.md", page("title: More\n"), diags).kind == pipeline::Update::kNeedsFullBuild);
  }
  SECTION("an alias") {
    CHECK(s.edit("content/guides/c.md", page("title: Charlie\naliases: [/old-c/]\n"), diags).kind ==
          pipeline::Update::kNeedsFullBuild);
  }
  SECTION("a second spelling of a tag") {
    CHECK(s.edit("content/guides/c.md", page("title: Charlie\ntags: [Audit]\n"), diags).kind ==
          pipeline::Update::kNeedsFullBuild);
  }
  SECTION("an error") {
    CHECK(s.edit("content/guides/c.md", page("title: Charlie\n", "[gone](gone.md)\n"), diags).kind ==
          pipeline::Update::kNeedsFullBuild);
    CHECK(s.state.site);  // nothing was changed: the state stays
  }
  SECTION("the top navigation: every page shows it") {
    CHECK(
        s.edit("content/practice/_index.md", page("title: Practice renamed\nweight: 2\n", "Practice.\n"), diags).kind ==
        pipeline::Update::kNeedsFullBuild);
    CHECK_FALSE(s.state.site);  // given up after the Site changed: the full build starts afresh
  }
  SECTION("theme and config, and data that is not one record a file") {
    CHECK(s.edit("qahub.yaml", read(s, "qahub.yaml"), diags).kind == pipeline::Update::kNeedsFullBuild);
    CHECK(s.edit("themes/default/templates/page.mustache", "x", diags).kind == pipeline::Update::kNeedsFullBuild);
    CHECK(s.edit("data/schemas/x.json", "{}", diags).kind == pipeline::Update::kNeedsFullBuild);
  }
}

namespace {

/// `path`'s text with `from` replaced by `to` (once; it must be there).
std::string replaced(const Served& s, const std::string& path, const std::string& from, const std::string& to) {
  std::string text = read(s, path);
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("pipeline: incremental: each kind of record edit gives a full build's output", "[pipeline]") {
  Served s;
  diag::Diagnostics diags;
  SECTION("a field") {
    auto r = s.edit("data/actions/a-1.json",
                    replaced(s, "data/actions/a-1.json", "Check every open case", "Check every case"), diags);
    REQUIRE(r.kind == pipeline::Update::kApplied);
    CHECK(std::count(r.written.begin(), r.written.end(), "actions/a-1/index.html") == 1);
  }
  SECTION("a status that makes an action overdue (a notice on the review dashboard)") {
    REQUIRE(
        s.edit("data/actions/a-7.json", replaced(s, "data/actions/a-7.json", "2026-06-30", "2026-01-30"), diags).kind ==
        pipeline::Update::kApplied);
  }
  SECTION("a reference to a plan item") {
    REQUIRE(s.edit("data/actions/a-1.json",
                   replaced(s, "data/actions/a-1.json", "\"item\": \"1.1\"", "\"item\": \"1.2\""), diags)
                .kind == pipeline::Update::kApplied);
  }
  SECTION("a reference to a content page (the forum's guidance)") {
    REQUIRE(s.edit("data/forums/improvement-board.json",
                   replaced(s, "data/forums/improvement-board.json", "content/guides/a.md", "content/guides/b.md"),
                   diags)
                .kind == pipeline::Update::kApplied);
  }
  SECTION("a new record") {
    REQUIRE(s.edit("data/actions/a-8.json", replaced(s, "data/actions/a-7.json", "\"id\": \"a-7\"", "\"id\": \"a-8\""),
                   diags)
                .kind == pipeline::Update::kApplied);
    CHECK(s.site.exists("actions/a-8/index.html"));
  }
  SECTION("a deleted record") {
    REQUIRE(s.remove("data/actions/a-7.json", diags).kind == pipeline::Update::kApplied);
    CHECK_FALSE(s.site.exists("actions/a-7/index.html"));
  }
  CHECK(s.differences_from_full_build() == "");
  // And a content edit after it: the kept state followed.
  REQUIRE(s.edit("content/guides/c.md", page("title: Charlie renamed\nweight: 3\n", "Text.\n"), diags).kind ==
          pipeline::Update::kApplied);
  CHECK(s.differences_from_full_build() == "");
}

TEST_CASE("pipeline: incremental: what a record edit cannot show safe needs a full build", "[pipeline]") {
  Served s;
  diag::Diagnostics diags;
  SECTION("an error") {
    CHECK(s.edit("data/actions/a-1.json", replaced(s, "data/actions/a-1.json", "\"1.1\"", "\"9.9\""), diags).kind ==
          pipeline::Update::kNeedsFullBuild);
    CHECK(s.state.site);  // nothing was changed
  }
  SECTION("a sensitive record") {
    CHECK(s.edit("data/actions/a-7.json",
                 replaced(s, "data/actions/a-7.json", "\"owner\"",
                          "\"classification\": \"OFFICIAL-SENSITIVE\",\n  \"owner\""),
                 diags)
              .kind == pipeline::Update::kNeedsFullBuild);
  }
}
