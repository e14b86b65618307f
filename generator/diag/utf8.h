#pragma once
/// The one check that a site's text file is UTF-8, called wherever a file is
/// read for the site (pages, records, narratives, qahub.yaml, synonyms, theme
/// templates): libraries downstream either reject bad bytes with a confusing
/// message (nlohmann-json) or pass them into the HTML (cmark, yaml-cpp).
///
///   if (!qahub::diag::check_utf8(text, "content/a.md", diags)) return;
///   // content/a.md:3:7: error: invalid UTF-8 (byte 0xFF)
#include <string>
#include <string_view>

#include "diag/diagnostics.h"

namespace qahub::diag {

/// True when `text` is well-formed UTF-8 (a byte order mark and CRLF line
/// endings are fine); else reports the first bad byte, at its line and byte
/// column like every other diagnostic, and returns false.
bool check_utf8(std::string_view text, const std::string& path, Diagnostics& diags);

}  // namespace qahub::diag
