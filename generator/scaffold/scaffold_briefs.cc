// `qahub new brief` and `qahub new brief-use`: a draft learning brief with
// every section of the site's default format, and one team's use of a brief.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "base/text.h"
#include "briefs/formats.h"
#include "fs/files.h"
#include "record_pages/kinds.h"
#include "scaffold/scaffold.h"

namespace qahub::scaffold {
namespace {

using ordered_json = nlohmann::ordered_json;

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= s.size()) {
    size_t at = s.find(sep, start);
    if (at == std::string::npos) at = s.size();
    parts.push_back(s.substr(start, at - start));
    start = at + 1;
  }
  return parts;
}

/// The first key learning point of the newest cycle that has one, as
/// "cycle/ID/ITEM"; "" when no cycle can be read or none has any.
std::string newest_learning_point(const std::filesystem::path& site_dir) {
  const std::vector<std::string> ids = record_ids(site_dir, "cycle");
  for (auto id = ids.rbegin(); id != ids.rend(); ++id) {
    const auto text = fs::read_file(site_dir / record_file("cycle", *id));
    const nlohmann::json cycle = nlohmann::json::parse(text.value_or(""), nullptr, false);
    if (!cycle.is_object() || !cycle.contains("key_learning") || !cycle["key_learning"].is_array()) continue;
    for (const auto& point : cycle["key_learning"])
      if (point.is_object() && point.contains("id") && point["id"].is_string())
        return "cycle/" + *id + "/" + point["id"].get<std::string>();
  }
  return "";
}

std::string brief_text(const std::string& title, const std::vector<std::string>& source, const briefs::Format& format,
                       base::Date as_of) {
  std::string t = "---\ntitle: " + base::yaml_quote(title) +
                  "\ndescription: \"TODO: one sentence a practitioner reads in a list of briefs.\"\n"
                  "owner: \"TODO: the role that owns this brief, such as Practice Development Lead\"\nreview_by: " +
                  one_year_on(as_of).iso() +
                  "\ntags: []\n"
                  "# A draft until it has `published: YYYY-MM-DD` (on or before the build's --as-of date).\n"
                  "type: brief\nbrief:\n  source: {type: " +
                  source[0] + ", id: " + base::yaml_quote(source[1]) + ", item: " + base::yaml_quote(source[2]) +
                  "}\n  questions:\n"
                  "    - \"TODO: the first question the team discusses\"\n"
                  "    - \"TODO: the second question\"\n"
                  "    - \"TODO: the third question\"\n"
                  "  # true, with `anonymisation:` saying what was changed (names, ages, places, family make-up)\n"
                  "  based_on_case: false\n---\n";
  for (const std::string& section : format.sections) {
    if (base::slugify(section) == base::slugify(format.questions)) continue;  // from `questions` above
    t += "\n## " + section + "\n\nTODO: " + section + ", in a few sentences read aloud in under a minute.\n";
  }
  return t;
}

}  // namespace

std::optional<Plan> plan_brief(const std::filesystem::path& site_dir, const std::string& section_and_name,
                               const std::string& title, const std::string& source, base::Date as_of,
                               diag::Diagnostics& diags) {
  const std::string path =
      section_and_name.find('/') == std::string::npos ? "briefs/" + section_and_name : section_and_name;
  std::string from = source.empty() ? newest_learning_point(site_dir) : source;
  if (from.empty()) {
    diags.error({},
                "a brief is made from a cycle's key learning point, an audit's finding or a meeting's decision, "
                "and this site has no cycle with key learning; name one with --source TYPE/ID/ITEM");
    return std::nullopt;
  }
  const std::vector<std::string> parts = split(from, '/');
  std::vector<std::string> types;  // the kinds a brief may be made from
  for (const record_pages::RecordKind& k : record_pages::record_kinds())
    if (k.data.store.citable) types.emplace_back(k.data.name);
  if (parts.size() != 3 || std::find(types.begin(), types.end(), parts[0]) == types.end() || parts[1].empty() ||
      parts[2].empty()) {
    std::string list;
    for (size_t i = 0; i < types.size(); ++i) list += (i == 0 ? "" : i + 1 == types.size() ? " or " : ", ") + types[i];
    diags.error(
        {}, "--source \"" + from + "\" must be TYPE/ID/ITEM with TYPE " + list + ", such as cycle/2026-27-cycle-1/kl1");
    return std::nullopt;
  }
  std::optional<Plan> plan = plan_page(site_dir, path, title, as_of, diags);
  if (!plan) return std::nullopt;
  diag::Diagnostics format_errors;  // qahub check reports a bad format; a new brief uses the built-in one then
  const std::map<std::string, briefs::Format> formats = briefs::load_formats(site_dir, format_errors);
  const briefs::Format& format = formats.at(briefs::kDefaultFormat);
  NewFile& page = plan->files.back();
  const std::string name = split(path, '/').back();
  page.text = brief_text(title.empty() ? title_from_slug(name) : title, parts, format, as_of);
  return plan;
}

std::optional<Plan> plan_brief_use(const std::filesystem::path& site_dir, const std::string& brief,
                                   const std::string& team, base::Date as_of, diag::Diagnostics& diags) {
  std::vector<std::string> candidates = {brief};
  if (!base::starts_with(brief, "content/")) {
    candidates.push_back("content/" + brief + (base::ends_with(brief, ".md") ? "" : ".md"));
    if (brief.find('/') == std::string::npos)
      candidates.push_back("content/briefs/" + brief + (base::ends_with(brief, ".md") ? "" : ".md"));
  }
  std::string path;
  for (const std::string& c : candidates) {
    std::error_code ec;
    if (base::ends_with(c, ".md") && std::filesystem::is_regular_file(site_dir / c, ec)) {
      path = c;
      break;
    }
  }
  if (path.empty()) {
    diags.error({}, "no brief \"" + brief + "\"; name its content path, such as content/briefs/" +
                        split(brief, '/').back() + (base::ends_with(brief, ".md") ? "" : ".md"));
    return std::nullopt;
  }
  const std::string text = fs::read_file(site_dir / path).value_or("");
  const size_t end = text.find("\n---", 3);
  const std::string head = text.substr(0, end == std::string::npos ? 0 : end) + "\n";
  if (head.find("\ntype: brief\n") == std::string::npos) {
    diags.error({}, path + " is not a brief (its front matter has no \"type: brief\")");
    return std::nullopt;
  }
  const std::string who = base::trim(team);
  if (who.empty()) {
    diags.error({},
                "name the team that used the brief (a team or role, never a person), such as \"Child protection "
                "team, north\"");
    return std::nullopt;
  }
  std::string name = path.substr(path.rfind('/') + 1);
  name.resize(name.size() - 3);
  const std::vector<std::string> taken = record_ids(site_dir, "brief-use");
  const std::string prefix = as_of.iso() + "-" + name + "-";
  int n = 1;
  while (std::find(taken.begin(), taken.end(), prefix + std::to_string(n)) != taken.end()) ++n;
  const std::string id = prefix + std::to_string(n);
  ordered_json j;
  j["$schema"] = schema_ref("brief-use");
  j["id"] = id;
  j["brief"] = path;
  j["team"] = who;
  j["date"] = as_of.iso();
  j["agreed_change"] = "TODO: what the team agreed to do differently";
  return Plan{{{record_file("brief-use", id), j.dump(2) + "\n"}}};
}

}  // namespace qahub::scaffold
