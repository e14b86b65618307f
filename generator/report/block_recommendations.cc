/// `{{< recommendations SET >}}`: one row per item of a recommendation set,
/// with its timeframe, due date, the actions addressing it (with status) and
/// its roll-up, and each indicator measuring it with its latest value against
/// its target, as at the period's end. The data holds every set by id (a
/// snapshot keeps them all, so a report names any); the shortcode picks one.
#include "record_pages/kinds.h"
#include "record_pages/urls.h"
#include "records/rollup.h"
#include "records/scorecards.h"
#include "records/status.h"
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

namespace block_recommendations {

/// "Immediately", "Within P3M" is worded by the set's page; here the data keeps
/// the kind and period, and the view words them.
json timeframe_data(const records::Timeframe& t) {
  switch (t.kind) {
    case records::Timeframe::Kind::kImmediately:
      return "immediately";
    case records::Timeframe::Kind::kWithin:
      return {{"within", t.within}};
    case records::Timeframe::Kind::kBy:
      return {{"by", t.by.iso()}};
  }
  return "immediately";
}

std::string timeframe_words(const json& t) {
  if (t.is_object() && t.contains("within")) {
    const std::string p = t.value("within", "");
    static const char* const numbers[] = {"",      "one",   "two",  "three", "four",   "five",  "six",
                                          "seven", "eight", "nine", "ten",   "eleven", "twelve"};
    if (p.size() < 3) return "Within " + p;
    const long n = std::stol(p.substr(1, p.size() - 2));
    const char u = p.back();
    const std::string unit = u == 'D' ? "day" : u == 'W' ? "week" : u == 'M' ? "month" : "year";
    return "Within " + (n <= 12 ? std::string(numbers[n]) : std::to_string(n)) + " " + unit + (n == 1 ? "" : "s");
  }
  if (t.is_object() && t.contains("by")) return "By " + human_date(t["by"]);
  return "Immediately";
}

}  // namespace block_recommendations

json recommendations_data(const Input& in) {
  namespace br = block_recommendations;
  json sets = json::object();
  for (const auto& [id, s] : in.records.recommendations) {
    json items = json::array();
    for (const records::SetItem& item : s.items) {
      const std::string ref = id + "/" + item.id;
      json actions = json::array();
      for (const records::Action* a : records::addressing(in.records, ref))
        if (known_at(*a, in.to)) actions.push_back(action_row(*a, in.to));
      // A numeric target: each indicator measuring the item, its latest value
      // at the period's end against its target (records/scorecards.h).
      json measured = json::array();
      for (const auto& [iid, ind] : in.records.indicators) {
        if (ind.measures != ref) continue;
        const records::ScorecardRow row = records::resolve_row(in.records, ind, in.to);
        measured.push_back({{"id", iid},
                            {"title", ind.title},
                            {"period", row.latest ? row.latest->row.period : ""},
                            {"value", row.latest ? row.latest->value_text : "no value yet"},
                            {"target", row.latest && row.latest->target ? row.latest->target->text : ""},
                            {"rating", row.latest ? row.latest->rating_text : "Not rated: no value yet"}});
      }
      items.push_back({{"id", item.id},
                       {"text", item.text},
                       {"group", item.group},
                       {"timeframe", br::timeframe_data(item.timeframe)},
                       {"due", item.due.iso()},
                       {"status", records::rollup_key(records::rollup(in.records, ref, in.to))},
                       {"actions", actions},
                       {"indicators", measured}});
    }
    sets[id] = {{"title", s.title}, {"kind", s.kind_words()}, {"issued", s.issued.iso()}, {"items", items}};
  }
  return sets;
}

json recommendations_view(const json& data, const ViewInput&) {
  namespace br = block_recommendations;
  json rows = json::array();
  for (const json& item : data.value("items", json::array())) {
    json v = item;
    v["timeframe_words"] = br::timeframe_words(item.value("timeframe", json()));
    v["due_human"] =
        item.value("timeframe", json()) == "immediately" ? "Immediately" : human_date(item.value("due", json()));
    std::string label;
    for (records::Rollup r : records::kRollups)
      if (records::rollup_key(r) == item.value("status", "")) label = records::rollup_label(r);
    v["status_label"] = label;
    json actions = json::array();
    for (const json& a : item.value("actions", json::array())) actions.push_back(action_row_view(a));
    v["actions"] = actions;
    v["has_actions"] = !actions.empty();
    json measured = json::array();
    for (const json& m : item.value("indicators", json::array())) {
      json mv = m;
      mv["url"] = record_pages::record_url("indicator", m.value("id", ""));
      mv["has_period"] = !m.value("period", "").empty();
      mv["has_target"] = !m.value("target", "").empty();
      measured.push_back(mv);
    }
    v["indicators"] = measured;
    v["has_indicators"] = !measured.empty();
    rows.push_back(v);
  }
  return {{"title", data.value("title", "")},
          {"kind", data.value("kind", "")},
          {"issued_human", human_date(data.value("issued", json()))},
          {"rows", rows}};
}

}  // namespace qahub::report
