# Helpers for the `qahub serve` shell tests: start a server on a free loopback
# port (--port 0), wait for log lines, fetch with curl, stop with SIGINT.
# Every wait is bounded so a hang fails the test instead of the CI job.
# Callers set: qahub (the binary) and work (a temp dir removed on exit).

serve_pid=""
cleanup() {
  if [ -n "$serve_pid" ] && kill -0 "$serve_pid" 2>/dev/null; then kill -KILL "$serve_pid" 2>/dev/null || true; fi
  jobs -p | xargs -r kill 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*"
  [ -f "$work/serve.log" ] && { echo "--- serve log"; cat "$work/serve.log"; }
  exit 1
}

now_ms() { date +%s%3N; }

# wait_for FILE PATTERN SECONDS: until grep -E finds PATTERN in FILE.
wait_for() {
  local file="$1" pattern="$2" deadline=$(( $(now_ms) + $3 * 1000 ))
  until grep -qE -- "$pattern" "$file" 2>/dev/null; do
    [ "$(now_ms)" -lt "$deadline" ] || fail "no \"$pattern\" in $(basename "$file") after $3 s"
    if [ -n "$serve_pid" ] && ! kill -0 "$serve_pid" 2>/dev/null; then fail "qahub serve exited early"; fi
    sleep 0.05
  done
}

# wait_for_count FILE PATTERN N SECONDS: until PATTERN matches N lines of FILE.
wait_for_count() {
  local file="$1" pattern="$2" n="$3" deadline=$(( $(now_ms) + $4 * 1000 ))
  until [ "$(grep -cE -- "$pattern" "$file" 2>/dev/null || true)" -ge "$n" ]; do
    [ "$(now_ms)" -lt "$deadline" ] || fail "fewer than $n \"$pattern\" in $(basename "$file") after $4 s"
    sleep 0.05
  done
}

# start_serve SITE [ARGS...]: sets serve_pid, port and url (http://127.0.0.1:PORT).
start_serve() {
  local site="$1"; shift
  "$qahub" serve --site "$site" --port 0 "$@" >"$work/serve.log" 2>&1 &
  serve_pid=$!
  wait_for "$work/serve.log" '^qahub: serving ' 20
  port="$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/serve.log" | head -1 | sed 's/.*://')"
  url="http://127.0.0.1:$port"
}

# stop_serve: SIGINT, then expect exit 0 within 5 s.
stop_serve() {
  kill -INT "$serve_pid"
  local deadline=$(( $(now_ms) + 5000 ))
  while kill -0 "$serve_pid" 2>/dev/null; do
    [ "$(now_ms)" -lt "$deadline" ] || fail "qahub serve did not stop within 5 s of SIGINT"
    sleep 0.05
  done
  local code=0
  wait "$serve_pid" || code=$?
  serve_pid=""
  [ "$code" = 0 ] || fail "qahub serve exited $code after SIGINT"
  grep -q '^qahub: stopping$' "$work/serve.log" || fail "no stopping message"
}

# status URL [CURL ARGS...]: the HTTP status code.
status() { curl -s --max-time 5 -o /dev/null -w '%{http_code}' "$@"; }
# contains URL TEXT: whether the body holds TEXT (no pipe into grep -q, which
# would make curl fail with SIGPIPE under pipefail).
contains() { local body; body="$(curl -s --max-time 5 "$1")" || return 1; [[ "$body" == *"$2"* ]]; }
# header URL NAME: one response header's value.
header() { curl -s --max-time 5 -o /dev/null -D - "$1" | tr -d '\r' | grep -i "^$2:" | head -1 | sed 's/^[^:]*: //'; }
