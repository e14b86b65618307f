#pragma once
/// Tags as the site shows them. Spellings that slug alike ("Safeguarding",
/// "safeguarding") share one tag page, /tags/safeguarding/, so they are one
/// tag: before this, the second spelling's page overwrote the first's and
/// its pages silently dropped off.
#include <vector>

#include "content/pages.h"
#include "diag/diagnostics.h"
#include "model/site.h"

namespace qahub::model {

/// Fills site.tags (tag → pages, in URL order) and rewrites every page's
/// tags to one spelling per slug: the most used (ties: the first in byte
/// order). Each other spelling in `content` gets a warning at its position.
void merge_tags(Site& site, const std::vector<content::Page>& content, diag::Diagnostics& diags);

}  // namespace qahub::model
