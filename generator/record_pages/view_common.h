#pragma once
/// Shared pieces of record pages: the context every page builder reads (the
/// store plus derived relations), rendering through the theme, and inline SVG
/// bar charts. Shares and quarters are the figures module's (figures/percent.h,
/// figures/quarters.h).
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "record_pages/record_pages.h"
#include "records/model.h"
#include "records/relations.h"

namespace qahub::record_pages {

/// What every page builder reads: the store, the relations derived from it
/// once (records/relations.h), the build date, the theme's templates.
struct Context : records::Relations {
  const PagesInput& input;
  const records::Records& records;
  diag::Diagnostics& diags;

  Context(const PagesInput& in, diag::Diagnostics& d);
  base::Date as_of() const { return input.as_of; }
  /// URL of a content page, or "".
  std::string content_url(const std::string& path) const;
};

/// Renders `records/<name>` with the theme; "" when no templates were given.
std::string render(const Context& ctx, const std::string& name, const nlohmann::json& view);

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
nlohmann::json action_view(const Context& ctx, const records::Action& a);

/// "Thematic audit: Father-inclusive practice, recommendation r1" style source text and URL.
nlohmann::json source_view(const Context& ctx, const records::Action& a);

}  // namespace qahub::record_pages
