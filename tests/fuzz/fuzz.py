#!/usr/bin/env python3
"""A bounded mutation fuzz of `qahub check` and `qahub build` over a small site (issue 14).

Usage: fuzz.py QAHUB SOURCE_DIR [--runs N] [--seed S] [--keep DIR] [--build-every K]

The seed site is tests/records/site (pages, every record kind, narratives)
plus tests/sites/basic's qahub.yaml (with a brief format), the repository's
synonyms and organisation, a scale, a brief and a CSV attachment (seed_site). Each run
lays out a fresh sandbox folder in the work folder (a temporary folder):

    SANDBOX/site/       the mutated copy of the seed site
    SANDBOX/canary.txt  a file beside the site that no build may touch
    SANDBOX/parent.md   a page beside the site (the target of "parent" links)
    SANDBOX/outside/    pages, a record, a theme and folders outside the site
    SANDBOX/out/        where the build writes

and mutates the site one of two ways, picked by the seeded random generator:

  bytes      one to three text files get byte flips, truncation, repeated
             chunks, and tokens that broke parsers before (unclosed quotes
             and brackets, tabs, 1e999, invalid UTF-8, NUL, deep nesting).
             These are the inputs this fuzz tried before it built: the byte
             runs draw from their own generator, seeded with --seed alone, so
             the N-th byte run is the same site as ever.
  structure  one to three of: hostile `aliases:` in a page's front matter
             ("//x/", "/../../../../x/", "/%2e%2e/x/", "C:\\x", a URL another
             page has, one alias on two pages, ...); content files added or
             renamed with hostile names ("a#b.md", "a?b.md", "a%41.md",
             "Page.md" beside "page.md", "search.md" at the top, unicode,
             NFC/NFD and casefold twins); symbolic links under content/,
             data/ and a theme (themes/NAME/templates/partials/, with
             `theme: NAME` in qahub.yaml) leading outside the site (to
             SANDBOX/outside/, to the site's parent), to a sibling inside
             the site, to a folder inside or outside, in a loop, or nowhere;
             a record's narrative file named by a path that leaves data/.

Every run then runs `qahub check` (5 s limit), then `qahub build --site
SANDBOX/site --out SANDBOX/out --as-of 2026-11-23` (10 s limit; with
--build-every K on a seeded one in K of the runs only, drawn from a third
generator so that K changes nothing else).

A run fails on:

  - a crash or signal, any sanitizer report, `terminate called`, a hang, or a
    diagnostic that names no file (check and build alike);
  - an exit code other than 0 or 1 (2 is allowed only when stderr starts with
    "qahub: error:", a usage error);
  - check changing anything at all in the work folder;
  - build changing anything in the work folder outside SANDBOX/out, its
    staging siblings (SANDBOX/.out.staging-*, .out.old-*, which must be gone
    afterwards) and the site's search cache (SITE/.qahub/search, README
    "What a build writes"): every file, folder and symbolic link is
    snapshotted (path, SHA-1 of the bytes, link target) before and compared
    after, the site and SANDBOX/canary.txt included. The sandbox is nested a
    few folders deep in the work folder so that up to four ".." from the
    output stay in it; the listing of `/` is compared too (anything new there
    fails), and so is the listing of the work folder's parent (the system's
    temporary folder, shared with other programs, qahub's own unit tests
    among them: there a new entry fails only when it bears a name the hostile
    inputs use, such as "x" or "f02x");
  - a failed build (exit 1 or 2) leaving SANDBOX/out behind;
  - a successful build publishing a file from outside the site: the files in
    SANDBOX/outside/ and SANDBOX/parent.md carry a canary word, and no file in
    SANDBOX/out may hold it;
  - a successful build whose output fails tests/cli/output_walk.py (an
    internal link that reaches no written file, two paths that differ only by
    case or Unicode normalisation, a symbolic link), with the base path of
    the output's own <html data-base>.

What qahub added to the work folder outside the output is removed again after
it is reported, so one escape does not spoil the runs after it (and a changed
seed site is copied afresh). Nothing outside the work folder is ever removed:
an escape into `/` or the temporary folder is reported and left for a person.

Failing inputs (the whole sandbox, links kept as links) are written to --keep
so they can be added to tests/fuzz/cases/, which are replayed first on every
run with `qahub check` only (they are whole sites). The seed is fixed, so CI
replays exactly the inputs tried here; --seed explores others.
"""
import argparse
import hashlib
import os
import random
import re
import shutil
import stat
import subprocess
import sys
import tempfile

TOKENS = [
    b'"', b"'", b"{", b"}", b"[", b"]", b":", b": ", b"\t", b"\n", b"\r\n", b"---\n", b"- ", b"#", b"1e999",
    b"-1e999", b"18446744073709551616", b"-0", b"null", b"true", b"\xff", b"\xc3", b"\xe2\x80", b"\x00", b"\xef\xbb\xbf",
    b"](", b"[x](", b"#nowhere", b"../", b"<script>", b"&", b"{{", b"}}", b"{{#x}}", b"\\u0000", b"\\ud800",
    b'"$schema": "x"', b'"id": 7', b"2026-02-30", b"P0M", b"*", b"|", b"|---|", b"```", b"    ", b"[" * 64, b"{" * 64,
    # issue 39: nesting past the limit, curly quotes, C0 controls, unspaced shortcodes, counts near 2^63
    b"[" * 300, b'{"a":' * 300, b"\xe2\x80\x9c", b"\xe2\x80\x9d", b"\x01", b"\x1b", b"{{<figure audits_completed>}}",
    b"9223372036854775807", b"4611686018427387904",
]
DIAG = re.compile(rb"^(?P<path>[^:\n]*):(\d+:)?(\d+:)? ?(error|warning|notice): ", re.M)
BAD = [b"AddressSanitizer", b"runtime error:", b"LeakSanitizer", b"terminate called", b"Segmentation fault",
       b"std::bad_alloc", b"what():"]
AS_OF = "2026-11-23"
CHECK_TIMEOUT = 5
BUILD_TIMEOUT = 10
CANARY = "qzfuzzoutsidecanary"  # in every file outside the site; never in a build's output

# Aliases no build may write outside its output for. "{other}" is another page's URL.
HOSTILE_ALIASES = [
    "//x/", "/../../../../x/", "../x/", "/a/../../x/", "/./x/", "/x//y/", "C:\\x", "/%2e%2e/x/", "/%2F/x/",
    "/search/", "/a-z/", "/404.html", "/tags/", "http://evil/x/", "/\u00e9/", "/UPPER/", "/upper/", "{other}",
    "{self}", "/../../../../../../../../../../../../f02x/", "/../site/x/", "/../canary.txt", "..", "/..", "/.qahub-output",
    "/.qahub-output/", "/assets/qahub.css", "/assets/", "/", "", "x", "/x/index.html", "/index.html", "/%00/",
    "/a%2F..%2F..%2Fx/", "/..%2F..%2Fx/", "/.%2e/x/", "\\..\\..\\x\\", "/%25/", "/a#b/", "/a?b/", "/e\u0301/",
    "/\u00c9/", "/.qahub/", "/.out.staging-1/x/", "file:///tmp/x/", "/x/../../y/",
]
# Content file names (under content/) no build may mishandle.
HOSTILE_NAMES = [
    "a#b.md", "a?b.md", "a%41.md", "A.md", "Page.md", "page.md", "search.md", "a-z.md", "tags.md", "404.md",
    "index.md", "a b.md", "\u00e9.md", "e\u0301.md", "\u00c9.md", "Stra\u00dfe.md", "strasse.md", "\u0130.md",
    "\ufb01le.md", "\u65e5\u672c.md", "a%2F..%2Fx.md", "a\\b.md", "..md", "a:b.md", "a\"b.md", "a<b>.md", "a\nb.md",
    "%2e%2e.md", "assets.md", "x/index.md", "development/Forums.md", "development/forums/index.md",
]
# Names the hostile inputs put in paths: a new entry with one of these names in
# the (shared) temporary folder is taken as written by the build.
ESCAPE_NAMES = {"x", "y", "f02x", "upper", "\u00e9", "e\u0301", "a#b", "a?b", "%00", "\x00", ".qahub-output", "c:\\x",
                "site", "search", "tags", "a-z", "404.html", "index.html", "assets", "%2f", "%25", ".qahub"}
ESCAPE_NAMES |= {seg.casefold() for v in HOSTILE_ALIASES for seg in re.split(r"[/\\]", v) if seg not in ("", ".", "..")}
ESCAPE_NAMES |= {os.path.splitext(os.path.basename(n))[0].casefold() for n in HOSTILE_NAMES}
PAGE = "---\ntitle: {title}\n---\n\nA page {title}.\n"


BRIEF = """---
title: Fuzz brief
published: 2026-09-01
type: brief
brief:
  format: short
  source: {type: cycle, id: 2026-27-cycle-1, item: kl1}
  questions: ["One?", "Two?", "Three?"]
  based_on_case: false
---

## Background

Text.
"""
FORMATS = "briefs:\n  formats:\n    short:\n      sections: [Background, Questions for your team]\n" \
          "      questions: Questions for your team\n"
CSV = "Team,Audits,Note\nNorth,12,\"Quoted, with a comma\"\nSouth,9,plain\n"


def seed_site(source, dest):
    """Every kind of input a site holds (issue 39): pages and every record
    kind with narratives, a draft report page, a brief in a format qahub.yaml
    defines, a grading scale, the organisation, the synonyms and a CSV
    attachment. No publication snapshot: one taken from another site renders
    links to pages this one lacks (a published report keeps its rows), which
    output_walk rightly fails; snapshot shapes are covered by cases/."""
    shutil.copytree(os.path.join(source, "tests", "records", "site"), dest)
    shutil.copy(os.path.join(source, "tests", "sites", "basic", "qahub.yaml"), os.path.join(dest, "qahub.yaml"))
    with open(os.path.join(dest, "qahub.yaml"), "a") as f:
        f.write(FORMATS)
    os.makedirs(os.path.join(dest, "data", "search"), exist_ok=True)
    shutil.copy(os.path.join(source, "data", "search", "synonyms.json"),
                os.path.join(dest, "data", "search", "synonyms.json"))
    shutil.copy(os.path.join(source, "data", "organisation.json"), os.path.join(dest, "data", "organisation.json"))
    os.makedirs(os.path.join(dest, "data", "scales"), exist_ok=True)
    shutil.copy(os.path.join(source, "tests", "sites", "scales", "data", "scales", "local-3.json"),
                os.path.join(dest, "data", "scales", "local-3.json"))
    os.makedirs(os.path.join(dest, "content", "briefs"), exist_ok=True)
    with open(os.path.join(dest, "content", "briefs", "fuzz.md"), "w") as f:
        f.write(BRIEF)
    os.makedirs(os.path.join(dest, "content", "files"), exist_ok=True)
    with open(os.path.join(dest, "content", "files", "figures.csv"), "w") as f:
        f.write(CSV)


def text_files(root):
    out = []
    for d, _, names in os.walk(root):
        for n in names:
            if n.endswith((".md", ".json", ".yaml", ".csv")):
                out.append(os.path.join(d, n))
    return sorted(out)


def mutate(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(6)
        at = rng.randrange(len(data) + 1)
        if op == 0 and data:  # flip a byte
            data[min(at, len(data) - 1)] = rng.randrange(256)
        elif op == 1:  # insert a token
            data[at:at] = rng.choice(TOKENS)
        elif op == 2:  # truncate
            del data[at:]
        elif op == 3 and data:  # repeat a chunk
            end = min(len(data), at + rng.randint(1, 200))
            data[at:at] = data[at:end] * rng.randint(1, 8)
        elif op == 4:  # delete a chunk
            del data[at:at + rng.randint(1, 40)]
        else:  # swap a token for the byte run at `at`
            data[at:at + 1] = rng.choice(TOKENS)
    return bytes(data)


# --- structure mutations ------------------------------------------------------


def sandbox_extras(sandbox):
    """The files beside the site: the canary, a page in the site's parent, and SANDBOX/outside/."""
    with open(os.path.join(sandbox, "canary.txt"), "w") as f:
        f.write(f"{CANARY}: nothing may change this file\n")
    with open(os.path.join(sandbox, "parent.md"), "w") as f:
        f.write(PAGE.format(title=f"Parent {CANARY}"))
    outside = os.path.join(sandbox, "outside")
    os.makedirs(os.path.join(outside, "pages"))
    os.makedirs(os.path.join(outside, "data", "actions"))
    os.makedirs(os.path.join(outside, "theme", "templates", "partials"))
    with open(os.path.join(outside, "far.md"), "w") as f:
        f.write(PAGE.format(title=f"Far {CANARY}"))
    with open(os.path.join(outside, "pages", "near.md"), "w") as f:
        f.write(PAGE.format(title=f"Near {CANARY}"))
    action = ('{\n  "$schema": "../schemas/action.schema.json",\n  "id": "a-009",\n'
              f'  "title": "Outside {CANARY}",\n'
              '  "source": {"type": "audit", "id": "fathers-2026", "item": "r1"},\n'
              '  "owner": "Practice Development Team manager",\n  "due": "2027-03-31",\n'
              '  "status": [{"date": "2026-09-01", "status": "open"}]\n}\n')
    for p in (os.path.join(outside, "a-009.json"), os.path.join(outside, "data", "actions", "a-009.json")):
        with open(p, "w") as f:
            f.write(action)
    for p in (os.path.join(outside, "footer.mustache"),
              os.path.join(outside, "theme", "templates", "partials", "footer.mustache")):
        with open(p, "w") as f:
            f.write(f"<p>{CANARY}</p>\n")
    with open(os.path.join(outside, "qahub.yaml"), "w") as f:
        f.write(f"title: Outside {CANARY}\n")
    with open(os.path.join(outside, "narrative.md"), "w") as f:
        f.write(f"Outside narrative {CANARY}.\n")


def pages_of(site):
    content = os.path.join(site, "content")
    out = []
    for d, dnames, names in os.walk(content):
        dnames.sort()
        for n in sorted(names):
            p = os.path.join(d, n)
            if n.endswith(".md") and not os.path.islink(p):
                out.append(os.path.relpath(p, content))
    return out


def url_of(rel):
    """The URL content/REL.md is published at (README "A site")."""
    rel = rel[:-3]
    if rel.endswith("_index"):
        rel = rel[:-len("_index")]
    return "/" + rel.strip("/") + "/" if rel.strip("/") else "/"


def yaml_quote(s):
    return "'" + s.replace("'", "''") + "'"


def set_aliases(site, rel, values):
    path = os.path.join(site, "content", rel)
    with open(path, "rb") as f:
        text = f.read().decode("utf-8", errors="surrogateescape")
    if not text.startswith("---\n"):
        text = "---\ntitle: Untitled\n---\n" + text
    head_end = text.find("\n---", 3)
    head, rest = text[4:head_end + 1] if head_end >= 0 else "", text[head_end + 1:] if head_end >= 0 else "---\n"
    lines, skip = [], False
    for line in head.splitlines(keepends=True):  # drop an earlier aliases: block ("change")
        if line.startswith("aliases:"):
            skip = True
            continue
        if skip and (line.startswith("  ") or line.startswith("- ")):
            continue
        skip = False
        lines.append(line)
    block = "aliases:\n" + "".join(f"  - {yaml_quote(v)}\n" for v in values)
    with open(path, "wb") as f:
        f.write(("---\n" + "".join(lines) + block + rest).encode("utf-8", errors="surrogateescape"))


def mutate_aliases(site, sandbox, rng):
    pages = pages_of(site)
    if not pages:
        return "aliases: no page"
    rel = rng.choice(pages)
    values = []
    for _ in range(rng.randint(1, 3)):
        v = rng.choice(HOSTILE_ALIASES)
        if v == "{other}":
            others = [url_of(p) for p in pages if p != rel] + ["/forums/practice-board/", "/cycles/2026-27-cycle-1/",
                                                                "/actions/", "/audits/fathers-2026/"]
            v = rng.choice(others)
        elif v == "{self}":
            v = url_of(rel)
        values.append(v)
    set_aliases(site, rel, values)
    desc = f"aliases {ascii(values)} on content/{ascii(rel)}"
    if len(pages) > 1 and rng.random() < 0.3:  # the same alias on a second page
        second = rng.choice([p for p in pages if p != rel])
        set_aliases(site, second, values[:1])
        desc += f" and {ascii(values[:1])} on content/{ascii(second)}"
    return desc


def mutate_names(site, sandbox, rng):
    content = os.path.join(site, "content")
    name = rng.choice(HOSTILE_NAMES)
    pages = pages_of(site)
    dest = os.path.join(content, name)
    if os.path.dirname(name) and not os.path.isdir(os.path.dirname(dest)):
        os.makedirs(os.path.dirname(dest), exist_ok=True)
    if os.path.lexists(dest):
        return f"name {name!r}: already there"
    if pages and rng.random() < 0.4:  # rename an existing page
        src = rng.choice(pages)
        os.rename(os.path.join(content, src), dest)
        desc = f"renamed content/{ascii(src)} to content/{ascii(name)}"
    else:
        with open(dest, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(PAGE.format(title=yaml_quote("Hostile " + name.replace("\n", " "))))
        desc = f"added content/{ascii(name)}"
    twins = {"Page.md": "page.md", "page.md": "Page.md", "A.md": "a.md", "\u00e9.md": "e\u0301.md",
             "e\u0301.md": "\u00e9.md", "\u00c9.md": "\u00e9.md", "Stra\u00dfe.md": "strasse.md",
             "strasse.md": "STRASSE.md", "development/Forums.md": "development/forums.md"}
    twin = twins.get(name)
    if twin and not os.path.lexists(os.path.join(content, twin)):
        with open(os.path.join(content, twin), "w", encoding="utf-8") as f:
            f.write(PAGE.format(title=yaml_quote("Twin " + twin)))
        desc += f" beside content/{ascii(twin)}"
    return desc


def mutate_links(site, sandbox, rng):
    """A symbolic link somewhere under content/, data/ or a theme: (where, link, target)."""
    outside = os.path.join(sandbox, "outside")
    choices = [
        # content/: outside (absolute and relative), the site's parent, a sibling, folders, a loop, nowhere
        ("content/far.md", os.path.join(outside, "far.md")),
        ("content/far-rel.md", "../../outside/far.md"),
        ("content/parent.md", "../../parent.md"),
        ("content/development/parent.md", "../../../parent.md"),
        ("content/sibling.md", "development/forums.md"),
        ("content/linked", "development"),
        ("content/outdir", "../../outside/pages"),
        ("content/outdir-abs", os.path.join(outside, "pages")),
        ("content/loop", "."),
        ("content/development/up", ".."),
        ("content/dangling.md", "nowhere.md"),
        ("content/dangling-dir", "nowhere"),
        ("content/canary.md", "../../canary.txt"),
        ("content/site", ".."),
        # data/: a record outside, a sibling record, a folder outside, a loop, nowhere
        ("data/actions/a-009.json", os.path.join(outside, "a-009.json")),
        ("data/actions/a-009.json", "../../../outside/a-009.json"),
        ("data/actions/a-010.json", "a-001.json"),
        ("data/actions/more", "../../../outside/data/actions"),
        ("data/outdir", "../../outside/data"),
        ("data/loop", "."),
        ("data/actions/loop", ".."),
        ("data/actions/dangling.json", "nowhere.json"),
        ("data/forums/practice-board.md", "../../../outside/narrative.md"),
        # themes/house/: a partial outside, the theme folder outside, a sibling, a loop, nowhere
        ("themes/house/templates/partials/footer.mustache", os.path.join(outside, "footer.mustache")),
        ("themes/house/templates/partials/footer.mustache", "../../../../../outside/footer.mustache"),
        ("themes/house", "../../outside/theme"),
        ("themes/house/templates/partials/footer.mustache", "header.mustache"),
        ("themes/house/templates/partials/header.mustache", "../../../../content/development/forums.md"),
        ("themes/house/templates/loop", "."),
        ("themes/house/templates/partials/footer.mustache", "nowhere.mustache"),
        # the site's own files
        ("qahub.yaml", "../outside/qahub.yaml"),
        ("content", "../outside/pages"),
    ]
    where, target = rng.choice(choices)
    link = os.path.join(site, where)
    if where.startswith("themes/"):
        with open(os.path.join(site, "qahub.yaml"), "a") as f:
            f.write("\ntheme: house\n")
        if where != "themes/house":
            os.makedirs(os.path.join(site, "themes", "house", "templates", "partials"), exist_ok=True)
        if target == "header.mustache" or where.endswith("header.mustache"):  # the sibling the footer points at
            with open(os.path.join(site, "themes", "house", "templates", "partials", "header.mustache"), "w") as f:
                f.write("<header>house</header>\n")
    os.makedirs(os.path.dirname(link), exist_ok=True)
    if os.path.lexists(link):
        if os.path.isdir(link) and not os.path.islink(link):
            shutil.rmtree(link)
        else:
            os.remove(link)
    os.symlink(target, link)
    return f"symlink {where} -> {target}"


def mutate_narrative(site, sandbox, rng):
    """A record names its narrative by a path that leaves data/."""
    path = os.path.join(site, "data", "forums", "practice-board.json")
    value = rng.choice(["../../../outside/narrative.md", "../../content/development/forums.md", "/etc/hostname",
                        os.path.join(sandbox, "outside", "narrative.md"), "../../../canary.txt", ".", "..", ""])
    with open(path) as f:
        text = f.read()
    text = text.replace('"file": "practice-board.md"', f'"file": "{value}"')
    with open(path, "w") as f:
        f.write(text)
    return f"narrative file {value!r} in data/forums/practice-board.json"


STRUCTURE = [mutate_aliases, mutate_aliases, mutate_names, mutate_names, mutate_links, mutate_links, mutate_links,
             mutate_narrative]


# --- running qahub ------------------------------------------------------------


def env():
    return dict(os.environ, ASAN_OPTIONS="detect_leaks=1:abort_on_error=0", UBSAN_OPTIONS="print_stacktrace=1")


def judge(r, allow_usage_error=False):
    """None when a finished run of qahub is fine, else why not (the check() rules)."""
    err = r.stdout + r.stderr
    for bad in BAD:
        if bad in err:
            return bad.decode() + "\n" + err.decode(errors="replace")[-3000:]
    usage = r.returncode == 2 and allow_usage_error and r.stderr.startswith(b"qahub: error:")
    if r.returncode not in (0, 1) and not usage:
        return f"exit {r.returncode}\n" + err.decode(errors="replace")[-3000:]
    for m in DIAG.finditer(err):
        if not m.group("path").strip():
            return "a diagnostic names no file: " + err[m.start():err.find(b"\n", m.start())].decode(errors="replace")
    return None


def check(qahub, site):
    """None when the run is fine, else why not."""
    try:
        r = subprocess.run([qahub, "check", "--site", site, "--as-of", AS_OF], capture_output=True,
                           timeout=CHECK_TIMEOUT, env=env())
    except subprocess.TimeoutExpired:
        return f"hang (over {CHECK_TIMEOUT} s)"
    return judge(r)


def build(qahub, site, out):
    """(exit code or None, why not or None)."""
    try:
        r = subprocess.run([qahub, "build", "--site", site, "--out", out, "--as-of", AS_OF], capture_output=True,
                           timeout=BUILD_TIMEOUT, env=env())
    except subprocess.TimeoutExpired:
        return None, f"build: hang (over {BUILD_TIMEOUT} s)"
    why = judge(r, allow_usage_error=True)
    return r.returncode, ("build: " + why if why else None)


# --- what changed on disk -----------------------------------------------------


def snapshot(root, skip):
    """path (relative to root) -> ("d",) | ("f", sha1) | ("l", target) | ("o", mode), not following links;
    skip(rel) leaves a path and everything under it out."""
    snap = {}

    def visit(dir_path, rel_dir):
        try:
            names = sorted(os.listdir(dir_path))
        except OSError as e:
            snap[rel_dir + "/"] = ("unreadable", str(e))
            return
        for n in names:
            rel = f"{rel_dir}/{n}" if rel_dir else n
            if skip(rel):
                continue
            full = os.path.join(dir_path, n)
            try:
                st = os.lstat(full)
            except OSError:
                continue
            if stat.S_ISLNK(st.st_mode):
                snap[rel] = ("l", os.readlink(full))
            elif stat.S_ISDIR(st.st_mode):
                snap[rel] = ("d",)
                visit(full, rel)
            elif stat.S_ISREG(st.st_mode):
                h = hashlib.sha1()
                try:
                    with open(full, "rb") as f:
                        for chunk in iter(lambda: f.read(1 << 20), b""):
                            h.update(chunk)
                    snap[rel] = ("f", h.hexdigest())
                except OSError as e:
                    snap[rel] = ("unreadable", str(e))
            else:
                snap[rel] = ("o", stat.S_IFMT(st.st_mode))

    visit(root, "")
    return snap


def listing(path):
    try:
        return set(os.listdir(path))
    except OSError:
        return set()


def differences(before, after):
    """Sorted (what, path) pairs: new, removed, changed."""
    out = [("new", p) for p in after.keys() - before.keys()]
    out += [("removed", p) for p in before.keys() - after.keys()]
    out += [("changed", p) for p in before.keys() & after.keys() if before[p] != after[p]]
    return sorted(out, key=lambda x: (x[1], x[0]))


class Watch:
    """Everything a build may not change: the work folder's tree, and the listings of its parent and `/`."""

    def __init__(self, work, skip, new_folders=()):
        self.work, self.skip, self.new_folders = work, skip, set(new_folders)
        self.parent = os.path.dirname(os.path.abspath(work))
        self.tree = snapshot(work, skip)
        self.parent_list = listing(self.parent)
        self.root_list = listing("/")

    def escapes(self):
        """What changed that may not have, one line each."""
        after = snapshot(self.work, self.skip)
        problems = [f"{what} outside the output: {self.work}/{p}" for what, p in differences(self.tree, after)
                    if not (what == "new" and p in self.new_folders and after[p] == ("d",))]
        for name in sorted(listing("/") - self.root_list):
            problems.append(f"new at the file system's root (left there; remove it by hand): /{name}")
        for name in sorted(listing(self.parent) - self.parent_list):
            # Other programs make and remove entries here all the time (qahub's own unit tests
            # among them): only a name the hostile inputs use counts, and nothing is removed.
            if name.casefold() in ESCAPE_NAMES:
                problems.append(f"new in the work folder's parent (left there; remove it by hand): "
                                f"{os.path.join(self.parent, name)}")
        return problems

    def clean(self):
        """Removes what the build added inside the work folder, so later runs start clean.
        Nothing outside the work folder is ever removed: it may belong to another program."""
        after = snapshot(self.work, self.skip)
        for what, p in reversed(differences(self.tree, after)):
            full = os.path.join(self.work, p)
            if what == "new":
                if os.path.isdir(full) and not os.path.islink(full):
                    shutil.rmtree(full, ignore_errors=True)
                elif os.path.lexists(full):
                    os.remove(full)


def published_canary(out):
    hits = []
    for d, _, names in os.walk(out):
        for n in names:
            p = os.path.join(d, n)
            try:
                with open(p, "rb") as f:
                    if CANARY.encode() in f.read():
                        hits.append(os.path.relpath(p, out))
            except OSError:
                pass
    return sorted(hits)


def walk_output(source, out):
    """tests/cli/output_walk.py over a successful build: its problems (broken links, case clashes)."""
    sys.path.insert(0, os.path.join(source, "tests", "cli"))
    try:
        import output_walk
    finally:
        sys.path.pop(0)
    base = "/"
    try:
        with open(os.path.join(out, "index.html"), encoding="utf-8", errors="replace") as f:
            m = re.search(r'<html[^>]*\sdata-base="([^"]*)"', f.read(4096))
        if m and m.group(1).startswith("/"):
            base = m.group(1) if m.group(1).endswith("/") else m.group(1) + "/"
    except OSError:
        pass
    problems, _ = output_walk.walk(out, base)
    return problems


def run_build(qahub, source, work, sandbox):
    """Builds SANDBOX/site into SANDBOX/out, watching everything else. None when fine, else why not."""
    site, out = os.path.join(sandbox, "site"), os.path.join(sandbox, "out")
    rel_sandbox = os.path.relpath(sandbox, work).replace(os.sep, "/")
    staging = re.compile(r"\.out\.(staging|old)-[^/]*$")

    def skip(rel):
        if not rel.startswith(rel_sandbox + "/"):
            return False
        r = rel[len(rel_sandbox) + 1:]
        return r == "out" or bool(staging.match(r)) or r == "site/.qahub/search" or r.startswith("site/.qahub/search.")

    watch = Watch(work, skip, new_folders=[rel_sandbox + "/site/.qahub"])
    code, why = build(qahub, site, out)
    problems = watch.escapes()
    left = sorted(n for n in os.listdir(sandbox) if staging.match(n))
    if left:
        problems.append("staging left behind: " + ", ".join(left))
    if code not in (None, 0) and os.path.lexists(out):
        problems.append(f"a failed build (exit {code}) wrote {out}")
    if code == 0:
        problems += [f"published a file from outside the site: out/{h} holds {CANARY}" for h in published_canary(out)]
        problems += [f"output walk: {p}" for p in walk_output(source, out)]
    if problems:
        watch.clean()
        shown = problems[:20] + ([f"... and {len(problems) - 20} more"] if len(problems) > 20 else [])
        why = (why + "\n" if why else "") + f"build (exit {code}):\n  " + "\n  ".join(shown)
    return why


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("qahub")
    ap.add_argument("source")
    ap.add_argument("--runs", type=int, default=150)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--keep", default="")
    ap.add_argument("--build-every", type=int, default=1,
                    help="run the build step on every K-th run only (1: every run; 0: never)")
    a = ap.parse_args()
    rng = random.Random(a.seed)  # the byte runs: the same sites as before the build step
    srng = random.Random(f"structure-{a.seed}")  # run kinds and structure mutations
    brng = random.Random(f"build-{a.seed}")  # which runs build (so --build-every changes nothing else)
    failures = builds = 0
    kinds = {"bytes": 0, "structure": 0}
    qahub = os.path.abspath(a.qahub)
    with tempfile.TemporaryDirectory(prefix="qahub-fuzz-") as work:
        cases_dir = os.path.join(a.source, "tests", "fuzz", "cases")
        cases = sorted(n for n in os.listdir(cases_dir) if os.path.isdir(os.path.join(cases_dir, n))) \
            if os.path.isdir(cases_dir) else []
        for name in cases:  # regression cases: whole sites that once failed
            why = check(qahub, os.path.join(cases_dir, name))
            if why:
                failures += 1
                print(f"fuzz: regression case {name} fails: {why}")
        base = os.path.join(work, "seed")
        seed_site(a.source, base)
        files = [os.path.relpath(f, base) for f in text_files(base)]
        seed_snap = snapshot(base, lambda rel: False)
        for run in range(a.runs):
            # Nested so that up to four ".." from SANDBOX/out stay inside the work folder.
            sandbox = os.path.join(work, "runs", f"{run:04d}", "sandbox")
            site = os.path.join(sandbox, "site")
            os.makedirs(sandbox)
            shutil.copytree(base, site)
            sandbox_extras(sandbox)
            kind = "bytes" if srng.random() < 0.5 else "structure"
            kinds[kind] += 1
            if kind == "bytes":
                changed = rng.sample(files, rng.randint(1, 3))
                for rel in changed:
                    path = os.path.join(site, rel)
                    with open(path, "rb") as f:
                        data = f.read()
                    with open(path, "wb") as f:
                        f.write(mutate(data, rng))
            else:
                changed = [srng.choice(STRUCTURE)(site, sandbox, srng) for _ in range(srng.randint(1, 3))]
            do_build = a.build_every > 0 and brng.randrange(a.build_every) == 0
            watch = Watch(work, lambda rel: False)
            why = check(qahub, site)
            problems = watch.escapes()
            if problems:
                watch.clean()
                why = (why + "\n" if why else "") + "check changed files:\n  " + "\n  ".join(problems[:20])
            if not why and do_build:
                builds += 1
                why = run_build(qahub, a.source, work, sandbox)
            if why:
                failures += 1
                print(f"fuzz: run {run} ({kind}: {'; '.join(changed)}): {why}")
                if a.keep:
                    dest = os.path.join(a.keep, f"seed{a.seed}-run{run}")
                    shutil.rmtree(dest, ignore_errors=True)
                    shutil.copytree(sandbox, dest, symlinks=True)
            shutil.rmtree(os.path.join(work, "runs"))
            if snapshot(base, lambda rel: False) != seed_snap:
                print("fuzz: the seed site changed; copied afresh")
                shutil.rmtree(base)
                seed_site(a.source, base)
    print(f"fuzz: {len(cases)} regression cases and {a.runs} mutated sites checked ({kinds['bytes']} byte, "
          f"{kinds['structure']} structure mutations), {builds} built, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
