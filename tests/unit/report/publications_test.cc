#include <catch2/catch.hpp>

#include "config/publications.h"
#include "report/publications.h"
#include "report/self_evaluation.h"

using namespace qahub;

TEST_CASE("publications: ordinals as the seeds write them", "[report]") {
  CHECK(report::ordinal(1) == "1st");
  CHECK(report::ordinal(2) == "2nd");
  CHECK(report::ordinal(3) == "3rd");
  CHECK(report::ordinal(4) == "4th");
  CHECK(report::ordinal(8) == "8th");
  CHECK(report::ordinal(11) == "11th");
  CHECK(report::ordinal(12) == "12th");
  CHECK(report::ordinal(13) == "13th");
  CHECK(report::ordinal(21) == "21st");
  CHECK(report::ordinal(102) == "102nd");
  CHECK(report::ordinal(111) == "111th");
}

TEST_CASE("publications: the decision asked, in the words of a committee paper", "[report]") {
  CHECK(report::decision_words("note") == "Members are asked to NOTE this report.");
  CHECK(report::decision_words("endorse") == "Members are asked to ENDORSE this report.");
  CHECK(report::decision_words("") == "");
}

TEST_CASE("publications: three built-in types, the committee report's sections and blocks", "[report]") {
  const auto types = config::builtin_publication_types();
  REQUIRE(types.size() == 3);
  CHECK(types.at(config::kLearningReport).period == "cycle");
  const config::PublicationType& c = types.at(config::kCommitteeReport);
  CHECK(c.period == "since-previous");
  CHECK(c.first_number == 1);
  CHECK(c.sections == std::vector<std::string>{"Summary", "Inspections and reviews", "Progress against the plan",
                                               "Performance", "Quality of practice", "Risks", "Implications",
                                               "Conclusion", "Background documents"});
  // Every default block sits under one of the required sections.
  for (const config::DefaultBlock& b : c.blocks) {
    INFO(b.block);
    CHECK(std::find(c.sections.begin(), c.sections.end(), b.under) != c.sections.end());
  }
}

TEST_CASE("publications: qahub.yaml replaces a built-in type's keys and adds types", "[report]") {
  auto types = config::builtin_publication_types();
  diag::Diagnostics diags;
  const YAML::Node n = YAML::Load(
      "committee-report: {first_number: 7}\n"
      "annual-report: {title: Annual report, period: financial-year, sections: [Summary], "
      "blocks: [grades, {block: plan-progress, under: Summary}]}\n");
  config::read_publications(n, {"qahub.yaml", 0}, diags, types);
  CHECK(diags.format_all().empty());
  CHECK(types.at(config::kCommitteeReport).first_number == 7);
  CHECK(types.at(config::kCommitteeReport).sections.size() == 9);  // kept
  const config::PublicationType& a = types.at("annual-report");
  CHECK(a.period == "financial-year");
  REQUIRE(a.blocks.size() == 2);
  CHECK(a.blocks[0].block == "grades");
  CHECK(a.blocks[0].under.empty());
  CHECK(a.blocks[1].under == "Summary");
}

TEST_CASE("publications: the self-evaluation is quarterly over a financial year, its blocks by section place",
          "[report]") {
  auto types = config::builtin_publication_types();
  const config::PublicationType& se = types.at(config::kSelfEvaluation);
  CHECK(se.period == "financial-year");
  CHECK(se.quarterly);
  CHECK_FALSE(types.at(config::kCommitteeReport).quarterly);
  REQUIRE(se.sections.size() == 3);
  CHECK(se.sections[2] == "What are our plans for the next 12 months to maintain or improve practice?");
  // Worded locally, the blocks still follow the sections by place.
  diag::Diagnostics diags;
  config::read_publications(YAML::Load("self-evaluation: {sections: [Know, How, Plans]}\n"), {"qahub.yaml", 0}, diags,
                            types);
  CHECK(diags.format_all().empty());
  qahub::records::Records records;
  const auto placed = report::default_placements(types.at(config::kSelfEvaluation), {}, records);
  std::vector<std::string> where;
  for (const report::Placement& p : placed)
    where.push_back(p.name + (p.args.empty() ? "" : " " + p.args[0].second) + " @ " + p.heading);
  CHECK(where == std::vector<std::string>{"year-figures @ Know", "claims know @ Know", "claims how @ How",
                                          "claims plans @ Plans", "under-development @ How", "weaknesses @ Plans",
                                          "plans-due @ Plans", "evidence @ Evidence index"});
}

TEST_CASE("publications: financial quarters and years", "[report]") {
  using qahub::base::Date;
  CHECK(qahub::base::financial_quarter(Date{2026, 4, 1}) == 1);
  CHECK(qahub::base::financial_quarter(Date{2026, 6, 30}) == 1);
  CHECK(qahub::base::financial_quarter(Date{2026, 7, 1}) == 2);
  CHECK(qahub::base::financial_quarter(Date{2026, 12, 31}) == 3);
  CHECK(qahub::base::financial_quarter(Date{2027, 3, 31}) == 4);
  CHECK(qahub::base::financial_year(Date{2027, 3, 31}) == "2026-27");
  CHECK(qahub::base::financial_year(Date{2026, 4, 1}) == "2026-27");
  CHECK(qahub::base::financial_year(Date{2099, 5, 1}) == "2099-00");
  CHECK(qahub::base::financial_year(Date{2008, 5, 1}) == "2008-09");
  CHECK(report::quarter_label(Date{2026, 9, 30}) == "Q2 2026-27");
}
