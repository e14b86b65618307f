// `qahub new survey "Title" [--repeats ID]`: a survey run in the shape of
// data/schemas/survey.schema.json, closing on the as-of date with nobody yet
// counted. A repeat copies the earlier run's audience and questions (ids,
// wording, answers), so the two compare question by question.
#include <nlohmann/json.hpp>

#include "fs/files.h"
#include "scaffold/scaffold.h"

namespace qahub::scaffold {

namespace scaffold_surveys {

using ordered_json = nlohmann::ordered_json;

}  // namespace scaffold_surveys

std::optional<Plan> plan_survey(const std::filesystem::path& site_dir, const std::string& title,
                                const std::string& repeats, base::Date as_of, diag::Diagnostics& diags) {
  namespace ss = scaffold_surveys;
  const std::string slug = record_slug(title);
  if (slug.empty()) {
    diags.error({}, "the survey needs a title, such as \"Supervision survey\"");
    return std::nullopt;
  }
  const std::vector<std::string> taken = record_ids(site_dir, "survey");
  ss::ordered_json earlier;
  if (!repeats.empty()) {
    if (std::find(taken.begin(), taken.end(), repeats) == taken.end()) {
      diags.error({}, "unknown survey \"" + repeats + "\"" + diag::did_you_mean(repeats, taken) +
                          " (surveys are the files in data/surveys/)");
      return std::nullopt;
    }
    try {
      earlier = ss::ordered_json::parse(fs::read_file(site_dir / record_file("survey", repeats)).value_or(""));
      (void)earlier.at("questions").size();
    } catch (const nlohmann::json::exception&) {
      diags.error({record_file("survey", repeats)}, "cannot read the survey; run qahub check for details");
      return std::nullopt;
    }
  }
  const std::string year = std::to_string(as_of.year);
  const std::string base = slug.size() > 5 && slug.substr(slug.size() - 5) == "-" + year ? slug : slug + "-" + year;
  const std::string id = first_free_id(base, taken);
  ss::ordered_json j;
  j["$schema"] = schema_ref("survey");
  j["id"] = id;
  j["title"] = title;
  j["audience"] = earlier.is_object() && earlier.contains("audience") ? earlier["audience"]
                                                                      : ss::ordered_json("TODO: who was asked");
  j["date"] = as_of.iso();
  j["invited"] = 0;
  j["respondents"] = 0;
  if (!repeats.empty()) j["repeats"] = repeats;
  ss::ordered_json questions = ss::ordered_json::array();
  if (earlier.is_object()) {
    for (const auto& q : earlier.at("questions")) {
      ss::ordered_json nq;
      nq["id"] = q.value("id", "");
      nq["text"] = q.value("text", "");
      if (q.contains("headline")) nq["headline"] = q["headline"];
      ss::ordered_json options = ss::ordered_json::array();
      for (const auto& o : q.value("options", ss::ordered_json::array()))
        options.push_back({{"id", o.value("id", "")}, {"label", o.value("label", "")}, {"count", 0}});
      nq["options"] = options;
      questions.push_back(nq);
    }
  } else {
    questions.push_back({{"id", "q1"},
                         {"text", "TODO: the question as asked"},
                         {"options", ss::ordered_json::array({{{"id", "yes"}, {"label", "Yes"}, {"count", 0}},
                                                              {{"id", "no"}, {"label", "No"}, {"count", 0}}})}});
  }
  j["questions"] = questions;
  return Plan{{{record_file("survey", id), j.dump(2) + "\n"}}};
}

}  // namespace qahub::scaffold
