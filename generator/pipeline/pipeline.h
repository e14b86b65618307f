#pragma once
/// One build of a site: the pass list, in order (mold's main). `qahub build`,
/// `qahub check` and `qahub serve` all run this.
///
///   config::BuildOptions options;
///   options.site_dir = "tests/sites/basic";
///   diag::Diagnostics diags;
///   BuildStats stats;
///   bool ok = build_site(options, diags, &stats);
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <map>
#include <memory>
#include <set>

#include "config/site_config.h"
#include "content/pages.h"
#include "diag/diagnostics.h"
#include "model/links.h"
#include "model/site.h"
#include "record_pages/kinds.h"
#include "render/render_site.h"
#include "report/report.h"
#include "search/search.h"
#include "templating/templates.h"
#include "theme/theme.h"

namespace qahub::pipeline {

struct BuildStats {
  size_t content_pages = 0;
  size_t record_pages = 0;
  size_t output_files = 0;
  size_t output_bytes = 0;
  /// False for a path-only base_url (SiteConfig::writes_sitemap): the CLI's
  /// summary line says why there is no sitemap.xml.
  bool sitemap = false;
  /// Draft reports left out (no `published`, or after --as-of, without
  /// --drafts): the summary line counts them.
  size_t draft_reports = 0;
  /// Sensitive pages and records left out (without --include-sensitive).
  size_t sensitive_left_out = 0;
  /// Wall time of each pass in order, in ms (`--timings`). "search" ran
  /// beside "render" when jobs > 1.
  std::vector<std::pair<std::string, double>> timings;
  /// The output folder was replaced, even if the build then failed (the old
  /// one could not be removed): the CLI must not say it was left unchanged.
  bool output_replaced = false;
};

/// What a successful build keeps for `qahub serve`'s incremental updates
/// (incremental.h). The heap-held parts keep their addresses: the renderer
/// refers to the site and the templates, the templates to the theme.
struct BuildState {
  config::BuildOptions options;
  content::LoadOptions load;
  std::unique_ptr<theme::Theme> theme;
  std::unique_ptr<templating::Templates> templates;
  std::unique_ptr<model::Site> site;
  std::unique_ptr<render::PageRenderer> renderer;
  model::LinkTargets targets;
  /// What an edit must leave alone to stay incremental, per content source.
  struct Source {
    std::string head;                      ///< text before the Markdown body
    std::vector<std::string> heading_ids;  ///< every heading's id, in order
    frontmatter::PageMeta meta;            ///< its front matter, to tell which keys an edit changed
  };
  std::map<std::string, Source> sources;
  /// Page URL → the sources (content pages, record narratives) that link to
  /// an anchor on it, so an edit to its headings re-checks just those.
  std::map<std::string, std::set<std::string>> anchor_referrers;
  /// Where each record narrative is shown, to re-check its links as the links pass did.
  struct NarrativePlace {
    std::string page_url;   ///< its record page ("/meetings/2025-11-practice-board/")
    std::string id_prefix;  ///< "minutes-"
  };
  std::map<std::string, NarrativePlace> narratives;  ///< by source ("data/meetings/….md")
  /// Pages whose bodies hold shortcodes (reports among them): their output
  /// depends on data and on other pages, so an edit needs a full build.
  std::set<std::string> with_shortcodes;
  /// Page URL → the sources (content pages, record narratives) that link to
  /// it at all: a page an edit removes must have none.
  std::map<std::string, std::set<std::string>> link_referrers;
  /// Content sources that records name (an action's guidance, an evidence
  /// item's page …): removing one is an error the full build reports.
  std::set<std::string> record_content_refs;
  /// Sources with `TODO:` placeholders (the report pass reports them).
  std::set<std::string> with_placeholders;
  /// Whether a front matter edit, a new or a deleted page may be applied
  /// without a full build (incremental.h): false when something reads
  /// other pages' front matter outside the Site (shortcodes, report and
  /// brief passes, withdrawn reports, sensitive markings).
  bool structure_edits = false;
  /// For a record edit (record_update.h): the kinds table the build
  /// followed, the URLs of its record pages, and the notices the records and
  /// record pages passes gave (the review dashboard lists them).
  const std::vector<record_pages::RecordKind>* kinds = nullptr;
  std::set<std::string> record_urls;
  std::vector<diag::Diagnostic> record_notices;
  /// Whether a record names a content page as a report (report/): the
  /// report pass then reads records, so a record edit needs a full build.
  bool record_reports = false;
};

/// Adds to state.anchor_referrers the pages that the resolved links of
/// `doc` (from `source`) point into with an anchor.
void add_anchor_links(BuildState& state, const std::string& source, const markdown::Document& doc);

/// The output directory for these options (`--out`, or site/public).
std::filesystem::path output_dir(const config::BuildOptions& options);

/// Builds the site. Returns false when any error (or, with --strict, any
/// warning) was reported; the previous output is then left untouched. On
/// success, `keep` (when given) receives the build's state. `publish` is
/// `qahub publish`'s request (report/report.h). `kinds` is the kinds table
/// every pass follows: the built-in one, or (a test) one with a kind more.
bool build_site(const config::BuildOptions& options, diag::Diagnostics& diags, BuildStats* stats = nullptr,
                BuildState* keep = nullptr, report::PublishRequest* publish = nullptr,
                const std::vector<record_pages::RecordKind>& kinds = record_pages::record_kinds());

/// Heading ids of a parsed page, in order (BuildState::Source).
std::vector<std::string> heading_ids(const content::Page& page);

/// What search indexes for every page of the site. With `borrow_text`, each
/// page's text is the site's own (SearchPage::borrowed_sections), not a copy:
/// only while the site is neither changed nor freed (a build's search; serve's
/// background search, which runs beside edits, takes copies).
std::vector<search::SearchPage> search_pages(const model::Site& site, bool borrow_text = false);

/// How a build writes search (its site, cache, corpus, jobs, script index and
/// synonyms): the full build and serve's background update use the same,
/// so the served search files after an edit are a full build's.
search::SearchBuildOptions search_options(const config::BuildOptions& options, const search::SynonymTable& synonyms);

/// The cache folder as diagnostics name it: ".qahub" (inside the site), or
/// --cache-dir as given.
std::string cache_label(const config::BuildOptions& options);

}  // namespace qahub::pipeline
