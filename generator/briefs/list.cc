#include "briefs/list.h"

#include <algorithm>
#include <map>

#include "base/text.h"
#include "record_pages/record_pages.h"

namespace qahub::briefs {

namespace {

std::string item(const Listed& b) {
  std::string h = "<li><a href=\"" + base::html_escape(b.url) + "\">" + base::html_escape(b.title) + "</a>";
  if (b.superseded) h += " (replaced)";
  h += " <span class=\"brief-list-meta\">published " + base::html_escape(b.published.human()) + "; ";
  h += b.teams == 0 ? std::string("no recorded use yet") : "used by " + base::plural(b.teams, "team");
  return h + "</span></li>\n";
}

std::string group(const std::string& heading, const std::string& id, const std::vector<const Listed*>& items) {
  std::string h = "<h3 id=\"" + id + "\">" + base::html_escape(heading) + "</h3>\n<ul class=\"brief-list\">\n";
  for (const Listed* b : items) h += item(*b);
  return h + "</ul>\n";
}

}  // namespace

std::string list_html(const std::vector<Listed>& briefs) {
  if (briefs.empty()) return "<p class=\"brief-list-empty\">No learning briefs are published yet.</p>\n";
  // Newest first within each group; ties by title.
  std::vector<const Listed*> sorted;
  for (const Listed& b : briefs) sorted.push_back(&b);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Listed* a, const Listed* b) {
    if (a->published != b->published) return b->published < a->published;
    return a->title < b->title;
  });
  std::string h = "<div class=\"brief-lists\">\n<h2 id=\"briefs-by-source\">By where the learning came from</h2>\n";
  const std::pair<const char*, const char*> kinds[] = {
      {"cycle", "From audit cycles"}, {"audit", "From thematic audits"}, {"meeting", "From meetings"}};
  for (const auto& [kind, heading] : kinds) {
    std::vector<const Listed*> in;
    for (const Listed* b : sorted)
      if (b->source_kind == kind) in.push_back(b);
    if (!in.empty()) h += group(heading, std::string("briefs-from-") + kind, in);
  }
  std::map<std::string, std::vector<const Listed*>> by_tag;  // by slug, first spelling shown
  std::map<std::string, std::string> spelling;
  for (const Listed* b : sorted)
    for (const std::string& t : b->tags) {
      const std::string slug = base::slugify(t);
      spelling.emplace(slug, t);
      by_tag[slug].push_back(b);
    }
  if (!by_tag.empty()) {
    h += "<h2 id=\"briefs-by-tag\">By tag</h2>\n";
    for (const auto& [slug, list] : by_tag) h += group(spelling[slug], "briefs-tag-" + slug, list);
  }
  return h + "</div>\n";
}

void add_to_record_pages(const Result& briefs, record_pages::RecordPages& pages) {
  const std::pair<const char*, const char*> folders[] = {
      {"cycle", "data/cycles/"}, {"audit", "data/audits/"}, {"meeting", "data/meetings/"}};
  for (record_pages::RecordPage& page : pages.pages)
    for (const auto& [kind, folder] : folders) {
      if (!base::starts_with(page.source, folder) || !base::ends_with(page.source, ".json")) continue;
      const std::string id =
          page.source.substr(std::string(folder).size(), page.source.size() - std::string(folder).size() - 5);
      auto it = briefs.by_record.find(std::string(kind) + "/" + id);
      if (it == briefs.by_record.end()) continue;
      std::string h =
          "<div class=\"record-briefs\">\n<h2 "
          "id=\"learning-briefs\">Learning briefs made from this</h2>\n<ul>\n";
      for (const Listed& b : it->second) {
        h += "<li><a href=\"" + base::html_escape(b.url) + "\">" + base::html_escape(b.title) + "</a>";
        if (!b.source_item.empty()) h += " (from " + base::html_escape(b.source_item) + ")";
        h += ": " + (b.uses == 0 ? std::string("no recorded use yet")
                                 : "used " + base::plural(b.uses, "time") + " by " + base::plural(b.teams, "team"));
        h += "</li>\n";
      }
      page.body_html += h + "</ul>\n</div>\n";
      page.toc.push_back({2, "Learning briefs made from this", "learning-briefs", 0});
      page.ids.insert("learning-briefs");
    }
}

}  // namespace qahub::briefs
