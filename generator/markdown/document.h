#pragma once
/// A Markdown body parsed once with cmark-gfm (tables, strikethrough,
/// autolinks, task lists, tagfilter, footnotes). Callers read headings and
/// links, rewrite link targets in the tree, then render HTML; the tree is
/// walked, never re-parsed (cmark's parse → AST → iterate → render).
///
///   Document doc = Document::parse(body, /*line_offset=*/4, {});
///   for (size_t i = 0; i < doc.links().size(); ++i) doc.set_link_url(i, resolve(doc.links()[i]));
///   std::string html = doc.render_html();
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/shortcodes.h"

struct cmark_node;

namespace qahub::markdown {

struct Options {
  bool raw_html = false;  ///< off: raw HTML is replaced by a comment (cmark's safe mode)
};

/// How a document is rendered into a page other than its own: a record
/// narrative sits under its page's h2, so its headings move down a level,
/// and its ids get a prefix so they cannot clash with the page's.
struct RenderOptions {
  int heading_shift = 0;  ///< added to every heading's level (h6 at most)
  std::string id_prefix;  ///< put before every heading id ("minutes-")
};

struct Heading {
  int level = 0;
  std::string text;  ///< plain text of the heading
  std::string id;    ///< unique within the document (GitHub rule, then -1, -2 …)
  int line = 0;      ///< line in the original file
};

struct Link {
  std::string url;
  int line = 0;  ///< position of the link in the original file
  int col = 0;
  bool is_image = false;
};

/// A body row of a table (header rows excluded): its cells' plain text and,
/// once Document::give_rows_ids() has run, the id its <tr> renders with.
struct TableRow {
  std::vector<std::string> cells;
  std::string id;  ///< "term-" + the first cell's slug, unique; "" if that cell has no text
  int line = 0;    ///< line in the original file
};

/// The text under one heading, for search deep links. The first section
/// (before any h2) has an empty id.
struct Section {
  std::string id;
  std::string heading;
  std::string text;
};

class Document {
 public:
  /// `line_offset`: lines of the file before the body (front matter), added to
  /// every reported line.
  static Document parse(std::string_view body, int line_offset, const Options& options);
  /// An empty document (no headings, no links, renders to "").
  Document();
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  ~Document();

  const std::vector<Heading>& headings() const { return headings_; }
  const std::vector<Link>& links() const { return links_; }
  /// Glossary pages (tagged `glossary`): gives every table body row whose
  /// first cell has text an id, so the A to Z and other pages can link to a
  /// term. Ids are "term-" + the cell's slug, made unique with -1, -2 and
  /// never one of headings()' ids; render_html() writes them on the <tr>.
  void give_rows_ids();
  /// Every table body row, in document order; empty until give_rows_ids().
  const std::vector<TableRow>& table_rows() const { return rows_; }
  /// Replaces the target of links()[i] in the tree.
  void set_link_url(size_t i, const std::string& url);
  /// HTML with `id` on every heading and tables wrapped for small screens.
  /// Not to be called on one document from two threads at once (a heading
  /// shift is applied to the tree for the call).
  std::string render_html(const RenderOptions& options = {}) const;
  /// Plain text split at h2 headings.
  std::vector<Section> sections() const;
  /// Number of words in the body, for reading-time estimates and benchmarks.
  size_t word_count() const;

  /// The body's shortcodes in document order (none from code spans or code
  /// blocks), then any added by append_block().
  const std::vector<Shortcode>& shortcodes() const { return shortcodes_; }
  /// What a shortcode becomes. Inline: its text replaces the shortcode in its
  /// text node. Block: `html` replaces its placeholder after rendering (what
  /// raw_html says does not apply: the build wrote it) and `text` is what
  /// sections() and word_count() read at its place.
  struct Resolved {
    std::string text;
    std::string html;
  };
  /// Resolves shortcodes()[i] to resolved[i] on the tree, before anything
  /// else reads it; headings are read again (one may hold an inline figure).
  void resolve_shortcodes(const std::vector<Resolved>& resolved);
  /// Appends a level-2 heading and a block placeholder for `name` (a
  /// report's blocks in their default order when the author placed none).
  void append_block(const std::string& heading, const std::string& name);
  /// Places a block placeholder for `name` with `args` at the end of the
  /// section under the level-2 heading `heading` when the body has one (a
  /// publication's default block under its author's heading), else appends
  /// the heading and the block as append_block() does.
  void place_block(const std::string& heading, const std::string& name,
                   const std::vector<std::pair<std::string, std::string>>& args);
  /// Puts HTML the build wrote before the body (a report's banner and print
  /// cover); it is not in sections().
  void prepend_html(const std::string& html);
  /// Puts HTML the build wrote before the body's `n`-th level-2 heading
  /// (counting from 0), or after the body when it has fewer: a brief's
  /// questions section, which sits between two of its author's sections.
  void insert_html_before_h2(size_t n, const std::string& html);

 private:
  struct Tree;
  std::unique_ptr<Tree> tree_;
  std::vector<Heading> headings_;
  std::vector<Link> links_;
  std::vector<TableRow> rows_;
  bool row_ids_ = false;
  void read_rows();
  std::vector<cmark_node*> link_nodes_;
  /// Where each of shortcodes_ sits: the text node (inline, with its byte
  /// range in the literal) or the placeholder block.
  struct Place {
    cmark_node* node = nullptr;
    size_t begin = 0, end = 0;
  };
  std::vector<Shortcode> shortcodes_;
  std::vector<Place> places_;
  std::vector<std::string> block_html_;  ///< by placeholder number
  std::map<const cmark_node*, std::string> block_text_;
  void read_headings();
  void find_shortcodes();
  int line_offset_ = 0;
  int options_ = 0;
};

}  // namespace qahub::markdown
