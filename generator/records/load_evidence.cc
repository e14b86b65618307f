/// Evidence items (data/evidence/<id>.json, issue 37): the loader, which
/// checks that an item says what it is and, while it is under development,
/// why and by when; and the notice of one past its due date.
#include "records/loaders.h"

namespace qahub::records {

using nlohmann::json;

bool load_evidence(RecordReader& reader, const json& doc, Source src, Records& out) {
  Evidence e;
  e.id = str(doc, "id");
  e.title = str(doc, "title");
  e.kind = str(doc, "kind");
  e.owner = str(doc, "owner");
  e.status = str(doc, "status");
  e.note = str(doc, "note");
  e.annex_a = str(doc, "annex_a");
  if (doc.contains("record")) {
    e.record_kind = str(doc.at("record"), "kind");
    e.record = str(doc.at("record"), "id");
  }
  e.page = str(doc, "page");
  e.external = str(doc, "external");
  if (doc.contains("date")) e.date = reader.date_at(doc, src, "/date");
  if (doc.contains("due")) e.due = reader.date_at(doc, src, "/due");
  const std::string name = "evidence \"" + e.id + "\"";
  // What it is: one of three, so its line in the index and the inspectors'
  // manifest has one link or title.
  std::vector<std::string> given;
  for (const char* key : {"record", "page", "external"})
    if (doc.contains(key)) given.push_back(key);
  diag::Diagnostics& diags = reader.diags();
  if (given.empty())
    diags.error(src.at("/title"), name + " says what it is with one of \"record\", \"page\" and \"external\"");
  else if (given.size() > 1)
    diags.error(src.at("/" + given[1]), name + " has both \"" + given[0] + "\" and \"" + given[1] +
                                            "\"; give one of record, page and external");
  if (e.status == "under-development") {
    // Candour with a narrative of why (003:207–211): the note and the date are the point.
    if (e.note.empty())
      diags.error(src.at("/status"), name + " is under development and has no note: say why, and what is being done");
    if (!e.due) diags.error(src.at("/status"), name + " is under development and has no due date");
  } else if (!e.date) {
    diags.error(src.at("/status"), name + " is " + (e.status == "in-place" ? "in place" : "not applicable") +
                                       " and has no date: say when the evidence is from");
  }
  e.src = std::move(src);
  if (!reader.ok()) return false;
  out.evidence[e.id] = std::move(e);
  return true;
}

std::vector<Ref> Evidence::references() const {
  std::vector<Ref> out;
  if (!record.empty()) out.push_back({"/record/id", record_kind, record});
  if (!page.empty()) out.push_back({"/page", "content", page});
  return out;
}

void Evidence::check(const Records&, const CheckInput& in, diag::Diagnostics& diags) const {
  if (status == "under-development" && due && *due < in.as_of)
    diags.notice(src.at("/due"), "evidence \"" + id + "\" is still under development and was due by " + due->iso());
}

}  // namespace qahub::records
