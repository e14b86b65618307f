#include <algorithm>

#include "figures/quarters.h"
#include "record_pages/pages.h"
#include "record_pages/urls.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using figures::quarter_label;
using figures::quarter_of;
using nlohmann::json;

namespace {

/// "2025-Q4" → "2026-Q1".
std::string next_quarter(const std::string& q) {
  int year = std::stoi(q.substr(0, 4)), n = q[6] - '0';
  if (n == 4) return std::to_string(year + 1) + "-Q1";
  return std::to_string(year) + "-Q" + std::to_string(n + 1);
}

std::string short_quarter(const std::string& q) {
  static const char* kShort[] = {"Jan–Mar", "Apr–Jun", "Jul–Sep", "Oct–Dec"};
  return std::string(kShort[q[6] - '1']) + " " + q.substr(0, 4);
}

json linked(const Context& ctx, const Training& t) {
  json out = json::array();
  for (const std::string& ref : t.linked_findings) {
    auto it = ctx.refs.find(ref);
    if (it == ctx.refs.end()) continue;
    const std::string where = it->second.where;
    out.push_back(
        {{"title", it->second.text}, {"url", urls::ref(it->second)}, {"detail", where + ", " + it->second.label}});
  }
  return out;
}

}  // namespace

void add_training_pages(const Context& ctx, RecordPages& out) {
  const Records& r = ctx.records;
  if (r.training.empty()) return;  // no empty timeline (nor its nav entry) until there is a programme
  const std::string now = quarter_of(ctx.as_of());
  std::string first, last;
  for (const auto& [id, t] : r.training)
    for (const Phase& p : t.phases) {
      if (first.empty() || p.quarter < first) first = p.quarter;
      if (last.empty() || p.quarter > last) last = p.quarter;
    }
  std::vector<std::string> quarters;
  if (!first.empty())
    for (std::string q = first; q <= last; q = next_quarter(q)) quarters.push_back(q);

  json columns = json::array();
  for (const std::string& q : quarters)
    columns.push_back({{"label", short_quarter(q)}, {"full", quarter_label(q)}, {"now", q == now}});
  json rows = json::array();
  for (const auto& [id, t] : r.training) {
    json cells = json::array();
    for (const std::string& q : quarters) {
      std::string text;
      for (const Phase& p : t.phases)
        if (p.quarter == q)
          text += (text.empty() ? "" : "; ") + p.activity + (p.audience.empty() ? "" : " (" + p.audience + ")");
      std::string css = text.empty() ? "" : "records-active";
      if (q == now) css += css.empty() ? "records-now" : " records-now";
      cells.push_back({{"text", text}, {"class", css}});
    }
    rows.push_back({{"name", t.name}, {"url", urls::training(id)}, {"cells", cells}});

    json v;
    v["description"] = t.description;
    json audience = json::array();
    for (const std::string& a : t.audience) audience.push_back(a);
    v["audience"] = audience;
    json phases = json::array();
    for (const Phase& p : t.phases)
      phases.push_back({{"quarter", quarter_label(p.quarter)},
                        {"activity", p.activity},
                        {"audience", p.audience},
                        {"now", p.quarter == now},
                        {"past", p.quarter < now}});
    v["phases"] = phases;
    v["linked"] = linked(ctx, t);
    v["now"] = quarter_label(now);
    out.pages.push_back(make_page(
        urls::training(id), t.src.path, t.name,
        t.description.empty() ? "Phases, audience and the findings behind the " + t.name + " training programme."
                              : t.description,
        urls::kTraining, render(ctx, "training", v), {"training"}));
    // By start: the first phase's quarter ("2026-Q2" sorts as text); none last.
    std::string start = "~";
    for (const Phase& p : t.phases) start = std::min(start, p.quarter);
    out.pages.back().order = {start, id};
  }
  json v{{"columns", columns}, {"programmes", rows}, {"now", quarter_label(now)}, {"has_quarters", !quarters.empty()}};
  out.pages.push_back(
      make_page(urls::kTraining, "data/training/", "Training timeline",
                "When each practice framework training programme runs, quarter by quarter, and who it is for.",
                urls::kTraining, render(ctx, "training-timeline", v), {"training"}));
}

}  // namespace qahub::record_pages
