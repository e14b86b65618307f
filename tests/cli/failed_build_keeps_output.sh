#!/usr/bin/env bash
# A failing build leaves the previous output byte-identical and leaves no
# staging directories behind.
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/site/content"
printf -- '---\ntitle: Home\n---\nHello.\n' > "$work/site/content/_index.md"
"$qahub" build --site "$work/site" --as-of 2026-11-23 2>/dev/null
before="$(cd "$work/site/public" && find . -type f -exec sha256sum {} + | sort)"
printf -- '---\ntitle: [broken\n---\n' > "$work/site/content/_index.md"
set +e
"$qahub" build --site "$work/site" --as-of 2026-11-23 2>"$work/stderr"
code=$?
set -e
[ "$code" = 1 ] || { echo "expected exit 1, got $code"; cat "$work/stderr"; exit 1; }
grep -qxF 'content/_index.md:2:8: error: this list is never closed (expected "]")' "$work/stderr"
after="$(cd "$work/site/public" && find . -type f -exec sha256sum {} + | sort)"
[ "$before" = "$after" ] || { echo "previous output changed"; exit 1; }
leftovers="$(find "$work/site" -maxdepth 1 -name '.public.*' | wc -l)"
[ "$leftovers" = 0 ] || { echo "staging directories left behind"; exit 1; }
echo "failed build kept the previous output ($(echo "$before" | wc -l) files)"
