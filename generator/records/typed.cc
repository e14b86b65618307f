#include "records/typed.h"

#include "diag/personal_data.h"
#include "fs/files.h"
#include "markdown/document.h"
#include "records/urls.h"

namespace qahub::records {

using nlohmann::json;

namespace {

std::string str(const json& doc, const char* key) {
  return doc.contains(key) ? doc[key].get<std::string>() : std::string();
}

std::vector<std::string> strings(const json& doc, const char* key) {
  std::vector<std::string> out;
  if (doc.contains(key))
    for (const json& v : doc[key]) out.push_back(v.get<std::string>());
  return out;
}

std::string folder_of(const std::string& path) { return path.substr(0, path.rfind('/') + 1); }

Frequency frequency(const json& j) { return {str(j, "period"), str(j, "wording")}; }

Status parse_status(const std::string& s) {
  if (s == "in progress") return Status::kInProgress;
  if (s == "complete") return Status::kComplete;
  if (s == "carried forward") return Status::kCarriedForward;
  return Status::kOpen;
}

}  // namespace

std::string demote_headings(std::string html) {
  for (int level = 5; level >= 2; --level) {
    const std::string from_open = "<h" + std::to_string(level), to_open = "<h" + std::to_string(level + 1);
    const std::string from_close = "</h" + std::to_string(level) + ">",
                      to_close = "</h" + std::to_string(level + 1) + ">";
    for (size_t p = 0; (p = html.find(from_open, p)) != std::string::npos; p += to_open.size()) {
      char next = p + from_open.size() < html.size() ? html[p + from_open.size()] : '\0';
      if (next == ' ' || next == '>') html.replace(p, from_open.size(), to_open);
    }
    for (size_t p = 0; (p = html.find(from_close, p)) != std::string::npos; p += to_close.size())
      html.replace(p, from_close.size(), to_close);
  }
  return html;
}

base::Date TypedBuilder::date_at(const json& doc, const Source& src, const std::string& pointer) {
  const std::string text = doc.at(json::json_pointer(pointer)).get<std::string>();
  if (auto d = base::Date::parse(text)) return *d;
  diags_.error(src.at(pointer), "invalid date \"" + text + "\"");
  ok_ = false;
  return {};
}

std::vector<Item> TypedBuilder::items_at(const json& doc, const Source& src, const std::string& pointer,
                                         std::set<std::string>& seen) {
  std::vector<Item> out;
  const json& arr = doc.at(json::json_pointer(pointer));
  for (size_t i = 0; i < arr.size(); ++i) {
    Item item{arr[i].at("id").get<std::string>(), arr[i].at("text").get<std::string>()};
    if (!seen.insert(item.id).second) {
      diags_.error(src.at(pointer + "/" + std::to_string(i) + "/id"),
                   "duplicate id \"" + item.id + "\" in this record");
      ok_ = false;
    }
    out.push_back(std::move(item));
  }
  return out;
}

std::string TypedBuilder::narrative(const Source& src, const std::string& pointer, const std::string& file,
                                    const std::string& id_prefix, const std::string& page_url) {
  const std::string path = folder_of(src.path) + file;
  auto text = fs::read_file(options_.site_dir / path);
  if (!text) {
    diags_.error(src.at(pointer), "no Markdown file \"" + file + "\" beside this record");
    return {};
  }
  diag::check_personal_data(*text, path, 0, options_.allow_personal_data, diags_);
  markdown::Document doc = markdown::Document::parse(*text, 0, options_.markdown);
  if (options_.resolve_links) options_.resolve_links(doc, path, page_url);
  // Prefix heading ids ("minutes-…"), so "## Actions" in minutes cannot
  // clash with the page's own id="actions".
  std::string html = demote_headings(doc.render_html());
  const std::string prefix = id_prefix + "-";
  for (size_t p = 0; (p = html.find("<h", p)) != std::string::npos; ++p) {
    if (p + 7 > html.size() || html[p + 2] < '1' || html[p + 2] > '6') continue;
    if (html.compare(p + 3, 5, " id=\"") == 0) html.insert(p + 8, prefix);
  }
  return html;
}

bool TypedBuilder::add(const std::string& kind, const json& doc, Source src, Records& out) {
  ok_ = true;
  const std::string path = src.path;
  // The schema has checked the shape; a site that loosens its own schema can
  // still hand us a record we cannot read, which must not crash the build.
  try {
    if (kind == "forum") return forum(doc, std::move(src), out);
    if (kind == "meeting") return meeting(doc, std::move(src), out);
    if (kind == "cycle") return cycle(doc, std::move(src), out);
    if (kind == "audit") return audit(doc, std::move(src), out);
    if (kind == "action") return action(doc, std::move(src), out);
    if (kind == "training") return training(doc, std::move(src), out);
    if (kind == "schedule") return schedule(doc, std::move(src), out);
  } catch (const json::exception& e) {
    diags_.error({path}, "record does not have the shape qahub expects (" + std::string(e.what()) +
                             "); check it against data/schemas/" + kind + ".schema.json");
  }
  return false;
}

bool TypedBuilder::forum(const json& doc, Source src, Records& out) {
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
  if (tor.contains("agreed")) f.tor_agreed = date_at(doc, src, "/terms_of_reference/agreed");
  f.tor_review_by = date_at(doc, src, "/terms_of_reference/review_by");
  f.tor_file = str(tor, "file");
  if (!f.tor_file.empty())
    f.tor_html = narrative(src, "/terms_of_reference/file", f.tor_file, "terms", urls::forum(f.id));
  f.src = std::move(src);
  if (!ok_) return false;
  out.forums[f.id] = std::move(f);
  return true;
}

bool TypedBuilder::meeting(const json& doc, Source src, Records& out) {
  Meeting m;
  m.id = str(doc, "id");
  m.forum = str(doc, "forum");
  m.date = date_at(doc, src, "/date");
  m.attendees = strings(doc, "attendees");
  m.apologies = strings(doc, "apologies");
  for (size_t i = 0; i < m.apologies.size(); ++i)
    for (const std::string& a : m.attendees)
      if (a == m.apologies[i]) {
        diags_.error(src.at("/apologies/" + std::to_string(i)),
                     "\"" + a + "\" is listed as present and as sending apologies");
      }
  for (const json& a : doc.at("agenda"))
    m.agenda.push_back({str(a, "time"), str(a, "item"), str(a, "lead"), strings(a, "papers")});
  std::set<std::string> seen;
  if (doc.contains("decisions")) {
    const json& ds = doc.at("decisions");
    for (size_t i = 0; i < ds.size(); ++i) {
      Decision d{str(ds[i], "id"), str(ds[i], "text"), strings(ds[i], "actions")};
      if (!seen.insert(d.id).second) {
        diags_.error(src.at("/decisions/" + std::to_string(i) + "/id"), "duplicate id \"" + d.id + "\" in this record");
        ok_ = false;
      }
      m.decisions.push_back(std::move(d));
    }
  }
  m.minutes_file = str(doc, "minutes");
  if (!m.minutes_file.empty())
    m.minutes_html = narrative(src, "/minutes", m.minutes_file, "minutes", urls::meeting(m.id));
  m.src = std::move(src);
  if (!ok_) return false;
  out.meetings[m.id] = std::move(m);
  return true;
}

bool TypedBuilder::cycle(const json& doc, Source src, Records& out) {
  static const std::pair<const char*, const char*> kMonths[] = {
      {"practitioner_audits", "Practitioner audits within own service"},
      {"appreciative_inquiry", "Appreciative inquiry"},
      {"peer_audits", "Peer audits across areas"},
      {"triad_audits", "Triad audits"}};
  Cycle c;
  c.id = str(doc, "id");
  c.year = str(doc, "year");
  c.number = doc.at("number").get<int>();
  c.report = str(doc, "report");
  for (const auto& [key, label] : kMonths) {
    const std::string p = std::string("/months/") + key;
    CycleMonth m{key, label, date_at(doc, src, p + "/start"), date_at(doc, src, p + "/end")};
    if (ok_ && m.end < m.start) {
      diags_.error(src.at(p + "/end"), "the month ends before it starts");
      ok_ = false;
    } else if (ok_ && !c.months.empty() && m.start <= c.months.back().end) {
      diags_.error(src.at(p + "/start"), "the month starts before the previous month ends");
      ok_ = false;
    }
    c.months.push_back(std::move(m));
  }
  const json& f = doc.at("figures");
  c.audits_completed = f.at("audits_completed").get<long>();
  c.audits_moderated = f.at("audits_moderated").get<long>();
  const json& g = f.at("grades");
  c.grades = {g.at("outstanding").get<long>(), g.at("good").get<long>(), g.at("requires_improvement").get<long>(),
              g.at("inadequate").get<long>()};
  const json& mo = f.at("moderation");
  c.moderation = {mo.at("agreed").get<long>(), mo.at("raised").get<long>(), mo.at("lowered").get<long>()};
  if (c.grades.total() != c.audits_completed) {
    diags_.error(src.at("/figures/grades"), "grades add up to " + std::to_string(c.grades.total()) + ", but " +
                                                std::to_string(c.audits_completed) + " audits were completed");
    ok_ = false;
  }
  if (c.audits_moderated > c.audits_completed) {
    diags_.error(src.at("/figures/audits_moderated"), "more audits moderated (" + std::to_string(c.audits_moderated) +
                                                          ") than completed (" + std::to_string(c.audits_completed) +
                                                          ")");
    ok_ = false;
  }
  if (c.moderation.total() != c.audits_moderated) {
    diags_.error(src.at("/figures/moderation"), "moderation counts add up to " + std::to_string(c.moderation.total()) +
                                                    ", but " + std::to_string(c.audits_moderated) +
                                                    " audits were moderated");
    ok_ = false;
  }
  if (f.contains("family_feedback")) {
    const json& ff = f.at("family_feedback");
    FamilyFeedback fb;
    fb.asked = ff.at("asked").get<long>();
    fb.responded = ff.at("responded").get<long>();
    if (fb.responded > fb.asked) {
      diags_.error(src.at("/figures/family_feedback/responded"),
                   "more families responded (" + std::to_string(fb.responded) + ") than were asked (" +
                       std::to_string(fb.asked) + ")");
      ok_ = false;
    }
    if (ff.contains("ratings")) {
      const json& r = ff.at("ratings");
      fb.has_ratings = true;
      fb.very_good = r.at("very_good").get<long>();
      fb.good = r.at("good").get<long>();
      fb.fair = r.at("fair").get<long>();
      fb.poor = r.at("poor").get<long>();
      long sum = fb.very_good + fb.good + fb.fair + fb.poor;
      if (sum != fb.responded) {
        diags_.error(src.at("/figures/family_feedback/ratings"), "ratings add up to " + std::to_string(sum) + ", but " +
                                                                     std::to_string(fb.responded) +
                                                                     " families responded");
        ok_ = false;
      }
    }
    c.feedback = fb;
  }
  std::set<std::string> seen;
  c.key_learning = items_at(doc, src, "/key_learning", seen);
  c.src = std::move(src);
  if (!ok_) return false;
  out.cycles[c.id] = std::move(c);
  return true;
}

bool TypedBuilder::audit(const json& doc, Source src, Records& out) {
  Audit a;
  a.id = str(doc, "id");
  a.theme = str(doc, "theme");
  a.scope = str(doc, "scope");
  a.sample_size = doc.at("sample").at("size").get<long>();
  a.sample_description = doc.at("sample").at("description").get<std::string>();
  a.start = date_at(doc, src, "/dates/start");
  a.end = date_at(doc, src, "/dates/end");
  if (doc.at("dates").contains("reported")) a.reported = date_at(doc, src, "/dates/reported");
  if (ok_ && a.end < a.start) {
    diags_.error(src.at("/dates/end"), "the audit ends before it starts");
    ok_ = false;
  }
  std::set<std::string> seen;
  a.strengths = items_at(doc, src, "/findings/strengths", seen);
  a.areas = items_at(doc, src, "/findings/areas_for_development", seen);
  const json& recs = doc.at("recommendations");
  for (size_t i = 0; i < recs.size(); ++i) {
    Recommendation r{str(recs[i], "id"), str(recs[i], "text"), strings(recs[i], "addresses")};
    if (!seen.insert(r.id).second) {
      diags_.error(src.at("/recommendations/" + std::to_string(i) + "/id"),
                   "duplicate id \"" + r.id + "\" in this record");
      ok_ = false;
    }
    a.recommendations.push_back(std::move(r));
  }
  a.follows_up = strings(doc, "follows_up");
  a.summary_file = str(doc, "summary");
  if (!a.summary_file.empty())
    a.summary_html = narrative(src, "/summary", a.summary_file, "summary", urls::audit(a.id));
  a.src = std::move(src);
  if (!ok_) return false;
  out.audits[a.id] = std::move(a);
  return true;
}

bool TypedBuilder::action(const json& doc, Source src, Records& out) {
  Action a;
  a.id = str(doc, "id");
  a.title = str(doc, "title");
  a.owner = str(doc, "owner");
  a.source_type = str(doc.at("source"), "type");
  a.source_id = str(doc.at("source"), "id");
  a.source_item = str(doc.at("source"), "item");
  a.due = date_at(doc, src, "/due");
  const json& st = doc.at("status");
  for (size_t i = 0; i < st.size(); ++i) {
    const std::string p = "/status/" + std::to_string(i);
    StatusEntry e{date_at(doc, src, p + "/date"), parse_status(str(st[i], "status")), str(st[i], "note")};
    if (ok_ && !a.history.empty() && e.date < a.history.back().date) {
      diags_.error(src.at(p + "/date"),
                   "status entries must be in date order; this one is dated before the one above it");
      ok_ = false;
    }
    a.history.push_back(std::move(e));
  }
  if (doc.contains("impact")) {
    const json& im = doc.at("impact");
    for (size_t i = 0; i < im.size(); ++i)
      a.impact.push_back({date_at(doc, src, "/impact/" + std::to_string(i) + "/date"), str(im[i], "text")});
  }
  a.src = std::move(src);
  if (!ok_) return false;
  out.actions[a.id] = std::move(a);
  return true;
}

bool TypedBuilder::training(const json& doc, Source src, Records& out) {
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

bool TypedBuilder::schedule(const json& doc, Source src, Records& out) {
  Schedule s;
  s.id = str(doc, "id");
  s.kind = str(doc, "kind");
  s.name = str(doc, "name");
  s.purpose = str(doc, "purpose");
  s.difference = str(doc, "difference");
  s.informs_practice = str(doc, "informs_practice");
  s.forum = str(doc, "forum");
  s.audience = strings(doc, "audience");
  s.frequency = frequency(doc.at("frequency"));
  s.src = std::move(src);
  out.schedules[s.id] = std::move(s);
  return true;
}

}  // namespace qahub::records
