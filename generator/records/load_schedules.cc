#include "records/loaders.h"

namespace qahub::records {

using nlohmann::json;

namespace {

Frequency frequency(const json& j) { return {str(j, "period"), str(j, "wording")}; }

}  // namespace

bool load_schedule(RecordReader&, const json& doc, Source src, Records& out) {
  Schedule s;
  s.id = str(doc, "id");
  s.kind = str(doc, "kind");
  s.name = str(doc, "name");
  s.purpose = str(doc, "purpose");
  s.difference = str(doc, "difference");
  s.informs_practice = str(doc, "informs_practice");
  s.forum = str(doc, "forum");
  s.fulfilled_by = str(doc, "fulfilled_by");
  s.audience = strings(doc, "audience");
  s.frequency = frequency(doc.at("frequency"));
  s.src = std::move(src);
  out.schedules[s.id] = std::move(s);
  return true;
}

}  // namespace qahub::records
