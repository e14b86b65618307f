#include <catch2/catch.hpp>

#include "markdown/document.h"
#include "markdown/shortcodes.h"

using namespace qahub::markdown;

TEST_CASE("shortcodes: names, positional and key=value arguments, errors", "[markdown][shortcodes]") {
  auto found = scan_shortcodes("a {{< figure audits_completed >}} b {{<figures chart=\"no\" x=y>}}");
  REQUIRE(found.size() == 2);
  CHECK(found[0].code.name == "figure");
  REQUIRE(found[0].code.args.size() == 1);
  CHECK(found[0].code.args[0] == std::pair<std::string, std::string>{"", "audits_completed"});
  CHECK(found[0].begin == 2);
  CHECK(found[1].code.name == "figures");
  CHECK(found[1].code.args.size() == 2);
  CHECK(found[1].code.args[0] == std::pair<std::string, std::string>{"chart", "no"});
  CHECK(found[1].code.args[1] == std::pair<std::string, std::string>{"x", "y"});
  CHECK(scan_shortcodes("{{< figure").at(0).code.error == "shortcode is not closed (expected >}})");
  CHECK(scan_shortcodes("{{< >}}").at(0).code.error == "a shortcode needs a name: {{< name >}}");
  CHECK(scan_shortcodes("{{< a \"open >}}").at(0).code.error == "unclosed quote in shortcode \"a\"");
  CHECK(scan_shortcodes("no shortcode {{ here }}").empty());
}

TEST_CASE("shortcodes: blocks alone in a paragraph, inline in text, none in code", "[markdown][shortcodes]") {
  Document d = Document::parse(
      "Intro.\n\n{{< figures >}}\n\nWe did {{< figure audits_completed >}} audits.\n\n"
      "`{{< figure x >}}`\n\n```\n{{< grades >}}\n```\n",
      4, {});
  REQUIRE(d.shortcodes().size() == 2);
  CHECK(d.shortcodes()[0].name == "figures");
  CHECK(d.shortcodes()[0].block);
  CHECK(d.shortcodes()[0].line == 7);
  CHECK(d.shortcodes()[0].col == 1);
  CHECK(d.shortcodes()[1].name == "figure");
  CHECK_FALSE(d.shortcodes()[1].block);
  CHECK(d.shortcodes()[1].line == 9);
  CHECK(d.shortcodes()[1].col == 8);
}

TEST_CASE("shortcodes: written without spaces, as Hugo allows, they are found where written",
          "[markdown][shortcodes]") {
  // cmark reads "<figure audits_completed>" as an inline HTML tag between two texts.
  Document d = Document::parse(
      "{{<figures>}}\n\nWe did {{<figure audits_completed>}} audits, {{<figure n>}}{{<figure m>}}.\n\n"
      "`{{<figure x>}}`\n",
      0, {});
  REQUIRE(d.shortcodes().size() == 4);
  CHECK(d.shortcodes()[0].name == "figures");
  CHECK(d.shortcodes()[0].block);
  CHECK(d.shortcodes()[1].name == "figure");
  CHECK(d.shortcodes()[1].args.at(0).second == "audits_completed");
  CHECK(d.shortcodes()[1].line == 3);
  CHECK(d.shortcodes()[1].col == 8);
  CHECK(d.shortcodes()[2].args.at(0).second == "n");
  CHECK(d.shortcodes()[3].args.at(0).second == "m");
  CHECK(d.shortcodes()[3].col == 60);
}

TEST_CASE("shortcodes: resolved on the tree before search, splices HTML after rendering", "[markdown][shortcodes]") {
  Document d =
      Document::parse("## Figures for {{< figure n >}} cycles\n\n{{< figures >}}\n\nWe did {{< figure n >}}.\n", 0,
                      {});  // raw HTML off: the build's block HTML is still spliced in
  REQUIRE(d.shortcodes().size() == 3);
  d.resolve_shortcodes({{"208", ""}, {"Audits completed 208", "<table><tr><td>208</td></tr></table>"}, {"208", ""}});
  REQUIRE(d.headings().size() == 1);
  CHECK(d.headings()[0].text == "Figures for 208 cycles");
  CHECK(d.headings()[0].id == "figures-for-208-cycles");
  const std::string html = d.render_html();
  CHECK(html.find("<h2 id=\"figures-for-208-cycles\">Figures for 208 cycles</h2>") != std::string::npos);
  CHECK(html.find("<table><tr><td>208</td></tr></table>") != std::string::npos);
  CHECK(html.find("<p>We did 208.</p>") != std::string::npos);
  CHECK(html.find("{{<") == std::string::npos);
  CHECK(html.find("raw HTML omitted") == std::string::npos);
  std::string text;
  for (const Section& s : d.sections()) text += s.text;
  CHECK(text.find("Audits completed 208") != std::string::npos);
  CHECK(text.find("{{<") == std::string::npos);
  CHECK(d.word_count() == 6);  // "Audits completed 208" + "We did 208."
}

TEST_CASE("shortcodes: appended blocks get headings and ids of their own", "[markdown][shortcodes]") {
  Document d = Document::parse("Narrative.\n", 0, {});
  d.append_block("Figures", "figures");
  d.append_block("Grades", "grades");
  d.prepend_html("<div class=\"cover\">Cover</div>");
  REQUIRE(d.shortcodes().size() == 2);
  d.resolve_shortcodes({{"f", "<p>F</p>"}, {"g", "<p>G</p>"}});
  REQUIRE(d.headings().size() == 2);
  const std::string html = d.render_html();
  CHECK(html.find("<div class=\"cover\">Cover</div>") < html.find("Narrative."));
  CHECK(html.find("<h2 id=\"figures\">Figures</h2>\n<p>F</p>") != std::string::npos);
  CHECK(html.find("<h2 id=\"grades\">Grades</h2>\n<p>G</p>") != std::string::npos);
  auto sections = d.sections();
  REQUIRE(sections.size() == 3);
  CHECK(sections[1].id == "figures");
  CHECK(sections[1].text == "f\n");
}
