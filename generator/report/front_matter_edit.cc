#include "report/front_matter_edit.h"

#include <vector>

#include "base/text.h"

namespace qahub::report {
namespace {

/// The lines of `text` with their line ends, so edits keep every other byte.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string::npos ? text.size() : nl + 1;
    out.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

std::string content_of(std::string line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return line;
}

std::string eol_of(const std::string& line) {
  if (line.size() >= 2 && line.compare(line.size() - 2, 2, "\r\n") == 0) return "\r\n";
  return "\n";
}

bool is_fence(const std::string& line) {
  std::string c = content_of(line);
  while (!c.empty() && (c.back() == ' ' || c.back() == '\t')) c.pop_back();
  return c == "---" || c == "...";
}

/// Index of the closing fence of the front matter, or 0 when there is none.
size_t closing_fence(const std::vector<std::string>& lines) {
  size_t first = 0;
  if (lines.empty()) return 0;
  std::string head = lines[0];
  if (head.compare(0, 3, "\xEF\xBB\xBF") == 0) head = head.substr(3);
  if (!is_fence(head) || content_of(head).substr(0, 3) != "---") return 0;
  for (size_t i = first + 1; i < lines.size(); ++i)
    if (is_fence(lines[i])) return i;
  return 0;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l;
  return out;
}

}  // namespace

std::optional<std::string> set_published(const std::string& text, const std::string& date) {
  std::vector<std::string> lines = lines_of(text);
  const size_t close = closing_fence(lines);
  if (close == 0) return std::nullopt;
  for (size_t i = 1; i < close; ++i)
    if (lines[i].compare(0, 10, "published:") == 0) {
      lines[i] = "published: " + date + eol_of(lines[i]);
      return join(lines);
    }
  lines.insert(lines.begin() + static_cast<long>(close), "published: " + date + eol_of(lines[close - 1]));
  return join(lines);
}

std::optional<std::string> add_change(const std::string& text, const std::string& date, const std::string& summary) {
  std::vector<std::string> lines = lines_of(text);
  const size_t close = closing_fence(lines);
  if (close == 0) return std::nullopt;
  const std::string eol = eol_of(lines[close - 1]);
  for (size_t i = 1; i < close; ++i) {
    if (base::trim(content_of(lines[i])) != "changes:" || lines[i].compare(0, 8, "changes:") != 0) continue;
    std::string indent = "  ";
    if (i + 1 < close) {
      const std::string next = content_of(lines[i + 1]);
      const size_t dash = next.find_first_not_of(' ');
      if (dash != std::string::npos && next[dash] == '-') indent = next.substr(0, dash);
    }
    lines.insert(lines.begin() + static_cast<long>(i) + 1,
                 {indent + "- date: " + date + eol, indent + "  summary: " + base::yaml_quote(summary) + eol});
    return join(lines);
  }
  lines.insert(lines.begin() + static_cast<long>(close),
               {"changes:" + eol, "  - date: " + date + eol, "    summary: " + base::yaml_quote(summary) + eol});
  return join(lines);
}

}  // namespace qahub::report
