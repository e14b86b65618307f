#!/usr/bin/env bash
# Every internal link of every site the suite builds resolves to a file the
# build wrote, and no two written paths differ only by case or Unicode
# normalisation (output_walk.py).
# Built: the embedded default site (also with --drafts --include-sensitive,
# so the draft report and the sensitive pages are walked too), each golden
# site exactly as tests/golden/check_golden.sh builds it (its as-of file,
# --jobs 2), and tests/records/site with tests/sites/basic's qahub.yaml as
# tests/fuzz/fuzz.py seeds it; each of them again with --relative-urls, where
# every link must be a relative path naming a file (never a folder: over
# file:// a folder is not its index.html). First, a self-test: a broken link,
# a case clash, an NFC/NFD clash, a link outside the base path and a relative
# build's root-relative link must each fail.
set -euo pipefail
qahub="$1"; root="$2"
walk=(python3 "$root/tests/cli/output_walk.py")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- self-test: the walk really fails ---------------------------------------
expect_fail() {  # NAME ARGS...: output_walk.py must exit 1 and name a problem
  local name="$1"; shift
  set +e; "${walk[@]}" "$@" >"$work/self.out" 2>&1; local code=$?; set -e
  [ "$code" = 1 ] || { echo "self-test $name: expected exit 1, got $code"; cat "$work/self.out"; exit 1; }
}
mkdir -p "$work/self/ok/a#b" "$work/self/broken" "$work/self/clash/page" "$work/self/clash/Page"
printf '<a href="/a%%23b/">x</a> <a href="a%%23b/index.html">y</a> <a href="#top">z</a> <img src="a%%23b/" srcset="a%%23b/index.html 2x">' \
  >"$work/self/ok/index.html"
printf 'ok' >"$work/self/ok/a#b/index.html"
"${walk[@]}" "$work/self/ok" >"$work/self.out" || { echo "self-test: a good folder fails"; cat "$work/self.out"; exit 1; }
printf '<p><a href="missing/">gone</a></p>' >"$work/self/broken/index.html"
expect_fail broken-link "$work/self/broken"
grep -q "missing/" "$work/self.out" || { echo "self-test: the broken link is not named"; cat "$work/self.out"; exit 1; }
printf '<a href="/">home</a>' >"$work/self/clash/index.html"
printf 'a' >"$work/self/clash/page/index.html"
printf 'b' >"$work/self/clash/Page/index.html"
expect_fail case-clash "$work/self/clash"
grep -q "differ only by case" "$work/self.out" || { echo "self-test: the case clash is not named"; cat "$work/self.out"; exit 1; }
expect_fail outside-base-path --base-path /practice/ "$work/self/ok"
grep -q "outside the base path" "$work/self.out" || { echo "self-test: the link outside the base path is not named"; cat "$work/self.out"; exit 1; }
expect_fail relative-root-link --relative "$work/self/ok"
grep -q "root-relative URL" "$work/self.out" || { echo "self-test: the root-relative link is not named"; cat "$work/self.out"; exit 1; }
echo "output walk self-test: a broken link, a case clash, an NFC/NFD clash, a link outside the base path and a root-relative link in a relative build each fail"

# --- every site the suite builds --------------------------------------------
base_path() {  # the path of SITE/qahub.yaml's base_url, "/" when none
  local url
  url="$(sed -n 's/^base_url:[[:space:]]*//p' "$1/qahub.yaml" 2>/dev/null | sed -e 's/[[:space:]]#.*$//' -e 's/[[:space:]]*$//' \
         -e "s/^[\"']//" -e "s/[\"']\$//")"
  if [[ "$url" == *://* ]]; then
    url="${url#*://}"
    if [[ "$url" == */* ]]; then url="/${url#*/}"; else url="/"; fi
  fi
  [[ "$url" == /* ]] || url="/"
  echo "$url"
}
failed=0
build_and_walk() {  # NAME SITE AS_OF [ARGS...]: builds twice (site URLs, --relative-urls) and walks both
  local name="$1" site="$2" as_of="$3"; shift 3
  local base; base="$(base_path "$site")"
  for style in urls relative; do
    local out="$work/out/$name.$style" extra=()
    [ "$style" = relative ] && extra=(--relative-urls)
    if ! "$qahub" build --site "$site" --out "$out" --as-of "$as_of" "$@" "${extra[@]}" 2>"$work/stderr"; then
      echo "$name ($style): build failed:"; cat "$work/stderr"; failed=1; continue
    fi
    if [ "$style" = relative ]; then
      "${walk[@]}" --relative "$out" || failed=1
    else
      "${walk[@]}" --base-path "$base" "$out" || failed=1
    fi
  done
}
mkdir -p "$work/out"
mkdir "$work/default"
cp -r "$root/content" "$root/qahub.yaml" "$work/default/"
[ -d "$root/data" ] && cp -r "$root/data" "$work/default/"
build_and_walk default "$work/default" 2026-11-23
build_and_walk default-drafts-sensitive "$work/default" 2026-11-23 --drafts --include-sensitive
for name in basic reports scales; do
  cp -r "$root/tests/sites/$name" "$work/$name"  # a copy, as check_golden.sh does
  build_and_walk "$name" "$work/$name" "$(cat "$root/tests/sites/$name/as-of" 2>/dev/null || echo 2026-11-23)" --jobs 2
done
cp -r "$root/tests/records/site" "$work/records"
cp "$root/tests/sites/basic/qahub.yaml" "$work/records/qahub.yaml"
mkdir -p "$work/records/data/search"
cp "$root/data/search/synonyms.json" "$work/records/data/search/synonyms.json"
build_and_walk records "$work/records" 2026-11-23
[ "$failed" = 0 ] || { echo "output walk: FAILED"; exit 1; }
echo "output walk: $(find "$work/out" -mindepth 1 -maxdepth 1 | wc -l) builds, every internal link resolves, no case clashes"
