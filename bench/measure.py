#!/usr/bin/env python3
"""The measurements behind bench/run (see its header): builds, memory, sizes,
the search index against lunr.js, and serve's edit-to-reload time. Prints a
table as it goes and writes bench/RESULTS.md. Standard library only."""
import argparse
import gzip
import hashlib
import http.client
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
AS_OF = "2026-11-01"


def log(msg=""):
    print(msg, flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=isinstance(cmd, str), capture_output=True, text=True, **kw)


def timed(cmd, cwd=None):
    """Runs cmd under /usr/bin/time -v; returns (wall s, peak RSS MB, CPU s = user + system)."""
    tfile = "/dev/shm/qahub-bench-time.txt"
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-v", "-o", tfile] + cmd, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"bench: failed ({r.returncode}): {' '.join(cmd)}\n{r.stdout[-3000:]}{r.stderr[-3000:]}")
    tv = open(tfile).read()
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", tv)
    cpu = sum(float(re.search(rf"{k} time \(seconds\): ([\d.]+)", tv).group(1)) for k in ("User", "System"))
    return wall, int(m.group(1)) / 1024.0, cpu


def tree_size(d):
    total = files = 0
    for dirpath, _, names in os.walk(d):
        for n in names:
            total += os.path.getsize(os.path.join(dirpath, n))
            files += 1
    return total, files


def gz(path):
    with open(path, "rb") as f:
        return len(gzip.compress(f.read(), 9))


def gen_site(work, name, pages):
    """Generates (or reuses, when gen_site.py and its arguments are unchanged) a site pair."""
    out = os.path.join(work, name)
    schemas = os.path.join(ROOT, "data", "schemas")
    args = [str(pages)] + (["--schemas", schemas] if os.path.isdir(schemas) else [])
    h = hashlib.sha256(open(os.path.join(HERE, "gen_site.py"), "rb").read() + " ".join(args).encode())
    if os.path.isdir(schemas):
        for n in sorted(os.listdir(schemas)):
            h.update(open(os.path.join(schemas, n), "rb").read())
    stamp = os.path.join(out, ".stamp")
    if os.path.exists(stamp) and open(stamp).read() == h.hexdigest():
        log(f"  {name}: reusing {out}")
    else:
        t0 = time.perf_counter()
        r = sh([sys.executable, os.path.join(HERE, "gen_site.py"), out] + args)
        if r.returncode != 0:
            sys.exit(r.stderr)
        open(stamp, "w").write(h.hexdigest())
        log(f"  {r.stdout.strip()} ({time.perf_counter() - t0:.0f} s)")
    return out, os.path.isdir(schemas)


def fmt_s(xs):
    return f"{min(xs):.2f} / {statistics.median(xs):.2f}"


def serve_reload(qahub, site, edits=3):
    """Edit-to-reload in `qahub serve`: ms from a page write to the reload event,
    and ms until the edited text is served. None when serve is unavailable."""
    if sh([qahub, "serve", "--help"]).returncode != 0:
        return None, "qahub has no serve command in this build"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([qahub, "serve", "--site", site, "--port", str(port), "--as-of", AS_OF, "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=open("/dev/shm/qahub-bench-serve.log", "w"))
    try:
        deadline = time.time() + 300
        while True:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                c.request("GET", "/")
                if c.getresponse().status == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                return None, "serve did not start (see /dev/shm/qahub-bench-serve.log)"
            time.sleep(0.2)
        events = []
        stream = subprocess.Popen(["curl", "-sN", f"http://127.0.0.1:{port}/__qahub/events"], stdout=subprocess.PIPE)

        def reader():
            for line in stream.stdout:
                events.append((time.perf_counter(), line.decode(errors="replace")))
        threading.Thread(target=reader, daemon=True).start()
        time.sleep(1.0)
        page = os.path.join(site, "content", "sec-001", "page-00001.md")
        record = os.path.join(site, "data", "actions", "a-00001.json")
        originals = {page: open(page).read(), record: open(record).read()}

        def body_edit(marker):  # a paragraph appended to one page's body
            return page, originals[page] + "\n" + marker + "\n", "/sec-001/page-00001/"

        def title_edit(marker):  # the same page's title: its section, neighbours, tags and the lists show it
            text = re.sub(r'^title: "(.*)"$', lambda m: f'title: "{m.group(1)} {marker}"', originals[page], count=1,
                          flags=re.M)
            return page, text, "/sec-001/page-00001/"

        def record_edit(marker):  # one action's title: its page, the plan's and the action register
            text = re.sub(r'"title": "(.*?)"', lambda m: f'"title": "{m.group(1)} {marker}"', originals[record], count=1)
            return record, text, "/actions/a-00001/"

        def measure(edit, rounds):
            """ms from each write to the reload event and to the edit being served."""
            reload_ms, served_ms = [], []
            for k in range(rounds):
                marker = f"Edited for the benchmark round {k} {time.time_ns()}"
                path, text, url = edit(marker)
                n0 = len(events)
                t0 = time.perf_counter()
                with open(path, "w") as f:
                    f.write(text)
                served = None
                while time.perf_counter() - t0 < 180:
                    if served is None:
                        c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                        c.request("GET", url)
                        if marker.encode() in c.getresponse().read():
                            served = time.perf_counter()
                    got = [t for t, line in events[n0:] if "reload" in line]
                    if got and served is not None:
                        reload_ms.append((got[0] - t0) * 1000)
                        served_ms.append((served - t0) * 1000)
                        break
                    time.sleep(0.002)
                else:
                    return None
                if reload_ms[-1] > 10000:
                    break  # a full rebuild per edit: one sample says enough, keep the run bounded
                time.sleep(3.0)  # let the search index catch up before the next edit
            return reload_ms, served_ms

        try:
            body = measure(body_edit, edits)
            more = {"title": measure(title_edit, edits), "record": measure(record_edit, edits)}
        finally:
            for path, text in originals.items():
                with open(path, "w") as f:
                    f.write(text)
            stream.kill()
        if body is None or None in more.values():
            return None, "no reload event within 180 s of the write"
        reload_ms, served_ms = body
        # serve's own account: the search index it rebuilt after each edit.
        time.sleep(3.0)
        search_ms = [float(m) for m in re.findall(r"search index updated in (\d+) ms",
                                                   open("/dev/shm/qahub-bench-serve.log").read())]
        return (reload_ms, served_ms, search_ms, more), ""
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--qahub", required=True)
    ap.add_argument("--search-tool", default="")
    ap.add_argument("--work", default="/dev/shm/qahub-bench")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--results", default=os.path.join(HERE, "RESULTS.md"))
    ap.add_argument("--reps", type=int, help="repeats for every size (default 5 at 1k, 3 at 10k; 2 with --quick)")
    ap.add_argument("--sizes", default="1k,10k", help="comma-separated: 1k, 10k")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    sizes = [("1k", 1000, 2 if a.quick else 5)] + ([] if a.quick else [("10k", 10000, 3)])
    sizes = [(n, p, a.reps or r) for n, p, r in sizes if n in a.sizes.split(",")]
    qahub = os.path.abspath(a.qahub)
    res = {}

    for name, pages, reps in sizes:
        log(f"== {name} pages ({reps} repeats; min / median seconds)")
        site, has_records = gen_site(a.work, name, pages)
        qsite, hsite = os.path.join(site, "qahub"), os.path.join(site, "hugo")
        out = os.path.join(a.work, f"out-{name}")
        tools = {
            "qahub --jobs 1": [qahub, "build", "--site", qsite, "--out", out, "--as-of", AS_OF, "--jobs", "1"],
            "qahub --jobs 2": [qahub, "build", "--site", qsite, "--out", out, "--as-of", AS_OF, "--jobs", "2"],
            "hugo": ["hugo", "--quiet", "-s", hsite, "-d", out],
        }
        times = {t: [] for t in tools}
        cpus = {t: [] for t in tools}
        rss = {t: [] for t in tools}
        sizes_out = {}
        for _ in range(reps):  # interleaved, so load spikes hit every tool alike
            for t, cmd in tools.items():
                shutil.rmtree(out, ignore_errors=True)
                w, m, c = timed(cmd)
                times[t].append(w)
                cpus[t].append(c)
                rss[t].append(m)
                sizes_out[t] = tree_size(out)
        for t in tools:
            log(f"  {t:16s} {fmt_s(times[t])} s (CPU {fmt_s(cpus[t])} s)   peak RSS {max(rss[t]):.0f} MB   output "
                f"{sizes_out[t][0] / 1e6:.1f} MB in {sizes_out[t][1]} files")
        for j in ("1", "2"):
            r = [q / h for q, h in zip(times[f"qahub --jobs {j}"], times["hugo"])]
            log(f"  ratio qahub --jobs {j} / hugo: median of per-round ratios {statistics.median(r):.2f}, "
                f"of medians {statistics.median(times[f'qahub --jobs {j}']) / statistics.median(times['hugo']):.2f}")
        entry = {"pages": pages, "reps": reps, "times": times, "cpus": cpus, "rss": rss, "out": sizes_out, "records": has_records}

        # Search: the corpus qahub indexed, its index, and lunr.js on the same corpus.
        shutil.rmtree(out, ignore_errors=True)
        corpus = os.path.join(a.work, f"corpus-{name}.json")
        timed(tools["qahub --jobs 2"] + ["--search-corpus", corpus])  # not timed: the corpus is extra work
        index = os.path.join(out, "search", "index.json")
        docs = os.path.join(out, "search", "docs.json")
        # The store: one docs.json before issue 22, meta.json and the chunks docs/K.json after.
        chunk_dir = os.path.join(out, "search", "docs")
        store_files = [docs] if os.path.exists(docs) else (
            [os.path.join(out, "search", "meta.json")] +
            [os.path.join(chunk_dir, f) for f in sorted(os.listdir(chunk_dir)) if f.endswith(".json")]
            if os.path.isdir(chunk_dir) else [])
        # The search page's byte budget (issue 22): before and after the store's split.
        if os.path.exists(os.path.join(out, "search", "meta.json")):
            r = sh(["node", os.path.join(os.path.dirname(os.path.abspath(__file__)), "search_budget.js"), out])
            for line in (r.stdout + r.stderr).splitlines():
                log("  " + line)
        if os.path.exists(index) and os.path.exists(corpus):
            entry["index"] = {"raw": os.path.getsize(index), "gz": gz(index),
                              "docs_raw": sum(os.path.getsize(f) for f in store_files),
                              "docs_gz": sum(gz(f) for f in store_files),
                              "ndocs": len(json.load(open(corpus))["documents"]),
                              "terms": len(json.load(open(index))["invertedIndex"])}
            node_ms, node_str_ms, tool_ms = [], [], []
            lunr_out = os.path.join(a.work, f"lunr-{name}.json")
            tool_out = os.path.join(a.work, f"cxx-{name}.json")
            for _ in range(reps):
                r = sh(["node", os.path.join(HERE, "lunr_build.js"), corpus, lunr_out])
                if r.returncode != 0:
                    sys.exit(r.stderr)
                m = re.search(r"build_ms ([\d.]+) stringify_ms ([\d.]+)", r.stdout)
                node_ms.append(float(m.group(1)))
                node_str_ms.append(float(m.group(1)) + float(m.group(2)))
                if a.search_tool:
                    r = sh([a.search_tool, corpus, tool_out, "--time"])
                    if r.returncode != 0:
                        sys.exit(r.stderr)
                    tool_ms.append(float(re.search(r"build_ms ([\d.]+)", r.stderr).group(1)))
            ident = open(lunr_out, "rb").read() == open(index, "rb").read()
            entry["index"].update(node_ms=node_ms, node_str_ms=node_str_ms, tool_ms=tool_ms, identical=ident)
            if tool_ms:
                entry["index"]["tool_identical"] = open(tool_out, "rb").read() == open(index, "rb").read()
            ix = entry["index"]
            log(f"  index.json {ix['raw'] / 1e6:.2f} MB raw, {ix['gz'] / 1e6:.2f} MB gzip -9 for {ix['ndocs']} docs; "
                f"byte-identical to lunr.js: {'yes' if ident else 'NO'}")
            log(f"  lunr.js build {min(node_ms):.0f} ms (with JSON.stringify {min(node_str_ms):.0f} ms)"
                + (f"; qahub builder {min(tool_ms):.0f} ms; speed-up {min(node_str_ms) / min(tool_ms):.1f}x"
                   if tool_ms else "; qahub builder alone not measured (no search_corpus_tool)"))
        else:
            log("  search index not written by this build: index not measured")
        res[name] = entry

    if "10k" in res:
        s10 = os.path.join(a.work, "10k", "qahub")
        log("== serve: one-file edit to reload at 10k pages")
        r, why = serve_reload(qahub, s10)
        res["serve"] = {"result": r, "why": why}
        if r:
            log(f"  reload event {fmt_ms(r[0])} ms; edited page served {fmt_ms(r[1])} ms after the write; "
                f"search index rebuilt {fmt_ms(r[2]) if r[2] else 'never'} ms after the update")
            for kind, (reload_ms, served_ms) in r[3].items():
                log(f"  {kind} edit: reload event {fmt_ms(reload_ms)} ms; edit served {fmt_ms(served_ms)} ms")
        else:
            log(f"  not measured: {why}")
        # `qahub search` reads the build's own index (no database to make first).
        first, _, _ = timed([qahub, "search", "--site", s10, "assessment plan"])
        again, _, _ = timed([qahub, "search", "--site", s10, "assessment plan"])
        res["terminal"] = {"first": first, "again": again}
        log(f"  qahub search at 10k: first after a build {first:.2f} s, then {again:.2f} s")

    if "10k" in res and "1k" in res:
        log("== growth 10k / 1k (medians)")
        for t in res["1k"]["times"]:
            log(f"  {t:16s} time x{statistics.median(res['10k']['times'][t]) / statistics.median(res['1k']['times'][t]):.1f}"
                f"   RSS x{max(res['10k']['rss'][t]) / max(res['1k']['rss'][t]):.1f}")
    write_results(a, res)
    log(f"wrote {a.results}")


def fmt_ms(xs):
    return f"{min(xs):.0f} / {statistics.median(xs):.0f} (min / median of {len(xs)})"


def machine():
    model = "unknown"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem = sh("free -g | awk '/^Mem:/ {print $2}'").stdout.strip()
    load = open("/proc/loadavg").read().split()[:3]
    return (f"{sh('nproc').stdout.strip()} CPUs ({model}), {mem} GiB RAM (`free -g`), Linux {platform.release()}; "
            f"load average at the end {' '.join(load)}")


def versions(qahub):
    v = lambda cmd: (sh(cmd).stdout.strip().splitlines() or ["?"])[0]
    lunr = json.load(open(os.path.join(ROOT, "node_modules", "lunr", "package.json")))["version"]
    rev = sh(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]).stdout.strip()
    dirty = " + uncommitted changes" if sh(["git", "-C", ROOT, "status", "--porcelain"]).stdout.strip() else ""
    return (f"{v([qahub, '--version'])} (Release, commit {rev}{dirty}); {v(['hugo', 'version'])}; "
            f"node {v(['node', '--version'])}, lunr {lunr}")


def write_results(a, res):
    L = ["# Benchmark results", "",
         f"Written by `bench/run{' --quick' if a.quick else ''}` on {sh('date -u +%F').stdout.strip()}.", "",
         f"- Machine: {machine()}.", f"- Versions: {versions(a.qahub)}.",
         "- Outputs on /dev/shm (tmpfs). Runs interleaved (qahub -j1, qahub -j2, Hugo, repeat), so compare "
         "ratios from the same run, not absolute times across runs.", ""]
    L += ["## Full build", "",
          "| pages | tool | wall min / median (s) | wall ratio to Hugo (median) | CPU user+sys min / median (s) | "
          "CPU ratio to Hugo | peak RSS (MB) | output (MB per 1k pages) | files |",
          "|---|---|---|---|---|---|---|---|---|"]
    for name in ("1k", "10k"):
        if name not in res:
            continue
        e = res[name]
        hm = statistics.median(e["times"]["hugo"])
        hc = statistics.median(e["cpus"]["hugo"])
        for t in e["times"]:
            ratio = statistics.median(e["times"][t]) / hm
            L.append(f"| {e['pages']:,} ({e['reps']}×) | {t} | {fmt_s(e['times'][t])} | {ratio:.2f} | "
                     f"{fmt_s(e['cpus'][t])} | {statistics.median(e['cpus'][t]) / hc:.2f} | "
                     f"{max(e['rss'][t]):.0f} | {e['out'][t][0] / 1e6 / (e['pages'] / 1000):.1f} | {e['out'][t][1]:,} |")
    L.append("")
    if "1k" in res and "10k" in res:
        L += ["## Linear growth (10k / 1k, medians; 10× the pages)", "", "| tool | time | peak RSS |", "|---|---|---|"]
        for t in res["1k"]["times"]:
            L.append(f"| {t} | ×{statistics.median(res['10k']['times'][t]) / statistics.median(res['1k']['times'][t]):.1f} | "
                     f"×{max(res['10k']['rss'][t]) / max(res['1k']['rss'][t]):.1f} |")
        L.append("")
    L += ["## Search index", "",
          "| pages | docs | terms | index.json per 1k pages raw / gzip -9 (MB) | docs.json per 1k raw / gzip (MB) | "
          "lunr.js build (ms, min) | lunr.js build + stringify | qahub builder (ms, min) | speed-up | byte-identical |",
          "|---|---|---|---|---|---|---|---|---|---|"]
    for name in ("1k", "10k"):
        ix = res.get(name, {}).get("index")
        if not ix:
            continue
        k = res[name]["pages"] / 1000
        tool = f"{min(ix['tool_ms']):.0f}" if ix["tool_ms"] else "not measured"
        sp = f"{min(ix['node_str_ms']) / min(ix['tool_ms']):.1f}×" if ix["tool_ms"] else "—"
        L.append(f"| {res[name]['pages']:,} | {ix['ndocs']:,} | {ix['terms']:,} | {ix['raw'] / 1e6 / k:.2f} / {ix['gz'] / 1e6 / k:.2f} | "
                 f"{ix['docs_raw'] / 1e6 / k:.2f} / {ix['docs_gz'] / 1e6 / k:.2f} | {min(ix['node_ms']):.0f} | "
                 f"{min(ix['node_str_ms']):.0f} | {tool} | {sp} | {'yes' if ix['identical'] else 'NO'} |")
    L += ["", "lunr.js is timed inside node around `lunr(function () {...})` (build) and `JSON.stringify` "
          "(with stringify), excluding reading and parsing the corpus; the qahub builder is "
          "`tests/search/search_corpus_tool --time` (`build_lunr_index`, which returns the JSON text), "
          "excluding the corpus parse. The speed-up compares build + stringify with the qahub builder. "
          "Byte identity compares node's `JSON.stringify(idx)` with the `public/search/index.json` of the build.",
          "The synthetic text draws from a Zipf-like vocabulary (550 English and domain words make about 78% of "
          "the words; synthetic rare words the rest, so the vocabulary keeps growing with the site like real text). "
          "Its rare words make the index larger per page than prose with a small vocabulary: "
          "compare sizes between runs of this benchmark, not with other corpora.", ""]
    if "serve" in res:
        r = res["serve"]["result"]
        L += ["## serve: one-file edit to reload (10k pages)", ""]
        L.append(f"- Reload event after the write: {fmt_ms(r[0])} ms; the edited page served: {fmt_ms(r[1])} ms; "
                 f"the search index rebuilt {fmt_ms(r[2]) if r[2] else 'never'} ms after the update (serve's log)."
                 if r else f"- Not measured: {res['serve']['why']}.")
        if r:
            for kind, (reload_ms, served_ms) in r[3].items():
                L.append(f"- A {kind} edit: reload event after the write {fmt_ms(reload_ms)} ms; the edit served "
                         f"{fmt_ms(served_ms)} ms (target 300 ms).")
        L += ["- The body edit appends a paragraph to one page's body: serve re-renders that page and its section's "
              "print pack from the build it keeps (pipeline/incremental.h), then the search index on a thread of its "
              "own. The title edit changes that page's title (its section, neighbours, tag pages, the review "
              "dashboard, the amendments log and feed and its A to Z letter show it: pipeline/structure_update.h); "
              "the record edit one action's title (data/actions/a-00001.json: its page, its plan's and the action "
              "register: pipeline/record_update.h). Edits to theme or config rebuild everything (a full build's "
              "time).", ""]
    if "terminal" in res:
        t = res["terminal"]
        L += ["## qahub search (10k pages)", "",
              f"- `qahub search` scores the build's own lunr index (`.qahub/search/`): the first search after a "
              f"build {t['first']:.2f} s, later searches {t['again']:.2f} s.", ""]
    if "10k" in res:
        e = res["10k"]
        r2 = statistics.median(e["times"]["qahub --jobs 2"]) / statistics.median(e["times"]["hugo"])
        ix = e.get("index")
        sp = min(ix["node_str_ms"]) / min(ix["tool_ms"]) if ix and ix["tool_ms"] else None
        L += ["## Targets (issue 7) at 10k pages", "",
              f"- Full build ≤ 0.5 × Hugo (`--jobs 2`): {r2:.2f} × — {'met' if r2 <= 0.5 else 'NOT met'}.",
              f"- Index ≥ 5 × faster than lunr.js, byte-identical: "
              + (f"{sp:.1f} ×, {'identical' if ix['identical'] else 'NOT identical'} — "
                 f"{'met' if sp >= 5 and ix['identical'] else 'NOT met'}." if sp else "speed not measured."),
              f"- Peak RSS ≤ 1 GiB: {max(e['rss']['qahub --jobs 2']):.0f} MB (Hugo {max(e['rss']['hugo']):.0f} MB) — "
              f"{'met' if max(max(e['rss']['qahub --jobs 1']), max(e['rss']['qahub --jobs 2'])) <= 1024 else 'NOT met'}.",
              ("- Edit to reload ≤ 100 ms: " + (f"{max(res['serve']['result'][0]):.0f} ms at most — "
               f"{'met' if max(res['serve']['result'][0]) <= 100 else 'NOT met'}; search index within 2 s: "
               + (f"{max(res['serve']['result'][2]):.0f} ms at most — "
                  f"{'met' if max(res['serve']['result'][2]) <= 2000 else 'NOT met'}."
                  if res['serve']['result'][2] else "not seen.")
               if res.get("serve", {}).get("result") else "not measured.")), ""]
    L += ["## Differences in work", "",
          "- Same Markdown for both (sections of 50 files, ~500 words a page, h2/h3, a list, a table, 2–5 links).",
          "- qahub also checks every internal link and anchor (rewriting `.md` links to URLs), generates tag, review, "
          "print and amendments pages, writes the lunr index, `docs.json` and the search cache for `qahub search` "
          "(`.qahub/search/`: the page's index, store and suggestion words), "
          "renders records" + (" (one action per 20 pages)" if any(res[n].get("records") for n in ("1k", "10k") if n in res)
                               else "") + ", and writes all or nothing.",
          "- Hugo leaves `.md` links as written (unchecked), has no search, and runs with taxonomies and RSS disabled; "
          "its theme is minimal (base, single, list: title, section nav, breadcrumbs, TOC, content, prev/next, "
          "changes list) and writes a sitemap.", ""]
    with open(a.results, "w") as f:
        f.write("\n".join(L))


if __name__ == "__main__":
    main()
