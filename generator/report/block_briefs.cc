/// `briefs`: the learning briefs published in the period and the uses teams
/// recorded in it (data/brief-uses/), counted per brief. Only published
/// briefs count: a use recorded against a draft waits for its publication.
#include <algorithm>
#include <set>

#include "base/text.h"
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

json briefs_data(const Input& in) {
  json published = json::array(), used = json::array();
  size_t uses = 0;
  std::set<std::string> teams;
  if (in.briefs) {
    std::vector<const briefs::Listed*> sorted;
    for (const briefs::Listed& b : *in.briefs) sorted.push_back(&b);
    std::stable_sort(sorted.begin(), sorted.end(), [](const briefs::Listed* a, const briefs::Listed* b) {
      return a->published != b->published ? a->published < b->published : a->title < b->title;
    });
    for (const briefs::Listed* b : sorted) {
      if (in.from <= b->published && b->published <= in.to)
        published.push_back(
            {{"source", b->source}, {"url", b->url}, {"title", b->title}, {"published", b->published.iso()}});
      size_t n = 0;
      std::set<std::string> by;
      for (const auto& [id, u] : in.records.brief_uses)
        if (u.brief == b->source && in.from <= u.date && u.date <= in.to) {
          ++n;
          by.insert(base::ascii_lower(u.team));
        }
      if (n == 0) continue;
      uses += n;
      teams.insert(by.begin(), by.end());
      used.push_back({{"source", b->source}, {"url", b->url}, {"title", b->title}, {"uses", n}, {"teams", by.size()}});
    }
  }
  return {{"published", published}, {"used", used}, {"uses", uses}, {"teams", teams.size()}};
}

json briefs_view(const json& data, const ViewInput&) {
  if (!data.contains("published")) return {{"recorded", false}};
  json published = json::array(), used = json::array();
  for (const json& r : data.at("published")) {
    json v = r;
    v["published_human"] = human_date(r.value("published", json()));
    published.push_back(v);
  }
  for (const json& r : data.value("used", json::array())) {
    json v = r;
    v["uses_text"] = "used " + base::plural(r.value("uses", size_t{0}), "time") + " by " +
                     base::plural(r.value("teams", size_t{0}), "team");
    used.push_back(v);
  }
  const size_t n_published = published.size(), uses = data.value("uses", size_t{0});
  const size_t teams = data.value("teams", size_t{0});
  std::string summary = base::plural(n_published, "learning brief") + (n_published == 1 ? " was" : " were") +
                        " published in the period, and teams recorded " + base::plural(uses, "use") +
                        (uses == 0 ? "" : " (by " + base::plural(teams, "team") + ")") + ".";
  return {{"recorded", true},       {"summary", summary},
          {"published", published}, {"has_published", !published.empty()},
          {"used", used},           {"has_used", !used.empty()}};
}

}  // namespace qahub::report
