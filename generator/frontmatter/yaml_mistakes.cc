#include "frontmatter/yaml_mistakes.h"

namespace qahub::frontmatter {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

/// Nesting deeper than this (brackets, "- - -" items, indentation) is an
/// error before yaml-cpp, whose parser and our walks of its nodes recurse.
constexpr int kMaxDepth = 256;

/// A line-by-line reader of the YAML subset authors write by hand: block
/// mappings and lists with plain, quoted, flow (`[…]`, `{…}`) and block
/// (`|`, `>`) values. It does not build anything; it only looks for the
/// mistakes above, and stops at the first one that swallows the rest of the
/// text (an unclosed quote or bracket).
class Scanner {
 public:
  explicit Scanner(std::string_view text) : t_(text) {}

  std::vector<YamlMistake> run() {
    if (control_characters()) return std::move(out_);
    while (i_ < t_.size() && !stop_) line();
    return std::move(out_);
  }

  /// A C0 control character but tab, LF and CR (a NUL pasted from another
  /// program): yaml-cpp reads some as other characters and passes others
  /// into titles raw. Each is an error where it is; nothing more is read.
  bool control_characters() {
    for (size_t k = 0; k < t_.size(); ++k) {
      const unsigned char c = static_cast<unsigned char>(t_[k]);
      if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') continue;
      static const char* hex = "0123456789ABCDEF";
      const std::string code = std::string("U+00") + hex[c >> 4] + hex[c & 15];
      add(k, "control character " + code + " in YAML; delete it");
    }
    return !out_.empty();
  }

 private:
  size_t line_end(size_t from) const {
    size_t nl = t_.find('\n', from);
    return nl == std::string_view::npos ? t_.size() : nl;
  }

  void add(size_t offset, std::string message) { out_.push_back({offset, std::move(message)}); }

  void line() {
    const size_t start = i_;
    size_t end = line_end(start);
    const size_t next = end < t_.size() ? end + 1 : end;
    if (end > start && t_[end - 1] == '\r') --end;
    size_t p = start;
    while (p < end && is_space(t_[p])) ++p;
    const int indent = static_cast<int>(p - start);
    // Inside a `|` or `>` value every more-indented (or blank) line is text.
    if (block_indent_ >= 0) {
      if (p == end || indent > block_indent_) {
        i_ = next;
        return;
      }
      block_indent_ = -1;
    }
    i_ = next;
    if (p == end || t_[p] == '#') return;
    for (size_t k = start; k < p; ++k) {
      if (t_[k] == '\t') {
        add(k, "a tab in the indentation; YAML indents with spaces only");
        return;
      }
    }
    if (indent > kMaxDepth) {
      add(p, "indented more than " + std::to_string(kMaxDepth) + " spaces; YAML this deep is not read");
      stop_ = true;
      return;
    }
    const std::string_view rest = t_.substr(p, end - p);
    if (rest == "---" || rest == "...") return;
    // "- " items, possibly nested ("- - a").
    for (int items = 0; p < end && t_[p] == '-' && (p + 1 == end || t_[p + 1] == ' '); ++items) {
      if (items == kMaxDepth) {
        add(p, "lists nested more than " + std::to_string(kMaxDepth) + " deep; YAML this deep is not read");
        stop_ = true;
        return;
      }
      ++p;
      while (p < end && t_[p] == ' ') ++p;
    }
    if (p == end) return;
    const size_t key_start = p;
    const size_t colon = key_colon(p, end);
    if (colon == std::string_view::npos) {
      if (missing_space(p, end)) return;
      value(p, end, indent, "");
      return;
    }
    size_t v = colon + 1;
    while (v < end && t_[v] == ' ') ++v;
    if (v == end || t_[v] == '#') return;
    value(v, end, indent, t_.substr(key_start, colon - key_start));
  }

  /// The ':' ending a plain key on this line ("title: x", "title:"), or npos.
  size_t key_colon(size_t p, size_t end) const {
    const char c = t_[p];
    if (c == '"' || c == '\'' || c == '[' || c == '{' || c == '|' || c == '>' || c == '&' || c == '*' || c == '!')
      return std::string_view::npos;
    for (size_t k = p; k < end; ++k) {
      if (t_[k] == '#' && k > p && is_space(t_[k - 1])) return std::string_view::npos;
      if (t_[k] == ':' && (k + 1 == end || t_[k + 1] == ' ')) return k;
    }
    return std::string_view::npos;
  }

  /// `weight:1`: a key, a colon and a value with no space between.
  bool missing_space(size_t p, size_t end) {
    size_t k = p;
    auto word = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    if (k == end || !word(t_[k])) return false;
    while (k < end && (word(t_[k]) || (t_[k] >= '0' && t_[k] <= '9') || t_[k] == '-')) ++k;
    if (k + 1 >= end || t_[k] != ':' || t_[k + 1] == '/' || t_[k + 1] == ':' || is_space(t_[k + 1])) return false;
    const std::string key(t_.substr(p, k - p));
    std::string val(t_.substr(k + 1, end - k - 1));
    add(k, "no space after the colon in \"" + key + ":" + val + "\"; write \"" + key + ": " + val + "\"");
    return true;
  }

  void value(size_t v, size_t end, int indent, std::string_view key) {
    const char c = t_[v];
    if (c == '"' || c == '\'') {
      quoted(v);
      return;
    }
    if (c == '[' || c == '{') {
      flow(v);
      return;
    }
    if (c == '|' || c == '>') {
      block_indent_ = indent;
      return;
    }
    if (c == '&' || c == '*' || c == '!' || key.empty()) return;
    // A plain value: up to a comment, it must not hold ": " (or end in ':').
    size_t stop = end;
    for (size_t k = v; k < end; ++k) {
      if (t_[k] == '#' && is_space(t_[k - 1])) {
        stop = k;
        break;
      }
    }
    while (stop > v && is_space(t_[stop - 1])) --stop;
    const std::string_view plain = t_.substr(v, stop - v);
    if (plain.find(": ") == std::string_view::npos && plain.back() != ':') return;
    std::string escaped;
    for (char ch : plain) {
      if (ch == '"' || ch == '\\') escaped += '\\';
      escaped += ch;
    }
    const bool inside = plain.find(": ") != std::string_view::npos;
    add(v, std::string(inside ? "this value has \": \" in it" : "this value ends in \":\"") +
               ", which YAML reads as another key; put the value in quotes: " + std::string(key) + ": \"" + escaped +
               "\"");
  }

  /// A quoted scalar opening at `q`: it may span lines, but must close.
  /// Leaves i_ at the line after the closing quote.
  size_t quoted(size_t q) {
    const char quote = t_[q];
    for (size_t k = q + 1; k < t_.size(); ++k) {
      if (quote == '"' && t_[k] == '\\') {
        ++k;
        continue;
      }
      if (t_[k] != quote) continue;
      if (quote == '\'' && k + 1 < t_.size() && t_[k + 1] == '\'') {
        ++k;
        continue;
      }
      if (k >= i_) i_ = line_end(k) < t_.size() ? line_end(k) + 1 : t_.size();
      return k;
    }
    add(q, "this quoted value is never closed");
    stop_ = true;
    return std::string_view::npos;
  }

  /// A flow collection opening at `open`, to its matching bracket (across lines).
  void flow(size_t open) {
    std::vector<size_t> stack{open};
    char prev = t_[open];
    for (size_t k = open + 1; k < t_.size() && !stack.empty(); ++k) {
      const char c = t_[k];
      if (c == '#' && (is_space(t_[k - 1]) || t_[k - 1] == '\n')) {
        k = line_end(k);
        continue;
      }
      if ((c == '"' || c == '\'') && (prev == '[' || prev == '{' || prev == ',' || prev == ':')) {
        k = quoted(k);
        if (k == std::string_view::npos) return;
        prev = 'x';
        continue;
      }
      if (c == '[' || c == '{') {
        if (stack.size() == static_cast<size_t>(kMaxDepth)) {
          add(k, "nested more than " + std::to_string(kMaxDepth) + " levels deep; YAML this deep is not read");
          stop_ = true;
          return;
        }
        stack.push_back(k);
      } else if (c == ']' || c == '}') {
        const char want = t_[stack.back()] == '[' ? ']' : '}';
        if (c != want) break;
        stack.pop_back();
        if (stack.empty()) {
          if (k >= i_) i_ = line_end(k) < t_.size() ? line_end(k) + 1 : t_.size();
          return;
        }
      }
      if (!is_space(c) && c != '\n' && c != '\r') prev = c;
    }
    const size_t at = stack.back();
    add(at,
        t_[at] == '[' ? "this list is never closed (expected \"]\")" : "this mapping is never closed (expected \"}\")");
    stop_ = true;
  }

  std::string_view t_;
  size_t i_ = 0;
  int block_indent_ = -1;
  bool stop_ = false;
  std::vector<YamlMistake> out_;
};

}  // namespace

std::vector<YamlMistake> find_yaml_mistakes(std::string_view text) { return Scanner(text).run(); }

}  // namespace qahub::frontmatter
