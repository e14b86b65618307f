#pragma once
/// `qahub import plan FILE.csv [--plan ID]`: an improvement plan's actions
/// from a spreadsheet export (columns ref, action, outcome, owner, due,
/// addresses), one data/actions/a-NNN.json per row; the CLI side of
/// scaffold::plan_import. Nothing is written unless every row is good, and
/// nothing is ever overwritten.
#include <string>

#include <CLI/CLI.hpp>

#include "config/site_config.h"

namespace qahub::cli {

struct ImportCommand {
  CLI::App* plan = nullptr;
  std::string file;     ///< the CSV
  std::string plan_id;  ///< --plan, "" for the site's only plan
};

/// Adds `import` and `import plan` to `app`; --site and --as-of fill `options` and `as_of`.
CLI::App* add_import_command(CLI::App& app, ImportCommand& cmd, config::BuildOptions& options, std::string& as_of);

/// Exit codes: 0 written, 1 a bad cell, a taken ref or a missing plan, 2 an unreadable file.
int run_import(const ImportCommand& cmd, const config::BuildOptions& options);

}  // namespace qahub::cli
