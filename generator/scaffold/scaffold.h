#pragma once
/// `qahub new`: files that build and validate at once. Each plan_* reads the
/// site (existing ids, forums) and returns the files to create without
/// writing anything; write_plan then creates them, refusing to overwrite.
/// Placeholders start with "TODO:" so an author (and a grep) finds them.
///
///   diag::Diagnostics diags;
///   if (auto plan = plan_meeting(site_dir, "practice-board", as_of, diags))
///     write_plan(site_dir, *plan, diags);  // data/meetings/2026-11-23-practice-board.{json,md}
///   std::fputs(diags.format_all().c_str(), stderr);
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "diag/diagnostics.h"

namespace qahub::scaffold {

struct NewFile {
  std::string path;  ///< site-relative, '/'-separated: "content/practice/new-page.md"
  std::string text;
};

struct Plan {
  std::vector<NewFile> files;
};

/// `page SECTION/NAME "Title"` → content/SECTION/NAME.md with title,
/// description, owner, review_by (one year after `as_of`) and one change.
/// Also content/SECTION/_index.md when the section is new. `page NAME` is a
/// top-level page, content/NAME.md. An empty title comes from the name
/// (`return-interviews` → "Return interviews"), so `qahub new page x` works.
std::optional<Plan> plan_page(const std::filesystem::path& site_dir, const std::string& section_and_name,
                              const std::string& title, base::Date as_of, diag::Diagnostics& diags);

/// `cycle` → data/cycles/YYYY-YY-cycle-N.json: the cycle `as_of` falls in
/// (cycle 1 April–July, 2 August–November, 3 December–March), or the first
/// free one after it. Figures start at zero, which is consistent.
/// Also its draft report, content/learning/<id>.md. `example`: finished
/// example text instead of `TODO:` placeholders (`qahub new site`, whose hub
/// must pass `build --strict --drafts` at once).
std::optional<Plan> plan_cycle(const std::filesystem::path& site_dir, base::Date as_of, diag::Diagnostics& diags,
                               bool example = false);

/// `audit "Theme"` → data/audits/<theme-slug>-<year>.json (then -2, -3, … if taken).
std::optional<Plan> plan_audit(const std::filesystem::path& site_dir, const std::string& theme, base::Date as_of,
                               diag::Diagnostics& diags);

/// `meeting FORUM_ID` → data/meetings/<as_of>-<forum>.json and its minutes
/// .md beside it; attendees start as the forum's chair and members.
std::optional<Plan> plan_meeting(const std::filesystem::path& site_dir, const std::string& forum_id, base::Date as_of,
                                 diag::Diagnostics& diags);

/// The meeting files of plan_meeting for a forum with these standing attendees.
/// `example`: finished example agenda and minutes instead of placeholders.
Plan meeting_plan(const std::string& forum_id, std::vector<std::string> attendees, base::Date as_of,
                  bool example = false);

/// `brief [SECTION/]NAME "Title"` → content/SECTION/NAME.md (SECTION:
/// `briefs`), a draft learning brief (no `published`) with every section of
/// the site's default format as a heading, three placeholder questions and
/// `based_on_case: false`. Its `source` is `source` ("cycle/ID/ITEM",
/// "audit/ID/ITEM" or "meeting/ID/ITEM"), or by default the newest cycle's
/// first key learning point. Also the section's _index.md when it is new.
std::optional<Plan> plan_brief(const std::filesystem::path& site_dir, const std::string& section_and_name,
                               const std::string& title, const std::string& source, base::Date as_of,
                               diag::Diagnostics& diags);

/// `brief-use BRIEF "TEAM"` → data/brief-uses/<as_of>-<brief-name>-<n>.json,
/// the first free n. BRIEF is the brief's content path
/// ("content/briefs/x.md") or that without `content/` and `.md`
/// ("briefs/x"), or a name under content/briefs/ ("x").
std::optional<Plan> plan_brief_use(const std::filesystem::path& site_dir, const std::string& brief,
                                   const std::string& team, base::Date as_of, diag::Diagnostics& diags);

/// What `qahub new action "Title"` is given besides its title.
struct ActionOptions {
  std::string title;
  std::string source;             ///< "TYPE/ID" or "TYPE/ID/ITEM"; "" for the newest cycle
  std::string owner;              ///< a role; "" for a placeholder
  std::optional<base::Date> due;  ///< nullopt: 90 days after `as_of`
};

/// `action "Title"` → data/actions/a-NNN.json, the next free number: open as
/// of `as_of`, agreed from `source` (a record the site holds, or `plan/ID`
/// for an improvement plan), due in 90 days unless given.
std::optional<Plan> plan_action(const std::filesystem::path& site_dir, const ActionOptions& options, base::Date as_of,
                                diag::Diagnostics& diags);

/// `recommendations KIND "Title"` → data/recommendations/<title-slug>-<year>.json:
/// issued `as_of`, two placeholder recommendations (one immediate, one within
/// three months), a 70-working-day statement of action for an inspection,
/// focused visit or JTAI; a peer or assurance review gets a strength and an
/// area for development instead. scaffold_plans.cc.
std::optional<Plan> plan_recommendation_set(const std::filesystem::path& site_dir, const std::string& kind,
                                            const std::string& title, base::Date as_of, diag::Diagnostics& diags);

/// `plan "Title"` → data/plans/<title-slug>.json: a draft for a year from
/// `as_of`, responding to every recommendation set the site holds, one
/// placeholder priority and outcome. scaffold_plans.cc.
std::optional<Plan> plan_improvement_plan(const std::filesystem::path& site_dir, const std::string& title,
                                          base::Date as_of, diag::Diagnostics& diags);

/// `committee-report [--committee FORUM]`: content/committee/<YYYY-MM>-progress-report.md,
/// a draft committee report to FORUM (the site's only forum of type
/// "committee" when none is named) with every section the site's type
/// requires, TODO placeholders to write, the site's plan and scorecard when
/// it has one of each; and content/committee/_index.md listing the series
/// when the section is new. Builds at once with --drafts.
std::optional<Plan> plan_committee_report(const std::filesystem::path& site_dir, const std::string& committee,
                                          base::Date as_of, diag::Diagnostics& diags);
/// `risk "Title"` → data/risks/<title-slug>.json: a risk raised on `as_of`,
/// scored 2 × 2 until its first review, due for review in three months, with
/// placeholders for its text, owner and category. scaffold_risks.cc.
std::optional<Plan> plan_risk(const std::filesystem::path& site_dir, const std::string& title, base::Date as_of,
                              diag::Diagnostics& diags);
/// `self-evaluation`: content/self-evaluation/<year>.md for the financial
/// year of the as-of date, with the site's three questions as its sections
/// and a claim for each to fill in (citing the first evidence item, if any),
/// and the section's index listing the versions (scaffold_publications.cc).
std::optional<Plan> plan_self_evaluation(const std::filesystem::path& site_dir, base::Date as_of,
                                         diag::Diagnostics& diags);
/// `evidence "Title"` → data/evidence/<title-slug>.json: an item in place,
/// dated today, saying where it is held (scaffold_publications.cc).
std::optional<Plan> plan_evidence(const std::filesystem::path& site_dir, const std::string& title, base::Date as_of,
                                  diag::Diagnostics& diags);

/// `survey "Title" [--repeats ID]` → data/surveys/<title-slug>-<year>.json:
/// closing `as_of`, nobody counted yet; a repeat takes the earlier run's
/// audience and questions (ids, wording, answers) and names it in
/// `repeats`. scaffold_surveys.cc.
std::optional<Plan> plan_survey(const std::filesystem::path& site_dir, const std::string& title,
                                const std::string& repeats, base::Date as_of, diag::Diagnostics& diags);

/// `import plan FILE.csv`: one data/actions/a-NNN.json per row of a
/// spreadsheet export whose header names the columns ref, action, outcome,
/// owner (or "owner role"), due and addresses (codes split by spaces or
/// semicolons), in any order. Each action is open as of `as_of` with source
/// {type: plan, id: plan_id (default: the site's only plan), item: outcome}.
/// Every bad cell is an error at its row and column of `csv_name`; a ref the
/// plan's actions already have is refused (import never overwrites), and
/// nothing is planned unless every row is good. scaffold_plans.cc.
std::optional<Plan> plan_import(const std::filesystem::path& site_dir, const std::string& csv_name,
                                const std::string& csv_text, const std::string& plan_id, base::Date as_of,
                                diag::Diagnostics& diags);

/// Creates every file of the plan (and missing directories). If any target
/// already exists nothing at all is written and an error names it.
bool write_plan(const std::filesystem::path& site_dir, const Plan& plan, diag::Diagnostics& diags);

/// Helpers the plans share, public for the unit tests.
/// The cycle id for a date: 2026-11-23 → "2026-27-cycle-2".
std::string cycle_id_for(base::Date d);
/// The next cycle id: "2026-27-cycle-3" → "2027-28-cycle-1".
std::string next_cycle_id(const std::string& id);
/// Where `qahub new` writes a record of `kind`, from the kinds table
/// (record_pages/kinds.h): "data/cycles/<id>.json" (or another extension).
std::string record_file(std::string_view kind, const std::string& id, std::string_view ext = ".json");
/// A new record's "$schema": "../schemas/cycle.schema.json".
std::string schema_ref(std::string_view kind);
/// The ids of the site's records of `kind` (their file stems), sorted.
/// "Return home interviews (16+)" → "return-home-interviews-16": a valid
/// record id from a title (ASCII letters and digits, single hyphens).
std::string record_slug(const std::string& text);
std::vector<std::string> record_ids(const std::filesystem::path& site_dir, std::string_view kind);
/// `base` if free in `taken`, else base-2, base-3, …
std::string first_free_id(const std::string& base, const std::vector<std::string>& taken);
/// The same date a year on; 29 February becomes 28 February.
base::Date one_year_on(base::Date d);
/// A URL-safe path segment, the shape of a record id: "return-interviews".
bool is_slug(const std::string& s);
/// "return-interviews" → "Return interviews".
std::string title_from_slug(const std::string& slug);
/// A content page's front matter (title, description, an owner placeholder,
/// review_by a year on, one change on `as_of`), with its `---` lines.
std::string front_matter(const std::string& title, const std::string& description, base::Date as_of);

}  // namespace qahub::scaffold
