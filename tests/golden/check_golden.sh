#!/usr/bin/env bash
# Builds a golden site and diffs its output tree with SITE.expected/.
# On a mismatch the output is left in SITE.actual/ for review; approve.sh copies it over.
set -euo pipefail
qahub="$1"; site="$2"
as_of="$(cat "$site/as-of" 2>/dev/null || echo 2026-11-23)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A copy, so the build cache (.qahub/) never lands in the source tree.
cp -r "$site" "$work/site"
"$qahub" build --site "$work/site" --out "$work/out" --as-of "$as_of" --jobs 2 2>"$work/stderr" || {
  echo "build failed:"; cat "$work/stderr"; exit 1; }
rm -rf "$site.actual"
if ! diff -r "$site.expected" "$work/out" >"$work/diff"; then
  cp -r "$work/out" "$site.actual"
  head -80 "$work/diff"
  echo "golden mismatch for $(basename "$site"): review $site.actual/ and run tests/golden/approve.sh"
  exit 1
fi
echo "golden $(basename "$site"): $(find "$work/out" -type f | wc -l) files identical"
