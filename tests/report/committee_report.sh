#!/usr/bin/env bash
# Issue 36: a committee report, a publication type over a period, on a copy
# of the committee golden site (tests/sites/committee): the series numbered
# from its configured first number with a gap said, the schedule it fulfils,
# a published report whose data then changes (the notice, then --correct),
# and `qahub new committee-report`, which builds at once with --drafts.
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
site="$work/site"
cp -r "$root/tests/sites/committee" "$site"
as_of=2026-11-23
fail() { echo "FAIL: $*"; exit 1; }
build() { "$qahub" build --site "$site" --out "$work/out" --as-of "$as_of" "$@" 2>"$work/stderr" || { cat "$work/stderr"; fail "build"; }; }
has() { grep -qxF "$1" "$work/stderr" || { cat "$work/stderr"; fail "expected: $1"; }; }
text() { sed -e 's/<[^>]*>/ /g' -e "s/&apos;/'/g" "$work/out/$1" | tr -s ' \n' ' '; }

# 1. The series: the 3rd (first_number 3), then a 5th that says the 4th is not in the hub.
build
has 'content/committee/2026-09-report.md:11:11: notice: this report is numbered 5, but the previous report in the series "committee-report" is the 3rd: the reports between are not in the hub'
text committee/2026-06-report/index.html | grep -q 'The 3rd regular report to the Children.s Services Committee: 1 April 2026 to 30 June 2026' || fail "3rd report cover"
text committee/2026-09-report/index.html | grep -q 'The 5th regular report to the Children.s Services Committee: 1 July 2026 to 30 September 2026' || fail "5th report cover"
text committee/2026-09-report/index.html | grep -q 'Members are asked to ENDORSE this report.' || fail "decision asked"
# A draft after them is the 6th, over the days since the 5th.
build --drafts
text committee/2026-11-report/index.html | grep -q 'The 6th regular report to the Children.s Services Committee: 1 October 2026 to 23 November 2026 (so far)' || fail "6th report (draft)"
grep -q 'published report' "$work/stderr" && { cat "$work/stderr"; fail "a notice on unchanged data"; }

# 2. The schedule it fulfils: quarterly, last published 30 September; as of
#    1 January 2027 the next is overdue.
as_of=2027-01-02 build
has 'data/schedules/members-report.json:12:19: notice: scheduled report "Progress report to members" (Quarterly) has had no publication of committee-report since 30 September 2026; the next was due by 30 December 2026'

# 3. The data changes after publication: a revised value the June report's
#    scorecard showed (2026-Q2, the quarter ended on its date). A notice names the indicator and both values; the
#    report keeps what it published until qahub publish --correct.
sed -i "s/^2026-Q2,62.0,,,e,/2026-Q2,63.0,,,r,/" "$site/data/indicators/referral-to-assessment.values.csv"
grep -q '^2026-Q2,63.0,' "$site/data/indicators/referral-to-assessment.values.csv" || fail "fixture edit"
build
grep -F 'notice: published report content/committee/2026-06-report.md says the value of indicator referral-to-assessment is 62.0%, the data now says 63.0%; record the correction with qahub publish --correct' "$work/stderr" >/dev/null || { cat "$work/stderr"; fail "revised value notice"; }
text committee/2026-06-report/index.html | grep -q '62.0% (2026-Q2)' || fail "published value kept"
"$qahub" publish content/committee/2026-06-report.md --site "$site" --as-of "$as_of" --correct "The census return was revised" \
  2>"$work/pub" || { cat "$work/pub"; fail "publish --correct"; }
build
grep -q 'published report content/committee/2026-06-report.md' "$work/stderr" && { cat "$work/stderr"; fail "notice after the correction"; }
text committee/2026-06-report/index.html | grep -q 'Corrected on 23 November 2026 *: .*value of referral-to-assessment 62.0% → 63.0% (The census return was revised)' || fail "correction shown"

# --early is a cycle report's: refused for a publication over a period, writing nothing.
set +e
"$qahub" publish content/committee/2026-11-report.md --site "$site" --as-of "$as_of" \
  --approved-by "Director of Children's Services" --early "before the committee" 2>"$work/pub"
code=$?
set -e
[ "$code" = 1 ] || { cat "$work/pub"; fail "--early on a publication: exit $code"; }
grep -qxF 'content/committee/2026-11-report.md:1:1: error: --early is for a cycle'"'"'s report published before its cycle is complete; content/committee/2026-11-report.md is a publication over a period' "$work/pub" \
  || { cat "$work/pub"; fail "--early message"; }
[ ! -e "$site/data/publications/2026-11-report.json" ] || fail "--early wrote a snapshot"

# 4. qahub new committee-report: a draft with every required section, which builds at once with --drafts.
"$qahub" new committee-report --site "$site" --as-of 2026-12-01 2>"$work/new" >"$work/new.out" || { cat "$work/new"; fail "new committee-report"; }
grep -q 'created content/committee/2026-12-progress-report.md' "$work/new.out" || { cat "$work/new.out"; fail "new said"; }
as_of=2026-12-01 build --drafts
text committee/2026-12-progress-report/index.html | grep -q 'The 7th regular report to the Children.s Services Committee' || fail "new report numbered"
for s in Summary 'Inspections and reviews' 'Progress against the plan' Performance 'Quality of practice' Risks Implications Conclusion 'Background documents'; do
  grep -q "^## $s\$" "$site/content/committee/2026-12-progress-report.md" || fail "new report lacks $s"
done
echo "committee report: series, schedule, correction and new all as expected"
