#!/usr/bin/env bash
# `qahub new survey` (issue 35): a new run and a repeat build at once; a
# repeat copies the earlier run's questions, so its page compares them; an
# unknown --repeats is refused with a "did you mean". Also the sensitive
# comment of the surveys golden site: left out without --include-sensitive,
# shown with its marking with it, and in no search file either way.
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cp -r "$root/tests/sites/surveys" "$work/site"
"$qahub" new survey "Supervision survey" --site "$work/site" --as-of 2027-06-01 >"$work/out" 2>&1 || { cat "$work/out"; fail "new survey"; }
grep -qx 'qahub: created data/surveys/supervision-survey-2027.json' "$work/out" || { cat "$work/out"; fail "new survey path"; }
"$qahub" new survey "Staff wellbeing survey" --repeats wellbeing-2026 --site "$work/site" --as-of 2027-06-01 >"$work/out" 2>&1 \
  || { cat "$work/out"; fail "new survey --repeats"; }
grep -qx 'qahub: created data/surveys/staff-wellbeing-survey-2027.json' "$work/out" || { cat "$work/out"; fail "repeat path"; }
grep -q '"repeats": "wellbeing-2026"' "$work/site/data/surveys/staff-wellbeing-survey-2027.json" || fail "no repeats"
grep -q '"id": "learning"' "$work/site/data/surveys/staff-wellbeing-survey-2027.json" || fail "questions not copied"
"$qahub" build --site "$work/site" --out "$work/built" --as-of 2027-06-01 >/dev/null 2>"$work/err" \
  || { cat "$work/err"; fail "new surveys do not build"; }
grep -qF 'Asked the same question in 2026, but one of the two runs had fewer than 5 answering it, so the two are not compared.' \
  "$work/built/surveys/staff-wellbeing-survey-2027/index.html" || fail "no comparison sentence"
code=0
"$qahub" new survey "X" --repeats welbeing-2026 --site "$work/site" >"$work/out" 2>&1 || code=$?
[ "$code" = 1 ] || fail "unknown --repeats exited $code"
grep -qxF 'qahub: error: unknown survey "welbeing-2026"; did you mean "wellbeing-2026"? (surveys are the files in data/surveys/)' \
  "$work/out" || { cat "$work/out"; fail "unknown --repeats text"; }

# A sensitive comment: out of the build, or shown with its marking, never searchable.
phrase="only the service leadership team may read"
"$qahub" build --site "$root/tests/sites/surveys" --out "$work/public" --as-of 2026-11-23 >/dev/null 2>&1 || fail "build"
if grep -rqF "$phrase" "$work/public"; then fail "sensitive comment published"; fi
"$qahub" build --site "$root/tests/sites/surveys" --out "$work/all" --as-of 2026-11-23 --include-sensitive >/dev/null 2>&1 \
  || fail "build --include-sensitive"
grep -qF "<p><strong>OFFICIAL-SENSITIVE</strong></p><p>A comment $phrase.</p>" "$work/all/surveys/wellbeing-2026/index.html" \
  || fail "sensitive comment not shown with its marking"
if grep -rqF "$phrase" "$work/all/search"; then fail "sensitive comment in search"; fi
echo "new survey: a run and a repeat build at once, unknown --repeats refused; sensitive comments withheld"
