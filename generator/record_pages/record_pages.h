#pragma once
/// Record pages: what the loaded records look like on the site. The build
/// calls build_pages() once records are loaded (so content can link to record
/// pages and their anchors) and finish_bodies() once every link is checked
/// (narratives are rendered into their pages only then).
///
///   RecordPages rp = build_pages({&data.records, as_of, &templates, content_urls}, diags);
///   // rp.pages: /cycles/ /cycles/<id>/ /audits/ /audits/<id>/ /actions/ /actions/<id>/
///   //           /forums/ /forums/<id>/ /meetings/<id>/ /training/ /training/<id>/
///   //           /schedules/ /trends/
///   // rp.files: actions/actions.csv;  rp.nav: the seven sections above, weights 100–160
///   ... links pass: model::resolve_links over content and data.records.narratives ...
///   finish_bodies(rp.pages, data.records.narratives, jobs);
///
/// Which kinds have pages, and at which URLs, is the kinds table (kinds.h);
/// one page builder file per kind (pages.h).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/text.h"
#include "diag/diagnostics.h"
#include "figures/options.h"
#include "markdown/document.h"
#include "record_pages/kinds.h"
#include "records/model.h"
#include "templating/templates.h"

namespace qahub::record_pages {

/// A page generated from records. URLs are site-root URLs ("/actions/a-001/");
/// the renderer applies the base path or relative links later.
struct RecordPage {
  std::string url;
  std::string source;  ///< site-relative file the page comes from ("data/actions/a-001.json")
  std::string title;
  std::string description;
  std::string section;  ///< nav section url this page sits under ("/actions/")
  /// The page's HTML; until finish_bodies(), each narrative is a placeholder.
  std::string body_html;
  std::vector<markdown::Heading> toc;
  std::vector<markdown::Section> search_sections;
  std::vector<std::string> tags;
  /// Narratives shown on the page, in body order (indexes into Records::narratives).
  std::vector<size_t> narratives;
  /// Every id the page carries, for checking links' anchors: its headings and
  /// items, and its narratives' headings with their prefixes.
  std::set<std::string> ids;
  /// Where the page sorts in its section (after weight, before title), compared
  /// element by element: meetings {forum name, forum id, date}, so each follows
  /// its forum {name, id}; cycles and audits {start date}; actions {id};
  /// training {first phase quarter}. Empty: by title (README "Order").
  std::vector<std::string> order;
  /// Previous/next step only between pages of one group: a meeting's is its
  /// forum, so the pager never leaves the forum; "" is the rest of the section.
  std::string pager_group;
  /// The marking of the record it shows (marking::mark_record_pages); "" for
  /// a section or list page, which gets the site default.
  std::string marking;
  bool sensitive = false;
};

/// A top-level navigation entry for a records section ("/actions/", "Action register").
struct NavEntry {
  std::string url;
  std::string title;
  long weight = 0;
};

struct BackLink {
  std::string url;
  std::string title;
};

struct RecordPages {
  std::vector<RecordPage> pages;
  base::OutputFiles files;  ///< extra output files ("actions/actions.csv")
  std::vector<NavEntry> nav;
  /// Content page URL → record pages that link to it (e.g. a report ← its cycle).
  std::map<std::string, std::vector<BackLink>> backlinks;
};

struct PagesInput {
  const records::Records* records = nullptr;
  base::Date as_of;
  /// Renders the records/* templates; nullptr renders every body as "" (tests).
  const templating::Templates* templates = nullptr;
  /// Content source ("content/learning/2025-26-cycle-1.md") → its URL.
  std::map<std::string, std::string> content_urls;
  /// Content sources of reports withdrawn with `qahub publish --withdraw`: a
  /// cycle says its report was withdrawn instead of offering to read it.
  std::set<std::string> withdrawn_content;
  /// Content source → its `review_by`: the evidence register counts the
  /// items that are pages overdue for review.
  std::map<std::string, base::Date> review_by;
  figures::FigureOptions figures;
  /// The kinds table whose page builders and nav sections run, in order.
  const std::vector<RecordKind>* kinds = &record_kinds();
};

/// Every record page, with placeholders for narratives. Empty when the site has no data/.
RecordPages build_pages(const PagesInput& input, diag::Diagnostics& diags);

/// Renders each page's narratives (headings one level down, ids prefixed)
/// into its body, then fills its toc and search sections. After the links
/// pass, on up to `jobs` threads.
void finish_bodies(std::vector<RecordPage>& pages, const std::vector<records::Narrative>& narratives, int jobs);

}  // namespace qahub::record_pages
