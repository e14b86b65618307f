#!/usr/bin/env bash
# Issue 37: the self-evaluation on a copy of the default site, as its authors
# use it: its non-public appendix reaches no output without
# --include-sensitive (and no search file, feed or A to Z with it);
# evidence.csv has the fixed columns and one row per cited item, E1 first;
# a new quarterly version is published with its own snapshot and says what
# changed since the last; a version is refused in the same quarter, before
# the latest or in another financial year (exact texts); `qahub new
# self-evaluation` and `new evidence` build at once with --drafts.
set -euo pipefail
qahub="$1"; root="$2"
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site"
cp -r "$root/content" "$root/data" "$root/qahub.yaml" "$site/"
as_of=2026-11-23
page=content/self-evaluation/2026-27.md
fail() { echo "FAIL: $*"; exit 1; }
build() { "$qahub" build --site "$site" --out "$work/out" --as-of "$as_of" "$@" 2>"$work/stderr" || { cat "$work/stderr"; fail "build $*"; }; }
text() { sed -e 's/<[^>]*>/ /g' -e "s/&apos;/'/g" -e 's/&quot;/"/g' "$work/out/$1" | tr -s ' \n' ' '; }
publish() { "$qahub" publish "$page" --site "$site" --approved-by "Director of Children's Services" "$@" 2>"$work/pub"; }
refused() {  # refused AS_OF DATE "exact error"
  if publish --as-of "$1" --date "$2"; then cat "$work/pub"; fail "a version dated $2 was published"; fi
  grep -qxF "$3" "$work/pub" || { cat "$work/pub"; fail "expected: $3"; }
}

# 1. The appendix (OFFICIAL-SENSITIVE) is in no output, nor the search cache.
secret='Two locality teams carried vacancies'
build
[ ! -e "$work/out/self-evaluation/2026-27-appendix" ] || fail "the appendix page was built"
if grep -rl -e "$secret" -e '2026-27-appendix' "$work/out" "$site/.qahub"; then fail "the appendix is in the output above"; fi
text self-evaluation/2026-27/index.html | grep -q 'This self-evaluation has a non-public appendix, which is not part of this site.' \
  || fail "no line saying there is a non-public appendix"
# With the flag: built with its banner and linked from the self-evaluation,
# still in no search file, feed or A to Z.
build --include-sensitive
grep -q 'notice-sensitive' "$work/out/self-evaluation/2026-27-appendix/index.html" || fail "no banner on the appendix"
grep -q 'href="/self-evaluation/2026-27-appendix/"' "$work/out/self-evaluation/2026-27/index.html" || fail "no link to the appendix"
if grep -l -e "$secret" -e '2026-27-appendix' "$work/out/search/docs/"*.json "$work/out/search/index.json" \
     "$work/out/amendments.xml" "$work/out/a-z/index.html"; then fail "the appendix is listed above"; fi

# 2. evidence.csv: the fixed columns, one row per item cited, E1…En in order.
build
python3 - "$work/out/self-evaluation/2026-27/evidence.csv" "$work/out" <<'PY' || fail "evidence.csv"
import csv, os, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "no byte order mark"
assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), "line ends are not CRLF"
rows = list(csv.reader(raw[3:].decode("utf-8").splitlines()))
assert rows[0] == ["E-id", "Title", "Kind", "Date", "Status", "URL or file"], rows[0]
body = rows[1:]
assert [r[0] for r in body] == ["E%d" % n for n in range(1, len(body) + 1)], [r[0] for r in body]
assert len(body) == 12, len(body)
for r in body:
    assert len(r) == 6, r
    assert r[2] in {"Data", "Audit", "Report", "Minutes", "Feedback", "Policy", "External"}, r
    assert r[4] in {"In place", "Under development", "Not applicable"}, r
    if r[5].startswith("/"):  # a page of the hub: it is built
        assert os.path.exists(os.path.join(sys.argv[2], r[5].strip("/"), "index.html")), r
    else:
        assert r[5], r  # an external item: where it is held
assert sum(r[4] == "Under development" for r in body) == 2
PY
# With a host in base_url, a hub page's URL is absolute (the file is uploaded elsewhere).
sed -i 's|^base_url: /$|base_url: https://hub.example.test/practice/|' "$site/qahub.yaml"
build
grep -q '^E1,.*,https://hub\.example\.test/practice/audits/management-oversight-2026/'$'\r''$' "$work/out/self-evaluation/2026-27/evidence.csv" \
  || { cat "$work/out/self-evaluation/2026-27/evidence.csv"; fail "absolute URLs in evidence.csv"; }
sed -i 's|^base_url: https://hub.example.test/practice/$|base_url: /|' "$site/qahub.yaml"
build
# The index on the page numbers the same items.
text self-evaluation/2026-27/index.html | grep -q 'E12 Multi-agency audits of neglect' || fail "E12 in the printed index"

# 3. A third quarterly version: its own snapshot, and what changed since Q2.
python3 - "$site/data/evidence/sufficiency-strategy.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d.update(status="in-place", date="2026-12-10")
del d["note"], d["due"]
open(sys.argv[1], "w").write(json.dumps(d, indent=2) + "\n")
PY
publish --as-of 2026-12-16 --date 2026-12-15 || { cat "$work/pub"; fail "publish Q3"; }
grep -q 'wrote data/publications/2026-27-q3.json' "$work/pub" || { cat "$work/pub"; fail "the Q3 snapshot"; }
[ -s "$site/data/publications/2026-27-q2.json" ] || fail "the Q2 snapshot is kept"
grep -qx 'published: 2026-12-15' "$site/$page" || fail "the page's date"
as_of=2026-12-20
build
grep -q 'published report' "$work/stderr" && { cat "$work/stderr"; fail "a notice on unchanged data"; }
t="$(text self-evaluation/2026-27/index.html)"
grep -q 'Self-evaluation 2026-27, Q3 version (the 3rd this year)' <<<"$t" || fail "the version line"
grep -q 'Earlier versions: Q1 2026-27, published 30 June 2026 . Q2 2026-27, published 30 September 2026 .' <<<"$t" \
  || fail "earlier versions"
grep -q 'Since the version of Q2 2026-27, published 30 September 2026:' <<<"$t" || fail "changed since Q2"
grep -q 'E11 Sufficiency strategy for children in care: under development → in place' <<<"$t" || fail "the status change"

# 4. Refusals, each exact, nothing written.
refused 2026-12-31 2026-12-30 "$page:51:12: error: $page already has its Q3 2026-27 version, published 2026-12-15; a version is published once a quarter: use --correct \"summary\" to record a correction"
refused 2026-12-31 2026-12-10 "$page:51:12: error: a new version of $page is dated after its latest, published 2026-12-15"
refused 2027-04-05 2027-04-02 "$page:51:12: error: $page is the self-evaluation of 2026-27; a version dated 2027-04-02 belongs on the page of 2027-28 (qahub new self-evaluation)"
[ ! -e "$site/data/publications/2026-27-q4.json" ] || fail "a refused version wrote a snapshot"
grep -qx 'published: 2026-12-15' "$site/$page" || fail "a refused version changed the page"

# 5. A second page for the year is an error; `new self-evaluation` starts the next year's.
cp "$site/$page" "$site/content/self-evaluation/copy.md"
if "$qahub" build --site "$site" --out "$work/out2" --as-of "$as_of" 2>"$work/stderr"; then fail "two pages for one year"; fi
grep -qxF 'content/self-evaluation/copy.md:4:7: error: a self-evaluation covers one financial year, published again each quarter: 2026-27 already has content/self-evaluation/2026-27.md' "$work/stderr" \
  || { cat "$work/stderr"; fail "one page a year"; }
rm "$site/content/self-evaluation/copy.md"
"$qahub" new self-evaluation --site "$site" --as-of 2027-04-10 >/dev/null 2>&1 || fail "new self-evaluation"
"$qahub" new evidence "Supervision audit, 2027" --site "$site" --as-of 2027-04-10 >/dev/null 2>&1 || fail "new evidence"
[ -s "$site/content/self-evaluation/2027-28.md" ] && [ -s "$site/data/evidence/supervision-audit-2027.json" ] || fail "new files"
as_of=2027-04-10
build --drafts
[ -s "$work/out/self-evaluation/2027-28/evidence.csv" ] || fail "the draft's evidence.csv"
echo "ok: self-evaluation"
