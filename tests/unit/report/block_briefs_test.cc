#include <catch2/catch.hpp>

#include "records/relations.h"
#include "report/blocks.h"

using namespace qahub;
using nlohmann::json;

namespace {

briefs::Listed brief(const char* source, const char* title, base::Date published) {
  briefs::Listed b;
  b.source = source;
  b.url = std::string("/") + title + "/";
  b.title = title;
  b.published = published;
  return b;
}

void use(records::Records& r, const char* id, const char* brief, const char* team, base::Date date) {
  records::BriefUse u;
  u.id = id;
  u.brief = brief;
  u.team = team;
  u.date = date;
  r.brief_uses[id] = u;
}

}  // namespace

TEST_CASE("report: the briefs block counts briefs published and uses recorded in the period", "[report][briefs]") {
  records::Records r;
  use(r, "u1", "content/briefs/a.md", "Team north", base::Date{2026, 4, 10});
  use(r, "u2", "content/briefs/a.md", "team NORTH", base::Date{2026, 5, 10});  // the same team, spelled otherwise
  use(r, "u3", "content/briefs/b.md", "Team south", base::Date{2026, 6, 1});
  use(r, "u4", "content/briefs/b.md", "Team east", base::Date{2026, 9, 1});      // after the period
  use(r, "u5", "content/briefs/draft.md", "Team west", base::Date{2026, 5, 1});  // not a published brief
  const records::Relations rel(r);
  const records::Cycle cycle;
  const std::vector<report::PageChanges> pages;
  const std::vector<briefs::Listed> listed = {brief("content/briefs/a.md", "a", base::Date{2026, 1, 5}),
                                              brief("content/briefs/b.md", "b", base::Date{2026, 5, 1})};
  const report::Input in{r, rel, base::Date{2026, 4, 1}, base::Date{2026, 7, 31}, {&cycle}, pages, &listed};
  const json data = report::briefs_data(in);
  CHECK(data["published"].size() == 1);
  CHECK(data["published"][0]["source"] == "content/briefs/b.md");
  CHECK(data["uses"] == 3);
  CHECK(data["teams"] == 2);
  REQUIRE(data["used"].size() == 2);
  CHECK(data["used"][0]["uses"] == 2);
  CHECK(data["used"][0]["teams"] == 1);

  const json view = report::briefs_view(data, report::ViewInput{json::object()});
  CHECK(view["summary"] == "1 learning brief was published in the period, and teams recorded 3 uses (by 2 teams).");
  CHECK(view["used"][1]["uses_text"] == "used 1 time by 1 team");
  // A snapshot published before the block existed says so instead of showing zeros.
  CHECK(report::briefs_view(json::object(), report::ViewInput{json::object()})["recorded"] == false);
}
