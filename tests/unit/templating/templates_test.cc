#include <catch2/catch.hpp>

#include <functional>

#include <kainjow/mustache.hpp>

#include "temp_dir.h"
#include "templating/templates.h"

using namespace qahub;
using templating::expand_partials;

namespace {
/// The embedded theme overlaid with `files` (paths under themes/default/).
theme::Theme theme_with(testing::TempDir& site, const std::map<std::string, std::string>& files) {
  for (const auto& [path, text] : files) site.write("themes/default/" + path, text);
  diag::Diagnostics d;
  theme::Theme t = theme::Theme::load(site.path(), "default", d);
  REQUIRE(d.format_all().empty());
  return t;
}
}  // namespace

TEST_CASE("templates: partials are inlined, standalone lines replaced and indented", "[templating]") {
  const std::map<std::string, std::string> partials = {{"a", "<p>A</p>\n"}, {"b", "x{{> a}}y"}, {"two", "1\n2\n"}};
  CHECK(expand_partials("<div>\n{{> a}}\n</div>\n", partials) == "<div>\n<p>A</p>\n</div>\n");
  CHECK(expand_partials("[{{>a}}]", partials) == "[<p>A</p>\n]");
  CHECK(expand_partials("{{> b}}", partials) == "x<p>A</p>\ny");
  CHECK(expand_partials("  {{> two}}  \nend", partials) == "  1\n  2\nend");
  CHECK(expand_partials("{{> unknown}} {{name}}", partials) == " {{name}}");
  CHECK(expand_partials("<p>\n  {{> unknown}}\n</p>", partials) == "<p>\n</p>");
}

TEST_CASE("templates: a partial that includes itself is reported, not expanded forever", "[templating]") {
  const std::map<std::string, std::string> partials = {{"loop", "<{{> again}}>"}, {"again", "{{> loop}}"}};
  std::string cycle;
  expand_partials("{{> loop}}", partials, &cycle);
  CHECK(cycle == "loop");
}

TEST_CASE("templates: a site's partial overrides the default's partial of the same name", "[templating]") {
  testing::TempDir site("partials");
  theme::Theme t = theme_with(site, {{"templates/partials/footer.mustache", "<p>Our own footer</p>\n"}});
  templating::Templates templates(t);
  CHECK(templates.partial_names() == std::vector<std::string>{"breadcrumbs", "footer", "head", "header", "marking",
                                                              "navigation", "page-meta", "scorecard-sections",
                                                              "scripts"});
  diag::Diagnostics d;
  const std::string html = templates.render(
      "layout", {{"site", {{"title", "Hub"}, {"language", "en-GB"}}}, {"page", {{"title", "Values"}}}}, d);
  CHECK(d.format_all().empty());
  CHECK(html.find("<p>Our own footer</p>") != std::string::npos);
  CHECK(html.find("footer-links") == std::string::npos);
  CHECK(html.find("<meta name=\"viewport\"") != std::string::npos);                     // the default head stays
  CHECK(html.find("<a class=\"site-title\" href=\"/\">Hub</a>") != std::string::npos);  // and header
}

TEST_CASE("templates: a partial's name never collides with a key of the view", "[templating]") {
  testing::TempDir site("partials-keys");
  theme::Theme t =
      theme_with(site, {{"templates/partials/footer.mustache", "F"},
                        {"templates/probe.mustache", "{{#page}}{{> footer}}{{footer}}{{> title}}{{/page}}"}});
  templating::Templates templates(t);
  diag::Diagnostics d;
  // "title" is no partial: empty, and the view's string is not run as a template.
  CHECK(templates.render("probe", {{"page", {{"footer", "-view"}, {"title", "{{footer}}"}}}}, d) == "F-view");
}

TEST_CASE("templates: a broken partial is an error at the partial's own file", "[templating]") {
  testing::TempDir site("partials-broken");
  theme::Theme t = theme_with(site, {{"templates/partials/footer.mustache", "{{#open}}never closed\n"}});
  templating::Templates templates(t);
  diag::Diagnostics d;
  CHECK(templates.render("layout", nlohmann::json::object(), d).empty());
  CHECK(d.format_all() ==
        "themes/default/templates/partials/footer.mustache: error: invalid template: unclosed section \"open\" at 0\n");
}

TEST_CASE("templates: a partial cycle is an error at the partial", "[templating]") {
  testing::TempDir site("partials-cycle");
  theme::Theme t = theme_with(site, {{"templates/partials/footer.mustache", "{{> footer}}"}});
  templating::Templates templates(t);
  diag::Diagnostics d;
  CHECK(templates.render("layout", nlohmann::json::object(), d).empty());
  CHECK(d.format_all() ==
        "themes/default/templates/partials/footer.mustache: error: partial \"footer\" includes itself\n");
}

TEST_CASE("templates: params reach every template as params.*", "[templating]") {
  testing::TempDir site("params");
  theme::Theme t = theme_with(
      site, {{"templates/probe.mustache",
              "{{params.banner.text}}|{{#params.show}}shown{{/params.show}}{{^params.hide}}|kept{{/params.hide}}|"
              "{{#params.links}}{{label}};{{/params.links}}|{{params.price}}"}});
  nlohmann::json params = {{"banner", {{"text", "Inspection week"}}},
                           {"show", true},
                           {"hide", false},
                           {"links", {{{"label", "Forms"}}, {{"label", "Policies"}}}},
                           {"price", "1.50"}};
  templating::Templates templates(t, params);
  diag::Diagnostics d;
  CHECK(templates.render("probe", nlohmann::json::object(), d) == "Inspection week|shown|kept|Forms;Policies;|1.50");
  CHECK(d.format_all().empty());
}

TEST_CASE("templates: dotted names resolve as kainjow's own lookup resolves them", "[templating]") {
  // qahub looks a dotted name up a part at a time (templates.cc, Context);
  // kainjow splits it with std::getline. Every odd spelling must agree.
  const std::string text =
      "[{{a.b}}|{{a..b}}|{{a.}}|{{.a}}|{{a.b.c}}|{{x.y}}|{{#list}}{{.}}:{{a.b}}:{{item.n}}{{^item.n}}none{{/item.n}},"
      "{{/list}}|{{#a}}{{b}}{{#b}}{{.}}{{/b}}{{/a}}|{{#a.b}}in{{/a.b}}]";
  const nlohmann::json view = {{"a", {{"b", "B"}, {"", {{"b", "empty-key"}}}}},
                               {"", {{"a", "root-empty"}}},
                               {"list", {{{"item", {{"n", "1"}}}}, {{"a", {{"b", "inner"}}}}, "plain"}},
                               {"x", "not-an-object"}};
  testing::TempDir site("dotted");
  theme::Theme t = theme_with(site, {{"templates/probe.mustache", text}});
  templating::Templates templates(t);
  diag::Diagnostics d;
  const std::string ours = templates.render("probe", view, d);
  CHECK(d.format_all().empty());

  // kainjow on the same data, with its own context.
  kainjow::mustache::data data{kainjow::mustache::data::type::object};
  std::function<kainjow::mustache::data(const nlohmann::json&)> convert = [&](const nlohmann::json& j) {
    if (j.is_object()) {
      kainjow::mustache::data o{kainjow::mustache::data::type::object};
      for (const auto& [k, v] : j.items()) o.set(k, convert(v));
      return o;
    }
    if (j.is_array()) {
      kainjow::mustache::data l{kainjow::mustache::data::type::list};
      for (const auto& v : j) l.push_back(convert(v));
      return l;
    }
    return kainjow::mustache::data(j.get<std::string>());
  };
  data = convert(view);
  data.set("params", kainjow::mustache::data(false));
  kainjow::mustache::mustache reference(text);
  REQUIRE(reference.is_valid());
  CHECK(ours == reference.render(data));
  CHECK(ours.substr(0, 8) == "[B|empty");
}

TEST_CASE("templates: a view passed to keep gives the same text as one passed to copy", "[templating]") {
  testing::TempDir site("moved-view");
  const theme::Theme t = theme_with(
      site, {{"templates/moved.mustache",
              "{{title}}|{{{body}}}|{{#rows}}[{{name}}:{{{html}}}]{{/rows}}|{{page.title}}|{{params.motto}}"}});
  const templating::Templates templates(t, {{"motto", "<b>plain</b>"}});
  const std::string long_html(5000, 'h');
  const nlohmann::json view = {{"title", "A & B"},
                               {"body", long_html},
                               {"rows", {{{"name", "x"}, {"html", "<i>1</i>"}}, {{"name", "y"}, {"html", long_html}}}},
                               {"page", {{"title", "Nested"}}}};
  diag::Diagnostics d;
  const std::string copied = templates.render("moved", view, d);
  nlohmann::json spent = view;
  const std::string moved = templates.render("moved", std::move(spent), d);
  CHECK(d.format_all().empty());
  CHECK(moved == copied);
  CHECK(copied.find("A &amp; B|" + long_html + "|[x:<i>1</i>][y:" + long_html + "]|Nested|&lt;b&gt;") == 0);
}
