#include "records/refs.h"

#include "base/text.h"

#include <algorithm>
#include <vector>

namespace qahub::records {

namespace {

bool is_broken(const std::map<std::string, std::set<std::string>>& broken, const std::string& kind,
               const std::string& id) {
  auto it = broken.find(kind);
  return it != broken.end() && it->second.count(id) > 0;
}

class Checker {
 public:
  Checker(const Records& r, const std::map<std::string, std::set<std::string>>& broken,
          const std::set<std::string>& content_sources, diag::Diagnostics& diags)
      : r_(r), broken_(broken), content_sources_(content_sources), diags_(diags), index_(build_ref_index(r)) {}

  template <typename Map>
  void id(const Source& src, const std::string& pointer, const std::string& kind, const std::string& value,
          const Map& targets) {
    if (targets.count(value) || is_broken(broken_, kind, value)) return;
    diags_.error(src.at(pointer),
                 "unknown " + kind + " \"" + value + "\"" + diag::did_you_mean(value, base::keys_of(targets)));
  }

  void ref(const Source& src, const std::string& pointer, const std::string& value) {
    if (index_.count(value)) return;
    const std::string record = value.substr(0, value.find('/'));
    for (const char* kind : {"audit", "cycle", "meeting"})
      if (is_broken(broken_, kind, record)) return;
    diags_.error(src.at(pointer),
                 "unknown finding \"" + value + "\"" + diag::did_you_mean(value, base::keys_of(index_)));
  }

  void content(const Source& src, const std::string& pointer, const std::string& path) {
    if (path.empty() || content_sources_.count(path)) return;
    diags_.error(src.at(pointer), "no content page \"" + path + "\"");
  }

  void item(const Source& src, const std::string& pointer, const std::string& what, const std::string& item,
            const std::vector<std::string>& items) {
    for (const std::string& i : items)
      if (i == item) return;
    diags_.error(src.at(pointer), what + " has no item \"" + item + "\"" + diag::did_you_mean(item, items));
  }

  /// Audits, cycles and meetings share one "record/item" namespace, so their ids must differ.
  void unique_ids() {
    std::map<std::string, const Source*> seen;
    auto visit = [&](const std::string& id, const Source& src) {
      auto [it, fresh] = seen.emplace(id, &src);
      if (!fresh)
        diags_.error(src.at("/id"), "id \"" + id + "\" is also used by " + it->second->path +
                                        "; references to its findings would be ambiguous");
    };
    for (const auto& [id, a] : r_.audits) visit(id, a.src);
    for (const auto& [id, c] : r_.cycles) visit(id, c.src);
    for (const auto& [id, m] : r_.meetings) visit(id, m.src);
  }

  void run() {
    unique_ids();
    for (const auto& [id_, f] : r_.forums) content(f.src, "/guidance", f.guidance);
    for (const auto& [id_, m] : r_.meetings) {
      id(m.src, "/forum", "forum", m.forum, r_.forums);
      for (size_t i = 0; i < m.agenda.size(); ++i)
        if (!m.agenda[i].cycle.empty())
          id(m.src, "/agenda/" + std::to_string(i) + "/cycle", "cycle", m.agenda[i].cycle, r_.cycles);
      for (size_t i = 0; i < m.decisions.size(); ++i)
        for (size_t j = 0; j < m.decisions[i].actions.size(); ++j)
          id(m.src, "/decisions/" + std::to_string(i) + "/actions/" + std::to_string(j), "action",
             m.decisions[i].actions[j], r_.actions);
    }
    for (const auto& [id_, c] : r_.cycles) content(c.src, "/report", c.report);
    for (const auto& [id_, a] : r_.audits) {
      std::vector<std::string> areas;
      for (const Item& d : a.areas) areas.push_back(d.id);
      for (size_t i = 0; i < a.recommendations.size(); ++i)
        for (size_t j = 0; j < a.recommendations[i].addresses.size(); ++j)
          if (std::find(areas.begin(), areas.end(), a.recommendations[i].addresses[j]) == areas.end())
            diags_.error(a.src.at("/recommendations/" + std::to_string(i) + "/addresses/" + std::to_string(j)),
                         "no area for development \"" + a.recommendations[i].addresses[j] + "\" in this audit" +
                             diag::did_you_mean(a.recommendations[i].addresses[j], areas));
      for (size_t i = 0; i < a.follows_up.size(); ++i) ref(a.src, "/follows_up/" + std::to_string(i), a.follows_up[i]);
    }
    for (const auto& [id_, a] : r_.actions) action(a);
    for (const auto& [id_, t] : r_.training)
      for (size_t i = 0; i < t.linked_findings.size(); ++i)
        ref(t.src, "/linked_findings/" + std::to_string(i), t.linked_findings[i]);
    for (const auto& [id_, u] : r_.brief_uses) {
      content(u.src, "/brief", u.brief);
      if (!u.meeting.empty()) id(u.src, "/meeting", "meeting", u.meeting, r_.meetings);
    }
    for (const auto& [id_, s] : r_.schedules)
      if (!s.forum.empty()) id(s.src, "/forum", "forum", s.forum, r_.forums);
  }

 private:
  void action(const Action& a) {
    std::vector<std::string> items;
    std::string what;
    if (a.source_type == "audit") {
      id(a.src, "/source/id", "audit", a.source_id, r_.audits);
      auto it = r_.audits.find(a.source_id);
      if (it == r_.audits.end()) return;
      for (const Item& i : it->second.strengths) items.push_back(i.id);
      for (const Item& i : it->second.areas) items.push_back(i.id);
      for (const Recommendation& i : it->second.recommendations) items.push_back(i.id);
      what = "audit \"" + a.source_id + "\"";
    } else if (a.source_type == "cycle") {
      id(a.src, "/source/id", "cycle", a.source_id, r_.cycles);
      auto it = r_.cycles.find(a.source_id);
      if (it == r_.cycles.end()) return;
      for (const Item& i : it->second.key_learning) items.push_back(i.id);
      what = "cycle \"" + a.source_id + "\"";
    } else if (a.source_type == "meeting") {
      id(a.src, "/source/id", "meeting", a.source_id, r_.meetings);
      auto it = r_.meetings.find(a.source_id);
      if (it == r_.meetings.end()) return;
      for (const Decision& d : it->second.decisions) items.push_back(d.id);
      what = "meeting \"" + a.source_id + "\"";
    } else {
      return;  // improvement plans are not records
    }
    if (!a.source_item.empty()) item(a.src, "/source/item", what, a.source_item, items);
  }

  const Records& r_;
  const std::map<std::string, std::set<std::string>>& broken_;
  const std::set<std::string>& content_sources_;
  diag::Diagnostics& diags_;
  std::map<std::string, RefTarget> index_;
};

}  // namespace

std::map<std::string, RefTarget> build_ref_index(const Records& r) {
  std::map<std::string, RefTarget> out;
  for (const auto& [id, a] : r.audits) {
    out[id] = {"audit", id, "", "thematic audit", a.theme};
    for (const Item& i : a.strengths) out[id + "/" + i.id] = {"audit", id, i.id, "strength", i.text};
    for (const Item& i : a.areas) out[id + "/" + i.id] = {"audit", id, i.id, "area for development", i.text};
    for (const Recommendation& i : a.recommendations)
      out[id + "/" + i.id] = {"audit", id, i.id, "recommendation", i.text};
  }
  for (const auto& [id, c] : r.cycles) {
    out[id] = {"cycle", id, "", "audit cycle", c.title()};
    for (const Item& i : c.key_learning) out[id + "/" + i.id] = {"cycle", id, i.id, "key learning point", i.text};
  }
  for (const auto& [id, m] : r.meetings) {
    for (const Decision& d : m.decisions) out[id + "/" + d.id] = {"meeting", id, d.id, "decision", d.text};
  }
  return out;
}

void check_references(const Records& records, const std::map<std::string, std::set<std::string>>& broken,
                      const std::set<std::string>& content_sources, diag::Diagnostics& diags) {
  Checker(records, broken, content_sources, diags).run();
}

}  // namespace qahub::records
