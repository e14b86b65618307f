#pragma once
/// The dev server's HTTP side: the output directory as static files (see
/// static_files.h for what is refused), the site's 404.html, and the two
/// live-reload endpoints. Binds to loopback unless told otherwise.
///
///   EventHub hub;
///   HttpServer http(out_dir, hub);
///   if (auto port = http.bind("127.0.0.1", 1313)) std::thread t([&] { http.listen(); });
///   ...
///   http.stop();  // listen() returns; t.join()
#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "serve/live_reload.h"
#include "serve/static_files.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace qahub::serve {

/// Whether a request's Host header names this machine's loopback interface
/// ("localhost", "127.0.0.1", "[::1]", with or without a port; an absent
/// header counts as loopback). A server bound to loopback refuses any other
/// Host with 403, so a web page cannot reach it by pointing its own domain at
/// 127.0.0.1 (DNS rebinding) and read the site's drafts.
bool is_loopback_host_header(std::string_view host);

class HttpServer {
 public:
  HttpServer(std::filesystem::path root, EventHub& hub);
  ~HttpServer();

  /// The site's base path ("/" or e.g. "/hub/"): pages link to /hub/..., the
  /// output directory holds them at its root. "/" redirects to the base path.
  void set_base_path(std::string base_path);

  /// Binds; port 0 picks a free port. Returns the port, or nullopt with
  /// `*port_in_use` set when the failure was EADDRINUSE.
  std::optional<int> bind(const std::string& host, int port, bool* port_in_use);
  /// Serves until stop(). Call bind() first.
  bool listen();
  /// Thread-safe; also wakes the SSE connections so listen() can return.
  void stop();

  /// A random id per process, sent as the first event so tabs reload after serve restarts.
  const std::string& instance_id() const { return instance_id_; }

 private:
  void serve_file(const httplib::Request& req, httplib::Response& res);
  void serve_events(const httplib::Request& req, httplib::Response& res);
  void serve_not_found(httplib::Response& res);
  /// Resolves and reads one file, riding out a rebuild's directory swap.
  Resolution resolve_and_read(const std::string& path, std::optional<std::string>& body);
  std::string base_path() const;

  std::filesystem::path root_;
  EventHub& hub_;
  std::unique_ptr<httplib::Server> server_;
  mutable std::mutex base_mutex_;
  std::string base_path_ = "/";
  std::string instance_id_;
  std::atomic<bool> loopback_only_ = false;  ///< bound to loopback: check Host
  std::atomic<bool> listening_ = false;
  std::atomic<bool> stop_requested_ = false;
  std::atomic<int> event_streams_ = 0;       ///< live-reload tabs listening now
  std::atomic<bool> told_too_many_ = false;  ///< the terminal was told of the limit
};

}  // namespace qahub::serve
