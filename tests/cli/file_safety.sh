#!/usr/bin/env bash
# Issue 27, "Why", tried as a careless or hostile author would: aliases,
# file names and symbolic links never write outside --out; --out never
# replaces the site, its sources or a folder of files qahub did not write;
# every URL has one owner. Each case checks exact diagnostics, the exit code,
# a canary beside the output, the site untouched, and nothing new at /.
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# page FILE TITLE [FRONT] [BODY]
page() { mkdir -p "$(dirname "$1")"; printf -- '---\ntitle: %s\n%b---\n%s\n' "$2" "${3:-}" "${4:-Text.}" > "$1"; }

# Everything under $work but the output folder, its staging siblings and
# the search cache (SITE/.qahub/search, the one other place a build writes):
# type, path, link target, and a hash of each file.
snapshot() {
  local skip=(\( -path ./out -o -name '.out.*' -o -path './site/.qahub/search*' -o -path ./site/.qahub \) -prune -o)
  (cd "$work" && find . "${skip[@]}" -printf '%y %p %l\n' | sort
   cd "$work" && find . "${skip[@]}" -type f -print0 | sort -z | xargs -0 -r sha256sum)
}
root_listing() { ls -a /; }

# run CASE EXPECTED_EXIT ARGS...: runs qahub with $work as the working
# directory; the diagnostics land in $work.err (outside the snapshot).
run() {
  local name="$1" want="$2"; shift 2
  local before after root_before
  before="$(snapshot)"; root_before="$(root_listing)"
  set +e
  (cd "$work" && "$qahub" "$@" 2>"$work.err" >/dev/null)
  local code=$?
  set -e
  [ "$code" = "$want" ] || { bad "$name: exit $code, expected $want"; sed 's/^/  /' "$work.err"; }
  after="$(snapshot)"
  [ "$before" = "$after" ] || { bad "$name: something outside the output changed"; diff <(echo "$before") <(echo "$after") | head -20; }
  [ "$root_before" = "$(root_listing)" ] || bad "$name: something appeared at /"
  grep -q 'AddressSanitizer\|runtime error\|terminate called\|what():' "$work.err" && bad "$name: crashed" || true
}
# expect CASE LINE: the run printed exactly this line.
expect() { grep -qxF -- "$2" "$work.err" || { bad "$1: missing line: $2"; sed 's/^/  got: /' "$work.err"; }; }

echo canary > "$work/canary.txt"
mkdir -p "$work/outside"
page "$work/outside/far.md" "Far"
page "$work/parent.md" "In the folder that holds the site"

# --- Aliases that would leave the output -----------------------------------
page "$work/site/content/_index.md" "Home"
page "$work/site/content/guide.md" "Guide" 'aliases: ["//x/", "/../../../../x/", "../x/", "/%2e%2e/x/", "http://evil/x/"]\n'
run aliases 1 build --site site --out out --as-of 2026-11-23
expect aliases 'content/guide.md:3:11: error: alias "//x/" has an empty segment (//)'
expect aliases 'content/guide.md:3:19: error: alias "/../../../../x/" has a ".." segment, which would leave the output folder'
expect aliases 'content/guide.md:3:38: error: alias "../x/" has a ".." segment, which would leave the output folder'
expect aliases 'content/guide.md:3:47: error: alias "/%2e%2e/x/" has a ".." segment, which would leave the output folder'
expect aliases 'content/guide.md:3:61: error: alias "http://evil/x/" is a full URL or a drive, not a path on this site (write /old/page/)'
[ -e "$work/out" ] && bad "aliases: a failed build wrote out/"
rm -rf "$work/site"

# --- Symbolic links ----------------------------------------------------------
page "$work/site/content/_index.md" "Home"
ln -s ../../outside/far.md "$work/site/content/far.md"
ln -s ../../parent.md "$work/site/content/parent.md"
ln -s . "$work/site/content/loop"
ln -s missing.md "$work/site/content/dangling.md"
mkdir -p "$work/site/data"
ln -s ../../outside "$work/site/data/actions"
run symlinks 1 build --site site --out out --as-of 2026-11-23
expect symlinks 'content/far.md: error: symbolic link leads outside the site (to ../../outside/far.md)'
expect symlinks 'content/parent.md: error: symbolic link leads outside the site (to ../../parent.md)'
expect symlinks 'content/loop: error: symbolic link makes a loop (to ., a folder it is in)'
expect symlinks 'content/dangling.md: error: symbolic link leads nowhere (to missing.md)'
expect symlinks 'data/actions: error: symbolic link leads outside the site (to ../../outside)'
rm -rf "$work/site"

# A link that stays inside the site is followed, named by its own path.
page "$work/site/content/_index.md" "Home" "" "See [the shared page](linked/s.md)."
page "$work/site/shared/s.md" "Shared"
ln -s ../shared "$work/site/content/linked"
run inside-link 0 build --site site --out out --as-of 2026-11-23
[ -f "$work/out/linked/s/index.html" ] || bad "inside-link: linked/s/index.html not written"
grep -q 'href="/linked/s/"' "$work/out/index.html" || bad "inside-link: the home page does not link to /linked/s/"
rm -rf "$work/site" "$work/out"

# --- File names that need percent-encoding ----------------------------------
page "$work/site/content/_index.md" "Home" "" "See [hash](a%23b.md), [query](a%3Fb.md), [percent](a%2541.md) and [space](a%20b.md)."
for n in 'a#b' 'a?b' 'a%41' 'a b'; do page "$work/site/content/$n.md" "Named $n"; done
run names 0 build --site site --out out --as-of 2026-11-23
for f in 'a#b' 'a?b' 'a%41' 'a b'; do [ -f "$work/out/$f/index.html" ] || bad "names: $f/index.html not written"; done
for h in '/a%23b/' '/a%3Fb/' '/a%2541/' '/a%20b/'; do
  grep -qF "href=\"$h\"" "$work/out/index.html" || bad "names: no link to $h"
done
python3 "$root/tests/cli/output_walk.py" "$work/out" >/dev/null || bad "names: the output walk found a link that reaches nothing"
rm -rf "$work/site" "$work/out"

# --- One owner per URL -------------------------------------------------------
page "$work/site/content/_index.md" "Home"
for n in search a-z tags review amendments accessibility; do page "$work/site/content/$n.md" "Mine, $n"; done
page "$work/site/content/Page.md" "Upper"
page "$work/site/content/page.md" "Lower"
page "$work/site/content/one.md" "One" 'aliases: [/shared/, /two/, /search/]\n'
page "$work/site/content/two.md" "Two" 'aliases: [/shared/]\n'
run owners 1 build --site site --out out --as-of 2026-11-23
expect owners 'content/search.md:1:1: error: page URL /search/ is also qahub'"'"'s search page and index'
expect owners 'content/a-z.md:1:1: error: page URL /a-z/ is also qahub'"'"'s A to Z'
expect owners 'content/tags.md:1:1: error: page URL /tags/ is also qahub'"'"'s list of tags'
expect owners 'content/review.md:1:1: error: page URL /review/ is also qahub'"'"'s review dashboard'
expect owners 'content/amendments.md:1:1: error: page URL /amendments/ is also qahub'"'"'s amendments log'
expect owners 'content/accessibility.md:1:1: error: page URL /accessibility/ is also qahub'"'"'s accessibility statement'
expect owners 'content/Page.md:1:1: error: page URL /Page/ differs only in case from /page/, the URL of the page content/page.md'
expect owners 'content/page.md:1:1: error: page URL /page/ differs only in case from /Page/, the URL of the page content/Page.md'
expect owners 'content/one.md:3:11: error: alias /shared/ is also an alias of content/two.md'
expect owners 'content/two.md:3:11: error: alias /shared/ is also an alias of content/one.md'
expect owners 'content/one.md:3:21: error: alias /two/ is also the page content/two.md'
expect owners 'content/two.md:1:1: error: page URL /two/ is also an alias of content/one.md'
expect owners 'content/one.md:3:28: error: alias /search/ is also qahub'"'"'s search page and index'
rm -rf "$work/site"

# A content page at a record page's URL, and an attachment over a theme file.
cp -r "$root/tests/records/site" "$work/site"
cp "$root/tests/sites/basic/qahub.yaml" "$work/site/qahub.yaml"
page "$work/site/content/actions/a-001.md" "Mine"
mkdir -p "$work/site/content/assets" && echo "body{}" > "$work/site/content/assets/qahub.css"
run record-owner 1 build --site site --out out --as-of 2026-11-23
expect record-owner 'content/actions/a-001.md:1:1: error: page URL /actions/a-001/ is also a record page of data/actions/a-001.json'
expect record-owner 'data/actions/a-001.json:1:1: error: page URL /actions/a-001/ is also the page content/actions/a-001.md'
expect record-owner 'content/assets/qahub.css: error: attachment URL /assets/qahub.css is also qahub'"'"'s theme file assets/qahub.css'
rm -rf "$work/site"

# --- The --out rule ------------------------------------------------------------
page "$work/site/content/_index.md" "Home"
mkdir -p "$work/site/data" "$work/site/themes/default" "$work/site/.qahub"
echo "x" > "$work/a-file.txt"
mkdir -p "$work/mine" && echo "my notes" > "$work/mine/notes.txt"
ln -s mine "$work/link"
for args in "site:is the site folder itself" \
            ".:holds the site; building there would replace its sources" \
            "site/content:is inside the site's content/ folder, which holds its sources" \
            "site/content/public:is inside the site's content/ folder, which holds its sources" \
            "site/data:is inside the site's data/ folder, which holds its sources" \
            "site/themes:is inside the site's themes/ folder, which holds its sources" \
            "site/.qahub/out:is inside the site's .qahub/ folder, which holds qahub's cache" \
            "a-file.txt:is a file, not a folder" \
            "link:is a symbolic link; give the folder it leads to"; do
  out="${args%%:*}"; why="${args#*:}"
  run "--out $out" 2 build --site site --out "$out" --as-of 2026-11-23
  expect "--out $out" "qahub: error: --out \"$out\" $why"
done
run "--out mine" 1 build --site site --out mine --as-of 2026-11-23
expect "--out mine" 'qahub: error: --out "mine" holds files qahub did not write, such as "notes.txt"; choose a new or empty folder, or pass --force to replace it'
[ "$(cat "$work/mine/notes.txt")" = "my notes" ] || bad "--out mine: the author's file changed"

# A qahub output: built, rebuilt, its marker lists every file and is never a page.
run "--out out" 0 build --site site --out out --as-of 2026-11-23
run "--out out again" 0 build --site site --out out --as-of 2026-11-23
[ -f "$work/out/.qahub-output" ] || bad "no marker in out/"
listed="$(grep -v '^#' "$work/out/.qahub-output")"
written="$(cd "$work/out" && find . -type f ! -name .qahub-output | sed 's|^\./||' | LC_ALL=C sort)"
[ "$listed" = "$written" ] || bad "the marker does not list exactly the files written"
grep -rlF 'qahub-output' "$work/out" | grep -v '/\.qahub-output$' && bad "the marker is named in a page, the sitemap or search"
# An author's file dropped into it: refused, then replaced only with --force.
echo "mine" > "$work/out/notes.txt"
run "--out out with a foreign file" 1 build --site site --out out --as-of 2026-11-23
expect "--out out with a foreign file" 'qahub: error: --out "out" holds files qahub did not write, such as "notes.txt"; choose a new or empty folder, or pass --force to replace it'
[ -f "$work/out/notes.txt" ] || bad "--out out: the author's file was removed without --force"
(cd "$work" && "$qahub" build --site site --out out --force --as-of 2026-11-23 2>/dev/null) || bad "--force failed"
[ -e "$work/out/notes.txt" ] && bad "--force kept the foreign file"
# An output of a qahub from before the marker: accepted once, and marked.
rm "$work/out/.qahub-output"
run "--out out, no marker" 0 build --site site --out out --as-of 2026-11-23
[ -f "$work/out/.qahub-output" ] || bad "an unmarked earlier output did not get a marker"
[ -z "$(find "$work" -maxdepth 1 -name '.out.*')" ] || bad "staging folders left beside out/"

if [ "$fail" = 0 ]; then echo "file safety: every case holds"; fi
exit "$fail"
