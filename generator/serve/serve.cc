#include "serve/serve.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <vector>

#include "base/text.h"
#include "pipeline/incremental.h"
#include "pipeline/pipeline.h"
#include "serve/background_search.h"
#include "serve/http_server.h"
#include "serve/live_reload.h"
#include "serve/watcher.h"

namespace qahub::serve {
namespace {

using base::plural;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

/// "content/a.md", "content/a.md and content/b.md", "content/a.md and 3 other files".
std::string describe_changes(const std::set<std::string>& paths) {
  if (paths.empty()) return "nothing";
  std::string first = *paths.begin();
  if (paths.size() == 1) return first;
  if (paths.size() == 2) return first + " and " + *std::next(paths.begin());
  return first + " and " + plural(paths.size() - 1, "other file");
}

/// The overlay's text: errors only (with --strict, warnings are errors too);
/// the terminal gets the warnings as well.
std::string error_text(const diag::Diagnostics& diags, bool strict) {
  std::string out;
  for (const diag::Diagnostic& d : diags.sorted())
    if ((strict && d.severity == diag::Severity::kWarning) || d.severity == diag::Severity::kError)
      out += diags.format(d) + "\n";
  return out;
}

std::string site_base_path(const config::BuildOptions& options) {
  diag::Diagnostics ignored;  // the build reports config errors itself
  return config::load_site_config(options, ignored).base_path();
}

/// One build into the serve output; prints its diagnostics.
struct BuildOutcome {
  bool ok = false;
  diag::Diagnostics diags;
  pipeline::BuildStats stats;
  double ms = 0;
};

/// A full build. On success `state` is what the next edit updates
/// incrementally; on failure it is cleared, so edits rebuild fully until the
/// site builds again (a body edit must not hide another file's error).
std::unique_ptr<BuildOutcome> build_once(const config::BuildOptions& options, pipeline::BuildState& state) {
  auto outcome = std::make_unique<BuildOutcome>();
  const auto start = Clock::now();
  // Requests keep being served from the previous output meanwhile; the
  // HTTP side rides out the directory swap at the end (resolve_and_read).
  pipeline::BuildState next;
  outcome->ok = pipeline::build_site(options, outcome->diags, &outcome->stats, &next);
  state = std::move(next);
  outcome->ms = ms_since(start);
  std::fputs(outcome->diags.format_all().c_str(), stderr);
  return outcome;
}

/// Errors of edits the fast path refused, by source, until each is fixed:
/// a later good edit of another page must not clear their overlay.
using OpenErrors = std::map<std::string, std::string>;

std::string open_error_text(const OpenErrors& open) {
  std::string text;
  for (const auto& [_, errors] : open) text += errors;
  return text;
}

/// Edits refused earlier may go through now that another one landed (a page
/// that links to a heading renamed in the same sitting): try each again, as
/// it is on disk. What still fails keeps its (fresh) errors. Returns false
/// when a retry gave up after changing the state (it was cleared): the
/// caller rebuilds fully.
bool retry_open_edits(pipeline::BuildState& state, OpenErrors& open) {
  std::vector<std::string> paths;
  for (const auto& [path, _] : open) paths.push_back(path);
  for (const std::string& path : paths) {
    diag::Diagnostics diags;
    pipeline::UpdateResult r = pipeline::update_pages(state, {path}, diags);
    if (!state.site) return false;
    if (r.kind == pipeline::Update::kNeedsFullBuild) continue;
    std::fputs(diags.format_all().c_str(), stderr);
    if (r.kind == pipeline::Update::kApplied) {
      open.erase(path);
      std::fprintf(stderr, "qahub: updated %s after %s went through too\n", plural(r.written.size(), "file").c_str(),
                   path.c_str());
    } else {
      open[path] = error_text(diags, state.options.strict);
    }
  }
  return true;
}

/// The fast path (pipeline/incremental.h). Returns false when the edit needs a full build.
bool try_incremental(pipeline::BuildState& state, const ChangeBatch& batch, const std::string& what, OpenErrors& open,
                     EventHub& hub, BackgroundSearch& search) {
  const auto start = Clock::now();
  diag::Diagnostics diags;
  pipeline::UpdateResult r = pipeline::update_pages(state, batch.paths, diags);
  if (r.kind == pipeline::Update::kNeedsFullBuild) return false;
  std::fputs(diags.format_all().c_str(), stderr);
  if (r.kind == pipeline::Update::kFailed) {
    for (const std::string& path : batch.paths) open[path] = error_text(diags, state.options.strict);
    hub.publish("errors", open_error_text(open));
    std::fprintf(stderr,
                 "qahub: update after %s changed failed with %s in %.0f ms; still serving the last good build\n",
                 what.c_str(), plural(diags.error_count(), "error").c_str(), ms_since(start));
    return true;
  }
  for (const std::string& path : batch.paths) open.erase(path);
  if (!retry_open_edits(state, open)) return false;
  if (open.empty())
    hub.publish("ok", "");
  else
    hub.publish("errors", open_error_text(open));
  hub.publish("reload", "");
  std::fprintf(stderr,
               "qahub: updated %s after %s changed in %.0f ms (incremental); reload sent %.0f ms after the change\n",
               plural(r.written.size(), "file").c_str(), what.c_str(), ms_since(start), ms_since(batch.first_change));
  search.request(pipeline::search_pages(*state.site));
  return true;
}

/// Runs until the watcher stops: per batch of changes, the fast path when the
/// edit is to page bodies only, else a full rebuild.
void rebuild_loop(const config::BuildOptions& options, pipeline::BuildState& state, Watcher& watcher, HttpServer& http,
                  EventHub& hub) {
  BackgroundSearch search(options);
  OpenErrors open;
  while (std::optional<ChangeBatch> batch = watcher.wait_for_changes()) {
    const std::string what = describe_changes(batch->paths);
    if (try_incremental(state, *batch, what, open, hub, search)) continue;
    search.cancel();
    std::unique_ptr<BuildOutcome> b = build_once(options, state);
    open.clear();
    if (!b->ok) {
      hub.publish("errors", error_text(b->diags, options.strict));
      std::fprintf(stderr,
                   "qahub: rebuild after %s changed failed with %s in %.0f ms; still serving the last good build\n",
                   what.c_str(), plural(b->diags.error_count(), "error").c_str(), b->ms);
      continue;
    }
    http.set_base_path(site_base_path(options));
    hub.publish("ok", "");
    hub.publish("reload", "");
    const double latency = ms_since(batch->first_change);
    std::fprintf(stderr,
                 "qahub: rebuilt after %s changed in %.0f ms (full rebuild, %zu pages); reload sent %.0f ms after "
                 "the change\n",
                 what.c_str(), b->ms, b->stats.content_pages + b->stats.record_pages, latency);
  }
}

}  // namespace

bool open_in_browser(const std::string& url) {
  const char* browser = std::getenv("BROWSER");
  const std::string command = browser && *browser ? browser : "xdg-open";
  std::vector<char*> argv = {const_cast<char*>(command.c_str()), const_cast<char*>(url.c_str()), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // The browser's chatter must not mix with the build's messages.
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  const int err = posix_spawnp(&pid, command.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (err != 0) {
    std::fprintf(stderr, "qahub: warning: cannot open a browser (%s: %s); open %s yourself\n", command.c_str(),
                 std::strerror(err), url.c_str());
    return false;
  }
  std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();  // xdg-open may wait for the browser
  return true;
}

std::filesystem::path serve_output_dir(const ServeOptions& options) {
  return options.build.out_dir.empty() ? config::cache_dir(options.build) / "serve-public" : options.build.out_dir;
}

int run_serve(const ServeOptions& options) {
  config::BuildOptions build_options = options.build;
  build_options.out_dir = serve_output_dir(options);
  build_options.live_reload = true;
  build_options.write = true;

  // Signals are taken synchronously by this thread (sigwait below); every
  // thread started from here inherits the mask and never sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a tab closing mid-write must not kill the server

  EventHub hub;
  HttpServer http(build_options.out_dir, hub);
  bool in_use = false;
  std::optional<int> port = http.bind(options.host, options.port, &in_use);
  if (!port) {
    if (in_use)
      std::fprintf(stderr, "qahub: error: port %d is already in use (try --port %d)\n", options.port, options.port + 1);
    else
      std::fprintf(stderr, "qahub: error: cannot listen on %s port %d\n", options.host.c_str(), options.port);
    return 1;
  }

  if (options.host != "127.0.0.1" && options.host != "localhost" && options.host != "::1")
    std::fprintf(stderr, "qahub: warning: listening on %s: other machines on the network can see this preview\n",
                 options.host.c_str());

  // Watch before the first build, so an edit made while it runs is not lost.
  std::unique_ptr<Watcher> watcher;
  try {
    watcher = std::make_unique<Watcher>(build_options.site_dir, std::chrono::milliseconds(20), options.poll);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "qahub: error: cannot watch %s: %s\n", build_options.site_dir.c_str(), e.what());
    return 1;
  }

  std::fprintf(stderr, "qahub: building %s as of %s\n", build_options.site_dir.c_str(),
               build_options.as_of.iso().c_str());
  pipeline::BuildState state;
  std::unique_ptr<BuildOutcome> first = build_once(build_options, state);
  if (first->ok) {
    std::fprintf(stderr, "qahub: built %zu content pages and %zu record pages in %.0f ms\n", first->stats.content_pages,
                 first->stats.record_pages, first->ms);
  } else {
    hub.publish("errors", error_text(first->diags, build_options.strict));
    std::fprintf(stderr, "qahub: build failed with %s; serving the previous output, if any, until a fix\n",
                 plural(first->diags.error_count(), "error").c_str());
  }
  const std::string base = site_base_path(build_options);
  http.set_base_path(base);

  std::atomic<bool> server_failed = false;
  std::thread server_thread([&] {
    if (!http.listen()) server_failed = true;
  });
  std::thread rebuild_thread([&] { rebuild_loop(build_options, state, *watcher, http, hub); });
  std::fprintf(stderr, "qahub: serving %s at http://%s:%d%s (Ctrl-C to stop)\n", build_options.out_dir.c_str(),
               options.host.c_str(), *port, base.c_str());
  if (options.open_browser) {
    const std::string host = options.host == "0.0.0.0" || options.host == "::" ? "127.0.0.1" : options.host;
    open_in_browser("http://" + host + ":" + std::to_string(*port) + base);
  }

  // Wait for Ctrl-C or SIGTERM; wake up now and then in case the listener died.
  const timespec tick{0, 200 * 1000 * 1000};
  int sig = -1;
  while (sig < 0 && !server_failed) sig = sigtimedwait(&stop_signals, nullptr, &tick);
  if (sig > 0)
    std::fprintf(stderr, "\nqahub: stopping\n");
  else
    std::fprintf(stderr, "qahub: error: the server stopped unexpectedly\n");

  watcher->stop();
  rebuild_thread.join();
  http.stop();
  server_thread.join();
  return server_failed ? 1 : 0;
}

}  // namespace qahub::serve
