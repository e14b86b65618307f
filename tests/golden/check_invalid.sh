#!/usr/bin/env bash
# Builds an invalid site and compares the diagnostics (every line but the
# "qahub:" progress lines) with expected-errors.txt, and the exit code with
# expected-exit (default 1). Also checks the failed build wrote nothing.
set -euo pipefail
qahub="$1"; site="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$site" "$work/site"
as_of="$(cat "$site/as-of" 2>/dev/null || echo 2026-11-23)"
args=()
[ -f "$site/args" ] && read -r -a args < "$site/args"
set +e
"$qahub" build --site "$work/site" --out "$work/out" --as-of "$as_of" "${args[@]}" 2>"$work/stderr"
code=$?
set -e
expected_exit="$(cat "$site/expected-exit" 2>/dev/null || echo 1)"
grep -v '^qahub: ' "$work/stderr" > "$work/diagnostics" || true
status=0
if ! diff -u "$site/expected-errors.txt" "$work/diagnostics"; then
  echo "diagnostics differ for $(basename "$site")"; status=1
fi
if [ "$code" != "$expected_exit" ]; then echo "exit code $code, expected $expected_exit"; status=1; fi
if [ "$code" != 0 ] && [ -e "$work/out" ]; then echo "a failed build wrote $work/out"; status=1; fi
exit $status
