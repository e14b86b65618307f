#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "markdown/document.h"
#include "markdown/gfm_extensions.h"

using namespace qahub;

TEST_CASE("gfm extensions: the special-character table is filled once, so parses need no lock", "[markdown]") {
  markdown::ensure_registered();
  // The library calls the function qahub defines (gfm_extensions.h); with a
  // library linked so that it does not, this is where it shows.
  CHECK(markdown::inline_pass_lock() == nullptr);
}

TEST_CASE("gfm extensions: pages parsed on many threads at once all keep strikethrough and autolinks", "[markdown]") {
  std::atomic<int> lost{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 300; ++i) {
        const std::string html =
            markdown::Document::parse("Some ~~struck~~ text and www.example.org.\n", 0, {}).render_html();
        if (html.find("<del>struck</del>") == std::string::npos ||
            html.find("<a href=\"http://www.example.org\">") == std::string::npos)
          ++lost;
      }
    });
  for (std::thread& t : threads) t.join();
  CHECK(lost == 0);
}
