#include "config/publications.h"

#include <algorithm>

namespace qahub::config {

using frontmatter::read_int;
using frontmatter::read_string;
using frontmatter::read_string_list;

std::map<std::string, PublicationType> builtin_publication_types() {
  std::map<std::string, PublicationType> out;
  out[kLearningReport] = {kLearningReport, "Learning and Improvement report", "cycle", {}, {}, 1};
  // The regular progress report to elected members (domain-s4 §A4): its
  // sections in the order the seeds' reports give them.
  out[kCommitteeReport] = {kCommitteeReport,
                           "Progress report to members",
                           "since-previous",
                           {"Summary", "Inspections and reviews", "Progress against the plan", "Performance",
                            "Quality of practice", "Risks", "Implications", "Conclusion", "Background documents"},
                           {{"inspections", "Inspections and reviews"},
                            {"plan-progress", "Progress against the plan"},
                            {"recommendations", "Progress against the plan"},
                            {"scorecard", "Performance"},
                            {"audits", "Quality of practice"},
                            {"surveys", "Quality of practice"},
                            {"risks", "Risks"},
                            {"background", "Background documents"}},
                           1};
  // The annual self-evaluation (issue 37): Ofsted's three questions as its
  // sections (no format is prescribed, so qahub.yaml may word them locally;
  // the blocks follow the sections by place, not by wording).
  PublicationType se{kSelfEvaluation,
                     "Self-evaluation",
                     "financial-year",
                     {"What do we know about the quality and impact of social work practice?", "How do we know it?",
                      "What are our plans for the next 12 months to maintain or improve practice?"},
                     {{"year-figures", "", {}, 0},
                      {"claims", "", {}, 0},
                      {"under-development", "", {}, 1},
                      {"weaknesses", "", {}, 2},
                      {"plans-due", "", {}, 2},
                      {"evidence", "", {}, -1}},
                     1,
                     true};
  out[kSelfEvaluation] = se;
  return out;
}

namespace publications {

const std::vector<std::string> kPeriods = {"since-previous", "financial-year", "cycle"};

void read_blocks(const YAML::Node& n, const frontmatter::YamlSource& src, diag::Diagnostics& diags,
                 std::vector<DefaultBlock>& out) {
  if (!n.IsSequence()) {
    diags.error(src.at(n), "\"blocks\" must be a list of block names or {block, under} mappings");
    return;
  }
  out.clear();
  for (const YAML::Node& b : n) {
    if (b.IsScalar()) {
      if (auto s = read_string(b, src, diags, "blocks")) out.push_back({*s, "", src.at(b)});
      continue;
    }
    if (!b.IsMap() || !b["block"]) {
      diags.error(src.at(b), "each of \"blocks\" is a block name or {block: NAME, under: HEADING}");
      continue;
    }
    frontmatter::check_known_keys(b, {"block", "under"}, src, diags, "blocks entry");
    DefaultBlock d;
    d.pos = src.at(b["block"]);
    if (auto s = read_string(b["block"], src, diags, "block")) d.block = *s;
    if (b["under"])
      if (auto s = read_string(b["under"], src, diags, "under")) d.under = *s;
    out.push_back(d);
  }
}

}  // namespace publications

void read_publications(const YAML::Node& n, const frontmatter::YamlSource& src, diag::Diagnostics& diags,
                       std::map<std::string, PublicationType>& types) {
  if (!n.IsMap()) {
    diags.error(src.at(n), "\"publications\" must be a mapping of publication types");
    return;
  }
  for (const auto& entry : n) {
    const std::string id = entry.first.as<std::string>();
    const YAML::Node& t = entry.second;
    if (!t.IsMap()) {
      diags.error(src.at(t), "publication type \"" + id + "\" must be a mapping");
      continue;
    }
    frontmatter::check_known_keys(t, {"title", "period", "sections", "blocks", "first_number"}, src, diags,
                                  "publication type");
    const bool builtin = types.count(id) > 0;
    PublicationType& p = types[id];
    p.id = id;
    if (t["title"])
      if (auto s = read_string(t["title"], src, diags, "title")) p.title = *s;
    if (t["period"]) {
      auto s = read_string(t["period"], src, diags, "period");
      const auto& periods = publications::kPeriods;
      if (s && std::find(periods.begin(), periods.end(), *s) == periods.end())
        diags.error(src.at(t["period"]), "unknown period \"" + *s +
                                             "\"; a publication's period is since-previous, financial-year or "
                                             "cycle" +
                                             diag::did_you_mean(*s, periods));
      else if (s && *s != p.period && builtin)
        diags.error(src.at(t["period"]), "the period of the built-in type \"" + id + "\" is " + p.period);
      else if (s && *s == "cycle" && id != kLearningReport)
        diags.error(src.at(t["period"]),
                    "period \"cycle\" is the Learning and Improvement report's, named by each cycle's \"report\"");
      else if (s)
        p.period = *s;
    }
    if (t["sections"])
      if (auto s = read_string_list(t["sections"], src, diags, "sections")) p.sections = *s;
    if (t["blocks"]) publications::read_blocks(t["blocks"], src, diags, p.blocks);
    if (t["first_number"])
      if (auto v = read_int(t["first_number"], src, diags, "first_number")) {
        if (*v < 1)
          diags.error(src.at(t["first_number"]), "\"first_number\" must be at least 1, not " + std::to_string(*v));
        else
          p.first_number = *v;
      }
    if (!builtin && p.title.empty()) diags.error(src.at(entry.first), "publication type \"" + id + "\" needs a title");
    if (!builtin && p.period.empty() && !t["period"])
      diags.error(src.at(entry.first),
                  "publication type \"" + id + "\" needs a period: since-previous or financial-year");
  }
}

}  // namespace qahub::config
