#include "records/loaders.h"

#include <algorithm>

namespace qahub::records {

using nlohmann::json;

namespace {

/// A recommendation addresses areas for development of its own audit.
void check_addresses(RecordReader& reader, const Audit& a) {
  std::vector<std::string> areas;
  for (const Item& d : a.areas) areas.push_back(d.id);
  for (size_t i = 0; i < a.recommendations.size(); ++i)
    for (size_t j = 0; j < a.recommendations[i].addresses.size(); ++j) {
      const std::string& area = a.recommendations[i].addresses[j];
      if (std::find(areas.begin(), areas.end(), area) == areas.end())
        reader.diags().error(
            a.src.at("/recommendations/" + std::to_string(i) + "/addresses/" + std::to_string(j)),
            "no area for development \"" + area + "\" in this audit" + diag::did_you_mean(area, areas));
    }
}

}  // namespace

bool load_audit(RecordReader& reader, const json& doc, Source src, Records& out) {
  Audit a;
  a.id = str(doc, "id");
  a.theme = str(doc, "theme");
  a.scope = str(doc, "scope");
  a.sample_size = doc.at("sample").at("size").get<long>();
  a.sample_description = doc.at("sample").at("description").get<std::string>();
  a.start = reader.date_at(doc, src, "/dates/start");
  a.end = reader.date_at(doc, src, "/dates/end");
  if (doc.at("dates").contains("reported")) a.reported = reader.date_at(doc, src, "/dates/reported");
  if (reader.ok() && a.end < a.start) {
    reader.fail(src.at("/dates/end"), "the audit ends before it starts");
  }
  std::set<std::string> seen;
  a.strengths = reader.items_at(doc, src, "/findings/strengths", seen);
  a.areas = reader.items_at(doc, src, "/findings/areas_for_development", seen);
  const json& recs = doc.at("recommendations");
  for (size_t i = 0; i < recs.size(); ++i) {
    Recommendation r{str(recs[i], "id"), str(recs[i], "text"), strings(recs[i], "addresses")};
    reader.unique_id(r.id, src, "/recommendations/" + std::to_string(i) + "/id", seen);
    a.recommendations.push_back(std::move(r));
  }
  a.follows_up = strings(doc, "follows_up");
  a.summary_file = str(doc, "summary");
  if (!a.summary_file.empty()) a.summary = reader.narrative(src, "/summary", a.summary_file, "summary", out);
  a.src = std::move(src);
  if (!reader.ok()) return false;
  check_addresses(reader, a);
  out.audits[a.id] = std::move(a);
  return true;
}

std::vector<Ref> Audit::references() const {
  std::vector<Ref> out;
  for (size_t i = 0; i < follows_up.size(); ++i)
    out.push_back({"/follows_up/" + std::to_string(i), "finding", follows_up[i]});
  return out;
}

Citable Audit::citable(const Records&) const {
  Citable c{"thematic audit", theme, "Thematic audit: " + theme, {}};
  for (const Item& i : strengths) c.items.push_back({i.id, "strength", i.text});
  for (const Item& i : areas) c.items.push_back({i.id, "area for development", i.text});
  for (const Recommendation& i : recommendations) c.items.push_back({i.id, "recommendation", i.text});
  return c;
}

}  // namespace qahub::records
