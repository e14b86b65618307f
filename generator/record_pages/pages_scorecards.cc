#include "record_pages/pages.h"
#include "record_pages/scorecard_view.h"
#include "record_pages/urls.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using nlohmann::json;

namespace pages_scorecards {

/// "Cabinet committee; Corporate Parenting Panel", "Quarterly" and the
/// schedule's anchor, from the schedule entry the scorecard serves.
json serves_view(const Context& ctx, const Scorecard& card) {
  auto it = ctx.records.schedules.find(card.schedule);
  if (it == ctx.records.schedules.end()) return json();
  std::string audience;
  for (const std::string& a : it->second.audience) audience += (audience.empty() ? "" : "; ") + a;
  return {{"name", it->second.name},
          {"url", std::string(urls::kSchedules) + "#" + card.schedule},
          {"audience", audience},
          {"frequency", it->second.frequency.wording}};
}

}  // namespace pages_scorecards

std::string scorecard_csv(const Scorecard& card, const json& data) {
  std::string out =
      "\xEF\xBB\xBFscorecard,section,indicator,title,good is,period,value,flags,target,rating,how close,"
      "direction,comparators,page\r\n";
  for (const json& r : data["rows"]) {
    std::string comparators;
    for (const json& c : r["comparators"]) comparators += (comparators.empty() ? "" : "; ") + c.get<std::string>();
    const std::vector<std::string> cols = {card.id,        r["section"],
                                           r["id"],        r["title"],
                                           r["good_is"],   r["period"],
                                           r["value"],     r["flags"],
                                           r["target"],    r["rating"],
                                           r["how_close"], r["direction"],
                                           comparators,    record_url("indicator", r["id"])};
    for (size_t i = 0; i < cols.size(); ++i) out += (i ? "," : "") + csv_field(cols[i]);
    out += "\r\n";
  }
  return out;
}

void add_scorecard_pages(const Context& ctx, RecordPages& out) {
  namespace ps = pages_scorecards;
  if (ctx.records.scorecards.empty()) return;  // no empty section in a hub without one
  const std::string section = section_url("scorecard");
  json list = json::array();
  for (const auto& [id, card] : ctx.records.scorecards) {
    const std::string url = record_url("scorecard", id);
    const json data = scorecard_data(ctx.records, card, ctx.as_of());  // once, for the page and its CSV
    json v = scorecard_view(data, 2);
    v["description"] = card.description;
    v["owner"] = card.owner;
    v["has_description"] = !card.description.empty();
    v["has_owner"] = !card.owner.empty();
    v["serves"] = ps::serves_view(ctx, card);
    v["csv"] = url + "scorecard.csv";
    v["indicators_url"] = section_url("indicator");
    v["section_url"] = section;
    out.files[url.substr(1) + "scorecard.csv"] = scorecard_csv(card, data);
    list.push_back({{"title", card.title}, {"url", url}, {"sentence", v["sentence"]}, {"serves", v["serves"]}});
    out.pages.push_back(
        make_page(url, card.src.path, card.title,
                  card.description.empty() ? card.title + ": " + v["sentence"].get<std::string>() : card.description,
                  section, render(ctx, "scorecard", v), {"scorecard"}));
  }
  json v{{"scorecards", list}, {"as_of", ctx.as_of().human()}};
  out.pages.push_back(make_page(section, "data/scorecards/", "Scorecards",
                                "Scorecards of performance indicators, each rated by qahub's fixed rules, with "
                                "how close each is to its target and its direction of travel.",
                                section, render(ctx, "scorecards", v), {"scorecard"}));
}

}  // namespace qahub::record_pages
