#include "frontmatter/simple_yaml.h"

#include <set>
#include <string>
#include <vector>

namespace qahub::frontmatter {
namespace {

// yaml-cpp puts a mark on a node only in its own parser, and YAML::Node keeps
// the detail::node that holds it private. An explicit instantiation may name
// a private member: the one way the language allows to reach it, used only to
// give each node here the mark YAML::Load would (diagnostics point with it).
struct NodeMember {
  using type = YAML::detail::node* YAML::Node::*;
  friend type node_member(NodeMember);
};
template <NodeMember::type Member>
struct ExposeNode {
  friend NodeMember::type node_member(NodeMember) { return Member; }
};
template struct ExposeNode<&YAML::Node::m_pNode>;

/// Where a node starts: a byte offset in the text, a 0-based line, a 0-based byte column.
struct At {
  size_t pos = 0;
  int line = 0;
  size_t column = 0;
  At right(size_t n) const { return {pos + n, line, column + n}; }
};

YAML::Node marked(YAML::Node node, At at) {
  YAML::Mark mark;
  mark.pos = static_cast<int>(at.pos);
  mark.line = at.line;
  mark.column = static_cast<int>(at.column);
  (node.*node_member(NodeMember{}))->set_mark(mark);
  return node;
}

YAML::Node scalar(std::string_view value, bool quoted, At at) {
  YAML::Node node{std::string(value)};
  node.SetTag(quoted ? "!" : "?");  // as yaml-cpp tags them: "!" quoted, "?" plain
  return marked(node, at);
}

YAML::Node collection(YAML::NodeType::value type, YAML::EmitterStyle::value style, At at) {
  YAML::Node node(type);
  node.SetTag("?");
  node.SetStyle(style);
  return marked(node, at);
}

/// Length of the key at the start of `s` ([A-Za-z_][A-Za-z0-9_-]*), or 0.
size_t key_length(std::string_view s) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (s.empty() || !letter(s[0])) return 0;
  size_t n = 1;
  while (n < s.size() && (letter(s[n]) || (s[n] >= '0' && s[n] <= '9') || s[n] == '-')) ++n;
  return n;
}

/// A plain scalar that means the same text to every YAML reader: no
/// indicator first, no colon, comment, bracket or brace anywhere, no space at
/// either end, not a null; in a flow list, no comma or quote either.
bool safe_plain(std::string_view s, bool in_flow) {
  static constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";
  if (s.empty() || s.front() == ' ' || s.back() == ' ' || kIndicators.find(s.front()) != std::string_view::npos)
    return false;
  if (s == "~" || s == "null" || s == "Null" || s == "NULL") return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F || c == ':' || c == '#' || c == '[' || c == ']' || c == '{' || c == '}') return false;
    if (in_flow && (c == ',' || c == '"' || c == '\'')) return false;
  }
  return true;
}

/// `"text"` or `'text'` with nothing to unescape (no quote or backslash inside).
bool simple_quoted(std::string_view s) {
  if (s.size() < 2 || (s.front() != '"' && s.front() != '\'') || s.back() != s.front()) return false;
  for (char c : s.substr(1, s.size() - 2))
    if (c == s.front() || c == '\\' || static_cast<unsigned char>(c) < 0x20) return false;
  return true;
}

/// `[a, b]` of plain scalars.
std::optional<YAML::Node> flow_list(std::string_view s, At at) {
  if (s.size() < 2 || s.back() != ']') return std::nullopt;
  YAML::Node list = collection(YAML::NodeType::Sequence, YAML::EmitterStyle::Flow, at);
  const std::string_view inner = s.substr(1, s.size() - 2);
  if (inner.empty()) return list;
  size_t from = 0;
  while (from <= inner.size()) {
    size_t comma = inner.find(',', from);
    if (comma == std::string_view::npos) comma = inner.size();
    size_t b = from, e = comma;
    while (b < e && inner[b] == ' ') ++b;
    while (e > b && inner[e - 1] == ' ') --e;
    const std::string_view item = inner.substr(b, e - b);
    if (!safe_plain(item, true)) return std::nullopt;
    list.push_back(scalar(item, false, at.right(1 + b)));
    from = comma + 1;
  }
  return list;
}

/// The value after `key: `: quoted, a flow list (unless `in_list`), or plain.
std::optional<YAML::Node> inline_value(std::string_view s, At at, bool in_list) {
  if (s.empty()) return std::nullopt;
  if (s.front() == '"' || s.front() == '\'') {
    if (!simple_quoted(s)) return std::nullopt;
    return scalar(s.substr(1, s.size() - 2), true, at);
  }
  if (s.front() == '[') return in_list ? std::nullopt : flow_list(s, at);
  if (!safe_plain(s, false)) return std::nullopt;
  return scalar(s, false, at);
}

struct Line {
  std::string_view text;
  At at;  // its first character
};

size_t indent_of(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

/// Reads `key: value` (the key at the line's start) into `map`; false when
/// it is anything else or the key is there already.
bool add_entry(YAML::Node& map, std::set<std::string_view>& keys, std::string_view line, At at, bool in_list) {
  const size_t k = key_length(line);
  if (k == 0 || k + 1 >= line.size() || line[k] != ':' || line[k + 1] != ' ') return false;
  if (!keys.insert(line.substr(0, k)).second) return false;  // yaml-cpp keeps both: let it, and the check after
  size_t v = k + 1;
  while (v < line.size() && line[v] == ' ') ++v;
  auto value = inline_value(line.substr(v), at.right(v), in_list);
  if (!value) return false;
  map.force_insert(scalar(line.substr(0, k), false, at), *value);
  return true;
}

/// The indented block list after `key:` at lines[i]; `i` ends on its last line.
std::optional<YAML::Node> block_list(const std::vector<Line>& lines, size_t& i) {
  if (i + 1 >= lines.size()) return std::nullopt;
  const size_t n = indent_of(lines[i + 1].text);
  if (n == 0) return std::nullopt;
  YAML::Node list = collection(YAML::NodeType::Sequence, YAML::EmitterStyle::Block, lines[i + 1].at.right(n));
  std::optional<YAML::Node> map;  // the map item being read, if any
  std::set<std::string_view> map_keys;
  for (; i + 1 < lines.size() && indent_of(lines[i + 1].text) > 0; ++i) {
    const Line& line = lines[i + 1];
    const size_t indent = indent_of(line.text);
    const std::string_view rest = line.text.substr(indent);
    if (indent == n && rest.size() > 2 && rest[0] == '-' && rest[1] == ' ' && rest[2] != ' ') {
      if (map) list.push_back(*map);
      map.reset();
      const std::string_view item = rest.substr(2);
      const At at = line.at.right(n + 2);
      const size_t k = key_length(item);
      if (k > 0 && k < item.size() && item[k] == ':') {  // `- key: value`: a map
        map = collection(YAML::NodeType::Map, YAML::EmitterStyle::Block, at);
        map_keys.clear();
        if (!add_entry(*map, map_keys, item, at, true)) return std::nullopt;
      } else if (auto value = inline_value(item, at, true)) {
        list.push_back(*value);
      } else {
        return std::nullopt;
      }
    } else if (map && indent == n + 2) {  // the next `key: value` of the map item
      if (!add_entry(*map, map_keys, rest, line.at.right(indent), true)) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  if (map) list.push_back(*map);
  return list;
}

}  // namespace

std::optional<YAML::Node> load_simple_yaml(std::string_view text) {
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n') || u == 0x7F || c == '#') return std::nullopt;  // CR, tab, controls, comments
  }
  // yaml-cpp breaks lines at NEL, U+2028 and U+2029 too, even inside quotes.
  for (std::string_view line_break : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"})
    if (text.find(line_break) != std::string_view::npos) return std::nullopt;
  std::vector<Line> lines;
  for (size_t pos = 0; pos < text.size();) {
    const size_t nl = text.find('\n', pos);
    const size_t end = nl == std::string_view::npos ? text.size() : nl;
    lines.push_back({text.substr(pos, end - pos), {pos, static_cast<int>(lines.size()), 0}});
    pos = end + 1;
  }
  if (lines.empty()) return std::nullopt;
  YAML::Node root = collection(YAML::NodeType::Map, YAML::EmitterStyle::Block, lines[0].at);
  std::set<std::string_view> keys;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i].text;
    const size_t k = key_length(line);
    if (k > 0 && k + 1 == line.size() && line[k] == ':') {  // `key:` and a block list under it
      if (!keys.insert(line.substr(0, k)).second) return std::nullopt;
      const YAML::Node key = scalar(line.substr(0, k), false, lines[i].at);
      auto list = block_list(lines, i);
      if (!list) return std::nullopt;
      root.force_insert(key, *list);
    } else if (!add_entry(root, keys, line, lines[i].at, false)) {
      return std::nullopt;
    }
  }
  return root;
}

}  // namespace qahub::frontmatter
