#include <catch2/catch.hpp>

#include "base/text.h"
#include "diag/utf8.h"

using namespace qahub;

namespace {
std::string errors_for(const std::string& text) {
  diag::Diagnostics d;
  const bool ok = diag::check_utf8(text, "content/a.md", d);
  CHECK(ok == d.format_all().empty());
  return d.format_all();
}
}  // namespace

TEST_CASE("diag: check_utf8: the first bad byte, at its line and byte column", "[diag]") {
  CHECK(errors_for("---\ntitle: A\xFF\n") == "content/a.md:2:9: error: invalid UTF-8 (byte 0xFF)\n");
  // Columns count bytes, as every other diagnostic does: "é" is two.
  CHECK(errors_for("caf\xC3\xA9 \xC3\x28") == "content/a.md:1:7: error: invalid UTF-8 (byte 0xC3)\n");
  CHECK(errors_for("a\x80") == "content/a.md:1:2: error: invalid UTF-8 (byte 0x80)\n");          // a stray continuation
  CHECK(errors_for("\xC0\xAF") == "content/a.md:1:1: error: invalid UTF-8 (byte 0xC0)\n");       // overlong '/'
  CHECK(errors_for("a\xED\xA0\x80") == "content/a.md:1:2: error: invalid UTF-8 (byte 0xED)\n");  // a surrogate
  CHECK(errors_for("\xF4\x90\x80\x80") == "content/a.md:1:1: error: invalid UTF-8 (byte 0xF4)\n");  // > U+10FFFF
  CHECK(errors_for("ends in \xE2\x82") == "content/a.md:1:9: error: invalid UTF-8 (byte 0xE2)\n");
  CHECK(errors_for("a\r\nb\x80") == "content/a.md:2:2: error: invalid UTF-8 (byte 0x80)\n");
}

TEST_CASE("diag: check_utf8: a byte order mark, CRLF and every length of character are fine", "[diag]") {
  CHECK(errors_for("\xEF\xBB\xBF---\r\ntitle: Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\r\n---\r\n") == "");
  CHECK(errors_for("") == "");
  CHECK(base::first_invalid_utf8("\xF4\x8F\xBF\xBF") == std::string_view::npos);  // U+10FFFF
}
