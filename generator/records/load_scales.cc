/// Grading scales: data/scales/<id>.json, and the built-in ofsted-4 that a
/// site without data/scales/ uses. A site file with the id "ofsted-4"
/// replaces the built-in scale (to reword its meanings, say), since the
/// site's own words are what its readers should see.
#include <algorithm>

#include "records/loaders.h"

namespace qahub::records {

using nlohmann::json;

const Scale& builtin_scale() {
  static const Scale scale = [] {
    Scale s;
    s.id = kDefaultScale;
    s.name = "Ofsted 4-point";
    s.description = "The four grades of children's services inspection, used to grade each audited case.";
    s.built_in = true;
    s.levels = {
        {"outstanding", "Outstanding",
         "Practice is exceptional: help and protection make a clear, lasting difference to the child's life.",
         Band::kGoodOrBetter},
        {"good", "Good", "Practice meets the child's needs well: help and protection are timely and effective.",
         Band::kGoodOrBetter},
        {"requires_improvement", "Requires improvement",
         "Practice is not yet good: the child is safe, but their needs are not met well or consistently enough.",
         Band::kBelowGood},
        {"inadequate", "Inadequate",
         "Practice leaves the child at risk of harm or with serious needs unmet: it needs action now.", Band::kSerious},
    };
    return s;
  }();
  return scale;
}

Grades ofsted_grades(long outstanding, long good, long requires_improvement, long inadequate) {
  const long counts[] = {outstanding, good, requires_improvement, inadequate};
  Grades g;
  for (size_t i = 0; i < builtin_scale().levels.size(); ++i)
    g.levels.push_back({builtin_scale().levels[i].id, builtin_scale().levels[i].band, counts[i]});
  return g;
}

const Scale* find_scale(const Records& records, const std::string& id) {
  if (auto it = records.scales.find(id); it != records.scales.end()) return &it->second;
  if (id == kDefaultScale) return &builtin_scale();
  return nullptr;
}

std::vector<std::string> scale_ids(const Records& records) {
  std::vector<std::string> ids;
  for (const auto& [id, s] : records.scales) ids.push_back(id);
  if (!records.scales.count(kDefaultScale)) ids.push_back(kDefaultScale);
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool load_scale(RecordReader& reader, const json& doc, Source src, Records& out) {
  Scale s;
  s.id = str(doc, "id");
  s.name = str(doc, "name");
  s.description = str(doc, "description");
  std::set<std::string> seen;
  const json& levels = doc.at("levels");
  for (size_t i = 0; i < levels.size(); ++i) {
    const json& l = levels[i];
    const std::string p = "/levels/" + std::to_string(i);
    ScaleLevel level{str(l, "id"), str(l, "label"), str(l, "meaning"), Band::kBelowGood};
    const std::string band = str(l, "band");
    if (band == "good-or-better") level.band = Band::kGoodOrBetter;
    if (band == "serious") level.band = Band::kSerious;
    if (!seen.insert(level.id).second)
      reader.fail(src.at(p + "/id"), "a second level \"" + level.id + "\" in scale \"" + s.id + "\"");
    s.levels.push_back(std::move(level));
  }
  if (doc.contains("from")) s.from = reader.date_at(doc, src, "/from");
  if (doc.contains("until")) s.until = reader.date_at(doc, src, "/until");
  if (reader.ok() && s.from && s.until && *s.until < *s.from)
    reader.fail(src.at("/until"), "the scale ends (" + s.until->iso() + ") before it starts (" + s.from->iso() + ")");
  s.src = std::move(src);
  if (!reader.ok()) return false;
  out.scales[s.id] = std::move(s);
  return true;
}

}  // namespace qahub::records
