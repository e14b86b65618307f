#include <catch2/catch.hpp>

#include "markdown/document.h"

using namespace qahub::markdown;

TEST_CASE("markdown: unique heading ids and positions with the front matter offset", "[markdown]") {
  Document d = Document::parse("## Intro\n\ntext\n\n## Intro\n\n### Why? (really)\n", 4, {});
  REQUIRE(d.headings().size() == 3);
  CHECK(d.headings()[0].id == "intro");
  CHECK(d.headings()[1].id == "intro-1");
  CHECK(d.headings()[2].id == "why-really");
  CHECK(d.headings()[0].line == 5);
  std::string html = d.render_html();
  CHECK(html.find("<h2 id=\"intro\">Intro</h2>") != std::string::npos);
  CHECK(html.find("<h2 id=\"intro-1\">Intro</h2>") != std::string::npos);
  CHECK(html.find("data-sourcepos") == std::string::npos);
}

TEST_CASE("markdown: links with line and column, rewritten in the tree", "[markdown]") {
  Document d =
      Document::parse("Para.\n\nSee **[systemic](../models/systemic.md#hypothesising)** and ![alt](pic.png).\n", 3, {});
  REQUIRE(d.links().size() == 2);
  CHECK(d.links()[0].url == "../models/systemic.md#hypothesising");
  CHECK(d.links()[0].line == 6);
  CHECK(d.links()[0].col == 7);
  CHECK(d.links()[1].is_image);
  d.set_link_url(0, "/models/systemic/#hypothesising");
  CHECK(d.render_html().find("href=\"/models/systemic/#hypothesising\"") != std::string::npos);
}

TEST_CASE("markdown: GFM extensions and safe raw HTML", "[markdown]") {
  Document d = Document::parse(
      "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ www.example.com\n\n- [x] done\n- [ ] to do\n\nNote[^1]\n\n[^1]: A "
      "footnote.\n\n<script>alert(1)</script>\n",
      0, {});
  std::string html = d.render_html();
  CHECK(html.find("<figure class=\"qh-table\" aria-label=\"Table 1\" tabindex=\"0\"><table>") != std::string::npos);
  CHECK(html.find("</table></figure>") != std::string::npos);
  CHECK(html.find("<del>old</del>") != std::string::npos);
  CHECK(html.find("href=\"http://www.example.com\"") != std::string::npos);
  CHECK(html.find("<input aria-label=\"Done\" type=\"checkbox\" checked disabled> done") != std::string::npos);
  CHECK(html.find("<input aria-label=\"To do\" type=\"checkbox\" disabled> to do") != std::string::npos);
  CHECK(html.find("footnotes") != std::string::npos);
  // HTML void elements, not XHTML: no self-closing slash.
  const std::string voids = Document::parse("![a chart](c.png)  \nline\n\n---\n", 0, {}).render_html();
  CHECK(voids == "<p><img src=\"c.png\" alt=\"a chart\"><br>\nline</p>\n<hr>\n");
  CHECK(html.find("<script>") == std::string::npos);
  Document raw = Document::parse("<aside>kept</aside>\n", 0, Options{true});
  CHECK(raw.render_html().find("<aside>kept</aside>") != std::string::npos);
}

TEST_CASE("markdown: sections split at h2 for search", "[markdown]") {
  Document d =
      Document::parse("Lead text.\n\n## First\n\nOne *two*.\n\n### Sub\n\nThree.\n\n## Second\n\nFour.\n", 0, {});
  auto s = d.sections();
  REQUIRE(s.size() == 3);
  CHECK(s[0].id.empty());
  CHECK(s[0].text == "Lead text.\n");
  CHECK(s[1].id == "first");
  CHECK(s[1].text == "One two.\nSub\nThree.\n");
  CHECK(s[2].heading == "Second");
  CHECK(d.word_count() == 7);  // Lead text. / One two. Sub Three. / Four.
}

TEST_CASE("markdown: table cells stay separate words in search text", "[markdown]") {
  Document d = Document::parse("| Acronym | Meaning |\n|---|---|\n| CIN | child in need |\n", 0, {});
  CHECK(d.sections()[0].text == "Acronym Meaning \nCIN child in need \n");
}

TEST_CASE("markdown: an empty document renders nothing", "[markdown]") {
  Document d;
  CHECK(d.render_html().empty());
  CHECK(d.headings().empty());
}

TEST_CASE("markdown: heading ids follow github-slugger; empty ones are section, section-1", "[markdown][slug]") {
  Document d =
      Document::parse("## Children’s voice — what “good” looks like\n\n## —\n\n## …‘’\n\n## Café ÉTÉ\n", 0, {});
  REQUIRE(d.headings().size() == 4);
  CHECK(d.headings()[0].id == "childrens-voice--what-good-looks-like");
  CHECK(d.headings()[1].id == "section");
  CHECK(d.headings()[2].id == "section-1");
  CHECK(d.headings()[3].id == "café-été");
}

TEST_CASE("markdown: glossary rows get ids from their first cell, unique and apart from headings", "[markdown]") {
  const std::string body =
      "## Term CIN\n\n| acronym | stands for |\n| --- | --- |\n| CIN | child in need |\n| CLA, LAC | child looked "
      "after |\n|  | no term |\n| CIN | again |\n";
  Document plain = Document::parse(body, 3, {});
  CHECK(plain.table_rows().empty());
  CHECK(plain.render_html().find("<tr id=") == std::string::npos);

  Document d = Document::parse(body, 3, {});
  d.give_rows_ids();
  REQUIRE(d.table_rows().size() == 4);
  CHECK(d.headings()[0].id == "term-cin");
  CHECK(d.table_rows()[0].id == "term-cin-1");  // the heading has "term-cin"
  CHECK(d.table_rows()[0].cells == std::vector<std::string>{"CIN", "child in need"});
  CHECK(d.table_rows()[0].line == 8);
  CHECK(d.table_rows()[1].id == "term-cla-lac");
  CHECK(d.table_rows()[2].id.empty());
  CHECK(d.table_rows()[3].id == "term-cin-2");
  const std::string html = d.render_html();
  CHECK(html.find("<tr id=\"term-cin-1\">\n<td>CIN</td>") != std::string::npos);
  CHECK(html.find("<tr id=\"term-cla-lac\">") != std::string::npos);
  CHECK(html.find("<tr id=\"term-cin-2\">") != std::string::npos);
  CHECK(html.find("<tr>\n<td></td>") != std::string::npos);
  CHECK(html.find("<tr>\n<th>acronym</th>") != std::string::npos);  // header row: no id
  CHECK(d.render_html({0, "p2-"}).find("<tr id=\"p2-term-cla-lac\">") != std::string::npos);
}
