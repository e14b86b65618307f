#!/usr/bin/env bash
# `qahub serve` serves the output safely: pages, index.html for directories,
# slash redirects, MIME types, the site's 404.html with status 404, and
# nothing outside the output directory (.., encoded .., symlinks out).
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
source "$(dirname "$0")/lib.sh"
cp -r "$root/tests/sites/basic" "$work/site"
start_serve "$work/site" --as-of "$(cat "$work/site/as-of")"
out="$work/site/.qahub/serve-public"
[ -f "$out/index.html" ] || fail "serve did not build into SITE/.qahub/serve-public"
[ ! -e "$work/site/public" ] || fail "serve touched public/"
grep -q "serving $out at $url/practice/ " "$work/serve.log" || fail "log does not name the URL with the base path"

# The fixture's base_url is .../practice/: pages live under it.
[ "$(status "$url/")" = 302 ] || fail "/ should redirect to the base path"
[ "$(header "$url/" Location)" = /practice/ ] || fail "/ redirects to $(header "$url/" Location)"
[ "$(status "$url/practice/")" = 200 ] || fail "home page"
[ "$(header "$url/practice/" Content-Type)" = "text/html; charset=utf-8" ] || fail "home page type"
contains "$url/practice/guides/first/" '<script src="/practice/__qahub/live-reload.js" defer></script>' \
  || fail "pages carry the live-reload script"
grep -rq 'live-reload.js' "$root/tests/sites/basic.expected" && fail "a plain build must not carry the script"

# Directories: slash redirect, keeping the query.
[ "$(status "$url/practice/guides")" = 301 ] || fail "directory without slash"
[ "$(header "$url/practice/guides?x=1" Location)" = "/practice/guides/?x=1" ] || fail "redirect location"
[ "$(status "$url/practice/guides/")" = 200 ] || fail "directory index"

# MIME types of real site files.
css="$(cd "$out" && find . -name '*.css' | head -1 | cut -c2-)"
js="$(cd "$out" && find . -name '*.js' | head -1 | cut -c2-)"
[ "$(header "$url/practice$css" Content-Type)" = "text/css; charset=utf-8" ] || fail "css type"
[ "$(header "$url/practice$js" Content-Type)" = "text/javascript; charset=utf-8" ] || fail "js type"
[ "$(header "$url/practice/guides/cycle.svg" Content-Type)" = "image/svg+xml" ] || fail "svg type"
[ "$(header "$url/practice/sitemap.xml" Content-Type)" = "application/xml" ] || fail "xml type"
[ "$(header "$url/practice/search/index.json" Content-Type)" = "application/json" ] || fail "json type"
[ "$(header "$url/practice/__qahub/live-reload.js" Content-Type)" = "text/javascript; charset=utf-8" ] || fail "script under the base path"
[ "$(header "$url/__qahub/live-reload.js" Content-Type)" = "text/javascript; charset=utf-8" ] || fail "script at the root"

# Not found: the site's own 404 page, with status 404.
[ "$(status "$url/practice/no-such-page/")" = 404 ] || fail "missing page status"
curl -s --max-time 5 "$url/practice/no-such-page/" >"$work/404.body"
cmp -s "$work/404.body" "$out/404.html" || fail "404 body is not the site's 404.html"
[ "$(status "$url/elsewhere/")" = 404 ] || fail "outside the base path"

# Traversal: refused, whatever the spelling; the config never leaks.
for path in /practice/../qahub.yaml /practice/../../qahub.yaml /practice/%2e%2e/%2e%2e/qahub.yaml \
            /practice/guides/..%2f..%2f..%2fqahub.yaml "/practice/..%5c..%5cqahub.yaml"; do
  code="$(status "$url$path" --path-as-is)"
  [ "$code" = 403 ] || fail "$path gave $code"
  curl -s --max-time 5 --path-as-is "$url$path" >"$work/body" || true
  if grep -q 'base_url' "$work/body"; then fail "$path leaked qahub.yaml"; fi
done
# Symlinks: out of the root refused, inside served.
ln -s "$work/site/qahub.yaml" "$out/leak.txt"
ln -s "$out/guides" "$out/alias"
[ "$(status "$url/practice/leak.txt")" = 403 ] || fail "symlink out of the root"
[ "$(status "$url/practice/alias/first/")" = 200 ] || fail "symlink inside the root"

stop_serve
echo "serve http: ok on port $port"
