#include "diag/placeholders.h"

namespace qahub::diag {

namespace {

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

std::vector<Position> find_placeholders(std::string_view text, const std::string& path, int line_offset) {
  static constexpr std::string_view kMark = "TODO:";
  std::vector<Position> out;
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
