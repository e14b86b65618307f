// `qahub new cycle|audit|meeting`: JSON records in the shapes of
// data/schemas/*.schema.json, with keys in the order the existing records use.
#include <nlohmann/json.hpp>

#include <sstream>

#include "scaffold/scaffold.h"

#include "fs/files.h"

namespace qahub::scaffold {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string to_text(const ordered_json& j) { return j.dump(2) + "\n"; }

std::string last_day_of_month(int year, int month) {
  for (int day = 31; day >= 28; --day) {
    base::Date d{year, month, day};
    if (base::Date::parse(d.iso())) return d.iso();
  }
  return {};
}

ordered_json month_span(int year, int month) {
  return {{"start", base::Date{year, month, 1}.iso()}, {"end", last_day_of_month(year, month)}};
}

/// "2026-27-cycle-2" → {2026, 2}; nullopt for other shapes.
std::optional<std::pair<int, int>> parse_cycle_id(const std::string& id) {
  int year = 0, yy = 0, n = 0;
  char rest = 0;
  if (std::sscanf(id.c_str(), "%4d-%2d-cycle-%1d%c", &year, &yy, &n, &rest) != 3) return std::nullopt;
  if (n < 1 || n > 3) return std::nullopt;
  return std::make_pair(year, n);
}

std::string make_cycle_id(int year, int n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-cycle-%d", year, (year + 1) % 100, n);
  return buf;
}

}  // namespace

std::string cycle_id_for(base::Date d) {
  const int year = d.month >= 4 ? d.year : d.year - 1;  // the year runs April to March
  const int n = (d.month >= 4 && d.month <= 7) ? 1 : (d.month >= 8 && d.month <= 11) ? 2 : 3;
  return make_cycle_id(year, n);
}

std::string next_cycle_id(const std::string& id) {
  auto c = parse_cycle_id(id);
  if (!c) return {};
  return c->second == 3 ? make_cycle_id(c->first + 1, 1) : make_cycle_id(c->first, c->second + 1);
}

std::optional<Plan> plan_cycle(const std::filesystem::path& site_dir, base::Date as_of, diag::Diagnostics&,
                               bool example) {
  const std::vector<std::string> taken = record_ids(site_dir, "cycle");
  std::string id = cycle_id_for(as_of);
  while (std::find(taken.begin(), taken.end(), id) != taken.end()) id = next_cycle_id(id);
  const auto [year, n] = *parse_cycle_id(id);
  // Cycle 1 starts in April, 2 in August, 3 in December; four months each.
  ordered_json months = ordered_json::object();
  const char* keys[] = {"practitioner_audits", "appreciative_inquiry", "peer_audits", "triad_audits"};
  for (int i = 0; i < 4; ++i) {
    int m = 4 + 4 * (n - 1) + i;
    months[keys[i]] = month_span(m > 12 ? year + 1 : year, m > 12 ? m - 12 : m);
  }
  ordered_json j;
  j["$schema"] = schema_ref("cycle");
  j["id"] = id;
  j["year"] = id.substr(0, 7);
  j["number"] = n;
  j["months"] = months;
  j["figures"] = {{"audits_completed", 0},
                  {"audits_moderated", 0},
                  {"grades", {{"outstanding", 0}, {"good", 0}, {"requires_improvement", 0}, {"inadequate", 0}}},
                  {"moderation", {{"agreed", 0}, {"raised", 0}, {"lowered", 0}}}};
  j["key_learning"] = ordered_json::array(
      {{{"id", "kl1"},
        {"text", example ? "Plans written with the family say more clearly who does what, and by when."
                         : "TODO: a key learning point from this cycle's audits"}}});
  // The cycle's report, a draft until `qahub publish`: no `published` line,
  // and no blocks placed, so it shows every block in the default order.
  const std::string report = "content/learning/" + id + ".md";
  j["report"] = report;
  const std::string title = "Learning and Improvement report: cycle " + std::to_string(n) + ", " + id.substr(0, 7);
  // No shortcode is live in prose: a block must be alone on its line, so
  // the example stays in a code span.
  const std::string page =
      "---\ntitle: \"" + title + "\"\ndescription: \"" +
      (example ? "What this cycle's audits told us, and what we are doing about it."
               : "TODO: one sentence on what this cycle's audits told us") +
      "\"\ntags: [learning, audit]\nowner: \"" +
      (example ? "Practice Development Team" : "TODO: the role that owns the report") + "\"\n---\n\n" +
      (example ? "This report tells senior leaders and practitioners what the cycle's audits found and what is "
                 "changing as a result."
               : "TODO: the narrative.") +
      " The figures, grades, learning, actions and their progress come from the records: place a block on a line "
      "of its own, such as `{{< figures >}}`, or leave them all in their default order.\n";
  return Plan{{{record_file("cycle", id), to_text(j)}, {report, page}}};
}

std::optional<Plan> plan_audit(const std::filesystem::path& site_dir, const std::string& theme, base::Date as_of,
                               diag::Diagnostics& diags) {
  const std::string slug = record_slug(theme);
  if (slug.empty()) {
    diags.error({}, "the audit needs a theme, such as \"Return home interviews\"");
    return std::nullopt;
  }
  const std::string id = first_free_id(slug + "-" + std::to_string(as_of.year), record_ids(site_dir, "audit"));
  ordered_json j;
  j["$schema"] = schema_ref("audit");
  j["id"] = id;
  j["theme"] = theme;
  j["scope"] = "TODO: which children, teams and records the audit looks at";
  j["sample"] = {{"size", 1}, {"description", "TODO: how many cases, and how they were chosen (set size to match)"}};
  j["dates"] = {{"start", as_of.iso()}, {"end", as_of.plus_days(27).iso()}};
  j["findings"] = {{"strengths", ordered_json::array({{{"id", "s1"}, {"text", "TODO: a strength the audit found"}}})},
                   {"areas_for_development",
                    ordered_json::array({{{"id", "d1"}, {"text", "TODO: an area for development the audit found"}}})}};
  j["recommendations"] = ordered_json::array(
      {{{"id", "r1"}, {"text", "TODO: what should change, and who should change it"}, {"addresses", {"d1"}}}});
  return Plan{{{record_file("audit", id), to_text(j)}}};
}

std::optional<Plan> plan_meeting(const std::filesystem::path& site_dir, const std::string& forum_id, base::Date as_of,
                                 diag::Diagnostics& diags) {
  const std::vector<std::string> forums = record_ids(site_dir, "forum");
  if (std::find(forums.begin(), forums.end(), forum_id) == forums.end()) {
    diags.error({}, "unknown forum \"" + forum_id + "\"" + diag::did_you_mean(forum_id, forums) +
                        " (forums are the files in data/forums/)");
    return std::nullopt;
  }
  const std::string forum_path = record_file("forum", forum_id);
  ordered_json forum;
  try {
    forum = ordered_json::parse(fs::read_file(site_dir / forum_path).value_or(""));
  } catch (const nlohmann::json::exception&) {
    diags.error({forum_path}, "cannot read the forum record; run qahub check for details");
    return std::nullopt;
  }
  // Start from the forum's standing membership; the author strikes out apologies.
  std::vector<std::string> attendees;
  if (forum.contains("chair") && forum["chair"].is_string())
    attendees.push_back(forum["chair"].get<std::string>() + " (chair)");
  if (forum.contains("membership") && forum["membership"].is_array())
    for (const auto& m : forum["membership"])
      if (m.is_string()) attendees.push_back(m.get<std::string>());
  return meeting_plan(forum_id, std::move(attendees), as_of);
}

Plan meeting_plan(const std::string& forum_id, std::vector<std::string> attendees, base::Date as_of, bool example) {
  if (attendees.empty()) attendees.push_back("TODO: the roles that attended");
  const std::string id = as_of.iso() + "-" + forum_id;
  ordered_json j;
  j["$schema"] = schema_ref("meeting");
  j["id"] = id;
  j["forum"] = forum_id;
  j["date"] = as_of.iso();
  j["attendees"] = attendees;
  j["apologies"] = ordered_json::array();
  const std::string item = example ? "Learning from this cycle's audits" : "TODO: an agenda item";
  j["agenda"] = ordered_json::array(
      {{{"item", "Welcome, apologies and actions from the last meeting"}, {"lead", "Chair"}},
       {{"item", item}, {"lead", example ? "Practice Development Lead" : "TODO: the role leading this item"}}});
  j["minutes"] = id + ".md";
  const std::string minutes =
      example ? "## Welcome, apologies and actions from the last meeting\n\nThis was the forum's first meeting, so "
                "there were no actions to review.\n\n## " +
                    item +
                    "\n\nThe Practice Development Lead shared the themes emerging from this cycle's audits. The "
                    "forum agreed to look again at how plans are written with families at its next meeting.\n"
              : "## Welcome, apologies and actions from the last meeting\n\nTODO: who sent apologies, and progress on "
                "the actions from the last meeting.\n\n## " +
                    item + "\n\nTODO: what was discussed and agreed. Use roles, never names.\n";
  return Plan{{{record_file("meeting", id), to_text(j)}, {record_file("meeting", id, ".md"), minutes}}};
}

}  // namespace qahub::scaffold
