#pragma once
/// Site-wide pages that no single source file produces: tags, the amendments
/// log, the review dashboard, the accessibility statement, 404, the search
/// page, print packs per section, and redirect pages for aliases.
#include <set>
#include <string>

#include "base/text.h"
#include "fs/staged_output.h"
#include "render/layout.h"

namespace qahub::render {

/// URLs of the generated pages, so links to them can be checked.
std::vector<std::string> generated_page_urls(const model::Site& site);

/// What qahub itself writes, as claims on URLs for model::make_site (a page
/// of the author's at one of them would be overwritten or would overwrite):
/// the generated pages for `probe`'s tags, the search, A to Z and print
/// folders whole, the feeds and sitemap, and the theme's files.
std::vector<model::Claim> reserved_claims(const model::Site& probe, const std::vector<std::string>& theme_files);

/// Renders every generated page into `out`. Print packs are rendered on up
/// to `jobs` threads; with `staging`, each is written there as soon as it is
/// rendered (its path among print_pack_paths()) and left out of `out`, which
/// then holds what a later file of the same path would replace.
void render_generated_pages(const RenderContext& ctx, base::OutputFiles& out, diag::Diagnostics& diags, int jobs = 1,
                            fs::StagingArea* staging = nullptr);

/// Which of the site lists an edit changed, for render_site_lists: each is
/// a walk over every page (at 10,000 pages, tens of milliseconds each).
struct SiteLists {
  std::set<std::string> tags;    ///< tags whose pages to render (the list of tags always is)
  bool amendments = false;       ///< the amendments log
  bool review = false;           ///< the review dashboard
  std::set<std::string> a_to_z;  ///< A to Z URLs to render ("/a-z/", "/a-z/b/")
};

/// What render_generated_pages writes but the print packs: the tags, the
/// amendments log, the review dashboard, the accessibility statement, the A
/// to Z, redirects, the search page and 404; with `only`, just the lists it
/// names (and the small pages). `qahub serve` renders these again after a
/// front matter edit, and only the print packs of the sections the edit
/// touched.
void render_site_lists(const RenderContext& ctx, base::OutputFiles& out, diag::Diagnostics& diags, int jobs = 1,
                       const SiteLists* only = nullptr);

/// The output paths of the print packs render_generated_pages writes.
std::vector<std::string> print_pack_paths(const model::Site& site);

/// The print pack of one section (/print/SECTION/), if it has pages: what
/// render_generated_pages writes for it.
void render_print_pack(const RenderContext& ctx, const model::SitePage& section, base::OutputFiles& out,
                       diag::Diagnostics& diags);

/// Review status of a page against as-of, as a text label.
std::string review_status(const model::SitePage& page, base::Date as_of);

}  // namespace qahub::render
