#include <set>

#include "records/loaders.h"

namespace qahub::records {

using nlohmann::json;

namespace {

std::vector<OrgUnit> units_at(RecordReader& reader, const json& doc, const Source& src, const char* key,
                              const char* what) {
  std::vector<OrgUnit> out;
  std::set<std::string> seen;
  const json& list = doc.at(key);
  for (size_t i = 0; i < list.size(); ++i) {
    OrgUnit u{str(list[i], "id"), str(list[i], "name")};
    if (!seen.insert(u.id).second)
      reader.fail(src.at("/" + std::string(key) + "/" + std::to_string(i) + "/id"),
                  std::string("duplicate ") + what + " id \"" + u.id + "\"");
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace

/// data/organisation.json: the services and areas cycle breakdowns name.
bool load_organisation(RecordReader& reader, const json& doc, Source src, Records& out) {
  Organisation org;
  org.services = units_at(reader, doc, src, "services", "service");
  org.areas = units_at(reader, doc, src, "areas", "area");
  org.src = std::move(src);
  if (!reader.ok()) return false;
  out.organisation = std::move(org);
  return true;
}

}  // namespace qahub::records
