#pragma once
/// Page builders, one file per record kind. Each appends its section index
/// page and one page per record to `out.pages`; all read the same Context.
#include <optional>

#include "record_pages/record_pages.h"
#include "record_pages/view_common.h"

namespace qahub::record_pages {

void add_scale_pages(const Context& ctx, RecordPages& out);           // pages_scales.cc
void add_cycle_pages(const Context& ctx, RecordPages& out);           // pages_cycles.cc
void add_action_pages(const Context& ctx, RecordPages& out);          // pages_actions.cc
void add_forum_pages(const Context& ctx, RecordPages& out);           // pages_forums.cc (forums and meetings)
void add_audit_pages(const Context& ctx, RecordPages& out);           // pages_audits.cc
void add_training_pages(const Context& ctx, RecordPages& out);        // pages_training.cc
void add_schedule_pages(const Context& ctx, RecordPages& out);        // pages_schedules.cc
void add_recommendation_pages(const Context& ctx, RecordPages& out);  // pages_recommendations.cc
void add_plan_pages(const Context& ctx, RecordPages& out);            // pages_plans.cc
void add_indicator_pages(const Context& ctx, RecordPages& out);       // pages_indicators.cc
void add_scorecard_pages(const Context& ctx, RecordPages& out);       // pages_scorecards.cc
void add_risk_pages(const Context& ctx, RecordPages& out);            // pages_risks.cc
void add_survey_pages(const Context& ctx, RecordPages& out);          // pages_surveys.cc
void add_evidence_pages(const Context& ctx, RecordPages& out);        // pages_evidence.cc
void add_trends_page(const Context& ctx, RecordPages& out);           // pages_trends.cc

/// The action register as CSV (RFC 4180, CRLF line ends, a UTF-8 byte order
/// mark for Excel), status against as_of.
std::string actions_csv(const Context& ctx);  // csv.cc
/// Every recommendation item of every set as CSV, roll-up against as_of
/// (pages_recommendations.cc).
std::string recommendations_csv(const Context& ctx);
/// One row per action of plan `plan` (pages_plans.cc).
std::string plan_csv(const Context& ctx, const records::Plan& plan);
/// Every indicator's series in long format, one row per period, each rated
/// (pages_indicators.cc).
std::string indicators_csv(const Context& ctx);
/// A scorecard resolved at as_of (record_pages/scorecard_view.h's data), one
/// row per indicator (pages_scorecards.cc).
std::string scorecard_csv(const records::Scorecard& card, const nlohmann::json& data);
/// Every risk as of as_of, one row each: score, band, direction (pages_risks.cc).
std::string risks_csv(const Context& ctx);
/// Every survey's every question and option (and breakdown cell) as
/// published, suppressed as on its page (pages_surveys.cc).
std::string surveys_csv(const Context& ctx);
/// One CSV field, quoted as needed and never a spreadsheet formula (csv.cc).
std::string csv_field(std::string s);

/// What a view puts where a narrative goes: a placeholder that
/// finish_bodies() replaces with the narrative's HTML ("" for none).
std::string narrative_placeholder(const std::optional<size_t>& index);

/// A page; its outline is filled in by finish_bodies().
RecordPage make_page(std::string url, std::string source, std::string title, std::string description,
                     std::string section, std::string body_html, std::vector<std::string> tags = {});

}  // namespace qahub::record_pages
