#!/usr/bin/env bash
# A site theme holding only templates/partials/footer.mustache, reading
# qahub.yaml's params, changes every page's footer and nothing else: the
# default site is built with and without it, and every output file is
# compared with its footer cut out.
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for s in plain themed; do
  mkdir "$work/$s"
  cp -r "$root/content" "$root/data" "$root/qahub.yaml" "$work/$s/"
done
cat >>"$work/themed/qahub.yaml" <<'YAML'
theme: house
params:
  footer:
    team: Practice Development Team
    links:
      - {label: Service desk, url: /accessibility/}
YAML
mkdir -p "$work/themed/themes/house/templates/partials"
cat >"$work/themed/themes/house/templates/partials/footer.mustache" <<'MUSTACHE'
<p class="house-footer">{{params.footer.team}}{{#params.footer.links}} · <a href="{{url}}">{{label}}</a>{{/params.footer.links}}</p>
MUSTACHE
for s in plain themed; do
  "$qahub" build --site "$work/$s" --out "$work/$s.out" --as-of 2026-11-23 2>"$work/$s.err" || { cat "$work/$s.err"; exit 1; }
done
# The footer partial is what follows the page metadata inside <footer class="site-footer"><div class="wrap">.
cut_footer() { perl -0pe 's{(<footer class="site-footer">\n<div class="wrap">\n(?:<dl class="page-meta">.*?</dl>\n)?)\n?(?:(?!</div>\n</footer>).)*}{$1}s' "$1"; }
pages=0
while IFS= read -r f; do
  rel="${f#$work/plain.out/}"
  [ -f "$work/themed.out/$rel" ] || { echo "missing in the themed build: $rel"; exit 1; }
  if grep -q '<footer class="site-footer">' "$f"; then
    pages=$((pages + 1))
    grep -q '<p class="house-footer">Practice Development Team · <a href="/accessibility/">Service desk</a></p>' \
      "$work/themed.out/$rel" || { echo "$rel: no house footer"; exit 1; }
    if grep -q 'footer-links' "$work/themed.out/$rel"; then echo "$rel: still has the default footer"; exit 1; fi
    cmp -s <(cut_footer "$f") <(cut_footer "$work/themed.out/$rel") || {
      echo "$rel differs outside the footer:"; diff <(cut_footer "$f") <(cut_footer "$work/themed.out/$rel") | head -20; exit 1; }
  else
    cmp -s "$f" "$work/themed.out/$rel" || { echo "$rel (no footer) differs"; exit 1; }
  fi
done < <(find "$work/plain.out" -type f | sort)
[ "$(find "$work/plain.out" -type f | wc -l)" = "$(find "$work/themed.out" -type f | wc -l)" ] || { echo "different file counts"; exit 1; }
[ "$pages" -ge 40 ] || { echo "only $pages pages with a footer"; exit 1; }
echo "theme footer: $pages pages, footers replaced, nothing else changed"
