#include <catch2/catch.hpp>

#include "search/correction.h"

using namespace qahub::search;

TEST_CASE("search: correction: corrected queries are tried nearest first", "[search]") {
  using Order = std::vector<std::vector<size_t>>;
  CHECK(correction_order({1, 2}) == Order{{0, 0}, {0, 1}});
  CHECK(correction_order({2, 2}) == Order{{0, 0}, {0, 1}, {1, 0}, {1, 1}});
  CHECK(correction_order({3, 1, 2}) == Order{{0, 0, 0}, {0, 0, 1}, {1, 0, 0}, {1, 0, 1}, {2, 0, 0}, {2, 0, 1}});
  CHECK(correction_order({}) == Order{{}});
  // Many misspelt words: later words lose alternatives, at most 27 tries.
  const Order many = correction_order({4, 4, 4, 4, 4, 4});
  CHECK(many.size() == kMaxCorrectionsTried);
  CHECK(many[0] == std::vector<size_t>{0, 0, 0, 0, 0, 0});
  for (const auto& combo : many) CHECK(combo[4] == 0);  // 4 × 4 × 4 × 1 × 1 × 1 ≤ 81
}

TEST_CASE("search: correction: word by word, preferring a correction that has results", "[search]") {
  const SynonymTable none;
  std::vector<QueryWord> words = plan_query("retrun interveiw", {}, none);
  REQUIRE(words.size() == 2);
  const std::vector<std::vector<std::string>> nearest = {{"return", "retry"}, {"interview", "interval"}};
  std::vector<std::string> tried;
  auto only = [&](const std::string& wanted) {
    return [&tried, wanted](const std::string& q) {
      tried.push_back(q);
      return q == wanted;
    };
  };
  CHECK(correct_query(words, {true, true}, nearest, only("retry interval")) == "retry interval");
  CHECK(tried == std::vector<std::string>{"return interview", "return interval", "retry interview", "retry interval"});
  // None has results: the first, the nearest words of each.
  CHECK(correct_query(words, {true, true}, nearest, only("")) == "return interview");
  // A word that finds something stays as typed.
  CHECK(correct_query(words, {false, true}, nearest, only("retrun interval")) == "retrun interval");
  // A word that finds nothing and has no suggestion: no correction.
  CHECK(correct_query(words, {true, true}, {{"return"}, {}}, only("")) == "");
  // A word the half-typed guess found may stay, after its suggestions.
  words[1].guessed = true;
  CHECK(correct_query(words, {true, true}, {{"return"}, {"interval"}}, only("return interveiw")) == "return interveiw");
  CHECK(correct_query(words, {false, true}, {{}, {}}, only("")) == "");  // the query itself is no correction
}
