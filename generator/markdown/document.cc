#include "markdown/document.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

#include "base/text.h"

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

std::once_flag g_register_once;

const char* const kExtensions[] = {"table", "strikethrough", "autolink", "tasklist", "tagfilter"};

void collect_text(cmark_node* node, std::string& out) {
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

std::string sourcepos_attr(cmark_node* n) {
  return " data-sourcepos=\"" + std::to_string(cmark_node_get_start_line(n)) + ":" +
         std::to_string(cmark_node_get_start_column(n)) + "-" + std::to_string(cmark_node_get_end_line(n)) + ":" +
         std::to_string(cmark_node_get_end_column(n)) + "\"";
}

}  // namespace

Document::Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;

Document Document::parse(std::string_view body, int line_offset, const Options& options) {
  std::call_once(g_register_once, [] { cmark_gfm_core_extensions_ensure_registered(); });
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
  doc.tree_->root = cmark_parser_finish(parser);
  cmark_parser_free(parser);

  std::set<std::string> used_ids;
  cmark_iter* it = cmark_iter_new(doc.tree_->root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_HEADING) {
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
      h.line = cmark_node_get_start_line(n) + line_offset;
      doc.headings_.push_back(std::move(h));
    } else if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
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

  // Map each heading's data-sourcepos attribute to its id.
  std::map<std::string, std::string> heading_ids;
  {
    size_t hi = 0;
    cmark_iter* it = cmark_iter_new(tree_->root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
      cmark_node* n = cmark_iter_get_node(it);
      if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HEADING && hi < headings_.size())
        heading_ids[sourcepos_attr(n)] = headings_[hi++].id;
    }
    cmark_iter_free(it);
  }

  // Drop every data-sourcepos attribute, turning the headings' into ids, and
  // wrap tables in a focusable scroll region (WCAG 1.4.10 reflow).
  std::string out;
  out.reserve(html.size() + 256);
  static constexpr std::string_view kAttr = " data-sourcepos=\"";
  size_t pos = 0;
  int table_count = 0;
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
      auto hid = heading_ids.find(attr);
      if (hid != heading_ids.end()) cleaned += " id=\"" + base::html_escape(options.id_prefix + hid->second) + "\"";
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
    collect_text(n, out.back().text);
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
