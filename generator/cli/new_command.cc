#include "cli/new_command.h"

#include <algorithm>
#include <cstdio>

#include "cli/commands.h"
#include "scaffold/new_site.h"
#include "scaffold/scaffold.h"

namespace qahub::cli {

CLI::App* add_new_command(CLI::App& app, NewCommand& cmd, config::BuildOptions& options, std::string& as_of) {
  CLI::App* scaffold = app.add_subcommand(
      "new",
      "Create a site, page, cycle, audit, meeting, brief, brief use, action, recommendation set, plan, risk, survey "
      "committee report, self-evaluation or item of evidence that builds at once, or the schemas");
  scaffold->require_subcommand(1);
  scaffold->add_option("-s,--site", options.site_dir, "Site directory (default: .)");
  scaffold->add_option("--as-of", as_of,
                       "Date for the new files, YYYY-MM-DD (default: SOURCE_DATE_EPOCH as a UTC date, else today)");

  cmd.site = scaffold->add_subcommand("site", "A new hub in DIR: config, pages, a forum, a cycle, schemas, CI");
  cmd.site->add_option("dir", cmd.site_dir, "The directory: new, empty, or a new repository's (.git, README.md…)")
      ->required();
  cmd.site->add_option("--title", cmd.site_title, "The hub's title (default: Practice hub)");
  cmd.site->add_option("--organisation", cmd.site_organisation, "Who runs the hub (default: Children's services)");
  cmd.site->add_option("--base-url", cmd.site_base_url, "Where it will be published (default: /)");

  cmd.page = scaffold->add_subcommand("page", "content/SECTION/NAME.md (or content/NAME.md) with front matter");
  cmd.page->add_option("path", cmd.page_path, "SECTION/NAME or NAME, such as practice/return-interviews")->required();
  cmd.page->add_option("title", cmd.page_title, "The page title (default: from the name, \"Return interviews\")");
  cmd.cycle = scaffold->add_subcommand("cycle", "data/cycles/<year>-cycle-<n>.json for the next free cycle");
  cmd.audit = scaffold->add_subcommand("audit", "data/audits/<theme>-<year>.json for a thematic audit");
  cmd.audit->add_option("theme", cmd.audit_theme, "The audit's theme, such as \"Return home interviews\"")->required();
  cmd.meeting = scaffold->add_subcommand("meeting", "data/meetings/<date>-<forum>.json and its minutes");
  cmd.meeting->add_option("forum", cmd.forum, "The forum's id, such as practice-board")->required();
  cmd.brief = scaffold->add_subcommand("brief", "content/SECTION/NAME.md (SECTION: briefs), a draft learning brief");
  cmd.brief->add_option("path", cmd.brief_path, "[SECTION/]NAME, such as return-home-interviews")->required();
  cmd.brief->add_option("title", cmd.brief_title, "The brief's title (default: from the name)");
  cmd.brief->add_option("--source", cmd.brief_source,
                        "TYPE/ID/ITEM it is made from, such as audit/management-oversight-2026/r1 (default: the "
                        "newest cycle's first key learning point)");
  cmd.brief_use = scaffold->add_subcommand("brief-use", "data/brief-uses/<date>-<brief>-<n>.json: a team used a brief");
  cmd.brief_use->add_option("brief", cmd.use_brief, "The brief: content/briefs/NAME.md, briefs/NAME or NAME")
      ->required();
  cmd.brief_use->add_option("team", cmd.use_team, "The team or role that used it (never a person)")->required();
  cmd.action = scaffold->add_subcommand("action", "data/actions/a-NNN.json: an action, open from today");
  cmd.action
      ->add_option("title", cmd.action_title,
                   "What is to be done, such as \"Add fathers' details to every "
                   "assessment\"")
      ->required();
  cmd.action->add_option("--source", cmd.action_source,
                         "TYPE/ID[/ITEM] it was agreed from, such as audit/management-oversight-2026/r1 (default: "
                         "the newest cycle)");
  cmd.action->add_option("--owner", cmd.action_owner, "The role that owns it (never a person)");
  cmd.action->add_option("--due", cmd.action_due, "Due date, YYYY-MM-DD (default: 90 days after the as-of date)");
  cmd.recommendations = scaffold->add_subcommand(
      "recommendations",
      "data/recommendations/<title>-<year>.json: an inspection's, notice's or review's recommendations");
  cmd.recommendations
      ->add_option("kind", cmd.set_kind,
                   "inspection, improvement-notice, focused-visit, monitoring-visit, jtai, case-review, peer-review, "
                   "assurance-review or internal-audit")
      ->required();
  cmd.recommendations->add_option("title", cmd.set_title, "The report's title, such as \"Inspection, January 2026\"");
  cmd.plan = scaffold->add_subcommand("plan", "data/plans/<title>.json: a draft improvement plan");
  cmd.plan->add_option("title", cmd.plan_title, "The plan's title, such as \"Improvement plan 2026 to 2027\"")
      ->required();
  cmd.committee_report = scaffold->add_subcommand(
      "committee-report", "content/committee/<month>-progress-report.md: a draft progress report to members");
  cmd.committee_report->add_option("--committee", cmd.committee,
                                   "The forum it goes to (default: the site's only forum of type committee)");
  cmd.risk = scaffold->add_subcommand("risk", "data/risks/<title>.json: a risk on the register, raised today");
  cmd.risk
      ->add_option("title", cmd.risk_title, "The risk in a few words, such as \"Too few experienced social workers\"")
      ->required();
  cmd.survey = scaffold->add_subcommand("survey", "data/surveys/<title>-<year>.json: a survey run, closing today");
  cmd.survey->add_option("title", cmd.survey_title, "The survey's title, such as \"Supervision survey\"")->required();
  cmd.survey->add_option("--repeats", cmd.survey_repeats,
                         "The earlier run it repeats (its id): its audience and questions are copied");
  cmd.self_evaluation = scaffold->add_subcommand(
      "self-evaluation",
      "content/self-evaluation/<year>.md: a draft self-evaluation of the as-of date's financial year");
  cmd.evidence =
      scaffold->add_subcommand("evidence", "data/evidence/<title>.json: an item of evidence, in place today");
  cmd.evidence->add_option("title", cmd.evidence_title, "What it is, such as \"Supervision audit, 2026\"")->required();
  cmd.schemas = scaffold->add_subcommand("schemas", "data/schemas/: the schemas built into this qahub, where missing");
  cmd.schemas->add_flag("--refresh", cmd.refresh,
                        "Also replace older copies (the only qahub new that overwrites; it lists each file)");
  // --site and --as-of may come after the subcommand too, and each
  // subcommand's --help lists them (`qahub new cycle --help`).
  for (CLI::App* sub : {cmd.site, cmd.page, cmd.cycle, cmd.audit, cmd.meeting, cmd.brief, cmd.brief_use, cmd.action,
                        cmd.recommendations, cmd.plan, cmd.committee_report, cmd.risk, cmd.survey, cmd.self_evaluation,
                        cmd.evidence, cmd.schemas}) {
    sub->fallthrough();
    if (sub == cmd.site) continue;  // DIR is the site it makes
    sub->add_option("-s,--site", options.site_dir, "Site directory (default: .)");
    sub->add_option("--as-of", as_of,
                    "Date for the new files, YYYY-MM-DD (default: SOURCE_DATE_EPOCH as a UTC date, else today)");
  }
  cmd.site->add_option("--as-of", as_of,
                       "The hub's creation date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)");
  return scaffold;
}

bool is_new_site(const NewCommand& cmd) { return cmd.site && *cmd.site; }

namespace {

int run_new_site(const NewCommand& cmd, const config::BuildOptions& options) {
  const std::filesystem::path dir = cmd.site_dir;
  scaffold::ExistingDir existing = scaffold::inspect_site_dir(dir);
  if (existing.problem) {
    std::fprintf(stderr, "qahub: error: %s\n", existing.problem->c_str());
    return kExitUsage;
  }
  std::vector<std::string> kept;
  scaffold::Plan plan = scaffold::plan_site(dir, {cmd.site_title, cmd.site_organisation, cmd.site_base_url},
                                            options.as_of, existing, kept);
  diag::Diagnostics diags;
  if (!scaffold::write_site(dir, plan, diags)) {
    std::fputs(diags.format_all().c_str(), stderr);
    std::fprintf(stderr, "qahub: no site was created in %s\n", dir.c_str());
    return kExitSiteErrors;
  }
  for (const scaffold::NewFile& f : plan.files) std::printf("qahub: created %s\n", f.path.c_str());
  for (const std::string& k : kept) {
    if (k == ".gitignore")
      std::printf("qahub: kept .gitignore: add public/ and .qahub/ to it\n");
    else
      std::printf("qahub: kept %s as it is\n", k.c_str());
  }
  for (const std::string& e : existing.entries) {
    bool named = e == ".git";
    for (const std::string& k : kept) named = named || k == e || k.rfind(e + "/", 0) == 0;
    if (!named) std::printf("qahub: kept %s as it is\n", e.c_str());
  }
  std::fprintf(stderr,
               "qahub: created a hub in %s as of %s; next: cd %s && qahub serve --open (AUTHORING.md says more)\n",
               dir.c_str(), options.as_of.iso().c_str(), dir.c_str());
  return kExitOk;
}

int run_new_schemas(const NewCommand& cmd, const config::BuildOptions& options) {
  std::vector<std::string> replaced, kept;
  scaffold::Plan plan = scaffold::plan_schemas(options.site_dir, cmd.refresh, replaced, kept);
  diag::Diagnostics diags;
  if (!scaffold::write_replacing(options.site_dir, plan, diags)) {
    std::fputs(diags.format_all().c_str(), stderr);
    return kExitSiteErrors;
  }
  for (const scaffold::NewFile& f : plan.files) {
    const bool replacing = std::find(replaced.begin(), replaced.end(), f.path) != replaced.end();
    std::printf("qahub: %s %s\n", replacing ? "replaced" : "created", f.path.c_str());
  }
  for (const std::string& k : kept) std::printf("qahub: kept %s: its $id is not qahub's (customised)\n", k.c_str());
  if (!cmd.refresh && plan.files.empty())
    std::fprintf(stderr, "qahub: every schema is already in data/schemas/; --refresh replaces older copies\n");
  else if (cmd.refresh && !replaced.empty())
    std::fprintf(stderr, "qahub: --refresh overwrote %zu file%s; git diff data/schemas/ shows what changed\n",
                 replaced.size(), replaced.size() == 1 ? "" : "s");
  else if (cmd.refresh && plan.files.empty())
    std::fprintf(stderr, "qahub: data/schemas/ is up to date\n");
  return kExitOk;
}

}  // namespace

int run_new(const NewCommand& cmd, const config::BuildOptions& options) {
  if (is_new_site(cmd)) return run_new_site(cmd, options);
  if (*cmd.schemas) return run_new_schemas(cmd, options);
  diag::Diagnostics diags;
  std::optional<scaffold::Plan> plan;
  const std::filesystem::path& site = options.site_dir;
  if (*cmd.page)
    plan = scaffold::plan_page(site, cmd.page_path, cmd.page_title, options.as_of, diags);
  else if (*cmd.cycle)
    plan = scaffold::plan_cycle(site, options.as_of, diags);
  else if (*cmd.audit)
    plan = scaffold::plan_audit(site, cmd.audit_theme, options.as_of, diags);
  else if (*cmd.meeting)
    plan = scaffold::plan_meeting(site, cmd.forum, options.as_of, diags);
  else if (*cmd.brief)
    plan = scaffold::plan_brief(site, cmd.brief_path, cmd.brief_title, cmd.brief_source, options.as_of, diags);
  else if (*cmd.brief_use)
    plan = scaffold::plan_brief_use(site, cmd.use_brief, cmd.use_team, options.as_of, diags);
  else if (*cmd.recommendations)
    plan = scaffold::plan_recommendation_set(site, cmd.set_kind, cmd.set_title, options.as_of, diags);
  else if (*cmd.plan)
    plan = scaffold::plan_improvement_plan(site, cmd.plan_title, options.as_of, diags);
  else if (*cmd.committee_report)
    plan = scaffold::plan_committee_report(site, cmd.committee, options.as_of, diags);
  else if (*cmd.risk)
    plan = scaffold::plan_risk(site, cmd.risk_title, options.as_of, diags);
  else if (*cmd.self_evaluation)
    plan = scaffold::plan_self_evaluation(site, options.as_of, diags);
  else if (*cmd.evidence)
    plan = scaffold::plan_evidence(site, cmd.evidence_title, options.as_of, diags);
  else if (*cmd.survey)
    plan = scaffold::plan_survey(site, cmd.survey_title, cmd.survey_repeats, options.as_of, diags);
  else if (*cmd.action) {
    scaffold::ActionOptions a{cmd.action_title, cmd.action_source, cmd.action_owner, std::nullopt};
    if (!cmd.action_due.empty()) {
      a.due = base::Date::parse(cmd.action_due);
      if (!a.due) {
        std::fprintf(stderr, "qahub: error: --due must be a date YYYY-MM-DD, not \"%s\"\n", cmd.action_due.c_str());
        return kExitUsage;
      }
    }
    plan = scaffold::plan_action(site, a, options.as_of, diags);
  }
  if (!plan) {
    std::fputs(diags.format_all().c_str(), stderr);
    return diags.has_errors() ? kExitSiteErrors : kExitUsage;
  }
  if (!scaffold::write_plan(site, *plan, diags)) {
    std::fputs(diags.format_all().c_str(), stderr);
    return kExitSiteErrors;
  }
  for (const scaffold::NewFile& f : plan->files) std::printf("qahub: created %s\n", f.path.c_str());
  const bool placeholders = std::any_of(plan->files.begin(), plan->files.end(), [](const scaffold::NewFile& f) {
    return f.text.find("TODO:") != std::string::npos;
  });
  std::fprintf(stderr, placeholders ? "qahub: replace the TODO: placeholders, then run qahub check\n"
                                    : "qahub: now run qahub check\n");
  return kExitOk;
}

}  // namespace qahub::cli
