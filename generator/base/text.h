#pragma once
/// Small text helpers shared by every module: HTML/XML escaping, GitHub-style
/// heading slugs, edit distance for "did you mean" notes.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace qahub::base {

/// Output files keyed by path relative to the output root ("framework/values/index.html").
/// A sorted map, so iteration order (and so output) never depends on thread timing.
using OutputFiles = std::map<std::string, std::string>;

/// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view text);
/// The same, appended to `out` (runs that need no escape copied whole).
void append_html_escaped(std::string& out, std::string_view text);

/// True for the C0 control characters XML 1.0 forbids (all but tab, LF, CR):
/// text pasted from Word can carry them, and one makes a feed unreadable.
inline bool is_xml_illegal(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

/// `text` without the characters is_xml_illegal finds.
std::string strip_xml_illegal(std::string_view text);

/// GitHub's heading anchor rule, as npm github-slugger 2.0.0 (the oracle in
/// tests/slug/oracle.mjs): JavaScript's toLowerCase, then keep
/// letters, marks, decimal and letter numbers, '_' and '-', turn each space
/// into '-', drop everything else ("Children’s voice — what “good” looks
/// like" → "childrens-voice--what-good-looks-like"). "" when nothing is left;
/// heading ids then use "section". Defined in unicode.cc.
std::string slugify(std::string_view text);

/// Levenshtein distance, for suggestions.
size_t edit_distance(std::string_view a, std::string_view b);

/// The closest candidate within a distance that scales with the word's length
/// (or, failing that, the first candidate the word is a prefix of), or "" when
/// nothing is close enough to suggest.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// A YAML double-quoted scalar that reads back as `s`: quotes and
/// backslashes escaped, line breaks, tabs and other control characters as
/// escapes (`\n`, `\t`, `\x01`), so the value stays on its line.
std::string yaml_quote(std::string_view s);

/// "1 error", "3 errors": the count and the word, with an "s" unless n is 1.
std::string plural(size_t n, std::string_view word);

/// The keys of a map, in its order ("did you mean" candidates).
template <typename Map>
std::vector<std::string> keys_of(const Map& m) {
  std::vector<std::string> out;
  out.reserve(m.size());
  for (const auto& kv : m) out.push_back(kv.first);
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
std::string trim(std::string_view s);
/// Splits on '\n' (a trailing '\r' stays with its line).
std::vector<std::string_view> split_lines(std::string_view text);

/// A sort key that orders numbers within text by value ("a-9" < "a-10"):
/// each run of digits is left-padded with zeros to 12 digits.
std::string natural_key(std::string_view s);

/// Replaces ASCII upper-case letters with lower-case ones.
std::string ascii_lower(std::string_view s);

/// A 1-based line and byte column: every diagnostic counts columns in bytes.
struct LineCol {
  int line = 1;
  int col = 1;
};

/// Line and byte column of byte `offset` in `text` (offsets past the end clamp to it).
LineCol line_col_at(std::string_view text, size_t offset);

/// The offset of the first byte that does not start well-formed UTF-8: a
/// stray continuation byte, or the lead byte of a sequence that is cut short,
/// overlong, a surrogate or past U+10FFFF. npos when the text is valid (a
/// byte order mark is valid UTF-8).
size_t first_invalid_utf8(std::string_view text);

}  // namespace qahub::base
