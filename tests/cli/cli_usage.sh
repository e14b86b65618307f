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
rm -f /tmp/qahub-cli-$$
[ $fail = 0 ] && echo "cli usage: ok"
exit $fail
