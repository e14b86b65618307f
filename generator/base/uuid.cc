#include "base/uuid.h"

#include "base/sha1.h"

namespace qahub::base {

std::string uuid_v5(const std::array<uint8_t, 16>& ns, std::string_view name) {
  std::string input(reinterpret_cast<const char*>(ns.data()), ns.size());
  input += name;
  std::array<uint8_t, 20> d = sha1(input);
  d[6] = uint8_t((d[6] & 0x0F) | 0x50);  // version 5
  d[8] = uint8_t((d[8] & 0x3F) | 0x80);  // RFC 4122 variant
  const std::string hex = to_hex(d.data(), 16);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20, 12);
}

}  // namespace qahub::base
