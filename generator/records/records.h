#pragma once
/// Practice records: JSON files under data/ (forums, meetings, audit cycles,
/// thematic audits, actions, training programmes, schedules), each checked
/// against its JSON Schema, cross-referenced, and turned into record pages.
/// The build calls build_records() once, after content pages are parsed (so
/// records can link to reports in content/) and before links are checked (so
/// content can link to record pages).
///
///   RecordsInput in{site_dir, as_of, markdown_options, url_for_content, allow, &templates};
///   RecordsResult r = build_records(in, diags);
///   // r.pages: /cycles/ /cycles/<id>/ /audits/ /audits/<id>/ /actions/ /actions/<id>/
///   //          /forums/ /forums/<id>/ /meetings/<id>/ /training/ /training/<id>/
///   //          /schedules/ /trends/
///   // r.files: actions/actions.csv;  r.nav: the seven sections above, weights 100–160
///
/// Layout: one record per file, data/<kind>s/<id>.json (data/training/ for
/// training), whose "$schema" is "../schemas/<kind>.schema.json" and whose id
/// is the file name. Narratives (minutes, terms of reference, audit summaries)
/// are Markdown files beside the record, named by it. Findings,
/// recommendations, key learning points and decisions carry ids and are
/// referenced as "record-id/item-id". The stages, in order: SchemaSet::load,
/// load_records (load.h), check_references (refs.h), check_dates (status.h),
/// then one page builder per kind (pages.h).
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/text.h"
#include "diag/diagnostics.h"
#include "markdown/document.h"
#include "templating/templates.h"

namespace qahub::records {

struct RecordsInput {
  std::filesystem::path site_dir;
  base::Date as_of;
  markdown::Options markdown;
  /// Content source path ("content/learning/2025-26-cycle-1.md") → its URL
  /// ("/learning/2025-26-cycle-1/"), or "" when there is no such page.
  std::function<std::string(const std::string&)> url_for_content;
  /// Exact strings the personal-data check allows (site config).
  std::vector<std::string> allow_personal_data;
  const templating::Templates* templates = nullptr;
  /// Checks and rewrites the links of each narrative (minutes, terms of
  /// reference, audit summaries) before it is rendered, as content links
  /// are: `.md` links relative to the narrative's file, other relative links
  /// to its record page. Unset: links are left as written.
  std::function<void(markdown::Document&, const std::string& source, const std::string& page_url)> resolve_links;
};

/// A page generated from records. URLs are site-root URLs ("/actions/a-001/");
/// the renderer applies the base path or relative links later.
struct RecordPage {
  std::string url;
  std::string source;  ///< site-relative file the page comes from ("data/actions/a-001.json")
  std::string title;
  std::string description;
  std::string section;  ///< nav section url this page sits under ("/actions/")
  std::string body_html;
  std::vector<markdown::Heading> toc;
  std::vector<markdown::Section> search_sections;
  std::vector<std::string> tags;
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

struct RecordsResult {
  std::vector<RecordPage> pages;
  base::OutputFiles files;  ///< extra output files ("actions/actions.csv")
  std::vector<NavEntry> nav;
  /// Content page URL → record pages that link to it (e.g. a report ← its cycle).
  std::map<std::string, std::vector<BackLink>> backlinks;
};

/// The URLs build_records will give record pages (section pages and one per
/// forum, meeting, cycle, audit, action and training record) and its other
/// files, from the file names under data/ alone (a record's id is its file
/// name), so narratives can be link-checked while records are still being
/// read. Empty without data/.
struct PlannedUrls {
  std::vector<std::string> pages;
  std::vector<std::string> files;
};
PlannedUrls planned_urls(const std::filesystem::path& site_dir);

/// Loads, validates and renders every record. Problems become diagnostics.
RecordsResult build_records(const RecordsInput& input, diag::Diagnostics& diags);

}  // namespace qahub::records
