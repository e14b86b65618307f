#include <catch2/catch.hpp>

#include "config/publications.h"
#include "report/publications.h"

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

TEST_CASE("publications: two built-in types, the committee report's sections and blocks", "[report]") {
  const auto types = config::builtin_publication_types();
  REQUIRE(types.size() == 2);
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
