/// `{{< inspections >}}` and `{{< background >}}`, a publication's period
/// blocks (issue 36). Inspections and reviews: every recommendation set
/// issued by the period's end, newest first, with its judgements, whether it
/// was issued in the period, and the agreed plan that responds to it (or
/// none). Background documents: the records a report over the period draws
/// on, each linked: the plans, recommendation sets and scorecards, and the
/// thematic audits reported in the period.
#include "record_pages/kinds.h"
#include "records/model.h"
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

json inspections_data(const Input& in) {
  json rows = json::array();
  std::vector<const records::RecommendationSet*> sets;
  for (const auto& [id, set] : in.records.recommendations)
    if (set.issued <= in.to) sets.push_back(&set);
  std::stable_sort(sets.begin(), sets.end(), [](auto* a, auto* b) { return b->issued < a->issued; });
  for (const records::RecommendationSet* set : sets) {
    json judgements = json::array();
    for (const records::Judgement& j : set->judgements) judgements.push_back({{"area", j.area}, {"level", j.level}});
    std::string plan, plan_status;
    for (const auto& [pid, p] : in.records.plans)
      if (std::find(p.responds_to.begin(), p.responds_to.end(), set->id) != p.responds_to.end() &&
          (plan.empty() || p.status == "agreed"))
        plan = pid, plan_status = p.agreed_on && *p.agreed_on <= in.to ? "agreed" : "draft";
    rows.push_back({{"id", set->id},
                    {"title", set->title},
                    {"kind", set->kind_words()},
                    {"date", set->issued.iso()},
                    {"in_period", in.from <= set->issued},
                    {"recommendations", static_cast<long>(set->items.size())},
                    {"judgements", judgements},
                    {"plan", plan},
                    {"plan_status", plan_status}});
  }
  return {{"rows", rows}};
}

json inspections_view(const json& data, const ViewInput&) {
  json rows = json::array();
  for (const json& r : data.value("rows", json::array())) {
    std::string judgements;
    for (const json& j : r.value("judgements", json::array())) {
      std::string area = j.value("area", ""), level = j.value("level", "");
      for (std::string* t : {&area, &level})
        for (char& c : *t)
          if (c == '-' || c == '_') c = ' ';
      judgements += (judgements.empty() ? "" : "; ") + area + ": " + level;
    }
    const std::string plan = r.value("plan", "");
    rows.push_back({{"title", r.value("title", "")},
                    {"url", record_pages::record_url("recommendations", r.value("id", ""))},
                    {"kind", r.value("kind", "")},
                    {"date", r.value("date", "")},
                    {"date_human", human_date(r.value("date", json()))},
                    {"when", r.value("in_period", false) ? "in this period" : "before this period"},
                    {"items", std::to_string(r.value("recommendations", 0L))},
                    {"judgements", judgements.empty() ? "no judgements" : judgements},
                    {"has_plan", !plan.empty()},
                    {"plan_url", record_pages::record_url("plan", plan)},
                    {"plan_status", r.value("plan_status", "")}});
  }
  return {{"rows", rows}, {"has_rows", !rows.empty()}};
}

json background_data(const Input& in) {
  json rows = json::array();
  auto add = [&](const char* kind, const std::string& id, const std::string& title, const std::string& what) {
    rows.push_back({{"id", id}, {"kind", kind}, {"title", title}, {"what", what}});
  };
  for (const auto& [id, p] : in.records.plans) add("plan", id, p.title, "improvement plan");
  for (const auto& [id, s] : in.records.recommendations)
    if (s.issued <= in.to) add("recommendations", id, s.title, s.kind_words());
  for (const auto& [id, c] : in.records.scorecards) add("scorecard", id, c.title, "scorecard");
  for (const auto& [id, a] : in.records.audits)
    if (a.reported && in.from <= *a.reported && *a.reported <= in.to) add("audit", id, a.theme, "thematic audit");
  return {{"rows", rows}};
}

json background_view(const json& data, const ViewInput&) {
  json rows = json::array();
  for (const json& r : data.value("rows", json::array())) {
    rows.push_back({{"title", r.value("title", "")},
                    {"what", r.value("what", "")},
                    {"url", record_pages::record_url(r.value("kind", ""), r.value("id", ""))}});
  }
  return {{"rows", rows}, {"has_rows", !rows.empty()}};
}

}  // namespace qahub::report
