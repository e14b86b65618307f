#include <catch2/catch.hpp>

#include "base/text.h"
#include "base/unicode.h"

#include <random>

using namespace qahub::base;

namespace {

/// Byte strings mixing ASCII runs (longer than the eight-byte steps), valid
/// multi-byte characters and broken ones, at every alignment.
std::string random_bytes(std::mt19937& random) {
  static const std::string pieces[] = {"a",
                                       "plain ascii text.",
                                       "\xC3\xA9",
                                       "\xE2\x82\xAC",
                                       "\xF0\x9F\x98\x80",
                                       "\xFF",
                                       "\xC3",
                                       "\xE2\x82",
                                       "\xED\xA0\x80",
                                       "\xF4\x90\x80\x80",
                                       "\xC0\xAF",
                                       "\x80",
                                       "\n",
                                       "\x7F"};
  std::string out;
  const int n = static_cast<int>(random() % 10);
  for (int k = 0; k < n; ++k) out += pieces[random() % std::size(pieces)];
  return out;
}

/// Decoding one character at a time, as sanitize_utf8 and utf8_to_utf16 did
/// before their fast paths: a bad sequence is U+FFFD and costs one byte.
std::u32string code_points(std::string_view text) {
  std::u32string out;
  for (size_t i = 0; i < text.size();) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    int extra = b0 < 0x80                  ? 0
                : b0 >= 0xC2 && b0 <= 0xDF ? 1
                : b0 >= 0xE0 && b0 <= 0xEF ? 2
                : b0 >= 0xF0 && b0 <= 0xF4 ? 3
                                           : -1;
    char32_t cp = extra == 0 ? b0 : extra == 1 ? (b0 & 0x1F) : extra == 2 ? (b0 & 0x0F) : (b0 & 0x07);
    bool ok = extra >= 0 && i + extra < text.size();
    for (int k = 1; ok && k <= extra; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      ok = (b & 0xC0) == 0x80;
      cp = (cp << 6) | (b & 0x3F);
    }
    const char32_t min = extra == 1 ? 0x80 : extra == 2 ? 0x800 : extra == 3 ? 0x10000 : 0;
    ok = ok && cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    out += ok ? cp : U'\uFFFD';
    i += ok ? extra + 1 : 1;
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
  } else if (cp < 0x10000) {
    out += {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
            static_cast<char>(0x80 | (cp & 0x3F))};
  } else {
    out += {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
            static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
  }
}

void append_utf16(std::u16string& out, char32_t cp) {
  if (cp < 0x10000) {
    out += static_cast<char16_t>(cp);
  } else {
    out += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
    out += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
  }
}

}  // namespace

TEST_CASE("unicode: sanitize_utf8 and utf8_to_utf16 agree with decoding one character at a time", "[base]") {
  std::mt19937 random(11);
  for (int round = 0; round < 5000; ++round) {
    const std::string text = random_bytes(random);
    INFO(text);
    const std::u32string cps = code_points(text);
    std::string slow;
    std::u16string slow16;
    for (char32_t cp : cps) {
      append_utf8(slow, cp);
      append_utf16(slow16, cp);
    }
    CHECK(sanitize_utf8(text) == slow);
    CHECK(utf8_to_utf16(text) == slow16);
    CHECK((first_invalid_utf8(text) == std::string_view::npos) == (slow == text));
  }
}

TEST_CASE("unicode: first_invalid_utf8 finds a bad byte after long ASCII runs, at any offset", "[base]") {
  for (size_t at = 0; at < 40; ++at) {
    std::string text(48, 'x');
    text[at] = '\xFF';
    CHECK(first_invalid_utf8(text) == at);
  }
  std::string valid(64, 'x');
  valid.append("\xC3\xA9").append(9, 'y');
  CHECK(first_invalid_utf8(valid) == std::string_view::npos);
  std::string cut(17, 'x');
  cut.push_back('\xC3');
  CHECK(first_invalid_utf8(cut) == 17);
}
