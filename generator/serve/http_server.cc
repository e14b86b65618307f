#include "serve/http_server.h"

#include <cstdio>

#include <arpa/inet.h>
#include <httplib.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <random>
#include <sstream>
#include <thread>

#include "fs/files.h"
#include "serve/mime.h"
#include "serve/static_files.h"

namespace qahub::serve {
namespace {

/// Each open tab holds one SSE connection and its worker thread, so the pool
/// must be larger than cpp-httplib's default of eight.
constexpr size_t kWorkerThreads = 48;
/// Each open tab holds one event stream, and a stream holds its worker
/// thread for as long as the tab is open: past this many, a tab is told to
/// stop listening (204), so pages are always answered by the other workers.
constexpr int kMaxEventStreams = 16;
/// A client that sends its request or reads the answer this slowly is cut
/// off, so slow clients cannot hold every worker.
constexpr time_t kClientTimeoutSeconds = 2;
/// How often an idle SSE connection writes a comment, which is how a closed
/// tab is noticed (a write fails) and its thread freed.
constexpr auto kKeepAlive = std::chrono::seconds(5);
/// The swap takes microseconds; 20 × 5 ms covers a busy disk.
constexpr int kSwapRetries = 20;
constexpr auto kSwapRetryDelay = std::chrono::milliseconds(5);

/// True when `host:port` cannot be bound because something already listens
/// there. cpp-httplib does not pass errno through, so probe with a socket of
/// our own, with the same SO_REUSEADDR the server uses.
bool probe_port_in_use(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* result = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &result) != 0) return false;
  bool in_use = false;
  for (addrinfo* a = result; a; a = a->ai_next) {
    int fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
    if (fd < 0) continue;
    int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 && errno == EADDRINUSE) in_use = true;
    close(fd);
  }
  freeaddrinfo(result);
  return in_use;
}

std::string random_instance_id() {
  std::random_device rd;
  std::ostringstream s;
  s << std::hex << rd() << rd();
  return s.str();
}

}  // namespace

bool is_loopback_host_header(std::string_view host) {
  if (host.empty()) return true;
  std::string_view name = host;
  if (name.front() == '[') {  // "[::1]:1313"
    const size_t close = name.find(']');
    if (close == std::string_view::npos) return false;
    name = name.substr(1, close - 1);
  } else if (const size_t colon = name.rfind(':'); colon != std::string_view::npos) {
    name = name.substr(0, colon);
  }
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "localhost" || lower == "127.0.0.1" || lower == "::1";
}

HttpServer::HttpServer(std::filesystem::path root, EventHub& hub)
    : root_(std::move(root)),
      hub_(hub),
      server_(std::make_unique<httplib::Server>()),
      instance_id_(random_instance_id()) {
  server_->new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
  // SO_REUSEADDR only: cpp-httplib's default adds SO_REUSEPORT, which would let
  // a second `qahub serve` share the port silently instead of failing clearly.
  server_->set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server_->set_keep_alive_timeout(2);
  server_->set_read_timeout(kClientTimeoutSeconds, 0);
  server_->set_write_timeout(kClientTimeoutSeconds, 0);
  server_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!loopback_only_ || is_loopback_host_header(req.get_header_value("Host")))
      return httplib::Server::HandlerResponse::Unhandled;
    res.status = 403;
    res.set_content("qahub serve answers only to localhost, 127.0.0.1 and [::1].\n", "text/plain; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  });
  // The layout's script tag is rewritten under the base path like every
  // root-relative URL ("/hub/__qahub/live-reload.js"), so match any prefix.
  server_->Get("(/.*)?" + std::string(kEventsPath),
               [this](const httplib::Request& req, httplib::Response& res) { serve_events(req, res); });
  server_->Get("(/.*)?" + std::string(kScriptPath), [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::string(live_reload_script()), "text/javascript; charset=utf-8");
  });
  server_->Get(".*", [this](const httplib::Request& req, httplib::Response& res) { serve_file(req, res); });
}

HttpServer::~HttpServer() = default;

void HttpServer::set_base_path(std::string base_path) {
  std::lock_guard<std::mutex> lock(base_mutex_);
  base_path_ = std::move(base_path);
}

std::string HttpServer::base_path() const {
  std::lock_guard<std::mutex> lock(base_mutex_);
  return base_path_;
}

std::optional<int> HttpServer::bind(const std::string& host, int port, bool* port_in_use) {
  if (port_in_use) *port_in_use = false;
  // Bound to the network on purpose (--host): other machines' names are fine.
  loopback_only_ = host == "127.0.0.1" || host == "localhost" || host == "::1";
  if (port == 0) {
    int bound = server_->bind_to_any_port(host);
    if (bound > 0) return bound;
    return std::nullopt;
  }
  if (server_->bind_to_port(host, port)) return port;
  if (port_in_use) *port_in_use = probe_port_in_use(host, port);
  return std::nullopt;
}

bool HttpServer::listen() {
  listening_ = true;
  bool ok = stop_requested_ || server_->listen_after_bind();
  listening_ = false;
  return ok;
}

void HttpServer::stop() {
  hub_.close();
  // cpp-httplib's stop() does nothing until listen_after_bind() is running,
  // and a later listen would then block forever: a Ctrl-C right after start
  // must still stop. Either listen() sees stop_requested_, or we wait here
  // until it is running (or has returned) and stop it.
  stop_requested_ = true;
  while (listening_ && !server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  server_->stop();
}

Resolution HttpServer::resolve_and_read(const std::string& path, std::optional<std::string>& body) {
  // A rebuild swaps the output directory with two renames (fs/staged_output):
  // for a moment the root is missing, or a file resolved in the old tree is
  // deleted before it is read. Retry briefly rather than lock out requests for
  // the whole build.
  Resolution r;
  for (int attempt = 0; attempt < kSwapRetries; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(kSwapRetryDelay);
    r = resolve_request(root_, path);
    if (r.kind == Resolution::kFile) {
      body = fs::read_file(r.file);
      if (body) return r;
      r.kind = Resolution::kNotFound;
      continue;
    }
    std::error_code ec;
    if (r.kind != Resolution::kNotFound || std::filesystem::is_directory(root_, ec)) return r;
  }
  return r;
}

void HttpServer::serve_not_found(httplib::Response& res) {
  std::optional<std::string> page;
  resolve_and_read("/404.html", page);
  res.status = 404;
  if (page) {
    res.set_content(std::move(*page), "text/html; charset=utf-8");
    return;
  }
  // No good build yet: a page that still carries the live-reload script, so
  // the tab shows the build errors and reloads once they are fixed.
  res.set_content(
      "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Not found</title>\n"
      "<script src=\"" +
          std::string(kScriptPath) +
          "\" defer></script></head>\n"
          "<body><main><h1>Not found</h1><p>qahub serve has no page here yet. If the site did not build, "
          "the terminal lists the errors.</p></main></body>\n</html>\n",
      "text/html; charset=utf-8");
}

void HttpServer::serve_file(const httplib::Request& req, httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  // Pages link to base_path/...; the output directory holds them at its root.
  const std::string base = base_path();
  std::string path = req.path;
  if (base != "/") {
    if (path == "/") {
      res.set_redirect(base, 302);
      return;
    }
    if (path + "/" == base)
      path = "/";
    else if (path.starts_with(base))
      path = path.substr(base.size() - 1);
    else
      return serve_not_found(res);
  }

  std::optional<std::string> body;
  Resolution r = resolve_and_read(path, body);
  switch (r.kind) {
    case Resolution::kFile:
      res.set_content(std::move(*body), std::string(mime_type_for(r.file)));
      return;
    case Resolution::kRedirect: {
      // Keep the client's own encoding and query: insert the slash into the raw target.
      std::string target = req.target.empty() ? req.path : req.target;
      size_t q = target.find('?');
      target.insert(q == std::string::npos ? target.size() : q, "/");
      // "//host/x/" (or "/\host/x/", which browsers read alike) in a Location
      // is another host: leading slashes collapse to one.
      size_t lead = 0;
      while (lead < target.size() && (target[lead] == '/' || target[lead] == '\\')) ++lead;
      if (lead > 1) target.replace(0, lead, "/");
      res.set_redirect(target, 301);
      return;
    }
    case Resolution::kForbidden:
      res.status = 403;
      res.set_content("403 forbidden\n", "text/plain; charset=utf-8");
      return;
    case Resolution::kNotFound:
      return serve_not_found(res);
  }
}

void HttpServer::serve_events(const httplib::Request&, httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  if (event_streams_.fetch_add(1) >= kMaxEventStreams) {
    event_streams_.fetch_sub(1);
    // 204 makes EventSource give up instead of reconnecting every second.
    res.status = 204;
    if (!told_too_many_.exchange(true))
      std::fprintf(stderr,
                   "qahub: serve: more than %d tabs are open with live reload; the ones past that reload by hand\n",
                   kMaxEventStreams);
    return;
  }
  res.set_header("X-Accel-Buffering", "no");
  uint64_t seen = hub_.subscribe_from();
  // The provider runs on this connection's worker thread until the tab goes
  // away (a write fails) or the server stops (hub closed).
  bool greeted = false;
  auto last_write = std::chrono::steady_clock::now();
  res.set_chunked_content_provider(
      "text/event-stream",
      [this, seen, greeted, last_write](size_t, httplib::DataSink& sink) mutable {
        if (!greeted) {
          greeted = true;
          std::string hello = "retry: 1000\n\n" + format_sse("hello", instance_id_);
          // A tab that connects while the site is broken shows the overlay at once.
          if (auto errors = hub_.current_errors()) hello += format_sse("errors", *errors);
          return sink.write(hello.data(), hello.size());
        }
        if (hub_.closed()) {
          sink.done();
          return true;
        }
        std::vector<Event> events = hub_.wait_for_events(seen, std::chrono::milliseconds(250));
        std::string out;
        for (const Event& e : events) out += format_sse(e.name, e.data);
        const auto now = std::chrono::steady_clock::now();
        if (out.empty() && now - last_write >= kKeepAlive) out = ": keep-alive\n\n";
        if (out.empty()) return true;  // cpp-httplib calls again; it checks for shutdown in between
        last_write = now;
        return sink.write(out.data(), out.size());
      },
      [this](bool) { event_streams_.fetch_sub(1); });
}

}  // namespace qahub::serve
