#include <algorithm>
#include <set>

#include "records/indicator_rules.h"
#include "records/loaders.h"
#include "records/surveys.h"

namespace qahub::records {

using nlohmann::json;

namespace load_surveys {

std::string n(long v) { return std::to_string(v); }

/// "62", "62.5": a share as written back in a message.
std::string share_text(long long micro) {
  const long long tenths = (micro + (micro >= 0 ? 50'000 : -50'000)) / 100'000;
  return tenths % 10 == 0 ? std::to_string(tenths / 10) : format_decimal(tenths * 100'000, 1);
}

std::vector<std::string> option_ids(const SurveyQuestion& q) {
  std::vector<std::string> out;
  for (const SurveyOption& o : q.options) out.push_back(o.id);
  return out;
}

void read_breakdown(RecordReader& reader, const json& b, const Source& src, const Records& out, SurveyQuestion& q) {
  const std::string at = q.pointer + "/breakdown";
  q.breakdown_by = str(b, "by");
  if (q.shares_only) {
    reader.fail(src.at(at), "question \"" + q.id + "\": a breakdown needs option counts, not shares");
    return;
  }
  const std::vector<OrgUnit>* units = nullptr;
  if (out.organisation) units = q.breakdown_by == "service" ? &out.organisation->services : &out.organisation->areas;
  std::vector<std::string> unit_ids;
  if (units)
    for (const OrgUnit& u : *units) unit_ids.push_back(u.id);
  std::set<std::string> seen;
  long all_respondents = 0;
  std::map<std::string, long> column;
  const json& rows = b.at("rows");
  for (size_t i = 0; i < rows.size(); ++i) {
    SurveyBreakdownRow row;
    row.pointer = at + "/rows/" + std::to_string(i);
    row.unit = str(rows[i], "unit");
    row.respondents = rows[i].at("respondents").get<long>();
    if (!seen.insert(row.unit).second)
      reader.fail(src.at(row.pointer + "/unit"),
                  "question \"" + q.id + "\" has " + q.breakdown_by + " \"" + row.unit + "\" twice in its breakdown");
    if (units && std::find(unit_ids.begin(), unit_ids.end(), row.unit) == unit_ids.end())
      reader.fail(src.at(row.pointer + "/unit"),
                  "unknown " + q.breakdown_by + " \"" + row.unit + "\"" + diag::did_you_mean(row.unit, unit_ids));
    if (row.respondents > q.respondents)
      reader.fail(src.at(row.pointer + "/respondents"), "breakdown row \"" + row.unit + "\" has " + n(row.respondents) +
                                                            " respondents, more than the question's " +
                                                            n(q.respondents));
    long sum = 0;
    for (const auto& [option, count] : rows[i].at("counts").items()) {
      const std::string cell = row.pointer + "/counts/" + option;
      const long c = count.get<long>();
      if (!q.option(option)) {
        reader.fail(src.at(cell), "unknown option \"" + option + "\"" + diag::did_you_mean(option, option_ids(q)));
        continue;
      }
      if (c > row.respondents)
        reader.fail(src.at(cell), "breakdown cell \"" + row.unit + "\", \"" + option + "\" is " + n(c) +
                                      ", more than its total of " + n(row.respondents) + " respondents");
      row.counts[option] = c;
      column[option] += c;
      sum += c;
    }
    if (sum > row.respondents &&
        std::all_of(row.counts.begin(), row.counts.end(), [&](const auto& kv) { return kv.second <= row.respondents; }))
      reader.fail(src.at(row.pointer + "/counts"), "breakdown row \"" + row.unit + "\": counts add up to " + n(sum) +
                                                       ", more than its " + n(row.respondents) + " respondents");
    all_respondents += row.respondents;
    q.breakdown.push_back(std::move(row));
  }
  if (all_respondents > q.respondents)
    reader.fail(src.at(at + "/rows"), "breakdown rows add up to " + n(all_respondents) +
                                          " respondents, more than the question's " + n(q.respondents));
  for (const SurveyOption& o : q.options)
    if (o.count && column[o.id] > *o.count)
      reader.fail(src.at(at + "/rows"), "breakdown counts of option \"" + o.id + "\" add up to " + n(column[o.id]) +
                                            ", more than its " + n(*o.count) + " in the whole survey");
}

SurveyQuestion read_question(RecordReader& reader, const json& qj, const Source& src, const Records& out,
                             const std::string& at, long survey_respondents) {
  SurveyQuestion q;
  q.pointer = at;
  q.id = str(qj, "id");
  q.text = str(qj, "text");
  q.respondents = qj.value("respondents", survey_respondents);
  if (q.respondents > survey_respondents)
    reader.fail(src.at(at + "/respondents"), "question \"" + q.id + "\" has " + n(q.respondents) +
                                                 " respondents, more than the survey's " + n(survey_respondents));
  std::set<std::string> seen;
  const json& os = qj.at("options");
  size_t with_share = 0;
  long counts = 0;
  long long shares = 0;
  for (size_t i = 0; i < os.size(); ++i) {
    const std::string o_at = at + "/options/" + std::to_string(i);
    SurveyOption o{str(os[i], "id"), str(os[i], "label"), std::nullopt, std::nullopt};
    reader.unique_id(o.id, src, o_at + "/id", seen);
    if (os[i].contains("count")) {
      o.count = os[i].at("count").get<long>();
      counts += *o.count;
    } else {
      o.share = micro_of(os[i].at("share").get<double>());
      ++with_share;
      shares += *o.share;
      if (*o.share < 0 || *o.share > 100 * kOne)
        reader.fail(src.at(o_at + "/share"), "share " + share_text(*o.share) + " is outside 0 to 100");
    }
    q.options.push_back(std::move(o));
  }
  q.shares_only = with_share == os.size();
  if (with_share > 0 && !q.shares_only)
    reader.fail(src.at(at + "/options"), "question \"" + q.id +
                                             "\" mixes counts and shares: give every option a count, or every "
                                             "option a share");
  else if (!q.shares_only && counts > q.respondents)
    reader.fail(src.at(at + "/options"), "question \"" + q.id + "\": option counts add up to " + n(counts) +
                                             ", more than its " + n(q.respondents) + " respondents");
  // Shares rounded to whole numbers may add up to a little over 100.
  else if (q.shares_only && shares > 100 * kOne + static_cast<long long>(os.size()) * kOne / 2)
    reader.fail(src.at(at + "/options"),
                "question \"" + q.id + "\": option shares add up to " + share_text(shares) + "%, more than 100%");
  if (qj.contains("headline")) {
    q.headline = strings(qj, "headline");
    for (size_t k = 0; k < q.headline.size(); ++k)
      if (!q.option(q.headline[k]))
        reader.fail(src.at(at + "/headline/" + std::to_string(k)),
                    "unknown option \"" + q.headline[k] + "\"" + diag::did_you_mean(q.headline[k], option_ids(q)));
  } else if (!q.options.empty()) {
    q.headline = {q.options.front().id};
  }
  if (qj.contains("breakdown")) read_breakdown(reader, qj.at("breakdown"), src, out, q);
  return q;
}

}  // namespace load_surveys

bool load_survey(RecordReader& reader, const json& doc, Source src, Records& out) {
  namespace ls = load_surveys;
  Survey s;
  s.id = str(doc, "id");
  s.title = str(doc, "title");
  s.audience = str(doc, "audience");
  s.run_by = str(doc, "run_by");
  s.summary = str(doc, "summary");
  s.repeats = str(doc, "repeats");
  if (doc.contains("period")) {
    s.from = reader.date_at(doc, src, "/period/from");
    s.date = reader.date_at(doc, src, "/period/to");
    if (reader.ok() && s.date < *s.from)
      reader.fail(src.at("/period/to"),
                  "the survey closes " + s.date.iso() + ", before it opens (" + s.from->iso() + ")");
  } else {
    s.date = reader.date_at(doc, src, "/date");
  }
  s.respondents = doc.at("respondents").get<long>();
  if (doc.contains("invited")) {
    s.invited = doc.at("invited").get<long>();
    if (s.respondents > *s.invited)
      reader.fail(src.at("/respondents"),
                  "respondents " + ls::n(s.respondents) + " is more than the " + ls::n(*s.invited) + " invited");
  }
  std::set<std::string> seen;
  const json& qs = doc.at("questions");
  for (size_t i = 0; i < qs.size(); ++i) {
    const std::string at = "/questions/" + std::to_string(i);
    SurveyQuestion q = ls::read_question(reader, qs[i], src, out, at, s.respondents);
    reader.unique_id(q.id, src, at + "/id", seen);
    s.questions.push_back(std::move(q));
  }
  if (doc.contains("comments")) {
    const json& cs = doc.at("comments");
    std::vector<std::string> ids(seen.begin(), seen.end());
    for (size_t i = 0; i < cs.size(); ++i) {
      SurveyComment c{str(cs[i], "text"),
                      str(cs[i], "question"),
                      {"/comments/" + std::to_string(i), str(cs[i], "classification"), "", false}};
      if (!c.question.empty() && !seen.count(c.question))
        reader.fail(src.at(c.mark.pointer + "/question"),
                    "unknown question \"" + c.question + "\"" + diag::did_you_mean(c.question, ids));
      s.comments.push_back(std::move(c));
    }
  }
  s.src = std::move(src);
  if (!reader.ok()) return false;
  out.surveys[s.id] = std::move(s);
  return true;
}

const SurveyOption* SurveyQuestion::option(const std::string& oid) const {
  for (const SurveyOption& o : options)
    if (o.id == oid) return &o;
  return nullptr;
}

const SurveyQuestion* Survey::question(const std::string& qid) const {
  for (const SurveyQuestion& q : questions)
    if (q.id == qid) return &q;
  return nullptr;
}

std::vector<MarkedPart*> Survey::marked_parts() {
  std::vector<MarkedPart*> out;
  for (SurveyComment& c : comments) out.push_back(&c.mark);
  return out;
}

void Survey::drop_sensitive_parts() {
  std::erase_if(comments, [](const SurveyComment& c) { return c.mark.sensitive; });
}

std::string Survey::when() const { return from ? from->human() + " to " + date.human() : date.human(); }

std::vector<Ref> Survey::references() const { return {{.pointer = "/repeats", .kind = "survey", .id = repeats}}; }

void Survey::check(const Records& r, const CheckInput&, diag::Diagnostics& diags) const {
  auto it = r.surveys.find(repeats);
  if (repeats.empty() || it == r.surveys.end()) return;
  const Survey& before = it->second;
  if (!(before.date < date))
    diags.error(src.at("/repeats"), "survey \"" + id + "\" repeats \"" + repeats + "\", which closed on " +
                                        before.date.human() + ", not before this run (" + date.human() + ")");
}

// ---------------------------------------------------------------------------
// Surveys as an indicator's value source (surveys.h).

std::vector<const Survey*> survey_runs(const Records& records, const std::string& id) {
  // The oldest run a survey leads back to through `repeats` (loops stop).
  auto root = [&](const std::string& start) {
    std::string at = start;
    std::set<std::string> seen{at};
    for (auto it = records.surveys.find(at); it != records.surveys.end() && !it->second.repeats.empty();
         it = records.surveys.find(at)) {
      if (!records.surveys.count(it->second.repeats) || !seen.insert(it->second.repeats).second) break;
      at = it->second.repeats;
    }
    return at;
  };
  std::vector<const Survey*> out;
  if (!records.surveys.count(id)) return out;
  const std::string mine = root(id);
  for (const auto& [sid, s] : records.surveys)
    if (root(sid) == mine) out.push_back(&s);
  std::stable_sort(out.begin(), out.end(), [](const Survey* a, const Survey* b) { return a->date < b->date; });
  return out;
}

std::optional<long long> survey_share(const SurveyQuestion& q, const std::vector<std::string>& options) {
  const std::vector<std::string>& named = options.empty() ? q.headline : options;
  long long shares = 0;
  long counts = 0;
  for (const std::string& o : named)
    if (const SurveyOption* opt = q.option(o)) {
      shares += opt->share.value_or(0);
      counts += opt->count.value_or(0);
    }
  if (q.shares_only) return shares;
  if (q.respondents <= 0) return std::nullopt;
  return ratio(counts * kOne, q.respondents * kOne, 100, 6);
}

namespace surveys_source {

std::pair<std::string, std::string> split(const std::string& ref) {
  const size_t slash = ref.find('/');
  if (slash == std::string::npos) return {ref, ""};
  return {ref.substr(0, slash), ref.substr(slash + 1)};
}

}  // namespace surveys_source

std::vector<IndicatorValue> survey_values(const Records& records, const Indicator& ind) {
  std::vector<IndicatorValue> out;
  const auto [survey, question] = surveys_source::split(ind.survey_question);
  const PeriodType type = period_type_of(ind.period_type).value_or(PeriodType::kMonth);
  for (const Survey* run : survey_runs(records, survey)) {
    const SurveyQuestion* q = run->question(question);
    if (!q) continue;
    IndicatorValue v;
    v.index = period_index(type, run->date);
    v.period = period_text(type, v.index);
    if (auto p = parse_period(type, v.period)) v.end = p->end;
    if (q->respondents < records.min_cell) {
      v.symbol = 'c';  // too few respondents: its page shows no share either
    } else if (auto share = survey_share(*q, ind.survey_options)) {
      v.value = q->shares_only ? *share : round_half_away(*share, ind.decimals);
      if (!q->shares_only) {
        long chosen = 0;
        for (const std::string& o : ind.survey_options.empty() ? q->headline : ind.survey_options)
          if (const SurveyOption* opt = q->option(o)) chosen += opt->count.value_or(0);
        v.numerator = chosen * kOne;
        v.denominator = q->respondents * kOne;
      }
    } else {
      v.symbol = 'z';  // nobody answered it
    }
    v.note = "from " + run->title;
    v.at = run->src.at(q->pointer);
    out.push_back(std::move(v));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const IndicatorValue& a, const IndicatorValue& b) { return a.index < b.index; });
  return out;
}

void check_survey_source(const Records& records, const Indicator& ind, diag::Diagnostics& diags) {
  if (ind.survey_question.empty()) return;
  const auto [survey, question] = surveys_source::split(ind.survey_question);
  const std::vector<const Survey*> runs = survey_runs(records, survey);
  if (runs.empty()) return;  // an unknown survey is reported with the other references
  std::vector<const SurveyQuestion*> asked;
  std::vector<std::string> ids;
  for (const Survey* run : runs) {
    if (const SurveyQuestion* q = run->question(question)) asked.push_back(q);
    for (const SurveyQuestion& q : run->questions)
      if (std::find(ids.begin(), ids.end(), q.id) == ids.end()) ids.push_back(q.id);
  }
  if (asked.empty()) {
    diags.error(ind.src.at("/survey_question"),
                "survey \"" + survey + "\" asks no question \"" + question + "\"" + diag::did_you_mean(question, ids));
    return;
  }
  for (size_t k = 0; k < ind.survey_options.size(); ++k) {
    const std::string& o = ind.survey_options[k];
    if (std::none_of(asked.begin(), asked.end(), [&](const SurveyQuestion* q) { return q->option(o); })) {
      std::vector<std::string> options;
      for (const SurveyQuestion* q : asked)
        for (const SurveyOption& opt : q->options) options.push_back(opt.id);
      diags.error(
          ind.src.at("/survey_options/" + std::to_string(k)),
          "question \"" + ind.survey_question + "\" has no option \"" + o + "\"" + diag::did_you_mean(o, options));
    }
  }
  const PeriodType type = period_type_of(ind.period_type).value_or(PeriodType::kMonth);
  std::map<long, const Survey*> by_period;
  for (const Survey* run : runs) {
    if (!run->question(question)) continue;
    auto [it, fresh] = by_period.emplace(period_index(type, run->date), run);
    if (!fresh)
      diags.error(ind.src.at("/survey_question"), "runs \"" + it->second->id + "\" and \"" + run->id +
                                                      "\" both close in " + period_text(type, it->first) +
                                                      ": one value per period");
  }
}

}  // namespace qahub::records
