#pragma once
/// `qahub publish REPORT --approved-by ROLE [--decision MEETING/DECISION]
/// [--date YYYY-MM-DD] [--early "reason"]`, `… --correct "summary"` and
/// `… --withdraw "reason"`: fixes a Learning and Improvement report as sent,
/// once (a second publish is refused: corrections and withdrawals have their
/// own options, so nothing rewrites a publication silently). It runs every check of a build
/// first and writes nothing on errors; then writes the report's snapshot,
/// data/publications/<cycle-id>.json, as at the publication date, and
/// inserts or replaces the `published:` line of its front matter, touching
/// no other byte. `--correct` recomputes as at the original publication
/// date, appends the differences to the snapshot's `corrections` and one
/// item to the top of the report's `changes`. Each file goes through a
/// temporary file renamed into place. `--withdraw` adds {date, reason} to
/// the snapshot and touches nothing else: the report's URL then shows a
/// notice, and no listing names it.
#include <string>

#include <CLI/CLI.hpp>

#include "config/site_config.h"

namespace qahub::cli {

struct PublishCommand {
  std::string report;   ///< content path, "content/learning/2026-27-cycle-1.md"
  std::string date;     ///< --date, "" for the as-of date
  std::string correct;  ///< --correct summary, "" when publishing
  bool correcting = false;
  std::string withdraw;  ///< --withdraw reason
  bool withdrawing = false;
  std::string early;  ///< --early reason
  bool early_given = false;
  std::string approved_by;  ///< --approved-by ROLE
  std::string decision;     ///< --decision MEETING/DECISION
};

/// Adds `publish` to `app`; `options` and `as_of` take its --site, --as-of and --jobs.
CLI::App* add_publish_command(CLI::App& app, PublishCommand& cmd, config::BuildOptions& options, std::string& as_of);

int run_publish(const PublishCommand& cmd, const config::BuildOptions& options);

}  // namespace qahub::cli
