#!/usr/bin/env bash
# The Debian package (cmake/package.cmake), as a user installs it:
#  - Depends lists a package for every library the binary loads (ldd), and no
#    -dev package;
#  - it holds the binary, the manual page and the bash completion, and both
#    say what --help says;
#  - the packaged qahub builds the default site byte-identically to the
#    tree's own binary.
# usage: deb_test.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
build="$(cd "$1" && pwd)"
root="$(cd "$2" && pwd)"
fail=0
bad() { echo "FAIL: $*"; fail=1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

deb="$(ls "$build"/package/qahub_*_amd64.deb 2>/dev/null | head -1)"
[ -n "$deb" ] || { echo "FAIL: no package in $build/package (the package.deb test makes it)"; exit 1; }
version="$(dpkg-deb -f "$deb" Version)"
[ "$(basename "$deb")" = "qahub_${version}_amd64.deb" ] || bad "file name $(basename "$deb") does not carry version $version"
"$build/qahub" --version | head -1 | grep -qx "qahub $version" || bad "the package's version $version is not the binary's"

# Depends: from dpkg-shlibdeps, no -dev package.
depends="$(dpkg-deb -f "$deb" Depends)"
[ -n "$depends" ] || bad "the package has no Depends"
echo "Depends: $depends"
deps=()
IFS=',' read -ra parts <<<"$depends"
for p in "${parts[@]}"; do
  name="$(echo "$p" | sed 's/^ *//; s/ .*//')"
  deps+=("$name")
  case "$name" in *-dev) bad "Depends lists the development package $name" ;; esac
done

# Its files.
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/files"
for f in ./usr/bin/qahub ./usr/share/man/man1/qahub.1.gz ./usr/share/bash-completion/completions/qahub; do
  grep -qx "$f" "$work/files" || bad "the package has no $f"
done
mkdir "$work/root"
dpkg -x "$deb" "$work/root"
bin="$work/root/usr/bin/qahub"

# Every library ldd lists comes from a package in Depends: a library the
# binary names itself (NEEDED) from one listed there, one it loads through
# another library from a package those depend on in turn.
closure=" ${deps[*]} "
queue=("${deps[@]}")
while [ "${#queue[@]}" -gt 0 ]; do
  pkg="${queue[0]}"; queue=("${queue[@]:1}")
  for d in $(dpkg-query -W -f='${Depends}, ${Pre-Depends}' "$pkg" 2>/dev/null | tr ',|' '\n\n' | sed 's/^ *//; s/[ :].*//'); do
    [ -n "$d" ] || continue
    case "$closure" in *" $d "*) ;; *) closure+="$d "; queue+=("$d") ;; esac
  done
done
objdump -p "$bin" | awk '$1 == "NEEDED" {print $2}' >"$work/needed"
ldd "$bin" >"$work/ldd" || bad "ldd failed on the packaged binary"
grep -q "not found" "$work/ldd" && bad "a library is not found: $(grep 'not found' "$work/ldd")"
checked=0
while read -r soname lib; do
  owner=""
  for candidate in "$lib" "$(readlink -f "$lib")" "/usr${lib}" "${lib#/usr}"; do
    owner="$(dpkg -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1)" && [ -n "$owner" ] && break
  done
  if [ -z "$owner" ]; then bad "no package owns $lib"; continue; fi
  checked=$((checked + 1))
  if grep -qx "$soname" "$work/needed"; then
    found=0
    for d in "${deps[@]}"; do [ "$d" = "$owner" ] && found=1; done
    [ "$found" = 1 ] || bad "$soname (NEEDED) comes from $owner, which Depends does not list"
  else
    case "$closure" in *" $owner "*) ;; *) bad "$lib comes from $owner, which nothing in Depends brings" ;; esac
  fi
done < <(awk '/=>/ {print $1, $3} !/=>/ && $1 ~ /^\// {n = $1; sub(/.*\//, "", n); print n, $1}' "$work/ldd")
[ "$checked" -ge 5 ] || bad "only $checked libraries checked"
while read -r soname; do
  grep -q "^[[:space:]]*$soname " "$work/ldd" || bad "NEEDED $soname is not in ldd's list"
done <"$work/needed"

# The manual page and the completion say what --help says.
zcat "$work/root/usr/share/man/man1/qahub.1.gz" >"$work/qahub.1"
grep -q '^\.TH QAHUB 1 "" "qahub '"$version"'" "User Commands"$' "$work/qahub.1" || bad "qahub.1 has no title line for $version"
for cmd in build check serve new publish search completion; do
  grep -q "^\.SS \"qahub $cmd" "$work/qahub.1" || bad "qahub.1 does not describe qahub $cmd"
done
grep -q 'Keep the build cache (what qahub search reads) here' "$work/qahub.1" || bad "qahub.1 lacks --cache-dir's help text"
grep -q '^\.SS "qahub new site' "$work/qahub.1" || bad "qahub.1 does not describe qahub new site"
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _qahub; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$work/root/usr/share/bash-completion/completions/qahub" "$@" | sort | tr '\n' ' '
}
[ "$(complete_words qahub bu)" = "build " ] || bad "completing 'qahub bu' gave '$(complete_words qahub bu)'"
[ "$(complete_words qahub new si)" = "site " ] || bad "completing 'qahub new si' gave '$(complete_words qahub new si)'"
[ "$(complete_words qahub build --cache)" = "--cache-dir " ] || bad "completing 'qahub build --cache' gave '$(complete_words qahub build --cache)'"
[ "$(complete_words qahub --site . bui)" = "build " ] || bad "completing after --site's value gave '$(complete_words qahub --site . bui)'"

# Byte-identical to the tree's binary on the default site.
"$build/qahub" build --site "$root" --as-of 2026-12-06 --out "$work/tree" --cache-dir "$work/cache-tree" >"$work/t.out" 2>&1 \
  || { bad "the tree's binary failed"; cat "$work/t.out"; }
"$bin" build --site "$root" --as-of 2026-12-06 --out "$work/packaged" --cache-dir "$work/cache-packaged" >"$work/p.out" 2>&1 \
  || { bad "the packaged binary failed"; cat "$work/p.out"; }
diff -r "$work/tree" "$work/packaged" >"$work/diff" || { bad "the packaged binary's site differs"; head -20 "$work/diff"; }
diff -r "$work/cache-tree" "$work/cache-packaged" >/dev/null || bad "the packaged binary's search cache differs"

[ "$fail" = 0 ] && echo "ok: $(basename "$deb"), ${#deps[@]} dependencies, $checked libraries, $(grep -c . "$work/files") entries"
exit "$fail"
