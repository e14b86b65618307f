// `qahub new action`: data/actions/a-NNN.json, the next free number, open as
// of the --as-of date, agreed from a record the site holds.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

#include "record_pages/kinds.h"
#include "scaffold/scaffold.h"

namespace qahub::scaffold {

namespace {

using ordered_json = nlohmann::ordered_json;

/// The next free "a-NNN" (three digits at least, one more than the highest).
std::string next_action_id(const std::vector<std::string>& taken) {
  long highest = 0;
  for (const std::string& id : taken)
    if (id.size() > 2 && id.compare(0, 2, "a-") == 0 &&
        std::all_of(id.begin() + 2, id.end(), [](char c) { return c >= '0' && c <= '9'; }))
      highest = std::max(highest, std::stol(id.substr(2)));
  char buf[32];
  std::snprintf(buf, sizeof buf, "a-%03ld", highest + 1);
  return buf;
}

std::vector<std::string> split_source(const std::string& s) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == '/')
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

}  // namespace

std::optional<Plan> plan_action(const std::filesystem::path& site_dir, const ActionOptions& o, base::Date as_of,
                                diag::Diagnostics& diags) {
  if (o.title.find_first_not_of(" \t") == std::string::npos) {
    diags.error({}, "the action needs a title, such as \"Add fathers' details to every assessment\"");
    return std::nullopt;
  }
  std::string source = o.source;
  if (source.empty()) {
    const std::vector<std::string> cycles = record_ids(site_dir, "cycle");
    if (cycles.empty()) {
      diags.error({},
                  "an action is agreed from a record; this site has no cycle, so name one with "
                  "--source TYPE/ID[/ITEM], such as audit/management-oversight-2026/r1");
      return std::nullopt;
    }
    source = "cycle/" + cycles.back();
  }
  const std::vector<std::string> parts = split_source(source);
  const record_pages::RecordKind* kind = record_pages::find_kind(parts[0]);
  const bool plan_source = parts[0] == "plan";  // an improvement plan is not a record
  if (parts.size() < 2 || parts.size() > 3 || parts[1].empty() || (parts.size() == 3 && parts[2].empty()) ||
      (!plan_source && (!kind || !kind->data.store.citable))) {
    diags.error({}, "--source \"" + source +
                        "\" must be TYPE/ID or TYPE/ID/ITEM, such as cycle/2026-27-cycle-1/kl1 "
                        "or audit/management-oversight-2026/r1");
    return std::nullopt;
  }
  if (!plan_source) {
    const std::vector<std::string> ids = record_ids(site_dir, parts[0]);
    if (std::find(ids.begin(), ids.end(), parts[1]) == ids.end()) {
      diags.error({}, "--source names " + parts[0] + " \"" + parts[1] + "\", which this site does not have" +
                          diag::did_you_mean(parts[1], ids));
      return std::nullopt;
    }
  }
  const std::string id = next_action_id(record_ids(site_dir, "action"));
  ordered_json j;
  j["$schema"] = schema_ref("action");
  j["id"] = id;
  j["title"] = o.title;
  j["source"] = {{"type", parts[0]}, {"id", parts[1]}};
  if (parts.size() == 3) j["source"]["item"] = parts[2];
  j["owner"] = o.owner.empty() ? "TODO: the role that owns this action" : o.owner;
  j["due"] = (o.due ? *o.due : as_of.plus_days(90)).iso();
  j["status"] = ordered_json::array({{{"date", as_of.iso()}, {"status", "open"}}});
  return Plan{{{record_file("action", id), j.dump(2) + "\n"}}};
}

}  // namespace qahub::scaffold
