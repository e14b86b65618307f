#include <algorithm>

#include "config/site_config.h"
#include "fs/files.h"
#include "scaffold/scaffold.h"

namespace qahub::scaffold {

namespace scaffold_publications {

/// The forums of type "committee" in data/forums/, by id.
std::vector<std::string> committees(const std::filesystem::path& site_dir) {
  std::vector<std::string> out;
  for (const std::string& id : record_ids(site_dir, "forum")) {
    const std::string text = fs::read_file(site_dir / ("data/forums/" + id + ".json")).value_or("");
    try {
      if (nlohmann::json::parse(text).value("type", "") == "committee") out.push_back(id);
    } catch (const nlohmann::json::exception&) {
      // a forum in error is the build's to report
    }
  }
  return out;
}

}  // namespace scaffold_publications

std::optional<Plan> plan_committee_report(const std::filesystem::path& site_dir, const std::string& committee,
                                          base::Date as_of, diag::Diagnostics& diags) {
  namespace sp = scaffold_publications;
  const std::vector<std::string> forums = sp::committees(site_dir);
  std::string forum = committee;
  if (forum.empty() && forums.size() == 1) forum = forums.front();
  if (forum.empty()) {
    diags.error({}, forums.empty()
                        ? "the site has no forum of type \"committee\" in data/forums/ for the report to "
                          "go to; add one, or name a forum with --committee"
                        : "the site has " + std::to_string(forums.size()) + " committees; name one with --committee");
    return std::nullopt;
  }
  if (std::find(forums.begin(), forums.end(), forum) == forums.end()) {
    diags.error({}, "unknown committee \"" + forum + "\"" + diag::did_you_mean(forum, forums) +
                        " (a committee is a forum of type \"committee\" in data/forums/)");
    return std::nullopt;
  }
  // The sections the site's committee-report type requires, in order.
  diag::Diagnostics ignored;
  const config::SiteConfig cfg = config::load_site_config(site_dir, ignored);
  std::vector<std::string> sections;
  if (auto t = cfg.publications.find(config::kCommitteeReport); t != cfg.publications.end())
    sections = t->second.sections;
  const std::vector<std::string> plans = record_ids(site_dir, "plan");
  const std::vector<std::string> cards = record_ids(site_dir, "scorecard");
  const std::string month = as_of.iso().substr(0, 7);
  std::string name = month + "-progress-report";
  for (int n = 2; std::filesystem::exists(site_dir / ("content/committee/" + name + ".md")); ++n)
    name = month + "-progress-report-" + std::to_string(n);
  std::string text = "---\ntitle: \"Improvement programme: progress report to members, " +
                     as_of.human().substr(as_of.human().find(' ') + 1) +
                     "\"\ndescription: \"TODO: one sentence on what this report tells members\"\n"
                     "type: committee-report\npublication:\n  committee: " +
                     forum + "\n  decision: note\n";
  if (plans.size() == 1) text += "  plan: " + plans.front() + "\n";
  if (cards.size() == 1) text += "  scorecard: " + cards.front() + "\n";
  text +=
      "  contact: \"TODO: the role members may ask about it\"\nowner: \"TODO: the role that owns it\"\n"
      "review_by: " +
      one_year_on(as_of).iso() + "\n---\n";
  for (const std::string& s : sections) text += "\n## " + s + "\n\nTODO: write this section.\n";
  Plan plan{{{"content/committee/" + name + ".md", text}}};
  if (!std::filesystem::exists(site_dir / "content/committee/_index.md"))
    plan.files.push_back({"content/committee/_index.md",
                          "---\ntitle: Reports to members\ndescription: The regular progress reports to members, "
                          "by series, with their number, period and the decision asked.\n---\n\n"
                          "{{< publications committee-report >}}\n"});
  return plan;
}

}  // namespace qahub::scaffold

namespace qahub::scaffold {

std::optional<Plan> plan_self_evaluation(const std::filesystem::path& site_dir, base::Date as_of,
                                         diag::Diagnostics& diags) {
  // One page a financial year: the year of the as-of date.
  const std::string year = base::financial_year(as_of);
  const std::string path = "content/self-evaluation/" + year + ".md";
  if (std::filesystem::exists(site_dir / path)) {
    diags.error({path}, "the self-evaluation of " + year +
                            " exists; publish a new quarterly version of it with qahub publish " + path);
    return std::nullopt;
  }
  diag::Diagnostics ignored;
  const config::SiteConfig cfg = config::load_site_config(site_dir, ignored);
  std::vector<std::string> sections;
  if (auto t = cfg.publications.find(config::kSelfEvaluation); t != cfg.publications.end())
    sections = t->second.sections;
  const std::vector<std::string> evidence = record_ids(site_dir, "evidence");
  const std::vector<std::string> cards = record_ids(site_dir, "scorecard");
  std::string text = "---\ntitle: \"Self-evaluation of social work practice, " + year +
                     "\"\ndescription: \"TODO: one sentence on what this self-evaluation says\"\n"
                     "type: self-evaluation\npublication:\n";
  if (cards.size() == 1) text += "  scorecard: " + cards.front() + "\n";
  text += "  contact: \"TODO: the role to ask about it\"\n  claims:\n";
  const char* questions[] = {"know", "how", "plans"};
  for (const char* q : questions) {
    text += std::string("    - id: ") + q + "-1\n      question: " + q +
            "\n      text: \"TODO: a sentence the authority stands behind\"\n      evidence: [" +
            (evidence.empty() ? std::string() : evidence.front()) + "]\n";
  }
  text +=
      "  weaknesses: []\n  plans: []\nowner: \"TODO: the role that owns it\"\nreview_by: " + one_year_on(as_of).iso() +
      "\n---\n";
  for (const std::string& s : sections) text += "\n## " + s + "\n\nTODO: write this section.\n";
  Plan plan{{{path, text}}};
  if (!std::filesystem::exists(site_dir / "content/self-evaluation/_index.md"))
    plan.files.push_back({"content/self-evaluation/_index.md",
                          "---\ntitle: Self-evaluation\ndescription: Our self-evaluation of social work practice, "
                          "year by year, each version with the evidence behind its claims.\n---\n\n"
                          "{{< publications self-evaluation >}}\n"});
  return plan;
}

std::optional<Plan> plan_evidence(const std::filesystem::path& site_dir, const std::string& title, base::Date as_of,
                                  diag::Diagnostics& diags) {
  const std::string id = record_slug(title);
  if (id.empty()) {
    diags.error({}, "the evidence needs a title with a letter or digit in it");
    return std::nullopt;
  }
  const std::string path = "data/evidence/" + id + ".json";
  if (std::filesystem::exists(site_dir / path)) {
    diags.error({path}, "evidence \"" + id + "\" exists; give the new item another title");
    return std::nullopt;
  }
  const nlohmann::json doc = {{"$schema", "../schemas/evidence.schema.json"},
                              {"id", id},
                              {"title", title},
                              {"kind", "report"},
                              {"external", "TODO: where the document is held, or name a record or page instead"},
                              {"date", as_of.iso()},
                              {"owner", "TODO: the role that owns it"},
                              {"status", "in-place"}};
  return Plan{{{path, doc.dump(2) + "\n"}}};
}

}  // namespace qahub::scaffold
