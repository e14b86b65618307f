#pragma once
/// `qahub new page|cycle|audit|meeting`: the CLI side of generator/scaffold.
#include <string>

#include <CLI/CLI.hpp>

#include "config/site_config.h"

namespace qahub::cli {

/// What the user asked `qahub new` for, filled in by CLI11.
struct NewCommand {
  CLI::App* page = nullptr;
  CLI::App* cycle = nullptr;
  CLI::App* audit = nullptr;
  CLI::App* meeting = nullptr;
  std::string page_path;  ///< SECTION/NAME
  std::string page_title;
  std::string audit_theme;
  std::string forum;
};

/// Adds `new` and its four subcommands to `app`; --site and --as-of fill `options` and `as_of`.
CLI::App* add_new_command(CLI::App& app, NewCommand& cmd, config::BuildOptions& options, std::string& as_of);

/// Creates the files and prints each path. Exit codes: 0 created, 1 a target
/// exists or the site lacks what the scaffold needs, 2 bad arguments.
int run_new(const NewCommand& cmd, const config::BuildOptions& options);

}  // namespace qahub::cli
