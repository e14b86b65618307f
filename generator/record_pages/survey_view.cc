#include "record_pages/survey_view.h"

#include <algorithm>

#include "figures/percent.h"
#include "figures/suppression.h"
#include "record_pages/view_common.h"
#include "records/indicator_rules.h"

namespace qahub::record_pages {

using namespace records;  // the typed model this view shows

using figures::per_mille;
using figures::percent;
using nlohmann::json;
namespace disclosure = figures::disclosure;

namespace survey_view {

/// One row of a question's suppression table: the whole survey, a service or
/// area, or the respondents no row covers.
struct Row {
  std::string name;
  long respondents = 0;
  std::vector<long> counts;  ///< per option, in the question's order
  long remainder = 0;        ///< did not answer
  size_t r_cell = 0;
  std::vector<size_t> c_cells;
  std::optional<size_t> rem_cell;
};

struct Suppressed {
  Row whole;
  std::vector<Row> units;
  std::optional<Row> rest;
  std::vector<bool> hidden;
  long min_cell = 5;
};

long implied_count(const SurveyOption& o, long respondents) {
  if (o.count) return *o.count;
  // share (percent, millionths) × respondents ÷ 100, rounded half up
  const long long x = o.share.value_or(0) * respondents;
  return static_cast<long>((x + 50 * kOne) / (100 * kOne));
}

/// Adds `r`'s cells to the table with the line of its options (and remainder).
void add_row(disclosure::Table& t, Row& r, bool fixed_total, bool fixed_counts) {
  long sum = 0;
  for (long c : r.counts) sum += c;
  r.remainder = std::max(0L, r.respondents - sum);
  r.r_cell = t.add(r.respondents, fixed_total);
  disclosure::Line line{{}, r.r_cell};
  for (long c : r.counts) {
    r.c_cells.push_back(t.add(c, fixed_counts));
    line.members.push_back(r.c_cells.back());
  }
  if (r.remainder > 0) {
    r.rem_cell = t.add(r.remainder, fixed_counts);
    line.members.push_back(*r.rem_cell);
  }
  t.lines.push_back(line);
}

std::string unit_name(const Records& records, const std::string& by, const std::string& id) {
  if (records.organisation)
    if (const OrgUnit* u = by == "service" ? records.organisation->service(id) : records.organisation->area(id))
      return u->name;
  return id;
}

Suppressed suppress_question(const SurveyQuestion& q, const Records& records, long min_cell) {
  Suppressed d;
  d.min_cell = min_cell;
  disclosure::Table t;
  d.whole.name = "All respondents";
  d.whole.respondents = q.respondents;
  for (const SurveyOption& o : q.options) d.whole.counts.push_back(implied_count(o, q.respondents));
  // The whole survey's figures are shown as they are (an authority's totals),
  // unless too few answered: then nothing but the number who did.
  add_row(t, d.whole, true, q.respondents >= min_cell);
  if (!q.breakdown.empty()) {
    Row rest;
    rest.name = "Not in a listed " + q.breakdown_by;
    rest.respondents = q.respondents;
    rest.counts = d.whole.counts;
    for (const SurveyBreakdownRow& br : q.breakdown) {
      Row r;
      r.name = unit_name(records, q.breakdown_by, br.unit);
      r.respondents = br.respondents;
      for (size_t i = 0; i < q.options.size(); ++i) {
        auto it = br.counts.find(q.options[i].id);
        r.counts.push_back(it == br.counts.end() ? 0 : it->second);
        rest.counts[i] = std::max(0L, rest.counts[i] - r.counts.back());
      }
      rest.respondents = std::max(0L, rest.respondents - r.respondents);
      add_row(t, r, false, false);
      d.units.push_back(std::move(r));
    }
    long rest_sum = rest.respondents;
    for (long c : rest.counts) rest_sum += c;
    if (rest_sum > 0) {
      add_row(t, rest, false, false);
      d.rest = std::move(rest);
    }
    std::vector<const Row*> members;
    for (const Row& r : d.units) members.push_back(&r);
    if (d.rest) members.push_back(&*d.rest);
    // Each option's rows add up to the whole survey's count; so do respondents and remainders.
    for (size_t i = 0; i < q.options.size(); ++i) {
      disclosure::Line line{{}, d.whole.c_cells[i]};
      for (const Row* r : members) line.members.push_back(r->c_cells[i]);
      t.lines.push_back(line);
    }
    disclosure::Line all{{}, d.whole.r_cell};
    for (const Row* r : members) all.members.push_back(r->r_cell);
    t.lines.push_back(all);
    if (d.whole.rem_cell) {
      disclosure::Line rem{{}, *d.whole.rem_cell};
      for (const Row* r : members)
        if (r->rem_cell) rem.members.push_back(*r->rem_cell);
      t.lines.push_back(rem);
    }
  }
  d.hidden = disclosure::suppress(t, min_cell);
  return d;
}

struct Shown {
  const Suppressed& d;
  const SurveyQuestion& q;

  std::string count(long v, size_t cell) const {
    if (!d.hidden[cell]) return std::to_string(v);
    return v < d.min_cell ? "fewer than " + std::to_string(d.min_cell) : "–";
  }
  bool share_shown(const Row& r, size_t i) const {
    return r.respondents > 0 && r.respondents >= d.min_cell && !d.hidden[r.r_cell] && !d.hidden[r.c_cells[i]];
  }
  /// Per mille, when shown.
  std::optional<long> share_pm(const Row& r, size_t i) const {
    if (!share_shown(r, i)) return std::nullopt;
    if (&r == &d.whole && q.shares_only) return static_cast<long>((q.options[i].share.value_or(0) + 50'000) / 100'000);
    return per_mille(r.counts[i], r.respondents);
  }
  std::string share(const Row& r, size_t i) const {
    if (!share_shown(r, i)) return "–";
    if (&r == &d.whole && q.shares_only) {
      const long pm = *share_pm(r, i);
      return std::to_string(pm / 10) + "." + std::to_string(pm % 10) + "%";
    }
    return percent(r.counts[i], r.respondents);
  }
  std::string responses(const Row& r, size_t i) const {
    if (&r == &d.whole && q.shares_only) return "not known (shares only)";
    return count(r.counts[i], r.c_cells[i]);
  }
};

std::string pm_text(long pm) { return std::to_string(pm / 10) + "." + std::to_string(pm % 10) + "%"; }

std::string labels_of(const SurveyQuestion& q, const std::vector<std::string>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size(); ++i) {
    const SurveyOption* o = q.option(ids[i]);
    out += (i == 0 ? "" : i + 1 == ids.size() ? " or " : ", ") + (o ? o->label : ids[i]);
  }
  return out;
}

std::string chart(const Survey& s, const SurveyQuestion& q, const Shown& shown) {
  std::vector<Bar> bars;
  std::string named;
  for (size_t i = 0; i < q.options.size(); ++i)
    if (auto pm = shown.share_pm(shown.d.whole, i)) {
      bars.push_back({q.options[i].label, *pm, shown.share(shown.d.whole, i), ""});
      named += (named.empty() ? "" : "; ") + q.options[i].label + " " + bars.back().shown;
    }
  if (bars.empty()) return "";
  return bar_chart_svg("chart-" + s.id + "-" + q.id, q.text,
                       "Share of the " + std::to_string(q.respondents) +
                           " respondents who chose each answer: " + named + ". The table gives the same figures.",
                       bars, 1000);
}

}  // namespace survey_view

namespace sv = survey_view;

std::optional<long> headline_pm(const SurveyQuestion& q, const figures::FigureOptions& options) {
  const sv::Suppressed d = sv::suppress_question(q, Records{}, options.min_cell);
  const sv::Shown shown{d, q};
  long sum = 0;
  bool any = false;
  for (size_t i = 0; i < q.options.size(); ++i) {
    if (std::find(q.headline.begin(), q.headline.end(), q.options[i].id) == q.headline.end()) continue;
    if (!shown.share_shown(d.whole, i)) return std::nullopt;
    any = true;
    sum += q.shares_only ? 0 : d.whole.counts[i];
  }
  if (!any) return std::nullopt;
  if (q.shares_only) {
    long long share = 0;
    for (const std::string& h : q.headline)
      if (const SurveyOption* o = q.option(h)) share += o->share.value_or(0);
    return static_cast<long>((share + 50'000) / 100'000);
  }
  return per_mille(sum, q.respondents);
}

std::string survey_comparison(const Survey& s, const SurveyQuestion& q, const Records& records,
                              const figures::FigureOptions& options) {
  auto it = records.surveys.find(s.repeats);
  if (s.repeats.empty() || it == records.surveys.end()) return "";
  const SurveyQuestion* before = it->second.question(q.id);
  if (!before) return "";
  const std::string when = std::to_string(it->second.date.year);
  const auto then = headline_pm(*before, options), now = headline_pm(q, options);
  if (!then || !now)
    return "Asked the same question in " + when + ", but one of the two runs had fewer than " +
           std::to_string(options.min_cell) + " answering it, so the two are not compared.";
  return "Asked the same question in " + when + ": " + sv::pm_text(*then) + " → " + sv::pm_text(*now) + " (" +
         sv::labels_of(q, q.headline) + ").";
}

std::string survey_response_words(const Survey& s) {
  std::string out = std::to_string(s.respondents);
  if (s.invited) out += " of " + std::to_string(*s.invited) + " invited (" + percent(s.respondents, *s.invited) + ")";
  return out;
}

json survey_question_view(const Survey& s, const SurveyQuestion& q, const Records& records,
                          const figures::FigureOptions& options) {
  const sv::Suppressed d = sv::suppress_question(q, records, options.min_cell);
  const sv::Shown shown{d, q};
  json v;
  v["id"] = q.id;
  v["anchor"] = "q-" + q.id;
  v["text"] = q.text;
  v["respondents"] = std::to_string(q.respondents) + (q.respondents == 1 ? " person" : " people") + " answered";
  v["too_few"] = q.respondents < options.min_cell;
  v["min_cell"] = std::to_string(options.min_cell);
  v["headline"] = sv::labels_of(q, q.headline);
  json rows = json::array();
  for (size_t i = 0; i < q.options.size(); ++i)
    rows.push_back(
        {{"label", q.options[i].label},
         {"count", shown.responses(d.whole, i)},
         {"share", shown.share(d.whole, i)},
         {"headline", std::find(q.headline.begin(), q.headline.end(), q.options[i].id) != q.headline.end()}});
  if (d.whole.remainder > 0 && !q.shares_only)
    rows.push_back({{"label", "Did not answer"},
                    {"count", shown.count(d.whole.remainder, *d.whole.rem_cell)},
                    {"share", d.whole.respondents >= options.min_cell && !d.hidden[*d.whole.rem_cell]
                                  ? percent(d.whole.remainder, d.whole.respondents)
                                  : "–"},
                    {"headline", false}});
  v["options"] = rows;
  v["chart"] = sv::chart(s, q, shown);
  v["comparison"] = survey_comparison(s, q, records, options);
  v["has_breakdown"] = !q.breakdown.empty();
  v["breakdown_by"] = q.breakdown_by == "area" ? "Area" : "Service";
  v["breakdown_by_words"] = q.breakdown_by == "area" ? "area" : "service";
  json labels = json::array();
  for (const SurveyOption& o : q.options) labels.push_back({{"label", o.label}});
  v["breakdown_options"] = labels;
  json units = json::array();
  for (const sv::Row& r : d.units) {
    json cells = json::array();
    for (size_t i = 0; i < q.options.size(); ++i)
      cells.push_back({{"text", shown.share(r, i) + " (" + shown.count(r.counts[i], r.c_cells[i]) + ")"}});
    units.push_back({{"name", r.name}, {"respondents", shown.count(r.respondents, r.r_cell)}, {"cells", cells}});
  }
  v["units"] = units;
  v["suppressed"] = std::find(d.hidden.begin(), d.hidden.end(), true) != d.hidden.end();
  return v;
}

std::vector<SurveyCsvRow> survey_csv_rows(const Survey& s, const Records& records,
                                          const figures::FigureOptions& options) {
  std::vector<SurveyCsvRow> out;
  for (const SurveyQuestion& q : s.questions) {
    const sv::Suppressed d = sv::suppress_question(q, records, options.min_cell);
    const sv::Shown shown{d, q};
    for (size_t i = 0; i < q.options.size(); ++i) {
      const std::string responses = q.shares_only ? "" : shown.count(d.whole.counts[i], d.whole.c_cells[i]);
      out.push_back({q.id, q.text, "", "", q.options[i].id, q.options[i].label, responses, shown.share(d.whole, i)});
    }
    for (size_t u = 0; u < d.units.size(); ++u)
      for (size_t i = 0; i < q.options.size(); ++i)
        out.push_back({q.id, q.text, q.breakdown_by, q.breakdown[u].unit, q.options[i].id, q.options[i].label,
                       shown.count(d.units[u].counts[i], d.units[u].c_cells[i]), shown.share(d.units[u], i)});
  }
  return out;
}

}  // namespace qahub::record_pages
