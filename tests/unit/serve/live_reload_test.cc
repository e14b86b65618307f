#include <catch2/catch.hpp>

#include <thread>

#include "serve/live_reload.h"

using namespace qahub::serve;
using namespace std::chrono_literals;

TEST_CASE("serve: server-sent events put each line of data in its own field", "[serve]") {
  CHECK(format_sse("reload", "") == "event: reload\ndata: \n\n");
  CHECK(format_sse("errors", "content/a.md:3:1: error: x\ncontent/b.md:1:1: error: y\n") ==
        "event: errors\ndata: content/a.md:3:1: error: x\ndata: content/b.md:1:1: error: y\n\n");
  CHECK(format_sse("errors", "a\n\nb") == "event: errors\ndata: a\ndata: \ndata: b\n\n");
}

TEST_CASE("serve: the event hub delivers events published after subscribing", "[serve]") {
  EventHub hub;
  hub.publish("reload", "");  // before: not seen
  uint64_t seen = hub.subscribe_from();
  CHECK(hub.wait_for_events(seen, 1ms).empty());
  std::thread publisher([&] {
    std::this_thread::sleep_for(20ms);
    hub.publish("errors", "content/a.md:1:1: error: x\n");
  });
  std::vector<Event> got = hub.wait_for_events(seen, 5s);
  publisher.join();
  REQUIRE(got.size() == 1);
  CHECK(got[0].name == "errors");
  CHECK(hub.current_errors() == std::optional<std::string>("content/a.md:1:1: error: x\n"));
  hub.publish("ok", "");
  hub.publish("reload", "");
  got = hub.wait_for_events(seen, 1ms);
  REQUIRE(got.size() == 2);
  CHECK(got[0].name == "ok");
  CHECK(got[1].name == "reload");
  CHECK_FALSE(hub.current_errors());
}

TEST_CASE("serve: closing the hub wakes waiters at once", "[serve]") {
  EventHub hub;
  uint64_t seen = hub.subscribe_from();
  std::thread closer([&] {
    std::this_thread::sleep_for(20ms);
    hub.close();
  });
  const auto start = std::chrono::steady_clock::now();
  CHECK(hub.wait_for_events(seen, 10s).empty());
  closer.join();
  CHECK(std::chrono::steady_clock::now() - start < 5s);
  CHECK(hub.closed());
}

TEST_CASE("serve: the live-reload script handles every event and its overlay is accessible", "[serve]") {
  std::string_view js = live_reload_script();
  CHECK(js.find("\"/__qahub/events\"") != std::string_view::npos);
  for (const char* e : {"\"reload\"", "\"errors\"", "\"ok\"", "\"hello\""}) CHECK(js.find(e) != std::string_view::npos);
  CHECK(js.find("\"role\", \"alert\"") != std::string_view::npos);
  CHECK(js.find("close.type = \"button\"") != std::string_view::npos);
  CHECK(js.find("Escape") != std::string_view::npos);
}
