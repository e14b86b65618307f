#include <catch2/catch.hpp>

#include "search/compounds.h"

using namespace qahub::search;

TEST_CASE("search: compounds: hyphenated words get their joined form, once each", "[search]") {
  CHECK(joined_compounds("Anti-social behaviour and co-production, again co-production, and re-audit.") ==
        "Antisocial coproduction, reaudit.");
  CHECK(joined_compounds("a re-audit of 2026-27-cycle-1") == "reaudit 202627cycle1");
  // Split at JS whitespace, non-breaking space included; en dashes do not count.
  CHECK(joined_compounds("well-being\xC2\xA0x-ray a\xE2\x80\x93"
                         "b") == "wellbeing xray");
}

TEST_CASE("search: compounds: a hyphen needs two parts that survive the trimmer", "[search]") {
  CHECK(joined_compounds("- x- -y -- (-) ---a") == "");
  CHECK(joined_compounds("no hyphen here") == "");
  CHECK(joined_compounds("C++-style") == "C++style");
}

TEST_CASE("search: compounds: added to existing words without repeats", "[search]") {
  std::string words = "a-032 a032";
  add_joined_compounds("see a-032 and b-1", words);
  CHECK(words == "a-032 a032 b1");
}
