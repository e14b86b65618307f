#include "cli/import_command.h"

#include <cstdio>

#include "cli/commands.h"
#include "fs/files.h"
#include "scaffold/scaffold.h"

namespace qahub::cli {

CLI::App* add_import_command(CLI::App& app, ImportCommand& cmd, config::BuildOptions& options, std::string& as_of) {
  CLI::App* import = app.add_subcommand("import", "Create records from a spreadsheet export");
  import->require_subcommand(1);
  cmd.plan = import->add_subcommand(
      "plan", "data/actions/a-NNN.json for each row of FILE.csv (ref, action, outcome, owner, due, addresses)");
  cmd.plan->add_option("file", cmd.file, "The CSV, first row the column names")->required();
  cmd.plan->add_option("--plan", cmd.plan_id, "The plan's id (default: the site's only plan)");
  for (CLI::App* sub : {import, cmd.plan}) {
    sub->add_option("-s,--site", options.site_dir, "Site directory (default: .)");
    sub->add_option("--as-of", as_of, "The date the actions open, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)");
  }
  cmd.plan->fallthrough();
  return import;
}

int run_import(const ImportCommand& cmd, const config::BuildOptions& options) {
  auto text = fs::read_file(cmd.file);
  if (!text) {
    std::fprintf(stderr, "qahub: error: cannot read \"%s\"\n", cmd.file.c_str());
    return kExitUsage;
  }
  diag::Diagnostics diags;
  auto plan = scaffold::plan_import(options.site_dir, cmd.file, *text, cmd.plan_id, options.as_of, diags);
  if (!plan || !scaffold::write_plan(options.site_dir, *plan, diags)) {
    std::fputs(diags.format_all().c_str(), stderr);
    std::fprintf(stderr, "qahub: nothing imported\n");
    return kExitSiteErrors;
  }
  for (const scaffold::NewFile& f : plan->files) std::printf("qahub: created %s\n", f.path.c_str());
  std::fprintf(stderr, "qahub: imported %zu action%s; now run qahub check\n", plan->files.size(),
               plan->files.size() == 1 ? "" : "s");
  return kExitOk;
}

}  // namespace qahub::cli
