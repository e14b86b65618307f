#pragma once
/// Renders the whole Site into output files: every page in its layout (in
/// parallel over pages), the generated pages, feeds, theme assets and the
/// content's own assets.
#include <filesystem>

#include "base/text.h"
#include "fs/staged_output.h"
#include "render/layout.h"

namespace qahub::render {

struct RenderOptions {
  UrlStyle style;
  bool live_reload = false;
  int jobs = 1;
  std::filesystem::path site_dir;  ///< to read content assets from
  /// Facts about the service the data records (overdue actions, coverage
  /// below 100% …), sorted, none about a sensitive page or record: the
  /// review dashboard lists them.
  std::vector<diag::Diagnostic> notices;
};

/// The context render_site renders with, for rendering single pages later
/// (`qahub serve` after a body-only edit). Holds the nav cache, so it lives at
/// a stable address and must not outlive the site or the templates.
struct PageRenderer {
  PageRenderer(const model::Site& site, const templating::Templates& templates, const RenderOptions& options,
               diag::Diagnostics& diags);
  NavCache nav;
  std::vector<diag::Diagnostic> notices;
  RenderContext ctx;
};

/// One site page in its layout: what render_site writes for it.
std::string render_page(const RenderContext& ctx, const model::SitePage& page, diag::Diagnostics& diags);

/// The output paths render_site writes into a staging area as it renders
/// (every site page and print pack), or none when two would share a path
/// (the later would replace the earlier in `out`; written from several
/// threads, which one won would depend on timing).
std::vector<std::string> streamed_paths(const model::Site& site);

/// Renders everything. With `renderer` (made for the same site, templates and
/// options), its nav cache is used instead of building one. With `staging`
/// (opened for streamed_paths(site)), site pages and print packs are written
/// there as they are rendered instead of returned: the result holds the rest,
/// and write_output_tree over both gives the same output.
base::OutputFiles render_site(const model::Site& site, const templating::Templates& templates,
                              const theme::Theme& theme, const RenderOptions& options, diag::Diagnostics& diags,
                              const PageRenderer* renderer = nullptr, fs::StagingArea* staging = nullptr);

}  // namespace qahub::render
