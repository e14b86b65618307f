#include <catch2/catch.hpp>

#include "diag/github.h"

using namespace qahub::diag;

TEST_CASE("github: one workflow command per diagnostic, in the printed order", "[diag]") {
  Diagnostics d;
  d.error({"content/a.md", 3, 7}, "unknown front matter key \"tittle\"; did you mean \"title\"?");
  d.warning({"content/b.md", 12, 0}, "TODO: placeholder left in the page");
  d.notice({"data/actions/a-1.json", 0, 0}, "action a-1 is overdue (due 2026-01-31)");
  d.error({}, "the output directory must not be the site directory");
  CHECK(github_annotations(d, "") ==
        "::error::the output directory must not be the site directory\n"
        "::error file=content/a.md,line=3,col=7::unknown front matter key \"tittle\"; did you mean \"title\"?\n"
        "::warning file=content/b.md,line=12::TODO: placeholder left in the page\n"
        "::notice file=data/actions/a-1.json::action a-1 is overdue (due 2026-01-31)\n");
  CHECK(github_annotations(d, "hub/").find("::error file=hub/content/a.md,line=3,col=7::") != std::string::npos);
}

TEST_CASE("github: --strict warnings are errors that say so", "[diag]") {
  Diagnostics d;
  d.set_strict(true);
  d.warning({"content/b.md", 2, 1}, "review_by has passed");
  d.notice({"content/b.md", 1, 1}, "a fact");
  CHECK(github_annotations(d, "") ==
        "::notice file=content/b.md,line=1,col=1::a fact\n"
        "::error file=content/b.md,line=2,col=1::(warning, --strict) review_by has passed\n");
}

TEST_CASE("github: escaping of messages and file names", "[diag]") {
  CHECK(github_escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b");
  CHECK(github_escape_property("content/a:b,c%.md") == "content/a%3Ab%2Cc%25.md");
  Diagnostics d;
  d.error({"content/a,b.md", 1, 1}, "line one\nline two 100%");
  CHECK(github_annotations(d, "") == "::error file=content/a%2Cb.md,line=1,col=1::line one%0Aline two 100%25\n");
}

TEST_CASE("github: the step summary", "[diag]") {
  Diagnostics d;
  d.error({"content/a.md", 3, 7}, "a `code` span and ``` a fence");
  d.notice({"data/x.json"}, "a notice");
  CHECK(github_summary(d, "qahub build", "qahub: build failed with 1 error; public left unchanged") ==
        "### qahub build\n\n"
        "qahub: build failed with 1 error; public left unchanged\n\n"
        "| errors | warnings | notices |\n| ---: | ---: | ---: |\n| 1 | 0 | 1 |\n"
        "\n````text\n"
        "content/a.md:3:7: error: a `code` span and ``` a fence\n"
        "data/x.json: notice: a notice\n"
        "````\n");
  Diagnostics none;
  CHECK(github_summary(none, "qahub check", "qahub: no errors") ==
        "### qahub check\n\nqahub: no errors\n\n| errors | warnings | notices |\n| ---: | ---: | ---: |\n| 0 | 0 | 0 "
        "|\n");
}
