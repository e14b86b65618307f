#!/usr/bin/env bash
# Oracle on the embedded default site: qahub writes the corpus it indexed,
# lunr.js 2.3.9 rebuilds the index from it; the two must be byte-identical and
# 1,000 queries of every syntax kind must give the same refs, order and scores.
set -euo pipefail
qahub="$1"; root="$2"; node="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/content" "$root/data" "$root/qahub.yaml" "$work/"
"$qahub" build --site "$work" --out "$work/out" --as-of 2026-11-23 --search-corpus "$work/corpus.json" 2>/dev/null
"$node" "$(dirname "$0")/oracle.js" "$work/corpus.json" "$work/out/search/index.json" --queries 1000
