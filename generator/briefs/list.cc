#include "briefs/list.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "base/text.h"
#include "record_pages/record_pages.h"

namespace qahub::briefs {

namespace {

using nlohmann::json;

std::string used_words(size_t teams) {
  return teams == 0 ? std::string("no recorded use yet") : "used by " + base::plural(teams, "team");
}

json group(const std::string& heading, const std::string& id, const std::vector<const Listed*>& items) {
  json briefs = json::array();
  for (const Listed* b : items)
    briefs.push_back({{"url", b->url},
                      {"title", b->title},
                      {"superseded", b->superseded},
                      {"published", b->published.human()},
                      {"used", used_words(b->teams)}});
  return {{"heading", heading}, {"id", id}, {"briefs", briefs}};
}

}  // namespace

std::string list_html(const templating::Templates& templates, const std::vector<Listed>& briefs,
                      diag::Diagnostics& diags, const std::vector<record_pages::RecordKind>& kinds) {
  // Newest first within each group; ties by title.
  std::vector<const Listed*> sorted;
  for (const Listed& b : briefs) sorted.push_back(&b);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Listed* a, const Listed* b) {
    if (a->published != b->published) return b->published < a->published;
    return a->title < b->title;
  });
  json by_source = json::array();
  for (const record_pages::RecordKind& kind : kinds) {
    if (!kind.data.store.citable) continue;
    std::vector<const Listed*> in;
    for (const Listed* b : sorted)
      if (b->source_kind == kind.data.name) in.push_back(b);
    if (!in.empty())
      by_source.push_back(group(std::string(kind.cited.heading), "briefs-from-" + std::string(kind.data.name), in));
  }
  std::map<std::string, std::vector<const Listed*>> by_tag;  // by slug, first spelling shown
  std::map<std::string, std::string> spelling;
  for (const Listed* b : sorted)
    for (const std::string& t : b->tags) {
      const std::string slug = base::slugify(t);
      spelling.emplace(slug, t);
      by_tag[slug].push_back(b);
    }
  json tags = json::array();
  for (const auto& [slug, list] : by_tag) tags.push_back(group(spelling[slug], "briefs-tag-" + slug, list));
  json parts = json::array(
      {{{"heading", "By where the learning came from"}, {"id", "briefs-by-source"}, {"groups", by_source}}});
  if (!tags.empty()) parts.push_back({{"heading", "By tag"}, {"id", "briefs-by-tag"}, {"groups", tags}});
  return templates.render("briefs/list", {{"has_briefs", !briefs.empty()}, {"parts", parts}}, diags);
}

void add_to_record_pages(const Result& briefs, const templating::Templates& templates, record_pages::RecordPages& pages,
                         diag::Diagnostics& diags, const std::vector<record_pages::RecordKind>& kinds) {
  for (record_pages::RecordPage& page : pages.pages)
    for (const record_pages::RecordKind& kind : kinds) {
      const std::string_view folder = kind.data.where;
      if (!kind.data.store.citable || kind.data.single_file()) continue;
      if (!base::starts_with(page.source, folder) || !base::ends_with(page.source, ".json")) continue;
      const std::string id = page.source.substr(folder.size(), page.source.size() - folder.size() - 5);
      auto it = briefs.by_record.find(std::string(kind.data.name) + "/" + id);
      if (it == briefs.by_record.end()) continue;
      json rows = json::array();
      for (const Listed& b : it->second)
        rows.push_back(
            {{"url", b.url},
             {"title", b.title},
             {"has_item", !b.source_item.empty()},
             {"item", b.source_item},
             {"used", b.uses == 0 ? std::string("no recorded use yet")
                                  : "used " + base::plural(b.uses, "time") + " by " + base::plural(b.teams, "team")}});
      page.body_html += templates.render("briefs/record-list", {{"briefs", rows}}, diags);
      page.toc.push_back({2, "Learning briefs made from this", "learning-briefs", 0});
      page.ids.insert("learning-briefs");
    }
}

}  // namespace qahub::briefs
