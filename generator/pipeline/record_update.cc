#include "pipeline/record_update.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "base/text.h"
#include "marking/marking.h"
#include "model/links.h"
#include "pipeline/page_changes.h"
#include "record_pages/record_pages.h"
#include "records/records.h"
#include "search/synonyms.h"

namespace qahub::pipeline {
namespace {

/// Whether `path` is a file of a kind kept one record per file ("data/actions/a-1.json", a narrative beside it).
bool is_record_file(const std::vector<record_pages::RecordKind>& kinds, const std::string& path) {
  return std::any_of(kinds.begin(), kinds.end(), [&](const record_pages::RecordKind& k) {
    const std::string_view where = k.data.where;
    return !where.empty() && where.back() == '/' && base::starts_with(path, where) && path.size() > where.size();
  });
}

bool any_sensitive(const std::vector<record_pages::RecordKind>& kinds, records::Records& records) {
  bool sensitive = false;
  for (const record_pages::RecordKind& k : kinds) {
    if (k.data.store.empty()) continue;
    k.data.store.each(records,
                      [&](const std::string&, records::Source& src) { sensitive = sensitive || src.sensitive; });
    if (k.data.store.parts)
      k.data.store.parts(records, [&](const records::Source&, const std::vector<records::MarkedPart*>& parts) {
        for (const records::MarkedPart* p : parts) sensitive = sensitive || p->sensitive;
      });
  }
  return sensitive;
}

bool same_headings(const std::vector<markdown::Heading>& a, const std::vector<markdown::Heading>& b) {
  auto key = [](const markdown::Heading& h) { return std::tie(h.level, h.text, h.id); };
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [&](const auto& x, const auto& y) { return key(x) == key(y); });
}

bool same_sections(const std::vector<markdown::Section>& a, const std::vector<markdown::Section>& b) {
  auto key = [](const markdown::Section& s) { return std::tie(s.id, s.heading, s.text); };
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [&](const auto& x, const auto& y) { return key(x) == key(y); });
}

bool same_backlinks(const std::vector<record_pages::BackLink>& a, const std::vector<record_pages::BackLink>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const auto& x, const auto& y) { return x.url == y.url && x.title == y.title; });
}

/// Everything make_site takes from a record page (search text included:
/// search reads the Site after the update).
bool same_record_page(const model::SitePage& a, const model::SitePage& b) {
  return a.kind == b.kind && a.title == b.title && a.description == b.description &&
         a.declared_section == b.declared_section && a.weight == b.weight && a.order == b.order &&
         a.pager_group == b.pager_group && a.marking == b.marking && a.sensitive == b.sensitive &&
         a.body_html == b.body_html && a.written_tags == b.written_tags && same_headings(a.toc, b.toc) &&
         same_sections(a.search_sections, b.search_sections) && same_backlinks(a.backlinks, b.backlinks);
}

}  // namespace

UpdateResult update_records(BuildState& state, const std::set<std::string>& changed, diag::Diagnostics& diags) {
  UpdateResult result;  // kNeedsFullBuild until shown otherwise
  if (!state.site || !state.structure_edits || state.record_reports || !state.kinds || changed.empty()) return result;
  const std::vector<record_pages::RecordKind>& kinds = *state.kinds;
  for (const std::string& path : changed)
    if (!is_record_file(kinds, path)) return result;
  model::Site& site = *state.site;
  const config::SiteConfig& config = site.config;
  std::error_code ec;
  if (!std::filesystem::is_directory(state.options.site_dir / "data", ec)) return result;

  // 1. The records pass: every record loaded and cross-checked, as the build does.
  diag::Diagnostics pass_diags;  // what the records and record pages passes report
  pass_diags.set_strict(state.options.strict);
  std::vector<records::DataKind> data;
  for (const record_pages::RecordKind& k : kinds) data.push_back(k.data);
  records::LoadInput in{
      state.options.site_dir, state.options.as_of, state.load.markdown, config.personal_data, {}, data,
      config.bank_holidays,   config.risks};
  for (const auto& [source, _] : state.sources) in.content_sources.insert(source);
  records::Loaded loaded = records::load(in, pass_diags);
  loaded.records.min_cell = config.disclosure.min_cell;
  if (!loaded.records.synonyms_json.empty())
    search::SynonymTable::parse(loaded.records.synonyms_json, "data/search/synonyms.json", pass_diags);
  if (pass_diags.has_errors() || !loaded.broken.empty()) return result;  // the full build reports them
  // Markings: a sensitive record would be withheld (a full build's work).
  diag::Diagnostics marking_diags;
  content::ContentSet no_pages;  // pages' markings are decided and stay; records' depend on records only
  marking::decide(config.classification, no_pages, loaded.records, marking_diags, kinds);
  if (marking_diags.has_errors() || any_sensitive(kinds, loaded.records)) return result;
  std::set<std::string> content_refs;
  bool reports = false;
  for (const record_pages::RecordKind& k : kinds)
    if (k.data.store.references)
      k.data.store.references(loaded.records,
                              [&](const std::string&, const records::Source&, const std::vector<records::Ref>& refs) {
                                for (const records::Ref& ref : refs)
                                  if (ref.kind == "content") {
                                    content_refs.insert(ref.id);
                                    reports = reports || ref.pointer == "/report";
                                  }
                              });
  if (reports) return result;

  // 2. The record pages pass, from the content pages as the Site has them.
  record_pages::PagesInput pin;
  for (const model::SitePage& p : site.pages)
    if (base::starts_with(p.source, "content/")) {
      pin.content_urls[p.source] = p.url;
      if (p.review_by) pin.review_by[p.source] = *p.review_by;
    }
  pin.records = &loaded.records;
  pin.as_of = state.options.as_of;
  pin.templates = state.templates.get();
  pin.kinds = &kinds;
  pin.figures = {config.disclosure.min_cell, config.targets.moderation_rate_pm, config.targets.good_or_better_pm,
                 config.targets.independent_moderation_pm};
  record_pages::RecordPages rp = record_pages::build_pages(pin, pass_diags);
  marking::mark_record_pages(rp.pages, loaded.records, kinds);
  if (pass_diags.has_errors()) return result;

  // 3. Links: the record pages' anchors and files in place, every narrative's links checked.
  TargetsUndo undo(state.targets);
  std::set<std::string> urls;
  for (const record_pages::RecordPage& r : rp.pages) {
    urls.insert(r.url);
    auto old = state.targets.pages.find(r.url);
    if (old == state.targets.pages.end()) {
      // A new page: its URL must be free (make_site's claims).
      if (site.by_url.count(r.url)) return result;
    } else if (old->second != r.ids) {
      if (auto refs = state.anchor_referrers.find(r.url); refs != state.anchor_referrers.end())
        for (const std::string& s : refs->second)
          if (!changed.count(s) && !state.narratives.count(s)) return result;  // a content page's anchor may be gone
    }
    undo.set_page(r.url, r.ids, true);
  }
  std::set<std::string> removed;
  for (const std::string& url : state.record_urls)
    if (!urls.count(url)) {
      if (linked_from_elsewhere(state, url, changed)) return result;
      removed.insert(url);
      undo.set_page(url, std::nullopt, false);
    }
  for (const auto& [path, _] : site.record_files)
    if (!rp.files.count(path)) {
      if (linked_from_elsewhere(state, "/" + path, changed)) return result;
      undo.set_file("/" + path, false);
    }
  for (const auto& [path, _] : rp.files)
    if (!site.record_files.count(path)) {
      if (state.targets.files.count("/" + path) || site.by_url.count("/" + path)) return result;
      undo.set_file("/" + path, true);
    }
  diag::Diagnostics link_diags;
  link_diags.set_strict(state.options.strict);
  model::resolve_narrative_links(loaded.records.narratives, rp.pages, state.targets, link_diags);
  if (link_diags.has_errors()) return result;

  // 4. The pages as make_site makes them; only those that changed go in.
  record_pages::finish_bodies(rp.pages, loaded.records.narratives, state.options.jobs);
  std::map<std::string, long> nav_weights;
  for (const record_pages::NavEntry& n : rp.nav) nav_weights[n.url] = n.weight;
  PageChanges changes;
  changes.sources = changed;
  changes.removed = removed;
  for (record_pages::RecordPage& r : rp.pages) {
    model::SitePage fresh = model::page_from_record(r, nav_weights);
    if (fresh.marking.empty()) fresh.marking = config.classification.default_marking;
    if (auto b = rp.backlinks.find(fresh.url); b != rp.backlinks.end()) fresh.backlinks = b->second;
    fresh.declared_section = fresh.section_url;
    fresh.written_tags = fresh.tags;
    if (const model::SitePage* old = site.find(fresh.url); old && same_record_page(*old, fresh)) continue;
    changes.pages.push_back(std::move(fresh));
  }
  // Content pages list the records that name them ("referenced by").
  for (const model::SitePage& p : site.pages) {
    if (p.kind == model::PageKind::kRecord || state.record_urls.count(p.url)) continue;
    auto b = rp.backlinks.find(p.url);
    const std::vector<record_pages::BackLink> now =
        b == rp.backlinks.end() ? std::vector<record_pages::BackLink>{} : b->second;
    if (same_backlinks(now, p.backlinks)) continue;
    model::SitePage fresh = p;
    fresh.backlinks = now;
    fresh.children.clear();
    changes.pages.push_back(std::move(fresh));
  }
  changes.record_files = std::move(rp.files);
  // The review dashboard's notices: the other passes' as they were, these passes' afresh.
  {
    auto key = [](const diag::Diagnostic& d) { return std::tie(d.pos.path, d.pos.line, d.pos.col, d.message); };
    diag::Diagnostics all;
    for (const diag::Diagnostic& d : state.renderer->notices)
      if (std::none_of(state.record_notices.begin(), state.record_notices.end(),
                       [&](const diag::Diagnostic& r) { return key(r) == key(d); }))
        all.report(d.severity, d.pos, d.message);
    for (const diag::Diagnostic& d : pass_diags.sorted())
      if (d.severity == diag::Severity::kNotice) all.report(d.severity, d.pos, d.message);
    changes.notices = all.sorted();
  }
  std::vector<diag::Diagnostic> record_notices;
  for (diag::Diagnostic& d : pass_diags.sorted())
    if (d.severity == diag::Severity::kNotice) record_notices.push_back(std::move(d));

  result = apply_page_changes(state, changes, undo, diags);
  if (result.kind != Update::kApplied) return result;

  // 5. Keep the state in step: record pages, notices, references, narratives' links.
  for (diag::Diagnostic& d : pass_diags.sorted())
    if (d.severity != diag::Severity::kNotice) diags.report(d.severity, std::move(d.pos), std::move(d.message));
  for (diag::Diagnostic& d : link_diags.sorted()) diags.report(d.severity, std::move(d.pos), std::move(d.message));
  state.record_urls = std::move(urls);
  state.record_notices = std::move(record_notices);
  state.record_content_refs = std::move(content_refs);
  for (const auto& [source, _] : state.narratives) {
    for (auto& [__, sources] : state.anchor_referrers) sources.erase(source);
    for (auto& [__, sources] : state.link_referrers) sources.erase(source);
  }
  state.narratives.clear();
  for (const record_pages::RecordPage& r : rp.pages)
    for (size_t i : r.narratives) {
      const records::Narrative& n = loaded.records.narratives[i];
      state.narratives[n.source] = {r.url, n.id_prefix + "-"};
      add_anchor_links(state, n.source, n.doc);
    }
  return result;
}

}  // namespace qahub::pipeline
