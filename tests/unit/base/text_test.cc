#include <catch2/catch.hpp>

#include "base/parallel.h"
#include "base/text.h"

using namespace qahub::base;

TEST_CASE("text: slugify follows GitHub's anchor rule", "[base]") {
  CHECK(slugify("What good looks like") == "what-good-looks-like");
  CHECK(slugify("Signs of Safety: the basics!") == "signs-of-safety-the-basics");
  CHECK(slugify("Section 47 (s47) enquiries") == "section-47-s47-enquiries");
  CHECK(slugify("Children’s voice") == "childrens-voice");
  CHECK(slugify("Children’s voice — what “good” looks like") == "childrens-voice--what-good-looks-like");
  CHECK(slugify("Café au lait ÉTÉ") == "café-au-lait-été");
  CHECK(slugify("x² ½ Ⅻ 😀") == "x--ⅻ-");
  CHECK(slugify("— “” !") == "--");
  CHECK(slugify("Ⓐ plan") == "ⓐ-plan");  // Other_Alphabetic symbols stay, as in github-slugger
  CHECK(slugify("a_b-c") == "a_b-c");
}

TEST_CASE("text: html_escape escapes the five characters", "[base]") {
  CHECK(html_escape("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST_CASE("text: append_html_escaped appends what html_escape gives, runs and all", "[base]") {
  for (const std::string text : {"", "plain", "&", "a<b>c\"d'e&f", "&&<<", "end>", "\xC3\xA9 & \xE2\x80\x94"}) {
    std::string out = "kept:";
    append_html_escaped(out, text);
    CHECK(out == "kept:" + html_escape(text));
  }
  CHECK(html_escape("a<b>c\"d'e&f") == "a&lt;b&gt;c&quot;d&#39;e&amp;f");
}

TEST_CASE("text: closest_match suggests near misses only", "[base]") {
  std::vector<std::string> keys = {"title", "description", "weight", "review_by"};
  CHECK(closest_match("tittle", keys) == "title");
  CHECK(closest_match("reviewby", keys) == "review_by");
  CHECK(closest_match("colour", keys).empty());
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("text: split_lines and trim", "[base]") {
  auto lines = split_lines("a\nb\n\nc");
  REQUIRE(lines.size() == 4);
  CHECK(lines[3] == "c");
  CHECK(trim("  x y \n") == "x y");
}

TEST_CASE("parallel_for visits every index once with any job count", "[base]") {
  for (int jobs : {1, 2, 4}) {
    std::vector<int> hits(1000, 0);
    parallel_for(hits.size(), jobs, [&](size_t i) { hits[i]++; });
    for (int h : hits) CHECK(h == 1);
  }
}

TEST_CASE("text: natural_key orders numbers by value", "[base][order]") {
  CHECK(natural_key("a-9") < natural_key("a-10"));
  CHECK(natural_key("a-009") == natural_key("a-9"));
  CHECK(natural_key("cycle-2") < natural_key("cycle-10b"));
  CHECK(natural_key("") == "");
}

TEST_CASE("text: strip_xml_illegal removes C0 controls but tab, LF and CR", "[base][feed]") {
  CHECK(strip_xml_illegal("a\x01\x0b\x0c\x1f b\tc\nd\re") == "a b\tc\nd\re");
  CHECK(strip_xml_illegal("Children\xE2\x80\x99s") == "Children\xE2\x80\x99s");
}
