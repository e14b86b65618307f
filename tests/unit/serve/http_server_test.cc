#include <catch2/catch.hpp>

#include <httplib.h>

#include <thread>

#include "serve/http_server.h"
#include "temp_dir.h"

using namespace qahub;
using namespace std::chrono_literals;

namespace {

/// A server on a free loopback port, stopped and joined at the end of the scope.
struct RunningServer {
  testing::TempDir dir{"serve-http"};
  serve::EventHub hub;
  serve::HttpServer http{dir.path() / "public", hub};
  int port = 0;
  std::thread thread;
  RunningServer() {
    dir.write("public/index.html", "home");
    dir.write("public/404.html", "<h1>Page not found</h1>");
    dir.write("public/guides/index.html", "guides");
    dir.write("public/site.css", "body{}");
    dir.write("secret.txt", "outside");
    bool in_use = true;
    port = http.bind("127.0.0.1", 0, &in_use).value_or(0);
    REQUIRE(port > 0);
    thread = std::thread([this] { http.listen(); });
  }
  ~RunningServer() {
    http.stop();
    thread.join();
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(5, 0);
    return c;
  }
};

}  // namespace

TEST_CASE("serve: the HTTP server answers with files, redirects, 403 and the site's 404", "[serve]") {
  RunningServer s;
  httplib::Client c = s.client();
  auto r = c.Get("/");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == "home");
  CHECK(r->get_header_value("Content-Type") == "text/html; charset=utf-8");
  r = c.Get("/site.css");
  REQUIRE(r);
  CHECK(r->get_header_value("Content-Type") == "text/css; charset=utf-8");
  r = c.Get("/guides?x=1");
  REQUIRE(r);
  CHECK(r->status == 301);
  CHECK(r->get_header_value("Location") == "/guides/?x=1");
  r = c.Get("/missing/");
  REQUIRE(r);
  CHECK(r->status == 404);
  CHECK(r->body == "<h1>Page not found</h1>");
  r = c.Get("/../secret.txt");
  REQUIRE(r);
  CHECK(r->status == 403);
  CHECK(r->body.find("outside") == std::string::npos);
}

TEST_CASE("serve: pages live under the site's base path", "[serve]") {
  RunningServer s;
  s.http.set_base_path("/hub/");
  httplib::Client c = s.client();
  auto r = c.Get("/");
  REQUIRE(r);
  CHECK(r->status == 302);
  CHECK(r->get_header_value("Location") == "/hub/");
  r = c.Get("/hub/guides/");
  REQUIRE(r);
  CHECK(r->body == "guides");
  r = c.Get("/hub");
  REQUIRE(r);
  CHECK(r->body == "home");
  r = c.Get("/guides/");
  REQUIRE(r);
  CHECK(r->status == 404);
  r = c.Get("/hub/__qahub/live-reload.js");
  REQUIRE(r);
  CHECK(r->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
}

TEST_CASE("serve: events reach a connected client; stop() ends the stream", "[serve]") {
  RunningServer s;
  std::thread publisher([&] {
    std::this_thread::sleep_for(200ms);
    s.hub.publish("errors", "content/a.md:1:1: error: x\n");
    s.hub.publish("reload", "");
  });
  std::string received;
  httplib::Client c = s.client();
  auto r = c.Get("/__qahub/events", [&](const char* data, size_t n) {
    received.append(data, n);
    return received.find("event: reload\n") == std::string::npos;  // stop reading once reloaded
  });
  publisher.join();
  CHECK(received.find("event: hello\ndata: " + s.http.instance_id() + "\n\n") != std::string::npos);
  CHECK(received.find("event: errors\ndata: content/a.md:1:1: error: x\n\n") != std::string::npos);
  CHECK(received.find("event: reload\n") != std::string::npos);
}

TEST_CASE("serve: a busy port is reported as in use", "[serve]") {
  RunningServer s;
  serve::EventHub hub;
  serve::HttpServer second(s.dir.path(), hub);
  bool in_use = false;
  CHECK_FALSE(second.bind("127.0.0.1", s.port, &in_use));
  CHECK(in_use);
}

TEST_CASE("serve: Host headers other than loopback names are refused (DNS rebinding)", "[serve]") {
  CHECK(serve::is_loopback_host_header(""));
  CHECK(serve::is_loopback_host_header("localhost"));
  CHECK(serve::is_loopback_host_header("LOCALHOST:1313"));
  CHECK(serve::is_loopback_host_header("127.0.0.1:1313"));
  CHECK(serve::is_loopback_host_header("[::1]:1313"));
  CHECK(serve::is_loopback_host_header("[::1]"));
  CHECK_FALSE(serve::is_loopback_host_header("evil.example:1313"));
  CHECK_FALSE(serve::is_loopback_host_header("localhost.evil.example"));
  CHECK_FALSE(serve::is_loopback_host_header("127.0.0.2"));
  CHECK_FALSE(serve::is_loopback_host_header("[::1"));

  RunningServer s;
  httplib::Client c = s.client();
  auto r = c.Get("/", {{"Host", "evil.example:1313"}});
  REQUIRE(r);
  CHECK(r->status == 403);
  CHECK(r->body == "qahub serve answers only to localhost, 127.0.0.1 and [::1].\n");
  r = c.Get("/", {{"Host", "localhost"}});
  REQUIRE(r);
  CHECK(r->status == 200);
}
