#pragma once
/// `qahub new site|page|cycle|audit|meeting|brief|brief-use|action|recommendations|plan|risk|schemas`: the CLI side of
/// generator/scaffold.
/// `qahub new site|page|cycle|audit|meeting|brief|brief-use|action|recommendations|plan|survey|schemas`: the CLI side
/// of generator/scaffold.
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
  CLI::App* site = nullptr;
  CLI::App* schemas = nullptr;
  CLI::App* brief = nullptr;
  CLI::App* brief_use = nullptr;
  CLI::App* action = nullptr;
  CLI::App* recommendations = nullptr;
  CLI::App* plan = nullptr;
  CLI::App* committee_report = nullptr;
  std::string committee;  ///< `new committee-report --committee FORUM`
  CLI::App* risk = nullptr;
  std::string set_kind, set_title;  ///< `new recommendations KIND "Title"`
  std::string plan_title;           ///< `new plan "Title"`
  std::string risk_title;           ///< `new risk "Title"`
  CLI::App* self_evaluation = nullptr;
  CLI::App* evidence = nullptr;
  std::string evidence_title;  ///< `new evidence "Title"`
  CLI::App* survey = nullptr;
  std::string survey_title, survey_repeats;                           ///< `new survey "Title" [--repeats ID]`
  std::string action_title, action_source, action_owner, action_due;  ///< `new action "Title" --source …`
  std::string site_dir;                                               ///< `new site DIR`
  std::string site_title, site_organisation, site_base_url;
  bool refresh = false;   ///< `new schemas --refresh`
  std::string page_path;  ///< SECTION/NAME
  std::string page_title;
  std::string audit_theme;
  std::string forum;
  std::string brief_path, brief_title, brief_source;  ///< `new brief [SECTION/]NAME "Title" --source …`
  std::string use_brief, use_team;                    ///< `new brief-use BRIEF "TEAM"`
};

/// Adds `new` and its subcommands to `app`; --site and --as-of fill `options` and `as_of`.
CLI::App* add_new_command(CLI::App& app, NewCommand& cmd, config::BuildOptions& options, std::string& as_of);

/// True for `new site`, which makes a site rather than working in one.
bool is_new_site(const NewCommand& cmd);

/// Creates the files and prints each path. Exit codes: 0 created, 1 a target
/// exists or the site lacks what the scaffold needs, 2 bad arguments (and
/// for `new site`, a DIR that already holds a site).
int run_new(const NewCommand& cmd, const config::BuildOptions& options);

}  // namespace qahub::cli
