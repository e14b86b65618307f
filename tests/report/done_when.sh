#!/usr/bin/env bash
# Issue 16 "Done when", on a copy of the default site as of 2026-11-23.
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site"
cp -r "$root/content" "$root/data" "$root/qahub.yaml" "$site/"
as_of=2026-11-23
build() { "$qahub" build --site "$site" --out "$work/out" --as-of "$as_of" "$@" 2>"$work/stderr" || { cat "$work/stderr"; exit 1; }; }
fail() { echo "FAIL: $*"; exit 1; }
text() { sed -e 's/<[^>]*>/ /g' "$work/out/$1" | tr -s ' \n' ' '; }
# bump_first_row FILE KEY DELTA…: adds DELTA to KEY in the first breakdown row,
# so a corrected total still adds up (issue 17), keeping every line in place.
bump_first_row() {
  python3 - "$@" <<'PY'
import re, sys
path, pairs = sys.argv[1], sys.argv[2:]
lines = open(path).read().split("\n")
start = next(i for i, l in enumerate(lines) if '"breakdown": [' in l)
for key, delta in zip(pairs[0::2], pairs[1::2]):
    i = next(i for i in range(start, len(lines)) if re.search('"%s": [0-9]+' % key, lines[i]))
    lines[i] = re.sub('("%s": )([0-9]+)' % key, lambda m: m.group(1) + str(int(m.group(2)) + int(delta)), lines[i])
open(path, "w").write("\n".join(lines))
PY
}

# 1. The published reports build; the draft (2026-27 cycle 2) is left out,
#    its cycle page says "Report in preparation", the summary line counts it.
build
grep -q ', 2 draft reports left out (--drafts builds them)' "$work/stderr" || { cat "$work/stderr"; fail "summary line"; }
[ ! -e "$work/out/learning/2026-27-cycle-2/index.html" ] || fail "draft report built without --drafts"
grep -q 'Report in preparation' "$work/out/cycles/2026-27-cycle-2/index.html" || fail "cycle page of the draft"
if grep -q 'learning/2026-27-cycle-2' "$work/out/search/docs/"*.json "$work/out/amendments.xml"; then fail "draft in search or feed"; fi
grep -q 'published report' "$work/stderr" && { cat "$work/stderr"; fail "warning on unchanged data"; }
grep -q '#published' "$work/out/amendments.xml" || true   # ids are urn:uuid without a host
[ "$(grep -c '<title>Learning and Improvement report: cycle 1, 2026-27: published</title>' "$work/out/amendments.xml")" = 1 ] \
  || fail "one publication entry in the feed"

# 2. Correct a grade count of the draft's cycle: its table, the sentence using
#    the figure and the cycle page change together.
build --drafts
grep -q 'Draft — not published\.' "$work/out/learning/2026-27-cycle-2/index.html" || fail "Draft banner"
# Built with --drafts, a draft is still never in search, the feed, the reports list or the home page.
# (The section's "In this section" list shows it, as it shows any draft page built with --drafts.)
if grep -q 'learning/2026-27-cycle-2' "$work/out/search/docs/"*.json "$work/out/amendments.xml" "$work/out/index.html"; then
  fail "draft in search, the feed or the home page with --drafts"; fi
sed -n '/class="report-block report-list"/,/^<\/div>$/p' "$work/out/learning/index.html" > "$work/list"
grep -q 'learning/2026-27-cycle-1/' "$work/list" || fail "reports list"
if grep -q 'learning/2026-27-cycle-2/' "$work/list"; then fail "draft in the reports list"; fi
# No shortcode reaches the search store.
if grep -q '{{<' "$work/out/search/docs/"*.json; then fail "a shortcode in the search store"; fi
text learning/2026-27-cycle-2/index.html | grep -q '151 audits and moderated 36; 60.9% were graded good or better' \
  || fail "draft sentence before"
sed -i 's/"good": 79,/"good": 85,/; s/"audits_completed": 151,/"audits_completed": 157,/' "$site/data/cycles/2026-27-cycle-2.json"
bump_first_row "$site/data/cycles/2026-27-cycle-2.json" expected 6 completed 6 good 6
build --drafts
text learning/2026-27-cycle-2/index.html | grep -q '157 audits and moderated 36; 62.4% were graded good or better' \
  || fail "draft sentence after the correction"
grep -q '<th scope="row">Good</th><td>85</td>' "$work/out/learning/2026-27-cycle-2/index.html" || fail "draft grades table"
grep -q '<td>157</td>' "$work/out/cycles/2026-27-cycle-2/index.html" || fail "cycle page"

# 3. Correct a figure of a published report's cycle: a warning names the value
#    and the report keeps the published figure until qahub publish --correct.
report=content/learning/2026-27-cycle-1.md
sed -i 's/"audits_completed": 208,/"audits_completed": 210,/; s/"requires_improvement": 74,/"requires_improvement": 76,/' "$site/data/cycles/2026-27-cycle-1.json"
bump_first_row "$site/data/cycles/2026-27-cycle-1.json" expected 2 completed 2 requires_improvement 2
build
grep -qxF "data/cycles/2026-27-cycle-1.json:25:25: notice: published report $report says audits_completed 208, the data now says 210; record the correction with qahub publish --correct" \
  "$work/stderr" || { cat "$work/stderr"; fail "correction warning"; }
text learning/2026-27-cycle-1/index.html | grep -q 'We completed 208 audits' || fail "published figure kept"
"$qahub" publish "$report" --site "$site" --as-of "$as_of" --correct "Two audits were entered late" 2>"$work/pub" \
  || { cat "$work/pub"; fail "publish --correct"; }
grep -q 'corrected content/learning/2026-27-cycle-1.md (version 2' "$work/pub" || { cat "$work/pub"; fail "publish said"; }
# The committee report published after the cycle shows the cycle's figures too: corrected the same way.
"$qahub" publish content/committee/2026-09-progress-report.md --site "$site" --as-of "$as_of" \
  --correct "Two audits were entered late" 2>"$work/pub" || { cat "$work/pub"; fail "publish --correct (committee)"; }
# So does the self-evaluation's current quarterly version: its year's figures cover the cycle.
"$qahub" publish content/self-evaluation/2026-27.md --site "$site" --as-of "$as_of" \
  --correct "Two audits were entered late" 2>"$work/pub" || { cat "$work/pub"; fail "publish --correct (self-evaluation)"; }
grep -q 'wrote data/publications/2026-27-q2.json' "$work/pub" || { cat "$work/pub"; fail "the correction is the Q2 version's"; }
build
grep -q 'published report' "$work/stderr" && { cat "$work/stderr"; fail "warning after the correction"; }
text learning/2026-27-cycle-1/index.html | grep -q 'We completed 210 audits' || fail "corrected figure"
text learning/2026-27-cycle-1/index.html | grep -qE "Corrected on 23 November 2026 *: audits completed 208 → 210; requires improvement 74 → 76(; .*)? \\(Two audits were entered late\\)" || fail "correction shown"
grep -q 'summary: "Corrected: Two audits were entered late"' "$site/$report" || fail "changes item"
python3 - "$site/data/publications/2026-27-cycle-1.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
c = s["corrections"]
assert len(c) == 1 and c[0]["date"] == "2026-11-23", c
assert {"name": "audits_completed", "old": 208, "new": 210} in c[0]["values"], c[0]["values"]
assert s["figures"]["audits_completed"] == 210
PY

# 4. Mark an action complete after a report's publication: the report still
#    shows its status at publication, the register shows it complete.
python3 - "$site/data/actions/a-020.json" <<'PY'
import json, sys
p = sys.argv[1]; a = json.load(open(p))
a["status"].append({"date": "2026-11-20", "status": "complete", "note": "Checked monthly since September."})
open(p, "w").write(json.dumps(a, indent=2) + "\n")
PY
build
grep -q 'published report' "$work/stderr" && { cat "$work/stderr"; fail "progress after publication warned"; }
grep -A1 'a-020: ' "$work/out/learning/2026-27-cycle-1/index.html" | grep -q 'records-status-carried-forward' \
  || fail "report shows the status at publication"
grep -q 'records-status-complete' "$work/out/actions/a-020/index.html" || fail "register shows it complete"

# 4b. Fields a snapshot lacks are never compared: take a figure and an action's
#     due date out of the published snapshot, and move that due date in the
#     data: no warning about either (issue 28).
python3 - "$site/data/publications/2026-27-cycle-1.json" "$site/data/actions/a-020.json" <<'PY'
import json, sys
snap_path, action_path = sys.argv[1], sys.argv[2]
s = json.load(open(snap_path))
del s["figures"]["feedback_poor_vs_year_earlier"]
def drop_due(v):
    if isinstance(v, dict):
        if v.get("id") == "a-020": v.pop("due", None)
        for x in v.values(): drop_due(x)
    elif isinstance(v, list):
        for x in v: drop_due(x)
drop_due(s["blocks"])
open(snap_path, "w").write(json.dumps(s, indent=2, sort_keys=True) + "\n")
a = json.load(open(action_path))
a["due"] = "2027-03-31"
open(action_path, "w").write(json.dumps(a, indent=2) + "\n")
PY
build
grep -q 'published report content/learning/' "$work/stderr" && { cat "$work/stderr"; fail "a field the snapshot lacks was compared"; }

# 5. A report with published but no snapshot, and a snapshot of a report that is not published.
rm "$site/data/publications/2025-26-cycle-1.json"
set +e; "$qahub" check --site "$site" --as-of "$as_of" 2>"$work/check"; code=$?; set -e
[ "$code" = 1 ] || fail "check passed without a snapshot"
grep -qF 'content/learning/2025-26-cycle-1.md:11:12: error: report content/learning/2025-26-cycle-1.md is published but has no snapshot data/publications/2025-26-cycle-1.json; publish it with qahub publish content/learning/2025-26-cycle-1.md' \
  "$work/check" || { cat "$work/check"; fail "no snapshot error"; }
# 6. qahub publish writes nothing when the site has errors, and --date may
#    not be after the as-of date.
draft=content/learning/2026-27-cycle-2.md
approver="Director of Children's Services"
early="Triad audits finished a week early"   # the cycle's last month ends on 30 November
cp "$site/$draft" "$work/draft.before"
set +e
"$qahub" publish "$draft" --site "$site" --as-of "$as_of" --date 2026-12-01 --approved-by "$approver" 2>"$work/late"; code=$?
set -e
[ "$code" = 2 ] || fail "a --date after --as-of gave exit $code"
grep -qx 'qahub: error: --date 2026-12-01 is after the as-of date 2026-11-23' "$work/late" || { cat "$work/late"; fail "late date message"; }
set +e; "$qahub" publish "$draft" --site "$site" --as-of "$as_of" --approved-by "$approver" --early "$early" 2>"$work/broken"; code=$?; set -e
[ "$code" = 1 ] || fail "publish on a site with errors gave exit $code"
grep -q '^qahub: 1 error; nothing written$' "$work/broken" || { cat "$work/broken"; fail "publish said"; }
cmp -s "$site/$draft" "$work/draft.before" || fail "publish touched the report on errors"
[ ! -e "$site/data/publications/2026-27-cycle-2.json" ] || fail "publish wrote a snapshot on errors"
# Fixed, it publishes: only the published line is added, and the snapshot parses.
cp "$root/data/publications/2025-26-cycle-1.json" "$site/data/publications/"
"$qahub" publish "$draft" --site "$site" --as-of "$as_of" --approved-by "$approver" --early "$early" 2>"$work/ok" || { cat "$work/ok"; fail "publish the draft"; }
diff <(cat "$work/draft.before") <(grep -v '^published: 2026-11-23$' "$site/$draft") >/dev/null || fail "publish changed other bytes"
grep -qx 'published: 2026-11-23' "$site/$draft" || fail "no published line"
python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); assert s["published"]=="2026-11-23" and s["corrections"]==[]' \
  "$site/data/publications/2026-27-cycle-2.json"
build
grep -q '<a href="/learning/2026-27-cycle-2/">Read the Learning' "$work/out/cycles/2026-27-cycle-2/index.html" || fail "cycle page links the published report"
echo "ok"
