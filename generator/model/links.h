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
#include "record_pages/record_pages.h"
#include "records/model.h"

namespace qahub::model {

/// A sensitive page or record page: the file it is made from and its marking.
struct Marked {
  std::string source;   ///< "data/audits/x.json", "content/a.md"
  std::string marking;  ///< "OFFICIAL-SENSITIVE"
  bool operator==(const Marked&) const = default;
};

/// Everything a link may point at.
struct LinkTargets {
  /// page URL → the ids on that page (empty set: anchors not checked).
  std::map<std::string, std::set<std::string>> pages;
  /// whether anchors on a page are known (content and record pages) or not (generated ones).
  std::set<std::string> anchors_known;
  std::map<std::string, std::string> source_to_url;  ///< "content/a.md" → "/a/"
  std::set<std::string> files;                       ///< asset and output file URLs ("/a/img.png")
  /// Every sensitive page (marking::Withheld::urls): a public page's link
  /// to one is an error naming both.
  std::map<std::string, Marked> sensitive;
  /// The pages of records that exist but failed to load ("/cycles/x/"): a
  /// link at or under one is not reported, the failure already is.
  std::vector<std::string> failed;
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
  /// ending in '/'); a bare "#id" points at `self_url`, at id
  /// `self_id_prefix` + "id" (a narrative's headings are prefixed on its
  /// record page). Broken links are errors at `source`:line:col and keep
  /// their text. A link from a public document (`from_sensitive` false) to
  /// a sensitive page is an error too.
  void resolve(markdown::Document& doc, const std::string& source, const std::string& base_url,
               const std::string& self_url, diag::Diagnostics& diags, const std::string& self_id_prefix = "",
               bool from_sensitive = false) const;

 private:
  /// The URLs and the sources a broken link's hint is chosen from.
  const std::vector<std::string>& hint_urls() const;
  const std::vector<std::string>& hint_sources() const;
  void gather_hints() const;

  const LinkTargets& targets_;
  mutable std::once_flag hints_once_;
  mutable std::vector<std::string> hint_urls_, hint_sources_;
};

/// Everything the links of a build may point at: content pages and their
/// headings, record pages and every id they carry, generated pages (`generated`:
/// no anchors checked), assets, record files ("actions/actions.csv") and
/// theme files (`theme_files`, site-relative), the feed, 404.html and, when
/// `sitemap` (SiteConfig::writes_sitemap), sitemap.xml.
LinkTargets link_targets(const content::ContentSet& content, const record_pages::RecordPages& records,
                         const std::vector<std::string>& generated, const std::vector<std::string>& theme_files,
                         bool sitemap);

/// Checks and rewrites every link in every content page's Markdown, the
/// pages on up to `jobs` threads (each rewrites only its own tree).
void resolve_links(content::ContentSet& content, const LinkTargets& targets, diag::Diagnostics& diags, int jobs = 1);

/// Checks and rewrites every link in every record narrative, as content
/// links are: `.md` links relative to the narrative's file, other relative
/// links to its record page, "#id" to its own (prefixed) headings.
void resolve_narrative_links(std::vector<records::Narrative>& narratives,
                             const std::vector<record_pages::RecordPage>& pages, const LinkTargets& targets,
                             diag::Diagnostics& diags);

}  // namespace qahub::model
