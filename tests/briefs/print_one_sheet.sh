#!/usr/bin/env bash
# Prints every default brief to PDF with headless Chromium and checks it is
# A4, one or two pages, and that nothing was cut off (its last section and
# its questions are in the PDF's text). Prints the page counts measured.
set -euo pipefail
qahub="$1"; root="$2"; chromium="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/content" "$root/data" "$root/qahub.yaml" "$work/"
"$qahub" build --site "$work" --out "$work/out" --as-of 2026-11-23 --relative-urls 2>"$work/stderr" ||
  { cat "$work/stderr"; exit 1; }
status=0
for page in "$work"/out/briefs/*/index.html; do
  name="$(basename "$(dirname "$page")")"
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --user-data-dir="$work/profile" --print-to-pdf="$work/$name.pdf" "file://$page" >/dev/null 2>&1
  pages="$(pdfinfo "$work/$name.pdf" | awk '/^Pages:/ {print $2}')"
  size="$(pdfinfo "$work/$name.pdf" | grep -c 'A4' || true)"
  text="$(pdftotext "$work/$name.pdf" -)"
  echo "$name: $pages page(s)"
  if [ "$size" != 1 ]; then echo "$name is not A4"; status=1; fi
  if [ "$pages" -lt 1 ] || [ "$pages" -gt 2 ]; then echo "$name prints on $pages pages (two at most)"; status=1; fi
  for want in "Further reading" "Questions for your team"; do
    grep -q "$want" <<<"$text" || { echo "$name: \"$want\" missing from the PDF"; status=1; }
  done
done
exit $status
