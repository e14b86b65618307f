#include "record_pages/pages.h"
#include "record_pages/urls.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using nlohmann::json;

void add_schedule_pages(const Context& ctx, RecordPages& out) {
  if (ctx.records.schedules.empty()) return;  // no empty section (nor its nav entry) until there is a schedule
  json reports = json::array(), meetings = json::array();
  for (const auto& [id, s] : ctx.records.schedules) {
    std::string audience;
    for (const std::string& a : s.audience) audience += (audience.empty() ? "" : "; ") + a;
    json row{{"id", id},
             {"name", s.name},
             {"purpose", s.purpose},
             {"audience", audience},
             {"frequency", s.frequency.wording},
             {"difference", s.difference},
             {"informs", s.informs_practice},
             {"forum_url", s.forum.empty() ? "" : urls::forum(s.forum)}};
    (s.kind == "report" ? reports : meetings).push_back(row);
  }
  json v{{"reports", reports}, {"meetings", meetings}};
  out.pages.push_back(
      make_page(urls::kSchedules, "data/schedules/", "Reporting and meeting schedules",
                "Which reports and meetings we hold, how often, for whom, and the difference each makes "
                "for children and families.",
                urls::kSchedules, render(ctx, "schedules", v), {"schedule"}));
}

}  // namespace qahub::record_pages
