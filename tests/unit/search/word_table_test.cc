#include <catch2/catch.hpp>

#include <string>
#include <unordered_map>

#include "search/lunr_stem.h"
#include "search/word_table.h"

using qahub::search::StemCache;
using qahub::search::WordTable;

TEST_CASE("word table: words are numbered in first-seen order, each once", "[search]") {
  WordTable t;
  CHECK(t.find(u"child") == WordTable::kNone);
  CHECK(t.insert(u"child") == std::pair<uint32_t, bool>{0, true});
  CHECK(t.insert(u"plan") == std::pair<uint32_t, bool>{1, true});
  CHECK(t.insert(u"child") == std::pair<uint32_t, bool>{0, false});
  CHECK(t.insert(u"") == std::pair<uint32_t, bool>{2, true});  // lunr keeps tokens that trim to ""
  CHECK(t.find(u"plan") == 1);
  CHECK(t.find(u"plans") == WordTable::kNone);
  CHECK(t.word(1) == u"plan");
  CHECK(t.size() == 3);
}

TEST_CASE("word table: growing keeps every number, against a std::unordered_map", "[search]") {
  WordTable t;
  std::unordered_map<std::u16string, uint32_t> reference;
  // 50,000 words: the table grows from 1,024 slots many times over; words
  // that differ only at the end, long words and non-ASCII units among them.
  for (uint32_t i = 0; i < 50000; ++i) {
    std::u16string w = u"w" + std::u16string(i % 7, u'\u00e9');
    for (uint32_t n = i; n; n /= 10) w += static_cast<char16_t>(u'0' + n % 10);
    const auto [id, added] = t.insert(w);
    const auto [it, fresh] = reference.try_emplace(w, static_cast<uint32_t>(reference.size()));
    REQUIRE(added == fresh);
    REQUIRE(id == it->second);
  }
  for (const auto& [w, id] : reference) REQUIRE(t.find(w) == id);
  CHECK(t.size() == reference.size());
}

TEST_CASE("stem cache: stop words share the table, uncounted and unstemmed by the analyzer", "[search]") {
  StemCache c;
  c.add_stop_word(u"the");
  CHECK(c.is_stop_word(u"the"));
  CHECK_FALSE(c.is_stop_word(u"plans"));
  CHECK(c.stem_unless_stop(u"the") == nullptr);
  REQUIRE(c.stem_unless_stop(u"plans") != nullptr);
  CHECK(*c.stem_unless_stop(u"plans") == u"plan");
  CHECK(c.stem(u"the") == u"the");  // a query word is stemmed even when it is a stop word
  std::u16string seen;
  c.for_each([&](const std::u16string& word, const std::u16string& stem, uint64_t count) {
    seen += word + u"→" + stem + u"×" + static_cast<char16_t>(u'0' + count) + u";";
  });
  CHECK(seen == u"the→the×1;plans→plan×2;");
}
