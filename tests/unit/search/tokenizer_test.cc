#include <catch2/catch.hpp>

#include "search/tokenizer.h"
#include "search/unicode.h"

using namespace qahub::search;

namespace {
std::vector<std::string> analyze(const std::string& text, const std::vector<std::string>& stops = lunr_stop_words()) {
  Analyzer a(stops);
  std::vector<std::string> out;
  for (const Token& t : a.analyze(utf8_to_utf16(text))) out.push_back(utf16_to_utf8(t.text));
  return out;
}
}  // namespace

TEST_CASE("search: tokenizer: lunr's non-ASCII and trimming behaviour", "[search]") {
  CHECK(analyze("café") == std::vector<std::string>{"caf"});
  CHECK(analyze("naïve") == std::vector<std::string>{"naïv"});
  CHECK(analyze("child’s child's") == std::vector<std::string>{"child", "child"});  // possessive
  CHECK(analyze("über") == std::vector<std::string>{"ber"});
  CHECK(analyze("ΟΔΟΣ — Ｆｕｌｌ") == std::vector<std::string>{"", "", ""});
  CHECK(analyze("C++ fast.") == std::vector<std::string>{"c", "fast"});
  CHECK(analyze("İstanbul") == std::vector<std::string>{"i̇stanbul"});
  CHECK(analyze("semi-structured\u00a0x\u2013y") == std::vector<std::string>{"semi", "structur", "x\u2013i"});
}

TEST_CASE("search: tokenizer: possessives fold to the word, straight and curly apostrophes alike", "[search]") {
  auto fold = [](const char* word) { return utf16_to_utf8(fold_possessive(utf8_to_utf16(word))); };
  CHECK(fold("father's") == "father");
  CHECK(fold("father’s") == "father");
  CHECK(fold("fathers'") == "fathers");
  CHECK(fold("fathers’") == "fathers");
  CHECK(fold("fathers") == "fathers");
  CHECK(fold("'s") == "'s");  // too short to be a possessive
  CHECK(fold("x'") == "x");
  CHECK(fold("'") == "'");
  CHECK(fold("o'clock") == "o'clock");    // only at the end
  CHECK(fold("father‘s") == "father‘s");  // an opening quote is no apostrophe
  // In the pipeline: after the trimmer ("(father's)"), before the stop-word
  // filter ("it's" is "it") and the stemmer ("fathers'" is "father").
  CHECK(analyze("(Father's) FATHER’S fathers' it's") == std::vector<std::string>{"father", "father", "father"});
}

TEST_CASE("search: tokenizer: stop words are checked after trimming; domain list keeps must/who", "[search]") {
  CHECK(analyze("(the) must who").empty());
  CHECK(analyze("(the) must who", qahub_stop_words()) == std::vector<std::string>{"must", "who"});
  CHECK(lunr_stop_words().size() == 119);
}

TEST_CASE("search: tokenizer: positions are UTF-16 offsets in the lower-cased text", "[search]") {
  auto tokens = tokenize(utf8_to_utf16("😀 İx  b"));
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[0].start == 0);
  CHECK(tokens[0].length == 2);
  CHECK(tokens[1].start == 3);
  CHECK(tokens[1].length == 3);  // i + U+0307 + x
  CHECK(tokens[2].start == 8);
}

TEST_CASE("search: unicode: JS lower-casing special cases", "[search]") {
  CHECK(utf16_to_utf8(js_to_lower(utf8_to_utf16("ΟΔΟΣ ΣΑΣ Σ"))) == "οδος σας σ");
  CHECK(utf16_to_utf8(js_to_lower(utf8_to_utf16("\u1C90"))) == "\u10D0");  // Georgian Mtavruli
  CHECK(utf16_to_utf8(js_to_lower(utf8_to_utf16("𐐀"))) == "𐐨");
}

TEST_CASE("search: unicode: invalid UTF-8 becomes U+FFFD and never crashes", "[search]") {
  CHECK(sanitize_utf8("a\xff"
                      "b") ==
        "a\uFFFD"
        "b");
  CHECK(sanitize_utf8("\xe2\x82") == "\uFFFD\uFFFD");
  CHECK(sanitize_utf8("\xed\xa0\x80") == "\uFFFD\uFFFD\uFFFD");  // a surrogate
  CHECK(sanitize_utf8("\xc0\xaf") == "\uFFFD\uFFFD");            // overlong
  CHECK(sanitize_utf8("ok é 😀") == "ok é 😀");
  Analyzer a(lunr_stop_words());
  CHECK_NOTHROW(a.analyze(utf8_to_utf16("\xff\xfe\xfd broken \xf4\x90\x80\x80")));
  CHECK(a.analyze(utf8_to_utf16("")).empty());
}

TEST_CASE("search: tokenizer: astral and combining characters", "[search]") {
  CHECK(analyze("x😀y e\u0301 😀") == std::vector<std::string>{"x😀i", "e", ""});
}
