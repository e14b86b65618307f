#include <catch2/catch.hpp>

#include "search/corpus.h"
#include "search/js_json.h"
#include "search/lunr_index.h"

#include <charconv>
#include <cmath>
#include <random>

using namespace qahub::search;

namespace {
std::string number(double v) {
  std::string s;
  append_js_number(s, v);
  return s;
}
}  // namespace

TEST_CASE("search: js_json: numbers as JavaScript prints them", "[search]") {
  CHECK(number(4.345) == "4.345");
  CHECK(number(100000) == "100000");
  CHECK(number(0.001) == "0.001");
  CHECK(number(1e21) == "1e+21");
  CHECK(number(1.5e-7) == "1.5e-7");
  CHECK(number(-0.0) == "0");
  CHECK(number(0.1 + 0.2) == "0.30000000000000004");
  CHECK(js_round(2.5) == 3);
  CHECK(js_round(-2.5) == -2);
  CHECK(js_round(0.49999999999999994) == 0);
}

TEST_CASE("search: js_json: numbers, the three-decimal fast path against the shortest fixed digits", "[search]") {
  // Between 1e-6 and 1e21 JavaScript prints the shortest round-trip digits
  // without an exponent, which is what to_chars(fixed) gives.
  auto fixed = [](double v) {
    char buf[64];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed).ptr);
  };
  std::mt19937_64 random(5);
  for (int round = 0; round < 200000; ++round) {
    const long long m = static_cast<long long>(random() % 2000000000000ULL) - 1000000000000LL;
    const double rounded = static_cast<double>(m) / 1000;  // lunr's Math.round(x * 1000) / 1000
    const double any = std::ldexp(static_cast<double>(random() >> 11), -static_cast<int>(random() % 60));
    for (double v : {rounded, any, -any, rounded / 7, static_cast<double>(m)}) {
      if (v == 0 || std::fabs(v) < 1e-6 || std::fabs(v) >= 1e21) continue;
      INFO(fixed(v));
      CHECK(number(v) == fixed(v));
    }
  }
}

TEST_CASE("search: js_json: strings escaped as nlohmann's compact dump escapes valid UTF-8", "[search]") {
  std::string all;
  for (int c = 1; c < 0x80; ++c) all += static_cast<char>(c);
  all += "\xC3\xA9 \xE2\x80\xA8 \xF0\x9F\x98\x80";
  for (const std::string& text : {all, std::string(), std::string("plain"), std::string("\"\\"), all + all}) {
    std::string out;
    append_js_string(out, text);
    CHECK(out == nlohmann::json(text).dump());
  }
}

TEST_CASE("search: js_json: integer-like keys come first", "[search]") {
  CHECK(js_key_order({"b", "10", "a", "2", "01", "4294967295", "4294967294"}) ==
        std::vector<size_t>{3, 1, 6, 0, 2, 4, 5});
}

TEST_CASE("search: lunr_index: the spec's tiny example", "[search]") {
  LunrIndexBuilder b({{"title", 10}, {"body", 1}}, {}, lunr_stop_words());
  b.add("a", {"run run", "run fast quick now"});
  b.add("b", {"cat", "café cat"});
  b.add("c", {"running cat", ""}, 2);
  std::string json = b.to_json();
  CHECK(json.rfind("{\"version\":\"2.3.9\",\"fields\":[\"title\",\"body\"],\"fieldVectors\":[[\"title/a\",[0,", 0) ==
        0);
  CHECK(json.find("[\"body/c\",[]]") != std::string::npos);
  CHECK(json.find("[\"\",{\"_index\":") == std::string::npos);
  CHECK(json.find("[\"caf\",{\"_index\":") != std::string::npos);
  CHECK(json.substr(json.size() - 38) == "],\"pipeline\":[\"possessive\",\"stemmer\"]}");
}

TEST_CASE("search: lunr_index: empty-term and long-token documents do not crash", "[search]") {
  LunrIndexBuilder b({{"body", 1}}, {"position"}, lunr_stop_words());
  std::vector<std::string> long_token(1, std::string(100000, 'x'));
  long_token[0] += " — \xff";
  b.add("0", long_token);
  b.add("1", {""});
  std::string json = b.to_json();
  CHECK(json.find("[\"\",{\"_index\":1,\"body\":{\"0\":{\"position\":[[100001,1],[100003,1]]}}}]") !=
        std::string::npos);
}

TEST_CASE("search: corpus: round trip and duplicate refs", "[search]") {
  Corpus c;
  c.fields = {{"title", 10}, {"body", 1}};
  c.stop_words = std::vector<std::string>{"the"};
  c.documents = {{"0", 1, {"The plan", "a body"}}, {"1", 2, {"x", ""}}};
  std::string text = corpus_to_json(c);
  CHECK(text.rfind("{\"fields\":[{\"name\":\"title\",\"boost\":10.0},{\"name\":\"body\",\"boost\":1.0}],"
                   "\"metadataWhitelist\":[],\"stopWords\":[\"the\"],\"documents\":[{\"ref\":\"0\"",
                   0) == 0);
  Corpus back;
  std::string error;
  REQUIRE(corpus_from_json(text, back, error));
  CHECK(build_lunr_index(back) == build_lunr_index(c));
  CHECK_FALSE(corpus_from_json(
      "{\"fields\":[],\"documents\":[{\"ref\":\"a\",\"fields\":{}},{\"ref\":\"a\",\"fields\":{}}]}", back, error));
  CHECK(error == "duplicate document ref \"a\"");
}

TEST_CASE("search: lunr_index: the JSON written in pieces on threads is the same bytes", "[search]") {
  // Over 1,024 documents and terms, so both parts are cut into pieces; with a
  // metadata whitelist too, and refs that are not in rank order.
  for (const std::vector<std::string>& whitelist : {std::vector<std::string>{}, std::vector<std::string>{"position"}}) {
    LunrIndexBuilder b({{"title", 10}, {"body", 1}}, whitelist, lunr_stop_words());
    for (int d = 0; d < 1500; ++d) {
      const std::string w = "word" + std::to_string(d) + " shared term" + std::to_string(d % 37);
      b.add(d % 3 ? std::to_string(d) : "page-" + std::to_string(d), {w, w + " more text " + std::to_string(d * 7)});
    }
    const std::string one = b.to_json(1);
    CHECK(b.to_json(2) == one);
    CHECK(b.to_json(5) == one);
    std::string joined;
    const std::vector<std::string> pieces = b.to_json_pieces(2);
    CHECK(pieces.size() > 2);
    for (const std::string& p : pieces) joined += p;
    CHECK(joined == one);
  }
}
