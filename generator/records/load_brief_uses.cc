#include "records/loaders.h"

namespace qahub::records {

using nlohmann::json;

bool load_brief_use(RecordReader& reader, const json& doc, Source src, Records& out) {
  BriefUse u;
  u.id = str(doc, "id");
  u.brief = str(doc, "brief");
  u.team = str(doc, "team");
  u.date = reader.date_at(doc, src, "/date");
  u.meeting = str(doc, "meeting");
  u.agreed_change = str(doc, "agreed_change");
  u.follow_up = str(doc, "follow_up");
  u.src = std::move(src);
  if (!reader.ok()) return false;
  out.brief_uses[u.id] = std::move(u);
  return true;
}

}  // namespace qahub::records
