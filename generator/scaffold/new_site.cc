// `qahub new site` and `qahub new schemas`: what a new hub holds, and writing
// it through a staging folder so a failure leaves DIR as it was.
#include "scaffold/new_site.h"

#include <fcntl.h>
#include <stdio.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include <nlohmann/json.hpp>

#include "fs/files.h"
#include "schemas/builtin.h"

namespace qahub::scaffold {
namespace embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();
}

namespace {

using ordered_json = nlohmann::ordered_json;
namespace stdfs = std::filesystem;

/// A YAML double-quoted scalar (JSON's escapes are YAML's).
std::string yaml_string(const std::string& s) { return nlohmann::json(s).dump(); }

std::string file_text(std::string_view name) {
  for (const auto& [n, bytes] : embedded::embedded_files())
    if (n == name) return std::string(bytes);
  return {};
}

std::string config_text(const SiteOptions& o, base::Date created) {
  const std::string title = o.title.empty() ? "Practice hub" : o.title;
  const std::string organisation = o.organisation.empty() ? "Children's services" : o.organisation;
  const std::string base_url = o.base_url.empty() ? "/" : o.base_url;
  const std::string d = created.iso();
  return "# yaml-language-server: $schema=data/schemas/qahub.schema.json\n"
         "# The hub's settings. Every key is optional; the schema above lists them all, and editors\n"
         "# with the YAML extension complete and check them.\n"
         "\n"
         "# The hub's name, in every page's header and browser tab.\n"
         "title: " +
         yaml_string(title) +
         "\n"
         "# Who runs the hub, shown in the footer and the feed.\n"
         "organisation: " +
         yaml_string(organisation) +
         "\n"
         "# Where the hub is published, such as https://intranet.example/practice-hub/; its path prefixes every "
         "link.\n"
         "base_url: " +
         yaml_string(base_url) +
         "\n"
         "\n"
         "# Protective marking: shown at the top and bottom of every page and printed page. A page or\n"
         "# record marked with a sensitive one is left out of the build unless --include-sensitive.\n"
         "classification:\n"
         "  # The marking of every page and record that names none.\n"
         "  default: OFFICIAL\n"
         "  # Markings kept out of the published hub.\n"
         "  sensitive: [OFFICIAL-SENSITIVE]\n"
         "\n"
         "# The accessibility statement at /accessibility/ (the UK public-sector sample statement).\n"
         "accessibility:\n"
         "  # Who the statement is from.\n"
         "  organisation: " +
         yaml_string(organisation) +
         "\n"
         "  # How far the hub meets WCAG 2.2 AA: full, partial or not.\n"
         "  compliance: partial\n"
         "  # Content that is not accessible yet, one sentence each.\n"
         "  non_accessible: []\n"
         "  # How readers ask for another format or report a problem.\n"
         "  contact: \"Contact the Practice Development Team through the staff service desk.\"\n"
         "  # Working days within which you reply.\n"
         "  response_days: 5\n"
         "  # When the hub was last tested for accessibility.\n"
         "  tested_on: " +
         d +
         "\n"
         "  # Who tested it, and how.\n"
         "  tested_by: \"the Practice Development Team, using automated checks and manual keyboard and screen reader "
         "checks\"\n"
         "  # When this statement was first prepared.\n"
         "  prepared_on: " +
         d +
         "\n"
         "  # When it was last reviewed.\n"
         "  reviewed_on: " +
         d +
         "\n"
         "\n"
         "# Days that are not working days, as well as weekends: a statement of action due within 70\n"
         "# working days of an inspection skips them. England and Wales, 2026 and 2027; add next\n"
         "# year's when they are announced (Scotland and Northern Ireland have their own).\n"
         "bank_holidays:\n"
         "  # 2026: New Year's Day, Good Friday, Easter Monday, early May, spring, summer, Christmas, Boxing Day "
         "(substitute)\n"
         "  - 2026-01-01\n  - 2026-04-03\n  - 2026-04-06\n  - 2026-05-04\n  - 2026-05-25\n  - 2026-08-31\n"
         "  - 2026-12-25\n  - 2026-12-28\n"
         "  # 2027: New Year's Day, Good Friday, Easter Monday, early May, spring, summer, Christmas (substitute), "
         "Boxing Day (substitute)\n"
         "  - 2027-01-01\n  - 2027-03-26\n  - 2027-03-29\n  - 2027-05-03\n  - 2027-05-31\n  - 2027-08-30\n"
         "  - 2027-12-27\n  - 2027-12-28\n";
}

std::string page(const std::string& title, const std::string& description, const std::string& owner, base::Date created,
                 const std::string& body) {
  return "---\ntitle: " + yaml_string(title) + "\ndescription: " + yaml_string(description) +
         "\nowner: " + yaml_string(owner) + "\nreview_by: " + one_year_on(created).iso() +
         "\nchanges:\n  - date: " + created.iso() + "\n    summary: \"First published.\"\n---\n\n" + body;
}

ordered_json forum_json(base::Date created) {
  ordered_json j;
  j["$schema"] = "../schemas/forum.schema.json";
  j["id"] = kNewSiteForum;
  j["name"] = "Practice Forum";
  j["type"] = "practice forum";
  j["remit"] =
      "Brings practitioners and managers together each month to share learning from audits and to agree what "
      "changes in practice as a result.";
  j["frequency"] = {{"period", "P1M"}, {"wording", "Monthly"}};
  j["chair"] = "Principal Social Worker";
  j["membership"] = {"Team Manager, Assessment", "Advanced Practitioner", "Practice Development Lead"};
  j["terms_of_reference"] = {{"agreed", created.iso()},
                             {"review_by", one_year_on(created).iso()},
                             {"file", std::string(kNewSiteForum) + ".md"}};
  return j;
}

const char* kTermsOfReference =
    "## Purpose\n\n"
    "The forum is where practitioners and managers talk about what the audits are telling us and agree one or "
    "two changes to try before the next meeting.\n\n"
    "## Responsibilities\n\n"
    "1. Hear the headlines of the latest audit cycle.\n"
    "2. Agree actions, each with an owner (a role) and a due date.\n"
    "3. Report progress to the next meeting.\n";

/// What qahub builds with (.ci/install-deps's build half), for a hub that
/// builds qahub from source because it names no release.
const char* kWorkflowPackages =
    "build-essential cmake ninja-build pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev nlohmann-json3-dev "
    "libxapian-dev libyaml-cpp-dev libvalijson-dev libkainjow-mustache-dev libcpp-httplib-dev libcli11-dev "
    "libmimalloc-dev libjs-lunr";

/// hub-workflow.yml with this qahub's version as the release to install.
std::string workflow_text() {
  std::string text = file_text("hub.yml");
  auto replace = [&](const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  };
  replace("@QAHUB_VERSION@", QAHUB_VERSION);
  replace("@QAHUB_BUILD_PACKAGES@", kWorkflowPackages);
  return text;
}

std::string authoring_text(const std::string& meeting_id, const std::string& cycle_id) {
  const std::string report = "content/learning/" + cycle_id + ".md";
  return "# Authoring this hub\n"
         "\n"
         "The hub is Markdown and JSON in git; `qahub` turns it into the site. Every file says who owns it by "
         "role, never by name, and holds no one's personal details.\n"
         "\n"
         "## Preview\n"
         "\n"
         "    qahub serve --open --drafts\n"
         "\n"
         "builds the hub, opens it in your browser and reloads the page each time you save; `--drafts` shows "
         "draft reports and briefs too, marked \"Draft — not published\". On a network drive or WSL's /mnt/c it "
         "watches by polling (`--poll` forces that). `qahub check --strict` (or `qahub build --strict`) is the "
         "check to run before you commit: it fails on any warning (an authoring mistake, such as a misspelt key "
         "or a placeholder left in a page). Notices (overdue actions and reviews, missed meetings, coverage below "
         "100%, placeholders in a draft) are facts, printed but never failing it.\n"
         "\n"
         "## Add a page\n"
         "\n"
         "    qahub new page guidance/return-interviews \"Return interviews\"\n"
         "\n"
         "writes `content/guidance/return-interviews.md` with its front matter and placeholders starting "
         "\"TODO\" and a colon: replace each one (the build warns at each one left). Keep `review_by` a real "
         "date, and add a line to `changes` (newest first) whenever you change the meaning of a page. Link to other "
         "pages by their file: `[the guidance](../guidance/_index.md)`.\n"
         "\n"
         "## A cycle, start to finish\n"
         "\n"
         "1. **The organisation.** `data/organisation.json` lists the services and areas your audit figures "
         "are broken down by. Add it before the first cycle's figures (see the schema in `data/schemas/`).\n"
         "2. **The cycle.** Each audit cycle is a file in `data/cycles/` (this hub starts with `" +
         cycle_id +
         ".json`; `qahub new cycle` adds the next, with its draft report). As the cycle's audits are moderated, "
         "fill in its figures (audits completed and moderated, grades, moderation), its breakdown by service and "
         "area, and its key learning. The cycle's page shows them; the report is a separate page, `" +
         report +
         "`.\n"
         "3. **Thematic audits.** `qahub new audit \"Return home interviews\"` writes `data/audits/…json`: scope, "
         "sample, strengths, areas for development and recommendations.\n"
         "4. **Actions.** Each action is a file in `data/actions/` with an owner (a role), a due date, its "
         "`source` (the cycle, a key learning point, an audit's finding or recommendation, or a meeting's "
         "decision) and a dated status history. The register at `/actions/` tracks them across cycles.\n"
         "5. **Meetings.** `qahub new meeting " +
         std::string(kNewSiteForum) +
         "` writes the meeting record and its minutes under `data/meetings/` (the first, `data/meetings/" + meeting_id +
         ".json`, shows the shape). The forum meets monthly: the build notes when a month passes with no meeting "
         "recorded. Record the decision that approves the report as one of the meeting's decisions.\n"
         "6. **Briefs.** `qahub new brief father-inclusive-practice \"Father-inclusive practice\"` writes a draft "
         "learning brief (a 7-minute briefing) in `content/briefs/`; `qahub new brief-use …` records a team's use "
         "of it.\n"
         "7. **The report.** Write the narrative of `" +
         report +
         "`. The figures, grades, learning, actions and their progress come from the records: place a block on a "
         "line of its own (`{{< figures >}}`) or leave them all in their default order. Preview it with "
         "`qahub serve --drafts`; until it is published it says \"Draft — not published\" on screen and on every "
         "printed page.\n"
         "8. **Check.** `qahub check --strict --drafts` must pass; placeholders in a draft are notices, but "
         "`qahub publish` refuses any left in the report or in a record it draws on.\n"
         "9. **Publish,** once the cycle's last month has ended and it has audits:\n"
         "\n"
         "       qahub publish " +
         report +
         " --approved-by \"Director of Children's Services\" --decision MEETING-ID/d1\n"
         "\n"
         "   `--approved-by` (a role) is required; `--decision` names the meeting decision that approved it. "
         "Both are printed on the report's cover. This writes the snapshot `data/publications/" +
         cycle_id +
         ".json` and the report's `published:` date; commit both. A report is published once; to publish before "
         "the cycle has ended, give `--early \"reason\"`, which the cover prints.\n"
         "10. **Correct** a published figure with `qahub publish " +
         report +
         " --correct \"what changed\"`: the report shows the correction and its new version.\n"
         "11. **Withdraw** a report that should not have been published with `qahub publish " +
         report +
         " --withdraw \"reason\"`: its page becomes a notice and leaves every list. If it exposed personal "
         "data, also remove the text from git history (qahub's README, \"Learning and Improvement reports\").\n"
         "\n"
         "## Publish the site\n"
         "\n"
         "Commit and push: the workflow in `.github/workflows/hub.yml` installs the qahub release named by "
         "`QAHUB_VERSION` (its Debian package, checked against the release's `SHA256SUMS`; nothing is compiled), "
         "builds the hub with `--strict` and keeps `public/` as an artifact. Errors and warnings fail the run and "
         "show on the lines they are about in a pull request; notices show there too but never fail it. To move "
         "to a newer qahub, change `QAHUB_VERSION`. If your organisation's qahub is a private fork, set "
         "`QAHUB_RELEASES` to it and save a token that can read it as the secret `QAHUB_TOKEN`.\n"
         "\n"
         "`public/` is plain files: copy it to any web server. For a SharePoint document library or a shared "
         "drive, build with `--relative-urls` (change the workflow's build line) so links and search work when the "
         "pages are opened from there.\n"
         "\n"
         "## Schemas\n"
         "\n"
         "`data/schemas/` holds the schemas of the records and of `qahub.yaml`. When a newer qahub says a copy is "
         "older than its own, `qahub new schemas --refresh` replaces them.\n";
}

bool is_dir_with_entries(const stdfs::path& p) {
  std::error_code ec;
  if (!stdfs::is_directory(p, ec)) return false;
  return stdfs::directory_iterator(p, ec) != stdfs::directory_iterator();
}

/// rename(2) that never replaces: a file that appeared meanwhile is kept.
bool rename_no_replace(const stdfs::path& from, const stdfs::path& to) {
  return ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0;
}

}  // namespace

ExistingDir inspect_site_dir(const stdfs::path& dir) {
  ExistingDir out;
  std::error_code ec;
  auto st = stdfs::status(dir, ec);
  if (!stdfs::exists(st)) return out;
  out.exists = true;
  if (!stdfs::is_directory(st)) {
    out.problem = "\"" + dir.string() + "\" exists and is not a directory";
    return out;
  }
  for (const auto& e : stdfs::directory_iterator(dir, ec)) out.entries.push_back(e.path().filename().string());
  if (ec) {
    out.problem = "cannot read \"" + dir.string() + "\": " + ec.message();
    return out;
  }
  std::sort(out.entries.begin(), out.entries.end());
  std::vector<std::string> taken;
  if (stdfs::exists(stdfs::symlink_status(dir / "qahub.yaml", ec))) taken.push_back("qahub.yaml");
  for (const char* d : {"content", "data", "themes"})
    if (is_dir_with_entries(dir / d) ||
        (stdfs::exists(stdfs::symlink_status(dir / d, ec)) && !stdfs::is_directory(dir / d, ec)))
      taken.push_back(std::string(d) + "/");
  if (!taken.empty()) {
    std::string list;
    for (const std::string& t : taken) list += (list.empty() ? "" : ", ") + t;
    out.problem = "\"" + dir.string() + "\" already holds a site (" + list +
                  "); qahub new site starts a hub only in a new or empty directory, or one with just files such as "
                  "README.md, LICENSE and .gitignore";
  }
  return out;
}

Plan plan_site(const stdfs::path& dir, const SiteOptions& options, base::Date created, const ExistingDir& existing,
               std::vector<std::string>& kept) {
  Plan plan;
  const std::string owner = "Practice Development Team";
  plan.files.push_back({"qahub.yaml", config_text(options, created)});
  const std::string title = options.title.empty() ? "Practice hub" : options.title;
  plan.files.push_back(
      {"content/_index.md",
       page(title, "Practice guidance, forums and learning from audits for children's services.", owner, created,
            "Welcome to the hub. It holds the guidance practitioners and managers use, the forums where practice "
            "is discussed, and what each audit cycle teaches us.\n\n"
            "- [Guidance](guidance/_index.md): how we work, one page per topic.\n"
            "- [The Practice Forum](/forums/" +
                std::string(kNewSiteForum) +
                "/): its terms of reference and meetings.\n"
                "- [Learning and Improvement reports](learning/_index.md): what each audit cycle taught us.\n\n"
                "## The latest report\n\n"
                "{{< latest-report >}}\n")});
  plan.files.push_back(
      {"content/learning/_index.md",
       page("Learning and Improvement reports",
            "One report for each four-month audit cycle, for senior leaders and practitioners.", owner, created,
            "At the end of each audit cycle the Practice Development Team publishes a Learning and Improvement "
            "report: what the audits, moderation and families told us, what we learned, and the actions agreed. "
            "Each is fixed as it was sent; a correction is recorded on the report itself.\n\n"
            "## The reports\n\n"
            "{{< reports >}}\n")});
  plan.files.push_back({"content/guidance/_index.md",
                        page("Guidance", "How we work with children and families, one topic per page.", owner, created,
                             "Each page here covers one part of practice. Pages name the role that owns them and "
                             "the date by which they are reviewed.\n")});
  plan.files.push_back(
      {"content/guidance/case-recording.md",
       page("Case recording", "What a good case record holds, and why it matters to the child.", owner, created,
            "A case record is written for the child, who may read it one day. Write it so that they would "
            "recognise themselves and understand the decisions made.\n\n"
            "## What to record\n\n"
            "- What the child said, in their words where you can.\n"
            "- What you saw, and what you think it means.\n"
            "- What was decided, by whom (their role), and what happens next.\n\n"
            "## When to record\n\n"
            "Record a visit within two working days, so that colleagues covering the case know what happened.\n")});
  plan.files.push_back({"data/forums/" + std::string(kNewSiteForum) + ".json", forum_json(created).dump(2) + "\n"});
  plan.files.push_back({"data/forums/" + std::string(kNewSiteForum) + ".md", kTermsOfReference});
  Plan meeting = meeting_plan(kNewSiteForum,
                              {"Principal Social Worker (chair)", "Team Manager, Assessment", "Advanced Practitioner",
                               "Practice Development Lead"},
                              created, /*example=*/true);
  diag::Diagnostics ignored;  // plan_cycle only reads which cycles exist: none in a new site
  std::optional<Plan> cycle = plan_cycle(dir, created, ignored, /*example=*/true);
  for (const NewFile& f : meeting.files) plan.files.push_back(f);
  if (cycle)
    for (const NewFile& f : cycle->files) plan.files.push_back(f);
  for (const auto& [name, text] : schemas::builtin_files())
    plan.files.push_back({std::string(schemas::kSiteFolder) + std::string(name), std::string(text)});
  plan.files.push_back({"data/search/synonyms.json", file_text("synonyms.json")});
  plan.files.push_back({".gitignore", "public/\n.qahub/\n"});
  const std::string meeting_id = meeting.files.front().path.substr(std::string("data/meetings/").size());
  const std::string cycle_id =
      cycle ? cycle->files.front().path.substr(std::string("data/cycles/").size()) : std::string("(none)");
  plan.files.push_back({"AUTHORING.md", authoring_text(meeting_id.substr(0, meeting_id.rfind('.')),
                                                       cycle_id.substr(0, cycle_id.rfind('.')))});
  // Last, so that a failure to write it (say, a file called .github) also
  // exercises the undo of everything moved before it.
  plan.files.push_back({".github/workflows/hub.yml", workflow_text()});

  // What a new GitHub repository already has stays as it is.
  std::error_code ec;
  std::vector<NewFile> keep;
  for (NewFile& f : plan.files) {
    if (existing.exists && stdfs::exists(stdfs::symlink_status(dir / f.path, ec)))
      kept.push_back(f.path);
    else
      keep.push_back(std::move(f));
  }
  plan.files = std::move(keep);
  return plan;
}

bool write_site(const stdfs::path& dir, const Plan& plan, diag::Diagnostics& diags) {
  std::error_code ec;
  const bool dir_existed = stdfs::exists(dir, ec);
  if (!dir_existed && !stdfs::create_directories(dir, ec)) {
    diags.error({dir.string()}, "cannot create the directory: " + ec.message());
    return false;
  }
  const stdfs::path staging = dir / ".qahub-new-site";
  stdfs::remove_all(staging, ec);
  bool ok = true;
  std::string failed_path, why;
  for (const NewFile& f : plan.files) {
    if (fs::create_new_file(staging / f.path, f.text) != fs::NewFile::kCreated) {
      ok = false;
      failed_path = f.path;
      why = "cannot write it in the staging folder " + staging.filename().string();
      break;
    }
  }
  // Move each file into place; remember what was moved and which
  // directories were made, to undo them on a failure.
  std::vector<stdfs::path> moved, made_dirs;
  for (size_t i = 0; ok && i < plan.files.size(); ++i) {
    const stdfs::path target = dir / plan.files[i].path;
    std::vector<stdfs::path> missing;
    for (stdfs::path p = target.parent_path(); p != dir && !stdfs::exists(stdfs::symlink_status(p, ec));
         p = p.parent_path())
      missing.push_back(p);
    for (auto it = missing.rbegin(); ok && it != missing.rend(); ++it) {
      if (stdfs::create_directory(*it, ec))
        made_dirs.push_back(*it);
      else
        ok = false;
    }
    if (ok && !rename_no_replace(staging / plan.files[i].path, target)) ok = false;
    if (!ok) {
      failed_path = plan.files[i].path;
      why = std::strerror(errno);
      if (ec) why = ec.message();
    } else {
      moved.push_back(target);
    }
  }
  stdfs::remove_all(staging, ec);
  if (ok) return true;
  for (auto it = moved.rbegin(); it != moved.rend(); ++it) stdfs::remove(*it, ec);
  for (auto it = made_dirs.rbegin(); it != made_dirs.rend(); ++it) stdfs::remove(*it, ec);
  if (!dir_existed) stdfs::remove(dir, ec);
  diags.error({failed_path}, "cannot create the file (" + why + "); nothing was written");
  return false;
}

Plan plan_schemas(const stdfs::path& site_dir, bool refresh, std::vector<std::string>& replaced,
                  std::vector<std::string>& kept) {
  Plan plan;
  for (const auto& [name, text] : schemas::builtin_files()) {
    const std::string rel = std::string(schemas::kSiteFolder) + std::string(name);
    auto current = fs::read_file(site_dir / rel);
    if (!current) {
      plan.files.push_back({rel, std::string(text)});
      continue;
    }
    if (!refresh || *current == text) continue;
    auto parsed = nlohmann::json::parse(*current, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_discarded() && schemas::compare_site_copy(name, parsed) == schemas::SiteCopy::kCustomised) {
      kept.push_back(rel);
      continue;
    }
    replaced.push_back(rel);
    plan.files.push_back({rel, std::string(text)});
  }
  return plan;
}

bool write_replacing(const stdfs::path& site_dir, const Plan& plan, diag::Diagnostics& diags) {
  for (const NewFile& f : plan.files) {
    std::error_code ec;
    stdfs::create_directories((site_dir / f.path).parent_path(), ec);
    if (!fs::replace_file(site_dir / f.path, f.text)) {
      diags.error({f.path}, "cannot write file");
      return false;
    }
  }
  return true;
}

}  // namespace qahub::scaffold
