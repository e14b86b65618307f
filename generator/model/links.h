#pragma once
/// Internal link checking and rewriting. Authors link to source files
/// (`../models/systemic.md#hypothesising`), to site URLs (`/actions/`), or to
/// assets beside the page; every such link and anchor is checked, and each
/// is rewritten to a site-root URL that the renderer then makes absolute or
/// relative. A broken link is an error at the link's line and column.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "content/pages.h"
#include "diag/diagnostics.h"

namespace qahub::model {

/// Everything a link may point at.
struct LinkTargets {
  /// page URL → heading ids on that page (empty set: anchors not checked).
  std::map<std::string, std::set<std::string>> pages;
  /// whether anchors on a page are known (content pages) or not (generated ones).
  std::set<std::string> anchors_known;
  std::map<std::string, std::string> source_to_url;  ///< "content/a.md" → "/a/"
  std::set<std::string> files;                       ///< asset and output file URLs ("/a/img.png")
};

/// True for links that leave the site (http:, mailto:, //host …).
bool is_external(const std::string& url);

/// Checks and rewrites every link in every page's Markdown.
void resolve_links(content::ContentSet& content, const LinkTargets& targets, diag::Diagnostics& diags);

}  // namespace qahub::model
