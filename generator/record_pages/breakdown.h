#pragma once
/// A cycle's figures by service and area, as published: the By service and
/// By area tables (coverage, good-or-better share, its difference from the
/// whole authority, moderation rate), the service × area table of
/// good-or-better share, the widest variation named in words, and the
/// authority's moderation (rate, agreement, independence, external audits,
/// escalations). Small numbers are suppressed here (suppression.h), so every
/// page, chart, print pack and search text made from this view shows only
/// what may be shown.
///
/// The cycle page renders it (pages_cycles.cc); a report's `breakdown` block
/// can render the same view from the cycle record or its snapshot.
#include <nlohmann/json.hpp>

#include "figures/options.h"
#include "record_pages/record_pages.h"
#include "records/model.h"

namespace qahub::record_pages {

/// The view of `c`'s breakdown and moderation. `org` names services and
/// areas (nullptr: ids are shown). Keys: has_breakdown, services, areas
/// (rows: name, completed, coverage, good_or_better, good_share, difference,
/// moderated, moderation_rate), authority (the same for the whole
/// authority), grid_areas, grid (rows: name, cells: text), variation
/// (sentences), area_chart (SVG or ""), moderation (rows: measure, value),
/// min_cell, suppressed (whether anything is).
nlohmann::json breakdown_view(const records::Cycle& c, const records::Organisation* org,
                              const figures::FigureOptions& options);

/// One service's or area's shares in a cycle, as published: nullopt where
/// small-number suppression hides the share (trends show it as a gap).
struct UnitShare {
  bool service = true;  ///< a service; false: an area
  std::string id, name;
  std::optional<long> good_pm, moderation_pm;  ///< good-or-better share and moderation rate, per mille
};
/// The services (organisation order) then the areas of `c`'s breakdown with
/// their shares, suppressed as breakdown_view suppresses them; empty when
/// the cycle has no breakdown.
std::vector<UnitShare> unit_shares(const records::Cycle& c, const records::Organisation* org,
                                   const figures::FigureOptions& options);

/// Below this many audits a difference is marked "small sample: compare with care".
inline constexpr long kSmallSample = 30;

}  // namespace qahub::record_pages
