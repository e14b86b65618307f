#include <catch2/catch.hpp>

#include "marking/marking.h"

namespace marking = qahub::marking;
namespace records = qahub::records;
namespace record_pages = qahub::record_pages;

// A kind the built-in table does not have, passed as one more row: the
// marking walks (decide, check, withhold, record pages) reach it through its
// descriptor alone. Its typed map is borrowed (Records::schedules), since a
// test cannot add a member to Records; nothing in the walks names it.
TEST_CASE("marking: a kind added as one row is decided, checked and withheld by its descriptor alone", "[marking]") {
  std::vector<record_pages::RecordKind> kinds = record_pages::record_kinds();
  kinds.push_back({{"standard", "data/standards/", "standard.schema.json", nullptr,
                    records::store_of<&records::Records::schedules>()},
                   "/standards/{id}/",
                   nullptr});
  records::Records r;
  auto add = [&](const std::string& id, const std::string& classification) {
    records::Schedule& s = r.schedules[id];
    s.id = id;
    s.src.path = "data/standards/" + id + ".json";
    s.src.classification = classification;
  };
  add("s-public", "");
  add("s-sensitive", "OFFICIAL-SENSITIVE");
  add("s-misspelt", "OFFICAL-SENSITIVE");
  qahub::content::ContentSet c;
  qahub::diag::Diagnostics diags;
  marking::decide({"OFFICIAL", {"OFFICIAL-SENSITIVE"}}, c, r, diags, kinds);
  CHECK(diags.format_all() ==
        "data/standards/s-misspelt.json: error: unknown marking \"OFFICAL-SENSITIVE\"; did you mean "
        "\"OFFICIAL-SENSITIVE\"?\n");
  CHECK(r.schedules.at("s-sensitive").src.sensitive);
  CHECK(r.schedules.at("s-public").src.marking == "OFFICIAL");

  std::vector<record_pages::RecordPage> pages(2);
  pages[0].source = "data/standards/s-sensitive.json";
  pages[1].source = "data/standards/s-public.json";
  marking::mark_record_pages(pages, r, kinds);
  CHECK(pages[0].marking == "OFFICIAL-SENSITIVE");
  CHECK(pages[0].sensitive);
  CHECK(pages[1].marking == "OFFICIAL");

  const marking::Withheld w = marking::withhold(c, r, false, kinds);
  CHECK(w.has_record("standard", "s-sensitive"));
  CHECK(w.urls.at("/standards/s-sensitive/") ==
        qahub::model::Marked{"data/standards/s-sensitive.json", "OFFICIAL-SENSITIVE"});
  CHECK_FALSE(r.schedules.count("s-sensitive"));
  CHECK(r.schedules.count("s-public"));
}
