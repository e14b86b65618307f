#pragma once
/// `qahub new site DIR` and `qahub new schemas [--refresh]`.
///
/// A new hub is small and valid: `qahub build --strict` on it has no
/// warnings as of the day it was made. DIR may already exist when it holds
/// what a new GitHub repository has (.git, README.md, LICENSE, .gitignore…):
/// those are kept as they are. Files are written to a staging folder inside
/// DIR, then renamed into place one by one; on a failure the ones already
/// moved are removed again, so DIR is as it was.
///
///   SiteOptions o{.title = "Practice hub", .organisation = "Kent", .base_url = "/"};
///   auto existing = inspect_site_dir(dir);          // usage error when problem is set
///   Plan plan = plan_site(dir, o, as_of, existing, kept);
///   write_site(dir, plan, diags);
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "diag/diagnostics.h"
#include "scaffold/scaffold.h"

namespace qahub::scaffold {

struct SiteOptions {
  std::string title;         ///< empty: "Practice hub"
  std::string organisation;  ///< empty: "Children's services"
  std::string base_url;      ///< empty: "/"
};

/// What DIR holds before `new site`.
struct ExistingDir {
  bool exists = false;
  /// Set when DIR cannot take a new site (it holds content/, data/, themes/
  /// or a qahub.yaml, or is not a directory): a usage error, nothing written.
  std::optional<std::string> problem;
  std::vector<std::string> entries;  ///< its top-level names, sorted
};
ExistingDir inspect_site_dir(const std::filesystem::path& dir);

/// The forum and section a new hub starts with (named in the output and AUTHORING.md).
inline constexpr const char* kNewSiteForum = "practice-forum";

/// The files of a new hub, created `created`: config, pages, a forum, the
/// schemas this binary was built with, the synonyms, .gitignore, the GitHub
/// workflow and AUTHORING.md. The meeting and the cycle come from
/// plan_meeting and plan_cycle, so they match `qahub new meeting|cycle`.
/// A file of the plan that `existing` already has (such as .gitignore) is
/// left out and listed in `kept`.
Plan plan_site(const std::filesystem::path& dir, const SiteOptions& options, base::Date created,
               const ExistingDir& existing, std::vector<std::string>& kept);

/// Writes `plan` into `dir` (created if missing) through a staging folder.
/// False, with an error, when anything failed; then nothing of the plan is
/// left in `dir`.
bool write_site(const std::filesystem::path& dir, const Plan& plan, diag::Diagnostics& diags);

/// `new schemas`: every built-in schema missing from the site's data/schemas/.
/// With `refresh`, also every copy that differs from the built-in one,
/// except a customised one (an `$id` of its own), which is named in `kept`.
/// `replaced` lists the files that exist and will be overwritten.
Plan plan_schemas(const std::filesystem::path& site_dir, bool refresh, std::vector<std::string>& replaced,
                  std::vector<std::string>& kept);

/// Writes `plan`, overwriting (each file replaced by a rename, never half-written).
bool write_replacing(const std::filesystem::path& site_dir, const Plan& plan, diag::Diagnostics& diags);

}  // namespace qahub::scaffold
