"""A published report whose suppressed breakdown cell changes: the build's
warning and the correction note `qahub publish --correct` records name the
row (Youth Justice, West) and never quote the cell's value.
Usage: correction_note.py QAHUB SITE_DIR WORK_DIR"""
import json
import shutil
import subprocess
import sys

qahub, site, work = sys.argv[1:4]
shutil.rmtree(work, ignore_errors=True)
# The site's own files only: the repository also holds build trees
# (build/, build-asan/, …) that may contain this very work folder.
for part in ("content", "data"):
    shutil.copytree(f"{site}/{part}", f"{work}/site/{part}")
shutil.copy(f"{site}/qahub.yaml", f"{work}/site/qahub.yaml")
path = f"{work}/site/data/cycles/2026-27-cycle-1.json"
cycle = json.load(open(path))
row = next(r for r in cycle["figures"]["breakdown"] if r["service"] == "youth-justice" and r["area"] == "west")
assert row["completed"] == 2, "the fixture's suppressed cell"
row["completed"] = row["expected"] = 3
row["grades"]["requires_improvement"] += 1
cycle["figures"]["audits_completed"] += 1
cycle["figures"]["grades"]["requires_improvement"] += 1
json.dump(cycle, open(path, "w"), indent=2)

def run(*args):
    return subprocess.run([qahub, *args, "--site", f"{work}/site", "--as-of", "2026-11-23"], capture_output=True,
                          text=True)

failures = []
build = run("build", "--out", f"{work}/out")
prefix = "data/publications/2026-27-cycle-1.json:"
expected = ("notice: published report content/learning/2026-27-cycle-1.md differs from the data now in its breakdown: "
            "Youth Justice, West: audits completed changed (not quoted: small numbers are not shown); "
            "record the correction with qahub publish --correct")
if not any(l.startswith(prefix) and l.endswith(expected) for l in build.stderr.splitlines()):
    failures.append("no warning naming the row:\n" + build.stderr)
if "Youth Justice, West: audits completed 2" in build.stderr or "\u2192 3" in build.stderr:
    failures.append("a warning quotes the suppressed value")
fix = run("publish", "content/learning/2026-27-cycle-1.md", "--correct", "Youth Justice recount")
if fix.returncode != 0:
    failures.append("publish --correct failed:\n" + fix.stderr)
rebuilt = run("build", "--out", f"{work}/out")
html = open(f"{work}/out/learning/2026-27-cycle-1/index.html", encoding="utf-8").read()
if "Youth Justice, West: audits completed changed (not quoted: small numbers are not shown)" not in html:
    failures.append("the correction note does not name the row")
if "Youth Justice, West: audits completed 2" in html or "(3 audits)" in html or "(2 audits)" in html:
    failures.append("the report quotes the suppressed value")
if "differs from the data now" in rebuilt.stderr:
    failures.append("still warns after the correction:\n" + rebuilt.stderr)
if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok: breakdown warning and correction note name the row")
