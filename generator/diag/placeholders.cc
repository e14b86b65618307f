#include "diag/placeholders.h"

#include <utility>

namespace qahub::diag {

namespace {

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// How many times `c` repeats from `i`.
size_t run_of(std::string_view s, size_t i, char c) {
  size_t n = 0;
  while (i + n < s.size() && s[i + n] == c) ++n;
  return n;
}

/// A fence line: up to three spaces, then three or more ` or ~. Returns the
/// run (char and length), or {0, 0}.
std::pair<char, size_t> fence(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) return {0, 0};
  const char c = line[i];
  const size_t n = run_of(line, i, c);
  return n >= 3 ? std::pair{c, n} : std::pair{'\0', size_t{0}};
}

/// `line` with each code span's text (between backtick runs of the same
/// length) replaced by spaces, so columns stay where they are.
std::string mask_code_spans(std::string_view line) {
  std::string out(line);
  size_t i = 0;
  while (i < out.size()) {
    if (out[i] != '`') {
      ++i;
      continue;
    }
    const size_t n = run_of(out, i, '`');
    size_t j = i + n, close = std::string::npos;
    while (j < out.size()) {
      if (out[j] != '`') {
        ++j;
        continue;
      }
      const size_t m = run_of(out, j, '`');
      if (m == n) {
        close = j;
        break;
      }
      j += m;
    }
    if (close == std::string::npos) {
      i += n;  // an unmatched run is literal backticks
      continue;
    }
    for (size_t k = i + n; k < close; ++k) out[k] = ' ';
    i = close + n;
  }
  return out;
}

}  // namespace

std::vector<Position> find_markdown_placeholders(std::string_view text, const std::string& path, int line_offset) {
  std::vector<Position> out;
  if (text.find("TODO:") == std::string_view::npos) return out;  // nearly every page: one memchr-fast scan
  std::pair<char, size_t> open{0, 0};
  int line = 1 + line_offset;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view l = text.substr(start, end - start);
    const std::pair<char, size_t> f = fence(l);
    if (open.first) {
      if (f.first == open.first && f.second >= open.second && l.find_first_not_of(" `~\r") == std::string_view::npos)
        open = {0, 0};
    } else if (f.first) {
      open = f;
    } else if (l.find("TODO:") != std::string_view::npos) {
      for (Position& p : find_placeholders(mask_code_spans(l), path, line - 1)) out.push_back(std::move(p));
    }
    ++line;
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

std::vector<Position> find_placeholders(std::string_view text, const std::string& path, int line_offset) {
  static constexpr std::string_view kMark = "TODO:";
  std::vector<Position> out;
  if (text.find(kMark) == std::string_view::npos) return out;
  int line = 1 + line_offset;
  size_t line_start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
      continue;
    }
    if (text[i] != 'T' || text.compare(i, kMark.size(), kMark) != 0) continue;
    if (i > 0 && word_char(text[i - 1])) continue;
    out.push_back({path, line, static_cast<int>(i - line_start) + 1});
  }
  return out;
}

}  // namespace qahub::diag
