#include <algorithm>

#include "base/text.h"
#include "record_pages/pages.h"
#include "record_pages/urls.h"
#include "records/indicators.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using nlohmann::json;

namespace pages_indicators {

constexpr int kLeft = 64, kTop = 20, kPlot = 180, kStep = 72, kBottom = 40, kRight = 300;
constexpr const char* kInk = "#1d70b8";     // the series, 5.2:1 against white
constexpr const char* kTarget = "#0b0c0c";  // target: dashed
constexpr const char* kFloor = "#6f3b00";   // floor or tolerance edge: dotted
constexpr const char* kComparator = "#505a5f";
constexpr const char* kGrid = "#b1b4b6";

std::string num(long v) { return std::to_string(v); }

std::string svg_text(int x, int y, const std::string& anchor, const std::string& s, const std::string& css = "") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\"" +
         (css.empty() ? "" : " class=\"" + css + "\"") + ">" + base::html_escape(s) + "</text>";
}

std::string svg_line(int x1, int y1, int x2, int y2, const char* stroke, const std::string& dash, int width = 2) {
  return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\" stroke=\"" +
         stroke + "\" stroke-width=\"" + num(width) + "\"" +
         (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
}

/// The y scale: the numbers' range, padded, so every line fits.
struct Scale {
  Micro lo = 0, hi = kOne;
  int y(Micro v) const {
    return kTop + kPlot -
           static_cast<int>(static_cast<long double>(v - lo) * kPlot / static_cast<long double>(hi - lo));
  }
};

/// The indicator's series as a line chart: a marker and its value written at
/// every point (the same text as the table's value column), symbols in words,
/// the target (dashed), floor or band edges (dotted) for each period and each
/// comparator's latest value as a labelled line, so nothing depends on colour.
std::string chart_svg(const Indicator& ind, const std::vector<RatedPeriod>& series) {
  std::vector<Micro> all;
  for (const RatedPeriod& p : series) {
    if (p.rounded) all.push_back(*p.rounded);
    if (p.target)
      for (const auto& n :
           {p.target->numbers.value, p.target->numbers.low, p.target->numbers.high, p.target->numbers.floor})
        if (n) all.push_back(*n);
  }
  for (const Comparator& c : ind.comparators) all.push_back(c.value);
  Scale sc;
  if (!all.empty()) {
    sc.lo = *std::min_element(all.begin(), all.end());
    sc.hi = *std::max_element(all.begin(), all.end());
    const Micro pad = std::max<Micro>((sc.hi - sc.lo) / 8, kOne);
    sc.lo -= pad;
    sc.hi += pad;
    if (ind.unit == "percent" || sc.lo < 0) sc.lo = std::max<Micro>(sc.lo, 0);
  }
  const int n = static_cast<int>(series.size());
  const int width = kLeft + std::max(n, 2) * kStep + kRight, height = kTop + kPlot + kBottom;
  const std::string id = "chart-" + ind.id;
  std::string desc = "Values by period:";
  for (const RatedPeriod& p : series)
    desc += " " + p.row.period + " " + p.value_text + (p.target ? " (target " + p.target->text + ")" : "") + ";";
  for (const Comparator& c : ind.comparators)
    desc += " " + comparator_words(c.kind) + " " + c.period + " " + format_value(ind, c.value) + ";";
  std::string s = "<svg class=\"records-chart indicator-chart\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
                  "-desc\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\" width=\"" + num(width) +
                  "\" height=\"" + num(height) + "\" xmlns=\"http://www.w3.org/2000/svg\">";
  s += "<title id=\"" + id + "-title\">" + base::html_escape(ind.title + ": values by period") + "</title>";
  s += "<desc id=\"" + id + "-desc\">" + base::html_escape(desc) + "</desc>";
  for (Micro v : {sc.lo, (sc.lo + sc.hi) / 2, sc.hi}) {
    s += svg_line(kLeft, sc.y(v), kLeft + n * kStep, sc.y(v), kGrid, "", 1);
    s += svg_text(kLeft - 6, sc.y(v) + 4, "end", format_value(ind, v));
  }
  auto x_at = [](int i) { return kLeft + kStep / 2 + i * kStep; };
  for (int i = 0; i < n; ++i) s += svg_text(x_at(i), kTop + kPlot + 22, "middle", series[i].row.period);
  // Targets, floors and band edges: a segment across each period's step.
  for (int i = 0; i < n; ++i) {
    if (!series[i].target) continue;
    const TargetNumbers& t = series[i].target->numbers;
    const int x1 = x_at(i) - kStep / 2 + 4, x2 = x_at(i) + kStep / 2 - 4;
    for (const auto& v : {t.value, t.low, t.high}) {
      if (!v) continue;
      s += svg_line(x1, sc.y(*v), x2, sc.y(*v), kTarget, "6 4");
      s += svg_text(x2, sc.y(*v) - 4, "end", format_value(ind, *v), "indicator-target");
    }
    if (t.floor) s += svg_line(x1, sc.y(*t.floor), x2, sc.y(*t.floor), kFloor, "2 3");
  }
  // Comparators: the latest value of each kind across the plot, labelled at
  // the right, labels kept at least a line apart (top to bottom by value).
  std::vector<const Comparator*> latest;
  for (const Comparator& c : ind.comparators)
    if (comparator_on(ind, c.kind, base::Date{9999, 12, 31}) == &c) latest.push_back(&c);
  std::stable_sort(latest.begin(), latest.end(),
                   [](const Comparator* a, const Comparator* b) { return a->value > b->value; });
  int last_label = -100;
  for (const Comparator* c : latest) {
    s += svg_line(kLeft, sc.y(c->value), kLeft + n * kStep, sc.y(c->value), kComparator, "1 4");
    last_label = std::max(sc.y(c->value) + 4, last_label + 15);
    s += svg_text(kLeft + n * kStep + 6, last_label, "start",
                  comparator_words(c->kind) + " " + c->period + ": " + format_value(ind, c->value));
  }
  // The series: joined only between neighbouring numeric points, never across a break.
  std::string run;
  auto flush = [&] {
    if (run.find(' ') != std::string::npos)
      s += "<polyline points=\"" + run + "\" fill=\"none\" stroke=\"" + kInk + "\" stroke-width=\"2\"/>";
    run.clear();
  };
  for (int i = 0; i < n; ++i) {
    const RatedPeriod& p = series[i];
    const bool broken =
        std::any_of(ind.breaks.begin(), ind.breaks.end(), [&](const SeriesBreak& b) { return b.index == p.row.index; });
    if (!p.rounded || broken) flush();
    if (broken) {
      const int x = x_at(i) - kStep / 2;
      s += svg_line(x, kTop, x, kTop + kPlot, kTarget, "5 4");
      s += svg_text(x + 4, kTop + 12, "start", "break");
    }
    if (p.rounded) run += (run.empty() ? "" : " ") + num(x_at(i)) + "," + num(sc.y(*p.rounded));
  }
  flush();
  for (int i = 0; i < n; ++i) {
    const RatedPeriod& p = series[i];
    if (p.rounded) {
      s += "<circle cx=\"" + num(x_at(i)) + "\" cy=\"" + num(sc.y(*p.rounded)) + "\" r=\"4\" fill=\"" + kInk + "\"/>";
      s += svg_text(x_at(i), sc.y(*p.rounded) - 9, "middle", p.value_text, "indicator-point");
    } else {
      s += svg_text(x_at(i), kTop + kPlot / 2, "middle", p.value_text, "indicator-point");
    }
  }
  s += "</svg>";
  return s;
}

std::string unit_words(const Indicator& ind) {
  if (ind.unit == "rate_per_10000") return "rate per 10,000";
  return ind.unit;
}

std::string period_type_words_of(const Indicator& ind) {
  if (ind.period_type == "financial-year") return "financial year (April to March)";
  if (ind.period_type == "rolling-12") return "rolling 12 months, by their last month";
  if (ind.period_type == "year-to-date") return "year to date, by its last month";
  return ind.period_type;
}

std::string number_or_blank(const std::optional<Micro>& v) { return v ? format_decimal(*v, 0) : ""; }

json row_view(const RatedPeriod& p) {
  std::string flags = p.flag_text;
  if (p.small_sample) flags += std::string(flags.empty() ? "" : "; ") + kSmallSample;
  return {{"period", p.row.period},
          {"value", p.value_text},
          {"flags", flags},
          {"numerator", number_or_blank(p.row.numerator)},
          {"denominator", number_or_blank(p.row.denominator)},
          {"target", p.target ? p.target->text : ""},
          {"rating", p.rating_text},
          {"rating_key", rating_key(p.rating)},
          {"how_close", p.how_close},
          {"direction", p.direction_text},
          {"direction_key", direction_key(p.direction)},
          {"note", p.row.note},
          {"commentary", p.row.commentary}};
}

RecordPage indicator_page(const Context& ctx, const Indicator& ind, const std::vector<RatedPeriod>& series) {
  json v;
  v["definition"] = ind.definition;
  v["source"] = ind.source;
  v["owner"] = ind.owner;
  v["unit"] = unit_words(ind) + ", " + std::to_string(ind.decimals) + (ind.decimals == 1 ? " decimal" : " decimals");
  v["good_is"] = good_is(polarity_of(ind.polarity).value_or(Polarity::kHigher));
  v["period_type"] = period_type_words_of(ind);
  std::string kind = ind.kind == "activity" ? "activity: not rated" : "performance";
  if (ind.info_only) kind += ", for information: not rated";
  if (ind.expected_low && ind.expected_high)
    kind += "; expected range " + format_value(ind, *ind.expected_low) + " to " + format_value(ind, *ind.expected_high);
  v["kind"] = kind;
  v["values_from"] = !ind.survey_question.empty() ? "survey question " + ind.survey_question + ", one value per run"
                     : ind.figure.empty()         ? "the values file"
                                                  : "audit cycles (good or better share, worked out)";
  if (auto t = ctx.refs.find(ind.measures); t != ctx.refs.end())
    v["measures"] = {{"text", t->second.where + ", " + t->second.label + " " + t->second.item + ": " + t->second.text},
                     {"url", urls::ref(t->second)}};
  json tested = json::array();
  for (const std::string& a : ind.tested_by) {
    auto it = ctx.records.audits.find(a);
    tested.push_back({{"title", it == ctx.records.audits.end() ? a : it->second.theme}, {"url", urls::audit(a)}});
  }
  v["tested_by"] = tested;
  json targets = json::array();
  for (const IndicatorTarget& t : ind.targets) {
    std::string what;
    if (t.low && t.high)
      what = format_value(ind, *t.low) + " to " + format_value(ind, *t.high);
    else if (t.value)
      what = format_value(ind, *t.value);
    else
      what = comparator_words(t.relative_to) +
             (t.offset ? (t.offset > 0 ? " + " : " − ") + format_decimal(std::llabs(t.offset), ind.decimals) : "");
    if (t.floor) what += "; floor " + format_value(ind, *t.floor);
    if (t.tolerance) what += "; tolerance " + format_decimal(*t.tolerance, ind.decimals);
    std::string decided_text = "no decision recorded", decided_url;
    if (auto d = ctx.refs.find(t.decided_by); d != ctx.refs.end()) {
      decided_text = d->second.where + ", decision " + d->second.item;
      decided_url = urls::ref(d->second);
    }
    targets.push_back({{"from", t.from.human()},
                       {"until", t.until ? t.until->human() : "no end date"},
                       {"what", what},
                       {"decided_text", decided_text},
                       {"decided_url", decided_url}});
  }
  v["targets"] = targets;
  json comparators = json::array();
  for (const Comparator& c : ind.comparators)
    comparators.push_back({{"kind", comparator_words(c.kind)},
                           {"model", c.model.empty() ? "not named" : c.model},
                           {"period", c.period},
                           {"value", format_value(ind, c.value)},
                           {"source", c.source}});
  v["comparators"] = comparators;
  json breaks = json::array();
  for (const SeriesBreak& b : ind.breaks) breaks.push_back({{"period", b.period}, {"reason", b.reason}});
  v["breaks"] = breaks;
  json rows = json::array(), commentary = json::array();
  for (const RatedPeriod& p : series) {
    rows.push_back(row_view(p));
    if (!p.row.commentary.empty()) commentary.push_back({{"period", p.row.period}, {"text", p.row.commentary}});
  }
  v["rows"] = rows;
  v["commentary"] = commentary;
  v["chart"] = series.empty() ? "" : chart_svg(ind, series);
  v["as_of"] = ctx.as_of().human();
  v["csv"] = section_url("indicator") + "indicators.csv";
  std::string description = ind.title + ": " + ind.definition;
  return make_page(record_url("indicator", ind.id), ind.src.path, ind.title, description, section_url("indicator"),
                   render(ctx, "indicator", v), {"indicator"});
}

}  // namespace pages_indicators

std::string indicators_csv(const Context& ctx) {
  std::string out =
      "\xEF\xBB\xBFindicator,title,unit,good is,period,value,symbol,flag,numerator,denominator,target,rating,"
      "how close,direction,small sample,note,commentary,page\r\n";
  for (const auto& [id, ind] : ctx.records.indicators) {
    for (const RatedPeriod& p : rate_series(ctx.records, ind)) {
      std::vector<std::string> cols = {id,
                                       ind.title,
                                       ind.unit,
                                       good_is(polarity_of(ind.polarity).value_or(Polarity::kHigher)),
                                       p.row.period,
                                       p.rounded ? format_decimal(*p.rounded, ind.decimals) : "",
                                       p.row.symbol ? std::string(1, p.row.symbol) : "",
                                       p.row.flag ? std::string(1, p.row.flag) : "",
                                       pages_indicators::number_or_blank(p.row.numerator),
                                       pages_indicators::number_or_blank(p.row.denominator),
                                       p.target ? p.target->text : "",
                                       p.rating_text,
                                       p.how_close,
                                       p.direction_text,
                                       p.small_sample ? "yes" : "",
                                       p.row.note,
                                       p.row.commentary,
                                       record_url("indicator", id)};
      for (size_t i = 0; i < cols.size(); ++i) out += (i ? "," : "") + csv_field(cols[i]);
      out += "\r\n";
    }
  }
  return out;
}

void add_indicator_pages(const Context& ctx, RecordPages& out) {
  namespace pi = pages_indicators;
  if (ctx.records.indicators.empty()) return;  // no empty section in a hub without one
  json list = json::array();
  for (const auto& [id, ind] : ctx.records.indicators) {
    const std::vector<RatedPeriod> series = rate_series(ctx.records, ind);
    out.pages.push_back(pi::indicator_page(ctx, ind, series));
    json row = {{"title", ind.title},
                {"url", record_url("indicator", id)},
                {"good_is", good_is(polarity_of(ind.polarity).value_or(Polarity::kHigher))},
                {"period", ""},
                {"value", "no values yet"},
                {"rating", ""},
                {"rating_key", "not-rated"},
                {"direction", ""}};
    if (!series.empty()) {
      const RatedPeriod& p = series.back();
      row["period"] = p.row.period;
      row["value"] = p.value_text + (p.flag_text.empty() ? "" : " (" + p.flag_text + ")");
      row["rating"] = p.rating_text;
      row["rating_key"] = rating_key(p.rating);
      row["direction"] = p.direction_text;
    }
    list.push_back(row);
  }
  const std::string section = section_url("indicator");
  out.files[section.substr(1) + "indicators.csv"] = indicators_csv(ctx);
  json v{{"indicators", list}, {"as_of", ctx.as_of().human()}, {"csv", section + "indicators.csv"}};
  out.pages.push_back(make_page(section, "data/indicators/", "Indicators",
                                "Performance indicators with their latest value, rating and direction of travel, "
                                "rated by qahub's fixed rules.",
                                section, render(ctx, "indicators", v), {"indicator"}));
}

}  // namespace qahub::record_pages
