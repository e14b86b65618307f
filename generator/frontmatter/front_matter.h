#pragma once
/// Page front matter: the YAML block between `---` lines at the top of a
/// Markdown file. Positions stay relative to the original file, so an error in
/// front matter or body names the line an author sees in the editor.
///
///   auto split = split_front_matter(text);
///   PageMeta meta = parse_page_meta(split, "content/a.md", diags);
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "diag/diagnostics.h"

namespace YAML {
class Node;
}

namespace qahub::frontmatter {

struct Split {
  bool has_front_matter = false;
  std::string yaml;          ///< text between the fences
  std::string body;          ///< Markdown after the closing fence
  int body_line_offset = 0;  ///< lines of the file before the body's first line
  bool unclosed = false;     ///< an opening fence without a closing one
};

/// Splits `---\n yaml \n---\n body`. A file that does not start with `---` has no front matter.
Split split_front_matter(std::string_view text);

struct Change {
  base::Date date;
  std::string summary;
  diag::Position pos;
};

/// The front matter keys a page may use (README "Front matter").
struct PageMeta {
  std::string title;
  std::string description;
  long weight = 0;
  std::vector<std::string> tags;
  /// Where each of `tags` is written, for the "spelled differently" warning.
  std::vector<diag::Position> tag_pos;
  bool draft = false;
  std::vector<std::string> aliases;
  /// Where each of `aliases` is written, for its errors (model/url_owners.h).
  std::vector<diag::Position> alias_pos;
  std::string owner;
  /// The page type: "" for a plain page, "brief" for a learning brief
  /// (briefs/briefs.h checks it), or a publication type ("committee-report", report/).
  std::string type;
  bool has_type = false;  ///< a `type` key is written (whatever its value)
  diag::Position type_pos;
  /// A learning brief's `brief:` block as parsed here, once (null when the
  /// page has none): briefs/ and marking/ read its fields from this tree,
  /// positions relative to the file (YamlSource{path, 1}).
  std::shared_ptr<const YAML::Node> brief;
  diag::Position brief_pos;  ///< the `brief` key
  /// A publication's `publication:` block (committee, series, decision …),
  /// null when the page has none: report/ reads its fields from this tree.
  std::shared_ptr<const YAML::Node> publication;
  diag::Position publication_pos;  ///< the `publication` key
  /// The page's protective marking as written ("" when it names none);
  /// generator/marking/ checks it against qahub.yaml's markings.
  std::string classification;
  diag::Position classification_pos;
  std::optional<base::Date> review_by;
  diag::Position review_by_pos;
  std::vector<Change> changes;  ///< newest first, as written
  /// A Learning and Improvement report's publication date, set by `qahub
  /// publish` (report/report.h); a report without one is a draft.
  std::optional<base::Date> published;
  diag::Position published_pos;
  /// The newest change date: the page's "last updated".
  std::optional<base::Date> last_updated() const;
};

/// The schema of front matter in data/schemas/, the one list of its keys.
inline constexpr const char* kFrontMatterSchema = "front-matter.schema.json";

/// Every key PageMeta accepts, for "did you mean": the schema's `properties`.
const std::vector<std::string>& known_page_keys();
/// The keys of one `changes` entry, from the same schema.
const std::vector<std::string>& known_change_keys();

/// Parses and checks front matter; problems become diagnostics and the
/// affected field keeps its default.
PageMeta parse_page_meta(const Split& split, const std::string& path, diag::Diagnostics& diags);

}  // namespace qahub::frontmatter
