#include <algorithm>
#include <map>

#include "base/text.h"
#include "fs/files.h"
#include "records/indicators.h"
#include "records/loaders.h"
#include "records/surveys.h"

namespace qahub::records {

using nlohmann::json;

namespace load_indicators {

/// One CSV cell with where its text starts (1-based), for `file:line:col`.
struct Cell {
  std::string text;
  int line = 1, col = 1;
};

/// The rows of a CSV (RFC 4180: quoted cells may hold commas, doubled quotes
/// and line breaks); blank lines are skipped, a byte order mark ignored.
std::vector<std::vector<Cell>> read_csv(std::string_view t) {
  std::vector<std::vector<Cell>> rows;
  std::vector<Cell> row;
  int line = 1;
  size_t line_start = 0, i = 0;
  if (t.substr(0, 3) == "\xEF\xBB\xBF") i = line_start = 3;
  while (i <= t.size()) {
    Cell cell{"", line, static_cast<int>(i - line_start) + 1};
    if (i < t.size() && t[i] == '"') {
      for (++i; i < t.size(); ++i) {
        if (t[i] == '"' && i + 1 < t.size() && t[i + 1] == '"') {
          cell.text += '"';
          ++i;
        } else if (t[i] == '"') {
          ++i;
          break;
        } else {
          if (t[i] == '\n') ++line, line_start = i + 1;
          cell.text += t[i];
        }
      }
    }
    while (i < t.size() && t[i] != ',' && t[i] != '\n' && t[i] != '\r') cell.text += t[i++];
    row.push_back(std::move(cell));
    if (i < t.size() && t[i] == ',') {
      ++i;
      continue;
    }
    if (i < t.size() && t[i] == '\r') ++i;
    if (i < t.size() && t[i] == '\n') ++i;
    if (!(row.size() == 1 && row[0].text.empty())) rows.push_back(std::move(row));
    row.clear();
    ++line;
    line_start = i;
    if (i >= t.size()) break;
  }
  return rows;
}

const std::vector<std::string>& columns() {
  static const std::vector<std::string> c = {"period", "value", "numerator", "denominator",
                                             "flag",   "note",  "commentary"};
  return c;
}

std::optional<Micro> number_at(const json& doc, const char* key) {
  if (!doc.contains(key)) return std::nullopt;
  return micro_of(doc.at(key).get<double>());
}

/// What a ratio is multiplied by for the unit; 0 when the value is not a ratio of its columns.
long scale_of(const std::string& unit) {
  if (unit == "percent") return 100;
  if (unit == "rate_per_10000") return 10000;
  return 0;
}

/// Reads the values CSV into ind.values; every problem an error at its cell.
void read_values(const std::string& text, Indicator& ind, PeriodType type, diag::Diagnostics& diags) {
  const std::vector<std::vector<Cell>> rows = read_csv(text);
  if (rows.empty()) return;
  const std::string& path = ind.values_path;
  std::map<std::string, size_t> col;  // column name → index
  for (size_t i = 0; i < rows[0].size(); ++i) {
    const Cell& h = rows[0][i];
    const std::string name = base::trim(h.text);
    if (std::find(columns().begin(), columns().end(), name) == columns().end())
      diags.error({path, h.line, h.col}, "unknown column \"" + name +
                                             "\"; the columns are period, value, numerator, "
                                             "denominator, flag, note and commentary" +
                                             diag::did_you_mean(name, columns()));
    else
      col[name] = i;
  }
  for (const char* needed : {"period", "value"})
    if (!col.count(needed)) {
      diags.error({path, rows[0][0].line, 1}, "the values CSV has no \"" + std::string(needed) + "\" column");
      return;
    }
  const long scale = scale_of(ind.unit);
  std::map<long, int> seen;  // period index → its line
  for (size_t r = 1; r < rows.size(); ++r) {
    const std::vector<Cell>& row = rows[r];
    auto cell = [&](const char* name) -> Cell {
      auto it = col.find(name);
      if (it == col.end() || it->second >= row.size()) return {"", row[0].line, 0};
      Cell c = row[it->second];
      c.text = base::trim(c.text);
      return c;
    };
    auto at = [&](const Cell& c) { return diag::Position{path, c.line, c.col ? c.col : 1}; };
    IndicatorValue v;
    const Cell period = cell("period");
    v.period = period.text;
    v.at = at(period);
    auto p = parse_period(type, period.text);
    if (!p) {
      diags.error(at(period), "period \"" + period.text + "\" is not " + period_type_words(type));
      continue;
    }
    v.index = p->index;
    v.end = p->end;
    if (auto [it, fresh] = seen.emplace(p->index, period.line); !fresh) {
      diags.error(at(period), "period " + period.text + " is also on line " + std::to_string(it->second));
      continue;
    }
    bool ok = true;
    const Cell value = cell("value");
    if (value.text.size() == 1 && !symbol_words(value.text[0]).empty()) {
      v.symbol = value.text[0];
    } else if (auto n = parse_decimal(value.text)) {
      v.value = *n;
    } else {
      diags.error(at(value), "value \"" + value.text +
                                 "\" is not a number or a symbol: c (suppressed), x (not available), z (not "
                                 "applicable)");
      ok = false;
    }
    const Cell flag = cell("flag");
    if (!flag.text.empty()) {
      if (flag.text.size() == 1 && !flag_words(flag.text[0]).empty())
        v.flag = flag.text[0];
      else
        diags.error(at(flag), "flag \"" + flag.text +
                                  "\" is not one of p (provisional), r (revised), e (estimated), u (low reliability)");
    }
    for (const char* name : {"numerator", "denominator"}) {
      const Cell c = cell(name);
      if (c.text.empty()) continue;
      auto n = parse_decimal(c.text);
      if (!n || *n < 0) {
        diags.error(at(c), std::string(name) + " \"" + c.text + "\" is not a number");
        ok = false;
      } else {
        (name[0] == 'n' ? v.numerator : v.denominator) = *n;
      }
    }
    v.note = cell("note").text;
    v.commentary = cell("commentary").text;
    if (!ok) continue;
    if (v.value && ind.unit == "percent" && (*v.value < 0 || *v.value > 100 * kOne))
      diags.error(at(value), "value " + value.text + " is outside 0–100 for a percent");
    if (v.numerator && v.denominator && *v.numerator > *v.denominator && scale)
      diags.error(at(cell("numerator")),
                  "numerator " + cell("numerator").text + " is more than denominator " + cell("denominator").text);
    else if (v.value && v.numerator && v.denominator && *v.denominator > 0 && scale) {
      const Micro expected = *ratio(*v.numerator, *v.denominator, scale, ind.decimals);
      if (round_half_away(*v.value, ind.decimals) != expected)
        diags.error(at(value), "value " + value.text + " is not numerator ÷ denominator × " +
                                   (scale == 100 ? "100" : "10,000") + " (" + cell("numerator").text + " ÷ " +
                                   cell("denominator").text + " × " + (scale == 100 ? "100" : "10,000") + " = " +
                                   format_decimal(expected, ind.decimals) + " at " + std::to_string(ind.decimals) +
                                   (ind.decimals == 1 ? " decimal)" : " decimals)"));
    }
    ind.values.push_back(std::move(v));
  }
  std::sort(ind.values.begin(), ind.values.end(),
            [](const IndicatorValue& a, const IndicatorValue& b) { return a.index < b.index; });
}

/// Targets: each its numbers; floor and tolerance not both; a band exactly
/// for `range`; a floor on the right side; no two ranges overlapping.
void read_targets(RecordReader& reader, const json& doc, const Source& src, Indicator& ind, Polarity polarity) {
  if (!doc.contains("targets")) return;
  const json& ts = doc.at("targets");
  diag::Diagnostics& diags = reader.diags();
  for (size_t i = 0; i < ts.size(); ++i) {
    const json& t = ts[i];
    IndicatorTarget out;
    out.pointer = "/targets/" + std::to_string(i);
    out.from = reader.date_at(doc, src, out.pointer + "/from");
    if (t.contains("until")) out.until = reader.date_at(doc, src, out.pointer + "/until");
    out.value = number_at(t, "value");
    if (t.contains("band")) out.low = number_at(t.at("band"), "low"), out.high = number_at(t.at("band"), "high");
    if (t.contains("relative_to")) {
      out.relative_to = str(t.at("relative_to"), "kind");
      out.offset = number_at(t.at("relative_to"), "offset").value_or(0);
    }
    out.floor = number_at(t, "floor");
    out.tolerance = number_at(t, "tolerance");
    out.decided_by = str(t, "decided_by");
    if (out.floor && out.tolerance)
      diags.error(src.at(out.pointer + "/tolerance"), "a target has a floor or a tolerance, not both");
    if (polarity == Polarity::kRange && !out.low)
      diags.error(src.at(out.pointer), "a range indicator's target is a band (\"band\": {\"low\", \"high\"})");
    if (polarity != Polarity::kRange && out.low)
      diags.error(src.at(out.pointer + "/band"),
                  "a band is the target of a range indicator; this one's polarity is \"" + ind.polarity + "\"");
    if (polarity == Polarity::kRange && out.floor)
      diags.error(src.at(out.pointer + "/floor"), "a range indicator's target takes a tolerance, not a floor");
    if (out.floor && out.value && polarity != Polarity::kRange) {
      const bool higher = polarity == Polarity::kHigher;
      if (higher ? *out.floor >= *out.value : *out.floor <= *out.value)
        diags.error(src.at(out.pointer + "/floor"),
                    "the floor " + format_decimal(*out.floor, ind.decimals) + " is not " +
                        (higher ? "below" : "above") + " the target " + format_decimal(*out.value, ind.decimals) +
                        "; for a " + ind.polarity + " indicator it must be " + (higher ? "below" : "above") + " it");
    }
    for (const IndicatorTarget& before : ind.targets) {
      const bool apart = (before.until && *before.until < out.from) || (out.until && *out.until < before.from);
      if (!apart)
        diags.error(src.at(out.pointer + "/from"), "the target from " + out.from.iso() + " overlaps the target from " +
                                                       before.from.iso() +
                                                       (before.until ? " until " + before.until->iso() : " (no end)"));
    }
    ind.targets.push_back(std::move(out));
  }
}

}  // namespace load_indicators

bool load_indicator(RecordReader& reader, const json& doc, Source src, Records& out) {
  namespace li = load_indicators;
  Indicator ind;
  ind.id = str(doc, "id");
  ind.title = str(doc, "title");
  ind.definition = str(doc, "definition");
  ind.source = str(doc, "source");
  ind.owner = str(doc, "owner");
  ind.unit = str(doc, "unit");
  ind.decimals = doc.at("decimals").get<int>();
  ind.polarity = str(doc, "polarity");
  ind.info_only = doc.value("info_only", false);
  ind.kind = str(doc, "kind");
  if (doc.contains("expected_range")) {
    ind.expected_low = li::number_at(doc.at("expected_range"), "low");
    ind.expected_high = li::number_at(doc.at("expected_range"), "high");
  }
  ind.period_type = str(doc, "period_type");
  ind.measures = str(doc, "measures");
  ind.tested_by = strings(doc, "tested_by");
  ind.figure = str(doc, "figure");
  ind.survey_question = str(doc, "survey_question");
  ind.survey_options = strings(doc, "survey_options");
  const PeriodType type = period_type_of(ind.period_type).value_or(PeriodType::kMonth);
  const Polarity polarity = polarity_of(ind.polarity).value_or(Polarity::kHigher);
  li::read_targets(reader, doc, src, ind, polarity);
  if (doc.contains("comparators")) {
    const json& cs = doc.at("comparators");
    for (size_t i = 0; i < cs.size(); ++i) {
      Comparator c{str(cs[i], "kind"), str(cs[i], "model"), str(cs[i], "period"), str(cs[i], "source"), {}, 0, ""};
      c.pointer = "/comparators/" + std::to_string(i);
      c.value = micro_of(cs[i].at("value").get<double>());
      if (auto end = any_period_end(c.period))
        c.end = *end;
      else
        reader.fail(src.at(c.pointer + "/period"),
                    "comparator period \"" + c.period + "\" is not a month, quarter, financial year or year");
      ind.comparators.push_back(std::move(c));
    }
  }
  if (doc.contains("breaks")) {
    const json& bs = doc.at("breaks");
    for (size_t i = 0; i < bs.size(); ++i) {
      SeriesBreak b{str(bs[i], "period"), str(bs[i], "reason"), 0};
      if (auto p = parse_period(type, b.period))
        b.index = p->index;
      else
        reader.fail(src.at("/breaks/" + std::to_string(i) + "/period"),
                    "break period \"" + b.period + "\" is not " + period_type_words(type));
      ind.breaks.push_back(std::move(b));
    }
  }
  // Values: the CSV beside the record, or a figure of the records.
  const std::string csv = src.path.substr(0, src.path.size() - 5) + ".values.csv";
  std::error_code ec;
  const bool has_csv = std::filesystem::is_regular_file(reader.site_dir() / csv, ec);
  if (!ind.figure.empty() && ind.unit != "percent")
    reader.fail(src.at("/unit"), "figure " + ind.figure + " is a percent: \"unit\" must be \"percent\"");
  if (!ind.survey_question.empty() && ind.unit != "percent")
    reader.fail(src.at("/unit"), "a survey question's share is a percent: \"unit\" must be \"percent\"");
  if (!ind.survey_question.empty() && (!ind.figure.empty() || has_csv)) {
    reader.fail(src.at("/survey_question"), std::string("both \"survey_question\" and ") +
                                                (has_csv ? csv : "\"figure\"") + " give values; keep one");
  } else if (!ind.figure.empty() && has_csv) {
    reader.fail(src.at("/figure"), "both \"figure\" and " + csv + " give values; keep one");
  } else if (has_csv) {
    ind.values_path = csv;
    if (auto text = fs::read_file(reader.site_dir() / csv))
      li::read_values(*text, ind, type, reader.diags());
    else
      reader.fail({csv}, "cannot read file");
  } else if (ind.figure.empty() && ind.survey_question.empty()) {
    reader.diags().notice(src.at("/id"), "no values yet: add " + csv + " beside it or name a \"figure\"");
  }
  ind.src = std::move(src);
  if (!reader.ok()) return false;
  out.indicators[ind.id] = std::move(ind);
  return true;
}

std::vector<Ref> Indicator::references() const {
  std::vector<Ref> out;
  out.push_back({.pointer = "/measures", .kind = "finding", .id = measures, .noun = "outcome or recommendation item"});
  out.push_back({"/survey_question", "survey", survey_question.substr(0, survey_question.find('/'))});
  for (size_t i = 0; i < tested_by.size(); ++i)
    out.push_back({"/tested_by/" + std::to_string(i), "audit", tested_by[i]});
  for (const IndicatorTarget& t : targets)
    out.push_back({.pointer = t.pointer + "/decided_by", .kind = "finding", .id = t.decided_by, .noun = "decision"});
  return out;
}

namespace load_indicators {

/// "a", "a and b", "a, b and c".
std::string listed(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return out;
}

}  // namespace load_indicators

void Indicator::check(const Records& r, const CheckInput& in, diag::Diagnostics& diags) const {
  namespace li = load_indicators;
  // What it measures: a plan's outcome or a recommendation set's item (a
  // recommendation, or an improvement notice's target), nothing else.
  if (auto t = r.cited.find(measures); !measures.empty() && t != r.cited.end()) {
    const RefTarget& m = t->second;
    const bool fits = (m.kind == "plan" && m.label == "outcome") ||
                      (m.kind == "recommendations" && (m.label == "recommendation" || m.label == "target"));
    if (!fits)
      diags.error(src.at("/measures"), "\"" + measures + "\" is " +
                                           (std::string("aeiou").find(m.label[0]) != std::string::npos ? "an " : "a ") +
                                           m.label + ", not a plan outcome or recommendation item");
  }
  const PeriodType type = period_type_of(period_type).value_or(PeriodType::kMonth);
  const std::vector<RatedPeriod> series = rate_series(r, *this);
  // A relative target needs a comparator value at or before each period it rates.
  std::set<const IndicatorTarget*> told;
  for (const RatedPeriod& p : series)
    if (p.target && !p.target->missing_comparator.empty() && told.insert(p.target->target).second)
      diags.error(
          src.at(p.target->target->pointer + "/relative_to"),
          "relative target has no " + comparator_words(p.target->missing_comparator) + " at or before " + p.row.period);
  check_survey_source(r, *this, diags);  // records/surveys.h
  if (figure.empty() && survey_question.empty()) {
    // Missing periods from the first value up to the last period ended before as_of's.
    if (!series.empty()) {
      std::set<long> have;
      for (const RatedPeriod& p : series) have.insert(p.row.index);
      std::vector<std::string> missing;
      for (long i = series.front().row.index; i < period_index(type, in.as_of); ++i)
        if (!have.count(i)) missing.push_back(period_text(type, i));
      if (!missing.empty())
        diags.notice(src.at("/period_type"), period_adjective(type) + " indicator \"" + id + "\" has no value for " +
                                                 li::listed(missing) + " (as of " + in.as_of.human() + ")");
    }
    for (const RatedPeriod& p : series)
      if (p.rating == Rating::kNotMet && p.row.commentary.empty())
        diags.notice(p.row.at, p.row.period + " is not met (" + p.value_text + " against a target of " +
                                   p.target->text + ") and has no commentary: say what lies behind it");
  }
  // Comparators: the latest of each kind no older than two years; each names its model.
  const base::Date two_years_ago{in.as_of.year - 2, in.as_of.month, std::min(in.as_of.day, 28)};
  for (const Comparator& c : comparators) {
    if (c.model.empty())
      diags.notice(src.at(c.pointer), "comparator " + comparator_words(c.kind) + " " + c.period +
                                          " names no model (\"model\": \"CSSNBT 2023\")");
    const Comparator* latest = comparator_on(*this, c.kind, base::Date{9999, 12, 31});
    if (latest == &c && c.end < two_years_ago)
      diags.notice(src.at(c.pointer + "/period"), "the latest " + comparator_words(c.kind) + " is for " + c.period +
                                                      ", more than two years before " + in.as_of.human());
  }
  for (const IndicatorTarget& t : targets)
    if (t.decided_by.empty())
      diags.notice(src.at(t.pointer),
                   "the target from " + t.from.iso() + " names no meeting decision that set it (\"decided_by\")");
}

}  // namespace qahub::records
