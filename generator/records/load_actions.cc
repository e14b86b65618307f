#include "records/loaders.h"

namespace qahub::records {

using nlohmann::json;

namespace {

Status parse_status(const std::string& s) {
  if (s == "in progress") return Status::kInProgress;
  if (s == "complete") return Status::kComplete;
  if (s == "carried forward") return Status::kCarriedForward;
  return Status::kOpen;
}

}  // namespace

bool load_action(RecordReader& reader, const json& doc, Source src, Records& out) {
  Action a;
  a.id = str(doc, "id");
  a.title = str(doc, "title");
  a.owner = str(doc, "owner");
  a.source_type = str(doc.at("source"), "type");
  a.source_id = str(doc.at("source"), "id");
  a.source_item = str(doc.at("source"), "item");
  a.due = reader.date_at(doc, src, "/due");
  const json& st = doc.at("status");
  for (size_t i = 0; i < st.size(); ++i) {
    const std::string p = "/status/" + std::to_string(i);
    StatusEntry e{reader.date_at(doc, src, p + "/date"), parse_status(str(st[i], "status")), str(st[i], "note")};
    if (reader.ok() && !a.history.empty() && e.date < a.history.back().date) {
      reader.fail(src.at(p + "/date"),
                  "status entries must be in date order; this one is dated before the one above it");
    }
    a.history.push_back(std::move(e));
  }
  if (doc.contains("impact")) {
    const json& im = doc.at("impact");
    for (size_t i = 0; i < im.size(); ++i)
      a.impact.push_back({reader.date_at(doc, src, "/impact/" + std::to_string(i) + "/date"), str(im[i], "text")});
  }
  a.src = std::move(src);
  if (!reader.ok()) return false;
  out.actions[a.id] = std::move(a);
  return true;
}

std::vector<Ref> Action::references() const {
  if (source_type == "plan") return {};  // improvement plans are not records
  return {{"/source/id", source_type, source_id, source_item, "/source/item"}};
}

}  // namespace qahub::records
