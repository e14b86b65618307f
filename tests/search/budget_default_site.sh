#!/usr/bin/env bash
# The search page's byte budget (issue 22) on the repository's site, plain and
# --relative-urls: what the page fetches before its first results (index.json,
# meta.json, the chunks of the first 20 results, gzip -6) stays within
# index.json + 100 KB for every query of bench/search_budget.js.
set -euo pipefail
qahub="$1"; root="$2"; node="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/content" "$root/data" "$root/qahub.yaml" "$work/"
"$qahub" build --site "$work" --out "$work/out" --as-of 2026-11-23 2>/dev/null
"$qahub" build --site "$work" --out "$work/out-file" --as-of 2026-11-23 --relative-urls 2>/dev/null
"$node" "$root/bench/search_budget.js" --check "$work/out" "$work/out-file"
