#!/usr/bin/env python3
"""Fails on a list of three or more record kind names written as string
literals in generator/ outside the descriptor files: such a list is a
per-kind walk the kinds table (record_pages/kinds.cc) should drive, and it
goes silently wrong when a kind is added. A "list" is three distinct kind
names ("cycle" or "cycle/") within three lines, comments aside.

    generator/x.cc:12: "cycle", "audit", "meeting": a list of kinds; follow the kinds table
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
# The table itself, and urls.h: a name per kind for the row's URL
# (urls::cycle(id) is record_url("cycle", id)), which a new kind needs only
# if other code links to its pages.
DESCRIPTORS = {"generator/record_pages/kinds.cc", "generator/record_pages/kinds.h", "generator/records/kind_store.h",
               "generator/record_pages/urls.h"}
WINDOW = 3


def kind_names():
    table = (ROOT / "generator/record_pages/kinds.cc").read_text()
    return set(re.findall(r'\.data\s*=\s*\{\s*"([a-z][a-z-]*)"', table))


def strip_comments(line):
    # Drops // comments outside string literals (enough for this codebase).
    out, in_str, i = [], False, 0
    while i < len(line):
        c = line[i]
        if in_str:
            out.append(c)
            if c == "\\" and i + 1 < len(line):
                out.append(line[i + 1])
                i += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
            out.append(c)
        elif line.startswith("//", i):
            break
        else:
            out.append(c)
        i += 1
    return "".join(out)


def main():
    kinds = kind_names()
    if len(kinds) < 3:
        print(".ci/kind_lists.py: found no kinds table in generator/record_pages/kinds.cc", file=sys.stderr)
        return 1
    literal = re.compile(r'"(' + "|".join(re.escape(k) for k in sorted(kinds)) + r')/?"')
    status = 0
    for path in sorted((ROOT / "generator").rglob("*")):
        rel = path.relative_to(ROOT).as_posix()
        if path.suffix not in (".cc", ".h") or rel in DESCRIPTORS:
            continue
        lines = [strip_comments(l) for l in path.read_text().splitlines()]
        hits = [set(m.group(1) for m in literal.finditer(l)) for l in lines]
        reported = -WINDOW
        for i in range(len(lines)):
            names = set().union(*hits[i:i + WINDOW])
            if len(names) >= 3 and hits[i] and i >= reported + WINDOW:
                print(f"{rel}:{i + 1}: " + ", ".join(f'"{n}"' for n in sorted(names)) +
                      ": a list of kinds; follow the kinds table (record_pages/kinds.h)", file=sys.stderr)
                reported = i
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
