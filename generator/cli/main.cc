/// qahub: the command line. Parsing only; each subcommand lives in commands.cc.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>

#ifdef QAHUB_MIMALLOC
#include <mimalloc.h>
#endif

#include "cli/commands.h"
#include "cli/import_command.h"
#include "cli/manual.h"
#include "cli/new_command.h"
#include "cli/publish_command.h"
#include "config/build_date.h"
#include "fs/files.h"
#include "fs/output_dir.h"
#include "search/query.h"
#include "serve/serve.h"

using namespace qahub;

namespace {

/// mimalloc hands emptied pages back to the system 25 ms after they empty,
/// by default. A build frees large amounts on other threads than made them
/// (every page's parse tree, 230 MB at 10,000 pages; search's index text)
/// while rendering allocates: with 25 ms the freed pages were often still
/// held when new ones came, and peak memory of the same 10k build ranged
/// from 382 to 417 MB over ten runs. At 5 ms it is 371 to 383 MB, for 2%
/// more time (10 runs each, interleaved; 10 ms: 378 to 403 MB).
/// MIMALLOC_DECOMMIT_DELAY, when set, wins.
void tune_allocator() {
#ifdef QAHUB_MIMALLOC
  if (!std::getenv("MIMALLOC_DECOMMIT_DELAY")) mi_option_set(mi_option_decommit_delay, 5);
#endif
}

constexpr const char* kAsOfHelp =
    "Date for review notices and statuses, YYYY-MM-DD (default: SOURCE_DATE_EPOCH as a UTC date, else today's local "
    "date)";

/// Adds the options `build` and `check` share. Short flags follow Hugo's
/// (-s site, -d destination, -D drafts, -p port).
void add_site_options(CLI::App* cmd, config::BuildOptions& o, std::string& as_of) {
  cmd->add_option("-s,--site", o.site_dir, "Site directory (default: .)");
  cmd->add_option("--as-of", as_of, kAsOfHelp);
  cmd->add_flag("--strict", o.strict, "Treat warnings as errors");
  cmd->add_flag("-D,--drafts", o.drafts, "Include pages with draft: true");
  cmd->add_flag("--include-sensitive", o.include_sensitive,
                "Build pages and records with a sensitive marking, with a banner (never in search, feeds, the sitemap "
                "or the A to Z)");
  cmd->add_option("--jobs,-j", o.jobs, "Threads to use (default: 1)")->check(CLI::Range(1, 256));
  cmd->add_option("--base-url", o.base_url, "Use this base_url instead of qahub.yaml's, for this run only");
}

constexpr const char* kCacheDirHelp =
    "Keep the build cache (what qahub search reads) here instead of SITE/.qahub (default: SITE/.qahub)";

/// `--diagnostics=github`: GitHub Actions annotations as well as the normal
/// lines. Only ever switched on here, by the workflow asking for it.
void add_diagnostics_option(CLI::App* cmd, std::string& format) {
  cmd->add_option("--diagnostics", format,
                  "Also print diagnostics for a CI system: github (annotations, and a summary in "
                  "$GITHUB_STEP_SUMMARY)")
      ->check(CLI::IsMember({"text", "github"}));
}

}  // namespace

int main(int argc, char** argv) {
  tune_allocator();
  CLI::App app{"qahub: a static site generator for children's services quality assurance"};
  app.set_version_flag("--version", cli::version_text(QAHUB_VERSION));
  app.require_subcommand(1);
  app.footer("Exit codes: 0 success, 1 errors in the site, 2 usage errors.");

  config::BuildOptions options;
  std::string as_of;
  std::string diagnostics_format = "text";

  CLI::App* build = app.add_subcommand("build", "Build the site into --out (all or nothing)");
  add_site_options(build, options, as_of);
  build->add_option("-d,--out", options.out_dir, "Output directory (default: SITE/public)");
  build->add_flag("--relative-urls", options.relative_urls, "Relative links, so the site works over file://");
  build->add_option("--search-corpus", options.search_corpus, "Also write the indexed search corpus as JSON here");
  build->add_flag("--timings", options.timings, "Print how long each pass of the build took");
  build->add_flag("--force", options.force,
                  "Replace --out even if it holds files qahub did not write (never the site or its sources)");
  build->add_option("--cache-dir", options.cache_dir, kCacheDirHelp);
  add_diagnostics_option(build, diagnostics_format);

  CLI::App* check = app.add_subcommand("check", "Run every validation of a build and write nothing");
  add_site_options(check, options, as_of);
  add_diagnostics_option(check, diagnostics_format);

  // --- serve: build, serve on loopback, rebuild on change, live reload ---
  serve::ServeOptions serve_options;
  CLI::App* serve = app.add_subcommand("serve", "Build, serve on 127.0.0.1, rebuild on change and reload the browser");
  serve->alias("server");  // Hugo's name for it
  serve->add_option("-s,--site", options.site_dir, "Site directory (default: .)");
  serve->add_option("--host", serve_options.host, "Address to listen on (default: 127.0.0.1)");
  serve->add_option("-p,--port", serve_options.port, "Port (default: 1313; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--as-of", as_of, kAsOfHelp);
  serve->add_flag("-D,--drafts", options.drafts, "Include pages with draft: true");
  serve->add_flag("--include-sensitive", options.include_sensitive,
                  "Show pages and records with a sensitive marking, with a banner");
  serve->add_option("--jobs,-j", options.jobs, "Threads to use (default: 1)")->check(CLI::Range(1, 256));
  serve->add_option("--base-url", options.base_url, "Use this base_url's path instead of qahub.yaml's");
  serve->add_flag("--poll", serve_options.poll,
                  "Poll for changes every 0.5 s instead of inotify (automatic on WSL's /mnt/c, network and FUSE "
                  "drives)");
  serve->add_flag("--open", serve_options.open_browser, "Open the site in a browser ($BROWSER, else xdg-open)");
  serve->add_option("--cache-dir", options.cache_dir,
                    "Keep the build cache and the served files here instead of SITE/.qahub (default: SITE/.qahub)");

  // --- new: scaffold a page, cycle, audit or meeting ---
  cli::NewCommand new_command;
  CLI::App* scaffold = cli::add_new_command(app, new_command, options, as_of);

  // --- publish: fix a Learning and Improvement report as sent ---
  cli::PublishCommand publish_command;
  CLI::App* publish = cli::add_publish_command(app, publish_command, options, as_of);

  // --- import: an improvement plan's actions from a spreadsheet export ---
  cli::ImportCommand import_command;
  CLI::App* import = cli::add_import_command(app, import_command, options, as_of);

  // --- search: the last build's search index, from the terminal ---
  std::string query;
  bool search_json = false;
  int search_limit = 10;
  CLI::App* search = app.add_subcommand("search", "Search the site's last build from the terminal");
  search->add_option("-s,--site", options.site_dir, "Site directory (default: .)");
  search->add_flag("--json", search_json, "Print results as JSON");
  search->add_option("--cache-dir", options.cache_dir,
                     "Read the build cache here (as given to qahub build --cache-dir)");
  search->add_option("--limit", search_limit, "Most results to print (default: 10; 0: all)")
      ->check(CLI::Range(0, 100000));
  search->add_option("query", query, "Words to search for (all are required; the last may be partial)")->required();

  // --- completion and manual: made from the declarations above (manual.h) ---
  std::string shell;
  CLI::App* completion = app.add_subcommand("completion", "Print a shell completion script: qahub completion bash");
  completion->add_option("shell", shell, "The shell (bash)")->required()->check(CLI::IsMember({"bash"}));
  CLI::App* manual = app.add_subcommand("manual", "Print the manual page (roff)");
  manual->group("");  // hidden: the package installs its output as qahub.1

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // Usage errors look like every other error of ours, not CLI11's prose.
    std::fprintf(stderr, "qahub: error: %s (see qahub --help)\n", cli::usage_message(e.what()).c_str());
    return cli::kExitUsage;
  }

  if (*completion) {
    std::fputs(cli::bash_completion(app).c_str(), stdout);
    return cli::kExitOk;
  }
  if (*manual) {
    std::fputs(cli::man_page(app, QAHUB_VERSION).c_str(), stdout);
    return cli::kExitOk;
  }
  options.github_annotations = diagnostics_format == "github";
  if (!*search) {
    std::string error;
    auto date = config::build_date(as_of, std::getenv("SOURCE_DATE_EPOCH"), std::time(nullptr), error);
    if (!date) {
      std::fprintf(stderr, "qahub: error: %s\n", error.c_str());
      return cli::kExitUsage;
    }
    options.as_of = date->date;
  }

  // `new site` makes a site; it checks its own directory.
  if (*scaffold && cli::is_new_site(new_command)) {
    try {
      return cli::run_new(new_command, options);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "qahub: error: %s\n", e.what());
      return cli::kExitSiteErrors;
    }
  }

  // Every command works on a site: a wrong --site writes nothing anywhere.
  if (auto problem = fs::site_problem(options.site_dir)) {
    std::fprintf(stderr, "qahub: error: %s\n", problem->c_str());
    return cli::kExitUsage;
  }

  if (*search)
    return search::run_search_command(config::cache_dir(options), query, search_json, search_limit, std::cout,
                                      std::cerr);

  // Each module turns its libraries' exceptions into diagnostics; this is the
  // last net, so a missed one is still an error line, not `terminate called`.
  try {
    if (*build) return cli::run_build(options);
    if (*check) return cli::run_check(options);
    if (*serve) {
      if (!options.cache_dir.empty()) {
        // serve writes its pages inside the cache (serve-public/).
        if (auto problem =
                fs::cache_option_problem(options.site_dir, options.cache_dir, nullptr, options.cache_dir.string())) {
          std::fprintf(stderr, "qahub: error: %s\n", problem->c_str());
          return cli::kExitUsage;
        }
      }
      serve_options.build = options;
      return serve::run_serve(serve_options);
    }
    if (*scaffold) return cli::run_new(new_command, options);
    if (*publish) return cli::run_publish(publish_command, options);
    if (*import) return cli::run_import(import_command, options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "qahub: error: %s\n", e.what());
    return cli::kExitSiteErrors;
  }
  return cli::kExitUsage;
}
