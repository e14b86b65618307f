#include "records/loaders.h"

namespace qahub::records {

using nlohmann::json;

namespace {

Frequency frequency(const json& j) { return {str(j, "period"), str(j, "wording")}; }

}  // namespace

bool load_forum(RecordReader& reader, const json& doc, Source src, Records& out) {
  Forum f;
  f.id = str(doc, "id");
  f.name = str(doc, "name");
  f.type = str(doc, "type");
  f.remit = str(doc, "remit");
  f.chair = str(doc, "chair");
  f.guidance = str(doc, "guidance");
  f.frequency = frequency(doc.at("frequency"));
  f.membership = strings(doc, "membership");
  f.quorum = doc.value("quorum", 0);
  const json& tor = doc.at("terms_of_reference");
  if (tor.contains("agreed")) f.tor_agreed = reader.date_at(doc, src, "/terms_of_reference/agreed");
  f.tor_review_by = reader.date_at(doc, src, "/terms_of_reference/review_by");
  f.tor_file = str(tor, "file");
  if (!f.tor_file.empty()) f.tor = reader.narrative(src, "/terms_of_reference/file", f.tor_file, "terms", out);
  f.src = std::move(src);
  if (!reader.ok()) return false;
  out.forums[f.id] = std::move(f);
  return true;
}

bool load_meeting(RecordReader& reader, const json& doc, Source src, Records& out) {
  Meeting m;
  m.id = str(doc, "id");
  m.forum = str(doc, "forum");
  m.date = reader.date_at(doc, src, "/date");
  m.attendees = strings(doc, "attendees");
  m.apologies = strings(doc, "apologies");
  for (size_t i = 0; i < m.apologies.size(); ++i)
    for (const std::string& a : m.attendees)
      if (a == m.apologies[i]) {
        reader.diags().error(src.at("/apologies/" + std::to_string(i)),
                             "\"" + a + "\" is listed as present and as sending apologies");
      }
  for (const json& a : doc.at("agenda"))
    m.agenda.push_back({str(a, "time"), str(a, "item"), str(a, "lead"), strings(a, "papers"), str(a, "cycle")});
  std::set<std::string> seen;
  if (doc.contains("decisions")) {
    const json& ds = doc.at("decisions");
    for (size_t i = 0; i < ds.size(); ++i) {
      Decision d{str(ds[i], "id"), str(ds[i], "text"), strings(ds[i], "actions")};
      reader.unique_id(d.id, src, "/decisions/" + std::to_string(i) + "/id", seen);
      m.decisions.push_back(std::move(d));
    }
  }
  m.minutes_file = str(doc, "minutes");
  if (!m.minutes_file.empty()) m.minutes = reader.narrative(src, "/minutes", m.minutes_file, "minutes", out);
  m.src = std::move(src);
  if (!reader.ok()) return false;
  out.meetings[m.id] = std::move(m);
  return true;
}

std::vector<Ref> Meeting::references() const {
  std::vector<Ref> out{{"/forum", "forum", forum}};
  for (size_t i = 0; i < agenda.size(); ++i)
    out.push_back({"/agenda/" + std::to_string(i) + "/cycle", "cycle", agenda[i].cycle});
  for (size_t i = 0; i < decisions.size(); ++i)
    for (size_t j = 0; j < decisions[i].actions.size(); ++j)
      out.push_back({"/decisions/" + std::to_string(i) + "/actions/" + std::to_string(j), "action",
                     decisions[i].actions[j], "", "", true});
  return out;
}

Citable Meeting::citable(const Records& r) const {
  auto f = r.forums.find(forum);
  Citable c{"", "", "Meeting: " + (f == r.forums.end() ? forum : f->second.name) + ", " + date.human(), {}};
  for (const Decision& d : decisions) c.items.push_back({d.id, "decision", d.text});
  return c;
}

void Meeting::forget(const std::function<bool(const std::string& kind, const std::string& id)>& gone) {
  for (Decision& d : decisions) std::erase_if(d.actions, [&](const std::string& a) { return gone("action", a); });
}

}  // namespace qahub::records
