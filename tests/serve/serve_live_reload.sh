#!/usr/bin/env bash
# A body edit → the fast path (that page and its print pack re-rendered, the
# search index after) and a reload event within the bound; a broken link in a
# body → errors event, last good page kept, the fix clears it; a new heading
# → fast path, and a page linking to it is re-checked when it is renamed; a
# title edit → full rebuild (this site has sensitive pages); broken front matter → the last
# good page is still served and an errors event names the file; the fix →
# reload; then SIGINT stops cleanly.
set -euo pipefail
qahub="$1"; root="$2"
bound_ms="${QAHUB_SERVE_RELOAD_BOUND_MS:-2000}"
work="$(mktemp -d)"
source "$(dirname "$0")/lib.sh"
cp -r "$root/tests/sites/basic" "$work/site"
# With synonyms, so the incremental search update is seen to keep them.
mkdir -p "$work/site/data/search" && cp "$root/data/search/synonyms.json" "$work/site/data/search/"
page="$work/site/content/guides/second.md"
start_serve "$work/site" --as-of "$(cat "$work/site/as-of")"
curl -sN --max-time 15 "$url/practice/__qahub/events" >"$work/events" &
wait_for "$work/events" '^event: hello$' 5

# Throughout, another page is fetched in a loop: a rebuild's directory swap
# must never show a reader a 404 or a dropped connection.
( while [ ! -e "$work/stop-poller" ]; do
    curl -s --max-time 5 -o /dev/null -w '%{http_code}\n' "$url/practice/guides/first/" || echo failed
  done >"$work/codes" ) &
poller=$!

# A good edit: the page changes within the bound.
marker="edited-$RANDOM-$RANDOM"
start=$(now_ms)
printf '\nA new paragraph: %s.\n' "$marker" >>"$page"
until contains "$url/practice/guides/second/" "$marker"; do
  [ $(( $(now_ms) - start )) -lt 10000 ] || fail "the edit never showed up"
  sleep 0.02
done
elapsed=$(( $(now_ms) - start ))
wait_for "$work/events" '^event: reload$' 5
wait_for "$work/serve.log" '^qahub: updated 2 files after content/guides/second.md changed in [0-9]+ ms \(incremental\); reload sent [0-9]+ ms after the change$' 5
grep -m1 '^qahub: updated' "$work/serve.log"
[ "$elapsed" -le "$bound_ms" ] || fail "the edit took $elapsed ms to show (bound $bound_ms ms)"
contains "$url/practice/print/guides/" "$marker" || fail "the print pack was not updated"
wait_for "$work/serve.log" '^qahub: search index updated in [0-9]+ ms$' 10
# The store is in chunks (search/docs/K.json): the edited page is in one of them.
followed=no
for k in $(seq 0 20); do contains "$url/practice/search/docs/$k.json" "$marker" && { followed=yes; break; }; done
[ "$followed" = yes ] || fail "the search index did not follow"
# The served search files are a full build's of the same sources (synonyms and all;
# the search page itself differs only by the live-reload script).
"$qahub" build --site "$work/site" --out "$work/full" --as-of "$(cat "$work/site/as-of")" 2>"$work/full.log" \
  || { cat "$work/full.log"; fail "full build"; }
diff -r --exclude=index.html "$work/full/search" "$work/site/.qahub/serve-public/search" >"$work/search.diff" \
  || { head -c 2000 "$work/search.diff"; fail "the search files after a body edit differ from a full build's"; }
grep -q '^qahub: rebuilt after' "$work/serve.log" && fail "a body edit rebuilt everything"

# A broken link in the body: errors event, the page stays; the fix clears it.
cp "$page" "$work/good.md"
printf '
See [the missing page](missing.md).\n' >>"$page"
wait_for "$work/serve.log" '^qahub: update after content/guides/second.md changed failed with 1 error in [0-9]+ ms; still serving the last good build$' 5
grep -qE '^content/guides/second.md:[0-9]+:5: error: broken link "missing.md": content/guides/missing.md does not exist' "$work/serve.log" \
  || fail "terminal error for the broken link"
wait_for "$work/events" '^data: content/guides/second.md:[0-9]+:5: error: broken link "missing.md"' 5
oks=$(grep -c '^event: ok$' "$work/events" || true)
cp "$work/good.md" "$page"
wait_for "$work/serve.log" '^qahub: updated 2 files after content/guides/second.md changed .*reload sent' 5
wait_for_count "$work/events" '^event: ok$' $((oks + 1)) 5

# A new heading stays on the fast path (the pages linking into this one are re-checked).
updates=$(grep -c '^qahub: updated' "$work/serve.log")
printf '\n## A new heading\n\nText under it.\n' >>"$page"
wait_for_count "$work/serve.log" '^qahub: updated 2 files after content/guides/second.md changed' $((updates + 1)) 5
contains "$url/practice/guides/second/" 'id="a-new-heading"' || fail "the new heading is not served"

# Another page links to that heading; renaming it is refused (with the error at
# the linking page); fixing the link first is refused too (the heading is not
# renamed yet); saving the renamed heading again lets both through.
first="$work/site/content/guides/first.md"
cp "$first" "$work/first-good.md"
printf '\nSee [the new heading](second.md#a-new-heading).\n' >>"$first"
wait_for_count "$work/serve.log" '^qahub: updated 2 files after content/guides/first.md changed' 1 5
sed -i 's/^## A new heading$/## A renamed heading/' "$page"
wait_for "$work/serve.log" '^content/guides/first.md:[0-9]+:5: error: broken link "second.md#a-new-heading": no heading "a-new-heading" on /guides/second/' 5
sed -i 's/#a-new-heading/#a-renamed-heading/' "$first"
wait_for "$work/serve.log" '^content/guides/first.md:[0-9]+:5: error: broken link "second.md#a-renamed-heading": no heading "a-renamed-heading" on /guides/second/' 5
oks=$(grep -c '^event: ok$' "$work/events" || true)
touch "$page"
wait_for "$work/serve.log" '^qahub: updated 2 files after content/guides/first.md went through too$' 5
wait_for_count "$work/events" '^event: ok$' $((oks + 1)) 5
contains "$url/practice/guides/first/" 'second/#a-renamed-heading' || fail "the linking page was not updated"
cp "$work/first-good.md" "$first"
wait_for_count "$work/serve.log" '^qahub: updated 2 files after content/guides/first.md changed' 2 5

# Front matter (here the title) in a site with sensitive pages: a full rebuild (the
# incremental front matter path leaves sites with withheld pages to full builds;
# tests/unit/pipeline/structure_update_test.cc covers it on a site without).
sed -i 's/^title: \(.*\)$/title: \1 renamed/' "$page"
wait_for "$work/serve.log" '^qahub: rebuilt after content/guides/second.md changed in [0-9]+ ms \(full rebuild, [0-9]+ pages\); reload sent [0-9]+ ms after the change$' 10
cp "$work/good.md" "$page"
wait_for_count "$work/serve.log" '^qahub: rebuilt after content/guides/second.md changed' 2 10

# A broken edit: the last good page stays, the overlay gets the error.
cp "$page" "$work/good.md"
printf -- '---\ntitle: [broken\n---\n' >"$page"
wait_for "$work/events" '^data: content/guides/second.md:[0-9]+:[0-9]+: error: this list is never closed' 5
wait_for "$work/serve.log" '^qahub: rebuild after content/guides/second.md changed failed with 1 error in [0-9]+ ms; still serving the last good build$' 5
grep -qE '^content/guides/second.md:[0-9]+:[0-9]+: error: this list is never closed' "$work/serve.log" || fail "terminal error"
contains "$url/practice/guides/second/" "$marker" || fail "last good page not served"

# A tab opened while the site is broken gets the errors at once.
curl -sN --max-time 2 "$url/practice/__qahub/events" >"$work/events-late" || true
grep -q '^event: errors$' "$work/events-late" || fail "late tab got no errors"

# The fix: ok + reload.
reloads=$(grep -c '^event: reload$' "$work/events")
cp "$work/good.md" "$page"
deadline=$(( $(now_ms) + 5000 ))
until [ "$(grep -c '^event: reload$' "$work/events")" -gt "$reloads" ]; do
  [ "$(now_ms)" -lt "$deadline" ] || fail "no reload after the fix"
  sleep 0.05
done
grep -q '^event: ok$' "$work/events" || fail "no ok event to clear the overlay"

touch "$work/stop-poller"
wait "$poller"
bad="$(grep -cv '^200$' "$work/codes" || true)"
[ "$bad" = 0 ] || fail "$bad of $(wc -l <"$work/codes") requests during rebuilds were not 200: $(sort "$work/codes" | uniq -c)"

stop_serve
echo "live reload: edit visible after $elapsed ms; $(wc -l <"$work/codes") requests during rebuilds all 200"
