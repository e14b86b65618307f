/// `changes`: what changed since the last report: guidance pages added or
/// amended in the period (their `changes` entries), actions closed, and the
/// findings of thematic audits reported in it.
#include <algorithm>

#include "record_pages/urls.h"
#include "records/status.h"
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

json changes_data(const Input& in) {
  json pages = json::array(), closed = json::array(), findings = json::array();
  for (const PageChanges& p : in.pages)
    for (const frontmatter::Change& c : p.changes)
      if (in.from <= c.date && c.date <= in.to)
        pages.push_back(
            {{"page", p.source}, {"url", p.url}, {"title", p.title}, {"date", c.date.iso()}, {"summary", c.summary}});
  std::stable_sort(pages.begin(), pages.end(),
                   [](const json& a, const json& b) { return a.value("date", "") > b.value("date", ""); });
  for (const auto& [id, a] : in.records.actions)
    if (auto done = records::completed_on(a); done && in.from <= *done && *done <= in.to)
      closed.push_back({{"id", a.id}, {"title", a.title}, {"date", done->iso()}});
  for (const auto& [id, a] : in.records.audits) {
    if (!a.reported || *a.reported < in.from || in.to < *a.reported) continue;
    for (const records::Item& area : a.areas)
      findings.push_back({{"audit", a.id}, {"theme", a.theme}, {"id", area.id}, {"text", area.text}});
  }
  return {{"pages", pages}, {"closed", closed}, {"findings", findings}};
}

json changes_view(const json& data, const ViewInput&) {
  json v = data;
  for (json& p : v["pages"]) p["date_human"] = human_date(p.value("date", json()));
  for (json& a : v["closed"]) {
    a["url"] = record_pages::urls::action(a.value("id", ""));
    a["date_human"] = human_date(a.value("date", json()));
  }
  for (json& f : v["findings"]) f["url"] = record_pages::urls::audit(f.value("audit", "")) + "#" + f.value("id", "");
  v["has_pages"] = !v["pages"].empty();
  v["has_closed"] = !v["closed"].empty();
  v["has_findings"] = !v["findings"].empty();
  v["nothing"] = v["pages"].empty() && v["closed"].empty() && v["findings"].empty();
  return v;
}

}  // namespace qahub::report
