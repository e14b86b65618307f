#include <catch2/catch.hpp>

#include "search/query_plan.h"
#include "search/synonyms.h"

using namespace qahub::search;

namespace {
SynonymTable table() {
  qahub::diag::Diagnostics diags;
  auto t = SynonymTable::parse(
      R"({"groups": [["CIN", "child in need"], ["organisation", "organization"], ["CP", "child protection"]]})",
      "data/search/synonyms.json", diags);
  REQUIRE_FALSE(diags.has_errors());
  return t;
}
}  // namespace

TEST_CASE("search: synonyms: a page gets the variants it does not mention", "[search]") {
  auto t = table();
  CHECK(t.expansion_for("Every Child-in-Need plan") == "CIN");
  CHECK(t.expansion_for("The CIN plan") == "child in need");
  CHECK(t.expansion_for("organisations and CP") == "organization ; child protection");
  CHECK(t.expansion_for("nothing here") == "");
}

TEST_CASE("search: synonyms: possessives match however they are typed", "[search]") {
  qahub::diag::Diagnostics diags;
  auto t = SynonymTable::parse(R"({"groups": [["DCS", "director of children's services"]]})", "synonyms.json", diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(t.expansion_for("The Director of Children’s Services") == "DCS");
  CHECK(t.expansion_for("the director of childrens services") == "DCS");
}

TEST_CASE("search: query plan: possessives fold to the word, as the index reads them", "[search]") {
  const SynonymTable none;
  for (const char* q : {"father's", "Father’s", "fathers'", "(father's)"}) {
    auto words = plan_query(q, {}, none);
    REQUIRE(words.size() == 1);
    CHECK(words[0].text == (std::string(q) == "fathers'" ? "fathers" : "father"));
  }
  CHECK(plan_query("it's", {"it"}, none).empty());  // a stop word once folded
}

TEST_CASE("search: synonyms: query words expand to one-word variants", "[search]") {
  auto t = table();
  auto words = plan_query("Organizations CIN the", {"the"}, t);
  REQUIRE(words.size() == 2);
  CHECK(words[0].text == "organizations");
  CHECK(words[0].exact == std::vector<std::string>{"organ", "organis"});
  CHECK(words[0].prefixes == std::vector<std::string>{"organizations", "organ"});
  CHECK(words[1].exact == std::vector<std::string>{"cin"});
  CHECK(words[1].prefixes == std::vector<std::string>{"cin"});
}

TEST_CASE("search: synonyms: errors name the file, line and column", "[search]") {
  qahub::diag::Diagnostics diags;
  SynonymTable::parse("{\n  \"groups\": [\n    [\"a\" \"b\"]\n  ]\n}\n", "data/search/synonyms.json", diags);
  // nlohmann reports the column after the offending token.
  CHECK(diags.format_all() ==
        "data/search/synonyms.json:3:12: error: invalid JSON: syntax error while parsing array - unexpected string "
        "literal; expected ']'\n");
  qahub::diag::Diagnostics diags2;
  SynonymTable::parse(R"({"groups": [["only one"], "x"]})", "data/search/synonyms.json", diags2);
  CHECK(diags2.format_all() ==
        "data/search/synonyms.json: error: groups/0: expected an array of at least two non-empty strings\n"
        "data/search/synonyms.json: error: groups/1: expected an array of at least two non-empty strings\n");
}

TEST_CASE("search: query plan: half-typed words fall back to a truncation", "[search]") {
  SynonymTable none;
  Vocabulary vocab;
  vocab.has_term = [](const std::string& t) { return t == "safeguard"; };
  vocab.has_prefix = [](const std::string& p) { return std::string("safeguard").rfind(p, 0) == 0; };
  auto words = plan_query("safeguardi", {}, none, &vocab);
  REQUIRE(words.size() == 1);
  CHECK(words[0].prefixes == std::vector<std::string>{"safeguardi", "safeguard"});
  CHECK(word_matches_term(words[0], "safeguard"));
  CHECK_FALSE(word_matches_term(words[0], "safe"));
}

TEST_CASE("search: excerpt: window around the first match", "[search]") {
  SynonymTable none;
  auto words = plan_query("reviews", {}, none);
  auto m = find_excerpt(std::string(300, 'x') + " the plan is reviewed monthly", words, 60);
  CHECK(m.words_matched == 1);
  CHECK(m.excerpt == "…the plan is reviewed monthly");
  CHECK(find_excerpt("", words).excerpt.empty());
  CHECK_NOTHROW(find_excerpt(std::string(100000, 'r') + "\xff", words));
}

TEST_CASE("search: synonyms: a number JSON cannot hold is an error, not a crash", "[search]") {
  qahub::diag::Diagnostics diags;
  auto t = SynonymTable::parse("{\"groups\": [[\"a\", \"b\"]], \"n\": 1e999}", "data/search/synonyms.json", diags);
  CHECK(diags.format_all() == "data/search/synonyms.json:1:31: error: invalid JSON: number 1e999 is too large\n");
  CHECK(t.expansion_for("a") == "");
}
