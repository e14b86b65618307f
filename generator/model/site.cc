#include "model/site.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "base/parallel.h"
#include "fs/url_path.h"
#include "model/tags.h"

namespace qahub::model {

const SitePage* Site::find(const std::string& url) const {
  auto it = by_url.find(url);
  return it == by_url.end() ? nullptr : &pages[it->second];
}

void report_review_overdue(const content::Page& p, base::Date as_of, diag::Diagnostics& diags) {
  if (p.meta.review_by && *p.meta.review_by < as_of)
    diags.notice(p.meta.review_by_pos,
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

SitePage page_from_content(content::Page& p) {
  SitePage s;
  s.kind = p.is_section ? PageKind::kSection : PageKind::kContent;
  s.url = p.url;
  s.source = p.source;
  s.title = p.meta.title;
  s.description = p.meta.description;
  s.section_url = p.section_url;
  s.weight = p.meta.weight;
  set_content_body(s, p);
  if (!p.withdrawn) s.tags = p.meta.tags;  // a withdrawn report is on no tag's page
  s.owner = p.meta.owner;
  s.review_by = p.meta.review_by;
  s.last_updated = p.meta.last_updated();
  s.changes = p.meta.changes;
  s.draft = p.meta.draft;
  s.type = p.meta.type;
  s.marking = p.marking;
  s.sensitive = p.sensitive;
  s.withdrawn = p.withdrawn;
  if (!p.meta.draft) s.published = p.meta.published;
  return s;
}

SitePage page_from_record(record_pages::RecordPage& r, const std::map<std::string, long>& nav_weights) {
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
  s.marking = std::move(r.marking);
  s.sensitive = r.sensitive;
  s.body_html = std::move(r.body_html);
  s.toc = std::move(r.toc);
  s.search_sections = std::move(r.search_sections);
  s.tags = std::move(r.tags);
  return s;
}

namespace {

/// Every claim on a URL in the order that decides who keeps it: qahub's own
/// first, then content pages, record pages, record files, attachments and
/// aliases. `aliases[i]` receives content page i's aliases as site URLs.
std::vector<Claim> claims_of(const content::ContentSet& content, const record_pages::RecordPages& records,
                             const std::vector<Claim>& reserved, std::vector<std::vector<std::string>>& aliases,
                             size_t& first_page, diag::Diagnostics& diags) {
  std::vector<Claim> claims = reserved;
  if (std::none_of(content.pages.begin(), content.pages.end(), [](const content::Page& p) { return p.url == "/"; }))
    claims.push_back({"/", "page URL", "qahub's home page", {}, false});
  first_page = claims.size();
  for (const content::Page& p : content.pages)
    claims.push_back({p.url, "page URL", "the page " + p.source, {p.source, 1, 1}, false});
  for (const record_pages::RecordPage& r : records.pages)
    claims.push_back({r.url, "page URL", r.source.empty() ? "qahub's page " + r.url : "a record page of " + r.source,
                      r.source.empty() ? diag::Position{} : diag::Position{r.source, 1, 1}, false});
  for (const auto& [path, _] : records.files)
    claims.push_back({"/" + fs::encode_url_path(path), "file URL", "qahub's " + path, {}, false});
  for (const content::Asset& a : content.assets)
    claims.push_back({a.url, "attachment URL", "the attachment " + a.source, {a.source}, false});
  aliases.resize(content.pages.size());
  for (size_t i = 0; i < content.pages.size(); ++i) {
    const content::Page& p = content.pages[i];
    for (size_t k = 0; k < p.meta.aliases.size(); ++k) {
      const diag::Position pos = k < p.meta.alias_pos.size() ? p.meta.alias_pos[k] : diag::Position{p.source, 1, 1};
      const fs::SiteUrl url = fs::site_url_from_written(p.meta.aliases[k]);
      if (!url.problem.empty()) {
        diags.error(pos, "alias \"" + p.meta.aliases[k] + "\" " + url.problem);
        continue;
      }
      claims.push_back({url.url, "alias", "an alias of " + p.source, pos, false});
      aliases[i].push_back(url.url);
    }
  }
  return claims;
}

}  // namespace

Site make_site(const config::SiteConfig& config, base::Date as_of, content::ContentSet content,
               record_pages::RecordPages records, const std::vector<Claim>& reserved, diag::Diagnostics& diags,
               int jobs) {
  Site site;
  site.config = config;
  site.as_of = as_of;

  // Every URL owned once: a claim that loses is left out (the build fails).
  std::vector<std::vector<std::string>> aliases;
  size_t next = 0;  // the claim of the first content page, then of each thing in claims_of's order
  const std::vector<Claim> claims = claims_of(content, records, reserved, aliases, next, diags);
  const std::vector<bool> keeps = check_claims(claims, diags);
  std::vector<content::Page> pages;
  std::vector<std::vector<std::string>> page_aliases;
  for (size_t i = 0; i < content.pages.size(); ++i)
    if (keeps[next++]) {
      pages.push_back(std::move(content.pages[i]));
      page_aliases.push_back(std::move(aliases[i]));
    }
  std::vector<record_pages::RecordPage> record_list;
  for (record_pages::RecordPage& r : records.pages)
    if (keeps[next++]) record_list.push_back(std::move(r));
  for (auto& [path, bytes] : records.files)
    if (keeps[next++]) site.record_files.emplace(path, std::move(bytes));
  for (content::Asset& a : content.assets)
    if (keeps[next++]) site.assets.push_back(std::move(a));
  std::set<std::string> lost_aliases;
  for (; next < claims.size(); ++next)
    if (!keeps[next]) lost_aliases.insert(claims[next].url + "\n" + claims[next].who);
  for (size_t i = 0; i < pages.size(); ++i)
    std::erase_if(page_aliases[i],
                  [&](const std::string& url) { return lost_aliases.count(url + "\nan alias of " + pages[i].source); });
  content.pages = std::move(pages);

  for (const content::Page& p : content.pages) report_review_overdue(p, as_of, diags);
  // Rendering every body to HTML is the costly part: in parallel, one slot each.
  site.pages.resize(content.pages.size());
  base::parallel_for(content.pages.size(), jobs, [&](size_t i) {
    site.pages[i] = page_from_content(content.pages[i]);
    site.pages[i].aliases = std::move(page_aliases[i]);
    // Nothing reads the parsed tree again (it goes with `content` at the
    // end): freed now, the trees and the HTML made from them are never all
    // held at once (10,000 pages: 230 MB of trees).
    content.pages[i].doc = markdown::Document();
  });
  std::map<std::string, long> nav_weights;
  for (const record_pages::NavEntry& n : records.nav) nav_weights[n.url] = n.weight;
  for (record_pages::RecordPage& r : record_list) site.pages.push_back(page_from_record(r, nav_weights));
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
  // Pages no record or front matter marks (sections, lists, the home page): the site default.
  for (SitePage& p : site.pages)
    if (p.marking.empty()) p.marking = config.classification.default_marking;

  for (auto& [url, links] : records.backlinks)
    if (auto it = site.by_url.find(url); it != site.by_url.end()) site.pages[it->second].backlinks = links;
  for (SitePage& p : site.pages) {
    p.declared_section = p.section_url;
    p.written_tags = p.tags;
  }
  site.by_url.clear();
  link_pages(site, content.pages, diags);
  return site;
}

void link_pages(Site& site, const std::vector<content::Page>& content, diag::Diagnostics& diags) {
  for (size_t i = 0; i < site.pages.size(); ++i) site.by_url[site.pages[i].url] = i;
  // A page whose folder has no _index.md hangs under the nearest section that exists.
  for (SitePage& p : site.pages) {
    if (p.url == "/") continue;
    while (!p.section_url.empty() && !site.by_url.count(p.section_url))
      p.section_url = content::parent_url(p.section_url);
    if (p.section_url.empty()) p.section_url = "/";
  }
  for (size_t i = 0; i < site.pages.size(); ++i) {
    // A withdrawn report is in no section list, print pack or previous/next.
    if (site.pages[i].url == "/" || site.pages[i].withdrawn) continue;
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
  merge_tags(site, content, diags);
}

}  // namespace qahub::model
