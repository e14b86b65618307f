#!/usr/bin/env bash
# Re-approves golden output after an intended change: rebuilds every golden
# site (or the ones named) with BUILD_DIR's qahub and replaces SITE.expected/.
# For invalid sites, rewrites expected-errors.txt.  Review `git diff` after.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
qahub="${QAHUB:-$root/build/qahub}"
cd "$root/tests/sites"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for d in */; do d="${d%/}"; case "$d" in *.expected|*.actual) ;; *) names+=("$d") ;; esac; done
fi
for name in "${names[@]}"; do
  work="$(mktemp -d)"
  cp -r "$name" "$work/site"
  as_of="$(cat "$name/as-of" 2>/dev/null || echo 2026-11-23)"
  if [[ "$name" == invalid-* ]]; then
    args=()
    [ -f "$name/args" ] && read -r -a args < "$name/args"
    "$qahub" build --site "$work/site" --out "$work/out" --as-of "$as_of" "${args[@]}" 2>"$work/stderr" || true
    grep -v '^qahub: ' "$work/stderr" > "$name/expected-errors.txt" || true
  else
    "$qahub" build --site "$work/site" --out "$work/out" --as-of "$as_of" --jobs 2
    rm -rf "$name.expected" "$name.actual"
    cp -r "$work/out" "$name.expected"
  fi
  rm -rf "$work"
  echo "approved $name"
done
