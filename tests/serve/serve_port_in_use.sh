#!/usr/bin/env bash
# A second server on a busy port fails at once with a message naming the port.
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
source "$(dirname "$0")/lib.sh"
cp -r "$root/tests/sites/basic" "$work/site"
start_serve "$work/site" --as-of 2025-06-01
code=0
timeout 10 "$qahub" serve --site "$work/site" --port "$port" >"$work/second.out" 2>"$work/second.err" || code=$?
[ "$code" = 1 ] || fail "second serve exited $code"
expected="qahub: error: port $port is already in use (try --port $((port + 1)))"
[ "$(cat "$work/second.err")" = "$expected" ] || fail "stderr was: $(cat "$work/second.err")"
[ "$(status "$url/practice/")" = 200 ] || fail "the first server stopped serving"
stop_serve
echo "port in use: ok"
