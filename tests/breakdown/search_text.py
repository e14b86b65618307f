"""The report's breakdown block in the built search corpus: the text comes
from the same suppressed view as the page, so the sample site's cell of 2
audits (Youth Justice, West, cycle 1 2026-27) is "fewer than 5", never 2.
Usage: search_text.py QAHUB SITE_DIR WORK_DIR"""
import glob
import json
import re
import shutil
import subprocess
import sys

qahub, site, work = sys.argv[1:4]
shutil.rmtree(work, ignore_errors=True)
subprocess.run([qahub, "build", "--site", site, "--out", work, "--as-of", "2026-11-23", "--jobs", "2"],
               check=True, stderr=subprocess.DEVNULL)
cycle = json.load(open(f"{site}/data/cycles/2026-27-cycle-1.json"))
small = [r for r in cycle["figures"]["breakdown"] if r["completed"] < 5]
assert small, "the fixture needs a cell below the threshold"
# The document store is in chunks (search/docs/K.json), each a list of entries.
docs = [d for f in sorted(glob.glob(f"{work}/search/docs/*.json")) for d in json.load(open(f))]
assert docs, "no document store chunks"
report = [d for d in docs if d["u"] == "/learning/2026-27-cycle-1/"]
assert len(report) == 1, "the published report is in the search corpus"
text = json.dumps(report[0], ensure_ascii=False)
html = open(f"{work}/learning/2026-27-cycle-1/index.html", encoding="utf-8").read()
failures = []
for where, body in (("search corpus", text), ("page", html)):
    if "fewer than 5 audits" not in body:
        failures.append(f"{where}: no suppressed cell shown as 'fewer than 5 audits'")
    if not re.search(r"\(\d{2,} audits\)", body):
        failures.append(f"{where}: no shown cell, so the block is not there")
    for r in small:
        if f"({r['completed']} audits)" in body:
            failures.append(f"{where}: quotes the suppressed cell ({r['completed']} audits) of {r['service']}, {r['area']}")
if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok: breakdown search text is suppressed")
