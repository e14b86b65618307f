#include "base/unicode.h"

#include <xapian.h>

#include <vector>

#include "base/text.h"

namespace qahub::base {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at text[i], advancing i; invalid input yields U+FFFD
// and consumes one byte (the WHATWG "maximal subpart" rule is not needed: any
// deterministic rule works, because we sanitize before indexing).
char32_t decode_utf8(std::string_view text, size_t& i) {
  auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int extra = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    extra = 1, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    extra = 2, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    extra = 3, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++i;
    return kReplacement;
  }
  if (i + extra >= text.size()) {
    ++i;
    return kReplacement;
  }
  for (int k = 1; k <= extra; ++k) {
    auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kReplacement;
  }
  i += extra + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

void append_utf16(std::u16string& out, char32_t cp) {
  if (cp < 0x10000) {
    out += static_cast<char16_t>(cp);
  } else {
    cp -= 0x10000;
    out += static_cast<char16_t>(0xD800 + (cp >> 10));
    out += static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
  }
}

// Unicode "Cased" approximated from the general category (Lu, Ll, Lt).
bool is_cased(char32_t cp) {
  auto cat = Xapian::Unicode::get_category(static_cast<unsigned>(cp));
  return cat == Xapian::Unicode::UPPERCASE_LETTER || cat == Xapian::Unicode::LOWERCASE_LETTER ||
         cat == Xapian::Unicode::TITLECASE_LETTER;
}

// Unicode "Case_Ignorable": Mn, Me, Cf, Lm, Sk plus the word-internal
// punctuation of Word_Break MidLetter, MidNumLet and Single_Quote.
bool is_case_ignorable(char32_t cp) {
  switch (cp) {
    case 0x27:
    case 0x2E:
    case 0x3A:
    case 0x5E:
    case 0x60:
    case 0xA8:
    case 0xAD:
    case 0xAF:
    case 0xB4:
    case 0xB7:
    case 0xB8:
    case 0x387:
    case 0x55F:
    case 0x5F4:
    case 0x2018:
    case 0x2019:
    case 0x2024:
    case 0x2027:
    case 0xFE13:
    case 0xFE52:
    case 0xFE55:
    case 0xFF07:
    case 0xFF0E:
    case 0xFF1A:
      return true;
    default:
      break;
  }
  auto cat = Xapian::Unicode::get_category(static_cast<unsigned>(cp));
  return cat == Xapian::Unicode::NON_SPACING_MARK || cat == Xapian::Unicode::ENCLOSING_MARK ||
         cat == Xapian::Unicode::FORMAT || cat == Xapian::Unicode::MODIFIER_LETTER ||
         cat == Xapian::Unicode::MODIFIER_SYMBOL;
}

// Final_Sigma: a cased letter before (skipping case-ignorables) and no cased
// letter after (skipping case-ignorables).
bool is_final_sigma(const std::vector<char32_t>& cps, size_t i) {
  bool before = false;
  for (size_t j = i; j-- > 0;) {
    if (is_case_ignorable(cps[j])) continue;
    before = is_cased(cps[j]);
    break;
  }
  if (!before) return false;
  for (size_t j = i + 1; j < cps.size(); ++j) {
    if (is_case_ignorable(cps[j])) continue;
    return !is_cased(cps[j]);
  }
  return true;
}

// Lower-case mappings newer than Xapian 1.4's Unicode tables (Georgian
// Mtavruli, Latin Extended-D, Vithkuqi, ...), measured against node 20's
// toLowerCase over every code point: {first, last, delta}.
struct LowerRange {
  char32_t first, last;
  int delta;
};
constexpr LowerRange kNewerLower[] = {
    {0x1c89, 0x1c89, 1},      {0x1c90, 0x1cba, -3008}, {0x1cbd, 0x1cbf, -3008}, {0x2c2f, 0x2c2f, 48},
    {0xa7b8, 0xa7b8, 1},      {0xa7ba, 0xa7ba, 1},     {0xa7bc, 0xa7bc, 1},     {0xa7be, 0xa7be, 1},
    {0xa7c0, 0xa7c0, 1},      {0xa7c2, 0xa7c2, 1},     {0xa7c4, 0xa7c4, -48},   {0xa7c5, 0xa7c5, -42307},
    {0xa7c6, 0xa7c6, -35384}, {0xa7c7, 0xa7c7, 1},     {0xa7c9, 0xa7c9, 1},     {0xa7cb, 0xa7cb, -42343},
    {0xa7cc, 0xa7cc, 1},      {0xa7ce, 0xa7ce, 1},     {0xa7d0, 0xa7d0, 1},     {0xa7d2, 0xa7d2, 1},
    {0xa7d4, 0xa7d4, 1},      {0xa7d6, 0xa7d6, 1},     {0xa7d8, 0xa7d8, 1},     {0xa7da, 0xa7da, 1},
    {0xa7dc, 0xa7dc, -42561}, {0xa7f5, 0xa7f5, 1},     {0x10570, 0x1057a, 39},  {0x1057c, 0x1058a, 39},
    {0x1058c, 0x10592, 39},   {0x10594, 0x10595, 39},  {0x10d50, 0x10d65, 32},  {0x16e40, 0x16e5f, 32},
    {0x16ea0, 0x16eb8, 27}};

char32_t to_lower_cp(char32_t c) {
  if ((c >= 0x1c89 && c <= 0x2c2f) || (c >= 0xa7b8 && c <= 0xa7f5) || (c >= 0x10570 && c <= 0x16eb8)) {
    for (const auto& r : kNewerLower)
      if (c >= r.first && c <= r.last) return static_cast<char32_t>(static_cast<int>(c) + r.delta);
  }
  return Xapian::Unicode::tolower(static_cast<unsigned>(c));
}

}  // namespace

std::string sanitize_utf8(std::string_view text) {
  // Nearly every text is valid already; decoding and encoding it again one
  // character at a time gave the same bytes, slowly.
  if (first_invalid_utf8(text) == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) append_utf8(out, decode_utf8(text, i));
  return out;
}

std::u16string utf8_to_utf16(std::string_view text) {
  std::u16string out(text.size(), u'\0');  // at most one unit per byte
  size_t n = 0;
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {  // ASCII, most of every text: one unit, no decoding
      out[n++] = b;
      ++i;
      continue;
    }
    char32_t cp = decode_utf8(text, i);
    if (cp < 0x10000) {
      out[n++] = static_cast<char16_t>(cp);
    } else {  // four bytes in, two units out
      cp -= 0x10000;
      out[n++] = static_cast<char16_t>(0xD800 + (cp >> 10));
      out[n++] = static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
    }
  }
  out.resize(n);
  return out;
}

std::string utf16_to_utf8(std::u16string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.size() && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = kReplacement;
    }
    append_utf8(out, c);
  }
  return out;
}

std::u16string js_to_lower(std::u16string_view text) {
  // Fast path: ASCII only.
  bool ascii = true;
  for (char16_t c : text) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  std::u16string out;
  if (ascii) {
    out.resize(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      const char16_t c = text[i];
      out[i] = (c >= u'A' && c <= u'Z') ? static_cast<char16_t>(c + 32) : c;
    }
    return out;
  }
  out.reserve(text.size());
  // Code points; lone surrogates pass through unchanged, as in JS.
  std::vector<char32_t> cps;
  cps.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.size() && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
      ++i;
    }
    cps.push_back(c);
  }
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (c >= 0xD800 && c <= 0xDFFF) {
      out += static_cast<char16_t>(c);
    } else if (c == 0x130) {
      out += u"i\u0307";
    } else if (c == 0x3A3) {
      out += is_final_sigma(cps, i) ? u'\u03C2' : u'\u03C3';
    } else {
      append_utf16(out, to_lower_cp(c));
    }
  }
  return out;
}

namespace {

/// What github-slugger's regex leaves: L*, M*, Nd, Nl and Pc (it removes
/// controls, symbols, other punctuation, separators and other numbers), plus
/// the symbols that are Other_Alphabetic: circled, squared and negative
/// letters ("Ⓐ" → "ⓐ"; found by running github-slugger over every code point).
bool kept_in_slug(char32_t cp) {
  if ((cp >= 0x24B6 && cp <= 0x24E9) || (cp >= 0x1F130 && cp <= 0x1F149) || (cp >= 0x1F150 && cp <= 0x1F169) ||
      (cp >= 0x1F170 && cp <= 0x1F189))
    return true;
  switch (Xapian::Unicode::get_category(static_cast<unsigned>(cp))) {
    case Xapian::Unicode::UPPERCASE_LETTER:
    case Xapian::Unicode::LOWERCASE_LETTER:
    case Xapian::Unicode::TITLECASE_LETTER:
    case Xapian::Unicode::MODIFIER_LETTER:
    case Xapian::Unicode::OTHER_LETTER:
    case Xapian::Unicode::NON_SPACING_MARK:
    case Xapian::Unicode::ENCLOSING_MARK:
    case Xapian::Unicode::COMBINING_SPACING_MARK:
    case Xapian::Unicode::DECIMAL_DIGIT_NUMBER:
    case Xapian::Unicode::LETTER_NUMBER:
    case Xapian::Unicode::CONNECTOR_PUNCTUATION:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string slugify(std::string_view text) {
  const std::u16string lower = js_to_lower(utf8_to_utf16(text));
  std::u16string out;
  for (size_t i = 0; i < lower.size();) {
    char32_t cp = lower[i];
    size_t n = 1;
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < lower.size() && lower[i + 1] >= 0xDC00 && lower[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (lower[i + 1] - 0xDC00);
      n = 2;
    }
    if (cp == ' ')
      out += u'-';
    else if (cp == '-' || kept_in_slug(cp))
      out.append(lower, i, n);
    i += n;
  }
  return utf16_to_utf8(out);
}

}  // namespace qahub::base
