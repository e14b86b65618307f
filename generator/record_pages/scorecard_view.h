#pragma once
/// A scorecard and an indicator as plain data at a date, and their views:
/// the scorecard page (pages_scorecards.cc) and the report blocks
/// `{{< scorecard ID >}}` and `{{< indicator ID >}}` (report/) render the
/// same data through the same view and the partial
/// `templates/partials/scorecard-sections.mustache`, so a published report
/// shows exactly what its snapshot keeps: ids, periods, value and rating
/// words, counts; never a URL or a chart, which the view adds.
///
///   json data = scorecard_data(records, card, as_of);   // kept in snapshots
///   json view = scorecard_view(data, 2);                 // h2 per section
#include <nlohmann/json.hpp>

#include "base/date.h"
#include "records/model.h"
#include "records/scorecards.h"

namespace qahub::record_pages {

/// {id, title, counts: {with_target, met, within, not_met, not_rated},
///  rows: [{id, section, title, good_is, period, value, flags, target,
///  rating, rating_key, how_close, direction, direction_key, comparators,
///  recent: [{when, shown, number}]}]}: the
///  recent values' keys are not the row's, so a snapshot compares a row's
///  period, value and rating, not its history
nlohmann::json scorecard_data(const records::Records& records, const records::Scorecard& card, base::Date at);
/// One indicator's row as at `at` (direction against the previous period), for `{{< indicator ID >}}`.
nlohmann::json indicator_data(const records::Records& records, const records::Indicator& indicator, base::Date at);

/// The view of scorecard_data: the summary sentence, sections (headings at
/// `level`), each row with its URL and sparkline, and the recent-values
/// table with the sparklines' numbers.
nlohmann::json scorecard_view(const nlohmann::json& data, int level);
/// The view of indicator_data: its latest value in a sentence, its sparkline and recent values.
nlohmann::json indicator_view(const nlohmann::json& data);

/// The summary counts kept in data, back as a summary.
records::ScorecardSummary summary_of(const nlohmann::json& counts);

}  // namespace qahub::record_pages
