#pragma once
/// SHA-1 (RFC 3174), only for name-based UUIDs (uuid.h): the Atom feed's
/// urn:uuid ids when base_url has no host. Not for security. Nothing that
/// qahub links (the Debian libraries in README) offers one, and OpenSSL for
/// one digest of short names would be a heavy dependency.
///
///   std::array<uint8_t, 20> d = base::sha1("abc");  // a9993e36…9cd0d89d
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace qahub::base {

/// The 20-byte SHA-1 digest of `data`.
std::array<uint8_t, 20> sha1(std::string_view data);

/// Lower-case hexadecimal of bytes (a digest, for tests and ids).
std::string to_hex(const uint8_t* bytes, size_t n);

}  // namespace qahub::base
