#include <catch2/catch.hpp>

#include "model/url_owners.h"

using namespace qahub;

namespace {
model::Claim page(const std::string& url, const std::string& source) {
  return {url, "page URL", "the page " + source, {source, 1, 1}, false};
}
}  // namespace

TEST_CASE("url owners: two claims on one URL are an error at each, naming the other", "[model]") {
  diag::Diagnostics d;
  const auto keeps = model::check_claims({page("/a/", "content/a/_index.md"), page("/a/", "content/a/index.md")}, d);
  CHECK(keeps == std::vector<bool>{true, false});
  CHECK(d.format_all() ==
        "content/a/_index.md:1:1: error: page URL /a/ is also the page content/a/index.md\n"
        "content/a/index.md:1:1: error: page URL /a/ is also the page content/a/_index.md\n");
}

TEST_CASE("url owners: qahub's own URLs, prefixes, case and folders", "[model]") {
  diag::Diagnostics d;
  const std::vector<model::Claim> claims = {
      {"/search/", "URL", "qahub's search page and index", {}, true},
      {"/tags/", "URL", "qahub's list of tags", {}, false},
      page("/tags/", "content/tags.md"),
      page("/search/", "content/search.md"),
      page("/search/x/", "content/search/x.md"),
      page("/page/", "content/page.md"),
      page("/Page/", "content/Page.md"),
      {"/notes", "attachment URL", "the attachment content/notes", {"content/notes"}, false},
      page("/notes/a/", "content/notes/a.md"),
      {"/a/", "alias", "an alias of content/b.md", {"content/b.md", 3, 5}, false},
      {"/a/", "alias", "an alias of content/c.md", {"content/c.md", 4, 5}, false},
  };
  const auto keeps = model::check_claims(claims, d);
  CHECK(keeps == std::vector<bool>{true, true, false, false, false, true, false, true, false, true, false});
  CHECK(d.format_all() ==
        "content/Page.md:1:1: error: page URL /Page/ differs only in case from /page/, the URL of the page "
        "content/page.md\n"
        "content/b.md:3:5: error: alias /a/ is also an alias of content/c.md\n"
        "content/c.md:4:5: error: alias /a/ is also an alias of content/b.md\n"
        "content/notes: error: attachment URL /notes is a file where a folder is needed by the page "
        "content/notes/a.md\n"
        "content/notes/a.md:1:1: error: page URL /notes/a/ needs as a folder the file of the attachment "
        "content/notes\n"
        "content/page.md:1:1: error: page URL /page/ differs only in case from /Page/, the URL of the page "
        "content/Page.md\n"
        "content/search.md:1:1: error: page URL /search/ is also qahub's search page and index\n"
        "content/search/x.md:1:1: error: page URL /search/x/ is inside /search/, which is kept for qahub's search "
        "page and index\n"
        "content/tags.md:1:1: error: page URL /tags/ is also qahub's list of tags\n");
}
