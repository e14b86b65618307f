#!/usr/bin/env bash
# Validates the feed and sitemap of the default site and of every golden
# fixture against atom.rng and sitemap.rng with xmllint (Debian
# libxml2-utils). The default site is built twice: as it is (base_url "/": a
# feed with urn:uuid ids, no sitemap) and with a base_url that has a host, so
# its sitemap is checked too. The golden fixtures' expected trees are what
# the golden tests hold each build to.
#   validate.sh QAHUB_BINARY REPO_ROOT
set -euo pipefail
qahub="$1"; root="$2"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v xmllint >/dev/null || { echo "xmllint missing: install libxml2-utils (.ci/install-deps)"; exit 1; }

checked=0
# validate SCHEMA FILE
validate() {
  xmllint --noout --relaxng "$here/$1" "$2" 2>"$work/xmllint.err" || { cat "$work/xmllint.err"; exit 1; }
  checked=$((checked + 1))
}
# check_output DIR NEEDS_SITEMAP
check_output() {
  validate atom.rng "$1/amendments.xml"
  if [ -e "$1/briefs.xml" ]; then validate atom.rng "$1/briefs.xml"; fi
  if [ "$2" = yes ] || [ -e "$1/sitemap.xml" ]; then validate sitemap.rng "$1/sitemap.xml"; fi
}

mkdir -p "$work/default" "$work/hosted"
cp -r "$root/content" "$root/qahub.yaml" "$work/default/"
[ -d "$root/data" ] && cp -r "$root/data" "$work/default/"
cp -r "$work/default/." "$work/hosted/"
sed -i 's|^base_url: .*|base_url: https://hub.example.test/qa/|' "$work/hosted/qahub.yaml"
grep -q '^base_url: https://' "$work/hosted/qahub.yaml" || echo 'base_url: https://hub.example.test/qa/' >>"$work/hosted/qahub.yaml"
for s in default hosted; do
  "$qahub" build --site "$work/$s" --out "$work/$s.out" --as-of 2026-11-23 2>"$work/$s.err" || { cat "$work/$s.err"; exit 1; }
done
check_output "$work/default.out" no
check_output "$work/hosted.out" yes
[ -e "$work/default.out/briefs.xml" ] || { echo "the default site has learning briefs but no briefs.xml"; exit 1; }
for expected in "$root"/tests/sites/*.expected; do
  [ -d "$expected" ] && check_output "$expected" no
done
echo "xml: $checked files valid"
