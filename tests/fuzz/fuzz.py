#!/usr/bin/env python3
"""A bounded mutation fuzz of `qahub check` over a small site (issue 14).

Usage: fuzz.py QAHUB SOURCE_DIR [--runs N] [--seed S] [--keep DIR]

The seed site is tests/records/site (pages, every record kind, narratives)
plus tests/sites/basic's qahub.yaml and the repository's synonyms. Each run
copies it, mutates one to three of its text files (byte flips, truncation,
repeated chunks, and tokens that broke parsers before: unclosed quotes and
brackets, tabs, 1e999, invalid UTF-8, NUL, deep nesting), and runs
`qahub check` with a 5 s limit. A run fails on a crash or signal, any
sanitizer report, `terminate called`, a hang, an exit code other than 0 or 1,
or a diagnostic that names no file. Failing inputs are written to --keep so
they can be added to tests/fuzz/cases/, which are replayed first on every
run. The seed is fixed, so CI replays exactly the inputs tried here; --seed
explores others.
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

TOKENS = [
    b'"', b"'", b"{", b"}", b"[", b"]", b":", b": ", b"\t", b"\n", b"\r\n", b"---\n", b"- ", b"#", b"1e999",
    b"-1e999", b"18446744073709551616", b"-0", b"null", b"true", b"\xff", b"\xc3", b"\xe2\x80", b"\x00", b"\xef\xbb\xbf",
    b"](", b"[x](", b"#nowhere", b"../", b"<script>", b"&", b"{{", b"}}", b"{{#x}}", b"\\u0000", b"\\ud800",
    b'"$schema": "x"', b'"id": 7', b"2026-02-30", b"P0M", b"*", b"|", b"|---|", b"```", b"    ", b"[" * 64, b"{" * 64,
]
DIAG = re.compile(rb"^(?P<path>[^:\n]*):(\d+:)?(\d+:)? ?(error|warning): ", re.M)
BAD = [b"AddressSanitizer", b"runtime error:", b"LeakSanitizer", b"terminate called", b"Segmentation fault",
       b"std::bad_alloc", b"what():"]


def seed_site(source, dest):
    shutil.copytree(os.path.join(source, "tests", "records", "site"), dest)
    shutil.copy(os.path.join(source, "tests", "sites", "basic", "qahub.yaml"), os.path.join(dest, "qahub.yaml"))
    os.makedirs(os.path.join(dest, "data", "search"), exist_ok=True)
    shutil.copy(os.path.join(source, "data", "search", "synonyms.json"),
                os.path.join(dest, "data", "search", "synonyms.json"))


def text_files(root):
    out = []
    for d, _, names in os.walk(root):
        for n in names:
            if n.endswith((".md", ".json", ".yaml")):
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


def check(qahub, site):
    """None when the run is fine, else why not."""
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1:abort_on_error=0", UBSAN_OPTIONS="print_stacktrace=1")
    try:
        r = subprocess.run([qahub, "check", "--site", site, "--as-of", "2026-11-23"], capture_output=True,
                           timeout=5, env=env)
    except subprocess.TimeoutExpired:
        return "hang (over 5 s)"
    err = r.stdout + r.stderr
    for bad in BAD:
        if bad in err:
            return bad.decode() + "\n" + err.decode(errors="replace")[-3000:]
    if r.returncode not in (0, 1):
        return f"exit {r.returncode}\n" + err.decode(errors="replace")[-3000:]
    for m in DIAG.finditer(err):
        if not m.group("path").strip():
            return "a diagnostic names no file: " + err[m.start():err.find(b"\n", m.start())].decode(errors="replace")
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("qahub")
    ap.add_argument("source")
    ap.add_argument("--runs", type=int, default=150)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--keep", default="")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="qahub-fuzz-") as work:
        cases_dir = os.path.join(a.source, "tests", "fuzz", "cases")
        cases = sorted(n for n in os.listdir(cases_dir) if os.path.isdir(os.path.join(cases_dir, n))) \
            if os.path.isdir(cases_dir) else []
        for name in cases:  # regression cases: whole sites that once failed
            why = check(a.qahub, os.path.join(cases_dir, name))
            if why:
                failures += 1
                print(f"fuzz: regression case {name} fails: {why}")
        base = os.path.join(work, "seed")
        seed_site(a.source, base)
        files = [os.path.relpath(f, base) for f in text_files(base)]
        for run in range(a.runs):
            site = os.path.join(work, f"run-{run}")
            shutil.copytree(base, site)
            changed = rng.sample(files, rng.randint(1, 3))
            for rel in changed:
                path = os.path.join(site, rel)
                with open(path, "rb") as f:
                    data = f.read()
                with open(path, "wb") as f:
                    f.write(mutate(data, rng))
            why = check(a.qahub, site)
            if why:
                failures += 1
                print(f"fuzz: run {run} ({', '.join(changed)}): {why}")
                if a.keep:
                    dest = os.path.join(a.keep, f"seed{a.seed}-run{run}")
                    shutil.rmtree(dest, ignore_errors=True)
                    shutil.copytree(site, dest)
            shutil.rmtree(site)
    print(f"fuzz: {len(cases)} regression cases and {a.runs} mutated sites checked, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
