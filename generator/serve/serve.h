#pragma once
/// `qahub serve`: build, serve over HTTP, watch, rebuild, reload the browser.
///
///   ServeOptions o;
///   o.build.site_dir = ".";
///   o.build.as_of = base::today_utc();
///   return run_serve(o);  // blocks until Ctrl-C (SIGINT) or SIGTERM
///
/// An edit to page bodies only (pipeline/incremental.h) re-renders just those
/// pages and their print packs into the output and reloads the tabs; the
/// search index follows on a thread of its own. Any other change rebuilds
/// everything. A failed update or rebuild never takes the site down: the last
/// good output stays in place, the errors go to the terminal and to every open
/// tab's overlay, and the next good edit clears them.
#include <string>

#include "config/site_config.h"

namespace qahub::serve {

struct ServeOptions {
  /// site_dir, as_of, drafts, jobs. out_dir empty → SITE/.qahub/serve-public,
  /// so `public/` is never touched; live_reload is forced on.
  config::BuildOptions build;
  std::string host = "127.0.0.1";
  int port = 1313;            ///< 0 picks a free port (the tests use this)
  bool poll = false;          ///< `--poll`: poll for changes instead of inotify
  bool open_browser = false;  ///< `--open`: open the site in a browser once it is served
};

/// `--open`: starts $BROWSER (when set: a command, given the URL) or
/// xdg-open with `url`, without waiting for it. False, with a warning
/// printed, when neither can be started.
bool open_in_browser(const std::string& url);

/// The output directory serve builds into.
std::filesystem::path serve_output_dir(const ServeOptions& options);

/// Runs until SIGINT or SIGTERM. Returns 0 after a clean stop, 1 when the
/// port is in use or the server cannot start. The initial build may fail: the
/// server starts anyway and waits for a fix.
int run_serve(const ServeOptions& options);

}  // namespace qahub::serve
