#include "markdown/shortcodes.h"

#include <optional>

namespace qahub::markdown {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

/// Reads the inside of one shortcode ("figure audits_completed").
Shortcode read_inside(std::string_view in) {
  Shortcode sc;
  size_t i = 0;
  auto skip = [&] {
    while (i < in.size() && is_space(in[i])) ++i;
  };
  auto word = [&] {
    const size_t from = i;
    while (i < in.size() && is_name_char(in[i])) ++i;
    return std::string(in.substr(from, i - from));
  };
  // A "quoted value" at i, or nullopt (and sc.error) when its quote is not closed.
  auto quoted = [&]() -> std::optional<std::string> {
    const size_t close = in.find('"', i + 1);
    if (close == std::string_view::npos) {
      sc.error = "unclosed quote in shortcode \"" + sc.name + "\"";
      return std::nullopt;
    }
    std::string value(in.substr(i + 1, close - i - 1));
    i = close + 1;
    return value;
  };
  skip();
  sc.name = word();
  if (sc.name.empty()) {
    sc.error = "a shortcode needs a name: {{< name >}}";
    return sc;
  }
  while (true) {
    skip();
    if (i >= in.size()) break;
    std::string key, value;
    if (in[i] == '"') {
      auto q = quoted();
      if (!q) return sc;
      value = std::move(*q);
    } else {
      value = word();
      if (value.empty()) {
        sc.error = "unexpected \"" + std::string(1, in[i]) + "\" in shortcode \"" + sc.name + "\"";
        return sc;
      }
      if (i < in.size() && in[i] == '=') {
        key = std::move(value);
        ++i;
        if (i < in.size() && in[i] == '"') {
          auto q = quoted();
          if (!q) return sc;
          value = std::move(*q);
        } else {
          value = word();
        }
      }
    }
    if (i < in.size() && !is_space(in[i])) {
      sc.error = "unexpected \"" + std::string(1, in[i]) + "\" in shortcode \"" + sc.name + "\"";
      return sc;
    }
    sc.args.emplace_back(std::move(key), std::move(value));
  }
  return sc;
}

}  // namespace

std::vector<ShortcodeSpan> scan_shortcodes(std::string_view text) {
  std::vector<ShortcodeSpan> out;
  size_t pos = 0;
  while ((pos = text.find("{{<", pos)) != std::string_view::npos) {
    ShortcodeSpan span;
    span.begin = pos;
    const size_t close = text.find(">}}", pos + 3);
    if (close == std::string_view::npos) {
      span.end = text.size();
      span.code.error = "shortcode is not closed (expected >}})";
      out.push_back(std::move(span));
      break;
    }
    span.end = close + 3;
    span.code = read_inside(text.substr(pos + 3, close - pos - 3));
    pos = span.end;
    out.push_back(std::move(span));
  }
  return out;
}

}  // namespace qahub::markdown
