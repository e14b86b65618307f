#pragma once
/// Learning and Improvement reports: the build's report pass, between
/// loading the records and checking links. A report is the content page a
/// cycle's `report` names. The pass
///
/// - finds each cycle's report (two cycles naming one page is an error);
/// - treats a report without `published: YYYY-MM-DD`, or dated after
///   --as-of, as a draft: left out unless --drafts, then shown with a Draft
///   banner and kept out of search, feeds and the reports list;
/// - renders a published report from its snapshot (snapshot.h), after
///   recomputing the snapshot from today's data as at the publication date
///   and warning at each value that differs; a draft from today's records;
/// - resolves every page's shortcodes on its Markdown tree (figures inline,
///   blocks as HTML spliced in after rendering; resolve.cc), placing a
///   report's blocks in their default order when its author placed none.
///
/// `qahub publish` runs the same pass with a PublishRequest: the named
/// report is worked out as at the publication date and its snapshot handed
/// back instead of read.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "base/date.h"
#include "briefs/briefs.h"
#include "config/publications.h"
#include "content/pages.h"
#include "diag/diagnostics.h"
#include "figures/options.h"
#include "records/model.h"
#include "report/withheld.h"
#include "templating/templates.h"

namespace qahub::report {

/// What `qahub publish` asks of a build.
struct PublishRequest {
  std::string report;              ///< the report's content path
  std::optional<base::Date> date;  ///< publishing: the date; correcting or withdrawing: unset (the report's own)
  bool correcting = false;
  /// `--withdraw "reason"`: the report is taken down, its snapshot kept with the reason.
  bool withdrawing = false;
  /// `--early "reason"`: published before its cycle has ended, or with no
  /// audits; the reason is kept in the snapshot and printed on the cover.
  std::string early;
  std::string approved_by;  ///< `--approved-by ROLE`: who approved it (required to publish)
  std::string decision;     ///< `--decision MEETING/DECISION`: the decision that approved it ("" for none)
  // Filled in by the pass:
  bool found = false;       ///< `report` is a cycle's report or a publication
  nlohmann::json snapshot;  ///< as worked out now, as at the publication date
  nlohmann::json existing;  ///< the snapshot on disk (null if none)
  /// The publication's id, which names its snapshot: a cycle's report's is
  /// the cycle's id, any other publication's its page's file name.
  std::string cycle_id;
  /// Publishing: {"approved_by", "decision"?: {meeting, decision, forum, date}}
  /// for the snapshot's "approval", once `decision` is found in the records.
  nlohmann::json approval;
};

struct Options {
  std::filesystem::path site_dir;
  base::Date as_of;
  bool drafts = false;
  std::string organisation;  ///< for the print cover
  const templating::Templates* templates = nullptr;
  PublishRequest* publish = nullptr;
  /// Cycles that exist but failed to load: a page that may be one's report
  /// is then left alone, so one broken cycle is one error, not one per figure.
  std::set<std::string> broken_cycles;
  /// `disclosure` and `targets` from today's config: the breakdown block
  /// and its warnings suppress small numbers with them.
  figures::FigureOptions figures;
  /// Published learning briefs (briefs/briefs.h), for the `briefs` block.
  const std::vector<briefs::Listed>* briefs = nullptr;
  /// Sensitive items (marking::Withheld): every snapshot shown or written
  /// leaves them out.
  Withheld withheld = {};
  /// False when a page or record failed to load: today's data is then
  /// incomplete, so published snapshots are not compared with it (a missing
  /// row would be the failure's echo, not a correction to record). The
  /// notices come back once the site loads.
  bool compare_snapshots = true;
  /// qahub.yaml's publication types (config/publications.h); null: the built-in ones.
  const std::map<std::string, config::PublicationType>* publications = nullptr;
  /// Every record that exists but failed to load, by kind: a self-evaluation
  /// naming one is not told it is unknown (its error is reported).
  records::RecordIds broken = {};
  /// Put before a site-root URL in a file no renderer rewrites (evidence.csv,
  /// uploaded elsewhere): base_url's origin and path without its last '/'
  /// ("https://hub.example.test/hub"; "" for the default "/").
  std::string url_prefix = {};
};

struct Result {
  size_t drafts_left_out = 0;  ///< draft reports not built (the summary line says so)
  /// Files the reports add to the output: each self-evaluation's
  /// evidence.csv beside its page ("self-evaluation/2026-27/evidence.csv").
  std::map<std::string, std::string> files;
};

/// The report pass (see above). Removes draft reports from `content` unless
/// options.drafts; marks kept drafts `draft` and published ones `published`.
Result apply_reports(const Options& options, content::ContentSet& content, const records::Records& records,
                     diag::Diagnostics& diags);

/// A publication's own id, which keys its snapshot. A Learning and
/// Improvement report's id is its cycle's id, so its snapshot is
/// data/publications/<cycle-id>.json.
std::string publication_id(const records::Cycle& cycle);

/// The snapshot file of the publication `id`: "data/publications/<id>.json".
std::string snapshot_path(const std::string& id);

}  // namespace qahub::report
