#pragma once
/// One loader per record kind: schema-valid JSON → the typed record in
/// `out`. False when a problem makes the record unusable. The kinds table
/// (record_pages/kinds.cc) names each kind's loader.
#include <nlohmann/json.hpp>

#include "records/model.h"
#include "records/typed.h"

namespace qahub::records {

using Loader = bool (*)(RecordReader& reader, const nlohmann::json& doc, Source src, Records& out);

bool load_forum(RecordReader& reader, const nlohmann::json& doc, Source src, Records& out);    // load_forums.cc
bool load_meeting(RecordReader& reader, const nlohmann::json& doc, Source src, Records& out);  // load_forums.cc
bool load_organisation(RecordReader& reader, const nlohmann::json& doc, Source src,
                       Records& out);                                                            // load_organisation.cc
bool load_scale(RecordReader& reader, const nlohmann::json& doc, Source src, Records& out);      // load_scales.cc
bool load_cycle(RecordReader& reader, const nlohmann::json& doc, Source src, Records& out);      // load_cycles.cc
bool load_audit(RecordReader& reader, const nlohmann::json& doc, Source src, Records& out);      // load_audits.cc
bool load_action(RecordReader& reader, const nlohmann::json& doc, Source src, Records& out);     // load_actions.cc
bool load_training(RecordReader& reader, const nlohmann::json& doc, Source src, Records& out);   // load_training.cc
bool load_schedule(RecordReader& reader, const nlohmann::json& doc, Source src, Records& out);   // load_schedules.cc
bool load_brief_use(RecordReader& reader, const nlohmann::json& doc, Source src, Records& out);  // load_brief_uses.cc
bool load_recommendation_set(RecordReader& reader, const nlohmann::json& doc, Source src,
                             Records& out);                                                 // load_recommendations.cc
bool load_plan(RecordReader& reader, const nlohmann::json& doc, Source src, Records& out);  // load_plans.cc
bool load_indicator(RecordReader& reader, const nlohmann::json& doc, Source src,
                    Records& out);                                                               // load_indicators.cc
bool load_scorecard(RecordReader& reader, const nlohmann::json& doc, Source src, Records& out);  // load_scorecards.cc
bool load_risk(RecordReader& reader, const nlohmann::json& doc, Source src, Records& out);       // load_risks.cc
bool load_survey(RecordReader& reader, const nlohmann::json& doc, Source src, Records& out);     // load_surveys.cc
bool load_evidence(RecordReader& reader, const nlohmann::json& doc, Source src, Records& out);   // load_evidence.cc
bool load_synonyms(RecordReader& reader, const nlohmann::json& doc, Source src, Records& out);   // load_synonyms.cc

}  // namespace qahub::records
