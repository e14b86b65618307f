#!/usr/bin/env bash
# Adds a meeting with a typo in the forum id to a copy of the default site,
# checks the error text and position, fixes it, and checks the pages.
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/content" "$root/qahub.yaml" "$root/data" "$work/"

cat > "$work/data/meetings/2026-11-practice-board-extra.json" <<'JSON'
{
  "$schema": "../schemas/meeting.schema.json",
  "id": "2026-11-practice-board-extra",
  "forum": "practise-board",
  "date": "2026-11-17",
  "attendees": ["Principal Social Worker (chair)", "Head of Quality Assurance"],
  "agenda": [{"time": "10:00-10:30", "item": "Overdue actions on return home interviews", "lead": "Principal Social Worker"}],
  "decisions": [{"id": "d1", "text": "Agree a recovery plan for return home interviews.", "actions": ["a-037"]}]
}
JSON
cat > "$work/data/actions/a-037.json" <<'JSON'
{
  "$schema": "../schemas/action.schema.json",
  "id": "a-037",
  "title": "Agree a recovery plan for return home interviews",
  "source": {"type": "meeting", "id": "2026-11-practice-board-extra", "item": "d1"},
  "owner": "Service Manager, Adolescent Risk Service",
  "due": "2027-01-29",
  "status": [{"date": "2026-11-17", "status": "open"}]
}
JSON

if "$qahub" build --site "$work" --out "$work/out" --as-of 2026-11-23 2>"$work/stderr"; then
  echo "build with a typo in the forum id succeeded"; exit 1
fi
expected='data/meetings/2026-11-practice-board-extra.json:4:12: error: unknown forum "practise-board"; did you mean "practice-board"?'
grep -qxF "$expected" "$work/stderr" || { echo "missing: $expected"; cat "$work/stderr"; exit 1; }
[ ! -e "$work/out" ] || { echo "a failed build wrote output"; exit 1; }

sed -i 's/"practise-board"/"practice-board"/' "$work/data/meetings/2026-11-practice-board-extra.json"
"$qahub" build --site "$work" --out "$work/out" --as-of 2026-11-23 2>"$work/stderr" || { cat "$work/stderr"; exit 1; }
grep -q 'href="[^"]*meetings/2026-11-practice-board-extra/' "$work/out/forums/practice-board/index.html" ||
  { echo "meeting not on the forum page"; exit 1; }
grep -q 'a-037: Agree a recovery plan for return home interviews' "$work/out/forums/practice-board/index.html" ||
  { echo "action not on the forum page"; exit 1; }
grep -q 'a-037</a> Agree a recovery plan' "$work/out/actions/index.html" || { echo "action not in the register"; exit 1; }
grep -q 'a-037,Agree a recovery plan for return home interviews,meeting,' "$work/out/actions/actions.csv" ||
  { echo "action not in the CSV"; exit 1; }
[ -s "$work/out/meetings/2026-11-practice-board-extra/index.html" ] || { echo "no meeting page"; exit 1; }
# The cycle running on 17 November 2026 lists the meeting and the action opened at it.
cycle="$work/out/cycles/2026-27-cycle-2/index.html"
grep -q 'href="[^"]*meetings/2026-11-practice-board-extra/' "$cycle" || { echo "meeting not on the cycle page"; exit 1; }
grep -q 'a-037: Agree a recovery plan for return home interviews' "$cycle" || { echo "action not on the cycle page"; exit 1; }
grep -q 'Agree a recovery plan for return home interviews.' "$work/out/actions/a-037/index.html"
echo "records: new meeting ok"
