#include <catch2/catch.hpp>

#include "search/suggest.h"

using namespace qahub::search;

TEST_CASE("search: suggestions: every surface form, most frequent stem first, its most used form first", "[search]") {
  SurfaceCounts counts;
  counts[u"chronology"] = {u"chronolog", 3};
  counts[u"chronologies"] = {u"chronolog", 2};
  counts[u"audit"] = {u"audit", 4};
  counts[u"audits"] = {u"audit", 4};
  counts[u"a-032"] = {u"a-032", 9};  // not a plain word
  counts[u"café"] = {u"caf", 1};     // not a plain word, and its stem has no plain one
  counts[u"ab"] = {u"ab", 7};        // too short
  CHECK(suggestion_words(counts) == std::vector<std::string>{"audit", "audits", "chronology", "chronologies"});
  CHECK(suggestion_words_json({"audit", "chronology"}) == "[\"audit\",\"chronology\"]");
}

TEST_CASE("search: suggestions: nearest words within edit distance 1, or 2 from 5 letters", "[search]") {
  const std::vector<std::string> words = {"chronology", "audit", "aunt", "chronologies", "edit", "review"};
  CHECK(nearest_words("chronolgy", words) == std::vector<std::string>{"chronology"});
  CHECK(nearest_words("xhronology", words) == std::vector<std::string>{"chronology"});
  CHECK(nearest_words("audt", words) == std::vector<std::string>{"audit", "aunt"});
  CHECK(nearest_words("adit", words) == std::vector<std::string>{"audit", "edit"});
  CHECK(nearest_words("audit", words) == std::vector<std::string>{"aunt", "edit"});  // not the word itself
  CHECK(nearest_words("zzzzzz", words).empty());
  CHECK(nearest_words("au", words).empty());
}

TEST_CASE("search: suggestions: one word per stem, the most frequent form within reach", "[search]") {
  // "interviews" (3 edits from "interveiw") is the more frequent form, but
  // only "interview" is within reach.
  CHECK(nearest_words("interveiw", {"interviews", "interview"}) == std::vector<std::string>{"interview"});
  CHECK(nearest_words("fathres", {"fathers", "father", "feathers"}) == std::vector<std::string>{"fathers"});
}
