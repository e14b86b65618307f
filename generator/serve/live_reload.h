#pragma once
/// Live reload over server-sent events. The rebuild loop publishes, each open
/// browser tab listens on `/__qahub/events` through the script served at
/// `/__qahub/live-reload.js` (the layout emits its <script> tag only when
/// BuildOptions::live_reload is set, i.e. only under `qahub serve`).
///
///   EventHub hub;
///   hub.publish("errors", diags.format_all());  // overlay in every tab
///   hub.publish("reload", "");                 // every tab reloads
///
///   // In the /__qahub/events handler, one subscriber per connection:
///   uint64_t seen = hub.subscribe_from();
///   std::vector<Event> news = hub.wait_for_events(seen, 250ms);
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qahub::serve {

/// URL paths the dev server reserves; no site file can be served from them.
inline constexpr std::string_view kEventsPath = "/__qahub/events";
inline constexpr std::string_view kScriptPath = "/__qahub/live-reload.js";

struct Event {
  uint64_t seq = 0;
  std::string name;  ///< "reload", "errors", "ok"
  std::string data;  ///< diagnostics text for "errors"; may span lines
};

/// Formats one event in the text/event-stream wire format; each line of
/// `data` becomes its own `data:` field so multi-line diagnostics survive.
std::string format_sse(std::string_view name, std::string_view data);

/// A broadcast channel: publishers append, every subscriber sees every event
/// after the point it subscribed. Keeps the last few events only; a subscriber
/// that falls that far behind simply gets the newest ones.
class EventHub {
 public:
  void publish(std::string name, std::string data);

  /// The sequence number to pass to the first wait_for_events call.
  uint64_t subscribe_from() const;

  /// Blocks until events newer than `seen` exist, close() is called, or
  /// `timeout` passes; returns those events (possibly none) and advances `seen`.
  /// The timeout lets SSE handlers notice a stopping server.
  std::vector<Event> wait_for_events(uint64_t& seen, std::chrono::milliseconds timeout);

  /// The latest build errors, if the last build failed: sent to tabs that
  /// connect while the site is broken, so they show the overlay at once.
  std::optional<std::string> current_errors() const;

  /// Wakes every waiter; wait_for_events then returns at once. Called on Ctrl-C.
  void close();
  bool closed() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Event> events_;
  uint64_t next_seq_ = 1;
  std::optional<std::string> errors_;
  bool closed_ = false;
};

/// The browser side: reloads on "reload", shows an accessible error overlay
/// (role="alert", a close button, Escape closes) on "errors", clears it on
/// "ok", and reloads after reconnecting to a restarted server.
std::string_view live_reload_script();

}  // namespace qahub::serve
