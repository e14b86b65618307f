#pragma once
/// Authors' YAML mistakes found where they are. yaml-cpp reports some of them
/// lines away ("end of sequence flow not found" after the last line for an
/// unclosed `[`), in its own terms ("illegal map value" for an unquoted
/// colon), or not at all (a quote never closed runs to the end of the front
/// matter; a second `title:` is silently ignored). load_yaml() runs this scan
/// first and reports what it finds instead of yaml-cpp's words.
///
///   for (const YamlMistake& m : find_yaml_mistakes("title: \"unclosed\n"))
///     ...  // m.offset == 7, m.message == "this quoted value is never closed"
#include <string>
#include <string_view>
#include <vector>

namespace qahub::frontmatter {

/// One mistake: the byte offset the author must look at, and what to do.
struct YamlMistake {
  size_t offset = 0;
  std::string message;
};

/// Mistakes in the block-style YAML of front matter and qahub.yaml, in text
/// order: an unclosed quote, `[` or `{`; a tab in the indentation; `key:value`
/// without a space; an unquoted value holding ": "; a C0 control character
/// (but tab, LF, CR); nesting deeper than 256. Valid YAML gives none.
std::vector<YamlMistake> find_yaml_mistakes(std::string_view text);

}  // namespace qahub::frontmatter
