#include "pipeline/incremental.h"

#include <algorithm>

#include "fs/files.h"
#include "model/links.h"
#include "pipeline/record_update.h"
#include "pipeline/structure_update.h"
#include "render/site_pages.h"

namespace qahub::pipeline {
namespace {

/// Pages whose headings an edit changed: their anchors are swapped in the
/// link targets, and swapped back if the edit fails.
class AnchorSwap {
 public:
  explicit AnchorSwap(model::LinkTargets& targets) : targets_(targets) {}
  ~AnchorSwap() {
    if (!kept_)
      for (auto& [url, ids] : old_) targets_.pages[url] = std::move(ids);
  }
  void swap(const std::string& url, const std::vector<std::string>& ids) {
    std::set<std::string>& current = targets_.pages[url];
    old_[url] = std::move(current);
    current = std::set<std::string>(ids.begin(), ids.end());
  }
  const std::map<std::string, std::set<std::string>>& changed() const { return old_; }
  void keep() { kept_ = true; }

 private:
  model::LinkTargets& targets_;
  std::map<std::string, std::set<std::string>> old_;
  bool kept_ = false;
};

bool same_rows(const std::vector<markdown::TableRow>& a, const std::vector<markdown::TableRow>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const auto& x, const auto& y) { return x.cells == y.cells && x.id == y.id; });
}

/// Whether every changed file is a page built last time, still there, with
/// its front matter as it was: the body path below, else update_structure.
bool bodies_only(const BuildState& state, const std::set<std::string>& changed) {
  for (const std::string& source : changed) {
    auto known = state.sources.find(source);
    if (known == state.sources.end()) return false;
    auto text = fs::read_file(state.options.site_dir / source);
    if (!text) return false;
    diag::Diagnostics ignored;  // parsed again below, reported there
    if (content::parse_page(source, *text, state.load, ignored).head != known->second.head) return false;
  }
  return true;
}

}  // namespace

UpdateResult update_pages(BuildState& state, const std::set<std::string>& changed, diag::Diagnostics& diags) {
  UpdateResult result;
  if (!state.site || changed.empty()) return result;
  if (std::all_of(changed.begin(), changed.end(), [](const std::string& p) { return p.rfind("data/", 0) == 0; }))
    return update_records(state, changed, diags);
  if (!bodies_only(state, changed)) return update_structure(state, changed, diags);
  diags.set_strict(state.options.strict);
  model::Site& site = *state.site;

  // Re-parse every edited page; give up at the first one that is more than a body edit.
  content::ContentSet edited;
  AnchorSwap anchors(state.targets);
  for (const std::string& source : changed) {
    auto known = state.sources.find(source);
    if (known == state.sources.end()) return result;  // new, a draft, an asset, data, theme, config …
    auto text = fs::read_file(state.options.site_dir / source);
    if (!text) return result;  // deleted or renamed away
    content::Page page = content::parse_page(source, *text, state.load, diags);
    if (page.head != known->second.head || !site.find(page.url)) return result;
    // Shortcodes are resolved from data and other pages (reports, their lists).
    if (state.with_shortcodes.count(source) || !page.doc.shortcodes().empty()) return result;
    // A glossary's rows are A to Z entries (maybe another letter, or a new letter page).
    if (!same_rows(page.doc.table_rows(), site.find(page.url)->glossary_rows)) return result;
    page.marking = site.find(page.url)->marking;  // the head is unchanged, so is its marking
    page.sensitive = site.find(page.url)->sensitive;
    const std::vector<std::string> ids = heading_ids(page);
    if (ids != known->second.heading_ids) anchors.swap(page.url, ids);
    edited.pages.push_back(std::move(page));
  }
  model::resolve_links(edited, state.targets, diags);
  // Pages that link into anchors that changed are checked again, as they are on disk.
  // Their HTML cannot change (an anchor is checked, not rewritten): only their errors.
  content::ContentSet referrers;
  std::set<std::string> rechecked;
  const model::LinkResolver resolver(state.targets);
  for (const auto& [url, _] : anchors.changed()) {
    for (const std::string& source : state.anchor_referrers[url]) {
      if (changed.count(source) || !rechecked.insert(source).second) continue;
      auto text = fs::read_file(state.options.site_dir / source);
      if (!text) return result;
      if (auto n = state.narratives.find(source); n != state.narratives.end()) {
        markdown::Document doc = markdown::Document::parse(*text, 0, state.load.markdown);
        resolver.resolve(doc, source, n->second.page_url, n->second.page_url, diags, n->second.id_prefix);
        continue;
      }
      diag::Diagnostics unchanged;  // its own problems were reported by the build
      referrers.pages.push_back(content::parse_page(source, *text, state.load, unchanged));
      if (const model::SitePage* known = site.find(referrers.pages.back().url))
        referrers.pages.back().sensitive = known->sensitive;
    }
  }
  model::resolve_links(referrers, state.targets, diags);
  for (const content::Page& page : edited.pages) model::report_review_overdue(page, site.as_of, diags);
  if (diags.has_errors()) {
    result.kind = Update::kFailed;
    return result;  // the anchors go back
  }
  anchors.keep();
  for (const content::Page& page : edited.pages) {
    state.sources[page.source].heading_ids = heading_ids(page);
    for (auto& [_, sources] : state.anchor_referrers) sources.erase(page.source);
    add_anchor_links(state, page.source, page.doc);
  }

  // The pages, then the print packs of their sections (each once).
  base::OutputFiles out;
  std::set<std::string> sections;
  const render::RenderContext& ctx = state.renderer->ctx;
  for (const content::Page& page : edited.pages) {
    model::SitePage& target = site.pages[site.by_url.at(page.url)];
    model::set_content_body(target, page);
    out[render::output_path_for(target.url)] = render::render_page(ctx, target, diags);
    sections.insert(target.section_url);
  }
  for (const std::string& url : sections)
    if (const model::SitePage* section = site.find(url)) render::render_print_pack(ctx, *section, out, diags);
  if (diags.has_errors()) {
    // A template error after the site took the new bodies: the old files
    // stay, and the state no longer matches them, so the next edit rebuilds.
    state = BuildState{};
    result.kind = Update::kFailed;
    return result;
  }
  const std::filesystem::path out_dir = output_dir(state.options);
  for (const auto& [path, bytes] : out) {
    if (!fs::replace_file(out_dir / path, bytes)) {
      diags.error({(out_dir / path).string()}, "cannot write file");
      state = BuildState{};
      result.kind = Update::kFailed;
      return result;
    }
    result.written.push_back(path);
  }
  result.kind = Update::kApplied;
  return result;
}

}  // namespace qahub::pipeline
