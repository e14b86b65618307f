#pragma once
/// Internal link checking and rewriting. Authors link to source files
/// (`../models/systemic.md#hypothesising`), to site URLs (`/actions/`), or to
/// assets beside the page; every such link and anchor is checked, and each
/// is rewritten to a site-root URL that the renderer then makes absolute or
/// relative. A broken link is an error at the link's line and column.
#include <map>
#include <mutex>
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

/// Checks and rewrites the links of Markdown documents against one set of
/// targets. The "did you mean" candidates are gathered once, on the first
/// broken link: a good edit in `serve` never pays for them.
class LinkResolver {
 public:
  explicit LinkResolver(const LinkTargets& targets);
  /// Links to `.md` files are relative to `source`'s folder (or to content/
  /// when they start with '/'); other relative links to `base_url` (a URL
  /// ending in '/'); a bare "#id" points at `self_url`. Broken links are
  /// errors at `source`:line:col and keep their text.
  void resolve(markdown::Document& doc, const std::string& source, const std::string& base_url,
               const std::string& self_url, diag::Diagnostics& diags) const;

 private:
  /// The URLs and the sources a broken link's hint is chosen from.
  const std::vector<std::string>& hint_urls() const;
  const std::vector<std::string>& hint_sources() const;
  void gather_hints() const;

  const LinkTargets& targets_;
  mutable std::once_flag hints_once_;
  mutable std::vector<std::string> hint_urls_, hint_sources_;
};

/// Checks and rewrites every link in every page's Markdown.
void resolve_links(content::ContentSet& content, const LinkTargets& targets, diag::Diagnostics& diags);

}  // namespace qahub::model
