#include "diag/utf8.h"

#include <cstdio>

#include "base/text.h"

namespace qahub::diag {

bool check_utf8(std::string_view text, const std::string& path, Diagnostics& diags) {
  const size_t bad = base::first_invalid_utf8(text);
  if (bad == std::string_view::npos) return true;
  const base::LineCol lc = base::line_col_at(text, bad);
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
  diags.error({path, lc.line, lc.col}, "invalid UTF-8 (byte " + std::string(byte) + ")");
  return false;
}

}  // namespace qahub::diag
