#include <catch2/catch.hpp>

#include "search/lunr_index.h"
#include "search/lunr_query.h"
#include "search/tokenizer.h"

using namespace qahub::search;

namespace {

LunrIndex load(const std::vector<std::pair<std::string, std::vector<std::string>>>& docs) {
  LunrIndexBuilder b({{"title", 10}, {"body", 1}}, {}, lunr_stop_words());
  for (const auto& [ref, fields] : docs) b.add(ref, fields);
  LunrIndex index;
  std::string error;
  REQUIRE(LunrIndex::parse(b.to_json(), index, error));
  return index;
}

std::vector<std::string> refs(const LunrIndex& index, const std::vector<LunrResult>& results) {
  std::vector<std::string> out;
  for (const auto& r : results) out.push_back(index.ref(r.doc));
  return out;
}

std::vector<std::u16string> terms(const LunrIndex& index, const std::vector<uint32_t>& ids) {
  std::vector<std::u16string> out;
  for (uint32_t id : ids) out.push_back(index.term(id));
  return out;
}

}  // namespace

TEST_CASE("search: lunr query: prefixes expand in TokenSet.toArray order", "[search]") {
  // Pre-order, siblings last-first, digit edges after the others (Object.keys
  // lists integer keys first, and toArray pops the last one first).
  LunrIndex index = load({{"0", {"ab abd abda abc ab1 ab2 abz", ""}}});
  CHECK(terms(index, index.expand(u"ab*")) ==
        std::vector<std::u16string>{u"ab", u"abz", u"abd", u"abda", u"abc", u"ab2", u"ab1"});
  CHECK(terms(index, index.expand(u"abd")) == std::vector<std::u16string>{u"abd"});
  CHECK(index.expand(u"abx").empty());
  CHECK(index.expand(u"x*").empty());
  CHECK(index.has_prefix(u"abd"));
  CHECK_FALSE(index.has_prefix(u"abx"));
}

TEST_CASE("search: lunr query: required, optional and prohibited clauses", "[search]") {
  LunrIndex index =
      load({{"0", {"plan", "a plan for review"}}, {"1", {"review", "review only"}}, {"2", {"other", "plan"}}});
  CHECK(refs(index, index.query({{u"plan", 1, LunrPresence::kRequired}})) == std::vector<std::string>{"0", "2"});
  CHECK(refs(index, index.query({{u"plan", 1, LunrPresence::kRequired}, {u"review", 1, LunrPresence::kRequired}})) ==
        std::vector<std::string>{"0"});
  CHECK(index.query({{u"plan", 1, LunrPresence::kRequired}, {u"zebra", 1, LunrPresence::kRequired}}).empty());
  CHECK(refs(index, index.query({{u"plan", 1, LunrPresence::kOptional}, {u"zebra", 1, LunrPresence::kOptional}})) ==
        std::vector<std::string>{"0", "2"});
  CHECK(refs(index, index.query({{u"review", 1, LunrPresence::kOptional}, {u"plan", 1, LunrPresence::kProhibited}})) ==
        std::vector<std::string>{"1"});
  // Only prohibited clauses: every other document, score 0.
  auto negated = index.query({{u"plan", 1, LunrPresence::kProhibited}});
  REQUIRE(negated.size() == 1);
  CHECK(index.ref(negated[0].doc) == "1");
  CHECK(negated[0].score == 0);
}

TEST_CASE("search: lunr query: scores are stored weights over the query vector's magnitude", "[search]") {
  LunrIndex index = load({{"0", {"plan", "plan"}}, {"1", {"", "plan review"}}});
  // One clause, boost 10: the query vector is (10) per field, magnitude 10,
  // so a field scores its stored weight; the document sums its fields.
  auto r = index.query({{u"plan", 10, LunrPresence::kOptional}});
  REQUIRE(r.size() == 2);
  CHECK(index.ref(r[0].doc) == "0");
  CHECK(r[0].score > r[1].score);
  // Matches hold (term, field) pairs, title first as lunr meets them.
  CHECK(r[0].matches.size() == 2);
  CHECK(r[0].matches[0].second == 0);
  CHECK(r[0].matches[1].second == 1);
}

TEST_CASE("search: lunr query: ties keep the order lunr first meets each document", "[search]") {
  // Refs are integer-like: Object.keys lists them ascending, whatever the
  // insertion order.
  LunrIndexBuilder b({{"body", 1}}, {}, lunr_stop_words());
  b.add("10", {"same"});
  b.add("2", {"same"});
  b.add("x", {"same"});
  LunrIndex index;
  std::string error;
  REQUIRE(LunrIndex::parse(b.to_json(), index, error));
  CHECK(refs(index, index.query({{u"same", 1, LunrPresence::kOptional}})) == std::vector<std::string>{"2", "10", "x"});
}

TEST_CASE("search: lunr query: what is not a lunr index is refused", "[search]") {
  LunrIndex index;
  std::string error;
  CHECK_FALSE(LunrIndex::parse("[", index, error));
  CHECK(error == "not a lunr index");
  CHECK_FALSE(
      LunrIndex::parse("{\"fields\":[\"body\"],\"fieldVectors\":[],\"invertedIndex\":[[\"b\",{\"_index\":0,"
                       "\"body\":{}}],[\"a\",{\"_index\":1,\"body\":{}}]]}",
                       index, error));  // out of order, as lunr.Index.load refuses
  CHECK_FALSE(LunrIndex::parse(
      "{\"fields\":[\"body\"],\"fieldVectors\":[],\"invertedIndex\":[[\"a\",{\"_index\":0,\"body\":{\"0\":{}}}]]}",
      index, error));
  CHECK(error == "a posting has no field vector");
}
