#!/usr/bin/env bash
# The embedded default site builds with no errors or warnings, --strict
# included, as of its date and a year later (its overdue reviews and actions
# are notices: facts about the service), and has the site-wide outputs.
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/content" "$root/qahub.yaml" "$work/"
[ -d "$root/data" ] && cp -r "$root/data" "$work/"
"$qahub" build --site "$work" --out "$work/out" --as-of 2026-11-23 2>"$work/stderr" || { cat "$work/stderr"; exit 1; }
for f in index.html 404.html amendments.xml amendments/index.html review/index.html \
         accessibility/index.html search/index.html tags/index.html framework/values/index.html \
         models/systemic/index.html old/values/index.html; do
  [ -s "$work/out/$f" ] || { echo "missing $f"; exit 1; }
done
# base_url "/" has no host: no sitemap (relative <loc>s are not allowed), no
# footer link to one, and the summary line says why.
[ ! -e "$work/out/sitemap.xml" ] || { echo "sitemap.xml written for a path-only base_url"; exit 1; }
if grep -rl 'sitemap.xml' "$work/out" --include=*.html; then echo "link to sitemap.xml"; exit 1; fi
grep -qE '^qahub: built [0-9]+ content pages and [0-9]+ record pages \([0-9]+ files, [0-9.]+ MB\) into .* in [0-9]+ ms, no sitemap \(base_url has no host\), [0-9]+ notices?, 2 draft reports left out \(--drafts builds them\), 2 sensitive pages and records left out \(--include-sensitive builds them\)$' \
  "$work/stderr" || { echo "no 'no sitemap' in the summary line"; cat "$work/stderr"; exit 1; }
grep -q ': warning: ' "$work/stderr" && { echo "the default site has warnings"; cat "$work/stderr"; exit 1; }
grep -qE '^content/practice/supervision.md:[0-9]+:[0-9]+: notice: review overdue' "$work/stderr" \
  || { echo "no review notice"; cat "$work/stderr"; exit 1; }
for as_of in 2026-11-23 2027-11-23; do
  "$qahub" build --site "$work" --out "$work/strict" --as-of "$as_of" --strict 2>"$work/strict.err" \
    || { echo "--strict fails as of $as_of"; cat "$work/strict.err"; exit 1; }
done
# The review dashboard lists the notices as of the build date, none about a
# sensitive record (a-013, OFFICIAL-SENSITIVE, overdue a year on).
"$qahub" build --site "$work" --out "$work/later" --as-of 2027-11-23 2>"$work/later.err" || { cat "$work/later.err"; exit 1; }
grep -qF 'data/actions/a-013.json:12:10: notice: action "a-013" is overdue: due 2026-11-27 and not complete' "$work/later.err" \
  || { echo "no notice for a-013"; cat "$work/later.err"; exit 1; }
grep -qF '<h2 id="notices">Notices as of 23 November 2027</h2>' "$work/later/review/index.html" || { echo "no notices on /review/"; exit 1; }
grep -qF '<tr><td><a href="/actions/a-010/">data/actions/a-010.json:11</a></td><td>action &quot;a-010&quot; is overdue: due 2026-09-30 and not complete</td></tr>' \
  "$work/later/review/index.html" || { echo "no a-010 notice on /review/"; exit 1; }
if grep -q 'a-013' "$work/later/review/index.html"; then echo "/review/ shows a sensitive record's notice"; exit 1; fi
# An unknown front-matter key still fails --strict, saying it was a warning.
printf -- '---\ntitle: T\nreveiw_by: 2027-01-01\n---\nx\n' > "$work/content/typo.md"
if "$qahub" build --site "$work" --out "$work/strict" --as-of 2026-11-23 --strict 2>"$work/strict.err"; then
  echo "--strict passed an unknown key"; exit 1
fi
grep -qF 'content/typo.md:3:1: error: (warning, --strict) unknown front matter key "reveiw_by"; did you mean "review_by"?' \
  "$work/strict.err" || { echo "no promoted warning"; cat "$work/strict.err"; exit 1; }
rm "$work/content/typo.md"
pages=$(find "$work/out" -name index.html | wc -l)
[ "$pages" -ge 40 ] || { echo "only $pages pages"; exit 1; }
grep -q 'Review overdue' "$work/out/practice/supervision/index.html"
grep -q '<h2 id="hypothesising">Hypothesising</h2>' "$work/out/models/systemic/index.html"
# No personal contact details anywhere in the published site.
if grep -rlE '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}' "$work/out" --include=*.html; then echo "e-mail address in output"; exit 1; fi
# --timings names every pass.
"$qahub" build --site "$work" --out "$work/out" --as-of 2026-11-23 --timings 2>"$work/timed" || { cat "$work/timed"; exit 1; }
grep -qE '^qahub: timings: config [0-9]+ ms, content [0-9]+ ms, records [0-9]+ ms, marking decide [0-9]+ ms, marking check [0-9]+ ms, withhold [0-9]+ ms, briefs [0-9]+ ms, reports [0-9]+ ms, record pages [0-9]+ ms, links [0-9]+ ms, site [0-9]+ ms, render [0-9]+ ms, search [0-9]+ ms, write [0-9]+ ms$' \
  "$work/timed" || { echo "no timings line"; cat "$work/timed"; exit 1; }
# The terminal search reads the build's own index: nothing to prepare, nothing said.
"$qahub" search --site "$work" supervision >"$work/first" 2>"$work/first.err"
[ ! -s "$work/first.err" ] || { echo "first search said: $(cat "$work/first.err")"; exit 1; }
grep -q '^  /practice/supervision/' "$work/first" || { echo "search did not find /practice/supervision/"; cat "$work/first"; exit 1; }
"$qahub" search --site "$work" supervision >"$work/again" 2>"$work/again.err"
[ ! -s "$work/again.err" ] || { echo "second search: $(cat "$work/again.err")"; exit 1; }
cmp -s "$work/first" "$work/again" || { echo "the second search differs"; exit 1; }
echo "default site: $pages pages"
