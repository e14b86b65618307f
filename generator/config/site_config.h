#pragma once
/// The site config file `qahub.yaml` at the site root (all keys optional) and
/// the options of one build. README "Site config" documents every key.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "config/publications.h"
#include "config/risk_matrix.h"
#include "diag/diagnostics.h"
#include "diag/personal_data.h"

namespace qahub::config {

/// Details for the generated accessibility statement, in the shape of the UK
/// public-sector sample statement.
struct AccessibilityStatement {
  std::string organisation = "The local authority";
  std::string compliance = "partial";  ///< full | partial | not
  std::vector<std::string> non_accessible;
  std::string contact = "Contact the Practice Development Team through the staff service desk.";
  std::string response_days = "5";
  std::optional<base::Date> tested_on;
  std::string tested_by =
      "the Practice Development Team, using automated checks (axe-core) and manual keyboard and screen reader checks";
  std::optional<base::Date> prepared_on;
  std::optional<base::Date> reviewed_on;
};

/// Small-number suppression of audit figures broken down by service and area.
struct Disclosure {
  long min_cell = 5;  ///< a count below this (zero included) is shown as "fewer than N"
};

/// Optional targets the build warns against; none by default (no target, no warning).
struct Targets {
  std::optional<long> moderation_rate_pm;  ///< per mille: 0.25 → 250
  std::optional<long> good_or_better_pm;
  /// Share of moderated audits moderated independently (outside the line).
  std::optional<long> independent_moderation_pm;
};

/// Protective marking (`classification:`): the marking of a page or record
/// that names none, and the markings that keep one out of the build
/// (generator/marking/ applies them).
struct Classification {
  std::string default_marking;         ///< "" when qahub.yaml has no classification: no marking is shown
  std::vector<std::string> sensitive;  ///< "OFFICIAL-SENSITIVE"
  /// Every marking a page or record may name: the default, then the sensitive ones.
  std::vector<std::string> markings() const;
  bool is_sensitive(const std::string& marking) const;
};

struct SiteConfig {
  std::string title = "Practice hub";
  std::string description;
  std::string base_url = "/";  ///< only its path is used in links ("/hub/")
  std::string language = "en-GB";
  std::string theme = "default";
  bool raw_html = false;
  std::string organisation = "Children's services";
  /// Exact strings (addresses, numbers) allowed by the personal-data check.
  /// allow_personal_data (exact strings) and personal_data (rule levels).
  diag::PersonalDataPolicy personal_data;
  /// Attachments qahub cannot read (PDF, Word, images) a person has checked.
  std::vector<std::string> checked_attachments;
  /// `bank_holidays`: dates that are not working days, sorted (a statement of
  /// action due within N working days skips them as it skips weekends).
  std::vector<base::Date> bank_holidays;
  Classification classification;
  AccessibilityStatement accessibility;
  /// `params:`, free-form, for templates as `params.*` (config/params.h).
  nlohmann::json params = nlohmann::json::object();
  Disclosure disclosure;
  Targets targets;
  /// `publications:`: the publication types, built in and configured (config/publications.h).
  std::map<std::string, PublicationType> publications = builtin_publication_types();
  /// `risks:`, the risk matrix and its bands (config/risk_matrix.h).
  RiskMatrix risks;
  /// The path part of base_url, always starting and ending with '/'.
  std::string base_path() const;
  /// base_url's host ("hub.example.test"), or "" for a path-only base_url.
  /// The sitemap and the feed's tag: ids need one: relative URLs are not
  /// allowed there.
  std::string host() const;
  /// base_url's scheme and host ("https://hub.example.test"), or "".
  std::string origin() const;
  /// The sitemap protocol allows absolute URLs only, so only a base_url with
  /// a host gets a sitemap.xml; the footer link, the link targets and the
  /// build summary line follow this.
  bool writes_sitemap() const { return !host().empty(); }
};

/// The config file name.
inline constexpr const char* kConfigFile = "qahub.yaml";
/// Its schema in data/schemas/: the one list of known keys (a new key is a
/// property there, then its read_into below).
inline constexpr const char* kConfigSchema = "qahub.schema.json";

/// Reads `site_dir/qahub.yaml` (defaults when the file is absent).
SiteConfig load_site_config(const std::filesystem::path& site_dir, diag::Diagnostics& diags);

struct BuildOptions;
/// The site config of a build: qahub.yaml with the command line's overrides
/// (`--base-url`) applied.
SiteConfig load_site_config(const BuildOptions& options, diag::Diagnostics& diags);

/// Options from the command line.
struct BuildOptions {
  std::string base_url;  ///< `--base-url`: replaces qahub.yaml's base_url for this build when set
  std::filesystem::path site_dir = ".";
  std::filesystem::path out_dir;  ///< empty: site_dir/public
  /// Replace an --out folder holding files qahub did not write (`--force`).
  bool force = false;
  base::Date as_of;
  int jobs = 1;
  bool drafts = false;
  bool strict = false;
  bool relative_urls = false;           ///< links that work over file:// (shared drives)
  bool write = true;                    ///< false for `qahub check`
  std::filesystem::path search_corpus;  ///< write the indexed corpus here when set
  bool live_reload = false;             ///< inject the reload script (`qahub serve` only)
  bool timings = false;                 ///< print each pass's wall time (`--timings`)
  /// Build pages and records with a sensitive marking (`--include-sensitive`),
  /// with a banner; never in search, the corpus, feeds, the sitemap or the A to Z.
  bool include_sensitive = false;
  /// `--cache-dir`: where the search cache `qahub search` reads (and serve's
  /// output) is kept; empty: site_dir/.qahub. The cache is optional: a build
  /// that cannot write it warns once and carries on.
  std::filesystem::path cache_dir;
  /// `--diagnostics=github`: also print each diagnostic as a GitHub Actions
  /// workflow command (`::error file=…::`) and append a summary to
  /// $GITHUB_STEP_SUMMARY. Only ever set by the flag, never by the environment.
  bool github_annotations = false;
  /// Asked once, after the last pass that only reads and before the build
  /// writes anything (the staging folder, the search cache): a message stops
  /// the build as an error. The CLI checks --out's files here, on a thread
  /// it started beside the first passes (walking 14,000 files at 10k pages).
  std::function<std::string()> before_writing;
};

/// The build cache folder: --cache-dir, else SITE/.qahub.
inline std::filesystem::path cache_dir(const BuildOptions& options) {
  return options.cache_dir.empty() ? options.site_dir / ".qahub" : options.cache_dir;
}

}  // namespace qahub::config
