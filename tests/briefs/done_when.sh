#!/usr/bin/env bash
# Issue 19's "Done when", tried as a new user would on a copy of the default
# site with only the built binary: a brief missing "What good looks like" is
# the exact error at its `brief:` key; a case brief without its anonymisation
# is an error; recording a use with `qahub new brief-use` raises the count on
# the brief and on the page of the cycle it was made from; `qahub new brief`
# writes a draft that builds with --drafts; briefs.xml lists the published
# briefs; the report's `briefs` block counts the period's briefs and uses.
# (Printing is briefs.print_one_sheet.)
#   done_when.sh QAHUB_BINARY REPO_ROOT
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
as_of=2026-11-23
fail() { echo "FAIL: $*"; exit 1; }
fresh() { rm -rf "$work/site"; mkdir -p "$work/site"; cp -r "$root/content" "$root/data" "$root/qahub.yaml" "$work/site/"; }
build() { "$qahub" build --site "$work/site" --out "$work/out" --as-of "$as_of" "$@" 2>"$work/stderr"; }

# 1. A brief missing "What good looks like": the exact error at its brief: key.
fresh
brief="$work/site/content/briefs/management-oversight.md"
python3 - "$brief" <<'EOF'
import re, sys
p = sys.argv[1]; s = open(p).read()
s2 = re.sub(r"## What good looks like\n.*?(?=\n## )", "", s, flags=re.S)
assert s2 != s
open(p, "w").write(s2)
EOF
line="$(grep -n '^brief:' "$brief" | cut -d: -f1)"
build && fail "a brief missing a section built"
want="content/briefs/management-oversight.md:$line:1: error: brief section \"What good looks like\" is missing; add a \"## What good looks like\" heading after \"What we found\""
grep -qxF "$want" "$work/stderr" || { cat "$work/stderr"; fail "expected: $want"; }
echo "missing section: $want"

# 2. A case brief without its anonymisation statement: an error at based_on_case.
fresh
brief="$work/site/content/briefs/return-home-interviews.md"
python3 - "$brief" <<'EOF'
import re, sys
p = sys.argv[1]; s = open(p).read()
s2 = re.sub(r"  anonymisation: >-\n(    .*\n)+", "", s)
assert s2 != s
open(p, "w").write(s2)
EOF
line="$(grep -n 'based_on_case: true' "$brief" | cut -d: -f1)"
build && fail "a case brief without anonymisation built"
want="content/briefs/return-home-interviews.md:$line:18: error: a brief based on a case needs \"anonymisation\": what was changed to protect the family (names, ages, places, family composition)"
grep -qxF "$want" "$work/stderr" || { cat "$work/stderr"; fail "expected: $want"; }
echo "no anonymisation: $want"

# 3. Record a use: the brief's count and its cycle page's count go up.
fresh
build || { cat "$work/stderr"; fail "the default site did not build"; }
teams() { grep -o 'Used by [0-9]* teams\? since' "$work/out/briefs/return-home-interviews/index.html" | grep -o '[0-9]*'; }
cycle_uses() { grep -o 'return-home-interviews/">[^<]*</a> (from kl2): used [0-9]* times\?' "$work/out/cycles/2025-26-cycle-2/index.html" | grep -o 'used [0-9]*' | grep -o '[0-9]*'; }
before_teams="$(teams)"; before_uses="$(cycle_uses)"
[ -n "$before_teams" ] && [ -n "$before_uses" ] || fail "no use counts on the brief or its cycle page"
"$qahub" new brief-use return-home-interviews "Youth justice service" --site "$work/site" --as-of "$as_of" \
  >"$work/new.out" 2>"$work/new.err" || { cat "$work/new.err"; fail "qahub new brief-use failed"; }
grep -qxF "qahub: created data/brief-uses/$as_of-return-home-interviews-1.json" "$work/new.out" ||
  { cat "$work/new.out"; fail "new brief-use did not say what it created"; }
build || { cat "$work/stderr"; fail "the site with a new use did not build"; }
after_teams="$(teams)"; after_uses="$(cycle_uses)"
[ "$after_teams" = $((before_teams + 1)) ] || fail "brief: $before_teams teams before, $after_teams after"
[ "$after_uses" = $((before_uses + 1)) ] || fail "cycle page: $before_uses uses before, $after_uses after"
echo "record a use: brief $before_teams → $after_teams teams, cycle page $before_uses → $after_uses uses"
# A second use the same day numbers itself.
"$qahub" new brief-use briefs/return-home-interviews "Children in care team" --site "$work/site" --as-of "$as_of" \
  >"$work/new.out" 2>&1
grep -qxF "qahub: created data/brief-uses/$as_of-return-home-interviews-2.json" "$work/new.out" ||
  { cat "$work/new.out"; fail "a second use the same day"; }
"$qahub" new brief-use content/_index.md "A team" --site "$work/site" --as-of "$as_of" >"$work/new.out" 2>&1 &&
  fail "a use of a page that is not a brief was created"
grep -qxF 'qahub: error: content/_index.md is not a brief (its front matter has no "type: brief")' "$work/new.out" ||
  { cat "$work/new.out"; fail "new brief-use of a page that is not a brief"; }

# 4. qahub new brief: a draft with every section, built with --drafts.
"$qahub" new brief team-meetings "Using team meetings for learning" --site "$work/site" --as-of "$as_of" \
  >"$work/new.out" 2>"$work/new.err" || { cat "$work/new.err"; fail "qahub new brief failed"; }
grep -qxF "qahub: created content/briefs/team-meetings.md" "$work/new.out" || { cat "$work/new.out"; fail "new brief"; }
build || { cat "$work/stderr"; fail "a new draft brief broke the build"; }
[ ! -e "$work/out/briefs/team-meetings/index.html" ] || fail "a draft brief was published"
build --drafts || { cat "$work/stderr"; fail "a new brief did not build with --drafts"; }
for section in "Background" "What good looks like" "Questions for your team" "Further reading"; do
  grep -q ">$section</h2>" "$work/out/briefs/team-meetings/index.html" || fail "new brief lacks \"$section\""
done
echo "new brief: a draft with every section builds with --drafts"

# 5. briefs.xml: one entry per published brief.
build || { cat "$work/stderr"; fail "build"; }
published="$(grep -l '^published:' "$work"/site/content/briefs/*.md | wc -l)"
entries="$(grep -c '<entry>' "$work/out/briefs.xml")"
[ "$entries" = "$published" ] || fail "briefs.xml has $entries entries for $published published briefs"
echo "briefs.xml: $entries entries"

# 6. The report's briefs block counts the uses recorded in its period.
build --drafts || { cat "$work/stderr"; fail "build --drafts"; }
grep -q 'report-briefs' "$work/out/learning/2026-27-cycle-2/index.html" || fail "the draft report has no briefs block"
grep -o '<p>[0-9]* learning briefs\? w[a-z]* published in the period, and teams recorded [^<]*' \
  "$work/out/learning/2026-27-cycle-2/index.html" | sed 's/^<p>/report: /'
echo "briefs: done-when checks passed"
