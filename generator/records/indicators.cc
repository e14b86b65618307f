#include "records/indicators.h"

#include <algorithm>

#include "records/surveys.h"

namespace qahub::records {

namespace indicator_series {

PeriodType type_of(const Indicator& ind) { return period_type_of(ind.period_type).value_or(PeriodType::kMonth); }

Polarity polarity_of_indicator(const Indicator& ind) { return polarity_of(ind.polarity).value_or(Polarity::kHigher); }

/// "not rated" with its reason, when the rules never rate this value.
std::string unrated_reason(const Indicator& ind, const IndicatorValue& v) {
  if (v.symbol) return "value " + symbol_words(v.symbol);
  if (ind.info_only) return "for information";
  return "";
}

}  // namespace indicator_series

namespace is = indicator_series;

bool in_points(const Indicator& ind) { return ind.unit == "percent"; }

std::string format_value(const Indicator& ind, Micro v) {
  const std::string n = format_decimal(v, ind.decimals);
  if (ind.unit == "percent") return n + "%";
  if (ind.unit == "rate_per_10000") return n + " per 10,000";
  if (ind.unit == "days") return n + (n == "1" ? " day" : " days");
  return n;
}

std::string comparator_words(const std::string& kind) {
  if (kind == "england") return "England average";
  if (kind == "statistical_neighbours") return "statistical neighbour average";
  if (kind == "region") return "regional average";
  return kind;
}

const IndicatorTarget* target_on(const Indicator& ind, base::Date day) {
  for (const IndicatorTarget& t : ind.targets)
    if (t.from <= day && (!t.until || day <= *t.until)) return &t;
  return nullptr;
}

const Comparator* comparator_on(const Indicator& ind, const std::string& kind, base::Date day) {
  const Comparator* best = nullptr;
  for (const Comparator& c : ind.comparators)
    if (c.kind == kind && c.end <= day && (!best || best->end < c.end)) best = &c;
  return best;
}

std::optional<ResolvedTarget> resolve_target(const Indicator& ind, base::Date day) {
  const IndicatorTarget* t = target_on(ind, day);
  if (!t) return std::nullopt;
  ResolvedTarget r;
  r.target = t;
  r.numbers.floor = t->floor;
  r.numbers.tolerance = t->tolerance;
  if (t->low && t->high) {
    r.numbers.low = t->low;
    r.numbers.high = t->high;
    r.text = format_value(ind, *t->low) + " to " + format_value(ind, *t->high);
  } else if (t->value) {
    r.numbers.value = t->value;
    r.text = format_value(ind, *t->value);
  } else if (!t->relative_to.empty()) {
    const Comparator* c = comparator_on(ind, t->relative_to, day);
    if (!c) {
      r.missing_comparator = t->relative_to;
      r.text = comparator_words(t->relative_to) + " (no value at or before this period)";
      return r;
    }
    const Micro v = round_half_away(c->value + t->offset, ind.decimals);
    r.numbers.value = v;
    std::string offset;
    if (t->offset) offset = (t->offset > 0 ? " + " : " − ") + format_decimal(std::llabs(t->offset), ind.decimals);
    r.text = comparator_words(c->kind) + offset + ", " + format_value(ind, v) + " (" + c->period +
             (c->model.empty() ? "" : ", " + c->model) + ")";
  }
  return r;
}

std::vector<IndicatorValue> indicator_values(const Records& records, const Indicator& ind) {
  if (!ind.survey_question.empty()) return survey_values(records, ind);  // records/surveys.h
  if (ind.figure != "good_or_better") return ind.values;
  const PeriodType type = is::type_of(ind);
  std::vector<IndicatorValue> out;
  for (const auto& [id, c] : records.cycles) {
    IndicatorValue v;
    v.index = period_index(type, c.end());
    v.period = period_text(type, v.index);
    v.end = parse_period(type, v.period)->end;
    v.numerator = c.grades.good_or_better() * kOne;
    v.denominator = c.audits_completed * kOne;
    v.value = ratio(*v.numerator, *v.denominator, 100, ind.decimals);
    if (!v.value) v.symbol = 'z';  // no audits completed: a share of nothing
    v.note = "from " + c.title();
    v.at = c.src.at("/grades");
    out.push_back(std::move(v));
  }
  std::sort(out.begin(), out.end(), [](const IndicatorValue& a, const IndicatorValue& b) { return a.index < b.index; });
  return out;
}

std::vector<RatedPeriod> rate_series(const Records& records, const Indicator& ind) {
  const Polarity polarity = is::polarity_of_indicator(ind);
  std::vector<RatedPeriod> out;
  std::optional<size_t> last;  // the latest earlier period with a number
  out.reserve(ind.values.size() + records.cycles.size());
  for (const IndicatorValue& v : indicator_values(records, ind)) {
    RatedPeriod p;
    p.row = v;
    p.flag_text = flag_words(v.flag);
    if (v.value) {
      p.rounded = round_half_away(*v.value, ind.decimals);
      p.value_text = format_value(ind, *p.rounded);
    } else {
      p.value_text = std::string(1, v.symbol) + " (" + symbol_words(v.symbol) + ")";
    }
    p.small_sample = v.denominator && *v.denominator < kSmallSampleDenominator * kOne;
    p.target = resolve_target(ind, v.end);
    // The rating: never for a symbol, an information-only or activity indicator.
    if (std::string why = is::unrated_reason(ind, v); !why.empty()) {
      p.rating_text = "Not rated: " + why;
    } else if (ind.kind == "activity") {
      const bool inside =
          ind.expected_low && ind.expected_high && *p.rounded >= *ind.expected_low && *p.rounded <= *ind.expected_high;
      p.rating_text = "Not rated: activity, " + std::string(inside ? "inside" : "outside") + " the expected range";
      if (ind.expected_low && ind.expected_high)
        p.rating_text +=
            " (" + format_value(ind, *ind.expected_low) + " to " + format_value(ind, *ind.expected_high) + ")";
    } else if (!p.target) {
      p.rating_text = "Not rated: no target for " + v.period;
    } else if (!p.target->missing_comparator.empty()) {
      p.rating_text = "Not rated: no " + comparator_words(p.target->missing_comparator) + " for " + v.period;
    } else {
      p.rating = rate(polarity, *p.rounded, p.target->numbers);
      p.rating_text = rating_words(p.rating);
      p.how_close = how_close(polarity, *p.rounded, p.target->numbers, ind.decimals, in_points(ind));
    }
    // Direction of travel against the previous numeric period, never across a break.
    if (!p.rounded) {
      p.direction_text = "Not compared: value " + symbol_words(v.symbol);
    } else if (!last) {
      p.direction_text = "Not compared: first value";
    } else if (const RatedPeriod* last_numeric = &out[*last];
               std::any_of(ind.breaks.begin(), ind.breaks.end(), [&](const SeriesBreak& b) {
                 return b.index > last_numeric->row.index && b.index <= v.index;
               })) {
      p.direction_text = "Not compared: break in series";
    } else {
      std::optional<Micro> low, high;
      if (p.target) low = p.target->numbers.low, high = p.target->numbers.high;
      p.direction = direction(polarity, *last_numeric->rounded, *p.rounded, low, high);
      p.direction_text = direction_words(p.direction);
      if (polarity == Polarity::kRange && !low) p.direction_text = "Not compared: no band";
      const RatedPeriod& before = out.back();
      // A figure's periods follow the cycles (a survey's, its runs): the previous one is the one to compare with.
      if (ind.figure.empty() && ind.survey_question.empty() &&
          (&before != last_numeric || before.row.index + 1 != v.index)) {
        const long gap = last_numeric->row.index + 1;
        const PeriodType type = is::type_of(ind);
        std::string why = "no value";
        for (const RatedPeriod& q : out)
          if (q.row.index == gap) why = symbol_words(q.row.symbol);
        p.direction_text +=
            ", compared with " + last_numeric->row.period + " (" + period_text(type, gap) + " " + why + ")";
      }
    }
    out.push_back(std::move(p));
    if (out.back().rounded) last = out.size() - 1;
  }
  return out;
}

}  // namespace qahub::records
