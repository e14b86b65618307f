#pragma once
/// Name-based UUIDs (RFC 4122 §4.3, version 5: SHA-1), for ids that must be
/// absolute and stable without a host: the Atom feed's `urn:uuid:` ids when
/// base_url is path-only. The same name always gives the same UUID.
///
///   base::uuid_v5(base::kUrlNamespace, "/amendments.xml")  // "xxxxxxxx-xxxx-5xxx-…"
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace qahub::base {

/// RFC 4122 Appendix C's namespace for URLs: 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
inline constexpr std::array<uint8_t, 16> kUrlNamespace = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                                          0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
/// RFC 4122 Appendix C's namespace for DNS names (for the Python test vector).
inline constexpr std::array<uint8_t, 16> kDnsNamespace = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
                                                          0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};

/// The version 5 UUID of `name` in `ns`, lower-case 8-4-4-4-12 hex.
std::string uuid_v5(const std::array<uint8_t, 16>& ns, std::string_view name);

}  // namespace qahub::base
