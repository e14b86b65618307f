#include <catch2/catch.hpp>

#include "markdown/document.h"
#include "markdown/html_text.h"

#include <iterator>
#include <random>

using namespace qahub::markdown;

TEST_CASE("html_text: rewrite_root_urls maps href, src and action site-root URLs only", "[markdown]") {
  const std::string html =
      "<a href=\"/a/\">a</a> <img src=\"/i.png\"> <form action=\"/search/\"></form> <a href=\"//x.org/\">x</a> "
      "<a href=\"https://x.org/\">y</a> <a href=\"#top\">t</a> <a data-href=\"/no/\">n</a>";
  const std::string out = rewrite_root_urls(html, [](const std::string& url) { return "/base" + url; });
  CHECK(
      out ==
      "<a href=\"/base/a/\">a</a> <img src=\"/base/i.png\"> <form action=\"/base/search/\"></form> "
      "<a href=\"//x.org/\">x</a> <a href=\"https://x.org/\">y</a> <a href=\"#top\">t</a> <a data-href=\"/no/\">n</a>");
  CHECK(rewrite_root_urls("<a href=\"/unclosed", [](const std::string&) { return "X"; }) == "<a href=\"/unclosed");
}

TEST_CASE("html_text: prefix_ids prefixes ids and in-page links, nothing else", "[markdown]") {
  CHECK(prefix_ids("<h2 id=\"a\">A</h2><a href=\"#a\">to a</a><a href=\"/b/#a\">b</a>", "p1-") ==
        "<h2 id=\"p1-a\">A</h2><a href=\"#p1-a\">to a</a><a href=\"/b/#a\">b</a>");
}

TEST_CASE("html_text: prefix_ids gives what a byte-by-byte scan gives, on any text", "[markdown]") {
  // The scan it replaced: at every byte, the id pattern, then the link pattern.
  auto reference = [](const std::string& html, const std::string& prefix) {
    std::string out;
    for (size_t i = 0; i < html.size(); ++i) {
      if (html.compare(i, 5, " id=\"") == 0) {
        out += " id=\"" + prefix;
        i += 4;
      } else if (html.compare(i, 8, " href=\"#") == 0) {
        out += " href=\"#" + prefix;
        i += 7;
      } else {
        out += html[i];
      }
    }
    return out;
  };
  const std::string pieces[] = {" id=\"", " href=\"#", " href=\"", "=", " ", "\"", "#", "id", "href", "x", "=\"#"};
  std::mt19937 random(7);
  for (int round = 0; round < 5000; ++round) {
    std::string html;
    const int n = static_cast<int>(random() % 12);
    for (int k = 0; k < n; ++k) html += pieces[random() % std::size(pieces)];
    INFO(html);
    CHECK(prefix_ids(html, "p-") == reference(html, "p-"));
  }
  CHECK(prefix_ids("", "p-").empty());
  CHECK(prefix_ids("=", "p-") == "=");
  CHECK(prefix_ids(" id=\" id=\"", "p-") == " id=\"p- id=\"p-");
}

TEST_CASE("html_text: strip_tags keeps the words, collapses space, decodes the basic entities", "[markdown]") {
  CHECK(strip_tags("<p>Fish &amp; chips</p>\n<p>&lt;b&gt; &quot;x&quot; it&#39;s</p>") ==
        "Fish & chips <b> \"x\" it's");
  CHECK(strip_tags("  <td>a</td><td>b</td>  ") == "a b");
  CHECK(strip_tags("&unknown;") == "&unknown;");
}

TEST_CASE("html_text: strip_tags decodes every named and numeric entity, once", "[markdown]") {
  CHECK(strip_tags("<td>the child&apos;s plan</td>") == "the child's plan");
  CHECK(strip_tags("<p>father&#8217;s &#x2019; &notin; &hellip;</p>") == "father’s ’ ∉ …");
  CHECK(strip_tags("<p>&amp;amp; &amp;lt;</p>") == "&amp; &lt;");  // once
  CHECK(strip_tags("<p>a&nbsp;b</p>") == "a\u00a0b");
  CHECK(strip_tags("<p>a&#10;&#9;b</p>") == "a b");  // decoded space collapses too
  CHECK(strip_tags("<p>&#0; &#xD800;</p>") == "\uFFFD \uFFFD");
  CHECK(strip_tags("<p>&amp &apos</p>") == "&amp &apos");  // a named reference needs its ';'
}

TEST_CASE("html_text: strip_tags drops elements marked data-qahub-noindex, nested ones too", "[markdown]") {
  CHECK(strip_tags("<h2>Meetings</h2><p data-qahub-noindex>No meetings have been recorded.</p><p>Next</p>") ==
        "Meetings Next");
  CHECK(strip_tags("<div data-qahub-noindex class=\"x\"><div>a</div><div>b</div></div>c") == "c");
  CHECK(strip_tags("<p data-qahub-noindex>never closed") == "");
  CHECK(strip_tags("<p data-qahub-noindexed>kept</p>") == "kept");
}

TEST_CASE("html_text: outline gives the h2s with ids and the text under each", "[markdown]") {
  const Outline o = outline("<p>Intro</p><h2 id=\"one\">One <em>1</em></h2><p>First</p><h2>No id</h2><p>Second</p>");
  REQUIRE(o.toc.size() == 1);
  CHECK(o.toc[0].id == "one");
  CHECK(o.toc[0].text == "One 1");
  REQUIRE(o.sections.size() == 3);
  CHECK(o.sections[0].id.empty());
  CHECK(o.sections[0].text == "Intro");
  CHECK(o.sections[1].text == "First");
  CHECK(o.sections[2].heading == "No id");
  CHECK(outline("<p>Only text</p>").sections.size() == 1);
  CHECK(outline("<h2 id=\"a\">A</h2>x").sections.size() == 1);  // no intro: no empty first section
}

TEST_CASE("html_text: element_ids finds every id attribute", "[markdown]") {
  CHECK(element_ids("<h2 id=\"a\">A</h2><li id=\"kl1\">x</li><svg aria-labelledby=\"t\"><title id=\"t\"></title>") ==
        std::set<std::string>{"a", "kl1", "t"});
  CHECK(element_ids("<p id=\"broken").empty());
}

TEST_CASE("document: a narrative's render shifts headings down and prefixes their ids on the tree", "[markdown]") {
  Document doc = Document::parse("# Top\n\n## Actions\n\n###### Deep\n\n[back](#actions)\n", 0, {});
  CHECK(doc.render_html({1, "minutes-"}) ==
        "<h2 id=\"minutes-top\">Top</h2>\n<h3 id=\"minutes-actions\">Actions</h3>\n<h6 id=\"minutes-deep\">Deep</h6>\n"
        "<p><a href=\"#actions\">back</a></p>\n");
  // The document's own view is untouched.
  CHECK(doc.headings()[1].level == 2);
  CHECK(doc.render_html() ==
        "<h1 id=\"top\">Top</h1>\n<h2 id=\"actions\">Actions</h2>\n<h6 id=\"deep\">Deep</h6>\n"
        "<p><a href=\"#actions\">back</a></p>\n");
}
