#include "frontmatter/yaml_fields.h"

#include <map>

#include "base/text.h"
#include "frontmatter/simple_yaml.h"
#include "frontmatter/yaml_mistakes.h"

namespace qahub::frontmatter {
namespace {

/// yaml-cpp keeps both of two equal keys and `node["title"]` finds the first,
/// so a second `title:` would be silently ignored.
void check_duplicate_keys(const YAML::Node& n, const YamlSource& src, diag::Diagnostics& diags) {
  if (n.IsMap()) {
    std::map<std::string, int> seen;
    for (const auto& kv : n) {
      if (kv.first.IsScalar()) {
        const diag::Position at = src.at(kv.first);
        auto [it, fresh] = seen.emplace(kv.first.Scalar(), at.line);
        if (!fresh)
          diags.error(at, "duplicate key \"" + kv.first.Scalar() + "\"; it is already set on line " +
                              std::to_string(it->second));
      }
      check_duplicate_keys(kv.second, src, diags);
    }
  } else if (n.IsSequence()) {
    for (const YAML::Node& item : n) check_duplicate_keys(item, src, diags);
  }
}

}  // namespace

std::optional<YAML::Node> load_yaml(const std::string& text, const YamlSource& src, diag::Diagnostics& diags) {
  // Our own words, at the place to look, before yaml-cpp's.
  const std::vector<YamlMistake> mistakes = find_yaml_mistakes(text);
  for (const YamlMistake& m : mistakes) {
    const base::LineCol lc = base::line_col_at(text, m.offset);
    diags.error({src.path, lc.line + src.line_offset, lc.col}, m.message);
  }
  if (!mistakes.empty()) return std::nullopt;
  // Plain front matter is read without yaml-cpp's scanner: the same node, no
  // key twice (simple_yaml.h); anything else goes to yaml-cpp.
  if (auto simple = load_simple_yaml(text)) return simple;
  try {
    YAML::Node root = YAML::Load(text);
    check_duplicate_keys(root, src, diags);
    return root;
  } catch (const YAML::Exception& e) {
    diags.error(src.at(e.mark), "invalid YAML: " + e.msg);
  }
  return std::nullopt;
}

namespace {

bool is_scalar(const YAML::Node& n, const YamlSource& src, diag::Diagnostics& diags, const std::string& key,
               const char* expected) {
  if (n.IsScalar()) return true;
  diags.error(src.at(n), "\"" + key + "\" must be " + expected);
  return false;
}

}  // namespace

std::optional<std::string> read_string(const YAML::Node& n, const YamlSource& src, diag::Diagnostics& diags,
                                       const std::string& key) {
  if (!is_scalar(n, src, diags, key, "a string")) return std::nullopt;
  return n.Scalar();
}

std::optional<bool> read_bool(const YAML::Node& n, const YamlSource& src, diag::Diagnostics& diags,
                              const std::string& key) {
  if (!is_scalar(n, src, diags, key, "true or false")) return std::nullopt;
  const std::string& s = n.Scalar();
  if (s == "true") return true;
  if (s == "false") return false;
  diags.error(src.at(n), "\"" + key + "\" must be true or false, not \"" + s + "\"");
  return std::nullopt;
}

std::optional<long> read_int(const YAML::Node& n, const YamlSource& src, diag::Diagnostics& diags,
                             const std::string& key) {
  if (!is_scalar(n, src, diags, key, "a whole number")) return std::nullopt;
  const std::string& s = n.Scalar();
  size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
  bool ok = i < s.size() && s.size() - i <= 9;
  for (size_t j = i; ok && j < s.size(); ++j) ok = s[j] >= '0' && s[j] <= '9';
  if (!ok) {
    diags.error(src.at(n), "\"" + key + "\" must be a whole number, not \"" + s + "\"");
    return std::nullopt;
  }
  return std::stol(s);
}

std::optional<base::Date> read_date(const YAML::Node& n, const YamlSource& src, diag::Diagnostics& diags,
                                    const std::string& key) {
  if (!is_scalar(n, src, diags, key, "a date (YYYY-MM-DD)")) return std::nullopt;
  auto d = base::Date::parse(n.Scalar());
  if (!d) diags.error(src.at(n), "\"" + key + "\" must be a date (YYYY-MM-DD), not \"" + n.Scalar() + "\"");
  return d;
}

std::optional<std::vector<std::string>> read_string_list(const YAML::Node& n, const YamlSource& src,
                                                         diag::Diagnostics& diags, const std::string& key) {
  if (!n.IsSequence()) {
    diags.error(src.at(n), "\"" + key + "\" must be a list");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const YAML::Node& item : n) {
    auto s = read_string(item, src, diags, key);
    if (!s) return std::nullopt;
    out.push_back(*s);
  }
  return out;
}

void check_known_keys(const YAML::Node& map, const std::vector<std::string>& known, const YamlSource& src,
                      diag::Diagnostics& diags, const std::string& what) {
  for (const auto& kv : map) {
    const std::string key = kv.first.Scalar();
    bool found = false;
    for (const std::string& k : known) found = found || k == key;
    if (!found)
      diags.warning(src.at(kv.first), "unknown " + what + " key \"" + key + "\"" + diag::did_you_mean(key, known));
  }
}

}  // namespace qahub::frontmatter
