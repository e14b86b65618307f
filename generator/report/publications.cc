#include "report/publications.h"

#include <algorithm>

#include "frontmatter/yaml_fields.h"
#include "report/blocks.h"
#include "report/self_evaluation.h"

namespace qahub::report {

namespace publications {

/// `key`'s string value, or "" (an error when it is not a string).
std::string text(const YAML::Node& block, const char* key, const frontmatter::YamlSource& src,
                 diag::Diagnostics& diags) {
  if (!block[key]) return "";
  return frontmatter::read_string(block[key], src, diags, key).value_or("");
}

/// The record `id` of `kind` named at `key`: an error when there is none
/// (with "did you mean"); cleared when withheld from this build.
template <typename Map>
void named(const YAML::Node& block, const char* key, std::string& id, const Map& ids, const std::string& kind,
           const Withheld& withheld, const frontmatter::YamlSource& src, diag::Diagnostics& diags) {
  if (withheld.has_record(kind, id)) id.clear();
  if (id.empty() || ids.count(id)) return;
  std::vector<std::string> names;
  for (const auto& [k, _] : ids) names.push_back(k);
  diags.error(src.at(block[key]), "unknown " + kind + " \"" + id + "\"" + diag::did_you_mean(id, names));
}

}  // namespace publications

PublicationFields read_publication(const content::Page& page, const config::PublicationType& type,
                                   const records::Records& records, const Withheld& withheld,
                                   diag::Diagnostics& diags) {
  namespace pu = publications;
  PublicationFields f;
  const frontmatter::YamlSource src{page.source, 1};
  if (!page.meta.publication) {
    if (type.id == config::kCommitteeReport)
      diags.error(page.meta.type_pos,
                  "a committee report needs a \"publication:\" block with its committee and the decision asked");
    return f;
  }
  const YAML::Node& b = *page.meta.publication;
  f.committee = pu::text(b, "committee", src, diags);
  f.series = pu::text(b, "series", src, diags);
  f.decision = pu::text(b, "decision", src, diags);
  f.plan = pu::text(b, "plan", src, diags);
  f.scorecard = pu::text(b, "scorecard", src, diags);
  f.contact = pu::text(b, "contact", src, diags);
  if (b["from"]) f.from = frontmatter::read_date(b["from"], src, diags, "from");
  if (b["number"]) {
    f.number = frontmatter::read_int(b["number"], src, diags, "number");
    f.number_pos = src.at(b["number"]);
  }
  if (f.series.empty()) f.series = type.id;
  // Each name must be a record of its kind; one withheld from this build
  // (sensitive) is dropped silently, as a decision's withheld actions are.
  // The committee the report goes to: a forum.
  pu::named(b, "committee", f.committee, records.forums, "forum", withheld, src, diags);
  // The improvement plan whose progress it reports, under its own heading.
  //
  pu::named(b, "plan", f.plan, records.plans, "plan", withheld, src, diags);
  // The scorecard its performance section shows.
  //
  pu::named(b, "scorecard", f.scorecard, records.scorecards, "scorecard", withheld, src, diags);
  static const std::vector<std::string> kDecisions = {"note", "endorse", "agree"};
  if (!f.decision.empty() && std::find(kDecisions.begin(), kDecisions.end(), f.decision) == kDecisions.end())
    diags.error(src.at(b["decision"]), "unknown decision \"" + f.decision +
                                           "\"; members are asked to note, endorse or agree" +
                                           diag::did_you_mean(f.decision, kDecisions));
  if (type.id == config::kCommitteeReport) {
    if (!b["committee"])
      diags.error(page.meta.publication_pos, "a committee report names its \"committee\" (a forum in data/forums/)");
    if (!b["decision"])
      diags.error(page.meta.publication_pos, "a committee report says the \"decision\" asked: note, endorse or agree");
  }
  return f;
}

void check_sections(const content::Page& page, const config::PublicationType& type, diag::Diagnostics& diags) {
  if (type.sections.empty()) return;
  std::vector<std::string> h2;
  for (const markdown::Heading& h : page.doc.headings())
    if (h.level == 2) h2.push_back(h.text);
  std::string all;
  for (size_t i = 0; i < type.sections.size(); ++i)
    all += (i == 0 ? "" : i + 1 == type.sections.size() ? " and " : ", ") + type.sections[i];
  std::vector<std::string> missing;
  size_t last = 0;  // where the previous required section was found
  std::string previous;
  for (const std::string& s : type.sections) {
    auto it = std::find(h2.begin(), h2.end(), s);
    if (it == h2.end()) {
      missing.push_back("\"## " + s + "\"");
      continue;
    }
    const size_t at = static_cast<size_t>(it - h2.begin());
    if (at < last)
      diags.error(page.meta.type_pos, "section \"" + s + "\" comes before \"" + previous + "\"; a " + type.id +
                                          " has its sections in the order " + all);
    else
      last = at, previous = s;
  }
  if (!missing.empty()) {
    std::string list;
    for (size_t i = 0; i < missing.size(); ++i)
      list += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
    diags.error(page.meta.type_pos, "a " + type.id + " has the sections " + all + "; this page has no " + list +
                                        (missing.size() == 1 ? " heading" : " headings"));
  }
}

std::vector<Placement> default_placements(const config::PublicationType& type, const PublicationFields& fields,
                                          const records::Records& records) {
  std::vector<Placement> out;
  for (const config::DefaultBlock& d : type.blocks) {
    const BlockKind* k = find_block(d.block);
    if (!k) continue;  // an unknown name is an error where the config is read (report.cc)
    std::string heading = d.under.empty() ? k->heading : d.under;
    if (d.under.empty() && d.section >= 0 && static_cast<size_t>(d.section) < type.sections.size())
      heading = type.sections[static_cast<size_t>(d.section)];
    const std::string noun = k->names;
    if (noun == "question") {  // a self-evaluation's claims, each question's under its section
      for (size_t i = 0; i < question_keys().size() && i < type.sections.size(); ++i)
        out.push_back({type.sections[i], d.block, {{"", question_keys()[i]}}});
    } else if (noun.empty()) {
      out.push_back({heading, d.block, {}});
    } else if (noun == "plan" && !fields.plan.empty()) {
      out.push_back({heading, d.block, {{"", fields.plan}}});
    } else if (noun == "scorecard" && !fields.scorecard.empty()) {
      out.push_back({heading, d.block, {{"", fields.scorecard}}});
    } else if (noun == "recommendation set" && !fields.plan.empty()) {
      if (auto p = records.plans.find(fields.plan); p != records.plans.end())
        for (const std::string& set : p->second.responds_to)
          if (records.recommendations.count(set)) out.push_back({heading, d.block, {{"", set}}});
    }
  }
  return out;
}

std::string ordinal(long n) {
  const long tens = n % 100;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : n % 10 == 1              ? "st"
                       : n % 10 == 2              ? "nd"
                       : n % 10 == 3              ? "rd"
                                                  : "th";
  return std::to_string(n) + suffix;
}

std::string decision_words(const std::string& decision) {
  if (decision.empty()) return "";
  std::string upper = decision;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return "Members are asked to " + upper + " this report.";
}

}  // namespace qahub::report
