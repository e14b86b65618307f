/// The self-evaluation's blocks (issue 37), each empty outside a
/// self-evaluation, so no other report keeps or shows them:
///
/// - `claims QUESTION`: "How we know", each claim of a question with the
///   evidence it cites by E-number;
/// - `evidence`: the numbered evidence index (printable, and evidence.csv);
/// - `under-development`: the cited items still under development, with why
///   and by when (read from the evidence block's data, so never twice);
/// - `weaknesses`: each weakness with the actions addressing it, as at the
///   period's end;
/// - `plans-due`: the actions planned within 12 months;
/// - `year-figures`: the year's figures against the year before.
#include <set>

#include "figures/catalogue.h"
#include "record_pages/kinds.h"
#include "records/evidence.h"
#include "records/rollup.h"
#include "records/scorecards.h"
#include "records/status.h"
#include "report/blocks.h"
#include "report/self_evaluation.h"

namespace qahub::report {

using nlohmann::json;

namespace {

/// false for "", so kainjow's sections stay shut.
json maybe(const std::string& s) { return s.empty() ? json(false) : json(s); }

/// "E3" for the evidence with number 3.
std::string e_id(long n) { return "E" + std::to_string(n); }

/// The year's figures compared, in order.
const std::vector<std::pair<std::string, std::string>> kYearRows = {
    {"audits_completed", "Audits completed"},
    {"audits_moderated", "Audits moderated"},
    {"good_or_better", "Graded good or better"},
    {"agreement", "Moderation agreed with the auditor's grade"},
};

/// The cycles overlapping from..to, in date order.
std::vector<const records::Cycle*> cycles_between(const Input& in, base::Date from, base::Date to) {
  std::vector<const records::Cycle*> out;
  for (const records::Cycle* c : in.relations.cycles_in_order)
    if (c->start() <= to && from <= c->end()) out.push_back(c);
  return out;
}

}  // namespace

json claims_data(const Input& in) {
  if (!in.self_evaluation) return json::object();
  const std::vector<std::string> order = in.self_evaluation->numbered();
  auto number = [&](const std::string& id) {
    return static_cast<long>(std::find(order.begin(), order.end(), id) - order.begin()) + 1;
  };
  json out = json::object();
  for (const std::string& q : question_keys()) {
    json rows = json::array();
    for (const SelfEvaluationClaim& c : in.self_evaluation->claims) {
      if (c.question != q) continue;
      json cites = json::array();
      for (const std::string& e : c.evidence) cites.push_back({{"id", e}, {"n", number(e)}});
      rows.push_back({{"id", c.id}, {"text", c.text}, {"evidence", cites}});
    }
    out[q] = {{"claims", rows}};
  }
  return out;
}

json claims_view(const json& data, const ViewInput&) {
  json rows = json::array();
  for (const json& c : data.value("claims", json::array())) {
    json cites = json::array();
    const json list = c.value("evidence", json::array());
    for (size_t i = 0; i < list.size(); ++i)
      cites.push_back({{"label", e_id(list[i].value("n", 0L))},
                       {"anchor", "evidence-" + list[i].value("id", "")},
                       {"last", i + 1 == list.size()}});
    rows.push_back({{"id", c.value("id", "")},
                    {"text", c.value("text", "")},
                    {"evidence", cites},
                    {"has_evidence", !cites.empty()}});
  }
  return {{"claims", rows}, {"has_claims", !rows.empty()}};
}

json evidence_data(const Input& in) {
  if (!in.self_evaluation) return json::object();
  const std::map<std::string, std::string>& page_urls = in.self_evaluation->page_urls;
  json rows = json::array();
  long n = 0;
  for (const std::string& id : in.self_evaluation->numbered()) {
    // An item a published version cited may since have gone (the comparison says so).
    auto found = in.records.evidence.find(id);
    if (found == in.records.evidence.end()) continue;
    const records::Evidence& e = found->second;
    std::string url;
    if (!e.record.empty()) url = record_pages::record_url(e.record_kind, e.record);
    if (auto it = page_urls.find(e.page); !e.page.empty() && it != page_urls.end()) url = it->second;
    json row = {{"n", ++n},         {"id", id},           {"title", e.title}, {"kind", e.kind},
                {"owner", e.owner}, {"status", e.status}, {"url", url},       {"external", e.external}};
    row["date"] = e.date ? e.date->iso() : "";
    if (e.status == "under-development") {
      row["note"] = e.note;
      row["due"] = e.due ? e.due->iso() : "";
    }
    if (!e.annex_a.empty()) row["annex_a"] = e.annex_a;
    rows.push_back(std::move(row));
  }
  return {{"rows", rows}, {"as_at", in.to.iso()}};
}

namespace {

/// An evidence row as the index and the under-development list show it.
json evidence_row_view(const json& r, const std::string& as_at) {
  const std::string due = r.value("due", "");
  return {{"label", e_id(r.value("n", 0L))},
          {"anchor", "evidence-" + r.value("id", "")},
          {"title", r.value("title", "")},
          {"url", maybe(r.value("url", ""))},
          {"external", maybe(r.value("external", ""))},
          {"kind", records::evidence_kind_words(r.value("kind", ""))},
          {"date", maybe(r.value("date", ""))},
          {"date_human", human_date(r.value("date", ""))},
          {"owner", r.value("owner", "")},
          {"status", records::evidence_status_words(r.value("status", ""))},
          {"note", maybe(r.value("note", ""))},
          {"due_human", human_date(due)},
          {"overdue", !due.empty() && due < as_at},
          {"annex_a", maybe(records::evidence_annex_a_words(r.value("annex_a", "")))}};
}

}  // namespace

json evidence_view(const json& data, const ViewInput&) {
  json rows = json::array();
  const std::string as_at = data.value("as_at", "");
  for (const json& r : data.value("rows", json::array())) rows.push_back(evidence_row_view(r, as_at));
  return {{"rows", rows}, {"has_rows", !rows.empty()}};
}

json under_development_data(const Input&) { return json::object(); }  // the evidence block's rows

json under_development_view(const json&, const ViewInput& in) {
  const json blocks = in.snapshot.value("blocks", json::object());
  json rows = json::array();
  if (blocks.contains("evidence")) {
    const json& data = blocks["evidence"];
    const std::string as_at = data.value("as_at", "");
    for (const json& r : data.value("rows", json::array()))
      if (r.value("status", "") == "under-development") rows.push_back(evidence_row_view(r, as_at));
  }
  return {{"rows", rows}, {"has_rows", !rows.empty()}};
}

json weaknesses_data(const Input& in) {
  if (!in.self_evaluation || in.self_evaluation->weaknesses.empty()) return json::object();
  json rows = json::array();
  for (const SelfEvaluationWeakness& w : in.self_evaluation->weaknesses) {
    json actions = json::array();
    for (const std::string& a : w.addressed_by)
      if (auto it = in.records.actions.find(a); it != in.records.actions.end())
        actions.push_back(action_row(it->second, in.to));
    rows.push_back({{"id", w.id}, {"text", w.text}, {"since", w.since ? w.since->iso() : ""}, {"actions", actions}});
  }
  return {{"rows", rows}};
}

json weaknesses_view(const json& data, const ViewInput&) {
  json rows = json::array();
  for (const json& w : data.value("rows", json::array())) {
    json actions = json::array();
    for (const json& a : w.value("actions", json::array())) actions.push_back(action_row_view(a));
    rows.push_back({{"id", w.value("id", "")},
                    {"text", w.value("text", "")},
                    {"since_human", maybe(human_date(w.value("since", "")))},
                    {"actions", actions},
                    {"has_actions", !actions.empty()}});
  }
  return {{"rows", rows}, {"has_rows", !rows.empty()}};
}

json plans_due_data(const Input& in) {
  if (!in.self_evaluation || in.self_evaluation->plans.empty()) return json::object();
  json rows = json::array();
  for (const std::string& a : in.self_evaluation->plans)
    if (auto it = in.records.actions.find(a); it != in.records.actions.end())
      rows.push_back(action_row(it->second, in.to));
  return {{"rows", rows}};
}

json plans_due_view(const json& data, const ViewInput&) {
  json rows = json::array();
  for (const json& a : data.value("rows", json::array())) rows.push_back(action_row_view(a));
  return {{"rows", rows}, {"has_rows", !rows.empty()}};
}

json year_figures_data(const Input& in) {
  if (!in.self_evaluation) return json::object();
  const base::Date last_from = base::add_years(in.from, -1), last_to = base::add_years(in.to, -1);
  const std::vector<const records::Cycle*> now_cycles = cycles_between(in, in.from, in.to);
  const std::vector<const records::Cycle*> then_cycles = cycles_between(in, last_from, last_to);
  const json now = figures::figure_catalogue(figures::period_total(now_cycles), nullptr, nullptr);
  const json then = figures::figure_catalogue(figures::period_total(then_cycles), nullptr, nullptr);
  json rows = json::array();
  for (const auto& [name, _] : kYearRows)
    rows.push_back({{"figure", name},
                    {"now", now_cycles.empty() ? json() : now.value(name, json())},
                    {"last_year", then_cycles.empty() ? json() : then.value(name, json())}});
  json cycles = json::array();
  for (const records::Cycle* c : now_cycles) cycles.push_back({{"id", c->id}, {"title", c->title()}});
  // Actions: agreed in the year, completed in it, and overdue at its end.
  long opened = 0, closed = 0, overdue = 0;
  json impact = json::array();
  for (const auto& [id, a] : in.records.actions) {
    if (!a.history.empty() && in.from <= a.history.front().date && a.history.front().date <= in.to) ++opened;
    const auto done = records::completed_on(a);
    if (done && in.from <= *done && *done <= in.to) ++closed;
    if (records::shown_status(a, in.to) == records::Status::kOverdue) ++overdue;
    for (const records::Impact& i : a.impact)
      if (in.from <= i.date && i.date <= in.to)
        impact.push_back({{"id", id + "@" + i.date.iso()}, {"action", id}, {"date", i.date.iso()}, {"text", i.text}});
  }
  // Recommendations: every item of every set, rolled up at the year's end.
  std::map<std::string, long> counts;
  for (records::Rollup r : records::kRollups) counts[records::rollup_key(r)] = 0;
  for (const auto& [set_id, set] : in.records.recommendations)
    for (const records::SetItem& item : set.items)
      ++counts[records::rollup_key(records::rollup(in.records, set_id + "/" + item.id, in.to))];
  const json rollups = counts;
  json out = {{"last_year", {{"from", last_from.iso()}, {"to", last_to.iso()}}},
              {"cycles", cycles},
              {"rows", rows},
              {"actions", {{"opened", opened}, {"closed", closed}, {"overdue", overdue}}},
              {"impact", impact},
              {"recommendations", rollups}};
  const std::string& card = in.self_evaluation->scorecard;
  if (auto it = in.records.scorecards.find(card); !card.empty() && it != in.records.scorecards.end()) {
    const records::ScorecardSummary s = records::summarise(records::resolve_scorecard(in.records, it->second, in.to));
    out["scorecard"] = {
        {"id", card},         {"title", it->second.title}, {"with_target", s.with_target}, {"met", s.met},
        {"within", s.within}, {"not_met", s.not_met},      {"not_rated", s.not_rated}};
  }
  return out;
}

json year_figures_view(const json& data, const ViewInput&) {
  json rows = json::array();
  const json list = data.value("rows", json::array());
  for (size_t i = 0; i < list.size() && i < kYearRows.size(); ++i) {
    const std::string& name = kYearRows[i].first;
    auto shown = [&](const json& v) { return v.is_null() ? std::string("–") : figures::format_figure(name, v); };
    rows.push_back({{"label", kYearRows[i].second},
                    {"now", shown(list[i].value("now", json()))},
                    {"last_year", shown(list[i].value("last_year", json()))}});
  }
  json cycles = json::array();
  const json list_c = data.value("cycles", json::array());
  for (size_t i = 0; i < list_c.size(); ++i)
    cycles.push_back({{"title", list_c[i].value("title", "")},
                      {"url", record_pages::record_url("cycle", list_c[i].value("id", ""))},
                      {"last", i + 1 == list_c.size()}});
  json impact = json::array();
  for (const json& i : data.value("impact", json::array()))
    impact.push_back({{"action", i.value("action", "")},
                      {"url", record_pages::record_url("action", i.value("action", ""))},
                      {"date", i.value("date", "")},
                      {"date_human", human_date(i.value("date", ""))},
                      {"text", i.value("text", "")}});
  std::string rollups;
  for (records::Rollup r : records::kRollups)
    rollups += (rollups.empty() ? "" : "; ") + records::rollup_label(r) + " " +
               std::to_string(data.value("recommendations", json::object()).value(records::rollup_key(r), 0L));
  const json actions = data.value("actions", json::object());
  json v = {{"last_year_from", human_date(data.value("last_year", json::object()).value("from", ""))},
            {"last_year_to", human_date(data.value("last_year", json::object()).value("to", ""))},
            {"rows", rows},
            {"cycles", cycles},
            {"has_cycles", !cycles.empty()},
            {"opened", actions.value("opened", 0L)},
            {"closed", actions.value("closed", 0L)},
            {"overdue", actions.value("overdue", 0L)},
            {"impact", impact},
            {"has_impact", !impact.empty()},
            {"rollups", rollups},
            {"scorecard", false}};
  if (data.contains("scorecard")) {
    const json& s = data["scorecard"];
    records::ScorecardSummary sum;
    sum.with_target = s.value("with_target", 0L);
    sum.met = s.value("met", 0L);
    sum.within = s.value("within", 0L);
    sum.not_met = s.value("not_met", 0L);
    sum.not_rated = s.value("not_rated", 0L);
    v["scorecard"] = {{"title", s.value("title", "")},
                      {"url", record_pages::record_url("scorecard", s.value("id", ""))},
                      {"sentence", records::summary_sentence(sum)}};
  }
  return v;
}

}  // namespace qahub::report
