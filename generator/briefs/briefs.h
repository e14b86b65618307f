#pragma once
/// Learning briefs (7-minute briefings): content pages with `type: brief`
/// and a `brief:` block in front matter (README "Learning briefs"). The
/// pass runs after the reports, on pages and records already loaded:
///
/// - checks each brief's block: its format's sections are the body's `##`
///   headings, matched by slug, in order (a missing or misplaced one is an
///   error at the `brief:` key); exactly three questions; `anonymisation`
///   when `based_on_case`; `source` and `superseded_by` point somewhere;
/// - checks each data/brief-uses/ record names a brief, under the id
///   YYYY-MM-DD-<brief-name>-<n>;
/// - treats a brief without `published`, or dated after --as-of, as a draft
///   (left out unless --drafts), as reports do;
/// - adds the page's parts: source, use count and agreed changes, the
///   replacement's banner, and the questions at their section's place.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/date.h"
#include "content/pages.h"
#include "diag/diagnostics.h"
#include "record_pages/kinds.h"
#include "records/model.h"
#include "records/records.h"
#include "templating/templates.h"

namespace qahub::briefs {

struct Options {
  std::filesystem::path site_dir;
  base::Date as_of;
  bool drafts = false;
  /// The theme's templates: a brief's parts are templates/briefs/header and questions.
  const templating::Templates* templates = nullptr;
  /// Ids (by kind) of records that failed to load: a brief made from one is not reported again.
  records::RecordIds broken;
  /// The kinds table: a brief is made from a record of a kind others cite
  /// (records::Citable), named as its row says.
  const std::vector<record_pages::RecordKind>* kinds = &record_pages::record_kinds();
  /// The other page types (qahub.yaml's publication types): a page of one is
  /// report/'s, not a brief; any other `type` is an error here.
  std::vector<std::string> page_types = {};
};

/// A published brief, for lists and the feed.
struct Listed {
  std::string source, url, title, description;
  std::string source_kind, source_id, source_item;
  base::Date published;
  std::vector<std::string> tags;
  size_t uses = 0, teams = 0;
  bool superseded = false;
};

struct Result {
  std::vector<Listed> published;  ///< by content path
  size_t drafts_left_out = 0;
  /// "cycle/<id>", "audit/<id>", "meeting/<id>" → the briefs made from it.
  std::map<std::string, std::vector<Listed>> by_record;
};

/// The brief pass (see above). Removes draft briefs from `content` unless
/// options.drafts, marking kept ones `draft`.
Result apply_briefs(const Options& options, content::ContentSet& content, const records::Records& records,
                    diag::Diagnostics& diags);

}  // namespace qahub::briefs
