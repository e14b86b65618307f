#include <catch2/catch.hpp>

#include "marking/marking.h"

namespace marking = qahub::marking;
namespace content = qahub::content;
namespace records = qahub::records;
namespace diag = qahub::diag;

namespace {

/// A record source with no positions: diagnostics carry the path alone.
records::Source src(const std::string& path, bool sensitive = false) {
  records::Source s;
  s.path = path;
  s.marking = sensitive ? "OFFICIAL-SENSITIVE" : "OFFICIAL";
  s.sensitive = sensitive;
  return s;
}

}  // namespace

TEST_CASE("marking: the reference table has a row per kind of reference", "[marking]") {
  // action source, cycle report, follows_up, linked_findings, agenda cycle, meeting forum, schedule/forum links,
  // a brief use's brief (a brief's own source is a page's, checked from its front matter)
  CHECK(marking::reference_rows().size() == 8);
}

TEST_CASE("marking: a public record naming a sensitive one is an error naming both", "[marking]") {
  records::Records r;
  r.audits["old"].src = src("data/audits/old.json", true);
  r.audits["old"].areas = {{"a1", "An area"}};
  r.audits["new"].src = src("data/audits/new.json");
  r.audits["new"].follows_up = {"old/a1"};
  r.actions["a-1"].src = src("data/actions/a-1.json");
  r.actions["a-1"].source_type = "audit";
  r.actions["a-1"].source_id = "old";
  r.training["t"].src = src("data/training/t.json");
  r.training["t"].linked_findings = {"old/a1"};
  r.cycles["c"].src = src("data/cycles/c.json");
  r.cycles["c"].report = "content/learning/c.md";
  // A sensitive record may name another.
  r.actions["a-2"].src = src("data/actions/a-2.json", true);
  r.actions["a-2"].source_type = "audit";
  r.actions["a-2"].source_id = "old";
  content::ContentSet c;
  content::Page report;
  report.source = "content/learning/c.md";
  report.marking = "OFFICIAL-SENSITIVE";
  report.sensitive = true;
  c.pages.push_back(std::move(report));
  diag::Diagnostics diags;
  marking::check_references(c, r, diags);
  CHECK(diags.format_all() ==
        "data/actions/a-1.json: error: public action \"a-1\" names OFFICIAL-SENSITIVE audit \"old\" "
        "(data/audits/old.json)\n"
        "data/audits/new.json: error: public audit \"new\" names OFFICIAL-SENSITIVE audit \"old/a1\" "
        "(data/audits/old.json)\n"
        "data/cycles/c.json: error: public cycle \"c\" names OFFICIAL-SENSITIVE page content/learning/c.md\n"
        "data/training/t.json: error: public training \"t\" names OFFICIAL-SENSITIVE audit \"old/a1\" "
        "(data/audits/old.json)\n");
}
