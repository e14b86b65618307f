#!/usr/bin/env bash
# --help, --version and usage errors exit as documented (0, 0, 2).
set -uo pipefail
qahub="$1"
fail=0
expect() { local want="$1"; shift; "$@" >/tmp/qahub-cli-$$ 2>&1; local got=$?
  if [ "$got" != "$want" ]; then echo "FAIL: '$*' exited $got, expected $want"; cat /tmp/qahub-cli-$$; fail=1; fi; }
expect 0 "$qahub" --help
expect 0 "$qahub" --version
"$qahub" --version | grep -qE '^qahub [0-9]+\.[0-9]+\.[0-9]+$' || { echo "FAIL: --version text"; fail=1; }
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
