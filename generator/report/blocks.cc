#include "report/blocks.h"

#include "figures/catalogue.h"
#include "record_pages/urls.h"
#include "records/rollup.h"
#include "records/status.h"

namespace qahub::report {

using nlohmann::json;

const std::vector<BlockKind>& cycle_blocks() {
  static const std::vector<BlockKind> kinds = {
      {"figures", "Figures", figures_data, nullptr, figures_total, figures_view, true, {{"rows", "figure"}}},
      {"grades", "Grades", grades_data, nullptr, grades_total, grades_view},
      {"moderation", "Moderation", moderation_data, nullptr, moderation_total, moderation_view},
      {"breakdown",
       "By service and area",
       breakdown_data,
       nullptr,
       nullptr,
       breakdown_view,
       false,
       {{"rows", "breakdown row"}, {"services", "service"}, {"areas", "area"}}},
      {"feedback", "What families told us", feedback_data, nullptr, nullptr, feedback_view},
      {"learning", "Key learning", learning_data, nullptr, nullptr, learning_view, false, {{"items", "key learning"}}},
      {"actions",
       "Actions agreed",
       actions_data,
       nullptr,
       nullptr,
       actions_view,
       false,
       {{"rows", "action"}, {"from_period", "action"}}},
      {"progress",
       "Progress on earlier actions",
       nullptr,
       progress_data,
       nullptr,
       progress_view,
       false,
       {{"rows", "action"},
        {"rows/impact", "the impact recorded on"},
        {"carried", "carried forward action"},
        {"carried/impact", "the impact recorded on"}}},
      {"audits",
       "Thematic audits",
       nullptr,
       audits_data,
       nullptr,
       audits_view,
       false,
       {{"rows", "thematic audit"}, {"rows/items", "finding or recommendation"}, {"actions", "action"}}},
      {"training", "Training", nullptr, training_data, nullptr, training_view, false, {{"rows", "training"}}},
      {"meetings",
       "Meetings",
       meetings_data,
       nullptr,
       nullptr,
       meetings_view,
       false,
       {{"rows", "meeting"}, {"rows/decisions", "decision"}}},
      {"briefs",
       "Learning briefs",
       nullptr,
       briefs_data,
       nullptr,
       briefs_view,
       false,
       {{"published", "brief"}, {"used", "the uses of brief"}}},
      {"changes",
       "What changed since the last report",
       nullptr,
       changes_data,
       nullptr,
       changes_view,
       false,
       {{"pages", "the change to page"}, {"closed", "closed action"}, {"findings", "finding"}}},
      {"recommendations",
       "Recommendations",
       nullptr,
       recommendations_data,
       nullptr,
       recommendations_view,
       false,
       {{"items", "recommendation"}, {"items/actions", "action"}},
       "recommendation set"},
      {"plan-progress",
       "Progress against the plan",
       nullptr,
       plan_progress_data,
       nullptr,
       plan_progress_view,
       false,
       {{"priorities", "priority"}, {"completed", "completed action"}, {"impact", "the impact recorded on"}},
       "plan"},
      {"scorecard",
       "Scorecard",
       nullptr,
       scorecard_data,
       nullptr,
       scorecard_view,
       false,
       {{"rows", "indicator"}},
       "scorecard"},
      {"indicator", "Indicator", nullptr, indicator_data, nullptr, indicator_view, false, {}, "indicator"},
      {"inspections",
       "Inspections and reviews",
       nullptr,
       inspections_data,
       nullptr,
       inspections_view,
       false,
       {{"rows", "inspection or review"}},
       "",
       true},
      {"background",
       "Background documents",
       nullptr,
       background_data,
       nullptr,
       background_view,
       false,
       {{"rows", "background document"}},
       "",
       true},
      {"risks",
       "Risks",
       nullptr,
       risks_data,
       nullptr,
       risks_view,
       false,
       {{"open", "risk"}, {"changes", "the change to risk"}},
       "",
       true},
      {"surveys",
       "Surveys",
       nullptr,
       surveys_data,
       nullptr,
       surveys_view,
       false,
       {{"rows", "survey"}, {"rows/questions", "question"}},
       "",
       true},
      // A self-evaluation's (block_self_evaluation.cc): empty in any other report.
      {"claims",
       "How we know",
       nullptr,
       claims_data,
       nullptr,
       claims_view,
       false,
       {{"claims", "claim"}, {"claims/evidence", "evidence"}},
       "question"},
      {"year-figures",
       "The year in figures",
       nullptr,
       year_figures_data,
       nullptr,
       year_figures_view,
       false,
       {{"rows", "figure"}, {"impact", "impact entry"}, {"cycles", "cycle"}},
       "",
       true},
      {"under-development",
       "Under development",
       nullptr,
       under_development_data,
       nullptr,
       under_development_view,
       false,
       {},
       "",
       true},
      {"weaknesses",
       "Weaknesses and what we are doing",
       nullptr,
       weaknesses_data,
       nullptr,
       weaknesses_view,
       false,
       {{"rows", "weakness"}, {"rows/actions", "action"}},
       "",
       true},
      {"plans-due",
       "Plans for the next 12 months",
       nullptr,
       plans_due_data,
       nullptr,
       plans_due_view,
       false,
       {{"rows", "planned action"}},
       "",
       true},
      {"evidence",
       "Evidence index",
       nullptr,
       evidence_data,
       nullptr,
       evidence_view,
       false,
       {{"rows", "evidence"}},
       "",
       true},
  };
  return kinds;
}

const BlockKind* find_block(const std::string& name) {
  for (const BlockKind& k : cycle_blocks())
    if (name == k.name) return &k;
  return nullptr;
}

json block_data(const BlockKind& kind, const Input& in) {
  if (kind.period_data) return kind.period_data(in);
  if (in.cycles.size() == 1) return kind.cycle_data(in, *in.cycles.front());
  if (in.cycles.empty()) return {{"parts", json::array()}};  // a publication's period with no cycle in it
  json parts = json::array();
  for (const records::Cycle* c : in.cycles) {
    json part = {{"id", c->id}, {"title", c->title()}, {"data", kind.cycle_data(in, *c)}};
    if (kind.compares) part["figures"] = cycle_catalogue(in, *c);
    parts.push_back(std::move(part));
  }
  json out = {{"parts", std::move(parts)}};
  if (kind.total) out["total"] = kind.total(in);
  return out;
}

std::vector<BlockSection> block_views(const BlockKind& kind, const json& data, const ViewInput& in) {
  if (!data.is_object() || !data.contains("parts")) return {{"", kind.view(data, in)}};
  std::vector<BlockSection> out;
  // Each part is viewed as its own cycle's: the catalogue it compares with
  // and the cycle its links go to.
  for (const json& part : data["parts"]) {
    const json own = {{"cycle", part.value("id", "")}, {"figures", part.value("figures", json::object())}};
    out.push_back({part.value("title", ""), kind.view(part.value("data", json::object()), ViewInput{own, in.figures})});
  }
  if (data.contains("total")) {
    const json none = {{"cycle", ""}, {"figures", json::object()}};
    out.push_back({"Period total", kind.view(data["total"], ViewInput{none, in.figures})});
  }
  return out;
}

bool Input::agreed_in_period(const records::Action& a) const {
  for (const records::Cycle* c : cycles)
    if (agreed_in(a, *c)) return true;
  return false;
}

const records::Cycle* previous_cycle(const Input& in, const records::Cycle& cycle) {
  const records::Cycle* prev = nullptr;
  for (const records::Cycle* c : in.relations.cycles_in_order) {
    if (c == &cycle) break;
    prev = c;
  }
  return prev;
}

json cycle_catalogue(const Input& in, const records::Cycle& cycle) {
  return figures::figure_catalogue(cycle, previous_cycle(in, cycle), figures::year_earlier(in.records, cycle));
}

std::string human_date(const json& iso) {
  if (!iso.is_string()) return "";
  auto d = base::Date::parse(iso.get<std::string>());
  return d ? d->human() : "";
}

json action_row(const records::Action& a, base::Date at) {
  json row = {{"id", a.id},
              {"title", a.title},
              {"owner", a.owner},
              {"due", records::due_on(a, at).iso()},
              {"status", records::status_key(records::shown_status(a, at))}};
  // Rescheduled: the date first set and how often, so a report never hides
  // slippage (snapshots from before these fields are not compared on them).
  if (const long n = records::reschedules(a, at); n > 0) {
    row["originally"] = a.original_due.iso();
    row["reschedules"] = n;
  }
  return row;
}

json action_row_view(const json& row) {
  json v = row;
  v["url"] = record_pages::urls::action(row.value("id", ""));
  v["due_human"] = human_date(row.value("due", json()));
  if (row.contains("originally")) {
    const long n = row.value("reschedules", 1L);
    v["due_note"] = "originally " + human_date(row["originally"]) + ", rescheduled " +
                    (n == 1   ? std::string("once")
                     : n == 2 ? std::string("twice")
                              : std::to_string(n) + " times");
  }
  std::string label = row.value("status", "");
  for (char& c : label)
    if (c == '-') c = ' ';
  v["status_label"] = label;
  return v;
}

bool agreed_in(const records::Action& a, const records::Cycle& cycle) {
  return a.source_type == "cycle" && a.source_id == cycle.id;
}

bool known_at(const records::Action& a, base::Date at) { return a.history.empty() || a.history.front().date <= at; }

}  // namespace qahub::report
