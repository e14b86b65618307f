#include "cli/commands.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <regex>
#include <string>

#include <cmark-gfm.h>
#include <xapian.h>

#include "base/text.h"
#include "diag/github.h"
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

/// The site's folder as a path from the working directory (the repository
/// root in a workflow), "" for the current folder, else ending in '/'.
std::string repository_prefix(const std::filesystem::path& site) {
  std::error_code ec;
  std::filesystem::path rel =
      std::filesystem::absolute(site, ec).lexically_normal().lexically_proximate(std::filesystem::current_path(ec));
  std::string s = rel.generic_string();
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s.empty() || s == "." ? std::string() : s + '/';
}

/// --diagnostics=github: annotations on standard output (where the runner
/// reads workflow commands), and the summary appended to the file the runner
/// names in GITHUB_STEP_SUMMARY, if it names one.
void report_to_github(const config::BuildOptions& options, const diag::Diagnostics& diags, const char* command,
                      const std::string& result) {
  if (!options.github_annotations) return;
  std::fputs(diag::github_annotations(diags, repository_prefix(options.site_dir)).c_str(), stdout);
  std::fflush(stdout);
  const char* summary_file = std::getenv("GITHUB_STEP_SUMMARY");
  if (!summary_file || !*summary_file) return;
  std::string line = result;
  while (!line.empty() && line.back() == '\n') line.pop_back();
  if (std::FILE* f = std::fopen(summary_file, "a")) {
    const std::string text = diag::github_summary(diags, command, line);
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
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

int run_build(const config::BuildOptions& given) {
  // The --out rule, before anything is read or written (fs/output_dir.h).
  config::BuildOptions options = given;
  const std::filesystem::path out = pipeline::output_dir(options);
  if (auto problem = fs::out_dir_problem(options.site_dir, out, out.string(), options.force, false)) {
    std::fprintf(stderr, "qahub: error: %s\n", problem->message.c_str());
    return problem->exit_code == 2 ? kExitUsage : kExitSiteErrors;
  }
  // Whether --out holds files qahub did not write: a walk of the old output,
  // beside the passes that only read, answered before anything is written.
  std::future<std::string> foreign;
  if (!options.force)
    foreign = std::async(std::launch::async, [out] { return fs::foreign_files_problem(out, out.string()); });
  std::string foreign_problem;
  options.before_writing = [&] {
    if (foreign.valid()) foreign_problem = foreign.get();
    return foreign_problem;
  };
  if (!options.cache_dir.empty())
    if (auto problem =
            fs::cache_option_problem(options.site_dir, options.cache_dir, &out, options.cache_dir.string())) {
      std::fprintf(stderr, "qahub: error: %s\n", problem->c_str());
      return kExitUsage;
    }
  std::fprintf(stderr, "qahub: building %s as of %s\n", options.site_dir.c_str(), options.as_of.iso().c_str());
  const auto start = std::chrono::steady_clock::now();
  diag::Diagnostics diags;
  pipeline::BuildStats stats;
  bool ok = pipeline::build_site(options, diags, &stats);
  // A build that stopped before asking still says so (its errors come first).
  if (foreign.valid())
    if (std::string why = foreign.get(); !why.empty()) {
      diags.error({}, why);
      ok = false;
    }
  print_diagnostics(diags);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::string result;
  if (!ok && stats.output_replaced) {
    result = "qahub: built into " + pipeline::output_dir(options).string() + ", then failed with " +
             plural(diags.error_count(), "error") + "\n";
  } else if (!ok) {
    result = "qahub: build failed with " + plural(diags.error_count(), "error") + "; " +
             pipeline::output_dir(options).string() + " left unchanged\n";
  } else {
    if (options.timings) {
      std::string line = "qahub: timings:";
      for (const auto& [pass, pass_ms] : stats.timings)
        line += " " + pass + " " + std::to_string(std::lround(pass_ms)) + " ms,";
      line.back() = '\n';
      std::fputs(line.c_str(), stderr);
    }
    result =
        summary_line(stats, pipeline::output_dir(options).string(), ms, diags.warning_count(), diags.notice_count());
  }
  std::fputs(result.c_str(), stderr);
  report_to_github(options, diags, "qahub build", result);
  return ok ? kExitOk : kExitSiteErrors;
}

int run_check(const config::BuildOptions& options) {
  std::fprintf(stderr, "qahub: checking %s as of %s\n", options.site_dir.c_str(), options.as_of.iso().c_str());
  diag::Diagnostics diags;
  config::BuildOptions check = options;
  check.write = false;
  bool ok = pipeline::build_site(check, diags, nullptr);
  print_diagnostics(diags);
  std::string result;
  if (!ok) {
    result = "qahub: " + plural(diags.error_count(), "error") + "\n";
  } else {
    std::string counts;
    if (diags.warning_count()) counts += ", " + plural(diags.warning_count(), "warning");
    if (diags.notice_count()) counts += ", " + plural(diags.notice_count(), "notice");
    result = "qahub: no errors" + counts + "\n";
  }
  std::fputs(result.c_str(), stderr);
  report_to_github(options, diags, "qahub check", result);
  return ok ? kExitOk : kExitSiteErrors;
}

}  // namespace qahub::cli
