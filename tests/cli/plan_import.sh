#!/usr/bin/env bash
# Issue 33: `qahub import plan FILE.csv` round-trips (the rows come back out of
# the plan's plan.csv), refuses to import a ref twice, reports each bad cell
# at its row and column; `qahub new recommendations` and `new plan` build at
# once; the plan golden site and the default site are byte-identical with
# --jobs 1 and --jobs 4.
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp -r "$root/tests/sites/plan" "$work/site"

# Import two rows (columns in another order, "owner role", a quoted cell with a comma).
printf '%s\r\n' 'action,ref,outcome,owner role,due,addresses' \
  '"Train managers in supervision, with a follow-up audit",2.1.3,2.1,Head of Workforce Development,2026-10-30,ofsted-2026/o4 improvement-2026/ct1' \
  'Publish the threshold document in community languages,1.1.5,1.1,Safeguarding Partnership Business Manager,2026-08-28,' \
  > "$work/rows.csv"
"$qahub" import plan "$work/rows.csv" --site "$work/site" --as-of 2026-05-01 >"$work/out" 2>"$work/err" \
  || { cat "$work/err"; fail "import"; }
grep -qx 'qahub: created data/actions/a-008.json' "$work/out" || { cat "$work/out"; fail "a-008 not created"; }
grep -qx 'qahub: created data/actions/a-009.json' "$work/out" || fail "a-009 not created"
grep -qx 'qahub: imported 2 actions; now run qahub check' "$work/err" || { cat "$work/err"; fail "summary"; }
"$qahub" build --site "$work/site" --out "$work/public" --as-of 2026-05-01 2>"$work/build.err" \
  || { cat "$work/build.err"; fail "build after import"; }
csv="$work/public/plans/improvement-2026/plan.csv"
grep -qF 'improvement-2026,2,2.1,2.1.3,a-008,"Train managers in supervision, with a follow-up audit",Head of Workforce Development,,,2026-10-30,,0,,ofsted-2026/o4 improvement-2026/ct1,open,not started,/actions/a-008/' "$csv" \
  || { cat "$csv"; fail "a-008 not in plan.csv as imported"; }
grep -qF 'improvement-2026,1,1.1,1.1.5,a-009,Publish the threshold document in community languages,Safeguarding Partnership Business Manager,,,2026-08-28,,0,,,open,not started,/actions/a-009/' "$csv" \
  || { cat "$csv"; fail "a-009 not in plan.csv as imported"; }
grep -qF '<a href="/actions/a-008/">' "$work/public/recommendations/ofsted-2026/index.html" || fail "o4 does not list a-008"

# A second import of the same rows is refused, and writes nothing.
if "$qahub" import plan "$work/rows.csv" --site "$work/site" --as-of 2026-05-01 >"$work/out" 2>"$work/err"; then
  fail "a second import succeeded"
fi
expected="$work/rows.csv:2:57: error: plan \"improvement-2026\" already has an action 2.1.3 (data/actions/a-008.json); import never overwrites
$work/rows.csv:3:55: error: plan \"improvement-2026\" already has an action 1.1.5 (data/actions/a-009.json); import never overwrites
qahub: nothing imported"
[ "$(cat "$work/err")" = "$expected" ] || { diff <(echo "$expected") "$work/err"; fail "refusal text"; }
[ ! -e "$work/site/data/actions/a-010.json" ] || fail "a refused import wrote a file"

# Every bad cell at its row and column; nothing written.
printf '%s\n' 'ref,action,outcome,owner,due,addresses' \
  '3.1.1,Do a thing,1.4,Head of Service,31/08/2026,ofsted-2026 o1' \
  '3.1.1,,2.1,,2026-09-30,ofsted-2026/o1' > "$work/bad.csv"
if "$qahub" import plan "$work/bad.csv" --site "$work/site" --as-of 2026-05-01 >"$work/out" 2>"$work/err"; then
  fail "a bad import succeeded"
fi
expected="$work/bad.csv:2:18: error: plan \"improvement-2026\" has no outcome \"1.4\"; did you mean \"1.1\"?
$work/bad.csv:2:38: error: due must be a date YYYY-MM-DD, not \"31/08/2026\"
$work/bad.csv:2:49: error: \"o1\" is not record-id/item-id (such as ofsted-2026/o3)
$work/bad.csv:2:49: error: \"ofsted-2026\" is not record-id/item-id (such as ofsted-2026/o3)
$work/bad.csv:3:1: error: ref 3.1.1 is in the file twice
$work/bad.csv:3:7: error: the action is empty
$work/bad.csv:3:12: error: the owner role is empty
qahub: nothing imported"
[ "$(cat "$work/err")" = "$expected" ] || { diff <(echo "$expected") "$work/err"; fail "bad cell texts"; }
printf 'ref,action,outcome,owner,due,adresses\n' > "$work/header.csv"
if "$qahub" import plan "$work/header.csv" --site "$work/site" >"$work/out" 2>"$work/err"; then fail "bad header"; fi
expected="$work/header.csv:1:1: error: no column \"addresses\"
$work/header.csv:1:30: error: unknown column \"adresses\"; did you mean \"addresses\"?
qahub: nothing imported"
[ "$(cat "$work/err")" = "$expected" ] || { diff <(echo "$expected") "$work/err"; fail "header texts"; }
if "$qahub" import plan "$work/rows.csv" --site "$work/site" --plan improvment-2026 >"$work/out" 2>"$work/err"; then fail "--plan"; fi
[ "$(head -1 "$work/err")" = 'qahub: error: unknown plan "improvment-2026"; did you mean "improvement-2026"? (plans are the files in data/plans/)' ] \
  || { cat "$work/err"; fail "unknown --plan"; }

# qahub new recommendations / plan: files that build at once.
"$qahub" new recommendations inspection "Inspection, March 2027" --site "$work/site" --as-of 2027-03-15 >"$work/out" 2>&1 \
  || { cat "$work/out"; fail "new recommendations"; }
grep -qx 'qahub: created data/recommendations/inspection-march-2027-2027.json' "$work/out" || { cat "$work/out"; fail "new set path"; }
"$qahub" new recommendations peer-review "Peer review" --site "$work/site" --as-of 2027-03-15 >/dev/null 2>&1 || fail "new review"
"$qahub" new plan "Improvement plan 2027" --site "$work/site" --as-of 2027-03-15 >"$work/out" 2>&1 || { cat "$work/out"; fail "new plan"; }
grep -qx 'qahub: created data/plans/improvement-plan-2027.json' "$work/out" || { cat "$work/out"; fail "new plan path"; }
"$qahub" check --site "$work/site" --as-of 2027-03-15 >/dev/null 2>"$work/err" || { cat "$work/err"; fail "new files do not build"; }
if "$qahub" new recommendations inspectoin "X" --site "$work/site" >"$work/out" 2>&1; then fail "unknown kind"; fi
grep -qF 'error: unknown kind of recommendations "inspectoin"; did you mean "inspection"?' "$work/out" || { cat "$work/out"; fail "kind text"; }

# Byte-identical across --jobs 1 and --jobs 4: the plan golden site and the default site.
for s in "$root/tests/sites/plan" "$root"; do
  rm -rf "$work/copy" && mkdir "$work/copy"
  cp -r "$s/content" "$s/data" "$s/qahub.yaml" "$work/copy/"
  "$qahub" build --site "$work/copy" --out "$work/j1" --as-of 2026-11-23 --jobs 1 2>/dev/null
  "$qahub" build --site "$work/copy" --out "$work/j4" --as-of 2026-11-23 --jobs 4 2>/dev/null
  diff -r "$work/j1" "$work/j4" >/dev/null || fail "--jobs 1 and 4 differ for $s"
  [ -s "$work/j4/plans/index.html" ] && [ -s "$work/j4/recommendations/recommendations.csv" ] || fail "no plan pages for $s"
  rm -rf "$work/j1" "$work/j4"
done
echo "plan import: round trip, refusals, bad cells, new recommendations/plan, --jobs 1 = --jobs 4"
