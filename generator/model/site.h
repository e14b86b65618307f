#pragma once
/// The Site: every page the build will render, content and records alike,
/// keyed by URL, with the section tree, tags and previous/next order worked
/// out once. Read-only after make_site(); renderers and search only read it.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "config/site_config.h"
#include "content/pages.h"
#include "model/url_owners.h"
#include "record_pages/record_pages.h"

namespace qahub::model {

enum class PageKind { kContent, kSection, kRecord };

/// One page, whatever produced it. URLs are site-root URLs ("/models/systemic/").
struct SitePage {
  PageKind kind = PageKind::kContent;
  std::string url;
  std::string source;  ///< site-relative source file
  std::string title;
  std::string description;
  std::string section_url;  ///< parent section ("" for the home page)
  long weight = 0;
  std::vector<std::string> order;  ///< RecordPage::order; empty for content pages
  std::string pager_group;         ///< RecordPage::pager_group
  std::string body_html;
  std::vector<markdown::Heading> toc;  ///< h2 headings
  std::vector<markdown::Section> search_sections;
  /// A glossary page's table rows (content::is_glossary), for the A to Z.
  std::vector<markdown::TableRow> glossary_rows;
  std::vector<std::string> tags;
  std::string owner;
  std::optional<base::Date> review_by;
  std::optional<base::Date> last_updated;
  std::vector<frontmatter::Change> changes;
  /// A draft page built with --drafts: never in search or the feed.
  bool draft = false;
  std::string type;  ///< front matter `type`: "brief" for a learning brief (its own feed)
  /// Its protective marking ("" when the site has none), shown at the top
  /// and bottom of the page and on every printed page.
  std::string marking;
  /// A sensitive page built with --include-sensitive: shown with a banner,
  /// never in search, the corpus, the feeds, the sitemap or the A to Z.
  bool sensitive = false;
  /// A withdrawn report: its URL shows a notice; listed by nothing.
  bool withdrawn = false;
  /// A published report's date: one entry in the amendments feed.
  std::optional<base::Date> published;
  std::vector<std::string> aliases;  ///< site-root URLs ("/old/"), none of them a page
  std::vector<record_pages::BackLink> backlinks;
  /// What link_pages starts from, kept so `qahub serve` can link the pages
  /// again after an edit: the section as the source names it (before a
  /// missing section is skipped) and the tags as written (before merge_tags
  /// picks one spelling per slug).
  std::string declared_section;
  std::vector<std::string> written_tags;
  /// Child pages in display order (sections only): indexes into Site::pages.
  std::vector<size_t> children;
  std::optional<size_t> prev, next;
};

struct Site {
  config::SiteConfig config;
  base::Date as_of;
  std::vector<SitePage> pages;  ///< sorted by URL
  std::map<std::string, size_t> by_url;
  /// Top-level navigation: sections under "/" in weight order.
  std::vector<size_t> nav;
  /// tag → pages carrying it, in URL order.
  std::map<std::string, std::vector<size_t>> tags;
  std::vector<content::Asset> assets;
  base::OutputFiles record_files;

  const SitePage* find(const std::string& url) const;
};

/// Whether a page is listed: in search (its index, store and corpus), the
/// sitemap, both feeds, the A to Z and the redirects of its aliases. A draft
/// (built with --drafts) and a sensitive page (built with
/// --include-sensitive) are built but never listed. The one rule every
/// listing follows (tests/unit/model/listed_test.cc walks them all).
inline bool listed(const SitePage& page) { return !page.draft && !page.sensitive && !page.withdrawn; }

/// The "review overdue" warning for a page whose review_by is before as_of.
void report_review_overdue(const content::Page& page, base::Date as_of, diag::Diagnostics& diags);

/// Sets what a content page's Markdown body gives its SitePage (HTML, table
/// of contents, search text), and nothing else.
void set_content_body(SitePage& page, const content::Page& parsed);

/// A content page's SitePage: its front matter and rendered body (what
/// make_site takes from it before the pages are linked).
SitePage page_from_content(content::Page& page);

/// A record page's SitePage (`nav_weights`: record_pages' nav entries' weights, by URL).
SitePage page_from_record(record_pages::RecordPage& page, const std::map<std::string, long>& nav_weights);

/// Works out what ties the pages together, from each page's
/// declared_section and written_tags: by_url, the section each page hangs
/// under, children in display order, previous/next, the nav and the tags.
/// `site.pages` must be sorted by URL with none of those set (make_site, and
/// serve after an edit, which clears them first). `content` gets the tag
/// spelling warnings (none when empty).
void link_pages(Site& site, const std::vector<content::Page>& content, diag::Diagnostics& diags);

/// Builds the Site from parsed content (links already resolved) and finished
/// record pages. Reports review-overdue warnings against `as_of`. Checks every
/// claim on a URL once (url_owners.h): content and record pages, aliases
/// (made site URLs by fs/url_path.h's rule, or an error at the alias),
/// attachments, record files, and `reserved`, what qahub itself writes
/// (render::reserved_claims). A claim that loses is left out of the Site.
/// Renders page bodies on up to `jobs` threads.
Site make_site(const config::SiteConfig& config, base::Date as_of, content::ContentSet content,
               record_pages::RecordPages records, const std::vector<Claim>& reserved, diag::Diagnostics& diags,
               int jobs = 1);

}  // namespace qahub::model
