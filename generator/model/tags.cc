#include "model/tags.h"

#include <algorithm>
#include <map>
#include <string>

#include "base/text.h"

namespace qahub::model {

void merge_tags(Site& site, const std::vector<content::Page>& content, diag::Diagnostics& diags) {
  // slug → spelling → how many pages use it.
  std::map<std::string, std::map<std::string, size_t>> spellings;
  for (const SitePage& p : site.pages)
    for (const std::string& t : p.tags) ++spellings[base::slugify(t)][t];
  std::map<std::string, std::string> chosen;  // slug → the spelling shown
  for (const auto& [slug, counts] : spellings) {
    // max_element keeps the first of equal counts, and the map is in byte order.
    auto best = std::max_element(counts.begin(), counts.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    chosen[slug] = best->first;
  }
  for (size_t i = 0; i < site.pages.size(); ++i) {
    std::vector<std::string> tags;
    for (const std::string& t : site.pages[i].tags) {
      const std::string& name = chosen[base::slugify(t)];
      if (std::find(tags.begin(), tags.end(), name) != tags.end()) continue;
      tags.push_back(name);
      site.tags[name].push_back(i);
    }
    site.pages[i].tags = std::move(tags);
  }
  for (const content::Page& p : content) {
    for (size_t k = 0; k < p.meta.tags.size(); ++k) {
      const std::string& t = p.meta.tags[k];
      const std::string slug = base::slugify(t);
      auto it = chosen.find(slug);
      if (it == chosen.end() || it->second == t) continue;  // a draft left out, or the chosen spelling
      diag::Position at = k < p.meta.tag_pos.size() ? p.meta.tag_pos[k] : diag::Position{p.source, 1, 1};
      diags.warning(at, "tag \"" + t + "\" is spelled \"" + it->second + "\" elsewhere; both are /tags/" + slug +
                            "/, titled \"" + it->second + "\"");
    }
  }
}

}  // namespace qahub::model
