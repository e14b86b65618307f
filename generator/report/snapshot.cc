#include "report/snapshot.h"

#include <functional>

#include <map>
#include <set>

#include "figures/catalogue.h"

namespace qahub::report {

using figures::figure_format;
using figures::figure_names;
using figures::FigureFormat;
using nlohmann::json;

json compute(const Input& in) {
  json blocks = json::object();
  for (const BlockKind& k : cycle_blocks()) blocks[k.name] = block_data(k, in);
  return {{"figures", cycle_catalogue(in, *in.cycles.back())}, {"blocks", blocks}};
}

json make_snapshot(const Input& in, const std::string& report, base::Date published) {
  json snap = compute(in);
  snap["$schema"] = "../schemas/publication.schema.json";
  snap["cycle"] = in.cycles.back()->id;
  snap["report"] = report;
  snap["published"] = published.iso();
  snap["period"] = {{"from", in.from.iso()}, {"to", in.to.iso()}};
  snap["corrections"] = json::array();
  return snap;
}

std::string snapshot_text(const json& snapshot) { return snapshot.dump(2) + "\n"; }

std::string value_text(const json& v) {
  if (v.is_null()) return "nothing";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

std::string cycle_pointer(const std::string& f) {
  static const std::map<std::string, std::string> kPointers = {
      {"audits_completed", "/figures/audits_completed"},
      {"audits_moderated", "/figures/audits_moderated"},
      {"outstanding", "/figures/grades/outstanding"},
      {"good", "/figures/grades/good"},
      {"requires_improvement", "/figures/grades/requires_improvement"},
      {"inadequate", "/figures/grades/inadequate"},
      {"moderation_agreed", "/figures/moderation/agreed"},
      {"moderation_raised", "/figures/moderation/raised"},
      {"moderation_lowered", "/figures/moderation/lowered"},
      {"feedback_asked", "/figures/family_feedback/asked"},
      {"feedback_responded", "/figures/family_feedback/responded"},
      {"feedback_very_good", "/figures/family_feedback/ratings/very_good"},
      {"feedback_good", "/figures/family_feedback/ratings/good"},
      {"feedback_fair", "/figures/family_feedback/ratings/fair"},
      {"feedback_poor", "/figures/family_feedback/ratings/poor"},
  };
  auto it = kPointers.find(f);
  return it == kPointers.end() ? "/figures" : it->second;
}

namespace {

/// The keys whose values are compared: what the records say, not how it is worded.
bool compared_key(const std::string& key) {
  static const std::set<std::string> kKeys = {
      "id",      "date", "due",   "status", "closed",   "group",          "reported",
      "quarter", "page", "audit", "sample", "findings", "recommendations"};
  return kKeys.count(key) > 0;
}

/// A block's values flattened: leaves by readable name, and which names are
/// objects (a row, a block's part) and which are lists.
struct Flat {
  std::map<std::string, std::pair<std::string, json>> leaves;  ///< name → {pointer, value}
  std::set<std::string> objects, arrays;
};

/// Leaf values by readable name ("actions/a-004/status") with their pointers.
/// Array elements with an id are named by it, so a new row is one
/// difference, not a shift of every row after it.
void flatten(const json& v, const std::string& name, const std::string& pointer, const std::string& key, Flat& out) {
  if (v.is_object()) {
    out.objects.insert(name);
    for (const auto& [k, child] : v.items()) flatten(child, name + "/" + k, pointer + "/" + k, k, out);
  } else if (v.is_array()) {
    out.arrays.insert(name);
    for (size_t i = 0; i < v.size(); ++i) {
      const json& e = v[i];
      std::string token = std::to_string(i);
      if (e.is_object() && e.contains("id") && e["id"].is_string()) token = e["id"].get<std::string>();
      flatten(e, name + "/" + token, pointer + "/" + std::to_string(i), key, out);
    }
  } else if (v.is_number() || compared_key(key)) {
    out.leaves[name] = {pointer, v};
  }
}

/// True when `name`, which only the recomputed side has, is a field the
/// snapshot lacks: its nearest enclosing value the snapshot has is an object
/// (a row or a part written before the field existed), not a list (where it
/// is a new row, which is a difference). Fields a snapshot lacks are never
/// compared (README "Learning and Improvement reports").
bool lacked_field(const Flat& was, std::string name) {
  for (size_t slash = name.rfind('/'); slash != std::string::npos; slash = name.rfind('/')) {
    name.resize(slash);
    if (was.arrays.count(name)) return false;
    if (was.objects.count(name)) return true;
  }
  return true;
}

/// A breakdown value that repeats a cycle's catalogue counts (its
/// moderation), whole or in a period's part.
bool repeats_catalogue(const std::string& name) {
  return name.rfind("breakdown/moderation/", 0) == 0 ||
         (name.rfind("breakdown/parts/", 0) == 0 && name.find("/data/moderation/") != std::string::npos);
}

}  // namespace

std::vector<Difference> differences(const json& snapshot, const json& recomputed) {
  std::vector<Difference> out;
  const json empty = json::object();
  const json& old_figures = snapshot.contains("figures") ? snapshot["figures"] : empty;
  const json& new_figures = recomputed.contains("figures") ? recomputed["figures"] : empty;
  // The counts are what the data says; shares and changes follow from them.
  // So a changed count is named alone, and a share or change only when no
  // count of the cycle changed (a correction to the cycle compared with).
  std::vector<Difference> counts, derived;
  for (const std::string& name : figure_names()) {
    if (!old_figures.contains(name)) continue;  // a figure the snapshot lacks is never compared
    const json o = old_figures.value(name, json()), n = new_figures.value(name, json());
    if (o == n) continue;
    (figure_format(name) == FigureFormat::kCount ? counts : derived).push_back({name, "/figures/" + name, o, n});
  }
  out = counts.empty() ? derived : counts;
  // figures, grades, moderation and feedback repeat the catalogue.
  static const std::set<std::string> kRepeat = {"figures", "grades", "moderation", "feedback"};
  const json& old_blocks = snapshot.contains("blocks") ? snapshot["blocks"] : empty;
  const json& new_blocks = recomputed.contains("blocks") ? recomputed["blocks"] : empty;
  for (const BlockKind& k : cycle_blocks()) {
    // A snapshot written before qahub kept a block has nothing to compare.
    if (!old_blocks.contains(k.name)) continue;
    // Over several cycles the top catalogue is the last cycle's, so the
    // earlier cycles' are compared in the parts that keep them (figures).
    const bool repeats = kRepeat.count(k.name) > 0;
    if (repeats && !old_blocks[k.name].contains("parts")) continue;
    Flat was, now;
    flatten(old_blocks[k.name], k.name, std::string("/blocks/") + k.name, "", was);
    if (new_blocks.contains(k.name)) flatten(new_blocks[k.name], k.name, std::string("/blocks/") + k.name, "", now);
    std::set<std::string> names;
    for (const auto& [n, _] : was.leaves) names.insert(n);
    for (const auto& [n, _] : now.leaves) names.insert(n);
    for (const std::string& n : names) {
      auto w = was.leaves.find(n), c = now.leaves.find(n);
      if (w == was.leaves.end() && lacked_field(was, n)) continue;
      const json o = w == was.leaves.end() ? json() : w->second.second;
      const json v = c == now.leaves.end() ? json() : c->second.second;
      if (o == v) continue;
      if (repeats && n.find("/figures/") == std::string::npos) continue;
      if (repeats_catalogue(n)) continue;  // the catalogue's counts, compared above
      const std::string pointer = w != was.leaves.end() ? w->second.first : std::string("/blocks/") + k.name;
      out.push_back({n, pointer, o, v});
    }
  }
  return out;
}

void strip_withheld(json& snapshot, const Withheld& withheld) {
  if (withheld.empty() || !snapshot.is_object() || !snapshot.contains("blocks")) return;
  std::set<std::string> ids;  // every withheld record's id, whatever its kind
  if (withheld.records)
    for (const auto& [kind, of_kind] : *withheld.records) ids.insert(of_kind.begin(), of_kind.end());
  auto gone = [&](const json& row) {
    if (row.is_string()) return ids.count(row.get<std::string>()) > 0;
    if (!row.is_object()) return false;
    for (const auto& [key, value] : row.items()) {
      if (!value.is_string()) continue;
      const std::string& v = value.get_ref<const std::string&>();
      if ((key == "id" && ids.count(v)) || withheld.has_record(key, v) || withheld.has_page(v)) return true;
    }
    return false;
  };
  std::function<void(json&)> walk = [&](json& v) {
    if (v.is_array()) {
      json kept = json::array();
      for (json& e : v)
        if (!gone(e)) {
          walk(e);
          kept.push_back(std::move(e));
        }
      v = std::move(kept);
    } else if (v.is_object()) {
      for (auto& [key, e] : v.items()) walk(e);
    }
  };
  walk(snapshot["blocks"]);
}

}  // namespace qahub::report
