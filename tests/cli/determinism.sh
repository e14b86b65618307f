#!/usr/bin/env bash
# The same inputs and --as-of give byte-identical output, with --jobs 1 and 2,
# built twice. Uses the embedded default site (repository root).
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/content" "$root/qahub.yaml" "$work/"
[ -d "$root/data" ] && cp -r "$root/data" "$work/"
"$qahub" build --site "$work" --out "$work/a" --as-of 2026-11-23 --jobs 1 2>/dev/null
"$qahub" build --site "$work" --out "$work/b" --as-of 2026-11-23 --jobs 2 2>/dev/null
"$qahub" build --site "$work" --out "$work/c" --as-of 2026-11-23 --jobs 2 2>/dev/null
diff -r "$work/a" "$work/b"
diff -r "$work/b" "$work/c"
echo "determinism: $(find "$work/a" -type f | wc -l) files identical across --jobs 1, 2 and a rebuild"
