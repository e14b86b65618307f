#include "record_pages/pages.h"
#include "record_pages/urls.h"
#include "records/status.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using nlohmann::json;

namespace {

std::string forum_name(const Records& r, const std::string& id) {
  auto it = r.forums.find(id);
  return it == r.forums.end() ? id : it->second.name;
}

json strings_view(const std::vector<std::string>& v) {
  json out = json::array();
  for (const std::string& s : v) out.push_back(s);
  return out;
}

/// Actions raised at a meeting (source) or named by its decisions.
json meeting_actions(const Context& ctx, const Meeting& m) {
  std::set<std::string> ids;
  if (auto it = ctx.actions_for_source.find(m.id); it != ctx.actions_for_source.end())
    ids.insert(it->second.begin(), it->second.end());
  for (const Decision& d : m.decisions) ids.insert(d.actions.begin(), d.actions.end());
  json out = json::array();
  for (const std::string& id : ids)
    if (auto it = ctx.records.actions.find(id); it != ctx.records.actions.end())
      out.push_back(action_view(ctx, it->second));
  return out;
}

RecordPage meeting_page(const Context& ctx, const Meeting& m) {
  const Records& r = ctx.records;
  json v;
  v["forum"] = {{"name", forum_name(r, m.forum)}, {"url", urls::forum(m.forum)}};
  v["date"] = m.date.human();
  v["attendees"] = strings_view(m.attendees);
  v["apologies"] = strings_view(m.apologies);
  json agenda = json::array();
  for (size_t i = 0; i < m.agenda.size(); ++i) {
    const AgendaItem& a = m.agenda[i];
    agenda.push_back({{"number", std::to_string(i + 1)},
                      {"time", a.time},
                      {"item", a.item},
                      {"lead", a.lead},
                      {"papers", strings_view(a.papers)}});
  }
  v["agenda"] = agenda;
  json decisions = json::array();
  for (const Decision& d : m.decisions) {
    json acts = json::array();
    for (const std::string& aid : d.actions)
      if (auto it = r.actions.find(aid); it != r.actions.end()) acts.push_back(action_view(ctx, it->second));
    decisions.push_back({{"id", d.id}, {"text", d.text}, {"actions", acts}});
  }
  v["decisions"] = decisions;
  v["actions"] = meeting_actions(ctx, m);
  v["minutes_html"] = narrative_placeholder(m.minutes);
  v["has_minutes"] = m.minutes.has_value();
  v["as_of"] = ctx.as_of().human();
  RecordPage page = make_page(urls::meeting(m.id), m.src.path, forum_name(r, m.forum) + ", " + m.date.human(),
                              "Attendance, agenda, decisions and actions of the " + forum_name(r, m.forum) +
                                  " meeting on " + m.date.human() + ".",
                              urls::kForums, render(ctx, "meeting", v), {"meeting"});
  // Right after its forum, oldest first; previous/next stay in the forum.
  page.order = {forum_name(r, m.forum), m.forum, m.date.iso(), m.id};
  page.pager_group = "meetings of " + m.forum;
  return page;
}

RecordPage forum_page(const Context& ctx, const Forum& f) {
  const Records& r = ctx.records;
  json v;
  v["remit"] = f.remit;
  v["type"] = f.type;
  v["chair"] = f.chair;
  v["frequency"] = f.frequency.wording;
  v["quorum"] = f.quorum > 0 ? std::to_string(f.quorum) + " members" : "";
  v["membership"] = strings_view(f.membership);
  v["tor_html"] = narrative_placeholder(f.tor);
  v["tor_agreed"] = f.tor_agreed ? f.tor_agreed->human() : "";
  v["tor_review_by"] = f.tor_review_by.human();
  v["tor_overdue"] = f.tor_review_by < ctx.as_of();
  std::string guidance = ctx.content_url(f.guidance);
  v["guidance_url"] = guidance;
  json meetings = json::array(), actions = json::array();
  std::set<std::string> action_ids;
  if (auto it = ctx.meetings_for_forum.find(f.id); it != ctx.meetings_for_forum.end()) {
    for (auto mid = it->second.rbegin(); mid != it->second.rend(); ++mid) {
      const Meeting& m = r.meetings.at(*mid);
      meetings.push_back({{"date", m.date.human()},
                          {"date_iso", m.date.iso()},
                          {"url", urls::meeting(m.id)},
                          {"decisions", std::to_string(m.decisions.size())},
                          {"has_minutes", m.minutes.has_value()}});
      for (const json& a : meeting_actions(ctx, m)) action_ids.insert(a["id"].get<std::string>());
    }
  }
  for (const std::string& id : action_ids) actions.push_back(action_view(ctx, r.actions.at(id)));
  v["meetings"] = meetings;
  v["actions"] = actions;
  json schedules = json::array();
  for (const auto& [sid, s] : r.schedules)
    if (s.forum == f.id) schedules.push_back({{"name", s.name}, {"url", std::string(urls::kSchedules) + "#" + sid}});
  v["schedules"] = schedules;
  v["as_of"] = ctx.as_of().human();
  RecordPage page =
      make_page(urls::forum(f.id), f.src.path, f.name, f.remit, urls::kForums, render(ctx, "forum", v), {"forum"});
  page.order = {f.name, f.id};  // forum pages step through forums by name
  return page;
}

}  // namespace

void add_forum_pages(const Context& ctx, RecordPages& out) {
  const Records& r = ctx.records;
  json rows = json::array();
  for (const auto& [id, f] : r.forums) {
    out.pages.push_back(forum_page(ctx, f));
    std::string last;
    if (auto it = ctx.meetings_for_forum.find(id); it != ctx.meetings_for_forum.end() && !it->second.empty()) {
      const Meeting& m = r.meetings.at(it->second.back());
      last = m.date.human();
      rows.push_back({{"name", f.name},
                      {"url", urls::forum(id)},
                      {"type", f.type},
                      {"frequency", f.frequency.wording},
                      {"chair", f.chair},
                      {"last", last},
                      {"last_url", urls::meeting(m.id)}});
    } else {
      rows.push_back({{"name", f.name},
                      {"url", urls::forum(id)},
                      {"type", f.type},
                      {"frequency", f.frequency.wording},
                      {"chair", f.chair},
                      {"last", "none recorded"},
                      {"last_url", ""}});
    }
  }
  for (const auto& [id, m] : r.meetings) out.pages.push_back(meeting_page(ctx, m));
  // The hub's own forums name themselves: nothing of another hub's is compiled in.
  std::string names;
  for (size_t i = 0; i < rows.size(); ++i)
    names += (i == 0 ? "" : i + 1 == rows.size() ? " and " : ", ") + rows[i]["name"].get<std::string>();
  const std::string description = (names.empty() ? std::string("Forums, boards and groups") : names) +
                                  ": remits, membership, terms of reference and meetings.";
  const json view = {
      {"forums", rows},
      {"count_words", rows.size() == 1
                          ? std::string("one forum, board or group, with its remit, chair, members and meetings")
                          : std::to_string(rows.size()) + " forums, boards and groups, each with its remit, chair, "
                                                          "members and meetings"}};
  out.pages.push_back(make_page(urls::kForums, "data/forums/", "Practice forums", description, urls::kForums,
                                render(ctx, "forums", view), {"forum"}));
}

}  // namespace qahub::record_pages
