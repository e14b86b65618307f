#include <catch2/catch.hpp>

#include "briefs/briefs.h"
#include "briefs/formats.h"
#include "content/pages.h"
#include "records/refs.h"
#include "temp_dir.h"
#include "templating/templates.h"
#include "theme/theme.h"

using namespace qahub;

namespace {

const char* kSections = R"(
## Background

Text.

## What we found

Text.

## Questions for your team

Not read.
)";

const templating::Templates& templates() {
  static const theme::Theme theme = theme::Theme::embedded();
  static const templating::Templates t{theme};
  return t;
}

content::ContentSet one_page(const std::string& text, diag::Diagnostics& diags) {
  content::ContentSet set;
  set.pages.push_back(content::parse_page("content/briefs/b.md", text, {}, diags));
  return set;
}

}  // namespace

TEST_CASE("briefs: the built-in format is the seven-minute briefing", "[briefs]") {
  qahub::testing::TempDir dir("briefs-formats");
  diag::Diagnostics diags;
  const auto formats = briefs::load_formats(dir.path(), diags);
  REQUIRE(formats.count("seven-minute") == 1);
  CHECK(formats.at("seven-minute").sections.size() == 7);
  CHECK(formats.at("seven-minute").questions == "Questions for your team");
  CHECK(diags.format_all().empty());
}

TEST_CASE("briefs: a format from qahub.yaml, and its questions section placed among the sections", "[briefs]") {
  qahub::testing::TempDir dir("briefs-custom");
  dir.write("qahub.yaml",
            "briefs:\n  formats:\n    short:\n      sections: [Background, What we found, Questions for your "
            "team]\n      questions: Questions for your team\n    bad:\n      sections: [One]\n      questions: Two\n");
  diag::Diagnostics diags;
  const auto formats = briefs::load_formats(dir.path(), diags);
  CHECK(formats.count("short") == 1);
  REQUIRE(formats.count("bad") == 1);  // kept as broken: a brief naming it is not "unknown"
  CHECK(formats.at("bad").broken);
  CHECK(diags.format_all() ==
        "qahub.yaml:6:5: error: brief format \"bad\" needs \"questions\": the title of the section, among its "
        "sections, where the three questions are shown\n");

  // The body repeats the questions section: an error at its heading.
  diag::Diagnostics page_diags;
  content::ContentSet set = one_page(
      "---\ntitle: B\npublished: 2026-01-01\ntype: brief\nbrief:\n  format: short\n  source: {type: cycle, id: c, "
      "item: kl1}\n  questions: [a, b, c]\n  based_on_case: false\n---\n" +
          std::string(kSections),
      page_diags);
  records::Records records;
  records.cycles["c"].id = "c";
  records.cycles["c"].key_learning.push_back({"kl1", "Plans list services."});
  records::index_citations(records, qahub::record_pages::data_kinds());
  qahub::testing::TempDir good("briefs-custom-good");
  good.write("qahub.yaml",
             "briefs:\n  formats:\n    short:\n      sections: [Background, What we found, Questions for your "
             "team]\n      questions: Questions for your team\n");
  briefs::apply_briefs({good.path(), *base::Date::parse("2026-02-01"), false, &templates(), {}}, set, records,
                       page_diags);
  CHECK(page_diags.format_all() ==
        "content/briefs/b.md:20:1: error: the \"Questions for your team\" section is made from \"questions\" in the "
        "brief block; take it out of the body\n");
}

TEST_CASE("briefs: a published brief renders its questions, source and uses; a draft is left out", "[briefs]") {
  qahub::testing::TempDir dir("briefs-render");
  dir.write("qahub.yaml",
            "briefs:\n  formats:\n    short:\n      sections: [Background, Questions for your team, What we "
            "found]\n      questions: Questions for your team\n");
  const std::string head =
      "---\ntitle: B\ntype: brief\nbrief:\n  format: short\n  source: {type: cycle, id: c, item: kl1}\n  "
      "questions: [\"First?\", \"Second?\", \"Third?\"]\n  based_on_case: false\n";
  const std::string body = "\n## Background\n\nText.\n\n## What we found\n\nText.\n";
  records::Records records;
  records.cycles["c"].id = "c";
  records.cycles["c"].key_learning.push_back({"kl1", "Plans list services."});
  records::index_citations(records, qahub::record_pages::data_kinds());
  records::BriefUse use;
  use.id = "2026-03-01-b-1";
  use.brief = "content/briefs/b.md";
  use.team = "Assessment team";
  use.date = *base::Date::parse("2026-03-01");
  use.agreed_change = "Write to the child.";
  records.brief_uses[use.id] = use;

  diag::Diagnostics diags;
  content::ContentSet set = one_page(head + "published: 2026-02-01\n---\n" + body, diags);
  const briefs::Result result = briefs::apply_briefs(
      {dir.path(), *base::Date::parse("2026-12-01"), false, &templates(), {}}, set, records, diags);
  CHECK(diags.format_all() == "");
  REQUIRE(result.published.size() == 1);
  CHECK(result.published[0].uses == 1);
  CHECK(result.by_record.count("cycle/c") == 1);
  const std::string html = set.pages[0].doc.render_html();
  CHECK(html.find("Used by 1 team since 1 March 2026.") != std::string::npos);
  CHECK(html.find("Write to the child.") != std::string::npos);
  // The questions sit between the sections, where the format puts them.
  const size_t background = html.find(">Background<"), questions = html.find("<li>First?</li>"),
               found = html.find(">What we found<");
  CHECK(background < questions);
  CHECK(questions < found);

  diag::Diagnostics draft_diags;
  content::ContentSet drafts = one_page(head + "---\n" + body, draft_diags);
  const briefs::Result none = briefs::apply_briefs(
      {dir.path(), *base::Date::parse("2026-12-01"), false, &templates(), {}}, drafts, records, draft_diags);
  CHECK(none.drafts_left_out == 1);
  CHECK(drafts.pages.empty());
}
