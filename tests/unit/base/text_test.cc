#include <catch2/catch.hpp>

#include "base/parallel.h"
#include "base/text.h"

using namespace qahub::base;

TEST_CASE("text: slugify follows GitHub's anchor rule", "[base]") {
  CHECK(slugify("What good looks like") == "what-good-looks-like");
  CHECK(slugify("Signs of Safety: the basics!") == "signs-of-safety-the-basics");
  CHECK(slugify("Section 47 (s47) enquiries") == "section-47-s47-enquiries");
  CHECK(slugify("Children’s voice") == "children\xe2\x80\x99s-voice");
  CHECK(slugify("a_b-c") == "a_b-c");
}

TEST_CASE("text: html_escape escapes the five characters", "[base]") {
  CHECK(html_escape("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
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
