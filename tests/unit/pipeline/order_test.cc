#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "pipeline/test_site.h"

using qahub::testing::contains;
using qahub::testing::copy_default_site;
using qahub::testing::TestSite;

namespace {
/// The href of a page's "Previous" or "Next" link (`cls` "pager-prev" or
/// "pager-next"), or "" when it has none.
std::string pager(const std::string& html, const std::string& cls) {
  size_t at = html.find("<a class=\"" + cls + "\" href=\"");
  if (at == std::string::npos) return "";
  at = html.find("href=\"", at) + 6;
  return html.substr(at, html.find('"', at) - at);
}

struct DefaultSite {
  DefaultSite() {
    copy_default_site(site);
    REQUIRE(site.build());
  }
  std::string prev(const std::string& url) const { return pager(html(url), "pager-prev"); }
  std::string next(const std::string& url) const { return pager(html(url), "pager-next"); }
  std::string html(const std::string& url) const { return site.output(url.substr(1) + "index.html"); }
  TestSite site{std::map<std::string, std::string>{}};
};
}  // namespace

TEST_CASE("order: a meeting's previous/next are its forum's earlier and later meetings", "[pipeline][order]") {
  DefaultSite d;
  CHECK(d.prev("/meetings/2026-01-practice-board/") == "/meetings/2025-11-practice-board/");
  CHECK(d.next("/meetings/2026-01-practice-board/") == "/meetings/2026-03-practice-board/");
  CHECK(d.prev("/meetings/2025-11-practice-board/").empty());  // the forum's first meeting
  CHECK(d.next("/meetings/2026-11-practice-board/").empty());  // and its last: never into another forum
  CHECK(d.prev("/meetings/2026-09-systemic-forum/") == "/meetings/2026-08-systemic-forum/");
}

TEST_CASE("order: forum pages step through forums by name", "[pipeline][order]") {
  DefaultSite d;
  CHECK(d.prev("/forums/practice-board/") == "/forums/audit-group/");  // Integrated Children's Services Audit Group
  CHECK(d.next("/forums/practice-board/") == "/forums/signs-of-safety-forum/");
  // "Children's Services Cabinet Committee" sorts before "Consultation Hub".
  CHECK(d.prev("/forums/childrens-services-committee/").empty());
  CHECK(d.prev("/forums/consultation-hub/") == "/forums/childrens-services-committee/");
  // The section list: each forum, then its meetings oldest first.
  const std::string list = d.site.output("forums/index.html");
  const std::string board = "href=\"/forums/practice-board/\"", first = "href=\"/meetings/2025-11-practice-board/\"",
                    second = "href=\"/meetings/2026-01-practice-board/\"",
                    signs = "href=\"/forums/signs-of-safety-forum/\"";
  REQUIRE(contains(list, first));
  CHECK(list.rfind(board) < list.rfind(first));
  CHECK(list.rfind(first) < list.rfind(second));
  CHECK(list.rfind(second) < list.rfind(signs));
}

TEST_CASE("order: cycles and audits by date, training by its first quarter", "[pipeline][order]") {
  DefaultSite d;
  CHECK(d.prev("/cycles/2026-27-cycle-1/") == "/cycles/2025-26-cycle-3/");
  CHECK(d.next("/cycles/2026-27-cycle-1/") == "/cycles/2026-27-cycle-2/");
  CHECK(d.next("/audits/father-inclusive-2025/") == "/audits/management-oversight-2026/");  // March, not title order
  CHECK(d.prev("/training/father-inclusive-practice/") == "/training/systemic-practice/");
  CHECK(d.next("/training/father-inclusive-practice/") == "/training/restorative-practice/");
  CHECK(d.next("/training/reflective-supervision/").empty());  // starts last, 2026-Q4
  CHECK(d.prev("/actions/a-010/") == "/actions/a-009/");
}
