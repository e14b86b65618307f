// The references a public record may not make to a sensitive page or record:
// one row per kind of reference. A new record kind with a reference adds a
// row here. Pages refer to records in front matter only through a learning
// brief's `source` (brief_sources below).
#include "frontmatter/front_matter.h"
#include "frontmatter/yaml_fields.h"
#include "marking/marking.h"
#include "records/refs.h"

#include <optional>

namespace qahub::marking {

namespace {

using records::Records;

void add(std::vector<Reference>& out, const records::Source& from, const std::string& from_kind,
         const std::string& from_id, std::string pointer, std::string kind, std::string id) {
  if (id.empty()) return;
  out.push_back({&from, from_kind, from_id, std::move(pointer), {std::move(kind), std::move(id)}});
}

// An action's source: the audit, cycle or meeting it came from.
void action_sources(const Records& r, std::vector<Reference>& out) {
  for (const auto& [id, a] : r.actions)
    if (a.source_type == "audit" || a.source_type == "cycle" || a.source_type == "meeting")
      add(out, a.src, "action", id, "/source/id", a.source_type, a.source_id);
}

// A cycle's report page.
void cycle_reports(const Records& r, std::vector<Reference>& out) {
  for (const auto& [id, c] : r.cycles) add(out, c.src, "cycle", id, "/report", "content", c.report);
}

// An audit's follows_up: findings of earlier audits, cycles and meetings.
void audit_follow_ups(const Records& r, std::vector<Reference>& out) {
  for (const auto& [id, a] : r.audits)
    for (size_t i = 0; i < a.follows_up.size(); ++i)
      add(out, a.src, "audit", id, "/follows_up/" + std::to_string(i), "ref", a.follows_up[i]);
}

// A training programme's linked_findings.
void training_findings(const Records& r, std::vector<Reference>& out) {
  for (const auto& [id, t] : r.training)
    for (size_t i = 0; i < t.linked_findings.size(); ++i)
      add(out, t.src, "training", id, "/linked_findings/" + std::to_string(i), "ref", t.linked_findings[i]);
}

// A meeting's agenda items about a cycle (its forum it inherits from).
void agenda_cycles(const Records& r, std::vector<Reference>& out) {
  for (const auto& [id, m] : r.meetings)
    for (size_t i = 0; i < m.agenda.size(); ++i)
      add(out, m.src, "meeting", id, "/agenda/" + std::to_string(i) + "/cycle", "cycle", m.agenda[i].cycle);
}

// A meeting that names a public marking of its own, of a sensitive forum.
void meeting_forums(const Records& r, std::vector<Reference>& out) {
  for (const auto& [id, m] : r.meetings) add(out, m.src, "meeting", id, "/forum", "forum", m.forum);
}

// A schedule's forum, and a forum's guidance page.
void forum_links(const Records& r, std::vector<Reference>& out) {
  for (const auto& [id, s] : r.schedules) add(out, s.src, "schedule", id, "/forum", "forum", s.forum);
  for (const auto& [id, f] : r.forums) add(out, f.src, "forum", id, "/guidance", "content", f.guidance);
}

// A brief use's brief.
void brief_use_briefs(const Records& r, std::vector<Reference>& out) {
  for (const auto& [id, u] : r.brief_uses) add(out, u.src, "brief use", id, "/brief", "content", u.brief);
}

/// A learning brief's `brief.source` {type, id}, where its front matter says
/// so ("type: brief"); its other checks are briefs/briefs.h's.
struct PageReference {
  diag::Position at;
  Target to;
};
std::optional<PageReference> brief_source(const content::Page& page) {
  if (page.head.find("\nbrief:") == std::string::npos) return std::nullopt;
  const frontmatter::Split split = frontmatter::split_front_matter(page.head + "\n");
  const frontmatter::YamlSource src{page.source, 1};
  diag::Diagnostics ignored;  // the front matter reader reported its syntax errors
  auto root = frontmatter::load_yaml(split.yaml, src, ignored);
  if (!root || !root->IsMap()) return std::nullopt;
  const YAML::Node source = (*root)["brief"].IsMap() ? (*root)["brief"]["source"] : YAML::Node();
  if (!source.IsMap() || !source["type"].IsScalar() || !source["id"].IsScalar()) return std::nullopt;
  const std::string kind = source["type"].as<std::string>();
  if (kind != "cycle" && kind != "audit" && kind != "meeting") return std::nullopt;
  return PageReference{src.at(source["id"]), {kind, source["id"].as<std::string>()}};
}

/// What a reference's target is, if it is sensitive: {its words, its file, its marking}.
struct Sensitive {
  std::string what, path, marking;
};

class Lookup {
 public:
  Lookup(const content::ContentSet& content, const Records& r, const std::vector<record_pages::RecordKind>& kinds)
      : index_(records::build_ref_index(r)) {
    for (const content::Page& p : content.pages)
      if (p.sensitive) pages_[p.source] = &p;
    for (const record_pages::RecordKind& kind : kinds)
      if (!kind.data.store.empty())
        kind.data.store.each_const(r, [&](const std::string& id, const records::Source& src) {
          if (src.sensitive) records_[std::string(kind.data.name) + "/" + id] = &src;
        });
  }

  std::optional<Sensitive> find(const Target& t) const {
    if (t.kind == "content") {
      auto it = pages_.find(t.id);
      if (it == pages_.end()) return std::nullopt;
      return Sensitive{"page " + t.id, "", it->second->marking};
    }
    std::string kind = t.kind, id = t.id;
    if (t.kind == "ref") {
      auto it = index_.find(t.id);
      if (it == index_.end()) return std::nullopt;
      kind = it->second.kind;
      id = it->second.record;
    }
    auto it = records_.find(kind + "/" + id);
    if (it == records_.end()) return std::nullopt;
    return Sensitive{kind + " \"" + t.id + "\"", it->second->path, it->second->marking};
  }

 private:
  std::map<std::string, records::RefTarget> index_;
  std::map<std::string, const content::Page*> pages_;
  std::map<std::string, const records::Source*> records_;
};

}  // namespace

const std::vector<ReferenceRow>& reference_rows() {
  static const std::vector<ReferenceRow> rows = {
      action_sources, cycle_reports,  audit_follow_ups, training_findings,
      agenda_cycles,  meeting_forums, forum_links,      brief_use_briefs,
  };
  return rows;
}

void check_references(const content::ContentSet& content, const records::Records& records, diag::Diagnostics& diags,
                      const std::vector<record_pages::RecordKind>& kinds) {
  const Lookup lookup(content, records, kinds);
  std::vector<Reference> refs;
  for (ReferenceRow row : reference_rows()) row(records, refs);
  for (const Reference& ref : refs) {
    if (ref.from->sensitive) continue;  // sensitive items may name each other
    if (auto s = lookup.find(ref.to))
      diags.error(ref.from->at(ref.pointer), "public " + ref.from_kind + " \"" + ref.from_id + "\" names " +
                                                 s->marking + " " + s->what +
                                                 (s->path.empty() ? "" : " (" + s->path + ")"));
  }
  for (const content::Page& page : content.pages) {
    if (page.sensitive) continue;
    if (auto ref = brief_source(page))
      if (auto s = lookup.find(ref->to))
        diags.error(ref->at, "public brief " + page.source + " names " + s->marking + " " + s->what +
                                 (s->path.empty() ? "" : " (" + s->path + ")"));
  }
}

}  // namespace qahub::marking
