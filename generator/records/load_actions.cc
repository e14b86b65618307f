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

/// The reschedules at /due_history, which must be in date order; the action's
/// due date becomes the last one's.
void read_due_history(RecordReader& reader, const json& doc, const Source& src, Action& a) {
  if (!doc.contains("due_history")) return;
  const json& dh = doc.at("due_history");
  for (size_t i = 0; i < dh.size(); ++i) {
    const std::string p = "/due_history/" + std::to_string(i);
    Reschedule r{reader.date_at(doc, src, p + "/date"), reader.date_at(doc, src, p + "/due"), str(dh[i], "reason")};
    if (reader.ok() && !a.due_history.empty() && r.date < a.due_history.back().date)
      reader.fail(src.at(p + "/date"),
                  "due_history entries must be in date order; this one is dated before the one above it");
    a.due_history.push_back(std::move(r));
  }
  if (!a.due_history.empty()) a.due = a.due_history.back().due;
}

}  // namespace

bool load_action(RecordReader& reader, const json& doc, Source src, Records& out) {
  Action a;
  a.id = str(doc, "id");
  a.title = str(doc, "title");
  a.owner = str(doc, "owner");
  a.ref = str(doc, "ref");
  a.recurs = str(doc, "recurs");
  a.addresses = strings(doc, "addresses");
  a.joint_with = strings(doc, "joint_with");
  a.source_type = str(doc.at("source"), "type");
  a.source_id = str(doc.at("source"), "id");
  a.source_item = str(doc.at("source"), "item");
  a.original_due = a.due = reader.date_at(doc, src, "/due");
  read_due_history(reader, doc, src, a);
  if (doc.contains("start")) {
    a.start = reader.date_at(doc, src, "/start");
    if (reader.ok() && a.due < *a.start)
      reader.fail(src.at("/start"), "action starts " + a.start->iso() + ", after it is due (" + a.due.iso() + ")");
  }
  const json& st = doc.at("status");
  for (size_t i = 0; i < st.size(); ++i) {
    const std::string p = "/status/" + std::to_string(i);
    StatusEntry e{reader.date_at(doc, src, p + "/date"), parse_status(str(st[i], "status")), str(st[i], "note")};
    if (reader.ok() && !a.history.empty() && e.date < a.history.back().date) {
      reader.fail(src.at(p + "/date"),
                  "status entries must be in date order; this one is dated before the one above it");
    }
    if (reader.ok() && e.status == Status::kComplete && !a.recurs.empty())
      reader.fail(src.at(p + "/status"), "a standing action (recurs " + a.recurs +
                                             ") is never complete; record each review as \"in progress\"");
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
  std::vector<Ref> out;
  // A plan's item is one of its outcomes, which the plan checks (load_plans.cc).
  if (source_type == "plan")
    out.push_back({"/source/id", source_type, source_id});
  else
    out.push_back({"/source/id", source_type, source_id, source_item, "/source/item"});
  for (size_t i = 0; i < addresses.size(); ++i)
    out.push_back(
        {.pointer = "/addresses/" + std::to_string(i), .kind = "finding", .id = addresses[i], .noun = "code"});
  return out;
}

void Action::check(const Records&, const CheckInput&, diag::Diagnostics& diags) const {
  if (due_history.size() >= 3)
    diags.notice(src.at("/due_history/" + std::to_string(due_history.size() - 1)),
                 "action \"" + id + "\" has been rescheduled " + std::to_string(due_history.size()) +
                     " times; it was first due " + original_due.iso());
}

}  // namespace qahub::records
