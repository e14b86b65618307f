#!/usr/bin/env bash
# `qahub serve` holds (issue 39): a path starting "//" never redirects to
# another host, and 100 open live-reload tabs do not keep a page from being
# answered within a second (past 16, a tab is told to stop listening).
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
source "$(dirname "$0")/lib.sh"
mkdir -p "$work/site/content/practice"
printf -- '---\ntitle: Home\n---\nHome.\n' > "$work/site/content/_index.md"
printf -- '---\ntitle: Practice\n---\nPractice.\n' > "$work/site/content/practice/_index.md"
start_serve "$work/site" --as-of 2026-11-23

# A scheme-relative Location ("//practice/") would send the browser to the
# host "practice"; the leading slashes collapse to one.
for path in //practice ///practice '/\practice'; do
  loc="$(header "$url$path" Location)"
  [ "$loc" = "/practice/" ] || fail "$path redirects to '$loc'"
done

# 100 idle live-reload connections, then a page.
for i in $(seq 1 100); do
  curl -s -N --max-time 20 "$url/__qahub/events" >"$work/events.$i" 2>/dev/null &
done
sleep 2
start=$(now_ms)
[ "$(status "$url/practice/")" = 200 ] || fail "page not answered with 100 tabs open"
took=$(( $(now_ms) - start ))
[ "$took" -lt 1000 ] || fail "page took $took ms with 100 tabs open"
wait_for "$work/serve.log" '^qahub: serve: more than 16 tabs are open with live reload; the ones past that reload by hand$' 5
[ "$(grep -c 'more than 16 tabs' "$work/serve.log")" = 1 ] || fail "the limit is told more than once"
echo "serve_hardening: ok ($took ms)"
