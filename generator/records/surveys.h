#pragma once
/// Surveys as a value source: the runs of one survey (linked by `repeats`)
/// and an indicator's values from one question of them.
///
///   "survey_question": "supervision-2026/frequency",
///   "survey_options": ["monthly", "fortnightly"]   // default: the question's headline
///
/// gives one value per run of the survey that asks that question (every run
/// linked to the named one by `repeats`, either way): the share of its
/// respondents who chose those options, in the period (of the indicator's
/// period type) the run closed in; numerator and denominator are the counts
/// (none for a question known only as shares). A run with fewer respondents
/// than `disclosure.min_cell` gives `c` (suppressed), as its page shows "–".
#include <vector>

#include "diag/diagnostics.h"
#include "records/model.h"

namespace qahub::records {

/// Every run of the survey `id` belongs to (itself, what it repeats and what
/// repeats it, transitively), oldest first (by closing date, then id).
std::vector<const Survey*> survey_runs(const Records& records, const std::string& id);

/// The share of `q`'s respondents who chose `options` (headline when empty),
/// percent in millionths; nullopt with no respondents.
std::optional<long long> survey_share(const SurveyQuestion& q, const std::vector<std::string>& options);

/// An indicator's values from `survey_question` (see above), in period order.
std::vector<IndicatorValue> survey_values(const Records& records, const Indicator& indicator);

/// Errors in an indicator's survey source: no such question, an unknown
/// option, two runs in one period, a unit other than percent.
void check_survey_source(const Records& records, const Indicator& indicator, diag::Diagnostics& diags);

}  // namespace qahub::records
