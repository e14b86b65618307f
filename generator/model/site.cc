#include "model/site.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_set>

#include "base/parallel.h"
#include "model/tags.h"

namespace qahub::model {

const SitePage* Site::find(const std::string& url) const {
  auto it = by_url.find(url);
  return it == by_url.end() ? nullptr : &pages[it->second];
}

void report_review_overdue(const content::Page& p, base::Date as_of, diag::Diagnostics& diags) {
  if (p.meta.review_by && *p.meta.review_by < as_of)
    diags.warning(p.meta.review_by_pos,
                  "review overdue: review_by " + p.meta.review_by->iso() + " is before the build date " + as_of.iso());
}

void set_content_body(SitePage& s, const content::Page& p) {
  s.body_html = p.doc.render_html();
  s.toc.clear();
  for (const markdown::Heading& h : p.doc.headings())
    if (h.level == 2 || h.level == 3) s.toc.push_back(h);
  s.search_sections = p.doc.sections();
  s.glossary_rows = p.doc.table_rows();
}

namespace {

SitePage from_content(content::Page& p) {
  SitePage s;
  s.kind = p.is_section ? PageKind::kSection : PageKind::kContent;
  s.url = p.url;
  s.source = p.source;
  s.title = p.meta.title;
  s.description = p.meta.description;
  s.section_url = p.section_url;
  s.weight = p.meta.weight;
  set_content_body(s, p);
  s.tags = p.meta.tags;
  s.owner = p.meta.owner;
  s.review_by = p.meta.review_by;
  s.last_updated = p.meta.last_updated();
  s.changes = p.meta.changes;
  s.draft = p.meta.draft;
  s.type = p.meta.type;
  s.marking = p.marking;
  s.sensitive = p.sensitive;
  if (!p.meta.draft) s.published = p.meta.published;
  s.aliases = p.meta.aliases;
  return s;
}

SitePage from_record(record_pages::RecordPage& r, const std::map<std::string, long>& nav_weights) {
  SitePage s;
  const bool is_index = r.url == r.section;
  s.kind = is_index ? PageKind::kSection : PageKind::kRecord;
  s.url = r.url;
  s.source = r.source;
  s.title = r.title;
  s.description = r.description;
  s.section_url = is_index ? content::parent_url(r.url) : r.section;
  if (auto it = nav_weights.find(r.url); it != nav_weights.end()) s.weight = it->second;
  s.order = std::move(r.order);
  s.pager_group = std::move(r.pager_group);
  s.body_html = std::move(r.body_html);
  s.toc = std::move(r.toc);
  s.search_sections = std::move(r.search_sections);
  s.tags = std::move(r.tags);
  return s;
}

}  // namespace

Site make_site(const config::SiteConfig& config, base::Date as_of, content::ContentSet content,
               record_pages::RecordPages records, diag::Diagnostics& diags, int jobs) {
  Site site;
  site.config = config;
  site.as_of = as_of;
  site.assets = std::move(content.assets);
  site.record_files = std::move(records.files);

  for (const content::Page& p : content.pages) report_review_overdue(p, as_of, diags);
  // Rendering every body to HTML is the costly part: in parallel, one slot each.
  site.pages.resize(content.pages.size());
  base::parallel_for(content.pages.size(), jobs, [&](size_t i) { site.pages[i] = from_content(content.pages[i]); });
  std::unordered_set<std::string> content_urls;
  for (const SitePage& p : site.pages) content_urls.insert(p.url);
  std::map<std::string, long> nav_weights;
  for (const record_pages::NavEntry& n : records.nav) nav_weights[n.url] = n.weight;
  for (record_pages::RecordPage& r : records.pages) {
    if (content_urls.count(r.url)) {
      diags.error({r.source}, "record page URL " + r.url + " is also a content page");
      continue;
    }
    site.pages.push_back(from_record(r, nav_weights));
  }
  if (std::none_of(site.pages.begin(), site.pages.end(), [](const SitePage& s) { return s.url == "/"; })) {
    SitePage home;
    home.kind = PageKind::kSection;
    home.url = "/";
    home.title = config.title;
    home.description = config.description;
    site.pages.push_back(std::move(home));
  }
  std::sort(site.pages.begin(), site.pages.end(), [](const SitePage& a, const SitePage& b) { return a.url < b.url; });
  for (size_t i = 0; i < site.pages.size(); ++i) site.by_url[site.pages[i].url] = i;

  // Aliases as site-root URLs; one that is already a page gets no redirect.
  for (SitePage& p : site.pages) {
    std::vector<std::string> aliases;
    for (std::string url : p.aliases) {
      if (url.empty() || url[0] != '/') url.insert(0, 1, '/');
      if (url.back() != '/') url += '/';
      if (site.by_url.count(url))
        diags.error({p.source}, "alias " + url + " is already a page");
      else
        aliases.push_back(std::move(url));
    }
    p.aliases = std::move(aliases);
  }

  for (auto& [url, links] : records.backlinks)
    if (auto it = site.by_url.find(url); it != site.by_url.end()) site.pages[it->second].backlinks = links;

  // A page whose folder has no _index.md hangs under the nearest section that exists.
  for (SitePage& p : site.pages) {
    if (p.url == "/") continue;
    while (!p.section_url.empty() && !site.by_url.count(p.section_url))
      p.section_url = content::parent_url(p.section_url);
    if (p.section_url.empty()) p.section_url = "/";
  }
  for (size_t i = 0; i < site.pages.size(); ++i) {
    if (site.pages[i].url == "/") continue;
    site.pages[site.by_url[site.pages[i].section_url]].children.push_back(i);
  }
  auto order = [&](size_t a, size_t b) {
    const SitePage &pa = site.pages[a], &pb = site.pages[b];
    return std::tie(pa.weight, pa.order, pa.title, pa.url) < std::tie(pb.weight, pb.order, pb.title, pb.url);
  };
  for (SitePage& p : site.pages) {
    // Section lists, print packs and previous/next all follow this one order.
    std::sort(p.children.begin(), p.children.end(), order);
    // Previous/next walk the pages of a section, sections themselves excluded,
    // each within its pager group (a meeting steps only within its forum).
    std::map<std::string, size_t> last_in_group;
    for (size_t c : p.children) {
      if (site.pages[c].kind == PageKind::kSection) continue;
      auto [it, first] = last_in_group.try_emplace(site.pages[c].pager_group, c);
      if (!first) {
        site.pages[it->second].next = c;
        site.pages[c].prev = it->second;
        it->second = c;
      }
    }
  }
  for (size_t c : site.pages[site.by_url["/"]].children)
    if (site.pages[c].kind == PageKind::kSection) site.nav.push_back(c);
  merge_tags(site, content.pages, diags);
  return site;
}

}  // namespace qahub::model
