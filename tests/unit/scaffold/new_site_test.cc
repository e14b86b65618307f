#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "scaffold/new_site.h"
#include "scaffold/scaffold.h"
#include "schemas/builtin.h"
#include "temp_dir.h"

using namespace qahub;
namespace stdfs = std::filesystem;

namespace {

base::Date date(const char* iso) { return *base::Date::parse(iso); }

std::string read(const stdfs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Every path under `dir`, '/'-separated and sorted.
std::vector<std::string> tree(const stdfs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : stdfs::recursive_directory_iterator(dir))
    out.push_back(stdfs::relative(e.path(), dir).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

const std::string* find(const scaffold::Plan& plan, const std::string& path) {
  for (const scaffold::NewFile& f : plan.files)
    if (f.path == path) return &f.text;
  return nullptr;
}

}  // namespace

TEST_CASE("new site: a new repository's files are accepted; a site is not", "[scaffold]") {
  testing::TempDir dir("new-site-dir");
  CHECK_FALSE(scaffold::inspect_site_dir(dir.path() / "missing").exists);

  dir.write("repo/.git/HEAD", "ref: refs/heads/main\n");
  dir.write("repo/README.md", "# Hub\n");
  dir.write("repo/LICENSE", "MIT\n");
  stdfs::create_directories(dir.path() / "repo/content");  // empty: nothing under it
  auto repo = scaffold::inspect_site_dir(dir.path() / "repo");
  CHECK(repo.exists);
  CHECK_FALSE(repo.problem);
  CHECK(repo.entries == std::vector<std::string>{".git", "LICENSE", "README.md", "content"});

  for (const char* taken : {"content/a.md", "data/x.json", "themes/t/layout.mustache", "qahub.yaml"}) {
    INFO(taken);
    testing::TempDir site("new-site-taken");
    site.write(taken, "x");
    auto s = scaffold::inspect_site_dir(site.path());
    REQUIRE(s.problem);
    CHECK(s.problem->find("already holds a site (") != std::string::npos);
  }
  testing::TempDir both("new-site-both");
  both.write("qahub.yaml", "title: T\n");
  both.write("data/x.json", "{}");
  CHECK(*scaffold::inspect_site_dir(both.path()).problem ==
        "\"" + both.path().string() +
            "\" already holds a site (qahub.yaml, data/); qahub new site starts a hub only in a new or empty "
            "directory, or one with just files such as README.md, LICENSE and .gitignore");
  dir.write("file", "x");
  CHECK(*scaffold::inspect_site_dir(dir.path() / "file").problem ==
        "\"" + (dir.path() / "file").string() + "\" exists and is not a directory");
}

TEST_CASE("new site: the plan holds every part of a hub, dated the creation date", "[scaffold]") {
  testing::TempDir dir("new-site-plan");
  std::vector<std::string> kept;
  auto plan = scaffold::plan_site(dir.path() / "hub", {"Kent hub", "Kent County Council", "https://hub.example/qa/"},
                                  date("2026-12-02"), scaffold::inspect_site_dir(dir.path() / "hub"), kept);
  CHECK(kept.empty());
  const std::string* config = find(plan, "qahub.yaml");
  REQUIRE(config);
  CHECK(config->rfind("# yaml-language-server: $schema=data/schemas/qahub.schema.json\n", 0) == 0);
  CHECK(config->find("\ntitle: \"Kent hub\"\n") != std::string::npos);
  CHECK(config->find("\norganisation: \"Kent County Council\"\n") != std::string::npos);
  CHECK(config->find("\nbase_url: \"https://hub.example/qa/\"\n") != std::string::npos);
  CHECK(find(plan, "data/meetings/2026-12-02-practice-forum.json"));
  CHECK(find(plan, "data/meetings/2026-12-02-practice-forum.md"));
  CHECK(find(plan, "data/cycles/2026-27-cycle-3.json"));
  CHECK(find(plan, "data/forums/practice-forum.json"));
  CHECK(find(plan, "content/_index.md"));
  CHECK(find(plan, "content/guidance/_index.md"));
  CHECK(find(plan, ".gitignore"));
  CHECK(find(plan, "AUTHORING.md"));
  CHECK(find(plan, ".github/workflows/hub.yml"));
  CHECK(*find(plan, "data/search/synonyms.json") == read(stdfs::path(QAHUB_SOURCE_DIR) / "data/search/synonyms.json"));
  for (const auto& [name, text] : schemas::builtin_files())
    CHECK(*find(plan, "data/schemas/" + std::string(name)) == text);
  // Every config key line has its comment on the line before.
  std::istringstream lines(*config);
  std::string line, previous;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.find(':') != std::string::npos && line.find('#') == std::string::npos &&
        line != "accessibility:") {
      INFO(line);
      CHECK(previous.find('#') != std::string::npos);
    }
    previous = line;
  }
}

TEST_CASE("new site: files already there are kept and left out of the plan", "[scaffold]") {
  testing::TempDir dir("new-site-kept");
  dir.write(".gitignore", "node_modules/\n");
  dir.write("AUTHORING.md", "Our own notes.\n");
  std::vector<std::string> kept;
  auto plan = scaffold::plan_site(dir.path(), {}, date("2026-12-02"), scaffold::inspect_site_dir(dir.path()), kept);
  CHECK(kept == std::vector<std::string>{".gitignore", "AUTHORING.md"});
  CHECK_FALSE(find(plan, ".gitignore"));
  CHECK(find(plan, "qahub.yaml")->find("\ntitle: \"Practice hub\"\n") != std::string::npos);
}

TEST_CASE("new site: writes through a staging folder and undoes a failure", "[scaffold]") {
  testing::TempDir dir("new-site-write");
  dir.write("README.md", "# Hub\n");
  std::vector<std::string> kept;
  auto plan = scaffold::plan_site(dir.path(), {}, date("2026-12-02"), scaffold::inspect_site_dir(dir.path()), kept);
  // A file called .github: the workflow, moved last, cannot go in.
  dir.write(".github", "not a directory");
  diag::Diagnostics d;
  CHECK_FALSE(scaffold::write_site(dir.path(), plan, d));
  CHECK(d.format_all().rfind(".github/workflows/hub.yml: error: cannot create the file (", 0) == 0);
  CHECK(tree(dir.path()) == std::vector<std::string>{".github", "README.md"});

  stdfs::remove(dir.path() / ".github");
  diag::Diagnostics ok;
  REQUIRE(scaffold::write_site(dir.path(), plan, ok));
  CHECK(ok.format_all().empty());
  CHECK(read(dir.path() / "README.md") == "# Hub\n");
  CHECK(read(dir.path() / ".gitignore") == "public/\n.qahub/\n");
  CHECK_FALSE(stdfs::exists(dir.path() / ".qahub-new-site"));
  CHECK(tree(dir.path()).size() == plan.files.size() + 1 /* README */ + 11 /* directories */);
}

TEST_CASE("new schemas: missing ones always, older copies only with --refresh, customised never", "[scaffold]") {
  testing::TempDir site("new-schemas");
  nlohmann::json older = schemas::builtin("audit.schema.json");
  older["description"] = "older";
  site.write("data/schemas/audit.schema.json", older.dump(2));
  nlohmann::json own = older;
  own["$id"] = "https://intranet.example/cycle.schema.json";
  site.write("data/schemas/cycle.schema.json", own.dump(2));
  auto builtin_text = [](std::string_view name) {
    for (const auto& [file, text] : schemas::builtin_files())
      if (file == name) return std::string(text);
    FAIL("no built-in " << name);
    return std::string();
  };
  site.write("data/schemas/forum.schema.json", builtin_text("forum.schema.json"));

  std::vector<std::string> replaced, kept;
  auto plain = scaffold::plan_schemas(site.path(), false, replaced, kept);
  CHECK(plain.files.size() == schemas::builtin_files().size() - 3);
  CHECK(replaced.empty());
  CHECK(kept.empty());

  auto refresh = scaffold::plan_schemas(site.path(), true, replaced, kept);
  CHECK(refresh.files.size() == schemas::builtin_files().size() - 2);
  CHECK(replaced == std::vector<std::string>{"data/schemas/audit.schema.json"});
  CHECK(kept == std::vector<std::string>{"data/schemas/cycle.schema.json"});
  diag::Diagnostics d;
  REQUIRE(scaffold::write_replacing(site.path(), refresh, d));
  CHECK(read(site.path() / "data/schemas/audit.schema.json") == builtin_text("audit.schema.json"));
  CHECK(read(site.path() / "data/schemas/cycle.schema.json") == own.dump(2));
}

TEST_CASE("new site: finished example text, no placeholder and no live shortcode in prose (issue 30)", "[scaffold]") {
  testing::TempDir dir("new-site-finished");
  std::vector<std::string> kept;
  auto plan = scaffold::plan_site(dir.path() / "hub", {}, date("2026-12-02"), {}, kept);
  for (const scaffold::NewFile& f : plan.files) {
    INFO(f.path);
    CHECK(f.text.find("TODO:") == std::string::npos);
  }
  const std::string* report = find(plan, "content/learning/2026-27-cycle-3.md");
  REQUIRE(report);
  // A shortcode in prose is an error ("must be alone in its paragraph"):
  // the example is a code span, which stays text.
  CHECK(report->find("`{{< figures >}}`") != std::string::npos);
  CHECK(report->find(" {{< figures >}} ") == std::string::npos);
}

TEST_CASE("new cycle: placeholders kept, the shortcode example a code span (issue 30)", "[scaffold]") {
  testing::TempDir dir("new-cycle-placeholders");
  diag::Diagnostics diags;
  auto plan = scaffold::plan_cycle(dir.path(), date("2026-11-23"), diags);
  REQUIRE(plan);
  REQUIRE(plan->files.size() == 2);
  CHECK(plan->files[1].text.find("TODO: the narrative.") != std::string::npos);
  CHECK(plan->files[1].text.find("`{{< figures >}}`") != std::string::npos);
}
