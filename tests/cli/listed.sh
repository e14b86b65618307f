#!/usr/bin/env bash
# The one "listed" test: a draft page and a sensitive learning brief, built
# (--drafts --include-sensitive) with an alias each, appear in no listing:
# search (index, store, corpus), the sitemap, the amendments and briefs feeds,
# the A to Z and redirects (model::listed). The output marker is never listed
# either. A public brief and page, the controls, appear where they should.
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

cp -r "$root/tests/sites/reports" "$work/site"
cat >> "$work/site/qahub.yaml" <<'EOF'
base_url: https://hub.example.test/
classification:
  default: OFFICIAL
  sensitive: [OFFICIAL-SENSITIVE]
EOF
# The sensitive brief: the newer "plans" brief, marked, with an alias.
sed -i 's/^type: brief$/type: brief\nclassification: OFFICIAL-SENSITIVE\naliases: [\/old-sensitive-brief\/]/' \
  "$work/site/content/briefs/plans.md"
# Its uses would name it from public records: they go.
rm "$work/site/data/brief-uses/2026-02-03-plans-1.json" "$work/site/data/brief-uses/2026-02-10-plans-1.json"
# A draft page with a change and an alias.
mkdir -p "$work/site/content/drafts"
printf -- '---\ntitle: Zebra draft guidance\ndraft: true\naliases: [/old-zebra/]\nchanges:\n  - date: 2026-06-01\n    summary: Zebra rewritten.\n---\nZebra text.\n' \
  > "$work/site/content/drafts/zebra.md"
"$qahub" build --site "$work/site" --out "$work/out" --as-of "$(cat "$root/tests/sites/reports/as-of")" \
  --drafts --include-sensitive --search-corpus "$work/corpus.json" 2>"$work/err" \
  || { cat "$work/err"; echo "FAIL: the build failed"; exit 1; }

out="$work/out"
[ -f "$out/briefs/plans/index.html" ] || bad "the sensitive brief's page was not built"
[ -f "$out/drafts/zebra/index.html" ] || bad "the draft page was not built"
for listing in search/index.json search/docs/*.json "$work/corpus.json" sitemap.xml amendments.xml briefs.xml a-z/index.html; do
  f="$listing"; [ -f "$f" ] || f="$out/$listing"
  for f1 in $f; do
    [ -f "$f1" ] || { bad "missing listing $listing"; continue; }
    grep -q '/briefs/plans/' "$f1" && bad "$listing lists the sensitive brief"
    grep -q 'drafts/zebra' "$f1" && bad "$listing lists the draft page"
    grep -q 'qahub-output' "$f1" && bad "$listing lists the output marker"
  done
done
[ -e "$out/old-sensitive-brief/index.html" ] && bad "a redirect names the sensitive brief"
[ -e "$out/old-zebra/index.html" ] && bad "a redirect names the draft page"
# The controls: a public brief is in the briefs feed, the sitemap and search.
grep -q '/briefs/plans-first/' "$out/briefs.xml" || bad "the public brief is missing from briefs.xml"
grep -q '/briefs/plans-first/' "$out/sitemap.xml" || bad "the public brief is missing from the sitemap"
# The corpus names documents by number: by their titles there (list pages
# built with --include-sensitive may name the brief; no document is it).
python3 - "$work/corpus.json" <<'PY' || bad "the search corpus holds a draft or sensitive page, or lacks the public brief"
import json, sys
titles = [d["fields"]["title"] for d in json.load(open(sys.argv[1]))["documents"]]
sys.exit(0 if "Outcome-focused plans, again" not in titles and "Zebra draft guidance" not in titles
         and "Outcome-focused plans" in titles else 1)
PY
if [ "$fail" = 0 ]; then echo "listed: drafts, sensitive pages and the marker are in no listing"; fi
exit "$fail"
