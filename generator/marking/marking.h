#pragma once
/// Protective marking (issue 20): one early filter between loading and
/// building. After content and records are loaded and before anything
/// builds pages, lists or indexes, the pipeline
///
///   marking::decide(config.classification, content, records, diags);  // each item's marking
///   marking::check_references(content, records, diags);               // public → sensitive is an error
///   marking::Withheld w = marking::withhold(content, records, include_sensitive);
///
/// so that every generated list (registers, actions.csv, cycle and forum
/// lists, backlinks, tags, section lists, previous/next, print packs,
/// /review/, /amendments/, counts, report blocks, /a-z/, /trends/,
/// /training/, /schedules/, feeds, sitemap, search) simply never sees a
/// sensitive page or record. With --include-sensitive nothing is withheld:
/// the items keep `sensitive` set (content::Page, records::Source,
/// model::SitePage) and search, the corpus, feeds, the sitemap and the A to Z
/// leave them out by that flag.
///
/// A page's marking is its front matter's `classification`, else its
/// section's (`_index.md`, nearest first), else the site default; a page
/// inside a sensitive section is sensitive whatever it names. A record's is
/// its own `classification`, else (a meeting) its forum's, else the default;
/// the report page of a sensitive cycle is sensitive too.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "config/site_config.h"
#include "content/pages.h"
#include "diag/diagnostics.h"
#include "model/links.h"
#include "model/site.h"
#include "record_pages/kinds.h"
#include "records/model.h"

namespace qahub::marking {

/// Decides every content page's and record's marking (see above) and
/// reports a marking qahub.yaml does not list, with "did you mean":
///
///   content/x.md:3:17: error: unknown marking "OFFICAL-SENSITIVE"; did you mean "OFFICIAL-SENSITIVE"?
/// Records are walked kind by kind through `kinds`' stores (records/kind_store.h),
/// in table order, so a parent (a forum) is decided before what inherits from it.
void decide(const config::Classification& rules, content::ContentSet& content, records::Records& records,
            diag::Diagnostics& diags,
            const std::vector<record_pages::RecordKind>& kinds = record_pages::record_kinds());

/// What a reference names, for the sensitivity check.
struct Target {
  std::string kind;  ///< a kind's name ("audit"), "content" or "finding" ("record/item")
  std::string id;    ///< record id, content source ("content/x.md") or "record/item"
};

/// Reports each reference from a public record to a sensitive page or record
/// (every record's references(), records/kind_store.h; a brief's `source`),
/// at the reference, naming both:
///
///   data/actions/a-001.json:9:11: error: public action "a-001" names OFFICIAL-SENSITIVE audit "x" (data/audits/x.json)
void check_references(const content::ContentSet& content, const records::Records& records, diag::Diagnostics& diags,
                      const std::vector<record_pages::RecordKind>& kinds = record_pages::record_kinds());

/// What the filter took out of the build, and what every later pass needs to
/// know about sensitive items either way.
struct Withheld {
  /// Sensitive content pages taken out (empty with --include-sensitive):
  /// `qahub check` still checks their links.
  content::ContentSet content;
  /// Narratives of sensitive records taken out (index into
  /// Records::narratives → the record page URL it would have had).
  std::vector<std::pair<size_t, std::string>> narratives;
  /// URL → its source and marking, for every sensitive page and record
  /// page, taken out or not: a link to one from a public page is an error.
  std::map<std::string, model::Marked> urls;
  /// Sources of sensitive content pages taken out → their URLs, so links to
  /// them resolve (and are then reported as links to sensitive pages).
  std::map<std::string, std::string> sources;
  /// Every sensitive record, taken out or not: a published report's
  /// snapshot leaves them out, and what names one is not reported as unknown.
  records::RecordIds records;
  /// The source of every sensitive content page ("content/x.md"), taken out or not.
  std::set<std::string> pages;

  bool has_record(const std::string& kind, const std::string& id) const;
};

/// Takes sensitive pages and records out of `content` and `records` (unless
/// `include_sensitive`), and drops silently what public records list of them
/// (meeting decisions' actions).
Withheld withhold(content::ContentSet& content, records::Records& records, bool include_sensitive,
                  const std::vector<record_pages::RecordKind>& kinds = record_pages::record_kinds());

/// The record half of withhold(): erases the sensitive records `w` lists,
/// the names public records make of them, and their citations. (The build
/// also runs it on a copy, with --include-sensitive, for search text.)
void take_out_records(records::Records& records, const Withheld& w,
                      const std::vector<record_pages::RecordKind>& kinds = record_pages::record_kinds());

/// After links are resolved: drops the assets under content/ that only
/// withheld pages or narratives link to.
void drop_unlinked_assets(content::ContentSet& content, const std::vector<records::Narrative>& narratives,
                          const Withheld& withheld);

/// Gives every record page the marking of the record it shows (by its
/// source file), before make_site copies it onto the Site's page.
void mark_record_pages(std::vector<record_pages::RecordPage>& pages, const records::Records& records,
                       const std::vector<record_pages::RecordKind>& kinds = record_pages::record_kinds());

}  // namespace qahub::marking
