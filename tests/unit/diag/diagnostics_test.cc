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

TEST_CASE("diagnostics: strict turns warnings into errors, saying so; notices never", "[diag]") {
  Diagnostics d;
  d.warning({"a.md", 1, 1}, "w");
  d.notice({"a.md", 2, 1}, "n");
  CHECK_FALSE(d.has_errors());
  CHECK(d.format_all() == "a.md:1:1: warning: w\na.md:2:1: notice: n\n");
  CHECK(d.notice_count() == 1);
  d.set_strict(true);
  CHECK(d.has_errors());
  CHECK_FALSE(d.has_true_errors());
  CHECK(d.error_count() == 1);
  CHECK(d.notice_count() == 1);
  CHECK(d.format_all() == "a.md:1:1: error: (warning, --strict) w\na.md:2:1: notice: n\n");
}

TEST_CASE("diagnostics: notices alone, even under strict, are no errors", "[diag]") {
  Diagnostics d;
  d.set_strict(true);
  d.notice({"data/actions/a-001.json", 7, 10}, "action \"a-001\" is overdue: due 2026-01-31 and not complete");
  CHECK_FALSE(d.has_errors());
  CHECK(d.error_count() == 0);
  CHECK(d.warning_count() == 0);
}

TEST_CASE("diagnostics: did_you_mean", "[diag]") {
  CHECK(did_you_mean("practise-board", {"practice-board", "audit-group"}) == "; did you mean \"practice-board\"?");
  CHECK(did_you_mean("zzz", {"practice-board"}).empty());
}
