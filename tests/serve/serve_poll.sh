#!/usr/bin/env bash
# `qahub serve --poll` (and its alias `server`, with short flags): the notice,
# then a body edit and a front matter edit each show up in the served page
# with a reload event, found by polling rather than inotify; `--open` starts
# $BROWSER with the URL, and warns when it cannot.
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
source "$(dirname "$0")/lib.sh"
cp -r "$root/tests/sites/basic" "$work/site"
page="$work/site/content/guides/second.md"
cat >"$work/browser" <<SCRIPT
#!/bin/sh
echo "\$1" >"$work/opened"
SCRIPT
chmod +x "$work/browser"
BROWSER="$work/browser" "$qahub" server -s "$work/site" -p 0 --as-of "$(cat "$work/site/as-of")" --poll --open \
  >"$work/serve.log" 2>&1 &
serve_pid=$!
wait_for "$work/serve.log" '^qahub: serving ' 20
port="$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/serve.log" | head -1 | sed 's/.*://')"
url="http://127.0.0.1:$port"
grep -qx 'qahub: notice: watching for changes by polling every 0.5 s: asked for with --poll' "$work/serve.log" \
  || fail "no polling notice"
wait_for "$work/opened" "^$url/practice/\$" 5
curl -sN --max-time 20 "$url/practice/__qahub/events" >"$work/events" &
wait_for "$work/events" '^event: hello$' 5

marker="polled-$RANDOM-$RANDOM"
printf '\nA new paragraph: %s.\n' "$marker" >>"$page"
start=$(now_ms)
until contains "$url/practice/guides/second/" "$marker"; do
  [ $(( $(now_ms) - start )) -lt 10000 ] || fail "the body edit never showed up"
  sleep 0.05
done
wait_for "$work/events" '^event: reload$' 5
echo "body edit served $(( $(now_ms) - start )) ms after the save (polling)"

sed -i 's/^title: .*/title: Polled title/' "$page"
start=$(now_ms)
until contains "$url/practice/guides/second/" "Polled title"; do
  [ $(( $(now_ms) - start )) -lt 10000 ] || fail "the title edit never showed up"
  sleep 0.05
done
wait_for "$work/serve.log" '^qahub: rebuilt after content/guides/second.md changed' 5
stop_serve

# No browser to start: a warning with the URL, and the server carries on.
rm -f "$work/serve.log"  # else the first server's log could answer the wait below
BROWSER="$work/no-such-browser" "$qahub" serve -s "$work/site" -p 0 --as-of "$(cat "$work/site/as-of")" --open \
  >"$work/serve.log" 2>&1 &
serve_pid=$!
wait_for "$work/serve.log" '^qahub: serving ' 20
port="$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/serve.log" | head -1 | sed 's/.*://')"
wait_for "$work/serve.log" "^qahub: warning: cannot open a browser \\($work/no-such-browser: No such file or directory\\); open http://127\\.0\\.0\\.1:$port/practice/ yourself\$" 5
[ "$(status "http://127.0.0.1:$port/practice/")" = 200 ] || fail "the server stopped after the browser failed"
grep -q 'polling' "$work/serve.log" && fail "polled without --poll on a local file system"
stop_serve
echo "serve poll: ok"
