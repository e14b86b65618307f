/// `breakdown`: the cycle's figures by service and area and its moderation,
/// as the cycle page shows them. The data keeps every count the view needs as
/// plain values; the view rebuilds the cycle's figures from them and hands
/// them to record_pages::breakdown_view, so small-number suppression is
/// applied when rendering, with today's `disclosure`, to a published
/// report's snapshot as much as to a draft.
#include "record_pages/breakdown.h"
#include "record_pages/urls.h"
#include "report/blocks.h"
#include "report/snapshot.h"

namespace qahub::report {

using nlohmann::json;

namespace {

json optional_count(const std::optional<long>& v) { return v ? json(*v) : json(); }

/// The services or areas the rows name, in the organisation's order, as {id, name}.
json units(const std::vector<records::BreakdownRow>& rows, const records::Organisation* org,
           std::string records::BreakdownRow::*key, bool services) {
  json out = json::array();
  auto used = [&](const std::string& id) {
    for (const records::BreakdownRow& r : rows)
      if (r.*key == id) return true;
    return false;
  };
  if (org)
    for (const records::OrgUnit& u : services ? org->services : org->areas)
      if (used(u.id)) out.push_back({{"id", u.id}, {"name", u.name}});
  return out;
}

long count(const json& o, const char* key) {
  const json& v = o.is_object() ? o.value(key, json()) : json();
  return v.is_number_integer() ? v.get<long>() : 0;
}

}  // namespace

json breakdown_data(const Input& in, const records::Cycle& c) {
  const records::Organisation* org = in.records.organisation ? &*in.records.organisation : nullptr;
  json rows = json::array();
  for (const records::BreakdownRow& r : c.breakdown) {
    json row = {{"id", r.service + "/" + r.area}, {"service", r.service},          {"area", r.area},
                {"expected", r.expected},         {"completed", r.completed},      {"moderated", r.moderated},
                {"agreed", r.moderation.agreed},  {"raised", r.moderation.raised}, {"lowered", r.moderation.lowered}};
    for (const records::GradeCount& g : r.grades.levels) row[g.level] = g.count;
    // Another scale than ofsted-4: the view needs only the good-or-better count.
    if (c.scale != records::kDefaultScale) row["good_or_better"] = r.grades.good_or_better();
    rows.push_back(row);
  }
  json d = {
      {"rows", rows},
      {"services", units(c.breakdown, org, &records::BreakdownRow::service, true)},
      {"areas", units(c.breakdown, org, &records::BreakdownRow::area, false)},
      // The catalogue's own counts, repeated so the view needs nothing else.
      {"moderation",
       {{"audits_completed", c.audits_completed},
        {"audits_moderated", c.audits_moderated},
        {"agreed", c.moderation.agreed},
        {"raised", c.moderation.raised},
        {"lowered", c.moderation.lowered}}},
      {"independent", optional_count(c.independent)},
      {"external", c.external ? json{{"audits", c.external->audits}, {"moderated", c.external->moderated}} : json()},
      {"escalations", c.escalations ? json{{"inadequate", c.escalations->inadequate},
                                           {"escalated", c.escalations->escalated},
                                           {"re_audited", c.escalations->re_audited}}
                                    : json()}};
  return d;
}

namespace {

records::Cycle breakdown_cycle(const json& data, const std::string& cycle_id) {
  records::Cycle c;
  c.id = cycle_id;
  const json& m = data.value("moderation", json::object());
  c.audits_completed = count(m, "audits_completed");
  c.audits_moderated = count(m, "audits_moderated");
  c.moderation = {count(m, "agreed"), count(m, "raised"), count(m, "lowered")};
  if (data.value("independent", json()).is_number_integer()) c.independent = data["independent"].get<long>();
  if (const json& e = data.value("external", json()); e.is_object())
    c.external = records::ExternalModeration{count(e, "audits"), count(e, "moderated")};
  if (const json& e = data.value("escalations", json()); e.is_object())
    c.escalations = records::Escalations{count(e, "inadequate"), count(e, "escalated"), count(e, "re_audited")};
  for (const json& r : data.value("rows", json::array())) {
    records::BreakdownRow row;
    row.service = r.value("service", "");
    row.area = r.value("area", "");
    row.expected = count(r, "expected");
    row.completed = count(r, "completed");
    row.moderated = count(r, "moderated");
    using records::Band;
    if (r.contains("good_or_better")) {
      const long good = count(r, "good_or_better");
      row.grades.levels = {{"good_or_better", Band::kGoodOrBetter, good},
                           {"below_good", Band::kBelowGood, row.completed - good}};
    } else {
      row.grades = records::ofsted_grades(count(r, "outstanding"), count(r, "good"), count(r, "requires_improvement"),
                                          count(r, "inadequate"));
    }
    row.moderation = {count(r, "agreed"), count(r, "raised"), count(r, "lowered")};
    c.breakdown.push_back(row);
  }
  return c;
}

records::Organisation breakdown_organisation(const json& data) {
  records::Organisation org;
  for (const json& u : data.value("services", json::array()))
    org.services.push_back({u.value("id", ""), u.value("name", "")});
  for (const json& u : data.value("areas", json::array()))
    org.areas.push_back({u.value("id", ""), u.value("name", "")});
  return org;
}

}  // namespace

json breakdown_view(const json& data, const ViewInput& in) {
  const std::string cycle_id = in.snapshot.value("cycle", "");
  static const figures::FigureOptions kDefaults;
  const figures::FigureOptions& options = in.figures ? *in.figures : kDefaults;
  json v;
  if (!data.contains("rows")) {
    // A snapshot written before reports kept the breakdown: nothing to show as sent.
    v["not_kept"] = true;
  } else {
    const records::Cycle c = breakdown_cycle(data, cycle_id);
    const records::Organisation org = breakdown_organisation(data);
    v = record_pages::breakdown_view(c, &org, options);
  }
  v["cycle_url"] = record_pages::urls::cycle(cycle_id);
  return v;
}

}  // namespace qahub::report

namespace qahub::report {

namespace {

constexpr const char* kRowPrefix = "breakdown/rows/";

const char* measure_words(const std::string& m) {
  static const std::pair<const char*, const char*> kWords[] = {
      {"expected", "audits expected"},
      {"completed", "audits completed"},
      {"moderated", "audits moderated"},
      {"outstanding", "audits graded outstanding"},
      {"good", "audits graded good"},
      {"requires_improvement", "audits graded requires improvement"},
      {"inadequate", "audits graded inadequate"},
      {"agreed", "moderator agreed the grade"},
      {"raised", "moderator raised the grade"},
      {"lowered", "moderator lowered the grade"},
  };
  for (const auto& [key, words] : kWords)
    if (m == key) return words;
  return nullptr;
}

std::string unit_name(const json& data, const char* list, const std::string& id) {
  for (const json& u : data.value(list, json::array()))
    if (u.value("id", "") == id) return u.value("name", id);
  return "";
}

/// Whether the view of `data` shows the row's audits completed as `value`:
/// its grid cell reads "… (<value> audits)", not "fewer than 5" or "–".
bool completed_shown(const json& data, const std::string& service, const std::string& area, const json& value,
                     const figures::FigureOptions& options, const std::string& cycle_id) {
  if (!data.contains("rows") || !value.is_number_integer()) return false;
  const records::Organisation org = breakdown_organisation(data);
  const json v = record_pages::breakdown_view(breakdown_cycle(data, cycle_id), &org, options);
  const std::string service_name = unit_name(data, "services", service), area_name = unit_name(data, "areas", area);
  const json& grid_areas = v.value("grid_areas", json::array());
  for (const json& row : v.value("grid", json::array())) {
    if (row.value("name", "") != (service_name.empty() ? service : service_name)) continue;
    const json& cells = row.value("cells", json::array());
    for (size_t i = 0; i < grid_areas.size() && i < cells.size(); ++i) {
      if (grid_areas[i].value("name", "") != (area_name.empty() ? area : area_name)) continue;
      const std::string text = cells[i].value("text", "");
      const std::string tail = "(" + std::to_string(value.get<long>()) + " audits)";
      return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
    }
  }
  return false;
}

}  // namespace

std::string breakdown_change_words(const std::string& name, const json& old_value, const json& new_value,
                                   const json& old_data, const json& new_data, const figures::FigureOptions& options,
                                   const std::string& cycle_id) {
  if (name.rfind(kRowPrefix, 0) != 0) return "";
  // "breakdown/rows/<service>/<area>/<measure>"
  const std::string rest = name.substr(std::string(kRowPrefix).size());
  const size_t a = rest.find('/'), m = a == std::string::npos ? a : rest.find('/', a + 1);
  if (m == std::string::npos) return "";
  const std::string service = rest.substr(0, a), area = rest.substr(a + 1, m - a - 1), measure = rest.substr(m + 1);
  auto named = [&](const char* list, const std::string& id) {
    std::string n = unit_name(old_data, list, id);
    if (n.empty()) n = unit_name(new_data, list, id);
    return n.empty() ? id : n;
  };
  const std::string row = named("services", service) + ", " + named("areas", area);
  if (measure == "id") return row + ": " + (old_value.is_null() ? "row added" : "row removed");
  const char* words = measure_words(measure);
  const std::string what = row + ": " + (words ? words : measure.c_str());
  // Only a row's audits completed is ever shown, and only where neither
  // side of the change is suppressed; any other value is named, not quoted.
  if (measure == "completed" && completed_shown(old_data, service, area, old_value, options, cycle_id) &&
      completed_shown(new_data, service, area, new_value, options, cycle_id))
    return what + " " + value_text(old_value) + " \xE2\x86\x92 " + value_text(new_value);
  return what + " changed (not quoted: small numbers are not shown)";
}

json breakdown_with_old_values(json data, const json& values) {
  json& rows = data["rows"];
  if (!rows.is_array()) return data;
  for (const json& v : values) {
    const std::string name = v.value("name", "");
    if (name.rfind(kRowPrefix, 0) != 0) continue;
    const size_t last = name.rfind('/');
    const std::string id = name.substr(std::string(kRowPrefix).size(), last - std::string(kRowPrefix).size());
    const std::string measure = name.substr(last + 1);
    for (json& r : rows)
      if (r.value("id", "") == id && v.contains("old") && !v["old"].is_null() && measure != "id") r[measure] = v["old"];
  }
  return data;
}

}  // namespace qahub::report
