#include "cli/new_command.h"

#include <cstdio>

#include "cli/commands.h"
#include "scaffold/scaffold.h"

namespace qahub::cli {

CLI::App* add_new_command(CLI::App& app, NewCommand& cmd, config::BuildOptions& options, std::string& as_of) {
  CLI::App* scaffold = app.add_subcommand("new", "Create a page, cycle, audit or meeting that builds at once");
  scaffold->require_subcommand(1);
  scaffold->add_option("--site", options.site_dir, "Site directory (default: .)");
  scaffold->add_option("--as-of", as_of, "Date for the new files, YYYY-MM-DD (default: today)");

  cmd.page = scaffold->add_subcommand("page", "content/SECTION/NAME.md (or content/NAME.md) with front matter");
  cmd.page->add_option("path", cmd.page_path, "SECTION/NAME or NAME, such as practice/return-interviews")->required();
  cmd.page->add_option("title", cmd.page_title, "The page title (default: from the name, \"Return interviews\")");
  cmd.cycle = scaffold->add_subcommand("cycle", "data/cycles/<year>-cycle-<n>.json for the next free cycle");
  cmd.audit = scaffold->add_subcommand("audit", "data/audits/<theme>-<year>.json for a thematic audit");
  cmd.audit->add_option("theme", cmd.audit_theme, "The audit's theme, such as \"Return home interviews\"")->required();
  cmd.meeting = scaffold->add_subcommand("meeting", "data/meetings/<date>-<forum>.json and its minutes");
  cmd.meeting->add_option("forum", cmd.forum, "The forum's id, such as practice-board")->required();
  // Let --site and --as-of come after the subcommand's own arguments too.
  for (CLI::App* sub : {cmd.page, cmd.cycle, cmd.audit, cmd.meeting}) sub->fallthrough();
  return scaffold;
}

int run_new(const NewCommand& cmd, const config::BuildOptions& options) {
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
  if (!plan) {
    std::fputs(diags.format_all().c_str(), stderr);
    return diags.has_errors() ? kExitSiteErrors : kExitUsage;
  }
  if (!scaffold::write_plan(site, *plan, diags)) {
    std::fputs(diags.format_all().c_str(), stderr);
    return kExitSiteErrors;
  }
  for (const scaffold::NewFile& f : plan->files) std::printf("qahub: created %s\n", f.path.c_str());
  std::fprintf(stderr, "qahub: replace the TODO: placeholders, then run qahub check\n");
  return kExitOk;
}

}  // namespace qahub::cli
