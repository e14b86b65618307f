#include <catch2/catch.hpp>

#include <string>

#include "base/sha1.h"
#include "base/uuid.h"

using namespace qahub;

namespace {
std::string hex_sha1(const std::string& s) {
  auto d = base::sha1(s);
  return base::to_hex(d.data(), d.size());
}
}  // namespace

TEST_CASE("sha1: RFC 3174 test vectors", "[base][sha1]") {
  CHECK(hex_sha1("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(hex_sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  CHECK(hex_sha1(std::string(1000000, 'a')) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  std::string eight;
  for (int i = 0; i < 80; ++i) eight += "01234567";
  CHECK(hex_sha1(eight) == "dea356a2cddd90c7a7ecedc5ebb563934f460452");
}

TEST_CASE("sha1: empty input and lengths around the padding boundary", "[base][sha1]") {
  CHECK(hex_sha1("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  // 55, 56 and 64 bytes: the length fits, just misses, and a whole block.
  CHECK(hex_sha1(std::string(55, 'a')) == "c1c8bbdc22796e28c0e15163d20899b65621d65a");
  CHECK(hex_sha1(std::string(56, 'a')) == "c2db330f6083854c99d4b5bfb6e8f29f201be699");
  CHECK(hex_sha1(std::string(64, 'a')) == "0098ba824b5c16427bd7a1122a5a442a25ec644d");
}

TEST_CASE("uuid: version 5 names, as Python's uuid.uuid5", "[base][uuid]") {
  CHECK(base::uuid_v5(base::kDnsNamespace, "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  CHECK(base::uuid_v5(base::kUrlNamespace, "/amendments.xml") == "811f8a61-a1ba-50f1-b599-8d67369e1ced");
}
