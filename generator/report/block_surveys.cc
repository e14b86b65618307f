/// `{{< surveys >}}`: the surveys that closed in the report's period, each
/// question with its headline share and its comparison with the run it
/// repeats. The data keeps counts (respondents, the headline options' count
/// or share, and the earlier run's); the view suppresses with today's
/// `disclosure` as the survey page does (record_pages/survey_view.h): a
/// question fewer than `min_cell` answered shows no share, and no comparison
/// unless both runs reach it. Placed by name only, never by default.
#include "figures/percent.h"
#include "record_pages/kinds.h"
#include "record_pages/survey_view.h"
#include "report/blocks.h"

namespace qahub::report {

using nlohmann::json;

namespace block_surveys {

/// A question's headline, as data: respondents and either a count or (shares
/// only) a share in per mille.
json headline_data(const records::SurveyQuestion& q) {
  long count = 0;
  long long share = 0;
  for (const std::string& h : q.headline)
    if (const records::SurveyOption* o = q.option(h)) {
      count += o->count.value_or(0);
      share += o->share.value_or(0);
    }
  json d = {{"respondents", q.respondents}};
  if (q.shares_only)
    d["share_pm"] = (share + 50'000) / 100'000;
  else
    d["count"] = count;
  return d;
}

std::optional<long> shown_pm(const json& h, long min_cell) {
  const long n = h.value("respondents", 0L);
  if (n <= 0 || n < min_cell) return std::nullopt;
  if (h.contains("share_pm")) return h.value("share_pm", 0L);
  return figures::per_mille(h.value("count", 0L), n);
}

std::string pm_text(long pm) { return std::to_string(pm / 10) + "." + std::to_string(pm % 10) + "%"; }

}  // namespace block_surveys

json surveys_data(const Input& in) {
  namespace bs = block_surveys;
  json rows = json::array();
  for (const auto& [id, s] : in.records.surveys) {
    if (s.date < in.from || in.to < s.date) continue;
    json questions = json::array();
    for (const records::SurveyQuestion& q : s.questions) {
      std::string labels;
      for (size_t i = 0; i < q.headline.size(); ++i) {
        const records::SurveyOption* o = q.option(q.headline[i]);
        labels += (i == 0 ? "" : i + 1 == q.headline.size() ? " or " : ", ") + (o ? o->label : q.headline[i]);
      }
      json qd = {{"id", q.id}, {"text", q.text}, {"answer", labels}, {"now", bs::headline_data(q)}};
      if (auto before = in.records.surveys.find(s.repeats); !s.repeats.empty() && before != in.records.surveys.end())
        if (const records::SurveyQuestion* bq = before->second.question(q.id)) {
          qd["before"] = bs::headline_data(*bq);
          qd["before_year"] = before->second.date.year;
        }
      questions.push_back(std::move(qd));
    }
    rows.push_back({{"id", id},
                    {"title", s.title},
                    {"closed", s.date.iso()},
                    {"when", s.when()},
                    {"responses", record_pages::survey_response_words(s)},
                    {"questions", questions}});
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const json& a, const json& b) { return a.value("closed", "") < b.value("closed", ""); });
  return {{"from", in.from.iso()}, {"to", in.to.iso()}, {"rows", rows}};
}

json surveys_view(const json& data, const ViewInput& vin) {
  namespace bs = block_surveys;
  const long min_cell = vin.figures ? vin.figures->min_cell : figures::FigureOptions{}.min_cell;
  json rows = json::array();
  for (const json& r : data.value("rows", json::array())) {
    json v = r;
    v["url"] = record_pages::record_url("survey", r.value("id", ""));
    json questions = json::array();
    for (const json& q : r.value("questions", json::array())) {
      json qv = {{"text", q.value("text", "")}};
      const json& now = q.contains("now") ? q.at("now") : json::object();
      const auto now_pm = bs::shown_pm(now, min_cell);
      const long n = now.value("respondents", 0L);
      qv["result"] =
          now_pm ? bs::pm_text(*now_pm) + " answered " + q.value("answer", "") + " (" + std::to_string(n) + " answered)"
                 : "No share shown: fewer than " + std::to_string(min_cell) + " answered";
      if (q.contains("before")) {
        const std::string year = std::to_string(q.value("before_year", 0));
        const auto then_pm = bs::shown_pm(q.at("before"), min_cell);
        qv["comparison"] = now_pm && then_pm
                               ? "Asked the same question in " + year + ": " + bs::pm_text(*then_pm) + " → " +
                                     bs::pm_text(*now_pm) + "."
                               : "Asked the same question in " + year + ", but one of the two runs had fewer than " +
                                     std::to_string(min_cell) + " answering it, so the two are not compared.";
      }
      questions.push_back(std::move(qv));
    }
    v["questions"] = questions;
    rows.push_back(std::move(v));
  }
  return {{"rows", rows},
          {"has_rows", !rows.empty()},
          {"from", human_date(data.value("from", json()))},
          {"to", human_date(data.value("to", json()))}};
}

}  // namespace qahub::report
