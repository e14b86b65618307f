#pragma once
/// A fast reader for the plain front matter nearly every page has, giving the
/// node yaml-cpp's YAML::Load gives (same types, scalars, tags, styles and
/// marks), or nullopt for anything else, which then goes to yaml-cpp.
/// yaml-cpp matches every character against its regular expressions: a
/// dozen lines of front matter cost it as much as parsing and rendering the
/// page's Markdown (17% of a 1,000-page build).
///
/// What it reads: `key: value` lines at the left edge; a value is a plain
/// scalar, a single- or double-quoted one without escapes, or a flow list of
/// plain scalars (`[a, b]`); a key with nothing after the colon is followed
/// by a block list, indented, of scalars or of one-level maps (`changes:`).
/// Anything else (comments, blank lines, tabs, anchors, escapes, nested
/// blocks, null values, a key given twice, a colon inside a plain value, the
/// Unicode line breaks yaml-cpp folds) is not read here, so yaml-cpp reads
/// it and reports what it finds.
///
///   load_simple_yaml("title: \"Safeguarding\"\ntags: [practice]\n")  // a map of two
///   load_simple_yaml("title: x # note\n")                             // nullopt
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string_view>

namespace qahub::frontmatter {

std::optional<YAML::Node> load_simple_yaml(std::string_view text);

}  // namespace qahub::frontmatter
