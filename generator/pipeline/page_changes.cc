#include "pipeline/page_changes.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "base/parallel.h"
#include "base/text.h"
#include "fs/files.h"
#include "pipeline/output_marker.h"
#include "render/a_to_z.h"
#include "render/feeds.h"
#include "render/site_pages.h"

namespace qahub::pipeline {
namespace {

/// What other pages show of a page: section lists show all three, previous/
/// next, breadcrumbs and the nav the title.
struct Shown {
  std::string title, description;
  model::PageKind kind = model::PageKind::kContent;
  bool operator==(const Shown&) const = default;
};

Shown shown(const model::SitePage& p) { return {p.title, p.description, p.kind}; }

/// The other pages a page's output names, by URL, and its tags as shown.
struct Ties {
  std::string section;
  std::string prev, next;
  std::vector<std::string> children;
  std::vector<std::string> tags;
  bool operator==(const Ties&) const = default;
};

Ties ties_of(const model::Site& site, const model::SitePage& p) {
  Ties t{p.section_url, p.prev ? site.pages[*p.prev].url : "", p.next ? site.pages[*p.next].url : "", {}, p.tags};
  for (size_t c : p.children) t.children.push_back(site.pages[c].url);
  return t;
}

/// The output paths render_site_lists and the feeds write for `site`,
/// worked out without rendering (`a_to_z`: its A to Z's URLs, or none when
/// the A to Z is the same before and after).
std::set<std::string> list_paths(const model::Site& site, const std::vector<std::string>& a_to_z) {
  std::set<std::string> out;
  for (const char* url : {"/tags/", "/amendments/", "/review/", "/accessibility/", "/search/", "/404.html"})
    out.insert(render::output_path_for(url));
  for (const auto& [tag, _] : site.tags) out.insert(render::output_path_for("/tags/" + base::slugify(tag) + "/"));
  for (const std::string& url : a_to_z) out.insert(render::output_path_for(url));
  for (const model::SitePage& p : site.pages)
    if (model::listed(p))
      for (const std::string& url : p.aliases) out.insert(render::output_path_for(url));
  out.insert("amendments.xml");
  if (site.config.writes_sitemap()) out.insert("sitemap.xml");
  if (render::has_briefs(site)) out.insert("briefs.xml");
  return out;
}

/// The A to Z pages whose text differs between two groupings: every page
/// when the letters or their counts differ (each page lists them all), else
/// the letters whose entries differ (and /a-z/ itself, when not split).
std::set<std::string> changed_a_to_z(const std::vector<render::AToZLetter>& before,
                                     const std::vector<render::AToZLetter>& after) {
  auto key = [](const render::AToZEntry& e) { return std::tie(e.title, e.url, e.section, e.description); };
  const std::vector<std::string> urls = render::a_to_z_urls(after);
  bool same_letters = before.size() == after.size();
  for (size_t i = 0; same_letters && i < before.size(); ++i)
    same_letters = before[i].label == after[i].label && before[i].entries.size() == after[i].entries.size();
  if (!same_letters) return {urls.begin(), urls.end()};
  std::set<std::string> out;
  const bool split = urls.size() > 1;
  for (size_t i = 0; i < before.size(); ++i) {
    const auto& a = before[i].entries;
    const auto& b = after[i].entries;
    if (std::equal(a.begin(), a.end(), b.begin(), b.end(),
                   [&](const auto& x, const auto& y) { return key(x) == key(y); }))
      continue;
    out.insert(split ? "/a-z/" + after[i].slug + "/" : "/a-z/");
  }
  return out;
}

std::set<std::string> print_paths(const model::Site& site) {
  std::vector<std::string> v = render::print_pack_paths(site);
  return {v.begin(), v.end()};
}

bool same_notices(const std::vector<diag::Diagnostic>& a, const std::vector<diag::Diagnostic>& b) {
  auto key = [](const diag::Diagnostic& d) {
    return std::tie(d.severity, d.pos.path, d.pos.line, d.pos.col, d.message);
  };
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [&](const auto& x, const auto& y) { return key(x) == key(y); });
}

}  // namespace

TargetsUndo::~TargetsUndo() {
  if (kept_) return;
  for (auto& [url, ids] : pages_)
    if (ids)
      t_.pages[url] = *ids;
    else
      t_.pages.erase(url);
  for (auto& [url, known] : anchors_)
    if (known)
      t_.anchors_known.insert(url);
    else
      t_.anchors_known.erase(url);
  for (auto& [source, url] : sources_)
    if (url)
      t_.source_to_url[source] = *url;
    else
      t_.source_to_url.erase(source);
  for (auto& [url, exists] : files_)
    if (exists)
      t_.files.insert(url);
    else
      t_.files.erase(url);
}

void TargetsUndo::remember(const std::string& url) {
  if (pages_.count(url)) return;
  auto it = t_.pages.find(url);
  pages_[url] = it == t_.pages.end() ? std::nullopt : std::optional<std::set<std::string>>(it->second);
  anchors_[url] = t_.anchors_known.count(url) > 0;
}

void TargetsUndo::set_page(const std::string& url, std::optional<std::set<std::string>> ids, bool anchors) {
  remember(url);
  if (ids)
    t_.pages[url] = std::move(*ids);
  else
    t_.pages.erase(url);
  if (anchors)
    t_.anchors_known.insert(url);
  else
    t_.anchors_known.erase(url);
}

void TargetsUndo::set_source(const std::string& source, std::optional<std::string> url) {
  if (!sources_.count(source)) {
    auto it = t_.source_to_url.find(source);
    sources_[source] = it == t_.source_to_url.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  if (url)
    t_.source_to_url[source] = *url;
  else
    t_.source_to_url.erase(source);
}

void TargetsUndo::set_file(const std::string& url, bool exists) {
  if (!files_.count(url)) files_[url] = t_.files.count(url) > 0;
  if (exists)
    t_.files.insert(url);
  else
    t_.files.erase(url);
}

bool linked_from_elsewhere(const BuildState& state, const std::string& url, const std::set<std::string>& except) {
  auto it = state.link_referrers.find(url);
  if (it == state.link_referrers.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](const std::string& s) { return !except.count(s); });
}

UpdateResult apply_page_changes(BuildState& state, PageChanges& changes, TargetsUndo& undo, diag::Diagnostics& diags) {
  model::Site& site = *state.site;
  // 1. What the pages show of each other before the edit. Only the sections
  // of the replaced, new and removed pages can order their pages differently.
  std::map<std::string, model::SitePage*> incoming;  // URL → its new page
  for (model::SitePage& p : changes.pages) incoming[p.url] = &p;
  std::set<std::string> sections;
  for (const auto& [url, page] : incoming) {
    if (const model::SitePage* old = site.find(url)) {
      sections.insert(old->section_url);
      continue;
    }
    std::string s = page->declared_section;  // a new page hangs under the nearest section that exists
    while (!s.empty() && !site.by_url.count(s)) s = content::parent_url(s);
    sections.insert(s.empty() ? "/" : s);
  }
  for (const std::string& url : changes.removed)
    if (const model::SitePage* old = site.find(url)) sections.insert(old->section_url);
  std::unordered_map<std::string, Ties> old_ties;
  for (const std::string& url : sections)
    if (const model::SitePage* s = site.find(url)) {
      old_ties.emplace(url, ties_of(site, *s));
      for (size_t c : s->children) old_ties.emplace(site.pages[c].url, ties_of(site, site.pages[c]));
    }
  std::vector<std::pair<std::string, std::string>> old_nav;
  for (size_t i : site.nav) old_nav.emplace_back(site.pages[i].url, site.pages[i].title);
  // The A to Z lists every listed page by title under its section's title
  // (a walk and a sort over every page): only when one of those may change.
  bool a_to_z = !changes.removed.empty();
  for (const auto& [url, page] : incoming) {
    const model::SitePage* old = site.find(url);
    a_to_z = a_to_z || !old || !(shown(*old) == shown(*page)) || model::listed(*old) != model::listed(*page) ||
             !old->glossary_rows.empty() || !page->glossary_rows.empty();
  }
  std::vector<render::AToZLetter> old_letters;
  if (a_to_z) old_letters = render::group_by_letter(render::a_to_z_entries(site));
  const std::vector<std::string> old_a_to_z = render::a_to_z_urls(old_letters);
  const std::set<std::string> old_lists = list_paths(site, a_to_z ? old_a_to_z : std::vector<std::string>{});
  const std::set<std::string> old_packs = print_paths(site);
  std::set<std::string> old_slugs;
  for (const auto& [tag, _] : site.tags) old_slugs.insert(base::slugify(tag));

  // 2. The Site with the edit: pages swapped, added and dropped, then linked again.
  std::set<std::string> shown_changed;  // URLs whose Shown changed, or that came or went
  std::set<std::string> edited;         // URLs of replaced and new pages
  render::SiteLists lists;              // the site lists the edit changes
  auto touch_lists = [&](const model::SitePage* before, const model::SitePage* after) {
    const bool came_or_went = !before || !after;
    const bool seen_changed = came_or_went || !(shown(*before) == shown(*after));
    std::set<std::string> tags_before, tags_after;
    if (before) tags_before.insert(before->tags.begin(), before->tags.end());
    if (after) tags_after.insert(after->written_tags.begin(), after->written_tags.end());
    for (const std::string& t : tags_before)
      if (seen_changed || !tags_after.count(t)) lists.tags.insert(t);
    for (const std::string& t : tags_after)
      if (seen_changed || !tags_before.count(t)) lists.tags.insert(t);
    // Pages with amendments are in the log and its feed (by title, with their dates and summaries).
    lists.amendments = lists.amendments || (before && !before->changes.empty()) || (after && !after->changes.empty());
    // The dashboard lists content pages (title, owner, review date) and links notices to them.
    const bool content = (before && base::starts_with(before->source, "content/")) ||
                         (after && base::starts_with(after->source, "content/"));
    lists.review =
        lists.review || (content && (came_or_went || before->title != after->title || before->owner != after->owner ||
                                     before->review_by != after->review_by || before->draft != after->draft ||
                                     before->source != after->source));
  };
  std::set<std::string> gone;  // URLs of the removed pages
  const bool in_place = changes.removed.empty() && std::all_of(incoming.begin(), incoming.end(), [&](const auto& in) {
                          return site.by_url.count(in.first) > 0;
                        });
  if (in_place) {
    // Edits of pages that stay: each into its slot, the order by URL as it was.
    for (auto& [url, page] : incoming) {
      model::SitePage& p = site.pages[site.by_url.at(url)];
      if (!(shown(*page) == shown(p))) shown_changed.insert(url);
      touch_lists(&p, page);
      edited.insert(url);
      p = std::move(*page);
    }
  } else {
    std::vector<model::SitePage> next_pages;
    next_pages.reserve(site.pages.size() + changes.pages.size());
    for (model::SitePage& p : site.pages) {
      if (changes.removed.count(p.url)) {
        gone.insert(p.url);
        shown_changed.insert(p.url);
        touch_lists(&p, nullptr);
        continue;
      }
      auto it = incoming.find(p.url);
      if (it == incoming.end()) {
        next_pages.push_back(std::move(p));
        continue;
      }
      model::SitePage& fresh = *it->second;
      if (!(shown(fresh) == shown(p))) shown_changed.insert(p.url);
      touch_lists(&p, &fresh);
      edited.insert(p.url);
      incoming.erase(it);
      next_pages.push_back(std::move(fresh));
    }
    for (auto& [url, page] : incoming) {  // new pages
      shown_changed.insert(url);
      edited.insert(url);
      touch_lists(nullptr, page);
      next_pages.push_back(std::move(*page));
    }
    std::sort(next_pages.begin(), next_pages.end(),
              [](const model::SitePage& a, const model::SitePage& b) { return a.url < b.url; });
    site.pages = std::move(next_pages);
  }
  site.by_url.clear();
  site.nav.clear();
  site.tags.clear();
  for (model::SitePage& p : site.pages) {
    p.section_url = p.declared_section;
    p.tags = p.written_tags;
    p.children.clear();
    p.prev.reset();
    p.next.reset();
  }
  diag::Diagnostics ignored;  // a second spelling gives up below
  model::link_pages(site, {}, ignored);
  undo.keep();  // from here on, giving up clears the state

  // 3. Checks that need the new Site: the nav, and the A to Z's letters.
  auto give_up = [&] {
    state = BuildState{};
    return UpdateResult{};
  };
  std::vector<std::pair<std::string, std::string>> new_nav;
  for (size_t i : site.nav) new_nav.emplace_back(site.pages[i].url, site.pages[i].title);
  if (new_nav != old_nav) return give_up();  // every page shows the nav: a full build
  {
    // Tag pages: one spelling per slug (the full build warns of a second), and links to a tag page that went.
    std::map<std::string, std::set<std::string>> spellings;
    for (const model::SitePage& p : site.pages)
      for (const std::string& t : p.written_tags) spellings[base::slugify(t)].insert(t);
    for (const auto& [slug, names] : spellings) {
      if (names.size() > 1) return give_up();
      if (!old_slugs.count(slug)) {
        if (site.by_url.count("/tags/" + slug + "/")) return give_up();
        state.targets.pages["/tags/" + slug + "/"];
      }
    }
    for (const std::string& slug : old_slugs)
      if (!spellings.count(slug)) {
        if (linked_from_elsewhere(state, "/tags/" + slug + "/", changes.sources)) return give_up();
        state.targets.pages.erase("/tags/" + slug + "/");
      }
  }
  std::vector<std::string> new_a_to_z;
  if (a_to_z) {
    const std::vector<render::AToZLetter> new_letters = render::group_by_letter(render::a_to_z_entries(site));
    lists.a_to_z = changed_a_to_z(old_letters, new_letters);
    new_a_to_z = render::a_to_z_urls(new_letters);
    const std::vector<std::string>& before = old_a_to_z;
    const std::vector<std::string>& after = new_a_to_z;
    for (const std::string& url : before)
      if (std::find(after.begin(), after.end(), url) == after.end()) {
        if (linked_from_elsewhere(state, url, changes.sources)) return give_up();
        state.targets.pages.erase(url);
      }
    for (const std::string& url : after)
      if (std::find(before.begin(), before.end(), url) == before.end()) {
        if (site.by_url.count(url)) return give_up();
        state.targets.pages[url];
      }
  }

  // 4. The pages to render again: edited and new ones, those whose ties
  // changed (in the sections above), and those that show a page whose Shown
  // changed (its section's list, previous/next, breadcrumbs).
  bool section_shown_changed = false;
  for (const std::string& url : shown_changed)
    if (const model::SitePage* p = site.find(url); p && p->kind == model::PageKind::kSection)
      section_shown_changed = true;
  std::vector<size_t> dirty;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const model::SitePage& p = site.pages[i];
    bool d = edited.count(p.url) > 0;
    if (!d)
      if (auto old = old_ties.find(p.url); old != old_ties.end()) d = !(old->second == ties_of(site, p));
    if (!d && sections.count(p.url)) d = true;  // its list of children may have changed
    for (std::string url = p.section_url; !d && section_shown_changed && !url.empty();) {
      d = shown_changed.count(url) > 0;
      const model::SitePage* s = site.find(url);
      url = s ? s->section_url : "";
    }
    if (!d && p.prev) d = shown_changed.count(site.pages[*p.prev].url) > 0;
    if (!d && p.next) d = shown_changed.count(site.pages[*p.next].url) > 0;
    for (size_t c : p.children)
      if (!d) d = shown_changed.count(site.pages[c].url) > 0;
    if (d) dirty.push_back(i);
  }
  if (changes.notices && !same_notices(*changes.notices, state.renderer->notices)) {
    state.renderer->notices = std::move(*changes.notices);
    lists.review = true;
  }
  const render::RenderContext& ctx = state.renderer->ctx;
  diag::Diagnostics render_diags;
  base::OutputFiles out;
  {
    // The pages and the print packs of the touched sections, on up to --jobs threads.
    std::vector<const model::SitePage*> packs;
    std::set<std::string> pack_sections = sections;
    for (size_t i : dirty)
      if (site.pages[i].kind == model::PageKind::kSection) pack_sections.insert(site.pages[i].url);
    for (const std::string& url : edited) pack_sections.insert(site.find(url)->section_url);
    for (const std::string& url : pack_sections)
      if (const model::SitePage* s = site.find(url)) packs.push_back(s);
    std::vector<base::OutputFiles> parts(dirty.size() + packs.size());
    base::parallel_for(parts.size(), state.options.jobs, [&](size_t k) {
      if (k < dirty.size())
        parts[k][render::output_path_for(site.pages[dirty[k]].url)] =
            render::render_page(ctx, site.pages[dirty[k]], render_diags);
      else
        render::render_print_pack(ctx, *packs[k - dirty.size()], parts[k], render_diags);
    });
    for (base::OutputFiles& part : parts)
      for (auto& [path, bytes] : part) out[path] = std::move(bytes);
  }
  // The lists, the feed beside them (the amendments feed is as large as the log).
  std::string feed;
  base::run_beside(
      state.options.jobs > 1, [&] { render::render_site_lists(ctx, out, render_diags, state.options.jobs, &lists); },
      [&] {
        if (lists.amendments) feed = render::render_amendments_feed(site);
      });
  if (lists.amendments) out["amendments.xml"] = std::move(feed);
  if (site.config.writes_sitemap()) out["sitemap.xml"] = render::render_sitemap(site);
  if (render::has_briefs(site)) out["briefs.xml"] = render::render_briefs_feed(site);
  if (render_diags.has_errors()) return give_up();
  std::set<std::string> stale;
  if (changes.record_files) {
    for (const auto& [path, _] : site.record_files)
      if (!changes.record_files->count(path)) stale.insert(path);
    for (const auto& [path, bytes] : *changes.record_files)
      if (auto old = site.record_files.find(path); old == site.record_files.end() || old->second != bytes)
        out[path] = bytes;
    site.record_files = std::move(*changes.record_files);
  }

  // 5. Outputs gone: the removed pages, lists and packs the new Site has not.
  for (const std::string& url : gone) stale.insert(render::output_path_for(url));
  const std::set<std::string> new_lists = list_paths(site, a_to_z ? new_a_to_z : std::vector<std::string>{});
  const std::set<std::string> new_packs = print_paths(site);
  for (const std::string& p : old_lists)
    if (!new_lists.count(p)) stale.insert(p);
  for (const std::string& p : old_packs)
    if (!new_packs.count(p)) stale.insert(p);
  for (const model::SitePage& p : site.pages) stale.erase(render::output_path_for(p.url));
  for (const std::string& p : new_lists) stale.erase(p);
  for (const std::string& p : new_packs) stale.erase(p);
  for (const auto& [path, _] : out) stale.erase(path);

  // 6. Write what changed, remove what is gone, and list the files.
  UpdateResult result;
  const std::filesystem::path out_dir = output_dir(state.options);
  std::set<std::string> added;
  for (const auto& [path, bytes] : out) {
    auto before = fs::read_file(out_dir / path);
    if (before && *before == bytes) continue;
    if (!fs::replace_file(out_dir / path, bytes)) {
      diags.error({(out_dir / path).string()}, "cannot write file");
      state = BuildState{};
      result.kind = Update::kFailed;
      return result;
    }
    if (!before) added.insert(path);
    result.written.push_back(path);
  }
  for (const std::string& path : stale) {
    std::error_code ec;
    if (std::filesystem::remove(out_dir / path, ec)) result.written.push_back(path);
    // A folder left empty goes too, as a full build would not make it.
    for (auto dir = (out_dir / path).parent_path(); dir != out_dir && std::filesystem::is_empty(dir, ec);
         dir = dir.parent_path())
      std::filesystem::remove(dir, ec);
  }
  if (!update_output_marker(out_dir, added, stale)) return give_up();

  result.kind = Update::kApplied;
  return result;
}

}  // namespace qahub::pipeline
