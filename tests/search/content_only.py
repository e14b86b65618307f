#!/usr/bin/env python3
"""python3 content_only.py QAHUB REPO_DIR: search reads the site's content only (issue 31).

- A new hub (`qahub new site`): no sentence the theme generates for an empty state or as
  an instruction (an element marked data-qahub-noindex in the built HTML) is in the
  search corpus; words.json holds no word found only in such sentences; `neglect`,
  which the hub does not mention, gets no suggestion ("select" came from "Select a
  programme …"), and `recording` finds no page through "… have been recorded".
- The default site and every golden site: no entry of the search store holds a
  character reference (`&name;`, `&#N;`, `&#xN;`): excerpts show `child's`.
Prints `N passed, N failed`.
"""
import glob
import html
import json
import os
import re
import subprocess
import sys
import tempfile

qahub, repo = sys.argv[1], sys.argv[2]
passed = failed = 0


def check(ok, message):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL " + message)


def run(*args):
    r = subprocess.run([qahub, *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"qahub {' '.join(args)}: {r.stderr}")
    return r.stdout


NOINDEX = re.compile(r"<(\w+)\b[^>]*\sdata-qahub-noindex\b[^>]*>(.*?)</\1>", re.S)
ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")


def words(text):
    return set(re.findall(r"[a-z]{3,}", text.lower()))


with tempfile.TemporaryDirectory() as work:
    hub = os.path.join(work, "hub")
    run("new", "site", hub)
    corpus_path = os.path.join(work, "corpus.json")
    run("build", "--site", hub, "--as-of", "2026-11-23", "--search-corpus", corpus_path)
    out = os.path.join(hub, "public")

    generated = []  # sentences of elements marked data-qahub-noindex
    for page in glob.glob(os.path.join(out, "**", "*.html"), recursive=True):
        with open(page, encoding="utf-8") as f:
            for m in NOINDEX.finditer(f.read()):
                text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", m.group(2))).split())
                if text:
                    generated.append(text)
    check(len(generated) >= 5, f"only {len(generated)} generated sentences found: is the marking gone?")
    # A new hub has no training page until it has training records (issue 30).
    if os.path.exists(os.path.join(out, "training", "index.html")):
        check(any("Select a programme" in t for t in generated), "the training timeline's instructions are not marked")

    with open(corpus_path, encoding="utf-8") as f:
        corpus = json.load(f)
    indexed = " ".join(v for d in corpus["documents"] for v in d["fields"].values())
    flat = " ".join(indexed.split())
    for sentence in sorted(set(generated)):
        check(sentence not in flat, f"generated sentence indexed: {sentence!r}")

    only_generated = set().union(*(words(t) for t in generated)) - words(indexed)
    check(len(only_generated) > 0, "no word occurs only in generated sentences: the check proves nothing")
    with open(os.path.join(out, "search", "words.json"), encoding="utf-8") as f:
        suggestion_words = set(json.load(f))
    leaked = sorted(only_generated & suggestion_words)
    check(not leaked, f"words.json holds words found only in generated sentences: {leaked}")
    check("select" not in suggestion_words, "words.json holds \"select\"")

    neglect = json.loads(run("search", "--site", hub, "--json", "neglect"))
    check(neglect["total"] == 0 and neglect["suggestions"] == [] and neglect["correction"] == "",
          f"neglect: {neglect['total']} results, suggestions {neglect['suggestions']}, "
          f"correction {neglect['correction']!r}")
    check(run("search", "--site", hub, "neglect") == "no results for \"neglect\"\n", "neglect: text output")
    recording = json.loads(run("search", "--site", hub, "--json", "--limit", "0", "recording"))
    for r in recording["results"]:
        check(not re.search(r"(have been|were|been) recorded", r["excerpt"]),
              f"recording: {r['url']} found through {r['excerpt']!r}")

    # Character references in the store: the default site and the golden sites.
    site = os.path.join(work, "default")
    os.makedirs(site)
    for p in ("content", "data"):
        subprocess.run(["cp", "-r", os.path.join(repo, p), site], check=True)
    subprocess.run(["cp", os.path.join(repo, "qahub.yaml"), site], check=True)
    run("build", "--site", site, "--out", os.path.join(work, "default-out"), "--as-of", "2026-11-23")
    stores = {"default site": os.path.join(work, "default-out")}
    for expected in sorted(glob.glob(os.path.join(repo, "tests", "sites", "*.expected"))):
        if os.path.isdir(os.path.join(expected, "search", "docs")):
            stores[os.path.basename(expected)] = expected
    check(len(stores) >= 3, f"only {len(stores)} stores to check")
    for name, root in stores.items():
        for chunk in sorted(glob.glob(os.path.join(root, "search", "docs", "*.json"))):
            with open(chunk, encoding="utf-8") as f:
                for entry in json.load(f):
                    texts = [entry.get("t", ""), entry.get("d", ""), entry.get("s", "")]
                    texts += [x for h in entry.get("h", []) for x in h]
                    found = sorted({m for t in texts for m in ENTITY.findall(t)})
                    check(not found, f"{name}: {entry['u']} holds {found}")

print(f"{passed} passed, {failed} failed")
sys.exit(0 if failed == 0 else 1)
