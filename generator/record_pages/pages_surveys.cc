#include <algorithm>

#include "record_pages/pages.h"
#include "record_pages/survey_view.h"

namespace qahub::record_pages {

using namespace records;  // the typed model these pages show

using nlohmann::json;

namespace pages_surveys {

json link(const Records& records, const std::string& id) {
  auto it = records.surveys.find(id);
  return {{"title", it == records.surveys.end() ? id : it->second.title}, {"url", record_url("survey", id)}};
}

RecordPage survey_page(const Context& ctx, const Survey& s) {
  const figures::FigureOptions& o = ctx.input.figures;
  json v;
  v["audience"] = s.audience;
  v["run_by"] = s.run_by;
  v["when"] = s.when();
  v["summary"] = s.summary;
  v["responses"] = survey_response_words(s);
  v["min_cell"] = std::to_string(o.min_cell);
  v["too_few"] = s.respondents < o.min_cell;
  if (!s.repeats.empty()) v["repeats"] = link(ctx.records, s.repeats);
  json repeated = json::array();
  for (const auto& [id, other] : ctx.records.surveys)
    if (other.repeats == s.id) repeated.push_back(link(ctx.records, id));
  v["repeated_by"] = repeated;
  json questions = json::array();
  for (const SurveyQuestion& q : s.questions) questions.push_back(survey_question_view(s, q, ctx.records, o));
  v["questions"] = questions;
  json comments = json::array();
  for (const SurveyComment& c : s.comments) {
    const SurveyQuestion* q = s.question(c.question);
    // Only with --include-sensitive does a sensitive comment get this far: it says its marking.
    comments.push_back(
        {{"text", c.text}, {"question", q ? q->text : ""}, {"marking", c.mark.sensitive ? c.mark.marking : ""}});
  }
  v["comments"] = comments;
  v["csv"] = section_url("survey") + "surveys.csv";
  std::string description = s.title + ": " + s.audience + ", " + s.when() + ".";
  RecordPage page = make_page(record_url("survey", s.id), s.src.path, s.title, description, section_url("survey"),
                              render(ctx, "survey", v), {"survey"});
  page.order = {s.date.iso()};
  return page;
}

}  // namespace pages_surveys

std::string surveys_csv(const Context& ctx) {
  std::string out =
      "\xEF\xBB\xBFsurvey,title,closed,audience,invited,respondents,question,question text,breakdown by,unit,option,"
      "label,responses,share,page\r\n";
  for (const auto& [id, s] : ctx.records.surveys)
    for (const SurveyCsvRow& r : survey_csv_rows(s, ctx.records, ctx.input.figures)) {
      const std::vector<std::string> cols = {id,
                                             s.title,
                                             s.date.iso(),
                                             s.audience,
                                             s.invited ? std::to_string(*s.invited) : "",
                                             std::to_string(s.respondents),
                                             r.question,
                                             r.question_text,
                                             r.breakdown_by,
                                             r.unit,
                                             r.option,
                                             r.label,
                                             r.responses,
                                             r.share,
                                             record_url("survey", id)};
      for (size_t i = 0; i < cols.size(); ++i) out += (i ? "," : "") + csv_field(cols[i]);
      out += "\r\n";
    }
  return out;
}

void add_survey_pages(const Context& ctx, RecordPages& out) {
  if (ctx.records.surveys.empty()) return;  // no empty section in a hub without one
  std::vector<const Survey*> newest_first;
  for (const auto& [id, s] : ctx.records.surveys) {
    out.pages.push_back(pages_surveys::survey_page(ctx, s));
    newest_first.push_back(&s);
  }
  std::stable_sort(newest_first.begin(), newest_first.end(),
                   [](const Survey* a, const Survey* b) { return b->date < a->date; });
  json list = json::array();
  for (const Survey* s : newest_first)
    list.push_back({{"title", s->title},
                    {"url", record_url("survey", s->id)},
                    {"when", s->when()},
                    {"audience", s->audience},
                    {"responses", survey_response_words(*s)},
                    {"questions", std::to_string(s->questions.size())}});
  const std::string section = section_url("survey");
  out.files[section.substr(1) + "surveys.csv"] = surveys_csv(ctx);
  json v{{"surveys", list}, {"csv", section + "surveys.csv"}, {"min_cell", std::to_string(ctx.input.figures.min_cell)}};
  out.pages.push_back(make_page(section, "data/surveys/", "Surveys",
                                "Staff surveys and what they found, question by question, with small numbers "
                                "suppressed.",
                                section, render(ctx, "surveys", v), {"survey"}));
}

}  // namespace qahub::record_pages
