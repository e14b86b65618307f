#include <catch2/catch.hpp>

#include "marking/marking.h"
#include "records/refs.h"

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

TEST_CASE("marking: every kind's references come from its struct, through its store", "[marking]") {
  records::Records r;
  r.meetings["m"].src = src("data/meetings/m.json");
  r.meetings["m"].forum = "board";
  r.meetings["m"].agenda = {{"10:00", "Cycle report", "Lead", {}, "c1"}};
  r.meetings["m"].decisions = {{"d1", "Agreed", {"a-1"}}};
  std::vector<std::string> seen;
  for (const auto& kind : qahub::record_pages::record_kinds())
    if (kind.data.store.references)
      kind.data.store.references(
          r, [&](const std::string& id, const records::Source&, const std::vector<records::Ref>& refs) {
            for (const records::Ref& ref : refs)
              seen.push_back(std::string(kind.data.name) + "/" + id + " " + ref.pointer + " " + ref.kind + " " +
                             ref.id + (ref.may_name_sensitive ? " (dropped if withheld)" : ""));
          });
  CHECK(seen == std::vector<std::string>{"meeting/m /forum forum board", "meeting/m /agenda/0/cycle cycle c1",
                                         "meeting/m /decisions/0/actions/0 action a-1 (dropped if withheld)"});
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
  records::index_citations(r, qahub::record_pages::data_kinds());
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
