#include "records/loaders.h"

namespace qahub::records {

using nlohmann::json;

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
  out.audits[a.id] = std::move(a);
  return true;
}

}  // namespace qahub::records
