#include "render/layout.h"

#include <string_view>

#include "base/parallel.h"
#include "base/text.h"

namespace qahub::render {

using nlohmann::json;

namespace {

json breadcrumbs_for(const model::Site& site, const model::SitePage& page) {
  json crumbs = json::array();
  std::vector<const model::SitePage*> chain;
  for (std::string url = page.section_url; !url.empty();) {
    const model::SitePage* p = site.find(url);
    if (!p) break;
    chain.push_back(p);
    url = p->section_url;
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    crumbs.push_back({{"url", (*it)->url}, {"title", (*it)->title}});
  return crumbs;
}

json nav_for(const model::Site& site, const std::string& current_url) {
  json nav = json::array();
  for (size_t i : site.nav) {
    const model::SitePage& s = site.pages[i];
    const bool current = current_url == s.url;
    const bool within = !current && base::starts_with(current_url, s.url);
    nav.push_back({{"url", s.url}, {"title", s.title}, {"current", current}, {"within", within}});
  }
  return nav;
}

std::string render_nav(const model::Site& site, const templating::Templates& templates, const std::string& url,
                       diag::Diagnostics& diags) {
  std::string html = templates.render("partials/navigation", {{"nav", nav_for(site, url)}}, diags);
  if (!html.empty() && html.back() == '\n') html.pop_back();
  return html;
}

json link_json(const model::SitePage& p) { return {{"url", p.url}, {"title", p.title}}; }

/// How many characters html-validate's long-title rule counts for a byte
/// that starts a character: the text as written in the page, so in UTF-16
/// code units (2 outside the BMP) and with the template's escapes
/// (`'` is written `&apos;`: 6). Continuation bytes count 0.
size_t title_units(unsigned char c) {
  if ((c & 0xC0) == 0x80) return 0;
  switch (c) {
    case '&':
      return 5;
    case '<':
    case '>':
      return 4;
    case '"':
    case '\'':
      return 6;
    default:
      return c >= 0xF0 ? 2 : 1;
  }
}

size_t title_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += title_units(c);
  return n;
}

/// The longest prefix of `s` of at most `units`, cut before a character.
std::string_view title_prefix(std::string_view s, size_t units) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const size_t width = title_units(s[i]);
    if (width == 0) continue;
    if (n + width > units) return s.substr(0, i);
    n += width;
  }
  return s;
}

}  // namespace

NavCache::NavCache(const model::Site& site, const templating::Templates& templates, diag::Diagnostics& diags, int jobs)
    : site_(site), current_(site.nav.size()), within_(site.nav.size()) {
  none_ = render_nav(site, templates, "", diags);
  base::parallel_for(2 * site.nav.size(), jobs, [&](size_t k) {
    const std::string& url = site.pages[site.nav[k / 2]].url;
    if (k % 2 == 0)
      current_[k / 2] = render_nav(site, templates, url, diags);
    else
      within_[k / 2] = render_nav(site, templates, url + "\x01", diags);  // any URL strictly inside
  });
}

const std::string& NavCache::for_url(const std::string& url) const {
  for (size_t k = 0; k < site_.nav.size(); ++k) {
    const std::string& nav_url = site_.pages[site_.nav[k]].url;
    if (url == nav_url) return current_[k];
    if (base::starts_with(url, nav_url)) return within_[k];
  }
  return none_;
}

json generated_page_view(const RenderContext& ctx, const std::string& url, const std::string& title,
                         const std::string& description) {
  json page = {{"url", url}, {"title", title}, {"description", description}, {"toc", json::array()}};
  page["breadcrumbs"] =
      json::array({{{"url", "/"}, {"title", ctx.site.find("/") ? ctx.site.find("/")->title : ctx.site.config.title}}});
  page["has_breadcrumbs"] = true;
  return page;
}

json page_view(const RenderContext& ctx, const model::SitePage& p) {
  const model::Site& site = ctx.site;
  json page = {{"url", p.url}, {"title", p.title}, {"description", p.description}, {"is_home", p.url == "/"}};
  page["source"] = p.source;
  if (!p.marking.empty()) page["marking"] = p.marking;  // the templates test it: no key, no marking
  if (p.sensitive) page["sensitive"] = true;
  if (p.draft) page["draft"] = true;  // "Draft — not published" beside the marking, on screen and on every printed page
  page["breadcrumbs"] = breadcrumbs_for(site, p);
  json toc = json::array();
  for (const markdown::Heading& h : p.toc) toc.push_back({{"id", h.id}, {"text", h.text}, {"sub", h.level > 2}});
  page["toc"] = toc;
  page["has_toc"] = toc.size() >= 2;
  if (p.prev) page["prev"] = link_json(site.pages[*p.prev]);
  if (p.next) page["next"] = link_json(site.pages[*p.next]);
  if (!p.owner.empty()) page["owner"] = p.owner;
  if (p.review_by) {
    page["review_by"] = p.review_by->iso();
    page["review_by_human"] = p.review_by->human();
    page["overdue"] = *p.review_by < site.as_of;
  }
  if (p.last_updated) {
    page["last_updated"] = p.last_updated->iso();
    page["last_updated_human"] = p.last_updated->human();
  }
  json tags = json::array();
  for (const std::string& t : p.tags) tags.push_back({{"name", t}, {"url", "/tags/" + base::slugify(t) + "/"}});
  page["tags"] = tags;
  json backlinks = json::array();
  for (const record_pages::BackLink& b : p.backlinks) backlinks.push_back({{"url", b.url}, {"title", b.title}});
  page["backlinks"] = backlinks;
  json children = json::array();
  for (size_t c : p.children) {
    const model::SitePage& child = site.pages[c];
    children.push_back({{"url", child.url},
                        {"title", child.title},
                        {"description", child.description},
                        {"is_section", child.kind == model::PageKind::kSection}});
  }
  page["children"] = children;
  page["is_section"] = p.kind == model::PageKind::kSection;
  if (p.kind == model::PageKind::kSection && p.url != "/") {
    bool has_leaf = false;
    for (size_t c : p.children) has_leaf = has_leaf || site.pages[c].kind != model::PageKind::kSection;
    if (has_leaf) page["print_url"] = "/print" + p.url;
  }
  page["has_children"] = !children.empty();
  page["has_backlinks"] = !backlinks.empty();
  page["has_tags"] = !tags.empty();
  page["has_pager"] = p.prev.has_value() || p.next.has_value();
  page["has_meta"] = !p.owner.empty() || p.review_by.has_value() || p.last_updated.has_value();
  page["has_breadcrumbs"] = !page["breadcrumbs"].empty();
  return page;
}

std::string head_title(const std::string& page_title, const std::string& site_title, size_t max_length) {
  const std::string full = page_title + " – " + site_title;
  if (site_title.empty() || title_length(full) <= max_length) return site_title.empty() ? page_title : full;
  if (title_length(page_title) <= max_length) return page_title;
  std::string_view cut = title_prefix(page_title, max_length - 1);  // room for the "…"
  if (size_t space = cut.rfind(' '); space != std::string_view::npos && space > cut.size() / 2)
    cut = cut.substr(0, space);
  while (!cut.empty() && (cut.back() == ' ' || cut.back() == ',' || cut.back() == ':' || cut.back() == ';'))
    cut.remove_suffix(1);
  return std::string(cut) + "…";
}

std::string render_layout(const RenderContext& ctx, const std::string& url, json page, std::string main_html,
                          diag::Diagnostics& diags) {
  const model::Site& site = ctx.site;
  page["main"] = std::move(main_html);
  if (page.contains("title") && page["title"].is_string())
    page["head_title"] = head_title(page["title"].get<std::string>(), site.config.title);
  if (page.contains("breadcrumbs")) page["has_breadcrumbs"] = !page["breadcrumbs"].empty();
  // Generated pages (tags, A to Z, print packs …) carry the site's default marking.
  if (!page.contains("marking") && !site.config.classification.default_marking.empty())
    page["marking"] = site.config.classification.default_marking;
  // Every printed page's margins: the marking, and for a draft that it is one.
  const std::string marking = page.value("marking", "");
  const std::string draft = page.value("draft", false) ? "Draft \xE2\x80\x94 not published" : "";
  const std::string print_marking = marking.empty() ? draft : draft.empty() ? marking : marking + " \xC2\xB7 " + draft;
  if (!print_marking.empty()) page["print_marking"] = print_marking;
  json view = {
      {"site",
       {{"title", site.config.title},
        {"language", site.config.language},
        {"organisation", site.config.organisation},
        {"has_sitemap", site.config.writes_sitemap()}}},
      {"page", std::move(page)},
      {"nav_html", ctx.nav->for_url(url)},
      {"as_of", site.as_of.iso()},
      {"as_of_human", site.as_of.human()},
      {"base", root_prefix(url, ctx.style)},
      {"live_reload", ctx.live_reload},
  };
  std::string html = ctx.templates.render("layout", std::move(view), diags);
  return rewrites_urls(ctx.style) ? rewrite_urls(html, url, ctx.style) : html;
}

}  // namespace qahub::render
