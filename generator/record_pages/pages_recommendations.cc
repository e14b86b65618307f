#include <algorithm>

#include "record_pages/pages.h"
#include "record_pages/urls.h"
#include "records/rollup.h"
#include "records/status.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using nlohmann::json;

namespace pages_recommendations {

/// "three months" for "P3M", "two weeks" for "P2W", "18 months" for "P18M".
std::string period_words(const std::string& period) {
  static const char* const numbers[] = {"",      "one",   "two",  "three", "four",   "five",  "six",
                                        "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  if (period.size() < 3) return period;
  const long n = std::stol(period.substr(1, period.size() - 2));
  const std::string count = n <= 12 ? numbers[n] : std::to_string(n);
  std::string unit;
  switch (period.back()) {
    case 'D':
      unit = "day";
      break;
    case 'W':
      unit = "week";
      break;
    case 'M':
      unit = "month";
      break;
    default:
      unit = "year";
  }
  return count + " " + unit + (n == 1 ? "" : "s");
}

/// "Immediately", "Within three months", "By 1 March 2027".
std::string timeframe_words(const Timeframe& t) {
  switch (t.kind) {
    case Timeframe::Kind::kImmediately:
      return "Immediately";
    case Timeframe::Kind::kWithin:
      return "Within " + period_words(t.within);
    case Timeframe::Kind::kBy:
      return "By " + t.by.human();
  }
  return "";
}

json item_view(const Context& ctx, const RecommendationSet& s, const SetItem& item) {
  const std::string ref = s.id + "/" + item.id;
  const Rollup r = rollup(ctx.records, ref, ctx.as_of());
  json actions = json::array();
  for (const Action* a : addressing(ctx.records, ref)) actions.push_back(action_view(ctx, *a));
  const Impact* impact = latest_impact(ctx.records, ref, ctx.as_of());
  return {{"id", item.id},
          {"ref", ref},
          {"text", item.text},
          {"timeframe", timeframe_words(item.timeframe)},
          {"due", item.timeframe.kind == Timeframe::Kind::kImmediately ? "Immediately" : item.due.human()},
          {"due_iso", item.due.iso()},
          {"actions", actions},
          {"impact", impact ? impact->date.human() + ": " + impact->text : ""},
          {"rollup", rollup_label(r)},
          {"rollup_key", rollup_key(r)}};
}

/// The items of one group, under their timeframes in the order the set lists them.
json timeframes_view(const Context& ctx, const RecommendationSet& s, const std::string& group) {
  std::vector<std::string> order;
  std::map<std::string, json> rows;
  for (const SetItem& item : s.items) {
    if (item.group != group) continue;
    const std::string words = timeframe_words(item.timeframe);
    if (!rows.count(words)) {
      order.push_back(words);
      rows[words] = json::array();
    }
    rows[words].push_back(item_view(ctx, s, item));
  }
  json out = json::array();
  for (const std::string& words : order)
    out.push_back({{"timeframe", words},
                   {"id", (group.empty() ? std::string("items") : group) + "-" + base::slugify(words)},
                   {"items", rows[words]}});
  return out;
}

json counts_view(const Context& ctx, const RecommendationSet& s) {
  json out = json::array();
  for (Rollup r : kRollups) {
    long n = std::count_if(s.items.begin(), s.items.end(),
                           [&](const SetItem& i) { return rollup(ctx.records, s.id + "/" + i.id, ctx.as_of()) == r; });
    out.push_back({{"rollup", rollup_label(r)}, {"key", rollup_key(r)}, {"count", std::to_string(n)}});
  }
  return out;
}

json findings_view(const Context& ctx, const RecommendationSet& s, const std::vector<Item>& items) {
  json out = json::array();
  for (const Item& i : items) {
    json actions = json::array();
    for (const Action* a : addressing(ctx.records, s.id + "/" + i.id)) actions.push_back(action_view(ctx, *a));
    out.push_back({{"id", i.id}, {"text", i.text}, {"actions", actions}});
  }
  return out;
}

RecordPage set_page(const Context& ctx, const RecommendationSet& s) {
  json v;
  v["kind"] = s.kind_words();
  v["issued"] = s.issued.human();
  v["issued_iso"] = s.issued.iso();
  v["owner"] = s.owner;
  v["as_of"] = ctx.as_of().human();
  json judgements = json::array();
  const Scale* scale = find_scale(ctx.records, s.scale);
  for (const Judgement& j : s.judgements) {
    const ScaleLevel* l = scale ? scale->level(j.level) : nullptr;
    std::string area = j.area;
    std::replace(area.begin(), area.end(), '-', ' ');
    std::replace(area.begin(), area.end(), '_', ' ');
    if (!area.empty()) area[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(area[0])));
    judgements.push_back({{"area", area}, {"level", l ? l->label : j.level}});
  }
  v["judgements"] = judgements;
  if (s.statement_due)
    v["statement"] =
        "Due by " + s.statement_due->human() + " (" + std::to_string(s.statement_days) + " working days after issue)";
  json plans = json::array();
  for (const auto& [pid, p] : ctx.records.plans)
    if (std::find(p.responds_to.begin(), p.responds_to.end(), s.id) != p.responds_to.end())
      plans.push_back({{"title", p.title}, {"url", record_url("plan", pid)}, {"status", p.status}});
  v["plans"] = plans;
  v["counts"] = counts_view(ctx, s);
  v["total"] = std::to_string(s.items.size());
  json groups = json::array();
  for (const Item& g : s.groups)
    groups.push_back({{"title", g.text}, {"id", g.id}, {"timeframes", timeframes_view(ctx, s, g.id)}});
  json ungrouped = timeframes_view(ctx, s, "");
  if (!ungrouped.empty())
    groups.push_back({{"title", s.groups.empty() ? "Recommendations" : "Other recommendations"},
                      {"id", "recommendations"},
                      {"timeframes", ungrouped}});
  v["groups"] = groups;
  v["strengths"] = findings_view(ctx, s, s.strengths);
  v["areas"] = findings_view(ctx, s, s.areas);
  return make_page(record_url("recommendations", s.id), s.src.path, s.title,
                   s.kind_words() + " issued " + s.issued.human() + ": " + std::to_string(s.items.size()) +
                       " recommendations with their due dates, the actions addressing them and where each stands on " +
                       ctx.as_of().human() + ".",
                   section_url("recommendations"), render(ctx, "recommendations", v), {"recommendations"});
}

}  // namespace pages_recommendations

std::string recommendations_csv(const Context& ctx) {
  namespace pr = pages_recommendations;
  std::string out =
      "\xEF\xBB\xBFset,set title,kind,issued,item,group,text,timeframe,due,addressed by,roll-up,latest impact,page\r\n";
  for (const auto& [id, s] : ctx.records.recommendations)
    for (const SetItem& item : s.items) {
      const std::string ref = id + "/" + item.id;
      std::string by;
      for (const Action* a : addressing(ctx.records, ref)) by += (by.empty() ? "" : " ") + a->id;
      const Item* g = s.group(item.group);
      const Impact* impact = latest_impact(ctx.records, ref, ctx.as_of());
      std::vector<std::string> cols = {id,
                                       s.title,
                                       s.kind,
                                       s.issued.iso(),
                                       item.id,
                                       g ? g->text : "",
                                       item.text,
                                       pr::timeframe_words(item.timeframe),
                                       item.due.iso(),
                                       by,
                                       rollup_label(rollup(ctx.records, ref, ctx.as_of())),
                                       impact ? impact->date.iso() + ": " + impact->text : "",
                                       record_url("recommendations", id) + "#" + item.id};
      for (size_t i = 0; i < cols.size(); ++i) out += (i ? "," : "") + csv_field(cols[i]);
      out += "\r\n";
    }
  return out;
}

void add_recommendation_pages(const Context& ctx, RecordPages& out) {
  namespace pr = pages_recommendations;
  if (ctx.records.recommendations.empty()) return;  // no empty section in a hub without any
  json sets = json::array();
  for (const auto& [id, s] : ctx.records.recommendations) {
    out.pages.push_back(pr::set_page(ctx, s));
    out.pages.back().order = {s.issued.iso()};
    json counts = pr::counts_view(ctx, s);
    sets.push_back({{"title", s.title},
                    {"url", record_url("recommendations", id)},
                    {"kind", s.kind_words()},
                    {"issued", s.issued.human()},
                    {"issued_iso", s.issued.iso()},
                    {"total", std::to_string(s.items.size())},
                    {"counts", counts}});
  }
  std::stable_sort(sets.begin(), sets.end(),
                   [](const json& a, const json& b) { return a["issued_iso"] > b["issued_iso"]; });
  json headings = json::array();
  for (Rollup r : kRollups) headings.push_back({{"rollup", rollup_label(r)}});
  json v{{"sets", sets}, {"headings", headings}, {"as_of", ctx.as_of().human()}};
  const std::string section = section_url("recommendations");
  out.pages.push_back(make_page(section, "data/recommendations/", "Recommendations",
                                "Every inspection, improvement notice and review's recommendations, with how many "
                                "have no action, are in progress or are complete on " +
                                    ctx.as_of().human() + ".",
                                section, render(ctx, "recommendation-sets", v), {"recommendations"}));
  out.files[section.substr(1) + "recommendations.csv"] = recommendations_csv(ctx);
}

}  // namespace qahub::record_pages
