#include "cli/commands.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <regex>
#include <string>

#include <cmark-gfm.h>
#include <xapian.h>

#include "base/text.h"
#include "fs/output_dir.h"
#include "pipeline/pipeline.h"
#include "theme/theme.h"

namespace qahub::cli {
namespace {

using base::plural;

void print_diagnostics(const diag::Diagnostics& diags) {
  std::string text = diags.format_all();
  std::fputs(text.c_str(), stderr);
}

/// The last line of a successful build. A path-only base_url gets no
/// sitemap (absolute URLs only); that is said here, since it is the
/// documented default rather than a problem in the site.
std::string summary_line(const pipeline::BuildStats& stats, const std::string& out_dir, double ms, size_t warnings,
                         size_t notices) {
  char head[160];
  std::snprintf(head, sizeof head, "qahub: built %zu content pages and %zu record pages (%zu files, %.1f MB) into ",
                stats.content_pages, stats.record_pages, stats.output_files, stats.output_bytes / 1e6);
  std::string line = head + out_dir + " in " + std::to_string(std::lround(ms)) + " ms";
  if (!stats.sitemap) line += ", no sitemap (base_url has no host)";
  if (warnings) line += ", " + plural(warnings, "warning");
  if (notices) line += ", " + plural(notices, "notice");
  // Draft reports (no `published`, or after --as-of) are left out unless --drafts.
  if (stats.draft_reports)
    line += ", " + plural(stats.draft_reports, "draft report") + " left out (--drafts builds them)";
  // Sensitive pages and records are left out unless --include-sensitive.
  if (stats.sensitive_left_out)
    line += ", " + std::to_string(stats.sensitive_left_out) +
            (stats.sensitive_left_out == 1 ? " sensitive page or record" : " sensitive pages and records") +
            " left out (--include-sensitive builds them)";
  return line + "\n";
}

}  // namespace

std::string usage_message(std::string what) {
  while (!what.empty() && (what.back() == '\n' || what.back() == '.' || what.back() == ' ')) what.pop_back();
  for (char& c : what)
    if (c == '\n') c = ' ';
  if (!what.empty() && what[0] >= 'A' && what[0] <= 'Z') what[0] = static_cast<char>(what[0] - 'A' + 'a');
  return what;
}

std::string version_text(const std::string& qahub_version) {
  // lunr.min.js starts "/**\n * lunr - http://lunrjs.com - A bit like Solr, … - 2.3.9\n".
  std::string lunr = "unknown";
  const theme::Theme theme = theme::Theme::embedded();
  if (const std::string* js = theme.file("assets/lunr.min.js")) {
    static const std::regex kHeader("lunr - [^\n]* - ([0-9]+\\.[0-9]+\\.[0-9]+)\r?\n");
    std::smatch m;
    const std::string head = js->substr(0, 400);
    if (std::regex_search(head, m, kHeader)) lunr = m[1];
  }
  return "qahub " + qahub_version + "\ncmark-gfm " + cmark_version_string() + "\nXapian " + Xapian::version_string() +
         "\nlunr.js " + lunr + " (embedded in the default theme)";
}

int run_build(const config::BuildOptions& options) {
  // The --out rule, before anything is read or written (fs/output_dir.h).
  const std::filesystem::path out = pipeline::output_dir(options);
  if (auto problem = fs::out_dir_problem(options.site_dir, out, out.string(), options.force)) {
    std::fprintf(stderr, "qahub: error: %s\n", problem->message.c_str());
    return problem->exit_code == 2 ? kExitUsage : kExitSiteErrors;
  }
  std::fprintf(stderr, "qahub: building %s as of %s\n", options.site_dir.c_str(), options.as_of.iso().c_str());
  const auto start = std::chrono::steady_clock::now();
  diag::Diagnostics diags;
  pipeline::BuildStats stats;
  bool ok = pipeline::build_site(options, diags, &stats);
  print_diagnostics(diags);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!ok && stats.output_replaced) {
    std::fprintf(stderr, "qahub: built into %s, then failed with %s\n", pipeline::output_dir(options).c_str(),
                 plural(diags.error_count(), "error").c_str());
    return kExitSiteErrors;
  }
  if (!ok) {
    std::fprintf(stderr, "qahub: build failed with %s; %s left unchanged\n",
                 plural(diags.error_count(), "error").c_str(), pipeline::output_dir(options).c_str());
    return kExitSiteErrors;
  }
  if (options.timings) {
    std::string line = "qahub: timings:";
    for (const auto& [pass, pass_ms] : stats.timings)
      line += " " + pass + " " + std::to_string(std::lround(pass_ms)) + " ms,";
    line.back() = '\n';
    std::fputs(line.c_str(), stderr);
  }
  std::fputs(
      summary_line(stats, pipeline::output_dir(options).string(), ms, diags.warning_count(), diags.notice_count())
          .c_str(),
      stderr);
  return kExitOk;
}

int run_check(const config::BuildOptions& options) {
  std::fprintf(stderr, "qahub: checking %s as of %s\n", options.site_dir.c_str(), options.as_of.iso().c_str());
  diag::Diagnostics diags;
  config::BuildOptions check = options;
  check.write = false;
  bool ok = pipeline::build_site(check, diags, nullptr);
  print_diagnostics(diags);
  if (!ok) {
    std::fprintf(stderr, "qahub: %s\n", plural(diags.error_count(), "error").c_str());
    return kExitSiteErrors;
  }
  std::string counts;
  if (diags.warning_count()) counts += ", " + plural(diags.warning_count(), "warning");
  if (diags.notice_count()) counts += ", " + plural(diags.notice_count(), "notice");
  std::fprintf(stderr, "qahub: no errors%s\n", counts.c_str());
  return kExitOk;
}

}  // namespace qahub::cli
