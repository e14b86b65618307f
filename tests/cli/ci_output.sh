#!/usr/bin/env bash
# What CI sees (issue 32):
#  - a site that cannot be written (read-only: run as `nobody` when the test
#    runs as root, else with its write bits removed) builds with --out
#    elsewhere, with exactly one warning, the cache's;
#  - --cache-dir moves the cache, `qahub search --cache-dir` reads it, and a
#    --cache-dir inside the sources is refused (exit 2);
#  - --diagnostics=github prints one workflow command per diagnostic line,
#    error, warning and notice, exactly, with the site's folder as prefix, and
#    writes the step summary; without the flag, no command is printed, even
#    with GITHUB_ACTIONS set.
# usage: ci_output.sh QAHUB SOURCE_DIR
set -uo pipefail
qahub="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
fail=0
bad() { echo "FAIL: $*"; fail=1; }
work="$(mktemp -d)"
chmod 755 "$work"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
SOURCE_DATE_EPOCH=1796515200 "$qahub" new site hub >/dev/null 2>&1 || { echo "FAIL: new site"; exit 1; }
chmod -R a+rX hub

# --- a read-only site, --out elsewhere: one warning ---
mkdir out && chmod 777 out
if [ "$(id -u)" = 0 ]; then
  as_reader() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
  chmod -R a-w hub
  as_reader() { "$@"; }
fi
as_reader "$qahub" build --site hub --out out/public --as-of 2026-12-06 >ro.out 2>&1 \
  || { bad "a read-only site did not build"; cat ro.out; }
grep -c ': warning: ' ro.out | grep -qx 1 || { bad "not exactly one warning"; cat ro.out; }
grep -qx '.qahub: warning: cannot write the search cache: Permission denied; qahub search will not see this build (--cache-dir DIR keeps it elsewhere)' ro.out \
  || { bad "the cache warning"; cat ro.out; }
[ -f out/public/index.html ] || bad "no site was written"
[ -e hub/.qahub ] && bad "hub/.qahub was written"
chmod -R u+w hub

# --- --cache-dir ---
"$qahub" build --site hub --as-of 2026-12-06 --cache-dir "$work/cache" >cd.out 2>&1 || { bad "build --cache-dir"; cat cd.out; }
[ -f cache/search/index.json ] || bad "no cache in --cache-dir"
[ -e hub/.qahub ] && bad "hub/.qahub was written with --cache-dir"
"$qahub" search --site hub --cache-dir "$work/cache" audit --limit 1 | grep -q . || bad "search --cache-dir found nothing"
"$qahub" search --site hub audit >nocache.out 2>&1 && bad "search without the cache succeeded"
grep -q "^qahub: error: no search index in hub/.qahub/search; run qahub build first$" nocache.out || { bad "search without cache"; cat nocache.out; }
"$qahub" build --site hub --cache-dir hub/data/cache >bad.out 2>&1; rc=$?
[ "$rc" = 2 ] || bad "--cache-dir inside data/ exited $rc"
grep -qx 'qahub: error: --cache-dir "hub/data/cache" is inside the site'"'"'s data/ folder, which holds its sources' bad.out \
  || { bad "--cache-dir inside data/"; cat bad.out; }
[ -e hub/data/cache ] && bad "hub/data/cache was created"

# --- --diagnostics=github ---
# An error (a link to no page), a warning (a placeholder) and a notice (an overdue action).
printf -- '---\ntitle: Broken\n---\n\nSee [the missing page](missing.md).\n' >hub/content/broken.md
printf -- '---\ntitle: Later\n---\n\nTODO: write this page.\n' >hub/content/later.md
"$qahub" new action "Check the audit tool" --site hub --due 2026-01-05 --as-of 2025-12-01 >/dev/null 2>&1 || bad "new action"
export GITHUB_STEP_SUMMARY="$work/summary.md"
: >"$GITHUB_STEP_SUMMARY"
"$qahub" build --site hub --as-of 2026-12-06 --diagnostics=github --cache-dir "$work/cache" >gh.stdout 2>gh.stderr; rc=$?
[ "$rc" = 1 ] || bad "a build with an error exited $rc"
# Each normal line has its workflow command, in the same order.
grep -E '^[^ ]+: (error|warning|notice): ' gh.stderr >normal.txt
sed -E 's/^([^:]+):([0-9]+):([0-9]+): (error|warning|notice): /::\4 file=hub\/\1,line=\2,col=\3::/; t;
        s/^([^:]+):([0-9]+): (error|warning|notice): /::\3 file=hub\/\1,line=\2::/; t;
        s/^([^:]+): (error|warning|notice): /::\2 file=hub\/\1::/' normal.txt >expected.txt
diff expected.txt gh.stdout >/dev/null || { bad "annotations differ from the normal lines"; diff expected.txt gh.stdout | head; }
for severity in error warning notice; do grep -q "^::$severity file=hub/" gh.stdout || bad "no ::$severity line"; done
cat >expected-exact.txt <<'EXACT'
::error file=hub/content/broken.md,line=5,col=5::broken link "missing.md": content/missing.md does not exist
::warning file=hub/content/later.md,line=5,col=1::placeholder "TODO:" left in the text; replace it with the finished text
::warning file=hub/data/actions/a-001.json,line=9,col=13::placeholder "TODO:" left in the text; replace it with the finished text
::notice file=hub/data/actions/a-001.json,line=10,col=10::action "a-001" is overdue: due 2026-01-05 and not complete
EXACT
diff expected-exact.txt gh.stdout || bad "the annotations' exact text"
grep -q '^### qahub build$' summary.md || bad "no summary heading"
grep -q '^qahub: build failed with 1 error; ' summary.md || { bad "the summary's result line"; cat summary.md; }
# Never switched on by the environment.
GITHUB_ACTIONS=true "$qahub" build --site hub --as-of 2026-12-06 --cache-dir "$work/cache" >env.stdout 2>/dev/null
[ -s env.stdout ] && { bad "annotations printed without --diagnostics=github"; head -3 env.stdout; }
"$qahub" check --site hub --as-of 2026-12-06 --diagnostics=github >check.stdout 2>/dev/null
grep -q '^::error file=hub/content/broken.md' check.stdout || bad "check --diagnostics=github printed no annotation"
"$qahub" build --site hub --diagnostics=json >/dev/null 2>usage.err; rc=$?
[ "$rc" = 2 ] || bad "--diagnostics=json exited $rc"

[ "$fail" = 0 ] && echo "ok"
exit "$fail"
