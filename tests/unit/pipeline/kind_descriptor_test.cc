// A record kind the built-in table does not have ("standard": practice
// standards with numbered clauses), added the way a contributor adds one: a
// schema with `classification`, a struct with references() and citable(), a
// loader, a page builder, and one row appended to the kinds table handed to
// build_site. Nothing else in the build names it, and the tests show that
// its sensitive records still reach no output, its misspelt marking is an
// error at its position, and references to its clauses are checked both for
// existence and for sensitivity.
//
// Its records live in this file's own map, not in records::Records (a test
// cannot add a member there), reached through a KindStore written out by
// hand: the same seven functions store_of<&Records::x>() makes.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

#include "pipeline/test_site.h"
#include "record_pages/pages.h"
#include "records/loaders.h"

using qahub::testing::contains;
using qahub::testing::page;
using qahub::testing::TestSite;
namespace records = qahub::records;
namespace record_pages = qahub::record_pages;
using nlohmann::json;

namespace {

struct Standard {
  records::Source src;
  std::string id, title;
  std::vector<records::Item> clauses;
  std::string guidance;  ///< a content page it names

  std::vector<records::Ref> references() const { return {{"/guidance", "content", guidance}}; }
  records::Citable citable(const records::Records&) const {
    records::Citable c{"practice standard", title, "Practice standard: " + title, {}};
    for (const records::Item& i : clauses) c.items.push_back({i.id, "clause", i.text});
    return c;
  }
};

std::map<std::string, Standard>& standards() {
  static std::map<std::string, Standard> map;
  return map;
}

bool load_standard(records::RecordReader& reader, const json& doc, records::Source src, records::Records&) {
  Standard s;
  s.id = doc.at("id").get<std::string>();
  s.title = doc.at("title").get<std::string>();
  s.guidance = doc.value("guidance", "");
  std::set<std::string> seen;
  s.clauses = reader.items_at(doc, src, "/clauses", seen);
  s.src = std::move(src);
  standards()[s.id] = std::move(s);
  return true;
}

records::KindStore standard_store() {
  records::KindStore s;
  s.each = [](records::Records&, const records::SourceFn& fn) {
    for (auto& [id, rec] : standards()) fn(id, rec.src);
  };
  s.each_const = [](const records::Records&, const records::ConstSourceFn& fn) {
    for (const auto& [id, rec] : standards()) fn(id, rec.src);
  };
  s.narratives = [](const records::Records&, const std::string&) { return std::vector<size_t>{}; };
  s.marking_parent = [](const records::Records&, const std::string&) { return std::string(); };
  s.erase_if = [](records::Records&, const records::SourceDrop& drop) {
    std::erase_if(standards(), [&](const auto& entry) { return drop(entry.second.src); });
  };
  s.references = [](const records::Records&, const records::RefsFn& fn) {
    for (const auto& [id, rec] : standards()) fn(id, rec.src, rec.references());
  };
  s.citable = [](const records::Records& r, const records::CitableFn& fn) {
    for (const auto& [id, rec] : standards()) fn(id, rec.citable(r));
  };
  s.ids = [](const records::Records&) {
    std::vector<std::string> ids;
    for (const auto& [id, rec] : standards()) ids.push_back(id);
    return ids;
  };
  return s;
}

void add_standard_pages(const record_pages::Context&, record_pages::RecordPages& out) {
  std::string list = "<ul>";
  for (const auto& [id, s] : standards()) {
    list += "<li><a href=\"/standards/" + id + "/\">" + s.title + "</a></li>";
    std::string body = "<ol>";
    for (const records::Item& c : s.clauses) body += "<li id=\"" + c.id + "\">" + c.text + "</li>";
    out.pages.push_back(record_pages::make_page("/standards/" + id + "/", s.src.path, s.title, "A practice standard.",
                                                "/standards/", body + "</ol>", {"standard"}));
  }
  out.pages.push_back(record_pages::make_page("/standards/", "data/standards/", "Practice standards",
                                              "Every practice standard.", "/standards/", list + "</ul>"));
}

std::vector<record_pages::RecordKind> kinds_with_standards() {
  std::vector<record_pages::RecordKind> kinds = record_pages::record_kinds();
  kinds.push_back({.data = {"standard", "data/standards/", "standard.schema.json", load_standard, standard_store()},
                   .url = "/standards/{id}/",
                   .pages = add_standard_pages,
                   .nav = {"Practice standards", 170},
                   .cited = {"clause", "From practice standards"}});
  return kinds;
}

const char* kSchema = R"({
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "standard",
  "type": "object",
  "additionalProperties": false,
  "required": ["$schema", "id", "title", "clauses"],
  "properties": {
    "$schema": {"type": "string"},
    "classification": {"type": "string"},
    "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
    "title": {"type": "string"},
    "guidance": {"type": "string"},
    "clauses": {"type": "array", "items": {"type": "object", "required": ["id", "text"],
                "properties": {"id": {"type": "string"}, "text": {"type": "string"}}}}
  }
})";

std::string standard(const std::string& id, const std::string& title, const std::string& classification = "") {
  json j = {{"$schema", "../schemas/standard.schema.json"}, {"id", id}, {"title", title}};
  if (!classification.empty()) j["classification"] = classification;
  j["clauses"] = json::array({{{"id", "c1"}, {"text", title + ": the child's voice is recorded in every plan."}},
                              {{"id", "c2"}, {"text", title + ": plans are reviewed with the family."}}});
  return j.dump(2) + "\n";
}

/// The default site with three standards: a public one, a sensitive one
/// (every word of which is "zebra…"), and one whose marking is misspelt
/// (written only when `typo`).
struct StandardsSite {
  TestSite site{{}};
  std::vector<record_pages::RecordKind> kinds = kinds_with_standards();

  explicit StandardsSite(bool typo = false) {
    qahub::testing::copy_default_site(site);
    std::string config = *qahub::fs::read_file(site.root() / "qahub.yaml");
    config.replace(config.find("base_url: /\n"), 12, "base_url: https://hub.example.test/\n");  // a sitemap
    site.write("qahub.yaml", config);
    site.write("data/schemas/standard.schema.json", kSchema);
    site.write("data/standards/s-public.json", standard("s-public", "Recording the voice of the child"));
    site.write("data/standards/s-zebra.json", standard("s-zebra", "Zebrastripe safeguarding", "OFFICIAL-SENSITIVE"));
    if (typo) site.write("data/standards/s-typo.json", standard("s-typo", "Typo standard", "OFFICAL-SENSITIVE"));
  }
  bool build() {
    standards().clear();
    diags = std::make_unique<qahub::diag::Diagnostics>();
    return qahub::pipeline::build_site(site.options, *diags, nullptr, nullptr, nullptr, kinds);
  }
  std::string diagnostics(const std::string& only = "") const {
    std::string out;
    for (const auto& d : diags->sorted()) {
      const std::string line = diags->format(d);
      if (only.empty() || line.find(only) != std::string::npos) out += line + "\n";
    }
    return out;
  }
  /// Every output file that contains `needle`, relative to the output.
  std::vector<std::string> files_with(const std::string& needle) const {
    std::vector<std::string> out;
    const std::filesystem::path root = site.root() / "public";
    for (const auto& e : std::filesystem::recursive_directory_iterator(root))
      if (e.is_regular_file() && contains(qahub::fs::read_file(e.path()).value_or(""), needle))
        out.push_back(std::filesystem::relative(e.path(), root).string());
    std::sort(out.begin(), out.end());
    return out;
  }
  void edit_json(const std::string& path, const std::function<void(json&)>& change) {
    json j = json::parse(qahub::fs::read_file(site.root() / path).value());
    change(j);
    site.write(path, j.dump(2) + "\n");
  }
  std::unique_ptr<qahub::diag::Diagnostics> diags;
};

}  // namespace

TEST_CASE("kinds: a kind added as one row keeps its sensitive records out of every output", "[pipeline][kinds]") {
  StandardsSite s;
  REQUIRE(s.build());
  CHECK(s.diagnostics("error") == "");
  // The public standard is built, in its section and the A to Z, searchable.
  CHECK(s.site.exists("standards/s-public/index.html"));
  CHECK(contains(s.site.output("standards/index.html"), "Recording the voice of the child"));
  CHECK(contains(s.site.output("sitemap.xml"), "/standards/s-public/"));
  CHECK(contains(s.site.output("a-z/index.html"), "/standards/s-public/"));
  CHECK_FALSE(s.files_with("Recording the voice of the child").empty());
  // The sensitive one is in no file at all: no page, no list, no index,
  // no search store, sitemap, feed or redirect.
  CHECK(s.files_with("Zebrastripe") == std::vector<std::string>{});
  CHECK(s.files_with("s-zebra") == std::vector<std::string>{});

  // --include-sensitive: its page is built with the banner, and it is still
  // in no search index or store, sitemap, feed or A to Z.
  s.site.options.include_sensitive = true;
  REQUIRE(s.build());
  const std::string zebra = s.site.output("standards/s-zebra/index.html");
  CHECK(contains(zebra, "notice-sensitive"));
  CHECK(contains(zebra, "OFFICIAL-SENSITIVE"));
  // Its section page lists it (built with --include-sensitive), but search
  // reads that page's text without it.
  CHECK(contains(s.site.output("standards/index.html"), "Zebrastripe safeguarding"));
  for (const std::string& f : s.files_with("Zebrastripe")) {
    INFO(f);
    CHECK(f.rfind("search/", 0) != 0);
  }
  for (const std::string& f : s.files_with("s-zebra")) {
    INFO(f);
    CHECK_FALSE((f.rfind("search/", 0) == 0 || f == "sitemap.xml" || f == "amendments.xml" || f == "briefs.xml" ||
                 f.rfind("a-z/", 0) == 0));
  }
}

TEST_CASE("kinds: a misspelt marking on a new kind's record is an error at its position", "[pipeline][kinds]") {
  StandardsSite s(true);
  CHECK_FALSE(s.build());
  CHECK(s.diagnostics("marking") ==
        "data/standards/s-typo.json:3:21: error: unknown marking \"OFFICAL-SENSITIVE\"; did you mean "
        "\"OFFICIAL-SENSITIVE\"?\n");
  CHECK_FALSE(s.site.exists("standards/s-typo/index.html"));
}

TEST_CASE("kinds: references to a new kind's records are checked by its descriptor alone", "[pipeline][kinds]") {
  StandardsSite s;
  // Good references: an audit follows up a clause; a brief is made from one.
  s.edit_json("data/audits/management-oversight-2026.json", [](json& j) { j["follows_up"].push_back("s-public/c1"); });
  s.site.write("content/briefs/voice.md",
               page("title: Voice in plans\ndescription: D\npublished: 2026-10-01\ntags: [voice]\ntype: brief\n"
                    "brief:\n  source: {type: standard, id: s-public, item: c2}\n  questions: [\"A?\", \"B?\", "
                    "\"C?\"]\n  based_on_case: false\n",
                    "## Background\n\nT.\n\n## Why it matters\n\nT.\n\n## What we found\n\nT.\n\n## What good "
                    "looks like\n\nT.\n\n## What to do\n\nT.\n\n## Further reading\n\nT.\n"));
  const bool built = s.build();
  INFO(s.diagnostics());
  REQUIRE(built);
  CHECK(s.diagnostics("error") == "");
  INFO(s.diagnostics());
  CHECK(contains(s.site.output("audits/management-oversight-2026/index.html"), "Practice standard: Recording"));
  CHECK(contains(s.site.output("briefs/voice/index.html"), "plans are reviewed with the family"));

  // Dangling ones are errors at the reference.
  s.edit_json("data/audits/management-oversight-2026.json", [](json& j) { j["follows_up"].back() = "s-public/c9"; });
  {
    std::string brief = *qahub::fs::read_file(s.site.root() / "content/briefs/voice.md");
    brief.replace(brief.find("item: c2"), 8, "item: c7");
    s.site.write("content/briefs/voice.md", brief);
  }
  CHECK_FALSE(s.build());
  CHECK(s.diagnostics("s-public") ==
        "content/briefs/voice.md:8:48: error: standard \"s-public\" has no clause \"c7\"; did you mean \"c1\"?\n"
        "data/audits/management-oversight-2026.json:37:5: error: unknown finding \"s-public/c9\"; did you mean "
        "\"s-public/c1\"?\n");

  // A public audit citing the sensitive standard is an error naming both.
  s.edit_json("data/audits/management-oversight-2026.json", [](json& j) { j["follows_up"].back() = "s-zebra/c1"; });
  {
    std::string brief = *qahub::fs::read_file(s.site.root() / "content/briefs/voice.md");
    brief.replace(brief.find("item: c7"), 8, "item: c2");
    s.site.write("content/briefs/voice.md", brief);
  }
  CHECK_FALSE(s.build());
  CHECK(s.diagnostics("s-zebra") ==
        "data/audits/management-oversight-2026.json:37:5: error: public audit \"management-oversight-2026\" names "
        "OFFICIAL-SENSITIVE standard \"s-zebra/c1\" (data/standards/s-zebra.json)\n");
}

TEST_CASE("kinds: every built-in kind whose schema has a classification has a store", "[kinds]") {
  // Without one, marking::decide never sees the kind's records: they would
  // be published whatever they say.
  const std::filesystem::path schemas = std::filesystem::path(QAHUB_SOURCE_DIR) / "data" / "schemas";
  for (const record_pages::RecordKind& kind : record_pages::record_kinds()) {
    if (kind.data.schema.empty()) continue;
    const json schema = json::parse(qahub::fs::read_file(schemas / std::string(kind.data.schema)).value());
    INFO(kind.data.name);
    CHECK(schema["properties"].contains("classification") == !kind.data.store.empty());
  }
}

TEST_CASE("kinds: every reference shape a schema allows builds or is an error, never an exception",
          "[pipeline][kinds]") {
  TestSite site({});
  qahub::testing::copy_default_site(site);
  auto edit = [&](const std::string& path, const std::function<void(json&)>& change) {
    json j = json::parse(qahub::fs::read_file(site.root() / path).value());
    change(j);
    site.write(path, j.dump(2) + "\n");
  };
  // Every citable shape: a cycle, its key learning point; an audit, its
  // strength, area and recommendation; a meeting's decision; a recommendation
  // set and its item; a plan's code (its outcomes, "2.1", are an action's source.item).
  const std::vector<std::string> findings = {"2025-26-cycle-1",
                                             "2025-26-cycle-1/kl2",
                                             "father-inclusive-2025",
                                             "management-oversight-2026/s1",
                                             "management-oversight-2026/d2",
                                             "management-oversight-2026/r3",
                                             "2026-09-practice-board/d2",
                                             "ilacs-2026",
                                             "ilacs-2026/o3",
                                             "practice-improvement-plan/ct1"};
  edit("data/audits/father-inclusive-2026.json", [&](json& j) {
    for (const std::string& f : findings) j["follows_up"].push_back(f);
  });
  edit(
      "data/training/" + std::filesystem::directory_iterator(site.root() / "data/training")->path().filename().string(),
      [&](json& j) {
        for (const std::string& f : findings) j["linked_findings"].push_back(f);
      });
  // An action from each source shape, with and without an item.
  const json base = json::parse(qahub::fs::read_file(site.root() / "data/actions/a-001.json").value());
  const std::vector<json> sources = {
      {{"type", "cycle"}, {"id", "2025-26-cycle-2"}},
      {{"type", "cycle"}, {"id", "2025-26-cycle-2"}, {"item", "kl3"}},
      {{"type", "audit"}, {"id", "management-oversight-2026"}},
      {{"type", "audit"}, {"id", "management-oversight-2026"}, {"item", "s2"}},
      {{"type", "audit"}, {"id", "management-oversight-2026"}, {"item", "d1"}},
      {{"type", "audit"}, {"id", "management-oversight-2026"}, {"item", "r4"}},
      {{"type", "meeting"}, {"id", "2026-09-practice-board"}},
      {{"type", "meeting"}, {"id", "2026-09-practice-board"}, {"item", "d1"}},
      {{"type", "plan"}, {"id", "practice-improvement-plan"}},
      {{"type", "plan"}, {"id", "practice-improvement-plan"}, {"item", "2.1"}},
  };
  for (size_t i = 0; i < sources.size(); ++i) {
    json a = base;
    a["id"] = "a-9" + std::to_string(10 + i);
    a["source"] = sources[i];
    site.write("data/actions/a-9" + std::to_string(10 + i) + ".json", a.dump(2) + "\n");
  }
  bool built = false;
  REQUIRE_NOTHROW(built = site.build());
  INFO(site.diagnostics());
  REQUIRE(built);
  CHECK(site.exists("actions/a-918/index.html"));
  CHECK(contains(site.output("actions/a-919/index.html"), "/plans/practice-improvement-plan/#2.1"));
  const std::string audit = site.output("audits/father-inclusive-2026/index.html");
  CHECK(contains(audit, "Meeting: Practice Board"));
  CHECK(contains(audit, "Thematic audit: "));
  CHECK(contains(audit, "Audit cycle: Cycle 1, 2025-26"));

  // A meeting as a whole is not citable as a finding: an error, not a crash.
  edit("data/audits/father-inclusive-2026.json", [](json& j) { j["follows_up"].push_back("2026-09-practice-board"); });
  REQUIRE_NOTHROW(built = site.build());
  CHECK_FALSE(built);
  CHECK(contains(site.diagnostics(), "error: unknown finding \"2026-09-practice-board\""));
}

TEST_CASE("kinds: a brief's source of any shape is an error, never an exception", "[pipeline][kinds]") {
  // The brief block is parsed once, with the page; the sensitivity check once
  // read it again and threw on a source without a type ("invalid node").
  for (const char* source : {"{id: x}", "{type: cycle}", "[cycle, x]", "cycle/x/kl1", "{type: [a], id: {b: c}}"}) {
    TestSite site({{"content/_index.md", page("title: Home\n")},
                   {"content/briefs/b.md", page(std::string("title: B\ntype: brief\nbrief:\n  source: ") + source +
                                                "\n  questions: [a, b, c]\n  based_on_case: false\n")}});
    bool built = true;
    INFO(source);
    REQUIRE_NOTHROW(built = site.build());
    CHECK_FALSE(built);
    CHECK(contains(site.diagnostics(), "content/briefs/b.md:5:"));
  }
}

TEST_CASE("kinds: a kind whose row has no store cannot publish a marked record", "[pipeline][kinds]") {
  // A contributor who forgets the store: the record is an error, not published as OFFICIAL.
  StandardsSite s;
  s.kinds.back().data.store = {};
  CHECK_FALSE(s.build());
  CHECK(s.diagnostics("store") ==
        "data/standards/s-zebra.json:3:21: error: records of kind \"standard\" cannot carry a marking: its row in the "
        "kinds table has no store (README \"Adding a record kind\")\n");
}
