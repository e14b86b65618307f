/// `{{< risks >}}`: the open risks at the period's end, highest score first,
/// each with its band and direction, and the changes in the period (risks
/// raised, scores that moved, risks closed). Placed only where a report names
/// it; a site with no risks keeps nothing (records/risks.h has the rules).
#include <algorithm>

#include "record_pages/kinds.h"
#include "records/risks.h"
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

json risks_data(const Input& in) {
  if (in.records.risks.empty()) return json::object();
  const config::RiskMatrix& m = in.records.risk_matrix;
  json open = json::array(), changes = json::array();
  for (const auto& [id, k] : in.records.risks) {
    const records::RiskState s = records::risk_state(k, m, in.to);
    if (s.open)
      open.push_back({{"id", id},
                      {"title", k.title},
                      {"owner", k.owner},
                      {"likelihood", s.current->likelihood},
                      {"impact", s.current->impact},
                      {"score", s.score},
                      {"band", s.band_name},
                      {"top_band", s.top_band},
                      {"previous_score", s.previous_score ? json(*s.previous_score) : json()},
                      {"direction", records::risk_direction_key(s.direction)},
                      {"review_by", k.review_by.iso()},
                      {"overdue", s.overdue_review}});
    const records::RiskAssessment* before = nullptr;
    for (const records::RiskAssessment& a : k.history) {
      if (in.to < a.date) break;
      if (!(a.date < in.from) && (!before || before->score() != a.score()))
        changes.push_back({{"id", id},
                           {"title", k.title},
                           {"date", a.date.iso()},
                           {"change", before ? "rescored" : "raised"},
                           {"from", before ? json(before->score()) : json()},
                           {"to", a.score()},
                           {"band", m.band_name(a.score())},
                           {"note", a.note}});
      before = &a;
    }
    if (k.closed && !(*k.closed < in.from) && !(in.to < *k.closed))
      changes.push_back({{"id", id},
                         {"title", k.title},
                         {"date", k.closed->iso()},
                         {"change", "closed"},
                         {"from", before ? json(before->score()) : json()},
                         {"to", json()},
                         {"band", ""},
                         {"note", ""}});
  }
  std::stable_sort(open.begin(), open.end(),
                   [](const json& a, const json& b) { return a.value("score", 0L) > b.value("score", 0L); });
  std::stable_sort(changes.begin(), changes.end(),
                   [](const json& a, const json& b) { return a.value("date", "") < b.value("date", ""); });
  return {{"open", open}, {"changes", changes}};
}

json risks_view(const json& data, const ViewInput&) {
  auto score_text = [](const json& v) { return v.is_number() ? std::to_string(v.get<long>()) : std::string(); };
  json open = json::array();
  for (const json& r : data.value("open", json::array())) {
    const std::string dir = r.value("direction", "new");
    const std::string now = score_text(r.value("score", json())), was = score_text(r.value("previous_score", json()));
    std::string direction = dir == "rising"      ? "Rising (" + was + " to " + now + ")"
                            : dir == "falling"   ? "Falling (" + was + " to " + now + ")"
                            : dir == "unchanged" ? "No change (" + now + ")"
                                                 : "New";
    open.push_back(
        {{"title", r.value("title", "")},
         {"url", record_pages::record_url("risk", r.value("id", ""))},
         {"owner", r.value("owner", "")},
         {"score", now + ", " + r.value("band", "") + " (likelihood " + score_text(r.value("likelihood", json())) +
                       " × impact " + score_text(r.value("impact", json())) + ")"},
         {"direction", direction},
         {"review_by", human_date(r.value("review_by", json()))},
         {"review_iso", r.value("review_by", "")},
         {"overdue", r.value("overdue", false)}});
  }
  json changes = json::array();
  for (const json& c : data.value("changes", json::array())) {
    const std::string kind = c.value("change", "");
    std::string what = kind == "raised" ? "raised at " + score_text(c.value("to", json())) + ", " + c.value("band", "")
                       : kind == "closed" ? "closed"
                                          : "rescored from " + score_text(c.value("from", json())) + " to " +
                                                score_text(c.value("to", json())) + ", " + c.value("band", "");
    changes.push_back({{"title", c.value("title", "")},
                       {"url", record_pages::record_url("risk", c.value("id", ""))},
                       {"date", c.value("date", "")},
                       {"date_human", human_date(c.value("date", json()))},
                       {"what", what},
                       {"note", c.value("note", "")},
                       {"has_note", !c.value("note", "").empty()}});
  }
  return {{"open", open}, {"has_open", !open.empty()}, {"changes", changes}, {"has_changes", !changes.empty()}};
}

}  // namespace qahub::report
