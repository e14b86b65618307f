/// `{{< plan-progress PLAN >}}`: a plan's actions by priority, counted as
/// complete, on track, overdue, rescheduled or not started at the period's
/// end (records/rollup.h), with the actions completed in the period and the
/// impact recorded in it, quoted and dated. The data holds every plan by id;
/// the shortcode picks one.
#include "records/rollup.h"
#include "records/status.h"
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

json plan_progress_data(const Input& in) {
  json plans = json::object();
  for (const auto& [id, p] : in.records.plans) {
    const std::vector<const records::Action*> actions = records::plan_actions(in.records, id);
    json priorities = json::array(), completed = json::array(), impact = json::array();
    for (const records::Priority& pr : p.priorities) {
      std::map<std::string, long> counts;
      for (records::Progress g : records::kProgresses) counts[records::progress_key(g)] = 0;
      for (const records::Action* a : actions) {
        if (!known_at(*a, in.to)) continue;
        bool here = false;
        for (const records::Outcome& o : pr.outcomes) here = here || a->source_item == o.id;
        if (here) ++counts[records::progress_key(records::progress(*a, in.to))];
      }
      json row = {{"id", pr.id}, {"title", pr.title}};
      for (const auto& [k, n] : counts) row[k] = n;
      priorities.push_back(row);
    }
    for (const records::Action* a : actions) {
      const auto done = records::completed_on(*a);
      if (done && in.from <= *done && *done <= in.to) {
        json row = action_row(*a, in.to);
        row["closed"] = done->iso();
        completed.push_back(row);
      }
      for (const records::Impact& i : a->impact)
        if (in.from <= i.date && i.date <= in.to)
          impact.push_back({{"id", a->id}, {"title", a->title}, {"date", i.date.iso()}, {"text", i.text}});
    }
    plans[id] = {{"title", p.title}, {"priorities", priorities}, {"completed", completed}, {"impact", impact}};
  }
  return plans;
}

json plan_progress_view(const json& data, const ViewInput&) {
  json priorities = json::array();
  for (const json& pr : data.value("priorities", json::array())) {
    json counts = json::array();
    long total = 0;
    for (records::Progress g : records::kProgresses) {
      const long n = pr.value(records::progress_key(g), 0L);
      total += n;
      counts.push_back({{"count", std::to_string(n)}});
    }
    priorities.push_back({{"title", "Priority " + pr.value("id", "") + ": " + pr.value("title", "")},
                          {"counts", counts},
                          {"total", std::to_string(total)}});
  }
  json headings = json::array();
  for (records::Progress g : records::kProgresses) headings.push_back({{"progress", records::progress_label(g)}});
  json completed = json::array();
  for (const json& r : data.value("completed", json::array())) {
    json v = action_row_view(r);
    v["closed_human"] = human_date(r.value("closed", json()));
    completed.push_back(v);
  }
  json impact = json::array();
  for (const json& i : data.value("impact", json::array())) {
    json v = i;
    v["url"] = action_row_view(i)["url"];
    v["date_human"] = human_date(i.value("date", json()));
    impact.push_back(v);
  }
  return {{"title", data.value("title", "")},
          {"headings", headings},
          {"priorities", priorities},
          {"completed", completed},
          {"has_completed", !completed.empty()},
          {"impact", impact},
          {"has_impact", !impact.empty()}};
}

}  // namespace qahub::report
