#include "records/loaders.h"

namespace qahub::records {

using nlohmann::json;

bool load_training(RecordReader&, const json& doc, Source src, Records& out) {
  Training t;
  t.id = str(doc, "id");
  t.name = str(doc, "name");
  t.description = str(doc, "description");
  t.audience = strings(doc, "audience");
  for (const json& p : doc.at("phases"))
    t.phases.push_back({str(p, "quarter"), str(p, "activity"), str(p, "audience")});
  t.linked_findings = strings(doc, "linked_findings");
  t.src = std::move(src);
  out.training[t.id] = std::move(t);
  return true;
}

std::vector<Ref> Training::references() const {
  std::vector<Ref> out;
  for (size_t i = 0; i < linked_findings.size(); ++i)
    out.push_back({"/linked_findings/" + std::to_string(i), "finding", linked_findings[i]});
  return out;
}

}  // namespace qahub::records
