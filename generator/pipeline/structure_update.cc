#include "pipeline/structure_update.h"

#include <algorithm>
#include <map>

#include "base/text.h"
#include "fs/files.h"
#include "model/links.h"
#include "pipeline/page_changes.h"

namespace qahub::pipeline {
namespace {

/// The front matter keys an edit may change here; the rest are read by
/// passes before the Site (aliases are claimed, review_by counts in the
/// evidence register, type and published make reports and briefs).
bool fixed_keys_equal(const frontmatter::PageMeta& a, const frontmatter::PageMeta& b) {
  return a.aliases == b.aliases && a.type == b.type && a.has_type == b.has_type &&
         a.classification == b.classification && a.review_by == b.review_by && a.published == b.published;
}

/// Front matter nothing outside the Site reads: no report, brief or
/// publication, no shortcode in the description, not a glossary.
bool plain_meta(const frontmatter::PageMeta& m) {
  return !m.has_type && !m.brief && !m.publication && !m.published && m.description.find("{{<") == std::string::npos &&
         !content::is_glossary(m);
}

std::vector<std::string> notices_at(const std::vector<diag::Diagnostic>& all, const std::string& source) {
  std::vector<std::string> out;
  for (const diag::Diagnostic& d : all)
    if (d.severity == diag::Severity::kNotice && d.pos.path == source)
      out.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ":" + d.message);
  return out;
}

bool is_reserved(const std::string& url) {
  for (const char* prefix : {"/search/", "/a-z/", "/print/"})
    if (base::starts_with(url, prefix)) return true;
  return url == "/tags/" || base::starts_with(url, "/tags/") || url == "/amendments/" || url == "/review/" ||
         url == "/accessibility/";
}

}  // namespace

UpdateResult update_structure(BuildState& state, const std::set<std::string>& changed, diag::Diagnostics& diags) {
  UpdateResult result;  // kNeedsFullBuild until shown otherwise
  if (!state.site || !state.structure_edits || changed.empty()) return result;
  diags.set_strict(state.options.strict);
  model::Site& site = *state.site;
  const config::Classification& classification = site.config.classification;

  // 1. Each changed file as it is now: an edited or new page, or one gone.
  content::ContentSet now;        // edited and new pages
  std::set<std::string> removed;  // sources whose pages go (deleted, or now drafts)
  diag::Diagnostics parse_diags;  // the edit's own diagnostics, for the notices check
  parse_diags.set_strict(state.options.strict);
  for (const std::string& source : changed) {
    if (!base::starts_with(source, "content/") || !base::ends_with(source, ".md")) return result;
    if (!content::url_problem(source).empty()) return result;
    const auto known = state.sources.find(source);
    const bool is_known = known != state.sources.end();
    auto text = fs::read_file(state.options.site_dir / source);
    if (!text) {
      if (is_known) removed.insert(source);
      continue;  // else a draft (or a file never built) is gone: nothing was built from it
    }
    content::Page page = content::parse_page(source, *text, state.load, parse_diags);
    if (page.meta.draft && !state.load.drafts) {
      if (is_known) removed.insert(source);
      continue;
    }
    if (!plain_meta(page.meta) || !page.doc.shortcodes().empty() || !page.placeholders.empty() ||
        state.with_placeholders.count(source))
      return result;
    if (is_known) {
      if (!plain_meta(known->second.meta) || !fixed_keys_equal(known->second.meta, page.meta)) return result;
    } else {
      // A new section takes in pages; a new page's marking and aliases are decided before the Site.
      if (page.is_section || page.meta.review_by || !page.meta.aliases.empty() || !page.meta.classification.empty())
        return result;
      // Its marking: its nearest content section's (marking::decide), else the site default.
      page.marking = classification.default_marking;
      for (std::string url = page.section_url; !url.empty(); url = content::parent_url(url))
        if (const model::SitePage* s = site.find(url); s && base::starts_with(s->source, "content/")) {
          page.marking = s->marking;
          break;
        }
      if (classification.is_sensitive(page.marking)) return result;
      if (site.by_url.count(page.url) || state.targets.pages.count(page.url) || is_reserved(page.url)) return result;
      for (const model::SitePage& p : site.pages)
        if (std::find(p.aliases.begin(), p.aliases.end(), page.url) != p.aliases.end()) return result;
    }
    now.pages.push_back(std::move(page));
  }
  std::map<std::string, std::string> removed_urls;  // source → its page's URL
  for (const std::string& source : removed) {
    const model::SitePage* old = site.find(state.targets.source_to_url.at(source));
    if (old) removed_urls[source] = old->url;
    if (!old || old->kind != model::PageKind::kContent || !old->backlinks.empty() ||
        state.record_content_refs.count(source) || state.with_placeholders.count(source) ||
        !plain_meta(state.sources.at(source).meta))
      return result;
    if (linked_from_elsewhere(state, old->url, removed)) return result;
    for (const std::string& alias : old->aliases)
      if (linked_from_elsewhere(state, alias, removed)) return result;
  }
  // The review dashboard lists the notices of the last full build: an edit must leave its own alone.
  for (const content::Page& p : now.pages) model::report_review_overdue(p, site.as_of, parse_diags);
  const std::vector<diag::Diagnostic> new_diags = parse_diags.sorted();
  for (const std::string& source : changed)
    if (notices_at(new_diags, source) != notices_at(state.renderer->notices, source)) return result;

  // 2. Links: the new and edited pages' anchors in place, every link of theirs checked.
  TargetsUndo undo(state.targets);
  for (const std::string& source : removed) {
    const std::string url = state.targets.source_to_url.at(source);
    undo.set_page(url, std::nullopt, false);
    undo.set_source(source, std::nullopt);
  }
  for (const content::Page& p : now.pages) {
    const std::vector<std::string> ids = heading_ids(p);
    if (auto known = state.sources.find(p.source); known != state.sources.end() && ids != known->second.heading_ids)
      if (auto refs = state.anchor_referrers.find(p.url); refs != state.anchor_referrers.end())
        for (const std::string& s : refs->second)
          if (!changed.count(s)) return result;  // their anchors may be gone: the full build checks them
    undo.set_page(p.url, std::set<std::string>(ids.begin(), ids.end()), true);
    undo.set_source(p.source, p.url);
  }
  // Tag pages: one per slug of every page's tags after the edit.
  std::map<std::string, std::set<std::string>> spellings;  // slug → spellings
  std::set<std::string> changed_urls;
  for (const std::string& s : changed)
    if (auto it = state.targets.source_to_url.find(s); it != state.targets.source_to_url.end())
      changed_urls.insert(it->second);
  for (const model::SitePage& p : site.pages)
    if (!changed_urls.count(p.url) && !(p.kind == model::PageKind::kContent && removed.count(p.source)))
      for (const std::string& t : p.written_tags) spellings[base::slugify(t)].insert(t);
  for (const content::Page& p : now.pages)
    for (const std::string& t : p.meta.tags) spellings[base::slugify(t)].insert(t);
  std::set<std::string> old_slugs;
  for (const auto& [tag, _] : site.tags) old_slugs.insert(base::slugify(tag));
  for (const auto& [slug, names] : spellings) {
    if (names.size() > 1) return result;  // the full build warns of the second spelling
    if (!old_slugs.count(slug)) {
      if (site.by_url.count("/tags/" + slug + "/")) return result;
      undo.set_page("/tags/" + slug + "/", std::set<std::string>{}, false);
    }
  }
  for (const std::string& slug : old_slugs)
    if (!spellings.count(slug)) {
      if (linked_from_elsewhere(state, "/tags/" + slug + "/", changed)) return result;
      undo.set_page("/tags/" + slug + "/", std::nullopt, false);
    }
  diag::Diagnostics link_diags;
  link_diags.set_strict(state.options.strict);
  model::resolve_links(now, state.targets, link_diags);
  if (parse_diags.has_errors() || link_diags.has_errors()) return result;  // the full build reports them all

  // 3. The pages as make_site makes them: what passes before the Site
  // decided (aliases, backlinks, marking) as they were.
  PageChanges changes;
  changes.sources = changed;
  for (const auto& [_, url] : removed_urls) changes.removed.insert(url);
  for (content::Page& p : now.pages) {
    model::SitePage fresh = model::page_from_content(p);
    if (const model::SitePage* old = site.find(p.url)) {
      fresh.aliases = old->aliases;
      fresh.backlinks = old->backlinks;
      fresh.marking = old->marking;
      fresh.sensitive = old->sensitive;
    } else if (fresh.marking.empty()) {
      fresh.marking = classification.default_marking;
    }
    fresh.declared_section = fresh.section_url;
    fresh.written_tags = fresh.tags;
    changes.pages.push_back(std::move(fresh));
  }
  result = apply_page_changes(state, changes, undo, diags);
  if (result.kind != Update::kApplied) return result;

  // 4. Keep the state in step: sources, anchors and links of the edited pages.
  for (const diag::Diagnostics* d : {&parse_diags, &link_diags})
    for (diag::Diagnostic& item : d->sorted())
      diags.report(item.severity, std::move(item.pos), std::move(item.message));
  for (const std::string& source : removed) state.sources.erase(source);
  for (auto& [_, sources] : state.anchor_referrers)
    for (const std::string& s : changed) sources.erase(s);
  for (auto& [_, sources] : state.link_referrers)
    for (const std::string& s : changed) sources.erase(s);
  for (const content::Page& p : now.pages) {
    state.sources[p.source] = {p.head, heading_ids(p), p.meta};
    add_anchor_links(state, p.source, p.doc);
  }
  return result;
}

}  // namespace qahub::pipeline
