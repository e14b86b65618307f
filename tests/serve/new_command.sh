#!/usr/bin/env bash
# `qahub new` output builds and validates at once, and a second `new` of the
# same target exits 1 without touching the file.
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A page on the small fixture site, in an existing and in a new section.
cp -r "$root/tests/sites/basic" "$work/basic"
as_of="$(cat "$work/basic/as-of")"
out="$("$qahub" new page guides/return-interviews "Return interviews" --site "$work/basic" --as-of "$as_of")"
[ "$out" = "qahub: created content/guides/return-interviews.md" ] || fail "new page printed: $out"
out="$("$qahub" new page --site "$work/basic" --as-of "$as_of" briefings/team-meeting "Team meeting brief")"
[ "$out" = "$(printf 'qahub: created content/briefings/_index.md\nqahub: created content/briefings/team-meeting.md')" ] \
  || fail "new page in a new section printed: $out"
grep -q '^review_by: 2026-06-01$' "$work/basic/content/guides/return-interviews.md" || fail "review_by is not a year on"
"$qahub" check --site "$work/basic" --as-of "$as_of" 2>"$work/check.err" || { cat "$work/check.err"; fail "check failed"; }
# Their only diagnostics are the placeholders they hold, each a warning at its position (issue 30).
if grep -E 'return-interviews|briefings' "$work/check.err" | grep -v ': warning: placeholder "TODO:" left in the text; replace it with the finished text$'; then
  fail "new pages gave diagnostics"; fi
grep -qxF 'content/guides/return-interviews.md:3:15: warning: placeholder "TODO:" left in the text; replace it with the finished text' \
  "$work/check.err" || { cat "$work/check.err"; fail "no placeholder warning"; }

# A second `new` of the same page: exit 1, the file unchanged.
echo "my own words" >>"$work/basic/content/guides/return-interviews.md"
before="$(sha256sum "$work/basic/content/guides/return-interviews.md")"
code=0
"$qahub" new page guides/return-interviews "Other" --site "$work/basic" --as-of "$as_of" 2>"$work/again.err" || code=$?
[ "$code" = 1 ] || fail "second new exited $code"
[ "$(cat "$work/again.err")" = "content/guides/return-interviews.md: error: already exists; qahub new never overwrites a file" ] \
  || fail "second new said: $(cat "$work/again.err")"
[ "$before" = "$(sha256sum "$work/basic/content/guides/return-interviews.md")" ] || fail "file changed"

# Without a section the page is top level; without a title it comes from the name.
out="$("$qahub" new page return-interviews --site "$work/basic" --as-of "$as_of")"
[ "$out" = "qahub: created content/return-interviews.md" ] || fail "new page NAME said: $out"
grep -qx 'title: "Return interviews"' "$work/basic/content/return-interviews.md" || fail "title not from the name"
# Usage errors exit 2.
code=0; "$qahub" new page --site "$work/basic" 2>/dev/null || code=$?
[ "$code" = 2 ] || fail "missing page name exited $code"
code=0; "$qahub" new page "Guides/X" "T" --site "$work/basic" 2>/dev/null || code=$?
[ "$code" = 1 ] || fail "bad page path exited $code"

# Records on a copy of the default site: cycle, audit, meeting (+ minutes).
mkdir "$work/default"
cp -r "$root/content" "$root/qahub.yaml" "$root/data" "$work/default/"
as_of=2026-11-23
"$qahub" check --site "$work/default" --as-of "$as_of" 2>"$work/before.err" || { cat "$work/before.err"; fail "the default site does not check before new"; }
"$qahub" new cycle --site "$work/default" --as-of "$as_of" >"$work/new.out"
"$qahub" new audit "Return home interviews" --site "$work/default" --as-of "$as_of" >>"$work/new.out"
"$qahub" new meeting practice-board --site "$work/default" --as-of "$as_of" >>"$work/new.out"
cat "$work/new.out"
grep -qE '^qahub: created data/cycles/[0-9]{4}-[0-9]{2}-cycle-[1-3]\.json$' "$work/new.out" || fail "cycle"
grep -qx 'qahub: created data/audits/return-home-interviews-2026.json' "$work/new.out" || fail "audit"
grep -qx 'qahub: created data/meetings/2026-11-23-practice-board.json' "$work/new.out" || fail "meeting"
grep -qx 'qahub: created data/meetings/2026-11-23-practice-board.md' "$work/new.out" || fail "minutes"
grep -q '"\$schema": "../schemas/meeting.schema.json"' "$work/default/data/meetings/2026-11-23-practice-board.json" || fail "schema"
"$qahub" check --site "$work/default" --as-of "$as_of" 2>"$work/after.err" || { cat "$work/after.err"; fail "check failed after new"; }
diff <(grep -v '^qahub: ' "$work/before.err") <(grep -v '^qahub: \|: warning: placeholder "TODO:" left in the text' "$work/after.err") \
  || fail "new records added diagnostics besides their placeholders"
# new action: the next number, open as of --as-of, from a record the site holds.
out="$("$qahub" new action "Add fathers' details to every assessment" --source audit/father-inclusive-2026/r1 \
  --owner "Head of Service, Assessment" --due 2027-02-26 --site "$work/default" --as-of "$as_of" 2>"$work/action.err")"
[ "$out" = "qahub: created data/actions/a-047.json" ] || fail "new action: $out"
[ "$(cat "$work/action.err")" = "qahub: now run qahub check" ] || fail "new action said: $(cat "$work/action.err")"
python3 - "$work/default/data/actions/a-047.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
assert a["source"] == {"type": "audit", "id": "father-inclusive-2026", "item": "r1"}, a
assert a["owner"] == "Head of Service, Assessment" and a["due"] == "2027-02-26", a
assert a["status"] == [{"date": "2026-11-23", "status": "open"}], a
PY
"$qahub" check --site "$work/default" --as-of "$as_of" 2>"$work/action-check.err" || { cat "$work/action-check.err"; fail "check after new action"; }
if grep 'a-047' "$work/action-check.err"; then fail "the new action gave diagnostics"; fi
code=0; "$qahub" new action "X" --source audit/father-inclusve-2026 --site "$work/default" --as-of "$as_of" 2>"$work/bad-source.err" || code=$?
[ "$code" = 1 ] || fail "unknown source exited $code"
[ "$(cat "$work/bad-source.err")" = 'qahub: error: --source names audit "father-inclusve-2026", which this site does not have; did you mean "father-inclusive-2026"?' ] \
  || fail "unknown source said: $(cat "$work/bad-source.err")"
# Each subcommand's --help lists every option, --site and --as-of included.
"$qahub" new cycle --help >"$work/help.out"
grep -q -- '--site' "$work/help.out" && grep -q -- '--as-of' "$work/help.out" || { cat "$work/help.out"; fail "new cycle --help"; }
# The next audit of the same theme takes the next id.
out="$("$qahub" new audit "Return home interviews" --site "$work/default" --as-of "$as_of")"
[ "$out" = "qahub: created data/audits/return-home-interviews-2026-2.json" ] || fail "second audit: $out"
code=0; "$qahub" new meeting practice-board --site "$work/default" --as-of "$as_of" 2>/dev/null || code=$?
[ "$code" = 1 ] || fail "second meeting exited $code"
code=0; "$qahub" new meeting practice-bord --site "$work/default" --as-of "$as_of" 2>"$work/forum.err" || code=$?
[ "$code" = 1 ] || fail "unknown forum exited $code"
grep -q 'unknown forum "practice-bord"; did you mean "practice-board"?' "$work/forum.err" || fail "forum message"
echo "new: ok"
