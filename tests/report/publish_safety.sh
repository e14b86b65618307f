#!/usr/bin/env bash
# Issue 30: `qahub publish` publishes a report once, approved, for a cycle
# that has ended with audits (or early, with a reason), never with a TODO:
# placeholder; `--withdraw` leaves a notice at the URL and takes the report
# out of every listing. Exact texts, on a copy of the default site.
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site"
cp -r "$root/content" "$root/data" "$root/qahub.yaml" "$site/"
fail() { echo "FAIL: $*"; exit 1; }
draft=content/learning/2026-27-cycle-2.md
published=content/learning/2026-27-cycle-1.md
approver="Director of Children's Services"
# publish AS_OF ARGS…: runs qahub publish on the site, stderr to $work/err, exit code to $code.
publish() { local as_of="$1"; shift; set +e; "$qahub" publish "$@" --site "$site" --as-of "$as_of" 2>"$work/err"; code=$?; set -e; }
expect() {  # expect CODE LINE…: the exit code and each exact line of stderr
  local want="$1"; shift
  [ "$code" = "$want" ] || { cat "$work/err"; fail "exit $code, expected $want"; }
  for line in "$@"; do grep -qxF -- "$line" "$work/err" || { cat "$work/err"; fail "missing: $line"; }; done
}
unchanged() {
  cmp -s "$site/$draft" "$root/$draft" || fail "publish touched $draft"
  [ ! -e "$site/data/publications/2026-27-cycle-2.json" ] || fail "publish wrote a snapshot"
}

# 1. No approver: a usage error, before anything is read.
publish 2026-12-05 "$draft"
expect 2 'qahub: error: qahub publish needs --approved-by ROLE: the role that approved the report for publication'
publish 2026-12-05 "$draft" --approved-by "$approver" --decision practice-board
expect 2 'qahub: error: --decision must be MEETING/DECISION, such as 2026-11-10-practice-board/d3, not "practice-board"'
publish 2026-12-05 "$draft" --approved-by "$approver" --early "  "
expect 2 'qahub: error: --early needs the reason the report is published before its cycle is complete'
publish 2026-12-05 "$published" --correct "x" --withdraw "y"
expect 2 'qahub: error: --correct and --withdraw cannot be given together'
unchanged

# 2. A second publish of a published report is refused: use --correct.
publish 2026-12-05 "$published" --approved-by "$approver"
expect 1 "$published:11:12: error: report $published was published on 2026-09-08 and is published once; use --correct \"summary\" to record a correction, or --withdraw \"reason\" to take it down" \
  'qahub: 1 error; nothing written'
cmp -s "$site/data/publications/2026-27-cycle-1.json" "$root/data/publications/2026-27-cycle-1.json" || fail "the snapshot was rewritten"

# 3. A cycle that has not ended (its last month runs to 30 November), and a
#    --date on or before its last day.
publish 2026-11-23 "$draft" --approved-by "$approver"
expect 1 'data/cycles/2026-27-cycle-2.json:21:14: error: cycle "2026-27-cycle-2" has not ended: its last month runs to 30 November 2026; publish its report after that, or give --early "reason"' \
  'qahub: 1 error; nothing written'
publish 2026-12-05 "$draft" --approved-by "$approver" --date 2026-11-30
expect 1 'data/cycles/2026-27-cycle-2.json:21:14: error: the publication date 2026-11-30 is not after the end of cycle "2026-27-cycle-2" on 30 November 2026; give a later --date, or --early "reason"'
unchanged

# 4. A cycle with no audits.
cp "$site/data/cycles/2026-27-cycle-2.json" "$work/cycle.json"
python3 - "$site/data/cycles/2026-27-cycle-2.json" <<'PY'
import json, sys
p = sys.argv[1]; c = json.load(open(p))
c["figures"] = {"audits_completed": 0, "audits_moderated": 0,
                "grades": {k: 0 for k in c["figures"]["grades"]}, "moderation": {"agreed": 0, "raised": 0, "lowered": 0}}
c.pop("breakdown", None); c.pop("independent", None); c.pop("escalations", None); c.pop("external", None)
c["figures"].pop("family_feedback", None)
open(p, "w").write(json.dumps(c, indent=2) + "\n")
PY
publish 2026-12-05 "$draft" --approved-by "$approver"
grep -qF 'error: cycle "2026-27-cycle-2" records no audits (audits_completed is 0); record its figures before publishing its report, or give --early "reason"' "$work/err" \
  || { cat "$work/err"; fail "no audits"; }
[ "$code" = 1 ] || fail "no audits: exit $code"
cp "$work/cycle.json" "$site/data/cycles/2026-27-cycle-2.json"
unchanged

# 5. An unknown decision, then --early on a cycle that has ended.
publish 2026-12-05 "$draft" --approved-by "$approver" --decision 2026-11-practice-board/d9
expect 1 "$draft: error: --decision names decision \"d9\" of meeting \"2026-11-practice-board\", which records no such decision; did you mean \"d1\"?"
publish 2026-12-05 "$draft" --approved-by "$approver" --decision 2026-11-practice-bord/d1
expect 1 "$draft: error: --decision names meeting \"2026-11-practice-bord\", which is not recorded in data/meetings/; did you mean \"2026-11-practice-board\"?"
publish 2026-12-05 "$draft" --approved-by "$approver" --early "No reason"
expect 1 'data/cycles/2026-27-cycle-2.json:21:14: error: --early is for a cycle that has not ended or records no audits; cycle "2026-27-cycle-2" ended on 30 November 2026 with 151 audits: publish without --early'
publish 2026-12-05 "$draft" --withdraw "x"
expect 1 "$draft:1:1: error: report $draft is not published, so there is nothing to withdraw"
unchanged

# 6. A TODO: placeholder: a warning in a page or record, a notice in a draft
#    report, an error for qahub publish in the report and a record it draws on.
sed -i 's/^This report is in preparation\./TODO: the headline. This report is in preparation./' "$site/$draft"
python3 - "$site/data/actions/a-020.json" <<'PY'
import json, sys
p = sys.argv[1]; a = json.load(open(p))
a["title"] = "TODO: " + a["title"]
open(p, "w").write(json.dumps(a, indent=2) + "\n")
PY
printf '\nTODO: a page placeholder.\n' >>"$site/content/framework/values.md"
"$qahub" new brief placeholder-brief --site "$site" --as-of 2026-11-23 >/dev/null 2>&1
lines="$(wc -l <"$site/content/framework/values.md")"
set +e; "$qahub" check --site "$site" --as-of 2026-11-23 --drafts 2>"$work/check"; set -e
for want in "content/framework/values.md:$lines:1: warning: placeholder \"TODO:\" left in the text; replace it with the finished text" \
  "$draft:10:1: notice: placeholder \"TODO:\" in a draft; qahub publish refuses it until it is replaced" \
  'data/actions/a-020.json:4:13: warning: placeholder "TODO:" left in the text; replace it with the finished text' \
  'content/briefs/placeholder-brief.md:3:15: notice: placeholder "TODO:" in a draft; qahub publish refuses it until it is replaced'; do
  grep -qxF -- "$want" "$work/check" || { cat "$work/check"; fail "missing: $want"; }
done
publish 2026-12-05 "$draft" --approved-by "$approver"
expect 1 "$draft:10:1: error: placeholder \"TODO:\" in report $draft, which is being published; replace it with the finished text" \
  "data/actions/a-020.json:4:13: error: placeholder \"TODO:\" in a record that report $draft draws on; replace it with the finished text before publishing" \
  "content/framework/values.md:$lines:1: warning: placeholder \"TODO:\" left in the text; replace it with the finished text"
cp "$root/$draft" "$site/$draft"; cp "$root/data/actions/a-020.json" "$site/data/actions/"
cp "$root/content/framework/values.md" "$site/content/framework/"
rm "$site/content/briefs/placeholder-brief.md"
unchanged

# 7. Approved, with its decision: kept in the snapshot, printed on the cover and page.
publish 2026-12-05 "$draft" --approved-by "$approver" --decision 2026-11-practice-board/d1
expect 0 "qahub: published $draft on 2026-12-05, approved by $approver; wrote data/publications/2026-27-cycle-2.json"
python3 - "$site/data/publications/2026-27-cycle-2.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
a = s["approval"]
assert a["approved_by"] == "Director of Children's Services", a
assert a["decision"] == {"meeting": "2026-11-practice-board", "decision": "d1", "forum": "Practice Board", "date": a["decision"]["date"]}, a
assert "early" not in s and "withdrawn" not in s
PY
"$qahub" build --site "$site" --out "$work/out" --as-of 2026-12-05 2>"$work/build" || { cat "$work/build"; fail "build"; }
html="$work/out/learning/2026-27-cycle-2/index.html"
grep -qF '<p class="report-cover-approved">Approved by Director of Children&apos;s Services (decision d1 of the Practice Board,' "$html" \
  || fail "cover names the approval"
grep -qF 'Approved for publication by Director of Children&apos;s Services: <a href="/meetings/2026-11-practice-board/#d1">decision d1 of the Practice Board' "$html" \
  || fail "page names the approval"
# The report's content (issue 30): actions agreed from the period's forum
# decisions and audits, each audit's findings with their actions, and every
# earlier action still open "Carried forward" with its status; a report
# published before qahub kept these says so in one sentence.
flat="$(sed -e 's/<[^>]*>/ /g' "$html" | tr -s ' \n' ' ')"
grep -qF "Actions agreed from the period's thematic audits and forum decisions" <<<"$flat" || fail "actions from the period"
grep -qF "a-024: Share three anonymised genogram examples with every district team Meeting: Systemic Practice Forum, 15 September 2026 (d1)" <<<"$flat" \
  || fail "an action from a forum decision"
grep -qF "what it found and recommended, and the actions agreed. s1 (strength):" <<<"$flat" || fail "audit findings"
grep -qF "Carried forward (agreed before the period and still open at its end, with its status then):" <<<"$flat" || fail "carried forward"
old="$(sed -e 's/<[^>]*>/ /g' "$work/out/learning/2026-27-cycle-1/index.html" | tr -s ' \n' ' ')"
grep -qF "This report was published before reports listed the actions agreed from the period's thematic audits and forum decisions; the thematic audit pages show them." <<<"$old" \
  || fail "an older snapshot does not say it lacks the rows"
# A second publish, now: refused.
publish 2026-12-06 "$draft" --approved-by "$approver"
grep -qF "error: report $draft was published on 2026-12-05 and is published once; use --correct" "$work/err" || { cat "$work/err"; fail "second publish"; }

# 8. Early, with its reason on the cover (a fresh copy: cycle 2 unpublished).
cp "$root/$draft" "$site/$draft"; rm "$site/data/publications/2026-27-cycle-2.json"
publish 2026-11-23 "$draft" --approved-by "$approver" --early "The Practice Board meets before the cycle's end"
expect 0
grep -q '"early": "The Practice Board meets before the cycle' "$site/data/publications/2026-27-cycle-2.json" || fail "early reason kept"
"$qahub" build --site "$site" --out "$work/out" --as-of 2026-11-23 2>"$work/build" || { cat "$work/build"; fail "build"; }
grep -qF '<p class="report-cover-early">Published before its cycle was complete: The Practice Board meets before the cycle&apos;s end</p>' "$html" \
  || fail "cover names the early reason"

# 9. Withdraw: a notice at the URL, in no listing, the reason and date kept.
publish 2026-11-24 "$published" --withdraw
expect 2   # CLI11: --withdraw needs its reason
publish 2026-11-24 "$published" --withdraw "  "
expect 2 'qahub: error: --withdraw needs the reason the report is withdrawn'
publish 2026-11-24 "$published" --withdraw "It quoted a child's words that identify them" --approved-by "$approver"
expect 0 "qahub: withdrew $published on 2026-11-24; wrote data/publications/2026-27-cycle-1.json"
python3 - "$site/data/publications/2026-27-cycle-1.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["withdrawn"] == {"date": "2026-11-24", "reason": "It quoted a child's words that identify them",
                          "approved_by": "Director of Children's Services"}, s["withdrawn"]
PY
cmp -s "$site/$published" "$root/$published" || fail "withdraw touched the report page"
"$qahub" build --site "$site" --out "$work/out" --as-of 2026-11-24 2>"$work/build" || { cat "$work/build"; fail "build after withdraw"; }
grep -q 'published report content/learning/2026-27-cycle-1.md' "$work/build" && fail "a withdrawn report is compared"
page="$work/out/learning/2026-27-cycle-1/index.html"
grep -qF 'This report was withdrawn on <time datetime="2026-11-24">24 November 2026</time>: It quoted a child&apos;s words that identify them' "$page" \
  || fail "withdrawal notice"
grep -q 'We completed 208 audits' "$page" && fail "the withdrawn report's text is still there"
if grep -rl 'learning/2026-27-cycle-1/' "$work/out/search" "$work/out/amendments.xml" "$work/out/a-z" \
    "$work/out/learning/index.html" "$work/out/index.html" "$work/out/tags"; then
  fail "the withdrawn report is listed"; fi
# Its cycle says it was withdrawn, never "Read the report".
grep -qF 'The Learning and Improvement report for cycle 1, 2026-27 was withdrawn: <a href="/learning/2026-27-cycle-1/">why it was withdrawn</a>.' \
  "$work/out/cycles/2026-27-cycle-1/index.html" || fail "the cycle page does not say its report was withdrawn"
grep -q 'Read the Learning and Improvement report' "$work/out/cycles/2026-27-cycle-1/index.html" \
  && fail "the cycle page offers the withdrawn report"
grep -qF '<td>Withdrawn</td>' "$work/out/cycles/index.html" || fail "the cycles index does not say Withdrawn"
publish 2026-11-25 "$published" --withdraw "again"
expect 1 "$published:11:12: error: report $published was withdrawn on 2026-11-24; a withdrawn report is not withdrawn again"
publish 2026-11-25 "$published" --correct "a fix"
expect 1 "$published:11:12: error: report $published was withdrawn on 2026-11-24; a withdrawn report is not corrected"
echo "ok"
