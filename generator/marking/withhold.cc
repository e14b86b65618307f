#include <algorithm>

#include "marking/marking.h"
#include "record_pages/kinds.h"

namespace qahub::marking {

bool Withheld::has_record(const std::string& kind, const std::string& id) const {
  auto it = records.find(kind);
  return it != records.end() && it->second.count(id) > 0;
}

Withheld withhold(content::ContentSet& content, records::Records& records, bool include_sensitive,
                  const std::vector<record_pages::RecordKind>& kinds) {
  Withheld w;
  for (const content::Page& p : content.pages)
    if (p.sensitive) {
      w.urls[p.url] = {p.source, p.marking};
      w.pages.insert(p.source);
    }
  for (const record_pages::RecordKind& kind : kinds) {
    const records::KindStore& store = kind.data.store;
    if (store.empty()) continue;
    store.each(records, [&](const std::string& id, records::Source& src) {
      const std::vector<size_t> narratives = store.narratives(records, id);
      for (size_t n : narratives) records.narratives[n].sensitive = src.sensitive;
      if (!src.sensitive) return;
      w.records[std::string(kind.data.name)].insert(id);
      const std::string url = kind.url_of(id);
      if (url.empty()) return;
      w.urls[url] = {src.path, src.marking};
      if (!include_sensitive)
        for (size_t n : narratives) w.narratives.emplace_back(n, url);
    });
  }
  if (include_sensitive) return w;

  std::vector<content::Page> kept;
  for (content::Page& p : content.pages) {
    if (p.sensitive) {
      w.sources[p.source] = p.url;
      w.content.pages.push_back(std::move(p));
    } else {
      kept.push_back(std::move(p));
    }
  }
  content.pages = std::move(kept);
  take_out_records(records, w, kinds);
  return w;
}

void take_out_records(records::Records& records, const Withheld& w,
                      const std::vector<record_pages::RecordKind>& kinds) {
  for (const record_pages::RecordKind& kind : kinds)
    if (!kind.data.store.empty())
      kind.data.store.erase_if(records, [](const records::Source& src) { return src.sensitive; });
  // What public records list of withheld ones goes silently, and nothing cites them.
  auto gone = [&](const std::string& kind, const std::string& id) { return w.has_record(kind, id); };
  for (const record_pages::RecordKind& kind : kinds)
    if (kind.data.store.forget) kind.data.store.forget(records, gone);
  for (const record_pages::RecordKind& kind : kinds)
    if (kind.data.store.drop_sensitive_parts) kind.data.store.drop_sensitive_parts(records);
  std::erase_if(records.cited, [&](const auto& entry) { return gone(entry.second.kind, entry.second.record); });
}

void drop_unlinked_assets(content::ContentSet& content, const std::vector<records::Narrative>& narratives,
                          const Withheld& withheld) {
  std::set<std::string> from_withheld, from_public;
  for (const content::Page& p : withheld.content.pages)
    for (const markdown::Link& l : p.doc.links()) from_withheld.insert(l.url.substr(0, l.url.find('#')));
  for (const auto& [n, _] : withheld.narratives)
    for (const markdown::Link& l : narratives[n].doc.links()) from_withheld.insert(l.url.substr(0, l.url.find('#')));
  if (from_withheld.empty()) return;
  for (const content::Page& p : content.pages)
    for (const markdown::Link& l : p.doc.links()) from_public.insert(l.url.substr(0, l.url.find('#')));
  for (const records::Narrative& n : narratives)
    if (!n.sensitive)
      for (const markdown::Link& l : n.doc.links()) from_public.insert(l.url.substr(0, l.url.find('#')));
  std::vector<content::Asset> kept;
  for (content::Asset& a : content.assets)
    if (!from_withheld.count(a.url) || from_public.count(a.url)) kept.push_back(std::move(a));
  content.assets = std::move(kept);
}

void mark_record_pages(std::vector<record_pages::RecordPage>& pages, const records::Records& records,
                       const std::vector<record_pages::RecordKind>& kinds) {
  std::map<std::string, const records::Source*> by_path;
  for (const record_pages::RecordKind& kind : kinds)
    if (!kind.data.store.empty())
      kind.data.store.each_const(records,
                                 [&](const std::string&, const records::Source& src) { by_path[src.path] = &src; });
  for (record_pages::RecordPage& p : pages)
    if (auto it = by_path.find(p.source); it != by_path.end()) {
      p.marking = it->second->marking;
      p.sensitive = it->second->sensitive;
    }
}

}  // namespace qahub::marking
