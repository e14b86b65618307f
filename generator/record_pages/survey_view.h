#pragma once
/// A survey question as published: its options' counts and shares with small
/// numbers suppressed exactly as audit breakdowns are (figures/suppression.h,
/// the site's `disclosure.min_cell`), its chart, its breakdown by service or
/// area, and its comparison with the run it repeats. The survey page, the
/// report's `surveys` block and surveys.csv all read this view, so they never
/// publish different figures.
///
/// The suppression table of a question: the whole survey's respondents
/// (always shown) and its option counts (shown as they are, as an authority's
/// totals are, unless the respondents are under the minimum); each service's
/// or area's respondents and option counts; a "did not answer" remainder
/// wherever there is one (respondents minus the options' counts), and the
/// respondents the breakdown does not cover (the whole minus its rows), since
/// both can be worked out from what is shown. Lines: each row's options (and
/// remainder) add up to its respondents; each option's rows (and the
/// uncovered rest) add up to the whole survey's count. A question known only
/// as shares is suppressed on the counts its shares imply (share ×
/// respondents, rounded), which are never shown themselves.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "figures/options.h"
#include "records/model.h"

namespace qahub::record_pages {

/// One question's figures: keys id, text, respondents (words), headline
/// (words), too_few (no share is shown), options (rows: label, count, share),
/// chart (SVG or ""), comparison (a sentence or ""), has_breakdown,
/// breakdown_by ("Service", "Area"), breakdown_options (labels), units (rows:
/// name, respondents, cells: text), suppressed (whether anything is).
nlohmann::json survey_question_view(const records::Survey& s, const records::SurveyQuestion& q,
                                    const records::Records& records, const figures::FigureOptions& options);

/// The question's headline share (its headline options' share of its
/// respondents) in per mille, when it is shown; nullopt when suppressed.
std::optional<long> headline_pm(const records::SurveyQuestion& q, const figures::FigureOptions& options);

/// "Asked the same question in 2025: 62.0% → 71.0% (Yes)"; a sentence
/// saying why there is no comparison when either run is under the minimum;
/// "" when `s` repeats no run or the run did not ask `q`.
std::string survey_comparison(const records::Survey& s, const records::SurveyQuestion& q,
                              const records::Records& records, const figures::FigureOptions& options);

/// "112 of 160 invited (70.0%)", "112".
std::string survey_response_words(const records::Survey& s);

/// One CSV row per published figure of `s`: the whole survey's option counts
/// and shares, then each breakdown cell, as on its page.
struct SurveyCsvRow {
  std::string question, question_text, breakdown_by, unit, option, label, responses, share;
};
std::vector<SurveyCsvRow> survey_csv_rows(const records::Survey& s, const records::Records& records,
                                          const figures::FigureOptions& options);

}  // namespace qahub::record_pages
