#include <catch2/catch.hpp>

#include "diag/diagnostics.h"

using namespace qahub::diag;

TEST_CASE("diagnostics: formats path:line:col and sorts by position", "[diag]") {
  Diagnostics d;
  d.warning({"content/b.md", 2, 1}, "second file");
  d.error({"content/a.md", 10, 3}, "later line");
  d.error({"content/a.md", 2, 5}, "earlier line");
  d.error({"qahub.yaml"}, "no position");
  CHECK(d.format_all() ==
        "content/a.md:2:5: error: earlier line\n"
        "content/a.md:10:3: error: later line\n"
        "content/b.md:2:1: warning: second file\n"
        "qahub.yaml: error: no position\n");
  CHECK(d.error_count() == 3);
  CHECK(d.warning_count() == 1);
}

TEST_CASE("diagnostics: strict turns warnings into errors", "[diag]") {
  Diagnostics d;
  d.warning({"a.md", 1, 1}, "w");
  CHECK_FALSE(d.has_errors());
  d.set_strict(true);
  CHECK(d.has_errors());
  CHECK(d.format_all() == "a.md:1:1: error: w\n");
}

TEST_CASE("diagnostics: did_you_mean", "[diag]") {
  CHECK(did_you_mean("practise-board", {"practice-board", "audit-group"}) == "; did you mean \"practice-board\"?");
  CHECK(did_you_mean("zzz", {"practice-board"}).empty());
}
