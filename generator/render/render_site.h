#pragma once
/// Renders the whole Site into output files: every page in its layout (in
/// parallel over pages), the generated pages, feeds, theme assets and the
/// content's own assets.
#include <filesystem>

#include "base/text.h"
#include "render/layout.h"

namespace qahub::render {

struct RenderOptions {
  UrlStyle style;
  bool live_reload = false;
  int jobs = 1;
  std::filesystem::path site_dir;  ///< to read content assets from
};

base::OutputFiles render_site(const model::Site& site, const templating::Templates& templates,
                              const theme::Theme& theme, const RenderOptions& options, diag::Diagnostics& diags);

}  // namespace qahub::render
