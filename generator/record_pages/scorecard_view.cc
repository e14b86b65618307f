#include "record_pages/scorecard_view.h"

#include <algorithm>

#include "base/text.h"
#include "record_pages/kinds.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these views show

using nlohmann::json;

namespace scorecard_view_parts {

json row_data(const ScorecardRow& row, const std::string& section) {
  const Indicator& ind = *row.indicator;
  json recent = json::array();
  for (const RatedPeriod& p : row.recent)
    recent.push_back({{"when", p.row.period},
                      {"shown", p.value_text},
                      {"number", p.rounded ? json(format_decimal(*p.rounded, ind.decimals)) : json()}});
  json r = {{"id", ind.id},
            {"section", section},
            {"title", ind.title},
            {"good_is", good_is(polarity_of(ind.polarity).value_or(Polarity::kHigher))},
            {"period", ""},
            {"value", "no value yet"},
            {"flags", ""},
            {"target", ""},
            {"rating", "Not rated: no value yet"},
            {"rating_key", rating_key(Rating::kNotRated)},
            {"how_close", ""},
            {"direction", row.direction_text},
            {"direction_key", direction_key(row.direction)},
            {"comparators", row.comparators},
            {"recent", recent}};
  if (row.latest) {
    const RatedPeriod& p = *row.latest;
    std::string flags = p.flag_text;
    if (p.small_sample) flags += std::string(flags.empty() ? "" : "; ") + kSmallSample;
    r["period"] = p.row.period;
    r["value"] = p.value_text;
    r["flags"] = flags;
    r["target"] = p.target ? p.target->text : "";
    r["rating"] = p.rating_text;
    r["rating_key"] = rating_key(p.rating);
    r["how_close"] = p.how_close;
  }
  return r;
}

json counts_data(const ScorecardSummary& s) {
  return {{"with_target", s.with_target},
          {"met", s.met},
          {"within", s.within},
          {"not_met", s.not_met},
          {"not_rated", s.not_rated}};
}

constexpr int kStep = 14, kHeight = 30, kPad = 4;

/// A row's recent values as a sparkline: a line through the numeric values
/// (broken at a symbol), the latest marked; its title and description name
/// every value, as the recent-values table does.
std::string sparkline(const json& row, const std::string& prefix) {
  const json& recent = row.value("recent", json::array());
  std::vector<std::optional<long long>> ys;
  for (const json& p : recent) {
    const json n = p.value("number", json());
    ys.push_back(n.is_string() ? parse_decimal(n.get<std::string>()) : std::nullopt);
  }
  std::vector<long long> have;
  for (const auto& y : ys)
    if (y) have.push_back(*y);
  if (have.empty()) return "";
  const long long lo = *std::min_element(have.begin(), have.end()),
                  hi = std::max(*std::max_element(have.begin(), have.end()), lo + 1);
  const int n = static_cast<int>(recent.size()), width = kPad * 2 + std::max(n - 1, 1) * kStep;
  auto x = [](int i) { return kPad + i * kStep; };
  auto y = [&](long long v) {
    return kPad + static_cast<int>(static_cast<long double>(hi - v) * (kHeight - 2 * kPad) / (hi - lo));
  };
  const std::string id = prefix + "-spark-" + row.value("id", "");  // unique when two scorecards share an indicator
  std::string desc;
  for (const json& p : recent) desc += (desc.empty() ? "" : "; ") + p.value("when", "") + " " + p.value("shown", "");
  std::string s = "<svg class=\"scorecard-sparkline\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
                  "-desc\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(kHeight) + "\" width=\"" +
                  std::to_string(width) + "\" height=\"" + std::to_string(kHeight) +
                  "\" xmlns=\"http://www.w3.org/2000/svg\">";
  s += "<title id=\"" + id + "-title\">" + base::html_escape(row.value("title", "") + ": recent values") + "</title>";
  s += "<desc id=\"" + id + "-desc\">" + base::html_escape(desc) + "</desc>";
  std::string run;
  auto flush = [&] {
    if (run.find(' ') != std::string::npos)
      s += "<polyline points=\"" + run + "\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"1.5\"/>";
    run.clear();
  };
  for (int i = 0; i < n; ++i) {
    if (!ys[i]) {
      flush();
      continue;
    }
    run += (run.empty() ? "" : " ") + std::to_string(x(i)) + "," + std::to_string(y(*ys[i]));
  }
  flush();
  if (ys.back())
    s += "<circle cx=\"" + std::to_string(x(n - 1)) + "\" cy=\"" + std::to_string(y(*ys.back())) +
         "\" r=\"2.5\" fill=\"#0b0c0c\"/>";
  return s + "</svg>";
}

/// The row's view: its URL, sparkline and recent-values cells, latest last.
json row_view(const json& row, const std::string& prefix) {
  json v = row;
  v["url"] = record_url("indicator", row.value("id", ""));
  v["sparkline"] = sparkline(row, prefix);
  json cells = json::array();
  const json& recent = row.value("recent", json::array());
  for (size_t i = recent.size(); i < kRecentValues; ++i) cells.push_back({{"text", ""}});
  for (const json& p : recent) cells.push_back({{"text", p.value("when", "") + ": " + p.value("shown", "")}});
  v["recent_cells"] = cells;
  json comparators = json::array();
  for (const json& c : row.value("comparators", json::array())) comparators.push_back({{"text", c}});
  v["comparators"] = comparators;
  // Mustache shows a section for an empty string: say which parts there are.
  for (const char* k : {"period", "flags", "target", "how_close"})
    v[std::string("has_") + k] = !row.value(k, "").empty();
  return v;
}

json recent_headings() {
  json h = json::array();
  for (size_t back = kRecentValues - 1; back > 0; --back)
    h.push_back({{"text", std::to_string(back) + (back == 1 ? " value back" : " values back")}});
  h.push_back({{"text", "Latest"}});
  return h;
}

}  // namespace scorecard_view_parts

json scorecard_data(const Records& records, const Scorecard& card, base::Date at) {
  namespace sv = scorecard_view_parts;
  const std::vector<ScorecardPart> parts = resolve_scorecard(records, card, at);
  json rows = json::array();
  for (const ScorecardPart& part : parts)
    for (const ScorecardRow& row : part.rows) rows.push_back(sv::row_data(row, part.title));
  json sections = json::array();
  for (const ScorecardSection& s : card.sections) sections.push_back(s.title);
  return {{"id", card.id},
          {"title", card.title},
          {"as_of", at.iso()},
          {"method", method_words(card)},
          {"counts", sv::counts_data(summarise(parts))},
          {"sections", sections},
          {"rows", rows}};
}

json indicator_data(const Records& records, const Indicator& indicator, base::Date at) {
  return scorecard_view_parts::row_data(resolve_row(records, indicator, at), "");
}

ScorecardSummary summary_of(const json& counts) {
  ScorecardSummary s;
  s.with_target = counts.value("with_target", 0L);
  s.met = counts.value("met", 0L);
  s.within = counts.value("within", 0L);
  s.not_met = counts.value("not_met", 0L);
  s.not_rated = counts.value("not_rated", 0L);
  return s;
}

json scorecard_view(const json& data, int level) {
  namespace sv = scorecard_view_parts;
  json sections = json::array();
  for (const json& title : data.value("sections", json::array())) {
    const std::string t = title.is_string() ? title.get<std::string>() : "";
    json rows = json::array();
    for (const json& row : data.value("rows", json::array()))
      if (row.value("section", "") == t) rows.push_back(sv::row_view(row, data.value("id", "")));
    sections.push_back({{"title", t},
                        {"anchor", data.value("id", "") + "-" + base::slugify(t)},
                        {"level", std::to_string(level)},
                        {"rows", rows},
                        {"has_rows", !rows.empty()},
                        {"recent_headings", sv::recent_headings()}});
  }
  const std::string as_of = data.value("as_of", "");
  auto d = base::Date::parse(as_of);
  return {{"title", data.value("title", "")},
          {"sentence", summary_sentence(summary_of(data.value("counts", json::object())))},
          {"method", data.value("method", "")},
          {"as_of", as_of},
          {"as_of_human", d ? d->human() : as_of},
          {"sections", sections}};
}

json indicator_view(const json& data) {
  namespace sv = scorecard_view_parts;
  json v = sv::row_view(data, "indicator");
  v["recent_headings"] = sv::recent_headings();
  v["has_value"] = !data.value("period", "").empty();
  v["has_comparators"] = !v["comparators"].empty();
  return v;
}

}  // namespace qahub::record_pages
