#!/usr/bin/env bash
# Mutation fuzzing of `qahub check` over a copy of the default site (pages,
# records, narratives, qahub.yaml, synonyms), meant for the ASan+UBSan build.
# Every input must give exit 0 or 1 within 5 s, no sanitizer report or crash,
# and only diagnostics that name a site file. The cases under tests/fuzz/cases/
# (files laid over the default site; each once broke qahub) run first.
# A failing input is kept in $QAHUB_FUZZ_OUT (default ./fuzz-failures): add it
# as tests/fuzz/cases/<name>/<site path> once fixed.
#   bash tests/fuzz/fuzz.sh build-asan/qahub . [SECONDS] [SEED]
set -uo pipefail
qahub="$1"; root="$(cd "$2" && pwd)"; seconds="${3:-60}"; seed="${4:-$(date +%s)}"
cases="$root/tests/fuzz/cases"
failures="${QAHUB_FUZZ_OUT:-$PWD/fuzz-failures}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pristine"
cp -r "$root/content" "$root/data" "$root/qahub.yaml" "$work/pristine/"
rm -rf "$work/pristine/data/schemas"  # the compiled-in schemas; fuzz the records, not the schemas
fail=0
runs=0

# Runs `qahub check` on $work/site; prints what is wrong, if anything.
judge() {
  timeout 5 "$qahub" check --site "$work/site" --as-of 2026-11-23 >"$work/out" 2>"$work/err"
  local code=$?
  if [ "$code" = 124 ]; then echo "hang (no answer in 5 s)"; return; fi
  if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|terminate called|Segmentation' "$work/err"; then
    echo "sanitizer report or crash:"; head -20 "$work/err"; return
  fi
  if [ "$code" != 0 ] && [ "$code" != 1 ]; then echo "exit $code:"; head -5 "$work/err"; return; fi
  if grep -E ': (error|warning): ' "$work/err" | grep -vE '^(content/|data/|themes/|qahub\.yaml)'; then
    echo "a diagnostic that names no site file"
  fi
}

fresh_site() { rm -rf "$work/site"; cp -r "$work/pristine" "$work/site"; }

# 1. Inputs that once failed.
if [ -d "$cases" ]; then
  for c in "$cases"/*/; do
    fresh_site
    cp -r "$c." "$work/site/"
    problem="$(judge)"; runs=$((runs + 1))
    if [ -n "$problem" ]; then echo "FAIL: case $(basename "$c"): $problem"; fail=1; fi
  done
fi

# 2. Random mutations until time is up.
mapfile -t targets < <(cd "$work/pristine" && find content data qahub.yaml -type f \( -name '*.md' -o -name '*.json' -o -name '*.yaml' \) | sort)
end=$(($(date +%s) + seconds))
i=0
fresh_site
while [ "$(date +%s)" -lt "$end" ]; do
  i=$((i + 1))
  target="${targets[$(((seed + i * 7919) % ${#targets[@]}))]}"
  perl -e '
    srand($ARGV[1]);
    local $/; open(my $f, "<:raw", $ARGV[0]) or die; my $s = <$f>; close $f;
    my @tokens = ("1e999", "-1e999", "99999999999999999999999", "\"", "\x27", "[", "{", "]", "}", "\t", "\xFF",
                  "\xC3", "\xED\xA0\x80", ": ", ":", "\n---\n", "\r\n", "\0", "{{", "}}", "{{#x}}", "[x](",
                  "](../nope.md)", "#", "- ", "&a ", "*a ", "!!binary ", "null", "\\ud800", "\n\t", "|\n", "? ",
                  "\xEF\xBB\xBF", "<script>", "title: x\n", "\"id\": 1, ");
    for (1 .. 1 + int(rand(3))) {
      my $n = length($s); my $at = $n ? int(rand($n)) : 0; my $op = int(rand(5));
      if ($op == 0 && $n) { substr($s, $at, 1) = chr(int(rand(256))); }
      elsif ($op == 1) { substr($s, $at, 0) = $tokens[int(rand(@tokens))]; }
      elsif ($op == 2 && $n) { substr($s, $at, 1 + int(rand(20))) = ""; }
      elsif ($op == 3) { my @l = split(/\n/, $s, -1); my $k = int(rand(@l)); splice(@l, $k, 0, $l[$k]); $s = join("\n", @l); }
      else { $s = substr($s, 0, $at); }
    }
    open(my $o, ">:raw", $ARGV[0]) or die; print $o $s; close $o;
  ' "$work/site/$target" "$((seed + i))"
  problem="$(judge)"; runs=$((runs + 1))
  if [ -n "$problem" ]; then
    echo "FAIL: seed $((seed + i)), $target: $problem"
    mkdir -p "$failures/seed-$((seed + i))/$(dirname "$target")"
    cp "$work/site/$target" "$failures/seed-$((seed + i))/$target"
    fail=1
  fi
  cp "$work/pristine/$target" "$work/site/$target"
done
echo "fuzz: $runs inputs in ${seconds} s (seed $seed)"
exit $fail
