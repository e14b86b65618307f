// The references a public record may not make to a sensitive page or record:
// every record's references() (records/kind_store.h), the same list the
// existence check reads (records/refs.h). Pages refer to records in front
// matter only through a learning brief's `source` (brief_source below).
#include "frontmatter/front_matter.h"
#include "frontmatter/yaml_fields.h"
#include "marking/marking.h"
#include "records/refs.h"

#include <algorithm>
#include <optional>

namespace qahub::marking {

namespace {

using records::Records;

/// A learning brief's `brief.source` {type, id}, where its front matter says
/// so ("type: brief"); its other checks are briefs/briefs.h's.
bool is_cited(const std::vector<record_pages::RecordKind>& kinds, const std::string& kind) {
  for (const record_pages::RecordKind& k : kinds)
    if (k.data.name == kind && k.data.store.citable) return true;
  return false;
}

struct PageReference {
  diag::Position at;
  Target to;
};
std::optional<PageReference> brief_source(const content::Page& page,
                                          const std::vector<record_pages::RecordKind>& kinds) {
  if (!page.meta.brief) return std::nullopt;  // parsed once, with the page (frontmatter::PageMeta)
  const frontmatter::YamlSource src{page.source, 1};
  YAML::Node brief = *page.meta.brief;  // non-const: a missing key reads as undefined, not invalid
  YAML::Node source = brief.IsMap() ? brief["source"] : YAML::Node();
  if (!source.IsMap() || !source["type"].IsScalar() || !source["id"].IsScalar()) return std::nullopt;
  const std::string kind = source["type"].as<std::string>();
  if (!is_cited(kinds, kind)) return std::nullopt;
  return PageReference{src.at(source["id"]), {kind, source["id"].as<std::string>()}};
}

/// The records a publication's `publication:` block names in its lists (a
/// self-evaluation's claims' evidence, the actions on its weaknesses and
/// its plans): a public page may not cite a sensitive one.
std::vector<PageReference> publication_lists(const content::Page& page) {
  std::vector<PageReference> out;
  if (!page.meta.publication) return out;
  const frontmatter::YamlSource src{page.source, 1};
  YAML::Node b = *page.meta.publication;
  auto ids = [&](YAML::Node list, const char* kind) {
    if (!list.IsSequence()) return;
    for (YAML::Node item : list)
      if (item.IsScalar()) out.push_back({src.at(item), {kind, item.as<std::string>()}});
  };
  auto each = [&](const char* key, const char* list, const char* kind) {
    YAML::Node rows = b[key];
    if (!rows.IsSequence()) return;
    for (YAML::Node row : rows)
      if (row.IsMap()) ids(row[list], kind);
  };
  each("claims", "evidence", "evidence");
  each("weaknesses", "addressed_by", "action");
  ids(b["plans"], "action");
  return out;
}

/// What a reference's target is, if it is sensitive: {its words, its file, its marking}.
struct Sensitive {
  std::string what, path, marking;
};

class Lookup {
 public:
  Lookup(const content::ContentSet& content, const Records& r, const std::vector<record_pages::RecordKind>& kinds)
      : index_(r.cited) {
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
    if (t.kind == "finding") {
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
  const std::map<std::string, records::RefTarget>& index_;
  std::map<std::string, const content::Page*> pages_;
  std::map<std::string, const records::Source*> records_;
};

}  // namespace

void check_references(const content::ContentSet& content, const records::Records& records, diag::Diagnostics& diags,
                      const std::vector<record_pages::RecordKind>& kinds) {
  const Lookup lookup(content, records, kinds);
  for (const record_pages::RecordKind& kind : kinds) {
    if (!kind.data.store.references) continue;
    std::string word(kind.data.name);  // "brief use"
    std::replace(word.begin(), word.end(), '-', ' ');
    kind.data.store.references(
        records, [&](const std::string& id, const records::Source& from, const std::vector<records::Ref>& refs) {
          if (from.sensitive) return;  // sensitive items may name each other
          for (const records::Ref& ref : refs) {
            if (ref.id.empty() || ref.may_name_sensitive) continue;
            if (auto s = lookup.find({ref.kind, ref.id}))
              diags.error(from.at(ref.pointer), "public " + word + " \"" + id + "\" names " + s->marking + " " +
                                                    s->what + (s->path.empty() ? "" : " (" + s->path + ")"));
          }
        });
  }
  for (const content::Page& page : content.pages) {
    if (page.sensitive) continue;
    if (auto ref = brief_source(page, kinds))
      if (auto s = lookup.find(ref->to))
        diags.error(ref->at, "public brief " + page.source + " names " + s->marking + " " + s->what +
                                 (s->path.empty() ? "" : " (" + s->path + ")"));
    for (const PageReference& ref : publication_lists(page))
      if (auto s = lookup.find(ref.to))
        diags.error(ref.at, "public page " + page.source + " names " + s->marking + " " + s->what +
                                (s->path.empty() ? "" : " (" + s->path + ")"));
  }
}

}  // namespace qahub::marking
