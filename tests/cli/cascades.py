"""No cascades (issue 29): a record or page that fails to load gives its own
diagnostics and nothing that follows from it; published snapshots compare
rows by their keys and say what differs in words.

Each case edits a copy of the default site and compares the build's
diagnostics with the unedited site's: exactly the lines named may be new,
and no line may go.

usage: cascades.py QAHUB ROOT
"""
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

qahub, root = sys.argv[1], pathlib.Path(sys.argv[2])
AS_OF = "2026-11-23"
failures = []


def fresh(work):
    site = work / "site"
    if site.exists():
        shutil.rmtree(site)
    site.mkdir()
    for name in ("content", "data"):
        shutil.copytree(root / name, site / name)
    shutil.copy(root / "qahub.yaml", site / "qahub.yaml")
    return site


def diagnostics(site):
    run = subprocess.run([qahub, "build", "--site", str(site), "--out", str(site.parent / "out"), "--as-of", AS_OF],
                         capture_output=True, text=True)
    lines = [l for l in run.stderr.splitlines() if not l.startswith("qahub: ")]
    for l in lines:
        if not re.match(r"^[^:]+:\d+:\d+: (error|warning|notice): ", l) and not re.match(r"^[^:]+: (error|warning|notice): ", l):
            failures.append(f"unexpected output line: {l}")
    return run.returncode, lines


def edit_json(path, change):
    doc = json.loads(path.read_text())
    change(doc)
    path.write_text(json.dumps(doc, indent=2) + "\n")


def check(name, site, baseline, expected_new, expected_code):
    code, lines = diagnostics(site)
    new = [l for l in lines if l not in baseline]
    gone = [l for l in baseline if l not in lines]
    if code != expected_code:
        failures.append(f"{name}: exit {code}, expected {expected_code}")
    if new != expected_new:
        failures.append(f"{name}: new diagnostics\n  got:\n    " + "\n    ".join(new) + "\n  expected:\n    " +
                        "\n    ".join(expected_new))
    if gone:
        failures.append(f"{name}: diagnostics gone:\n    " + "\n    ".join(gone))


with tempfile.TemporaryDirectory() as tmp:
    work = pathlib.Path(tmp)
    site = fresh(work)
    code, baseline = diagnostics(site)
    if code != 0 or any(": error: " in l or ": warning: " in l for l in baseline):
        sys.exit("the default site does not build cleanly:\n" + "\n".join(baseline))

    # 1. One bad breakdown row: its own error, nothing else. Minutes link the
    #    cycle's page and one of its key-learning pages; an action names it.
    site = fresh(work)
    minutes = site / "data/meetings/2025-11-practice-board.md"
    minutes.write_text(minutes.read_text() +
                       "\nSee the [cycle](/cycles/2026-27-cycle-1/) and [its learning](/cycles/2026-27-cycle-1/kl1/).\n")
    edit_json(site / "data/cycles/2026-27-cycle-1.json",
              lambda d: d["figures"]["breakdown"][0].__setitem__("expected", "twenty-eight"))
    check("bad breakdown row", site, baseline,
          ["data/cycles/2026-27-cycle-1.json:57:21: error: expected a whole number, found a string"], 1)

    # 2. A page that fails to parse: its own error, no snapshot diagnostics
    #    (two published reports list its changes).
    site = fresh(work)
    page = site / "content/practice/feedback.md"
    page.write_text(page.read_text().replace("weight: 30\n", "weight: [30\n", 1))
    check("page fails to parse", site, baseline,
          ['content/practice/feedback.md:4:9: error: this list is never closed (expected "]")'], 1)

    # 3. An action that fails to load: its own error; the published report
    #    listing it, the minutes naming it and links to it say nothing.
    site = fresh(work)
    edit_json(site / "data/actions/a-020.json", lambda d: d.__setitem__("due", "soon"))
    code, lines = diagnostics(site)
    new = [l for l in lines if l not in baseline]
    if code != 1 or len(new) != 1 or not new[0].startswith("data/actions/a-020.json:") or ": error: " not in new[0]:
        failures.append("action fails to load: expected exactly its own error, got:\n    " + "\n    ".join(new))

    # 4. A renamed page a published report lists: one notice per report,
    #    naming both paths; the build still succeeds.
    site = fresh(work)
    old, moved = site / "content/practice/feedback.md", site / "content/practice/family-feedback.md"
    old.rename(moved)
    for md in (site / "content").rglob("*.md"):
        text = md.read_text()
        fixed = text.replace("(feedback.md)", "(family-feedback.md)").replace("practice/feedback.md",
                                                                              "practice/family-feedback.md")
        fixed = fixed.replace("/practice/feedback/", "/practice/family-feedback/")
        if fixed != text:
            md.write_text(fixed)
    check("renamed page", site, baseline, [
        "data/publications/2025-26-cycle-1.json:375:9: notice: published report content/learning/2025-26-cycle-1.md "
        "lists the change to page content/practice/feedback.md, which is now content/practice/family-feedback.md; "
        "record the correction with qahub publish --correct",
        "data/publications/2026-09-progress-report.json:850:9: notice: published report "
        "content/committee/2026-09-progress-report.md lists the change to page content/practice/feedback.md, which is "
        "now content/practice/family-feedback.md; record the correction with qahub publish --correct",
        "data/publications/2026-27-cycle-1.json:344:9: notice: published report content/learning/2026-27-cycle-1.md "
        "lists the change to page content/practice/feedback.md, which is now content/practice/family-feedback.md; "
        "record the correction with qahub publish --correct",
        "data/publications/2026-27-q2.json:1008:9: notice: published report content/self-evaluation/2026-27.md "
        "lists the change to page content/practice/feedback.md, which is now content/practice/family-feedback.md; "
        "record the correction with qahub publish --correct",
    ], 0)

    # 5. A row's value changed after publication: named by its row, in words.
    site = fresh(work)
    edit_json(site / "data/actions/a-021.json", lambda d: d.__setitem__("due", "2027-02-26"))
    code, lines = diagnostics(site)
    new = [l for l in lines if l not in baseline]
    # The committee report published after the cycle's lists the action in the cycle's part of its period.
    want = ["data/publications/2026-09-progress-report.json:87:24: notice: published report "
            "content/committee/2026-09-progress-report.md says the due date of action a-021 of the part for cycle "
            "2026-27-cycle-1 is 2027-01-29, the data now says 2027-02-26; record the correction with qahub publish "
            "--correct",
            "notice: published report content/learning/2026-27-cycle-1.md says the due date of action a-021 is "
            "2027-01-29, the data now says 2027-02-26; record the correction with qahub publish --correct",
            # The self-evaluation's Q2 version covers the cycle too.
            "data/publications/2026-27-q2.json:87:24: notice: published report "
            "content/self-evaluation/2026-27.md says the due date of action a-021 of the part for cycle "
            "2026-27-cycle-1 is 2027-01-29, the data now says 2027-02-26; record the correction with qahub publish "
            "--correct"]
    if code != 0 or len(new) != 3 or new[0] != want[0] or new[2] != want[2] or \
            not new[1].startswith("data/publications/2026-27-cycle-1.json:") or not new[1].endswith(want[1]):
        failures.append("changed row: expected three notices\n    " + "\n    ".join(want) + "\n  got:\n    " +
                        "\n    ".join(new))
    if any(re.search(r"says [a-z_]+/[a-z_0-9/-]+ ", l) for l in lines):
        failures.append("a notice names a value by its JSON path")

    # 6. A hand-edited snapshot value the schema lets through: an error at the
    #    block, never a library's exception text.
    site = fresh(work)
    edit_json(site / "data/publications/2026-27-cycle-1.json",
              lambda d: d["blocks"]["changes"].__setitem__("closed", ["a-020"]))
    code, lines = diagnostics(site)
    new = [l for l in lines if l not in baseline]
    want = ('content/learning/2026-27-cycle-1.md:66:1: error: block "changes" cannot be shown: its data in the '
            'published snapshot is not as qahub publish wrote it; restore the snapshot file from git')
    if code != 1 or new != [want]:
        failures.append("hand-edited snapshot: expected\n    " + want + "\n  got:\n    " + "\n    ".join(new))

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("cascades: ok")
