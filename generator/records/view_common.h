#pragma once
/// Shared pieces of record pages: the context every page builder reads (the
/// store plus derived relations), rendering through the theme, outline
/// extraction (toc and search sections from the h2s a template emits),
/// number and date formatting, and inline SVG bar charts.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "records/model.h"
#include "records/records.h"
#include "records/refs.h"

namespace qahub::records {

/// The store plus relations derived once for all pages.
struct Context {
  const RecordsInput& input;
  const Records& records;
  diag::Diagnostics& diags;
  std::map<std::string, RefTarget> refs;
  /// action id → (meeting id, decision index) of decisions naming it
  std::map<std::string, std::vector<std::pair<std::string, size_t>>> decisions_for_action;
  /// "record/item" or "record" → actions whose source is it
  std::map<std::string, std::vector<std::string>> actions_for_source;
  /// ref → training ids linking it
  std::map<std::string, std::vector<std::string>> training_for_ref;
  /// ref → audit ids following it up
  std::map<std::string, std::vector<std::string>> audits_following;
  /// forum id → meeting ids in date order
  std::map<std::string, std::vector<std::string>> meetings_for_forum;

  Context(const RecordsInput& in, const Records& r, diag::Diagnostics& d);
  base::Date as_of() const { return input.as_of; }
  /// URL of a content page, or "".
  std::string content_url(const std::string& path) const;
};

/// Renders `records/<name>` with the theme; "" when no templates were given.
std::string render(const Context& ctx, const std::string& name, const nlohmann::json& view);

/// Fills toc and search_sections from the `<h2 id="…">` headings in body_html.
void add_outline(RecordPage& page);

/// Text of HTML with tags dropped and the basic entities decoded.
std::string strip_tags(const std::string& html);

/// "42.4%" (one decimal, rounded half up); "–" when the denominator is 0.
std::string percent(long part, long whole);
/// Per mille value, for charts and differences (rounded half up).
long per_mille(long part, long whole);
/// "+1.5 points", "−0.3 points", "no change" from two per-mille values.
std::string change_points(long now_pm, long before_pm);

/// "April to June 2026" for "2026-Q2".
std::string quarter_label(const std::string& quarter);
/// "2026-Q4" for a date.
std::string quarter_of(base::Date d);

/// A horizontal bar chart as inline SVG: role="img", a <title> and a <desc>,
/// values written beside each bar so nothing depends on colour.
struct Bar {
  std::string label;
  long value = 0;     ///< drawn length, relative to max
  std::string shown;  ///< the text written beside the bar
  std::string css;    ///< class of the bar ("grade-good")
};
std::string bar_chart_svg(const std::string& id, const std::string& title, const std::string& desc,
                          const std::vector<Bar>& bars, long max);

/// View of an action for tables and lists.
nlohmann::json action_view(const Context& ctx, const Action& a);
/// "Thematic audit: Father-inclusive practice, recommendation r1" style source text and URL.
nlohmann::json source_view(const Context& ctx, const Action& a);

}  // namespace qahub::records
