#pragma once
/// The subcommands behind `qahub`. Each returns the process exit code:
/// 0 ok, 1 site errors, 2 usage errors (README "Exit codes").
#include <string>

#include "config/site_config.h"

namespace qahub::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitSiteErrors = 1;
inline constexpr int kExitUsage = 2;

/// CLI11's "The following arguments were not expected: -x" in our style:
/// lower-case first letter, no full stop, one line.
std::string usage_message(std::string what);

/// `qahub --version`: "qahub X.Y.Z" first (scripts read that line), then the
/// runtime versions of cmark-gfm and Xapian and the embedded lunr.js.
std::string version_text(const std::string& qahub_version);

int run_build(const config::BuildOptions& options);
int run_check(const config::BuildOptions& options);

}  // namespace qahub::cli
