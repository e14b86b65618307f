#include <catch2/catch.hpp>

#include "mini_site.h"

using namespace qahub::records::testing;

TEST_CASE("records: the mini site is clean", "[records]") { CHECK(diagnostics_for("clean", {}) == ""); }
