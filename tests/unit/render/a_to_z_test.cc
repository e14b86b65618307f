#include <catch2/catch.hpp>

#include "pipeline/test_site.h"
#include "render/a_to_z.h"

using namespace qahub::testing;
using qahub::render::AToZEntry;
using qahub::render::AToZLetter;

namespace {

size_t count_of(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("a-z: letters fold case and accents; digits, symbols and no letter go under 0–9", "[render][a-z]") {
  using qahub::render::letter_for;
  CHECK(letter_for("\u00e9valuation").label == "E");  // é
  CHECK(letter_for("\u00c9cole").slug == "e");
  CHECK(letter_for("\u00e6sthetics").label == "A");             // æ
  CHECK(letter_for("\u0141\u00f3d\u017a").label == "L");        // Ł
  CHECK(letter_for("e\u0301t\u00e9").label == "E");             // decomposed é
  CHECK(letter_for("\u201cGood\u201d practice").label == "G");  // quotes skipped
  CHECK(letter_for("s47 enquiries").label == "S");
  CHECK(letter_for("2026-27 cycle 1").label == "0\u20139");
  CHECK(letter_for("2026-27 cycle 1").slug == "0-9");
  CHECK(letter_for("\u00a3 budget").label == "B");  // a symbol is skipped for the first letter
  CHECK(letter_for("--").label == "0\u20139");
  CHECK(letter_for("").slug == "0-9");
  CHECK(letter_for("\u03c9mega").label == "\u03a9");  // ω → Ω, its own group
  CHECK(letter_for("\u03c9mega").slug == "u3a9");
  CHECK(qahub::render::fold_for_a_to_z("\u00c9t\u00e9 Stra\u00dfe \u0152uvre") == "ete strasse oeuvre");
}

TEST_CASE("a-z: glossary first cells give each acronym on its own", "[render][a-z]") {
  using qahub::render::glossary_terms;
  CHECK(glossary_terms("CLA, LAC, CiC") == std::vector<std::string>{"CLA", "LAC", "CiC"});
  CHECK(glossary_terms("SEN; SEND / EHCP") == std::vector<std::string>{"SEN", "SEND", "EHCP"});
  CHECK(glossary_terms(" CIN ") == std::vector<std::string>{"CIN"});
  CHECK(glossary_terms(", ,").empty());
}

TEST_CASE("a-z: groups 0–9 first, then A–Z, other scripts last; sorted by folded title then URL", "[render][a-z]") {
  std::vector<AToZEntry> entries = {
      {"zebra", "/z/", "", ""},  {"\u00c9cole", "/e2/", "", ""}, {"apple", "/a/", "", ""},
      {"\u03c9", "/w/", "", ""}, {"10 steps", "/n10/", "", ""},  {"9 steps", "/n9/", "", ""},
      {"Ecole", "/e1/", "", ""}, {"ecole", "/e0/", "", ""},      {"Ecole", "/e3/", "", ""}};
  std::vector<AToZLetter> letters = qahub::render::group_by_letter(entries);
  REQUIRE(letters.size() == 5);
  CHECK(letters[0].label == "0\u20139");
  CHECK(letters[1].label == "A");
  CHECK(letters[2].label == "E");
  CHECK(letters[3].label == "Z");
  CHECK(letters[4].label == "\u03a9");
  CHECK(letters[0].entries[0].url == "/n9/");  // numbers by value
  CHECK(letters[0].entries[1].url == "/n10/");
  std::vector<std::string> e_urls;
  for (const AToZEntry& e : letters[2].entries) e_urls.push_back(e.url);
  // Same folded key "ecole": then the title bytewise ("Ecole" < "ecole" < "École"), then the URL.
  CHECK(e_urls == std::vector<std::string>{"/e1/", "/e3/", "/e0/", "/e2/"});
}

TEST_CASE("a-z: every page but drafts, record pages, and glossary rows linked by id", "[render][a-z]") {
  TestSite site({{"content/_index.md", page("title: Hub\n")},
                 {"content/guidance/_index.md", page("title: Guidance\n")},
                 {"content/guidance/elan.md", page("title: \u00c9lan\ndescription: Keeping going.\n")},
                 {"content/guidance/secret.md", page("title: Secret plan\ndraft: true\n")},
                 {"content/about/_index.md", page("title: About\n")},
                 {"content/about/words.md",
                  page("title: Words\ntags: [Glossary]\n",
                       "| term | stands for | meaning |\n| --- | --- | --- |\n| CLA, LAC | child looked after | in "
                       "care |\n| 2YO | two year olds | funded places |\n")},
                 {"content/about/links.md", page("title: Links\n", "See [LAC](words.md#term-cla-lac).\n")}});
  REQUIRE(site.build());
  const std::string az = site.output("a-z/index.html");
  CHECK(contains(az,
                 "<li><a href=\"/guidance/elan/\">\u00c9lan</a> <span class=\"az-section\">(Guidance)</span>"
                 "<p>Keeping going.</p></li>"));
  CHECK_FALSE(contains(az, "Secret plan"));
  CHECK(contains(az,
                 "<li><a href=\"/about/words/#term-cla-lac\">CLA</a> <span class=\"az-section\">(Words)</span>"
                 "<p>child looked after \u2014 in care</p></li>"));
  CHECK(contains(az, "<li><a href=\"/about/words/#term-cla-lac\">LAC</a>"));
  CHECK(contains(az, "<h2 id=\"letter-0-9\">0\u20139</h2>"));
  CHECK(az.find("id=\"letter-0-9\"") < az.find("id=\"letter-a\""));
  CHECK(contains(az, "<li><a class=\"tag\" href=\"#letter-e\">E</a></li>"));
  CHECK(contains(site.output("about/words/index.html"), "<tr id=\"term-cla-lac\">"));
  CHECK(contains(site.output("search/index.html"), "<a href=\"/a-z/\">A to Z</a>"));
  CHECK(contains(site.output("404.html"), "<a href=\"/a-z/\">A to Z</a>"));
  CHECK(contains(site.output("about/index.html"), "<li><a href=\"/a-z/\">A to Z</a></li>"));
  CHECK_FALSE(site.exists("a-z/a/index.html"));

  site.options.drafts = true;
  REQUIRE(site.build());
  CHECK_FALSE(contains(site.output("a-z/index.html"), "Secret plan"));  // built, but never listed
}

TEST_CASE("a-z: a broken link to a glossary row is an error naming the row ids", "[render][a-z]") {
  TestSite site({{"content/_index.md", page("title: Hub\n")},
                 {"content/words.md", page("title: Words\ntags: [glossary]\n",
                                           "| term | meaning |\n| --- | --- |\n| CIN | child in need |\n")},
                 {"content/links.md", page("title: Links\n", "See [CIN](words.md#term-cim).\n")}});
  CHECK_FALSE(site.build());
  CHECK(contains(site.diagnostics(), "content/links.md:4:5: error:"));
  CHECK(contains(site.diagnostics(), "\"term-cin\""));
}

TEST_CASE("a-z: above 2,000 entries each letter gets its own page", "[render][a-z]") {
  std::map<std::string, std::string> files = {{"content/_index.md", page("title: Hub\n")}};
  // 2,001 entries: the home page and 2,000 pages spread over A, B and 0–9.
  for (int i = 0; i < 2000; ++i) {
    const std::string title = (i % 3 == 0 ? "Alpha " : i % 3 == 1 ? "Beta " : "") + std::to_string(i);
    files["content/p" + std::to_string(i) + ".md"] = page("title: \"" + title + "\"\n");
  }
  TestSite site(files);
  REQUIRE(site.build());
  const std::string index = site.output("a-z/index.html");
  CHECK(contains(index, "2001 entries: every page"));
  CHECK_FALSE(contains(index, "class=\"az-letters\""));
  CHECK(contains(index, "<li><a href=\"/a-z/0-9/\">0\u20139</a>: 666 entries</li>"));
  CHECK(contains(index, "<li><a href=\"/a-z/a/\">A</a>: 667 entries</li>"));
  CHECK(contains(index, "<li><a href=\"/a-z/b/\">B</a>: 667 entries</li>"));
  CHECK(contains(index, "<li><a href=\"/a-z/h/\">H</a>: 1 entry</li>"));  // "Hub"
  CHECK(count_of(index, "<li><a href=\"/p") == 0);
  const std::string b = site.output("a-z/b/index.html");
  CHECK(count_of(b, "<li><a href=\"/p") == 667);
  CHECK(contains(b, "<a class=\"tag\" href=\"/a-z/b/\" aria-current=\"page\">B</a>"));
  CHECK(contains(b, "<a class=\"tag\" href=\"/a-z/a/\">A</a>"));
  CHECK(b.find(">Beta 1</a>") < b.find(">Beta 4</a>"));
  CHECK(b.find(">Beta 4</a>") < b.find(">Beta 10</a>"));  // numbers by value
  CHECK(count_of(site.output("a-z/0-9/index.html"), "<li><a href=\"/p") == 666);
  CHECK(site.exists("a-z/h/index.html"));
}

TEST_CASE("a-z: no empty section or description markup", "[render][a-z]") {
  TestSite site({{"content/_index.md", page("title: Hub\n")}, {"content/plain.md", page("title: Plain\n")}});
  REQUIRE(site.build());
  const std::string az = site.output("a-z/index.html");
  CHECK(contains(az, "<li><a href=\"/\">Hub</a></li>"));
  CHECK(contains(az, "<li><a href=\"/plain/\">Plain</a> <span class=\"az-section\">(Hub)</span></li>"));
  CHECK_FALSE(contains(az, "<p></p>"));
}
