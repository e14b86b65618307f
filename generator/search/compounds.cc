#include "search/compounds.h"

#include <unordered_set>

#include "search/tokenizer.h"
#include "search/unicode.h"

namespace qahub::search {
namespace {

/// Whether the UTF-8 sequence at `p` is a JS whitespace character; sets `len`.
bool space_at(std::string_view s, size_t p, size_t& len) {
  const auto c = static_cast<unsigned char>(s[p]);
  len = 1;
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  if (c < 0xC0) return false;
  len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (p + len > s.size()) {
    len = 1;
    return false;
  }
  const std::u16string u = utf8_to_utf16(s.substr(p, len));
  return u.size() == 1 && is_js_space(u[0]);
}

/// Start of the whitespace-delimited word around byte `at`.
size_t word_start(std::string_view s, size_t at) {
  size_t p = at;
  while (p > 0) {
    size_t q = p - 1;
    while (q > 0 && (static_cast<unsigned char>(s[q]) & 0xC0) == 0x80) --q;
    size_t len = 0;
    if (space_at(s, q, len)) break;
    p = q;
  }
  return p;
}

size_t word_end(std::string_view s, size_t at) {
  size_t p = at;
  size_t len = 0;
  while (p < s.size() && !space_at(s, p, len)) p += len;
  return p;
}

}  // namespace

void add_joined_compounds(std::string_view text, std::string& words) {
  std::unordered_set<std::string> seen;
  for (size_t from = 0; from < words.size();) {
    size_t to = words.find(' ', from);
    if (to == std::string::npos) to = words.size();
    seen.emplace(words.substr(from, to - from));
    from = to + 1;
  }
  for (size_t hyphen = text.find('-'); hyphen != std::string_view::npos;) {
    const size_t start = word_start(text, hyphen);
    const size_t end = word_end(text, hyphen);
    const std::string_view word = text.substr(start, end - start);
    hyphen = text.find('-', end);
    // Parts as lunr splits them: at '-', trimmed, non-empty.
    const std::u16string units = utf8_to_utf16(word);
    size_t parts = 0;
    size_t part_start = 0;
    std::u16string joined;
    for (size_t i = 0; i <= units.size(); ++i) {
      if (i < units.size() && units[i] != u'-') continue;
      if (!trim_token(std::u16string_view(units).substr(part_start, i - part_start)).empty()) ++parts;
      joined.append(units, part_start, i - part_start);
      part_start = i + 1;
    }
    if (parts < 2) continue;
    std::string form = utf16_to_utf8(joined);
    if (!seen.insert(form).second) continue;
    if (!words.empty()) words += ' ';
    words += form;
  }
}

std::string joined_compounds(std::string_view text) {
  std::string words;
  add_joined_compounds(text, words);
  return words;
}

}  // namespace qahub::search
