#include "markdown/document.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>

#include "base/text.h"
#include "markdown/gfm_extensions.h"

namespace qahub::markdown {

struct Document::Tree {
  cmark_node* root = nullptr;
  cmark_llist* extensions = nullptr;
  ~Tree() {
    if (root) cmark_node_free(root);
    if (extensions) cmark_llist_free(cmark_get_default_mem_allocator(), extensions);
  }
};

namespace {

using BlockText = std::map<const cmark_node*, std::string>;

/// The marker a block placeholder renders as, replaced after rendering. The
/// \x01 keeps authors' own HTML comments (raw_html) from ever matching.
std::string block_marker(size_t n) { return "<!--\x01qahub-block-" + std::to_string(n) + "\x01-->"; }

void collect_text(cmark_node* node, std::string& out, const BlockText* blocks = nullptr) {
  cmark_iter* it = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_ENTER) {
      if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_CODE_BLOCK) {
        const char* lit = cmark_node_get_literal(n);
        if (lit) out += lit;
      } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
        out += ' ';
      } else if (t == CMARK_NODE_CUSTOM_BLOCK && blocks) {
        if (auto b = blocks->find(n); b != blocks->end()) out += b->second + '\n';
      }
    } else if (ev == CMARK_EVENT_EXIT) {
      if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || t == CMARK_NODE_ITEM) {
        out += '\n';
      } else if (t != CMARK_NODE_DOCUMENT) {
        // Table cells and rows come from the table extension: keep cells apart
        // so "CIN" in a glossary table stays a word for search.
        std::string_view type = cmark_node_get_type_string(n);
        if (type == "table_cell")
          out += ' ';
        else if (type == "table_row" || type == "table_header")
          out += '\n';
      }
    }
    if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_CODE_BLOCK)) out += '\n';
    (void)t;
  }
  cmark_iter_free(it);
}

}  // namespace

Document::Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;

Document Document::parse(std::string_view body, int line_offset, const Options& options) {
  ensure_registered();
  Document doc;
  doc.line_offset_ = line_offset;
  doc.options_ = CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
  if (options.raw_html) doc.options_ |= CMARK_OPT_UNSAFE;
  doc.tree_ = std::make_unique<Tree>();
  cmark_parser* parser = cmark_parser_new(doc.options_);
  cmark_mem* mem = cmark_get_default_mem_allocator();
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, ext);
      doc.tree_->extensions = cmark_llist_append(mem, doc.tree_->extensions, ext);
    }
  }
  cmark_parser_feed(parser, body.data(), body.size());
  {
    // One parse at a time only where the extensions' table cannot be kept
    // still (gfm_extensions.h); normally no lock.
    std::unique_lock<std::mutex> lock;
    if (std::mutex* m = inline_pass_lock()) lock = std::unique_lock(*m);
    doc.tree_->root = cmark_parser_finish(parser);
  }
  cmark_parser_free(parser);

  cmark_consolidate_text_nodes(doc.tree_->root);
  doc.find_shortcodes();
  doc.read_headings();
  cmark_iter* it = cmark_iter_new(doc.tree_->root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
      Link l;
      const char* url = cmark_node_get_url(n);
      l.url = url ? url : "";
      l.line = cmark_node_get_start_line(n) + line_offset;
      l.col = cmark_node_get_start_column(n);
      l.is_image = t == CMARK_NODE_IMAGE;
      doc.links_.push_back(std::move(l));
      doc.link_nodes_.push_back(n);
    }
  }
  cmark_iter_free(it);
  return doc;
}

void Document::read_headings() {
  headings_.clear();
  std::set<std::string> used_ids;
  cmark_iter* it = cmark_iter_new(tree_->root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_HEADING) continue;
    Heading h;
    h.level = cmark_node_get_heading_level(n);
    collect_text(n, h.text);
    h.text = base::trim(h.text);
    std::string base_id = base::slugify(h.text);
    if (base_id.empty()) base_id = "section";
    std::string id = base_id;
    for (int k = 1; used_ids.count(id); ++k) id = base_id + "-" + std::to_string(k);
    used_ids.insert(id);
    h.id = id;
    h.line = cmark_node_get_start_line(n) + line_offset_;
    headings_.push_back(std::move(h));
  }
  cmark_iter_free(it);
}

void Document::give_rows_ids() {
  row_ids_ = true;
  read_rows();
}

void Document::read_rows() {
  rows_.clear();
  if (!row_ids_ || !tree_) return;
  std::set<std::string> used_ids;
  for (const Heading& h : headings_) used_ids.insert(h.id);
  cmark_iter* it = cmark_iter_new(tree_->root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    // The table extension names header rows "table_header", body rows "table_row".
    if (ev != CMARK_EVENT_ENTER || std::string_view(cmark_node_get_type_string(n)) != "table_row") continue;
    TableRow row;
    row.line = cmark_node_get_start_line(n) + line_offset_;
    for (cmark_node* cell = cmark_node_first_child(n); cell; cell = cmark_node_next(cell)) {
      std::string text;
      collect_text(cell, text);
      row.cells.push_back(base::trim(text));
    }
    const std::string slug = row.cells.empty() ? "" : base::slugify(row.cells[0]);
    if (!slug.empty()) {
      const std::string base_id = "term-" + slug;
      row.id = base_id;
      for (int k = 1; used_ids.count(row.id); ++k) row.id = base_id + "-" + std::to_string(k);
      used_ids.insert(row.id);
    }
    rows_.push_back(std::move(row));
  }
  cmark_iter_free(it);
}

namespace {

bool ends_with(const char* s, std::string_view tail) {
  const std::string_view v = s ? s : "";
  return v.size() >= tail.size() && v.substr(v.size() - tail.size()) == tail;
}

/// `{{<figure audits_completed>}}`, written without spaces as Hugo allows,
/// reaches the tree as text "{{", an inline HTML tag "<figure …>" and text
/// "}}": the three are joined back into one text node, so the shortcode is
/// found where it is written (the joined text keeps its columns).
void join_unspaced_shortcodes(cmark_node* root) {
  std::vector<cmark_node*> tags;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE) tags.push_back(n);
  }
  cmark_iter_free(it);
  for (cmark_node* tag : tags) {
    cmark_node* before = cmark_node_previous(tag);
    cmark_node* after = cmark_node_next(tag);
    if (!before || !after || cmark_node_get_type(before) != CMARK_NODE_TEXT ||
        cmark_node_get_type(after) != CMARK_NODE_TEXT || !ends_with(cmark_node_get_literal(before), "{{"))
      continue;
    const std::string_view next = cmark_node_get_literal(after) ? cmark_node_get_literal(after) : "";
    if (next.substr(0, 2) != "}}") continue;
    const std::string joined =
        std::string(cmark_node_get_literal(before)) + cmark_node_get_literal(tag) + std::string(next);
    cmark_node_set_literal(before, joined.c_str());
    cmark_node_free(tag);
    cmark_node_free(after);
  }
}

}  // namespace

void Document::find_shortcodes() {
  join_unspaced_shortcodes(tree_->root);
  std::vector<cmark_node*> texts;
  cmark_iter* it = cmark_iter_new(tree_->root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_TEXT) texts.push_back(n);
  }
  cmark_iter_free(it);
  for (cmark_node* n : texts) {
    const char* lit = cmark_node_get_literal(n);
    if (!lit) continue;
    const std::string_view text(lit);
    std::vector<ShortcodeSpan> found = scan_shortcodes(text);
    if (found.empty()) continue;
    cmark_node* para = cmark_node_parent(n);
    const bool alone = found.size() == 1 && para && cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH &&
                       cmark_node_first_child(para) == n && cmark_node_last_child(para) == n &&
                       base::trim(std::string(text.substr(0, found[0].begin))).empty() &&
                       base::trim(std::string(text.substr(found[0].end))).empty();
    if (alone) {
      Shortcode sc = std::move(found[0].code);
      sc.block = true;
      sc.line = cmark_node_get_start_line(para) + line_offset_;
      sc.col = cmark_node_get_start_column(para);
      cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
      cmark_node_set_on_enter(block, block_marker(block_html_.size()).c_str());
      block_html_.emplace_back();
      cmark_node_insert_before(para, block);
      cmark_node_free(para);
      shortcodes_.push_back(std::move(sc));
      places_.push_back({block, 0, 0});
      continue;
    }
    for (ShortcodeSpan& span : found) {
      span.code.line = cmark_node_get_start_line(n) + line_offset_;
      span.code.col = cmark_node_get_start_column(n) + static_cast<int>(span.begin);
      shortcodes_.push_back(std::move(span.code));
      places_.push_back({n, span.begin, span.end});
    }
  }
}

void Document::append_block(const std::string& heading, const std::string& name) {
  if (!tree_) return;
  cmark_node* h = cmark_node_new(CMARK_NODE_HEADING);
  cmark_node_set_heading_level(h, 2);
  cmark_node* t = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(t, heading.c_str());
  cmark_node_append_child(h, t);
  cmark_node_append_child(tree_->root, h);
  cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
  cmark_node_set_on_enter(block, block_marker(block_html_.size()).c_str());
  block_html_.emplace_back();
  cmark_node_append_child(tree_->root, block);
  Shortcode sc;
  sc.name = name;
  sc.block = true;
  shortcodes_.push_back(std::move(sc));
  places_.push_back({block, 0, 0});
}

void Document::place_block(const std::string& heading, const std::string& name,
                           const std::vector<std::pair<std::string, std::string>>& args) {
  if (!tree_) return;
  cmark_node* under = nullptr;
  for (cmark_node* n = cmark_node_first_child(tree_->root); n && !under; n = cmark_node_next(n)) {
    if (cmark_node_get_type(n) != CMARK_NODE_HEADING || cmark_node_get_heading_level(n) != 2) continue;
    std::string text;
    collect_text(n, text);
    if (base::trim(text) == heading) under = n;
  }
  if (!under) {
    append_block(heading, name);
    shortcodes_.back().args = args;
    return;
  }
  cmark_node* next = cmark_node_next(under);  // the section ends at the next h1 or h2
  while (next && !(cmark_node_get_type(next) == CMARK_NODE_HEADING && cmark_node_get_heading_level(next) <= 2))
    next = cmark_node_next(next);
  cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
  cmark_node_set_on_enter(block, block_marker(block_html_.size()).c_str());
  block_html_.emplace_back();
  if (next)
    cmark_node_insert_before(next, block);
  else
    cmark_node_append_child(tree_->root, block);
  Shortcode sc;
  sc.name = name;
  sc.args = args;
  sc.block = true;
  shortcodes_.push_back(std::move(sc));
  places_.push_back({block, 0, 0});
}

void Document::prepend_html(const std::string& html) {
  if (!tree_) return;
  cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
  cmark_node_set_on_enter(block, html.c_str());
  if (cmark_node* first = cmark_node_first_child(tree_->root))
    cmark_node_insert_before(first, block);
  else
    cmark_node_append_child(tree_->root, block);
}

void Document::insert_html_before_h2(size_t n, const std::string& html) {
  if (!tree_) return;
  cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
  cmark_node_set_on_enter(block, html.c_str());
  for (cmark_node* c = cmark_node_first_child(tree_->root); c; c = cmark_node_next(c))
    if (cmark_node_get_type(c) == CMARK_NODE_HEADING && cmark_node_get_heading_level(c) == 2 && n-- == 0) {
      cmark_node_insert_before(c, block);
      return;
    }
  cmark_node_append_child(tree_->root, block);
}

void Document::resolve_shortcodes(const std::vector<Resolved>& resolved) {
  // Inline shortcodes of one text node are replaced together, last first, so
  // the byte ranges of the earlier ones still hold.
  size_t block_no = 0;
  std::map<cmark_node*, std::string> literals;
  for (size_t i = 0; i < shortcodes_.size() && i < resolved.size(); ++i) {
    const Place& p = places_[i];
    if (shortcodes_[i].block) {
      block_html_[block_no++] = resolved[i].html;
      block_text_[p.node] = resolved[i].text;
    } else if (!literals.count(p.node)) {
      literals[p.node] = cmark_node_get_literal(p.node);
    }
  }
  for (size_t i = std::min(shortcodes_.size(), resolved.size()); i-- > 0;) {
    const Place& p = places_[i];
    if (!shortcodes_[i].block) literals[p.node].replace(p.begin, p.end - p.begin, resolved[i].text);
  }
  for (auto& [node, text] : literals) cmark_node_set_literal(node, text.c_str());
  read_headings();
  read_rows();
}

void Document::set_link_url(size_t i, const std::string& url) {
  cmark_node_set_url(link_nodes_[i], url.c_str());
  links_[i].url = url;
}

std::string Document::render_html(const RenderOptions& options) const {
  if (!tree_) return {};
  // The shift goes on the tree for this render and comes off after, so the
  // document's own headings() keep their levels.
  std::vector<std::pair<cmark_node*, int>> shifted;
  if (options.heading_shift != 0) {
    cmark_iter* it = cmark_iter_new(tree_->root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
      cmark_node* n = cmark_iter_get_node(it);
      if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_HEADING) continue;
      const int level = cmark_node_get_heading_level(n);
      shifted.emplace_back(n, level);
      cmark_node_set_heading_level(n, std::clamp(level + options.heading_shift, 1, 6));
    }
    cmark_iter_free(it);
  }
  char* raw = cmark_render_html(tree_->root, options_, tree_->extensions);
  std::string html(raw);
  cmark_get_default_mem_allocator()->free(raw);
  for (auto [n, level] : shifted) cmark_node_set_heading_level(n, level);

  // Drop every data-sourcepos attribute, turning the headings' into ids, and
  // wrap tables in a focusable scroll region (WCAG 1.4.10 reflow).
  std::string out;
  out.reserve(html.size() + 256);
  static constexpr std::string_view kAttr = " data-sourcepos=\"";
  size_t pos = 0;
  size_t next_heading = 0;
  int table_count = 0;
  std::map<int, const std::string*> row_id_at_line;  // body line → id; one row per line
  for (const TableRow& r : rows_)
    if (!r.id.empty()) row_id_at_line[r.line - line_offset_] = &r.id;
  while (pos < html.size()) {
    size_t lt = html.find('<', pos);
    if (lt == std::string::npos) {
      out.append(html, pos, std::string::npos);
      break;
    }
    out.append(html, pos, lt - pos);
    size_t gt = html.find('>', lt);
    if (gt == std::string::npos) {
      out.append(html, lt, std::string::npos);
      break;
    }
    std::string_view tag(html.data() + lt, gt - lt + 1);
    size_t a = tag.find(kAttr);
    std::string cleaned;
    if (a != std::string_view::npos) {
      size_t end = tag.find('"', a + kAttr.size());
      std::string attr(tag.substr(a, end + 1 - a));
      cleaned = std::string(tag.substr(0, a));
      // Headings render in document order, as headings_ holds them (the
      // headings a report adds have no source position to tell them apart).
      const bool heading = tag.size() > 3 && tag[1] == 'h' && tag[2] >= '1' && tag[2] <= '6' && tag[3] == ' ';
      if (heading && next_heading < headings_.size())
        cleaned += " id=\"" + base::html_escape(options.id_prefix + headings_[next_heading++].id) + "\"";
      if (tag.substr(0, 4) == "<tr " && !row_id_at_line.empty()) {
        const int line = std::atoi(attr.c_str() + kAttr.size());  // "LINE:COL-LINE:COL"
        if (auto r = row_id_at_line.find(line); r != row_id_at_line.end())
          cleaned += " id=\"" + base::html_escape(options.id_prefix + *r->second) + "\"";
      }
      cleaned += std::string(tag.substr(end + 1));
    } else {
      cleaned = std::string(tag);
    }
    if (base::starts_with(cleaned, "<table")) {
      ++table_count;
      // A focusable, named <figure>, not a region landmark: a page with many
      // tables (a print pack's "Table 1" of every page) would otherwise fill
      // the landmark list with regions of the same name.
      out += "<figure class=\"qh-table\" aria-label=\"Table " + std::to_string(table_count) + "\" tabindex=\"0\">";
      out += cleaned;
    } else if (cleaned == "</table>") {
      out += "</table></figure>";
    } else if (base::starts_with(cleaned, "<input type=\"checkbox\"")) {
      // GFM task-list boxes are read-only ticks; an unnamed form control
      // fails WCAG 4.1.2 (axe "label"), so name each by its state. Written
      // as HTML, not XHTML: boolean attributes bare, no self-closing slash.
      bool done = cleaned.find(" checked=") != std::string::npos;
      out += "<input aria-label=\"" + std::string(done ? "Done" : "To do") + "\" type=\"checkbox\"" +
             (done ? " checked" : "") + (cleaned.find(" disabled=") != std::string::npos ? " disabled" : "") + ">";
    } else if (cleaned.size() > 3 && cleaned.compare(cleaned.size() - 3, 3, " />") == 0) {
      // cmark writes XHTML void elements (<img … />, <br />, <hr />); HTML has no self-closing slash.
      out.append(cleaned, 0, cleaned.size() - 3);
      out += '>';
    } else {
      out += cleaned;
    }
    pos = gt + 1;
  }
  for (size_t n = 0; n < block_html_.size(); ++n)
    if (size_t at = out.find(block_marker(n)); at != std::string::npos)
      out.replace(at, block_marker(n).size(), block_html_[n]);
  return out;
}

std::vector<Section> Document::sections() const {
  std::vector<Section> out(1);
  if (!tree_) return out;
  size_t hi = 0;
  for (cmark_node* n = cmark_node_first_child(tree_->root); n; n = cmark_node_next(n)) {
    if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
      // Headings are numbered in document order; top-level ones are the section breaks.
      while (hi < headings_.size() && headings_[hi].line != cmark_node_get_start_line(n) + line_offset_) ++hi;
      if (hi < headings_.size() && cmark_node_get_heading_level(n) <= 2) {
        out.push_back(Section{headings_[hi].id, headings_[hi].text, {}});
        ++hi;
        continue;
      }
    }
    collect_text(n, out.back().text, &block_text_);
  }
  return out;
}

size_t Document::word_count() const {
  size_t words = 0;
  for (const Section& s : sections()) {
    bool in_word = false;
    for (char c : s.text) {
      bool space = c == ' ' || c == '\n' || c == '\t';
      if (!space && !in_word) ++words;
      in_word = !space;
    }
  }
  return words;
}

}  // namespace qahub::markdown
