#!/usr/bin/env python3
"""Walks built output folders and checks every internal link resolves to a written file.

Usage: output_walk.py [--base-path /PATH/ | --relative] OUT_DIR [OUT_DIR...]

For each OUT_DIR it reads every written file and fails (exit 1, one line per
problem) when:

  (a) an internal URL in an .html file does not resolve to a written file.
      URLs are taken from every href, src, srcset and action attribute (and
      the url= of <meta http-equiv="refresh">, the alias redirect pages). The
      fragment and query are dropped (a pure "#x" or "?q" is the page
      itself); http:, https:, mailto:, tel:, data: and javascript: are
      external and skipped; any other scheme, and a network-path "//host/"
      reference, is a problem. A root-relative path must lie under
      --base-path (default "/") and resolves against the output's root; any
      other path resolves against the page's own path, and one climbing
      above the output's root with ".." is a problem. Each segment is
      percent-decoded once ("/a%23b/" is the folder "a#b/"). A path ending in
      "/" resolves to its index.html, a path naming a folder to
      folder/index.html. Feeds and other non-HTML files are not read (their
      links are absolute).
  (b) two written paths (files or folders) differ only by case: the same
      after lower() (JavaScript's toLowerCase, qahub's rule, fs/url_path.h),
      so they would collide on a case-insensitive drive (a Windows share).
      Unicode normalisation (NFC/NFD twins) and full case folding (ß/ss) are
      not qahub's rule: NTFS keeps such names apart.
  (c) the output holds a symbolic link (a build writes files, never links).

With --relative (a --relative-urls build, opened over file://) a
root-relative URL is a problem, and so is a link to a folder ("x/"): over
file:// a folder does not open its index.html, so links must name the file.

It prints a summary line with the counts, per folder and in total.
"""
import argparse
import html.parser
import os
import re
import sys
import urllib.parse

EXTERNAL = {"http", "https", "mailto", "tel", "data", "javascript"}
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
ATTRS = ("href", "src", "srcset", "action")
REFRESH_URL = re.compile(r"^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(['\"]?)(.*?)\1\s*$", re.I | re.S)


def srcset_urls(value):
    """The URLs of a srcset value (HTML's parse of image candidate strings)."""
    urls = []
    i, n = 0, len(value)
    while i < n:
        while i < n and (value[i].isspace() or value[i] == ","):
            i += 1
        if i >= n:
            break
        start = i
        while i < n and not value[i].isspace():
            i += 1
        url = value[start:i]
        if url.endswith(","):
            url = url.rstrip(",")
        else:  # skip the descriptors up to the next comma outside parentheses
            depth = 0
            while i < n and not (value[i] == "," and depth == 0):
                depth += value[i] == "("
                depth -= value[i] == ")" and depth > 0
                i += 1
        if url:
            urls.append(url)
    return urls


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []  # (line, attribute, url)

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        for name, value in attrs:
            if name not in ATTRS or value is None:
                continue
            if name == "srcset":
                self.urls.extend((line, f"<{tag} srcset>", u) for u in srcset_urls(value))
            else:
                self.urls.append((line, f"<{tag} {name}>", value))
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh" and values.get("content"):
            m = REFRESH_URL.match(values["content"])
            if m and m.group(2):
                self.urls.append((line, "<meta refresh>", m.group(2)))

    handle_startendtag = handle_starttag


def page_links(path):
    with open(path, "rb") as f:
        text = f.read().decode("utf-8", errors="replace")
    p = Links()
    p.feed(text)
    p.close()
    return p.urls


def resolve(url, page_rel, base_path):
    """(kind, target) where kind is "external", "self", "ok-path" or "problem"; target the
    output-relative path to look up (ends in "/" for a folder) or the problem's text."""
    u = url.strip()
    m = SCHEME.match(u)
    if m:
        if m.group(1).lower() in EXTERNAL:
            return "external", None
        return "problem", f"unexpected scheme {m.group(1)}:"
    if u.startswith("//") or u.startswith("\\\\"):
        return "problem", "network-path reference (//host/) to another host"
    path = u.split("#", 1)[0].split("?", 1)[0]
    if path == "":
        return "self", None
    if "\\" in path:
        return "problem", "backslash in a URL path"
    if path.startswith("/"):
        if not path.startswith(base_path) and path + "/" != base_path:
            return "problem", f"root-relative path outside the base path {base_path}"
        raw = path[len(base_path):] if path.startswith(base_path) else ""
        start = []
    else:
        raw = path
        start = page_rel.split("/")[:-1]  # the page's folder
    segs = list(start)
    parts = raw.split("/")
    decoded = [urllib.parse.unquote(seg, errors="strict") if "%" in seg else seg for seg in parts]
    for i, dec in enumerate(decoded):
        if dec == "" and i != len(parts) - 1:
            # "x//y": an empty name to a browser, never a file we wrote
            return "problem", "empty path segment (//)"
        if dec in ("", "."):
            continue
        if dec == "..":
            if not segs:
                return "problem", "climbs above the output's root"
            segs.pop()
            continue
        segs.append(dec)
    folder = decoded[-1] in ("", ".", "..")
    return "ok-path", "/".join(segs) + ("/" if folder else "")


def lookup(target, files, root_relative, relative):
    """None when the resolved TARGET is a written file, else the problem."""
    index = (target.rstrip("/") + "/index.html").lstrip("/")
    if root_relative:
        return "root-relative URL in a --relative-urls build (over file:// it opens the disk's root)"
    if not target.endswith("/") and target in files:
        return None
    if index not in files:
        return f"no written file {index!r}" if target.endswith("/") else \
            f"no written file {target!r} (nor {index!r})"
    if relative:
        return f"names a folder, not {index!r} (over file:// a folder does not open its index.html)"
    return None


def walk(out, base_path, relative=False):
    files, dirs, problems = set(), set(), []
    for d, dnames, fnames in os.walk(out):
        rel_d = os.path.relpath(d, out)
        rel_d = "" if rel_d == "." else rel_d.replace(os.sep, "/")
        for n in dnames + fnames:
            rel = f"{rel_d}/{n}" if rel_d else n
            full = os.path.join(d, n)
            if os.path.islink(full):
                problems.append(f"{rel}: a symbolic link (to {os.readlink(full)!r}) in the output")
            if n in dnames:
                dirs.add(rel)
            else:
                files.add(rel)
    # (b) case clashes
    by_key = {}
    for p in sorted(files | dirs):
        by_key.setdefault(p.lower(), []).append(p)
    clashes = 0
    for key, group in sorted(by_key.items()):
        if len(group) > 1:
            # report only the shortest clashing prefix, not every file beneath two clashing folders
            parent = key.rsplit("/", 1)[0] if "/" in key else None
            if parent is not None and len(by_key.get(parent, [])) > 1:
                continue
            clashes += 1
            shown = [repr(g) if g.isascii() else f"{g!r} ({ascii(g)})" for g in group]
            problems.append("paths differ only by case: " + ", ".join(shown))
    # (a) links
    pages = sorted(f for f in files if f.endswith(".html"))
    links = external = broken = 0
    for page in pages:
        for line, where, url in page_links(os.path.join(out, page)):
            links += 1
            try:
                kind, target = resolve(url, page, base_path)
            except UnicodeDecodeError:
                kind, target = "problem", "percent-encoding that is not UTF-8"
            if kind == "external":
                external += 1
                continue
            if kind == "self":
                continue
            if kind == "ok-path":
                target = lookup(target, files, relative and url.strip().startswith("/"), relative)
                if target is None:
                    continue
            broken += 1
            problems.append(f"{page}:{line}: {where} {url!r}: {target}")
    return problems, {"files": len(files), "folders": len(dirs), "pages": len(pages), "links": links,
                      "external": external, "broken": broken, "case_clashes": clashes}


def main():
    ap = argparse.ArgumentParser(description="Check every internal link of built output folders resolves.")
    ap.add_argument("--base-path", default="/", help='the path every root-relative URL starts with (default "/")')
    ap.add_argument("--relative", action="store_true",
                    help="a --relative-urls build: no root-relative URLs, no links to folders")
    ap.add_argument("out", nargs="+")
    a = ap.parse_args()
    base = "/" + a.base_path.strip("/") + "/" if a.base_path.strip("/") else "/"
    total = {}
    failed = False
    for out in a.out:
        if not os.path.isdir(out):
            print(f"output_walk: {out}: not a folder")
            failed = True
            continue
        problems, counts = walk(out, base, a.relative)
        for p in problems:
            print(f"output_walk: {out}: {p}")
        failed |= bool(problems)
        for k, v in counts.items():
            total[k] = total.get(k, 0) + v
        print(f"output_walk: {out}: {counts['files']} files, {counts['pages']} HTML pages, {counts['links']} links "
              f"({counts['external']} external), {counts['broken']} broken, {counts['case_clashes']} case clashes"
              f", {len(problems)} problems")
    if len(a.out) > 1:
        print(f"output_walk: {len(a.out)} folders: {total.get('files', 0)} files, {total.get('pages', 0)} HTML pages, "
              f"{total.get('links', 0)} links ({total.get('external', 0)} external), {total.get('broken', 0)} broken, "
              f"{total.get('case_clashes', 0)} case clashes")
    print("output_walk: " + ("FAILED" if failed else "ok"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
