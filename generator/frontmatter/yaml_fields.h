#pragma once
/// Typed reads from a YAML mapping with positioned diagnostics. Shared by page
/// front matter and the site config, so both report "expected a date" the same way.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "diag/diagnostics.h"

namespace qahub::frontmatter {

/// Turns YAML marks into site positions: `line_offset` is the number of file
/// lines before the YAML text starts (1 for front matter after the opening `---`).
struct YamlSource {
  std::string path;
  int line_offset = 0;
  diag::Position at(const YAML::Mark& mark) const { return {path, mark.line + 1 + line_offset, mark.column + 1}; }
  diag::Position at(const YAML::Node& node) const { return at(node.Mark()); }
};

/// Loads YAML text; a syntax error becomes a diagnostic at yaml-cpp's mark and gives nullopt.
std::optional<YAML::Node> load_yaml(const std::string& text, const YamlSource& src, diag::Diagnostics& diags);

/// Each returns nullopt (after reporting "expected ...") when the node has the wrong type.
std::optional<std::string> read_string(const YAML::Node& n, const YamlSource& src, diag::Diagnostics& diags,
                                       const std::string& key);
std::optional<bool> read_bool(const YAML::Node& n, const YamlSource& src, diag::Diagnostics& diags,
                              const std::string& key);
std::optional<long> read_int(const YAML::Node& n, const YamlSource& src, diag::Diagnostics& diags,
                             const std::string& key);
std::optional<base::Date> read_date(const YAML::Node& n, const YamlSource& src, diag::Diagnostics& diags,
                                    const std::string& key);
std::optional<std::vector<std::string>> read_string_list(const YAML::Node& n, const YamlSource& src,
                                                         diag::Diagnostics& diags, const std::string& key);

/// Reads `map[key]` into `target` with `read` (read_string, read_bool …) when
/// the key is present and well typed; otherwise `target` keeps its default.
template <typename T, typename Read>
void read_into(const YAML::Node& map, const std::string& key, T& target, Read read, const YamlSource& src,
               diag::Diagnostics& diags) {
  if (const YAML::Node node = map[key])
    if (auto value = read(node, src, diags, key)) target = std::move(*value);
}

/// Warns about keys not in `known`, with a "did you mean".
void check_known_keys(const YAML::Node& map, const std::vector<std::string>& known, const YamlSource& src,
                      diag::Diagnostics& diags, const std::string& what);

}  // namespace qahub::frontmatter
