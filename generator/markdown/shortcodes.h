#pragma once
/// Shortcodes: `{{< name arg key="value" >}}`, Hugo's convention, written in a
/// Markdown body. A shortcode alone in a paragraph is a block (the build
/// splices HTML there after rendering); one inside a sentence is inline (its
/// text node becomes the value's text). The syntax is read here; what a name
/// means is the report module's (report/blocks.h). Shortcodes in code spans
/// and code blocks are never read: they stay text.
///
///   auto found = scan_shortcodes("We completed {{< figure audits_completed >}} audits");
///   // found[0].name == "figure", found[0].args[0] == {"", "audits_completed"}
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qahub::markdown {

struct Shortcode {
  std::string name;
  /// In order as written; a positional argument has an empty key.
  std::vector<std::pair<std::string, std::string>> args;
  bool block = false;  ///< alone in its paragraph
  int line = 0;        ///< in the original file
  int col = 0;
  /// Set when the text between `{{<` and `>}}` could not be read: the
  /// message to report at line:col (the name is then empty).
  std::string error;
};

/// One shortcode found in a piece of text: its byte range there.
struct ShortcodeSpan {
  Shortcode code;
  size_t begin = 0, end = 0;
};

/// Every `{{< … >}}` in `text`, in order (line and col left 0).
std::vector<ShortcodeSpan> scan_shortcodes(std::string_view text);

}  // namespace qahub::markdown
