#include "render/site_pages.h"

#include <functional>
#include <set>

#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>

#include "base/parallel.h"
#include "base/text.h"
#include "fs/url_path.h"
#include "markdown/html_text.h"
#include "render/a_to_z.h"

namespace qahub::render {

using nlohmann::json;

namespace {

/// Search and the 404 page pass `printable` false: printing either makes no
/// sense, so the layout marks its <main> and qahub.js adds no print button.
void emit(const RenderContext& ctx, const std::string& url, const std::string& title, const std::string& description,
          const std::string& tmpl, json view, base::OutputFiles& out, diag::Diagnostics& diags, bool printable = true) {
  view["as_of"] = ctx.site.as_of.iso();
  view["as_of_human"] = ctx.site.as_of.human();
  view["base"] = root_prefix(url, ctx.style);
  std::string main = ctx.templates.render(tmpl, std::move(view), diags);
  json page = generated_page_view(ctx, url, title, description);
  if (url == "/404.html") page["breadcrumbs"] = json::array();
  page["no_print"] = !printable;
  out[output_path_for(url)] = render_layout(ctx, url, std::move(page), std::move(main), diags);
}

/// Every tag's page, or with `only` those of the tags it names; the list of tags always.
void some_tags_pages(const RenderContext& ctx, base::OutputFiles& out, diag::Diagnostics& diags,
                     const std::set<std::string>* only) {
  const model::Site& site = ctx.site;
  json tags = json::array();
  for (const auto& [tag, pages] : site.tags) {
    const std::string url = "/tags/" + base::slugify(tag) + "/";
    tags.push_back({{"name", tag}, {"url", url}, {"count", std::to_string(pages.size())}});
    if (only && !only->count(tag)) continue;
    json list = json::array();
    for (size_t i : pages)
      list.push_back(
          {{"url", site.pages[i].url}, {"title", site.pages[i].title}, {"description", site.pages[i].description}});
    emit(ctx, url, "Pages tagged \u201c" + tag + "\u201d", "", "tag", {{"tag", tag}, {"pages", std::move(list)}}, out,
         diags);
  }
  emit(ctx, "/tags/", "Tags", "Every tag used on the hub, with the number of pages carrying it.", "tags",
       {{"tags", std::move(tags)}}, out, diags);
}

void tags_pages(const RenderContext& ctx, base::OutputFiles& out, diag::Diagnostics& diags) {
  some_tags_pages(ctx, out, diags, nullptr);
}

void a_to_z(const RenderContext& ctx, base::OutputFiles& out, diag::Diagnostics& diags) {
  render_a_to_z(ctx, out, diags);
}

void amendments_page(const RenderContext& ctx, base::OutputFiles& out, diag::Diagnostics& diags) {
  const model::Site& site = ctx.site;
  struct Row {
    base::Date date;
    const model::SitePage* page;
    std::string summary;
  };
  std::vector<Row> rows;
  for (const model::SitePage& p : site.pages)
    for (const frontmatter::Change& c : p.changes) rows.push_back({c.date, &p, c.summary});
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(b.date, a.page->title, a.page->url) < std::tie(a.date, b.page->title, b.page->url);
  });
  json list = json::array();
  for (const Row& r : rows)
    list.push_back({{"date", r.date.iso()},
                    {"date_human", r.date.human()},
                    {"url", r.page->url},
                    {"title", r.page->title},
                    {"summary", r.summary}});
  const bool has_changes = !list.empty();
  emit(ctx, "/amendments/", "Amendments", "Every change to the hub's guidance, newest first.", "amendments",
       {{"changes", std::move(list)}, {"has_changes", has_changes}}, out, diags);
}

/// The notices of the build for /review/: where (linked to the page made
/// from that file, when there is one) and what, in the order they print.
json notice_rows(const RenderContext& ctx) {
  json rows = json::array();
  if (!ctx.notices) return rows;
  std::map<std::string, std::string> url_of;  // source → its first page, pages in URL order
  for (const model::SitePage& p : ctx.site.pages)
    if (!p.source.empty() && !p.sensitive && !p.draft) url_of.emplace(p.source, p.url);
  for (const diag::Diagnostic& d : *ctx.notices) {
    std::string where = d.pos.path;
    if (d.pos.line > 0) where += ":" + std::to_string(d.pos.line);
    auto it = url_of.find(d.pos.path);
    rows.push_back({{"where", where},
                    {"url", it == url_of.end() ? "" : it->second},
                    {"has_url", it != url_of.end()},
                    {"message", d.message}});
  }
  return rows;
}

void review_page(const RenderContext& ctx, base::OutputFiles& out, diag::Diagnostics& diags) {
  const model::Site& site = ctx.site;
  std::vector<const model::SitePage*> pages;
  for (const model::SitePage& p : site.pages)
    if (p.kind != model::PageKind::kRecord && !p.source.empty() && p.source.rfind("content/", 0) == 0)
      pages.push_back(&p);
  // Overdue first, then by review date, pages without one last.
  auto key = [&](const model::SitePage* p) {
    const bool has = p->review_by.has_value();
    const bool overdue = has && *p->review_by < site.as_of;
    return std::make_tuple(!overdue, !has, has ? *p->review_by : base::Date{}, p->title, p->url);
  };
  std::sort(pages.begin(), pages.end(), [&](auto* a, auto* b) { return key(a) < key(b); });
  json rows = json::array();
  size_t overdue = 0;
  for (const model::SitePage* p : pages) {
    std::string status = review_status(*p, site.as_of);
    if (status == "Overdue") ++overdue;
    rows.push_back({{"url", p->url},
                    {"title", p->title},
                    {"owner", p->owner.empty() ? "Not set" : p->owner},
                    {"has_review_by", p->review_by.has_value()},  // no <time> without a date
                    {"review_by", p->review_by ? p->review_by->iso() : ""},
                    {"review_by_human", p->review_by ? p->review_by->human() : "Not set"},
                    {"status", status},
                    {"status_class", base::slugify(status)}});
  }
  json view = {{"rows", std::move(rows)},
               {"overdue_count", std::to_string(overdue)},
               {"page_count", std::to_string(pages.size())}};
  view["notices"] = notice_rows(ctx);
  view["has_notices"] = !view["notices"].empty();
  view["notice_count"] = base::plural(view["notices"].size(), "notice");
  emit(ctx, "/review/", "Review dashboard",
       "Guidance pages by review date and owner, overdue first, and the notices the data gives as of the build date.",
       "review", std::move(view), out, diags);
}

void accessibility_page(const RenderContext& ctx, base::OutputFiles& out, diag::Diagnostics& diags) {
  const config::AccessibilityStatement& a = ctx.site.config.accessibility;
  json view = {{"organisation", a.organisation},
               {"site_title", ctx.site.config.title},
               {"contact", a.contact},
               {"response_days", a.response_days},
               {"tested_by", a.tested_by},
               {"full", a.compliance == "full"},
               {"partial", a.compliance == "partial"},
               {"not", a.compliance == "not"}};
  json issues = json::array();
  for (const std::string& s : a.non_accessible) issues.push_back(s);
  view["non_accessible"] = issues;
  view["has_non_accessible"] = !issues.empty();
  if (a.tested_on) view["tested_on"] = a.tested_on->human();
  if (a.prepared_on) view["prepared_on"] = a.prepared_on->human();
  if (a.reviewed_on) view["reviewed_on"] = a.reviewed_on->human();
  emit(ctx, "/accessibility/", "Accessibility statement for " + ctx.site.config.title,
       "How accessible this site is, and how to report a problem.", "accessibility", std::move(view), out, diags);
}

/// A section that gets a print pack: one with a page that is not a section.
bool has_print_pack(const model::Site& site, const model::SitePage& s) {
  if (s.kind != model::PageKind::kSection || s.url == "/") return false;
  for (size_t c : s.children)
    if (site.pages[c].kind != model::PageKind::kSection) return true;
  return false;
}

/// Each pack into its own slot (a pack holds every page of its section: the
/// largest pages, so they are rendered in parallel and, with `staging`,
/// written at once), then into `out` in page order as before: a streamed
/// pack replaces what `out` held at its path, as its assignment did.
void print_packs(const RenderContext& ctx, base::OutputFiles& out, diag::Diagnostics& diags, int jobs,
                 fs::StagingArea* staging) {
  const model::Site& site = ctx.site;
  std::vector<const model::SitePage*> sections;
  for (const model::SitePage& s : site.pages)
    if (has_print_pack(site, s)) sections.push_back(&s);
  std::vector<base::OutputFiles> packs(sections.size());
  std::vector<char> streamed(sections.size(), 0);
  base::parallel_for(sections.size(), jobs, [&](size_t i) {
    render_print_pack(ctx, *sections[i], packs[i], diags);
    if (staging && packs[i].size() == 1 && staging->write(packs[i].begin()->first, packs[i].begin()->second)) {
      streamed[i] = 1;
      std::string().swap(packs[i].begin()->second);  // written: free it now
    }
  });
  for (size_t i = 0; i < packs.size(); ++i)
    for (auto& [path, html] : packs[i]) {
      if (streamed[i])
        out.erase(path);
      else
        out[path] = std::move(html);
    }
}

void redirects(const RenderContext& ctx, base::OutputFiles& out, diag::Diagnostics& diags) {
  for (const model::SitePage& p : ctx.site.pages) {
    if (!model::listed(p)) continue;            // no redirect names a draft or a sensitive page
    for (const std::string& url : p.aliases) {  // checked and made site-root URLs by make_site
      // The target goes into a meta refresh too, so it is made final here, not by rewrite_urls.
      json view = {{"target", link_from(url, p.url, ctx.style)}, {"title", p.title}};
      out[output_path_for(url)] = ctx.templates.render("redirect", view, diags);
    }
  }
}

}  // namespace

void render_print_pack(const RenderContext& ctx, const model::SitePage& s, base::OutputFiles& out,
                       diag::Diagnostics& diags) {
  const model::Site& site = ctx.site;
  if (s.kind != model::PageKind::kSection || s.url == "/") return;
  json pages = json::array();
  for (size_t c : s.children) {
    const model::SitePage& p = site.pages[c];
    if (p.kind == model::PageKind::kSection) continue;
    // Heading ids repeat across pages ("what-good-looks-like"): prefix them per page.
    const std::string prefix = "p" + std::to_string(pages.size() + 1) + "-";
    json entry = {{"url", p.url},
                  {"title", p.title},
                  {"id", prefix + "title"},
                  {"body", markdown::prefix_ids(p.body_html, prefix)}};
    if (p.last_updated) entry["last_updated_human"] = p.last_updated->human();
    if (!p.owner.empty()) entry["owner"] = p.owner;
    pages.push_back(std::move(entry));
  }
  if (pages.empty()) return;
  emit(ctx, "/print" + s.url, "Briefing pack: " + s.title,
       "Every page of " + s.title + " in order, for printing for a team meeting.", "print",
       {{"section", {{"url", s.url}, {"title", s.title}, {"body", s.body_html}}}, {"pages", std::move(pages)}}, out,
       diags);
}

std::string review_status(const model::SitePage& page, base::Date as_of) {
  if (!page.review_by) return "No review date";
  if (*page.review_by < as_of) return "Overdue";
  if (*page.review_by <= as_of.plus_days(30)) return "Due within 30 days";
  return "Scheduled";
}

std::vector<std::string> generated_page_urls(const model::Site& site) {
  std::vector<std::string> urls = {"/tags/", "/amendments/", "/review/", "/accessibility/", "/search/"};
  for (const auto& [tag, _] : site.tags) urls.push_back("/tags/" + base::slugify(tag) + "/");
  for (std::string& url : a_to_z_urls(group_by_letter(a_to_z_entries(site)))) urls.push_back(std::move(url));
  return urls;
}

std::vector<model::Claim> reserved_claims(const model::Site& probe, const std::vector<std::string>& theme_files) {
  std::vector<model::Claim> out;
  auto add = [&](std::string url, std::string who, bool prefix = false) {
    out.push_back({std::move(url), "URL", "qahub's " + std::move(who), {}, prefix});
  };
  add("/search/", "search page and index", true);
  add("/a-z/", "A to Z", true);
  add("/print/", "print packs", true);
  add("/tags/", "list of tags");
  for (const auto& [tag, _] : probe.tags) add("/tags/" + base::slugify(tag) + "/", "page of the tag \"" + tag + "\"");
  add("/amendments/", "amendments log");
  add("/review/", "review dashboard");
  add("/accessibility/", "accessibility statement");
  add("/404.html", "page-not-found page");
  add("/sitemap.xml", "sitemap");
  add("/amendments.xml", "amendments feed");
  add("/briefs.xml", "briefs feed");
  for (const std::string& path : theme_files) add("/" + fs::encode_url_path(path), "theme file " + path);
  return out;
}

std::vector<std::string> print_pack_paths(const model::Site& site) {
  std::vector<std::string> paths;
  for (const model::SitePage& s : site.pages)
    if (has_print_pack(site, s)) paths.push_back(output_path_for("/print" + s.url));
  return paths;
}

namespace {

void lists(const RenderContext& ctx, base::OutputFiles& out, diag::Diagnostics& diags, int jobs) {
  // The site-wide lists (each a walk over every page, the review dashboard
  // and the amendments log the largest) on up to `jobs` threads, each into
  // its own map, then into `out` in this order, as if written one by one.
  using Part = void (*)(const RenderContext&, base::OutputFiles&, diag::Diagnostics&);
  static constexpr Part kParts[] = {tags_pages, amendments_page, review_page, accessibility_page, a_to_z};
  std::vector<base::OutputFiles> parts(std::size(kParts));
  base::parallel_for(parts.size(), jobs, [&](size_t i) { kParts[i](ctx, parts[i], diags); });
  for (base::OutputFiles& part : parts)
    for (auto& [path, bytes] : part) out[path] = std::move(bytes);
}

void redirects_search_and_404(const RenderContext& ctx, base::OutputFiles& out, diag::Diagnostics& diags) {
  redirects(ctx, out, diags);
  // Sites opened from disk load the index as a script; served ones fetch the JSON.
  emit(ctx, "/search/", "Search", "Search every page of the hub.", "search", {{"script_index", ctx.style.relative}},
       out, diags, false);
  emit(ctx, "/404.html", "Page not found", "", "notfound", json::object(), out, diags, false);
}

}  // namespace

void render_generated_pages(const RenderContext& ctx, base::OutputFiles& out, diag::Diagnostics& diags, int jobs,
                            fs::StagingArea* staging) {
  lists(ctx, out, diags, jobs);
  print_packs(ctx, out, diags, jobs, staging);
  redirects_search_and_404(ctx, out, diags);
}

void render_site_lists(const RenderContext& ctx, base::OutputFiles& out, diag::Diagnostics& diags, int jobs,
                       const SiteLists* only) {
  // No print pack path is another's: /print/ is qahub's alone (reserved_claims).
  if (!only) {
    lists(ctx, out, diags, jobs);
  } else {
    std::vector<std::function<void(base::OutputFiles&)>> parts;
    parts.push_back([&](base::OutputFiles& o) { some_tags_pages(ctx, o, diags, &only->tags); });
    if (only->amendments) parts.push_back([&](base::OutputFiles& o) { amendments_page(ctx, o, diags); });
    if (only->review) parts.push_back([&](base::OutputFiles& o) { review_page(ctx, o, diags); });
    parts.push_back([&](base::OutputFiles& o) { accessibility_page(ctx, o, diags); });
    if (!only->a_to_z.empty())
      parts.push_back([&](base::OutputFiles& o) { render_a_to_z(ctx, o, diags, &only->a_to_z); });
    std::vector<base::OutputFiles> done(parts.size());
    base::parallel_for(parts.size(), jobs, [&](size_t i) { parts[i](done[i]); });
    for (base::OutputFiles& part : done)
      for (auto& [path, bytes] : part) out[path] = std::move(bytes);
  }
  redirects_search_and_404(ctx, out, diags);
}

}  // namespace qahub::render
