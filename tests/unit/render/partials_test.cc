#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include "pipeline/test_site.h"

using namespace qahub::testing;

namespace {

/// Every output file of a built site, by relative path.
std::map<std::string, std::string> outputs(const TestSite& site) {
  std::map<std::string, std::string> files;
  const auto out = site.root() / "public";
  for (const auto& e : std::filesystem::recursive_directory_iterator(out))
    if (e.is_regular_file())
      files[std::filesystem::relative(e.path(), out).string()] = qahub::fs::read_file(e.path()).value_or("");
  return files;
}

const std::string kFooterOpen = "<footer class=\"site-footer\">\n<div class=\"wrap\">\n";

/// The text between the page metadata and the end of the site footer: what
/// the footer partial renders.
std::string footer_of(const std::string& html) {
  size_t open = html.find(kFooterOpen);
  if (open == std::string::npos) return "";
  size_t close = html.find("</div>\n</footer>", open);
  size_t meta_end = html.find("</dl>\n", open);
  size_t from = meta_end != std::string::npos && meta_end < close ? meta_end + 6 : open + kFooterOpen.size();
  while (from < close && html[from] == '\n') ++from;  // an empty page-meta leaves a blank line
  return html.substr(from, close - from);
}

std::string without_footer(const std::string& html) {
  const std::string footer = footer_of(html);
  if (footer.empty()) return html;
  std::string out = html;
  out.erase(out.find(footer), footer.size());
  return out;
}

}  // namespace

TEST_CASE("render: overriding the footer partial changes every page's footer and nothing else", "[render][partials]") {
  TestSite plain({});
  copy_default_site(plain);
  REQUIRE(plain.build());

  TestSite themed({});
  copy_default_site(themed);
  themed.write("qahub.yaml", qahub::fs::read_file(themed.root() / "qahub.yaml").value_or("") + "theme: house\n");
  themed.write("themes/house/templates/partials/footer.mustache",
               "<p class=\"house-footer\">Practice Development Team, {{site.organisation}}</p>\n");
  REQUIRE(themed.build());

  const auto before = outputs(plain);
  const auto after = outputs(themed);
  REQUIRE(before.size() == after.size());
  int footers = 0;
  for (const auto& [path, html] : before) {
    INFO(path);
    REQUIRE(after.count(path));
    const std::string& themed_html = after.at(path);
    if (footer_of(html).empty()) {
      CHECK(themed_html == html);  // redirects, feeds, assets, the search index
      continue;
    }
    ++footers;
    CHECK(
        footer_of(themed_html) ==
        "<p class=\"house-footer\">Practice Development Team, Children, Young People and Education directorate</p>\n");
    CHECK(without_footer(themed_html) == without_footer(html));
  }
  CHECK(footers >= 40);
}
