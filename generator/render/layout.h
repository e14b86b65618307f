#pragma once
/// The frame every HTML page shares: header with search box, section
/// navigation, breadcrumbs, the main content, previous/next, and a footer
/// with the page owner, review date and last update. `layout.mustache`
/// renders it; `main` is the page-kind specific content.
#include <nlohmann/json.hpp>

#include <string>

#include "model/site.h"
#include "render/urls.h"
#include "templating/templates.h"

namespace qahub::render {

/// The section navigation differs between pages only in which entry is the
/// current one, so `partials/navigation.mustache` is rendered once per variant, not per page
/// (at 10,000 pages in 200 sections, per-page nav was most of the build).
class NavCache {
 public:
  /// Renders every variant of the nav once, on up to `jobs` threads (two for
  /// each of the 200 sections of a 10,000-page site: 400 navs of 10 KB).
  NavCache(const model::Site& site, const templating::Templates& templates, diag::Diagnostics& diags, int jobs = 1);
  /// The nav HTML for a page URL (site-root URLs, rewritten with the page).
  const std::string& for_url(const std::string& url) const;

 private:
  const model::Site& site_;
  std::vector<std::string> current_, within_;  ///< by nav entry
  std::string none_;
};

struct RenderContext {
  const model::Site& site;
  const templating::Templates& templates;
  UrlStyle style;
  bool live_reload = false;
  const NavCache* nav = nullptr;  ///< required: render_site builds it once
  /// The build's notices about public pages and records, as of the build
  /// date, for /review/ (RenderOptions::notices).
  const std::vector<diag::Diagnostic>* notices = nullptr;
};

/// The `page` object of the layout view for a site page (title, toc,
/// breadcrumbs, owner, review notice …), without `main`.
nlohmann::json page_view(const RenderContext& ctx, const model::SitePage& page);

/// A minimal `page` object for generated pages (tags, amendments, 404 …).
nlohmann::json generated_page_view(const RenderContext& ctx, const std::string& url, const std::string& title,
                                   const std::string& description);

/// The browser's title for a page, at most `max_length` characters as
/// html-validate's long-title rule counts them (the escaped text, in UTF-16
/// code units; search results and tabs cut longer titles): "Page – Site" when that fits, else the page title
/// alone, else the page title cut at a word and ended with "…". The h1 keeps
/// the full title.
std::string head_title(const std::string& page_title, const std::string& site_title, size_t max_length = 70);

/// Renders `layout.mustache` around `main_html` and applies the URL style.
std::string render_layout(const RenderContext& ctx, const std::string& url, nlohmann::json page, std::string main_html,
                          diag::Diagnostics& diags);

}  // namespace qahub::render
