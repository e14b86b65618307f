// `qahub new recommendations KIND "Title"`, `qahub new plan "Title"` and
// `qahub import plan FILE.csv`: the improvement programme's records, in the
// shapes of data/schemas/{recommendations,plan,action}.schema.json.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "content/attachments.h"
#include "fs/files.h"
#include "scaffold/scaffold.h"

namespace qahub::scaffold {
namespace scaffold_plans {

using ordered_json = nlohmann::ordered_json;

std::string to_text(const ordered_json& j) { return j.dump(2) + "\n"; }

/// The recommendation set kinds (recommendations.schema.json "kind").
const std::vector<std::string>& set_kinds() {
  static const std::vector<std::string> kinds = {
      "inspection",  "improvement-notice", "focused-visit",    "monitoring-visit", "jtai",
      "case-review", "peer-review",        "assurance-review", "internal-audit"};
  return kinds;
}

/// Reviews record findings (strengths, areas for development), not recommendations.
bool is_review(const std::string& kind) { return kind == "peer-review" || kind == "assurance-review"; }

std::vector<std::string> split_codes(const std::string& cell) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : cell + " ") {
    if (c == ' ' || c == ';' || c == ',' || c == '\n' || c == '\r' || c == '\t') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

/// "record-id/item-id", the shape an action's `addresses` takes.
bool is_ref(const std::string& s) {
  const size_t slash = s.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == s.size()) return false;
  if (!is_slug(s.substr(0, slash))) return false;
  for (char c : s.substr(slash + 1))
    if (!(std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'z') || c == '-' || c == '.')) return false;
  return true;
}

}  // namespace scaffold_plans

std::optional<Plan> plan_recommendation_set(const std::filesystem::path& site_dir, const std::string& kind,
                                            const std::string& title, base::Date as_of, diag::Diagnostics& diags) {
  namespace sp = scaffold_plans;
  const std::vector<std::string>& kinds = sp::set_kinds();
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
    std::string list;
    for (const std::string& k : kinds) list += (list.empty() ? "" : ", ") + k;
    diags.error({}, "unknown kind of recommendations \"" + kind + "\"" + diag::did_you_mean(kind, kinds) + " (one of " +
                        list + ")");
    return std::nullopt;
  }
  const std::string slug = record_slug(title);
  const std::string id = first_free_id((slug.empty() ? kind : slug) + "-" + std::to_string(as_of.year),
                                       record_ids(site_dir, "recommendations"));
  sp::ordered_json j;
  j["$schema"] = schema_ref("recommendations");
  j["id"] = id;
  j["title"] = title.empty() ? "TODO: the report's title" : title;
  j["kind"] = kind;
  j["issued"] = as_of.iso();
  j["owner"] = "TODO: the role that owns the response";
  if (sp::is_review(kind)) {
    j["strengths"] = sp::ordered_json::array({{{"id", "s1"}, {"text", "TODO: a strength the review found"}}});
    j["areas_for_development"] =
        sp::ordered_json::array({{{"id", "d1"}, {"text", "TODO: an area for development the review found"}}});
    return Plan{{{record_file("recommendations", id), sp::to_text(j)}}};
  }
  if (kind == "inspection" || kind == "focused-visit" || kind == "jtai")
    j["statement"] = {{"within_working_days", 70}};  // s137: a written statement of action
  j["items"] = sp::ordered_json::array(
      {{{"id", "r1"}, {"text", "TODO: the first recommendation, as the report words it"}, {"timeframe", "immediately"}},
       {{"id", "r2"},
        {"text", "TODO: a recommendation to be met within three months"},
        {"timeframe", {{"within", "P3M"}}}}});
  return Plan{{{record_file("recommendations", id), sp::to_text(j)}}};
}

std::optional<Plan> plan_improvement_plan(const std::filesystem::path& site_dir, const std::string& title,
                                          base::Date as_of, diag::Diagnostics& diags) {
  namespace sp = scaffold_plans;
  const std::string slug = record_slug(title);
  if (slug.empty()) {
    diags.error({}, "the plan needs a title, such as \"Improvement plan 2026 to 2027\"");
    return std::nullopt;
  }
  const std::string id = first_free_id(slug, record_ids(site_dir, "plan"));
  sp::ordered_json j;
  j["$schema"] = schema_ref("plan");
  j["id"] = id;
  j["title"] = title;
  j["period"] = {{"start", as_of.iso()}, {"end", one_year_on(as_of).plus_days(-1).iso()}};
  j["status"] = "draft";
  // Every recommendation set the site holds: the author removes those it does not answer.
  const std::vector<std::string> sets = record_ids(site_dir, "recommendations");
  if (!sets.empty()) j["responds_to"] = sets;
  j["priorities"] = sp::ordered_json::array(
      {{{"id", "1"},
        {"title", "TODO: the first priority"},
        {"lead", "TODO: the role that leads it"},
        {"outcomes", sp::ordered_json::array({{{"id", "1.1"}, {"text", "TODO: what will be different"}}})}}});
  return Plan{{{record_file("plan", id), sp::to_text(j)}}};
}

std::optional<Plan> plan_import(const std::filesystem::path& site_dir, const std::string& csv_name,
                                const std::string& csv_text, const std::string& plan_id, base::Date as_of,
                                diag::Diagnostics& diags) {
  namespace sp = scaffold_plans;
  // The plan: the one named, else the site's only one.
  const std::vector<std::string> plans = record_ids(site_dir, "plan");
  std::string id = plan_id;
  if (id.empty() && plans.size() == 1) id = plans.front();
  if (id.empty()) {
    diags.error({}, plans.empty() ? "the site has no plan in data/plans/; create one with qahub new plan \"Title\""
                                  : "the site has " + std::to_string(plans.size()) + " plans; name one with --plan");
    return std::nullopt;
  }
  if (std::find(plans.begin(), plans.end(), id) == plans.end()) {
    diags.error(
        {}, "unknown plan \"" + id + "\"" + diag::did_you_mean(id, plans) + " (plans are the files in data/plans/)");
    return std::nullopt;
  }
  std::vector<std::string> outcomes;
  try {
    const sp::ordered_json plan =
        sp::ordered_json::parse(fs::read_file(site_dir / record_file("plan", id)).value_or(""));
    for (const auto& pr : plan.at("priorities"))
      for (const auto& o : pr.at("outcomes")) outcomes.push_back(o.at("id").get<std::string>());
  } catch (const nlohmann::json::exception&) {
    diags.error({record_file("plan", id)}, "cannot read the plan; run qahub check for details");
    return std::nullopt;
  }
  // The refs its actions already have: an import never adds a second action with one.
  std::map<std::string, std::string> taken_refs;
  const std::vector<std::string> action_ids = record_ids(site_dir, "action");
  for (const std::string& a : action_ids) {
    try {
      const sp::ordered_json j =
          sp::ordered_json::parse(fs::read_file(site_dir / record_file("action", a)).value_or(""));
      if (j.value("ref", "") != "" && j.contains("source") && j["source"].value("id", "") == id)
        taken_refs[j["ref"].get<std::string>()] = record_file("action", a);
    } catch (const nlohmann::json::exception&) {
    }
  }
  const auto rows = content::parse_csv(csv_text);
  if (rows.empty()) {
    diags.error({csv_name},
                "the file is empty; its first row names the columns ref, action, outcome, owner, due, addresses");
    return std::nullopt;
  }
  // Columns by header name, in any order.
  const std::vector<std::string> wanted = {"ref", "action", "outcome", "owner", "due", "addresses"};
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < rows[0].size(); ++i) {
    std::string h;
    for (char c : rows[0][i].text) h += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (h.rfind("\xEF\xBB\xBF", 0) == 0) h = h.substr(3);  // Excel's byte order mark
    if (h == "owner role") h = "owner";
    if (std::find(wanted.begin(), wanted.end(), h) == wanted.end()) {
      diags.error({csv_name, rows[0][i].line, rows[0][i].col},
                  "unknown column \"" + rows[0][i].text + "\"" + diag::did_you_mean(h, wanted));
      continue;
    }
    col[h] = i;
  }
  for (const std::string& w : wanted)
    if (!col.count(w)) diags.error({csv_name, 1, 1}, "no column \"" + w + "\"");
  if (diags.has_errors()) return std::nullopt;
  // The next free a-NNN numbers.
  long next = 1;
  for (const std::string& a : action_ids)
    if (a.rfind("a-", 0) == 0 && a.size() > 2 && std::all_of(a.begin() + 2, a.end(), ::isdigit))
      next = std::max(next, std::stol(a.substr(2)) + 1);
  Plan out;
  std::set<std::string> seen_refs;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (std::all_of(row.begin(), row.end(), [](const content::CsvCell& c) { return c.text.empty(); })) continue;
    auto cell = [&](const std::string& name) -> content::CsvCell {
      const size_t i = col[name];
      if (i < row.size()) return row[i];
      return {"", row.empty() ? 1 : row.back().line, row.empty() ? 1 : row.back().col};
    };
    auto at = [&](const content::CsvCell& c) { return diag::Position{csv_name, c.line, c.col}; };
    const size_t before = diags.error_count();
    const content::CsvCell ref = cell("ref"), title = cell("action"), outcome = cell("outcome"), owner = cell("owner"),
                           due = cell("due"), addresses = cell("addresses");
    if (!ref.text.empty() && taken_refs.count(ref.text))
      diags.error(at(ref), "plan \"" + id + "\" already has an action " + ref.text + " (" + taken_refs[ref.text] +
                               "); import never overwrites");
    else if (!ref.text.empty() && !seen_refs.insert(ref.text).second)
      diags.error(at(ref), "ref " + ref.text + " is in the file twice");
    if (title.text.empty()) diags.error(at(title), "the action is empty");
    if (std::find(outcomes.begin(), outcomes.end(), outcome.text) == outcomes.end())
      diags.error(at(outcome), "plan \"" + id + "\" has no outcome \"" + outcome.text + "\"" +
                                   diag::did_you_mean(outcome.text, outcomes));
    if (owner.text.empty()) diags.error(at(owner), "the owner role is empty");
    const auto due_date = base::Date::parse(due.text);
    if (!due_date) diags.error(at(due), "due must be a date YYYY-MM-DD, not \"" + due.text + "\"");
    const std::vector<std::string> codes = sp::split_codes(addresses.text);
    for (const std::string& c : codes)
      if (!sp::is_ref(c)) diags.error(at(addresses), "\"" + c + "\" is not record-id/item-id (such as ofsted-2026/o3)");
    if (diags.error_count() != before) continue;
    char name[16];
    std::snprintf(name, sizeof name, "a-%03ld", next++);
    sp::ordered_json j;
    j["$schema"] = schema_ref("action");
    j["id"] = name;
    j["title"] = title.text;
    if (!ref.text.empty()) j["ref"] = ref.text;
    j["source"] = {{"type", "plan"}, {"id", id}, {"item", outcome.text}};
    if (!codes.empty()) j["addresses"] = codes;
    j["owner"] = owner.text;
    j["due"] = due_date->iso();
    j["status"] = sp::ordered_json::array({{{"date", as_of.iso()}, {"status", "open"}}});
    out.files.push_back({record_file("action", name), sp::to_text(j)});
  }
  if (diags.has_errors()) return std::nullopt;
  if (out.files.empty()) {
    diags.error({csv_name}, "no actions in the file: it has only its header row");
    return std::nullopt;
  }
  return out;
}

}  // namespace qahub::scaffold
