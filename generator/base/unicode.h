#pragma once
/// UTF-8 ↔ UTF-16 conversion and JavaScript's `String.prototype.toLowerCase`,
/// for the lunr-compatible analysis. lunr.js works on UTF-16 code units (string
/// length, `charAt`, regex classes without the `u` flag, sort order), so the
/// analysis does too; text enters and leaves as UTF-8.
#include <string>
#include <string_view>

namespace qahub::base {

/// Replaces every invalid UTF-8 sequence (bad lead byte, truncated or overlong
/// sequence, surrogate, > U+10FFFF) with U+FFFD, so what we index is exactly
/// what we write into the corpus JSON. Valid input comes back unchanged.
std::string sanitize_utf8(std::string_view text);

/// Decodes UTF-8 into UTF-16 code units; invalid sequences become U+FFFD.
std::u16string utf8_to_utf16(std::string_view text);

/// Encodes UTF-16 code units as UTF-8; a lone surrogate becomes U+FFFD.
std::string utf16_to_utf8(std::u16string_view text);

/// JavaScript `toLowerCase()`: Xapian's simple lower-case mapping per code
/// point, plus the two special cases JS applies: U+0130 → "i̇" (U+0069 U+0307)
/// and Greek capital sigma → final sigma at the end of a word (Final_Sigma).
std::u16string js_to_lower(std::u16string_view text);

/// A UTF-16 unit in JavaScript's `\s` class (inline: the tokenizer asks of
/// every unit of every page).
inline bool is_js_space(char16_t c) {
  if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0D);
  if (c < 0xA0) return false;
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/// A UTF-16 unit in JavaScript's ASCII `\w` class ([A-Za-z0-9_]).
inline bool is_js_word(char16_t c) {
  return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_';
}

}  // namespace qahub::base
