#pragma once
/// Shortcodes resolved on a page's Markdown tree (report.h): what each name
/// means, the errors for names and arguments that mean nothing, and the
/// report's own markup (Draft banner, print cover, "as at publication" line,
/// corrections).
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "briefs/briefs.h"
#include "content/pages.h"
#include "diag/diagnostics.h"
#include "figures/options.h"
#include "report/publications.h"
#include "templating/templates.h"

namespace qahub::report {

/// A published report, for the `reports` and `latest-report` blocks.
struct ListedReport {
  std::string title;  ///< the report page's title
  std::string cycle;  ///< "Cycle 1, 2026-27"
  std::string url;
  std::string from, to, published;  ///< ISO dates
  nlohmann::json figures;           ///< the snapshot's catalogue
};

/// A published report of a publication type, as `{{< publications TYPE >}}`
/// lists it and the schedule check counts it.
struct ListedPublication {
  std::string type, series, title, url, committee, decision, scorecard;
  long number = 0;
  std::string from, to, published;  ///< ISO dates
};

/// What a page's shortcodes can draw on.
struct PageContext {
  const templating::Templates& templates;
  const std::vector<ListedReport>& reports;  ///< published, in cycle order
  /// For a report page: its snapshot (published) or live data (draft), as
  /// make_snapshot() shapes it; null for any other page.
  const nlohmann::json* snapshot = nullptr;
  std::string cycle_title;
  /// Today's `disclosure` and `targets`, for the blocks that suppress (breakdown).
  const figures::FigureOptions* figures = nullptr;
  /// Published learning briefs, for the `briefs` block (null: none).
  const std::vector<briefs::Listed>* briefs = nullptr;
  /// Published reports of the publication types, for `{{< publications TYPE >}}` (null: none).
  const std::vector<ListedPublication>* publications = nullptr;
  /// A publication page's default blocks (null: a cycle's report takes every block in order).
  const std::vector<Placement>* placements = nullptr;
};

/// Every shortcode name, for "did you mean".
const std::vector<std::string>& shortcode_names();

/// Resolves `page`'s shortcodes, reporting each unknown name, argument or
/// misplaced block at its line and column. A report page whose author placed
/// no block gets every block in the default order first.
void resolve_page(content::Page& page, const PageContext& ctx, diag::Diagnostics& diags);

/// The report's own markup before its body: the Draft banner, the print
/// cover, the "as at publication" line and its corrections.
struct HeaderInput {
  std::string title, organisation, owner, cycle, period, published;
  bool draft = false;
  const nlohmann::json* corrections = nullptr;
  /// The snapshot's breakdown data and today's options: a correction note
  /// about a suppressed breakdown value names its row instead.
  const nlohmann::json* breakdown = nullptr;
  const figures::FigureOptions* figures = nullptr;
  std::string cycle_id;
  /// The snapshot's "approval" ({approved_by, decision?}) and "early" reason,
  /// printed on the cover and the page; null or "" for a report published
  /// before qahub kept them, and for a draft.
  const nlohmann::json* approval = nullptr;
  std::string early;
  /// A publication's decision asked ("Members are asked to NOTE this report.") and contact role.
  std::string decision, contact;
  /// A self-evaluation's: what changed since its previous quarterly version
  /// ({since, quarter, changes}; null for none), its earlier versions
  /// ({label, published}), its evidence manifest's URL, and its appendix
  /// (shown: a link with its marking; withheld from this build: a line
  /// saying there is a non-public one, naming nothing of it).
  const nlohmann::json* changed_since = nullptr;
  std::vector<std::pair<std::string, std::string>> versions;
  std::string evidence_csv_url;
  std::string appendix_title, appendix_url, appendix_marking;
  bool appendix_withheld = false;
};
std::string report_header(const templating::Templates& templates, const HeaderInput& in, diag::Diagnostics& diags);

}  // namespace qahub::report
