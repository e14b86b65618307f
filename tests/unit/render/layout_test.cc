#include <catch2/catch.hpp>

#include "render/layout.h"

using qahub::render::head_title;

TEST_CASE("layout: the browser title fits in 70 characters", "[render][layout]") {
  CHECK(head_title("Values", "Practice hub") == "Values – Practice hub");
  CHECK(head_title("Values", "") == "Values");
  // Too long with the site title: the page title alone.
  const std::string meeting = "Family Finding and Restorative Practice Forum, 19 November 2026";
  CHECK(head_title(meeting, "Practice hub") == meeting);
  // Too long alone: cut at a word, no trailing punctuation, and "…".
  const std::string action =
      "a-005: Agree a protocol with the commissioned service for offering return home interviews within three days";
  CHECK(head_title(action, "Practice hub") == "a-005: Agree a protocol with the commissioned service for offering…");
  CHECK(head_title(std::string(100, 'x'), "Hub") == std::string(69, 'x') + "…");
  // Counted as html-validate counts (the escaped text, UTF-16 code units), never cut inside a character.
  CHECK(head_title(std::string(55, 'a') + " child's", "Hub", 70) == std::string(55, 'a') + " child's");  // 68
  CHECK(head_title(std::string(55, 'a') + " children's", "Hub", 70) == std::string(55, 'a') + "…");      // 71
  const std::string accents = std::string(60, 'a') + " é😀é😀é😀é😀é😀";
  const std::string cut = head_title(accents, "Hub", 70);
  CHECK(cut == std::string(60, 'a') + "…");
  CHECK(head_title("é😀 x", "Hub", 8) == "é😀 x");  // 5 units; 11 with " – Hub"
  std::string e69;
  for (int i = 0; i < 69; ++i) e69 += "é";
  CHECK(head_title(e69 + "éééééééééééé", "Hub") == e69 + "…");
}
