#!/usr/bin/env bash
# --help, --version and usage errors exit as documented (0, 0, 2).
set -uo pipefail
qahub="$1"
fail=0
expect() { local want="$1"; shift; "$@" >/tmp/qahub-cli-$$ 2>&1; local got=$?
  if [ "$got" != "$want" ]; then echo "FAIL: '$*' exited $got, expected $want"; cat /tmp/qahub-cli-$$; fail=1; fi; }
expect 0 "$qahub" --help
expect 0 "$qahub" --version
version="$("$qahub" --version)"
[[ "$(head -1 <<<"$version")" =~ ^qahub\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "FAIL: --version first line: $version"; fail=1; }
grep -qE '^cmark-gfm [0-9]+\.[0-9]+\.[0-9]+' <<<"$version" || { echo "FAIL: --version has no cmark-gfm: $version"; fail=1; }
grep -qE '^Xapian [0-9]+\.[0-9]+\.[0-9]+$' <<<"$version" || { echo "FAIL: --version has no Xapian: $version"; fail=1; }
grep -qx 'lunr.js 2.3.9 (embedded in the default theme)' <<<"$version" || { echo "FAIL: --version has no lunr: $version"; fail=1; }
# SOURCE_DATE_EPOCH dates a build (as a UTC date) unless --as-of is given; a malformed one is a usage error.
msg="$(SOURCE_DATE_EPOCH=1796212800 "$qahub" check -s "$2" 2>&1 | head -1)"
[ "$msg" = "qahub: checking $2 as of 2026-12-02" ] || { echo "FAIL: SOURCE_DATE_EPOCH: $msg"; fail=1; }
msg="$(SOURCE_DATE_EPOCH=1796212800 "$qahub" check -s "$2" --as-of 2026-01-05 2>&1 | head -1)"
[ "$msg" = "qahub: checking $2 as of 2026-01-05" ] || { echo "FAIL: --as-of over SOURCE_DATE_EPOCH: $msg"; fail=1; }
msg="$(SOURCE_DATE_EPOCH=soon "$qahub" check -s "$2" 2>&1)"; code=$?
[ "$code" = 2 ] && [ "$msg" = 'qahub: error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not "soon"' ] \
  || { echo "FAIL: bad SOURCE_DATE_EPOCH ($code): $msg"; fail=1; }
# Short flags (-s site, -d out, -D drafts) and --base-url for one build.
out="$(mktemp -d)"
expect 0 "$qahub" build -s "$2/tests/sites/basic" -d "$out/site" -D --as-of 2026-11-23 --base-url https://other.example/hub/
grep -q 'href="/hub/' "$out/site/index.html" || { echo "FAIL: --base-url did not change the links"; fail=1; }
grep -q '<loc>https://other.example/hub/' "$out/site/sitemap.xml" || { echo "FAIL: --base-url did not change the sitemap"; fail=1; }
rm -rf "$out"
expect 2 "$qahub"
expect 2 "$qahub" build --no-such-flag
expect 2 "$qahub" build --jobs 0
expect 2 "$qahub" build --as-of 2026-02-30
msg="$("$qahub" build --as-of yesterday 2>&1)"
[ "$msg" = 'qahub: error: --as-of must be a date YYYY-MM-DD, not "yesterday"' ] || { echo "FAIL: --as-of message: $msg"; fail=1; }
expect 2 "$qahub" frobnicate
# Usage errors read like every other error, on one line.
msg="$("$qahub" build --site "$2" --no-such-flag 2>&1)"
[ "$msg" = 'qahub: error: the following argument was not expected: --no-such-flag (see qahub --help)' ] \
  || { echo "FAIL: unknown option message: $msg"; fail=1; }
msg="$("$qahub" search --site "$2" "" 2>&1)"; code=$?
[ "$code" = 1 ] && [ "$msg" = 'qahub: error: empty search query' ] || { echo "FAIL: empty search ($code): $msg"; fail=1; }
# A wrong --site is a usage error for every command, and writes nothing.
empty="$(mktemp -d)"
for cmd in build check serve "search supervision" "new page guides/a A" "new cycle" "new audit Theme" \
           "new meeting practice-board"; do
  for site in "$empty" "$empty/missing"; do
    # shellcheck disable=SC2086
    msg="$("$qahub" $cmd --site "$site" 2>&1)"; code=$?
    if [ "$site" = "$empty" ]; then want="qahub: error: no site at \"$site\": it has none of content/, data/ and qahub.yaml"
    else want="qahub: error: no site at \"$site\": the directory does not exist"; fi
    [ "$code" = 2 ] || { echo "FAIL: '$cmd --site $site' exited $code, expected 2"; fail=1; }
    [ "$msg" = "$want" ] || { echo "FAIL: '$cmd --site $site' said: $msg"; fail=1; }
  done
done
[ -z "$(ls -A "$empty")" ] || { echo "FAIL: a wrong --site wrote: $(ls -A "$empty")"; fail=1; }
rm -rf "$empty"
rm -f /tmp/qahub-cli-$$
[ $fail = 0 ] && echo "cli usage: ok"
exit $fail
