#include "record_pages/kinds.h"

#include "record_pages/pages.h"
#include "records/loaders.h"

namespace qahub::record_pages {

namespace r = records;

const std::vector<RecordKind>& record_kinds() {
  // clang-format off
  static const std::vector<RecordKind> kinds = {
    {.data = {"forum", "data/forums/", "forum.schema.json", r::load_forum, r::store_of<&r::Records::forums>()},
     .url = "/forums/{id}/", .pages = add_forum_pages, .nav = {"Practice forums", 130}},
    {.data = {"organisation", "data/organisation.json", "organisation.schema.json", r::load_organisation},
     .url = ""},  // before the cycles that name it
    {.data = {"scale", "data/scales/", "scale.schema.json", r::load_scale},
     .url = "/scales/{id}/", .pages = add_scale_pages},  // before the cycles that name one
    {.data = {"cycle", "data/cycles/", "cycle.schema.json", r::load_cycle, r::store_of<&r::Records::cycles>()},
     .url = "/cycles/{id}/", .pages = add_cycle_pages, .nav = {"Audit cycles", 100},
     .cited = {"key learning point", "From audit cycles"}},
    {.data = {"audit", "data/audits/", "audit.schema.json", r::load_audit, r::store_of<&r::Records::audits>()},
     .url = "/audits/{id}/", .pages = add_audit_pages, .nav = {"Thematic audits", 110},
     .cited = {"finding or recommendation", "From thematic audits"}},
    {.data = {"meeting", "data/meetings/", "meeting.schema.json", r::load_meeting, r::store_of<&r::Records::meetings>()},
     .url = "/meetings/{id}/", .pages = nullptr,  // built with its forum's pages (after its forum: its marking)
     .cited = {"decision", "From meetings"}},
    {.data = {"action", "data/actions/", "action.schema.json", r::load_action, r::store_of<&r::Records::actions>()},
     .url = "/actions/{id}/", .pages = add_action_pages, .nav = {"Action register", 120}},
    {.data = {"recommendations", "data/recommendations/", "recommendations.schema.json", r::load_recommendation_set,
              r::store_of<&r::Records::recommendations>()},
     .url = "/recommendations/{id}/", .pages = add_recommendation_pages, .nav = {"Recommendations", 124},
     .cited = {"recommendation", "From inspections and reviews"}},  // after the scales its judgements use
    {.data = {"plan", "data/plans/", "plan.schema.json", r::load_plan, r::store_of<&r::Records::plans>()},
     .url = "/plans/{id}/", .pages = add_plan_pages, .nav = {"Improvement plans", 126},
     .cited = {"outcome or code", "From improvement plans"}},
    {.data = {"survey", "data/surveys/", "survey.schema.json", r::load_survey, r::store_of<&r::Records::surveys>()},
     .url = "/surveys/{id}/", .pages = add_survey_pages, .nav = {"Surveys", 127}},  // before indicators that use them
    {.data = {"indicator", "data/indicators/", "indicator.schema.json", r::load_indicator,
              r::store_of<&r::Records::indicators>()},
     .url = "/indicators/{id}/", .pages = add_indicator_pages, .nav = {"Indicators", 128}},  // after what they measure
    {.data = {"scorecard", "data/scorecards/", "scorecard.schema.json", r::load_scorecard,
              r::store_of<&r::Records::scorecards>()},
     .url = "/scorecards/{id}/", .pages = add_scorecard_pages, .nav = {"Scorecards", 127}},  // after its indicators
    {.data = {"risk", "data/risks/", "risk.schema.json", r::load_risk, r::store_of<&r::Records::risks>()},
     .url = "/risks/{id}/", .pages = add_risk_pages, .nav = {"Risk register", 129}},  // after the actions that mitigate
    {.data = {"training", "data/training/", "training.schema.json", r::load_training, r::store_of<&r::Records::training>()},
     .url = "/training/{id}/", .pages = add_training_pages, .nav = {"Training timeline", 140}},
    {.data = {"schedule", "data/schedules/", "schedule.schema.json", r::load_schedule, r::store_of<&r::Records::schedules>()},
     .url = "", .pages = add_schedule_pages, .section = "/schedules/", .nav = {"Reporting and meeting schedules", 150}},
    {.data = {"evidence", "data/evidence/", "evidence.schema.json", r::load_evidence, r::store_of<&r::Records::evidence>()},
     .url = "", .pages = add_evidence_pages, .section = "/evidence/", .nav = {"Evidence register", 155}},  // after what it cites
    {.data = {"brief-use", "data/brief-uses/", "brief-use.schema.json", r::load_brief_use, r::store_of<&r::Records::brief_uses>()},
     .url = ""},  // counted on briefs (briefs/briefs.h)
    {.data = {"synonyms", "data/search/synonyms.json", "synonyms.schema.json", r::load_synonyms},
     .url = ""},  // search/synonyms.h reads it
  };
  // clang-format on
  return kinds;
}

std::vector<records::DataKind> data_kinds() {
  std::vector<records::DataKind> out;
  for (const RecordKind& k : record_kinds()) out.push_back(k.data);
  return out;
}

const RecordKind* find_kind(std::string_view name) {
  for (const RecordKind& k : record_kinds())
    if (k.data.name == name) return &k;
  return nullptr;
}

std::string RecordKind::section_url() const {
  if (url.empty()) return std::string(section);
  return std::string(url.substr(0, url.find("{id}")));
}

std::string RecordKind::url_of(const std::string& id) const {
  if (url.empty()) return {};
  std::string out(url);
  return out.replace(out.find("{id}"), 4, id);
}

std::string record_url(std::string_view kind, const std::string& id) {
  const RecordKind* k = find_kind(kind);
  return k ? k->url_of(id) : std::string();
}

std::string section_url(std::string_view kind) {
  const RecordKind* k = find_kind(kind);
  return k ? k->section_url() : std::string();
}

}  // namespace qahub::record_pages
