#include "records/scorecards.h"

#include <algorithm>
#include <set>

namespace qahub::records {

namespace scorecards {

/// Steps of a period type in a year: what "the same period last year" goes back by.
long steps_per_year(PeriodType t) {
  switch (t) {
    case PeriodType::kQuarter:
      return 4;
    case PeriodType::kFinancialYear:
      return 1;
    default:
      return 12;  // months, and rolling 12 months or year to date by their last month
  }
}

/// True when a break in the series falls after `before` and at or before `now`.
bool break_between(const Indicator& ind, long before, long now) {
  return std::any_of(ind.breaks.begin(), ind.breaks.end(),
                     [&](const SeriesBreak& b) { return b.index > before && b.index <= now; });
}

/// The polarity and band a direction is judged by, into `p`, `low`, `high`;
/// false, with the row saying why, for a range indicator with no band.
bool judged_by(const Indicator& ind, const RatedPeriod& now, ScorecardRow& row, Polarity& p, std::optional<Micro>& low,
               std::optional<Micro>& high) {
  if (now.target) low = now.target->numbers.low, high = now.target->numbers.high;
  p = polarity_of(ind.polarity).value_or(Polarity::kHigher);
  if (p == Polarity::kRange && !low) {
    row.direction_text = "Not compared: no band";
    return false;
  }
  return true;
}

/// Direction against the same period a year earlier.
void year_on_year(const Indicator& ind, const std::vector<RatedPeriod>& series, size_t latest, ScorecardRow& row) {
  const RatedPeriod& now = series[latest];
  const PeriodType type = period_type_of(ind.period_type).value_or(PeriodType::kMonth);
  const long want = now.row.index - steps_per_year(type);
  const std::string then = period_text(type, want);
  const RatedPeriod* before = nullptr;
  for (const RatedPeriod& p : series)
    if (p.row.index == want) before = &p;
  if (!now.rounded) {
    row.direction_text = "Not compared: value " + symbol_words(now.row.symbol);
  } else if (!before) {
    row.direction_text = "Not compared: no value for " + then;
  } else if (!before->rounded) {
    row.direction_text = "Not compared: " + then + " " + symbol_words(before->row.symbol);
  } else if (break_between(ind, want, now.row.index)) {
    row.direction_text = "Not compared: break in series";
  } else {
    std::optional<Micro> low, high;
    Polarity polarity;
    if (!judged_by(ind, now, row, polarity, low, high)) return;
    row.direction = direction(polarity, *before->rounded, *now.rounded, low, high);
    row.direction_text = direction_words(row.direction) + ", compared with " + then;
  }
}

/// Direction by the least-squares slope of the unbroken run of numeric
/// values ending at the latest, at most `card.points` long.
void by_trend(const Indicator& ind, const Scorecard& card, const std::vector<RatedPeriod>& series, size_t latest,
              ScorecardRow& row) {
  const RatedPeriod& now = series[latest];
  if (!now.rounded) {
    row.direction_text = "Not compared: value " + symbol_words(now.row.symbol);
    return;
  }
  std::vector<Micro> points{*now.rounded};
  for (size_t i = latest; i-- > 0 && points.size() < static_cast<size_t>(card.points);) {
    const RatedPeriod& p = series[i];
    // A figure's periods follow the cycles: the cycle before is the next point.
    const bool gap = ind.figure.empty() && p.row.index + 1 != series[i + 1].row.index;
    if (!p.rounded || gap || break_between(ind, p.row.index, series[i + 1].row.index)) break;
    points.insert(points.begin(), *p.rounded);
  }
  if (points.size() < 3) {
    row.direction_text = "Not compared: fewer than three values in a row";
    return;
  }
  std::optional<Micro> low, high;
  Polarity polarity;
  if (!judged_by(ind, now, row, polarity, low, high)) return;
  row.direction = trend(polarity, points, card.threshold, low, high);
  row.direction_text =
      direction_words(row.direction) + ", trend over the last " + std::to_string(points.size()) + " values";
}

}  // namespace scorecards

ScorecardRow resolve_row(const Records& records, const Indicator& ind, base::Date at, const Scorecard* card) {
  namespace sc = scorecards;
  ScorecardRow row;
  row.indicator = &ind;
  const std::vector<RatedPeriod> series = rate_series(records, ind);
  std::optional<size_t> latest;
  for (size_t i = 0; i < series.size(); ++i)
    if (series[i].row.end <= at) latest = i;
  const bool performance = ind.kind != "activity" && !ind.info_only;
  if (!latest) {
    row.has_target = performance && target_on(ind, at) != nullptr;
    row.direction_text = "Not compared: no value yet";
    return row;
  }
  const RatedPeriod& now = series[*latest];
  row.latest = now;
  row.has_target = performance && now.target.has_value();
  const std::string method = card ? card->method : "previous-period";
  if (method == "same-period-last-year") {
    sc::year_on_year(ind, series, *latest, row);
  } else if (method == "trend") {
    sc::by_trend(ind, *card, series, *latest, row);
  } else {
    row.direction = now.direction;
    row.direction_text = now.direction_text;
  }
  // Each comparator kind's latest value at or before the latest period.
  std::set<std::string> kinds;
  for (const Comparator& c : ind.comparators) kinds.insert(c.kind);
  for (const std::string& kind :
       {std::string("england"), std::string("statistical_neighbours"), std::string("region")}) {
    if (!kinds.erase(kind)) continue;
    if (const Comparator* c = comparator_on(ind, kind, now.row.end))
      row.comparators.push_back(comparator_words(kind) + " " + c->period + ": " + format_value(ind, c->value) +
                                (c->model.empty() ? "" : " (" + c->model + ")"));
  }
  for (const std::string& kind : kinds)  // a kind qahub has no words for, in name order
    if (const Comparator* c = comparator_on(ind, kind, now.row.end))
      row.comparators.push_back(comparator_words(kind) + " " + c->period + ": " + format_value(ind, c->value));
  const size_t first = *latest + 1 > kRecentValues ? *latest + 1 - kRecentValues : 0;
  row.recent.assign(series.begin() + static_cast<long>(first), series.begin() + static_cast<long>(*latest) + 1);
  return row;
}

std::vector<ScorecardPart> resolve_scorecard(const Records& records, const Scorecard& card, base::Date at) {
  std::vector<ScorecardPart> out;
  for (const ScorecardSection& s : card.sections) {
    ScorecardPart part{s.title, {}};
    for (const std::string& id : s.indicators)
      if (auto it = records.indicators.find(id); it != records.indicators.end())
        part.rows.push_back(resolve_row(records, it->second, at, &card));
    out.push_back(std::move(part));
  }
  return out;
}

namespace scorecards {

void count(const ScorecardRow& row, ScorecardSummary& s) {
  if (!row.has_target) return;
  ++s.with_target;
  switch (row.latest ? row.latest->rating : Rating::kNotRated) {
    case Rating::kMet:
      ++s.met;
      break;
    case Rating::kWithinFloor:
    case Rating::kWithinTolerance:
      ++s.within;
      break;
    case Rating::kNotMet:
      ++s.not_met;
      break;
    case Rating::kNotRated:
      ++s.not_rated;
      break;
  }
}

}  // namespace scorecards

ScorecardSummary summarise(const std::vector<ScorecardPart>& parts) {
  ScorecardSummary s;
  std::set<const Indicator*> seen;  // an indicator in two sections counts once
  for (const ScorecardPart& part : parts)
    for (const ScorecardRow& row : part.rows)
      if (seen.insert(row.indicator).second) scorecards::count(row, s);
  return s;
}

ScorecardSummary summarise_indicators(const Records& records, base::Date at) {
  ScorecardSummary s;
  for (const auto& [id, ind] : records.indicators) scorecards::count(resolve_row(records, ind, at), s);
  return s;
}

std::string summary_sentence(const ScorecardSummary& s) {
  if (s.with_target == 0) return "No indicator here has a target.";
  if (s.with_target == 1)
    return std::string("The one indicator with a target ") + (s.met       ? "met it."
                                                              : s.within  ? "is within its floor or tolerance."
                                                              : s.not_met ? "did not meet it."
                                                                          : "was not rated.");
  std::vector<std::string> parts;
  if (s.met) parts.push_back(std::to_string(s.met) + " met it");
  if (s.within)
    parts.push_back(std::to_string(s.within) + (s.within == 1 ? " is" : " are") + " within floor or tolerance");
  if (s.not_met) parts.push_back(std::to_string(s.not_met) + " did not");
  if (s.not_rated) parts.push_back(std::to_string(s.not_rated) + (s.not_rated == 1 ? " was" : " were") + " not rated");
  std::string out = "Of " + std::to_string(s.with_target) + " indicators with a target, ";
  for (size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return out + ".";
}

std::string method_words(const Scorecard& card) {
  if (card.method == "same-period-last-year") return "the same period last year";
  if (card.method == "trend")
    return "the trend over the last " + std::to_string(card.points) + " values (no clear trend under " +
           format_decimal(card.threshold, 2) + " a period)";
  return "the previous period";
}

}  // namespace qahub::records
