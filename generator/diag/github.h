#pragma once
/// `--diagnostics=github`: each diagnostic also as a GitHub Actions workflow
/// command, so a pull request shows it on the line it is about, and a summary
/// for the run's page. The format is GitHub's (docs: "Workflow commands for
/// GitHub Actions"); qahub prints it only when the workflow passes the flag.
///
///   ::error file=content/a.md,line=3,col=7::unknown front matter key "tittle"
#include <string>

#include "diag/diagnostics.h"

namespace qahub::diag {

/// One `::error|warning|notice file=…,line=…,col=…::message` line per
/// diagnostic, in the order format_all() prints them. `prefix` is the site's
/// folder from the repository root ("" or "hub/"), since GitHub places an
/// annotation by its path in the repository. A warning --strict promotes is
/// an `::error` that says so, as the normal line does.
std::string github_annotations(const Diagnostics& diags, const std::string& prefix);

/// Markdown for $GITHUB_STEP_SUMMARY: a heading naming the command, the
/// result line, the counts and every diagnostic line in a code block.
std::string github_summary(const Diagnostics& diags, const std::string& command, const std::string& result);

/// GitHub's escaping: `%`, CR and LF in a message; also `:` and `,` in a
/// property (a file name).
std::string github_escape_data(const std::string& text);
std::string github_escape_property(const std::string& text);

}  // namespace qahub::diag
