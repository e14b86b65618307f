#!/usr/bin/env bash
# Issue 20 "Done when", tried as a new user would, on a copy of the default
# site as of 2026-11-23: a valid NHS number is an error at its line and
# column, an invalid one nothing; a postcode and a date of birth are warnings;
# an action marked OFFICIAL-SENSITIVE disappears from the register, the CSV,
# its cycle page, its meeting's decisions, its published report and search,
# and a hand-written link to it is an error. The printed marking is
# print_marking.mjs's (a browser test).
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site"
cp -r "$root/content" "$root/data" "$root/qahub.yaml" "$site/"
as_of=2026-11-23
fail() { echo "FAIL: $*"; exit 1; }
build() {
  set +e
  "$qahub" build --site "$site" --out "$work/out" --as-of "$as_of" "$@" 2>"$work/stderr"
  code=$?
  set -e
}
diagnostics() { grep -v '^qahub: ' "$work/stderr" | grep -v 'is overdue: due\|review overdue\|coverage below\|: notice: recommendation \|: notice: risk \|: notice: evidence ' || true; }
page() {  # page PATH BODY: a new content page
  printf -- '---\ntitle: Identifiers test\n---\n%s\n' "$2" > "$site/$1"
}

# 1. A valid NHS number (943 476 5919: check digit 9) is an error at its line
#    and column; an invalid one (check digit 8) is nothing.
page content/about/identifiers.md $'The referral gave 943 476 5919 as the number.'
build
[ "$code" = 1 ] || fail "a valid NHS number must fail the build (exit $code)"
want='content/about/identifiers.md:4:19: error: NHS number "943 476 5919"'
diagnostics | grep -qF "$want" || { diagnostics; fail "no '$want'"; }
page content/about/identifiers.md $'The referral gave 943 476 5918 as the number.'
build
[ "$code" = 0 ] || { cat "$work/stderr"; fail "an invalid NHS number must not be reported"; }
[ -z "$(diagnostics | grep 'identifiers.md' || true)" ] || { diagnostics; fail "invalid NHS number reported"; }

# 2. A full postcode and a date of birth are errors, each at its position
#    (issue 39); qahub.yaml personal_data lowers them to warnings.
page content/about/identifiers.md $'The family moved to ME14 1XQ last spring.\n\nThe child was born on 12 March 2015 in the county.'
build
[ "$code" = 1 ] || { cat "$work/stderr"; fail "a postcode and a date of birth must fail the build"; }
diagnostics | grep -q '^content/about/identifiers.md:4:21: error: postcode "ME14 1XQ"' || { diagnostics; fail "postcode error"; }
diagnostics | grep -q '^content/about/identifiers.md:6:23: error: date of birth "12 March 2015"' || { diagnostics; fail "date of birth error"; }
cp "$site/qahub.yaml" "$work/qahub.yaml.orig"
printf 'personal_data: {dob: warning, postcode: warning}\n' >> "$site/qahub.yaml"
build
[ "$code" = 0 ] || { cat "$work/stderr"; fail "warnings alone must not fail the build"; }
diagnostics | grep -q '^content/about/identifiers.md:4:21: warning: postcode "ME14 1XQ"' || { diagnostics; fail "postcode warning"; }
diagnostics | grep -q '^content/about/identifiers.md:6:23: warning: date of birth "12 March 2015"' || { diagnostics; fail "date of birth warning"; }
cp "$work/qahub.yaml.orig" "$site/qahub.yaml"
rm "$site/content/about/identifiers.md"

# 3. Before: a-002 (from cycle 1, 2025-26; a Practice Board decision) is everywhere.
build
[ "$code" = 0 ] || { cat "$work/stderr"; fail "default site"; }
for f in actions/index.html actions/actions.csv cycles/2025-26-cycle-1/index.html meetings/2025-11-practice-board/index.html; do
  grep -q 'a-002' "$work/out/$f" || fail "a-002 not in $f before marking it"
done
grep -q 'a-002' "$work/out/search/docs/"*.json || fail "a-002 not in search before marking it"

# 4. Marked OFFICIAL-SENSITIVE it disappears: register, CSV, its cycle page,
#    its meeting's decision, every published report, search, and its own page.
sed -i 's/"id": "a-002",/"id": "a-002",\n  "classification": "OFFICIAL-SENSITIVE",/' "$site/data/actions/a-002.json"
build
[ "$code" = 0 ] || { cat "$work/stderr"; fail "build with a sensitive action"; }
grep -q ', 3 sensitive pages and records left out (--include-sensitive builds them)' "$work/stderr" \
  || { cat "$work/stderr"; fail "summary line"; }
[ ! -e "$work/out/actions/a-002/index.html" ] || fail "the sensitive action's page was built"
if grep -rl 'a-002' "$work/out"; then fail "a-002 is named in the output above"; fi
if grep -q 'published report' "$work/stderr"; then cat "$work/stderr"; fail "a published report warns about a sensitive action"; fi
grep -q 'OFFICIAL' "$work/out/actions/index.html" || fail "the register shows no marking"

# 5. A hand-written link to it is an error naming both.
page content/about/identifiers.md 'See [the action](/actions/a-002/).'
build
[ "$code" = 1 ] || fail "a link to a sensitive action must fail the build"
want='content/about/identifiers.md:4:5: error: public page content/about/identifiers.md links to OFFICIAL-SENSITIVE page /actions/a-002/ (data/actions/a-002.json)'
[ "$(diagnostics)" = "$want" ] || { diagnostics; fail "want exactly: $want"; }
rm "$site/content/about/identifiers.md"

# 6. --include-sensitive builds it, with a banner, still never in search,
#    the feed or the A to Z.
build --include-sensitive
[ "$code" = 0 ] || { cat "$work/stderr"; fail "--include-sensitive"; }
grep -q 'notice-sensitive' "$work/out/actions/a-002/index.html" || fail "no banner on the sensitive page"
grep -q '<p class="marking">OFFICIAL-SENSITIVE</p>' "$work/out/actions/a-002/index.html" || fail "no marking on the sensitive page"
if grep -q '/actions/a-002/' "$work/out/search/docs/"*.json "$work/out/amendments.xml" "$work/out/a-z/index.html"; then
  fail "the sensitive action's page is in search, the feed or the A to Z"; fi
# 7. qahub publish never writes a sensitive record into a snapshot: a-020 is
#    in the draft report of cycle 2, 2026-27 until it is marked.
draft=content/learning/2026-27-cycle-2.md
build --drafts
grep -q 'a-020' "$work/out/learning/2026-27-cycle-2/index.html" || fail "a-020 not in the draft report before marking it"
sed -i 's/"id": "a-020",/"id": "a-020",\n  "classification": "OFFICIAL-SENSITIVE",/' "$site/data/actions/a-020.json"
"$qahub" publish "$draft" --site "$site" --as-of "$as_of" --date 2026-11-20 --approved-by "Director of Children's Services" \
  --early "Triad audits finished early" 2>"$work/stderr" || { cat "$work/stderr"; fail "publish"; }
snapshot="$site/data/publications/2026-27-cycle-2.json"
[ -s "$snapshot" ] || fail "no snapshot written"
if grep -q '"a-020"\|"a-002"' "$snapshot"; then fail "a sensitive action in the snapshot"; fi
grep -q '"a-021"' "$snapshot" || fail "the public actions are not in the snapshot"
build
[ "$code" = 0 ] || { cat "$work/stderr"; fail "build after publishing"; }
if grep -rl 'a-020' "$work/out"; then fail "a-020 is named in the output above"; fi
echo "ok: issue 20 done when"
