#include <algorithm>
#include <type_traits>

#include "marking/each_record.h"
#include "marking/marking.h"
#include "record_pages/kinds.h"

namespace qahub::marking {

namespace {

/// Erases from a kind's map the records `drop` says to, noting each.
template <typename Map, typename Drop>
void erase_records(Map& map, Drop drop) {
  for (auto it = map.begin(); it != map.end();) it = drop(it->second) ? map.erase(it) : std::next(it);
}

/// The narratives a record shows on its page.
template <typename Record>
std::vector<size_t> narratives_of(const Record& rec) {
  if constexpr (std::is_same_v<Record, records::Forum>)
    return rec.tor ? std::vector<size_t>{*rec.tor} : std::vector<size_t>{};
  if constexpr (std::is_same_v<Record, records::Meeting>)
    return rec.minutes ? std::vector<size_t>{*rec.minutes} : std::vector<size_t>{};
  if constexpr (std::is_same_v<Record, records::Audit>)
    return rec.summary ? std::vector<size_t>{*rec.summary} : std::vector<size_t>{};
  return {};
}

}  // namespace

Withheld withhold(content::ContentSet& content, records::Records& records, bool include_sensitive) {
  Withheld w;
  for (const content::Page& p : content.pages)
    if (p.sensitive) {
      w.urls[p.url] = p.source + ", " + p.marking;
      w.keys.insert(p.source);
    }
  each_record(records, [&](const std::string& kind, const std::string& id, auto& rec) {
    for (size_t n : narratives_of(rec)) records.narratives[n].sensitive = rec.src.sensitive;
    if (!rec.src.sensitive) return;
    w.keys.insert(kind + "/" + id);
    const std::string url = record_pages::record_url(kind, id);
    if (url.empty()) return;
    w.urls[url] = rec.src.path + ", " + rec.src.marking;
    if (!include_sensitive)
      for (size_t n : narratives_of(rec)) w.narratives.emplace_back(n, url);
  });
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
  auto sensitive = [](const auto& rec) { return rec.src.sensitive; };
  erase_records(records.forums, sensitive);
  erase_records(records.meetings, sensitive);
  erase_records(records.cycles, sensitive);
  erase_records(records.audits, sensitive);
  erase_records(records.actions, sensitive);
  erase_records(records.training, sensitive);
  erase_records(records.schedules, sensitive);
  erase_records(records.brief_uses, sensitive);
  // What public records list of withheld ones goes silently.
  for (auto& [id, m] : records.meetings)
    for (records::Decision& d : m.decisions)
      d.actions.erase(std::remove_if(d.actions.begin(), d.actions.end(),
                                     [&](const std::string& a) { return w.keys.count("action/" + a) > 0; }),
                      d.actions.end());
  return w;
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

void mark_site(model::Site& site, const records::Records& records) {
  std::map<std::string, const records::Source*> by_path;
  each_record(records,
              [&](const std::string&, const std::string&, const auto& rec) { by_path[rec.src.path] = &rec.src; });
  for (model::SitePage& p : site.pages) {
    if (!p.marking.empty()) continue;  // a content page's, from make_site
    if (auto it = by_path.find(p.source); it != by_path.end()) {
      p.marking = it->second->marking;
      p.sensitive = it->second->sensitive;
    }
    if (p.marking.empty()) p.marking = site.config.classification.default_marking;
  }
}

}  // namespace qahub::marking
