/// The risk register (issue 35): `/risks/` (a text matrix of open risks by
/// likelihood and impact, then the register grouped by band, top first, and
/// the closed risks), `/risks/<id>/` (its assessments as a table and a small
/// chart with the same numbers) and `/risks/risks.csv`. Every value is
/// records/risks.h's, as of the build date.
#include <algorithm>

#include "base/text.h"
#include "record_pages/pages.h"
#include "record_pages/urls.h"
#include "records/risks.h"
#include "records/status.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using nlohmann::json;

namespace pages_risks {

std::string num(long v) { return std::to_string(v); }

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

/// "very high" → "very-high", for class names a theme may colour.
std::string band_key(const std::string& name) {
  std::string out;
  for (char c : name) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : (c == ' ' ? '-' : c);
  return out;
}

std::string band_range(const config::RiskMatrix& m, size_t i) {
  return num(m.bands[i].from) + " to " + num(m.band_to(i));
}

std::string svg_text(int x, int y, const std::string& anchor, const std::string& s) {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\">" + base::html_escape(s) +
         "</text>";
}

std::string svg_line(int x1, int y1, int x2, int y2, const char* stroke, const std::string& dash) {
  return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\" stroke=\"" +
         stroke + "\" stroke-width=\"" + (dash.empty() ? "1" : "2") + "\"" +
         (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
}

/// The score at each assessment as a small line chart: every point marked and
/// its score written beside it, band edges as labelled grid lines, the target
/// dashed, so nothing depends on colour; the table beside it has the same numbers.
std::string chart_svg(const Risk& k, const config::RiskMatrix& m, base::Date as_of) {
  constexpr int kLeft = 120, kTop = 16, kPlot = 160, kStep = 90, kBottom = 36, kRight = 90;
  std::vector<const RiskAssessment*> points;
  for (const RiskAssessment& a : k.history)
    if (!(as_of < a.date)) points.push_back(&a);
  if (points.empty()) return "";
  const int n = static_cast<int>(points.size());
  const int width = kLeft + std::max(n, 2) * kStep + kRight;
  const long max = std::max<long>(m.max_score(), 1);
  auto y = [&](long v) { return kTop + kPlot - static_cast<int>(v * kPlot / max); };
  auto x = [&](int i) { return kLeft + kStep / 2 + i * kStep; };
  const int right = kLeft + std::max(n, 2) * kStep;
  // Band edges, labelled from the top down, each label at least a line below the one above.
  std::string b = svg_line(kLeft, y(max), right, y(max), "#b1b4b6", "");
  b += svg_text(kLeft - 6, y(max) + 4, "end", "most " + num(max));
  int last_label = y(max) + 4;
  for (size_t i = m.bands.size(); i-- > 0;) {
    const long from = m.bands[i].from;
    b += svg_line(kLeft, y(from), right, y(from), "#b1b4b6", "");
    last_label = std::max(y(from) + 4, last_label + 14);
    b += svg_text(kLeft - 6, last_label, "end", m.bands[i].name + " from " + num(from));
  }
  if (k.target_score) {
    b += svg_line(kLeft, y(*k.target_score), right, y(*k.target_score), "#0b0c0c", "6 4");
    b += svg_text(right + 6, y(*k.target_score) + 4, "start", "target " + num(*k.target_score));
  }
  std::string line;
  for (int i = 0; i < n; ++i) line += (i ? " " : "") + num(x(i)) + "," + num(y(points[i]->score()));
  if (n > 1) b += "<polyline points=\"" + line + "\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\"/>";
  for (int i = 0; i < n; ++i) {
    const long v = points[i]->score();
    b += "<circle cx=\"" + num(x(i)) + "\" cy=\"" + num(y(v)) + "\" r=\"4\" fill=\"#1d70b8\"/>";
    b += svg_text(x(i), y(v) - 9, "middle", num(v));
    b += svg_text(x(i), kTop + kPlot + 22, "middle", points[i]->date.iso());
  }
  const int height = std::max(kTop + kPlot + kBottom, last_label + 8);
  const std::string id = "chart-" + k.id;
  std::string desc = "Score at each assessment:";
  for (const RiskAssessment* a : points)
    desc += " " + a->date.iso() + " " + num(a->score()) + " (" + m.band_name(a->score()) + ");";
  if (k.target_score) desc += " target " + num(*k.target_score) + ".";
  std::string s = "<svg class=\"records-chart risk-chart\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
                  "-desc\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\" width=\"" + num(width) +
                  "\" height=\"" + num(height) + "\" xmlns=\"http://www.w3.org/2000/svg\">";
  s += "<title id=\"" + id + "-title\">" + base::html_escape(k.title + ": score at each assessment") + "</title>";
  s += "<desc id=\"" + id + "-desc\">" + base::html_escape(desc) + "</desc>";
  return s + b + "</svg>";
}

/// The mitigations of `k`: each action with its status as of the date.
json mitigations_view(const Context& ctx, const Risk& k) {
  json out = json::array();
  for (const std::string& a : k.mitigations) {
    auto it = ctx.records.actions.find(a);
    if (it == ctx.records.actions.end()) continue;  // withheld (sensitive) or reported as unknown
    const Status st = shown_status(it->second, ctx.as_of());
    out.push_back({{"id", a},
                   {"title", it->second.title},
                   {"url", urls::action(a)},
                   {"status", status_label(st)},
                   {"status_key", status_key(st)}});
  }
  return out;
}

/// Mitigations not complete as of the date.
long open_mitigations(const Context& ctx, const Risk& k) {
  long n = 0;
  for (const std::string& a : k.mitigations) {
    auto it = ctx.records.actions.find(a);
    if (it == ctx.records.actions.end()) continue;
    const auto done = completed_on(it->second);
    if (!done || ctx.as_of() < *done) ++n;
  }
  return n;
}

json row_view(const Context& ctx, const Risk& k, const RiskState& s) {
  const config::RiskMatrix& m = ctx.records.risk_matrix;
  return {{"id", k.id},
          {"title", k.title},
          {"url", record_url("risk", k.id)},
          {"owner", k.owner},
          {"category", k.category},
          {"score", s.current ? risk_score_words(*s.current, m) : ""},
          {"band", s.band_name},
          {"band_key", band_key(s.band_name)},
          {"direction", risk_direction_words(s)},
          {"direction_key", risk_direction_key(s.direction)},
          {"target", k.target_score ? num(*k.target_score) + ", " + m.band_name(*k.target_score) : "none set"},
          {"review_by", k.review_by.human()},
          {"review_iso", k.review_by.iso()},
          {"overdue", s.overdue_review},
          {"open_mitigations", num(open_mitigations(ctx, k)) + " of " + num(static_cast<long>(k.mitigations.size()))},
          {"closed", k.closed ? k.closed->human() : ""}};
}

RecordPage risk_page(const Context& ctx, const Risk& k) {
  const config::RiskMatrix& m = ctx.records.risk_matrix;
  const RiskState s = risk_state(k, m, ctx.as_of());
  json v = row_view(ctx, k, s);
  v["text"] = k.text;
  v["status"] = risk_status_words(k, s);
  v["previous"] = s.previous ? risk_score_words(*s.previous, m) + ", " + s.previous->date.human() : "none";
  v["raised"] = k.history.empty() ? "" : k.history.front().date.human();
  v["mitigations"] = mitigations_view(ctx, k);
  json rows = json::array();
  const RiskAssessment* before = nullptr;
  for (const RiskAssessment& a : k.history) {
    if (ctx.as_of() < a.date) break;
    std::string change = "raised";
    if (before)
      change = a.score() > before->score()   ? "up " + num(a.score() - before->score())
               : a.score() < before->score() ? "down " + num(before->score() - a.score())
                                             : "no change";
    rows.push_back({{"date", a.date.iso()},
                    {"date_human", a.date.human()},
                    {"likelihood", num(a.likelihood)},
                    {"impact", num(a.impact)},
                    {"score", num(a.score())},
                    {"band", m.band_name(a.score())},
                    {"change", change},
                    {"note", a.note}});
    before = &a;
  }
  v["rows"] = rows;
  v["chart"] = chart_svg(k, m, ctx.as_of());
  v["as_of"] = ctx.as_of().human();
  v["section"] = section_url("risk");
  v["csv"] = section_url("risk") + "risks.csv";
  return make_page(record_url("risk", k.id), k.src.path, k.title, k.title + ": " + k.text, section_url("risk"),
                   render(ctx, "risk", v), {"risk"});
}

}  // namespace pages_risks

std::string risks_csv(const Context& ctx) {
  const config::RiskMatrix& m = ctx.records.risk_matrix;
  std::string out =
      "\xEF\xBB\xBFrisk,title,owner,category,status,raised,likelihood,impact,score,band,previous score,direction,"
      "target score,review by,review overdue,closed,mitigations,open mitigations,page\r\n";
  for (const auto& [id, k] : ctx.records.risks) {
    const RiskState s = risk_state(k, m, ctx.as_of());
    if (!s.raised) continue;
    std::string mitigations;
    for (const std::string& a : k.mitigations)
      if (ctx.records.actions.count(a)) mitigations += (mitigations.empty() ? "" : " ") + a;
    std::vector<std::string> cols = {id,
                                     k.title,
                                     k.owner,
                                     k.category,
                                     s.open ? "open" : "closed",
                                     k.history.front().date.iso(),
                                     pages_risks::num(s.current->likelihood),
                                     pages_risks::num(s.current->impact),
                                     pages_risks::num(s.score),
                                     s.band_name,
                                     s.previous_score ? pages_risks::num(*s.previous_score) : "",
                                     risk_direction_key(s.direction),
                                     k.target_score ? pages_risks::num(*k.target_score) : "",
                                     k.review_by.iso(),
                                     s.overdue_review ? "yes" : "no",
                                     k.closed && !s.open ? k.closed->iso() : "",
                                     mitigations,
                                     pages_risks::num(pages_risks::open_mitigations(ctx, k)),
                                     record_url("risk", id)};
    for (size_t i = 0; i < cols.size(); ++i) out += (i ? "," : "") + csv_field(cols[i]);
    out += "\r\n";
  }
  return out;
}

void add_risk_pages(const Context& ctx, RecordPages& out) {
  namespace pr = pages_risks;
  if (ctx.records.risks.empty()) return;  // no empty section in a hub without one
  const config::RiskMatrix& m = ctx.records.risk_matrix;
  // Open risks by band (top first) and by matrix cell; closed risks apart.
  std::vector<json> by_band(m.bands.size(), json::array());
  std::map<std::pair<long, long>, long> cells;
  json closed = json::array();
  long open = 0;
  for (const auto& [id, k] : ctx.records.risks) {
    out.pages.push_back(pr::risk_page(ctx, k));
    const RiskState s = risk_state(k, m, ctx.as_of());
    if (!s.raised) continue;
    if (!s.open) {
      closed.push_back(pr::row_view(ctx, k, s));
      continue;
    }
    ++open;
    by_band[std::min(s.band, by_band.size() - 1)].push_back(pr::row_view(ctx, k, s));
    ++cells[{s.current->likelihood, s.current->impact}];
  }
  json bands = json::array();
  for (size_t i = m.bands.size(); i-- > 0;) {
    const std::string name = m.bands[i].name;
    const long n = static_cast<long>(by_band[i].size());
    bands.push_back({{"id", "band-" + pr::band_key(name)},
                     {"name", pr::capitalised(name)},
                     {"band_key", pr::band_key(name)},
                     {"range", pr::band_range(m, i)},
                     {"count", n == 1 ? "1 open risk" : pr::num(n) + " open risks"},
                     {"risks", by_band[i]}});
  }
  json heads = json::array(), rows = json::array();
  for (long im = 1; im <= m.impact; ++im) heads.push_back({{"impact", pr::num(im)}});
  for (long l = m.likelihood; l >= 1; --l) {
    json cols = json::array();
    for (long im = 1; im <= m.impact; ++im) {
      const long n = cells.count({l, im}) ? cells[{l, im}] : 0;
      const std::string band = m.band_name(l * im);
      cols.push_back({{"count", n == 0   ? "none"
                                : n == 1 ? "1 risk"
                                         : pr::num(n) + " risks"},
                      {"band", band},
                      {"band_key", pr::band_key(band)},
                      {"score", pr::num(l * im)}});
    }
    rows.push_back({{"likelihood", pr::num(l)}, {"cells", cols}});
  }
  std::string legend;
  for (size_t i = 0; i < m.bands.size(); ++i)
    legend += (i ? ", " : "") + m.bands[i].name + " (" + pr::band_range(m, i) + ")";
  const std::string section = section_url("risk");
  out.files[section.substr(1) + "risks.csv"] = risks_csv(ctx);
  json v{{"bands", bands},
         {"closed", closed},
         {"impacts", heads},
         {"matrix", rows},
         {"legend", legend},
         {"open", open == 1 ? "1 open risk" : pr::num(open) + " open risks"},
         {"closed_count", closed.size() == 1 ? "1 closed" : pr::num(static_cast<long>(closed.size())) + " closed"},
         {"size", pr::num(m.likelihood) + " by " + pr::num(m.impact)},
         {"as_of", ctx.as_of().human()},
         {"csv", section + "risks.csv"}};
  out.pages.push_back(make_page(section, "data/risks/", "Risk register",
                                "The risks to the service's quality of practice, by band, with their owners, "
                                "scores, direction and next review.",
                                section, render(ctx, "risks", v), {"risk"}));
}

}  // namespace qahub::record_pages
