#!/usr/bin/env python3
"""For every record kind whose schema has `classification`: one record of
the default site marked OFFICIAL-SENSITIVE reaches no output.

The kinds come from the kinds table (generator/record_pages/kinds.cc) and the
schemas, so a kind added later is covered without editing this test. For
each kind the first record (by file name) is marked; what names it publicly
is an error (marking::check_references), so the referrers the build names
are marked too, until the build passes. Then, per marked record, its page
URL and a phrase only it holds are searched for:

  - without --include-sensitive: in no file of the output (its page, section
    lists, CSVs, report pages, search, sitemap, feeds, A to Z, redirects,
    print packs);
  - with it: its page is built with the sensitive banner, and its URL and
    words are still in no search file, sitemap, feed or A to Z (a public
    list page shows its row, but is indexed by its text without it).

    sensitive_kinds.py QAHUB REPO_ROOT
"""
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

QAHUB, ROOT = sys.argv[1], pathlib.Path(sys.argv[2])
AS_OF = "2026-11-23"
MARK = "OFFICIAL-SENSITIVE"
failures = []


def kinds():
    """(name, folder, schema, url pattern) of each row with a folder and a schema that has classification."""
    table = (ROOT / "generator/record_pages/kinds.cc").read_text()
    rows = re.findall(r'\.data = \{"([a-z-]+)", "(data/[a-z/-]+/)", "([a-z.-]+)"[^}]*\},\s*\.url = "([^"]*)"', table)
    out = []
    for name, folder, schema, url in rows:
        props = json.loads((ROOT / "data/schemas" / schema).read_text()).get("properties", {})
        if "classification" in props:
            out.append((name, folder, url))
    return out


def build(site, out, *extra):
    shutil.rmtree(out, ignore_errors=True)
    r = subprocess.run([QAHUB, "build", "--site", str(site), "--out", str(out), "--as-of", AS_OF, *extra],
                       capture_output=True, text=True)
    return r.returncode, r.stderr


def mark(site, rel):
    """Marks a record (JSON) or a content page (front matter) sensitive."""
    path = site / rel
    if rel.endswith(".json"):
        doc = json.loads(path.read_text())
        if doc.get("classification") == MARK:
            return False
        doc = {**{k: doc[k] for k in ("$schema", "id") if k in doc}, "classification": MARK, **doc}
        path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        return True
    text = path.read_text()
    if f"classification: {MARK}" in text:
        return False
    path.write_text(re.sub(r"^---\n", f"---\nclassification: {MARK}\n", text, count=1))
    return True


def phrase(site, rel):
    """Up to two runs of plain words only this record holds: its title or name
    (what list rows show) when only it has it, and its longest such phrase."""
    doc = json.loads((site / rel).read_text())
    strings = []

    def walk(v):
        if isinstance(v, str):
            strings.extend(re.findall(r"[A-Za-z][A-Za-z0-9 ,.-]{24,}", v))
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(doc)
    for key in ("title", "name", "theme"):  # what list rows show, when only this record has it
        if isinstance(doc.get(key), str):
            strings.insert(0, doc[key])
    others = [p.read_text(errors="replace") for p in site.rglob("*") if p.is_file() and p != site / rel]
    found = []
    for s in strings[:1] + sorted(strings[1:], key=len, reverse=True):
        s = s.strip(" ,.-")[:60].strip()
        if len(s) >= 12 and re.fullmatch(r"[A-Za-z0-9 ,.-]+", s) and not any(s in o for o in others) \
                and s not in found:
            found.append(s)
        if len(found) == 2:
            break
    return found


def files_with(out, needle):
    return sorted(str(p.relative_to(out)) for p in out.rglob("*")
                  if p.is_file() and needle in p.read_text(errors="replace"))


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="qahub-sensitive-kinds-"))
    try:
        site, out = work / "site", work / "out"
        site.mkdir()
        for part in ("content", "data", "qahub.yaml"):
            src = ROOT / part
            (shutil.copytree if src.is_dir() else shutil.copy)(src, site / part)
        chosen = []  # (kind, rel path, url, phrase)
        for name, folder, url in kinds():
            files = sorted((site / folder).glob("*.json"))
            if not files:
                failures.append(f"{name}: the default site has no {folder} record to mark")
                continue
            rel = str(files[0].relative_to(site))
            rid = files[0].stem
            chosen.append((name, rel, url.replace("{id}", rid) if url else "", phrase(site, rel)))
            mark(site, rel)
        # Mark what names a marked item publicly, until the build passes.
        for _ in range(12):
            code, err = build(site, out)
            if code == 0:
                break
            referrers = set()
            for line in err.splitlines():
                m = re.match(r"([^:]+):\d+:\d+: error: public .* (names|links to) " + MARK, line) or \
                    re.match(r"([^:]+): error: public .* (names|links to) " + MARK, line)
                if m:
                    referrers.add(m.group(1))
            if not referrers or not any([mark(site, r) for r in sorted(referrers)]):
                failures.append("the build fails for another reason:\n" + err)
                break
        else:
            failures.append("the build never passed:\n" + err)
        if failures:
            return
        for name, rel, url, text in chosen:
            needles = ([url] if url else []) + text
            if not needles:
                failures.append(f"{name}: {rel} has no page and no phrase of its own to look for")
            for n in needles:
                for f in files_with(out, n):
                    failures.append(f"{name}: {rel}: \"{n}\" is in {f}")
        code, err = build(site, out, "--include-sensitive")
        if code != 0:
            failures.append("--include-sensitive build failed:\n" + err)
            return
        listings = lambda f: f.startswith("search/") or f.startswith("a-z/") or f.endswith(".xml")
        for name, rel, url, text in chosen:
            if url:
                page = out / url.strip("/") / "index.html"
                if not page.is_file() or "notice-sensitive" not in page.read_text():
                    failures.append(f"{name}: {rel}: with --include-sensitive, {url} is not built with its banner")
            # A public list page built with --include-sensitive shows the
            # record's row; search reads that page's text without it.
            for n in ([url] if url else []) + text:
                if n:
                    for f in filter(listings, files_with(out, n)):
                        failures.append(f"{name}: {rel}: with --include-sensitive, \"{n}\" is in {f}")
        print("sensitive_kinds: " + ", ".join(f"{n} ({r})" for n, r, _, _ in chosen))
    finally:
        shutil.rmtree(work, ignore_errors=True)


main()
for f in failures:
    print("FAIL: " + f)
sys.exit(1 if failures else 0)
