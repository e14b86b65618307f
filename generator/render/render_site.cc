#include "render/render_site.h"

#include <optional>
#include <string_view>
#include <unordered_set>

#include "base/parallel.h"
#include "fs/files.h"
#include "render/feeds.h"
#include "render/site_pages.h"

namespace qahub::render {

PageRenderer::PageRenderer(const model::Site& site, const templating::Templates& templates,
                           const RenderOptions& options, diag::Diagnostics& diags)
    : nav(site, templates, diags, options.jobs), notices(options.notices), ctx{site,          templates,
                                                                               options.style, options.live_reload,
                                                                               &nav,          &notices} {}

std::string render_page(const RenderContext& ctx, const model::SitePage& page, diag::Diagnostics& diags) {
  return render_layout(ctx, page.url, page_view(ctx, page), page.body_html, diags);
}

std::vector<std::string> streamed_paths(const model::Site& site) {
  std::vector<std::string> paths;
  paths.reserve(site.pages.size());
  for (const model::SitePage& p : site.pages) paths.push_back(output_path_for(p.url));
  for (std::string& path : print_pack_paths(site)) paths.push_back(std::move(path));
  std::unordered_set<std::string_view> seen;
  for (const std::string& path : paths)
    if (!seen.insert(path).second) return {};
  return paths;
}

base::OutputFiles render_site(const model::Site& site, const templating::Templates& templates,
                              const theme::Theme& theme, const RenderOptions& options, diag::Diagnostics& diags,
                              const PageRenderer* renderer, fs::StagingArea* staging) {
  std::optional<PageRenderer> own;
  if (!renderer) renderer = &own.emplace(site, templates, options, diags);
  const RenderContext& ctx = renderer->ctx;
  // Each page is written as soon as it is rendered when there is a staging
  // area (paths kept only for the few it refuses, which `out` carries to the
  // write pass to report).
  std::vector<std::string> html(site.pages.size());
  std::vector<char> streamed(site.pages.size(), 0);
  base::parallel_for(site.pages.size(), options.jobs, [&](size_t i) {
    html[i] = render_page(ctx, site.pages[i], diags);
    if (staging && staging->write(output_path_for(site.pages[i].url), html[i])) {
      streamed[i] = 1;
      std::string().swap(html[i]);  // frees it (assigning "" would keep the buffer)
    }
  });
  base::OutputFiles out;
  for (size_t i = 0; i < site.pages.size(); ++i)
    if (!streamed[i]) out[output_path_for(site.pages[i].url)] = std::move(html[i]);
  render_generated_pages(ctx, out, diags, options.jobs, staging);
  if (site.config.writes_sitemap()) out["sitemap.xml"] = render_sitemap(site);
  out["amendments.xml"] = render_amendments_feed(site);
  if (has_briefs(site)) out["briefs.xml"] = render_briefs_feed(site);
  for (const auto& [path, bytes] : theme.assets()) out[path] = bytes;
  for (const auto& [path, bytes] : site.record_files) out[path] = bytes;
  for (const content::Asset& a : site.assets) {
    auto bytes = fs::read_file(options.site_dir / a.source);
    if (!bytes) {
      diags.error({a.source}, "cannot read file");
      continue;
    }
    out[output_path_for(a.url)] = std::move(*bytes);
  }
  return out;
}

}  // namespace qahub::render
