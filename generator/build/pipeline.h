#pragma once
/// One build of a site: the pass list, in order (mold's main). `qahub build`,
/// `qahub check` and `qahub serve` all run this.
///
///   config::BuildOptions options;
///   options.site_dir = "tests/sites/basic";
///   diag::Diagnostics diags;
///   BuildStats stats;
///   bool ok = build_site(options, diags, &stats);
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "config/site_config.h"
#include "diag/diagnostics.h"

namespace qahub::build {

struct BuildStats {
  size_t content_pages = 0;
  size_t record_pages = 0;
  size_t output_files = 0;
  size_t output_bytes = 0;
  /// Wall time of each pass in order, in ms (`--timings`). "search" ran
  /// beside "render" when jobs > 1.
  std::vector<std::pair<std::string, double>> timings;
};

/// The output directory for these options (`--out`, or site/public).
std::filesystem::path output_dir(const config::BuildOptions& options);

/// Builds the site. Returns false when any error (or, with --strict, any
/// warning) was reported; the previous output is then left untouched.
bool build_site(const config::BuildOptions& options, diag::Diagnostics& diags, BuildStats* stats = nullptr);

}  // namespace qahub::build
